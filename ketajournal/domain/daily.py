"""A logged day's mood totals: what per-day charts need, without the entries themselves.

Storage computes these in SQL (one row per day); :func:`day_totals` computes the same
from entries. Sums are kept rather than means so that the mean of a day is exactly
``sum / count`` whichever side computed it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from ketajournal.domain.models import MoodEntry


@dataclass(frozen=True)
class DayTotals:
    """The mood entries of one logged day (the date in the offset they were logged with).

    ``first_at`` is the time of the day's first entry (its offset places the day's point).
    """

    day: date
    first_at: datetime
    mood_sum: int
    mood_count: int
    anxiety_sum: int = 0
    anxiety_count: int = 0
    sleep_sum: float = 0.0
    sleep_count: int = 0


def day_totals(moods: Iterable[MoodEntry]) -> list[DayTotals]:
    """Group mood entries (any order) by their logged day, oldest day first."""
    by_day: dict[date, list[MoodEntry]] = {}
    for entry in sorted(moods, key=lambda m: m.at):
        by_day.setdefault(entry.at.date(), []).append(entry)
    totals = []
    for day in sorted(by_day):
        entries = by_day[day]
        anxiety = [e.anxiety for e in entries if e.anxiety is not None]
        sleep = [e.sleep_hours for e in entries if e.sleep_hours is not None]
        totals.append(DayTotals(
            day=day,
            first_at=entries[0].at,
            mood_sum=sum(e.mood for e in entries),
            mood_count=len(entries),
            anxiety_sum=sum(anxiety),
            anxiety_count=len(anxiety),
            sleep_sum=float(sum(sleep)),
            sleep_count=len(sleep),
        ))
    return totals
