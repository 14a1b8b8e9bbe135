"""Every path ketajournal uses, resolved in one place.

The journal's home is, in order: ``--home DIR``, the ``KETAJOURNAL_HOME``
environment variable, the platform's user data directory. Nothing is created at
import time; :func:`ensure_private_dir` creates a home with mode 0700.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_HOME = "KETAJOURNAL_HOME"
DB_NAME = "journal.db"
HEADER_NAME = "journal.header"
BACKUPS_DIR = "backups"


@dataclass(frozen=True)
class JournalPaths:
    """The files of one journal home."""

    home: Path

    @property
    def database(self) -> Path:
        """The encrypted SQLite file."""
        return self.home / DB_NAME

    @property
    def header(self) -> Path:
        """Non-secret metadata (the journal id that names its key in the keyring)."""
        return self.home / HEADER_NAME

    @property
    def backups(self) -> Path:
        """The folder of verified backups (``<home>/backups``); not created here."""
        return self.home / BACKUPS_DIR


def default_home() -> Path:
    """The platform's per-user data directory for ketajournal."""
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


def set_private_umask() -> None:
    """Make every file this process creates owner-only (0600 files, 0700 dirs).

    Called once by the composition roots (CLI and app), never at import. SQLite
    creates the WAL and shared-memory files with the database file's mode, and
    exports, backups and temporary files inherit the umask.
    """
    if os.name == "posix":
        os.umask(0o077)
