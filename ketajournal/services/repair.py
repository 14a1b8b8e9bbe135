"""Repairing a damaged journal from the verified backups in its own home.

When opening finds damage (:mod:`ketajournal.services.damage`) it offers the
newest backup in ``<home>/backups`` that verifies with the journal's key.
:func:`restore_from_home_backup` puts that backup in place: the damaged files
go to ``<home>/backups/damaged-…/`` (never deleted) and a verified copy of the
backup takes their place; a sound journal file or a sound header is kept.
:func:`repair_from_backups` (``ketajournal restore --from-backups``) does both
steps for the command line. :func:`accept_damaged_log` (``restore
--accept-damaged-log``) is the other way out of a damaged write-ahead log: keep
a copy of it, then keep what it still replays.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.language import ngettext
from ketajournal.platform.clock import Clock, system_now
from ketajournal.platform.keystore import KeyStore
from ketajournal.platform.moves import (
    copy_to_private_file,
    move_aside,
    move_back,
    new_set_aside_dir,
    os_reason,
    staging_dir,
)
from ketajournal.platform.paths import JournalPaths, SetAside, backup_header, ensure_private_dir
from ketajournal.services.backups import backup_verifies
from ketajournal.services.damage import (
    Damage,
    JournalDamagedError,
    current_header_is,
    damage_before_opening,
    keep_damaged_log,
)
from ketajournal.services.journal import Journal
from ketajournal.services.keys import unlock
from ketajournal.services.opening import open_checked
from ketajournal.services.portable import BackupFileError
from ketajournal.services.restore import RestoreResult, place_journal, store_restored_key
from ketajournal.storage.connection import replay_damaged_log
from ketajournal.storage.database import open_database
from ketajournal.storage.header import HeaderError, read_header


class NothingToRepairError(KnownError):
    """The journal opens and passes its check: there is nothing to restore."""

    def __init__(self, home: Path) -> None:
        super().__init__(
            _("The journal in {home} opens and passes its integrity check, so nothing was "
              "restored and nothing was changed. To go back to an older backup on purpose, use "
              "restore FILE --force with one of the files in the backups folder.").format(
                  home=home)
        )


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
            _("The backup {name} could not be put in place ({error}). The "
              "damaged files are where they were.").format(
                  name=backup.name, error=os_reason(error))
        ) from None


def _restore_from_home_backup(
    paths: JournalPaths, backup: Path, key: bytes, keys: KeyStore | None, clock: Clock
) -> RestoreResult:
    try:
        header_copy = read_header(backup_header(backup))
    except HeaderError:
        raise BackupFileError(
            _("The backup {name} has no readable header copy. Nothing was changed.").format(
                name=backup.name)
        ) from None
    if not backup_verifies(backup, key):
        raise BackupFileError(
            _("The backup {name} does not open with the journal's key or fails its "
              "integrity check. Nothing was changed.").format(name=backup.name)
        )
    header_sound = current_header_is(paths, header_copy.journal_id, key)
    database_sound = backup_verifies(paths.database, key)
    if header_sound and database_sound:
        raise NothingToRepairError(paths.home)
    ensure_private_dir(paths.home)
    with staging_dir(paths) as staging:
        staged_db, staged_header = JournalPaths(staging).database, JournalPaths(staging).header
        copy_to_private_file(backup_header(backup), staged_header)
        if database_sound:
            database = open_database(paths.database, key)
        else:
            copy_to_private_file(backup, staged_db)
            if not backup_verifies(staged_db, key):
                raise BackupFileError(
                    _("The copy of the backup {name} did not verify (is the disk full "
                      "or failing?). Nothing was changed.").format(name=backup.name)
                )
            database = open_database(staged_db, key)
        try:
            counts = Journal(database).entry_counts()
        finally:
            database.close()
        damaged = [] if header_sound else [paths.header]
        if not database_sound:
            damaged += paths.database_files
        present = [p for p in damaged if p.exists()]
        aside = new_set_aside_dir(paths, SetAside.DAMAGED, clock()) if present else None
        moved = move_aside(present, aside) if aside is not None else []
        try:
            place_journal(
                paths,
                None if header_sound else staged_header,
                None if database_sound else staged_db,
            )
        except BaseException:
            move_back(moved)
            raise
    stored = store_restored_key(paths, keys, header_copy, key) if keys is not None else False
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
        # Opening to check only: never give an old journal a recovery key here, as
        # its code could not be shown. Only the outcome (it opened) is used.
        opened = open_checked(
            paths, keys, secret, create=False, clock=clock, verify=True, add_recovery_key=False
        )
    except JournalDamagedError as error:
        if error.offer is None:
            raise
        offer = error.offer
        return restore_from_home_backup(paths, offer.backup, offer.key, keys=keys, clock=clock)
    opened.journal.close()
    raise NothingToRepairError(paths.home)


class LogIsSoundError(KnownError):
    """``restore --accept-damaged-log`` on a journal whose write-ahead log is not damaged."""

    def __init__(self, home: Path) -> None:
        super().__init__(
            _("The write-ahead log of the journal in {home} is not damaged, so nothing was "
              "changed.").format(home=home)
        )


@dataclass(frozen=True)
class LogAccepted:
    """What ``restore --accept-damaged-log`` did: where the log copy is, what the journal holds."""

    kept: Path
    counts: dict[str, int]

    def summary(self) -> str:
        """The lines the CLI prints."""
        total = sum(self.counts.values())
        return ngettext(
            "The journal now holds what its write-ahead log could still replay ({n} entry). "
            "The damaged log and its index are kept in {folder}.",
            "The journal now holds what its write-ahead log could still replay ({n} entries). "
            "The damaged log and its index are kept in {folder}.", total).format(
                n=total, folder=self.kept)


def accept_damaged_log(
    paths: JournalPaths,
    keys: KeyStore,
    secret: str | None = None,
    *,
    clock: Clock = system_now,
) -> LogAccepted:
    """``ketajournal restore --accept-damaged-log``: keep a copy of the log, then replay it.

    For a journal whose write-ahead log would drop committed transactions (the
    user was told, and chose this over a backup): the log and its index are first
    copied to ``backups/damaged-<stamp>/``, then the journal is opened with what
    the log still replays, checked and closed. Raises :class:`LogIsSoundError`
    when the log is not damaged.
    """
    if damage_before_opening(paths) is not Damage.WAL_DAMAGED:
        raise LogIsSoundError(paths.home)
    key = unlock(paths, keys, secret).key
    kept = keep_damaged_log(paths, clock())
    replay_damaged_log(paths.database, key)
    opened = open_checked(
        paths, keys, secret, create=False, clock=clock, verify=True, add_recovery_key=False
    )
    try:
        counts = opened.journal.entry_counts()
    finally:
        opened.journal.close()
    return LogAccepted(kept=kept, counts=counts)


def _passphrase_mode(paths: JournalPaths) -> bool:
    try:
        return read_header(paths.header).passphrase is not None
    except HeaderError:
        return False
