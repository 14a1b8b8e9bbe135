"""Read and check an import source, touching no journal: our JSON export, a CSV export
folder, or one kind's CSV file.

Every row is read and validated before anything is written; a bad one raises
:class:`ImportRejectedError` naming where it is (file and line for CSV, kind and index
for JSON) and the field, never the value (it may be health data). What comes out is a
list of :class:`ImportRecord`, each an entry the domain accepted.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import (
    DIASTOLIC_RANGE,
    ENTRY_ID_RANGE,
    ENTRY_TYPES,
    SESSION_READINGS,
    SYSTOLIC_RANGE,
    Assessment,
    BloodPressure,
    Entry,
    Event,
    MoodEntry,
    Session,
    SideEffect,
)
from ketajournal.domain.timeutil import local_day
from ketajournal.domain.validation import ValidationError, check_global_id, check_int
from ketajournal.platform.files import read_at_most
from ketajournal.reports import csv_export
from ketajournal.services.journal import EXPORT_FORMAT, EXPORT_VERSION
from ketajournal.storage.repository import KINDS

#: Larger files are refused (unread, or at the cap while reading a pipe): a two-year
#: journal is about 1 MB.
MAX_IMPORT_BYTES = 64 * 1024 * 1024
_TIME_MAX_CHARS = 64


class ImportRejectedError(ValidationError):
    """An import refused as a whole; ``location`` says where, ``field`` what.

    The message never repeats the rejected value (it may be health data).
    """

    def __init__(self, location: str, field: str, reason: str) -> None:
        super().__init__(field, reason)
        self.location = location
        self.reason = reason
        where = f"{location}: {field}" if field else location
        self.message = f"{where}: {reason}. Nothing was imported."
        self.args = (self.message,)


@dataclass(frozen=True)
class ImportRecord:
    """One entry read from a file, before it is matched against the journal."""

    kind: str
    #: The id the entry had in the exported journal (orders the import, links sessions).
    source_id: int
    #: The validated entry, without id (and, for side effects, without session link).
    entry: Entry
    #: For a side effect: the exported id of its session, if it had one.
    session_link: int | None
    #: Where it came from, e.g. ``mood.csv line 12`` or ``export.json: mood[11]``.
    location: str
    #: The entry's global id in the exported journal (JSON exports since schema 5).
    global_id: str | None = None


def check_unique_ids(records: Iterable[ImportRecord]) -> None:
    """Refuse two entries of one kind with the same id (the ids order the import)."""
    seen: set[tuple[str, int]] = set()
    for record in records:
        key = (record.kind, record.source_id)
        if key in seen:
            raise ImportRejectedError(
                record.location, "id", "is used by an earlier entry of the same kind"
            )
        seen.add(key)


def rejected(location: str, error: ValidationError) -> ImportRejectedError:
    """A domain check's error as the rejection of the whole import, at ``location``."""
    prefix = f"{error.field}: "
    reason = error.message[len(prefix):] if error.message.startswith(prefix) else error.message
    return ImportRejectedError(location, error.field, reason)


# -- reading files ---------------------------------------------------------------------------


def _read_text(path: Path, display: str) -> str:
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:  # refused unread
            data = b""
            too_large = True
        else:  # counted while reading: a pipe or /dev/zero reports size 0
            data = read_at_most(path, MAX_IMPORT_BYTES)
            too_large = len(data) > MAX_IMPORT_BYTES
    except FileNotFoundError:
        raise ImportRejectedError(display, "", "does not exist") from None
    except OSError as error:
        reason = error.strerror or "an error"
        raise ImportRejectedError(display, "", f"cannot be read ({reason})") from None
    if too_large:
        raise ImportRejectedError(
            display, "", f"is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB, "
            "far more than a journal export"
        )
    if data.startswith(codecs.BOM_UTF8):  # spreadsheets save "CSV UTF-8" with one
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRejectedError(
            f"{display} line {line}", "",
            "is not UTF-8 text; ketajournal exports are UTF-8 (in a spreadsheet, save as "
            '"CSV UTF-8")',
        ) from None


def _safe_name(name: str) -> str:
    """A column or key name from the file, shown only if it is short, plain ASCII."""
    if re.fullmatch(r"[A-Za-z0-9_ .-]{1,40}", name):
        return f'"{name}"'
    return "(an unreadable name)"


# -- CSV -----------------------------------------------------------------------------------------


def read_csv_folder(folder: Path) -> list[ImportRecord]:
    """The entries of a CSV export folder (the files of each kind it holds)."""
    records: list[ImportRecord] = []
    found = False
    for kind in csv_export.COLUMNS:
        path = folder / csv_export.file_name(kind)
        if path.is_file():
            found = True
            records.extend(read_csv_file(path, path.name, kind))
    if not found:
        names = ", ".join(csv_export.file_name(k) for k in csv_export.COLUMNS)
        raise ImportRejectedError(
            str(folder), "", f"holds none of the files of a ketajournal CSV export ({names})"
        )
    return records


def read_csv_file(path: Path, display: str, kind: str | None = None) -> list[ImportRecord]:
    """The entries of one kind's CSV file (the kind from its name or its columns)."""
    if kind is None and path.stem in csv_export.COLUMNS:
        kind = path.stem
    text = _read_text(path, display)
    rows = _csv_rows(text, display)
    if not rows:
        raise ImportRejectedError(f"{display} line 1", "", "is empty: the header row is missing")
    header_line, header = rows[0]
    kind = _csv_kind(header, kind, f"{display} line {header_line}")
    columns = csv_export.COLUMNS[kind]
    records = []
    for line, cells in rows[1:]:
        location = f"{display} line {line}"
        if len(cells) != len(header):
            raise ImportRejectedError(
                location, "", f"has {len(cells)} cells where the header has {len(header)}"
            )
        row = dict(zip(header, cells, strict=True))
        try:
            source_id, entry, link = _CSV_PARSERS[kind]({c: row.get(c, "") for c in columns})
            global_id = check_global_id("global_id", row.get("global_id", "").strip() or None)
        except ValidationError as error:
            raise rejected(location, error) from None
        records.append(ImportRecord(kind, source_id, entry, link, location, global_id))
    return records


def _csv_rows(text: str, display: str) -> list[tuple[int, list[str]]]:
    """Non-empty rows with the line each starts on (a quoted note may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if cells:
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error:
        raise ImportRejectedError(
            f"{display} line {start}", "",
            "is not valid CSV (an unclosed quote, or a cell longer than "
            f"{csv.field_size_limit():,} characters)",
        ) from None
    return rows


def _csv_kind(header: list[str], kind: str | None, location: str) -> str:
    if len(set(header)) != len(header):
        raise ImportRejectedError(location, "", "names a column twice")
    if kind is None:
        matches = [
            k for k, columns in csv_export.COLUMNS.items()
            if any(set(header) == set(columns) - lacking for lacking in csv_export.may_lack(k))
        ]
        if not matches:
            names = ", ".join(csv_export.file_name(k) for k in csv_export.COLUMNS)
            raise ImportRejectedError(
                location, "",
                f"is not a ketajournal CSV file: its columns match no kind (the export's "
                f"files are {names})",
            )
        return matches[0]
    expected = csv_export.COLUMNS[kind]
    missing = [c for c in expected if c not in header]
    if missing and set(missing) in csv_export.may_lack(kind):
        missing = []  # a file from before these columns existed
    if missing:
        raise ImportRejectedError(location, "", f"missing column(s): {', '.join(missing)}")
    extra = [c for c in header if c not in expected]
    if extra:
        shown = ", ".join(_safe_name(c) for c in extra[:3])
        more = f" and {len(extra) - 3} more" if len(extra) > 3 else ""
        raise ImportRejectedError(
            location, "",
            f"unknown column(s): {shown}{more} (a {kind.replace('_', ' ')} file has only the "
            "columns in docs/export-csv.md)",
        )
    return kind


_INT = re.compile(r"[+-]?[0-9]{1,19}")
_FLOAT = re.compile(r"[+-]?(?:[0-9]{1,20}(?:\.[0-9]{0,20})?|\.[0-9]{1,20})(?:[eE][+-]?[0-9]{1,4})?")


def _number(cell: str) -> int | float | str | None:
    """A number cell: empty is None; text that is no number is passed on as text.

    The domain check that receives it then names the field and its range.
    """
    text = cell.strip()
    if not text:
        return None
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def _source_id(value: object) -> int:
    low, high = ENTRY_ID_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError("id", "must be a positive whole number")
    return value


def _link(name: str, value: object) -> int | None:
    if value is None:
        return None
    return check_int(name, value, *ENTRY_ID_RANGE)


def _time(name: str, value: object) -> datetime:
    """An exported time: ISO 8601 with a UTC offset (an export always has one)."""
    if not isinstance(value, str) or not value.strip() or len(value) > _TIME_MAX_CHARS:
        raise ValidationError(name, "must be an ISO 8601 date and time with a UTC offset")
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            name, "must be an ISO 8601 date and time with a UTC offset, "
            "e.g. 2026-03-14T09:30:00+01:00"
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ValidationError(
            name, "has no UTC offset (an export always has one, e.g. +01:00), so its day "
            "is unknown"
        )
    if not 2000 <= parsed.year <= 2100:
        raise ValidationError(name, "must be between the years 2000 and 2100")
    return parsed


def _check_day(value: object, entry: Entry) -> None:
    if value != local_day(entry.at).isoformat():
        raise ValidationError("day", "must be the date of at, as YYYY-MM-DD")


def _csv_common(row: Mapping[str, str]) -> tuple[int, dict[str, Any]]:
    source_id = _source_id(_number(row["id"]))
    return source_id, {
        "at": _time("at", row["at"]),
        "note": csv_export.unescape_text(row["note"]),
    }


def _csv_finish(cls: type[Entry], row: Mapping[str, str], fields: dict[str, Any]) -> Entry:
    entry = cls(**fields)
    _check_day(row["day"].strip(), entry)
    return entry


def _csv_mood(row: Mapping[str, str]) -> tuple[int, Entry, int | None]:
    source_id, fields = _csv_common(row)
    for name in ("mood", "anxiety", "energy", "sleep_hours"):
        fields[name] = _number(row[name])
    return source_id, _csv_finish(MoodEntry, row, fields), None


def _csv_bp(row: Mapping[str, str], name: str) -> BloodPressure | None:
    systolic, diastolic = _number(row[f"{name}_systolic"]), _number(row[f"{name}_diastolic"])
    if systolic is None and diastolic is None:
        return None
    if systolic is None or diastolic is None:
        raise ValidationError(name, "needs both systolic and diastolic, or neither")
    return BloodPressure(
        check_int(f"{name} systolic", systolic, *SYSTOLIC_RANGE),
        check_int(f"{name} diastolic", diastolic, *DIASTOLIC_RANGE),
    )


def _csv_session(row: Mapping[str, str]) -> tuple[int, Entry, int | None]:
    source_id, fields = _csv_common(row)
    fields |= {
        "route": row["route"].strip(),
        "phase": row["phase"].strip(),
        "dose_mg": _number(row["dose_mg"]),
        "weight_kg": _number(row["weight_kg"]),
        "clinic": csv_export.unescape_text(row["clinic"]),
        "dissociation": _number(row["dissociation"]),
        "bp_before": _csv_bp(row, "bp_before"),
        "bp_after": _csv_bp(row, "bp_after"),
        "bp_leaving": _csv_bp(row, "bp_leaving"),
        "heart_rate": _number(row["heart_rate"]),
        "spo2": _number(row["spo2"]),
        "observation_minutes": _number(row["observation_minutes"]),
        "moaas": _number(row["moaas"]),
    }
    return source_id, _csv_finish(Session, row, fields), None


def _csv_side_effect(row: Mapping[str, str]) -> tuple[int, Entry, int | None]:
    source_id, fields = _csv_common(row)
    fields |= {
        "category": row["category"].strip(),
        "other_text": csv_export.unescape_text(row["other_text"]),
        "severity": _number(row["severity"]),
        "duration_minutes": _number(row["duration_minutes"]),
    }
    link = _link("session_id", _number(row["session_id"]))
    return source_id, _csv_finish(SideEffect, row, fields), link


def _csv_event(row: Mapping[str, str]) -> tuple[int, Entry, int | None]:
    source_id, fields = _csv_common(row)
    fields["event_kind"] = row["event_kind"].strip()
    return source_id, _csv_finish(Event, row, fields), None


def _csv_answers(cell: str) -> list[int | str]:
    if not cell.strip():
        return []
    return [
        int(part) if re.fullmatch(r"[0-9]{1,3}", part) else part
        for part in (token.strip() for token in cell.split(","))
    ]


def _csv_assessment(row: Mapping[str, str]) -> tuple[int, Entry, int | None]:
    source_id, fields = _csv_common(row)
    acknowledged = row["safety_acknowledged_at"]
    fields |= {
        "instrument_id": row["instrument"].strip(),
        "answers": _csv_answers(row["answers"]),
        "difficulty": _number(row["difficulty"]),
        "safety_acknowledged_at": (
            _time("safety_acknowledged_at", acknowledged) if acknowledged.strip() else None
        ),
    }
    entry = _csv_finish(Assessment, row, fields)
    assert isinstance(entry, Assessment)
    total = check_int("total", _number(row["total"]), 0, entry.instrument.max_total)
    if total != entry.total:
        raise ValidationError(
            "total", "must equal the sum of the answers (the total is derived from them)"
        )
    return source_id, entry, None


_CSV_PARSERS: dict[str, Callable[[Mapping[str, str]], tuple[int, Entry, int | None]]] = {
    "mood": _csv_mood,
    "session": _csv_session,
    "side_effect": _csv_side_effect,
    "event": _csv_event,
    "assessment": _csv_assessment,
}


# -- JSON -------------------------------------------------------------------------------------


def _json_fields(cls: type[Entry]) -> tuple[str, ...]:
    names = [f.name for f in dataclasses.fields(cls) if f.name not in ("id", "at")]
    return ("id", "at", "day", *names)


#: The keys of each kind's entries in a JSON export (docs/export-json.md).
JSON_FIELDS: dict[str, tuple[str, ...]] = {
    kind: _json_fields(cls) for kind, cls in ENTRY_TYPES.items()
}
#: Fields added after exports of format version 1 were first written: an export
#: without them still imports (they take their defaults).
JSON_ADDED_FIELDS: dict[str, tuple[str, ...]] = {
    "session": ("bp_leaving", "heart_rate", "spo2", "observation_minutes", "moaas"),
}
_TOP_LEVEL = ("format", "version", "schema_version", "entries")


#: Our export nests 4 levels (document, entries, a kind's list, an entry); a little room
#: for a reader's own tools, and far below what makes the parser recurse for long.
MAX_JSON_DEPTH = 16
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def _json_depth(text: str) -> int:
    """The deepest nesting of objects and arrays in ``text`` (strings ignored).

    Counted before ``json.loads`` builds anything, so a deeply nested document costs
    one pass over the text, not memory or recursion.
    """
    depth = deepest = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def read_json(path: Path) -> list[ImportRecord]:
    """The entries of a JSON export (docs/export-json.md)."""
    display = path.name
    text = _read_text(path, display)
    if _json_depth(text) > MAX_JSON_DEPTH:
        raise ImportRejectedError(display, "", "is nested too deeply to be an export")
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys)
    except RecursionError:
        raise ImportRejectedError(display, "", "is nested too deeply to be an export") from None
    except json.JSONDecodeError as error:
        raise ImportRejectedError(
            f"{display} line {error.lineno}", "", "is not valid JSON"
        ) from None
    except _DuplicateKeyError as error:
        raise ImportRejectedError(
            display, _safe_name(error.key), "appears twice in one object, so which value is "
            "meant is unknown (an export writes every key once)"
        ) from None
    except ValueError:  # a number with more digits than Python converts (over 4,300)
        raise ImportRejectedError(
            display, "", "is not a ketajournal JSON export: it holds a number with thousands "
            "of digits"
        ) from None
    entries = _json_document(document, display)
    records: list[ImportRecord] = []
    for kind, items in entries.items():
        for index, item in enumerate(items):
            location = f"{display}: {kind}[{index}]"
            try:
                source_id, entry, link = _json_entry(kind, item)
                global_id = check_global_id("global_id", item.get("global_id"))  # a dict now
            except ValidationError as error:
                raise rejected(location, error) from None
            records.append(ImportRecord(kind, source_id, entry, link, location, global_id))
    return records


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict, refusing a key given twice (json keeps the last silently)."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


def _json_document(document: object, display: str) -> dict[str, list[Any]]:
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportRejectedError(
            display, "format", f'is not a ketajournal JSON export (no "format": "{EXPORT_FORMAT}")'
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportRejectedError(display, "version", "must be a whole number")
    if version > EXPORT_VERSION:
        raise ImportRejectedError(
            display, "version", "is from a newer ketajournal; update ketajournal to import it"
        )
    unknown = [key for key in document if key not in _TOP_LEVEL]
    if unknown:
        raise ImportRejectedError(display, _safe_name(str(unknown[0])), "is not a known key")
    schema = document.get("schema_version")
    if schema is not None and (isinstance(schema, bool) or not isinstance(schema, int)):
        raise ImportRejectedError(display, "schema_version", "must be a whole number")
    entries = document.get("entries")
    if not isinstance(entries, dict):
        raise ImportRejectedError(display, "entries", "must be an object with a list per kind")
    for kind, items in entries.items():
        if kind not in JSON_FIELDS:
            raise ImportRejectedError(
                f"{display}: entries", _safe_name(str(kind)),
                f"is not a kind of entry (kinds: {', '.join(KINDS)})",
            )
        if not isinstance(items, list):
            raise ImportRejectedError(f"{display}: entries", kind, "must be a list")
    return entries


def _json_entry(kind: str, item: object) -> tuple[int, Entry, int | None]:
    if not isinstance(item, dict):
        raise ValidationError("entry", "must be an object")
    expected = JSON_FIELDS[kind]
    missing = [name for name in expected if name not in item
               and name not in JSON_ADDED_FIELDS.get(kind, ())]
    if missing:
        raise ValidationError(missing[0], "is missing")
    extra = [name for name in item if name not in expected and name != "global_id"]
    if extra:
        raise ValidationError(_safe_name(str(extra[0])), "is not a field of this kind")
    source_id = _source_id(item["id"])
    fields: dict[str, Any] = {"at": _time("at", item["at"])}
    link = None
    for name in expected[3:]:
        if name not in item:  # a field added after the export was written: its default
            continue
        value = item[name]
        if name in SESSION_READINGS:
            value = _json_bp(name, value)
        elif name == "safety_acknowledged_at":
            value = None if value is None else _time(name, value)
        elif name == "instrument_id" and not isinstance(value, str):
            raise ValidationError("instrument", f"must be one of: {', '.join(INSTRUMENTS)}")
        elif name == "session_id":
            link = _link(name, value)
            continue
        fields[name] = value
    entry = ENTRY_TYPES[kind](**fields)
    _check_day(item["day"], entry)
    return source_id, entry, link


def _json_bp(name: str, value: object) -> BloodPressure | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"systolic", "diastolic"}:
        raise ValidationError(name, 'must be {"systolic": …, "diastolic": …} or null')
    # Unchecked here: Session validates the reading and names the part that is wrong.
    return BloodPressure(value["systolic"], value["diastolic"])


__all__ = [
    "JSON_FIELDS",
    "MAX_IMPORT_BYTES",
    "ImportRecord",
    "ImportRejectedError",
    "check_unique_ids",
    "read_csv_file",
    "read_csv_folder",
    "read_json",
    "rejected",
]
