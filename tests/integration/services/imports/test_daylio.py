"""The Daylio reader: moods mapped from labels, tags and notes; bad rows named without values."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ketajournal.errors import KnownError
from ketajournal.services.imports import daylio
from ketajournal.services.imports.common import ImportRejectedError
from tests.support.paths import FIXTURES

IMPORT_FIXTURES = FIXTURES / "imports"


ZONE = timezone(timedelta(hours=1))


def at(day: str, clock: str = "12:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=ZONE)


def refused(error: pytest.ExceptionInfo[ImportRejectedError], where: str, field: str) -> str:
    message = str(error.value)
    assert isinstance(error.value, KnownError)
    assert message.startswith(f"{where}: {field}" if field else where), message
    assert message.endswith("Nothing was imported."), message
    return message


def test_daylio_fixture_reads_every_row_with_mapped_moods_tags_and_notes() -> None:
    result = daylio.read_daylio(
        IMPORT_FIXTURES / "daylio.csv", {"Tired but OK": 4}, zone=ZONE
    )
    got = [(i.entry.at, i.entry.mood, i.tags, i.entry.note, i.location) for i in result.entries]
    assert got == [
        (at("2026-03-03", "21:40"), 7, ("walk", "friends", "good sleep"), "Dinner with A.",
         "daylio.csv line 2"),
        # 8:05 AM; the quoted note spans two lines, so the next row starts on line 5.
        (at("2026-03-03", "08:05"), 5, ("work",), "Morning\n\nSlept badly,\nwoke at 5",
         "daylio.csv line 3"),
        (at("2026-03-02", "19:30"), 9, ("exercise", "friends"), "", "daylio.csv line 5"),
        (at("2026-03-01", "10:00"), 3, (), "Tired", "daylio.csv line 6"),
        # A formula-looking note is text, kept exactly.
        (at("2026-02-28", "23:15"), 1, ("alcohol", "work"), "=not a formula, just text",
         "daylio.csv line 7"),
        (at("2026-02-27", "12:00"), 4, ("walk",), "", "daylio.csv line 8"),
    ]
    assert result.tags == ("walk", "friends", "good sleep", "work", "exercise", "alcohol")
    assert result.medications == ()


def test_daylio_defaults_are_the_middles_of_five_equal_fifths() -> None:
    assert daylio.DEFAULT_MOOD_SCORES == {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
    middles = [round(10 * (i + 0.5) / 5) for i in range(5)]
    assert sorted(daylio.DEFAULT_MOOD_SCORES.values()) == middles


def test_daylio_unmapped_labels_are_listed_not_guessed_and_nothing_is_returned() -> None:
    with pytest.raises(daylio.UnmappedMoodsError) as error:
        daylio.read_daylio(IMPORT_FIXTURES / "daylio.csv", zone=ZONE)
    assert error.value.labels == ("tired but ok",)
    message = refused(error, "daylio.csv", "mood")
    assert "1 mood label has no score" in message
    assert "tired" not in message  # a label may be personal: counted, not shown


def test_daylio_labels_for_the_mapping_dialog_in_order_of_appearance() -> None:
    assert daylio.mood_labels(IMPORT_FIXTURES / "daylio.csv") == (
        "good", "meh", "Rad", "bad", "awful", "tired but ok",
    )


def test_daylio_mapping_overrides_a_default_and_is_checked() -> None:
    result = daylio.read_daylio(
        IMPORT_FIXTURES / "daylio.csv", {"RAD": 10, "tired but ok": 4}, zone=ZONE
    )
    assert result.entries[2].entry.mood == 10
    with pytest.raises(ImportRejectedError) as error:
        daylio.read_daylio(IMPORT_FIXTURES / "daylio.csv", {"tired but ok": 11}, zone=ZONE)
    assert "from 0 to 10" in refused(error, "the mood mapping", "")


def test_daylio_bad_time_names_file_line_and_field_without_the_value() -> None:
    data = (
        b"full_date,date,weekday,time,mood,activities,note_title,note\n"
        b"2026-03-03,March 3,Tuesday,25:99,good,,,secret note\n"
    )
    with pytest.raises(ImportRejectedError) as error:
        daylio.read_daylio(Path("export.csv"), data=data, zone=ZONE)
    message = refused(error, "export.csv line 2", "time")
    assert "25:99" not in message and "secret" not in message


def test_daylio_missing_column_is_named() -> None:
    data = b"full_date,date,weekday,time,activities\n2026-03-03,x,y,10:00,\n"
    with pytest.raises(ImportRejectedError) as error:
        daylio.read_daylio(Path("export.csv"), data=data)
    assert "missing column(s): mood" in refused(error, "export.csv line 1", "")


def test_daylio_year_out_of_range_is_refused() -> None:
    data = (
        b"full_date,date,weekday,time,mood,activities,note_title,note\n"
        b"1999-12-31,x,y,10:00,good,,,\n"
    )
    with pytest.raises(ImportRejectedError) as error:
        daylio.read_daylio(Path("export.csv"), data=data)
    assert "between the years 2000 and 2100" in refused(error, "export.csv line 2", "full_date")
