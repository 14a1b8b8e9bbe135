"""Medications through the JSON and CSV exports and back: lossless, additive, all or nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ketajournal.domain.medications import Course, MedicationClass
from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import exchange
from ketajournal.services.import_reading import ImportRejectedError
from ketajournal.services.imports.common import MedicationRecord
from ketajournal.services.journal import Journal
from ketajournal.services.medication_import import courses_from_records
from ketajournal.services.medications import KIND, MedicationList
from ketajournal.services.opening import open_journal
from tests.support.clock import NOW, FixedClock


def d(month: int, day: int) -> date:
    return date(2026, month, day)


@pytest.fixture
def source(journal: Journal) -> Journal:
    """Sertraline 50 → 100 mg (still taken), lorazepam 1 mg from 10 Oct to 1 Nov, a mood."""
    meds = MedicationList(journal)
    meds.start("Sertraline", "50 mg once a day", dose_mg=50, day=d(9, 1), frequency="daily",
               note="=from the GP")  # a formula-looking note survives CSV
    meds.change("Sertraline", "100 mg once a day", dose_mg=100, day=d(9, 20))
    meds.start("Lorazepam", "1 mg, \"as needed\"", medication_class="benzodiazepine",
               day=d(10, 10))
    meds.stop("Lorazepam", day=d(11, 1))
    journal.log(MoodEntry(at=NOW, mood=6))
    return journal


@pytest.fixture
def other(tmp_path: Path) -> Journal:
    j = open_journal(JournalPaths(tmp_path / "other"), KeyringKeyStore(), clock=FixedClock())
    yield j  # type: ignore[misc]
    j.close()


def without_ids(courses: tuple[Course, ...]) -> list[tuple[object, ...]]:
    return [(c.name, c.medication_class, c.steps) for c in courses]


@pytest.mark.parametrize("form", ["json", "csv"])
def test_an_export_imports_into_another_journal_losslessly_and_twice_is_skipped(
    source: Journal, other: Journal, tmp_path: Path, form: str
) -> None:
    target = tmp_path / ("export.json" if form == "json" else "csv")
    if form == "json":
        source.export_json(target)
    else:
        exchange.export_csv(source, target)
    result = exchange.import_path(other, target)
    assert (result.medications_added, result.medications_skipped) == (2, 0)
    assert KIND in result.change.kinds
    assert "2 medication courses" in result.summary()
    imported = MedicationList(other).history()
    assert without_ids(imported) == without_ids(MedicationList(source).history())
    assert imported[0].note == "=from the GP" and imported[0].frequency == "daily"
    assert [s.dose_mg for s in imported[0].steps] == [50.0, 100.0]
    assert imported[1].stop == d(11, 1) and imported[1].medication_class is \
        MedicationClass.BENZODIAZEPINE
    again = exchange.import_path(other, target)
    assert (again.medications_added, again.medications_skipped) == (0, 2)
    assert len(MedicationList(other).history()) == 2


def test_the_json_export_holds_each_course_with_its_doses(source: Journal) -> None:
    medications = source.export_document()["medications"]
    assert medications[1] == {
        "id": 2, "name": "Lorazepam", "class": "benzodiazepine", "frequency": "",
        "start": "2026-10-10", "stop": "2026-11-01", "note": "",
        "doses": [{"day": "2026-10-10", "dose": "1 mg, \"as needed\"", "dose_mg": None}],
    }


def test_the_csv_export_has_a_row_per_course_and_per_dose(
    source: Journal, tmp_path: Path
) -> None:
    exchange.export_csv(source, tmp_path / "csv")
    assert (tmp_path / "csv" / "medication.csv").read_text("utf-8").splitlines() == [
        "id,name,class,frequency,start,stop,note",
        "1,Sertraline,ssri,daily,2026-09-01,,'=from the GP",
        "2,Lorazepam,benzodiazepine,,2026-10-10,2026-11-01,",
    ]
    assert (tmp_path / "csv" / "medication_dose.csv").read_text("utf-8").splitlines() == [
        "medication_id,day,dose,dose_mg",
        "1,2026-09-01,50 mg once a day,50.0",
        "1,2026-09-20,100 mg once a day,100.0",
        '2,2026-10-10,"1 mg, ""as needed""",',
    ]


def test_an_overlapping_course_refuses_the_whole_import(
    source: Journal, other: Journal, tmp_path: Path
) -> None:
    source.export_json(tmp_path / "export.json")
    MedicationList(other).start("lorazepam", "2 mg", day=d(10, 20))  # overlaps 10 Oct–1 Nov
    with pytest.raises(ImportRejectedError) as error:
        exchange.import_path(other, tmp_path / "export.json")
    assert error.value.location == "export.json: medications[1]"
    assert error.value.field == "name"
    assert other.counts()["mood"] == 0 and len(MedicationList(other).history()) == 1


@pytest.mark.parametrize(("change", "field"), [
    (lambda m: m[0].update(stop="2026-09-10"), "stop"),  # before the second dose
    (lambda m: m[0]["doses"][0].update(dose_mg=-1), "dose_mg"),
    (lambda m: m[0].update({"class": "vitamin"}), "class"),
    (lambda m: m[0]["doses"].reverse(), "day"),
    (lambda m: m[0].update(doses=[]), "doses"),
    (lambda m: m[1].update(id=1), "id"),
    (lambda m: m[0].pop("start"), "start"),
])
def test_a_bad_course_in_json_names_where_and_the_field(
    source: Journal, other: Journal, tmp_path: Path, change: object, field: str
) -> None:
    document = source.export_document()
    change(document["medications"])  # type: ignore[operator]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(ImportRejectedError) as error:
        exchange.import_path(other, path)
    assert error.value.field == field
    assert "Nothing was imported" in str(error.value)
    assert other.is_empty() and MedicationList(other).history() == ()


def test_a_bad_csv_row_names_its_file_and_line(
    source: Journal, other: Journal, tmp_path: Path
) -> None:
    folder = tmp_path / "csv"
    exchange.export_csv(source, folder)
    doses = folder / "medication_dose.csv"
    doses.write_text(doses.read_text("utf-8").replace("100.0", "lots"), "utf-8")
    with pytest.raises(ImportRejectedError) as error:
        exchange.import_path(other, folder)
    assert (error.value.location, error.value.field) == ("medication_dose.csv line 3", "dose_mg")
    (folder / "medication.csv").unlink()
    with pytest.raises(ImportRejectedError, match="go together"):
        exchange.import_path(other, folder)
    assert MedicationList(other).history() == ()


# -- courses from another app's daily records (eMoods, Bearable) ---------------------------


def rec(name: str, dose: str, month: int, day: int, line: int = 2) -> MedicationRecord:
    return MedicationRecord(name, dose, d(month, day), f"f.csv line {line}")


def test_records_become_courses_with_dose_changes_gaps_and_stops() -> None:
    found = courses_from_records([
        rec("Lithium", "600 mg", 3, 1, 2),
        rec("lithium", "600mg", 3, 2, 3),  # the same dose, another spelling
        rec("Lithium", "900 mg", 3, 5, 4),  # a change on the 5th
        rec("Lithium", "900 mg", 3, 20, 5),  # 15 days later: a new course
        rec("Melatonin", "", 3, 1, 2),  # no dose written
        rec("Quetiapine", "25 mg", 3, 21, 6),  # the last day with a medication
    ], d(11, 27))
    assert [(loc, c.name, c.start, c.stop) for loc, c in found] == [
        ("f.csv line 2", "Lithium", d(3, 1), d(3, 6)),  # the day after its last record
        ("f.csv line 2", "Melatonin", d(3, 1), d(3, 2)),
        ("f.csv line 5", "Lithium", d(3, 20), d(3, 21)),
        ("f.csv line 6", "Quetiapine", d(3, 21), None),  # on the last day: still taken
    ]
    first = found[0][1]
    assert [(s.day, s.dose_text, s.dose_mg) for s in first.doses] == [
        (d(3, 1), "600 mg", 600.0), (d(3, 5), "900 mg", 900.0)]
    assert first.medication_class is MedicationClass.MOOD_STABILISER
    assert found[1][1].doses[0].dose_text == "dose not recorded"


def test_a_record_in_the_future_refuses_at_its_line() -> None:
    with pytest.raises(ImportRejectedError, match=r"^f\.csv line 9: day: must not be more"):
        courses_from_records([rec("Lithium", "1 mg", 12, 25, 9)], d(11, 27))
