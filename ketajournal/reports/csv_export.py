"""The CSV export format: one UTF-8 file per entry kind, its columns and cell encoding.

docs/export-csv.md documents every column. Files are deterministic (entries in id
order, no export time) and each is written atomically. The cell codecs here
(times, numbers, answers, the spreadsheet-formula escape) are used by the
writer and, in reverse, by the importer in :mod:`ketajournal.services.exchange`,
so a file written here reads back to the same entries.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from ketajournal.domain.locales import list_separator
from ketajournal.domain.models import (
    Assessment,
    BloodPressure,
    Entry,
    Event,
    MoodEntry,
    Session,
    SideEffect,
)
from ketajournal.domain.timeutil import local_day, to_iso
from ketajournal.platform.files import atomic_text_writer

#: The session columns added with schema 4 (issue 13); a file written before them
#: has none of them and still imports (they read empty).
SESSION_RECORD_COLUMNS = (
    "bp_leaving_systolic", "bp_leaving_diastolic", "heart_rate", "spo2",
    "observation_minutes", "moaas",
)
#: The global id (docs/sync.md), added with schema 5; empty in a file's row when unknown.
GLOBAL_ID_COLUMNS = ("global_id",)
#: Groups of columns an older file of the kind may lack, each group all together.
ADDED_COLUMNS: dict[str, tuple[tuple[str, ...], ...]] = {
    "mood": (GLOBAL_ID_COLUMNS,),
    "session": (SESSION_RECORD_COLUMNS, GLOBAL_ID_COLUMNS),
    "side_effect": (GLOBAL_ID_COLUMNS,),
    "event": (GLOBAL_ID_COLUMNS,),
    "assessment": (GLOBAL_ID_COLUMNS,),
}



def may_lack(kind: str) -> list[set[str]]:
    """The sets of columns an older file of ``kind`` may lack: any of the added groups."""
    groups = ADDED_COLUMNS.get(kind, ())
    return [
        {c for i, group in enumerate(groups) if mask >> i & 1 for c in group}
        for mask in range(1 << len(groups))
    ]


#: The columns of each kind's file, in file order. ``note`` comes late because it is
#: the long one; everything else fits a spreadsheet column. ``global_id`` (schema 5,
#: docs/sync.md) is last: for programs, not for reading.
COLUMNS: dict[str, tuple[str, ...]] = {
    "mood": ("id", "at", "day", "mood", "anxiety", "energy", "sleep_hours", "note",
             "global_id"),
    "session": (
        "id", "at", "day", "route", "phase", "dose_mg", "weight_kg", "clinic", "dissociation",
        "bp_before_systolic", "bp_before_diastolic", "bp_after_systolic", "bp_after_diastolic",
        *SESSION_RECORD_COLUMNS, "note", "global_id",
    ),
    "side_effect": (
        "id", "at", "day", "category", "other_text", "severity", "duration_minutes",
        "session_id", "note", "global_id",
    ),
    "event": ("id", "at", "day", "event_kind", "note", "global_id"),
    "assessment": (
        "id", "at", "day", "instrument", "answers", "total", "difficulty",
        "safety_acknowledged_at", "note", "global_id",
    ),
}
#: Free-text columns: the only ones that can start with a spreadsheet formula character.
TEXT_COLUMNS = frozenset({"note", "clinic", "other_text"})
#: RFC 4180 line ends; line breaks inside a quoted note stay as the user typed them.
LINE_TERMINATOR = "\r\n"

# A cell a spreadsheet would run as a formula starts with one of these (OWASP's list).
_FORMULA_START = "=+-@\t\r"
# Cells that need the escape: any number of apostrophes, then a formula character.
# Escaping those too keeps the escape reversible (see escape_text / unescape_text).
_NEEDS_ESCAPE = re.compile(r"'*[" + re.escape(_FORMULA_START) + "]")
_ESCAPED = re.compile(r"'+[" + re.escape(_FORMULA_START) + "]")


def file_name(kind: str) -> str:
    """The file a kind is written to, e.g. ``side_effect.csv``."""
    return f"{kind}.csv"


def escape_text(text: str) -> str:
    """Prefix one apostrophe to text a spreadsheet would treat as a formula.

    ``=SUM(A1)`` becomes ``'=SUM(A1)``, which spreadsheets show as text. Text that
    already starts with apostrophes before a formula character gets one more, so
    :func:`unescape_text` can always undo exactly this.
    """
    return "'" + text if _NEEDS_ESCAPE.match(text) else text


def unescape_text(cell: str) -> str:
    """Undo :func:`escape_text`; any other text is returned verbatim."""
    return cell[1:] if _ESCAPED.match(cell) else cell


def format_number(value: float | None) -> str:
    """A number as the shortest text that reads back to the same value; empty for None."""
    if value is None:
        return ""
    return repr(value)  # ints as "7", floats as "36.0" or "6.5": exact round trip


def format_answers(answers: Sequence[int]) -> str:
    """Questionnaire answers in item order, e.g. ``"1,2,0,3"``."""
    return ",".join(str(answer) for answer in answers)


def _time(value: datetime | None) -> str:
    return "" if value is None else to_iso(value)


def _bp(reading: BloodPressure | None) -> list[str]:
    if reading is None:
        return ["", ""]
    return [str(reading.systolic), str(reading.diastolic)]


def entry_cells(entry: Entry, global_id: str | None = None) -> list[str]:
    """The cells of one entry's row, in :data:`COLUMNS` order."""
    head = [format_number(entry.id), to_iso(entry.at), local_day(entry.at).isoformat()]
    body: list[str]
    if isinstance(entry, MoodEntry):
        body = [
            str(entry.mood),
            format_number(entry.anxiety),
            format_number(entry.energy),
            format_number(entry.sleep_hours),
        ]
    elif isinstance(entry, Session):
        body = [
            _value(entry.route),
            _value(entry.phase),
            format_number(entry.dose_mg),
            format_number(entry.weight_kg),
            escape_text(entry.clinic),
            format_number(entry.dissociation),
            *_bp(entry.bp_before),
            *_bp(entry.bp_after),
            *_bp(entry.bp_leaving),
            format_number(entry.heart_rate),
            format_number(entry.spo2),
            format_number(entry.observation_minutes),
            format_number(entry.moaas),
        ]
    elif isinstance(entry, SideEffect):
        body = [
            _value(entry.category),
            escape_text(entry.other_text),
            str(entry.severity),
            format_number(entry.duration_minutes),
            format_number(entry.session_id),
        ]
    elif isinstance(entry, Event):
        body = [_value(entry.event_kind)]
    elif isinstance(entry, Assessment):
        body = [
            entry.instrument_id,
            format_answers(entry.answers),
            str(entry.total),
            format_number(entry.difficulty),
            _time(entry.safety_acknowledged_at),
        ]
    else:  # pragma: no cover - a new kind must be added here and in COLUMNS
        raise TypeError(f"no CSV columns for {type(entry).__name__}")
    return [*head, *body, escape_text(entry.note), global_id or ""]


def _value(member: StrEnum) -> str:
    return member.value


#: What a spreadsheet needs to open a file as UTF-8 (Excel reads it as ANSI without).
BYTE_ORDER_MARK = "\ufeff"


def write_kind(
    target: Path,
    kind: str,
    entries: Iterable[Entry],
    global_ids: Mapping[int, str] | None = None,
    *,
    excel: bool = False,
) -> int:
    """Write one kind's file atomically (entries in id order); returns the row count.

    ``global_ids`` gives each entry's global id by its id. ``excel``: for a spreadsheet
    — a UTF-8 byte-order mark first and the locale's list separator (``;`` where the
    decimal sign is a comma) instead of the comma.
    """
    global_ids = global_ids or {}
    rows = sorted(entries, key=lambda e: e.id or 0)
    with atomic_text_writer(target) as handle:
        if excel:
            handle.write(BYTE_ORDER_MARK)
        writer = csv.writer(
            handle, lineterminator=LINE_TERMINATOR,
            delimiter=list_separator() if excel else ",",
        )
        writer.writerow(COLUMNS[kind])
        for entry in rows:
            if entry.kind != kind:
                raise ValueError(f"a {entry.kind} entry in the {kind} file")
            writer.writerow(entry_cells(entry, global_ids.get(entry.id or 0)))
    return len(rows)


def write_csv(
    folder: Path,
    entries_by_kind: Mapping[str, Iterable[Entry]],
    global_ids: Mapping[str, Mapping[int, str]] | None = None,
    *,
    excel: bool = False,
) -> dict[str, int]:
    """Write one file per kind into ``folder`` (which must exist); returns rows per kind
    (``excel``: see :func:`write_kind`).

    ``global_ids`` gives, per kind, each entry's global id by its id.

    Every kind in :data:`COLUMNS` gets a file, with only the header when it has
    no entries, so a folder always holds the complete export.
    """
    return {
        kind: write_kind(
            folder / file_name(kind),
            kind,
            entries_by_kind.get(kind, ()),
            (global_ids or {}).get(kind),
            excel=excel,
        )
        for kind in COLUMNS
    }
