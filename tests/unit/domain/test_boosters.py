"""The booster analysis against vectors computed by hand, plus properties and the demo.

Days are written as offsets from day 0 (``D0``); moods as ``{day: daily mood}``. The
reasoning for each expected number is in the comment above the test, so a reader can
check it with pencil and paper against the definitions in DESIGN.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, timezone

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketajournal.domain.booster_analysis import analyse_boosters
from ketajournal.domain.boosters import (
    DEFINITIONS,
    NEEDS_BASELINE,
    NEEDS_POST_INDUCTION,
    NEEDS_SESSION,
    BoosterAnalysis,
    DailyMood,
    SessionPoint,
    daily_mood,
    rolling_values,
)
from ketajournal.domain.models import MoodEntry, Phase, Route, Session
from ketajournal.services.demo import generate

CET = timezone(timedelta(hours=1))
MINUS5 = timezone(timedelta(hours=-5))
D0 = date(2026, 1, 5)
IND, BOO = Phase.INDUCTION, Phase.BOOSTER


def day(n: int) -> date:
    return D0 + timedelta(days=n)


def moods(values: Mapping[int, float]) -> DailyMood:
    """Daily moods from ``{day offset: mood}``."""
    keys = sorted(values)
    return DailyMood(tuple(day(k) for k in keys), np.asarray([values[k] for k in keys], float))


def point(n: int, phase: Phase, dose: float | None = 35.0, hour: int = 10) -> SessionPoint:
    return SessionPoint(
        at=datetime.combine(day(n), datetime.min.time().replace(hour=hour), tzinfo=CET),
        day=day(n),
        phase=phase,
        dose_mg=dose,
    )


def run(
    values: Mapping[int, float], sessions: Sequence[SessionPoint], threshold: float | None = None
) -> BoosterAnalysis:
    return analyse_boosters(moods(values), sessions, threshold)


# The main example.
# Baseline days −3, −2, −1: 3, 3, 4 → B = 10/3 = 3.333…
# Induction on day 0 (the only one, so E = 0); days 1…7 all 7 → P = 7.
# T = B + (P − B)/2 = (10/3 + 7)/2 = 31/6 = 5.1667.
# Days 8, 9: 6, 5. Booster on day 10 (mood 2 that day, before/around the session).
# After it: day 11 = 8, 12 missing, 13 = 7, 14 and 15 missing, 16 = 4, 17 = 5.
#
# Induction cycle: offsets 1…9 (up to the day before day 10), daily 7,7,7,7,7,7,7,6,5.
#   r(8) = (7+7+6)/3 = 6.667, r(9) = (7+6+5)/3 = 6; every r ≥ 5.1667 → censored,
#   durability = last evaluated offset = 9 → "≥ 9 days".
# Booster cycle (last session: up to the last day with data, day 17 → length 7):
#   offsets 1, 3, 6, 7; daily 8, 7, 4, 5.
#   r(1) = 8 (window 1…1: day 10 itself, offset 0, is never used — with it r(1) = 5 < T)
#   r(3) = window 1…3 = (8 + 7)/2 = 7.5 (offset 2 missing is skipped, not taken as 0)
#   r(6) = window 4…6 = 4 < T → k* = 6, durability 5 → "5 days"
#   r(7) = window 5…7 = (4 + 5)/2 = 4.5
# Median curve over booster cycles (only this one): offsets 1, 3, 6, 7 → 8, 7, 4, 5.
MAIN = {
    -3: 3, -2: 3, -1: 4,
    1: 7, 2: 7, 3: 7, 4: 7, 5: 7, 6: 7, 7: 7, 8: 6, 9: 5,
    10: 2, 11: 8, 13: 7, 16: 4, 17: 5,
}  # fmt: skip
MAIN_SESSIONS = [point(10, BOO), point(0, IND)]  # unsorted on purpose


def test_main_example_levels_and_threshold() -> None:
    result = run(MAIN, MAIN_SESSIONS)
    assert result.baseline_level == pytest.approx(10 / 3)
    assert result.post_induction_level == pytest.approx(7.0)
    assert result.threshold == pytest.approx(31 / 6)
    assert result.threshold_source == "automatic"
    assert result.needs is None


def test_missing_days_inside_a_cycle_and_never_before_the_session() -> None:
    booster = run(MAIN, MAIN_SESSIONS).cycles[1]
    assert booster.session.day == day(10)
    assert booster.index == 1
    assert booster.length_days == 7
    assert booster.offsets.tolist() == [1, 3, 6, 7]
    assert booster.daily.tolist() == [8, 7, 4, 5]
    assert booster.rolling.tolist() == pytest.approx([8, 7.5, 4, 4.5])
    assert booster.durability_days == 5
    assert not booster.censored
    assert booster.label == "5 days"


def test_censored_when_rolling_value_never_falls_below_threshold() -> None:
    induction = run(MAIN, MAIN_SESSIONS).cycles[0]
    assert induction.length_days == 9
    assert induction.offsets.tolist() == list(range(1, 10))
    assert induction.rolling.tolist() == pytest.approx([7] * 7 + [20 / 3, 6])
    assert induction.durability_days == 9
    assert induction.censored
    assert induction.label == "≥ 9 days"


def test_median_curve_uses_booster_cycles_only() -> None:
    result = run(MAIN, MAIN_SESSIONS)
    assert result.median_curve_offsets.tolist() == [1, 3, 6, 7]
    assert result.median_curve_values.tolist() == [8, 7, 4, 5]


# The same data with T = 7.6 set by the user: B and P are still reported.
# Induction cycle: r(1) = 7 < 7.6 → k* = 1, durability 0 → "0 days".
# Booster cycle: r(1) = 8, r(3) = 7.5 < 7.6 → k* = 3, durability 2.
def test_user_threshold_replaces_the_automatic_one() -> None:
    result = run(MAIN, MAIN_SESSIONS, threshold=7.6)
    assert result.threshold == 7.6
    assert result.threshold_source == "user"
    assert result.baseline_level == pytest.approx(10 / 3)
    assert result.post_induction_level == pytest.approx(7.0)
    assert [c.durability_days for c in result.cycles] == [0, 2]
    assert [c.label for c in result.cycles] == ["0 days", "2 days"]


# No mood before or right after treatment, T = 5 set by the user: B and P are not needed.
# Induction on day 0, days 1…4: 6, 6, 4, 3.
# r(1) = 6, r(2) = 6, r(3) = (6+6+4)/3 = 5.333, r(4) = (6+4+3)/3 = 4.333 < 5 → k* = 4,
# durability 3, not censored. The cycle runs to the last day with data: length 4.
def test_user_threshold_needs_no_baseline_or_post_induction_level() -> None:
    result = run({1: 6, 2: 6, 3: 4, 4: 3}, [point(0, IND)], threshold=5)
    assert result.baseline_level is None
    assert result.threshold == 5.0
    assert result.threshold_source == "user"
    assert result.needs is None
    (cycle,) = result.cycles
    assert cycle.length_days == 4
    assert cycle.rolling.tolist() == pytest.approx([6, 6, 16 / 3, 13 / 3])
    assert (cycle.durability_days, cycle.censored, cycle.label) == (3, False, "3 days")


# B = (4+4+4)/3 = 4; induction day 0, days 1…3: 8 → P = 8; T = 4 + (8 − 4)/2 = 6.
# Boosters on days 5 and 12.
# Induction cycle: days 1…4 (length 4), data on 1…3 only, r = 8 throughout → censored at
#   the last offset EVALUATED, 3 (not the length 4) → "≥ 3 days".
# Booster day 5: days 6…11 (length 6), no mood at all → no durability, not censored.
# Booster day 12 (last): days 13 = 8, 14 = 3 → length 2; r(1) = 8, r(2) = 5.5 < 6 →
#   durability 1 → "1 day".
def test_cycle_without_data_has_no_durability() -> None:
    values = {-3: 4, -2: 4, -1: 4, 1: 8, 2: 8, 3: 8, 13: 8, 14: 3}
    result = run(values, [point(0, IND), point(5, BOO), point(12, BOO)])
    assert result.threshold == pytest.approx(6.0)
    first, empty, last = result.cycles
    assert (first.length_days, first.durability_days, first.censored) == (4, 3, True)
    assert first.label == "≥ 3 days"
    assert empty.length_days == 6
    assert empty.offsets.size == 0 and empty.daily.size == 0 and empty.rolling.size == 0
    assert (empty.durability_days, empty.censored, empty.label) == (None, False, "no data")
    assert last.rolling.tolist() == pytest.approx([8, 5.5])
    assert (last.length_days, last.durability_days, last.censored) == (2, 1, False)
    assert last.label == "1 day"


# No induction session: E = the first session (a booster on day 0); another on day 20.
# Baseline window is days −14 … −1: day −15 (mood 9) is outside; days −14, −3, −1 give
#   2, 3, 4 → B = 3 (with day −15 it would be 4.5).
# P = mean over E+1 … E+7 = days 1…7: only days 1, 2 → (6 + 7)/2 = 6.5 (day 8 is outside).
# T = 3 + (6.5 − 3)/2 = 4.75.
# Cycle of day 0: days 1…19, data at offsets 1, 2, 8: 6, 7, 1.
#   r(1) = 6, r(2) = 6.5, r(8) = window 6…8 = only 1 → 1 < 4.75 → durability 7.
# Cycle of day 20: the last data day (8) is before it → empty, length 0, "no data".
def test_no_induction_sessions_uses_the_first_session_as_induction_end() -> None:
    values = {-15: 9, -14: 2, -3: 3, -1: 4, 1: 6, 2: 7, 8: 1}
    result = run(values, [point(20, BOO), point(0, BOO)])
    assert result.baseline_level == pytest.approx(3.0)
    assert result.post_induction_level == pytest.approx(6.5)
    assert result.threshold == pytest.approx(4.75)
    first, second = result.cycles
    assert first.offsets.tolist() == [1, 2, 8]
    assert first.rolling.tolist() == pytest.approx([6, 6.5, 1])
    assert (first.length_days, first.durability_days, first.censored) == (19, 7, False)
    assert (second.length_days, second.offsets.size, second.label) == (0, 0, "no data")


# Only 2 baseline days (−2: 3, −1: 4) → B undefined, so no T: every durability is None and
# `needs` says plainly what is missing; nothing is guessed.
def test_baseline_undefined_with_fewer_than_three_days() -> None:
    result = run({-2: 3, -1: 4, 1: 7, 2: 7}, [point(0, IND)])
    assert result.baseline_level is None
    assert result.post_induction_level == pytest.approx(7.0)
    assert result.threshold is None
    assert result.threshold_source is None
    assert result.needs is not None
    assert NEEDS_BASELINE in result.needs and "(2 found)" in result.needs
    assert NEEDS_POST_INDUCTION not in result.needs
    (cycle,) = result.cycles
    assert cycle.offsets.tolist() == [1, 2]
    assert (cycle.durability_days, cycle.censored, cycle.label) == (None, False, "no threshold")
    assert not result.tolerance.signal
    assert result.next_due is None


# Induction on days 0 and 1 → E = 1, P is the mean over days 2…8: nothing there (day 9
# is outside) → P undefined; B = 3 from days −3…−1.
def test_post_induction_level_missing() -> None:
    result = run({-3: 3, -2: 3, -1: 3, 9: 7}, [point(0, IND), point(1, IND)])
    assert result.baseline_level == pytest.approx(3.0)
    assert result.post_induction_level is None
    assert result.threshold is None
    assert result.needs is not None
    assert NEEDS_POST_INDUCTION in result.needs
    assert NEEDS_BASELINE not in result.needs


def test_no_sessions_needs_a_session() -> None:
    result = run({1: 5, 2: 6}, [])
    assert result.needs == NEEDS_SESSION
    assert result.cycles == ()
    assert result.threshold is None
    result = run({1: 5, 2: 6}, [], threshold=5)
    assert result.needs == NEEDS_SESSION
    assert result.threshold == 5


# Day A: 7, 4, 5 → 16/3; day B: 6. An entry at 23:30 at −05:00 belongs to that local
# day, even though it is the next day in UTC.
def test_several_mood_entries_on_a_day_are_averaged() -> None:
    a, b = date(2026, 3, 2), date(2026, 3, 3)
    entries = [
        MoodEntry(at=datetime(2026, 3, 3, 9, 0, tzinfo=CET), mood=6),
        MoodEntry(at=datetime(2026, 3, 2, 20, 0, tzinfo=CET), mood=7),
        MoodEntry(at=datetime(2026, 3, 2, 9, 0, tzinfo=CET), mood=4),
        MoodEntry(at=datetime(2026, 3, 2, 23, 30, tzinfo=MINUS5), mood=5),
    ]
    daily = daily_mood(entries)
    assert daily.days == (a, b)
    assert daily.values.tolist() == pytest.approx([16 / 3, 6])
    assert daily.values.dtype == np.float64
    assert daily_mood([]).days == ()


# Induction on day 0; two boosters on day 10 at 08:00 and 14:00 (given out of order).
# B = 3, P = 7 → T = 5. The 08:00 booster's cycle ends the day before the next session's
# day (day 10), so it is empty. The 14:00 one gets days 11, 12 (8, 8) → censored "≥ 2 days".
def test_two_sessions_on_the_same_day() -> None:
    values = {-3: 3, -2: 3, -1: 3, 1: 7, 2: 7, 3: 7, 4: 7, 5: 7, 6: 7, 7: 7, 11: 8, 12: 8}
    sessions = [point(10, BOO, hour=14), point(0, IND), point(10, BOO, hour=8)]
    result = run(values, sessions)
    assert result.threshold == pytest.approx(5.0)
    induction, early, late = result.cycles
    assert induction.length_days == 9
    assert early.session.at.hour == 8
    assert (early.length_days, early.offsets.size, early.durability_days) == (0, 0, None)
    assert early.label == "no data"
    assert late.session.at.hour == 14
    assert (late.length_days, late.durability_days, late.label) == (2, 2, "≥ 2 days")


def boosters(
    lasting: Sequence[int],
    doses: Sequence[float | None] | None = None,
    *,
    low_days: int = 3,
    ongoing: int | None = None,
) -> BoosterAnalysis:
    """Booster cycles that last exactly ``lasting`` days each with T = 7 (set by the user).

    Booster i: mood 8 for L days after it, then 2 for ``low_days`` days, then the next
    booster. For k ≤ L, r(k) = 8 ≥ 7 (the window never reaches before the session);
    r(L+1) = (8+8+2)/3 = 6 < 7 (or (8+2)/2 = 5 when L = 1) → durability exactly L,
    not censored. ``ongoing``: one more booster followed by that many days of 8 →
    censored, so it never counts as finished.
    """
    doses = list(doses) if doses is not None else [35.0] * len(lasting)
    values: dict[int, float] = {}
    sessions: list[SessionPoint] = []
    start = 0
    for length, dose in zip(lasting, doses, strict=True):
        sessions.append(point(start, BOO, dose))
        for k in range(1, length + 1):
            values[start + k] = 8
        for k in range(length + 1, length + low_days + 1):
            values[start + k] = 2
        start += length + low_days + 1
    if ongoing is not None:
        sessions.append(point(start, BOO))
        for k in range(1, ongoing + 1):
            values[start + k] = 8
    return run(values, sessions, threshold=7)


def test_booster_helper_gives_the_durabilities_asked_for() -> None:
    result = boosters([1, 2, 5], ongoing=4)
    assert [c.durability_days for c in result.cycles] == [1, 2, 5, 4]
    assert [c.censored for c in result.cycles] == [False, False, False, True]


# 24, 21, 17, 14 days at 35 mg. Order x = 0…3, mean 1.5; mean y = 19.
# Σ(x − x̄)(y − ȳ) = (−1.5)(5) + (−0.5)(2) + (0.5)(−2) + (1.5)(−5) = −17; Σ(x − x̄)² = 5
# → slope −3.4 ≤ −1, and 14 ≤ 0.75 × 24 = 18 → signal.


# 20, 19, 18: slope exactly −1, but 18 > 0.75 × 20 = 15 → both conditions are needed → no.
def test_slope_alone_is_not_enough() -> None:
    tolerance = boosters([20, 19, 18]).tolerance
    assert tolerance.slope_days_per_booster == pytest.approx(-1.0)
    assert not tolerance.signal


# 20, 21, 19, 20 at 35, 35, 40, 42 mg: slope = ((−0.5)(1) + (0.5)(−1))/5 = −0.2 (no),
# but 42 ≥ 1.2 × 35 = 42 (a 20 % rise, exactly) and 20 ≤ 20 (durability did not rise).
# At 41 mg the rise is only 17 % → no signal; if the last lasted 22 days → no signal.


# 20, 22, 19, 21, 20: mean order 2; Σ(x − x̄)·y = −40 − 22 + 0 + 21 + 40 = −1, Σ(x − x̄)² = 10
# → slope −0.1 → no signal.


# 7 finished cycles: only the last 6 count (10, 24, 21, 17, 14, 12).
# x̄ = 2.5; Σ(x − x̄)·y = −25 − 36 − 10.5 + 8.5 + 21 + 30 = −12; Σ(x − x̄)² = 17.5.


# Two finished booster cycles and a censored one: not enough (the censored one never counts).


# Finished 30, 14, 21, 17, then an ongoing booster on day X: the last 3 finished are
# 14, 21, 17 → median 17 → X + 17.


# Finished 14, 17 → median 15.5, rounded down (errs early) → X + 15.


def test_definitions_cover_every_number_shown() -> None:
    result = run(MAIN, MAIN_SESSIONS)
    for key in (
        "baseline_level",
        "post_induction_level",
        "threshold",
        "rolling_value",
        "durability",
        "censored",
        "tolerance_signal",
        "next_due",
    ):
        assert result.definitions[key].endswith(".")
    assert result.definitions == DEFINITIONS
    assert result.definitions is not DEFINITIONS


def test_session_point_from_session() -> None:
    session = Session(
        at=datetime(2026, 3, 2, 23, 30, tzinfo=MINUS5), route=Route.IV, phase=BOO, dose_mg=40
    )
    got = SessionPoint.from_session(session)
    assert (got.at, got.day, got.phase, got.dose_mg) == (
        session.at,
        date(2026, 3, 2),
        Phase.BOOSTER,
        40.0,
    )


def test_daily_mood_refuses_unsorted_days() -> None:
    with pytest.raises(ValueError, match="calendar order"):
        DailyMood((day(2), day(1)), np.asarray([1.0, 2.0]))
    with pytest.raises(ValueError, match="same length"):
        DailyMood((day(1),), np.asarray([1.0, 2.0]))


# Properties over random journals (user-set T, so every cycle with data is measured).


@st.composite
def journals(draw: st.DrawFn) -> tuple[dict[int, float], list[SessionPoint], float]:
    n = draw(st.integers(1, 50))
    scores = draw(st.lists(st.one_of(st.none(), st.integers(0, 20)), min_size=n, max_size=n))
    values = {i: s / 2 for i, s in enumerate(scores) if s is not None}
    count = draw(st.integers(1, 5))
    sessions = [
        point(draw(st.integers(-3, n + 3)), draw(st.sampled_from(Phase)), 35.0,
              hour=draw(st.integers(0, 23)))
        for _ in range(count)
    ]  # fmt: skip
    threshold = draw(st.integers(0, 20)) / 2 + draw(st.sampled_from([0.0, 0.25]))
    return values, sessions, threshold


@settings(max_examples=150, deadline=None)
@given(journals())
def test_properties_of_cycles(case: tuple[dict[int, float], list[SessionPoint], float]) -> None:
    values, sessions, threshold = case
    result = run(values, sessions, threshold)
    assert len(result.cycles) == len(sessions)
    for cycle in result.cycles:
        offsets = cycle.offsets.tolist()
        # Offsets lie inside the cycle, and r is the mean over max(1, k−2) … k by brute force.
        assert all(1 <= k <= cycle.length_days for k in offsets)
        expected = [
            np.mean([d for j, d in zip(offsets, cycle.daily.tolist(), strict=True)
                     if max(1, k - 2) <= j <= k])
            for k in offsets
        ]  # fmt: skip
        assert cycle.rolling.tolist() == pytest.approx(expected)
        assert rolling_values(cycle.offsets, cycle.daily).tolist() == cycle.rolling.tolist()
        if not offsets:
            assert (cycle.durability_days, cycle.censored) == (None, False)
            continue
        lasted = cycle.durability_days
        assert lasted is not None
        # Durability never exceeds the cycle length.
        assert 0 <= lasted <= cycle.length_days
        # Censored exactly when r never falls below T within the cycle.
        assert cycle.censored == bool(np.all(cycle.rolling >= threshold))
        if cycle.censored:
            assert lasted == offsets[-1]
        else:
            # k* = durability + 1 has data and r(k*) < T; r ≥ T at every earlier offset.
            assert lasted + 1 in offsets
            assert cycle.rolling[offsets.index(lasted + 1)] < threshold
            assert np.all(cycle.rolling[cycle.offsets <= lasted] >= threshold)


# The demo patient.


@pytest.fixture(scope="module")
def demo() -> BoosterAnalysis:
    journal = generate(datetime(2026, 11, 27, 21, 0, tzinfo=UTC))
    entries = journal.entries
    return analyse_boosters(
        daily_mood([e for e in entries if isinstance(e, MoodEntry)]),
        [SessionPoint.from_session(e) for e in entries if isinstance(e, Session)],
    )


def test_demo_patient(demo: BoosterAnalysis) -> None:
    assert demo.threshold is not None
    assert demo.threshold_source == "automatic"
    assert demo.needs is None
    cycles = demo.booster_cycles
    assert len(cycles) >= 20
    assert sum(c.durability_days is not None for c in cycles) > len(cycles) / 2
    assert demo.next_due is not None
    assert len(demo.tolerance.durabilities) == 6


def test_demo_patient_shows_the_shortening_pattern(demo: BoosterAnalysis) -> None:
    assert demo.tolerance.signal


# -- issue 13: durability that admits missing days ---------------------------------------
# T = 7 (set). Booster on day 0; mood 8 on day 3, nothing on days 4…9, 2 on day 10,
# and 8 on day 11 (so the cycle runs to day 11).
# r(3) = 8 ≥ 7; r(10) = window 8…10 = 2 < 7 → k* = 10, durability 9 as before — but the
# last entry before it is on day 3, 10 − 3 = 7 > 3 days: the fall happened on an unknown
# day 4…10, so durability is the range 3…9 days (width 6 > 3: not counted).
def test_a_gap_before_the_first_drop_gives_a_range() -> None:
    cycle = run({3: 8, 10: 2, 11: 8}, [point(0, BOO)], threshold=7).cycles[0]
    assert cycle.durability_days == 9 and cycle.durability_low == 3
    assert cycle.is_range and not cycle.censored
    assert cycle.label == "3–9 days" and cycle.short_label == "3–9"
    assert cycle.counted_days is None


# Only entry on day 9, mood 2 < T: r(9) = 2 → k* = 9, nothing before it → not shown to
# have held at all: range 0…8 days, not counted.
def test_a_cycle_whose_only_entry_is_below_t_did_not_hold() -> None:
    cycle = run({9: 2}, [point(0, BOO)], threshold=7).cycles[0]
    assert (cycle.durability_low, cycle.durability_days) == (0, 8)
    assert cycle.label == "0–8 days" and cycle.counted_days is None


# Entries on days 2 (8) and 6 (2): 6 − 2 = 4 > 3 → range 2…5 days, width 3 ≤ 3 → counts
# with its lower end, 2. Days 3 (8) and 6 (2): 6 − 3 = 3, the window 4…6 starts right
# after the last entry → exact, 5 days (as in the main example).
def test_a_narrow_range_counts_with_its_lower_end_and_a_short_gap_is_exact() -> None:
    narrow = run({2: 8, 6: 2}, [point(0, BOO)], threshold=7).cycles[0]
    assert narrow.label == "2–5 days" and narrow.counted_days == 2
    exact = run({3: 8, 6: 2}, [point(0, BOO)], threshold=7).cycles[0]
    assert exact.label == "5 days" and exact.durability_low is None
    assert exact.counted_days == 5


# Four boosters at T = 7: 10 days (8 for days 1…10, 2 on 11…13), a gap-ridden one
# (8 on day 1, 2 on day 9: range 1…8, width 7, left out), 10 and 10 days, then an
# ongoing one. Boosters on days 0, 14, 24, 38 and 52. The tolerance pattern and the
# next-due median see 10, 10, 10 only: median 10 → last booster (day 52) + 10 = day 62.


# B = mean(5, 5, 5) = 5 over days −3…−1; induction on day 0, P = mean of days 1…7 = 4.
# P ≤ B: no lift → no automatic T, no durability, and the sentence says so. A T set by
# the user (4.5) still measures: days 1…7 at 4 → r < 4.5 on day 1 → 0 days.
def test_no_lift_after_induction_gives_no_automatic_threshold() -> None:
    values = {-3: 5, -2: 5, -1: 5, **{k: 4 for k in range(1, 8)}}
    result = run(values, [point(0, IND)])
    assert result.threshold is None and result.threshold_source is None
    assert result.baseline_level == 5 and result.post_induction_level == 4
    assert result.tolerance.sentence == (
        "No response to the induction series yet: the post-induction level P (4.00) is not "
        "above the baseline level B (5.00), so there is no automatic threshold and "
        "durability is not measured."
    )
    assert result.needs is not None and "a response to the induction series" in result.needs
    assert all(c.durability_days is None for c in result.cycles)
    user = run(values, [point(0, IND)], threshold=4.5)
    assert user.threshold == 4.5 and user.cycles[0].durability_days == 0


# 10, 12, 10, 12, 10 days at 35, 35, 42, 42, 42 mg: slope 0 (x̄ = 2, Σ dx·y = −20 − 12 + 0
# + 12 + 20 = 0); 42 ≥ 1.2 × 35 and 10 ≤ 10 → the dose rule fires; the sentence states
# the numbers, never a cause.
def test_dose_rise_sentence_states_what_the_numbers_show() -> None:
    tolerance = boosters([10, 12, 10, 12, 10], [35, 35, 42, 42, 42]).tolerance
    assert tolerance.signal
    assert tolerance.sentence.startswith(
        "Boosters at 35 mg held 10 and 12 days; after the dose rose to 42 mg, the next 3 "
        "boosters held 10, 12 and 10 days."
    )
    assert "did not make" not in tolerance.sentence


# 1, 2, 1 days: slope 0, no dose change → no signal, but "no sign of tolerance" would
# overclaim for effects this short; the sentence says what was measured.


# Two finished cycles of 1 day each: median 1 → "median 1 day", never "1.0 days".
