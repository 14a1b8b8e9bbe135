"""The mapped CSV reader: a checked column mapping, date formats, reversed scales."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ketajournal.errors import KnownError
from ketajournal.services.imports import generic
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


MAPPING = generic.ColumnMapping(
    date_column="Datum", date_format="%d.%m.%Y", mood_column="Stimmung",
    scale_min=1, scale_max=5, higher_is_better=False,
    time_column="Uhrzeit", note_column="Notiz", delimiter=";",
)


def test_generic_fixture_with_a_reversed_scale() -> None:
    result = generic.read_generic(IMPORT_FIXTURES / "generic.csv", MAPPING, zone=ZONE)
    got = [(i.entry.at, i.entry.mood, i.entry.note) for i in result.entries]
    assert got == [
        # 1 = best on 1–5: 2 → 10 × (1 − 1/4) = 7.5 → 8; 4 → 2.5 → 3; 1 → 10; 3 → 5.
        (at("2026-03-14", "09:30"), 8, "schlecht geschlafen"),
        (at("2026-03-14", "21:00"), 3, ""),
        (at("2026-03-15", "12:00"), 10, ""),
        (at("2026-03-16", "18:45"), 5, "Spaziergang; danach besser"),
    ]


def test_generic_date_format_with_time_and_no_time_column() -> None:
    data = b"when,score\n2026-03-14 07:15,6.5\n"
    mapping = generic.ColumnMapping(
        date_column="when", date_format="%Y-%m-%d %H:%M", mood_column="score",
        scale_min=0, scale_max=10,
    )
    result = generic.read_generic(Path("g.csv"), mapping, data=data, zone=ZONE)
    assert [(i.entry.at, i.entry.mood) for i in result.entries] == [
        (at("2026-03-14", "07:15"), 7),
    ]


def test_generic_mapping_is_checked_before_the_file() -> None:
    bad = [
        generic.ColumnMapping("d", "%Y-%m-%d", "m", 5, 5),
        generic.ColumnMapping("d", "no codes", "m", 0, 10),
        generic.ColumnMapping("d", "%Y-%j", "m", 0, 10),
        generic.ColumnMapping("d", "%Y-%m-%d", "d", 0, 10),
        generic.ColumnMapping("d", "%Y-%m-%d", "m", 0, 10, delimiter="x"),
    ]
    for mapping in bad:
        with pytest.raises(ImportRejectedError) as error:
            generic.read_generic(Path("missing.csv"), mapping)
        refused(error, "the column mapping", error.value.field)


def test_generic_missing_column_and_mood_off_the_scale() -> None:
    data = b"when,score\n2026-03-14,11\n"
    mapping = generic.ColumnMapping("when", "%Y-%m-%d", "mood", 0, 10)
    with pytest.raises(ImportRejectedError) as error:
        generic.read_generic(Path("g.csv"), mapping, data=data)
    assert "has no column named mood" in refused(error, "g.csv line 1", "")
    mapping = generic.ColumnMapping("when", "%Y-%m-%d", "score", 0, 10)
    with pytest.raises(ImportRejectedError) as error:
        generic.read_generic(Path("g.csv"), mapping, data=data)
    assert "11" not in refused(error, "g.csv line 2", "mood")
