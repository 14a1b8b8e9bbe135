"""A day's mood totals computed from entries: sums and counts by the day as logged."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ketajournal.domain.daily import DayTotals, day_totals
from ketajournal.domain.models import MoodEntry

MINUS5 = timezone(timedelta(hours=-5))


def test_entries_are_grouped_by_the_day_they_were_logged_oldest_first() -> None:
    late = MoodEntry(at=datetime(2026, 3, 2, 23, 30, tzinfo=MINUS5), mood=3, anxiety=7)
    morning = MoodEntry(at=datetime(2026, 3, 2, 8, 0, tzinfo=MINUS5), mood=6, sleep_hours=6.5)
    next_day = MoodEntry(at=datetime(2026, 3, 3, 9, 0, tzinfo=MINUS5), mood=8)
    totals = day_totals([next_day, late, morning])
    assert totals == [
        DayTotals(
            day=date(2026, 3, 2), first_at=morning.at, mood_sum=9, mood_count=2,
            anxiety_sum=7, anxiety_count=1, sleep_sum=6.5, sleep_count=1,
        ),
        DayTotals(day=date(2026, 3, 3), first_at=next_day.at, mood_sum=8, mood_count=1),
    ]
    # 23:30 at −05:00 is already 3 March in UTC, but it is counted on the day lived.
    assert totals[0].mood_sum / totals[0].mood_count == 4.5


def test_no_entries_no_days() -> None:
    assert day_totals([]) == []
