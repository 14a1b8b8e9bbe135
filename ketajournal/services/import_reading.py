"""Read and check an import source, touching no journal: our JSON export, a CSV export
folder, or one kind's CSV file.

Every row is read and validated before anything is written; a bad one raises
:class:`ImportRejectedError` naming where it is (file and line for CSV, kind and index
for JSON) and the field, never the value (it may be health data). What comes out is a
list of :class:`ImportRecord`, each an entry the domain accepted.

It is one piece, past 600 lines: both formats share the records, checks, size caps and
refusals; split, a rule changed in one half would be missed in the other.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
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
from ketajournal.language import N_
from ketajournal.language import gettext as _
from ketajournal.reports import csv_export
from ketajournal.reports.factor_formats import tags_from_json
from ketajournal.services.imports.common import (
    ImportRejectedError,
    json_depth,
    line_of,
    read_bytes,
    rejected,
    safe_name,
)
from ketajournal.services.journal import EXPORT_FORMAT, EXPORT_VERSION
from ketajournal.storage.repository import KINDS

#: Larger files are refused (unread, or at the cap while reading a pipe): a two-year
#: journal is about 1 MB. A CSV file holds one kind and is read whole, row by row.
MAX_IMPORT_BYTES = 64 * 1024 * 1024
#: The cap of a JSON export, which holds every kind in one file. Our export takes
#: about 243 bytes an entry (the ten-year demo: 4,821 entries, 1.17 MB), so a
#: million-entry journal exports about 243 MB: twice that still imports. It is read
#: one entry at a time (:func:`read_json`), so what it costs in memory is the text
#: and the entries that are valid (docs/export-json.md has the measurements).
MAX_JSON_IMPORT_BYTES = 512 * 1024 * 1024
_TIME_MAX_CHARS = 64


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
    #: A mood entry's tags (``tags`` in the JSON export, ``mood_tag.csv`` in a folder).
    tags: tuple[str, ...] = ()


def check_unique_ids(records: Iterable[ImportRecord]) -> None:
    """Refuse two entries of one kind with the same id (the ids order the import)."""
    seen: set[tuple[str, int]] = set()
    for record in records:
        key = (record.kind, record.source_id)
        if key in seen:
            raise ImportRejectedError(
                record.location, "id", _("is used by an earlier entry of the same kind")
            )
        seen.add(key)


# -- reading files ---------------------------------------------------------------------------


def read_text(path: Path, display: str, limit: int | None = None) -> str:
    """An import file's text: UTF-8 (a BOM dropped), refused past ``limit`` (by default
    the CSV cap)."""
    limit = MAX_IMPORT_BYTES if limit is None else limit
    data = read_bytes(path, display, limit, N_("a journal export"))
    if data.startswith(codecs.BOM_UTF8):  # spreadsheets save "CSV UTF-8" with one
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRejectedError(
            line_of(display, line), "",
            "is not UTF-8 text; ketajournal exports are UTF-8 (in a spreadsheet, save as "
            '"CSV UTF-8")',
        ) from None


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
            str(folder), "", _("holds none of the files of a ketajournal CSV "
                               "export ({names})").format(names=names)
        )
    return records


def read_csv_file(path: Path, display: str, kind: str | None = None) -> list[ImportRecord]:
    """The entries of one kind's CSV file (the kind from its name or its columns)."""
    if kind is None and path.stem in csv_export.COLUMNS:
        kind = path.stem
    text = read_text(path, display)
    rows = _csv_rows(text, display)
    if not rows:
        raise ImportRejectedError(line_of(display, 1), "", _("is empty: the header row is missing"))
    header_line, header = rows[0]
    kind = _csv_kind(header, kind, line_of(display, header_line))
    columns = csv_export.COLUMNS[kind]
    records = []
    for line, cells in rows[1:]:
        location = line_of(display, line)
        if len(cells) != len(header):
            raise ImportRejectedError(
                location, "", _("has {cells} cells where the header "
                                "has {header}").format(cells=len(cells), header=len(header))
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
            line_of(display, start), "",
            _("is not valid CSV (an unclosed quote, or a cell longer than "
              "{count} characters)").format(count=format(csv.field_size_limit(), ",")),
        ) from None
    return rows


def _csv_kind(header: list[str], kind: str | None, location: str) -> str:
    if len(set(header)) != len(header):
        raise ImportRejectedError(location, "", _("names a column twice"))
    if kind is None:
        matches = [
            k for k, columns in csv_export.COLUMNS.items()
            if any(set(header) == set(columns) - lacking for lacking in csv_export.may_lack(k))
        ]
        if not matches:
            names = ", ".join(csv_export.file_name(k) for k in csv_export.COLUMNS)
            raise ImportRejectedError(
                location, "",
                _("is not a ketajournal CSV file: its columns match no kind (the export's "
                  "files are {names})").format(names=names),
            )
        return matches[0]
    expected = csv_export.COLUMNS[kind]
    missing = [c for c in expected if c not in header]
    if missing and set(missing) in csv_export.may_lack(kind):
        missing = []  # a file from before these columns existed
    if missing:
        raise ImportRejectedError(location, "", _("missing "
                                                  "column(s): {missing}").format(
            missing=', '.join(missing)))
    extra = [c for c in header if c not in expected]
    if extra:
        shown = ", ".join(safe_name(c, quoted=True) for c in extra[:3])
        more = f" and {len(extra) - 3} more" if len(extra) > 3 else ""
        raise ImportRejectedError(
            location, "",
            _("unknown column(s): {shown}{more} (a {value} file has only the "
              "columns in "
              "docs/export-csv.md)").format(shown=shown, more=more, value=kind.replace('_', ' ')),
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
        raise ValidationError("id", _("must be a positive whole number"))
    return value


def _link(name: str, value: object) -> int | None:
    if value is None:
        return None
    return check_int(name, value, *ENTRY_ID_RANGE)


def _time(name: str, value: object) -> datetime:
    """An exported time: ISO 8601 with a UTC offset (an export always has one)."""
    if not isinstance(value, str) or not value.strip() or len(value) > _TIME_MAX_CHARS:
        raise ValidationError(name, _("must be an ISO 8601 date and time with a UTC offset"))
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            name, _("must be an ISO 8601 date and time with a UTC offset, "
              "e.g. 2026-03-14T09:30:00+01:00")
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ValidationError(
            name, _("has no UTC offset (an export always has one, e.g. +01:00), so its day "
              "is unknown")
        )
    if not 2000 <= parsed.year <= 2100:
        raise ValidationError(name, _("must be between the years 2000 and 2100"))
    return parsed


def _check_day(value: object, entry: Entry) -> None:
    if value != local_day(entry.at).isoformat():
        raise ValidationError("day", _("must be the date of at, as YYYY-MM-DD"))


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
        raise ValidationError(name, _("needs both systolic and diastolic, or neither"))
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
            "total", _("must equal the sum of the answers (the total is derived from them)")
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
_TOP_LEVEL = (
    "format", "version", "schema_version", "entries", "medications", "planned_sessions",
    "factors",
)
#: Keys an entry may carry beside its fields: its global id, and a mood entry's tags
#: (both optional, so an older export still imports).
_JSON_EXTRA_KEYS: dict[str, tuple[str, ...]] = {
    kind: ("global_id", "tags") if kind == "mood" else ("global_id",) for kind in JSON_FIELDS
}


#: Our export nests 4 levels (document, entries, a kind's list, an entry); a little room
#: for a reader's own tools, and far below what makes the parser recurse for long.
MAX_JSON_DEPTH = 16
def read_json(path: Path) -> tuple[list[ImportRecord], dict[str, Any]]:
    """The entries of a JSON export (docs/export-json.md), and its other top-level values
    as read (``planned_sessions``, ``medications``: their readers check each).

    Read as a stream of entries, not as one document: each entry is parsed and
    checked as it is reached (:class:`_JsonStream`), so memory grows with the
    entries that are valid, and a file of millions of tiny values (64 MB of ``{}``
    once took 1.7 GB as one document) is refused at the first one.
    """
    display = path.name
    text = read_text(path, display, MAX_JSON_IMPORT_BYTES)
    if json_depth(text) > MAX_JSON_DEPTH:
        raise ImportRejectedError(display, "", _("is nested too deeply to be an export"))
    try:
        stream = _JsonStream(text, display)
        return stream.records(), stream.others
    except RecursionError:
        raise ImportRejectedError(display, "", _("is nested too deeply to be an export")) from None
    except json.JSONDecodeError as error:
        raise ImportRejectedError(
            line_of(display, error.lineno), "", _("is not valid JSON")
        ) from None
    except _DuplicateKeyError as error:
        raise ImportRejectedError(
            display, safe_name(error.key, quoted=True),
            _("appears twice in one object, so which value is meant is unknown (an export "
              "writes every key once)")
        ) from None
    except ValueError:  # a number with more digits than Python converts (over 4,300)
        raise ImportRejectedError(
            display, "", _("is not a ketajournal JSON export: it holds a number with thousands "
              "of digits")
        ) from None


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


class _JsonStream:
    """A JSON export read one entry at a time.

    The document's own frame — the top-level object, ``entries`` and each kind's
    list — is walked here; every other value (``format``, ``version``, one entry)
    is parsed alone by the standard decoder and checked at once, so nothing but
    checked entries is kept. A top-level key we do not know, a kind that is not
    one, or a kind that is not a list is refused before its value is read.
    """

    def __init__(self, text: str, display: str) -> None:
        self.text = text
        self.display = display
        self.at = 0
        self.decoder = json.JSONDecoder(object_pairs_hook=_unique_keys)
        #: The top-level values other than ``entries``, as read.
        self.others: dict[str, Any] = {}

    def records(self) -> list[ImportRecord]:
        """Every entry, checked; raises ImportRejectedError, or JSONDecodeError / ValueError."""
        if self._next() != "{":
            raise self._not_an_export()
        records: list[ImportRecord] = []
        seen: dict[str, Any] = {}
        for key in self._keys():
            if key not in _TOP_LEVEL:
                if "format" not in seen:
                    raise self._not_an_export()
                raise ImportRejectedError(
                    self.display, safe_name(key, quoted=True), _("is not a known key")
                )
            if key == "entries":
                seen[key] = True
                self._entries(records)
            else:
                seen[key] = self._value()
                self._check_top(key, seen[key])
        self._end()
        self.others = {k: v for k, v in seen.items() if k != "entries"}
        if "format" not in seen:
            raise self._not_an_export()
        if "version" not in seen:
            self._check_top("version", None)
        if "entries" not in seen:
            raise ImportRejectedError(
                self.display, "entries", _("must be an object with a list per kind")
            )
        return records

    def _check_top(self, key: str, value: object) -> None:
        display = self.display
        if key == "format" and value != EXPORT_FORMAT:
            raise self._not_an_export()
        if key == "version":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ImportRejectedError(display, "version", _("must be a whole number"))
            if value > EXPORT_VERSION:
                raise ImportRejectedError(
                    display, "version",
                    _("is from a newer ketajournal; update ketajournal to import it"),
                )
        if key == "schema_version" and value is not None and (
            isinstance(value, bool) or not isinstance(value, int)
        ):
            raise ImportRejectedError(display, "schema_version", _("must be a whole number"))

    def _entries(self, records: list[ImportRecord]) -> None:
        if self._peek() != "{":
            raise ImportRejectedError(
                self.display, "entries", _("must be an object with a list per kind")
            )
        self._next()
        for kind in self._keys():
            if kind not in JSON_FIELDS:
                raise ImportRejectedError(
                    f"{self.display}: entries", safe_name(kind, quoted=True),
                    _("is not a kind of entry (kinds: {kinds})").format(kinds=', '.join(KINDS)),
                )
            if self._peek() != "[":
                raise ImportRejectedError(f"{self.display}: entries", kind, _("must be a list"))
            self._next()
            for index, item in enumerate(self._items()):
                location = f"{self.display}: {kind}[{index}]"
                try:
                    source_id, entry, link = _json_entry(kind, item)
                    global_id = check_global_id("global_id", item.get("global_id"))
                    tags = tags_from_json(item["tags"]) if "tags" in item else ()
                except ValidationError as error:
                    raise rejected(location, error) from None
                records.append(
                    ImportRecord(kind, source_id, entry, link, location, global_id, tags)
                )

    def _keys(self) -> Iterator[str]:
        """The keys of the object just opened, each once, leaving ``at`` on its value."""
        seen: set[str] = set()
        if self._peek() == "}":
            self._next()
            return
        while True:
            if self._peek() != '"':
                raise self._error("Expecting property name enclosed in double quotes")
            key = self._value()
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
            if self._next() != ":":
                raise self._error("Expecting ':' delimiter")
            yield key
            after = self._next()
            if after == "}":
                return
            if after != ",":
                raise self._error("Expecting ',' delimiter")

    def _items(self) -> Iterator[Any]:
        """The values of the list just opened, one at a time."""
        if self._peek() == "]":
            self._next()
            return
        while True:
            yield self._value()
            after = self._next()
            if after == "]":
                return
            if after != ",":
                raise self._error("Expecting ',' delimiter")

    def _value(self) -> Any:
        self._skip()
        value, self.at = self.decoder.raw_decode(self.text, self.at)
        return value

    def _skip(self) -> None:
        match = _JSON_SPACE.match(self.text, self.at)
        assert match is not None  # matches the empty string at least
        self.at = match.end()

    def _peek(self) -> str:
        self._skip()
        return self.text[self.at : self.at + 1]

    def _next(self) -> str:
        char = self._peek()
        if not char:
            raise self._error("Expecting value")
        self.at += 1
        return char

    def _end(self) -> None:
        if self._peek():
            raise self._error("Extra data")

    def _error(self, message: str) -> json.JSONDecodeError:
        return json.JSONDecodeError(message, self.text, min(self.at, len(self.text)))

    def _not_an_export(self) -> ImportRejectedError:
        return ImportRejectedError(
            self.display, "format",
            f'is not a ketajournal JSON export (no "format": "{EXPORT_FORMAT}")',
        )


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


def _json_entry(kind: str, item: object) -> tuple[int, Entry, int | None]:
    if not isinstance(item, dict):
        raise ValidationError("entry", _("must be an object"))
    expected = JSON_FIELDS[kind]
    missing = [name for name in expected if name not in item
               and name not in JSON_ADDED_FIELDS.get(kind, ())]
    if missing:
        raise ValidationError(missing[0], _("is missing"))
    extra = [name for name in item if name not in expected
             and name not in _JSON_EXTRA_KEYS[kind]]
    if extra:
        raise ValidationError(safe_name(str(extra[0]), quoted=True), "is not a field of this kind")
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
            raise ValidationError("instrument", _("must be one of: {choices}").format(
                choices=', '.join(INSTRUMENTS)))
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
    "MAX_JSON_IMPORT_BYTES",
    "ImportRecord",
    "check_unique_ids",
    "read_csv_file",
    "read_csv_folder",
    "read_json",
    "read_text",
    "rejected",
]
