"""Every path ketajournal uses, resolved in one place.

The journal's home is, in order: ``--home DIR``, the ``KETAJOURNAL_HOME``
environment variable, the platform's user data directory. Nothing is created at
import time; :func:`ensure_private_dir` creates a home with mode 0700.

:class:`JournalPaths` names every file and folder of a journal home; no other
module spells a file name or builds a path from another. The layout on disk
(docs/architecture.md, "Files on disk") is fixed: existing journals and backups
must keep opening, so these names never change.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from ketajournal.errors import KnownError

ENV_HOME = "KETAJOURNAL_HOME"
DB_NAME = "journal.db"
HEADER_NAME = "journal.header"
BACKUPS_DIR = "backups"
INSTANCE_LOCK_NAME = "journal.lock"
REMINDER_SCHEDULE_NAME = "reminders.json"
#: The keyring backend keyring chose (platform/keyring_choice.py), one file per desktop.
KEYRING_CHOICE_NAME = "keyring-backend"
CREATION_LOCK_NAME = "journal.create.lock"
MIGRATION_LOCK_NAME = "journal.migrate.lock"
#: In the backups folder: held by every backup run (services/backups.py).
BACKUPS_LOCK_NAME = ".backups.lock"
#: A journal is built under ``journal.db.creating`` and renamed when complete.
CREATING_SUFFIX = ".creating"
#: A backup is ``<name>.db`` with its header copy ``<name>.header`` beside it.
BACKUP_SUFFIX = ".db"
HEADER_COPY_SUFFIX = ".header"
#: Backups written before a migration: ``before-migration-<stamp>.db``.
MIGRATION_BACKUP_PREFIX = "before-migration-"
#: Private folders inside the home where a restore stages its copies.
STAGING_PREFIX = ".restore-"


class SetAside(StrEnum):
    """Why journal files were moved out of the way; names their folder in ``backups``."""

    BEFORE_RESTORE = "before-restore"
    DAMAGED = "damaged"


class OutputInJournalHomeError(KnownError):
    """An export, backup or report would be written into the journal's home."""

    def __init__(self, target: Path, home: Path) -> None:
        super().__init__(
            f"{target} is inside the journal's folder {home}. Nothing was written: a file "
            "there could replace the journal, its header or its backups, and a readable "
            "file would sit beside the encrypted journal. Choose a file outside that folder."
        )


def file_stamp(when: datetime) -> str:
    """``YYYYmmdd-HHMMSS`` in local time: the date in backup and set-aside names."""
    return when.astimezone().strftime("%Y%m%d-%H%M%S")


def sqlite_sidecars(database: Path) -> tuple[Path, Path]:
    """The write-ahead log and shared-memory files SQLite keeps beside ``database``."""
    return database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")


def backup_header(backup: Path) -> Path:
    """The header copy that belongs to the backup file ``backup`` (``<name>.header``)."""
    return backup.with_suffix(HEADER_COPY_SUFFIX)


def numbered(path: Path, number: int) -> Path:
    """``path`` itself for 1, else with ``-<number>`` before its suffix (two in one second)."""
    if number <= 1:
        return path
    return path.with_name(f"{path.stem}-{number}{path.suffix}")


@dataclass(frozen=True)
class JournalPaths:
    """Every file and folder of one journal home.

    ``home/journal.db`` (and its ``-wal``/``-shm``), ``home/journal.header``, the
    lock files, ``home/backups/`` with its backups, their header copies and the
    folders files are set aside in, and the private staging folders of a restore.
    """

    home: Path

    @classmethod
    def around(cls, database: Path) -> JournalPaths:
        """The paths of the home whose journal file is ``database`` (or a staged copy's)."""
        return cls(database.parent)

    # -- the journal -----------------------------------------------------------------
    @property
    def database(self) -> Path:
        """The encrypted SQLite file."""
        return self.home / DB_NAME

    @property
    def header(self) -> Path:
        """Non-secret metadata (the journal id that names its key in the keyring)."""
        return self.home / HEADER_NAME

    @property
    def sidecars(self) -> tuple[Path, Path]:
        """The journal file's write-ahead log and shared-memory files."""
        return sqlite_sidecars(self.database)

    @property
    def database_files(self) -> tuple[Path, ...]:
        """The journal file and its SQLite sidecars."""
        return (self.database, *self.sidecars)

    @property
    def journal_files(self) -> tuple[Path, ...]:
        """Every file that makes up the journal: the database, its sidecars, the header."""
        return (*self.database_files, self.header)

    @property
    def creating(self) -> Path:
        """Where a new journal is built before it is renamed to :attr:`database`."""
        return self.database.with_name(DB_NAME + CREATING_SUFFIX)

    @property
    def creating_files(self) -> tuple[Path, ...]:
        """The journal being built and its SQLite sidecars."""
        return (self.creating, *sqlite_sidecars(self.creating))

    @property
    def reminder_schedule(self) -> Path:
        """The daily reminder's time, outside the journal: what a window that starts
        locked sends from (no journal data; absent while the reminder is off)."""
        return self.home / REMINDER_SCHEDULE_NAME

    def keyring_choice(self, desktop: str) -> Path:
        """Which keyring backend keyring chose on ``desktop`` (``XDG_CURRENT_DESKTOP``),
        ``module:class`` only: what a start uses instead of keyring's search
        (:mod:`ketajournal.platform.keyring_choice`). ``keyring-backend``, or
        ``keyring-backend.<desktop>`` with ``+`` for ``:`` and ``_`` for any other
        character a file name may not hold."""
        if not desktop:
            return self.home / KEYRING_CHOICE_NAME
        safe = "".join(
            "+" if c == ":" else c if c.isascii() and (c.isalnum() or c in "-_.") else "_"
            for c in desktop[:60]
        )
        return self.home / f"{KEYRING_CHOICE_NAME}.{safe}"

    # -- locks -----------------------------------------------------------------------
    @property
    def instance_lock(self) -> Path:
        """Held by the window for as long as it has the journal open."""
        return self.home / INSTANCE_LOCK_NAME

    @property
    def creation_lock(self) -> Path:
        """Held while a first run creates the journal."""
        return self.home / CREATION_LOCK_NAME

    @property
    def migration_lock(self) -> Path:
        """Held while the journal is backed up and migrated."""
        return self.home / MIGRATION_LOCK_NAME

    @property
    def backups_lock(self) -> Path:
        """Held (shared) by every backup run while it writes."""
        return self.backups / BACKUPS_LOCK_NAME

    # -- backups ---------------------------------------------------------------------
    @property
    def backups(self) -> Path:
        """The folder of verified backups (``<home>/backups``); not created here."""
        return self.home / BACKUPS_DIR

    def backup(self, name: str) -> Path:
        """The backup file called ``name`` (``<home>/backups/<name>.db``)."""
        return self.backups / f"{name}{BACKUP_SUFFIX}"

    def backup_files(self, prefix: str = "") -> list[Path]:
        """The backup files named ``<prefix>*.db`` in the backups folder, sorted by name."""
        if not self.backups.is_dir():
            return []
        return sorted(self.backups.glob(f"{prefix}*{BACKUP_SUFFIX}"))

    def migration_backup(self, when: datetime, number: int = 1) -> Path:
        """The backup written before a migration at ``when`` (``number`` > 1: a second one)."""
        return numbered(self.backup(f"{MIGRATION_BACKUP_PREFIX}{file_stamp(when)}"), number)

    def set_aside(self, reason: SetAside, when: datetime, number: int = 1) -> Path:
        """The folder files replaced at ``when`` are moved to: ``backups/<reason>-<stamp>``."""
        return numbered(self.backups / f"{reason.value}-{file_stamp(when)}", number)

    def set_aside_pattern(self, reason: SetAside) -> str:
        """How :meth:`set_aside` folders are named, for messages: ``…/backups/<reason>-<date>/``."""
        return f"{self.backups}/{reason.value}-<date>/"

    # -- outputs ---------------------------------------------------------------------
    def check_output(self, target: Path) -> None:
        """Refuse ``target`` as the place of an export, backup file or report.

        Raises :class:`OutputInJournalHomeError` when ``target`` resolves — through
        symbolic links and ``..`` — to the home or anything inside it (the journal,
        its header, WAL and shm, the locks, the backups folder), or is a hard link
        to one of the journal's files.
        """
        home = Path(os.path.realpath(self.home))
        resolved = Path(os.path.realpath(target))
        if resolved == home or home in resolved.parents:
            raise OutputInJournalHomeError(target, self.home)
        try:
            if not resolved.is_file():
                return
            status = resolved.stat()
        except OSError:
            return
        for own in self.journal_files:
            try:
                mine = own.stat()
            except OSError:
                continue
            if (mine.st_dev, mine.st_ino) == (status.st_dev, status.st_ino):
                raise OutputInJournalHomeError(target, self.home)

    # -- staging ---------------------------------------------------------------------
    def new_staging_dir(self) -> Path:
        """Create a new private folder ``<home>/.restore-<random>`` (and the home, 0700).

        Inside the home, so files staged there are renamed into place on the same disk.
        """
        ensure_private_dir(self.home)
        return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.home))


def default_home() -> Path:
    """The platform's per-user data directory for ketajournal (platformdirs is imported
    here: a start with ``--home`` does not need it)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("ketajournal", appauthor=False, roaming=False))


def resolve_home(
    option: str | os.PathLike[str] | None, env: Mapping[str, str] = os.environ
) -> Path:
    """The home chosen by ``--home``, else ``KETAJOURNAL_HOME``, else the default."""
    if option:
        return Path(option).expanduser().absolute()
    if env.get(ENV_HOME):
        return Path(env[ENV_HOME]).expanduser().absolute()
    return default_home()


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it readable by its owner only."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


def disable_core_dumps() -> None:
    """Make this process leave no core dump when it crashes.

    A core dump is the process's memory written to disk: it would hold the data key
    and whatever entries were open, in clear, wherever the system keeps dumps.
    Called once by the composition root, like :func:`set_private_umask`.
    """
    try:
        import resource
    except ImportError:  # not on POSIX: Windows writes no core dumps of its own
        return
    # A limit we cannot lower is the system's choice; nothing to report.
    with contextlib.suppress(OSError, ValueError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def set_private_umask() -> None:
    """Make every file this process creates owner-only (0600 files, 0700 dirs).

    Called once by the composition roots (CLI and app), never at import. SQLite
    creates the WAL and shared-memory files with the database file's mode, and
    exports, backups and temporary files inherit the umask.
    """
    if os.name == "posix":
        os.umask(0o077)
