"""The Trends chart as a table, its text alternative: one row per day, newest first.

A screen reader cannot read a chart, so the Trends screen also lists what it plots
— day, daily mood, 7-day mean, sessions — and the chart's keyboard cursor reads
each point out with :func:`describe_row`. Pure: built from the same
:class:`~ketajournal.domain.series.TrendSeries` the chart draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.models import Phase
from ketajournal.domain.series import TrendSeries, format_score

#: The table's columns.
COLUMNS = ("Day", "Mood", "7-day mean", "Sessions")


@dataclass(frozen=True)
class TrendRow:
    """One day of the chart: its daily mood and 7-day mean (None: not logged that day)
    and the phases of its sessions."""

    day: date
    mood: float | None
    mean7: float | None
    sessions: tuple[Phase, ...] = ()

    def cells(self) -> tuple[str, str, str, str]:
        """The row as the table shows it (empty where there is nothing)."""
        return (
            format_date_with_weekday(self.day),
            "" if self.mood is None else format_score(self.mood),
            "" if self.mean7 is None else format_score(self.mean7),
            ", ".join(phase.label for phase in self.sessions),
        )


def trend_rows(series: TrendSeries) -> tuple[TrendRow, ...]:
    """Every day with a mood or a session, newest first."""
    moods = {
        day: (float(mood), float(mean))
        for day, mood, mean in zip(series.mood_days, series.mood_y, series.mean7_y, strict=True)
    }
    sessions: dict[date, list[Phase]] = {}
    for phase, days in ((Phase.INDUCTION, series.induction_days),
                        (Phase.BOOSTER, series.booster_days)):
        for day in days:
            sessions.setdefault(day, []).append(phase)
    rows = []
    for day in sorted(moods.keys() | sessions.keys(), reverse=True):
        mood, mean = moods.get(day, (None, None))
        rows.append(TrendRow(day, mood, mean, tuple(sessions.get(day, ()))))
    return tuple(rows)


def describe_row(row: TrendRow) -> str:
    """A day read out in one sentence: ``Tue 1 Dec 2026: mood 7, 7-day mean 6.4; booster
    session``."""
    parts = []
    if row.mood is not None:
        parts.append(f"mood {format_score(row.mood)}")
    if row.mean7 is not None:
        parts.append(f"7-day mean {format_score(row.mean7)}")
    text = f"{format_date_with_weekday(row.day)}: {', '.join(parts) or 'no mood logged'}"
    if row.sessions:
        text += "; " + ", ".join(f"{phase.label.lower()} session" for phase in row.sessions)
    return text


__all__ = ["COLUMNS", "TrendRow", "describe_row", "trend_rows"]
