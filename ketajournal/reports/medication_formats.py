"""Medication courses in the JSON and CSV exports, written and read back (pure codecs).

docs/export-json.md and docs/export-csv.md document the fields. A course is one JSON
object with its doses nested, or one row of ``medication.csv`` with one row per dose
in ``medication_dose.csv``. Reading builds the domain's steps, so a course read back
is checked as one typed in (ranges, and a possible sequence of steps); a bad value
raises :class:`ValidationError` naming the field.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ketajournal.domain.medications import (
    MEDICATION_DOSE_MG_RANGE,
    Course,
    MedicationStep,
    StepAction,
    courses,
)
from ketajournal.domain.validation import ValidationError, check_int, check_optional_number
from ketajournal.language import gettext as _
from ketajournal.platform.files import atomic_text_writer
from ketajournal.reports.csv_export import (
    LINE_TERMINATOR,
    escape_text,
    format_number,
    unescape_text,
)

#: The keys of one course in the JSON export, and of one of its doses.
JSON_KEYS = ("id", "name", "class", "frequency", "start", "stop", "note", "doses")
JSON_DOSE_KEYS = ("day", "dose", "dose_mg")
#: The CSV files and their columns.
MEDICATION_FILE = "medication.csv"
DOSE_FILE = "medication_dose.csv"
MEDICATION_COLUMNS = ("id", "name", "class", "frequency", "start", "stop", "note")
DOSE_COLUMNS = ("medication_id", "day", "dose", "dose_mg")
#: Ids as the entries' (a positive whole number).
_ID_RANGE = (1, 2**63 - 1)


def course_to_json(course: Course) -> dict[str, Any]:
    """One course as the JSON export writes it."""
    return {
        "id": course.id,
        "name": course.name,
        "class": course.medication_class.value,
        "frequency": course.frequency,
        "start": course.start.isoformat(),
        "stop": None if course.stop is None else course.stop.isoformat(),
        "note": course.note,
        "doses": [
            {"day": s.day.isoformat(), "dose": s.dose_text, "dose_mg": s.dose_mg}
            for s in course.doses
        ],
    }


def course_from_json(item: object) -> Course:
    """A course read back from the JSON export (checked like one typed in)."""
    if not isinstance(item, dict):
        raise ValidationError("medication", _("must be an object"))
    _keys(item, JSON_KEYS)
    doses = item["doses"]
    if not isinstance(doses, list) or not doses:
        raise ValidationError("doses", _("must be a list of at least one dose (the start's)"))
    for dose in doses:
        if not isinstance(dose, dict):
            raise ValidationError("doses", _("must be a list of objects"))
        _keys(dose, JSON_DOSE_KEYS)
    return build_course(
        item["id"], item["name"], item["class"], item["frequency"], item["start"],
        item["stop"], item["note"],
        [(d["day"], d["dose"], d["dose_mg"]) for d in doses],
    )


def _keys(item: Mapping[str, Any], expected: Sequence[str]) -> None:
    missing = [k for k in expected if k not in item]
    if missing:
        raise ValidationError(missing[0], _("is missing"))
    if any(k not in expected for k in item):
        raise ValidationError("medication", f"has a key that is not one of: "
                              f"{', '.join(expected)}")


def _day(field: str, value: object) -> date:
    if not isinstance(value, str):
        raise ValidationError(field, _("must be a date (YYYY-MM-DD)"))
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(field, _("must be a date (YYYY-MM-DD)")) from None


def build_course(
    course_id: object,
    name: object,
    medication_class: object,
    frequency: object,
    start: object,
    stop: object,
    note: object,
    doses: Sequence[tuple[object, object, object]],
) -> Course:
    """A course from exported values: the first dose on the start day, the rest changes.

    Refuses (naming the field) a dose before the start or on or after the stop, two
    doses on one day, and every value out of the domain's ranges.
    """
    source_id = check_int("id", course_id, *_ID_RANGE)
    start_day = _day("start", start)
    stop_day = None if stop is None else _day("stop", stop)
    steps: list[MedicationStep] = []
    days = [_day("day", day) for day, _text, _mg in doses]
    if days != sorted(set(days)):
        raise ValidationError("day", _("must be one dose per day, in day order"))
    if days[0] != start_day:
        raise ValidationError("day", _("of the first dose must be the start day"))
    for index, ((_day_text, dose_text, dose_mg), day) in enumerate(zip(doses, days, strict=True)):
        steps.append(MedicationStep(
            name=name,  # type: ignore[arg-type]  # checked by the step
            day=day,
            action=StepAction.START if index == 0 else StepAction.CHANGE,
            medication_class=medication_class,  # type: ignore[arg-type]
            dose_text=dose_text,  # type: ignore[arg-type]
            dose_mg=dose_mg,  # type: ignore[arg-type]
            frequency=frequency if index == 0 else "",  # type: ignore[arg-type]
            note=note if index == 0 else "",  # type: ignore[arg-type]
        ))
    if stop_day is not None:
        if stop_day < days[-1]:
            raise ValidationError("stop", _("must not be before the last dose's day"))
        steps.append(MedicationStep(name=steps[0].name, day=stop_day, action=StepAction.STOP,
                                    medication_class=steps[0].medication_class))
    (course,) = courses(steps)
    return Course(course.name, course.medication_class, course.steps, id=source_id)


def write_medication_csv(folder: Path, all_courses: Iterable[Course]) -> dict[str, int]:
    """Write ``medication.csv`` and ``medication_dose.csv`` into ``folder``; row counts."""
    ordered = sorted(all_courses, key=lambda c: c.id or 0)
    with atomic_text_writer(folder / MEDICATION_FILE) as handle:
        writer = csv.writer(handle, lineterminator=LINE_TERMINATOR)
        writer.writerow(MEDICATION_COLUMNS)
        for course in ordered:
            writer.writerow([
                format_number(course.id), escape_text(course.name),
                course.medication_class.value, escape_text(course.frequency),
                course.start.isoformat(), "" if course.stop is None else course.stop.isoformat(),
                escape_text(course.note),
            ])
    doses = 0
    with atomic_text_writer(folder / DOSE_FILE) as handle:
        writer = csv.writer(handle, lineterminator=LINE_TERMINATOR)
        writer.writerow(DOSE_COLUMNS)
        for course in ordered:
            for step in course.doses:
                writer.writerow([format_number(course.id), step.day.isoformat(),
                                 escape_text(step.dose_text), format_number(step.dose_mg)])
                doses += 1
    return {"medication": len(ordered), "medication_dose": doses}


def courses_from_csv(
    medications: Sequence[tuple[str, Mapping[str, str]]],
    doses: Sequence[tuple[str, Mapping[str, str]]],
) -> list[tuple[str, Course]]:
    """Courses from the rows of the two files, each row with where it is (for messages).

    Raises :class:`ValidationError` with the location of the row in ``location``.
    """
    by_id: dict[int, list[tuple[object, object, object]]] = {}
    for location, row in doses:
        try:
            course_id = check_int("medication_id", _int(row["medication_id"]), *_ID_RANGE)
            # checked here too, so a bad dose is reported at its own line
            dose_mg = check_optional_number(
                "dose_mg", _float(row["dose_mg"]), *MEDICATION_DOSE_MG_RANGE, "mg")
            _day("day", row["day"])
            by_id.setdefault(course_id, []).append(
                (row["day"], unescape_text(row["dose"]), dose_mg))
        except ValidationError as error:
            raise LocatedError(location, error) from None
    found = []
    for location, row in medications:
        try:
            course_id = check_int("id", _int(row["id"]), *_ID_RANGE)
            course = build_course(
                course_id, unescape_text(row["name"]), row["class"].strip(),
                unescape_text(row["frequency"]), row["start"],
                row["stop"] if row["stop"].strip() else None, unescape_text(row["note"]),
                by_id.pop(course_id, []) or _no_doses(),
            )
        except ValidationError as error:
            raise LocatedError(location, error) from None
        found.append((location, course))
    if by_id:
        raise LocatedError(DOSE_FILE, ValidationError(
            "medication_id", _("must be the id of a row of medication.csv")))
    return found


def _no_doses() -> list[tuple[object, object, object]]:
    raise ValidationError("doses", _("must include at least the start's dose in "
                            "medication_dose.csv"))


class LocatedError(ValidationError):
    """A :class:`ValidationError` from a row of a file, with where the row is."""

    def __init__(self, location: str, error: ValidationError) -> None:
        super().__init__(error.field, error.message.removeprefix(f"{error.field}: "))
        self.location = location
        self.error = error


def _int(cell: str) -> object:
    text = cell.strip()
    try:
        return int(text)
    except ValueError:
        return text


def _float(cell: str) -> object:
    text = cell.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


__all__ = [
    "DOSE_FILE",
    "MEDICATION_FILE",
    "LocatedError",
    "build_course",
    "course_from_json",
    "course_to_json",
    "courses_from_csv",
    "write_medication_csv",
]
