"""Encrypted, verified backups (the foundation issue 5 builds on)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.storage.backup import BackupError, verify_backup
from ketajournal.storage.header import read_header
from tests.conftest import NOW

SENTINEL = "SENTINEL-backup-5521"


def key_of(paths: JournalPaths) -> bytes:
    key = KeyringKeyStore().get(read_header(paths.header).journal_id)
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
