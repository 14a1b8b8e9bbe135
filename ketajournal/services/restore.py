"""Restoring a backup file: verified first, then put in place by renames.

:func:`restore_backup_file` (``ketajournal restore FILE``, File → Restore from a
backup file) takes a portable backup file (:mod:`ketajournal.services.portable`)
or a ``.db`` with its ``.header`` from a backups folder. The backup is staged
inside the home, its key found (a passphrase or recovery key the user gives,
else the keyring when it holds this journal's key) and the copy verified (it
opens, passes the integrity check, is not from a newer version) *before*
anything is placed (:func:`prepare_restore`). An existing journal is replaced
only with ``force``, and then first moved to ``<home>/backups/before-restore-…/``
(:func:`finish_restore`). Afterwards the key goes back into the keyring, so the
next start just works.

The rules are the same as for a repair (:mod:`ketajournal.services.repair`):
verify first, then move files into place with renames
(:mod:`ketajournal.platform.moves`); never delete a journal file and never
overwrite one.
"""

from __future__ import annotations

import logging
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.language import ngettext
from ketajournal.platform.clock import Clock, system_now
from ketajournal.platform.crypto import same_key
from ketajournal.platform.keystore import KeyringUnavailableError, KeyStore, keyring_entry
from ketajournal.platform.moves import (
    copy_to_private_file,
    move_aside,
    move_back,
    new_set_aside_dir,
    os_reason,
    place,
)
from ketajournal.platform.paths import BACKUP_SUFFIX, JournalPaths, SetAside, backup_header
from ketajournal.services.backups import backup_verifies
from ketajournal.services.journal import Journal
from ketajournal.services.keys import (
    KeyChangeFailedError,
    KeySource,
    NeedsSecretError,
    WrongSecretError,
    key_from_secret,
)
from ketajournal.services.opening import journal_exists
from ketajournal.services.portable import (
    BackupFileError,
    BackupKeyDoesNotFitError,
    StagedBackup,
    extract_portable_backup,
    read_portable_header,
)
from ketajournal.storage.connection import KEY_BYTES, PAGE_BYTES, key_fits_first_page
from ketajournal.storage.database import open_database
from ketajournal.storage.header import (
    MAX_HEADER_BYTES,
    HeaderError,
    JournalHeader,
    parse_header,
    read_header,
    write_header,
)

log = logging.getLogger(__name__)


# -- errors ---------------------------------------------------------------------------


class JournalExistsError(KnownError):
    """Restore would replace a journal, and that was not asked for."""

    def __init__(self, paths: JournalPaths) -> None:
        super().__init__(
            _("There is already a journal in {home}; restore does not replace it unless "
              "asked. Nothing was changed. To replace it, restore with --force: the journal "
              "there is first moved to {before_restore} "
              "(nothing is deleted). Or restore into another folder with --home.").format(
                  home=paths.home, before_restore=paths.set_aside_pattern(SetAside.BEFORE_RESTORE))
        )


class RestoreNeedsSecretError(NeedsSecretError):
    """The backup's key is not in the keyring: its recovery key or passphrase opens it."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            _("{reason} The backup opens with the journal's recovery key, or with the "
              "passphrase it had when the backup was made. Nothing was changed.").format(
                  reason=reason)
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
            _("This backup was made by an older ketajournal that had no recovery key, and the "
              "system keyring holds no key for it, so it cannot be opened here. Nothing was "
              "changed.")
        )


# -- results --------------------------------------------------------------------------


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
    #: The journal it replaced had a different recovery key or passphrase (made after
    #: this backup): those no longer open the restored journal, the older ones do.
    older_secrets: str | None = None
    #: The recovery key and/or passphrase of the journal it replaced, which the restored
    #: journal was re-wrapped under (``keep_current_secrets``): the backup's older ones
    #: no longer open it.
    kept_secrets: str | None = None

    @property
    def total(self) -> int:
        """Entries in the restored journal."""
        return sum(self.counts.values())

    def summary(self) -> str:
        """What happened, in a few sentences (counts and paths only)."""
        if self.replaced_database:
            lines = [ngettext("Restored {n} entry from {source} into {home}.",
                              "Restored {n} entries from {source} into {home}.",
                              self.total).format(n=self.total, source=self.source,
                                                 home=self.home)]
        else:
            lines = [
                ngettext("Put back the journal header from {header}; the journal file was "
                         "sound and keeps its {n} entry.",
                         "Put back the journal header from {header}; the journal file was "
                         "sound and keeps all its {n} entries.", self.total).format(
                    header=backup_header(self.source), n=self.total)
            ]
        if self.moved_aside is not None:
            lines.append(_("The files it replaced are in {folder} (nothing was deleted).").format(
                folder=self.moved_aside))
        if self.older_secrets is not None:
            lines.append(_(
                "Note: this backup is older than the {secrets} of the journal "
                "it replaced. The restored journal opens with the recovery key and "
                "passphrase it had when the backup was made — a key you replaced since "
                "works again — and not with the newer ones. To keep the current ones "
                "instead, restore with --keep-current-keys (in the window: answer Yes to "
                "keeping them). If an old key may be known to someone, make a new recovery "
                "key now (Settings → Security).").format(secrets=secrets_read(self.older_secrets))
            )
        if self.kept_secrets is not None:
            lines.append(_(
                "The restored journal keeps the current {secrets} of the journal "
                "it replaced; the older ones in the backup no longer open it.").format(
                    secrets=secrets_read(self.kept_secrets))
            )
        if self.passphrase_mode:
            lines.append(_(
                "The journal is in passphrase mode: it opens with the passphrase it had when "
                "the backup was made, or with its recovery key."
            ))
        elif self.stored_in_keyring:
            lines.append(_("Its key is in the system keyring, so the journal opens as usual."))
        else:
            lines.append(_(
                "The system keyring could not store its key: open the journal with its "
                "recovery key (--password-file on the command line)."
            ))
        return " ".join(lines)


def secrets_read(secrets: str) -> str:
    """:func:`older_secrets`' words ("recovery key and passphrase") in the language in use."""
    words = {"recovery key": _("recovery key"), "passphrase": _("passphrase"),
             "recovery key and passphrase": _("recovery key and passphrase")}
    return words.get(secrets, secrets)


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
        raise BackupFileError(_("There is no backup file at {source}. Nothing was changed.").format(
            source=source))
    if not force and journal_exists(paths):
        raise JournalExistsError(paths)
    staging = paths.new_staging_dir()
    try:
        try:
            header_bytes = _backup_header_bytes(source)
            header = parse_header(header_bytes, source)
        except OSError as error:
            raise BackupFileError(
                _("The backup {source} could not be read or copied ({error}). "
                  "Nothing was changed.").format(source=source, error=os_reason(error))
            ) from None
        except HeaderError:
            raise BackupFileError(
                _("The header inside the backup {source} is damaged, so its key cannot be "
                  "found. Nothing was changed.").format(source=source)
            ) from None
        key, source_of_key = _key_for_backup(paths, header, keys, secret)
        proven = source_of_key != KeySource.KEYRING
        try:
            # The key is tried on the journal file's first page before any of it is
            # copied: a backup that does not fit its key is never extracted anywhere.
            staged = _stage(source, staging, key)
        except BackupKeyDoesNotFitError:
            raise _does_not_verify(source, proven) from None
        except OSError as error:
            raise BackupFileError(
                _("The backup {source} could not be read or copied ({error}). "
                  "Nothing was changed.").format(source=source, error=os_reason(error))
            ) from None
        if staged.header.read_bytes() != header_bytes:  # the file changed meanwhile
            raise BackupFileError(
                _("The backup {source} changed while it was read. Nothing was changed.").format(
                    source=source)
            )
        counts = _verify_staged(staged.db, key, source, proven=proven)
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
    keep_current_secrets: bool = False,
) -> RestoreResult:
    """Put a prepared backup in place; the staged copy is gone afterwards either way.

    With ``force`` an existing journal is first moved to
    ``<home>/backups/before-restore-<stamp>/``; if placing the backup then fails,
    it is moved back. With ``keep_current_secrets``, a backup older than the
    recovery key or passphrase of the journal it replaces is re-wrapped under
    those (:func:`keep_secrets_of`), so a revoked key does not come back. The key
    is stored in the keyring when the journal is then in keyring mode and a
    keyring works (a failure there is reported, not raised). The journal must be
    closed (the window locks it first).
    """
    paths = prepared.paths
    older = older_secrets(paths, prepared.header)
    current = _authentic_current_header(paths, prepared) if keep_current_secrets else None
    try:
        existing = [p for p in paths.journal_files if p.exists()]
        if existing and not force:
            raise JournalExistsError(paths)
        aside = new_set_aside_dir(paths, SetAside.BEFORE_RESTORE, clock()) if existing else None
        try:
            moved = move_aside(existing, aside) if aside is not None else []
            try:
                staged = JournalPaths(prepared.staging)
                place_journal(paths, staged.header, staged.database)
            except BaseException:
                move_back(moved)
                raise
        except OSError as error:
            raise BackupFileError(
                _("The backup could not be put in place ({error}). The journal in "
                  "{home} is as it was.").format(error=os_reason(error), home=paths.home)
            ) from None
    finally:
        prepared.discard()
    in_place, kept = prepared.header, None
    if current is not None and older is not None:
        in_place = keep_secrets_of(paths, prepared.header, current, prepared.key)
        kept, older = older, None
    stored = store_restored_key(paths, keys, in_place, prepared.key)
    return RestoreResult(
        home=paths.home,
        source=prepared.source,
        journal_id=prepared.header.journal_id,
        counts=prepared.counts,
        moved_aside=aside,
        stored_in_keyring=stored,
        passphrase_mode=in_place.passphrase is not None,
        older_secrets=older,
        kept_secrets=kept,
    )


def _authentic_current_header(
    paths: JournalPaths, prepared: PreparedRestore
) -> JournalHeader | None:
    """The header of the journal a restore replaces, if it is the same journal's and
    authentic under its key (so its wraps hold this very key), else None."""
    try:
        current = read_header(paths.header)
    except HeaderError:
        return None
    if current.journal_id != prepared.header.journal_id or not current.verifies(prepared.key):
        return None
    return current


def keep_secrets_of(
    paths: JournalPaths, restored: JournalHeader, current: JournalHeader, key: bytes
) -> JournalHeader:
    """Re-wrap the restored journal at ``paths`` under the secrets of ``current``.

    The data key never changes when a secret does, so the wraps of the header a
    restore replaced (authentic under ``key``) open the restored journal too: its
    header takes them (the recovery key, its date, the passphrase or keyring mode)
    and keeps the rest of its own. Written atomically and read back; a header that
    does not verify is put back as it was (:class:`KeyChangeFailedError`).
    Returns the header now in place.
    """
    adopted = restored.replace(
        recovery=current.recovery,
        passphrase=current.passphrase,
        recovery_created=current.recovery_created,
    )
    write_header(paths.header, adopted, key)
    try:
        ok = read_header(paths.header).verifies(key)
    except HeaderError:
        ok = False
    if not ok:
        write_header(paths.header, restored, key)
        raise KeyChangeFailedError
    return adopted


def older_secrets(paths: JournalPaths, restored: JournalHeader) -> str | None:
    """What the journal at ``paths`` has that ``restored`` (an older header of it) lacks.

    "recovery key" and/or "passphrase" when the current header of the same journal
    holds different wraps: after the restore those stop opening it, and the ones
    in the backup (perhaps revoked) open it again. None when nothing differs.
    """
    try:
        current = read_header(paths.header)
    except HeaderError:
        return None
    if current.journal_id != restored.journal_id:
        return None
    changed = []
    if current.recovery is not None and current.recovery != restored.recovery:
        changed.append("recovery key")
    if current.passphrase is not None and current.passphrase != restored.passphrase:
        changed.append("passphrase")
    return " and ".join(changed) or None


def restore_backup_file(
    paths: JournalPaths,
    source: Path,
    keys: KeyStore,
    secret: str | None = None,
    *,
    keep_current_secrets: bool = False,
    force: bool = False,
    clock: Clock = system_now,
) -> RestoreResult:
    """``ketajournal restore FILE``: :func:`prepare_restore`, then :func:`finish_restore`."""
    prepared = prepare_restore(paths, source, keys, secret, force=force)
    return finish_restore(
        prepared, keys, force=force, clock=clock, keep_current_secrets=keep_current_secrets
    )


def _backup_header_bytes(source: Path) -> bytes:
    """The header of a backup, read without copying its journal file anywhere."""
    if _is_home_backup(source):
        with backup_header(source).open("rb") as handle:
            return handle.read(MAX_HEADER_BYTES + 1)
    if zipfile.is_zipfile(source):
        return read_portable_header(source, str(source))[0]
    raise BackupFileError(
        _("{source} is not a ketajournal backup file (one written by backup -o, or a .db "
          "file from a backups folder with its .header beside it). Nothing was changed.").format(
              source=source)
    )


def _is_home_backup(source: Path) -> bool:
    return source.suffix == BACKUP_SUFFIX and backup_header(source).is_file()


def _stage(source: Path, staging: Path, key: bytes) -> StagedBackup:
    """Copy a backup into ``staging``: a portable file, or a ``.db`` with its ``.header``.

    Raises :class:`BackupKeyDoesNotFitError` before anything is copied when the
    journal file's first page is not authentic under ``key``.
    """
    if not _is_home_backup(source):
        return extract_portable_backup(source, staging, str(source), key)
    with source.open("rb") as data:
        if not key_fits_first_page(data.read(PAGE_BYTES), key):
            raise BackupKeyDoesNotFitError(str(source))
    db, header = JournalPaths(staging).database, JournalPaths(staging).header
    for origin, target in ((source, db), (backup_header(source), header)):
        copy_to_private_file(origin, target)
    made = datetime.fromtimestamp(source.stat().st_mtime).astimezone()
    return StagedBackup(db, header, made.replace(microsecond=0))


def _does_not_verify(source: Path, proven: bool) -> BackupFileError:
    if proven:
        reason = "it does not open with its key or fails its integrity check"
    else:
        reason = (
            "it does not open with the key in the system keyring or fails its integrity "
            "check (if it is not damaged, try its recovery key with --password-file)"
        )
    return BackupFileError(_("The backup {source} is damaged: {reason}. Nothing "
                             "was changed.").format(
        source=source, reason=reason))


def _key_for_backup(
    paths: JournalPaths, header: JournalHeader, keys: KeyStore, secret: str | None
) -> tuple[bytes, KeySource]:
    if secret is not None:
        try:
            return key_from_secret(header, secret)
        except WrongSecretError:
            raise WrongBackupSecretError from None
    if header.passphrase is not None:
        raise RestoreNeedsSecretError(_("This backup was made in passphrase mode."))
    try:
        key = keys.get(keyring_entry(paths.home, header.journal_id))
    except KeyringUnavailableError as error:
        if header.recovery is None:
            raise
        raise RestoreNeedsSecretError(
            _("The system keyring cannot be used ({detail}).").format(detail=error.detail)
        ) from None
    if key is None or len(key) != KEY_BYTES:
        if header.recovery is None:
            raise BackupKeyLostError
        raise RestoreNeedsSecretError(_("The system keyring holds no key for this journal."))
    return key, KeySource.KEYRING


def _verify_staged(db: Path, key: bytes, source: Path, *, proven: bool) -> dict[str, int]:
    """Verify a staged copy; returns its entry counts. Applies pending migrations to it."""
    if not backup_verifies(db, key):
        raise _does_not_verify(source, proven)
    # Refuses a backup from a newer ketajournal (NewerSchemaError) and brings an
    # older one up to date — on the staged copy; the source file is untouched.
    database = open_database(db, key)
    try:
        return Journal(database).entry_counts()
    finally:
        database.close()


# -- putting a journal in place (shared with repair) ---------------------------------


def place_journal(paths: JournalPaths, header: Path | None, database: Path | None) -> None:
    """Rename staged files into place: the header first, the journal file last.

    Renaming the journal file is the moment the restore happens; a crash
    before it leaves at most a header without a journal, which never opens as
    a new journal (and the staged copy is still in the home). Never over a
    file: what is replaced must have been moved aside first.
    """
    renames = [(header, paths.header), (database, paths.database)]
    place([(staged, target) for staged, target in renames if staged is not None])


def store_restored_key(
    paths: JournalPaths, keys: KeyStore, header: JournalHeader, key: bytes
) -> bool:
    """Store a restored journal's key in the keyring (keyring mode only), read it back.

    Returns False, and logs only the error's type, if the keyring cannot keep it.
    """
    if header.passphrase is not None:
        return False  # passphrase mode keeps nothing in the keyring
    try:
        entry = keyring_entry(paths.home, header.journal_id)  # this location's own entry
        keys.put(entry, key)
        stored = keys.get(entry)
    except KeyringUnavailableError as error:
        log.warning("restored key not stored in the keyring: %s", type(error).__name__)
        return False
    return stored is not None and same_key(stored, key)
