"""The checks and the backup that follow opening the journal, off the window's path.

Opening the journal for the window checks only what is cheap and catches a wrong
key or a missing, empty or truncated file: the header, the key against page 1 and
the schema version (:func:`ketajournal.services.opening.open_checked` with
``verify=False``). The full checks read and decrypt every page — 2–3 ms for ten
years, 0.8 s for a million rows — and the first start of a day also writes the
daily and weekly backups (2.8 s for a million rows). :func:`after_open` does both
on its own connection, in a worker thread, once the window is shown.

If the full check finds damage, no backup is taken (a copy of a damaged journal
must never rotate out a good backup); the window then closes the journal and
reopens it through the repair path, which offers the newest verified backup.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import sqlcipher3

from ketajournal.errors import KnownError
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.backups import BackupSet, automatic_backup
from ketajournal.services.journal import Journal
from ketajournal.storage.database import open_database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AfterOpen:
    """What :func:`after_open` found and did.

    ``problems`` is empty when the journal is healthy. ``backups`` is None when no
    backup was attempted (damage found) or it failed; ``backup_error`` then says why.
    """

    problems: tuple[str, ...] = ()
    backups: BackupSet | None = None
    backup_error: str | None = None

    @property
    def healthy(self) -> bool:
        """True when the integrity and foreign-key checks found nothing."""
        return not self.problems


def after_open_work(journal: Journal) -> tuple[JournalPaths, bytes, datetime]:
    """What :func:`after_open` needs from the window's open journal (read on the UI thread)."""
    return journal.paths, journal.data_key, journal.now()


def after_open(paths: JournalPaths, key: bytes, now: datetime) -> AfterOpen:
    """The full integrity check, then today's automatic backup, on a new connection.

    Safe to call from a worker thread while the window's own connection writes:
    SQLite's WAL lets this connection read a consistent snapshot.
    """
    try:
        database = open_database(paths.database, key)
        journal = Journal(database, paths=paths, key=key, clock=lambda: now)
    except (KnownError, sqlcipher3.DatabaseError) as error:
        # Not a finding about the journal (the window's connection opened it): say
        # that neither the check nor the backup ran, and why.
        log.warning("journal could not be reopened for checking: %s", type(error).__name__)
        reason = str(error) if isinstance(error, KnownError) else type(error).__name__
        return AfterOpen(backup_error=f"Today's check and backup could not run: {reason}")
    try:
        try:
            problems = journal.check().problems
        except sqlcipher3.DatabaseError as error:
            problems = (f"the file cannot be read completely ({type(error).__name__})",)
        if problems:
            log.warning("integrity check found %d problem(s)", len(problems))
            return AfterOpen(problems=tuple(problems))
        try:
            return AfterOpen(backups=automatic_backup(journal, now))
        except KnownError as error:
            log.warning("automatic backup failed: %s", type(error).__name__)
            return AfterOpen(backup_error=str(error))
    finally:
        journal.close()
