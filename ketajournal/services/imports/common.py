"""What every reader of another app's export shares: the result, CSV reading, and refusals.

The rules are those of our own importer (``services/exchange.py``): the whole file
is read and checked before anything is returned; a bad row raises
:class:`ImportRejectedError` naming the file, the line and the field, never the cell's
content (it may be health data); files above :data:`MAX_FILE_BYTES` are refused
before they are read; text must be UTF-8 (a byte-order mark is allowed) or UTF-16
with its byte-order mark — nothing is guessed, because a wrong guess would import
garbled notes without a word.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from itertools import accumulate
from pathlib import Path

from ketajournal.domain.models import MoodEntry
from ketajournal.domain.timeutil import in_zone
from ketajournal.domain.validation import (
    EARLIEST_YEAR,
    MAX_NOTE_CHARS,
    MAX_SHORT_TEXT_CHARS,
    ValidationError,
    check_text,
)
from ketajournal.language import N_
from ketajournal.language import gettext as _
from ketajournal.platform.files import read_at_most

#: Larger files are refused before they are read (ten years of daily Daylio
#: entries with long notes stay far below this).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: The longest cell accepted: a note (a cell is never longer than the longest field).
MAX_CELL_CHARS = MAX_NOTE_CHARS
#: Latest year accepted, as for every entry (domain.validation.check_time).
LATEST_YEAR = 2100
#: The time given to an entry whose file has only its date: noon, as for a date
#: typed alone (domain.timeutil.parse_time), so it cannot slip to another day.
NOON = time(12, 0)


def line_of(display: str, line: int) -> str:
    """Where in a file a problem is, as a message says it: ``daylio.csv line 3``."""
    return _("{file} line {line}").format(file=display, line=line)


class ImportRejectedError(ValidationError):
    """An import refused as a whole; ``location`` says where, ``field`` what.

    The one error of every importer: our own JSON/CSV (``import_reading``) and
    other apps' exports alike. The message never repeats a rejected value (it may
    be health data).
    """

    def __init__(self, location: str, field: str, reason: str) -> None:
        super().__init__(field, reason)
        self.location = location
        self.reason = reason
        where = f"{location}: {field}" if field else location
        self.message = _("{where}: {reason}. Nothing was imported.").format(
            where=where, reason=reason)
        self.args = (self.message,)


@dataclass(frozen=True)
class ImportedEntry:
    """One mood entry read from a file, with the tags that came with it."""

    entry: MoodEntry
    #: Activities, factors or symptoms, trimmed, each once, in file order.
    tags: tuple[str, ...]
    #: Where it came from, e.g. ``daylio.csv line 12``.
    location: str


@dataclass(frozen=True)
class MedicationRecord:
    """A medication named in an export, for the medication list (when it exists)."""

    name: str
    #: The dose as written in the file ("50 mg", "2 x 0.5 mg"); empty if none.
    dose: str
    day: date
    location: str


@dataclass(frozen=True)
class ParsedImport:
    """Everything read from one file, validated, nothing written yet."""

    source: str
    entries: tuple[ImportedEntry, ...]
    medications: tuple[MedicationRecord, ...] = ()
    #: Rows read but not turned into entries (e.g. Bearable symptoms), by reason.
    skipped: Mapping[str, int] = dataclasses.field(default_factory=dict)

    @property
    def tags(self) -> tuple[str, ...]:
        """Every distinct tag, in order of first appearance."""
        return unique(tag for item in self.entries for tag in item.tags)


@dataclass(frozen=True)
class CsvRow:
    """One data row: the line it starts on and its cells by (stripped) column name."""

    line: int
    cells: Mapping[str, str]


@dataclass(frozen=True)
class CsvTable:
    """A CSV file read whole: its header and its non-empty rows."""

    display: str
    header: tuple[str, ...]
    header_line: int
    rows: tuple[CsvRow, ...]

    def location(self, line: int) -> str:
        """``"<file> line <n>"``."""
        return line_of(self.display, line)


def read_bytes(
    path: Path,
    display: str,
    limit: int | None = None,
    too_large_for: str = N_("a mood tracker's export"),
) -> bytes:
    """The file's bytes, refusing a missing, unreadable or oversized file by name (past
    ``limit``, by default :data:`MAX_FILE_BYTES`: "far more than <too_large_for>")."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        data = b""
        too_large = path.stat().st_size > limit  # then refused unread
        if not too_large:  # counted while reading: a pipe or /dev/zero reports size 0
            data = read_at_most(path, limit)
            too_large = len(data) > limit
        if too_large:
            raise ImportRejectedError(
                display, "", _("is larger than {limit} MB, "
                  "far more than "
                  "{too_large_for}").format(
                      limit=limit // (1024 * 1024), too_large_for=_(too_large_for))
            )
        return data
    except FileNotFoundError:
        raise ImportRejectedError(display, "", _("does not exist")) from None
    except IsADirectoryError:
        raise ImportRejectedError(display, "", _("is a folder, not a file")) from None
    except OSError as error:
        reason = error.strerror or "an error"
        raise ImportRejectedError(display, "", _("cannot be "
                                                 "read ({reason})").format(reason=reason)) from None


def decode(data: bytes, display: str) -> str:
    """Text from UTF-8 (with or without a byte-order mark) or UTF-16 with its mark."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejectedError(
            display, "", _("is larger than {max_file_bytes} MB, "
              "far more than a mood "
              "tracker's export").format(max_file_bytes=MAX_FILE_BYTES // (1024 * 1024))
        )
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"  # the codec reads the mark and drops it
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        newline = "\n".encode(encoding if encoding == "utf-8" else "utf-16-le")
        line = data[: error.start].count(newline) + 1
        raise ImportRejectedError(
            line_of(display, line), "",
            f"is not {'UTF-8' if encoding == 'utf-8' else 'valid UTF-16'} text "
            '(in a spreadsheet, save it as "CSV UTF-8")',
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportRejectedError(
            line_of(display, line), "",
            "holds a NUL character: it is not a text file, or it is UTF-16 without the "
            "mark that says so (save it as \"CSV UTF-8\")",
        )
    return text


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_JSON_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_JSON_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def json_depth(text: str) -> int:
    """The deepest nesting of objects and arrays in ``text`` (strings ignored).

    Counted before ``json.loads`` builds anything, so a deeply nested document costs
    one pass over the text, not memory or recursion.
    """
    # Bytes: deleting every other byte is one C pass, and UTF-8 never puts a bracket's
    # byte inside another character.
    brackets = _JSON_STRING.sub("", text).encode("utf-8", "surrogatepass").translate(
        None, _JSON_NOT_BRACKET
    )
    return max(accumulate(map(_JSON_STEP.__getitem__, brackets)), default=0)


def read_table(
    path: Path,
    display: str | None = None,
    *,
    delimiter: str = ",",
    data: bytes | None = None,
) -> CsvTable:
    """Read a whole CSV file and check its shape (header, cell counts, cell sizes).

    ``data`` replaces reading ``path`` (the readers' tests and previews pass bytes);
    ``display`` is the name used in messages (default: the file's name).
    """
    display = display or path.name
    raw = read_bytes(path, display) if data is None else data
    text = decode(raw, display)
    parsed = _csv_rows(text, display, delimiter)
    if not parsed:
        raise ImportRejectedError(line_of(display, 1), "", _("is empty: the header row is missing"))
    header_line, raw_header = parsed[0]
    header = tuple(name.strip() for name in raw_header)
    location = line_of(display, header_line)
    if any(not name for name in header):
        raise ImportRejectedError(location, "", _("has a column without a name"))
    if len({normalise(name) for name in header}) != len(header):
        raise ImportRejectedError(location, "", _("names a column twice"))
    rows = []
    for line, cells in parsed[1:]:
        where = line_of(display, line)
        if len(cells) != len(header):
            raise ImportRejectedError(
                where, "", _("has {cells} cells where the header "
                             "has {header}").format(cells=len(cells), header=len(header))
            )
        for name, cell in zip(header, cells, strict=True):
            if len(cell) > MAX_CELL_CHARS:
                raise ImportRejectedError(
                    where, safe_name(name), _("is longer than {count} characters").format(
                        count=format(MAX_CELL_CHARS, ","))
                )
        rows.append(CsvRow(line, dict(zip(header, cells, strict=True))))
    if not rows:
        raise ImportRejectedError(
            display, "", _("has a header but no rows: there is nothing to import")
        )
    return CsvTable(display, header, header_line, tuple(rows))


def _csv_rows(text: str, display: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Non-empty rows with the line each starts on (a quoted note may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if cells and any(cell.strip() for cell in cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error:
        raise ImportRejectedError(
            line_of(display, start), "",
            _("is not valid CSV (an unclosed quote, or a cell longer than "
              "{count} characters)").format(count=format(csv.field_size_limit(), ",")),
        ) from None
    return rows


def normalise(name: str) -> str:
    """A column name for matching: case, spaces, ``_``, ``-`` and ``/`` do not matter."""
    return re.sub(r"[\s_\-/]+", " ", name.strip()).casefold()


def find_columns(
    table: CsvTable, wanted: Mapping[str, Sequence[str]], required: Iterable[str]
) -> dict[str, str]:
    """Map our field names to the file's column names, by any of their accepted names.

    ``wanted`` gives each field the names it may have in the file (matched with
    :func:`normalise`); fields in ``required`` that no column matches are refused
    together, by our names for them.
    """
    by_normal = {normalise(name): name for name in table.header}
    found: dict[str, str] = {}
    for field, names in wanted.items():
        for name in names:
            if normalise(name) in by_normal:
                found[field] = by_normal[normalise(name)]
                break
    missing = [wanted[field][0] for field in required if field not in found]
    if missing:
        raise ImportRejectedError(
            table.location(table.header_line), "", _("missing "
                                                     "column(s): {missing}").format(
                missing=', '.join(missing))
        )
    return found


def safe_name(name: str, *, quoted: bool = False) -> str:
    """A column or key name from the file, shown only if it is short, plain ASCII.

    Anything else may be health data (a note pasted into a header, a key made of
    someone's words) or unprintable, so it is replaced by a neutral phrase.
    ``quoted`` puts the name in double quotes, as our own importer's messages
    show a key or column (``"colour": is not a field``).
    """
    if not re.fullmatch(r"[A-Za-z0-9_ ./()-]{1,40}", name):
        return "(an unreadable name)"
    return f'"{name}"' if quoted else name


def rejected(location: str, error: ValidationError) -> ImportRejectedError:
    """A domain refusal (which names its field) placed at ``location``."""
    if isinstance(error, ImportRejectedError):
        return error
    prefix = f"{error.field}: "
    reason = error.message[len(prefix):] if error.message.startswith(prefix) else error.message
    return ImportRejectedError(location, error.field, reason)


_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,9}(?:[.,][0-9]{0,9})?|[.,][0-9]{1,9})")


def parse_number(field: str, cell: str) -> float | None:
    """A plain decimal number (``7``, ``7.5``, ``7,5``); empty is None.

    Anything else — a formula, ``nan``, ``1e400``, words — is refused naming
    ``field``; the message does not repeat the cell.
    """
    text = cell.strip()
    if not text:
        return None
    if not _NUMBER.fullmatch(text):
        raise ValidationError(field, _("must be a number"))
    return float(text.replace(",", "."))


def parse_iso_day(field: str, cell: str) -> date:
    """A date written ``YYYY-MM-DD``, from the year 2000 to 2100."""
    text = cell.strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ValidationError(field, _("must be a date written YYYY-MM-DD"))
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, _("must be a date that exists")) from None
    return check_year(field, day)


def check_year(field: str, day: date) -> date:
    """Refuse dates outside the journal's years (2000–2100)."""
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ValidationError(field, _("must be between the years {first} and {last}").format(
            first=EARLIEST_YEAR, last=LATEST_YEAR))
    return day


_CLOCK = re.compile(
    r"(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?",
    re.IGNORECASE,
)


def parse_clock(field: str, cell: str) -> time:
    """A time of day: ``20:30``, ``8:30``, ``20:30:15``, ``8:30 PM``, ``8:30 p.m.``."""
    match = _CLOCK.fullmatch(cell.strip())
    if not match:
        raise ValidationError(field, _("must be a time of day such as 20:30 or 8:30 PM"))
    hour, minute = int(match["h"]), int(match["m"])
    second = int(match["s"] or 0)
    ampm = match["ampm"]
    if ampm is not None:
        if not 1 <= hour <= 12:
            raise ValidationError(field, _("must be a time of day such as 20:30 or 8:30 PM"))
        hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValidationError(field, _("must be a time of day such as 20:30 or 8:30 PM"))
    return time(hour, minute, second)


def local_time(day: date, clock: time | None, zone: tzinfo | None) -> datetime:
    """The wall-clock time ``clock`` (default noon) on ``day`` in ``zone``, fixed offset.

    Other apps export local wall-clock times without an offset; they are read in
    ``zone`` (default: the computer's zone) by :func:`domain.timeutil.in_zone`, so
    an entry stays on the day the file gives it.
    """
    return in_zone(datetime.combine(day, clock or NOON), zone)


def round_half_up(value: float) -> int:
    """Round to the nearest whole number, halves up (6.5 → 7, not Python's 6)."""
    return math.floor(value + 0.5)


def rescale(field: str, value: float, low: float, high: float, *, higher_is_better: bool) -> int:
    """A score on ``low``–``high`` as a whole 0–10 score where 10 is best.

    Linear: low → 0 and high → 10 (or the reverse when lower is better), rounded
    half up. Values outside the scale are refused naming ``field``.
    """
    if not high > low:
        raise ValidationError(field, _("the scale's top must be above its bottom"))
    if not low <= value <= high:
        raise ValidationError(field, _("must be on the scale from {low} to {high}").format(
            low=_fmt(low), high=_fmt(high)))
    share = (value - low) / (high - low)
    return round_half_up(10 * (share if higher_is_better else 1 - share))


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Each item once (ignoring case), keeping the first spelling, in order."""
    seen: set[str] = set()
    result = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            result.append(item)
    return tuple(result)


def join_note(*parts: str) -> str:
    """Non-empty parts joined by a blank line (e.g. a note's title and its text)."""
    return "\n\n".join(part.strip() for part in parts if part.strip())


def medication(field: str, item: str, day: date, location: str) -> MedicationRecord:
    """One medication as written, e.g. ``Vitamin D3 1000 IU`` → ``Vitamin D3``, ``1000 IU``.

    The dose starts at the first word (after the first) that begins with a digit,
    brackets around it dropped; without one the dose is empty. ``item`` must
    hold at least one word.
    """
    words = item.split()
    split = next(
        (i for i, word in enumerate(words) if i and word.lstrip("([")[:1].isdigit()),
        len(words),
    )
    name = check_text(field, " ".join(words[:split]), MAX_SHORT_TEXT_CHARS)
    dose = check_text(field, " ".join(words[split:]).strip("()[] "), MAX_SHORT_TEXT_CHARS)
    return MedicationRecord(name, dose, day, location)
