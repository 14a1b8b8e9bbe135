"""Read a Daylio CSV export: one mood entry per row, activities as tags, the note as note.

Daylio's export has the columns ``full_date, date, weekday, time, mood, activities,
note_title, note``. ``full_date`` (YYYY-MM-DD) and ``time`` (the phone's clock, 24 h
or AM/PM) give the entry's local time; ``date`` and ``weekday`` only repeat them.
Moods are labels the user may have renamed or added, so a label becomes a 0–10
score only through a mapping the patient confirms: :data:`DEFAULT_MOOD_SCORES`
covers Daylio's five built-in moods, and a label without a score stops the import
with :class:`UnmappedMoodsError` listing the labels to ask about — never a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo
from pathlib import Path

from ketajournal.domain.models import SCORE_RANGE, MoodEntry
from ketajournal.domain.tags import clean_tag
from ketajournal.domain.validation import ValidationError, check_int
from ketajournal.language import gettext as _
from ketajournal.services.imports.common import (
    CsvRow,
    CsvTable,
    ImportedEntry,
    ImportRejectedError,
    ParsedImport,
    find_columns,
    join_note,
    local_time,
    parse_clock,
    parse_iso_day,
    read_table,
    rejected,
    unique,
)

#: Daylio's five built-in moods as 0–10 scores. The five are equally spaced from
#: worst to best, so each gets the middle of one fifth of the 0–10 range: 1, 3, 5,
#: 7, 9. "meh" is the neutral middle (5), and no Daylio mood claims the ends 0 and
#: 10, which the patient's own scale keeps for the worst and best imaginable.
DEFAULT_MOOD_SCORES: Mapping[str, int] = {
    "rad": 9,
    "good": 7,
    "meh": 5,
    "bad": 3,
    "awful": 1,
}
#: Activities are separated by this in the ``activities`` cell.
ACTIVITY_SEPARATOR = " | "
#: The most distinct mood labels a file may have (Daylio allows a few dozen).
MAX_MOOD_LABELS = 200

_COLUMNS = {
    "full_date": ("full_date",),
    "time": ("time",),
    "mood": ("mood",),
    "activities": ("activities",),
    "note_title": ("note_title",),
    "note": ("note",),
}
_REQUIRED = ("full_date", "time", "mood")


class UnmappedMoodsError(ImportRejectedError):
    """Mood labels in the file that have no 0–10 score yet.

    ``labels`` lists them (in order of first appearance) for the UI or CLI to ask
    about; the message only counts them, since a label may be personal.
    """

    def __init__(self, display: str, labels: tuple[str, ...]) -> None:
        count = len(labels)
        noun = "label has" if count == 1 else "labels have"
        super().__init__(
            display, "mood",
            f"{count} mood {noun} no score from 0 to 10 yet; choose a score for each",
        )
        self.labels = labels


def mood_key(label: str) -> str:
    """How labels are compared: trimmed, inner spaces collapsed, case ignored."""
    return " ".join(label.split()).casefold()


def mood_labels(path: Path, *, data: bytes | None = None) -> tuple[str, ...]:
    """The distinct mood labels of a Daylio export, in order of first appearance.

    For the mapping dialog: it shows each with its default score, if any.
    """
    table = _table(path, data)
    columns = find_columns(table, _COLUMNS, _REQUIRED)
    return _labels(table, columns)


def read_daylio(
    path: Path,
    mapping: Mapping[str, int] | None = None,
    *,
    zone: tzinfo | None = None,
    data: bytes | None = None,
) -> ParsedImport:
    """Read and validate a Daylio CSV export, all or nothing.

    ``mapping`` gives labels their 0–10 scores (compared as :func:`mood_key` does)
    and wins over :data:`DEFAULT_MOOD_SCORES`. ``zone`` is the zone the phone's
    clock was in (default: the computer's). Raises :class:`UnmappedMoodsError`
    when labels have no score, :class:`ImportRejectedError` for anything else.
    """
    table = _table(path, data)
    columns = find_columns(table, _COLUMNS, _REQUIRED)
    scores = _scores(table, mapping)
    labels = _labels(table, columns)
    unmapped = tuple(label for label in labels if mood_key(label) not in scores)
    if unmapped:
        raise UnmappedMoodsError(table.display, unmapped)
    entries = []
    for row in table.rows:
        location = table.location(row.line)
        try:
            entries.append(_entry(row, columns, scores, zone, location))
        except ValidationError as error:
            raise rejected(location, error) from None
    return ParsedImport(table.display, tuple(entries))


def _table(path: Path, data: bytes | None) -> CsvTable:
    return read_table(path, data=data)


def _scores(table: CsvTable, mapping: Mapping[str, int] | None) -> dict[str, int]:
    scores = {mood_key(label): score for label, score in DEFAULT_MOOD_SCORES.items()}
    for label, score in (mapping or {}).items():
        try:
            scores[mood_key(label)] = check_int("mood", score, *SCORE_RANGE)
        except ValidationError as error:
            raise ImportRejectedError("the mood mapping", "", error.message) from None
    return scores


def _labels(table: CsvTable, columns: Mapping[str, str]) -> tuple[str, ...]:
    labels: list[str] = []
    seen: set[str] = set()
    for row in table.rows:
        label = " ".join(row.cells[columns["mood"]].split())
        if not label:
            raise ImportRejectedError(table.location(row.line), "mood", _("is empty"))
        if mood_key(label) not in seen:
            seen.add(mood_key(label))
            labels.append(label)
            if len(labels) > MAX_MOOD_LABELS:
                raise ImportRejectedError(
                    table.location(row.line), "mood",
                    _("the file has more than {max_mood_labels} different moods, "
                      "more than a Daylio export holds").format(max_mood_labels=MAX_MOOD_LABELS),
                )
    return tuple(labels)


def _entry(
    row: CsvRow,
    columns: Mapping[str, str],
    scores: Mapping[str, int],
    zone: tzinfo | None,
    location: str,
) -> ImportedEntry:
    cells = row.cells
    day = parse_iso_day("full_date", cells[columns["full_date"]])
    clock = parse_clock("time", cells[columns["time"]])
    mood = scores[mood_key(cells[columns["mood"]])]
    tags: tuple[str, ...] = ()
    if "activities" in columns:
        raw = cells[columns["activities"]]
        tags = unique(
            clean_tag("activities", part) for part in raw.split(ACTIVITY_SEPARATOR.strip())
            if part.strip()
        )
    note = join_note(
        cells[columns["note_title"]] if "note_title" in columns else "",
        cells[columns["note"]] if "note" in columns else "",
    )
    entry = MoodEntry(at=local_time(day, clock, zone), mood=mood, note=note)
    return ImportedEntry(entry, tags, location)
