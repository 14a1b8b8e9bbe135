"""Time rules: entries keep the offset they were logged with, and their day is that local day.

A journal moved to another time zone must not shift entries to other days, so the
calendar day of an entry is the date in the offset it was recorded with, not in
the zone the computer is in today.

A time is always kept with a fixed UTC offset (``datetime.timezone``), never with a
named zone: two times in the hour repeated when clocks go back (02:30+02:00 and
02:30+01:00 in Berlin) are an hour apart, but Python compares datetimes that share
one ``ZoneInfo`` by their wall clocks and would take them for the same time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timezone, tzinfo

from ketajournal.domain.dates import format_date_time
from ketajournal.domain.validation import ValidationError, check_time
from ketajournal.language import gettext as _


def parse_time(field: str, text: str, local: tzinfo | None = None) -> datetime:
    """Parse ISO 8601 text; a time without an offset is taken as local time.

    ``local`` is the zone for naive times (default: the computer's zone). A
    date alone means noon of that day, so it cannot slip to a neighbouring day.
    A naive time in the hour that is repeated when clocks go back is its first
    occurrence; one in the hour skipped when clocks go forward is moved forward by
    the gap (02:30 on the day Berlin skips 02:00-03:00 is 03:30+02:00), as calendar
    applications do. Either way the day is the day typed, and the result carries a
    fixed offset (see the module docstring).
    """
    raw = text.strip()
    try:
        if len(raw) == 10:
            value = datetime.fromisoformat(raw + "T12:00")
        else:
            value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(
            field, _("must be an ISO 8601 date and time, e.g. 2026-03-14T09:30 or 2026-03-14")
        ) from None
    if value.tzinfo is None:
        # Check the year first: astimezone() fails for years near 1 and 9999.
        check_time(field, value.replace(tzinfo=local or UTC))
        value = in_zone(value, local)
    elif not isinstance(value.tzinfo, timezone):
        value = fixed_offset(value)
    return check_time(field, value)


def fixed_offset(value: datetime) -> datetime:
    """The same instant with its UTC offset as a fixed ``timezone`` (same wall clock)."""
    offset = value.utcoffset()
    if offset is None:
        raise ValueError("a naive time has no offset")
    return value.replace(tzinfo=timezone(offset), fold=0)


def in_zone(naive: datetime, zone: tzinfo | None = None) -> datetime:
    """Read a naive wall-clock time in ``zone`` (default: the computer's zone).

    Returns a time with a fixed offset: the first of two in a repeated hour, or —
    for a wall time that does not exist because clocks went forward — the time the
    same distance after the change (see :func:`parse_time`).
    """
    candidates = []
    for fold in (0, 1):
        wall = naive.replace(fold=fold)
        if zone is None:
            local = wall.astimezone()  # the computer's zone, fixed offset
        else:
            # Through UTC: astimezone() to the zone a time already has changes nothing.
            local = wall.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)
        candidates.append(fixed_offset(local))
    exact = [c for c in candidates if c.replace(tzinfo=None) == naive.replace(fold=0)]
    if exact:
        return min(exact, key=lambda c: c.timestamp())
    return max(candidates, key=lambda c: c.timestamp())


def to_iso(value: datetime) -> str:
    """ISO 8601 with the offset, to the second (what is stored and exported)."""
    return value.isoformat(timespec="seconds")


def local_day(value: datetime) -> date:
    """The calendar day as the user lived it when logging."""
    return value.date()


def as_logged(value: datetime, zone: tzinfo | None = None) -> str:
    """A time for display on the clock the user read when logging, e.g. ``Fri 20 Nov 2026 23:30``.

    Converting to the computer's zone today would show an entry logged at 23:30 in
    New York as 05:30 the next day in Berlin, on another day than the one it is
    counted on. When the offset differs from the one ``zone`` (default: the computer's
    zone) had at that moment, it is added: ``Fri 20 Nov 2026 23:30 (UTC−05:00)``. A
    summer entry seen in winter at home has no suffix: it is on the local clock of then.
    """
    text = format_date_time(value, padded=True)
    offset = value.utcoffset()
    here = value.astimezone(zone).utcoffset()
    if offset is None or offset == here:
        return text
    sign = "−" if offset.total_seconds() < 0 else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{text} (UTC{sign}{minutes // 60:02d}:{minutes % 60:02d})"
