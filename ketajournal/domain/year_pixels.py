"""Year in pixels: one square per day of a year, its daily mood as a whole step 0–10.

Pure, shared by the Year screen and the clinician PDF's optional page, so both
colour a day by the same rule: the day's daily mood (the mean of its mood entries,
``domain.boosters.daily_mood``), rounded half up to a whole step, which picks one of
the eleven colours of ``palette.MOOD_SCALE``. Days are laid out as on a wall
calendar turned sideways: a column per month, a row per day of the month (1–31),
so a month's days read downwards and the same date lines up across months.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date

from ketajournal.language import N_, ngettext

#: What a square means, for the legend on screen and on paper.
DEFINITION = N_(
    "Each square is one day: its colour is the daily mood (the mean of the day's mood "
    "entries, 0–10, rounded to a whole step; dark = worst, light yellow = best); grey: "
    "no entry; a ringed square with a dot: a treatment session."
)
MONTH_LETTERS = tuple(calendar.month_abbr[m] for m in range(1, 13))


def mood_step(mean: float) -> int:
    """A daily mean as a whole step 0–10, rounded half up (6.5 → 7)."""
    return max(0, min(10, math.floor(mean + 0.5)))


@dataclass(frozen=True)
class YearPixels:
    """One year's days: the daily mood of the days with entries, and the session days."""

    year: int
    moods: dict[date, float]
    sessions: frozenset[date]

    def step(self, day: date) -> int | None:
        """The colour step of ``day``; None when it has no mood entry."""
        mean = self.moods.get(day)
        return None if mean is None else mood_step(mean)

    @property
    def logged_days(self) -> int:
        """Days of the year with a mood entry."""
        return len(self.moods)

    def cell(self, month: int, day_of_month: int) -> date | None:
        """The date in column ``month`` (1–12), row ``day_of_month`` (1–31); None if none."""
        if day_of_month > calendar.monthrange(self.year, month)[1]:
            return None
        return date(self.year, month, day_of_month)


def year_counts(pixels: YearPixels) -> str:
    """``365 days with a mood entry, 1 session day.``"""
    days, sessions = pixels.logged_days, len(pixels.sessions)
    return (
        ngettext("{n} day with a mood entry, ", "{n} days with a mood entry, ", days).format(
            n=days)
        + ngettext("{n} session day.", "{n} session days.", sessions).format(n=sessions)
    )


def year_pixels(
    year: int, daily: Iterable[tuple[date, float]], session_days: Collection[date]
) -> YearPixels:
    """The squares of ``year`` from the daily means (any days) and the session days."""
    return YearPixels(
        year,
        {day: mean for day, mean in daily if day.year == year},
        frozenset(day for day in session_days if day.year == year),
    )


def years_with_entries(days: Iterable[date], today: date) -> list[int]:
    """The years to offer, oldest first: every year from the first entry to this year."""
    first = min(days, default=today)
    return list(range(min(first.year, today.year), today.year + 1))


def move(day: date, key: str) -> date:
    """The day reached from ``day`` by an arrow key on the grid, staying in its year.

    ``up``/``down`` go to the day before/after; ``left``/``right`` to the same date
    in the month before/after (the last day of that month if it is shorter).
    """
    ordinal = day.toordinal()
    if key in ("up", "down"):
        moved = date.fromordinal(ordinal + (-1 if key == "up" else 1))
        return moved if moved.year == day.year else day
    if key not in ("left", "right"):
        raise ValueError(key)
    month = day.month + (-1 if key == "left" else 1)
    if not 1 <= month <= 12:
        return day
    last = calendar.monthrange(day.year, month)[1]
    return date(day.year, month, min(day.day, last))
