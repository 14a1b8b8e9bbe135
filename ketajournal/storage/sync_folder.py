"""The sync folder on disk: per-device, append-only, encrypted and chained change files.

Layout (docs/sync.md has the full design)::

    <folder>/
      <device-id>/                    written only by that device
        00000001.kjc                  change files: a batch of changes each,
        00000002.kjc                  numbered from 1 without gaps
        acks.kja                      what this device has read of the others
        journal.header                a copy of the journal header (for joining)
        snapshot-00000002.kjs         the whole merged state, for compaction
        device.kjp                    this device's public key, for new sync keys
        epoch-00000002.kje            a key epoch this device started (a removal)

Every file is sealed (:mod:`ketajournal.storage.sealed_files`: the header, the
encryption bound to journal and device, the hash chain's :class:`Cursor`, the key).

Reading is strict about what it applies and lenient about what it ignores:
conflict copies, partial downloads and foreign names are counted and left
alone; a file that fails its check stops that device's reading *at* that file
(nothing from it or after it is returned, and the message names the file, never
its content); a missing number stops the device at the gap until it arrives.

A device's log can *fork*: a journal copied by hand to a second computer writes
under the same device id, so two valid files can claim one number. A fork is not
a refusal (it would stall every reader): the reader follows the chain the folder
holds — if the file at its cursor was replaced by the other branch, it reads that
device again from the start (merging is idempotent, so what it read of the first
branch stays) — and ignores files that do not follow the chain it is on. Only
under the current key, though: once a key is retired (a computer was removed, which
still holds it), a replaced or non-following file sealed with it is refused and a
snapshot numbered 0 sealed with it is not taken in. The computer that wrote the other
branch takes a new device id (:mod:`ketajournal.services.sync_forks`): nothing is lost.

It is one piece: writing and reading share the layout, the names and the chain's
checks (what a read returns is in :mod:`ketajournal.storage.sync_reads`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ketajournal.domain.hlc import Stamp, is_device_id
from ketajournal.domain.ids import is_global_id
from ketajournal.domain.merge import Change
from ketajournal.platform.files import atomic_path
from ketajournal.storage.sealed_files import (
    NO_DIGEST,
    START,
    Cursor,
    FileType,
    KeyRing,
    RejectedFileError,
    SealedHeader,
    Sealer,
    UnknownEpochError,
    change_file_name,
    derive_sync_key,
    snapshot_file_name,
)
from ketajournal.storage.sync_reads import (
    Acks,
    Batch,
    DeviceRead,
    FolderRead,
    Ignored,
    Snapshot,
    is_partial_name,
)

#: Nothing the app writes comes near this; a bigger file is refused unread.
MAX_FILE_BYTES = 64 * 1024 * 1024
ACKS_NAME = "acks.kja"
#: Each device's copy of the journal header (the wrapped key a joining computer unwraps).
HEADER_COPY_NAME = "journal.header"
#: Each device's public key for receiving new sync keys (services/sync_keys.py).
DEVICE_KEY_NAME = "device.kjp"

_CHANGE_NAME = re.compile(r"(\d{8})\.kjc")
_SNAPSHOT_NAME = re.compile(r"snapshot-(\d{8})\.kjs")
_EPOCH_NAME = re.compile(r"epoch-(\d{8})\.kje")
# A copy a sync engine made of one of our names: Syncthing ".sync-conflict-…",
# Dropbox/Nextcloud " (… conflicted copy …)", OneDrive "-COMPUTERNAME", "name (1)".
_CONFLICT_NAME = re.compile(r"(\d{8}|snapshot-\d{8}|acks)[ .(_-].*\.(kjc|kjs|kja)")
_CHANGE_COPY = re.compile(r"(\d{8})[ .(_-].*\.kjc")


class SyncError(Exception):
    """The sync folder cannot be written as asked (the message names no content)."""


class _NotFollowingError(RejectedFileError):
    """A valid file of the device that chains to another file than the one before it."""


class SyncFolder:
    """One journal's sync folder: writes this device's files, reads everyone's.

    ``key`` is the sync key of epoch 1 (:func:`derive_sync_key`); ``ring`` holds
    the keys of later epochs and what the retired ones may still open (none: only
    epoch 1 so far); ``journal_id`` binds every file to its journal. Use
    :meth:`for_journal` to derive the key.
    """

    def __init__(
        self, root: Path, key: bytes, journal_id: str, ring: KeyRing | None = None
    ) -> None:
        self._sealer = Sealer(key, journal_id, ring)
        self.ring = self._sealer.ring
        self.root = root
        self.journal_id = journal_id

    @classmethod
    def for_journal(
        cls, root: Path, data_key: bytes, journal_id: str, ring: KeyRing | None = None
    ) -> SyncFolder:
        """The sync folder at ``root`` of the journal with this data key and id."""
        return cls(root, derive_sync_key(data_key, journal_id), journal_id, ring)

    # -- key files (services/sync_keys.py gives them their meaning) -------------

    def epoch_records(self) -> list[tuple[int, str, Path]]:
        """Every ``epoch-N.kje`` in the folder: (epoch, writing device, path), by epoch."""
        found = []
        for device in self.devices():
            directory = self.device_dir(device)
            for path in directory.iterdir():
                if (m := _EPOCH_NAME.fullmatch(path.name)) and path.is_file():
                    found.append((int(m[1]), device, path))
        return sorted(found)

    def write_epoch_record(self, device: str, epoch: int, payload: object) -> Path:
        """Write the record that starts ``epoch`` into ``device``'s folder, sealed with
        the key of the epoch before (every computer that may receive the new key has it)."""
        data = self._sealer.seal_in(epoch - 1, device, FileType.EPOCH, epoch, NO_DIGEST, payload)
        target = self.device_dir(device) / f"epoch-{epoch:08d}.kje"
        self._write_new(target, data)
        return target

    def open_epoch_record(self, device: str, path: Path) -> tuple[SealedHeader, object, bytes]:
        """The header, payload and SHA-256 of an epoch record; RejectedFileError if it fails."""
        label = f"{device}/{path.name}"
        data = self._read_bytes(label, path)
        header, payload = self._sealer.open(label, device, FileType.EPOCH, data)
        match = _EPOCH_NAME.fullmatch(path.name)
        if match is None or header.seq != int(match[1]) or header.epoch != header.seq - 1:
            raise RejectedFileError(
                f"{label}: its number differs from its name (a renamed or replayed file)"
            )
        return header, payload, hashlib.sha256(data).digest()

    def write_device_key(self, device: str, payload: object) -> None:
        """Replace ``device``'s public-key file, sealed in the current epoch."""
        target = self.device_dir(device) / DEVICE_KEY_NAME
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = self._sealer.seal(device, FileType.DEVICE_KEY, 0, NO_DIGEST, payload)
        with atomic_path(target) as tmp:
            tmp.write_bytes(data)

    def read_device_key(self, device: str) -> tuple[int, object] | None:
        """The epoch and payload of ``device``'s public-key file; None if absent.

        RejectedFileError if it fails its check (UnknownEpochError: sealed in an
        epoch this computer has no key for).
        """
        path = self.device_dir(device) / DEVICE_KEY_NAME
        if not path.is_file():
            return None
        label = f"{device}/{DEVICE_KEY_NAME}"
        header, payload = self._sealer.open(
            label, device, FileType.DEVICE_KEY, self._read_bytes(label, path)
        )
        return header.epoch, payload

    # -- listing -------------------------------------------------------------

    def device_dir(self, device: str) -> Path:
        """The folder holding ``device``'s files (ValueError for an invalid device id)."""
        if not is_device_id(device):
            raise ValueError("not a device id")
        return self.root / device

    def devices(self) -> list[str]:
        """The device ids that have a folder here, sorted."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and is_device_id(p.name))

    def stray_names(self) -> Ignored:
        """Names at the top of the folder that are not device folders (counted, ignored)."""
        if not self.root.is_dir():
            return Ignored()
        counts = Ignored()
        for path in self.root.iterdir():
            name = path.name
            if path.is_dir() and is_device_id(name):
                continue
            if is_partial_name(name):
                counts += Ignored(partial=1)
            elif path.is_dir() and _looks_like_copy_of_device(name):
                counts += Ignored(conflict_copies=1)
            else:
                counts += Ignored(unknown=1)
        return counts

    def _scan(self, device: str) -> tuple[dict[int, Path], dict[int, Path], list[Path], Ignored]:
        """Change files and snapshots by number, conflict copies, and other names."""
        changes: dict[int, Path] = {}
        snapshots: dict[int, Path] = {}
        copies: list[Path] = []
        counts = Ignored()
        directory = self.device_dir(device)
        if not directory.is_dir():
            return changes, snapshots, copies, counts
        for path in directory.iterdir():
            name = path.name
            if m := _CHANGE_NAME.fullmatch(name):
                if int(m[1]) >= 1 and path.is_file():
                    changes[int(m[1])] = path
                    continue
            elif m := _SNAPSHOT_NAME.fullmatch(name):
                if path.is_file():
                    snapshots[int(m[1])] = path
                    continue
            elif (
                name in (ACKS_NAME, HEADER_COPY_NAME, DEVICE_KEY_NAME)
                or _EPOCH_NAME.fullmatch(name)
            ) and path.is_file():
                continue
            if is_partial_name(name):
                counts += Ignored(partial=1)
            elif _CONFLICT_NAME.fullmatch(name):
                copies.append(path)
            else:
                counts += Ignored(unknown=1)
        return changes, snapshots, copies, counts

    # -- writing (only ever into this device's own folder) ---------------------

    def _write_new(self, target: Path, data: bytes) -> None:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if target.exists():
            raise SyncError(f"{target.parent.name}/{target.name} exists already")
        with atomic_path(target) as tmp:
            tmp.write_bytes(data)

    def write_changes(
        self,
        device: str,
        after: Cursor,
        changes: Iterable[Change],
        bases: Iterable[tuple[str, str]] = (),
    ) -> Cursor:
        """Append one change file to ``device``'s folder, chained to ``after``.

        ``bases`` names, for deletions, the version each replaced (see :class:`Batch`).

        ``after`` is this device's last written file (:data:`START` before the
        first); call :meth:`own_tip` first after a crash. Every change must be
        stamped by ``device``. The file appears atomically (temporary file
        beside it, fsync, rename) and is never overwritten: SyncError if its
        number is taken. Returns the cursor of the new file.
        """
        batch = list(changes)
        if not batch:
            raise ValueError("a change file holds at least one change")
        if any(c.device != device for c in batch):
            raise ValueError("a device writes only its own changes")
        seq = after.seq + 1
        payload: dict[str, object] = {"changes": [c.to_json() for c in batch]}
        replaced = [[gid, stamp] for gid, stamp in bases]
        if replaced:
            payload["bases"] = replaced
        data = self._sealer.seal(device, FileType.CHANGES, seq, after.digest, payload)
        self._write_new(self.device_dir(device) / change_file_name(seq), data)
        return Cursor(seq, hashlib.sha256(data).digest())

    def own_tip(self, device: str, recorded: Cursor) -> Cursor:
        """Where ``device`` (this computer) must continue writing.

        ``recorded`` is the last file the local journal knows it wrote. Files
        written after it but not recorded (a crash between the rename and the
        local commit) are verified and skipped over — their changes are still
        pending locally and will simply be written again, which merging
        tolerates. Raises SyncError if the folder's copy of this device's files
        contradicts ``recorded`` (another computer writes under the same id).
        """
        result = self.read_device(device, recorded)
        if result.rejected or result.forked:
            raise SyncError(
                "this device's files in the sync folder do not match the journal: "
                + "; ".join(result.rejected or ("another history under this id",))
            )
        return result.cursor

    def change_numbers(self, device: str) -> frozenset[int]:
        """The numbers of ``device``'s change files in the folder."""
        return frozenset(self._scan(device)[0])

    def newest_snapshot(self, device: str) -> int:
        """The number of ``device``'s newest snapshot (0 without one)."""
        return max(self._scan(device)[1], default=0)

    def foreign_copies(self, device: str) -> int:
        """How many conflict copies in ``device``'s folder are valid change files of
        ``device`` that differ from the file of their number: a second writer under
        this id (a journal copied by hand), since a device never rewrites its files."""
        changes_at, _, copies, _ = self._scan(device)
        found = 0
        for path in copies:
            match = _CHANGE_COPY.match(path.name)
            if match is None:
                continue
            seq = int(match[1])
            label = f"{device}/{path.name}"
            try:
                data = self._read_bytes(label, path)
                header, _ = self._sealer.open(label, device, FileType.CHANGES, data)
            except RejectedFileError:
                continue  # damaged or still arriving: not evidence of anything
            original = changes_at.get(seq)
            with contextlib.suppress(OSError):
                if header.seq == seq and (original is None or original.read_bytes() != data):
                    found += 1
        return found

    def write_acks(self, device: str, read: Mapping[str, Cursor], now_ms: int) -> None:
        """Replace ``device``'s acknowledgement file: how far it has read each device."""
        payload = {
            "read": {d: c.to_json() for d, c in sorted(read.items()) if d != device},
            "written_ms": now_ms,
        }
        target = self.device_dir(device) / ACKS_NAME
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = self._sealer.seal(device, FileType.ACKS, 0, NO_DIGEST, payload)
        with atomic_path(target) as tmp:
            tmp.write_bytes(data)

    def write_snapshot(
        self, device: str, own: Cursor, cursors: Mapping[str, Cursor], changes: Iterable[Change]
    ) -> Path:
        """Write ``device``'s snapshot: every change of its merged state, and how far
        that state covers each device (``own`` for itself, ``cursors`` for others).

        ``changes`` must be the whole state (:func:`~ketajournal.domain.merge.all_changes`),
        history included, or a device that joins later would miss it. Older
        snapshots of ``device`` are removed once the new one is in place.
        """
        covered = {d: c for d, c in cursors.items() if d != device}
        covered[device] = own
        payload = {
            "cursors": {d: c.to_json() for d, c in sorted(covered.items())},
            "changes": [c.to_json() for c in changes],
        }
        data = self._sealer.seal(device, FileType.SNAPSHOT, own.seq, own.digest, payload)
        target = self.device_dir(device) / snapshot_file_name(own.seq)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with atomic_path(target) as tmp:
            tmp.write_bytes(data)
        _, snapshots, _, _ = self._scan(device)
        for seq, path in snapshots.items():
            if seq < own.seq:
                path.unlink(missing_ok=True)
        return target

    def retire(self, device: str, through: int) -> int:
        """Delete ``device``'s own change files numbered up to ``through``; return how many.

        Refuses (SyncError) unless a snapshot of ``device`` covers them: decide
        ``through`` with :func:`plan_retirement`. Oldest files go first, so an
        interruption leaves an unbroken run of later files.
        """
        changes, snapshots, _, _ = self._scan(device)
        if through > 0 and not any(seq >= through for seq in snapshots):
            raise SyncError("no snapshot covers the files to retire")
        removed = 0
        for seq in sorted(changes):
            if seq <= through:
                changes[seq].unlink(missing_ok=True)
                removed += 1
        return removed

    # -- reading ---------------------------------------------------------------

    def _read_bytes(self, label: str, path: Path) -> bytes:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise RejectedFileError(f"{label}: the file is too large")
            return path.read_bytes()
        except OSError:
            raise RejectedFileError(f"{label}: the file could not be read") from None

    def read_device(self, device: str, cursor: Cursor = START) -> DeviceRead:
        """Read ``device``'s change files after ``cursor``, in order, verifying each.

        Reading stops at the first file that is missing (a gap: later files
        wait), or that fails a check (a rejection: nothing of it is returned).
        The file at ``cursor`` itself, if still there, must be unchanged; if it
        was replaced by a valid file of another branch (a forked log), the device
        is read again from the start along the chain the folder holds. A valid file
        that does not follow ends the read without a refusal (``forked``).
        """
        changes_at, _, copies, counts = self._scan(device)
        counts += self._classify_copies(device, copies, changes_at)
        rejected: list[str] = []
        batches: list[Batch] = []
        forked = False
        set_aside = 0
        if device in self.ring.removed:
            # A removed computer's files after its removal are not even opened.
            last = self.ring.removed[device]
            set_aside = sum(1 for n in changes_at if n > max(last, cursor.seq))
            changes_at = {n: p for n, p in changes_at.items() if n <= last}
        seq, prev = cursor.seq, cursor.digest
        seen = changes_at.get(seq) if seq > 0 else None
        if seen is not None:
            label = f"{device}/{seen.name}"
            try:
                data = self._read_bytes(label, seen)
                if hashlib.sha256(data).digest() != prev:
                    try:
                        self._open_change_file(label, device, seq, None, data)
                    except RejectedFileError:
                        raise RejectedFileError(
                            f"{label}: changed after it was read (replaced or "
                            "rewritten); nothing after it is taken in"
                        ) from None
                    header, _ = self._sealer.open(label, device, FileType.CHANGES, data)
                    if header.epoch != self.ring.current:
                        # Files sealed with a retired key are never read again: a removed
                        # computer still holds that key and could write this one.
                        raise RejectedFileError(
                            f"{label}: changed after it was read, and sealed with a retired "
                            "sync key; nothing after it is taken in"
                        )
                    # Whole, valid and under the current key: another branch of this log.
                    return dataclasses.replace(self.read_device(device, START), forked=True)
            except RejectedFileError as problem:
                rejected.append(str(problem))
        unknown_key = False
        while not rejected and seq + 1 in changes_at:
            path = changes_at[seq + 1]
            label = f"{device}/{path.name}"
            try:
                data = self._read_bytes(label, path)
                batch = self._open_change_file(label, device, seq + 1, prev, data)
            except _NotFollowingError:
                forked = True  # another branch: the chain read so far is kept
                break
            except UnknownEpochError:
                unknown_key = True  # its key has not arrived: wait, like a gap
                break
            except RejectedFileError as problem:
                rejected.append(str(problem))
                break
            if batch is None:
                set_aside += 1
            else:
                batches.append(batch)
            seq, prev = seq + 1, hashlib.sha256(data).digest()
        waiting = sum(1 for n in changes_at if n > seq)
        stopped = unknown_key or seq + 1 not in changes_at
        gap_at = seq + 1 if waiting and not rejected and not forked and stopped else None
        return DeviceRead(
            device,
            tuple(batches),
            Cursor(seq, prev),
            tuple(rejected),
            gap_at,
            waiting,
            counts,
            forked=forked,
            set_aside=set_aside,
        )

    def _retired_past(self, device: str, seq: int) -> bool:
        """True if ``device``'s file ``seq + 1`` is gone because a snapshot replaced it."""
        changes_at, snapshots, _, _ = self._scan(device)
        return seq + 1 not in changes_at and max(snapshots, default=0) > seq

    def _open_change_file(
        self, label: str, device: str, seq: int, prev: bytes | None, data: bytes
    ) -> Batch | None:
        """The verified batch of a change file (``prev`` None accepts any previous
        file); None when it is verified but set aside (sealed with a retired key after
        that key's removal, see :class:`KeyRing`)."""
        header, payload = self._sealer.open(label, device, FileType.CHANGES, data)
        if header.seq != seq:
            raise RejectedFileError(
                f"{label}: its number differs from its name (a renamed or replayed file)"
            )
        if prev is not None and header.prev != prev and header.epoch != self.ring.current:
            raise RejectedFileError(
                f"{label}: does not follow this device's previous file and is sealed with a "
                "retired sync key (out of chain or replayed); nothing after it is taken in"
            )
        if prev is not None and header.prev != prev:
            raise _NotFollowingError(
                f"{label}: does not follow this device's previous file (out of chain or replayed)"
            )
        try:
            if not isinstance(payload, dict) or not isinstance(payload.get("changes"), list):
                raise ValueError("no changes")
            changes = tuple(Change.from_json(item) for item in payload["changes"])
            bases = _bases(payload.get("bases", []))
        except ValueError:
            raise RejectedFileError(f"{label}: its content is not readable") from None
        if any(c.device != device for c in changes):
            raise RejectedFileError(f"{label}: holds changes stamped by another device")
        if not self.ring.accepts(device, header.epoch, seq):
            return None
        return Batch(device, seq, changes, bases)

    def _classify_copies(
        self, device: str, copies: list[Path], originals: Mapping[int, Path]
    ) -> Ignored:
        """Conflict copies byte-identical to the file they copy are duplicates."""
        counts = Ignored()
        for path in copies:
            match = re.match(r"(\d{8})", path.name)
            original = originals.get(int(match[1])) if match else None
            same = False
            if original is not None:
                with contextlib.suppress(OSError):
                    same = path.read_bytes() == original.read_bytes()
            counts += Ignored(duplicates=1) if same else Ignored(conflict_copies=1)
        return counts

    def read_snapshots(self) -> tuple[list[Snapshot], list[str]]:
        """Every device's newest readable snapshot, and messages for the ones rejected."""
        found: list[Snapshot] = []
        rejected: list[str] = []
        for device in self.devices():
            _, snapshots, _, _ = self._scan(device)
            for seq in sorted(snapshots, reverse=True):
                label = f"{device}/{snapshots[seq].name}"
                try:
                    snapshot = self._open_snapshot(label, device, seq, snapshots[seq])
                except UnknownEpochError:
                    continue  # its key has not arrived yet: an older one may do
                except RejectedFileError as problem:
                    rejected.append(str(problem))
                    continue
                if snapshot is not None:
                    found.append(snapshot)
                    break
        return found, rejected

    def _open_snapshot(self, label: str, device: str, seq: int, path: Path) -> Snapshot | None:
        """The verified snapshot; None when sealed with a retired key after its removal."""
        header, payload = self._sealer.open(
            label, device, FileType.SNAPSHOT, self._read_bytes(label, path)
        )
        try:
            if not isinstance(payload, dict):
                raise ValueError("not an object")
            raw_cursors, raw_changes = payload.get("cursors"), payload.get("changes")
            if not isinstance(raw_cursors, dict) or not isinstance(raw_changes, list):
                raise ValueError("no cursors or changes")
            cursors = {str(d): Cursor.from_json(c) for d, c in raw_cursors.items()}
            if not all(is_device_id(d) for d in cursors):
                raise ValueError("not a device id")
            changes = tuple(Change.from_json(item) for item in raw_changes)
        except ValueError:
            raise RejectedFileError(f"{label}: its content is not readable") from None
        own = cursors.get(device)
        if header.seq != seq or own is None or own != Cursor(header.seq, header.prev):
            raise RejectedFileError(
                f"{label}: its number differs from its name (a renamed or replayed file)"
            )
        if not self.ring.accepts(device, header.epoch, seq) or (
            seq == 0 and header.epoch != self.ring.current
        ):
            # A hand-over snapshot (numbered 0) counts only under the current key: a
            # removed computer still holds the retired ones and could write it.
            return None
        return Snapshot(device, seq, cursors, changes)

    def read_acks(self) -> tuple[dict[str, Acks], list[str]]:
        """Every device's acknowledgements, and messages for the files rejected."""
        found: dict[str, Acks] = {}
        rejected: list[str] = []
        for device in self.devices():
            path = self.device_dir(device) / ACKS_NAME
            if not path.is_file():
                continue
            label = f"{device}/{ACKS_NAME}"
            try:
                data = self._read_bytes(label, path)
                header, payload = self._sealer.open(label, device, FileType.ACKS, data)
                if not isinstance(payload, dict):
                    raise ValueError("not an object")
                raw, written = payload.get("read"), payload.get("written_ms")
                if not isinstance(raw, dict) or not isinstance(written, int):
                    raise ValueError("no acknowledgements")
                read = {str(d): Cursor.from_json(c) for d, c in raw.items()}
            except UnknownEpochError:
                continue  # written with a key that has not arrived yet
            except RejectedFileError as problem:
                rejected.append(str(problem))
                continue
            except ValueError:
                rejected.append(f"{label}: its content is not readable")
                continue
            found[device] = Acks(device, read, written, header.epoch)
        return found, rejected

    def read(self, cursors: Mapping[str, Cursor], *, skip: str | None = None) -> FolderRead:
        """Read every device after its cursor (``skip`` is this device: its own changes
        are already local).

        A device whose next file was retired by compaction is caught up from a
        snapshot that covers it: that snapshot's whole state is returned and the
        cursors of every device it covers move forward to its own. Merging is
        idempotent, so overlap between snapshots and files costs nothing.

        A device read from the start brings its newest snapshot too (no cursor
        moves for it): a computer that took a new device id after its log forked
        writes what it had as a snapshot numbered 0
        (:mod:`ketajournal.services.sync_forks`), which every reader takes in once.
        """
        current = {d: cursors.get(d, START) for d in self.devices() if d != skip}
        current.update({d: c for d, c in cursors.items() if d not in current and d != skip})
        reads = {d: self.read_device(d, current[d]) for d in sorted(current)}
        used: list[Snapshot] = []
        rejected: list[str] = []
        retired = {d for d, r in reads.items() if self._retired_past(d, r.cursor.seq)}
        handed_over = {d for d, c in current.items() if c.seq == 0 and self._scan(d)[1]}
        if retired or handed_over:
            snapshots, problems = self.read_snapshots()
            rejected.extend(problems)
            used = [
                s
                for s in snapshots
                if any(s.cursors.get(d, START).seq > reads[d].cursor.seq for d in retired)
                or s.device in handed_over
            ]
            best: dict[str, Cursor] = {}
            for snapshot in used:
                for d, c in snapshot.cursors.items():
                    if d != skip and c.seq > best.get(d, START).seq:
                        best[d] = c
            for d, c in sorted(best.items()):
                before = reads.get(d)
                if before is not None and c.seq <= before.cursor.seq:
                    continue
                after = self.read_device(d, c)
                if before is not None:
                    after = DeviceRead(
                        d,
                        before.batches + after.batches,
                        after.cursor,
                        before.rejected + after.rejected,
                        after.gap_at,
                        after.waiting,
                        after.ignored,
                        forked=before.forked or after.forked,
                        set_aside=before.set_aside + after.set_aside,
                    )
                reads[d] = after
        batches = tuple(b for d in sorted(reads) for b in reads[d].batches)
        ignored = self.stray_names()
        for r in reads.values():
            ignored += r.ignored
            rejected.extend(r.rejected)
        return FolderRead(
            batches=batches,
            cursors={d: r.cursor for d, r in reads.items()},
            snapshots=tuple(used),
            rejected=tuple(rejected),
            gaps={d: r.gap_at for d, r in reads.items() if r.gap_at is not None},
            ignored=ignored,
            forked=tuple(d for d in sorted(reads) if reads[d].forked),
            set_aside={d: r.set_aside for d, r in reads.items() if r.set_aside},
        )


def _bases(raw: object) -> tuple[tuple[str, str], ...]:
    """The ``bases`` member of a change file: ``[[global id, stamp], ...]``."""
    if not isinstance(raw, list):
        raise ValueError("bases are a list")
    out = []
    for item in raw:
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)
                ):
            raise ValueError("a base is [global id, stamp]")
        gid, stamp = item
        if not is_global_id(gid):
            raise ValueError("not a global id")
        out.append((gid, str(Stamp.parse(stamp))))
    return tuple(out)


def _looks_like_copy_of_device(name: str) -> bool:
    return bool(re.match(r"[0-9a-z][0-9a-z-]{0,63}[ .(_]", name))
