"""A journal copied by hand to a second computer, or an older backup restored (sync_forks).

Real encrypted journals in tmp_path, each computer with its own copy of the sync
folder; tests/support/syncsim.exchange moves the files the way Syncthing does when
two computers write one file (one version wins, the other is kept as a conflict copy).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.crypto import RecoveryCode
from ketajournal.services import sync, sync_keys, sync_removal
from ketajournal.services.sync_keys import public_hex
from ketajournal.storage.header import read_header
from tests.support.clock import NOW
from tests.support.syncpeers import Computer, first, join, reopen
from tests.support.syncsim import exchange


@pytest.fixture
def codes() -> dict[str, RecoveryCode]:
    return {}


@pytest.fixture
def trio(
    tmp_path: Path, codes: dict[str, RecoveryCode]
) -> Iterator[tuple[Computer, Computer, Computer]]:
    """a and b synced; a2 is a's journal folder copied by hand (same device id), with its
    own copy of the sync folder."""
    a, code = first(tmp_path)
    codes["a"] = code
    a.journal.log(MoodEntry(at=NOW, mood=4, note="before the copy"))
    a.sync()
    b = join(tmp_path, "b", code, a.folder)
    a.sync()
    exchange([a.folder, b.folder])
    a.journal.close()
    shutil.copytree(tmp_path / "a", tmp_path / "a2")
    shutil.copytree(a.folder, tmp_path / "a2-folder")
    a = reopen("a", tmp_path / "a", a.folder)
    a2 = reopen("a2", tmp_path / "a2", tmp_path / "a2-folder")
    sync.setup(a2.journal, a2.folder)  # the copy's sync folder is where it lives there
    assert a2.device == a.device
    yield a, b, a2
    for computer in (a, b, a2):
        computer.journal.close()


def _log_offline(*computers: Computer) -> set[str]:
    notes = set()
    for computer in computers:
        note = f"offline on {computer.name}"
        computer.journal.log(MoodEntry(at=NOW, mood=5, note=note))
        notes.add(note)
    return notes


def _settle(*computers: Computer, newest_wins: bool = True) -> list[sync.SyncReport]:
    """Sync everyone and spread the files until nothing changes; every report."""
    reports = []
    roots = [c.folder for c in computers]
    for _ in range(3):
        for computer in computers:
            reports.append(computer.sync())
            exchange(roots, newest_wins=newest_wins)
    return reports


@pytest.mark.parametrize("first_to_sync", ["a", "a2"])
def test_a_copy_syncing_after_the_original_or_before_it_loses_nothing(
    trio: tuple[Computer, Computer, Computer], first_to_sync: str
) -> None:
    a, b, a2 = trio
    old = a.device
    notes = _log_offline(a, a2, b) | {"before the copy"}
    leader, follower = (a, a2) if first_to_sync == "a" else (a2, a)
    assert leader.sync().former_id is None
    exchange([a.folder, b.folder, a2.folder])
    noticed = follower.sync()
    assert noticed.ok and noticed.former_id == old  # the one that syncs second notices
    assert follower.device != old and leader.device == old
    reports = _settle(b, a, a2)
    assert all(r.ok for r in reports)  # nobody ever stalled
    assert {n for _, n in b.moods()} == notes
    assert a.moods() == a2.moods() == b.moods()
    status = sync.status(b.journal)
    assert {d.device for d in status.devices} == {old, a2.device, a.device, b.device}
    (former,) = [d for d in sync.status(follower.journal).devices if d.device == old]
    assert former.former


@pytest.mark.parametrize("newest_wins", [True, False])
def test_both_copies_writing_the_same_file_number_part_and_b_never_stalls(
    trio: tuple[Computer, Computer, Computer], newest_wins: bool
) -> None:
    a, b, a2 = trio
    old = a.device
    notes = _log_offline(a, a2, b) | {"before the copy"}
    a.sync()
    a2.sync()  # both wrote their own file with the same number, unseen by the other
    exchange([a.folder, a2.folder, b.folder], newest_wins=newest_wins)
    reports = _settle(b, a, a2, newest_wins=newest_wins)
    assert all(r.ok for r in reports)
    assert a.device != a2.device and old in {r.former_id for r in reports} | {
        a.device, a2.device}
    assert {n for _, n in b.moods()} == notes
    assert a.moods() == a2.moods() == b.moods()


def test_a_journal_restored_from_an_older_backup_takes_a_new_id_and_keeps_everything(
    tmp_path: Path,
) -> None:
    a, code = first(tmp_path)
    a.journal.log(MoodEntry(at=NOW, mood=4, note="in the backup"))
    a.sync()
    b = join(tmp_path, "b", code, a.folder)
    a.journal.close()
    shutil.copytree(tmp_path / "a", tmp_path / "backup")
    a = reopen("a", tmp_path / "a", a.folder)
    old = a.device
    a.journal.log(MoodEntry(at=NOW, mood=6, note="after the backup"))
    a.sync()
    a.journal.log(MoodEntry(at=NOW, mood=7, note="after the backup, again"))
    a.sync()
    a.journal.close()
    shutil.rmtree(tmp_path / "a")
    shutil.copytree(tmp_path / "backup", tmp_path / "a")  # the sequence number went back
    a = reopen("a", tmp_path / "a", a.folder)
    try:
        a.journal.log(MoodEntry(at=NOW, mood=2, note="after the restore"))
        report = a.sync()
        assert report.ok and report.former_id == old and a.device != old
        reports = _settle(a, b)
        assert all(r.ok for r in reports)
        notes = {"in the backup", "after the backup", "after the backup, again",
                 "after the restore"}
        assert {n for _, n in a.moods()} == notes
        assert a.moods() == b.moods()
    finally:
        a.journal.close()
        b.journal.close()


def test_a_file_written_but_not_recorded_is_no_fork(
    trio: tuple[Computer, Computer, Computer],
) -> None:
    # A crash between writing a change file and the commit: the file is this
    # computer's own (its records still wait in the outbox), not another writer's.
    a, b, _a2 = trio
    a.journal.log(MoodEntry(at=NOW, mood=3, note="sent twice"))
    device = a.device
    a.journal.close()
    shutil.copytree(a.journal.paths.home, a.journal.paths.home.with_name("a-before-commit"))
    a = reopen("a", a.journal.paths.home, a.folder)
    a.sync()  # writes the file and records it
    a.journal.close()
    shutil.rmtree(a.journal.paths.home)
    shutil.copytree(a.journal.paths.home.with_name("a-before-commit"), a.journal.paths.home)
    a = reopen("a", a.journal.paths.home, a.folder)  # as if the commit never happened
    try:
        report = a.sync()
        assert report.ok and report.former_id is None and a.device == device
        assert [n for _, n in a.moods()].count("sent twice") == 1
        exchange([a.folder, b.folder])
        assert b.sync().ok
        assert a.moods() == b.moods()
    finally:
        a.journal.close()


def test_a_computer_joining_after_the_fork_gets_both_copies_entries(
    trio: tuple[Computer, Computer, Computer], tmp_path: Path, codes: dict[str, RecoveryCode]
) -> None:
    a, b, a2 = trio
    notes = _log_offline(a, a2) | {"before the copy"}
    a2.sync()
    exchange([a.folder, a2.folder, b.folder])
    assert a.sync().former_id is not None  # the original notices the copy's file
    assert [p.name for p in (a.folder / a.device).glob("snapshot-*.kjs")] == [
        "snapshot-00000000.kjs"
    ]
    exchange([a.folder, a2.folder, b.folder])
    c = join(tmp_path, "c", codes["a"], b.folder)
    try:
        assert {n for _, n in c.moods()} == notes
    finally:
        c.journal.close()


def test_a_backup_restored_after_the_journal_compacted_its_files_parts_too(
    tmp_path: Path,
) -> None:
    a, code = first(tmp_path)
    a.journal.log(MoodEntry(at=NOW, mood=4, note="in the backup"))
    a.sync()
    b = join(tmp_path, "b", code, a.folder)
    sync.setup(b.journal, a.folder)  # one folder both reach (a NAS share): deletions show
    b.folder = a.folder
    a.journal.close()
    shutil.copytree(tmp_path / "a", tmp_path / "backup")
    a = reopen("a", tmp_path / "a", a.folder)
    old = a.device
    try:
        for n in range(4):
            a.journal.log(MoodEntry(at=NOW, mood=n, note=f"after the backup {n}"))
            sync.sync_now(a.journal, compact_after=1)
            b.sync()
        sync.sync_now(a.journal, compact_after=1)
        assert not (a.folder / old / "00000002.kjc").exists()  # retired: a snapshot covers it
    finally:
        a.journal.close()
    shutil.rmtree(tmp_path / "a")
    shutil.copytree(tmp_path / "backup", tmp_path / "a")
    a = reopen("a", tmp_path / "a", a.folder)
    try:
        a.journal.log(MoodEntry(at=NOW, mood=9, note="after the restore"))
        report = a.sync()
        assert report.ok and report.former_id == old
        reports = _settle(a, b)
        assert all(r.ok for r in reports)
        assert {n for _, n in b.moods()} == {
            "in the backup", "after the restore", *(f"after the backup {n}" for n in range(4))
        }
        assert a.moods() == b.moods()
    finally:
        a.journal.close()
        b.journal.close()


def _moods(computer: Computer) -> set[str]:
    return {e.note or "" for e in computer.journal.all_entries(["mood"])}


def _put_back(copy: Path, *computers: Computer) -> None:
    """An older copy of the folder replaces every computer's folder (a USB stick)."""
    for computer in computers:
        shutil.rmtree(computer.folder)
        shutil.copytree(copy, computer.folder)


@pytest.mark.parametrize("wrote_after_put_back", [False, True])
def test_an_older_copy_of_the_folder_put_back_stalls_no_one_and_loses_nothing(
    tmp_path: Path, wrote_after_put_back: bool
) -> None:
    a, code = first(tmp_path)
    a.journal.log(MoodEntry(at=NOW, mood=4, note="before the copy"))
    a.sync()
    b = join(tmp_path, "b", code, a.folder)
    try:
        b.sync()
        exchange([a.folder, b.folder])
        stick = tmp_path / "stick"
        shutil.copytree(a.folder, stick)  # the folder goes to a USB stick
        a.journal.log(MoodEntry(at=NOW, mood=6, note="after the copy"))
        a.sync()
        exchange([a.folder, b.folder])
        written = a_files(a)
        _put_back(stick, a, b)  # and the older copy comes back over it
        assert a_files(a) < written  # a's newest file is gone from every copy
        if wrote_after_put_back:
            # a wrote on before noticing: its next file lands past the hole.
            a.journal.log(MoodEntry(at=NOW, mood=7, note="after the put-back"))
        for _ in range(2):
            a.sync()
            exchange([a.folder, b.folder])
            report = b.sync()
            exchange([a.folder, b.folder])
        assert not report.waiting and not report.rejected
        a.journal.log(MoodEntry(at=NOW, mood=5, note="later still"))
        a.sync()
        exchange([a.folder, b.folder])
        report = b.sync()
        assert not report.waiting and not report.rejected
        assert _moods(b) == _moods(a)
        assert {"before the copy", "after the copy", "later still"} <= _moods(b)
    finally:
        a.journal.close()
        b.journal.close()


def a_files(computer: Computer) -> set[int]:
    """The numbers of the change files of ``computer`` in its copy of the folder."""
    return {int(p.stem) for p in (computer.folder / computer.device).glob("*.kjc")}


def test_a_copy_that_took_a_new_id_cannot_open_the_key_of_its_own_removal(
    trio: tuple[Computer, Computer, Computer], codes: dict[str, RecoveryCode]
) -> None:
    a, b, a2 = trio
    old = a.device
    _log_offline(a, a2)
    a.sync()
    exchange([a.folder, b.folder, a2.folder])
    assert a2.sync().former_id == old  # the copy takes a new id
    _settle(a, b, a2)
    copy_key = sync_keys.private_key(a2.journal)
    assert public_hex(copy_key) != public_hex(sync_keys.private_key(a.journal))
    assert old not in sync_keys.pins(a2.journal) or sync_keys.pins(a2.journal)[old] != (
        public_hex(copy_key))
    removal = sync_removal.remove_computer(a.journal, a2.device, str(codes["a"]))
    assert set(removal.given) == {old, b.device}
    journal_id = read_header(a.journal.paths.header).journal_id
    folder = sync.keyed_folder(a.journal).folder
    ((number, writer, path),) = folder.epoch_records()
    _, payload, _ = folder.open_epoch_record(writer, path)
    assert isinstance(payload, dict)
    # The wrap for the original (the old id) does not open with the copy's private key.
    wrapped = payload["wraps"][old]
    kek = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None,
        info=sync_keys.wrap_info(journal_id, old, number),
    ).derive(copy_key.exchange(X25519PublicKey.from_public_bytes(
        bytes.fromhex(wrapped["ephemeral"]))))
    with pytest.raises(InvalidTag):
        AESGCM(kek).decrypt(
            bytes.fromhex(wrapped["nonce"]), bytes.fromhex(wrapped["key"]),
            sync_keys.wrap_info(journal_id, old, number),
        )
    exchange([a.folder, b.folder, a2.folder])
    with pytest.raises(sync_keys.ComputerRemovedError):
        a2.sync()
