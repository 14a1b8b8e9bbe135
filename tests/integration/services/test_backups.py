"""Automatic backups and their rotation: only verified backups count, the oldest go first."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from ketajournal.platform import crypto
from ketajournal.platform.crypto import Argon2Params
from ketajournal.platform.paths import backup_header
from ketajournal.services.backups import KEEP_DAILY, automatic_backup, backup_verifies
from tests.support.restored_journals import Made, overwrite_last_page, reopen

SENTINEL = "SENTINEL-restore-7d20"
PAGE = 4096


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", Argon2Params(memory_kib=8, iterations=1, lanes=1))


def test_rotation_keeps_the_newest_verified_backups(made: Made, clock) -> None:
    paths = made.paths
    folder = paths.home / "backups"
    for _ in range(KEEP_DAILY):
        journal = reopen(paths, clock)
        try:
            automatic_backup(journal)
        finally:
            journal.close()
        clock.advance(timedelta(days=1))
    dailies = sorted(folder.glob("daily-*.db"))
    assert len(dailies) == KEEP_DAILY
    damaged = dailies[-1]
    overwrite_last_page(damaged)
    deleted: list[Path] = []
    for _ in range(2):  # two more days: by name, the two oldest would go
        journal = reopen(paths, clock)
        try:
            deleted += automatic_backup(journal).deleted
            key = journal.data_key
        finally:
            journal.close()
        clock.advance(timedelta(days=1))
    assert key is not None
    now = sorted(folder.glob("daily-*.db"))
    verified = [p for p in now if backup_verifies(p, key)]
    assert len(verified) == KEEP_DAILY  # the damaged one does not count ...
    assert damaged in now  # ... and, newer than the oldest kept, is left alone
    assert [p.name for p in deleted] == [dailies[0].name]  # only the oldest went
    assert dailies[1] in now
    assert not backup_header(dailies[0]).exists()


def test_rotation_deletes_nothing_while_too_few_backups_verify(made: Made, clock) -> None:
    paths = made.paths
    folder = paths.home / "backups"
    for _ in range(KEEP_DAILY):
        journal = reopen(paths, clock)
        try:
            automatic_backup(journal)
        finally:
            journal.close()
        clock.advance(timedelta(days=1))
    for backup in sorted(folder.glob("daily-*.db"))[-3:]:
        overwrite_last_page(backup)
    before = sorted(p.name for p in folder.glob("daily-*.db"))
    journal = reopen(paths, clock)
    try:
        automatic_backup(journal)
    finally:
        journal.close()
    after = sorted(p.name for p in folder.glob("daily-*.db"))
    assert set(before) <= set(after) and len(after) == KEEP_DAILY + 1
