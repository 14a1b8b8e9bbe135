"""Automatic backups and their rotation.

At start the app keeps at most one backup a day in ``<home>/backups``: daily
copies (the newest 7 are kept) and, once a week, a weekly copy (the newest 4).
Each backup is SQLCipher to SQLCipher with the journal's own key, carries a copy
of the journal header (so it can be opened with the recovery key), and is
verified — it opens, passes the integrity check, and has the same row counts as
the journal — before any older backup is deleted. Backups taken before an
import or a migration are kept apart (the newest 5 of each reason).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ketajournal.platform.paths import HEADER_NAME, ensure_private_dir
from ketajournal.services.journal import Journal

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
    return ensure_private_dir(journal.path.parent / "backups")


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
    """Take today's daily (and this week's weekly) backup if missing, then rotate."""
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
    deleted = rotate(folder, "daily-", KEEP_DAILY) + rotate(folder, "weekly-", KEEP_WEEKLY)
    return BackupSet(tuple(made), tuple(deleted))


def rotate(folder: Path, prefix: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups named ``prefix*`` (names sort by date)."""
    found = sorted(folder.glob(f"{prefix}*.db"))
    old = found[:-keep] if keep else found
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
    rotate(made.parent, f"{reason}-", KEEP_PER_REASON)
    return made


def list_backups(journal: Journal) -> list[Path]:
    """Every backup file in the home, newest first by modification time."""
    folder = backups_dir(journal)
    return sorted(folder.glob("*.db"), key=lambda p: p.stat().st_mtime, reverse=True)
