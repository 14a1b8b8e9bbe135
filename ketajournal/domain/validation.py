"""Validation of single values, with messages that name the field and the allowed range.

Messages never repeat the rejected value: it may be health data, and the user
knows what they typed.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import datetime, timedelta

from ketajournal.domain.ids import is_global_id
from ketajournal.errors import KnownError
from ketajournal.language import gettext as _

#: Notes longer than this are refused rather than silently cut.
MAX_NOTE_CHARS = 20_000
#: Short free-text fields (clinic, "other" side-effect text).
MAX_SHORT_TEXT_CHARS = 200
EARLIEST_YEAR = 2000
#: How far ahead of "now" an entry's time may be (clock skew, a session logged
#: the evening before in another zone); anything later is a typing mistake.
FUTURE_TOLERANCE = timedelta(hours=24)


class ValidationError(KnownError):
    """A value outside what a field allows. ``field`` is the field's name."""

    exit_code = 2

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def whole_number_rule(low: int, high: int) -> str:
    """What a whole number within ``low``..``high`` must be, as every message says it."""
    return _("must be a whole number from {low} to {high}").format(low=low, high=high)


def number_rule(low: float, high: float, unit: str = "") -> str:
    """What a number within ``low``..``high`` (in ``unit``) must be, as every message says it."""
    if unit:
        return _("must be a number from {low} to {high} {unit}").format(
            low=plain_number(low), high=plain_number(high), unit=unit)
    return _("must be a number from {low} to {high}").format(
        low=plain_number(low), high=plain_number(high))


def plain_number(number: float) -> str:
    """A bound as people write it: ``24`` for 24.0, ``0.1`` for 0.1."""
    return str(int(number)) if float(number).is_integer() else str(number)


def check_int(field: str, value: object, low: int, high: int) -> int:
    """Return ``value`` if it is a whole number within ``low``..``high``."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise ValidationError(field, whole_number_rule(low, high))
    if not low <= value <= high:
        raise ValidationError(field, whole_number_rule(low, high))
    return value


def check_optional_int(field: str, value: object, low: int, high: int) -> int | None:
    """Like :func:`check_int`, but ``None`` means "not recorded"."""
    return None if value is None else check_int(field, value, low, high)


def check_number(field: str, value: object, low: float, high: float, unit: str = "") -> float:
    """Return ``value`` as a float if it is a finite number within ``low``..``high``."""
    message = number_rule(low, high, unit)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field, message)
    try:
        number = float(value)
    except OverflowError:  # an int beyond the float range
        raise ValidationError(field, message) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise ValidationError(field, message)
    return number


def check_optional_number(
    field: str, value: object, low: float, high: float, unit: str = ""
) -> float | None:
    """Like :func:`check_number`, but ``None`` means "not recorded"."""
    return None if value is None else check_number(field, value, low, high, unit)


def check_text(field: str, value: object, max_chars: int = MAX_NOTE_CHARS) -> str:
    """Return ``value`` if it is a string of at most ``max_chars`` characters.

    Control characters other than tab and newline are refused: they are never
    typed on purpose and break CSV and PDF output.
    """
    if not isinstance(value, str):
        raise ValidationError(field, _("must be text"))
    if len(value) > max_chars:
        raise ValidationError(field, _("must be at most {count} characters").format(
            count=f"{max_chars:,}"))
    # Category Cc: C0, DEL and the C1 range (U+0080-U+009F, e.g. NEL).
    if any(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in value):
        raise ValidationError(field, _("must not contain control characters"))
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise ValidationError(field, _("must be valid Unicode text"))
    return value


#: The widest UTC offset of any real zone (Kiribati's +14:00; the lowest is -12:00).
MAX_UTC_OFFSET = timedelta(hours=14)


def check_time(field: str, value: object) -> datetime:
    """Return ``value`` if it is a timezone-aware datetime from the year 2000 to 2100.

    Its UTC offset must be whole minutes within ±14:00 (:data:`MAX_UTC_OFFSET`): every
    real zone's is, and anything else cannot be written as an ISO 8601 / FHIR dateTime.
    """
    if not isinstance(value, datetime):
        raise ValidationError(field, _("must be a date and time"))
    offset = value.utcoffset() if value.tzinfo is not None else None
    if offset is None:
        raise ValidationError(field, _("must include a time zone offset"))
    if offset % timedelta(minutes=1):
        raise ValidationError(field, _("must have a UTC offset in whole minutes, such as +01:00"))
    if abs(offset) > MAX_UTC_OFFSET:
        raise ValidationError(field, _("must have a UTC offset between -14:00 and +14:00"))
    if not EARLIEST_YEAR <= value.year <= 2100:
        raise ValidationError(field, _("must be between the years {first} and {last}").format(
            first=EARLIEST_YEAR, last=2100))
    return value


def check_not_future(field: str, value: datetime, now: datetime) -> datetime:
    """Refuse times more than :data:`FUTURE_TOLERANCE` after ``now``."""
    if value - now > FUTURE_TOLERANCE:
        raise ValidationError(field, _("must not be more than 24 hours in the future"))
    return value


def check_global_id(field: str, value: object) -> str | None:
    """``value`` if it is None or a global id (a lower-case UUIDv7, docs/sync.md)."""
    if value is not None and not (isinstance(value, str) and is_global_id(value)):
        raise ValidationError(field, _("must be a UUIDv7 in lower case, or null"))
    return value
