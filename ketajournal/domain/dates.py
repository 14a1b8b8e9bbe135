"""Dates as the journal writes them: English, the same on every computer, whatever its locale.

The one owner of the month and weekday names: the charts' tooltips and date axis, the
Boosters screen and the clinician report all write dates through these functions, so
"3 Dec 2026" reads the same everywhere. (``strftime`` would follow the locale Qt sets.)
"""

from __future__ import annotations

from datetime import date

MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def month_abbreviation(month: int) -> str:
    """The three-letter English name of a month (1–12): ``Sep``."""
    return MONTH_ABBREVIATIONS[month - 1]


def format_month_year(day: date) -> str:
    """The month of ``day`` with its year: ``Sep 2026``."""
    return f"{month_abbreviation(day.month)} {day.year}"


def format_date(day: date) -> str:
    """A date written out: ``3 Dec 2026``."""
    return f"{day.day} {month_abbreviation(day.month)} {day.year}"


def format_date_with_weekday(day: date) -> str:
    """A date with its weekday, as tooltips and the Boosters screen show it:
    ``Tue 14 Jan 2025``."""
    return f"{WEEKDAY_ABBREVIATIONS[day.weekday()]} {format_date(day)}"


def format_short_date(day: date, *, year: bool = False) -> str:
    """A date without the year (``3 Dec``), or with it when ``year`` is true."""
    return format_date(day) if year else f"{day.day} {month_abbreviation(day.month)}"


def format_range(first: date, last: date) -> str:
    """Two dates written out in full: ``1 Nov 2026 – 14 Nov 2026``."""
    return f"{format_date(first)} – {format_date(last)}"


__all__ = [
    "MONTH_ABBREVIATIONS",
    "WEEKDAY_ABBREVIATIONS",
    "format_date",
    "format_date_with_weekday",
    "format_month_year",
    "format_range",
    "format_short_date",
    "month_abbreviation",
]
