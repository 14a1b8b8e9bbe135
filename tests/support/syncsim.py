"""A simulated file-sync engine (think Syncthing or Dropbox) between device folders, for tests.

Each computer has its own copy of the sync folder (a root in ``tmp_path``).
The engine copies every device's sub-folder from the computer that owns it to
the others, the way a real engine would, but badly on purpose: transfers are
delayed by random steps and delivered in random order; some arrive twice;
some are first written truncated at their real name (a USB copy or a client
that writes in place) and completed later; some leave a partial
``.syncthing.*.tmp`` or ``~`` file behind; some leave a conflict copy beside
the real file (``00000003.sync-conflict-….kjc``, ``00000003 (1).kjc``).
Deletions by the owner (compaction) travel too. :meth:`settle` then delivers
everything whole, as an engine eventually does.

A fake only at the edge: the files it moves are real files written by the
code under test.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Faults:
    """Probabilities of each misbehaviour per transfer, and the longest delay in steps."""

    max_delay: int = 3
    duplicate: float = 0.2
    truncate: float = 0.15
    partial_leftover: float = 0.1
    conflict_copy: float = 0.1


@dataclass
class _Transfer:
    source: Path
    target: Path
    due: int
    data: bytes | None  # None: a deletion


@dataclass
class SyncStats:
    """What the engine did, for the test's report."""

    delivered: int = 0
    duplicated: int = 0
    truncated: int = 0
    partial_leftovers: int = 0
    conflict_copies: int = 0
    deleted: int = 0


@dataclass
class SimulatedSyncEngine:
    """Copies ``<root>/<device>/*`` from each device's own root to every other root.

    ``owners`` maps a device id to the root of the computer that writes it.
    """

    owners: dict[str, Path]
    rng: random.Random
    faults: Faults = field(default_factory=Faults)
    stats: SyncStats = field(default_factory=SyncStats)
    _now: int = 0
    _queue: list[_Transfer] = field(default_factory=list)
    _sent: dict[tuple[Path, Path], bytes | None] = field(default_factory=dict)
    _incomplete: dict[Path, bytes] = field(default_factory=dict)

    @property
    def roots(self) -> list[Path]:
        """Every computer's copy of the folder."""
        return sorted(set(self.owners.values()))

    def _scan(self) -> None:
        """Queue a transfer for each file whose owner's copy differs from what was sent."""
        for device, home in self.owners.items():
            source_dir = home / device
            names = (
                {p.name for p in source_dir.iterdir() if p.is_file()}
                if source_dir.is_dir()
                else set()
            )
            for root in self.roots:
                if root == home:
                    continue
                target_dir = root / device
                pair = (source_dir, target_dir)
                known = {t.name for (s, t) in self._sent if (s.parent, t.parent) == pair}
                for name in names | known:
                    source, target = source_dir / name, target_dir / name
                    if name.startswith("."):
                        continue  # the owner's own temporary files are never sent
                    data = source.read_bytes() if source.is_file() else None
                    if (source, target) in self._sent and self._sent[(source, target)] == data:
                        continue
                    self._sent[(source, target)] = data
                    due = self._now + self.rng.randint(0, self.faults.max_delay)
                    self._queue.append(_Transfer(source, target, due, data))

    def _deliver(self, transfer: _Transfer, *, faulty: bool) -> None:
        target = transfer.target
        target.parent.mkdir(parents=True, exist_ok=True)
        if transfer.data is None:
            target.unlink(missing_ok=True)
            self._incomplete.pop(target, None)
            self.stats.deleted += 1
            return
        data = transfer.data
        f = self.faults
        if faulty and self.rng.random() < f.partial_leftover:
            leftover = target.parent / self.rng.choice(
                [f".syncthing.{target.name}.tmp", f"~{target.name}", f"{target.name}.part"]
            )
            leftover.write_bytes(data[: len(data) // 2])
            self.stats.partial_leftovers += 1
        if faulty and len(data) > 1 and self.rng.random() < f.truncate:
            target.write_bytes(data[: self.rng.randint(1, len(data) - 1)])
            self._incomplete[target] = data  # completed on a later step
            self.stats.truncated += 1
            return
        target.write_bytes(data)
        self._incomplete.pop(target, None)
        self.stats.delivered += 1
        if faulty and self.rng.random() < f.conflict_copy:
            stem, _, ext = target.name.partition(".")
            copy_name = self.rng.choice(
                [
                    f"{stem}.sync-conflict-20260101-123456-ABCDEFG.{ext}",
                    f"{stem} (1).{ext}",
                    f"{stem} (Laptop's conflicted copy 2026-01-01).{ext}",
                ]
            )
            other = bytearray(data)
            if self.rng.random() < 0.5 and other:
                other[-1] ^= 0xFF  # a copy that differs (an older or damaged version)
            (target.parent / copy_name).write_bytes(bytes(other))
            self.stats.conflict_copies += 1
        if faulty and self.rng.random() < f.duplicate:
            self._queue.append(_Transfer(transfer.source, target, self._now + 1, data))
            self.stats.duplicated += 1

    def step(self) -> None:
        """One tick: notice changes, then deliver what is due, in random order, with faults."""
        self._now += 1
        self._scan()
        for target, data in list(self._incomplete.items()):
            if self.rng.random() < 0.5:
                target.write_bytes(data)
                del self._incomplete[target]
        due = [t for t in self._queue if t.due <= self._now]
        self._queue = [t for t in self._queue if t.due > self._now]
        self.rng.shuffle(due)
        for transfer in due:
            if self._sent.get((transfer.source, transfer.target)) != transfer.data:
                continue  # superseded by a later version of the same file
            self._deliver(transfer, faulty=True)

    def settle(self) -> None:
        """Deliver everything pending, whole: what a sync engine eventually does."""
        self._scan()
        for target, data in self._incomplete.items():
            target.write_bytes(data)
        self._incomplete.clear()
        for transfer in self._queue:
            if self._sent.get((transfer.source, transfer.target)) == transfer.data:
                self._deliver(transfer, faulty=False)
        self._queue.clear()


def exchange(roots: list[Path], *, newest_wins: bool = True) -> int:
    """Deliver every file of every device sub-folder to every other root, whole, the way
    Syncthing resolves two computers writing one file (a device id shared by a journal
    copied by hand): the incoming version replaces a different one when ``newest_wins``
    (the replaced one is kept as a ``.sync-conflict-…`` copy beside it), else the
    incoming one is kept as that copy. Returns how many conflict copies it made.
    """
    made = 0
    for source_root in roots:
        for target_root in roots:
            if source_root == target_root or not source_root.is_dir():
                continue
            for source_dir in sorted(p for p in source_root.iterdir() if p.is_dir()):
                target_dir = target_root / source_dir.name
                target_dir.mkdir(exist_ok=True)
                for source in sorted(p for p in source_dir.iterdir() if p.is_file()):
                    if source.name.startswith("."):
                        continue
                    data = source.read_bytes()
                    target = target_dir / source.name
                    if not target.exists():
                        target.write_bytes(data)
                        continue
                    before = target.read_bytes()
                    if before == data:
                        continue
                    if source.name in ("acks.kja", "journal.header"):
                        target.write_bytes(data)  # rewritten in place by its owner
                        continue
                    kept, other = (before, data) if newest_wins else (data, before)
                    stem, _, ext = source.name.partition(".")
                    tag = hashlib.sha256(kept).hexdigest()[:8]
                    (target_dir / f"{stem}.sync-conflict-{tag}.{ext}").write_bytes(kept)
                    target.write_bytes(other)
                    made += 1
    return made
