"""Encrypted, verified backups (the foundation issue 5 builds on)."""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path

import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore, keyring_entry
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.storage.backup import (
    BACKUP_MADE_KEY,
    BackupError,
    made_at,
    verify_backup,
    write_backup,
)
from ketajournal.storage.connection import connect
from ketajournal.storage.handle import JournalDatabase
from ketajournal.storage.header import read_header
from tests.support.clock import NOW

SENTINEL = "SENTINEL-backup-5521"


def key_of(paths: JournalPaths) -> bytes:
    key = KeyringKeyStore().get(keyring_entry(paths.home, read_header(paths.header).journal_id))
    assert key is not None
    return key


def test_backup_is_encrypted_verified_and_owner_only(
    journal: Journal, paths: JournalPaths, tmp_path: Path
) -> None:
    journal.log(MoodEntry(at=NOW, mood=6, note=SENTINEL))
    target = tmp_path / "copy.db"
    counts = journal.backup_to(target)
    assert counts["mood_entries"] == 1
    raw = target.read_bytes()
    assert SENTINEL.encode() not in raw and not raw.startswith(b"SQLite format 3")
    assert target.stat().st_mode & 0o777 == 0o600
    assert verify_backup(target, key_of(paths)) == counts
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_backup_with_another_key_does_not_verify(
    journal: Journal, tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    journal.backup_to(target)
    with pytest.raises(BackupError, match="does not open"):
        verify_backup(target, b"\x01" * 32)


def test_backup_before_goes_to_a_private_backups_folder(
    journal: Journal, paths: JournalPaths
) -> None:
    from ketajournal.services.backups import KEEP_PER_REASON, backup_before

    made = backup_before(journal, "import")
    assert made.parent == paths.home / "backups"
    assert made.name.startswith("import-") and made.suffix == ".db"
    assert made.with_suffix(".header").exists()
    assert made.parent.stat().st_mode & 0o777 == 0o700
    again = backup_before(journal, "import")  # the same second: a new name, nothing replaced
    assert again != made and made.exists()
    for _ in range(KEEP_PER_REASON + 2):
        backup_before(journal, "import")
    assert len(list(made.parent.glob("import-*.db"))) == KEEP_PER_REASON


def test_automatic_backup_is_daily_and_weekly_and_rotates(
    journal: Journal, paths: JournalPaths, clock
) -> None:
    from datetime import timedelta

    from ketajournal.services.backups import KEEP_DAILY, KEEP_WEEKLY, automatic_backup

    first = automatic_backup(journal)
    assert {p.name.split("-")[0] for p in first.made} == {"daily", "weekly"}
    assert automatic_backup(journal).made == ()  # at most one a day
    for _ in range(30):
        clock.advance(timedelta(days=1))
        journal.log(MoodEntry(at=clock(), mood=5))
        automatic_backup(journal)
    folder = paths.home / "backups"
    daily = sorted(folder.glob("daily-*.db"))
    weekly = sorted(folder.glob("weekly-*.db"))
    assert len(daily) == KEEP_DAILY and len(weekly) == KEEP_WEEKLY
    assert daily[-1].name == f"daily-{clock().astimezone():%Y%m%d}.db"
    for backup in daily + weekly:
        assert backup.with_suffix(".header").exists()
        verify_backup(backup, key_of(paths))
    # The newest daily backup holds every entry logged so far.
    assert verify_backup(daily[-1], key_of(paths))["mood_entries"] == 30


def test_a_backup_that_fails_to_verify_deletes_nothing(
    journal: Journal, paths: JournalPaths, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from ketajournal.services import backups
    from ketajournal.storage import backup as backup_module

    for _ in range(10):
        backups.automatic_backup(journal)
        clock.advance(timedelta(days=1))
    before = sorted(p.name for p in (paths.home / "backups").iterdir())

    def broken(*_args: object, **_kwargs: object) -> dict[str, int]:
        raise BackupError("The backup did not verify.")

    monkeypatch.setattr(backup_module, "verify_backup", broken)
    with pytest.raises(BackupError):
        backups.automatic_backup(journal)
    assert sorted(p.name for p in (paths.home / "backups").iterdir()) == before


# -- part files left by interrupted backups -------------------------------------------------


def leftover(folder: Path, name: str, source: Path | None = None, age_s: float = 3600) -> Path:
    """A part file as a killed backup leaves it: a copy of a backup under a temporary name."""
    import os
    import time

    part = folder / name
    part.write_bytes(source.read_bytes()[:8192] if source else b"\0" * 4096)
    then = time.time() - age_s
    os.utime(part, (then, then))
    return part


def test_a_backup_run_removes_part_files_of_interrupted_backups_and_keeps_finished_ones(
    journal: Journal, paths: JournalPaths, clock
) -> None:
    from datetime import timedelta

    from ketajournal.services import backups
    from ketajournal.services.health import deep_check

    journal.log(MoodEntry(at=NOW, mood=6))
    first = backups.automatic_backup(journal).made
    folder = paths.home / "backups"
    parts = [
        leftover(folder, ".daily-20261128.db.k2j4_x.part", first[0]),
        leftover(folder, ".import-20261127-210000.db.q9w8e7.part", first[0], age_s=0),
    ]
    unrelated = [folder / "daily-20261128.db.part", folder / "notes.part"]  # not ours: kept
    for path in unrelated:
        path.write_bytes(b"kept")
    (folder / ".somebody.part").mkdir()  # a folder is never removed
    report = deep_check(journal)
    assert report.unfinished_backups == tuple(p.name for p in parts)  # reported, not removed
    assert not report.backup_in_progress
    assert "safe to delete; the next backup removes them" in "\n".join(report.report())
    assert all(p.exists() for p in parts)

    clock.advance(timedelta(days=1))
    made = backups.automatic_backup(journal).made
    assert made and not any(p.exists() for p in parts)
    assert all(p.exists() for p in unrelated) and (folder / ".somebody.part").is_dir()
    for backup in [*first, *made]:  # every finished backup is still there and verifies
        assert verify_backup(backup, key_of(paths))["mood_entries"] == 1
    assert deep_check(journal).unfinished_backups == ()
    lock = paths.backups_lock
    assert lock.stat().st_mode & 0o777 == 0o600 and lock.read_bytes() == b""


def test_a_part_file_being_written_now_is_left_alone_and_reported_as_in_progress(
    journal: Journal, paths: JournalPaths
) -> None:
    from ketajournal.services import backups
    from ketajournal.services.health import deep_check

    folder = backups.backups_dir(journal)
    old = leftover(folder, ".daily-20261101.db.a1b2c3.part")
    # Another program's backup run: it holds the lock (shared) while its part file grows.
    with backups.backup_run(paths) as removed_by_writer:
        assert removed_by_writer == (old,) and not old.exists()
        writing = leftover(folder, ".daily-20261127.db.z9y8x7.part", age_s=7 * 86400)
        made = backups.backup_before(journal, "import")  # a second run meanwhile
        assert writing.exists() and verify_backup(made, key_of(paths)) is not None
        assert backups.remove_unfinished(paths) == ()
        report = deep_check(journal)
        assert report.unfinished_backups == (writing.name,) and report.backup_in_progress
        assert "being written right now" in "\n".join(report.report())
    # The writer was killed before its rename: the next run removes what it left.
    assert backups.remove_unfinished(paths) == (writing,)
    assert made.exists() and deep_check(journal).unfinished_backups == ()


def test_a_backup_in_another_process_keeps_the_part_file_it_is_writing(
    journal: Journal, paths: JournalPaths, tmp_path: Path
) -> None:
    import subprocess
    import sys

    from ketajournal.services import backups

    folder = backups.backups_dir(journal)
    script = (
        "import sys, pathlib\n"
        "from ketajournal.platform.paths import JournalPaths\n"
        "from ketajournal.services.backups import backup_run\n"
        "paths = JournalPaths(pathlib.Path(sys.argv[1]))\n"
        "with backup_run(paths):\n"
        "    (paths.backups / '.weekly-2026W48.db.r4nd0m.part').write_bytes(b'x' * 100)\n"
        "    print('writing', flush=True)\n"
        "    sys.stdin.readline()\n"
    )
    part = folder / ".weekly-2026W48.db.r4nd0m.part"
    with subprocess.Popen([sys.executable, "-c", script, str(paths.home)],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as writer:
        try:
            assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
            made = backups.take_backup(journal, "daily-20261127")
            assert part.exists() and made.exists()
            assert backups.unfinished(paths).busy
        finally:
            writer.kill()  # killed mid-backup, as a power cut or a crash would
            writer.wait()
    assert not backups.unfinished(paths).busy
    assert backups.remove_unfinished(paths) == (part,)
    assert verify_backup(made, key_of(paths))["mood_entries"] == 0


def test_the_part_file_of_a_migration_backup_is_kept_while_the_migration_runs(
    journal: Journal, paths: JournalPaths
) -> None:
    from ketajournal.platform.instance import migration_lock
    from ketajournal.services import backups

    folder = backups.backups_dir(journal)
    migrating = leftover(folder, ".before-migration-20261127-210000.db.m1m2m3.part")
    other = leftover(folder, ".daily-20261126.db.d1d2d3.part")
    with migration_lock(paths.home):
        assert backups.remove_unfinished(paths) == (other,)
        assert migrating.exists() and backups.unfinished(paths).busy
    assert backups.remove_unfinished(paths) == (migrating,)


def test_a_backup_records_when_it_was_made_and_the_journal_does_not(
    journal: Journal, tmp_path: Path
) -> None:
    journal.log(MoodEntry(at=NOW, mood=5))
    target = tmp_path / "copy.db"
    counts = journal.backup_to(target)
    key = journal.data_key
    assert made_at(target, key) == NOW.astimezone(UTC)
    assert journal.setting(BACKUP_MADE_KEY) is None  # recorded in the copy only
    assert verify_backup(target, key) == counts  # the counts include the recorded row
    again = tmp_path / "copy-of-restored.db"
    write_backup(JournalDatabase(connect(target, key)), key, again, NOW + timedelta(days=1))
    assert made_at(again, key) == (NOW + timedelta(days=1)).astimezone(UTC)
    assert made_at(tmp_path / "missing.db", key) is None
    assert not (tmp_path / "missing.db").exists()
    assert made_at(target, bytes(32)) is None
