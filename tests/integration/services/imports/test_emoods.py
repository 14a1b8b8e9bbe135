"""The eMoods reader: ratings mapped by the documented rule, medications, dates, sleep."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from ketajournal.errors import KnownError
from ketajournal.services.imports import common, emoods
from ketajournal.services.imports.common import ImportRejectedError, MedicationRecord
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


def test_emoods_fixture_maps_ratings_by_the_documented_rule() -> None:
    result = emoods.read_emoods(IMPORT_FIXTURES / "emoods.csv", zone=ZONE)
    got = [
        (i.entry.at, i.entry.mood, i.entry.anxiety, i.entry.sleep_hours, i.tags, i.entry.note)
        for i in result.entries
    ]
    assert got == [
        (at("2026-01-10"), 3, 7, 6.5, ("irritability: mild",), "Hard day at work"),
        (at("2026-01-11"), 7, 3, 7.5, (), ""),
        (at("2026-01-12"), 10, 0, 8.0, ("elevated mood: mild",), "Better, went for a walk"),
        (at("2026-01-13"), 0, 10, 4.0, ("irritability: moderate",), ""),
    ]
    assert result.skipped == {"days without a depressed-mood rating": 1}
    assert [(m.name, m.dose, m.day, m.location) for m in result.medications] == [
        ("Sertraline", "100 mg", date(2026, 1, 10), "emoods.csv line 2"),
        ("Lorazepam", "0.5 mg", date(2026, 1, 10), "emoods.csv line 2"),
        ("Sertraline", "100 mg", date(2026, 1, 11), "emoods.csv line 3"),
        ("Sertraline", "100mg", date(2026, 1, 12), "emoods.csv line 4"),
        ("Sertraline", "100 mg", date(2026, 1, 14), "emoods.csv line 6"),
    ]


def test_emoods_tables_are_the_formulas() -> None:
    for rating in range(4):
        assert emoods.DEPRESSION_TO_MOOD[rating] == common.round_half_up(10 - rating * 10 / 3)
        assert emoods.ANXIETY_TO_SCORE[rating] == common.round_half_up(rating * 10 / 3)


def test_emoods_rating_words_and_bad_ratings() -> None:
    assert [emoods.rating("x", w) for w in ("None", "mild", "MODERATE", "severe", "")] == [
        0, 1, 2, 3, None,
    ]
    for bad in ("4", "1.5", "-1", "=1+1", "nan"):
        with pytest.raises(KnownError):
            emoods.rating("depressed", bad)


def test_emoods_medication_cells() -> None:
    day = date(2026, 1, 1)
    meds = emoods.medications("Lithium 900 mg, Vitamin D3 1000 IU|Melatonin\nQuetiapine 12,5 mg",
                              day, "f line 2")
    assert meds == [
        MedicationRecord("Lithium", "900 mg", day, "f line 2"),
        MedicationRecord("Vitamin D3", "1000 IU", day, "f line 2"),
        MedicationRecord("Melatonin", "", day, "f line 2"),
        MedicationRecord("Quetiapine", "12,5 mg", day, "f line 2"),
    ]


def test_emoods_other_date_format() -> None:
    data = b"Date,Depressed,Anxiety\n1/13/2026,1,\n"
    result = emoods.read_emoods(Path("e.csv"), data=data, zone=ZONE, date_format="%m/%d/%Y")
    assert result.entries[0].entry.at == at("2026-01-13")
    with pytest.raises(ImportRejectedError) as error:
        emoods.read_emoods(Path("e.csv"), data=data, zone=ZONE)
    refused(error, "e.csv line 2", "date")


def test_emoods_sleep_out_of_range_names_the_line() -> None:
    data = b"DATE,DEPRESSED_MOOD,SLEEP\n2026-01-10,1,30\n"
    with pytest.raises(ImportRejectedError) as error:
        emoods.read_emoods(Path("e.csv"), data=data)
    assert "from 0 to 24 hours" in refused(error, "e.csv line 2", "sleep_hours")
