"""Import and export use cases: our own CSV and JSON in, CSV and FHIR out.

An import is all or nothing. Every row is read and validated first
(:mod:`.import_reading`); a bad one raises ``ImportRejectedError`` naming where it is
and the field, and nothing is written. The entries are matched against the journal
(:mod:`.import_matching`: exact duplicates are skipped and counted, side effects keep
their session links), then a verified backup is taken and every new entry is saved in
one transaction (:meth:`Journal.log_all`), with the mood entries' tags, the medication
courses (:mod:`.medication_import`: identical ones skipped, overlapping ones refused)
and the patient's factors (:mod:`.factor_import`: values already held skipped,
conflicting ones refused).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ketajournal.domain.schedules import PlannedItem
from ketajournal.domain.timeutil import local_day
from ketajournal.domain.validation import ValidationError
from ketajournal.language import N_, ngettext
from ketajournal.language import gettext as _
from ketajournal.reports import csv_export, fhir
from ketajournal.reports.factor_formats import write_tag_factor_csv
from ketajournal.reports.medication_formats import write_medication_csv
from ketajournal.services import backups
from ketajournal.services.factor_import import (
    LocatedFactor,
    factors_from_json,
    plan_factors,
    read_folder_factors,
    with_folder_tags,
)
from ketajournal.services.import_matching import plan_import
from ketajournal.services.import_reading import (
    ImportRecord,
    check_unique_ids,
    read_csv_file,
    read_csv_folder,
    read_json,
)
from ketajournal.services.imports.common import ImportRejectedError, rejected
from ketajournal.services.journal import FACTOR_CHANGE, Change, Journal
from ketajournal.services.medication_import import (
    Located,
    medications_from_json,
    plan_medications,
    read_medications,
)
from ketajournal.services.medications import KIND as MEDICATION_KIND
from ketajournal.services.medications import MedicationList
from ketajournal.services.plans import PLANNED, Plans, planned_from_json
from ketajournal.storage.header import read_header
from ketajournal.storage.repository import KINDS

#: How an import summary names each kind of entry (marked here, shown with ``_``).
KIND_WORDS = {"mood": N_("mood"), "session": N_("session"), "side_effect": N_("side effect"),
              "event": N_("event"), "assessment": N_("assessment")}


@dataclass(frozen=True)
class ImportBatch:
    """Everything read from one file or folder, validated, nothing written yet."""

    source: str
    records: tuple[ImportRecord, ...]
    #: Medication courses, each with where it was read.
    medications: tuple[Located, ...] = ()
    #: Planned sessions (a JSON export's), with their ids and session links as exported.
    planned: tuple[PlannedItem, ...] = ()
    #: The patient's factors with their daily values, each with where it was read.
    factors: tuple[LocatedFactor, ...] = ()


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
    #: Medication courses added, and identical ones skipped.
    medications_added: int = 0
    medications_skipped: int = 0
    #: Planned sessions added, and those skipped as exact duplicates.
    planned_added: int = 0
    planned_skipped: int = 0
    #: Factors newly defined, daily values added, and values the journal already held.
    factors_added: int = 0
    factor_values_added: int = 0
    factor_values_skipped: int = 0

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
        added = ", ".join(f"{n} {_(KIND_WORDS.get(kind, kind))}"
                          for kind, n in self.added.items() if n)
        text = ngettext("Imported {n} entry", "Imported {n} entries", self.total_added).format(
            n=self.total_added) + (f" ({added})" if added else "")
        if self.medications_added:
            text += ngettext(", {n} medication course", ", {n} medication courses",
                             self.medications_added).format(n=self.medications_added)
        text += ngettext("; skipped {n} exact duplicate", "; skipped {n} exact duplicates",
                         self.total_skipped).format(n=self.total_skipped)
        if self.planned_added or self.planned_skipped:
            text += _("; {added} planned sessions added, {skipped} already planned").format(
                added=self.planned_added, skipped=self.planned_skipped)
        if self.factor_values_added or self.factor_values_skipped or self.factors_added:
            text += _("; {factors} factors defined, {added} factor values added, {skipped} "
                      "already recorded").format(factors=self.factors_added,
                                                 added=self.factor_values_added,
                                                 skipped=self.factor_values_skipped)
        if self.unlinked_side_effects:
            text += _("; {n} side effects kept without a session (their session was not in "
                      "the import)").format(n=self.unlinked_side_effects)
        return text + "."


# -- exports ----------------------------------------------------------------------------


def export_csv(journal: Journal, folder: Path, *, excel: bool = False) -> dict[str, int]:
    """Write one CSV file per kind into ``folder`` (created if missing); returns counts.
    ``excel``: with a byte-order mark and the locale's list separator, for a spreadsheet.

    Never into the journal's home (:meth:`JournalPaths.check_output`).
    """
    journal.check_output(folder)
    if not folder.parent.is_dir():
        raise ValidationError("output", _("the folder {parent} does not exist").format(
            parent=folder.parent))
    if folder.exists() and not folder.is_dir():
        raise ValidationError("output", _("{folder} exists and is not a folder").format(
            folder=folder))
    folder.mkdir(mode=0o700, exist_ok=True)
    by_kind: dict[str, dict[int, str]] = {kind: {} for kind in KINDS}
    for gid, (kind, entry_id) in journal.global_ids().items():
        by_kind[kind][entry_id] = gid
    counts = csv_export.write_csv(
        folder, {kind: journal.entries(kind) for kind in KINDS}, by_kind, excel=excel
    )
    write_medication_csv(folder, MedicationList(journal).history())
    moods = [entry.id for entry in journal.moods() if entry.id is not None]
    write_tag_factor_csv(folder, journal.tags_of(moods), journal.exported_factors())
    return counts


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
        raise ValidationError("output", _("the folder {parent} does not exist").format(
            parent=target.parent))
    bundle = fhir.build_bundle(journal.sessions(), journal.assessments(), fhir_namespace(journal),
                               MedicationList(journal).history())
    fhir.write_bundle(target, bundle)
    return len(bundle.get("entry", ()))


# -- import: the use case ----------------------------------------------------------------


def import_path(journal: Journal, path: Path) -> ImportResult:
    """Import a JSON export, a CSV export folder, or one kind's CSV file (all or nothing)."""
    return import_batch(journal, read_import(path))


def import_batch(journal: Journal, batch: ImportBatch) -> ImportResult:
    """Add a batch read by :func:`read_import`: backup, then one transaction."""
    plan = plan_import(journal, batch.records)
    meds = MedicationList(journal)
    med_plan = plan_medications(meds.history(), batch.medications)
    planned = Plans(journal).new_of(batch.planned)
    factor_plan = plan_factors(journal.factor_definitions(), journal.factor_values(),
                               batch.factors, local_day(journal.now()))
    backup = None
    change = Change(frozenset())
    if plan.entries or med_plan.to_add or planned or factor_plan.values or \
            factor_plan.to_define:

        def add_rest(ids: tuple[int, ...]) -> None:
            meds.insert_courses(med_plan.to_add)
            Plans(journal).insert_imported(planned, lambda source: _session_id(
                plan.session_targets.get(source), ids))
            journal.insert_imported_factors(factor_plan.to_define, factor_plan.values)

        backup = backups.backup_before(journal, "import")
        change = journal.log_all(
            plan.entries, plan.session_of, plan.global_ids, tags=plan.tags, then=add_rest
        )
        if med_plan.to_add:
            change = Change(change.kinds | {MEDICATION_KIND}, change.ids)
        if planned:
            change = Change(change.kinds | {PLANNED}, change.ids)
        if factor_plan.values or factor_plan.to_define:
            change = Change(change.kinds | {FACTOR_CHANGE}, change.ids)
    return ImportResult(
        added=plan.added,
        skipped=plan.skipped,
        unlinked_side_effects=plan.unlinked,
        backup=backup,
        change=change,
        medications_added=len(med_plan.to_add),
        medications_skipped=med_plan.skipped,
        planned_added=len(planned),
        planned_skipped=len(batch.planned) - len(planned),
        factors_added=len(factor_plan.to_define),
        factor_values_added=len(factor_plan.values),
        factor_values_skipped=factor_plan.skipped,
    )


def _session_id(target: tuple[str, int] | None, ids: tuple[int, ...]) -> int | None:
    """The journal id of an imported planned session's link (None: not in the import)."""
    if target is None:
        return None
    where, number = target
    return number if where == "existing" else ids[number]


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
        records, others = read_json(path)
        check_unique_ids(records)
        planned = others.get("planned_sessions", [])
        if not isinstance(planned, list):
            raise ImportRejectedError(path.name, "planned_sessions", _("must be a list"))
        return ImportBatch(str(path), tuple(records),
                           medications_from_json(others.get("medications", []), path.name),
                           tuple(_planned(planned, path.name)),
                           factors_from_json(others.get("factors", []), path.name))
    check_unique_ids(records)
    if path.is_dir():
        return ImportBatch(str(path), tuple(with_folder_tags(path, records)),
                           read_medications(path), factors=read_folder_factors(path))
    return ImportBatch(str(path), tuple(records), read_medications(path))


def _planned(items: list[Any], display: str) -> list[PlannedItem]:
    """A JSON export's planned sessions, each checked (the first bad one refuses it all)."""
    planned: list[PlannedItem] = []
    for index, item in enumerate(items):
        try:
            planned.append(planned_from_json(item))
        except ValidationError as error:
            raise rejected(f"{display}: planned_sessions[{index}]", error) from None
    if len({i.id for i in planned}) < len(planned):
        raise ImportRejectedError(f"{display}: planned_sessions", "id",
                                  _("appears twice among the planned sessions"))
    return planned
