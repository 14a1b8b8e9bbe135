"""The clock, injectable so tests can fix "now", and the computer's time zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo

Clock = Callable[[], datetime]


def system_now() -> datetime:
    """Now, in the computer's local zone, timezone-aware, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


class LocalZone(tzinfo):
    """The computer's zone with its daylight-saving rules, read from the C library.

    ``datetime.now().astimezone()`` gives today's offset only; the reminder rules need
    the zone itself, so that 20:00 tomorrow is 20:00 on the wall clock when the clocks
    change tonight. A wall time's offset is the one the system gives that wall time
    (``fold`` picks the second of a repeated hour).
    """

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        """The offset the system gives the wall time ``dt`` (now when ``None``)."""
        return self._local(dt).utcoffset()

    def dst(self, dt: datetime | None) -> timedelta | None:
        """Not known separately from the offset."""
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        """The system's abbreviation (CET, CEST, …)."""
        return self._local(dt).tzname()

    def fromutc(self, dt: datetime) -> datetime:
        """The wall time of the UTC time ``dt`` (whose tzinfo is this zone)."""
        local = dt.replace(tzinfo=UTC).astimezone()
        wall = local.replace(tzinfo=None)
        fold = 0 if wall.replace(fold=0).astimezone() == local else 1
        return wall.replace(tzinfo=self, fold=fold)

    @staticmethod
    def _local(dt: datetime | None) -> datetime:
        if dt is None:
            return datetime.now().astimezone()
        return dt.replace(tzinfo=None).astimezone()

    def __repr__(self) -> str:
        return "LocalZone()"


def local_zone() -> tzinfo:
    """The computer's time zone, with its daylight-saving rules."""
    return LocalZone()
