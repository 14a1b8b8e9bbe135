"""A read-only view of a journal as it stood at the end of a day, for reports of past periods."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, TypeVar

from ketajournal.domain.medications import Course, as_of
from ketajournal.domain.models import (
    Assessment,
    Entry,
    MoodEntry,
    Session,
    SideEffect,
)
from ketajournal.services.journal import Journal

E = TypeVar("E", bound=Entry)


class JournalUntil(Journal):
    """A read-only view of a journal as it stood at the end of ``last_day``.

    It hands the clinical services only the entries of days up to ``last_day``, so a
    report for an earlier period computes its baseline-vs-latest and booster figures
    from what was known then. Only the reads those services use are provided; the
    view is never written to (it has no database of its own).

    The bound is in SQL (the indexed ``ts``, then the logged ``day``), and each whole
    read is made once per view and kept: one report reads each kind at most once.
    """

    def __init__(self, journal: Journal, last_day: date) -> None:
        # Deliberately not Journal.__init__: everything goes through ``journal``.
        self._inner = journal
        self._last_day = last_day
        self._kept: dict[str, Any] = {}
        self.path = None

    def _upto(self, entries: Iterable[E]) -> list[E]:
        return [e for e in entries if e.at.date() <= self._last_day]

    def _all(self, kind: str) -> list[Any]:
        """Every entry of ``kind`` up to the last day, read once."""
        if kind not in self._kept:
            self._kept[kind] = self._inner.entries_on_days(kind, None, self._last_day)
        return list(self._kept[kind])

    def _read(self, kind: str, start: datetime | None, end: datetime | None) -> list[Any]:
        if start is None and end is None:
            return self._all(kind)
        return self._upto(self._inner.entries(kind, start, end))

    def now(self) -> datetime:
        """The clock of the journal this views."""
        return self._inner.now()

    def medication_courses(self) -> list[Course]:
        """The medication list as it stood at the end of the last day."""
        return list(as_of(self._inner.medication_courses(), self._last_day))

    def setting(self, key: str, default: Any = None) -> Any:
        """A setting of the journal this views."""
        return self._inner.setting(key, default)

    def entries(
        self, kind: str, start: datetime | None = None, end: datetime | None = None
    ) -> list[Any]:
        """Entries of one kind up to the last day, oldest first."""
        return self._read(kind, start, end)

    def entries_on_days(
        self, kind: str, first_day: date | None = None, last_day: date | None = None
    ) -> list[Any]:
        """Entries of one kind logged on ``first_day``..``last_day``, up to the last day."""
        last = self._last_day if last_day is None else min(last_day, self._last_day)
        return self._inner.entries_on_days(kind, first_day, last)

    def daily_mood_means(
        self, first_day: date | None = None, last_day: date | None = None
    ) -> list[tuple[date, float]]:
        """The daily moods up to the last day (read once), within the days given."""
        if "daily_mood" not in self._kept:
            self._kept["daily_mood"] = self._inner.daily_mood_means(None, self._last_day)
        means: list[tuple[date, float]] = self._kept["daily_mood"]
        return [
            (day, mean) for day, mean in means
            if (first_day is None or first_day <= day) and (last_day is None or day <= last_day)
        ]

    def moods(self, start: datetime | None = None, end: datetime | None = None) -> list[MoodEntry]:
        """Mood entries up to the last day."""
        return self._read(MoodEntry.kind, start, end)

    def sessions(self, start: datetime | None = None, end: datetime | None = None) -> list[Session]:
        """Sessions up to the last day."""
        return self._read(Session.kind, start, end)

    def side_effects(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[SideEffect]:
        """Side effects up to the last day."""
        return self._read(SideEffect.kind, start, end)

    def assessments(
        self,
        instrument_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[Assessment]:
        """Filled questionnaires (of one instrument, if given) up to the last day."""
        found: list[Assessment] = self._read(Assessment.kind, start, end)
        return [a for a in found if instrument_id is None or a.instrument_id == instrument_id]


__all__ = ["JournalUntil"]
