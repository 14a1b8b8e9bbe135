"""Damage found on opening: the offer is the newest backup that still verifies."""

from __future__ import annotations

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
from ketajournal.services.backups import automatic_backup, backup_verifies
from ketajournal.services.damage import (
    JournalDamagedError,
    newest_verified_backup,
)
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_checked, open_journal, open_or_create

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


def overwrite_middle_page(path: Path) -> None:
    pages = path.stat().st_size // PAGE
    with path.open("r+b") as handle:
        handle.seek(pages // 2 * PAGE)
        handle.write(os.urandom(PAGE))


def test_the_offer_skips_a_newer_backup_that_no_longer_verifies(
    backed_up: Made, clock
) -> None:
    paths = backed_up.paths
    dailies = sorted((paths.home / "backups").glob("daily-*.db"))
    overwrite_middle_page(dailies[-1])
    overwrite_middle_page(paths.database)
    with pytest.raises(JournalDamagedError) as info:
        open_checked(paths, KeyringKeyStore(), clock=clock)
    assert info.value.offer is not None
    # Weekly backups were made on the first day; the newest good daily is the one before.
    assert info.value.offer.backup == newest_verified_backup(paths, info.value.offer.key)
    assert info.value.offer.backup != dailies[-1]
    assert backup_verifies(info.value.offer.backup, info.value.offer.key)
