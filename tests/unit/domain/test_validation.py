"""The field checks every entry goes through, and the messages they give."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ketajournal.domain.validation import (
    ValidationError,
    check_int,
    check_not_future,
    check_number,
    check_optional_int,
    check_text,
    check_time,
    number_rule,
    plain_number,
)


def test_whole_numbers_in_range_pass_and_others_name_the_rule() -> None:
    assert check_int("mood", 7, 0, 10) == 7
    assert check_int("mood", 7.0, 0, 10) == 7
    assert check_optional_int("mood", None, 0, 10) is None
    for bad in (11, -1, 7.5, True, "7"):
        with pytest.raises(ValidationError, match=r"^mood: must be a whole number from 0 to 10$"):
            check_int("mood", bad, 0, 10)


def test_numbers_are_finite_and_in_range() -> None:
    assert check_number("sleep", 7.5, 0, 24, "hours") == 7.5
    for bad in (float("nan"), float("inf"), 25, 10**400, False):
        with pytest.raises(ValidationError) as caught:
            check_number("sleep", bad, 0, 24, "hours")
        assert caught.value.field == "sleep"
    assert number_rule(0, 24, "hours") == "must be a number from 0 to 24 hours"
    assert plain_number(0.1) == "0.1"


def test_text_refuses_control_characters_surrogates_and_length() -> None:
    assert check_text("note", "line\n\ttab") == "line\n\ttab"
    for bad in ("bell\x07", "nel\x85", "\ud800", "x" * 21, 3):
        with pytest.raises(ValidationError):
            check_text("note", bad, max_chars=20)


def test_times_need_an_offset_a_sane_year_and_not_the_far_future() -> None:
    now = datetime(2026, 5, 1, 12, tzinfo=UTC)
    assert check_time("at", now) == now
    for bad in (datetime(2026, 5, 1, 12), datetime(1999, 1, 1, tzinfo=UTC), "2026-05-01"):
        with pytest.raises(ValidationError):
            check_time("at", bad)
    assert check_not_future("at", now + timedelta(hours=23), now)
    with pytest.raises(ValidationError, match="24 hours in the future"):
        check_not_future("at", now + timedelta(hours=25), now)


def test_the_rule_is_said_in_the_language_in_use_and_the_field_keeps_its_name() -> None:
    from ketajournal import language

    language.use("de")
    with pytest.raises(ValidationError, match=r"^mood: muss eine ganze Zahl von 0 bis 10 sein$"):
        check_int("mood", 11, 0, 10)
    language.use("es")
    with pytest.raises(ValidationError, match=r"^sleep_hours: debe ser un número de 0 a 24$"):
        check_number("sleep_hours", 25.0, 0, 24)
