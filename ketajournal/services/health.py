"""The deep health check a user can run: ``ketajournal check --deep``.

It runs SQLite's integrity and foreign-key checks on the journal, compares the
rows of every table the patient's data lives in — the entries of each kind, the
planned sessions, medications and their doses, tags and the tags on entries,
factors and their values (``Journal.counts``) — with the counts remembered at the
last healthy check (a sudden drop — many rows gone at once — is reported, because
that is what a lost or replaced journal looks like), and opens every backup in
``<home>/backups`` with the journal's key to verify it (integrity check and row
counts). It names the part files interrupted backups left behind (the next
backup removes them) and says when a backup is being written right now. A
healthy check remembers today's counts in the journal's settings and, sealed
(encrypted and authenticated under the data key), in the header — outside the
database, so a database that rolled back (a damaged log, an old file put back)
shows as a drop instead of taking its reference with it; a
check that found a drop does not, so the drop is reported again until the user
confirms it (``--accept-counts``) after deleting those entries on purpose.

Reports name files, kinds and counts only — never journal content.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from ketajournal.language import gettext as _
from ketajournal.language import ngettext
from ketajournal.platform.crypto import seal, unseal
from ketajournal.platform.moves import os_reason
from ketajournal.services.backups import unfinished as unfinished_parts
from ketajournal.services.journal import Journal
from ketajournal.storage.backup import BackupError, verify_backup
from ketajournal.storage.connection import StorageError, WriteFailedError
from ketajournal.storage.header import HeaderError, read_header, usable_with, write_header
from ketajournal.storage.repository import MAPPINGS, OTHER_DATA

#: Where the counts of the last healthy check are kept (inside the encrypted journal).
LAST_CHECK_SETTING = "health.last_check"
#: A kind that lost at least this many entries and this share of them since the last
#: healthy check is a sudden drop; fewer are taken for deletions the user made.
DROP_MIN_ENTRIES = 5
DROP_MIN_SHARE = 0.10


@dataclass(frozen=True)
class CountChange:
    """How many rows of one kind of data there were at the last check and are now."""

    kind: str
    before: int
    now: int

    @property
    def sudden_drop(self) -> bool:
        """True when too many rows are gone at once to be the user's deletions."""
        lost = self.before - self.now
        if lost <= 0:
            return False
        threshold = max(DROP_MIN_ENTRIES, math.ceil(DROP_MIN_SHARE * self.before))
        return self.now == 0 or lost >= threshold


@dataclass(frozen=True)
class BackupCheck:
    """The verification of one backup file."""

    name: str
    ok: bool
    detail: str
    modified: datetime


@dataclass(frozen=True)
class DeepHealth:
    """What :func:`deep_check` found."""

    problems: tuple[str, ...]
    counts: dict[str, int]
    last_check_at: str | None
    changes: tuple[CountChange, ...]
    backups: tuple[BackupCheck, ...]
    unfinished_backups: tuple[str, ...]
    remembered: bool
    #: A backup was being written during the check: its part file is not a leftover.
    backup_in_progress: bool = False
    #: The user confirmed the drops (``--accept-counts``): they no longer fail the check.
    accepted: bool = False
    note: str = ""

    @property
    def drops(self) -> tuple[CountChange, ...]:
        """The kinds with a sudden drop since the last healthy check."""
        return tuple(c for c in self.changes if c.sudden_drop)

    @property
    def failed_backups(self) -> tuple[BackupCheck, ...]:
        """Backups that do not open or do not verify."""
        return tuple(b for b in self.backups if not b.ok)

    @property
    def ok(self) -> bool:
        """True when the journal is sound, nothing dropped (or accepted) and backups verify."""
        dropped = bool(self.drops) and not self.accepted
        return not self.problems and not dropped and not self.failed_backups

    def report(self) -> list[str]:
        """The report as lines of text (counts and file names only), in the language in
        use; the kinds of data keep the names ``check --json`` gives them."""
        def row(label: str, text: str) -> str:
            return f"{label:12} {text}"

        lines = [row(kind, str(count)) for kind, count in self.counts.items()]
        lines.append(row(_("integrity"), _("ok") if not self.problems else _("FAILED")))
        lines += [_("problem: {problem}").format(problem=problem) for problem in self.problems]
        if self.last_check_at is None:
            lines.append(row(_("counts"), _("first deep check: today's counts are the reference")))
        else:
            since = _("since the last check ({day})").format(day=self.last_check_at[:10])
            fewer = [c for c in self.changes if c.now < c.before]
            if not fewer:
                lines.append(row(_("counts"), _("no kind of data has fewer {since}").format(
                    since=since)))
            for change in fewer:
                label = _("SUDDEN DROP") if change.sudden_drop else _("fewer")
                lines.append(row(_("counts"), f"{label}: {change.kind} {change.before} -> "
                                 f"{change.now} {since}"))
            if self.drops:
                lines.append(row("", _(
                    "If you did not delete these, do not write to the journal: restore the "
                    "newest backup that still has them. If you did, run check --deep "
                    "--accept-counts.")))
        if not self.backups:
            lines.append(row(_("backups"), _("none yet")))
        for backup in self.backups:
            status = _("ok") if backup.ok else _("FAILED")
            lines.append(row(_("backup"), f"{status:6} {backup.name} "
                             f"({backup.modified:%Y-%m-%d}) {backup.detail}".rstrip()))
        unfinished = ", ".join(self.unfinished_backups)
        if self.unfinished_backups and self.backup_in_progress:
            lines.append(row(_("backups"), ngettext(
                "{n} unfinished backup file: a backup is being written right now; check "
                "again when it is done: {files}",
                "{n} unfinished backup files: a backup is being written right now; check "
                "again when it is done: {files}",
                len(self.unfinished_backups)).format(
                    n=len(self.unfinished_backups), files=unfinished)))
        elif self.unfinished_backups:
            lines.append(row(_("backups"), ngettext(
                "{n} unfinished backup file from an interrupted backup (safe to delete; the "
                "next backup removes it): {files}",
                "{n} unfinished backup files from interrupted backups (safe to delete; the "
                "next backup removes them): {files}",
                len(self.unfinished_backups)).format(
                    n=len(self.unfinished_backups), files=unfinished)))
        if self.note:
            lines.append(self.note)
        return lines

    def as_json(self) -> dict[str, Any]:
        """The report as one JSON document (``check --deep --json``): the same facts,
        counts and file names only."""
        return {
            "ok": self.ok,
            "integrity": "ok" if not self.problems else "failed",
            "problems": list(self.problems),
            "counts": dict(self.counts),
            "last_check": self.last_check_at,
            "changes": [
                {"kind": c.kind, "before": c.before, "now": c.now, "sudden_drop": c.sudden_drop}
                for c in self.changes
            ],
            "accepted": self.accepted,
            "remembered": self.remembered,
            "backups": [
                {"name": b.name, "ok": b.ok, "detail": b.detail,
                 "modified": b.modified.date().isoformat()}
                for b in self.backups
            ],
            "unfinished_backups": list(self.unfinished_backups),
            "backup_in_progress": self.backup_in_progress,
            "note": self.note,
        }


def check_backup(path: Path, key: bytes) -> BackupCheck:
    """Open one backup with ``key`` and verify it; never raises for a bad backup."""
    modified = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    if path.stat().st_size == 0:
        return BackupCheck(path.name, False, "is empty", modified)
    try:
        counts = verify_backup(path, key)
    except BackupError as error:
        return BackupCheck(path.name, False, str(error), modified)
    except (StorageError, sqlcipher3.DatabaseError) as error:
        # A damaged page is reported by the driver ("malformed"), not by the check.
        return BackupCheck(path.name, False, f"is damaged ({type(error).__name__})", modified)
    if not counts:
        return BackupCheck(path.name, False, "holds no journal tables", modified)
    # Entries are entries: the other data (plans, medications, tags, factors) is
    # counted apart, and sync bookkeeping and settings not at all.
    entries = sum(counts.get(mapping.table, 0) for mapping in MAPPINGS.values())
    others = sum(counts.get(table, 0) for table in OTHER_DATA.values())
    detail = ngettext("{n} entry", "{n} entries", entries).format(n=entries)
    if others:
        detail += ngettext(
            ", {n} other record (plans, medications, tags, factors)",
            ", {n} other records (plans, medications, tags, factors)", others,
        ).format(n=others)
    return BackupCheck(path.name, True, detail, modified)


def _header_reference(journal: Journal) -> dict[str, Any] | None:
    """The counts sealed in the header at the last healthy check, if authentic."""
    key = journal.data_key
    try:
        header = read_header(journal.paths.header)
    except HeaderError:
        return None
    if header.reference is None or not header.verifies(key):
        return None
    raw = unseal(key, header.reference)
    try:
        value = json.loads(raw) if raw is not None else None
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _remember_in_header(journal: Journal, reference: dict[str, Any]) -> None:
    """Seal ``reference`` into the header (authenticated with the rest of it)."""
    key = journal.data_key
    header = read_header(journal.paths.header)
    if not usable_with(header, key):
        return  # a header that does not fit is damage, reported by opening
    sealed = seal(key, json.dumps(reference, sort_keys=True).encode())
    write_header(journal.paths.header, header.replace(reference=sealed), key)


def deep_check(journal: Journal, *, accept_counts: bool = False) -> DeepHealth:
    """Check the journal, its counts against the last healthy check, and every backup.

    A healthy result (or ``accept_counts``) stores today's counts for the next
    check; a journal that cannot be written to is still checked, only its counts
    are not remembered.
    """
    health = journal.check()
    counts = health.counts
    # The header's sealed copy first: it does not roll back with the database (a
    # damaged log, an old journal file put back), so such a loss shows as a drop.
    last: Any = _header_reference(journal)
    if last is None:
        last = journal.setting(LAST_CHECK_SETTING)
    last_at: str | None = None
    changes: list[CountChange] = []
    if isinstance(last, dict) and isinstance(last.get("counts"), dict):
        last_at = str(last.get("at", ""))
        # In the order of today's counts (the header keeps its reference sorted by
        # name); a kind the reference did not count yet (an older ketajournal's) is not
        # compared, and the next healthy check remembers it.
        for kind, now in counts.items():
            before = last["counts"].get(kind)
            if isinstance(before, int) and not isinstance(before, bool):
                changes.append(CountChange(kind, before, now))
    key = journal.data_key
    paths = journal.paths
    backups: list[BackupCheck] = []
    unfinished: list[str] = []
    in_progress = False
    if paths.backups.is_dir():
        backups = [check_backup(path, key) for path in paths.backup_files()]
        parts = unfinished_parts(paths)
        unfinished = [p.name for p in parts.parts]
        in_progress = parts.busy
    result = DeepHealth(
        problems=health.problems,
        counts=counts,
        last_check_at=last_at,
        changes=tuple(changes),
        backups=tuple(backups),
        unfinished_backups=tuple(unfinished),
        remembered=False,
        backup_in_progress=in_progress,
    )
    if health.problems or (result.drops and not accept_counts):
        return result
    reference = {"at": journal.now().isoformat(), "counts": counts}
    try:
        journal.set_setting(LAST_CHECK_SETTING, reference)
        _remember_in_header(journal, reference)
    except WriteFailedError as error:
        return replace(result, note=f"counts       not remembered: {error.reason}")
    except OSError as error:
        return replace(result, note=f"counts       not remembered: {os_reason(error)}")
    if result.drops:
        note = "counts       accepted as the new reference"
        return replace(result, remembered=True, accepted=True, note=note)
    return replace(result, remembered=True)
