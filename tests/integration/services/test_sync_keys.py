"""Removing a computer from sync: new key epochs between real journals (services/sync_keys.py).

Computers A, B and C share a folder through the simulated sync engine
(tests/support/syncsim.py); A removes C. C's later changes never reach A or B, even
written by hand with the old key; A and B go on converging; a computer offline
during the removal takes in the new key; one that joins later joins with the
recovery key.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ketajournal.domain.hlc import HybridClock
from ketajournal.domain.ids import new_id
from ketajournal.domain.merge import Change, Op
from ketajournal.domain.models import MoodEntry
from ketajournal.services import sync_keys, sync_removal
from ketajournal.storage.header import read_header
from ketajournal.storage.sealed_files import Cursor, change_file_name
from ketajournal.storage.sync_folder import SyncFolder
from ketajournal.storage.sync_store import SyncStore
from tests.support.clock import NOW
from tests.support.sync_trio import SENTINEL, Trio, make_trio
from tests.support.syncpeers import Computer, join
from tests.support.syncsim import Faults

#: A stamp the clock check lets through (a forged file must fail on its key alone).
NOW_MS = int(time.time() * 1000)


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[Trio]:
    t = make_trio(tmp_path)
    yield t
    t.close()


def folder_of(computer: Computer) -> SyncFolder:
    """The folder as a computer that knows only the first key sees it (the old key)."""
    journal_id = read_header(computer.journal.paths.header).journal_id
    return SyncFolder.for_journal(computer.folder, computer.journal.data_key, journal_id)


def forged_change(
    computer: Computer, as_device: str, note: str, wall_ms: int = 4_000_000_000_000
) -> Change:
    """A valid mood row (taken from the journal) stamped by ``as_device``, under a new
    global id and a late stamp: without the key epochs every computer would take it in."""
    model = next(
        c for c in SyncStore(computer.journal._db).all_changes() if c.kind == "mood_entries"
    )
    assert model.fields is not None
    fields = {**model.fields, "note": note, "_base": None}
    stamp = HybridClock(as_device).tick(wall_ms)
    return Change(new_id(), "mood_entries", stamp, Op.UPSERT, fields)


def forge(computer: Computer, as_device: str, note: str) -> Path:
    """Write by hand, with the first (old) key, a change file in ``as_device``'s folder."""
    folder = folder_of(computer)
    tip = folder.read_device(as_device, Cursor(0)).cursor
    change = forged_change(computer, as_device, note)
    folder.write_changes(as_device, tip, [change])
    return computer.folder / as_device / change_file_name(tip.seq + 1)


def test_a_removed_computer_stops_with_a_message_and_changes_nothing(trio: Trio) -> None:
    t = trio
    removal = sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    assert removal.removed == t.c.device and removal.epoch == 2
    assert set(removal.given) == {t.a.device, t.b.device}
    t.engine.settle()
    t.c.journal.log(MoodEntry(at=NOW, mood=9, note="typed on the removed computer"))
    before = t.c.journal.export_document()
    with pytest.raises(sync_keys.ComputerRemovedError, match="removed from sync on"):
        t.c.sync()
    assert t.c.journal.export_document() == before
    t.settle(t.a, t.b)
    assert (9, "typed on the removed computer") not in t.a.moods()
    assert t.a.moods() == t.b.moods()


def test_files_the_removed_computer_writes_by_hand_with_the_old_key_never_count(
    trio: Trio,
) -> None:
    t = trio
    sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    t.settle(t.a, t.b)
    forged = forge(t.c, t.c.device, "forged in its own folder")
    t.engine.settle()
    report_a, report_b = t.a.sync(), t.b.sync()
    assert report_a.ok and report_b.ok
    assert report_a.set_aside == {t.c.device: 1} and report_b.set_aside == {t.c.device: 1}
    assert forged.name  # the file is there, verified by no one, taken in by no one
    # Forged in a remaining computer's folder with the old key: set aside as well.
    forge(t.c, t.b.device, "forged as b")
    t.engine.settle()
    assert t.a.sync().ok
    t.settle(t.a, t.b)
    for computer in (t.a, t.b):
        notes = [note for _, note in computer.moods()]
        assert "forged in its own folder" not in notes
        assert "forged as b" not in notes
    assert t.a.moods() == t.b.moods()


def test_files_written_before_the_removal_still_count(trio: Trio) -> None:
    t = trio
    t.c.journal.log(MoodEntry(at=NOW, mood=6, note="before the removal"))
    t.c.sync()
    t.engine.settle()
    # B is offline: it has not read C's last file when A removes C.
    sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    assert (6, "before the removal") in t.a.moods()
    t.engine.settle()
    report = t.b.sync()
    assert report.ok
    assert (6, "before the removal") in t.b.moods()


def test_a_computer_offline_during_the_removal_takes_in_the_new_key_and_resends(
    trio: Trio,
) -> None:
    t = trio
    sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    # B writes offline with the old key, after the removal's cutoff.
    t.b.journal.log(MoodEntry(at=NOW, mood=3, note="b offline"))
    t.b.sync()  # its copy of the folder has no new key yet
    assert sync_keys.key_ring(t.b.journal).current == 1
    t.engine.settle()
    t.a.journal.log(MoodEntry(at=NOW, mood=8, note="a after the removal"))
    t.settle(t.a, t.b)
    assert sync_keys.key_ring(t.b.journal).current == 2
    assert (3, "b offline") in t.a.moods()
    assert (8, "a after the removal") in t.b.moods()
    assert t.a.moods() == t.b.moods()


def test_a_and_b_converge_across_the_new_key_through_a_misbehaving_engine(trio: Trio) -> None:
    t = trio
    t.engine.faults = Faults()
    rng = random.Random(11)
    removed_at = 4
    had: list[str] = []
    for step in range(10):
        if step == removed_at:
            sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
            had = [n for _, n in t.a.moods() if n.startswith("c")]
        for computer in (t.a, t.b):
            if rng.random() < 0.7:
                computer.journal.log(
                    MoodEntry(at=NOW, mood=rng.randint(0, 10), note=f"{computer.name}{step}")
                )
            moods = computer.journal.moods()
            if moods and rng.random() < 0.3:
                target = rng.choice(moods)
                computer.journal.update(dataclasses.replace(target, note=f"{target.note}!"))
            computer.sync()
        if step < removed_at:
            t.c.journal.log(MoodEntry(at=NOW, mood=1, note=f"c{step}"))
            t.c.sync()
        t.engine.step()
    t.engine.faults = Faults(0, 0, 0, 0, 0)
    t.settle(t.a, t.b, rounds=3)
    assert t.a.moods() == t.b.moods()
    # C's files count up to the last one that had reached A (or B, before it learnt of
    # the removal): a prefix of what C wrote, at least what A had when it removed C.
    from_c = [n for _, n in t.a.moods() if n.startswith("c")]
    assert from_c == [f"c{s}" for s in range(len(from_c))]
    assert set(had) <= set(from_c)
    assert t.engine.stats.truncated and t.engine.stats.duplicated
    with pytest.raises(sync_keys.ComputerRemovedError):
        t.c.sync()


def test_a_computer_that_joins_after_the_removal_joins_with_the_recovery_key(
    trio: Trio, tmp_path: Path
) -> None:
    t = trio
    sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    t.a.journal.log(MoodEntry(at=NOW, mood=7, note="after the removal"))
    t.a.sync()
    d = join(tmp_path, "d", t.code, t.a.folder)
    try:
        assert sync_keys.key_ring(d.journal).current == 2
        assert d.moods() == t.a.moods()
        assert (7, "after the removal") in d.moods()
    finally:
        d.journal.close()


def test_a_tampered_key_file_is_refused_and_nothing_local_changes(trio: Trio) -> None:
    t = trio
    sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    t.engine.settle()
    record = next((t.b.folder / t.a.device).glob("epoch-*.kje"))
    original = record.read_bytes()
    damaged = bytearray(original)
    damaged[-20] ^= 0x01
    record.write_bytes(bytes(damaged))
    before = t.b.journal.export_document()
    report = t.b.sync()
    assert not report.ok and record.name in report.rejected[0]
    assert "sync key file" in report.rejected[0]
    assert t.b.journal.export_document() == before
    assert sync_keys.key_ring(t.b.journal).current == 1
    record.write_bytes(original)
    assert t.b.sync().ok
    assert sync_keys.key_ring(t.b.journal).current == 2


def test_nothing_readable_in_the_folder_including_the_key_files(trio: Trio) -> None:
    t = trio
    sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    t.a.journal.log(MoodEntry(at=NOW, mood=2, note=SENTINEL))
    t.settle(t.a, t.b)
    new_key = sync_keys.key_ring(t.a.journal).keys[2]
    private = sync_keys.epochs(t.a.journal)
    assert private
    for computer in (t.a, t.b, t.c):
        for path in computer.folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert SENTINEL.encode() not in data, path
                assert new_key not in data and new_key.hex().encode() not in data, path
                assert b"public_key" not in data and b"removed" not in data, path


def test_a_file_of_the_removed_computer_that_reached_only_b_counts_on_a_too(trio: Trio) -> None:
    t = trio
    t.c.journal.log(MoodEntry(at=NOW, mood=5, note="reached only b"))
    t.c.sync()
    newest = max((t.c.folder / t.c.device).glob("*.kjc"))
    shutil.copy2(newest, t.b.folder / t.c.device / newest.name)  # the engine was quicker to b
    assert t.b.sync().ok
    assert (5, "reached only b") in t.b.moods()
    removal = sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    assert (5, "reached only b") not in t.a.moods()
    record = sync_keys.epochs(t.a.journal)[0]
    assert record.cutoffs[t.c.device] < int(newest.stem) and removal.epoch == 2
    t.settle(t.a, t.b)
    # B's acknowledgements, sealed with the new key, say it had read that file: it counts.
    assert (5, "reached only b") in t.a.moods()
    assert t.a.moods() == t.b.moods()


def test_a_second_removal_starts_the_next_epoch_from_another_computer(trio: Trio) -> None:
    t = trio
    sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    t.settle(t.a, t.b)
    t.a.journal.log(MoodEntry(at=NOW, mood=6, note="a before its own removal"))
    t.a.sync()
    t.engine.settle()
    removal = sync_removal.remove_computer(t.b.journal, t.a.device, str(t.code))
    assert removal.epoch == 3 and removal.given == (t.b.device,)
    t.engine.settle()
    for gone in (t.a, t.c):
        with pytest.raises(sync_keys.ComputerRemovedError):
            gone.sync()
    assert (6, "a before its own removal") in t.b.moods()
    assert sync_keys.key_ring(t.b.journal).current == 3
    assert set(sync_keys.removed_computers(t.b.journal)) == {t.a.device, t.c.device}


def test_a_removed_computer_cannot_replace_an_old_file_another_computer_had_read(
    trio: Trio,
) -> None:
    t = trio
    t.b.journal.log(MoodEntry(at=NOW, mood=2, note="b before the removal"))
    t.settle(t.a, t.b)
    sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    t.settle(t.a, t.b)
    # C, which keeps the first key, replaces B's first file (at A's cursor, at or below
    # B's cutoff) with a valid file of its own in A's copy of the folder.
    first = t.a.folder / t.b.device / change_file_name(1)
    assert sorted(p.name for p in first.parent.glob("*.kjc")) == [first.name]
    first.unlink()
    folder = SyncFolder.for_journal(
        t.a.folder, t.c.journal.data_key, read_header(t.c.journal.paths.header).journal_id
    )
    change = forged_change(t.c, t.b.device, "replaced", NOW_MS)
    folder.write_changes(t.b.device, Cursor(0), [change])
    report = t.a.sync()
    assert any(first.name in m and "retired sync key" in m for m in report.rejected)
    assert "replaced" not in [note for _, note in t.a.moods()]


def test_a_removed_computer_cannot_plant_a_hand_over_snapshot_with_the_old_key(
    trio: Trio,
) -> None:
    t = trio
    sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    t.settle(t.a, t.b)
    planted = new_id()
    for as_device in (planted, t.c.device):
        change = forged_change(t.c, as_device, f"planted as {as_device}", NOW_MS)
        folder_of(t.c).write_snapshot(as_device, Cursor(0), {}, [change])
    t.engine.settle()
    t.settle(t.a, t.b)
    for computer in (t.a, t.b):
        notes = [note for _, note in computer.moods()]
        assert not [n for n in notes if n.startswith("planted")]
    assert t.a.moods() == t.b.moods()


def test_the_removal_message_gives_the_local_date(
    process_zone: Callable[[str], None],
) -> None:
    process_zone("Pacific/Auckland")  # 1 Dec 2026 20:00 UTC is 2 Dec 09:00 there
    when = int(datetime(2026, 12, 1, 20, 0, tzinfo=UTC).timestamp() * 1000)
    assert "removed from sync on 2 Dec 2026." in str(sync_keys.ComputerRemovedError(when))


def test_two_removals_at_once_say_so_instead_of_blaming_a_damaged_file(trio: Trio) -> None:
    t = trio
    # A and B both remove C before either has seen the other's key file.
    sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    sync_removal.remove_computer(t.b.journal, t.c.device, str(t.code))
    t.a.journal.log(MoodEntry(at=NOW, mood=6, note="a after its removal"))
    t.b.journal.log(MoodEntry(at=NOW, mood=5, note="b after its removal"))
    t.c.journal.log(MoodEntry(at=NOW, mood=9, note="typed on the removed computer"))
    reports = []
    for _ in range(3):
        for computer in (t.a, t.b, t.c):
            reports.append((computer, computer.sync()))
            t.engine.settle()
    for computer, report in reports[-3:]:
        assert not report.ok
        assert not [m for m in report.rejected if "authentication" in m]
        if computer is not t.c:
            (message,) = report.rejected
            assert "two computers removed a computer at the same time" in message
            assert t.a.device in message and t.b.device in message
            assert "Two removals at once" in message
    for computer in (t.a, t.b):
        assert "typed on the removed computer" not in [n for _, n in computer.moods()]
