"""Computers for sync tests: real encrypted journals in tmp_path, each with its copy of the folder.

One computer sets sync up (:func:`first`), the others join with the recovery key
(:func:`join`) from a copy of its folder; :func:`engine` makes a simulated sync
engine (tests/support/syncsim.py) between the copies, and :func:`converge` syncs
everyone until the engine has delivered everything.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
from pathlib import Path

from ketajournal.platform.crypto import RecoveryCode
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import sync, sync_join
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal, open_or_create
from tests.support.clock import FixedClock
from tests.support.syncsim import Faults, SimulatedSyncEngine


@dataclasses.dataclass
class Computer:
    """One computer: its journal and its copy of the sync folder."""

    name: str
    journal: Journal
    folder: Path

    @property
    def device(self) -> str:
        return sync.device_id(self.journal)

    def sync(self) -> sync.SyncReport:
        return sync.sync_now(self.journal)

    def moods(self) -> list[tuple[int, str]]:
        return sorted((m.mood, m.note) for m in self.journal.moods())


def first(tmp_path: Path) -> tuple[Computer, RecoveryCode]:
    """The computer that sets sync up (journal ``a``, folder ``a-folder``), and its code."""
    folder = tmp_path / "a-folder"
    folder.mkdir()
    opened = open_or_create(JournalPaths(tmp_path / "a"), KeyringKeyStore(), clock=FixedClock())
    assert opened.new_recovery_code is not None
    computer = Computer("a", opened.journal, folder)
    sync.setup(computer.journal, folder)
    return computer, opened.new_recovery_code


def reopen(name: str, home: Path, folder: Path) -> Computer:
    """An existing journal at ``home`` opened as computer ``name`` with folder copy ``folder``."""
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False, clock=FixedClock())
    return Computer(name, journal, folder)


def join(tmp_path: Path, name: str, secret: RecoveryCode | str, source: Path) -> Computer:
    """A second computer: its folder copy starts as a copy of ``source``; it joins from it
    with ``secret``, the recovery key (or the passphrase)."""
    folder = tmp_path / f"{name}-folder"
    shutil.copytree(source, folder)
    paths = JournalPaths(tmp_path / name)
    journal = sync_join.join(
        paths,
        KeyringKeyStore(),
        folder,
        str(secret),
        open_journal=lambda p: open_journal(p, KeyringKeyStore(), create=False, clock=FixedClock()),
    )
    return Computer(name, journal, folder)


def engine(*computers: Computer, seed: int = 1, faults: Faults | None = None
           ) -> SimulatedSyncEngine:
    """A misbehaving engine between the computers' folder copies."""
    return SimulatedSyncEngine(
        {c.device: c.folder for c in computers},
        random.Random(seed),
        faults or Faults(),
    )


def converge(engine: SimulatedSyncEngine, *computers: Computer, rounds: int = 3) -> None:
    """Sync every computer, let the engine deliver everything, again; then once more."""
    for _ in range(rounds):
        for computer in computers:
            computer.sync()
        engine.settle()
    for computer in computers:
        computer.sync()
