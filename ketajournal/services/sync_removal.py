"""Removing a computer from sync: check the choice and the secret, start a new key epoch.

:func:`remove_computer` syncs, then :func:`start_epoch` makes a random sync key for
epoch n+1 and writes its record into this computer's sub-folder
(:mod:`ketajournal.services.sync_keys` has the format and how the others take it in):
the new key wrapped for each remaining computer's public key and, under the recovery
key or passphrase that confirmed the removal, for computers that join later; and the
cutoffs, the last file of each computer that counts under the old key. Then it syncs
again. docs/security.md, "Removing a computer", says what this protects and what not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ketajournal.domain.validation import ValidationError
from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.platform.crypto import parse_recovery_code, same_key, wrap_key
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.services.keys import KeySource, WrongSecretError, key_from_secret
from ketajournal.services.sync import (
    SyncFolderError,
    cursors_taken_in,
    device_id,
    keyed_folder,
    status,
    sync_now,
    system_ms,
)
from ketajournal.services.sync_keys import (
    Epoch,
    SyncKeyError,
    join_aad,
    keep_epoch,
    pins,
    private_key,
    wrap_for,
    wrap_info,
)
from ketajournal.storage.connection import transaction
from ketajournal.storage.database import open_database
from ketajournal.storage.header import read_header, wrap_to_json
from ketajournal.storage.sealed_files import Cursor, RejectedFileError
from ketajournal.storage.sync_folder import SyncError, SyncFolder


@dataclass(frozen=True)
class Removal:
    """What removing a computer did: the new epoch, and which computers got its key."""

    removed: str
    epoch: int
    given: tuple[str, ...]
    not_given: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        """The removal as JSON (``ketajournal sync remove --json``)."""
        return {
            "removed": self.removed,
            "epoch": self.epoch,
            "given_new_key": list(self.given),
            "not_given_new_key": list(self.not_given),
        }


class RemovalUnfinishedError(KnownError):
    """The computer was removed (the new key is written and kept), but the sync after it
    failed: the next sync finishes it. ``removal`` says what was done."""

    def __init__(self, removal: Removal, error: BaseException) -> None:
        self.removal = removal
        reason = str(error) if isinstance(error, KnownError) else type(error).__name__
        super().__init__(
            _(
                "Removed {device}; the next sync finishes it (the sync after the removal "
                "failed: {reason})"
            ).format(device=removal.removed, reason=reason)
        )


def remove_computer(
    journal: Journal, device: str, secret: str, *, now_ms: Callable[[], int] = system_ms
) -> Removal:
    """Remove the computer ``device`` from this journal's sync: a new random sync key,
    wrapped for every other computer and, under ``secret`` (the recovery key or
    passphrase), for computers that join later (docs/security.md, "Removing a computer").

    Syncs first, so every file that reached this computer before the removal counts,
    and again after, so the new key's files go out. ValidationError (nothing done) for
    this computer's own id or one not in :func:`status`; WrongSecretError for a secret
    that does not open the journal; :class:`RemovalUnfinishedError` when the removal is
    done but the sync after it failed.
    """
    check_removable(journal, device)
    check_secret(journal, secret)
    sync_now(journal, now_ms=now_ms)
    cursors = cursors_taken_in(journal)
    keyed = keyed_folder(journal)
    if keyed.rejected:
        raise SyncFolderError(
            "A sync key file in the folder was refused (" + "; ".join(keyed.rejected) + "). "
            "Nothing was changed; sync again once the folder is whole, then remove the computer."
        )
    removal = start_epoch(
        journal, keyed.folder, device_id(journal), device, secret, cursors, now_ms()
    )
    try:
        sync_now(journal, now_ms=now_ms)
    except (KnownError, OSError) as error:
        # The new key is in the folder and kept here: the removal is done.
        raise RemovalUnfinishedError(removal, error) from None
    return removal


def check_removable(journal: Journal, device: str) -> None:
    """ValidationError unless ``device`` is another computer in the folder, not yet removed."""
    if device == device_id(journal):
        raise ValidationError(
            "device", _("must be another computer: this computer cannot remove itself")
        )
    others = [d.device for d in status(journal).devices if d.removed_ms is None]
    if device not in others:
        raise ValidationError(
            "device",
            _("must be one of the computers listed by 'ketajournal sync status' and not "
              "removed already"),
        )


def remove_at(paths: JournalPaths, key: bytes, device: str, secret: str) -> Removal:
    """:func:`remove_computer` on a connection of its own, for a worker thread."""
    journal = Journal(open_database(paths.database, key), paths=paths, key=key)
    try:
        return remove_computer(journal, device, secret)
    finally:
        journal.close()


# -- removing a computer ------------------------------------------------------------------


def start_epoch(
    journal: Journal,
    folder: SyncFolder,
    device: str,
    removed: str,
    secret: str,
    cursors: Mapping[str, Cursor],
    now_ms: int,
) -> Removal:
    """Remove ``removed``: write a new epoch's record and take it in here.

    ``folder`` is open with every key (:func:`open_folder`), ``cursors`` how far this
    journal has taken in every computer (their cutoffs). ``secret`` must open the
    journal (the recovery key or passphrase): it wraps the new key for computers that
    join later. Raises ValidationError for an unknown computer or this one, and
    :class:`~ketajournal.services.keys.WrongSecretError` for a secret that does not fit.
    """
    header = read_header(journal.paths.header)
    ring = folder.ring
    known = (set(folder.devices()) | set(cursors)) - set(ring.removed)
    if removed == device:
        raise ValidationError(
            "device", _("must be another computer: this computer cannot remove itself")
        )
    if removed not in known:
        raise ValidationError(
            "device", _("must be one of the computers listed by: ketajournal sync status")
        )
    source = check_secret(journal, secret)
    number = ring.current + 1
    new_key = AESGCM.generate_key(bit_length=256)
    private = private_key(journal)
    pinned = pins(journal)
    wraps: dict[str, object] = {}
    not_given: list[str] = []
    for other in sorted((known | {device}) - {removed}):
        public = (
            private.public_key()
            if other == device
            else _public_key_of(folder, other, ring.current, pinned)
        )
        if public is None:
            not_given.append(other)
            continue
        wraps[other] = wrap_for(public, new_key, wrap_info(header.journal_id, other, number))
    join: dict[str, object] = {}
    aad = join_aad(header.journal_id, number)
    if source is KeySource.RECOVERY_KEY:
        code = parse_recovery_code(secret)
        assert code is not None
        join["recovery"] = wrap_to_json(wrap_key(new_key, code, aad))
    else:
        params = header.passphrase.argon2 if header.passphrase is not None else None
        join["passphrase"] = wrap_to_json(wrap_key(new_key, secret, aad, argon2=params))
    cutoffs = {d: c.seq for d, c in sorted(cursors.items())}
    payload = {
        "epoch": number,
        "removed": removed,
        "removed_ms": now_ms,
        "cutoffs": cutoffs,
        "wraps": wraps,
        "join": join,
    }
    try:
        path = folder.write_epoch_record(device, number, payload)
    except (OSError, SyncError) as error:
        raise SyncKeyError(
            f"Could not write the new key file into the sync folder ({type(error).__name__}). "
            "Nothing was changed."
        ) from None
    _epoch, _key, digest = folder.open_epoch_record(device, path)
    with transaction(journal._db):
        keep_epoch(journal, Epoch(number, new_key, digest.hex(), device, removed, now_ms, cutoffs))
    return Removal(removed, number, tuple(sorted(wraps)), tuple(not_given))


def check_secret(journal: Journal, secret: str) -> KeySource:
    """What ``secret`` is (the recovery key or the passphrase) if it opens this journal;
    WrongSecretError if not."""
    key, source = key_from_secret(read_header(journal.paths.header), secret)
    if not same_key(key, journal.data_key):
        raise WrongSecretError
    return source


def _public_key_of(
    folder: SyncFolder, device: str, epoch: int, pins: Mapping[str, str]
) -> X25519PublicKey | None:
    """``device``'s public key if it was published in ``epoch`` and matches its pin."""
    try:
        found = folder.read_device_key(device)
    except RejectedFileError:
        return None
    if found is None or found[0] != epoch or not isinstance(found[1], dict):
        return None
    public = found[1].get("public_key")
    if not isinstance(public, str) or (device in pins and pins[device] != public):
        return None
    try:
        return X25519PublicKey.from_public_bytes(bytes.fromhex(public))
    except ValueError:
        return None


