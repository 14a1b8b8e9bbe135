"""What else moves mood (domain/factors.py), against hand-computed expectations."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest

from ketajournal.domain import factors
from ketajournal.domain.boosters import DailyMood
from ketajournal.domain.factors import Factor, FactorEffect
from ketajournal.domain.models import Event, EventKind, MoodEntry
from ketajournal.domain.tags import FactorDefinition, FactorKind
from ketajournal.domain.wording import count_of

START = date(2026, 1, 1)
ZONE = timezone(timedelta(hours=1))


def day(offset: int) -> date:
    return START + timedelta(days=offset)


def daily(values: list[float], start: int = 0) -> DailyMood:
    return DailyMood(tuple(day(start + i) for i in range(len(values))),
                     np.asarray(values, dtype=np.float64))


def factor(present: set[int], known: set[int] | None = None, **kw: object) -> Factor:
    return Factor(
        key="f", label="the factor",
        present=frozenset(day(i) for i in present),
        known=None if known is None else frozenset(day(i) for i in known),
        **kw,  # type: ignore[arg-type]
    )


# -- bands -----------------------------------------------------------------------------------


def test_bands_count_days_since_the_latest_session_on_or_before() -> None:
    sessions = [day(9), day(19)]
    offsets = [8, 9, 10, 12, 13, 16, 17, 18, 19, 34]
    # before, session day, 1–3, 1–3, 4–7, 4–7, 8–14, 8–14, session day (the 2nd), 15+
    expected = [5, 0, 1, 1, 2, 2, 3, 3, 0, 4]
    assert factors.bands([day(i) for i in offsets], sessions).tolist() == expected
    assert factors.bands([day(1)], []).tolist() == [factors.BEFORE_FIRST_SESSION]


# -- the weighted difference -----------------------------------------------------------------


def test_stratified_difference_by_hand() -> None:
    # Band 1–3: with 8, 8 / without 6 → d = 2, w = 2·1/3 = 2/3.
    # Band 4–7: with 5 / without 4, 4, 4 → d = 1, w = 1·3/4 = 3/4.
    # Difference = (2/3·2 + 3/4·1) / (2/3 + 3/4) = (25/12) / (17/12) = 25/17.
    # Mean with = (2/3·8 + 3/4·5) / (17/12) = 109/17; without = (2/3·6 + 3/4·4) / (17/12) = 84/17.
    # (Ignoring the bands: 7 vs 4.5, a difference of 2.5 — the session's lift counted twice.)
    mood = np.array([8, 8, 6, 5, 4, 4, 4], dtype=np.float64)
    present = np.array([1, 1, 0, 1, 0, 0, 0], dtype=np.bool_)
    band = np.array([1, 1, 1, 2, 2, 2, 2], dtype=np.int64)
    got = factors.stratified_difference(mood, present, band)
    assert got == pytest.approx((109 / 17, 84 / 17, 25 / 17))


def test_without_sessions_it_is_the_plain_difference_of_means() -> None:
    mood = np.array([7, 8, 9, 4, 5], dtype=np.float64)
    present = np.array([1, 1, 1, 0, 0], dtype=np.bool_)
    band = np.full(5, factors.BEFORE_FIRST_SESSION, dtype=np.int64)
    assert factors.stratified_difference(mood, present, band) == pytest.approx((8, 4.5, 3.5))


def test_a_band_with_one_side_only_compares_nothing() -> None:
    mood = np.array([7, 5, 10, 10], dtype=np.float64)
    present = np.array([1, 0, 1, 1], dtype=np.bool_)
    band = np.array([1, 1, 3, 3], dtype=np.int64)
    assert factors.stratified_difference(mood, present, band) == pytest.approx((7, 5, 2))
    assert factors.stratified_difference(mood[2:], present[2:], band[2:]) is None


# -- the bootstrap -----------------------------------------------------------------------------


def test_one_block_covering_everything_resamples_the_series_itself() -> None:
    rng = np.random.default_rng(0)
    mood = rng.integers(0, 11, size=30).astype(np.float64)
    present = np.arange(30) % 3 == 0
    band = np.full(30, 5, dtype=np.int64)
    estimate = factors.stratified_difference(mood, present, band)
    assert estimate is not None
    low, high = factors.block_bootstrap_interval(mood, present, band, block_days=30) or (0, 0)
    assert low == pytest.approx(estimate[2]) and high == pytest.approx(estimate[2])


def test_the_interval_is_reproducible_and_brackets_the_estimate() -> None:
    values = [6.0 + (1.0 if i % 3 else 0.0) + ((i * 7) % 5 - 2) * 0.5 for i in range(60)]
    sleep = factor({i for i in range(60) if i % 3}, lags=(0,))
    first = factors.factor_effect(daily(values), sleep)
    again = factors.factor_effect(daily(values), sleep)
    other = factors.factor_effect(daily(values), sleep, seed=factors.SEED + 1)
    assert first == again
    assert (first.low, first.high) != (other.low, other.high)
    # Hand-computed: with days are i % 3 != 0 (40 days), their noise terms average
    # out to 0 as do the 20 without days', so the means are exactly 7 and 6.
    assert (first.days_with, first.days_without) == (40, 20)
    assert first.mean_with == pytest.approx(7.0) and first.mean_without == pytest.approx(6.0)
    assert first.difference == pytest.approx(1.0)
    assert first.low is not None and first.high is not None
    assert first.low < 1.0 < first.high
    # The numbers the report quotes (seed 18, 2,000 resamples, 7-day blocks).
    assert (round(first.low, 2), round(first.high, 2)) == (0.57, 1.38)


def test_a_constant_gap_gives_a_zero_width_interval() -> None:
    # Mood 7 on every "with" day and 5 on every "without" day: every resample that
    # has both sides gives exactly 2.
    present = {i for i in range(40) if i % 2 == 0}
    values = [7.0 if i in present else 5.0 for i in range(40)]
    effect = factors.factor_effect(daily(values), factor(present))
    assert (effect.difference, effect.low, effect.high) == pytest.approx((2.0, 2.0, 2.0))
    assert (effect.days_with, effect.days_without) == (20, 20)


# -- booster timing --------------------------------------------------------------------------


def test_what_happens_after_sessions_is_not_credited_with_the_sessions_lift() -> None:
    # Ten 14-day cycles; mood depends only on days since the session: 5 on the
    # session day, 8 on days 1–3, 6 on days 4–7, 5 on days 8–13. Therapy falls on
    # day 2 (inside the lift) and day 10 of every cycle.
    sessions, values, therapy = [], [], set()
    for cycle in range(10):
        base = cycle * 14
        sessions.append(day(base))
        for k in range(14):
            values.append(5.0 if k == 0 else 8.0 if k <= 3 else 6.0 if k <= 7 else 5.0)
        therapy |= {base + 2, base + 10}
    effect = factors.factor_effect(daily(values), factor(therapy), session_days=sessions)
    # Within each band therapy days and other days have the same mood: no difference.
    assert effect.difference == pytest.approx(0.0)
    assert (effect.low, effect.high) == pytest.approx((0.0, 0.0))
    # Only bands 1–3 and 8–14 have therapy days; the compared days are those bands'
    # 30 + 60 days: 20 with, 70 without.
    assert (effect.days_with, effect.days_without) == (20, 70)
    # Ignoring timing would credit therapy with (8 + 5)/2 − mean of the others.
    naive = factors.factor_effect(daily(values), factor(therapy))
    assert naive.difference is not None and naive.difference > 0.4


# -- lags, unknown days, the minimum -----------------------------------------------------------


def test_next_day_compares_mood_the_day_after() -> None:
    # The factor is on even days; mood is 7 on the day after an even day, else 5.
    present = {i for i in range(40) if i % 2 == 0}
    values = [7.0 if (i - 1) in present else 5.0 for i in range(40)]
    same = factors.factor_effect(daily(values), factor(present), lag=0)
    after = factors.factor_effect(daily(values), factor(present), lag=1)
    assert same.difference == pytest.approx(-2.0)
    assert after.difference == pytest.approx(2.0)
    # Every day is known (known=None), so the day before day 0 counts as a day
    # without: 20 with (days 1, 3, … 39) and 20 without (days 0, 2, … 38).
    assert (after.days_with, after.days_without) == (20, 20)


def test_unknown_days_are_left_out_and_the_minimum_is_enforced() -> None:
    values = [5.0] * 40
    # Known on 25 days only, present on 9 of them: 9 vs 16, below the minimum of 10.
    effect = factors.factor_effect(daily(values), factor(set(range(9)), known=set(range(25))))
    assert (effect.days_with, effect.days_without) == (9, 16)
    assert not effect.enough and effect.difference is None and effect.low is None
    assert factors.describe(effect) == (
        "Not enough days yet to compare days with the factor with other days "
        "(9 vs 16 days; at least 10 on each side are needed)."
    )
    with pytest.raises(ValueError):
        factors.factor_effect(daily(values), factor(set()), lag=-1)


# -- building factors ------------------------------------------------------------------------


def mood_at(offset: int, sleep: float | None, hour: int = 9) -> MoodEntry:
    when = datetime.combine(day(offset), datetime.min.time()).replace(hour=hour, tzinfo=ZONE)
    return MoodEntry(at=when, mood=5, sleep_hours=sleep)


def test_sleep_factor_uses_the_days_mean_and_leaves_unlogged_days_unknown() -> None:
    entries = [mood_at(0, 8.0), mood_at(0, 6.0, 20), mood_at(1, 6.5), mood_at(2, None)]
    sleep = factors.sleep_factor(entries)
    assert sleep.label == "7+ hours of sleep"
    assert [sleep.state(day(i)) for i in range(3)] == [True, False, None]
    assert sleep.lags == (0,)
    assert sleep.phrase(0) == "days after 7+ hours of sleep"
    assert factors.sleep_factor(entries, 6.5).label == "6.5+ hours of sleep"


def test_event_and_tag_factors() -> None:
    events = [
        Event(at=datetime(2026, 1, 5, 17, tzinfo=ZONE), event_kind=EventKind.PSYCHOTHERAPY),
        Event(at=datetime(2026, 1, 6, 9, tzinfo=ZONE), event_kind=EventKind.LIFE_EVENT),
    ]
    therapy = factors.event_factor(events, EventKind.PSYCHOTHERAPY)
    assert therapy.present == {date(2026, 1, 5)} and therapy.known is None
    assert therapy.state(date(2026, 3, 1)) is False
    assert therapy.phrase(0) == "days with psychotherapy"
    assert therapy.phrase(1) == "days after psychotherapy"
    tags = factors.tag_factors({day(0): ["Walk", "friends"], day(1): ["walk"], day(2): []})
    assert [(t.key, t.label, sorted(t.present)) for t in tags] == [
        ("tag:friends", "friends", [day(0)]),
        ("tag:walk", "Walk", [day(0), day(1)]),
    ]
    assert tags[0].state(day(2)) is False and tags[0].state(day(3)) is None


# -- ranking and words -----------------------------------------------------------------------


def made(key: str, diff: float | None, low: float | None, high: float | None) -> FactorEffect:
    return FactorEffect(Factor(key, key, frozenset()), 0, 20, 20,
                        None if diff is None else 5 + diff, None if diff is None else 5.0,
                        diff, low, high)


def test_ranked_by_the_smallest_effect_the_interval_allows() -> None:
    a = made("a", 0.8, 0.3, 1.3)     # at least 0.3
    b = made("b", -1.2, -2.0, -0.5)  # at least 0.5 (lower)
    c = made("c", 1.4, -0.2, 3.0)    # the largest point estimate, but compatible with 0
    d = made("d", None, None, None)  # too few days
    e = made("e", 0.4, 0.0, 0.8)     # touches 0: compatible with no difference
    assert [x.factor.key for x in factors.ranked([d, c, a, e, b])] == ["b", "a", "e", "c", "d"]


def test_describe_says_size_interval_days_and_that_it_is_no_cause() -> None:
    sleep = Factor("sleep>=7", "7+ hours of sleep", frozenset(),
                   same_day="days after 7+ hours of sleep")
    effect = FactorEffect(sleep, 0, 212, 140, 6.3, 5.5, 0.8, 0.3, 1.3)
    assert factors.describe(effect) == (
        "On days after 7+ hours of sleep your mood was 0.8 higher (0.3 to 1.3; "
        "212 vs 140 days). This is an association, not proof of a cause."
    )
    therapy = Factor("event:psychotherapy", "psychotherapy", frozenset())
    lower = FactorEffect(therapy, 1, 31, 1, 4.0, 5.25, -1.25, -2.04, -0.3)
    assert factors.describe(lower) == (
        "On days after psychotherapy your mood was 1.2 lower (−2.0 to −0.3; "
        "31 vs 1 day). This is an association, not proof of a cause."
    )
    flat = FactorEffect(therapy, 0, 1, 12, 5.0, 5.02, -0.02, -0.6, 0.55)
    assert factors.describe(flat) == (
        "On days with psychotherapy your mood was about the same (−0.6 to 0.6; "
        "1 vs 12 days). The interval includes no difference at all. "
        "This is an association, not proof of a cause."
    )


def test_plural_has_one_rule() -> None:
    assert [count_of(n, "day") for n in (0, 1, 2, 21)] == [
        "0 days", "1 day", "2 days", "21 days",
    ]


def test_analyse_factors_runs_every_lag_and_ranks() -> None:
    present = {i for i in range(40) if i % 2 == 0}
    values = [7.0 if i in present else 5.0 for i in range(40)]
    effects = factors.analyse_factors(daily(values), [factor(present)])
    assert [(e.lag, e.difference) for e in effects] == [
        (0, pytest.approx(2.0)), (1, pytest.approx(-2.0)),
    ]


def test_no_days_at_all_is_not_enough_rather_than_an_error() -> None:
    empty = DailyMood((), np.asarray([], dtype=np.float64))
    effect = factors.factor_effect(empty, factor({1}), session_days=[day(0)])
    assert (effect.days_with, effect.days_without, effect.enough) == (0, 0, False)
    assert factors.block_bootstrap_interval(
        np.asarray([], dtype=np.float64), np.asarray([], dtype=np.bool_),
        np.asarray([], dtype=np.int64),
    ) is None


def test_own_yes_no_factor_is_present_on_yes_and_known_where_rated() -> None:
    values = {date(2026, 1, 1): 1, date(2026, 1, 2): 0, date(2026, 1, 3): 1}
    factor = factors.own_factor(FactorDefinition("Alcohol", FactorKind.YESNO), values)
    assert factor.key == "factor:alcohol" and factor.label == "Alcohol"
    assert factor.present == {date(2026, 1, 1), date(2026, 1, 3)}
    assert factor.state(date(2026, 1, 2)) is False
    assert factor.state(date(2026, 1, 4)) is None  # not rated: unknown, not "without"


def test_own_scale_factor_is_present_from_five() -> None:
    values = {date(2026, 1, 1): 4, date(2026, 1, 2): 5, date(2026, 1, 3): 10}
    factor = factors.own_factor(FactorDefinition("Exercise", FactorKind.SCALE), values)
    assert factor.label == "Exercise 5 or more"
    assert factor.present == {date(2026, 1, 2), date(2026, 1, 3)}
    assert factor.known == frozenset(values)


def test_describe_speaks_the_language_in_use_with_its_decimal_comma() -> None:
    from ketajournal import language
    from ketajournal.domain import locales

    language.use("de")
    locales.follow("de")
    therapy = Factor("event:psychotherapy", "psychotherapy", frozenset())
    lower = FactorEffect(therapy, 1, 31, 1, 4.0, 5.25, -1.25, -2.04, -0.3)
    assert factors.describe(lower) == (
        "An Tagen nach Psychotherapie war Ihre Stimmung um 1,2 niedriger (−2,0 bis −0,3; "
        "31 vs. 1 Tag). Das ist ein Zusammenhang, kein Beweis für eine Ursache."
    )
    assert "weniger als 10 Tagen" in factors.definition()
