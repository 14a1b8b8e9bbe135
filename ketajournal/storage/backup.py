"""Encrypted backups: SQLCipher to SQLCipher, verified before they are trusted.

A backup is written with ``sqlcipher_export`` into a new file encrypted with the
same key (never a plaintext copy), under a temporary name, then verified — it
opens with the key, passes the integrity check and holds the same number of rows
in every table as the source — and only then renamed into place.

Every copy records inside itself when it was made (the setting
:data:`BACKUP_MADE_KEY`, UTC, in the copy only): the newest backup is chosen by
that (:func:`made_at`), not by the file's modification time, which a copy or a
sync of the folder changes, nor by its name, whose stamps have different
precision (a day, a week, a second).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from ketajournal.platform.files import atomic_path
from ketajournal.storage.connection import StorageError, connect, integrity_problems
from ketajournal.storage.handle import JournalDatabase


class BackupError(StorageError):
    """A backup could not be written or did not verify."""


#: The settings key under which a backup copy records when it was made.
BACKUP_MADE_KEY = "backup.made"


def table_counts(db: JournalDatabase) -> dict[str, int]:
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


def write_backup(
    db: JournalDatabase, key: bytes, target: Path, made: datetime | None = None
) -> dict[str, int]:
    """Write a verified, encrypted copy of ``db`` to ``target``; returns its row counts.

    The copy records ``made`` (default: now) under :data:`BACKUP_MADE_KEY`.
    ``target`` is replaced only after the copy verified; a failure leaves no
    file behind and raises :class:`BackupError`.
    """
    stamp = (made or datetime.now(UTC)).astimezone(UTC).isoformat()
    db.hand_over()  # it attaches the copy and writes to it: through sqlite-utils
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
                if "settings" in expected:
                    had = db.execute(
                        "SELECT 1 FROM main.settings WHERE key = ?", [BACKUP_MADE_KEY]
                    ).fetchone()
                    db.execute(
                        "INSERT INTO backup.settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        [BACKUP_MADE_KEY, json.dumps(stamp)],
                    )
                    expected["settings"] += 0 if had else 1
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
        db = JournalDatabase(conn)
        problems = integrity_problems(db)
        if problems:
            raise BackupError(f"The backup {path.name} failed its integrity check.")
        counts = table_counts(db)
    finally:
        conn.close()
    if expected is not None and counts != expected:
        raise BackupError(f"The backup {path.name} does not hold the same rows as the journal.")
    return counts


def made_at(path: Path, key: bytes) -> datetime | None:
    """When the backup ``path`` was made, as it records inside itself (UTC), or None.

    None for a copy that does not open with ``key`` or was made before backups
    recorded it. Reads one row; runs no integrity check.
    """
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None  # SQLite would create a missing file, or take an empty one as new
        conn = connect(path, key)
    except (StorageError, OSError):
        return None
    try:
        row = conn.execute(
            "SELECT value FROM settings WHERE key = ?", [BACKUP_MADE_KEY]
        ).fetchone()
        made = datetime.fromisoformat(json.loads(row[0])) if row is not None else None
    except (sqlcipher3.DatabaseError, ValueError, TypeError, IndexError):
        return None  # a damaged copy, or a value that is not a time: no usable time
    finally:
        conn.close()
    if made is None or made.tzinfo is None:
        return None
    return made.astimezone(UTC)
