"""Encrypted backups: SQLCipher to SQLCipher, verified before they are trusted.

A backup is written with ``sqlcipher_export`` into a new file encrypted with the
same key (never a plaintext copy), under a temporary name, then verified — it
opens with the key, passes the integrity check and holds the same number of rows
in every table as the source — and only then renamed into place.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from ketajournal.platform.files import atomic_path
from ketajournal.storage.connection import StorageError, connect, integrity_problems


class BackupError(StorageError):
    """A backup could not be written or did not verify."""


def table_counts(db: Database) -> dict[str, int]:
    """Rows per table (every table, including settings and migrations)."""
    names = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        ).fetchall()
    ]
    return {
        name: int(db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])  # noqa: S608
        for name in names
    }


def write_backup(db: Database, key: bytes, target: Path) -> dict[str, int]:
    """Write a verified, encrypted copy of ``db`` to ``target``; returns its row counts.

    ``target`` is replaced only after the copy verified; a failure leaves no
    file behind and raises :class:`BackupError`.
    """
    with atomic_path(target) as tmp:
        tmp.unlink()  # sqlcipher_export needs to create the file itself
        db.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{key.hex()}'\"", [str(tmp)])
        try:
            # One read transaction: the counts and the copy see the same snapshot,
            # even while another program commits (in WAL, readers never block writers).
            db.execute("BEGIN")
            try:
                expected = table_counts(db)
                db.execute("SELECT sqlcipher_export('backup')")
                version = db.execute("PRAGMA main.user_version").fetchone()[0]
                db.execute(f"PRAGMA backup.user_version = {int(version)}")
                db.execute("COMMIT")
            except BaseException:
                if db.conn.in_transaction:
                    db.execute("ROLLBACK")
                raise
        finally:
            db.execute("DETACH DATABASE backup")
        tmp.chmod(0o600)
        verify_backup(tmp, key, expected)
    return expected


def verify_backup(
    path: Path, key: bytes, expected: dict[str, int] | None = None
) -> dict[str, int]:
    """Open ``path`` with ``key``, run the integrity check and compare row counts."""
    try:
        conn = connect(path, key)
    except StorageError as error:
        raise BackupError(
            f"The backup {path.name} does not open with the journal's key."
        ) from error
    try:
        db = Database(conn, execute_plugins=False)
        problems = integrity_problems(db)
        if problems:
            raise BackupError(f"The backup {path.name} failed its integrity check.")
        counts = table_counts(db)
    finally:
        conn.close()
    if expected is not None and counts != expected:
        raise BackupError(f"The backup {path.name} does not hold the same rows as the journal.")
    return counts
