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
    made = journal.backup_before("import")
    assert made.parent == paths.home / "backups"
    assert made.name.startswith("import-") and made.suffix == ".db"
    assert made.parent.stat().st_mode & 0o777 == 0o700
