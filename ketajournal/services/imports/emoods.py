"""Read an eMoods CSV export: daily 0–3 ratings become a 0–10 mood, medications a list.

eMoods rates, once a day, the most extreme depressed mood, elevated mood,
irritability and anxiety, each 0–3 (none, mild, moderate, severe), with hours of
sleep, the medications taken and a note. The column names accepted are in
:data:`COLUMN_NAMES`; docs/import.md says where the layout comes from and what is
not confirmed.

Mapping (documented in docs/import.md):

- mood = :data:`DEPRESSION_TO_MOOD` [depressed]: 0 → 10, 1 → 7, 2 → 3, 3 → 0, i.e.
  10 − depressed × 10/3 rounded half up. eMoods' depressed scale is the one that
  tracks what ketamine treats, and it runs the other way from ours (3 = worst);
  elevated mood is not "better mood" (it can be hypomania) and is kept as a tag.
- anxiety = anxiety × 10/3 rounded half up (0, 3, 7, 10): both scales have the
  worst at the top.
- elevated mood and irritability above 0 become tags such as
  ``elevated mood: mild``; sleep becomes ``sleep_hours``; the note, the note.
- medications become :class:`MedicationRecord` (name, dose text, date), not entries.

A day without a depressed rating has no mood and gives no entry (counted in
``skipped``); its medications are still read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from pathlib import Path

from ketajournal.domain.models import MoodEntry
from ketajournal.domain.tags import clean_tag
from ketajournal.domain.validation import ValidationError
from ketajournal.language import N_
from ketajournal.language import gettext as _
from ketajournal.services.imports.common import (
    CsvRow,
    ImportedEntry,
    MedicationRecord,
    ParsedImport,
    check_year,
    find_columns,
    local_time,
    medication,
    parse_iso_day,
    parse_number,
    read_table,
    rejected,
)

#: eMoods' four ratings, 0–3.
RATING_LABELS = ("none", "mild", "moderate", "severe")
#: Depressed-mood rating → our mood (10 = best): 10 − rating × 10/3, rounded half up.
DEPRESSION_TO_MOOD: Mapping[int, int] = {0: 10, 1: 7, 2: 3, 3: 0}
#: Anxiety rating → our anxiety (10 = worst): rating × 10/3, rounded half up.
ANXIETY_TO_SCORE: Mapping[int, int] = {0: 0, 1: 3, 2: 7, 3: 10}

#: Accepted column names (matched ignoring case, spaces, ``_`` and ``-``); the
#: first of each is the one named when it is missing.
COLUMN_NAMES: Mapping[str, tuple[str, ...]] = {
    "date": ("DATE", "Day"),
    "depressed": ("DEPRESSED_MOOD", "DEPRESSED", "DEPRESSION"),
    "elevated": ("ELEVATED_MOOD", "ELEVATED", "ELEVATION"),
    "irritability": ("IRRITABILITY", "IRRITABLE"),
    "anxiety": ("ANXIETY", "ANXIOUS"),
    "sleep": ("SLEEP", "SLEEP_HOURS", "HOURS_OF_SLEEP"),
    "medications": ("MEDICATIONS", "MEDICATION", "MEDS"),
    "notes": ("NOTES", "NOTE"),
}
_REQUIRED = ("date", "depressed")
_SEPARATORS = re.compile(r"\s*(?:[;|\n]|,(?=\s*[^\d\s]))\s*")


def read_emoods(
    path: Path,
    *,
    zone: tzinfo | None = None,
    date_format: str | None = None,
    data: bytes | None = None,
) -> ParsedImport:
    """Read and validate an eMoods CSV export, all or nothing.

    Dates are ``YYYY-MM-DD`` unless ``date_format`` (``strptime`` codes) says
    otherwise; each day's entry is at noon in ``zone`` (eMoods rates whole days).
    """
    table = read_table(path, data=data)
    columns = find_columns(table, COLUMN_NAMES, _REQUIRED)
    entries: list[ImportedEntry] = []
    medications: list[MedicationRecord] = []
    no_rating = 0
    for row in table.rows:
        location = table.location(row.line)
        try:
            entry, meds = _row(row, columns, zone, date_format, location)
        except ValidationError as error:
            raise rejected(location, error) from None
        medications.extend(meds)
        if entry is None:
            no_rating += 1
        else:
            entries.append(entry)
    skipped = {N_("days without a depressed-mood rating"): no_rating} if no_rating else {}
    return ParsedImport(table.display, tuple(entries), tuple(medications), skipped)


def rating(field: str, cell: str) -> int | None:
    """A 0–3 rating written as a number or as none/mild/moderate/severe; empty is None."""
    text = cell.strip().casefold()
    if not text:
        return None
    if text in RATING_LABELS:
        return RATING_LABELS.index(text)
    value = parse_number(field, text)
    if value is None or not value.is_integer() or not 0 <= value <= 3:
        raise ValidationError(field, _("must be a rating from 0 to 3 (none to severe)"))
    return int(value)


def _row(
    row: CsvRow,
    columns: Mapping[str, str],
    zone: tzinfo | None,
    date_format: str | None,
    location: str,
) -> tuple[ImportedEntry | None, list[MedicationRecord]]:
    def cell(field: str) -> str:
        return row.cells[columns[field]] if field in columns else ""

    day = _day(cell("date"), date_format)
    meds = medications(cell("medications"), day, location)
    depressed = rating("depressed", cell("depressed"))
    elevated = rating("elevated", cell("elevated"))
    irritability = rating("irritability", cell("irritability"))
    anxiety = rating("anxiety", cell("anxiety"))
    sleep = parse_number("sleep", cell("sleep"))
    if depressed is None:
        return None, meds
    tags = []
    if elevated:
        tags.append(clean_tag("elevated", f"elevated mood: {RATING_LABELS[elevated]}"))
    if irritability:
        tags.append(clean_tag("irritability", f"irritability: {RATING_LABELS[irritability]}"))
    entry = MoodEntry(
        at=local_time(day, None, zone),
        mood=DEPRESSION_TO_MOOD[depressed],
        anxiety=None if anxiety is None else ANXIETY_TO_SCORE[anxiety],
        sleep_hours=sleep,
        note=cell("notes").strip(),
    )
    return ImportedEntry(entry, tuple(tags), location), meds


def _day(cell: str, date_format: str | None) -> date:
    if date_format is None:
        return parse_iso_day("date", cell)
    text = cell.strip()
    try:
        if len(text) > 64:
            raise ValueError(text)
        parsed = datetime.strptime(text, date_format).date()
    except ValueError:
        raise ValidationError("date", _("must be a date in the format chosen")) from None
    return check_year("date", parsed)


def medications(cell: str, day: date, location: str) -> list[MedicationRecord]:
    """The medications of one cell: ``Lithium 900 mg; Sertraline (100mg)`` → name + dose.

    Items are separated by ``;``, ``|``, a new line, or a comma followed by a
    letter; each is read by :func:`common.medication`.
    """
    return [
        medication("medications", part, day, location)
        for part in _SEPARATORS.split(cell.strip())
        if part.split()
    ]
