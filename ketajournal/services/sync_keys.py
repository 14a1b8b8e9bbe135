"""The sync key's epochs: per-computer key pairs, a new epoch when a computer is removed.

Every journal starts in key epoch 1, whose sync key is derived from the data key
(:func:`~ketajournal.storage.sealed_files.derive_sync_key`). Removing a computer
(:func:`start_epoch`) makes a fresh random key for epoch n+1 and writes an *epoch
record* (``epoch-N.kje``) into this computer's sub-folder, sealed with the key of
epoch n. The record names the removed computer and when, the last change file of
every computer that counts under the old key (the *cutoffs*), and the new key wrapped
twice over:

* for each remaining computer, under its X25519 public key (``device.kjp``, which
  every computer publishes in its sub-folder, sealed in its current epoch; the
  private half stays in the local journal, ``sync_local``), through an ephemeral
  X25519 exchange, HKDF-SHA256 and AES-256-GCM;
* for computers that join later, under the recovery key or the passphrase that
  confirmed the removal (the header's key wraps, :mod:`ketajournal.platform.crypto`).

:func:`open_folder` is how every sync opens the folder: it takes in new epoch
records (stopping with :class:`ComputerRemovedError` on the computer a record
removes), publishes this computer's public key, and sends again under the new key
whatever this computer wrote under the old one after the removal (those files are
set aside by everyone, docs/sync.md). docs/security.md says what this protects.
"""

from __future__ import annotations

import dataclasses
import json
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ketajournal.domain.dates import format_date
from ketajournal.domain.hlc import is_device_id
from ketajournal.domain.merge import Change
from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.platform.crypto import (
    Kdf,
    RecoveryCode,
    UnwrapError,
    parse_recovery_code,
    unwrap_key,
)
from ketajournal.services.journal import Journal
from ketajournal.services.sync_forks import PINS_KEY, PRIVATE_KEY_KEY
from ketajournal.storage.connection import transaction
from ketajournal.storage.header import read_header, wrap_from_json
from ketajournal.storage.sealed_files import (
    FIRST_EPOCH,
    START,
    SYNC_KEY_BYTES,
    Cursor,
    KeyRing,
    RejectedFileError,
)
from ketajournal.storage.sync_folder import SyncError, SyncFolder
from ketajournal.storage.sync_store import SyncStore

_WRAP_INFO = b"ketajournal sync key wrap, format 1\x00"
_LOCAL_PRIVATE = PRIVATE_KEY_KEY
_LOCAL_EPOCHS = "epochs"
_LOCAL_PINS = PINS_KEY
_LOCAL_RESEND = "resend_after"


class ComputerRemovedError(KnownError):
    """This computer was removed from the sync folder by another one."""

    def __init__(self, when_ms: int) -> None:
        self.when_ms = when_ms
        # The local date, as Settings shows it.
        day = format_date(datetime.fromtimestamp(when_ms / 1000).astimezone().date())
        super().__init__(
            _("This computer was removed from sync on {day}. Nothing was changed here: this "
              "journal keeps everything it had, but it no longer syncs. To sync it again, "
              "join the folder afresh with the recovery key: ketajournal sync join DIR --home "
              "NEW-FOLDER --password-file FILE.").format(day=day)
        )


class SyncKeyError(KnownError):
    """A key file in the sync folder cannot be used (the message names no content)."""


@dataclass(frozen=True)
class Epoch:
    """An epoch this computer has taken in: its key and what its record said."""

    number: int
    key: bytes
    record: str  # SHA-256 of the record file, hex: a second record for one epoch differs
    by: str
    removed: str
    removed_ms: int
    cutoffs: Mapping[str, int]

    def to_json(self) -> dict[str, object]:
        """The form kept in ``sync_local``."""
        return {
            "key": self.key.hex(),
            "record": self.record,
            "by": self.by,
            "removed": self.removed,
            "removed_ms": self.removed_ms,
            "cutoffs": dict(self.cutoffs),
        }

    @classmethod
    def from_json(cls, number: int, data: Mapping[str, object]) -> Epoch:
        """The epoch stored by :meth:`to_json`."""
        cutoffs = data["cutoffs"]
        assert isinstance(cutoffs, dict)
        return cls(
            number,
            bytes.fromhex(str(data["key"])),
            str(data["record"]),
            str(data["by"]),
            str(data["removed"]),
            int(str(data["removed_ms"])),
            {str(d): int(s) for d, s in cutoffs.items()},
        )


# -- local state -------------------------------------------------------------------------


def _store(journal: Journal) -> SyncStore:
    return SyncStore(journal._db)  # the journal's own connection: one writer


def epochs(journal: Journal) -> list[Epoch]:
    """Every epoch after the first that this computer has taken in, oldest first."""
    value = _store(journal).local(_LOCAL_EPOCHS)
    raw = {} if value is None else json.loads(value)
    ordered = sorted(raw.items(), key=lambda item: int(item[0]))
    return [Epoch.from_json(int(n), data) for n, data in ordered]


def removed_computers(journal: Journal) -> dict[str, int]:
    """Every computer removed from this journal's sync, with when (ms since the epoch)."""
    return {e.removed: e.removed_ms for e in epochs(journal)}


def key_ring(journal: Journal) -> KeyRing:
    """The keys this computer holds and what the retired ones may still open."""
    known = epochs(journal)
    removed: dict[str, int] = {}
    for e in known:
        removed[e.removed] = e.cutoffs.get(e.removed, 0)
    return KeyRing(
        keys={e.number: e.key for e in known},
        current=max([FIRST_EPOCH, *(e.number for e in known)]),
        cutoffs={e.number - 1: dict(e.cutoffs) for e in known},
        removed=removed,
    )


def keep_epoch(journal: Journal, epoch: Epoch) -> None:
    """Keep ``epoch`` (its key and record) in this journal's ``sync_local`` (one transaction)."""
    store = _store(journal)
    value = store.local(_LOCAL_EPOCHS)
    raw = {} if value is None else json.loads(value)
    raw[str(epoch.number)] = epoch.to_json()
    store.set_local(_LOCAL_EPOCHS, json.dumps(raw, sort_keys=True))


def private_key(journal: Journal) -> X25519PrivateKey:
    """This computer's X25519 private key, made on first use (kept in the encrypted journal)."""
    store = _store(journal)
    value = store.local(_LOCAL_PRIVATE)
    if value is not None:
        return X25519PrivateKey.from_private_bytes(bytes.fromhex(value))
    key = X25519PrivateKey.generate()
    with transaction(journal._db):
        store.set_local(_LOCAL_PRIVATE, key.private_bytes_raw().hex())
    return key


def public_hex(key: X25519PrivateKey) -> str:
    return key.public_key().public_bytes_raw().hex()


# -- wrapping ------------------------------------------------------------------------------


def wrap_info(journal_id: str, device: str, epoch: int) -> bytes:
    """What a new key's wrap for ``device`` is bound to (HKDF info and associated data)."""
    return _WRAP_INFO + f"{journal_id}\x00{device}\x00{epoch}".encode()


def wrap_for(public: X25519PublicKey, key: bytes, info: bytes) -> dict[str, str]:
    """``key`` wrapped for the holder of ``public``: ephemeral X25519, HKDF-SHA256, AES-GCM."""
    ephemeral = X25519PrivateKey.generate()
    kek = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(
        ephemeral.exchange(public)
    )
    nonce = AESGCM.generate_key(bit_length=128)[:12]
    return {
        "ephemeral": public_hex(ephemeral),
        "nonce": nonce.hex(),
        "key": AESGCM(kek).encrypt(nonce, key, info).hex(),
    }


def _unwrap_mine(private: X25519PrivateKey, wrapped: object, info: bytes) -> bytes:
    if not isinstance(wrapped, dict):
        raise ValueError("not a wrap")
    ephemeral = X25519PublicKey.from_public_bytes(bytes.fromhex(str(wrapped["ephemeral"])))
    kek = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(
        private.exchange(ephemeral)
    )
    try:
        key = AESGCM(kek).decrypt(
            bytes.fromhex(str(wrapped["nonce"])), bytes.fromhex(str(wrapped["key"])), info
        )
    except InvalidTag:
        raise ValueError("the wrap does not open") from None
    if len(key) != SYNC_KEY_BYTES:
        raise ValueError("not a sync key")
    return key


def join_aad(journal_id: str, epoch: int) -> str:
    """The associated data of an epoch's wrap for joining computers."""
    # Not the header's own associated data: a join wrap never passes for the data key's.
    return f"{journal_id}\x00sync key {epoch}"


# -- opening the folder --------------------------------------------------------------------


@dataclass(frozen=True)
class KeyedFolder:
    """The sync folder opened with every key, and the key files refused on the way."""

    folder: SyncFolder
    rejected: tuple[str, ...] = ()


def open_folder(
    journal: Journal, root: Path, journal_id: str, device: str, *, secret: str | None = None
) -> KeyedFolder:
    """The sync folder at ``root`` with every key this computer holds, after taking in
    new epoch records, publishing this computer's public key and sending again what it
    wrote under a key retired meanwhile.

    ``secret`` (the recovery key or passphrase, when joining) opens the join wrap of an
    epoch that has no wrap for this computer. A record that fails its check (changed,
    cut short, still arriving) or two records for one epoch are listed in ``rejected``
    and nothing of them is taken in. Raises :class:`ComputerRemovedError` when a record
    removes this computer and :class:`SyncKeyError` when this computer was not given a
    new key (nothing local is changed by either).
    """
    private = private_key(journal)
    rejected = _take_in_epochs(journal, root, journal_id, device, private, secret)
    ring = key_ring(journal)
    folder = SyncFolder.for_journal(root, journal.data_key, journal_id, ring)
    if ring.removed:
        ring = _widened(journal, ring, folder)
        folder = SyncFolder.for_journal(root, journal.data_key, journal_id, ring)
    resend = _store(journal).local(_LOCAL_RESEND)
    if resend is not None:
        _send_again(journal, root, journal_id, device, int(resend), ring)
    _publish(folder, device, private, ring.current)
    pin_device_keys(journal, folder)
    return KeyedFolder(folder, rejected)


def _widened(journal: Journal, ring: KeyRing, folder: SyncFolder) -> KeyRing:
    """``ring`` with each removed computer's last counted file raised to the furthest any
    remaining computer had taken in when it learnt of the removal.

    A file of the removed computer may reach one computer before the removal and another
    only after it; what any remaining computer took in counts everywhere, so all of them
    converge. That computer says so in its acknowledgements sealed with the new key, which
    the removed computer cannot write.
    """
    acks, _ = folder.read_acks()
    removed = dict(ring.removed)
    for epoch in epochs(journal):
        gone = epoch.removed
        for writer, ack in acks.items():
            if writer in ring.removed or ack.epoch < epoch.number or gone not in ack.read:
                continue
            removed[gone] = max(removed[gone], ack.read[gone].seq)
    return dataclasses.replace(ring, removed=removed)


def _publish(folder: SyncFolder, device: str, private: X25519PrivateKey, epoch: int) -> None:
    """Keep this computer's public key in its sub-folder, sealed in the current epoch."""
    payload = {"public_key": public_hex(private), "name": socket.gethostname()[:64]}
    try:
        found = folder.read_device_key(device)
    except RejectedFileError:
        found = None
    if found != (epoch, payload):
        folder.write_device_key(device, payload)


def _take_in_epochs(
    journal: Journal,
    root: Path,
    journal_id: str,
    device: str,
    private: X25519PrivateKey,
    secret: str | None,
) -> tuple[str, ...]:
    """Take in every new epoch record in order; the messages of records refused."""
    clash = _second_record(journal, root, journal_id)
    if clash is not None:
        return (clash,)
    while True:
        ring = key_ring(journal)
        folder = SyncFolder.for_journal(root, journal.data_key, journal_id, ring)
        nxt = ring.current + 1
        candidates = [(d, p) for n, d, p in folder.epoch_records() if n == nxt]
        if not candidates:
            return ()
        opened = []
        for writer, path in candidates:
            try:
                _, payload, digest = folder.open_epoch_record(writer, path)
            except RejectedFileError as problem:
                return (f"{problem} (a sync key file)",)
            opened.append((writer, payload, digest))
        if len({digest for _, _, digest in opened}) > 1:
            return (
                f"two computers started sync key {nxt} at the same time "
                f"({', '.join(sorted(w for w, _, _ in opened))}); this computer keeps the "
                "key it has and takes nothing in until one of the two key files is removed",
            )
        writer, payload, digest = opened[0]
        epoch = _parse_record(journal, nxt, writer, payload, digest, device, private, secret)
        store = _store(journal)
        with transaction(journal._db):
            keep_epoch(journal, epoch)
            # What this computer wrote with the old key after its cutoff goes out again
            # under the new one; noted with the key, so a crash before that loses nothing.
            after = epoch.cutoffs.get(device, 0)
            earlier = store.local(_LOCAL_RESEND)
            if earlier is not None:
                after = min(after, int(earlier))
            store.set_local(_LOCAL_RESEND, str(after))


def _second_record(journal: Journal, root: Path, journal_id: str) -> str | None:
    """The message for another computer's record of an epoch this computer already took
    in with a different key (two removals at once), or None.

    Neither computer can read what the other seals with its key, so nothing is taken in;
    a record that fails its check is not evidence of anything (docs/sync.md, "Two
    removals at once", has the way out).
    """
    known = {e.number: e for e in epochs(journal)}
    if not known:
        return None
    folder = SyncFolder.for_journal(root, journal.data_key, journal_id, key_ring(journal))
    for number, writer, path in folder.epoch_records():
        mine = known.get(number)
        if mine is None:
            continue
        try:
            *_unused, digest = folder.open_epoch_record(writer, path)
        except RejectedFileError:
            continue
        if digest.hex() != mine.record:
            return (
                _(
                    "two computers removed a computer at the same time: {first} and "
                    "{second} each made a different sync key {number}, and neither can read "
                    "what the other writes with its key. Nothing is taken in. Two removals "
                    "at once are not resolved by themselves: see \"Two removals at once\" "
                    "in docs/sync.md"
                ).format(first=mine.by, second=writer, number=number)
            )
    return None


def _parse_record(
    journal: Journal,
    number: int,
    writer: str,
    payload: object,
    digest: bytes,
    device: str,
    private: X25519PrivateKey,
    secret: str | None,
) -> Epoch:
    label = f"{writer}/epoch-{number:08d}.kje"
    try:
        if not isinstance(payload, dict) or payload.get("epoch") != number:
            raise ValueError("not an epoch record")
        removed, when = payload["removed"], payload["removed_ms"]
        cutoffs, wraps = payload["cutoffs"], payload["wraps"]
        if not (isinstance(removed, str) and is_device_id(removed) and isinstance(when, int)):
            raise ValueError("no removed computer")
        if not (isinstance(cutoffs, dict) and isinstance(wraps, dict)):
            raise ValueError("no cutoffs or wraps")
        limits = {str(d): int(s) for d, s in cutoffs.items() if isinstance(s, int)}
    except (KeyError, ValueError, TypeError):
        raise SyncKeyError(
            _("The sync folder's key file {label} is not readable. Nothing was changed.").format(
                label=label)
        ) from None
    if removed == device:
        raise ComputerRemovedError(when)
    journal_id = read_header(journal.paths.header).journal_id
    key = None
    if device in wraps:
        try:
            key = _unwrap_mine(private, wraps[device], wrap_info(journal_id, device, number))
        except (KeyError, ValueError, TypeError):
            raise SyncKeyError(
                _("The new sync key in {label} does not open with this computer's key. "
                  "Nothing was changed.").format(label=label)
            ) from None
    elif secret is not None:
        key = _unwrap_join(payload.get("join"), secret, journal_id, number)
        if key is None:
            raise SyncKeyError(
                _("The sync key was changed when a computer was removed ({label}), and what "
                  "you typed does not open the new key: join with the recovery key or "
                  "passphrase that confirmed the removal.").format(label=label)
            )
    if key is None:
        raise SyncKeyError(
            _("The sync key was changed by another computer ({label}) and this computer was "
              "not given the new one (it had not synced since it joined). Nothing was "
              "changed. Join the folder afresh with the recovery key: "
              "ketajournal sync join.").format(
                  label=label)
        )
    return Epoch(number, key, digest.hex(), writer, removed, when, limits)


def _unwrap_join(raw: object, secret: str, journal_id: str, number: int) -> bytes | None:
    """The key of epoch ``number`` from its join wrap, opened with the recovery key or
    the passphrase (whichever confirmed the removal); None if ``secret`` does not fit."""
    if not isinstance(raw, dict):
        return None
    code = parse_recovery_code(secret)
    tries: list[tuple[str, Kdf, RecoveryCode | str]] = []
    if code is not None:
        tries.append(("recovery", Kdf.HKDF_SHA256, code))
    tries.append(("passphrase", Kdf.ARGON2ID, secret))
    for name, kdf, value in tries:
        try:
            wrapped = wrap_from_json(raw.get(name), kdf)
            if wrapped is None:
                continue
            return unwrap_key(wrapped, value, join_aad(journal_id, number))
        except (ValueError, UnwrapError):
            continue
    return None


def _send_again(
    journal: Journal,
    root: Path,
    journal_id: str,
    device: str,
    cutoff: int,
    ring: KeyRing,
) -> None:
    """Write again, under the new key, the changes this computer wrote under a retired
    key after its file ``cutoff`` (everyone sets those files aside)."""
    store = _store(journal)
    unrestricted = SyncFolder.for_journal(
        root, journal.data_key, journal_id, KeyRing(ring.keys, ring.current)
    )
    read = unrestricted.read_device(device, START)
    later = [b for b in read.batches if b.seq > cutoff and b.changes]
    if not later:
        with transaction(journal._db):
            store.delete_local(_LOCAL_RESEND)
        return
    changes: list[Change] = [c for b in later for c in b.changes]
    bases = [pair for b in later for pair in b.bases]
    folder = SyncFolder.for_journal(root, journal.data_key, journal_id, ring)
    with transaction(journal._db):
        value = store.local("own")
        recorded = START if value is None else Cursor.from_json(json.loads(value))
        try:
            tip = folder.own_tip(device, recorded)
            written = folder.write_changes(device, tip, changes, bases)
        except (OSError, SyncError):
            return  # the note stays: the next sync tries again
        store.set_local("own", json.dumps(written.to_json()))
        store.delete_local(_LOCAL_RESEND)


def pins(journal: Journal) -> dict[str, str]:
    """The public key this computer first saw for each other computer (hex)."""
    value = _store(journal).local(_LOCAL_PINS)
    return {} if value is None else dict(json.loads(value))


def pin_device_keys(journal: Journal, folder: SyncFolder) -> None:
    """Remember each computer's public key the first time it is seen (a later, different
    one is not given new keys: trust on first use)."""
    pinned = pins(journal)
    changed = False
    for device in folder.devices():
        if device in pinned:
            continue
        try:
            found = folder.read_device_key(device)
        except RejectedFileError:
            continue
        if found is not None and isinstance(found[1], dict):
            public = found[1].get("public_key")
            if isinstance(public, str):
                pinned[device] = public
                changed = True
    if changed:
        with transaction(journal._db):
            _store(journal).set_local(_LOCAL_PINS, json.dumps(pinned, sort_keys=True))


def device_names(folder: SyncFolder) -> dict[str, str]:
    """The computer name each device published with its public key, where readable."""
    names = {}
    for device in folder.devices():
        try:
            found = folder.read_device_key(device)
        except RejectedFileError:
            continue
        if found is not None and isinstance(found[1], dict):
            name = found[1].get("name")
            if isinstance(name, str) and name:
                names[device] = name
    return names
