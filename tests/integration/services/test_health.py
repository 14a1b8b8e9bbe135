"""The deep check: integrity, remembered counts and sudden drops, every backup verified."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.domain.models import Event, EventKind, MoodEntry, Phase, Route, Session
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import backups
from ketajournal.services.health import CountChange, deep_check
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.storage.header import read_header
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
