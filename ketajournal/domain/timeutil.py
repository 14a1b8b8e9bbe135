"""Time rules: entries keep the offset they were logged with, and their day is that local day.

A journal moved to another time zone must not shift entries to other days, so the
calendar day of an entry is the date in the offset it was recorded with, not in
the zone the computer is in today.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

from ketajournal.domain.validation import ValidationError, check_time


def parse_time(field: str, text: str, local: tzinfo | None = None) -> datetime:
    """Parse ISO 8601 text; a time without an offset is taken as local time.

    ``local`` is the zone for naive times (default: the computer's zone). A
    date alone means noon of that day, so it cannot slip to a neighbouring day.
    """
    raw = text.strip()
    try:
        if len(raw) == 10:
            value = datetime.fromisoformat(raw + "T12:00")
        else:
            value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(
            field, "must be an ISO 8601 date and time, e.g. 2026-03-14T09:30 or 2026-03-14"
        ) from None
    if value.tzinfo is None:
        # Check the year first: astimezone() fails for years near 1 and 9999.
        check_time(field, value.replace(tzinfo=local or UTC))
        value = value.replace(tzinfo=local) if local is not None else value.astimezone()
    return check_time(field, value)


def to_iso(value: datetime) -> str:
    """ISO 8601 with the offset, to the second (what is stored and exported)."""
    return value.isoformat(timespec="seconds")


def local_day(value: datetime) -> date:
    """The calendar day as the user lived it when logging."""
    return value.date()
