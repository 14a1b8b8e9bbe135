"""The medication courses of an import: read from our JSON or CSV export, or built from
the daily medication records of an eMoods or Bearable export; matched, added.

Read and checked before anything is written, like the entries
(:mod:`.import_reading`): a bad course raises ``ImportRejectedError`` naming where it is
and the field. A course identical to one in the journal (same name, class and steps) is
skipped as a duplicate; one that overlaps a different course of the same medication is
refused, because a medication is taken once at a time. The courses to add are saved in
the import's one transaction (:func:`ketajournal.services.exchange.import_batch` and
:func:`ketajournal.services.app_import.import_parsed`, through
:meth:`MedicationList.insert_courses`). :func:`courses_from_records` is the documented
rule (docs/import.md) that turns "taken on these days" into courses.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ketajournal.domain.medications import (
    Course,
    MedicationStep,
    StepAction,
    check_day,
    courses,
    default_class,
    name_key,
    overlapping,
)
from ketajournal.domain.validation import ValidationError
from ketajournal.language import gettext as _
from ketajournal.reports.medication_formats import (
    DOSE_COLUMNS,
    DOSE_FILE,
    MEDICATION_COLUMNS,
    MEDICATION_FILE,
    LocatedError,
    course_from_json,
    courses_from_csv,
)
from ketajournal.services.import_reading import read_text
from ketajournal.services.imports.common import (
    ImportRejectedError,
    MedicationRecord,
    line_of,
    rejected,
)

#: Where each course was read (``export.json: medications[0]``), and the course.
Located = tuple[str, Course]


@dataclass(frozen=True)
class MedicationPlan:
    """What an import does to the medication list."""

    to_add: tuple[Course, ...]
    skipped: int


def read_medications(path: Path) -> tuple[Located, ...]:
    """The courses in a CSV export folder (none in one kind's CSV file; a JSON export's
    come through :func:`medications_from_json`)."""
    if path.is_dir():
        return _read_csv_folder(path)
    return ()


def medications_from_json(items: object, display: str) -> tuple[Located, ...]:
    """The courses of a JSON export's ``medications`` value as read (``display``: the
    file's name), each checked; the first bad one refuses the import."""
    if not isinstance(items, list):
        raise ImportRejectedError(display, "medications", _("must be a list"))
    found = []
    for index, item in enumerate(items):
        location = f"{display}: medications[{index}]"
        try:
            found.append((location, course_from_json(item)))
        except ValidationError as error:
            raise rejected(location, error) from None
    _check_unique_ids(found)
    return tuple(found)


def _read_csv_folder(folder: Path) -> tuple[Located, ...]:
    medications, doses = folder / MEDICATION_FILE, folder / DOSE_FILE
    if not medications.is_file() and not doses.is_file():
        return ()  # an export from before the medication list
    for path in (medications, doses):
        if not path.is_file():
            raise ImportRejectedError(
                path.name, "", _("is missing: {medication_file} and "
                                 "{dose_file} go together").format(
                    medication_file=MEDICATION_FILE, dose_file=DOSE_FILE))
    try:
        found = courses_from_csv(read_csv_rows(medications, MEDICATION_COLUMNS),
                                 read_csv_rows(doses, DOSE_COLUMNS))
    except LocatedError as error:
        raise rejected(error.location, error.error) from None
    _check_unique_ids(found)
    return tuple(found)


def read_csv_rows(path: Path, columns: Sequence[str]) -> list[tuple[str, dict[str, str]]]:
    """The rows of one of an export's side files (exactly ``columns`` as its header), each
    with where it is (``medication.csv line 3``); a bad file refuses the import."""
    text = read_text(path, path.name)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[str, dict[str, str]]] = []
    header: list[str] | None = None
    try:
        for cells in reader:
            location = line_of(path.name, reader.line_num)
            if not cells:
                continue
            if header is None:
                if cells != list(columns):
                    raise ImportRejectedError(
                        location, "", _("must be the "
                                        "header: {columns}").format(columns=','.join(columns)))
                header = cells
                continue
            if len(cells) != len(header):
                raise ImportRejectedError(
                    location, "", _("has {cells} cells where the header "
                                    "has {header}").format(cells=len(cells), header=len(header)))
            rows.append((location, dict(zip(header, cells, strict=True))))
    except csv.Error:
        raise ImportRejectedError(path.name, "", _("is not valid CSV")) from None
    if header is None:
        raise ImportRejectedError(line_of(path.name, 1), "", _("is empty: the header is missing"))
    return rows


def _check_unique_ids(found: Sequence[Located]) -> None:
    seen: set[int | None] = set()
    for location, course in found:
        if course.id in seen:
            raise ImportRejectedError(location, "id", _("is used by an earlier medication"))
        seen.add(course.id)


def plan_medications(existing: Sequence[Course], found: Sequence[Located]) -> MedicationPlan:
    """Skip courses the journal already has; refuse one that overlaps another course."""
    known = list(existing)
    to_add: list[Course] = []
    skipped = 0
    for location, course in found:
        if any(_same(course, old) for old in known):
            skipped += 1
            continue
        if overlapping(known, course) is not None:
            raise ImportRejectedError(
                location, "name", _("overlaps a different course of the same medication in "
                  "the journal (a medication is taken once at a time)"))
        new = dataclasses.replace(course, id=None)
        known.append(new)
        to_add.append(new)
    return MedicationPlan(tuple(to_add), skipped)


#: Days without a record of a medication after which a new record starts a new course.
MAX_GAP_DAYS = 7
#: The dose text of a record that named no dose (a step needs one).
NO_DOSE = "dose not recorded"
_DOSE_MG = re.compile(r"(\d+(?:[.,]\d+)?)\s*mg", re.IGNORECASE)


def courses_from_records(
    records: Sequence[MedicationRecord], today: date
) -> tuple[Located, ...]:
    """The courses that daily medication records (eMoods, Bearable) describe.

    Per medication (names matched ignoring case and spacing; the first spelling kept),
    in day order: a course starts on its first record; a record whose dose (spaces and
    case ignored) differs from the previous one is a dose change that day; more than
    :data:`MAX_GAP_DAYS` days without a record ends the course the day after its last
    record, and the next record starts a new one. The last course stays open (still
    taken) when its last record is on the last day the file records any medication,
    else it stops the day after its last record. The class comes from the common list
    (:func:`default_class`); a dose written as ``N mg`` also gives ``dose_mg``. Each
    course is located at its first record; a record after ``today`` (+1 day) refuses.
    """
    if not records:
        return ()
    by_key: dict[str, list[MedicationRecord]] = {}
    for record in records:
        try:
            check_day("day", record.day, today)
        except ValidationError as error:
            raise rejected(record.location, error) from None
        by_key.setdefault(name_key(record.name), []).append(record)
    last_day = max(record.day for record in records)
    found: list[Located] = []
    for group in by_key.values():
        group.sort(key=lambda r: r.day)
        runs: list[list[MedicationRecord]] = [[group[0]]]
        for record in group[1:]:
            if (record.day - runs[-1][-1].day).days > MAX_GAP_DAYS:
                runs.append([record])
            else:
                runs[-1].append(record)
        for run in runs:
            try:
                found.append((run[0].location, _course(group[0].name, run, last_day)))
            except ValidationError as error:
                raise rejected(run[0].location, error) from None
    found.sort(key=lambda item: (item[1].start, item[1].key))
    return tuple(found)


def _course(name: str, run: Sequence[MedicationRecord], last_day: date) -> Course:
    medication_class = default_class(name)
    steps: list[MedicationStep] = []
    dose = None
    for record in run:
        if steps and record.day == steps[-1].day:
            continue  # one dose a day: the first record of the day
        text = record.dose.strip() or NO_DOSE
        same = "".join(text.split()).casefold()
        if same == dose:
            continue
        dose = same
        match = _DOSE_MG.fullmatch(text)
        steps.append(MedicationStep(
            name=name, day=record.day,
            action=StepAction.CHANGE if steps else StepAction.START,
            medication_class=medication_class, dose_text=text,
            dose_mg=float(match.group(1).replace(",", ".")) if match else None,
        ))
    if run[-1].day != last_day:
        steps.append(MedicationStep(name=name, day=run[-1].day + timedelta(days=1),
                                    action=StepAction.STOP, medication_class=medication_class))
    (course,) = courses(steps)
    return course


def _same(a: Course, b: Course) -> bool:
    return (a.name, a.medication_class, a.steps) == (b.name, b.medication_class, b.steps)


__all__ = [
    "MedicationPlan",
    "courses_from_records",
    "medications_from_json",
    "plan_medications",
    "read_csv_rows",
    "read_medications",
]
