"""The Trends series: daily means, the 7-day mean, sessions and side effects, by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import numpy as np
import pytest

from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.models import (
    Assessment,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.domain.series import (
    SEVEN_DAY_MEAN_DEFINITION,
    SLEEP_DEFINITION,
    TrendSeries,
    build_trend_series,
    daily_means,
    day_runs,
    format_score,
    trailing_mean,
)

CET = timezone(timedelta(hours=1))
PLUS5 = timezone(timedelta(hours=5))
MINUS5 = timezone(timedelta(hours=-5))


def at(day: date, hour: int, minute: int = 0, zone: timezone = CET) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def noon(day: date, zone: timezone = CET) -> float:
    return at(day, 12, 0, zone).timestamp()


def mood(
    day: date,
    hour: int,
    score: int,
    *,
    anxiety: int | None = None,
    sleep_hours: float | None = None,
) -> MoodEntry:
    return MoodEntry(at=at(day, hour), mood=score, anxiety=anxiety, sleep_hours=sleep_hours)


def session(day: date, phase: Phase) -> Session:
    return Session(at=at(day, 10), route=Route.IV, phase=phase, dose_mg=36.0)


def test_several_entries_on_one_day_are_averaged() -> None:
    day = date(2025, 1, 6)
    series = build_trend_series([mood(day, 20, 7), mood(day, 9, 4), mood(day, 13, 5)], [], [])
    assert series.mood_days == (day,)
    assert series.mood_y.tolist() == pytest.approx([16 / 3])
    assert series.mood_counts.tolist() == [3]
    assert series.mood_x.tolist() == [noon(day)]


def test_day_is_the_local_date_as_logged() -> None:
    # 23:30 at −05:00 is already the next day in UTC; 00:30 at +05:00 is still the
    # previous day in UTC. Both belong to the day the user lived.
    late = MoodEntry(at=datetime(2025, 1, 7, 23, 30, tzinfo=MINUS5), mood=3)
    early = MoodEntry(at=datetime(2025, 1, 9, 0, 30, tzinfo=PLUS5), mood=8)
    evening = MoodEntry(at=datetime(2025, 1, 8, 23, 30, tzinfo=PLUS5), mood=6)
    series = build_trend_series([early, late, evening], [], [])
    assert series.mood_days == (date(2025, 1, 7), date(2025, 1, 8), date(2025, 1, 9))
    assert series.mood_y.tolist() == [3.0, 6.0, 8.0]
    # Each point sits at noon of its day in the offset it was logged with.
    assert series.mood_x.tolist() == [
        noon(date(2025, 1, 7), MINUS5),
        noon(date(2025, 1, 8), PLUS5),
        noon(date(2025, 1, 9), PLUS5),
    ]
    assert series.mood_x[1] == datetime(2025, 1, 8, 7, 0, tzinfo=UTC).timestamp()


def test_seven_day_mean_skips_missing_days() -> None:
    entries = [
        mood(date(2025, 1, 1), 20, 2),
        mood(date(2025, 1, 3), 20, 4),
        mood(date(2025, 1, 8), 20, 6),  # window 2–8 Jan: 3 Jan and 8 Jan
        mood(date(2025, 1, 9), 20, 9),  # window 3–9 Jan: 3, 8 and 9 Jan
        mood(date(2025, 1, 9), 8, 7),  # 9 Jan's daily mean is 8
    ]
    series = build_trend_series(entries, [], [])
    assert series.mood_y.tolist() == [2.0, 4.0, 6.0, 8.0]
    # A day's 7-day mean averages daily means, not entries.
    assert series.mean7_y.tolist() == pytest.approx([2.0, 3.0, 5.0, 6.0])


def test_seven_day_window_includes_day_minus_six() -> None:
    days = [date(2025, 3, 1), date(2025, 3, 7), date(2025, 3, 8)]
    result = trailing_mean(days, np.array([1.0, 5.0, 9.0]))
    # 7 Mar reaches back to 1 Mar (day − 6); 8 Mar no longer does.
    assert result.tolist() == pytest.approx([1.0, 3.0, 7.0])


def test_daily_means_groups_and_orders_days() -> None:
    result = daily_means([date(2025, 2, 2), date(2025, 2, 1), date(2025, 2, 2)], [4.0, 1.0, 5.0])
    assert result.days == (date(2025, 2, 1), date(2025, 2, 2))
    assert result.means.tolist() == [1.0, 4.5]
    assert result.counts.tolist() == [1, 2]
    assert result.means.dtype == np.float64


def test_daily_means_rejects_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="same length"):
        daily_means([date(2025, 2, 2)], [])


def test_anxiety_and_sleep_only_on_days_they_were_logged() -> None:
    d1, d2, d3 = date(2025, 1, 1), date(2025, 1, 2), date(2025, 1, 3)
    entries = [
        mood(d1, 9, 5, anxiety=6, sleep_hours=7.0),
        mood(d1, 21, 6, anxiety=3),
        mood(d2, 21, 6),
        mood(d3, 21, 7, sleep_hours=5.5),
        mood(d3, 22, 7, sleep_hours=6.5),
    ]
    series = build_trend_series(entries, [], [])
    assert series.anxiety_days == (d1,)
    assert series.anxiety_y.tolist() == [4.5]
    assert series.anxiety_counts.tolist() == [2]
    assert series.anxiety_x.tolist() == [noon(d1)]
    assert series.sleep_x.tolist() == [noon(d1), noon(d3)]
    assert series.sleep_y.tolist() == [7.0, 6.0]
    # Like anxiety, sleep says on which days and from how many entries it was computed.
    assert series.sleep_days == (d1, d3)
    assert series.sleep_counts.tolist() == [1, 2]


def test_sessions_split_by_phase_in_time_order() -> None:
    days = [date(2025, 1, d) for d in (1, 3, 6)] + [date(2025, 2, 10), date(2025, 3, 12)]
    sessions = [
        session(days[4], Phase.BOOSTER),
        session(days[1], Phase.INDUCTION),
        session(days[0], Phase.INDUCTION),
        session(days[3], Phase.BOOSTER),
        session(days[2], Phase.INDUCTION),
    ]
    series = build_trend_series([], sessions, [])
    assert series.induction_x.tolist() == [at(d, 10).timestamp() for d in days[:3]]
    assert series.booster_x.tolist() == [at(d, 10).timestamp() for d in days[3:]]
    assert series.booster_labels[0] == "Booster session — Mon 10 Feb 2025 10:00 (36 mg IV infusion)"
    assert len(series.induction_labels) == 3


def test_side_effects_carry_severity_and_red_flags() -> None:
    day = date(2025, 1, 6)
    effects = [
        SideEffect(at=at(day, 14), category=SideEffectCategory.BLOOD_IN_URINE, severity=5),
        SideEffect(at=at(day, 11), category=SideEffectCategory.NAUSEA, severity=3),
    ]
    series = build_trend_series([], [], effects)
    assert series.side_effect_x.tolist() == [at(day, 11).timestamp(), at(day, 14).timestamp()]
    assert series.side_effect_severity.tolist() == [3.0, 5.0]
    assert series.side_effect_red_flag.tolist() == [False, True]
    assert series.side_effect_red_flag.dtype == np.bool_
    assert series.side_effect_labels[0] == "Nausea, severity 3 — Mon 6 Jan 2025 11:00"
    assert "red flag" in series.side_effect_labels[1]


def test_empty_journal_gives_empty_float_arrays() -> None:
    series = build_trend_series([], [], [])
    assert series.is_empty
    assert series.x_span() is None
    for array in (
        series.mood_x,
        series.mood_y,
        series.mean7_y,
        series.anxiety_x,
        series.sleep_x,
        series.sleep_y,
        series.induction_x,
        series.booster_x,
        series.side_effect_x,
    ):
        assert array.dtype == np.float64
        assert array.size == 0
    assert series.sleep_counts.dtype == np.int64 and series.sleep_days == ()
    assert TrendSeries().is_empty


def test_x_span_covers_every_kind_of_point() -> None:
    first = session(date(2025, 1, 1), Phase.INDUCTION)
    last = SideEffect(at=at(date(2025, 1, 9), 23), category=SideEffectCategory.HEADACHE, severity=2)
    series = build_trend_series([mood(date(2025, 1, 5), 8, 5)], [first], [last])
    assert series.x_span() == (first.at.timestamp(), last.at.timestamp())


def test_definition_text_and_formatting() -> None:
    assert "7 calendar days" in SEVEN_DAY_MEAN_DEFINITION
    assert "skipped" in SEVEN_DAY_MEAN_DEFINITION
    assert "mean of the sleep hours logged on that calendar day" in SLEEP_DEFINITION
    assert format_date_with_weekday(date(2025, 1, 14)) == "Tue 14 Jan 2025"
    assert format_score(6.5) == "6.5"
    assert format_score(7.0) == "7"
    assert format_score(19 / 3) == "6.3"


def phq9(day: date, hour: int, total: int) -> Assessment:
    # Items 1-8 carry the total; item 9 (the safety item) stays 0.
    answers = [0] * 9
    for i in range(total):
        answers[i % 8] += 1
    return Assessment(at=at(day, hour), instrument_id="phq9", answers=tuple(answers))


def gad7(day: date, hour: int, total: int) -> Assessment:
    answers = [0] * 7
    for i in range(total):
        answers[i % 7] += 1
    return Assessment(at=at(day, hour), instrument_id="gad7", answers=tuple(answers))


def test_questionnaire_totals_per_instrument_in_time_order() -> None:
    d1, d2 = date(2024, 12, 10), date(2024, 12, 24)
    filled = [phq9(d2, 19, 8), gad7(d1, 19, 12), phq9(d1, 19, 19), phq9(d1, 8, 4)]
    series = build_trend_series([], [], [], filled)
    phq = series.score("phq9")
    assert (phq.short_title, phq.max_total) == ("PHQ-9", 27)
    assert phq.x.tolist() == [at(d1, 8).timestamp(), at(d1, 19).timestamp(), at(d2, 19).timestamp()]
    assert phq.totals.tolist() == [4.0, 19.0, 8.0]
    assert phq.totals.dtype == np.float64
    assert phq.labels[1] == "Tue 10 Dec 2024 — PHQ-9 19 (moderately severe)"
    assert phq.labels[0] == "Tue 10 Dec 2024 — PHQ-9 4 (minimal)"
    gad = series.score("gad7")
    assert gad.max_total == 21
    assert gad.totals.tolist() == [12.0]
    assert gad.labels == ("Tue 10 Dec 2024 — GAD-7 12 (moderate)",)
    assert [s.instrument_id for s in series.scores] == ["phq9", "gad7"]
    assert series.has_scores


def test_questionnaires_alone_make_a_series_with_a_span() -> None:
    only = phq9(date(2025, 2, 3), 19, 11)
    series = build_trend_series([], [], [], [only])
    assert not series.is_empty
    assert series.x_span() == (only.at.timestamp(), only.at.timestamp())


def test_no_questionnaires_gives_empty_totals_for_every_instrument() -> None:
    series = build_trend_series([mood(date(2025, 1, 5), 8, 5)], [], [])
    assert not series.has_scores
    for instrument_id in ("phq9", "gad7"):
        score = series.score(instrument_id)
        assert score.x.size == score.totals.size == 0
        assert score.x.dtype == np.float64
    assert not TrendSeries().has_scores
    assert TrendSeries().score("gad7").short_title == "GAD-7"


def test_day_runs_break_a_line_only_where_days_are_farther_apart_than_the_gap() -> None:
    days = [date(2025, 1, d) for d in (1, 2, 5, 9, 10, 30)]
    assert day_runs(days, 3) == ((0, 3), (3, 5), (5, 6))
    assert day_runs(days, 4) == ((0, 5), (5, 6))
    assert day_runs(days, 30) == ((0, 6),)
    assert day_runs([], 3) == ()


def test_with_planned_keeps_only_the_sessions_still_planned_in_time_order() -> None:
    from ketajournal.domain.schedules import PlannedItem, PlannedSession, PlanStatus
    from ketajournal.domain.series import with_planned

    at = datetime(2026, 12, 10, 10, tzinfo=UTC)
    items = [
        PlannedItem(2, PlannedSession(at=at + timedelta(days=7), route="iv", phase="booster")),
        PlannedItem(1, PlannedSession(at=at, route="nasal")),
        PlannedItem(3, PlannedSession(at=at, route="iv"), status=PlanStatus.MISSED),
    ]
    series = with_planned(TrendSeries(), items)
    assert list(series.planned_x) == [at.timestamp(), (at + timedelta(days=7)).timestamp()]
    assert series.planned_labels[0] == (
        "Planned: Esketamine nasal spray, induction, Thu 10 Dec 2026 10:00")
    assert series.x_span() == (at.timestamp(), (at + timedelta(days=7)).timestamp())
