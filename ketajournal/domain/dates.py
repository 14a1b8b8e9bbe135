"""Dates as the reader's locale writes them, through Babel; the journal's English by default.

The one owner of month and weekday names: the charts' tooltips and date axis, the
Boosters screen, the clinician report, the CLI and the window's own texts write
dates through these functions, in the locale of :mod:`ketajournal.domain.locales`.
Without a locale they read as they always did ("3 Dec 2026", "Tue 14 Jan 2025");
with one, in its words and order ("3. Dez. 2026", "jue, 3 dic 2026"). No month
table of our own, and no ``strftime`` (which would follow the locale Qt sets).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as babel_date
from babel.dates import format_skeleton, format_time, get_month_names

from ketajournal.domain import locales

#: The locale of the journal's own English (its patterns are kept as they were).
ENGLISH = Locale("en")
# The journal's English patterns (CLDR syntax), and the skeleton each stands for in
# another locale: the locale then orders and punctuates the same fields its own way.
DATE = ("d MMM y", "yMMMd")
DATE_WITH_WEEKDAY = ("EEE d MMM y", "yMMMEd")
MONTH_YEAR = ("MMM y", "yMMM")


def _write(day: date, form: tuple[str, str]) -> str:
    # A plain date, so that a datetime of the same day shares the cached text.
    return _written(date(day.year, day.month, day.day), form, locales.current())


@lru_cache(maxsize=4096)
def _written(day: date, form: tuple[str, str], locale: Locale | None) -> str:
    """Babel parses the pattern and walks the locale's data at every call (0.1–0.2 ms);
    a report or a screen writes the same few hundred days again and again."""
    if locale is None:
        return babel_date(day, form[0], locale=ENGLISH)
    return format_skeleton(form[1], day, locale=locale)


def month_abbreviation(month: int) -> str:
    """The abbreviated name of a month (1–12) standing alone: ``Sep``, ``Dez.``."""
    locale = locales.current() or ENGLISH
    return str(get_month_names("abbreviated", "stand-alone", locale=locale)[month])


def format_month_year(day: date) -> str:
    """The month of ``day`` with its year: ``Sep 2026``."""
    return _write(day, MONTH_YEAR)


def format_date(day: date) -> str:
    """A date written out: ``3 Dec 2026``."""
    return _write(day, DATE)


def format_date_with_weekday(day: date) -> str:
    """A date with its weekday, as tooltips and the Boosters screen show it:
    ``Tue 14 Jan 2025``."""
    return _write(day, DATE_WITH_WEEKDAY)


def format_short_date(
    day: date, *, year: bool = False, weekday: bool = False, padded: bool = False
) -> str:
    """A date without the year (``3 Dec``; ``Thu 3 Dec`` with ``weekday``), or with it
    when ``year`` is true; ``padded``: the day in two digits in English (``03 Dec``, as
    the Timeline and the reminders write it)."""
    english = ("EEE " if weekday else "") + ("dd" if padded else "d") + " MMM" + (
        " y" if year else ""
    )
    skeleton = ("y" if year else "") + "MMM" + ("E" if weekday else "") + "d"
    return _write(day, (english, skeleton))


def format_time_of_day(at: datetime) -> str:
    """The time of day: ``20:32`` (the locale's short form, ``8:32 PM`` in the US)."""
    locale = locales.current()
    if locale is None:
        return f"{at:%H:%M}"
    # CLDR puts a narrow no-break space before "PM"; the PDF's standard fonts lack it.
    return format_time(at, "short", locale=locale).replace("\u202f", "\u00a0")


def format_date_time(at: datetime, *, year: bool = True, padded: bool = False) -> str:
    """A date with its weekday and the time: ``Tue 14 Jan 2025 20:32`` (``Wed 02 Dec 2026
    20:32`` ``padded``, as the Timeline writes when an entry was logged)."""
    when = format_short_date(at.date(), year=year, weekday=True, padded=padded)
    return f"{when} {format_time_of_day(at)}"


def format_range(first: date, last: date) -> str:
    """Two dates written out in full: ``1 Nov 2026 – 14 Nov 2026``."""
    return f"{format_date(first)} – {format_date(last)}"


__all__ = [
    "format_date",
    "format_date_time",
    "format_date_with_weekday",
    "format_month_year",
    "format_range",
    "format_short_date",
    "format_time_of_day",
    "month_abbreviation",
]
