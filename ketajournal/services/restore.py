"""Restore: portable backup files, and a damaged journal put right from its backups.

The rules are the same everywhere: verify first, then move files into place
with renames; never delete a journal file and never overwrite one.

* :func:`write_portable_backup` (``ketajournal backup -o FILE``, File → Back up
  to a file): one zip file, stored and not compressed, holding a verified
  SQLCipher copy of the journal (with the journal's own key) and a copy of its
  header (the wrapped keys), so the recovery key or passphrase opens it on a
  new computer. It is written atomically and verified again as written.
* :func:`restore_backup_file` (``ketajournal restore FILE``): the backup is
  staged inside the home, its key found (a passphrase or recovery key the user
  gives, else the keyring when it holds this journal's key) and the copy
  verified (it opens, passes the integrity check, is not from a newer
  version) *before* anything is placed. An existing journal is replaced only
  with ``force``, and then first moved to ``<home>/backups/before-restore-…/``.
  Afterwards the key goes back into the keyring, so the next start just works.
* :func:`open_checked` opens a journal and runs its integrity check (a few
  milliseconds even for ten years of entries; docs/security.md). When the
  files are damaged it raises :class:`JournalDamagedError`, which says what
  happened and offers the newest backup that verifies with the journal's key
  (:func:`newest_verified_backup`); :func:`restore_from_home_backup` moves the
  damaged files to ``<home>/backups/damaged-…/`` and puts that backup in place.

A failure is told apart from a wrong key only when the key is proven: a secret
unwrapped the header's authenticated (AES-GCM) wrap, or the key from the
keyring entry named by the header opens one of the journal's backups. Then a
journal file that does not open is damaged. A keyring key that opens nothing
proves nothing: the user is asked for the recovery key, which decides.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3

from ketajournal import __version__
from ketajournal.errors import KnownError
from ketajournal.platform.clock import Clock, system_now
from ketajournal.platform.crypto import same_key
from ketajournal.platform.files import atomic_path, fsync_dir
from ketajournal.platform.keystore import KeyringUnavailableError, KeyStore
from ketajournal.platform.paths import (
    BACKUP_SUFFIX,
    DB_NAME,
    HEADER_NAME,
    JournalPaths,
    SetAside,
    backup_header,
    ensure_private_dir,
)
from ketajournal.services.backups import backup_verifies, home_backups
from ketajournal.services.journal import Journal
from ketajournal.services.keys import (
    KeySource,
    NeedsSecretError,
    NoWrappedKeyError,
    WrongSecretError,
    key_from_secret,
    unlock,
)
from ketajournal.services.opening import (
    JournalIncompleteError,
    OpenedJournal,
    journal_exists,
    open_journal,
    open_or_create,
)
from ketajournal.storage.backup import verify_backup
from ketajournal.storage.connection import KEY_BYTES, WrongKeyError
from ketajournal.storage.database import open_database
from ketajournal.storage.header import HeaderError, JournalHeader, read_header

log = logging.getLogger(__name__)

#: The portable backup file: a zip holding these three members.
FORMAT = "ketajournal-backup"
VERSION = 1
MANIFEST_MEMBER = "ketajournal-backup.json"
DB_MEMBER = DB_NAME
HEADER_MEMBER = HEADER_NAME
_MAX_SMALL_MEMBER = 64 * 1024  # the manifest and the header are a few hundred bytes

#: The driver's own error for a page that cannot be read (a damaged file).
_DRIVER_ERROR = sqlcipher3.DatabaseError


# -- errors ---------------------------------------------------------------------------


class BackupFileError(KnownError):
    """The file is not a ketajournal backup, or it is damaged."""


class JournalExistsError(KnownError):
    """Restore would replace a journal, and that was not asked for."""

    def __init__(self, paths: JournalPaths) -> None:
        super().__init__(
            f"There is already a journal in {paths.home}; restore does not replace it unless "
            "asked. Nothing was changed. To replace it, restore with --force: the journal "
            f"there is first moved to {paths.set_aside_pattern(SetAside.BEFORE_RESTORE)} "
            "(nothing is deleted). Or restore into another folder with --home."
        )


class RestoreNeedsSecretError(NeedsSecretError):
    """The backup's key is not in the keyring: its recovery key or passphrase opens it."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"{reason} The backup opens with the journal's recovery key, or with the "
            "passphrase it had when the backup was made. Nothing was changed."
        )


class WrongBackupSecretError(WrongSecretError):
    """The secret given does not unwrap the backup's key."""

    def __init__(self) -> None:
        KnownError.__init__(
            self,
            "That passphrase or recovery key does not open this backup. A backup opens with "
            "the recovery key or passphrase the journal had when the backup was made. "
            "Nothing was changed.",
        )


class BackupKeyLostError(KnownError):
    """A backup from before recovery keys, whose keyring entry is not here."""

    def __init__(self) -> None:
        super().__init__(
            "This backup was made by an older ketajournal that had no recovery key, and the "
            "system keyring holds no key for it, so it cannot be opened here. Nothing was "
            "changed."
        )


class NothingToRepairError(KnownError):
    """The journal opens and passes its check: there is nothing to restore."""

    def __init__(self, home: Path) -> None:
        super().__init__(
            f"The journal in {home} opens and passes its integrity check, so nothing was "
            "restored and nothing was changed. To go back to an older backup on purpose, use "
            "restore FILE --force with one of the files in the backups folder."
        )


class KeyringKeyDoesNotFitError(NeedsSecretError, WrongKeyError):
    """The keyring's key opens neither the journal nor any backup: only a secret can tell
    a wrong key from a damaged file."""

    def __init__(self, path: Path) -> None:
        KnownError.__init__(
            self,
            f"The journal at {path} could not be opened with the key in the system keyring: "
            "that key does not fit it, or the file is damaged. Nothing was changed. The "
            "recovery key (or the passphrase) tells these apart: enter it to open the "
            "journal, or to learn what is damaged.",
        )


class Damage(StrEnum):
    """What is wrong with a journal's files."""

    DATABASE_EMPTY = "database_empty"
    DATABASE_UNREADABLE = "database_unreadable"
    INTEGRITY = "integrity"
    DATABASE_MISSING = "database_missing"
    HEADER_MISSING = "header_missing"
    HEADER_DAMAGED = "header_damaged"
    JOURNAL_MISSING = "journal_missing"


@dataclass(frozen=True)
class BackupOffer:
    """The newest backup that verifies with the journal's key, and what restoring it replaces.

    ``replaces_database`` is False when only the header was lost and the journal
    file itself is sound: then only the header copy is put back, and no entry is
    lost.
    """

    backup: Path
    made: datetime
    key: bytes = field(repr=False)
    replaces_database: bool = True
    replaces_header: bool = False


class JournalDamagedError(KnownError):
    """The journal's files are damaged; ``offer`` is the backup that would put it right."""

    def __init__(self, paths: JournalPaths, damage: Damage, offer: BackupOffer | None) -> None:
        super().__init__(_damage_message(paths, damage, offer))
        self.paths = paths
        self.damage = damage
        self.offer = offer


class DamagedNeedsSecretError(NeedsSecretError):
    """The header is lost, and only a secret can say which backups are this journal's."""

    def __init__(self, paths: JournalPaths, damage: Damage) -> None:
        what = _damage_message(paths, damage, None, with_offer=False)
        super().__init__(
            f"{what} Its backups can be checked and restored with the journal's recovery key "
            "or passphrase: enter it to see the newest backup that opens. Nothing was changed."
        )
        self.damage = damage


# -- results --------------------------------------------------------------------------


@dataclass(frozen=True)
class PortableBackup:
    """What :func:`write_portable_backup` wrote (entry counts, no content)."""

    path: Path
    journal_id: str
    counts: dict[str, int]
    created: datetime

    @property
    def total(self) -> int:
        """Entries in the backup."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did. ``moved_aside`` holds the files it replaced (never deleted)."""

    home: Path
    source: Path
    journal_id: str
    counts: dict[str, int]
    moved_aside: Path | None
    stored_in_keyring: bool
    passphrase_mode: bool
    replaced_database: bool = True
    replaced_header: bool = True

    @property
    def total(self) -> int:
        """Entries in the restored journal."""
        return sum(self.counts.values())

    def summary(self) -> str:
        """What happened, in a few sentences (counts and paths only)."""
        if self.replaced_database:
            lines = [f"Restored {self.total} entries from {self.source} into {self.home}."]
        else:
            lines = [
                f"Put back the journal header from {backup_header(self.source)}; the journal "
                f"file was sound and keeps all its {self.total} entries."
            ]
        if self.moved_aside is not None:
            lines.append(f"The files it replaced are in {self.moved_aside} (nothing was deleted).")
        if self.passphrase_mode:
            lines.append(
                "The journal is in passphrase mode: it opens with the passphrase it had when "
                "the backup was made, or with its recovery key."
            )
        elif self.stored_in_keyring:
            lines.append("Its key is in the system keyring, so the journal opens as usual.")
        else:
            lines.append(
                "The system keyring could not store its key: open the journal with its "
                "recovery key (--password-file on the command line)."
            )
        return " ".join(lines)


@dataclass
class PreparedRestore:
    """A backup staged inside the home and verified, not yet in place.

    Call :func:`finish_restore` to put it in place, or :meth:`discard`.
    """

    paths: JournalPaths
    source: Path
    staging: Path
    header: JournalHeader
    key: bytes = field(repr=False)
    unlocked_with: KeySource
    counts: dict[str, int]
    made: datetime

    @property
    def total(self) -> int:
        """Entries in the backup."""
        return sum(self.counts.values())

    def discard(self) -> None:
        """Remove the staged (encrypted) copy; the source file is untouched."""
        shutil.rmtree(self.staging, ignore_errors=True)


# -- the portable backup file ---------------------------------------------------------


def write_portable_backup(journal: Journal, target: Path) -> PortableBackup:
    """Write the open journal to ``target`` as one portable, encrypted backup file.

    The file is a zip (stored, not compressed: the content is encrypted and
    would not shrink) of a verified SQLCipher copy under the journal's own key,
    a copy of ``journal.header`` and a small manifest (format, version, date,
    journal id; no counts, no content). It is written beside ``target`` and
    renamed over it only after it was read back and its copy verified again.
    """
    paths, key = journal.paths, journal.data_key
    header = read_header(paths.header)
    try:
        return _write_portable_backup(journal, paths, key, header, target)
    except OSError as error:
        raise BackupFileError(
            f"The backup file {target} could not be written ({_reason(error)}). "
            "Nothing was changed."
        ) from None


def _write_portable_backup(
    journal: Journal, paths: JournalPaths, key: bytes, header: JournalHeader, target: Path
) -> PortableBackup:
    header_bytes = paths.header.read_bytes()
    created = journal.now().astimezone().replace(microsecond=0)
    counts = journal.counts()
    with _staging_dir(paths) as staging:
        staged = JournalPaths(staging).database
        expected = journal.backup_to(staged)  # verified: opens, integrity, row counts
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": created.isoformat(),
            "journal_id": header.journal_id,
            "app_version": __version__,
        }
        with atomic_path(target) as tmp:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as archive:
                archive.writestr(
                    _member(MANIFEST_MEMBER, created), json.dumps(manifest, indent=2) + "\n"
                )
                archive.writestr(_member(HEADER_MEMBER, created), header_bytes)
                archive.write(staged, DB_MEMBER)  # streamed; the copy is 0600
            # Read back what was written: CRCs, the header, and the copy itself.
            check = ensure_private_dir(staging / "check")
            written = _extract_zip(tmp, check, str(target.name))
            if written.header.read_bytes() != header_bytes:
                raise BackupFileError(f"The backup file {target} did not read back correctly.")
            verify_backup(written.db, key, expected)
    return PortableBackup(target, header.journal_id, counts, created)


def _member(name: str, when: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = (0o100600 & 0xFFFF) << 16  # a regular file, owner-only when unzipped
    return info


@dataclass(frozen=True)
class _Staged:
    db: Path
    header: Path
    made: datetime


def _extract_zip(source: Path, staging: Path, display: str) -> _Staged:
    """Copy the members of a portable backup into ``staging`` (CRCs checked)."""
    try:
        with zipfile.ZipFile(source) as archive:
            names = set(archive.namelist())
            if not {MANIFEST_MEMBER, DB_MEMBER, HEADER_MEMBER} <= names:
                raise BackupFileError(f"{display} is not a ketajournal backup file.")
            manifest = _manifest(archive.read(_small(archive, MANIFEST_MEMBER)), display)
            db, header = JournalPaths(staging).database, JournalPaths(staging).header
            _small(archive, HEADER_MEMBER)
            for member, target in ((DB_MEMBER, db), (HEADER_MEMBER, header)):
                with archive.open(member) as data, _private_file(target) as out:
                    shutil.copyfileobj(data, out, 1024 * 1024)
    except (zipfile.BadZipFile, EOFError):
        raise BackupFileError(
            f"The backup file {display} is damaged (its contents do not match their "
            "checksums). Nothing was changed."
        ) from None
    except NotImplementedError:  # a compression or encryption method we never write
        raise BackupFileError(f"{display} is not a ketajournal backup file.") from None
    return _Staged(db, header, manifest)


def _small(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    info = archive.getinfo(name)
    if info.file_size > _MAX_SMALL_MEMBER:
        raise BackupFileError(f"{name} in the backup file is too large to be ours.")
    return info


def _manifest(data: bytes, display: str) -> datetime:
    """Check the manifest; returns when the backup was made."""
    try:
        manifest = json.loads(data.decode("utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError("format")
        version = manifest.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ValueError("version")
        created = datetime.fromisoformat(str(manifest.get("created")))
    except ValueError:
        raise BackupFileError(f"{display} is not a ketajournal backup file.") from None
    if version > VERSION:
        raise BackupFileError(
            f"{display} was written by a newer ketajournal. Update ketajournal to restore it."
        )
    return created


def _stage(source: Path, staging: Path) -> _Staged:
    """Copy a backup into ``staging``: a portable file, or a ``.db`` with its ``.header``."""
    if source.suffix == BACKUP_SUFFIX and backup_header(source).is_file():
        db, header = JournalPaths(staging).database, JournalPaths(staging).header
        for origin, target in ((source, db), (backup_header(source), header)):
            with origin.open("rb") as data, _private_file(target) as out:
                shutil.copyfileobj(data, out, 1024 * 1024)
        made = datetime.fromtimestamp(source.stat().st_mtime).astimezone()
        return _Staged(db, header, made.replace(microsecond=0))
    if zipfile.is_zipfile(source):
        return _extract_zip(source, staging, str(source))
    raise BackupFileError(
        f"{source} is not a ketajournal backup file (one written by backup -o, or a .db "
        "file from a backups folder with its .header beside it). Nothing was changed."
    )


# -- restoring a backup file ----------------------------------------------------------


def prepare_restore(
    paths: JournalPaths,
    source: Path,
    keys: KeyStore,
    secret: str | None = None,
    *,
    force: bool = False,
) -> PreparedRestore:
    """Stage ``source`` inside the home, find its key and verify it; place nothing.

    Raises :class:`JournalExistsError` (a journal is there and not ``force``),
    :class:`RestoreNeedsSecretError` (the keyring cannot open it: ask for the
    recovery key or passphrase), :class:`WrongBackupSecretError`,
    :class:`BackupFileError` (not a backup, or damaged) or
    :class:`~ketajournal.storage.database.NewerSchemaError`. The home is
    unchanged in every case (apart from being created, 0700, if it was not there).
    """
    if not source.is_file():
        raise BackupFileError(f"There is no backup file at {source}. Nothing was changed.")
    if not force and journal_exists(paths):
        raise JournalExistsError(paths)
    staging = paths.new_staging_dir()
    try:
        try:
            staged = _stage(source, staging)
        except OSError as error:
            raise BackupFileError(
                f"The backup {source} could not be read or copied ({_reason(error)}). "
                "Nothing was changed."
            ) from None
        try:
            header = read_header(staged.header)
        except HeaderError:
            raise BackupFileError(
                f"The header inside the backup {source} is damaged, so its key cannot be "
                "found. Nothing was changed."
            ) from None
        key, source_of_key = _key_for_backup(header, keys, secret)
        counts = _verify_staged(staged.db, key, source, proven=source_of_key != KeySource.KEYRING)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return PreparedRestore(
        paths, source, staging, header, key, source_of_key, counts, staged.made
    )


def finish_restore(
    prepared: PreparedRestore,
    keys: KeyStore,
    *,
    force: bool = False,
    clock: Clock = system_now,
) -> RestoreResult:
    """Put a prepared backup in place; the staged copy is gone afterwards either way.

    With ``force`` an existing journal is first moved to
    ``<home>/backups/before-restore-<stamp>/``; if placing the backup then fails,
    it is moved back. The key is stored in the keyring when the backup is in
    keyring mode and a keyring works (a failure there is reported, not raised).
    The journal must be closed (the window locks it first).
    """
    paths = prepared.paths
    try:
        existing = [p for p in paths.journal_files if p.exists()]
        if existing and not force:
            raise JournalExistsError(paths)
        aside = _aside_dir(paths, SetAside.BEFORE_RESTORE, clock()) if existing else None
        try:
            moved = _move_aside(paths, existing, aside) if aside is not None else []
            try:
                staged = JournalPaths(prepared.staging)
                _place(paths, staged.header, staged.database)
            except BaseException:
                _move_back(paths, moved)
                raise
        except OSError as error:
            raise BackupFileError(
                f"The backup could not be put in place ({_reason(error)}). The journal in "
                f"{paths.home} is as it was."
            ) from None
    finally:
        prepared.discard()
    stored = _remember(keys, prepared.header, prepared.key)
    return RestoreResult(
        home=paths.home,
        source=prepared.source,
        journal_id=prepared.header.journal_id,
        counts=prepared.counts,
        moved_aside=aside,
        stored_in_keyring=stored,
        passphrase_mode=prepared.header.passphrase is not None,
    )


def restore_backup_file(
    paths: JournalPaths,
    source: Path,
    keys: KeyStore,
    secret: str | None = None,
    *,
    force: bool = False,
    clock: Clock = system_now,
) -> RestoreResult:
    """``ketajournal restore FILE``: :func:`prepare_restore`, then :func:`finish_restore`."""
    prepared = prepare_restore(paths, source, keys, secret, force=force)
    return finish_restore(prepared, keys, force=force, clock=clock)


def _key_for_backup(
    header: JournalHeader, keys: KeyStore, secret: str | None
) -> tuple[bytes, KeySource]:
    if secret is not None:
        try:
            return key_from_secret(header, secret)
        except WrongSecretError:
            raise WrongBackupSecretError from None
    if header.passphrase is not None:
        raise RestoreNeedsSecretError("This backup was made in passphrase mode.")
    try:
        key = keys.get(header.journal_id)
    except KeyringUnavailableError as error:
        if header.recovery is None:
            raise
        raise RestoreNeedsSecretError(
            f"The system keyring cannot be used ({error.detail})."
        ) from None
    if key is None or len(key) != KEY_BYTES:
        if header.recovery is None:
            raise BackupKeyLostError
        raise RestoreNeedsSecretError("The system keyring holds no key for this journal.")
    return key, KeySource.KEYRING


def _verify_staged(db: Path, key: bytes, source: Path, *, proven: bool) -> dict[str, int]:
    """Verify a staged copy; returns its entry counts. Applies pending migrations to it."""
    if not backup_verifies(db, key):
        if proven:
            reason = "it does not open with its key or fails its integrity check"
        else:
            reason = (
                "it does not open with the key in the system keyring or fails its integrity "
                "check (if it is not damaged, try its recovery key with --password-file)"
            )
        raise BackupFileError(
            f"The backup {source} is damaged: {reason}. Nothing was changed."
        )
    # Refuses a backup from a newer ketajournal (NewerSchemaError) and brings an
    # older one up to date — on the staged copy; the source file is untouched.
    database = open_database(db, key)
    try:
        return Journal(database).counts()
    finally:
        database.close()


# -- opening, with damage told apart from a wrong key --------------------------------


def open_checked(
    paths: JournalPaths,
    keys: KeyStore,
    secret: str | None = None,
    *,
    create: bool = True,
    clock: Clock = system_now,
    verify: bool = True,
) -> OpenedJournal:
    """Open (or on first run create) the journal like ``open_or_create``, and check it.

    With ``verify`` the integrity and foreign-key checks run on every open
    (milliseconds: docs/security.md). A journal whose files are damaged —
    empty, cut short, a page overwritten, the header missing or unreadable,
    the journal file gone while its header or backups remain — raises
    :class:`JournalDamagedError`, which offers the newest verified backup.
    Nothing is written to a damaged journal, and no new journal is ever
    created beside the backups of one.
    """
    return _open_checked(paths, keys, secret, create=create, clock=clock, verify=verify)


def _open_checked(
    paths: JournalPaths,
    keys: KeyStore,
    secret: str | None,
    *,
    create: bool,
    clock: Clock,
    verify: bool,
    opener: Callable[..., OpenedJournal] = open_or_create,
) -> OpenedJournal:
    damage = _damage_before_opening(paths)
    if damage is not None:
        raise _damaged(paths, keys, secret, damage)
    try:
        opened = opener(paths, keys, secret, create=create, clock=clock)
    except HeaderError:
        kind = Damage.HEADER_DAMAGED if paths.header.exists() else Damage.HEADER_MISSING
        raise _damaged(paths, keys, secret, kind) from None
    except (WrongKeyError, _DRIVER_ERROR) as error:
        # open_or_create got the key, from a secret that unwrapped the header's
        # authenticated wrap (proof that it is right), or from the keyring.
        found = _proven_key(paths, keys, secret)
        if found is None:
            raise error from None  # the keyring entry is not even a key
        if secret is None and newest_verified_backup(paths, found) is None:
            # A keyring key that opens neither the journal nor any of its backups
            # proves nothing: ask for the recovery key, which does.
            raise KeyringKeyDoesNotFitError(paths.database) from None
        raise _damaged(paths, keys, secret, Damage.DATABASE_UNREADABLE, key=found) from None
    except JournalIncompleteError:
        raise _damaged(paths, keys, secret, Damage.DATABASE_MISSING) from None
    if verify and not opened.created:
        journal = opened.journal
        try:
            healthy = journal.check().ok
        except _DRIVER_ERROR as error:
            log.info("integrity check failed: %s", type(error).__name__)
            healthy = False
        if not healthy:
            key = journal.data_key
            journal.close()
            raise _damaged(paths, keys, secret, Damage.INTEGRITY, key=key)
    return opened


def _damage_before_opening(paths: JournalPaths) -> Damage | None:
    """Damage that must be caught before SQLite touches the file."""
    database = paths.database
    if database.exists():
        if database.is_file() and database.stat().st_size == 0:
            wal = paths.sidecars[0]
            if not wal.exists() or wal.stat().st_size == 0:
                # SQLite would open an empty file as a new database and the
                # migrations would build an empty journal in it.
                return Damage.DATABASE_EMPTY
        return None
    if paths.creating.exists():
        return None  # an interrupted first run: open_or_create starts it again
    if any(p.exists() for p in (paths.header, *paths.sidecars)):
        return Damage.DATABASE_MISSING
    if home_backups(paths):
        return Damage.JOURNAL_MISSING
    return None


def _proven_key(paths: JournalPaths, keys: KeyStore, secret: str | None) -> bytes | None:
    """The key from the header's keyring entry or wrap, or None if that key is itself bad."""
    try:
        return unlock(paths, keys, secret).key
    except WrongKeyError:
        return None


def _damaged(
    paths: JournalPaths,
    keys: KeyStore,
    secret: str | None,
    damage: Damage,
    *,
    key: bytes | None = None,
) -> JournalDamagedError:
    """The error for ``damage``, with the newest verified backup if a key can check them."""
    if key is None:
        if not home_backups(paths):
            return JournalDamagedError(paths, damage, None)
        key = _key_for_damaged(paths, keys, secret, damage)
        if key is None:
            return JournalDamagedError(paths, damage, None)
    backup = newest_verified_backup(paths, key)
    if backup is None:
        return JournalDamagedError(paths, damage, None)
    header_lost = damage in (
        Damage.HEADER_MISSING, Damage.HEADER_DAMAGED, Damage.JOURNAL_MISSING
    )
    database_sound = header_lost and backup_verifies(paths.database, key)
    offer = BackupOffer(
        backup=backup,
        made=_made(backup),
        key=key,
        replaces_database=not database_sound,
        replaces_header=header_lost or not _header_fits(paths, backup),
    )
    return JournalDamagedError(paths, damage, offer)


def _key_for_damaged(
    paths: JournalPaths, keys: KeyStore, secret: str | None, damage: Damage
) -> bytes | None:
    """The journal's key, found through the header or else the backups' header copies.

    Raises :class:`DamagedNeedsSecretError` when only a secret would find it, and
    :class:`WrongSecretError` when the secret given opens none of them.
    """
    try:
        return unlock(paths, keys, secret).key
    except HeaderError:
        pass  # the header is lost: the copies saved with the backups name the journal
    except WrongKeyError:
        return None
    seen: set[tuple[Any, ...]] = set()
    found_headers = False
    for backup in home_backups(paths):
        try:
            header = read_header(backup_header(backup))
        except HeaderError:
            continue
        found_headers = True
        fingerprint = (header.journal_id, header.recovery, header.passphrase)
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        if secret is not None:
            try:
                return key_from_secret(header, secret)[0]
            except (WrongSecretError, NoWrappedKeyError):
                continue
        if header.passphrase is not None:
            continue  # passphrase mode keeps nothing in the keyring
        try:
            key = keys.get(header.journal_id)
        except KeyringUnavailableError:
            continue
        if key is not None and len(key) == KEY_BYTES:
            return key
    if not found_headers:
        return None
    if secret is not None:
        raise WrongSecretError
    raise DamagedNeedsSecretError(paths, damage)


def newest_verified_backup(paths: JournalPaths, key: bytes) -> Path | None:
    """The newest backup in ``<home>/backups`` that verifies with ``key``, or None.

    Backups are tried newest first (by modification time); one counts if it
    opens with ``key``, passes the integrity check and has its header copy.
    Backups of another journal (another key) never verify, so never count.
    """
    for backup in home_backups(paths):
        if not backup_header(backup).is_file():
            continue
        try:
            read_header(backup_header(backup))
        except HeaderError:
            continue
        if backup_verifies(backup, key):
            return backup
    return None


def restore_from_home_backup(
    paths: JournalPaths,
    backup: Path,
    key: bytes,
    *,
    keys: KeyStore | None = None,
    clock: Clock = system_now,
) -> RestoreResult:
    """Put ``backup`` (from ``<home>/backups``) in place of the damaged journal files.

    The backup is verified again with ``key``, copied into the home and the copy
    verified; then the damaged files — the journal file and its WAL files if the
    journal file does not verify, the header if it is missing, unreadable or of
    another journal — are moved to ``<home>/backups/damaged-<stamp>/`` and the
    copy renamed into their place. A sound journal file is kept (only the header
    comes back), as is a sound header (it holds the newest passphrase and
    recovery key). The backup itself stays where it is. Raises
    :class:`NothingToRepairError` when nothing is damaged.
    """
    try:
        return _restore_from_home_backup(paths, backup, key, keys, clock)
    except OSError as error:
        raise BackupFileError(
            f"The backup {backup.name} could not be put in place ({_reason(error)}). The "
            "damaged files are where they were."
        ) from None


def _restore_from_home_backup(
    paths: JournalPaths, backup: Path, key: bytes, keys: KeyStore | None, clock: Clock
) -> RestoreResult:
    try:
        header_copy = read_header(backup_header(backup))
    except HeaderError:
        raise BackupFileError(
            f"The backup {backup.name} has no readable header copy. Nothing was changed."
        ) from None
    if not backup_verifies(backup, key):
        raise BackupFileError(
            f"The backup {backup.name} does not open with the journal's key or fails its "
            "integrity check. Nothing was changed."
        )
    header_sound = _current_header_is(paths, header_copy.journal_id)
    database_sound = backup_verifies(paths.database, key)
    if header_sound and database_sound:
        raise NothingToRepairError(paths.home)
    ensure_private_dir(paths.home)
    with _staging_dir(paths) as staging:
        staged_db, staged_header = JournalPaths(staging).database, JournalPaths(staging).header
        with backup_header(backup).open("rb") as data, _private_file(staged_header) as out:
            shutil.copyfileobj(data, out)
        if database_sound:
            database = open_database(paths.database, key)
        else:
            with backup.open("rb") as data, _private_file(staged_db) as out:
                shutil.copyfileobj(data, out, 1024 * 1024)
            if not backup_verifies(staged_db, key):
                raise BackupFileError(
                    f"The copy of the backup {backup.name} did not verify (is the disk full "
                    "or failing?). Nothing was changed."
                )
            database = open_database(staged_db, key)
        try:
            counts = Journal(database).counts()
        finally:
            database.close()
        damaged = [] if header_sound else [paths.header]
        if not database_sound:
            damaged += paths.database_files
        present = [p for p in damaged if p.exists()]
        aside = _aside_dir(paths, SetAside.DAMAGED, clock()) if present else None
        moved = _move_aside(paths, present, aside) if aside is not None else []
        try:
            _place(
                paths,
                None if header_sound else staged_header,
                None if database_sound else staged_db,
            )
        except BaseException:
            _move_back(paths, moved)
            raise
    stored = _remember(keys, header_copy, key) if keys is not None else False
    return RestoreResult(
        home=paths.home,
        source=backup,
        journal_id=header_copy.journal_id,
        counts=counts,
        moved_aside=aside,
        stored_in_keyring=stored,
        passphrase_mode=_passphrase_mode(paths),
        replaced_database=not database_sound,
        replaced_header=not header_sound,
    )


def repair_from_backups(
    paths: JournalPaths,
    keys: KeyStore,
    secret: str | None = None,
    *,
    clock: Clock = system_now,
) -> RestoreResult:
    """``ketajournal restore --from-backups``: if the journal is damaged, restore the offer.

    Raises :class:`NothingToRepairError` for a journal that opens and passes its
    check, the :class:`JournalDamagedError` itself when no backup verifies, and
    :class:`NeedsSecretError` when a secret is needed to find the key.
    """
    try:
        opened = _open_checked(
            paths, keys, secret, create=False, clock=clock, verify=True, opener=_open_plain
        )
    except JournalDamagedError as error:
        if error.offer is None:
            raise
        offer = error.offer
        return restore_from_home_backup(paths, offer.backup, offer.key, keys=keys, clock=clock)
    opened.journal.close()
    raise NothingToRepairError(paths.home)


def _open_plain(
    paths: JournalPaths, keys: KeyStore, secret: str | None, *, create: bool, clock: Clock
) -> OpenedJournal:
    # Opening to check only: never give an old journal a recovery key here, as
    # its code could not be shown. Only the outcome (it opened) is used.
    journal = open_journal(paths, keys, secret, create=create, clock=clock)
    return OpenedJournal(journal, False, KeySource.KEYRING)


# -- messages -------------------------------------------------------------------------


def _damage_message(
    paths: JournalPaths, damage: Damage, offer: BackupOffer | None, *, with_offer: bool = True
) -> str:
    db, header = paths.database, paths.header
    folder = paths.backups
    what = {
        Damage.DATABASE_EMPTY: (
            f"Your journal file {db} is damaged: it is empty (0 bytes), so its content was "
            "lost, for example in a disk error or an interrupted copy or sync."
        ),
        Damage.DATABASE_UNREADABLE: (
            f"Your journal file {db} is damaged: the key is right (your recovery key or "
            "passphrase unwrapped it, or it opens the journal's backups), but the file cannot "
            "be read. Part of it was cut off or overwritten, for example in a disk error or "
            "an interrupted copy or sync."
        ),
        Damage.INTEGRITY: (
            f"Your journal file {db} is damaged: it opens, but fails its integrity check "
            "(part of it was overwritten, for example in a disk error)."
        ),
        Damage.DATABASE_MISSING: (
            f"Your journal file {db} is missing, though other files of the journal are "
            "there. ketajournal will not create a new journal beside them."
        ),
        Damage.HEADER_MISSING: (
            f"Your journal's header {header} is missing. It holds the journal's id and its "
            "wrapped key, so without it the key cannot be found."
        ),
        Damage.HEADER_DAMAGED: (
            f"Your journal's header {header} is damaged. It holds the journal's id and its "
            "wrapped key, so without it the key cannot be found."
        ),
        Damage.JOURNAL_MISSING: (
            f"There is no journal in {paths.home}, but {folder} holds backups of one. "
            "ketajournal will not start a new, empty journal beside them: to do that, move "
            "the backups folder somewhere else first."
        ),
    }[damage]
    if not with_offer:
        return what
    if offer is None:
        return (
            f"{what} No backup in {folder} opens with the journal's key and passes its "
            "integrity check. Nothing was changed; keep the damaged file, and restore a backup "
            "file (restore FILE --force) if you have one."
        )
    when = f"{offer.made:%Y-%m-%d %H:%M}"
    if not offer.replaces_database:
        return (
            f"{what} The journal file itself opens with the key and passes its integrity "
            f"check, so only the header needs to come back: the copy kept with the backup "
            f"{offer.backup.name} of {when}. No entry is lost; afterwards the journal opens "
            "with the recovery key and passphrase it had on that date. The damaged header "
            f"is moved to {paths.set_aside_pattern(SetAside.DAMAGED)}. Nothing was changed yet."
        )
    return (
        f"{what} The newest backup that opens with the key and passes its integrity check "
        f"is {offer.backup.name}, made {when}. Restoring it moves the damaged files to "
        f"{paths.set_aside_pattern(SetAside.DAMAGED)} (nothing is deleted) and puts a copy "
        "of the backup in "
        f"their place; entries made after {when} are not in it. Nothing was changed yet."
    )


# -- files ----------------------------------------------------------------------------


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _made(backup: Path) -> datetime:
    return datetime.fromtimestamp(backup.stat().st_mtime).astimezone().replace(microsecond=0)


def _current_header_is(paths: JournalPaths, journal_id: str) -> bool:
    try:
        return read_header(paths.header).journal_id == journal_id
    except HeaderError:
        return False


def _header_fits(paths: JournalPaths, backup: Path) -> bool:
    try:
        return _current_header_is(paths, read_header(backup_header(backup)).journal_id)
    except HeaderError:
        return False


def _passphrase_mode(paths: JournalPaths) -> bool:
    try:
        return read_header(paths.header).passphrase is not None
    except HeaderError:
        return False


def _remember(keys: KeyStore, header: JournalHeader, key: bytes) -> bool:
    """Store the key in the keyring (keyring mode only); False if the keyring cannot."""
    if header.passphrase is not None:
        return False  # passphrase mode keeps nothing in the keyring
    try:
        keys.put(header.journal_id, key)
        stored = keys.get(header.journal_id)
    except KeyringUnavailableError as error:
        log.warning("restored key not stored in the keyring: %s", type(error).__name__)
        return False
    return stored is not None and same_key(stored, key)


@contextlib.contextmanager
def _staging_dir(paths: JournalPaths) -> Iterator[Path]:
    """A private folder inside the home (same disk, so renames from it are atomic)."""
    folder = paths.new_staging_dir()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _private_file(path: Path) -> Iterator[BinaryIO]:
    """A new file, owner-only from the start, fsynced when the block ends."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
    path.chmod(0o600)


def _aside_dir(paths: JournalPaths, reason: SetAside, now: datetime) -> Path:
    """A new folder ``<home>/backups/<reason>-<stamp>`` (never an existing one)."""
    ensure_private_dir(paths.backups)
    number = 1
    while True:
        target = paths.set_aside(reason, now, number)
        try:
            target.mkdir(mode=0o700)
        except FileExistsError:
            number += 1
            continue
        target.chmod(0o700)
        return target


def _move_aside(paths: JournalPaths, files: list[Path], folder: Path) -> list[tuple[Path, Path]]:
    """Move ``files`` into the new ``folder``; returns (from, to) pairs to undo it."""
    moved: list[tuple[Path, Path]] = []
    try:
        for path in files:
            target = folder / path.name
            if target.exists():
                raise FileExistsError(target)
            os.replace(path, target)
            moved.append((path, target))
    except BaseException:
        _move_back(paths, moved)
        raise
    fsync_dir(folder)
    fsync_dir(paths.home)
    return moved


def _move_back(paths: JournalPaths, moved: list[tuple[Path, Path]]) -> None:
    for original, target in reversed(moved):
        if not original.exists():
            os.replace(target, original)
    fsync_dir(paths.home)


def _place(paths: JournalPaths, header: Path | None, database: Path | None) -> None:
    """Rename staged files into place: the header first, the journal file last.

    Renaming the journal file is the moment the restore happens; a crash
    before it leaves at most a header without a journal, which never opens as
    a new journal (and the staged copy is still in the home).
    """
    placed: list[tuple[Path, Path]] = []
    try:
        for staged, target in ((header, paths.header), (database, paths.database)):
            if staged is None:
                continue
            if target.exists():
                raise FileExistsError(target)  # never over a file: it was moved aside first
            staged.chmod(0o600)
            os.replace(staged, target)
            placed.append((staged, target))
        fsync_dir(paths.home)
    except BaseException:
        for staged, target in reversed(placed):
            os.replace(target, staged)
        raise
