"""What is wrong with a journal's files, and which of its backups would put it right.

Opening (:func:`ketajournal.services.opening.open_checked`) asks this module
before SQLite touches a file (:func:`damage_before_opening`: an empty journal
file, a journal file gone while its header or backups remain) and after an
opening failed or the integrity check found problems (:func:`damaged_error`).
The error it builds, :class:`JournalDamagedError`, says what happened and offers
the newest backup that verifies with the journal's key
(:func:`newest_verified_backup`); :mod:`ketajournal.services.repair` puts that
backup in place.

A failure is told apart from a wrong key only when the key is proven: a secret
unwrapped the header's authenticated (AES-GCM) wrap, or the key from the
keyring entry named by the header opens one of the journal's backups. Then a
journal file that does not open is damaged. A keyring key that opens nothing
proves nothing: the user is asked for the recovery key, which decides.

The backups' module (:mod:`ketajournal.services.backups`) is imported by the functions
that look at backups, not with this module: opening a sound journal never needs it.
"""

from __future__ import annotations

import filecmp
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.platform.crypto import WrappedKey
from ketajournal.platform.keystore import KeyringUnavailableError, KeyStore, keyring_entry
from ketajournal.platform.moves import copy_to_private_file, new_set_aside_dir
from ketajournal.platform.paths import JournalPaths, SetAside, backup_header
from ketajournal.services.keys import (
    NeedsSecretError,
    NoWrappedKeyError,
    WrongSecretError,
    key_from_secret,
    unlock,
)
from ketajournal.storage.connection import KEY_BYTES, WrongKeyError, damaged_log
from ketajournal.storage.header import HeaderError, read_header, usable_with


class Damage(StrEnum):
    """What is wrong with a journal's files."""

    DATABASE_EMPTY = "database_empty"
    DATABASE_UNREADABLE = "database_unreadable"
    INTEGRITY = "integrity"
    DATABASE_MISSING = "database_missing"
    HEADER_MISSING = "header_missing"
    HEADER_DAMAGED = "header_damaged"
    JOURNAL_MISSING = "journal_missing"
    DATABASE_CUT = "database_cut"
    WAL_DAMAGED = "wal_damaged"


#: The smallest complete SQLCipher journal file: one 4 KiB page. SQLite writes whole
#: pages, so a shorter file that is not empty was cut (SQLite would take a 1-byte
#: file for a new, empty database).
MIN_DATABASE_BYTES = 4096


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

    def __init__(
        self,
        paths: JournalPaths,
        damage: Damage,
        offer: BackupOffer | None,
        *,
        kept: Path | None = None,
    ) -> None:
        super().__init__(_damage_message(paths, damage, offer, kept=kept))
        self.paths = paths
        self.damage = damage
        self.offer = offer
        self.kept = kept


class DamagedNeedsSecretError(NeedsSecretError):
    """The header is lost, and only a secret can say which backups are this journal's."""

    def __init__(self, paths: JournalPaths, damage: Damage) -> None:
        what = _damage_message(paths, damage, None, with_offer=False)
        super().__init__(
            _("{what} Its backups can be checked and restored with the journal's recovery key "
              "or passphrase: enter it to see the newest backup that opens. Nothing "
              "was changed.").format(
                  what=what)
        )
        self.damage = damage


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


class JournalPermissionError(KnownError):
    """A file or folder of the journal cannot be read or written by this user: not damage."""

    def __init__(self, path: Path, needs: str, home: Path) -> None:
        owner, user, mode = _owner(path), _user(), _mode(path)
        super().__init__(
            _("ketajournal cannot {needs} {path}: it belongs to {owner} (mode {mode}) and "
              "ketajournal runs as {user}. This is a permission problem, not damage: the "
              "journal was not opened, nothing was changed, and no backup should replace it. "
              "It happens when ketajournal was once run with sudo or as another user. To fix "
              "it, give the journal's folder back to yourself: sudo chown -R {user} {home} "
              "&& chmod -R u+rwX {home}").format(
                  needs=needs, path=path, owner=owner, mode=mode, user=user, home=home)
        )
        self.path = path


def _owner(path: Path) -> str:
    try:
        uid = path.stat().st_uid
    except OSError:
        return "an unknown user"
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"user {uid}"


def _user() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError, AttributeError):
        return "you"


def _mode(path: Path) -> str:
    try:
        return f"{stat.S_IMODE(path.stat().st_mode):04o}"
    except OSError:
        return "unknown"


def _allowed(path: Path, mode: int) -> bool:
    effective = os.access in os.supports_effective_ids
    return os.access(path, mode, effective_ids=effective)


class BackupsFolderError(KnownError):
    """``<home>/backups`` is there but is not a usable folder."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            _("{path} should be the journal's backups folder, but it {what}. The journal was "
              "not opened and nothing was changed: move it away (or repair the link) so that "
              "ketajournal can keep its backups there.").format(path=path, what=what)
        )


def permission_problem(paths: JournalPaths) -> KnownError | None:
    """The first file or folder of the journal this user may not use; None when all are fine.

    Looked at before anything else, so that a file owned by another user (after
    ``sudo ketajournal …``), a read-only home or an unreadable header is named as
    what it is, never taken for damage (which would offer to roll the journal back).
    """
    if os.name != "posix":
        return None
    try:
        if not paths.home.exists():
            return None
    except PermissionError:  # a folder on the way to the home may not be entered
        return JournalPermissionError(paths.home, "reach the folder", paths.home)
    checks: list[tuple[Path, int, str]] = [
        (paths.home, os.R_OK | os.W_OK | os.X_OK, "write in the folder"),
        (paths.database, os.R_OK | os.W_OK, "read and write the journal file"),
        (paths.sidecars[0], os.R_OK | os.W_OK, "read and write the journal's log"),
        (paths.sidecars[1], os.R_OK | os.W_OK, "read and write the journal's log index"),
        (paths.header, os.R_OK, "read the journal's header"),
    ]
    if not _allowed(paths.home, os.R_OK | os.W_OK | os.X_OK):
        return JournalPermissionError(paths.home, "write in the folder", paths.home)
    if paths.backups.is_symlink() and not paths.backups.exists():
        return BackupsFolderError(paths.backups, "is a link to something that is not there")
    if paths.backups.exists() and not paths.backups.is_dir():
        return BackupsFolderError(paths.backups, "is a file, not a folder")
    if paths.backups.exists():
        checks.append((paths.backups, os.R_OK | os.W_OK | os.X_OK, "write in the folder"))
    for path, mode, needs in checks:
        if path.exists() and not _allowed(path, mode) and path.exists():
            # (Asked twice: SQLite deletes the log and its index when another program's
            # last connection closes, and a file gone meanwhile is no permission problem.)
            return JournalPermissionError(path, needs, paths.home)
    return None


# -- finding damage and the backup that repairs it ---------------------------------


def damage_before_opening(paths: JournalPaths) -> Damage | None:
    """Damage that must be caught before SQLite touches the file; None when there is none.

    An empty journal file (SQLite would take it for a new database), or a journal
    file gone while its header, WAL or backups remain (a first run must not start
    a new journal beside them), a journal file shorter than one page, or a
    write-ahead log SQLite would drop committed transactions from
    (:func:`~ketajournal.storage.connection.damaged_log`). Reads the files, never
    through SQLite.
    """
    database = paths.database
    if database.exists():
        size = database.stat().st_size if database.is_file() else MIN_DATABASE_BYTES
        if size == 0:
            wal = paths.sidecars[0]
            if not wal.exists() or wal.stat().st_size == 0:
                # SQLite would open an empty file as a new database and the
                # migrations would build an empty journal in it.
                return Damage.DATABASE_EMPTY
        elif size < MIN_DATABASE_BYTES:
            return Damage.DATABASE_CUT
        if damaged_log(database) is not None:
            return Damage.WAL_DAMAGED
        return None
    if paths.creating.exists():
        return None  # an interrupted first run: open_or_create starts it again
    if any(p.exists() for p in (paths.header, *paths.sidecars)):
        return Damage.DATABASE_MISSING
    from ketajournal.services.backups import home_backups  # no journal file: look for backups

    if home_backups(paths):
        return Damage.JOURNAL_MISSING
    return None


def keep_damaged_log(paths: JournalPaths, now: datetime) -> Path:
    """Copy the damaged write-ahead log and its index to ``backups/damaged-<stamp>/``.

    The originals stay in place (nothing opens them while they are damaged). A
    folder that already holds this very log is reused, so opening again and again
    does not pile up copies.
    """
    wal, shm = paths.sidecars
    for folder in sorted(paths.backups.glob(f"{SetAside.DAMAGED.value}-*")):
        kept = folder / wal.name
        if kept.is_file() and wal.is_file() and filecmp.cmp(kept, wal, shallow=False):
            return folder
    folder = new_set_aside_dir(paths, SetAside.DAMAGED, now)
    for source in (wal, shm):
        if source.is_file():
            copy_to_private_file(source, folder / source.name)
    return folder


def proven_key(paths: JournalPaths, keys: KeyStore, secret: str | None) -> bytes | None:
    """The key from the header's keyring entry or wrap, or None if that key is itself bad."""
    try:
        return unlock(paths, keys, secret).key
    except WrongKeyError:
        return None


def damaged_error(
    paths: JournalPaths,
    keys: KeyStore,
    secret: str | None,
    damage: Damage,
    *,
    key: bytes | None = None,
    kept: Path | None = None,
) -> JournalDamagedError:
    """The error for ``damage``, with the newest verified backup if a key can check them.

    ``key`` is the journal's key when it is already proven; otherwise it is
    looked for through the header, or else the header copies kept with the
    backups. Raises :class:`DamagedNeedsSecretError` when only a secret would
    find it, and :class:`~ketajournal.services.keys.WrongSecretError` when the
    secret given opens none of them.
    """
    from ketajournal.services.backups import backup_verifies, home_backups, made

    if key is None:
        if not home_backups(paths):
            return JournalDamagedError(paths, damage, None, kept=kept)
        key = _key_for_damaged(paths, keys, secret, damage)
        if key is None:
            return JournalDamagedError(paths, damage, None, kept=kept)
    backup = newest_verified_backup(paths, key)
    if backup is None:
        return JournalDamagedError(paths, damage, None, kept=kept)
    header_lost = damage in (
        Damage.HEADER_MISSING, Damage.HEADER_DAMAGED, Damage.JOURNAL_MISSING
    )
    database_sound = header_lost and backup_verifies(paths.database, key)
    offer = BackupOffer(
        backup=backup,
        made=made(backup, key).astimezone().replace(microsecond=0),
        key=key,
        replaces_database=not database_sound,
        replaces_header=header_lost or not _header_fits(paths, backup),
    )
    return JournalDamagedError(paths, damage, offer, kept=kept)


def _key_for_damaged(
    paths: JournalPaths, keys: KeyStore, secret: str | None, damage: Damage
) -> bytes | None:
    """The journal's key, found through the header or else the backups' header copies.

    Raises :class:`DamagedNeedsSecretError` when only a secret would find it, and
    :class:`WrongSecretError` when the secret given opens none of them.
    """
    from ketajournal.services.backups import home_backups

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
            key = keys.get(keyring_entry(paths.home, header.journal_id))
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

    Backups are tried newest first by the time each records inside itself
    (:func:`~ketajournal.services.backups.newest_first`; a copied or synced folder
    gives every file a new modification time); one counts if it opens with
    ``key``, passes the integrity check and has its header copy, which is
    authentic under ``key`` (or older than header authentication). Backups of
    another journal (another key) never verify, so never count.
    """
    from ketajournal.services.backups import backup_verifies, home_backups, newest_first

    fitting: list[Path] = []
    for backup in home_backups(paths):
        if not backup_header(backup).is_file():
            continue
        try:
            copy = read_header(backup_header(backup))
        except HeaderError:
            continue
        if usable_with(copy, key):
            fitting.append(backup)
    for backup in newest_first(fitting, key):
        if backup_verifies(backup, key):
            return backup
    return None


def key_from_header_copies(paths: JournalPaths, secret: str) -> bytes | None:
    """The key ``secret`` unwraps from an authentic header copy of a backup, or None.

    For a secret the current header refuses: if a copy accepts it (and its MAC fits
    the key it gives), the current header may be the damaged one.
    """
    from ketajournal.services.backups import home_backups

    for backup in home_backups(paths):
        try:
            copy = read_header(backup_header(backup))
            key = key_from_secret(copy, secret)[0]
        except (HeaderError, WrongSecretError, NoWrappedKeyError):
            continue
        if usable_with(copy, key):
            return key
    return None


def current_header_is(paths: JournalPaths, journal_id: str, key: bytes | None = None) -> bool:
    """True if the home's header is readable, names the journal ``journal_id`` and, with
    ``key``, is authentic under it (or older than header authentication)."""
    try:
        header = read_header(paths.header)
    except HeaderError:
        return False
    return header.journal_id == journal_id and (key is None or usable_with(header, key))


def _header_fits(paths: JournalPaths, backup: Path) -> bool:
    try:
        return current_header_is(paths, read_header(backup_header(backup)).journal_id)
    except HeaderError:
        return False


# -- messages -------------------------------------------------------------------------


def _damage_message(
    paths: JournalPaths,
    damage: Damage,
    offer: BackupOffer | None,
    *,
    with_offer: bool = True,
    kept: Path | None = None,
) -> str:
    db, header = paths.database, paths.header
    if damage is Damage.WAL_DAMAGED:
        return _wal_message(paths, offer if with_offer else None, kept)
    folder = paths.backups
    if damage is Damage.HEADER_DAMAGED and _header_of_another_journal(paths, offer):
        damage_text = (
            f"Your journal's header {header} is the header of another journal: its id is not "
            f"the one this journal's backups in {folder} carry, so it was probably copied or "
            "restored over this journal's own. It holds that journal's id and wrapped key, so "
            "this journal's key cannot be found through it."
        )
    else:
        damage_text = ""
    what = damage_text or {
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
        Damage.DATABASE_CUT: (
            f"Your journal file {db} is damaged: it is shorter than the smallest complete "
            "journal, so it was cut off, for example in a disk error or an interrupted copy "
            "or sync."
        ),
        Damage.WAL_DAMAGED: "",
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


def _header_of_another_journal(paths: JournalPaths, offer: BackupOffer | None) -> bool:
    """True if the home's readable header names another journal than this one's backups.

    With an offer, "this journal" is the one whose key is proven (the offered backup's
    authentic header copy); without one, the header copies in the backups folder, when
    they all name one journal.

    A damaged header of this journal (a flipped bit in its id) still carries this
    journal's wraps: only a header whose id and recovery wrap both differ counts.
    """
    from ketajournal.services.backups import home_backups

    try:
        current = read_header(paths.header)
    except HeaderError:
        return False  # unreadable: damaged, not someone else's
    copies = [offer.backup] if offer is not None else home_backups(paths)
    ids: set[str] = set()
    wraps: set[WrappedKey | None] = set()
    for backup in copies:
        try:
            copy = read_header(backup_header(backup))
        except HeaderError:
            continue
        ids.add(copy.journal_id)
        wraps.add(copy.recovery)
    return len(ids) == 1 and current.journal_id not in ids and current.recovery not in wraps


def _wal_message(paths: JournalPaths, offer: BackupOffer | None, kept: Path | None) -> str:
    wal = paths.sidecars[0]
    report = damaged_log(paths.database)
    reason = report.reason if report is not None else "it is damaged"
    where = f"A copy of the log and its index is in {kept}. " if kept is not None else ""
    text = (
        f"Your journal's write-ahead log {wal} is damaged: {reason}. It holds entries that "
        "were saved, and opening the journal as it is would drop them for good, so "
        f"ketajournal did not open it. {where}Nothing was changed. If you have an intact "
        f"copy of {wal.name} (a backup or sync of this folder), put it back. Otherwise "
        "restore --accept-damaged-log opens the journal with what the log still holds "
        "(what it cannot replay is lost; the copy stays)"
    )
    if offer is None:
        return text + "."
    return (
        text + f", or restore --from-backups puts the backup {offer.backup.name} of "
        f"{offer.made:%Y-%m-%d %H:%M} in place (entries made after it are not in it)."
    )
