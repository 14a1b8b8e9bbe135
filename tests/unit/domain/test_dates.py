"""Dates are written in English whatever the locale, by one module."""

from __future__ import annotations

from datetime import date

from ketajournal.domain.dates import (
    format_date,
    format_date_with_weekday,
    format_month_year,
    format_range,
    format_short_date,
    month_abbreviation,
)


def test_every_form_of_a_date_reads_the_same_on_every_computer() -> None:
    day = date(2026, 12, 3)
    assert format_date(day) == "3 Dec 2026"
    assert format_date_with_weekday(day) == "Thu 3 Dec 2026"
    assert format_short_date(day) == "3 Dec"
    assert format_short_date(day, year=True) == "3 Dec 2026"
    assert format_month_year(day) == "Dec 2026"
    assert format_range(date(2026, 11, 1), date(2026, 11, 14)) == "1 Nov 2026 – 14 Nov 2026"
    assert [month_abbreviation(m) for m in (1, 9, 12)] == ["Jan", "Sep", "Dec"]
