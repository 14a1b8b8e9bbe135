"""The sync folder's files: layout, the hash chain on disk, and what is ignored or rejected."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketajournal.domain.hlc import HybridClock
from ketajournal.domain.ids import new_id
from ketajournal.domain.merge import Change, Op, all_changes, merge
from ketajournal.storage import sync_folder
from ketajournal.storage.sealed_files import (
    HEADER,
    MAGIC,
    PAD_BYTES,
    START,
    TAG_BYTES,
    Cursor,
    FileType,
    change_file_name,
)
from ketajournal.storage.sync_folder import SyncError, SyncFolder
from ketajournal.storage.sync_reads import Ignored, plan_retirement

DATA_KEY = bytes(range(32))
JOURNAL = "journal-0001"
SENTINEL = "SENTINEL-do-not-leak-7Qx"


@pytest.fixture
def folder(tmp_path: Path) -> SyncFolder:
    return SyncFolder.for_journal(tmp_path / "sync", DATA_KEY, JOURNAL)


class Device:
    """One computer's writer: its clock and the last file it wrote."""

    def __init__(self, folder: SyncFolder, device: str) -> None:
        self.folder = folder
        self.device = device
        self.clock = HybridClock(device)
        self.cursor = START
        self.now = 1_767_225_600_000

    def change(self, text: str = "", *, gid: str | None = None, op: Op = Op.UPSERT) -> Change:
        self.now += 1_000
        fields = {"mood": 4, "note": f"{SENTINEL} {text}"} if op is Op.UPSERT else None
        return Change(gid or new_id(), "mood", self.clock.tick(self.now), op, fields)

    def write(self, *texts: str) -> list[Change]:
        batch = [self.change(t) for t in texts or ("x",)]
        self.cursor = self.folder.write_changes(self.device, self.cursor, batch)
        return batch


def path_of(folder: SyncFolder, device: str, seq: int) -> Path:
    return folder.root / device / change_file_name(seq)


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


# -- key and format ----------------------------------------------------------------------


def test_a_change_file_has_the_documented_header_and_a_hash_chain(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    laptop.write("one")
    laptop.write("two")
    first = path_of(folder, "laptop", 1).read_bytes()
    second = path_of(folder, "laptop", 2).read_bytes()
    assert HEADER.size == 56
    magic, version, kind, flags, seq, prev, nonce = HEADER.unpack_from(second)
    assert (magic, version, kind, flags, seq) == (MAGIC, 1, FileType.CHANGES, 0, 2)
    assert prev == hashlib.sha256(first).digest()
    assert HEADER.unpack_from(first)[5] == bytes(32)  # the first file follows nothing
    assert nonce != HEADER.unpack_from(first)[6]
    assert (len(second) - HEADER.size - TAG_BYTES) % PAD_BYTES == 0
    assert laptop.cursor == Cursor(2, hashlib.sha256(second).digest())


def test_nothing_in_the_folder_is_readable(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    for i in range(3):
        laptop.write(f"entry {i}", "sleep badly, dissociation strong")
    folder.write_acks("laptop", {"desk": START}, now_ms=1)
    state = merge({}, []).state
    folder.write_snapshot("laptop", laptop.cursor, {}, all_changes(state))
    for path in (folder.root / "laptop").iterdir():
        data = path.read_bytes()
        for needle in (SENTINEL, "dissociation", "mood", "note", "upsert"):
            assert needle.encode() not in data, path.name
            assert needle.encode("utf-16-le") not in data, path.name


def test_files_are_owner_only(folder: SyncFolder) -> None:
    Device(folder, "laptop").write("x")
    mode = stat.S_IMODE(path_of(folder, "laptop", 1).stat().st_mode)
    assert mode == 0o600
    assert stat.S_IMODE((folder.root / "laptop").stat().st_mode) == 0o700


def test_reading_returns_each_device_in_order_and_continues_from_a_cursor(
    folder: SyncFolder,
) -> None:
    laptop, desk = Device(folder, "laptop"), Device(folder, "desk")
    one = laptop.write("a", "b")
    two = laptop.write("c")
    mine = desk.write("d")
    result = folder.read({}, skip="desk")
    assert [(b.device, b.seq) for b in result.batches] == [("laptop", 1), ("laptop", 2)]
    assert result.changes == [*one, *two]
    assert result.cursors == {"laptop": laptop.cursor}
    assert result.rejected == () and result.ignored == Ignored()
    three = laptop.write("e")
    again = folder.read(result.cursors, skip="desk")
    assert again.changes == three
    assert folder.read({}, skip="laptop").changes == mine


def test_writing_never_overwrites_and_writes_only_own_changes(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    laptop.write("x")
    with pytest.raises(SyncError):
        folder.write_changes("laptop", START, [laptop.change()])
    with pytest.raises(ValueError):
        folder.write_changes("desk", START, [laptop.change()])
    with pytest.raises(ValueError):
        folder.write_changes("laptop", laptop.cursor, [])
    with pytest.raises(ValueError):
        folder.write_changes("../escape", START, [laptop.change()])
    assert sorted(p.name for p in (folder.root / "laptop").iterdir()) == ["00000001.kjc"]


def test_own_tip_finds_files_written_but_not_recorded(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    laptop.write("a")
    recorded = laptop.cursor
    laptop.write("b")  # a crash came before the journal recorded this one
    assert folder.own_tip("laptop", recorded) == laptop.cursor
    assert folder.own_tip("laptop", START) == laptop.cursor
    with pytest.raises(SyncError):
        folder.own_tip("laptop", Cursor(1, bytes(32)))  # another computer writes as laptop


# -- what is ignored ---------------------------------------------------------------------


def test_conflict_copies_partial_files_and_strangers_are_counted_and_ignored(
    folder: SyncFolder,
) -> None:
    laptop = Device(folder, "laptop")
    batch = laptop.write("a")
    home = folder.root / "laptop"
    original = (home / "00000001.kjc").read_bytes()
    (home / "00000001.sync-conflict-20260101-123456-ABCDEFG.kjc").write_bytes(original)
    (home / "00000001 (1).kjc").write_bytes(original[:-1] + b"\x00")
    (home / "00000001 (Laptop's conflicted copy 2026-01-01).kjc").write_bytes(b"junk")
    (home / "acks.sync-conflict-20260101-123456-ABCDEFG.kja").write_bytes(b"junk")
    (home / ".syncthing.00000002.kjc.tmp").write_bytes(b"half")
    (home / "~00000002.kjc").write_bytes(b"half")
    (home / "00000002.kjc.part").write_bytes(b"half")
    (home / "notes.txt").write_text("hello")
    (home / ".DS_Store").write_bytes(b"\x00")
    (folder.root / "desktop.ini").write_text("x")
    (folder.root / "laptop (1)").mkdir()
    (folder.root / "Not A Device").mkdir()
    result = folder.read({})
    assert result.changes == batch
    assert result.rejected == ()
    assert result.ignored == Ignored(conflict_copies=4, duplicates=1, partial=3, unknown=4)


def test_a_file_delivered_twice_is_taken_in_once(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    laptop.write("a")
    first = folder.read({})
    again = folder.read(first.cursors)
    assert again.batches == () and again.rejected == ()


# -- what is rejected --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "why"),
    [
        (0, "not a ketajournal sync file"),
        (4, "sync format"),
        (5, "not the kind of file"),
        (9, "authentication"),  # the sequence number
        (20, "authentication"),  # the previous file's hash
        (50, "authentication"),  # the nonce
        (70, "authentication"),  # the ciphertext
        (-1, "authentication"),  # the tag
    ],
)
def test_a_tampered_file_is_rejected_by_name_and_nothing_from_it_or_after_is_applied(
    folder: SyncFolder, offset: int, why: str
) -> None:
    laptop = Device(folder, "laptop")
    first = laptop.write("a")
    laptop.write("b")
    laptop.write("c")
    flip(path_of(folder, "laptop", 2), offset)
    result = folder.read({})
    assert result.changes == first
    assert result.cursors["laptop"].seq == 1
    [message] = result.rejected
    assert message.startswith("laptop/00000002.kjc: ") and why in message
    assert SENTINEL not in message


def test_a_truncated_file_waits_and_is_taken_in_once_complete(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    laptop.write("a")
    laptop.write("b")
    target = path_of(folder, "laptop", 2)
    whole = target.read_bytes()
    for size in (0, 10, HEADER.size + 3, len(whole) - 1):
        target.write_bytes(whole[:size])
        result = folder.read({})
        assert [b.seq for b in result.batches] == [1]
        assert len(result.rejected) == 1 and "00000002.kjc" in result.rejected[0]
    target.write_bytes(whole)
    assert [b.seq for b in folder.read({}).batches] == [1, 2]


def test_a_file_moved_from_another_devices_folder_is_rejected(folder: SyncFolder) -> None:
    Device(folder, "laptop").write("a")
    (folder.root / "desk").mkdir()
    shutil.copy(path_of(folder, "laptop", 1), path_of(folder, "desk", 1))
    result = folder.read({}, skip="laptop")
    assert result.batches == ()
    assert result.rejected[0].startswith("desk/00000001.kjc: failed its authentication check")


def test_a_file_of_another_journal_is_rejected(tmp_path: Path) -> None:
    root = tmp_path / "sync"
    other = SyncFolder.for_journal(root, DATA_KEY, "journal-9999")
    Device(other, "laptop").write("a")
    result = SyncFolder.for_journal(root, DATA_KEY, JOURNAL).read({})
    assert result.batches == () and len(result.rejected) == 1


def test_a_renamed_file_is_rejected(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    laptop.write("a")
    laptop.write("b")
    path_of(folder, "laptop", 2).unlink()
    shutil.copy(path_of(folder, "laptop", 1), path_of(folder, "laptop", 2))
    result = folder.read({})
    assert [b.seq for b in result.batches] == [1]
    assert "its number differs from its name" in result.rejected[0]


def test_a_forked_log_is_followed_as_the_folder_holds_it_never_a_stall(
    tmp_path: Path, folder: SyncFolder
) -> None:
    # Another computer writing under the same device id makes a different, valid file 2.
    laptop = Device(folder, "laptop")
    laptop.write("a")
    after_one = laptop.cursor
    laptop.write("b")
    original_two = laptop.cursor
    read = folder.read({})
    fork = SyncFolder.for_journal(tmp_path / "fork", DATA_KEY, JOURNAL)
    shutil.copytree(folder.root / "laptop", fork.root / "laptop")
    path_of(fork, "laptop", 2).unlink()
    fork.write_changes("laptop", after_one, [laptop.change("forked")])
    shutil.copy(path_of(fork, "laptop", 2), path_of(folder, "laptop", 2))
    # A reader that took in the original file 2 sees it replaced by the other branch:
    # it reads the device again along the chain the folder holds (what it read stays).
    again = folder.read(read.cursors)
    assert not again.rejected and again.forked == ("laptop",)
    assert [b.seq for b in again.batches] == [1, 2]
    assert again.cursors["laptop"] != read.cursors["laptop"]
    assert again.cursors["laptop"].seq == 2
    # File 3, chained to the original file 2, does not follow the file now named 2:
    # ignored, not refused — the chain read so far is kept.
    folder.write_changes("laptop", original_two, [laptop.change("c")])
    fresh = folder.read({})
    assert [b.seq for b in fresh.batches] == [1, 2]
    assert not fresh.rejected and fresh.forked == ("laptop",)
    assert fresh.cursors["laptop"].seq == 2
    assert fresh.gaps == {}
    # The writer's own check still refuses to continue either branch.
    with pytest.raises(SyncError):
        folder.own_tip("laptop", original_two)


def test_a_damaged_file_at_the_cursor_is_still_refused(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    laptop.write("a")
    laptop.write("b")
    read = folder.read({})
    path = path_of(folder, "laptop", 2)
    data = bytearray(path.read_bytes())
    data[-1] ^= 0x01
    path.write_bytes(bytes(data))
    again = folder.read(read.cursors)
    assert again.batches == () and again.forked == ()
    assert again.rejected[0].startswith("laptop/00000002.kjc: changed after it was read")


def test_a_valid_conflict_copy_of_another_version_is_counted_as_foreign(
    tmp_path: Path, folder: SyncFolder
) -> None:
    laptop = Device(folder, "laptop")
    laptop.write("a")
    after_one = laptop.cursor
    laptop.write("b")
    path = path_of(folder, "laptop", 2)
    (path.parent / "00000002 (1).kjc").write_bytes(path.read_bytes())  # a duplicate
    damaged = bytearray(path.read_bytes())
    damaged[-1] ^= 0xFF
    (path.parent / "00000002.sync-conflict-x.kjc").write_bytes(bytes(damaged))
    assert folder.foreign_copies("laptop") == 0
    fork = SyncFolder.for_journal(tmp_path / "fork", DATA_KEY, JOURNAL)
    shutil.copytree(folder.root / "laptop", fork.root / "laptop")
    path_of(fork, "laptop", 2).unlink()
    fork.write_changes("laptop", after_one, [laptop.change("other")])
    shutil.copy(path_of(fork, "laptop", 2), path.parent / "00000002.sync-conflict-y.kjc")
    assert folder.foreign_copies("laptop") == 1


def test_a_newer_format_is_refused_with_a_message(folder: SyncFolder) -> None:
    Device(folder, "laptop").write("a")
    path = path_of(folder, "laptop", 1)
    data = bytearray(path.read_bytes())
    data[4] = 3  # format 2 is the key-epoch format (sealed_files.EPOCH_FORMAT_VERSION)
    path.write_bytes(bytes(data))
    assert "written in sync format 3" in folder.read({}).rejected[0]


def test_an_oversized_file_is_refused_unread(
    folder: SyncFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    Device(folder, "laptop").write("a")
    monkeypatch.setattr(sync_folder, "MAX_FILE_BYTES", 100)
    assert "too large" in folder.read({}).rejected[0]


def test_an_unreadable_file_is_reported_not_raised(folder: SyncFolder) -> None:
    Device(folder, "laptop").write("a")
    path = path_of(folder, "laptop", 1)
    path.unlink()
    path.mkdir()  # a name the engine left as a folder
    result = folder.read({})
    assert result.batches == () and result.ignored.unknown == 1


def test_a_gap_stops_the_device_until_the_missing_file_arrives(
    tmp_path: Path, folder: SyncFolder
) -> None:
    laptop = Device(folder, "laptop")
    laptop.write("a")
    laptop.write("b")
    laptop.write("c")
    desk = Device(folder, "desk")
    desk.write("d")
    held = tmp_path / "held"
    path_of(folder, "laptop", 2).rename(held)
    result = folder.read({})
    assert [(b.device, b.seq) for b in result.batches] == [("desk", 1), ("laptop", 1)]
    assert result.gaps == {"laptop": 2}
    assert result.rejected == ()
    held.rename(path_of(folder, "laptop", 2))
    later = folder.read(result.cursors)
    assert [(b.device, b.seq) for b in later.batches] == [("laptop", 2), ("laptop", 3)]
    assert later.gaps == {}


# -- acknowledgements, snapshots, compaction ----------------------------------------------


def test_acknowledgements_round_trip_and_are_authenticated(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    laptop.write("a")
    folder.write_acks("desk", {"laptop": laptop.cursor, "desk": START}, now_ms=123)
    acks, rejected = folder.read_acks()
    assert rejected == []
    assert acks["desk"].read == {"laptop": laptop.cursor}  # never itself
    assert acks["desk"].written_ms == 123
    flip(folder.root / "desk" / "acks.kja", 60)
    acks, rejected = folder.read_acks()
    assert acks == {} and rejected[0].startswith("desk/acks.kja: ")


def test_retirement_waits_for_every_known_device() -> None:
    acks = {"desk": {"laptop": 7}, "phone": {"laptop": 4}}
    assert plan_retirement("laptop", 10, ["laptop", "desk", "phone"], acks).through == 4
    plan = plan_retirement("laptop", 3, ["laptop", "desk", "phone"], acks)
    assert plan.through == 3 and plan.behind == ()
    blocked = plan_retirement("laptop", 10, ["laptop", "desk", "phone", "old-pc"], acks)
    assert blocked.through == 0 and blocked.unseen == ("old-pc",)
    assert blocked.behind == ("desk", "phone")
    assert plan_retirement("laptop", 10, ["laptop"], {}).through == 10  # alone
    assert plan_retirement("laptop", 0, ["laptop", "desk"], acks).through == 0


def test_compaction_keeps_everything_for_a_device_that_joins_later(folder: SyncFolder) -> None:
    laptop, desk = Device(folder, "laptop"), Device(folder, "desk")
    gid = new_id()
    written = [*laptop.write("a", "b"), *desk.write("c")]
    edit = laptop.change("edit", gid=gid)
    laptop.cursor = folder.write_changes("laptop", laptop.cursor, [edit])
    gone = laptop.change(gid=gid, op=Op.DELETE)
    laptop.cursor = folder.write_changes("laptop", laptop.cursor, [gone])
    written += [edit, gone]
    # The laptop has everything; the desk acknowledges having read the laptop's files.
    state = merge({}, written).state
    seen = folder.read({}, skip="laptop").cursors
    folder.write_acks("desk", folder.read({}, skip="desk").cursors, now_ms=1)
    acks, _ = folder.read_acks()
    known = folder.devices()
    plan = plan_retirement(
        "laptop",
        laptop.cursor.seq,
        known,
        {d: {o: c.seq for o, c in a.read.items()} for d, a in acks.items()},
    )
    assert plan.through == 3
    with pytest.raises(SyncError):
        folder.retire("laptop", plan.through)  # no snapshot yet
    folder.write_snapshot("laptop", laptop.cursor, seen, all_changes(state))
    assert folder.retire("laptop", plan.through) == 3
    assert sorted(p.name for p in (folder.root / "laptop").iterdir()) == ["snapshot-00000003.kjs"]
    # A third computer joins from nothing and gets the same journal, history included.
    joined = folder.read({}, skip="phone")
    assert [s.device for s in joined.snapshots] == ["laptop"]
    assert joined.rejected == ()
    assert merge({}, joined.changes).state == state
    assert joined.cursors["laptop"] == laptop.cursor
    # The laptop goes on writing; the newcomer continues from the snapshot.
    more = laptop.write("after compaction")
    assert folder.read(joined.cursors, skip="phone").changes == more
    # A second snapshot replaces the first.
    folder.write_snapshot("laptop", laptop.cursor, seen, all_changes(merge(state, more).state))
    assert sorted(p.name for p in (folder.root / "laptop").iterdir()) == [
        "00000004.kjc",
        "snapshot-00000004.kjs",
    ]


def test_a_tampered_snapshot_is_rejected(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    batch = laptop.write("a")
    folder.write_snapshot("laptop", laptop.cursor, {}, batch)
    folder.retire("laptop", 1)
    snapshot = folder.root / "laptop" / "snapshot-00000001.kjs"
    flip(snapshot, 80)
    result = folder.read({})
    assert result.changes == []
    assert result.rejected[0].startswith("laptop/snapshot-00000001.kjs: ")


def test_a_snapshot_renamed_to_another_number_is_rejected(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    batch = laptop.write("a")
    folder.write_snapshot("laptop", laptop.cursor, {}, batch)
    folder.retire("laptop", 1)
    old = folder.root / "laptop" / "snapshot-00000001.kjs"
    old.rename(old.with_name("snapshot-00000009.kjs"))
    result = folder.read({})
    assert result.changes == [] and "differs from its name" in result.rejected[0]


def test_no_temporary_file_is_left_behind(folder: SyncFolder) -> None:
    laptop = Device(folder, "laptop")
    laptop.write("a")
    folder.write_acks("laptop", {}, now_ms=1)
    names = os.listdir(folder.root / "laptop")
    assert sorted(names) == ["00000001.kjc", "acks.kja"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_damage_to_any_file_is_refused_and_nothing_of_it_applied(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    folder = SyncFolder.for_journal(tmp_path_factory.mktemp("sync"), DATA_KEY, JOURNAL)
    laptop = Device(folder, "laptop")
    batches = [laptop.write(f"entry {i}") for i in range(3)]
    victim = data.draw(st.integers(min_value=1, max_value=3), label="file")
    path = path_of(folder, "laptop", victim)
    original = path.read_bytes()
    if data.draw(st.booleans(), label="truncate"):
        damaged = original[: data.draw(st.integers(0, len(original) - 1), label="size")]
    else:
        at = data.draw(st.integers(0, len(original) - 1), label="offset")
        bit = data.draw(st.integers(0, 7), label="bit")
        damaged = original[:at] + bytes([original[at] ^ (1 << bit)]) + original[at + 1 :]
    path.write_bytes(damaged)
    result = folder.read({})
    assert result.changes == [c for batch in batches[: victim - 1] for c in batch]
    assert len(result.rejected) == 1
    assert result.rejected[0].startswith(f"laptop/{change_file_name(victim)}: ")
