"""Read any mood CSV through a column mapping the patient chose: date, time, mood, note.

For exports of apps we do not know. The mapping names the date column and its
format (``strptime`` codes, e.g. ``%d.%m.%Y``), an optional time column, the mood
column with its scale (bottom, top, and whether a high number is good or bad),
and an optional note column. Each row becomes one mood entry; the mood is
rescaled linearly to 0–10 (10 = best) and rounded half up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from pathlib import Path

from ketajournal.domain.models import MoodEntry
from ketajournal.domain.validation import ValidationError
from ketajournal.language import gettext as _
from ketajournal.services.imports.common import (
    CsvRow,
    ImportedEntry,
    ImportRejectedError,
    ParsedImport,
    check_year,
    find_columns,
    local_time,
    normalise,
    parse_clock,
    parse_number,
    read_table,
    rejected,
    rescale,
    safe_name,
)

#: Delimiters a generic file may use (a spreadsheet's "CSV" is ``;`` in much of Europe).
DELIMITERS = (",", ";", "\t")
_FORMAT_CODES = re.compile(r"%[dmyYHMSIpbB%]")


@dataclass(frozen=True)
class ColumnMapping:
    """Which column holds what, and how to read it."""

    date_column: str
    #: ``strptime`` format of the date cells, e.g. ``%Y-%m-%d`` or ``%d/%m/%Y %H:%M``.
    date_format: str
    mood_column: str
    scale_min: float
    scale_max: float
    #: True when the scale's top is the best mood (as ours); False when it is the worst.
    higher_is_better: bool = True
    time_column: str | None = None
    note_column: str | None = None
    delimiter: str = ","

    def check(self) -> ColumnMapping:
        """The mapping itself, refused (naming the setting) when it cannot work."""
        where = "the column mapping"
        if self.delimiter not in DELIMITERS:
            raise ImportRejectedError(where, "delimiter", _("must be a comma, semicolon or tab"))
        if not self.date_format.strip() or "%" not in self.date_format:
            raise ImportRejectedError(
                where, "date format", _("must use strptime codes such as %Y-%m-%d")
            )
        if any(not _FORMAT_CODES.fullmatch(code) for code in re.findall(r"%.?", self.date_format)):
            raise ImportRejectedError(
                where, "date format",
                _("may use only %d %m %y %Y %b %B %H %M %S %I %p (and %% for a percent sign)"),
            )
        if not self.scale_max > self.scale_min:
            raise ImportRejectedError(where, "mood scale", _("the top must be above the bottom"))
        names = [self.date_column, self.mood_column, self.time_column, self.note_column]
        chosen = [n for n in names if n is not None]
        if len(set(chosen)) != len(chosen):
            raise ImportRejectedError(where, "", _("uses one column for two things"))
        return self


def read_generic(
    path: Path,
    mapping: ColumnMapping,
    *,
    zone: tzinfo | None = None,
    data: bytes | None = None,
) -> ParsedImport:
    """Read and validate a CSV through ``mapping``, all or nothing.

    ``zone`` is the zone of the file's wall-clock times (default: the computer's).
    Rows whose mood cell is empty are refused (a mood file without a mood is not
    what the mapping said).
    """
    mapping.check()
    table = read_table(path, delimiter=mapping.delimiter, data=data)
    wanted = {
        "date": (mapping.date_column,),
        "mood": (mapping.mood_column,),
    }
    if mapping.time_column is not None:
        wanted["time"] = (mapping.time_column,)
    if mapping.note_column is not None:
        wanted["note"] = (mapping.note_column,)
    try:
        columns = find_columns(table, wanted, wanted)
    except ImportRejectedError:
        present = {normalise(name) for name in table.header}
        missing = [safe_name(n[0]) for n in wanted.values() if normalise(n[0]) not in present]
        raise ImportRejectedError(
            table.location(table.header_line), "",
            _("has no column "
              "named {says}").format(says=', '.join(missing) or 'as the mapping says'),
        ) from None
    entries = []
    for row in table.rows:
        location = table.location(row.line)
        try:
            entries.append(_entry(row, columns, mapping, zone, location))
        except ValidationError as error:
            raise rejected(location, error) from None
    return ParsedImport(table.display, tuple(entries))


def _entry(
    row: CsvRow,
    columns: Mapping[str, str],
    mapping: ColumnMapping,
    zone: tzinfo | None,
    location: str,
) -> ImportedEntry:
    cells = row.cells
    day, clock = _date_and_time(cells[columns["date"]], mapping.date_format)
    if "time" in columns and cells[columns["time"]].strip():
        clock = parse_clock("time", cells[columns["time"]])
    value = parse_number("mood", cells[columns["mood"]])
    if value is None:
        raise ValidationError("mood", _("is empty"))
    mood = rescale(
        "mood", value, mapping.scale_min, mapping.scale_max,
        higher_is_better=mapping.higher_is_better,
    )
    note = cells[columns["note"]].strip() if "note" in columns else ""
    entry = MoodEntry(at=local_time(day, clock, zone), mood=mood, note=note)
    return ImportedEntry(entry, (), location)


def _date_and_time(cell: str, date_format: str) -> tuple[date, time | None]:
    text = cell.strip()
    if not text or len(text) > 64:
        raise ValidationError("date", _("must be a date in the format the mapping gives"))
    try:
        parsed = datetime.strptime(text, date_format)
    except ValueError:
        raise ValidationError("date", _("must be a date in the format the mapping gives")) from None
    check_year("date", parsed.date())
    has_time = any(code in date_format for code in ("%H", "%I", "%M"))
    return parsed.date(), (parsed.time() if has_time else None)
