"""Open, create and check the encrypted journal database.

One journal is one SQLCipher 4 file. The 256-bit key is handed in raw (no
passphrase derivation: it is already random). Every connection gets the same
pragmas: WAL, ``synchronous=FULL``, foreign keys, secure delete and temporary
tables in memory, so no plaintext temp file is ever written. A journal is
created under a temporary name and renamed into place only once its schema is
complete, so a crash during creation never leaves a half journal behind.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from ketajournal.errors import KnownError
from ketajournal.platform.files import fsync_dir
from ketajournal.storage.migrations import SCHEMA_VERSION, migrations

KEY_BYTES = 32
BUSY_TIMEOUT_MS = 5000


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
    conn.execute("PRAGMA synchronous = FULL")


def schema_version(db: Database) -> int:
    """The journal's ``PRAGMA user_version`` (0 for an empty file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def open_database(path: Path, key: bytes) -> Database:
    """Open an existing journal, applying pending migrations.

    Raises :class:`WrongKeyError` if the key does not fit and
    :class:`NewerSchemaError` if the journal is from a newer version; the file
    is unchanged in both cases.
    """
    conn = _connect(path, key)
    try:
        db = Database(conn, execute_plugins=False)
        found = schema_version(db)
        if found > SCHEMA_VERSION:
            raise NewerSchemaError(found)
        _configure_durability(conn)
        if found < SCHEMA_VERSION:
            migrations.apply(db)
    except BaseException:
        conn.close()
        raise
    return db


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
        migrations.apply(db)
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
    """Problems found by ``integrity_check`` and ``foreign_key_check``; empty when healthy."""
    problems = [
        str(row[0])
        for row in db.execute("PRAGMA integrity_check").fetchall()
        if str(row[0]).lower() != "ok"
    ]
    problems += [
        f"foreign key in {row[0]} row {row[1]} points to a missing {row[2]} row"
        for row in db.execute("PRAGMA foreign_key_check").fetchall()
    ]
    return problems


def sidecar_paths(path: Path) -> list[Path]:
    """The SQLite files that belong to the journal at ``path`` (WAL, shared memory)."""
    return _with_sidecars(path)[1:]


def _with_sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
