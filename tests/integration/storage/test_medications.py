"""Medication courses in the real encrypted file: rows, dose steps, CHECKs, the migration."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3

from ketajournal.domain.medications import Course, MedicationClass, MedicationStep, StepAction
from ketajournal.platform.keystore import SERVICE, KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.storage.connection import connect, transaction
from ketajournal.storage.handle import JournalDatabase
from ketajournal.storage.medications import MedicationRepository
from tests.fixtures.make_journals import TEST_KEY, TEST_KEY_HEX, fixture_dir, fixture_versions
from tests.support.keyrings import MemoryKeyring

NOW = "2026-11-27T21:00:00+01:00"


def sertraline() -> Course:
    steps = (
        MedicationStep("Sertraline", date(2026, 9, 1), StepAction.START, MedicationClass.SSRI,
                       "50 mg once a day", 50, "daily", "from the GP"),
        MedicationStep("Sertraline", date(2026, 9, 20), StepAction.CHANGE, MedicationClass.SSRI,
                       "100 mg once a day", 100),
        MedicationStep("Sertraline", date(2026, 10, 5), StepAction.STOP, MedicationClass.SSRI),
    )
    return Course("Sertraline", MedicationClass.SSRI, steps)


def db_of(journal: Journal) -> JournalDatabase:
    return journal._db


def test_a_course_round_trips_with_its_dated_doses(journal: Journal) -> None:
    repo = MedicationRepository(db_of(journal))
    with transaction(db_of(journal)):
        course_id = repo.insert(sertraline(), NOW)
    saved = repo.get(course_id)
    assert saved is not None
    assert saved == Course("Sertraline", MedicationClass.SSRI, sertraline().steps, id=course_id)
    assert (saved.start, saved.stop, saved.frequency, saved.note) == (
        date(2026, 9, 1), date(2026, 10, 5), "daily", "from the GP")
    rows = db_of(journal).execute(
        "SELECT day, dose_text, dose_mg FROM medication_doses ORDER BY day").fetchall()
    assert rows == [("2026-09-01", "50 mg once a day", 50.0),
                    ("2026-09-20", "100 mg once a day", 100.0)]
    with transaction(db_of(journal)):
        assert repo.delete(course_id)
    assert repo.get(course_id) is None and repo.count() == 0
    assert db_of(journal).execute("SELECT count(*) FROM medication_doses").fetchone()[0] == 0
    with transaction(db_of(journal)):  # undelete: under its old id
        assert repo.insert(saved, NOW) == course_id
    assert repo.all() == [saved]


@pytest.mark.parametrize(("sql", "values"), [
    ("INSERT INTO medications (name, class, start_day, created_at, updated_at) "
     "VALUES (?, ?, ?, ?, ?)", (" ", "ssri", "2026-01-01", NOW, NOW)),
    ("INSERT INTO medications (name, class, start_day, created_at, updated_at) "
     "VALUES (?, ?, ?, ?, ?)", ("x", "vitamin", "2026-01-01", NOW, NOW)),
    ("INSERT INTO medications (name, class, start_day, created_at, updated_at) "
     "VALUES (?, ?, ?, ?, ?)", ("x", "ssri", "1 Jan 2026", NOW, NOW)),
    ("INSERT INTO medications (name, class, start_day, stop_day, created_at, updated_at) "
     "VALUES (?, ?, ?, ?, ?, ?)", ("x", "ssri", "2026-01-02", "2026-01-01", NOW, NOW)),
    ("INSERT INTO medication_doses (medication_id, day, dose_text, dose_mg) "
     "VALUES (?, ?, ?, ?)", (1, "2026-01-01", "1 mg", 0)),
    ("INSERT INTO medication_doses (medication_id, day, dose_text, dose_mg) "
     "VALUES (?, ?, ?, ?)", (1, "2026-01-01", "", 1)),
    ("INSERT INTO medication_doses (medication_id, day, dose_text, dose_mg) "
     "VALUES (?, ?, ?, ?)", (99, "2026-01-01", "1 mg", 1)),
])
def test_the_schema_refuses_what_the_domain_refuses(
    journal: Journal, sql: str, values: tuple[object, ...]
) -> None:
    db = db_of(journal)
    with transaction(db):
        MedicationRepository(db).insert(sertraline(), NOW)  # id 1
    with pytest.raises(sqlcipher3.IntegrityError), transaction(db):
        db.execute(sql, values)


def test_the_last_fixture_before_medications_migrates_with_every_row_and_the_new_tables(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    # Schema 4 is the last without medications (newer fixtures hold a course).
    newest = 4
    assert newest in fixture_versions()
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    for name in ("journal.db", "journal.header"):
        shutil.copyfile(fixture_dir(newest) / name, home / name)
        (home / name).chmod(0o600)
    before = JournalDatabase(connect(home / "journal.db", TEST_KEY)).sqlite_utils
    counts = {t: before[t].count for t in before.table_names() if not t.startswith("sqlite")}
    before.close()
    journal_id = json.loads((fixture_dir(newest) / "manifest.json").read_text())["journal_id"]
    memory_keyring.set_password(SERVICE, f"journal-{journal_id}", TEST_KEY_HEX)
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        db = db_of(journal)
        for table, count in counts.items():
            if table != "_sqlite_migrations":
                assert db.sqlite_utils[table].count == count, table
        assert {"medications", "medication_doses"} <= set(db.sqlite_utils.table_names())
        assert MedicationRepository(db).all() == []
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        journal.close()
