"""Three computers sharing a sync folder through the simulated engine, for the removal tests.

Each computer is a real journal in ``tmp_path`` with its own copy of the folder;
:func:`make_trio` sets up A, lets B and C join with the recovery key and settles the
engine (tests/support/syncsim.py), which moves files between the copies.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
from pathlib import Path

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.crypto import RecoveryCode
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import sync, sync_join
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal, open_or_create
from tests.support.clock import NOW, FixedClock
from tests.support.syncsim import Faults, SimulatedSyncEngine

SENTINEL = "SENTINEL-rekey-do-not-leak"


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


def first_computer(tmp_path: Path) -> tuple[Computer, RecoveryCode]:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    opened = open_or_create(JournalPaths(tmp_path / "a"), KeyringKeyStore(), clock=FixedClock())
    assert opened.new_recovery_code is not None
    computer = Computer("a", opened.journal, folder)
    sync.setup(computer.journal, folder)
    return computer, opened.new_recovery_code


def join_computer(tmp_path: Path, name: str, secret: str, source: Path) -> Computer:
    folder = tmp_path / f"{name}-folder"
    shutil.copytree(source, folder)
    journal = sync_join.join(
        JournalPaths(tmp_path / name),
        KeyringKeyStore(),
        folder,
        secret,
        open_journal=lambda p: open_journal(p, KeyringKeyStore(), create=False, clock=FixedClock()),
    )
    return Computer(name, journal, folder)


@dataclasses.dataclass
class Trio:
    a: Computer
    b: Computer
    c: Computer
    code: RecoveryCode
    engine: SimulatedSyncEngine

    def close(self) -> None:
        for computer in (self.a, self.b, self.c):
            computer.journal.close()

    def settle(self, *computers: Computer, rounds: int = 2) -> None:
        for _ in range(rounds):
            for computer in computers:
                computer.sync()
            self.engine.settle()
        for computer in computers:
            computer.sync()


def make_trio(tmp_path: Path) -> Trio:
    """A (set up, one mood), B and C (joined), all settled; close them with :meth:`close`."""
    a, code = first_computer(tmp_path)
    a.journal.log(MoodEntry(at=NOW, mood=4, note=f"first {SENTINEL}"))
    a.sync()
    b = join_computer(tmp_path, "b", str(code), a.folder)
    c = join_computer(tmp_path, "c", str(code), a.folder)
    engine = SimulatedSyncEngine(
        {x.device: x.folder for x in (a, b, c)}, random.Random(5), Faults(0, 0, 0, 0, 0)
    )
    t = Trio(a, b, c, code, engine)
    t.settle(a, b, c)
    return t
