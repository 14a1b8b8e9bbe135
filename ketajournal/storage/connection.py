"""One SQLCipher connection: the key, the pragmas, transactions, checks and storage errors.

Every connection to a journal file, or to a copy of one, is made by
:func:`connect`: the 256-bit key is handed in raw (it is already random, so no
passphrase derivation), page 1 is read at once so a wrong key fails before
anything can write, and the same pragmas are set every time: foreign keys,
secure delete, temporary tables in memory (no plaintext temp file is ever
written) and a busy timeout. :func:`configure_durability` adds WAL and
``synchronous=FULL`` for a journal that will be written (docs/reliability.md).
Writes go through :func:`transaction`, which turns environment failures (disk
full, read-only) into :class:`WriteFailedError` after rolling back.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

from ketajournal.domain.ids import natural_id
from ketajournal.errors import KnownError
from ketajournal.platform.paths import sqlite_sidecars
from ketajournal.storage.handle import JournalDatabase
from ketajournal.storage.wal import WalReport, inspect_wal

KEY_BYTES = 32
BUSY_TIMEOUT_MS = 5000
#: SQLCipher 4's page (and so the first read of a journal file): 4 KiB, of which the
#: last 80 bytes are reserved for the page's IV (16) and its HMAC-SHA512 (64).
PAGE_BYTES = 4096
_SALT_BYTES = 16
_HMAC_BYTES = 64


class StorageError(KnownError):
    """The journal file cannot be used as it is."""


class WrongKeyError(StorageError):
    """The key does not open this file (or the file is not a journal)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The journal at {path} could not be opened: the key does not fit it, or the file "
            "is not a ketajournal journal. Nothing was changed."
        )


class WalDamagedError(StorageError):
    """The write-ahead log holds committed transactions SQLite would silently discard."""

    def __init__(self, path: Path, report: WalReport) -> None:
        super().__init__(
            f"The write-ahead log of the journal at {path} is damaged: {report.reason}. "
            "It was not opened, so nothing was changed."
        )
        self.path = path
        self.report = report


#: How often a log that looks damaged is read again before it is believed: another
#: process may have restarted the log between the reads of its index and of the log.
_LOG_READS = 3


def damaged_log(path: Path) -> WalReport | None:
    """What SQLite would drop from the write-ahead log beside ``path``; None when nothing.

    Reads only the log and its index (no key, no SQLite), so it runs before any
    connection could replay the log and then delete it (storage/wal.py).
    """
    wal, shm = sqlite_sidecars(path)
    report = None
    for attempt in range(_LOG_READS):
        report = inspect_wal(wal, shm)
        if not report.damaged:
            return None
        if attempt + 1 < _LOG_READS:
            time.sleep(0.05)
    return report


class WriteFailedError(StorageError):
    """A write could not be committed; the transaction was rolled back."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"The entry could not be saved: {reason}. Nothing already saved was changed."
        )
        self.reason = reason


def write_failure_reason(error: sqlcipher3.Error) -> str:
    """Why a write failed, in words for the user (never the statement or its data)."""
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


#: The SQL name of :func:`ketajournal.domain.ids.natural_id` (kind, key) on every connection.
NATURAL_ID_SQL = "kj_natural_id"


def _natural_id(kind: object, key: object) -> str | None:
    if not isinstance(kind, str) or not isinstance(key, str):
        return None
    return natural_id(kind, key)


def connect(path: Path, key: bytes, *, check_log: bool = True) -> sqlcipher3.Connection:
    """Open the SQLCipher file at ``path`` with the raw ``key``; raises :class:`WrongKeyError`.

    First the write-ahead log beside ``path`` is read (:func:`damaged_log`): when
    SQLite would discard committed transactions from it, :class:`WalDamagedError`
    is raised and nothing is opened. Only the repair that accepts that loss, after
    keeping a copy of the log, passes ``check_log=False``.

    The connection never opens a transaction by itself (``isolation_level=None``):
    every write goes through :func:`transaction`. Durability pragmas are not set
    here; a connection that will write to a journal also needs
    :func:`configure_durability`.
    """
    if len(key) != KEY_BYTES:
        raise ValueError("journal keys are 32 bytes")
    if check_log:
        report = damaged_log(path)
        if report is not None:
            raise WalDamagedError(path, report)
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
    # The sync triggers give a record with a unique key its natural global id
    # (storage/sync_schema.py): the same function on every connection.
    conn.create_function(NATURAL_ID_SQL, 2, _natural_id, deterministic=True)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def key_fits_first_page(page: bytes, key: bytes) -> bool:
    """True if ``page``, the first 4 KiB of a SQLCipher 4 file, is authentic under ``key``.

    Checks the page's HMAC-SHA512 as SQLCipher does (the HMAC key is PBKDF2-SHA512
    of the raw key with the file's salt XOR 0x3a, 2 iterations; the HMAC covers the
    ciphertext and IV after the salt, then the page number) — in memory, without
    writing the file anywhere, so a backup whose database does not fit its key is
    refused before any of it is extracted. A shorter ``page`` never fits.
    """
    if len(page) < PAGE_BYTES or len(key) != KEY_BYTES:
        return False
    salt = page[:_SALT_BYTES]
    mac_key = hashlib.pbkdf2_hmac("sha512", key, bytes(b ^ 0x3A for b in salt), 2, KEY_BYTES)
    body = page[_SALT_BYTES : PAGE_BYTES - _HMAC_BYTES] + (1).to_bytes(4, "little")
    expected = hmac.new(mac_key, body, hashlib.sha512).digest()
    return hmac.compare_digest(expected, page[PAGE_BYTES - _HMAC_BYTES : PAGE_BYTES])


def configure_durability(conn: sqlcipher3.Connection) -> None:
    """Switch ``conn`` to WAL with ``synchronous=FULL`` (and full fsync on macOS)."""
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


def replay_damaged_log(path: Path, key: bytes) -> None:
    """Open the journal at ``path`` with what its damaged write-ahead log still replays.

    SQLite applies the log up to its last valid commit and drops the rest; the
    checkpoint then writes those pages into the journal file and empties the log,
    so the journal opens normally afterwards. Only for a repair that kept a copy
    of the log first (services/repair.py).
    """
    conn = connect(path, key, check_log=False)
    try:
        configure_durability(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()


def schema_version(db: JournalDatabase) -> int:
    """The journal's ``PRAGMA user_version`` (0 for an empty file)."""
    return user_version(db.conn)


def user_version(conn: sqlcipher3.Connection) -> int:
    """``PRAGMA user_version`` of ``conn``, read before the connection is configured."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def content_state(db: JournalDatabase) -> tuple[int, int] | None:
    """A value that differs whenever the database's rows may differ; None in a transaction.

    The pair is this connection's change count (``total_changes``: every row it has
    inserted, updated or deleted, committed or rolled back) and SQLite's
    ``PRAGMA data_version`` (which moves when another connection commits). Inside an
    open transaction the rows may still be rolled back, so there is no stable state.
    """
    conn = db.conn
    if conn.in_transaction:
        return None
    return conn.total_changes, int(conn.execute("PRAGMA data_version").fetchone()[0])


@contextlib.contextmanager
def transaction(db: JournalDatabase) -> Iterator[None]:
    """One explicit write transaction: ``BEGIN IMMEDIATE`` ... ``COMMIT``.

    IMMEDIATE takes the write lock up front, so two writers wait for each other
    (busy timeout) instead of failing half-way. When this block returns, the
    commit has returned: the data is on disk (``synchronous=FULL``). Every statement
    from here on goes through sqlite-utils (:meth:`JournalDatabase.hand_over`).
    """
    db.hand_over()
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("transactions are not nested")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
            _sync_wal_index(conn)
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
        raise WriteFailedError(write_failure_reason(error)) from None


def _sync_wal_index(conn: sqlcipher3.Connection) -> None:
    """Flush the wal-index (``-shm``) to disk after a COMMIT, before it is acknowledged.

    SQLite never syncs it, but it is the only witness, after a crash or a power cut,
    of how many frames of the log were committed: with it on disk a log later cut
    short or damaged in its last transaction is found (storage/wal.py), not replayed
    short without a word. One more fsync per save, at human pace.
    """
    row = conn.execute("PRAGMA database_list").fetchone()
    if row is None or not row[2]:
        return
    try:
        fd = os.open(f"{row[2]}-shm", os.O_RDONLY)
    except OSError:
        return  # no index (not in WAL mode): nothing to witness
    try:
        os.fsync(fd)
    except OSError:
        pass  # the commit itself was synced; the witness is a best effort
    finally:
        os.close(fd)


def integrity_problems(db: JournalDatabase) -> list[str]:
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
