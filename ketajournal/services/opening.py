"""Open the journal at a home, creating it on first run — and never anything else.

:func:`open_checked` is how the app and the CLI open a journal: it catches a
damaged journal before and after opening it (:mod:`ketajournal.services.damage`)
and runs the integrity check. :func:`open_or_create` and :func:`open_journal`
open without those checks (tests, benchmarks, the demo journal).

The rules that keep a patient's journal safe:

* a new journal is created only when the home holds no journal file, no header
  and no WAL: never over or beside one that exists but cannot be opened;
* the key is created and stored in the keyring (and read back) *before* any
  journal file exists, so a failing keyring leaves nothing behind;
* a new journal's header carries the key wrapped under a fresh recovery key,
  whose code is handed back once (:attr:`OpenedJournal.new_recovery_code`);
* a journal opens with the key from the keyring, or with a passphrase or the
  recovery key the user gives (:mod:`ketajournal.services.keys`); never in
  plain text and never by making a new key;
* a missing key, a wrong key or secret, a missing header or a journal from a
  newer version is an error with a message, and the files are left exactly as
  found.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.platform.clock import Clock, system_now
from ketajournal.platform.crypto import RecoveryCode, new_recovery_code
from ketajournal.platform.instance import creation_lock
from ketajournal.platform.keystore import KeyringKeyStore, KeyStore, keyring_entry
from ketajournal.platform.paths import JournalPaths, ensure_private_dir
from ketajournal.services.damage import (
    Damage,
    KeyringKeyDoesNotFitError,
    damage_before_opening,
    damaged_error,
    keep_damaged_log,
    key_from_header_copies,
    newest_verified_backup,
    permission_problem,
    proven_key,
)
from ketajournal.services.journal import Journal
from ketajournal.services.keys import KeyMissingError as KeyMissingError
from ketajournal.services.keys import (
    KeySource,
    WrongSecretError,
    add_recovery_key_if_missing,
    unlock,
    with_recovery_key,
)
from ketajournal.storage.connection import KEY_BYTES, WalDamagedError, WrongKeyError
from ketajournal.storage.database import create_database, open_database
from ketajournal.storage.header import (
    HeaderError,
    HeaderNotAuthenticError,
    JournalHeader,
    read_header,
    write_header,
)

log = logging.getLogger(__name__)


class JournalIncompleteError(KnownError):
    """Parts of a journal exist, but not the journal file itself."""

    def __init__(self, home: Path, found: list[str]) -> None:
        super().__init__(
            _("{home} holds parts of a journal ({found}) but not the journal file "
              "itself. ketajournal will not create a new journal there. Nothing "
              "was changed.").format(
                  home=home, found=', '.join(found))
        )


class NoJournalError(KnownError):
    """There is no journal at the home and creating one was not allowed."""

    def __init__(self, home: Path) -> None:
        super().__init__(_("There is no journal in {home}.").format(home=home))


class NothingToUnlockError(NoJournalError):
    """A passphrase or recovery key was given, but there is no journal to open with it."""

    def __init__(self, home: Path) -> None:
        KnownError.__init__(
            self,
            f"There is no journal in {home} to open with a passphrase or recovery key. "
            "Nothing was created; check the journal folder (--home).",
        )


@dataclass(frozen=True)
class OpenedJournal:
    """An open journal and how it was opened.

    ``new_recovery_code`` is set only when this call made the journal's
    recovery key (a new journal, or an old one that had none). It exists
    nowhere else: show it to the user now, once.
    """

    journal: Journal
    created: bool
    unlocked_with: KeySource
    new_recovery_code: RecoveryCode | None = field(default=None, repr=False)


def journal_exists(paths: JournalPaths) -> bool:
    """True if any file of a journal is present at the home."""
    return any(p.exists() for p in paths.journal_files)


def open_or_create(
    paths: JournalPaths,
    keys: KeyStore,
    secret: str | None = None,
    *,
    create: bool = True,
    clock: Clock = system_now,
    add_recovery_key: bool = True,
) -> OpenedJournal:
    """Open the journal at ``paths.home``; on first run (and if ``create``) make it.

    ``secret`` is a passphrase or the recovery key supplied by the user (the
    unlock prompt, ``--password-file``); without it the key comes from
    ``keys``. A secret never creates a journal. An existing journal without a
    recovery key gets one on opening, handed back like a new journal's —
    unless ``add_recovery_key`` is False (a caller that could not show its code).
    """
    if paths.database.exists():
        unlocked = unlock(paths, keys, secret)
        db = open_database(paths.database, unlocked.key)
        journal = Journal(db, clock=clock, paths=paths, key=unlocked.key)
        try:
            _authenticate_header(paths, unlocked.header, unlocked.key, sign=add_recovery_key)
        except BaseException:
            journal.close()
            raise
        if unlocked.source is not KeySource.KEYRING and isinstance(keys, KeyringKeyStore):
            # Proven by opening: a copy in a plain-file keyring nobody chose goes.
            keys.forget_in_clear(keyring_entry(paths.home, unlocked.header.journal_id),
                                 unlocked.key)
        code = None
        if unlocked.header.recovery is None and add_recovery_key:
            try:
                code = add_recovery_key_if_missing(paths, unlocked.key, clock().date())
            except OSError as error:  # a read-only home still opens; try again next time
                log.warning("could not add a recovery key: %s", type(error).__name__)
            except BaseException:
                journal.close()
                raise
        return OpenedJournal(journal, False, unlocked.source, code)
    if secret is not None:
        raise NothingToUnlockError(paths.home)

    if not create and not paths.home.is_dir():
        raise NoJournalError(paths.home)
    ensure_private_dir(paths.home)
    # Two first runs at once (a double-click, the window and a command) must never
    # both create a journal: each would publish a file or a header under its own
    # key. The second waits here, then opens the journal the first one made. Only
    # the holder of this lock may also clear what an interrupted first run left.
    with creation_lock(paths.home):
        if paths.database.exists():
            return open_or_create(
                paths, keys, create=create, clock=clock, add_recovery_key=add_recovery_key
            )
        if paths.creating.exists():
            # A first run that was interrupted before the journal was renamed into
            # place: it never held an entry, so it is safe to start it again.
            for path in (paths.header, *paths.creating_files):
                path.unlink(missing_ok=True)
        leftovers = [p.name for p in (paths.header, *paths.sidecars) if p.exists()]
        if leftovers:
            raise JournalIncompleteError(paths.home, leftovers)
        if not create:
            raise NoJournalError(paths.home)
        key = secrets.token_bytes(KEY_BYTES)
        code = new_recovery_code()
        header = with_recovery_key(JournalHeader.new(), key, code, clock().date())
        keys.put(keyring_entry(paths.home, header.journal_id), key)  # raises before writing
        db = create_database(
            paths, key, before_publish=lambda: write_header(paths.header, header, key)
        )
    journal = Journal(db, clock=clock, paths=paths, key=key)
    return OpenedJournal(journal, True, KeySource.KEYRING, code)


def _authenticate_header(
    paths: JournalPaths, header: JournalHeader, key: bytes, *, sign: bool
) -> None:
    """Check the header's MAC now that ``key`` opened the journal; with ``sign``, give an
    old header (written before headers were authenticated) its MAC.

    The key is proven (it decrypted the journal), so a MAC that does not fit means
    the header was damaged or is another journal's: :class:`HeaderNotAuthenticError`.
    """
    if header.mac is None:
        if not sign or header.recovery is None:
            return  # a header without a recovery key gets its MAC with that key
        try:  # written before headers were authenticated: authenticate it now
            write_header(paths.header, header, key)
        except OSError as error:  # a read-only home still opens; try again next time
            log.warning("could not authenticate the header: %s", type(error).__name__)
        return
    if not header.verifies(key):
        raise HeaderNotAuthenticError(paths.header)


def open_journal(
    paths: JournalPaths,
    keys: KeyStore,
    secret: str | None = None,
    *,
    create: bool = True,
    clock: Clock = system_now,
) -> Journal:
    """Open (or on first run create) the journal; see :func:`open_or_create`.

    For callers that never show a recovery key (tests, the demo journal): a
    new journal's recovery code is discarded, and an old journal is not given
    one. The CLI and the app use :func:`open_checked`.
    """
    opened = open_or_create(
        paths, keys, secret, create=create, clock=clock, add_recovery_key=False
    )
    return opened.journal


def _header_fits_key(paths: JournalPaths, key: bytes) -> bool:
    try:
        return read_header(paths.header).verifies(key)
    except HeaderError:
        return False


def open_checked(
    paths: JournalPaths,
    keys: KeyStore,
    secret: str | None = None,
    *,
    create: bool = True,
    clock: Clock = system_now,
    verify: bool = True,
    add_recovery_key: bool = True,
) -> OpenedJournal:
    """Open (or on first run create) the journal like :func:`open_or_create`, and check it.

    With ``verify`` the integrity and foreign-key checks run on every open
    (milliseconds: docs/security.md). A file or folder of the journal this user
    may not read or write raises
    :class:`~ketajournal.services.damage.JournalPermissionError` first: a
    permission problem is never taken for damage. A journal whose files are damaged —
    empty, cut short, a page overwritten, a write-ahead log that would drop
    committed transactions (a copy of it is kept first), the header missing or unreadable,
    the journal file gone while its header or backups remain — raises
    :class:`~ketajournal.services.damage.JournalDamagedError`, which offers the
    newest verified backup. Nothing is written to a damaged journal, and no new
    journal is ever created beside the backups of one.
    """
    problem = permission_problem(paths)
    if problem is not None:
        raise problem
    damage = damage_before_opening(paths)
    if damage is Damage.WAL_DAMAGED:
        kept = keep_damaged_log(paths, clock())
        raise damaged_error(paths, keys, secret, damage, kept=kept)
    if damage is not None:
        raise damaged_error(paths, keys, secret, damage)
    try:
        opened = open_or_create(
            paths, keys, secret, create=create, clock=clock, add_recovery_key=add_recovery_key
        )
    except WalDamagedError:
        # Damaged between the look before opening and the connection: the same answer.
        kept = keep_damaged_log(paths, clock())
        raise damaged_error(paths, keys, secret, Damage.WAL_DAMAGED, kept=kept) from None
    except HeaderError:
        kind = Damage.HEADER_DAMAGED if paths.header.exists() else Damage.HEADER_MISSING
        raise damaged_error(paths, keys, secret, kind) from None
    except WrongSecretError:
        # The secret opens none of the header's wraps. If it opens an authentic header
        # copy of a backup and the current header does not fit that key, the current
        # header is damaged (a flipped bit in a wrap): say so, and offer the copy.
        key = key_from_header_copies(paths, secret) if secret is not None else None
        if key is None or _header_fits_key(paths, key):
            raise
        raise damaged_error(paths, keys, secret, Damage.HEADER_DAMAGED, key=key) from None
    except (WrongKeyError, sqlcipher3.DatabaseError) as error:
        # open_or_create got the key, from a secret that unwrapped the header's
        # authenticated wrap (proof that it is right), or from the keyring. The
        # driver's own DatabaseError is a page that cannot be read (a damaged file).
        found = proven_key(paths, keys, secret)
        if found is None:
            raise error from None  # the keyring entry is not even a key
        if secret is None and newest_verified_backup(paths, found) is None:
            # A keyring key that opens neither the journal nor any of its backups
            # proves nothing: ask for the recovery key, which does.
            raise KeyringKeyDoesNotFitError(paths.database) from None
        raise damaged_error(
            paths, keys, secret, Damage.DATABASE_UNREADABLE, key=found
        ) from None
    except JournalIncompleteError:
        raise damaged_error(paths, keys, secret, Damage.DATABASE_MISSING) from None
    if verify and not opened.created:
        journal = opened.journal
        try:
            healthy = journal.check().ok
        except sqlcipher3.DatabaseError as error:
            log.info("integrity check failed: %s", type(error).__name__)
            healthy = False
        if not healthy:
            key = journal.data_key
            journal.close()
            raise damaged_error(paths, keys, secret, Damage.INTEGRITY, key=key)
    return opened
