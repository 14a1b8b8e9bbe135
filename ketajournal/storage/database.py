"""Open, create and migrate the encrypted journal database.

One journal is one SQLCipher 4 file, opened through
:func:`ketajournal.storage.connection.connect` with the same pragmas every time.
A journal is created under a temporary name and renamed into place only once its
schema is complete, so a crash during creation never leaves a half journal
behind. An existing journal whose schema is older is first copied to a verified
backup, then migrated in one transaction: a crash leaves it either untouched or
fully migrated (docs/reliability.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import sqlcipher3

from ketajournal.platform.files import atomic_path, fsync_dir
from ketajournal.platform.instance import migration_lock
from ketajournal.platform.paths import JournalPaths, backup_header
from ketajournal.storage.connection import (
    StorageError,
    WriteFailedError,
    configure_durability,
    connect,
    schema_version,
    transaction,
    user_version,
    write_failure_reason,
)
from ketajournal.storage.handle import JournalDatabase
from ketajournal.storage.migrations import SCHEMA_VERSION, migration_set


class NewerSchemaError(StorageError):
    """The journal was written by a newer ketajournal."""

    def __init__(self, found: int) -> None:
        super().__init__(
            f"This journal was written by a newer version of ketajournal (schema {found}; this "
            f"version understands up to {SCHEMA_VERSION}). Update ketajournal to open it. "
            "Nothing was changed."
        )


class MigrationBackupError(StorageError):
    """The backup that must precede a migration could not be written."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            "This journal was written by an older version of ketajournal and needs updating. "
            f"ketajournal makes a backup first, but the backup could not be written ({reason}). "
            "Nothing was changed; free some disk space or check the journal folder's "
            "permissions, then try again."
        )


class MigrationFailedError(StorageError):
    """Updating the schema failed; the transaction was rolled back."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"This journal could not be updated to the current format: {reason}. Nothing was "
            "changed: the journal is exactly as it was, and opens again once the problem is "
            "solved."
        )


def open_database(path: Path, key: bytes) -> JournalDatabase:
    """Open an existing journal, applying pending migrations.

    A journal with an older schema is first backed up, verified, to
    ``<home>/backups/before-migration-<stamp>.db`` (with a copy of its
    header), then migrated in one transaction (:func:`migrate`), both under
    the home's migration lock (:func:`ketajournal.platform.instance.migration_lock`). Raises
    :class:`WrongKeyError` if the key does not fit, :class:`NewerSchemaError`
    if the journal is from a newer version, :class:`MigrationBackupError` if
    the backup fails and :class:`MigrationFailedError` if a migration fails;
    the journal is unchanged in every case.
    """
    conn = connect(path, key)
    try:
        found = user_version(conn)
        if found > SCHEMA_VERSION:
            raise NewerSchemaError(found)
        configure_durability(conn)
        db = JournalDatabase(conn)
        if found < SCHEMA_VERSION:
            # One program at a time backs up and migrates; one that waited here
            # finds the journal already current and does neither.
            paths = JournalPaths.around(path)
            with migration_lock(paths.home):
                if schema_version(db) < SCHEMA_VERSION:
                    if found > 0:
                        backup_before_migration(db, key, paths)
                    migrate(db)
    except BaseException:
        conn.close()
        raise
    return db


def pending_migrations(db: JournalDatabase) -> list[str]:
    """Names of the migrations not yet applied to ``db`` (empty when current)."""
    return [migration.name for migration in migration_set().pending(db.sqlite_utils)]


def migrate(db: JournalDatabase) -> list[str]:
    """Apply every pending migration in one ``BEGIN IMMEDIATE`` transaction; returns their names.

    Taking the write lock first means two processes opening an old journal at
    once never both migrate it: the second waits, then finds nothing pending.
    One transaction for all of them means a crash leaves the journal at its old
    version or at the current one, never in between.
    """
    try:
        with transaction(db):
            found = schema_version(db)
            if found > SCHEMA_VERSION:  # a newer ketajournal got here first
                raise NewerSchemaError(found)
            names = pending_migrations(db)
            if names:
                # Inside our transaction sqlite-utils nests each migration in a savepoint.
                migration_set().apply(db.sqlite_utils)
    except WriteFailedError as error:
        raise MigrationFailedError(error.reason) from None
    return names


def backup_before_migration(db: JournalDatabase, key: bytes, paths: JournalPaths) -> Path:
    """Write a verified backup of the journal in ``paths`` before it is migrated.

    The copy goes to ``<home>/backups/before-migration-<stamp>.db`` with the
    header beside it as ``.header`` (so the recovery key opens it too). Such
    backups are never rotated away by ketajournal. Raises
    :class:`MigrationBackupError` and leaves the journal as it was on failure.
    """
    from ketajournal.storage.backup import BackupError, write_backup  # only to migrate

    try:
        paths.backups.mkdir(mode=0o700, exist_ok=True)
        now = datetime.now()
        target, number = paths.migration_backup(now), 1
        while target.exists():  # two in one second
            number += 1
            target = paths.migration_backup(now, number)
        write_backup(db, key, target)
        if paths.header.exists():
            with atomic_path(backup_header(target)) as tmp:
                tmp.write_bytes(paths.header.read_bytes())
    except BackupError as error:
        raise MigrationBackupError(str(error)) from None
    except OSError as error:
        raise MigrationBackupError(error.strerror or type(error).__name__) from None
    except sqlcipher3.DatabaseError as error:
        raise MigrationBackupError(write_failure_reason(error)) from None
    return target


def create_database(
    paths: JournalPaths, key: bytes, before_publish: Callable[[], None] | None = None
) -> JournalDatabase:
    """Create a new journal at ``paths.database`` (which must not exist) and open it.

    The schema is built in ``paths.creating``; ``before_publish`` (writing the
    header) runs before the finished file is renamed into place, so a crash at
    any point leaves either no journal or a complete one.
    """
    path = paths.database
    if path.exists():
        raise StorageError(f"Refusing to create a journal over an existing file at {path}.")
    partial = paths.creating
    for stale in paths.creating_files:
        stale.unlink(missing_ok=True)
    conn = connect(partial, key)
    try:
        configure_durability(conn)
        db = JournalDatabase(conn)
        migrate(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    os.chmod(partial, 0o600)
    if before_publish is not None:
        before_publish()
    os.replace(partial, path)
    fsync_dir(paths.home)
    return open_database(path, key)
