"""Sync the journal through a folder the patient already syncs: send, take in, acknowledge.

One :func:`sync_now` does, in order (docs/sync.md):

1. **send**: every record changed here since the last sync (the outbox the
   triggers of :mod:`ketajournal.storage.sync_schema` fill) is stamped by this
   computer's hybrid logical clock and written as one change file in this
   computer's own sub-folder, in the same transaction that records it as sent;
2. **take in**: every computer's new files are read and checked; if any file is
   refused, nothing at all is applied. Otherwise the changes are merged
   (:mod:`ketajournal.domain.merge`) into the journal in one transaction: the
   later stamp wins per record, and a version that loses is kept in the
   record's history (:func:`history`, :func:`restore_version`);
3. **acknowledge**: this computer's ``acks.kja`` says how far it has read every
   other one, and its own old files are compacted when every computer has read them.

Changes are sent before anything is taken in, so an edit made offline is stamped
with the time it was made, not the time the other computer's edit arrived. The sync
key's epochs (removing a computer) live apart, in :mod:`ketajournal.services.sync_keys`
and :mod:`ketajournal.services.sync_removal`.

It is one piece: sending, taking in, compaction, status and history all read and write
this computer's sync state (cursors, clock, outbox) through the same few helpers, and
split apart they would pass those private helpers between modules.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ketajournal.domain.hlc import HybridClock, Stamp
from ketajournal.domain.merge import Change, JsonValue, Op, RecordState, merge_record
from ketajournal.domain.models import MoodEntry
from ketajournal.domain.validation import ValidationError
from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.language import ngettext
from ketajournal.platform.files import atomic_path
from ketajournal.platform.paths import JournalPaths, ensure_private_dir
from ketajournal.services import sync_forks, sync_peers
from ketajournal.services.journal import FACTOR_CHANGE, TAG_CHANGE, Journal
from ketajournal.services.journal import Change as JournalChange
from ketajournal.services.medications import KIND as MEDICATION_CHANGE
from ketajournal.services.sync_keys import (
    KeyedFolder,
    device_names,
    key_ring,
    open_folder,
    removed_computers,
)
from ketajournal.services.sync_peers import DeviceStatus, SyncStatus
from ketajournal.storage.connection import transaction
from ketajournal.storage.database import open_database
from ketajournal.storage.header import read_header
from ketajournal.storage.repository import MAPPINGS
from ketajournal.storage.sealed_files import START, Cursor
from ketajournal.storage.sync_folder import HEADER_COPY_NAME, SyncError, SyncFolder
from ketajournal.storage.sync_reads import Ignored, plan_retirement
from ketajournal.storage.sync_schema import SYNCED_TABLES
from ketajournal.storage.sync_store import BASE, NotHereYetError, SyncStore, UnknownRecordError

#: Own change files kept before a snapshot replaces those every computer has read.
COMPACT_AFTER_FILES = 500
#: ``sync_local`` key: changes taken in before the record they belong to (JSON list).
_WAITING = "waiting_changes"
#: Table name → entry kind, for the tables whose rows the domain can check.
_KIND_OF_TABLE = {mapping.table: kind for kind, mapping in MAPPINGS.items()}
#: The change the window announces when settings changed (ui/controller.py does too).
SETTINGS_CHANGE = "settings"
#: Table → the changes announced when its records come in (the screens refresh on them).
_ANNOUNCED: dict[str, tuple[str, ...]] = {
    "medications": (MEDICATION_CHANGE,),
    "medication_doses": (MEDICATION_CHANGE,),
    "tags": (TAG_CHANGE,),
    "entry_tags": (TAG_CHANGE, MoodEntry.kind),
    "factors": (FACTOR_CHANGE,),
    "factor_values": (FACTOR_CHANGE,),
    "settings": (SETTINGS_CHANGE,),
}


def system_ms() -> int:
    """The computer's time in milliseconds since the epoch."""
    return time.time_ns() // 1_000_000


class SyncNotSetUpError(KnownError):
    """This journal is not linked to a sync folder."""

    def __init__(self) -> None:
        super().__init__(
            _("This journal is not linked to a sync folder yet. Link it with: "
              "ketajournal sync setup DIR")
        )


class SyncFolderError(KnownError):
    """The sync folder cannot be used as asked (the message names no content)."""


@dataclass(frozen=True)
class SyncReport:
    """What one sync did: changes sent and taken in, and what was refused or ignored."""

    sent: int = 0
    received: int = 0
    updated: int = 0
    kept_in_history: int = 0
    rejected: tuple[str, ...] = ()
    waiting: Mapping[str, int] = field(default_factory=dict)
    ignored: Ignored = field(default_factory=Ignored)
    retired: int = 0
    unseen: tuple[str, ...] = ()
    #: Per computer, files not taken in: written after it was removed, or with a retired key.
    set_aside: Mapping[str, int] = field(default_factory=dict)
    changed: JournalChange = field(default_factory=lambda: JournalChange(frozenset()))
    #: Computers whose log forked (two computers wrote under one id): read, never a stall.
    forked: tuple[str, ...] = ()
    #: This computer's device id before this sync, when it took a new one (a fork).
    former_id: str | None = None
    #: Computers whose changes were refused for dates far ahead of this computer's clock
    #: (their messages are in ``rejected``); everyone else's were taken in.
    clock_ahead: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no file was refused."""
        return not self.rejected

    def to_json(self) -> dict[str, object]:
        """The report as JSON (``ketajournal sync --json``)."""
        return {
            "sent": self.sent,
            "received": self.received,
            "updated": self.updated,
            "kept_in_history": self.kept_in_history,
            "rejected": list(self.rejected),
            "waiting": dict(self.waiting),
            "ignored": dataclasses.asdict(self.ignored),
            "retired": self.retired,
            "unseen": list(self.unseen),
            "forked": list(self.forked),
            "former_id": self.former_id,
            "set_aside": dict(self.set_aside),
        }


@dataclass(frozen=True)
class Version:
    """One kept version of a record: when and where it was made, and its fields."""

    stamp: Stamp
    deleted: bool
    fields: Mapping[str, JsonValue] | None
    current: bool


@dataclass(frozen=True)
class RecordHistory:
    """A record with earlier versions kept: its kind, local id and every version."""

    kind: str
    entry_id: int | None
    global_id: str
    versions: tuple[Version, ...]


# -- linking ---------------------------------------------------------------------------------


def _store(journal: Journal) -> SyncStore:
    return SyncStore(journal._db)  # the journal's own connection: one writer


def device_id(journal: Journal) -> str:
    """This computer's device id for this journal (its sub-folder's name)."""
    device = _store(journal).local("device")
    if device is None:  # written by the migration; only a damaged table lacks it
        raise SyncFolderError(_("This journal has no device id; run ketajournal check --deep."))
    return device


def linked_folder(journal: Journal) -> Path | None:
    """The sync folder this journal is linked to, or None."""
    value = _store(journal).local("folder")
    return None if value is None else Path(value)


def setup(journal: Journal, folder: Path) -> int:
    """Link ``journal`` to the sync folder ``folder`` (an existing folder); returns how
    many records will go out with the first sync.

    Linking again to another folder (the same folder moved or copied back from a
    USB stick) keeps what was read and sent. The folder must lie outside the
    journal's home.
    """
    folder = folder.expanduser().absolute()
    if not folder.is_dir():
        raise SyncFolderError(_("The sync folder {folder} does not exist; create it first.").format(
            folder=folder))
    journal.paths.check_output(folder / HEADER_COPY_NAME)
    store = _store(journal)
    with transaction(journal._db):
        store.set_local("folder", str(folder))
        queued = store.enqueue_all()
    _place_header(journal, folder, device_id(journal))
    return queued


def _place_header(journal: Journal, root: Path, device: str) -> None:
    """Keep a copy of the journal header in this computer's sub-folder (for joining)."""
    target = root / device / HEADER_COPY_NAME
    data = journal.paths.header.read_bytes()
    if target.is_file() and target.read_bytes() == data:
        return
    ensure_private_dir(target.parent)
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def keyed_folder(journal: Journal, *, secret: str | None = None) -> KeyedFolder:
    """The linked folder with every sync key, after taking in new key epochs
    (services/sync_keys.py; raises ComputerRemovedError on a removed computer)."""
    root = _root(journal)
    journal_id = read_header(journal.paths.header).journal_id
    return open_folder(journal, root, journal_id, device_id(journal), secret=secret)


def _root(journal: Journal) -> Path:
    root = linked_folder(journal)
    if root is None:
        raise SyncNotSetUpError
    if not root.is_dir():
        raise SyncFolderError(
            _("The sync folder {root} is not there (a drive not connected?). Nothing was "
              "changed; connect it, or link another folder with: ketajournal "
              "sync setup DIR").format(
                  root=root)
        )
    return root


def cursors_taken_in(journal: Journal) -> dict[str, Cursor]:
    """How far this journal has taken in every computer's files (its own: written)."""
    store = _store(journal)
    return _cursors(store) | {device_id(journal): _cursor(store, "own")}


def _cursor(store: SyncStore, key: str) -> Cursor:
    value = store.local(key)
    return START if value is None else Cursor.from_json(json.loads(value))


def _cursors(store: SyncStore) -> dict[str, Cursor]:
    value = store.local("cursors")
    raw = {} if value is None else json.loads(value)
    return {device: Cursor.from_json(c) for device, c in raw.items()}


def _clock(store: SyncStore, device: str) -> HybridClock:
    last = store.local("clock")
    return HybridClock(device, None if last is None else Stamp.parse(last))


# -- one sync --------------------------------------------------------------------------------


def sync_now(
    journal: Journal,
    *,
    now_ms: Callable[[], int] = system_ms,
    compact_after: int = COMPACT_AFTER_FILES,
    secret: str | None = None,
) -> SyncReport:
    """Send this journal's changes, take in every other computer's, acknowledge them.

    Raises :class:`SyncNotSetUpError` without a folder, :class:`SyncFolderError`
    when the folder cannot be written, ComputerRemovedError when another computer
    removed this one (services/sync_keys.py). A refused file changes nothing: the
    report lists it (``rejected``) and nothing read is applied. ``secret`` (the
    recovery key or passphrase, when joining) opens a new key not wrapped for this
    computer.
    """
    keyed = keyed_folder(journal, secret=secret)
    folder = keyed.folder
    store = _store(journal)
    former = sync_forks.part_if_copied(journal._db, store, folder)
    device = device_id(journal)
    sync_forks.cover_lost_files(store, folder, device, _cursors(store))
    recorded = _cursor(store, "own")
    sent, tip = _send(journal, store, folder, device)
    _place_header(journal, folder.root, device)
    if keyed.rejected:  # a key file refused: nothing is taken in, as for any refused file
        return SyncReport(sent=sent, rejected=keyed.rejected)
    report = _take_in(journal, store, folder, device, recorded, tip, now_ms())
    report = dataclasses.replace(report, former_id=former)
    if report.rejected and not report.clock_ahead:  # refused: nothing was taken in
        return dataclasses.replace(report, sent=sent)
    cursors = _cursors(store)
    folder.write_acks(device, cursors, now_ms())
    retired, unseen = _compact(journal, store, folder, device, cursors, compact_after)
    return dataclasses.replace(report, sent=sent, retired=retired, unseen=unseen)


def sync_at(paths: JournalPaths, key: bytes) -> SyncReport:
    """:func:`sync_now` on a connection of its own, for a worker thread while the
    window's connection goes on writing (SQLite's locks take turns; each sync
    transaction lasts milliseconds)."""
    journal = Journal(open_database(paths.database, key), paths=paths, key=key)
    try:
        return sync_now(journal)
    finally:
        journal.close()


def status_line(journal: Journal, now_ms: int | None = None) -> str:
    """The line the window shows: "Synced with 2 computers, 1 min ago", or what is wrong."""
    if linked_folder(journal) is None:
        return "Sync is not set up."
    try:
        return describe(status(journal), system_ms() if now_ms is None else now_ms)
    except KnownError as error:
        return str(error)


def quiet_notes(journal: Journal, now_ms: int | None = None) -> list[str]:
    """:func:`quiet_lines` for the window: every other computer not seen for a long time
    (or that never confirmed reading), with its last-seen date; none when not linked."""
    if linked_folder(journal) is None:
        return []
    try:
        return sync_peers.quiet_lines(
            status(journal), system_ms() if now_ms is None else now_ms
        )
    except KnownError:
        return []


def _send(
    journal: Journal, store: SyncStore, folder: SyncFolder, device: str
) -> tuple[int, Cursor]:
    """Write the pending changes as one change file; record them as sent (one transaction).

    Where to continue is read inside the transaction, so two syncs of one journal at
    once (the window and a command) take turns instead of writing the same number.
    """
    with transaction(journal._db):
        try:
            tip = folder.own_tip(device, _cursor(store, "own"))
        except SyncError as error:
            raise SyncFolderError(
                _("{error}. Another computer seems to write under this computer's id (a "
                  "journal copied by hand?). Nothing was changed.").format(error=error)
            ) from None
        pending = store.pending()
        if not pending:
            return 0, tip
        clock = _clock(store, device)
        changes: list[Change] = []
        bases: list[tuple[str, str]] = []
        for item in pending:
            stamp = clock.tick(item.changed_ms)
            row = store.row_by_gid(item.table, item.gid) if item.exists else None
            if row is not None:
                # The version this edit replaced, as this computer last sent or took it in.
                replaced = store.current(item.table, item.gid)
                base = None if replaced is None else str(replaced.stamp)
                fields = store.fields(item.table, row) | {BASE: base}
                changes.append(Change(item.gid, item.table, stamp, Op.UPSERT, fields))
                if base is not None:
                    store.supersede(item.gid, base)
            else:
                changes.append(Change(item.gid, item.table, stamp, Op.DELETE))
                replaced = store.current(item.table, item.gid)  # a tombstone, if re-deleted
                base = item.replaced or (None if replaced is None else str(replaced.stamp))
                if base is not None:
                    bases.append((item.gid, base))
                    store.supersede(item.gid, base)
        for change in changes:
            if change.op is Op.UPSERT:
                store.set_stamp(change.kind, change.global_id, change.stamp)
            else:
                row_id = next(p.row_id for p in pending if p.gid == change.global_id)
                store.bury(change.kind, change.global_id, row_id, change.stamp)
        try:
            written = folder.write_changes(device, tip, changes, bases)
        except (OSError, SyncError) as error:
            raise SyncFolderError(
                _("Could not write to the sync folder ({name}: "
                  "{error}). Nothing was sent; the "
                  "changes go out with the next sync.").format(
                      name=type(error).__name__, error=getattr(error, 'strerror', None) or error)
            ) from None
        store.clear_outbox()
        store.set_local("clock", str(clock.last))
        store.set_local("own", json.dumps(written.to_json()))
    return len(changes), written


def _take_in(
    journal: Journal,
    store: SyncStore,
    folder: SyncFolder,
    device: str,
    recorded: Cursor,
    tip: Cursor,
    now: int,
) -> SyncReport:
    """Read every computer's new files; merge them all in one transaction, or nothing."""
    cursors = _cursors(store)
    # This computer's own files from where the journal last knew them: a journal
    # restored from a backup takes back what it had sent since (merging is idempotent).
    cursors[device] = recorded
    read = folder.read(cursors)
    if read.rejected:
        return SyncReport(
            rejected=read.rejected,
            waiting=read.gaps,
            ignored=read.ignored,
            forked=read.forked,
            set_aside=read.set_aside,
        )
    # A computer dating its changes far ahead is refused alone: its cursor stays, so its
    # files are read again later; everyone else's are taken in.
    ahead = set(sync_peers.ahead_of(read.changes, device, now))
    too_far = sync_peers.too_far_ahead(read.changes, device, now)
    incoming = [c for c in read.changes if c.stamp.device not in ahead]
    # Changes taken in earlier that belong to a record not here then (its file came
    # later): merged again with everything else, until what they belong to is here.
    incoming += [Change.from_json(c) for c in json.loads(store.local(_WAITING) or "[]")]
    waiting: list[Change] = []
    replaced = [pair for b in read.batches if b.device not in ahead for pair in b.bases]
    by_record: dict[tuple[str, str], list[Change]] = {}
    for change in incoming:
        by_record.setdefault((change.kind, change.global_id), []).append(change)
    order = {table.name: i for i, table in enumerate(SYNCED_TABLES)}
    updated = kept = 0
    kinds: set[str] = set()
    ids: list[int] = []
    with transaction(journal._db):
        mark = store.outbox_mark()
        clock = _clock(store, device)
        for gid, stamp in replaced:
            store.supersede(gid, stamp)
        for (table, gid), changes in sorted(
            by_record.items(), key=lambda item: (order.get(item[0][0], len(order)), item[0][1])
        ):
            if table not in order:
                raise SyncFolderError(
                    _("Another computer sent records of a kind this version of ketajournal "
                      "does not know. Update ketajournal on this computer. Nothing was taken in.")
                )
            before = store.current(table, gid)
            for change in changes:
                base = change.fields.get(BASE) if change.fields is not None else None
                if isinstance(base, str):
                    store.supersede(gid, base)
            known = {str(c.stamp) for c in store.history(gid)}
            if before is not None:
                known.add(str(before.stamp))
            fresh = [c for c in changes if str(c.stamp) not in known]
            if not fresh:
                continue
            state = None if before is None else _state(before, store.history(gid))
            after = merge_record(state, fresh)
            try:
                if before is None or after.current.stamp != before.stamp:
                    try:
                        row_id = store.apply(after.current)
                    except NotHereYetError:
                        waiting.extend(fresh)
                        continue
                    _check_row(store, table, gid)
                    updated += 1
                    kinds.update(_ANNOUNCED.get(table, ()))
                    if table in _KIND_OF_TABLE:
                        kinds.add(_KIND_OF_TABLE[table])
                        if row_id is not None:
                            ids.append(row_id)
            except UnknownRecordError as error:
                raise SyncFolderError(
                    _("A change from another computer cannot be stored: {error}. Update "
                      "ketajournal on this computer. Nothing was taken in.").format(error=error)
                ) from None
            superseded = store.superseded(gid)
            for loser in after.history:
                if str(loser.stamp) not in superseded:
                    kept += store.keep_in_history(loser)
            for change in fresh:
                clock.receive(change.stamp, now)
        store.clear_outbox(after=mark)  # what taking in wrote is not a change of ours
        if waiting or store.local(_WAITING) is not None:
            store.set_local(_WAITING, json.dumps([c.to_json() for c in waiting]))
        store.set_local("clock", str(clock.last))
        new_cursors = {
            d: c for d, c in read.cursors.items() if d != device and d not in ahead
        }
        new_cursors = _cursors(store) | new_cursors
        store.set_local(
            "cursors", json.dumps({d: c.to_json() for d, c in sorted(new_cursors.items())})
        )
        own = read.cursors.get(device, tip)
        store.set_local("own", json.dumps(max(own, tip, key=lambda c: c.seq).to_json()))
        store.set_local("last_sync_ms", str(now))
    return SyncReport(
        rejected=too_far,
        clock_ahead=tuple(sorted(ahead)),
        received=len({(c.global_id, c.stamp) for c in incoming if c.device != device}),
        updated=updated,
        kept_in_history=kept,
        waiting=read.gaps,
        ignored=read.ignored,
        set_aside=read.set_aside,
        changed=JournalChange(frozenset(kinds), tuple(ids)),
        forked=read.forked,
    )


def _state(current: Change, history: Iterable[Change]) -> RecordState:
    return RecordState(current=current, history=tuple(history))


def _check_row(store: SyncStore, table: str, gid: str) -> None:
    """A row taken in must be a valid entry (the domain's checks), or nothing is."""
    kind = _KIND_OF_TABLE.get(table)
    row = store.row_by_gid(table, gid)
    if kind is None or row is None:
        return
    try:
        dataclasses.replace(MAPPINGS[kind].from_row(row))  # runs the entry's own checks
    except (ValueError, TypeError, KeyError):
        raise UnknownRecordError(_("a {value} entry that is not valid").format(
            value=kind.replace('_', ' '))) from None


def _compact(
    journal: Journal,
    store: SyncStore,
    folder: SyncFolder,
    device: str,
    cursors: Mapping[str, Cursor],
    compact_after: int,
) -> tuple[int, tuple[str, ...]]:
    """Snapshot and retire this computer's old files once every computer has read them."""
    own = _cursor(store, "own")
    own_dir = folder.device_dir(device)
    files = len(list(own_dir.glob("*.kjc"))) if own_dir.is_dir() else 0
    known = (set(folder.devices()) | set(cursors) | {device}) - set(folder.ring.removed)
    acks, _peers = folder.read_acks()
    acknowledged = {d: {o: c.seq for o, c in a.read.items()} for d, a in acks.items()}
    if files <= compact_after or own.seq == 0:
        plan = plan_retirement(device, 0, known, acknowledged)
        return 0, plan.unseen
    folder.write_snapshot(device, own, cursors, store.all_changes())
    plan = plan_retirement(device, own.seq, known, acknowledged)
    return folder.retire(device, plan.through), plan.unseen


# -- status, history -------------------------------------------------------------------------


def status(journal: Journal) -> SyncStatus:
    """Every computer in the folder, its name, when it last wrote there, and whether
    it was removed (reads the folder, writes nothing)."""
    journal_id = read_header(journal.paths.header).journal_id
    folder = SyncFolder.for_journal(
        _root(journal), journal.data_key, journal_id, key_ring(journal)
    )
    names = device_names(folder)
    removed = removed_computers(journal)
    store = _store(journal)
    device = device_id(journal)
    acks, _peers = folder.read_acks()
    former = set(sync_forks.former_ids(store))
    devices = []
    for name in sorted(set(folder.devices()) | set(_cursors(store)) | {device}):
        directory = folder.device_dir(name)
        files = sorted(directory.glob("*.kjc")) if directory.is_dir() else []
        wrote = [int(p.stat().st_mtime * 1000) for p in files[-1:]]
        if name in acks:
            wrote.append(acks[name].written_ms)
        devices.append(
            DeviceStatus(
                name,
                name == device,
                max(wrote, default=None),
                len(files),
                acknowledged=name in acks or name == device,
                former=name in former,
                name=names.get(name),
                removed_ms=removed.get(name),
            )
        )
    last = store.local("last_sync_ms")
    return SyncStatus(folder.root, device, None if last is None else int(last), tuple(devices))


def describe(status: SyncStatus, now_ms: int) -> str:
    """The status line: "Synced with 2 computers, 1 min ago" (or "Not synced yet")."""
    if status.last_sync_ms is None:
        return _("Not synced yet.")
    minutes = max(0, now_ms - status.last_sync_ms) // 60_000
    if minutes < 1:
        ago = _("just now")
    elif minutes < 60:
        ago = _("{n} min ago").format(n=minutes)
    elif minutes < 48 * 60:
        hours = minutes // 60
        ago = ngettext("{n} hour ago", "{n} hours ago", hours).format(n=hours)
    else:
        days = minutes // (24 * 60)
        ago = ngettext("{n} day ago", "{n} days ago", days).format(n=days)
    if status.others == 0:
        return _("Synced {ago}; no other computer has joined yet.").format(ago=ago)
    return ngettext("Synced with {n} computer, {ago}.", "Synced with {n} computers, {ago}.",
                    status.others).format(n=status.others, ago=ago)


def history(journal: Journal) -> list[RecordHistory]:
    """Every record with earlier versions kept (the losers of concurrent edits)."""
    store = _store(journal)
    out = []
    for table, gid in store.records_with_history():
        current = store.current(table, gid)
        row = store.row_by_gid(table, gid)
        versions = [
            Version(c.stamp, c.op is Op.DELETE, _shown(c.fields), False)
            for c in store.history(gid)
        ]
        if current is not None:
            versions.append(
                Version(current.stamp, current.op is Op.DELETE, _shown(current.fields), True)
            )
        kind = _KIND_OF_TABLE.get(table, table)
        # Tables without an ``id`` (tags on entries, factor values, settings): no entry id.
        entry_id = None if row is None or row.get("id") is None else int(row["id"])
        out.append(RecordHistory(kind, entry_id, gid, tuple(versions)))
    return out


def _shown(fields: Mapping[str, JsonValue] | None) -> Mapping[str, JsonValue] | None:
    """A version's fields as the patient sees them (without the sync bookkeeping)."""
    return None if fields is None else {k: v for k, v in fields.items() if k != BASE}


def restore_version(journal: Journal, global_id: str, stamp: str) -> JournalChange:
    """Make the kept version ``stamp`` of ``global_id`` the record's version again.

    It is a new local edit (sent with the next sync, stamped now), so it wins on
    every computer; the version it replaces is kept in the history in turn.
    """
    store = _store(journal)
    for record in history(journal):
        if record.global_id != global_id:
            continue
        for version in record.versions:
            if str(version.stamp) != stamp or version.current:
                continue
            table = next(t for t, g in store.records_with_history() if g == global_id)
            current = store.current(table, global_id)
            with transaction(journal._db):
                if current is not None:
                    store.keep_in_history(current)
                if version.deleted or version.fields is None:
                    store.delete_row(table, global_id)
                else:
                    # Applied under its old stamp; the triggers note it as a local
                    # edit, so the next sync sends it with a new stamp that wins.
                    store.apply(
                        Change(global_id, table, version.stamp, Op.UPSERT, version.fields)
                    )
            kind = _KIND_OF_TABLE.get(table, table)
            return JournalChange.of(kind, *([record.entry_id] if record.entry_id else []))
    raise ValidationError(
        "stamp", _("must be the stamp of a kept version (see: ketajournal sync history)")
    )
