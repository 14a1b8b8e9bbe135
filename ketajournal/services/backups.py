"""Automatic backups and their rotation.

At start the app keeps at most one backup a day in ``<home>/backups``: daily
copies (the newest 7 are kept) and, once a week, a weekly copy (the newest 4).
Each backup is SQLCipher to SQLCipher with the journal's own key, carries a copy
of the journal header (so it can be opened with the recovery key), and is
verified — it opens, passes the integrity check, and has the same row counts as
the journal — before any older backup is deleted. Rotation counts only backups
that still verify with the journal's key: a backup damaged on disk never takes
the place of a good one. Backups taken before an import or a migration are kept
apart (the newest 5 of each reason).
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3

from ketajournal.platform.paths import HEADER_NAME, ensure_private_dir
from ketajournal.services.journal import Journal
from ketajournal.storage.backup import verify_backup
from ketajournal.storage.database import StorageError

log = logging.getLogger(__name__)

BACKUPS_DIR_NAME = "backups"

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_PER_REASON = 5


@dataclass(frozen=True)
class BackupSet:
    """What :func:`automatic_backup` did."""

    made: tuple[Path, ...]
    deleted: tuple[Path, ...]


def backups_dir(journal: Journal) -> Path:
    """``<home>/backups`` (created 0700)."""
    assert journal.path is not None
    return ensure_private_dir(backups_folder(journal.path.parent))


def backups_folder(home: Path) -> Path:
    """``<home>/backups``, without creating it."""
    return home / BACKUPS_DIR_NAME


def backup_verifies(path: Path, key: bytes) -> bool:
    """True if ``path`` is a non-empty journal copy that opens with ``key`` and passes
    the integrity check. Never creates or changes a file."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False  # SQLite would open a missing or empty file as a new database
        return bool(verify_backup(path, key))  # no tables at all: not a journal copy
    except (StorageError, OSError):
        return False
    except sqlcipher3.DatabaseError as error:
        # A damaged page is reported by the driver itself ("database disk image
        # is malformed"), not as a row of the integrity check.
        log.info("backup did not verify: %s", type(error).__name__)
        return False


def header_of(backup: Path) -> Path:
    """The header copy that belongs to a backup file."""
    return backup.with_suffix(".header")


def _copy_header(journal: Journal, backup: Path) -> None:
    assert journal.path is not None
    source = journal.path.parent / HEADER_NAME
    if source.exists():
        target = header_of(backup)
        shutil.copyfile(source, target)
        target.chmod(0o600)


def take_backup(journal: Journal, name: str) -> Path:
    """A verified backup ``<home>/backups/<name>.db`` with its header copy."""
    target = backups_dir(journal) / f"{name}.db"
    journal.backup_to(target)
    _copy_header(journal, target)
    return target


def automatic_backup(journal: Journal, now: datetime | None = None) -> BackupSet:
    """Take today's daily (and this week's weekly) backup if missing, then rotate.

    Rotation keeps the newest verified backups of each kind (see :func:`rotate`).
    """
    now = (now or journal.now()).astimezone()
    folder = backups_dir(journal)
    made: list[Path] = []
    daily = f"daily-{now:%Y%m%d}"
    if not (folder / f"{daily}.db").exists():
        made.append(take_backup(journal, daily))
    year, week, _ = now.isocalendar()
    weekly = f"weekly-{year}W{week:02d}"
    if not (folder / f"{weekly}.db").exists():
        made.append(take_backup(journal, weekly))
    key = journal._key  # the open journal's key, to check backups before deleting any
    deleted = rotate(folder, "daily-", KEEP_DAILY, key) + rotate(
        folder, "weekly-", KEEP_WEEKLY, key
    )
    return BackupSet(tuple(made), tuple(deleted))


def rotate(folder: Path, prefix: str, keep: int, key: bytes | None = None) -> list[Path]:
    """Delete the backups named ``prefix*`` older than the newest ``keep`` (names sort by date).

    With ``key``, only backups that verify (:func:`backup_verifies`) count towards
    ``keep``: the newest ``keep`` verified ones are kept, a damaged one among them
    is left in place but not counted, and if fewer than ``keep`` verify nothing
    is deleted. Only when there is something to delete are the backups opened.
    """
    found = sorted(folder.glob(f"{prefix}*.db"))
    if keep <= 0 or len(found) <= keep:
        return []
    if key is None:
        old = found[:-keep]
    else:
        verified = 0
        cutoff: int | None = None
        for index in range(len(found) - 1, -1, -1):
            if backup_verifies(found[index], key):
                verified += 1
                if verified == keep:
                    cutoff = index
                    break
        if cutoff is None:
            log.warning("backup rotation kept everything: fewer than %d verified", keep)
            return []
        old = found[:cutoff]
    for path in old:
        path.unlink(missing_ok=True)
        header_of(path).unlink(missing_ok=True)
    return old


def backup_before(journal: Journal, reason: str) -> Path:
    """A verified backup before a risky operation (import, migration, restore)."""
    stamp = journal.now().astimezone().strftime("%Y%m%d-%H%M%S")
    name, number = f"{reason}-{stamp}", 1
    while (backups_dir(journal) / f"{name}.db").exists():  # two in one second
        number += 1
        name = f"{reason}-{stamp}-{number}"
    made = take_backup(journal, name)
    rotate(made.parent, f"{reason}-", KEEP_PER_REASON, journal._key)
    return made


def list_backups(journal: Journal) -> list[Path]:
    """Every backup file in the home, newest first by modification time."""
    return home_backups(backups_dir(journal).parent)


def home_backups(home: Path) -> list[Path]:
    """The backups in ``<home>/backups`` (not its subfolders), newest first.

    Newest by modification time, then by name (the names carry the date).
    Creates nothing: a home without a backups folder has none.
    """
    folder = backups_folder(home)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob("*.db") if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
