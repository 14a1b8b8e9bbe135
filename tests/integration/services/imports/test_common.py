"""What every reader shares: files, encodings, table shape, numbers, clocks and tags."""

from __future__ import annotations

import codecs
from datetime import time, timedelta, timezone
from pathlib import Path

import pytest

from ketajournal.errors import KnownError
from ketajournal.services.imports import common, daylio
from ketajournal.services.imports.common import ImportRejectedError, safe_name
from tests.support.pipes import fed_fifo

ZONE = timezone(timedelta(hours=1))


def refused(error: pytest.ExceptionInfo[ImportRejectedError], where: str, field: str) -> str:
    message = str(error.value)
    assert isinstance(error.value, KnownError)
    assert message.startswith(f"{where}: {field}" if field else where), message
    assert message.endswith("Nothing was imported."), message
    return message


def test_encodings_utf8_bom_and_utf16_are_read_latin1_is_refused_with_its_line() -> None:
    text = "full_date,date,weekday,time,mood,activities,note_title,note\n" \
           "2026-03-03,x,y,10:00,good,Café,,Grüße\n"
    for data in (
        codecs.BOM_UTF8 + text.encode(),
        text.encode("utf-16"),  # with its byte-order mark
    ):
        result = daylio.read_daylio(Path("d.csv"), data=data, zone=ZONE)
        assert result.entries[0].tags == ("Café",)
        assert result.entries[0].entry.note == "Grüße"
    with pytest.raises(ImportRejectedError) as error:
        daylio.read_daylio(Path("d.csv"), data=text.encode("latin-1"))
    assert "not UTF-8" in refused(error, "d.csv line 2", "")


def test_file_problems_are_named(tmp_path: Path) -> None:
    with pytest.raises(ImportRejectedError) as error:
        daylio.read_daylio(tmp_path / "none.csv")
    assert "does not exist" in refused(error, "none.csv", "")
    with pytest.raises(ImportRejectedError) as error:
        daylio.read_daylio(tmp_path)
    refused(error, tmp_path.name, "")
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(common.MAX_FILE_BYTES + 1)
    with pytest.raises(ImportRejectedError) as error:
        daylio.read_daylio(big)
    assert "larger than 64 MB" in refused(error, "big.csv", "")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ImportRejectedError) as error:
        daylio.read_daylio(empty)
    refused(error, "empty.csv line 1", "")


def test_table_shape_errors() -> None:
    cases = [
        (b"a,b\n1,2,3\n", "d.csv line 2", "has 3 cells where the header has 2"),
        (b"a,A\n1,2\n", "d.csv line 1", "names a column twice"),
        (b"a,\n1,2\n", "d.csv line 1", "a column without a name"),
        (b"a,b\n", "d.csv", "no rows"),
        (b'a,b\n"1,2\n', "d.csv line 2", "not valid CSV"),
        (b"a,b\n1,\x002\n", "d.csv line 2", "NUL character"),
        ("a,b\n1,2\n".encode("utf-16-le"), "d.csv line 1", "NUL character"),
    ]
    for data, where, reason in cases:
        with pytest.raises(ImportRejectedError) as error:
            common.read_table(Path("d.csv"), data=data)
        assert reason in refused(error, where, ""), data


def test_a_huge_cell_is_refused_by_its_column() -> None:
    data = b"a,note\n1," + b"x" * (common.MAX_CELL_CHARS + 1) + b"\n"
    with pytest.raises(ImportRejectedError) as error:
        common.read_table(Path("d.csv"), data=data)
    assert "longer than 20,000" in refused(error, "d.csv line 2", "note")


def test_numbers_clocks_and_rounding() -> None:
    assert common.parse_number("x", " 7,5 ") == 7.5
    assert common.parse_number("x", "") is None
    for bad in ("=1", "nan", "inf", "1e400", "7 h", "--1", "0x10"):
        with pytest.raises(KnownError):
            common.parse_number("x", bad)
    assert common.parse_clock("t", "8:30 PM") == time(20, 30)
    assert common.parse_clock("t", "12:05 a.m.") == time(0, 5)
    assert common.parse_clock("t", "12:05 pm") == time(12, 5)
    assert common.parse_clock("t", "23:59:59") == time(23, 59, 59)
    for bad in ("24:00", "13:00 PM", "0:10 AM", "9", "noon"):
        with pytest.raises(KnownError):
            common.parse_clock("t", bad)
    assert [common.round_half_up(x) for x in (2.5, 3.5, 7.49, 0.0)] == [3, 4, 7, 0]
    assert common.rescale("m", 3, 1, 5, higher_is_better=True) == 5
    assert common.rescale("m", 1, 1, 5, higher_is_better=False) == 10


def test_tags_are_deduplicated_ignoring_case() -> None:
    # Cleaning and checking one tag is domain.tags.clean_tag (tests/unit/domain/test_tags.py).
    assert common.unique(["Walk", "walk", "Friends", "", "WALK"]) == ("Walk", "Friends")


def test_a_pipe_from_another_app_is_read_only_up_to_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "MAX_FILE_BYTES", 1024 * 1024)
    feeder = fed_fifo(tmp_path / "pipe.csv", 4 * 1024 * 1024)
    with pytest.raises(ImportRejectedError) as error:
        daylio.read_daylio(tmp_path / "pipe.csv")
    assert "larger than 1 MB" in refused(error, "pipe.csv", "")
    assert feeder.finish() < 2 * 1024 * 1024  # read stopped at the cap, not at the end


def test_json_depth_counts_brackets_outside_strings() -> None:
    from ketajournal.services.imports.common import json_depth

    assert json_depth("") == 0
    assert json_depth('{"a": [1, {"b": []}]}') == 4
    assert json_depth('{"not [[[ nested": "]]]{{{\\"["}') == 1  # brackets inside strings


def test_read_bytes_names_its_own_cap_and_what_it_is_far_more_than(tmp_path: Path) -> None:
    from ketajournal.services.imports.common import read_bytes

    big = tmp_path / "big.json"
    big.write_bytes(b"x" * (2 * 1024 * 1024 + 1))
    with pytest.raises(ImportRejectedError) as error:
        read_bytes(big, "big.json", 2 * 1024 * 1024, "a journal export")
    assert "big.json: is larger than 2 MB, far more than a journal export" in str(error.value)
    assert read_bytes(big, "big.json", 3 * 1024 * 1024) == b"x" * (2 * 1024 * 1024 + 1)


def test_safe_name_shows_a_plain_name_and_hides_anything_else() -> None:
    assert safe_name("Mood (1-5)") == "Mood (1-5)"
    assert safe_name("colour", quoted=True) == '"colour"'
    for hidden in ("Stimmung über den Tag", "x" * 41, "", "a\nb", "note: felt awful"):
        assert safe_name(hidden) == safe_name(hidden, quoted=True) == "(an unreadable name)"
