"""Journals for the restore, repair, damage and backup tests: made, backed up, exported.

The helpers the files of tests/integration/services/ that restore or repair journals
share; their fixtures ``made`` and ``backed_up`` are in that folder's conftest.py.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ketajournal.platform.crypto import RecoveryCode
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.services.portable import (
    write_portable_backup,
)

SENTINEL = "SENTINEL-restore-7d20"
PAGE = 4096


@dataclass
class Made:
    paths: JournalPaths
    code: RecoveryCode


def reopen(paths: JournalPaths, clock, secret: str | None = None) -> Journal:
    return open_journal(paths, KeyringKeyStore(), secret, create=False, clock=clock)


def export_bytes(paths: JournalPaths, clock, target: Path, secret: str | None = None) -> bytes:
    journal = reopen(paths, clock, secret)
    try:
        journal.export_json(target)
    finally:
        journal.close()
    return target.read_bytes()


def backup_file(paths: JournalPaths, clock, target: Path, secret: str | None = None) -> Path:
    journal = reopen(paths, clock, secret)
    try:
        write_portable_backup(journal, target)
    finally:
        journal.close()
    return target


def snapshot(directory: Path) -> dict[str, str]:
    if not directory.exists():
        return {}
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def truncate_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2 // PAGE * PAGE)


def overwrite_last_page(path: Path) -> None:
    """Overwrite the file's last page: entries written last, never the schema of a
    journal made whole by its migrations (whose schema pages come early)."""
    pages = path.stat().st_size // PAGE
    with path.open("r+b") as handle:
        handle.seek((pages - 1) * PAGE)
        handle.write(os.urandom(PAGE))
