"""A journal copied by hand: notice that two computers write under one device id, and part them.

A journal folder copied to a second computer (or restored from an older backup on
the same one) has the same device id as the journal it came from, and both write
that id's log in the sync folder: the log *forks*. This computer notices when its
own sub-folder disagrees with what its journal recorded (:func:`fork_evidence`):

* the file at its recorded position was replaced, or a later file does not follow it;
* a conflict copy there is a valid change file of this id that differs from the
  file of its number (a sync engine's copy of the other computer's version);
* files numbered past its record without the next one, or a snapshot of its id
  past its record (it compacted after the backup it was restored from);
* files after its recorded position hold records it did not write: a file it
  wrote but did not record (a crash between writing the file and the commit)
  holds only records still waiting in its outbox, so anything else came from
  another writer (the other copy, or this journal's own future before a restore).

The computer that notices takes a **new device id** (:func:`take_new_id`): the
old id becomes a computer it reads like any other, from where its journal last
was, and everything it holds goes to the folder under the new id as a snapshot
numbered 0 (:func:`hand_over`), which every other computer reads once; its
changes not sent yet go out under the new id. Merging is idempotent, so
whatever of this was already known elsewhere costs nothing; nothing acknowledged
on either copy is lost. Readers never stall at a forked log
(:mod:`ketajournal.storage.sync_folder` follows the chain the folder holds).

Files of its own that the folder lost (an older copy of the folder put back) are
covered by a snapshot at its record (:func:`cover_lost_files`), so no reader waits for
them forever.

Messages name device ids and files, never content (docs/sync.md).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from ketajournal.domain.ids import new_id
from ketajournal.storage.connection import transaction
from ketajournal.storage.handle import JournalDatabase
from ketajournal.storage.sealed_files import START, Cursor
from ketajournal.storage.sync_folder import SyncFolder
from ketajournal.storage.sync_store import SyncStore

#: ``sync_local`` key: 1 while this computer's snapshot under its new id is still to write.
HANDOVER_KEY = "handover"
#: ``sync_local`` key: this journal's earlier device ids (JSON list), oldest first.
FORMER_IDS_KEY = "former_ids"
#: ``sync_local`` keys of services/sync_keys.py: this computer's X25519 private key and
#: the public keys it pinned for the others (a fork makes it drop both, see take_new_id).
PRIVATE_KEY_KEY = "device_private_key"
PINS_KEY = "device_keys"


def _cursor(store: SyncStore, key: str) -> Cursor:
    value = store.local(key)
    return START if value is None else Cursor.from_json(json.loads(value))


def fork_evidence(store: SyncStore, folder: SyncFolder, device: str) -> str | None:
    """Why this computer's own sub-folder shows another writer under ``device``, or None.

    The reason names files and device ids only. Caller holds a transaction, so a
    sync of the same journal running at once (the window and a command) cannot
    make its freshly written file look like another computer's.
    """
    if folder.foreign_copies(device):
        return "a conflict copy of a change file of this computer holds another version"
    recorded = _cursor(store, "own")
    result = folder.read_device(device, recorded)
    if result.forked:
        return "its change files in the folder follow another history than this journal's"
    if result.rejected:
        return result.rejected[0]
    if result.gap_at is not None or folder.newest_snapshot(device) > recorded.seq:
        # Its files are written without gaps and snapshotted only up to its record:
        # files beyond it came from another writer (or its own future, before a restore).
        return "its change files in the folder go further than this journal's record"
    if not result.batches:
        return None
    pending = {p.gid for p in store.pending()}
    for batch in result.batches:
        if any(change.global_id not in pending for change in batch.changes):
            return (
                f"{device}/{batch.seq:08d}.kjc holds changes this journal did not write "
                "(a copy of this journal, or this journal restored from an older backup)"
            )
    return None


def take_new_id(store: SyncStore) -> tuple[str, str]:
    """Give this journal a new device id; return ``(old id, new id)``. Caller holds the
    transaction.

    The old id becomes another computer: it is read from where this journal last
    knew its own files (so what the other copy wrote there is taken in). The new
    id starts its own log, and :func:`hand_over` is due. The key pair for new sync
    keys, shared with the copy, is dropped (a fresh one is made on the next sync).
    """
    old = store.local("device")
    if old is None:
        raise ValueError("this journal has no device id")
    recorded = _cursor(store, "own")
    raw = store.local("cursors")
    cursors = {} if raw is None else json.loads(raw)
    cursors[old] = recorded.to_json()
    former = json.loads(store.local(FORMER_IDS_KEY) or "[]")
    new = new_id()
    store.set_local("device", new)
    store.set_local("own", json.dumps(START.to_json()))
    store.set_local("cursors", json.dumps(dict(sorted(cursors.items()))))
    store.set_local(FORMER_IDS_KEY, json.dumps([*former, old]))
    store.set_local(HANDOVER_KEY, "1")
    # The copy shares the original's key pair: a fresh one is made and published under
    # the new id on the next sync, so removing one of the two never leaves the other
    # able to open the new key. The old id's pin goes too (it is pinned afresh from the
    # folder, where the original publishes its key).
    store.delete_local(PRIVATE_KEY_KEY)
    raw_pins = store.local(PINS_KEY)
    if raw_pins is not None:
        pinned = {d: k for d, k in json.loads(raw_pins).items() if d != old}
        store.set_local(PINS_KEY, json.dumps(pinned, sort_keys=True))
    return old, new


def handover_due(store: SyncStore) -> bool:
    """True while the snapshot under this computer's new id is still to be written."""
    return store.local(HANDOVER_KEY) == "1"


def hand_over(store: SyncStore, folder: SyncFolder, device: str) -> None:
    """Write everything this journal holds as ``device``'s snapshot numbered 0.

    Every version sent or taken in, history included (the outbox goes out as a
    change file with the sync). Written atomically; writing it again after a
    crash replaces it. The caller then clears the flag (:func:`handover_done`).
    """
    folder.write_snapshot(device, START, {}, store.all_changes())


def handover_done(store: SyncStore) -> None:
    """Note that the snapshot under the new id is in the folder (caller holds the transaction)."""
    store.set_local(HANDOVER_KEY, "0")


def part_if_copied(db: JournalDatabase, store: SyncStore, folder: SyncFolder) -> str | None:
    """If another computer writes under this one's id, take a new id and hand everything
    over under it; return the old id, or None. ``db`` is the journal's connection (the
    check runs in one write transaction, so a sync of the same journal running at once
    takes turns with it)."""
    former = None
    with transaction(db):
        device = store.local("device")
        if device is not None and fork_evidence(store, folder, device) is not None:
            former, _new = take_new_id(store)
    if handover_due(store):
        hand_over(store, folder, store.local("device") or "")
        with transaction(db):
            handover_done(store)
    return former


def cover_lost_files(
    store: SyncStore, folder: SyncFolder, device: str, cursors: Mapping[str, Cursor]
) -> bool:
    """Write a snapshot over this computer's own change files that are gone; True if written.

    A device never deletes a file it wrote unless a snapshot covers it, so a hole
    between its newest snapshot and its record means the folder lost files: an older
    copy of the folder was put back (a USB stick, a folder restored from a backup), or
    a power cut kept the journal's record but not the file. Without a cover the other
    computers would wait for the missing number forever, and this computer's changes
    in it would never reach them. The snapshot (numbered at the record, like
    compaction's) carries everything this journal holds, so a reader waiting at the
    hole catches up from it and goes on with the next file; merging is idempotent.
    """
    recorded = _cursor(store, "own")
    if recorded.seq == 0:
        return False
    present = folder.change_numbers(device)
    floor = folder.newest_snapshot(device)
    if all(n in present for n in range(floor + 1, recorded.seq + 1)):
        return False
    folder.write_snapshot(device, recorded, cursors, store.all_changes())
    return True


def former_ids(store: SyncStore) -> tuple[str, ...]:
    """This journal's earlier device ids (a fork made it take a new one), oldest first."""
    return tuple(json.loads(store.local(FORMER_IDS_KEY) or "[]"))
