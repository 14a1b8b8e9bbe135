"""The import use case for other apps' exports: preview, all or nothing, after a backup."""

from __future__ import annotations

from datetime import date, timedelta, timezone
from pathlib import Path

import pytest

from ketajournal.domain.medications import MedicationClass
from ketajournal.domain.models import MoodEntry
from ketajournal.domain.validation import ValidationError
from ketajournal.services import app_import
from ketajournal.services.app_import import ImportOptions
from ketajournal.services.imports.common import ImportRejectedError, ParsedImport
from ketajournal.services.journal import TAG_CHANGE, Journal
from ketajournal.services.medications import KIND as MEDICATION_KIND
from ketajournal.services.medications import MedicationList
from ketajournal.services.settings import Settings
from tests.support.clock import NOW
from tests.support.paths import FIXTURES

ZONE = timezone(timedelta(hours=1))
DAYLIO = FIXTURES / "imports" / "daylio.csv"
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def daylio(rows: str) -> bytes:
    return (HEADER + rows).encode("utf-8")


def read(data: bytes, **scores: int) -> ParsedImport:
    return app_import.read_file(
        Path("daylio.csv"), ImportOptions("daylio", scores, zone=ZONE), data=data
    )


def test_the_preview_counts_duplicates_in_the_journal_and_within_the_file(
    journal: Journal,
) -> None:
    parsed = read(daylio(
        "2026-03-03,x,y,21:40,good,walk,,\n"
        "2026-03-03,x,y,21:40,good,walk,,\n"  # the same entry twice in the file
        "2026-03-02,x,y,20:00,meh,,,\n"
    ))
    journal.log(parsed.entries[2].entry)  # already in the journal
    plan = app_import.preview(journal, parsed)
    assert (len(plan.new), plan.duplicates, plan.tagged) == (1, 2, 1)
    assert plan.lines()[0] == "3 mood entries read from daylio.csv: 1 new, 2 exact duplicates " \
        "to skip."
    assert journal.counts()["mood"] == 1  # a preview writes nothing


def test_an_entry_in_the_future_refuses_the_whole_file_naming_its_line(journal: Journal) -> None:
    tomorrow = (NOW + timedelta(days=3)).date().isoformat()
    parsed = read(daylio(f"2026-03-03,x,y,21:40,good,,,\n{tomorrow},x,y,10:00,good,,,\n"))
    with pytest.raises(ImportRejectedError) as error:
        app_import.import_parsed(journal, parsed)
    assert str(error.value).startswith("daylio.csv line 3: at: ")
    assert str(error.value).endswith("Nothing was imported.")
    assert journal.counts()["mood"] == 0
    assert not journal.paths.backups.exists() or not list(journal.paths.backups.iterdir())


def test_an_import_takes_a_backup_then_saves_entries_with_tags_in_one_change(
    journal: Journal,
) -> None:
    parsed = app_import.read_file(DAYLIO, ImportOptions("daylio", {"tired but ok": 4}, zone=ZONE))
    result = app_import.import_parsed(journal, parsed, remember={"Tired but OK": 4})
    assert result.added == 6 and result.duplicates == 0
    assert result.backup is not None and result.backup.is_file()
    assert {"mood", TAG_CHANGE, "settings"} <= result.change.kinds
    assert len(result.change.ids) == 6
    tags = journal.tags_of(result.change.ids)
    assert sorted(tags.get(result.change.ids[0], ())) == ["friends", "good sleep", "walk"]
    assert Settings(journal).get(app_import.MOOD_LABELS_SETTING) == {"tired but ok": 4}
    assert app_import.remembered_scores(journal) == {"tired but ok": 4}
    assert result.summary() == "Imported 6 mood entries; skipped 0 exact duplicates."
    again = app_import.import_parsed(journal, parsed)
    assert (again.added, again.duplicates, again.backup) == (0, 6, None)


def test_nothing_new_takes_no_backup(journal: Journal) -> None:
    parsed = read(daylio("2026-03-02,x,y,20:00,meh,,,\n"))
    journal.log(parsed.entries[0].entry)
    result = app_import.import_parsed(journal, parsed)
    assert result.backup is None and result.added == 0


def test_emoods_medications_go_into_the_medication_list(journal: Journal) -> None:
    parsed = app_import.read_file(FIXTURES / "imports" / "emoods.csv",
                                  ImportOptions("emoods", zone=ZONE))
    plan = app_import.preview(journal, parsed)
    assert plan.lines()[-1] == ("The file names 5 medication records: 2 medication courses "
                                "to add to the medication list, 0 already in it.")
    result = app_import.import_parsed(journal, parsed)
    assert (result.medications, result.courses_added, result.courses_skipped) == (5, 2, 0)
    assert result.summary().endswith(
        "Added 2 medication courses to the medication list (0 already in it).")
    assert MEDICATION_KIND in result.change.kinds
    assert journal.counts()["mood"] == 4
    # Sertraline 10-14 Jan ("100mg" on the 12th is the same dose), recorded on the file's
    # last day: still taken. Lorazepam only on the 10th: stopped on the 11th.
    lorazepam, sertraline = sorted(MedicationList(journal).history(), key=lambda c: c.name)
    assert (sertraline.name, sertraline.medication_class, sertraline.start, sertraline.stop) \
        == ("Sertraline", MedicationClass.SSRI, date(2026, 1, 10), None)
    assert [(s.day, s.dose_text, s.dose_mg) for s in sertraline.doses] == [
        (date(2026, 1, 10), "100 mg", 100.0)]
    assert (lorazepam.medication_class, lorazepam.start, lorazepam.stop) == (
        MedicationClass.BENZODIAZEPINE, date(2026, 1, 10), date(2026, 1, 11))
    assert [(s.dose_text, s.dose_mg) for s in lorazepam.doses] == [("0.5 mg", 0.5)]
    # Again: the same courses are skipped, nothing is written.
    again = app_import.import_parsed(journal, parsed)
    assert (again.courses_added, again.courses_skipped, again.backup) == (0, 2, None)


def test_bearable_medications_go_into_the_medication_list(journal: Journal) -> None:
    parsed = app_import.read_file(FIXTURES / "imports" / "bearable.csv",
                                  ImportOptions("bearable", zone=ZONE))
    result = app_import.import_parsed(journal, parsed)
    assert result.courses_added == 2
    courses = {c.name: c for c in MedicationList(journal).history()}
    assert courses["Sertraline"].doses[0].dose_mg == 100.0
    assert courses["Vitamin D3"].doses[0].dose_text == "1000 IU"
    assert courses["Vitamin D3"].doses[0].dose_mg is None
    assert courses["Vitamin D3"].stop is None


def test_an_overlapping_course_refuses_the_whole_file(journal: Journal) -> None:
    meds = MedicationList(journal)
    meds.start("sertraline", "50 mg", dose_mg=50, day=date(2026, 1, 1))
    parsed = app_import.read_file(FIXTURES / "imports" / "emoods.csv",
                                  ImportOptions("emoods", zone=ZONE))
    with pytest.raises(ImportRejectedError) as info:
        app_import.import_parsed(journal, parsed)
    assert str(info.value) == (
        "emoods.csv line 2: name: overlaps a different course of the same medication in the "
        "journal (a medication is taken once at a time). Nothing was imported.")
    assert journal.counts()["mood"] == 0
    assert len(meds.history()) == 1


def test_the_format_and_a_csv_without_columns_are_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError, match=r"^from: must be one of: daylio"):
        app_import.check_source("fitbit")
    with pytest.raises(ValidationError, match=r"^columns: a CSV file needs"):
        app_import.read_file(DAYLIO, ImportOptions("csv"))


def test_the_remembered_mapping_is_checked_like_every_setting(journal: Journal) -> None:
    with pytest.raises(ValidationError,
                       match="each mood label to a whole number from 0 to 10"):
        Settings(journal).set(app_import.MOOD_LABELS_SETTING, {"meh": 11})
    Settings(journal).set(app_import.MOOD_LABELS_SETTING, {" Tired  but OK ": 4})
    assert app_import.remembered_scores(journal) == {"tired but ok": 4}


def test_a_preview_without_a_journal_uses_the_clock_given() -> None:
    parsed = read(daylio("2026-03-02,x,y,20:00,meh,,,\n2026-03-02,x,y,20:00,meh,,,\n"))
    plan = app_import.match(parsed, [MoodEntry(at=NOW, mood=5)], NOW)
    assert (len(plan.new), plan.duplicates) == (1, 1)
