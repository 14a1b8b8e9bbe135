"""Three computers sharing a folder through a misbehaving sync engine converge to one journal.

Each computer keeps its own copy of the folder; tests/support/syncsim.py moves
files between the copies with delays, reordering, duplicates, truncated files
in flight, partial leftovers and conflict copies. The journals here are the
merged states of domain/merge.py (the database wiring comes later).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from ketajournal.domain.hlc import HybridClock
from ketajournal.domain.ids import new_id
from ketajournal.domain.merge import Change, Op, RecordState, all_changes, merge
from ketajournal.storage.sealed_files import START, Cursor
from ketajournal.storage.sync_folder import SyncFolder
from ketajournal.storage.sync_reads import plan_retirement
from tests.support.syncsim import SimulatedSyncEngine

DATA_KEY = bytes(range(32, 64))
JOURNAL = "journal-sim"
SENTINEL = "SENTINEL-zq8-kept-private"


class Computer:
    """One journal on one computer: its merged state, clock, cursors and folder copy."""

    def __init__(self, root: Path, device: str, clock_offset_ms: int) -> None:
        self.folder = SyncFolder.for_journal(root, DATA_KEY, JOURNAL)
        self.device = device
        self.clock = HybridClock(device)
        self.own = START
        self.cursors: dict[str, Cursor] = {}
        self.state: dict[str, RecordState] = {}
        self.offset = clock_offset_ms
        self.written: list[Change] = []
        self.rejections: list[str] = []

    def edit(self, rng: random.Random, shared: list[str], now_ms: int) -> None:
        """Make one to four changes, apply them locally, then write them as one file."""
        batch: list[Change] = []
        for _ in range(rng.randint(1, 4)):
            gid = rng.choice(shared) if rng.random() < 0.7 else new_id()
            stamp = self.clock.tick(now_ms + self.offset)
            if rng.random() < 0.15:
                batch.append(Change(gid, "mood", stamp, Op.DELETE))
            else:
                note = f"{SENTINEL} {self.device} {rng.random()}"
                fields = {"mood": rng.randint(0, 10), "note": note}
                batch.append(Change(gid, "mood", stamp, Op.UPSERT, fields))
        self.state = merge(self.state, batch).state
        self.own = self.folder.write_changes(self.device, self.own, batch)
        self.written.extend(batch)

    def sync(self, now_ms: int) -> list[str]:
        """Take in what arrived, acknowledge it; return this pass's rejections."""
        result = self.folder.read(self.cursors, skip=self.device)
        for change in result.changes:
            self.clock.receive(change.stamp, now_ms + self.offset)
        self.state = merge(self.state, result.changes).state
        self.cursors.update(result.cursors)
        self.rejections.extend(result.rejected)
        self.folder.write_acks(self.device, self.cursors, now_ms)
        return list(result.rejected)


def every_file(tmp_path: Path) -> list[Path]:
    return [p for p in tmp_path.rglob("*") if p.is_file()]


def run(tmp_path: Path, seed: int, rounds: int) -> tuple[list[Computer], SimulatedSyncEngine]:
    rng = random.Random(seed)
    # Clocks disagree by minutes; the desk's clock is set back an hour halfway through.
    computers = [
        Computer(tmp_path / "laptop-home", "laptop", 0),
        Computer(tmp_path / "desk-home", "desk", -90_000),
        Computer(tmp_path / "clinic-home", "clinic", 240_000),
    ]
    engine = SimulatedSyncEngine({c.device: c.folder.root for c in computers}, rng)
    shared = [new_id() for _ in range(6)]
    now = 1_767_225_600_000
    for step in range(rounds):
        now += rng.randint(0, 2_000)
        if step == rounds // 2:
            computers[1].offset -= 3_600_000
        for computer in computers:
            if rng.random() < 0.4:
                computer.edit(rng, shared, now)
        engine.step()
        for computer in computers:
            if rng.random() < 0.6:
                computer.sync(now)
    engine.settle()
    for computer in computers:
        assert computer.sync(now + 1) == [], computer.device
    return computers, engine


@pytest.mark.parametrize("seed", range(8))
def test_three_computers_converge_through_a_misbehaving_engine(tmp_path: Path, seed: int) -> None:
    computers, engine = run(tmp_path, seed, rounds=40)
    everything = [c for computer in computers for c in computer.written]
    expected = merge({}, everything).state
    for computer in computers:
        assert computer.state == expected, computer.device
    # Nothing typed is lost: every version anyone wrote is in some record's history.
    assert set(all_changes(expected)) == set(everything)
    # The run really exercised the faults (else this test could not fail for them).
    assert engine.stats.delivered > 0
    assert engine.stats.truncated + engine.stats.conflict_copies + engine.stats.duplicated > 0


def test_the_faults_were_seen_and_only_as_transient_rejections(tmp_path: Path) -> None:
    computers, engine = run(tmp_path, seed=1234, rounds=60)
    assert engine.stats.truncated > 0 and engine.stats.conflict_copies > 0
    assert engine.stats.partial_leftovers > 0 and engine.stats.duplicated > 0
    rejections = [m for c in computers for m in c.rejections]
    assert rejections  # truncated files in flight were refused while incomplete ...
    # A duplicate delivery may rewrite an already-read file in place, truncated for a
    # moment: the reader stops at it ("changed after it was read") until it is whole.
    transient = ("truncated", "authentication", "changed after it was read")
    assert all(any(t in m for t in transient) for m in rejections)
    # ... and conflict copies and partial leftovers remain in the folder, ignored.
    laptop = computers[0]
    ignored = laptop.folder.read(laptop.cursors, skip="laptop").ignored
    assert ignored.conflict_copies + ignored.duplicates > 0 and ignored.partial > 0


def test_no_file_in_any_copy_of_the_folder_holds_the_sentinel(tmp_path: Path) -> None:
    run(tmp_path, seed=7, rounds=30)
    files = every_file(tmp_path)
    assert len(files) > 30
    for path in files:
        data = path.read_bytes()
        assert SENTINEL.encode("utf-8") not in data, path
        assert SENTINEL.encode("utf-16-le") not in data, path
        assert b"note" not in data and b"upsert" not in data, path


def test_an_edit_made_after_seeing_another_wins_whatever_the_clocks_say(tmp_path: Path) -> None:
    # The clinic computer's clock is 10 minutes fast; the laptop edits after seeing its
    # version, so the laptop's version must win although its clock reads earlier.
    rng = random.Random(0)
    laptop = Computer(tmp_path / "a", "laptop", 0)
    clinic = Computer(tmp_path / "b", "clinic", 600_000)
    engine = SimulatedSyncEngine({"laptop": laptop.folder.root, "clinic": clinic.folder.root}, rng)
    gid = new_id()
    now = 1_767_225_600_000
    fields = {"mood": 3, "note": "clinic"}
    first = Change(gid, "mood", clinic.clock.tick(now + clinic.offset), Op.UPSERT, fields)
    clinic.state = merge(clinic.state, [first]).state
    clinic.own = clinic.folder.write_changes("clinic", clinic.own, [first])
    engine.settle()
    laptop.sync(now + 1)
    second = Change(gid, "mood", laptop.clock.tick(now + 2), Op.UPSERT, {"mood": 8, "note": "home"})
    laptop.state = merge(laptop.state, [second]).state
    laptop.own = laptop.folder.write_changes("laptop", laptop.own, [second])
    engine.settle()
    clinic.sync(now + 3)
    for computer in (laptop, clinic):
        assert computer.state[gid].fields == {"mood": 8, "note": "home"}
        assert computer.state[gid].history == (first,)


def test_compaction_through_the_engine_and_a_late_joiner(tmp_path: Path) -> None:
    rng = random.Random(99)
    laptop = Computer(tmp_path / "a", "laptop", 0)
    desk = Computer(tmp_path / "b", "desk", 0)
    engine = SimulatedSyncEngine({"laptop": laptop.folder.root, "desk": desk.folder.root}, rng)
    shared = [new_id() for _ in range(4)]
    now = 1_767_225_600_000
    for _ in range(10):
        now += 1_000
        laptop.edit(rng, shared, now)
        desk.edit(rng, shared, now)
        engine.step()
        laptop.sync(now)
        desk.sync(now)
    engine.settle()
    desk.sync(now)
    engine.settle()
    laptop.sync(now)

    def plan(known: list[str]) -> int:
        acks, rejected = laptop.folder.read_acks()
        assert rejected == []
        seen = {d: {o: c.seq for o, c in a.read.items()} for d, a in acks.items()}
        result = plan_retirement("laptop", laptop.own.seq, known, seen)
        return result.through

    # A computer the laptop knows of but that never acknowledged anything blocks retiring.
    assert plan(["laptop", "desk", "phone"]) == 0
    through = plan(["laptop", "desk"])
    assert through == laptop.own.seq == 10
    laptop.folder.write_snapshot("laptop", laptop.own, laptop.cursors, all_changes(laptop.state))
    assert laptop.folder.retire("laptop", through) == 10
    engine.settle()  # the deletions travel to the desk's copy
    # The sync engine may have left conflict copies of retired files (harmless: the
    # reader ignores them); what counts is that no canonical change file is left.
    names = (desk.folder.root / "laptop").iterdir()
    canonical = re.compile(r"(acks\.kja|snapshot-\d{8}\.kjs|\d{8}\.kjc)")
    assert sorted(p.name for p in names if canonical.fullmatch(p.name)) == [
        "acks.kja",
        "snapshot-00000010.kjs",
    ]
    # The phone joins from the desk's copy of the folder, after compaction.
    phone = Computer(desk.folder.root, "phone", 0)
    phone.sync(now)
    assert phone.state == desk.state == laptop.state
    # Both go on writing; everyone still converges.
    laptop.edit(rng, shared, now + 5_000)
    desk.edit(rng, shared, now + 5_000)
    engine.settle()
    for computer in (laptop, desk, phone):
        computer.sync(now + 6_000)
    assert phone.state == desk.state == laptop.state
