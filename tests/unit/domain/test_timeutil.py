"""Times as logged: parsing, fixed offsets, wall-clock times in a zone, display."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from ketajournal.domain.timeutil import (
    as_logged,
    fixed_offset,
    in_zone,
    local_day,
    parse_time,
    to_iso,
)
from ketajournal.domain.validation import ValidationError

BERLIN = ZoneInfo("Europe/Berlin")
MINUS5 = timezone(timedelta(hours=-5))


def test_a_date_alone_is_noon_and_a_naive_time_is_local() -> None:
    assert parse_time("at", "2026-03-14", BERLIN) == datetime(
        2026, 3, 14, 12, 0, tzinfo=timezone(timedelta(hours=1))
    )
    parsed = parse_time("at", "2026-07-01T09:30", BERLIN)
    assert parsed.utcoffset() == timedelta(hours=2)
    assert isinstance(parsed.tzinfo, timezone)
    assert parse_time("at", "2026-07-01T09:30Z").utcoffset() == timedelta(0)


def test_a_skipped_hour_moves_forward_and_a_repeated_hour_is_its_first() -> None:
    assert to_iso(in_zone(datetime(2026, 3, 29, 2, 30), BERLIN)) == "2026-03-29T03:30:00+02:00"
    assert to_iso(in_zone(datetime(2026, 10, 25, 2, 30), BERLIN)) == "2026-10-25T02:30:00+02:00"


def test_bad_text_and_years_out_of_range_are_refused_by_field() -> None:
    with pytest.raises(ValidationError, match=r"^at: must be an ISO 8601"):
        parse_time("at", "yesterday")
    with pytest.raises(ValidationError, match="years 2000 and 2100"):
        parse_time("at", "1999-12-31T10:00+00:00")


def test_fixed_offset_keeps_the_wall_clock() -> None:
    aware = datetime(2026, 7, 1, 9, 30, tzinfo=BERLIN)
    fixed = fixed_offset(aware)
    assert fixed == aware and fixed.tzinfo == timezone(timedelta(hours=2))
    with pytest.raises(ValueError):
        fixed_offset(datetime(2026, 7, 1, 9, 30))


def test_the_day_and_the_display_are_as_logged() -> None:
    late = datetime(2026, 11, 20, 23, 30, tzinfo=MINUS5)
    assert local_day(late) == date(2026, 11, 20)
    assert as_logged(late, BERLIN) == "Fri 20 Nov 2026 23:30 (UTC−05:00)"
    assert as_logged(late, ZoneInfo("America/New_York")) == "Fri 20 Nov 2026 23:30"
