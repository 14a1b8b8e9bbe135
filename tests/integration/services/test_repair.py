"""Repairing from the home's backups: refused for a sound journal, exact for a damaged one."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform import crypto
from ketajournal.platform.crypto import Argon2Params, RecoveryCode
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import demo
from ketajournal.services.backups import automatic_backup
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal, open_or_create
from ketajournal.services.repair import (
    NothingToRepairError,
    repair_from_backups,
)

SENTINEL = "SENTINEL-restore-7d20"
PAGE = 4096


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", Argon2Params(memory_kib=8, iterations=1, lanes=1))


@dataclass
class Made:
    paths: JournalPaths
    code: RecoveryCode


@pytest.fixture
def made(paths: JournalPaths, clock) -> Made:
    """A closed journal with 60 days of the demo patient and a sentinel note."""
    opened = open_or_create(paths, KeyringKeyStore(), clock=clock)
    journal = opened.journal
    try:
        data = demo.generate(journal.now(), days=60)
        journal.log_all(data.entries, data.session_of)
        journal.log(MoodEntry(at=journal.now() - timedelta(hours=1), mood=3, note=SENTINEL))
    finally:
        journal.close()
    assert opened.new_recovery_code is not None
    return Made(paths, opened.new_recovery_code)


def reopen(paths: JournalPaths, clock, secret: str | None = None) -> Journal:
    return open_journal(paths, KeyringKeyStore(), secret, create=False, clock=clock)


@pytest.fixture
def backed_up(made: Made, clock) -> Iterator[Made]:
    """``made`` with three daily backups (the newest holds every entry)."""
    for _ in range(3):
        journal = reopen(made.paths, clock)
        try:
            journal.log(MoodEntry(at=journal.now(), mood=5))
            automatic_backup(journal)
        finally:
            journal.close()
        clock.advance(timedelta(days=1))
    yield made


def export_bytes(paths: JournalPaths, clock, target: Path, secret: str | None = None) -> bytes:
    journal = reopen(paths, clock, secret)
    try:
        journal.export_json(target)
    finally:
        journal.close()
    return target.read_bytes()


def snapshot(directory: Path) -> dict[str, str]:
    if not directory.exists():
        return {}
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def truncate_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2 // PAGE * PAGE)


def test_repair_from_backups_refuses_a_sound_journal_and_restores_a_damaged_one(
    backed_up: Made, clock, tmp_path: Path
) -> None:
    paths = backed_up.paths
    expected = export_bytes(paths, clock, tmp_path / "before.json")
    before = snapshot(paths.home)
    with pytest.raises(NothingToRepairError):
        repair_from_backups(paths, KeyringKeyStore(), clock=clock)
    assert snapshot(paths.home) == before
    truncate_half(paths.database)
    result = repair_from_backups(paths, KeyringKeyStore(), clock=clock)
    assert result.moved_aside is not None and result.moved_aside.name.startswith("damaged-")
    assert export_bytes(paths, clock, tmp_path / "after.json") == expected
