"""``check --deep`` keeps its reference counts where they do not roll back with the database.

Real files: the journal file is replaced by an older copy of itself (what a damaged log
without its index, or an old file put back by a sync, leaves), and the deep check must
see the entries that went with it.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import backups
from ketajournal.services.opening import open_journal
from ketajournal.storage.header import read_header


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
