"""Fixtures of the restore, repair, damage and backup tests: a journal made, then backed up."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import demo
from ketajournal.services.backups import automatic_backup
from ketajournal.services.opening import open_or_create
from tests.support.restored_journals import SENTINEL, Made, reopen


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
