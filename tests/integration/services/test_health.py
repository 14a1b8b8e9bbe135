"""The deep check: integrity, remembered counts and sudden drops, every backup verified."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.domain.models import Event, EventKind, MoodEntry, Phase, Route, Session
from ketajournal.domain.schedules import PlannedSession
from ketajournal.domain.tags import FactorKind
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import backups
from ketajournal.services.health import LAST_CHECK_SETTING, CountChange, deep_check
from ketajournal.services.journal import Journal
from ketajournal.services.medications import MedicationList
from ketajournal.services.opening import open_journal
from ketajournal.services.plans import Plans
from ketajournal.storage.header import read_header
from ketajournal.storage.repository import OTHER_DATA
from tests.support.clock import NOW, FixedClock

BIG_NOTE = "n" * 12_000  # needs overflow pages: never fits in what a full page has left


def make_read_only(journal: Journal) -> None:
    journal._db.execute("PRAGMA query_only = ON")


@pytest.fixture
def used(journal: Journal, clock: FixedClock) -> Journal:
    """A journal with a few entries of each kind already saved."""
    for days in range(5):
        journal.log(MoodEntry(at=NOW - timedelta(days=days), mood=days + 3, note=f"day {days}"))
    journal.log(Session(at=NOW - timedelta(days=2), route=Route.IV, phase=Phase.INDUCTION,
                        dose_mg=35))
    journal.log(Event(at=NOW - timedelta(days=1), event_kind=EventKind.PSYCHOTHERAPY))
    return journal


def test_deep_check_remembers_counts_and_reports_a_sudden_drop_until_accepted(
    used: Journal,
) -> None:
    used.log_all([MoodEntry(at=NOW - timedelta(hours=i), mood=5) for i in range(25)])
    first = deep_check(used)
    assert first.ok and first.remembered and first.last_check_at is None
    assert "first deep check" in "\n".join(first.report())
    moods = used.moods()
    for mood in moods[:2]:  # deleting a couple is what users do: not a drop
        used.delete("mood", mood.id or 0)
    fewer = deep_check(used)
    assert fewer.ok and "fewer: mood 30 -> 28" in "\n".join(fewer.report())
    for mood in moods[2:12]:
        used.delete("mood", mood.id or 0)
    after = deep_check(used)
    assert not after.ok and [c.kind for c in after.drops] == ["mood"]
    report = "\n".join(after.report())
    assert "SUDDEN DROP: mood 28 -> 18" in report and "--accept-counts" in report
    assert not deep_check(used).ok  # not remembered: reported again
    accepted = deep_check(used, accept_counts=True)
    assert accepted.remembered and "accepted" in accepted.note
    assert deep_check(used).ok


def test_deep_check_takes_a_few_deletions_for_the_users_own() -> None:
    assert not CountChange("mood", 100, 96).sudden_drop
    assert CountChange("mood", 100, 90).sudden_drop
    assert CountChange("mood", 3, 0).sudden_drop  # everything gone is always reported
    assert not CountChange("mood", 3, 4).sudden_drop


def test_deep_check_verifies_every_backup_and_names_the_bad_ones(
    used: Journal, tmp_path: Path
) -> None:
    good = backups.take_backup(used, "daily-20261127")
    damaged = backups.take_backup(used, "daily-20261126")
    with damaged.open("r+b") as handle:  # one page overwritten on disk
        handle.seek(4096 * 2 + 100)
        handle.write(b"\0" * 64)
    other = open_journal(JournalPaths(tmp_path / "other"), KeyringKeyStore(), clock=FixedClock())
    try:
        foreign = other.backup_to(good.parent / "weekly-2026W47.db") and (
            good.parent / "weekly-2026W47.db")
    finally:
        other.close()
    (good.parent / ".daily-20261128.db.x1y2.part").write_bytes(b"interrupted")
    result = deep_check(used)
    by_name = {b.name: b for b in result.backups}
    assert by_name[good.name].ok
    assert not by_name[damaged.name].ok and not by_name[foreign.name].ok
    assert "does not open with the journal's key" in by_name[foreign.name].detail
    assert not result.ok and result.unfinished_backups == (".daily-20261128.db.x1y2.part",)
    report = "\n".join(result.report())
    assert f"FAILED {damaged.name}" in report and "safe to delete" in report


def test_a_damaged_journal_page_is_reported_not_raised(tmp_path: Path) -> None:
    paths = JournalPaths(tmp_path / "home")
    journal = open_journal(paths, KeyringKeyStore(), clock=FixedClock())
    journal.log_all([MoodEntry(at=NOW, mood=5, note=f"{i} {BIG_NOTE}") for i in range(20)])
    journal.close()
    with paths.database.open("r+b") as handle:
        handle.seek(4096 * 8 + 100)
        handle.write(b"\0" * 64)
    journal = open_journal(paths, KeyringKeyStore(), create=False)
    try:
        result = deep_check(journal)
    finally:
        journal.close()
    assert not result.ok and not result.remembered
    assert any("HMAC verification failed for page 9" in p for p in result.problems)


def test_deep_check_of_a_read_only_journal_still_reports(used: Journal) -> None:
    make_read_only(used)
    result = deep_check(used)
    assert result.ok and not result.remembered
    assert "not remembered: the journal is read-only" in result.note


def test_a_database_that_rolled_back_shows_as_a_drop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = JournalPaths(tmp_path / "home")
    journal = open_journal(paths, KeyringKeyStore())
    start = journal.now() - timedelta(days=30)
    journal.log(MoodEntry(at=start, mood=5))
    old = backups.take_backup(journal, "daily-20260101")
    for day in range(1, 12):
        journal.log(MoodEntry(at=start + timedelta(days=day), mood=6))
    journal.close()
    assert main(["--home", str(paths.home), "check", "--deep"]) == 0
    assert read_header(paths.header).reference is not None  # sealed, not readable
    assert "counts" not in paths.header.read_text() and "mood" not in paths.header.read_text()
    # The journal file rolls back to its state of the backup: 11 entries gone.
    for sidecar in paths.sidecars:
        sidecar.unlink(missing_ok=True)
    shutil.copyfile(old, paths.database)
    capsys.readouterr()
    assert main(["--home", str(paths.home), "check", "--deep"]) == 1
    out = capsys.readouterr().out
    assert "mood" in out and "12" in out and "1" in out


def _the_rest_of_the_patients_data(journal: Journal) -> None:
    """One row in each table of the patient's data that is not an entry."""
    mood = journal.moods()[0]
    journal.set_tags(mood.id or 0, ["walk"])
    journal.define_factor("Caffeine", FactorKind.YESNO)
    journal.set_factor_value("Caffeine", NOW.date(), 1)
    MedicationList(journal).start("Sertraline", "50 mg", dose_mg=50, day=NOW.date())
    Plans(journal).add(PlannedSession(at=NOW + timedelta(days=3), route=Route.IV, dose_mg=35))


def test_counts_cover_every_table_of_the_patients_data(journal: Journal) -> None:
    journal.log(MoodEntry(at=NOW - timedelta(days=1), mood=5))
    _the_rest_of_the_patients_data(journal)
    assert journal.counts() == journal.entry_counts() | dict.fromkeys(OTHER_DATA, 1)
    assert journal.entry_counts() == {
        "mood": 1, "session": 0, "side_effect": 0, "event": 0, "assessment": 0}
    assert not journal.is_empty()


def test_a_drop_in_any_kind_of_data_is_flagged_by_a_journal_that_rolled_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = JournalPaths(tmp_path / "home")
    journal = open_journal(paths, KeyringKeyStore())
    journal.log(MoodEntry(at=journal.now() - timedelta(days=1), mood=5))
    old = backups.take_backup(journal, "daily-20260101")  # the mood entry only
    _the_rest_of_the_patients_data(journal)
    journal.close()
    home = ["--home", str(paths.home)]
    assert main([*home, "check", "--json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert plain["ok"] and plain["integrity"] == "ok" and plain["problems"] == []
    assert plain["counts"] == {"mood": 1, "session": 0, "side_effect": 0, "event": 0,
                               "assessment": 0} | dict.fromkeys(OTHER_DATA, 1)
    assert main([*home, "check", "--deep", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["ok"] and first["remembered"] and first["last_check"] is None
    assert first["counts"] == plain["counts"] and first["changes"] == []
    # The backup line counts entries as entries (not sync bookkeeping), the rest apart.
    assert main([*home, "check", "--deep"]) == 0
    assert ") 1 entry\n" in capsys.readouterr().out  # the backup holds the mood only
    reopened = open_journal(paths, KeyringKeyStore())
    full = backups.take_backup(reopened, "daily-20260102")
    reopened.close()
    assert main([*home, "check", "--deep"]) == 0
    assert f"{full.name} " in (out := capsys.readouterr().out)
    assert "1 entry, 7 other records (plans, medications, tags, factors)" in out
    full.unlink()
    # The journal file rolls back to the backup: nothing but the mood entry is left.
    for sidecar in paths.sidecars:
        sidecar.unlink(missing_ok=True)
    shutil.copyfile(old, paths.database)
    assert main([*home, "check", "--deep", "--json"]) == 1
    after = json.loads(capsys.readouterr().out)
    assert not after["ok"] and not after["remembered"]
    dropped = {c["kind"]: (c["before"], c["now"]) for c in after["changes"] if c["sudden_drop"]}
    assert dropped == dict.fromkeys(OTHER_DATA, (1, 0))
    assert main([*home, "check", "--deep"]) == 1
    out = capsys.readouterr().out
    for line in ("planned      0", "medication   0", "dose         0", "tag          0",
                 "mood_tag     0", "factor       0", "factor_value 0",
                 "SUDDEN DROP: medication 1 -> 0", "SUDDEN DROP: factor_value 1 -> 0",
                 "SUDDEN DROP: planned 1 -> 0", "If you did not delete these"):
        assert line in out, line


def test_a_reference_from_before_every_kind_was_counted_is_compared_and_then_completed(
    used: Journal,
) -> None:
    # A reference remembered by an older ketajournal counted the entries only.
    entries_only = {"at": NOW.isoformat(), "counts": used.entry_counts()}
    used.set_setting(LAST_CHECK_SETTING, entries_only)
    _the_rest_of_the_patients_data(used)
    result = deep_check(used)
    assert result.ok and result.remembered
    assert {c.kind for c in result.changes} == set(used.entry_counts())
    assert used.setting(LAST_CHECK_SETTING)["counts"] == used.counts()
    MedicationList(used).delete(MedicationList(used).history()[0].id or 0)
    again = deep_check(used)
    assert [(c.kind, c.sudden_drop) for c in again.changes if c.now < c.before] == [
        ("medication", True), ("dose", True)]  # every row of a kind gone is always reported
