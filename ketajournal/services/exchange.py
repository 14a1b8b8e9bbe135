"""Import and export use cases: our own CSV and JSON in, CSV and FHIR out.

An import is all or nothing. Every row is read and validated first
(:mod:`.import_reading`); a bad one raises ``ImportRejectedError`` naming where it is
and the field, and nothing is written. The entries are matched against the journal
(:mod:`.import_matching`: exact duplicates are skipped and counted, side effects keep
their session links), then a verified backup is taken and every new entry is saved in
one transaction (:meth:`Journal.log_all`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ketajournal.domain.validation import ValidationError
from ketajournal.reports import csv_export, fhir
from ketajournal.services import backups
from ketajournal.services.import_matching import plan_import
from ketajournal.services.import_reading import (
    ImportRecord,
    check_unique_ids,
    read_csv_file,
    read_csv_folder,
    read_json,
)
from ketajournal.services.journal import Change, Journal
from ketajournal.storage.header import read_header
from ketajournal.storage.repository import KINDS


@dataclass(frozen=True)
class ImportBatch:
    """Everything read from one file or folder, validated, nothing written yet."""

    source: str
    records: tuple[ImportRecord, ...]


@dataclass(frozen=True)
class ImportResult:
    """What an import did: entries added and exact duplicates skipped, per kind."""

    added: dict[str, int]
    skipped: dict[str, int]
    #: Side effects added without a session link: their session was neither in the
    #: import nor identical to one in the journal (e.g. side_effect.csv on its own).
    unlinked_side_effects: int
    #: The backup taken before writing (None when there was nothing to add).
    backup: Path | None
    change: Change = field(default_factory=lambda: Change(frozenset()))

    @property
    def total_added(self) -> int:
        """Entries added, all kinds."""
        return sum(self.added.values())

    @property
    def total_skipped(self) -> int:
        """Duplicates skipped, all kinds."""
        return sum(self.skipped.values())

    def summary(self) -> str:
        """One sentence for the CLI or a status bar (counts only, no health data)."""
        added = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in self.added.items() if n)
        text = f"Imported {self.total_added} entries" + (f" ({added})" if added else "")
        text += f"; skipped {self.total_skipped} exact duplicates"
        if self.unlinked_side_effects:
            text += (
                f"; {self.unlinked_side_effects} side effects kept without a session "
                "(their session was not in the import)"
            )
        return text + "."


# -- exports ----------------------------------------------------------------------------


def export_csv(journal: Journal, folder: Path) -> dict[str, int]:
    """Write one CSV file per kind into ``folder`` (created if missing); returns counts.

    Never into the journal's home (:meth:`JournalPaths.check_output`).
    """
    journal.check_output(folder)
    if not folder.parent.is_dir():
        raise ValidationError("output", f"the folder {folder.parent} does not exist")
    if folder.exists() and not folder.is_dir():
        raise ValidationError("output", f"{folder} exists and is not a folder")
    folder.mkdir(mode=0o700, exist_ok=True)
    by_kind: dict[str, dict[int, str]] = {kind: {} for kind in KINDS}
    for gid, (kind, entry_id) in journal.global_ids().items():
        by_kind[kind][entry_id] = gid
    return csv_export.write_csv(
        folder, {kind: journal.entries(kind) for kind in KINDS}, by_kind
    )


def fhir_namespace(journal: Journal) -> uuid.UUID:
    """The journal's UUID namespace for FHIR fullUrls (from the id in its header)."""
    header = read_header(journal.paths.header)
    return fhir.journal_namespace(header.journal_id)


def export_fhir(journal: Journal, target: Path) -> int:
    """Write the FHIR R4 Bundle (docs/fhir.md) atomically; returns the number of resources.

    Never into the journal's home (:meth:`JournalPaths.check_output`).
    """
    journal.check_output(target)
    if not target.parent.is_dir():
        raise ValidationError("output", f"the folder {target.parent} does not exist")
    bundle = fhir.build_bundle(journal.sessions(), journal.assessments(), fhir_namespace(journal))
    fhir.write_bundle(target, bundle)
    return len(bundle.get("entry", ()))


# -- import: the use case ----------------------------------------------------------------


def import_path(journal: Journal, path: Path) -> ImportResult:
    """Import a JSON export, a CSV export folder, or one kind's CSV file (all or nothing)."""
    return import_batch(journal, read_import(path))


def import_batch(journal: Journal, batch: ImportBatch) -> ImportResult:
    """Add a batch read by :func:`read_import`: backup, then one transaction."""
    plan = plan_import(journal, batch.records)
    backup = None
    change = Change(frozenset())
    if plan.entries:
        backup = backups.backup_before(journal, "import")
        change = journal.log_all(plan.entries, plan.session_of, plan.global_ids)
    return ImportResult(
        added=plan.added,
        skipped=plan.skipped,
        unlinked_side_effects=plan.unlinked,
        backup=backup,
        change=change,
    )


def read_import(path: Path) -> ImportBatch:
    """Read and validate an import source without touching any journal.

    A folder is read as a CSV export (the files ``mood.csv`` … ``assessment.csv``
    it contains), a ``.csv`` file as one kind's file, anything else as a JSON
    export.
    """
    if path.is_dir():
        records = read_csv_folder(path)
    elif path.suffix.lower() == ".csv":
        records = read_csv_file(path, path.name)
    else:
        records = read_json(path)
    check_unique_ids(records)
    return ImportBatch(str(path), tuple(records))
