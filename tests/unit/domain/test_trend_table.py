"""The Trends chart's text alternative: one row per day with a mood or a session."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ketajournal.domain.models import MoodEntry, Phase, Route, Session
from ketajournal.domain.series import build_trend_series
from ketajournal.domain.trend_table import COLUMNS, TrendRow, describe_row, trend_rows

ZONE = timezone(timedelta(hours=1))


def at(day: int, hour: int = 20) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=ZONE)


def test_every_day_with_a_mood_or_a_session_newest_first() -> None:
    series = build_trend_series(
        [MoodEntry(at=at(1), mood=4), MoodEntry(at=at(1, 8), mood=5), MoodEntry(at=at(3), mood=7)],
        [
            Session(at=at(2, 10), route=Route.IV, phase=Phase.INDUCTION),
            Session(at=at(3, 10), route=Route.IV, phase=Phase.BOOSTER),
        ],
        [],
    )
    rows = trend_rows(series)
    assert rows == (
        # 3 Dec: mean of the days with data in 27 Nov … 3 Dec: (4.5 + 7) / 2.
        TrendRow(date(2026, 12, 3), 7.0, 5.75, (Phase.BOOSTER,)),
        TrendRow(date(2026, 12, 2), None, None, (Phase.INDUCTION,)),
        TrendRow(date(2026, 12, 1), 4.5, 4.5, ()),
    )
    assert len(COLUMNS) == len(rows[0].cells())
    assert rows[0].cells() == ("Thu 3 Dec 2026", "7", "5.8", "Booster")
    assert rows[1].cells() == ("Wed 2 Dec 2026", "", "", "Induction")


def test_a_session_counts_on_the_day_it_was_logged_in_its_own_offset() -> None:
    late = datetime(2026, 12, 1, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    series = build_trend_series([], [Session(at=late, route=Route.IV, phase=Phase.BOOSTER)], [])
    assert [row.day for row in trend_rows(series)] == [date(2026, 12, 1)]


def test_a_row_reads_out_as_one_sentence() -> None:
    assert describe_row(TrendRow(date(2026, 12, 1), 7.0, 6.43, (Phase.BOOSTER,))) == (
        "Tue 1 Dec 2026: mood 7, 7-day mean 6.4; booster session"
    )
    assert describe_row(TrendRow(date(2026, 12, 2), None, None, (Phase.INDUCTION,))) == (
        "Wed 2 Dec 2026: no mood logged; induction session"
    )
    assert describe_row(TrendRow(date(2026, 12, 3), 4.0, 4.0)) == (
        "Thu 3 Dec 2026: mood 4, 7-day mean 4"
    )


def test_an_empty_series_has_no_rows() -> None:
    assert trend_rows(build_trend_series([], [], [])) == ()
