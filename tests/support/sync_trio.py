"""Three computers sharing a sync folder through the simulated engine, for the removal tests.

Each computer is a real journal in ``tmp_path`` with its own copy of the folder, made
by :mod:`tests.support.syncpeers`; :func:`make_trio` sets up A, lets B and C join with
the recovery key and settles the engine (tests/support/syncsim.py), which moves files
between the copies.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.crypto import RecoveryCode
from tests.support.clock import NOW
from tests.support.syncpeers import Computer, converge, engine, first, join
from tests.support.syncsim import Faults, SimulatedSyncEngine

SENTINEL = "SENTINEL-rekey-do-not-leak"


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
        converge(self.engine, *computers, rounds=rounds)


def make_trio(tmp_path: Path) -> Trio:
    """A (set up, one mood), B and C (joined), all settled; close them with :meth:`close`."""
    a, code = first(tmp_path)
    a.journal.log(MoodEntry(at=NOW, mood=4, note=f"first {SENTINEL}"))
    a.sync()
    b = join(tmp_path, "b", code, a.folder)
    c = join(tmp_path, "c", code, a.folder)
    t = Trio(a, b, c, code, engine(a, b, c, seed=5, faults=Faults(0, 0, 0, 0, 0)))
    t.settle(a, b, c)
    return t
