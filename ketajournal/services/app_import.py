"""The import use case for other apps' exports: read, preview, then import all or nothing.

The readers in :mod:`.imports` turn a Daylio, eMoods, Bearable or mapped CSV file
into a :class:`~.imports.common.ParsedImport` without writing anything. This module
does what our own importer (:mod:`.exchange`) does with it: every entry is matched
against the journal first (:func:`preview`: an entry equal in every field to one
already there, or to an earlier row of the file, is an exact duplicate, skipped and
counted; an entry in the future refuses the file), then a verified backup is taken
and every new entry is saved with its tags in one transaction. The patient's Daylio
mood mapping is remembered in the journal's settings (``imports.mood_labels``) and
offered again next time. The medications the eMoods and Bearable readers find become
courses of the medication list (:func:`.medication_import.courses_from_records`),
with our own importer's rules (:func:`.medication_import.plan_medications`): a course
identical to one in the list is skipped, one overlapping a different course of the
same medication refuses the file; the others are added in the entries' transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from ketajournal.domain.medications import Course
from ketajournal.domain.models import MoodEntry
from ketajournal.domain.timeutil import local_day
from ketajournal.domain.validation import ValidationError, check_not_future
from ketajournal.language import gettext as _
from ketajournal.language import ngettext
from ketajournal.services import backups
from ketajournal.services.import_matching import entry_key
from ketajournal.services.imports import bearable, daylio, emoods, generic
from ketajournal.services.imports.common import (
    ImportedEntry,
    ParsedImport,
    rejected,
)
from ketajournal.services.journal import Change, Journal
from ketajournal.services.medication_import import (
    MedicationPlan,
    courses_from_records,
    plan_medications,
)
from ketajournal.services.medications import KIND as MEDICATION_KIND
from ketajournal.services.medications import MedicationList
from ketajournal.services.settings import Settings

#: The formats ``import --from`` reads, with the name the window shows.
SOURCES: Mapping[str, str] = {
    "daylio": "Daylio (CSV export)",
    "emoods": "eMoods (CSV export)",
    "bearable": "Bearable (CSV export)",
    "csv": "Any CSV file (choose the columns)",
}
#: Where the Daylio mood mapping the patient confirmed is kept.
MOOD_LABELS_SETTING = "imports.mood_labels"


@dataclass(frozen=True)
class ImportOptions:
    """How to read one file: its format and what that format needs."""

    source: str
    #: Daylio: mood label → 0–10 score (on top of the remembered and default scores).
    mood_scores: Mapping[str, int] = field(default_factory=dict)
    #: Any CSV: which column is what.
    columns: generic.ColumnMapping | None = None
    #: Bearable: the scale of its mood ratings (default 1–5).
    mood_scale: tuple[float, float] = bearable.DEFAULT_SCALE
    #: eMoods: a strptime date format when the dates are not YYYY-MM-DD.
    date_format: str | None = None
    #: The zone of the file's wall-clock times (default: the computer's).
    zone: tzinfo | None = None


def check_source(source: str) -> str:
    """``source`` if it is a format we read; refused naming the field otherwise."""
    if source not in SOURCES:
        raise ValidationError("from", _("must be one of: {choices}").format(
            choices=', '.join(SOURCES)))
    return source


def remembered_scores(journal: Journal) -> dict[str, int]:
    """The mood scores the patient confirmed in earlier imports (label → 0–10)."""
    return dict(Settings(journal).get(MOOD_LABELS_SETTING))


def read_file(path: Path, options: ImportOptions, *, data: bytes | None = None) -> ParsedImport:
    """Read and check ``path`` in the format ``options.source``, touching no journal.

    Raises :class:`~.imports.common.ImportRejectedError` (for Daylio labels without a
    score: :class:`~.imports.daylio.UnmappedMoodsError`, listing them).
    """
    source = check_source(options.source)
    if source == "daylio":
        return daylio.read_daylio(path, options.mood_scores, zone=options.zone, data=data)
    if source == "emoods":
        return emoods.read_emoods(
            path, zone=options.zone, date_format=options.date_format, data=data
        )
    if source == "bearable":
        return bearable.read_bearable(
            path, zone=options.zone, mood_scale=options.mood_scale, data=data
        )
    if options.columns is None:
        raise ValidationError("columns", _("a CSV file needs its date and mood columns named"))
    return generic.read_generic(path, options.columns, zone=options.zone, data=data)


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do, before anything is written."""

    parsed: ParsedImport
    #: The entries that are not already in the journal, in file order.
    new: tuple[ImportedEntry, ...]
    #: Exact duplicates (of an entry in the journal or earlier in the file).
    duplicates: int
    #: The medication courses the file's records describe: to add, and already listed.
    medication_plan: MedicationPlan = field(default_factory=lambda: MedicationPlan((), 0))

    @property
    def medications(self) -> int:
        """Medication records (one medication on one day) the file holds."""
        return len(self.parsed.medications)

    @property
    def tagged(self) -> int:
        """New entries that carry tags."""
        return sum(1 for item in self.new if item.tags)

    def lines(self) -> list[str]:
        """The counts, one sentence each (no health data)."""
        read = len(self.parsed.entries)
        text = [
            ngettext("{n} mood entry read from {source}: {new} new, {duplicates} to skip.",
                     "{n} mood entries read from {source}: {new} new, {duplicates} to skip.",
                     read).format(
                n=read, source=self.parsed.source, new=len(self.new),
                duplicates=ngettext("{n} exact duplicate", "{n} exact duplicates",
                                    self.duplicates).format(n=self.duplicates)),
        ]
        if self.tagged:
            tags = len({tag.casefold() for item in self.new for tag in item.tags})
            text.append(ngettext("{n} new entry carries tags ({tags}).",
                                 "{n} new entries carry tags ({tags}).", self.tagged).format(
                n=self.tagged, tags=ngettext("{n} different tag", "{n} different tags",
                                             tags).format(n=tags)))
        for reason, count in self.parsed.skipped.items():
            # The reasons are marked N_ where the readers count them.
            text.append(ngettext("{n} row not used: {reason}.", "{n} rows not used: {reason}.",
                                 count).format(n=count, reason=_(reason)))
        if self.medications:
            plan = self.medication_plan
            text.append(ngettext(
                "The file names {n} medication record: {courses} to add to the medication "
                "list, {skipped} already in it.",
                "The file names {n} medication records: {courses} to add to the medication "
                "list, {skipped} already in it.", self.medications).format(
                    n=self.medications, skipped=plan.skipped,
                    courses=ngettext("{n} medication course", "{n} medication courses",
                                     len(plan.to_add)).format(n=len(plan.to_add))))
        return text


def preview(journal: Journal, parsed: ParsedImport) -> ImportPreview:
    """Match ``parsed`` against ``journal``: what is new, what is an exact duplicate.

    Refuses the whole file when an entry lies in the future (by the journal's clock).
    """
    return match(parsed, journal.moods(), journal.now(), MedicationList(journal).history())


def match(
    parsed: ParsedImport,
    existing: Iterable[MoodEntry],
    now: datetime,
    courses: Sequence[Course] = (),
) -> ImportPreview:
    """:func:`preview` against the mood entries ``existing`` and the medication ``courses``
    (none: a journal not made yet)."""
    medication_plan = plan_medications(
        courses, courses_from_records(parsed.medications, local_day(now)))
    seen = {entry_key(entry) for entry in existing}
    new: list[ImportedEntry] = []
    duplicates = 0
    for item in parsed.entries:
        try:
            check_not_future("at", item.entry.at, now)
        except ValidationError as error:
            raise rejected(item.location, error) from None
        key = entry_key(item.entry)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        new.append(item)
    return ImportPreview(parsed, tuple(new), duplicates, medication_plan)


@dataclass(frozen=True)
class AppImportResult:
    """What an import did."""

    added: int
    duplicates: int
    #: Medication records the file held (one medication on one day).
    medications: int
    skipped: Mapping[str, int]
    #: The verified backup taken before writing (None when nothing was new).
    backup: Path | None
    change: Change = field(default_factory=lambda: Change(frozenset()))
    #: Medication courses added to the list, and identical ones already there.
    courses_added: int = 0
    courses_skipped: int = 0

    def summary(self) -> str:
        """One sentence for the CLI or the dialog (counts only, no health data)."""
        text = ngettext("Imported {n} mood entry; skipped {duplicates}",
                        "Imported {n} mood entries; skipped {duplicates}", self.added).format(
            n=self.added, duplicates=ngettext("{n} exact duplicate", "{n} exact duplicates",
                                              self.duplicates).format(n=self.duplicates))
        unused = sum(self.skipped.values())
        if unused:
            text += ngettext("; {n} row of the file not used", "; {n} rows of the file not used",
                             unused).format(n=unused)
        text += "."
        if self.medications:
            text += " " + ngettext(
                "Added {n} medication course to the medication list ({skipped} already in it).",
                "Added {n} medication courses to the medication list ({skipped} already in "
                "it).", self.courses_added).format(n=self.courses_added,
                                                    skipped=self.courses_skipped)
        return text


def import_parsed(
    journal: Journal,
    parsed: ParsedImport,
    *,
    remember: Mapping[str, int] | None = None,
) -> AppImportResult:
    """Add the new entries of ``parsed``: a verified backup, then one transaction.

    ``remember`` (the Daylio mood scores the patient confirmed) is stored for the
    next import, after the entries are saved.
    """
    plan = preview(journal, parsed)
    backup = None
    change = Change(frozenset())
    to_add = plan.medication_plan.to_add
    if plan.new or to_add:
        backup = backups.backup_before(journal, "import")
        change = journal.log_all(
            [item.entry for item in plan.new],
            tags={index: item.tags for index, item in enumerate(plan.new) if item.tags},
            then=lambda _ids: MedicationList(journal).insert_courses(to_add),
        )
        if to_add:
            change = Change(change.kinds | {MEDICATION_KIND}, change.ids)
    if remember:
        scores = remembered_scores(journal)
        scores.update({daylio.mood_key(label): score for label, score in remember.items()})
        Settings(journal).set(MOOD_LABELS_SETTING, scores)
        change = Change(change.kinds | {"settings"}, change.ids)
    return AppImportResult(
        added=len(plan.new),
        duplicates=plan.duplicates,
        medications=plan.medications,
        skipped=dict(parsed.skipped),
        backup=backup,
        change=change,
        courses_added=len(to_add),
        courses_skipped=plan.medication_plan.skipped,
    )

