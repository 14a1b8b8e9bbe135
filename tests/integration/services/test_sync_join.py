"""Joining a sync folder (services/sync_join.py): the same key, a device of its own, or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.crypto import RecoveryCode
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import sync, sync_join
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal, open_or_create
from tests.support.clock import NOW, FixedClock


@pytest.fixture
def folder(tmp_path: Path) -> tuple[Path, RecoveryCode]:
    """A sync folder set up by computer a, which logged one mood; a's recovery key."""
    root = tmp_path / "folder"
    root.mkdir()
    opened = open_or_create(JournalPaths(tmp_path / "a"), KeyringKeyStore(), clock=FixedClock())
    assert opened.new_recovery_code is not None
    journal = opened.journal
    try:
        journal.log(MoodEntry(at=NOW, mood=6, note="from a"))
        sync.setup(journal, root)
        sync.sync_now(journal)
    finally:
        journal.close()
    return root, opened.new_recovery_code


def _opener(p: JournalPaths) -> Journal:
    return open_journal(p, KeyringKeyStore(), create=False, clock=FixedClock())


def test_joining_makes_a_journal_with_the_same_key_and_a_device_of_its_own(
    folder: tuple[Path, RecoveryCode], tmp_path: Path
) -> None:
    root, code = folder
    paths = JournalPaths(tmp_path / "b")
    journal = sync_join.join(paths, KeyringKeyStore(), root, str(code), open_journal=_opener)
    try:
        assert [(m.mood, m.note) for m in journal.moods()] == [(6, "from a")]
        assert len(sync.status(journal).devices) == 2
        assert (root / sync.device_id(journal) / "journal.header").is_file()
    finally:
        journal.close()
    # The same recovery key opens the new journal.
    open_journal(paths, KeyringKeyStore(), str(code), create=False).close()


def test_joining_with_a_wrong_secret_creates_nothing(
    folder: tuple[Path, RecoveryCode], tmp_path: Path
) -> None:
    root, _ = folder
    paths = JournalPaths(tmp_path / "d")
    with pytest.raises(sync.SyncFolderError, match="does not open"):
        sync_join.join(paths, KeyringKeyStore(), root, "not the key", open_journal=_opener)
    assert not paths.database.exists() and not paths.header.exists()


def test_joining_never_replaces_a_journal_or_uses_an_empty_folder(
    folder: tuple[Path, RecoveryCode], tmp_path: Path
) -> None:
    root, code = folder
    with pytest.raises(sync.SyncFolderError, match="already"):
        sync_join.join(
            JournalPaths(tmp_path / "a"), KeyringKeyStore(), root, str(code), open_journal=_opener
        )
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(sync.SyncFolderError, match="no ketajournal sync folder"):
        sync_join.join(
            JournalPaths(tmp_path / "e"), KeyringKeyStore(), empty, str(code), open_journal=_opener
        )
