"""Open the journal at a home, creating it on first run — and never anything else.

The rules that keep a patient's journal safe:

* a new journal is created only when the home holds no journal file, no header
  and no WAL: never over or beside one that exists but cannot be opened;
* the key is created and stored in the keyring (and read back) *before* any
  journal file exists, so a failing keyring leaves nothing behind;
* a missing key, a wrong key, a missing header or a journal from a newer
  version is an error with a message, and the files are left exactly as found.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from ketajournal.errors import KnownError
from ketajournal.platform.clock import Clock, system_now
from ketajournal.platform.keystore import KeyStore
from ketajournal.platform.paths import JournalPaths, ensure_private_dir
from ketajournal.services.journal import Journal
from ketajournal.storage.database import (
    KEY_BYTES,
    WrongKeyError,
    create_database,
    creating_path,
    open_database,
    sidecar_paths,
)
from ketajournal.storage.header import JournalHeader, read_header, write_header


class KeyMissingError(KnownError):
    """The journal exists but the keyring holds no key for it."""

    def __init__(self, home: Path) -> None:
        super().__init__(
            f"There is a journal in {home}, but the system keyring holds no key for it "
            "(the keyring may have been reset, or this is another user account or computer). "
            "Nothing was changed. Restore the keyring entry or use the journal's recovery key."
        )


class JournalIncompleteError(KnownError):
    """Parts of a journal exist, but not the journal file itself."""

    def __init__(self, home: Path, found: list[str]) -> None:
        super().__init__(
            f"{home} holds parts of a journal ({', '.join(found)}) but not the journal file "
            "itself. ketajournal will not create a new journal there. Nothing was changed."
        )


class NoJournalError(KnownError):
    """There is no journal at the home and creating one was not allowed."""

    def __init__(self, home: Path) -> None:
        super().__init__(f"There is no journal in {home}.")


def journal_exists(paths: JournalPaths) -> bool:
    """True if any file of a journal is present at the home."""
    return any(p.exists() for p in (paths.database, paths.header, *sidecar_paths(paths.database)))


def open_journal(
    paths: JournalPaths,
    keys: KeyStore,
    *,
    create: bool = True,
    clock: Clock = system_now,
) -> Journal:
    """Open the journal at ``paths.home``; on first run (and if ``create``) make it."""
    if paths.database.exists():
        header = read_header(paths.header)
        key = keys.get(header.journal_id)
        if key is None:
            raise KeyMissingError(paths.home)
        if len(key) != KEY_BYTES:
            raise WrongKeyError(paths.database)
        db = open_database(paths.database, key)
        return Journal(db, clock=clock, path=paths.database, key=key)

    partial = creating_path(paths.database)
    if partial.exists():
        # A first run that was interrupted before the journal was renamed into
        # place: it never held an entry, so it is safe to start it again.
        for path in (paths.header, partial, *sidecar_paths(partial)):
            path.unlink(missing_ok=True)
    leftovers = [p.name for p in (paths.header, *sidecar_paths(paths.database)) if p.exists()]
    if leftovers:
        raise JournalIncompleteError(paths.home, leftovers)
    if not create:
        raise NoJournalError(paths.home)

    ensure_private_dir(paths.home)
    header = JournalHeader.new()
    key = secrets.token_bytes(KEY_BYTES)
    keys.put(header.journal_id, key)  # raises before anything is written
    db = create_database(
        paths.database, key, before_publish=lambda: write_header(paths.header, header)
    )
    return Journal(db, clock=clock, path=paths.database, key=key)
