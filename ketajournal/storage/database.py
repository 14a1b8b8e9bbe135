"""Open, create and check the encrypted journal database.

One journal is one SQLCipher 4 file. The 256-bit key is handed in raw (no
passphrase derivation: it is already random). Every connection gets the same
pragmas: WAL, ``synchronous=FULL`` (and ``fullfsync`` on macOS), foreign keys,
secure delete and temporary tables in memory, so no plaintext temp file is ever
written. A journal is created under a temporary name and renamed into place only
once its schema is complete, so a crash during creation never leaves a half
journal behind. An existing journal whose schema is older is first copied to a
verified backup, then migrated in one transaction: a crash leaves it either
untouched or fully migrated (docs/reliability.md).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from ketajournal.errors import KnownError
from ketajournal.platform.files import atomic_path, fsync_dir
from ketajournal.platform.paths import HEADER_NAME
from ketajournal.storage.instance import migration_lock
from ketajournal.storage.migrations import SCHEMA_VERSION, migrations

KEY_BYTES = 32
BUSY_TIMEOUT_MS = 5000
#: Where backups live, beside the journal (``<home>/backups``).
BACKUPS_DIR = "backups"
#: Backups written before a migration are named ``before-migration-<stamp>.db``.
MIGRATION_BACKUP_PREFIX = "before-migration-"


class StorageError(KnownError):
    """The journal file cannot be used as it is."""


class WrongKeyError(StorageError):
    """The key does not open this file (or the file is not a journal)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The journal at {path} could not be opened: the key does not fit it, or the file "
            "is not a ketajournal journal. Nothing was changed."
        )


class WriteFailedError(StorageError):
    """A write could not be committed; the transaction was rolled back."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"The entry could not be saved: {reason}. Nothing already saved was changed."
        )
        self.reason = reason


def _write_failure_reason(error: sqlcipher3.Error) -> str:
    text = str(error).lower()
    if "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text:
        return "the journal is read-only"
    if "locked" in text or "busy" in text:
        return "another program is writing to the journal; try again"
    if "i/o" in text or "disk" in text:
        return "the disk reported an input/output error"
    return f"the database reported {type(error).__name__}"


class NewerSchemaError(StorageError):
    """The journal was written by a newer ketajournal."""

    def __init__(self, found: int) -> None:
        super().__init__(
            f"This journal was written by a newer version of ketajournal (schema {found}; this "
            f"version understands up to {SCHEMA_VERSION}). Update ketajournal to open it. "
            "Nothing was changed."
        )


def _connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    if len(key) != KEY_BYTES:
        raise ValueError("journal keys are 32 bytes")
    # isolation_level=None: the driver never opens transactions behind our back;
    # every write goes through transaction() below.
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # The first read decrypts page 1: a wrong key fails here, before any
        # pragma could write to the file.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise WrongKeyError(path) from None
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def _configure_durability(conn: sqlcipher3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StorageError("The journal could not be switched to write-ahead logging.")
    # FULL: the WAL is fsynced at every COMMIT, so a committed entry survives
    # power loss, not only a crash of the process (NORMAL would only sync at
    # checkpoints). See docs/reliability.md.
    conn.execute("PRAGMA synchronous = FULL")
    if sys.platform == "darwin":
        # On macOS fsync() only hands the data to the drive, whose cache may
        # still lose it on power loss; F_FULLFSYNC asks the drive to flush.
        conn.execute("PRAGMA fullfsync = ON")
        conn.execute("PRAGMA checkpoint_fullfsync = ON")


def schema_version(db: Database) -> int:
    """The journal's ``PRAGMA user_version`` (0 for an empty file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


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


def open_database(path: Path, key: bytes) -> Database:
    """Open an existing journal, applying pending migrations.

    A journal with an older schema is first backed up, verified, to
    ``<home>/backups/before-migration-<stamp>.db`` (with a copy of its
    header), then migrated in one transaction (:func:`migrate`), both under
    the home's migration lock (:func:`ketajournal.storage.instance.migration_lock`). Raises
    :class:`WrongKeyError` if the key does not fit, :class:`NewerSchemaError`
    if the journal is from a newer version, :class:`MigrationBackupError` if
    the backup fails and :class:`MigrationFailedError` if a migration fails;
    the journal is unchanged in every case.
    """
    conn = _connect(path, key)
    try:
        db = Database(conn, execute_plugins=False)
        found = schema_version(db)
        if found > SCHEMA_VERSION:
            raise NewerSchemaError(found)
        _configure_durability(conn)
        if found < SCHEMA_VERSION:
            # One program at a time backs up and migrates; one that waited here
            # finds the journal already current and does neither.
            with migration_lock(path.parent):
                if schema_version(db) < SCHEMA_VERSION:
                    if found > 0:
                        backup_before_migration(db, key, path)
                    migrate(db)
    except BaseException:
        conn.close()
        raise
    return db


def pending_migrations(db: Database) -> list[str]:
    """Names of the migrations not yet applied to ``db`` (empty when current)."""
    return [migration.name for migration in migrations.pending(db)]


def migrate(db: Database) -> list[str]:
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
                migrations.apply(db)
    except WriteFailedError as error:
        raise MigrationFailedError(error.reason) from None
    return names


def backup_before_migration(db: Database, key: bytes, path: Path) -> Path:
    """Write a verified backup of the journal at ``path`` before it is migrated.

    The copy goes to ``<home>/backups/before-migration-<stamp>.db`` with the
    header beside it as ``.header`` (so the recovery key opens it too). Such
    backups are never rotated away by ketajournal. Raises
    :class:`MigrationBackupError` and leaves the journal as it was on failure.
    """
    from ketajournal.storage.backup import BackupError, write_backup  # imports this module

    folder = path.parent / BACKUPS_DIR
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
        target, number = folder / f"{MIGRATION_BACKUP_PREFIX}{stamp}.db", 1
        while target.exists():  # two in one second
            number += 1
            target = folder / f"{MIGRATION_BACKUP_PREFIX}{stamp}-{number}.db"
        write_backup(db, key, target)
        header = path.parent / HEADER_NAME
        if header.exists():
            with atomic_path(target.with_suffix(".header")) as tmp:
                tmp.write_bytes(header.read_bytes())
    except BackupError as error:
        raise MigrationBackupError(str(error)) from None
    except OSError as error:
        raise MigrationBackupError(error.strerror or type(error).__name__) from None
    except sqlcipher3.DatabaseError as error:
        raise MigrationBackupError(_write_failure_reason(error)) from None
    return target


def creating_path(path: Path) -> Path:
    """Where a journal is built before it is renamed to ``path``."""
    return path.with_name(path.name + ".creating")


def create_database(
    path: Path, key: bytes, before_publish: Callable[[], None] | None = None
) -> Database:
    """Create a new journal at ``path`` (which must not exist) and open it.

    The schema is built in :func:`creating_path`; ``before_publish`` (writing
    the header) runs before the finished file is renamed into place, so a crash
    at any point leaves either no journal or a complete one.
    """
    if path.exists():
        raise StorageError(f"Refusing to create a journal over an existing file at {path}.")
    partial = creating_path(path)
    for stale in _with_sidecars(partial):
        stale.unlink(missing_ok=True)
    conn = _connect(partial, key)
    try:
        _configure_durability(conn)
        db = Database(conn, execute_plugins=False)
        migrate(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    os.chmod(partial, 0o600)
    if before_publish is not None:
        before_publish()
    os.replace(partial, path)
    fsync_dir(path.parent)
    return open_database(path, key)


@contextlib.contextmanager
def transaction(db: Database) -> Iterator[None]:
    """One explicit write transaction: ``BEGIN IMMEDIATE`` ... ``COMMIT``.

    IMMEDIATE takes the write lock up front, so two writers wait for each other
    (busy timeout) instead of failing half-way. When this block returns, the
    commit has returned: the data is on disk (``synchronous=FULL``).
    """
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("transactions are not nested")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            # Re-read: the failed statement may already have ended the transaction.
            if getattr(conn, "in_transaction", False):
                conn.execute("ROLLBACK")
            raise
    except sqlcipher3.DatabaseError as error:
        # Environment failures (disk full, read-only, locked) get a message;
        # constraint violations (IntegrityError) are bugs and propagate as-is.
        if isinstance(error, sqlcipher3.IntegrityError | sqlcipher3.ProgrammingError):
            raise
        raise WriteFailedError(_write_failure_reason(error)) from None


def integrity_problems(db: Database) -> list[str]:
    """Problems found by the page, integrity and foreign-key checks; empty when healthy.

    SQLCipher's ``cipher_integrity_check`` runs first: it verifies every page's
    MAC and names a damaged page, where a normal read of that page (and so
    ``integrity_check``) would only fail with "database disk image is malformed".
    A file that cannot be read at all is reported as a problem too, never raised.
    """
    try:
        problems = [str(row[0]) for row in db.execute("PRAGMA cipher_integrity_check")]
        if problems:
            return problems
        problems = [
            str(row[0])
            for row in db.execute("PRAGMA integrity_check").fetchall()
            if str(row[0]).lower() != "ok"
        ]
        problems += [
            f"foreign key in {row[0]} row {row[1]} points to a missing {row[2]} row"
            for row in db.execute("PRAGMA foreign_key_check").fetchall()
        ]
    except sqlcipher3.DatabaseError as error:
        return [f"the file cannot be read completely ({error})"]
    return problems


def sidecar_paths(path: Path) -> list[Path]:
    """The SQLite files that belong to the journal at ``path`` (WAL, shared memory)."""
    return _with_sidecars(path)[1:]


def _with_sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
