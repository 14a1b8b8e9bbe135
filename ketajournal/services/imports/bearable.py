"""Read a Bearable CSV export: mood ratings become entries, the day's factors their tags.

Bearable exports one row per thing logged, in the columns
``date formatted, date, weekday, time of day, category, rating/amount, detail,
notes`` (docs/import.md says where this comes from and what is not confirmed).
What each category becomes:

- ``Mood``: one mood entry, its rating rescaled from ``mood_scale`` (default 1–5)
  to 0–10, at the row's time of day.
- ``Energy``: the day's mean rating, rescaled to 0–10, on that day's entries.
- ``Sleep``: hours slept (the day's rows added up, e.g. a night and a nap) as
  ``sleep_hours`` on that day's entries.
- ``Factors``: each factor in ``detail`` (separated by ``|`` or ``,``; a
  ``Group: name`` keeps the name) becomes a tag on that day's entries.
- ``Meds/Supplements``: each item in ``detail`` becomes a :class:`MedicationRecord`.
- ``Notes``: the text becomes the note of the day's first mood entry.
- Anything else (symptoms, sleep quality, emotions, custom ratings, health
  measurements) is counted in ``skipped``, by category, and not imported.

A day with factors, sleep or notes but no mood rating gives no entry (counted).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time, tzinfo
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
    find_columns,
    join_note,
    local_time,
    medication,
    parse_clock,
    parse_iso_day,
    parse_number,
    read_table,
    rejected,
    rescale,
    unique,
)

#: Why rows were not used, counted in ``skipped`` (shown translated by the preview).
NO_MOOD = N_("days without a mood rating")
OTHER_ROWS = N_("rows of other categories")
#: Bearable's mood and energy ratings run from 1 (worst) to 5 (best) by default.
DEFAULT_SCALE = (1.0, 5.0)
#: Bearable's named check-in times, as wall-clock times.
TIMES_OF_DAY: Mapping[str, time] = {
    "am": time(9, 0),
    "morning": time(9, 0),
    "mid": time(13, 0),
    "midday": time(13, 0),
    "afternoon": time(13, 0),
    "pm": time(18, 0),
    "evening": time(18, 0),
    "night": time(22, 0),
}
COLUMN_NAMES: Mapping[str, tuple[str, ...]] = {
    "date": ("date formatted",),
    "time": ("time of day",),
    "category": ("category",),
    "amount": ("rating/amount", "rating", "amount"),
    "detail": ("detail", "details"),
    "notes": ("notes", "note"),
}
_REQUIRED = ("date", "category", "amount", "detail")
_ITEM_SEPARATORS = re.compile(r"\s*[|,;\n]\s*")


@dataclass
class _Day:
    moods: list[tuple[time | None, int, str]] = field(default_factory=list)
    energy: list[float] = field(default_factory=list)
    sleep: float | None = None
    sleep_location: str = ""
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_bearable(
    path: Path,
    *,
    zone: tzinfo | None = None,
    mood_scale: tuple[float, float] = DEFAULT_SCALE,
    energy_scale: tuple[float, float] = DEFAULT_SCALE,
    data: bytes | None = None,
) -> ParsedImport:
    """Read and validate a Bearable CSV export, all or nothing.

    A rating outside ``mood_scale`` / ``energy_scale`` is refused with its line
    (so an export on another scale is never silently squeezed into this one).
    """
    table = read_table(path, data=data)
    columns = find_columns(table, COLUMN_NAMES, _REQUIRED)
    days: dict[date, _Day] = defaultdict(_Day)
    medications: list[MedicationRecord] = []
    skipped: dict[str, int] = {}
    for row in table.rows:
        location = table.location(row.line)
        try:
            _read_row(row, columns, days, medications, skipped, location,
                      mood_scale, energy_scale)
        except ValidationError as error:
            raise rejected(location, error) from None
    entries: list[ImportedEntry] = []
    for day in sorted(days):
        record = days[day]
        if not record.moods:
            skipped[NO_MOOD] = skipped.get(NO_MOOD, 0) + 1
            continue
        entries.extend(_entries(day, record, zone, energy_scale))
    return ParsedImport(table.display, tuple(entries), tuple(medications), skipped)


def _read_row(
    row: CsvRow,
    columns: Mapping[str, str],
    days: dict[date, _Day],
    medications: list[MedicationRecord],
    skipped: dict[str, int],
    location: str,
    mood_scale: tuple[float, float],
    energy_scale: tuple[float, float],
) -> None:
    def cell(name: str) -> str:
        return row.cells[columns[name]] if name in columns else ""

    day = parse_iso_day("date formatted", cell("date"))
    category = " ".join(cell("category").split()).casefold()
    record = days[day]
    if category == "mood":
        clock = _time_of_day(cell("time"))
        value = _amount(cell("amount"), "rating/amount")
        mood = rescale("rating/amount", value, *mood_scale, higher_is_better=True)
        record.moods.append((clock, mood, location))
    elif category == "energy":
        value = _amount(cell("amount"), "rating/amount")
        rescale("rating/amount", value, *energy_scale, higher_is_better=True)  # range check
        record.energy.append(value)
    elif category == "sleep":
        hours = _amount(cell("amount"), "rating/amount")
        record.sleep = hours + (record.sleep or 0.0)
        record.sleep_location = location
    elif category == "factors":
        for item in _items(cell("detail")):
            name = item.split(":", 1)[1] if ":" in item else item
            if name.strip():
                record.tags.append(clean_tag("detail", name))
    elif category in ("meds/supplements", "medications", "meds"):
        for item in _items(cell("detail")):
            medications.append(medication("detail", item, day, location))
    elif category in ("notes", "note"):
        record.notes.append(join_note(cell("detail"), cell("notes")))
    else:
        skipped[OTHER_ROWS] = skipped.get(OTHER_ROWS, 0) + 1


def _amount(cell: str, name: str) -> float:
    value = parse_number(name, cell)
    if value is None:
        raise ValidationError(name, _("is empty"))
    return value


def _time_of_day(cell: str) -> time | None:
    text = cell.strip().casefold()
    if not text:
        return None
    if text in TIMES_OF_DAY:
        return TIMES_OF_DAY[text]
    try:
        return parse_clock("time of day", text)
    except ValidationError:
        raise ValidationError(
            "time of day", _("must be am, mid, pm, night or a time such as 20:30")
        ) from None


def _items(cell: str) -> list[str]:
    return [item for item in _ITEM_SEPARATORS.split(cell.strip()) if item]


def _entries(
    day: date, record: _Day, zone: tzinfo | None, energy_scale: tuple[float, float]
) -> list[ImportedEntry]:
    energy = None
    if record.energy:
        mean = sum(record.energy) / len(record.energy)
        energy = rescale("energy", mean, *energy_scale, higher_is_better=True)
    tags = unique(record.tags)
    note = join_note(*record.notes)
    entries = []
    ordered = sorted(record.moods, key=lambda m: (m[0] is None, m[0] or time()))
    for index, (clock, mood, location) in enumerate(ordered):
        try:
            entry = MoodEntry(
                at=local_time(day, clock, zone),
                mood=mood,
                energy=energy,
                sleep_hours=record.sleep,
                note=note if index == 0 else "",
            )
        except ValidationError as error:
            where = record.sleep_location if error.field == "sleep_hours" else location
            raise rejected(where, error) from None
        entries.append(ImportedEntry(entry, tags, location))
    return entries
