"""The clock, injectable so tests can fix "now", and the computer's time zone."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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


#: Where Linux and macOS say the computer's zone (the ``/etc/localtime`` link points into
#: a ``zoneinfo`` folder; Debian's ``/etc/timezone`` holds the name).
LOCALTIME = Path("/etc/localtime")
TIMEZONE_FILE = Path("/etc/timezone")


def zone_name(
    environ: dict[str, str] | None = None,
    localtime: Path = LOCALTIME,
    timezone_file: Path = TIMEZONE_FILE,
) -> str | None:
    """The IANA name of the computer's zone ("Europe/Berlin"), or None when not known.

    In the C library's order: the ``TZ`` variable ("Europe/Berlin", ":Europe/Berlin" or
    a path into a zoneinfo folder; a POSIX rule such as ``CET-1CEST`` has no name, and
    then nothing else is asked: it is the zone in use), else the target of the
    ``/etc/localtime`` link (Linux, macOS), else ``/etc/timezone``. Windows names its
    zones differently ("W. Europe Standard Time") and the standard library has no map
    to IANA names, so there it is known only through ``TZ``. A name counts only if
    ``zoneinfo`` has the zone and it gives the computer's offset now (a stale
    ``/etc/timezone`` does not).
    """
    env = os.environ if environ is None else environ
    if "TZ" in env:
        return _checked(_name_in(env["TZ"].removeprefix(":")))
    try:
        target = os.path.realpath(localtime) if localtime.is_symlink() else ""
    except OSError:
        target = ""
    name = _checked(_name_in(target)) if target else None
    if name is None:
        try:
            name = _checked(timezone_file.read_text(encoding="utf-8").strip())
        except (OSError, UnicodeDecodeError):
            name = None
    return name


#: The names of UTC itself: a zone by one of these says nothing a UTC time does not.
UTC_NAMES = frozenset({
    "UTC", "UCT", "Universal", "Zulu", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich",
    "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0",
    "Etc/GMT-0", "Etc/Greenwich",
})


def named_zone() -> ZoneInfo | None:
    """The computer's zone as a ``ZoneInfo`` (:func:`zone_name`), or None when it has
    no known name or is UTC itself."""
    name = zone_name()
    return ZoneInfo(name) if name is not None and name not in UTC_NAMES else None


def _name_in(value: str) -> str:
    """The zone name in a ``TZ`` value or a path ("…/zoneinfo/Europe/Berlin")."""
    marker = "zoneinfo/"
    if marker in value:
        value = value[value.rindex(marker) + len(marker):]
    for variant in ("posix/", "right/"):  # the same zones in other folders
        value = value.removeprefix(variant)
    return value


def _checked(name: str) -> str | None:
    """``name`` if zoneinfo knows it and it gives this computer's offset now."""
    if not name or name.startswith("/") or ".." in name:
        return None
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    now = datetime.now(UTC)
    return name if now.astimezone(zone).utcoffset() == now.astimezone().utcoffset() else None
