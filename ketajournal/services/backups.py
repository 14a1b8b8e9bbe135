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

A backup is written to a temporary ``.<name>.db.<random>.part`` file beside its
target and renamed into place once verified; a backup killed on the way leaves
that part file behind. Every backup run holds a shared lock on
``<home>/backups/.backups.lock`` while it writes, so several may run at once. At
its start, a run that can take the lock exclusively for a moment — nobody is
writing a backup now — removes the part files earlier, interrupted runs left
(:func:`remove_unfinished`). A part file of a backup before a migration is left
alone while the migration lock is held, and only names that end in ``.part`` and
start with a dot are ever removed: a finished backup never is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from ketajournal.platform.paths import (
    MIGRATION_BACKUP_PREFIX,
    JournalPaths,
    backup_header,
    ensure_private_dir,
    file_stamp,
)
from ketajournal.services.journal import Journal
from ketajournal.storage.backup import made_at, verify_backup
from ketajournal.storage.connection import StorageError
from ketajournal.storage.header import (
    HeaderNotAuthenticError,
    JournalHeader,
    read_header,
    usable_with,
)

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_PER_REASON = 5
#: Where no shared file locks exist (Windows), a part file is taken for a leftover
#: only when it has not changed for this long.
STALE_PART_S = 24 * 3600.0


@dataclass(frozen=True)
class BackupSet:
    """What :func:`automatic_backup` did."""

    made: tuple[Path, ...]
    deleted: tuple[Path, ...]


def backups_dir(journal: Journal) -> Path:
    """``<home>/backups`` (created 0700)."""
    return ensure_private_dir(journal.paths.backups)


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


def authentic_header(journal: Journal) -> JournalHeader:
    """The journal's header, checked against its key before it is copied into a backup.

    Raises :class:`~ketajournal.storage.header.HeaderNotAuthenticError` when its MAC
    does not fit: a backup must never carry a damaged header that claims to open
    with the recovery key.
    """
    header = read_header(journal.paths.header)
    if not usable_with(header, journal.data_key):
        raise HeaderNotAuthenticError(journal.paths.header)
    return header


def _copy_header(journal: Journal, backup: Path) -> None:
    source = journal.paths.header
    if source.exists():
        target = backup_header(backup)
        shutil.copyfile(source, target)
        target.chmod(0o600)


def take_backup(journal: Journal, name: str) -> Path:
    """A verified backup ``<home>/backups/<name>.db`` with its header copy.

    Runs under the backups lock (shared), after removing the part files that
    earlier, interrupted backups left (:func:`remove_unfinished`). The header is
    checked first (:func:`authentic_header`): a damaged one is never copied.
    """
    authentic_header(journal)
    backups_dir(journal)
    target = journal.paths.backup(name)
    with backup_run(journal.paths):
        journal.backup_to(target)
        _copy_header(journal, target)
    return target


@dataclass(frozen=True)
class Unfinished:
    """The part files in a backups folder, and whether a backup is being written now."""

    parts: tuple[Path, ...]
    busy: bool


def part_files(folder: Path) -> list[Path]:
    """The temporary ``.*.part`` files in ``folder`` (regular files only), sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(".*.part") if p.is_file() and not p.is_symlink())


if sys.platform != "win32":
    import fcntl

    def _lock(fd: int, exclusive: bool, wait: bool) -> bool:
        flags = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(fd, flags)
        except BlockingIOError:
            return False
        return True

    def _migration_running(paths: JournalPaths) -> bool:
        """True while another program holds ``journal.migrate.lock`` (it writes a backup)."""
        try:
            fd = os.open(paths.migration_lock, os.O_RDONLY)
        except FileNotFoundError:
            return False  # the lock file exists only while it is held
        except OSError:
            return True  # cannot tell: leave its files alone
        try:
            return not _lock(fd, exclusive=True, wait=False)
        finally:
            os.close(fd)  # closing drops the lock if we took it

    SHARED_LOCKS = True
else:  # pragma: no cover - Windows has no shared advisory file locks in the stdlib

    def _lock(fd: int, exclusive: bool, wait: bool) -> bool:
        return True

    def _migration_running(paths: JournalPaths) -> bool:
        return paths.migration_lock.exists()

    SHARED_LOCKS = False


def _open_lock(paths: JournalPaths) -> int:
    fd = os.open(paths.backups_lock, os.O_RDWR | os.O_CREAT, 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)
    return fd


@contextlib.contextmanager
def backup_run(paths: JournalPaths) -> Iterator[tuple[Path, ...]]:
    """Hold the backups lock (shared) for one backup; yields the part files removed first.

    If no other backup is being written — the lock can be taken exclusively
    without waiting — leftover part files are removed before the lock is turned
    into a shared one. Otherwise this run waits for nothing and removes nothing.
    """
    fd = _open_lock(paths)
    try:
        removed: tuple[Path, ...] = ()
        if _lock(fd, exclusive=True, wait=False):
            removed = _remove_leftovers(paths)
        _lock(fd, exclusive=False, wait=True)  # a cleaner holds it only for a moment
        yield removed
    finally:
        os.close(fd)  # releases the lock


def remove_unfinished(paths: JournalPaths) -> tuple[Path, ...]:
    """Remove the part files of interrupted backups, if no backup is being written now.

    Returns what was removed (nothing when another backup holds the lock).
    """
    if not paths.backups.is_dir():
        return ()
    with backup_run(paths) as removed:
        return removed


def unfinished(paths: JournalPaths) -> Unfinished:
    """The part files in the backups folder and whether a backup is being written now
    (removes none)."""
    parts = tuple(part_files(paths.backups))
    if not parts or not SHARED_LOCKS:
        return Unfinished(parts, busy=False)
    fd = _open_lock(paths)
    try:
        busy = not _lock(fd, exclusive=True, wait=False)
    finally:
        os.close(fd)
    return Unfinished(parts, busy=busy or _migration_running(paths))


def _remove_leftovers(paths: JournalPaths) -> tuple[Path, ...]:
    """Remove part files while holding the backups lock exclusively."""
    parts = part_files(paths.backups)
    if not parts:
        return ()
    migrating = _migration_running(paths)
    removed: list[Path] = []
    for part in parts:
        if migrating and part.name.startswith("." + MIGRATION_BACKUP_PREFIX):
            continue  # the migration backup is written outside this lock
        try:
            if not SHARED_LOCKS and time.time() - part.stat().st_mtime < STALE_PART_S:
                continue
            part.unlink()
        except FileNotFoundError:
            continue  # renamed into place or removed by its writer meanwhile
        except OSError as error:
            log.warning("could not remove an unfinished backup file: %s",
                        error.strerror or type(error).__name__)
            continue
        removed.append(part)
    if removed:
        log.info("removed %d unfinished backup file(s)", len(removed))
    return tuple(removed)


def automatic_backup(journal: Journal, now: datetime | None = None) -> BackupSet:
    """Take today's daily (and this week's weekly) backup if missing, then rotate.

    Rotation keeps the newest verified backups of each kind (see :func:`rotate`).
    """
    now = (now or journal.now()).astimezone()
    paths = journal.paths
    backups_dir(journal)
    made: list[Path] = []
    daily = f"daily-{now:%Y%m%d}"
    if not paths.backup(daily).exists():
        made.append(take_backup(journal, daily))
    year, week, _ = now.isocalendar()
    weekly = f"weekly-{year}W{week:02d}"
    if not paths.backup(weekly).exists():
        made.append(take_backup(journal, weekly))
    key = journal.data_key  # to check backups before deleting any
    deleted = rotate(paths, "daily-", KEEP_DAILY, key) + rotate(
        paths, "weekly-", KEEP_WEEKLY, key
    )
    return BackupSet(tuple(made), tuple(deleted))


def rotate(paths: JournalPaths, prefix: str, keep: int, key: bytes | None = None) -> list[Path]:
    """Delete the backups named ``prefix*`` older than the newest ``keep`` (names sort by date).

    With ``key``, only backups that verify (:func:`backup_verifies`) count towards
    ``keep``: the newest ``keep`` verified ones are kept, a damaged one among them
    is left in place but not counted, and if fewer than ``keep`` verify nothing
    is deleted. Only when there is something to delete are the backups opened.
    """
    found = paths.backup_files(prefix)
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
        backup_header(path).unlink(missing_ok=True)
    return old


def backup_before(journal: Journal, reason: str) -> Path:
    """A verified backup before a risky operation (import, migration, restore)."""
    stamp = file_stamp(journal.now())
    name, number = f"{reason}-{stamp}", 1
    while journal.paths.backup(name).exists():  # two in one second
        number += 1
        name = f"{reason}-{stamp}-{number}"
    made = take_backup(journal, name)
    rotate(journal.paths, f"{reason}-", KEEP_PER_REASON, journal.data_key)
    return made


def list_backups(journal: Journal) -> list[Path]:
    """Every backup file in the home, newest first by the time each records (:func:`made`)."""
    return newest_first(home_backups(journal.paths), journal.data_key)


def made(backup: Path, key: bytes) -> datetime:
    """When ``backup`` was made: the time it records inside itself (UTC).

    A copy that records none (made by an older ketajournal, or not opening with
    ``key``) falls back to its file's modification time.
    """
    recorded = made_at(backup, key)
    if recorded is not None:
        return recorded
    return datetime.fromtimestamp(backup.stat().st_mtime, UTC)


def newest_first(backups: list[Path], key: bytes) -> list[Path]:
    """``backups`` ordered newest first by :func:`made`; ties keep their order.

    Not by the file's modification time, which copying or syncing the folder
    changes, nor by the name's stamp (a day, a week or a second).
    """
    return sorted(backups, key=lambda backup: made(backup, key), reverse=True)


def home_backups(paths: JournalPaths) -> list[Path]:
    """The backups in ``<home>/backups`` (not its subfolders), by modification time.

    Newest modification first, then by name. Without the key that is only a
    guess; :func:`newest_first` orders them by the time they record. Creates
    nothing: a home without a backups folder has none.
    """
    found = [p for p in paths.backup_files() if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
