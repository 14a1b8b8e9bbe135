"""Dates are written by one module, through Babel: the journal's English by default."""

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


def test_other_locales_write_dates_in_their_own_words_and_order() -> None:
    from datetime import datetime

    from ketajournal.domain import locales
    from ketajournal.domain.dates import format_date_time

    day = date(2026, 12, 3)
    try:
        locales.use("de_DE")
        assert format_date(day) == "3. Dez. 2026"
        assert format_date_with_weekday(day) == "Do., 3. Dez. 2026"
        assert format_month_year(day) == "Dez. 2026"
        assert format_short_date(day) == "3. Dez."
        locales.use("es_ES")
        assert format_date(day) == "3 dic 2026"
        assert month_abbreviation(12) == "dic"
        locales.use("en_US")
        assert format_date(day) == "Dec 3, 2026"
        assert format_date_time(datetime(2026, 12, 3, 20, 5)) == "Thu, Dec 3, 2026 8:05\u00a0PM"
    finally:
        locales.use(None)
    assert format_date(day) == "3 Dec 2026"
    assert format_date_time(datetime(2026, 12, 2, 20, 5), padded=True) == "Wed 02 Dec 2026 20:05"


def test_no_month_or_weekday_table_is_left_in_the_package() -> None:
    from pathlib import Path

    import ketajournal

    names = ("\"Jan\", \"Feb\"", "\"Mon\", \"Tue\"", "strftime(\"%a", ":%a ", ":%b", " %b ")
    found = [
        f"{path.name}: {name}"
        for path in Path(ketajournal.__file__).parent.rglob("*.py")
        if path.name != "generic.py"  # the CSV import's date-format grammar, not output
        for name in names
        if name in path.read_text(encoding="utf-8")
    ]
    assert found == []
