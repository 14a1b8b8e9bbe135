"""Hypothesis over the importers: hostile JSON and CSV never crash or half-write a journal.

Each target starts from files a real export could hold and breaks them the way a
spreadsheet, a script or an attacker would: wrong types, huge fields, control and
injection-looking text, times without an offset, times in the future, a day that
is not the date of the time, other text encodings, a bad row in a later file of a
folder. For every file, against a real encrypted journal that already holds
entries:

* ``exchange.import_path`` returns or raises a :class:`KnownError` — nothing else;
* a refusal starts with the file's name, names the line (CSV) or the entry (JSON)
  and the field when one entry is at fault, ends "Nothing was imported.", and never
  repeats a rejected value;
* a refusal leaves the journal exactly as it was (its JSON export is identical)
  and takes no backup; a success adds exactly the entries it counts, each on the
  day its time was logged on;
* an entry more than 24 hours in the future, or a time without an offset, is
  always refused.

CI runs a quick profile (``QUICK`` cases per target, a few seconds in all).
``HYPOTHESIS_PROFILE=deep`` (tests/conftest.py) runs 10,000 per target::

    HYPOTHESIS_PROFILE=deep .venv/bin/pytest tests/integration/services/test_fuzz_importers.py \\
        --hypothesis-show-statistics
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ketajournal.domain.models import (
    Assessment,
    BloodPressure,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.domain.validation import FUTURE_TOLERANCE
from ketajournal.errors import KnownError
from ketajournal.reports import csv_export
from ketajournal.reports.entry_json import entry_to_json
from ketajournal.services import exchange
from ketajournal.services.journal import Journal
from ketajournal.storage.repository import KINDS
from tests.integration.services.test_exchange import undo_import, valid_entry
from tests.support.clock import NOW
from tests.unit.domain.test_fuzz_validators import assert_not_repeated

pytestmark = pytest.mark.slow

#: Cases per target in CI; the deep profile's own count (10,000) replaces it.
QUICK = 40


def cases(quick: int) -> int:
    """``quick`` in CI; the loaded profile's count when it is a deep one (≥ 10,000)."""
    loaded = settings.default.max_examples
    return loaded if loaded >= 10_000 else quick


FUZZ = settings(
    max_examples=cases(QUICK),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# -- hostile values ------------------------------------------------------------------------------

INJECTION = [
    "'; DROP TABLE mood_entries; --", "\" OR 1=1 --", "=cmd|' /C calc'!A0", "+SUM(A1)",
    "-2+3", "@SUM(1)", "<script>alert(1)</script>", "../../etc/passwd", "%s%s%n", "{0}",
    "${jndi:ldap://x}", "\\x00", "NULL", "None", "true",
]
CONTROL = ["\x00", "\x1b[31m", "\x7f", "\x85", "a\x0bb", "\u202eevil", "\ud800", "\udcff"]
HUGE = ["n" * 20_001, "🙂" * 20_001, "x" * 201, "9" * 400, "1" + "0" * 5000]
#: Times a user could type or a script could write: no offset, a date alone, other forms.
NO_OFFSET = [
    "2026-11-20T09:00:00", "2026-11-20T09:00", "2026-11-20", "2026-03-29T02:30:00",
    "2026-10-25T02:30:00", "20261120T090000", "2026-11-20 09:00:00",
]
BAD_TIMES = [
    "2026-02-30T09:00:00+01:00", "2026-11-20T25:00:00+01:00", "1999-12-31T23:59:59+00:00",
    "2101-01-01T00:00:00+00:00", "0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+00:00",
    "2026-11-20T09:00:00+25:00", "2026-W47-5", "yesterday", "", " ", "T", "+01:00",
    "2026-11-20T09:00:00+01:00" + " " * 60, "2026-11-20T09:00:00.123456789+01:00",
]
HOSTILE_TEXT = st.one_of(
    st.sampled_from([*INJECTION, *CONTROL, *HUGE, *NO_OFFSET, *BAD_TIMES]),
    st.text(max_size=30),
    st.text(st.characters(codec="utf-8"), max_size=300),
)
#: Whatever JSON can carry: wrong types, huge numbers, NaN and infinities.
HOSTILE_JSON: st.SearchStrategy[Any] = st.one_of(
    HOSTILE_TEXT,
    st.none(), st.booleans(),
    st.integers(), st.integers(-(10**40), 10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([[], {}, [1, 2], {"systolic": 120}, {"systolic": 80, "diastolic": 120},
                     {"systolic": "120", "diastolic": "80"}, [0] * 9, [3] * 20, ["1"] * 9,
                     {"a": {"b": {"c": None}}}, 10**19, -(2**63), 2**64, 1e308, -0.0]),
)
HOSTILE_CELL = st.one_of(
    HOSTILE_TEXT,
    st.integers().map(str), st.floats().map(repr),
    st.sampled_from(["", " ", "7.0", "1e400", "nan", "-inf", "-1", "1_000", "٣", "²", "0x1F",
                     "1,2,3", "0,0,0,0,0,0,0,0,0", "3,3,3,3,3,3,3,3,3,3", "120/80", '"', "\r",
                     "\n", "iv", "booster", "phq9", "other", "None", "null"]),
)
PLACEHOLDER = "\u0001raw\u0001"
#: Raw JSON for one value: numbers Python cannot convert, NaN and the infinities, invalid
#: numbers, deep nesting, and a key given twice (KEY: the key of the value replaced).
RAW_JSON = [
    "9" * 5000, "-" + "9" * 5000, "1" + "0" * 4301, "1e999", "-1e999", "1.5e-999", "NaN",
    "Infinity", "-Infinity", "0x10", "01", "+1", ".5", "1.", "true", "null", "[" * 50 + "]" * 50,
    "[" * 5000 + "]" * 5000, '{"systolic": 120, "systolic": 80, "diastolic": 70}',
    '1, KEY: 2', 'null, KEY: null', '"2026-11-20T09:00:00+01:00", KEY: "x"',
]
OFFSETS = st.builds(timezone, st.timedeltas(min_value=-timedelta(hours=14),
                                            max_value=timedelta(hours=14)).map(
    lambda d: timedelta(minutes=int(d.total_seconds() // 60))))
LIMIT = NOW + FUTURE_TOLERANCE
#: Offsets with a time in the future of the journal's clock (NOW), some just past the limit.
FUTURE = st.one_of(
    st.builds(lambda s, z: (LIMIT + timedelta(seconds=s)).astimezone(z),
              st.integers(1, 3 * 86400), OFFSETS),
    st.datetimes(min_value=datetime(2026, 12, 1), max_value=datetime(2100, 12, 30),
                 timezones=OFFSETS),
)


# -- the property ----------------------------------------------------------------------------


class Target:
    """A journal with entries and the place where files to import are written."""

    def __init__(self, journal: Journal, folder: Path) -> None:
        self.journal = journal
        self.folder = folder
        self.backups = journal.paths.home / "backups"

    def backup_names(self) -> set[str]:
        return {p.name for p in self.backups.iterdir()} if self.backups.is_dir() else set()

    def check(self, path: Path, display: str, *, must_refuse: str | None = None,
              secrets: tuple[str, ...] = ()) -> None:
        """Import ``path`` and hold the outcome to the property (see the module docstring)."""
        before, backups = self.journal.export_document(), self.backup_names()
        try:
            result = exchange.import_path(self.journal, path)
        except KnownError as error:
            message = str(error)
            assert message.startswith(display), message
            assert message.endswith("Nothing was imported."), message
            assert "Traceback" not in message and "\n" not in message
            field = getattr(error, "field", "")
            location = getattr(error, "location", "")
            if field and location != display:  # an entry or a row at fault: where and what
                assert f"{location}: {field}: " in message, message
                assert " line " in location or "[" in location or location.endswith(
                    ": entries"), message
            for secret in secrets:
                assert_not_repeated(message, secret)
            assert self.journal.export_document() == before, "a refused import wrote"
            assert self.backup_names() == backups, "a refused import took a backup"
            event(f"refused: {field or 'file'}")
            if must_refuse:
                assert must_refuse in message, message
            return
        assert must_refuse is None, f"imported although {must_refuse!r} was expected"
        after = self.journal.export_document()
        for kind in KINDS:
            assert len(after["entries"][kind]) == len(before["entries"][kind]) + result.added[kind]
            for item in after["entries"][kind]:  # every entry on the day it was logged on
                assert item["day"] == datetime.fromisoformat(item["at"]).date().isoformat()
        event("imported" if result.total_added else "only duplicates")
        undo_import(self.journal, before, after)


@pytest.fixture
def target(journal: Journal, tmp_path: Path) -> Iterator[Target]:
    """A journal holding one entry of each kind (a session with a side effect)."""
    at = NOW - timedelta(days=3)
    session, _ = journal.log(Session(at=at, route=Route.IV, phase=Phase.INDUCTION,
                                     dose_mg=35, bp_before=BloodPressure(120, 80)))
    journal.log(SideEffect(at=at + timedelta(hours=1), category=SideEffectCategory.NAUSEA,
                           severity=3, session_id=session.id))
    journal.log(MoodEntry(at=at, mood=4, note="before"))
    journal.log(Event(at=at, event_kind=EventKind.PSYCHOTHERAPY))
    journal.log(Assessment(at=at, instrument_id="phq9", answers=(1,) * 9))
    folder = tmp_path / "in"
    folder.mkdir()
    yield Target(journal, folder)


def json_document(entries: list[dict[str, Any]], kinds: list[str]) -> dict[str, Any]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for kind, item in zip(kinds, entries, strict=True):
        grouped.setdefault(kind, []).append(item)
    return {"format": "ketajournal-export", "version": 1, "schema_version": 2,
            "entries": grouped}


def timed(value: datetime) -> tuple[str, str]:
    """``at`` and ``day`` as an export writes them."""
    return value.isoformat(timespec="seconds"), value.date().isoformat()


def breaking(draw: st.DrawFn, fields: list[str], as_cell: bool) -> tuple[str, Any, str | None]:
    """A field and the hostile value it gets, with the refusal it must cause (if certain)."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return "at", draw(st.sampled_from(NO_OFFSET)), "UTC offset"
    if choice == 1:
        return "at", draw(FUTURE), "future"
    name = draw(st.sampled_from(fields))
    return name, draw(HOSTILE_CELL if as_cell else HOSTILE_JSON), None


# -- targets -----------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_fuzz_json_import_of_hostile_field_values(target: Target, data: st.DataObject) -> None:
    entries = data.draw(st.lists(valid_entry(), min_size=1, max_size=4))
    items = [entry_to_json(e) | {"id": i} for i, e in enumerate(entries, start=1)]
    kinds = [e.kind for e in entries]
    index = data.draw(st.integers(0, len(items) - 1))
    name, value, refusal = breaking(data.draw, sorted(items[index]), as_cell=False)
    if isinstance(value, datetime):
        items[index]["at"], items[index]["day"] = timed(value)
    else:
        items[index][name] = value
    text = json.dumps(json_document(items, kinds))  # ASCII
    if data.draw(st.integers(0, 4)) == 0:  # what json.dumps never writes, but a file can hold
        raw = data.draw(st.sampled_from(RAW_JSON))
        field = data.draw(st.sampled_from(sorted(items[index])))
        items[index][field] = PLACEHOLDER
        text = json.dumps(json_document(items, kinds)).replace(
            json.dumps(PLACEHOLDER), raw.replace("KEY", json.dumps(field)), 1)
        event(f"raw JSON {raw[:12]}")
        refusal = "appears twice" if "KEY" in raw else None
        value = raw
    path = target.folder / "export.json"
    path.write_text(text, encoding="utf-8")
    secrets = (value,) if isinstance(value, str) else ()
    target.check(path, "export.json", must_refuse=refusal, secrets=secrets)


@FUZZ
@given(data=st.data())
def test_fuzz_csv_import_of_hostile_cells(target: Target, data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(KINDS))
    entries = data.draw(st.lists(valid_entry((kind,)), min_size=1, max_size=4))
    header = list(csv_export.COLUMNS[kind])
    rows = [csv_export.entry_cells(e.with_id(i)) for i, e in enumerate(entries, start=1)]
    index = data.draw(st.integers(0, len(rows) - 1))
    name, value, refusal = breaking(data.draw, header, as_cell=True)
    if isinstance(value, datetime):
        at, day = timed(value)
        rows[index][header.index("at")], rows[index][header.index("day")] = at, day
    else:
        rows[index][header.index(name)] = value
    path = target.folder / csv_export.file_name(kind)
    write_csv(path, header, rows)
    target.check(path, path.name, must_refuse=refusal,
                 secrets=(value,) if isinstance(value, str) else ())


@FUZZ
@given(data=st.data())
def test_fuzz_csv_folder_with_a_bad_row_in_any_file_imports_nothing(
    target: Target, data: st.DataObject
) -> None:
    folder = target.folder / f"csv-{data.draw(st.integers(0, 3))}"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    kinds = data.draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=len(KINDS),
                               unique=True))
    bad = data.draw(st.sampled_from(kinds))
    expected = None
    for kind in kinds:
        entries = data.draw(st.lists(valid_entry((kind,)), min_size=1, max_size=3))
        header = list(csv_export.COLUMNS[kind])
        rows = [csv_export.entry_cells(e.with_id(i)) for i, e in enumerate(entries, start=1)]
        if kind == bad:
            row = data.draw(st.integers(0, len(rows) - 1))
            future = data.draw(FUTURE)
            rows[row][1], rows[row][2] = timed(future)
            line = row_lines(csv_text(header, rows))[row + 1]  # a note may span lines
            expected = f"{csv_export.file_name(kind)} line {line}: at: must not be"
        write_csv(folder / csv_export.file_name(kind), header, rows)
    target.check(folder, csv_export.file_name(bad), must_refuse=expected)


CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1",
          "cp1252", "mac_roman", "shift_jis", "gb18030", "koi8-r", "utf-7"]


@FUZZ
@given(data=st.data())
def test_fuzz_import_in_other_text_encodings(target: Target, data: st.DataObject) -> None:
    codec = data.draw(st.sampled_from(CODECS))
    entries = data.draw(st.lists(valid_entry(("mood", "event")), min_size=1, max_size=3))
    if data.draw(st.booleans()):  # non-ASCII notes, as a user in any language types them
        note = data.draw(st.sampled_from(["Müde, aber ruhig", "très fatigué", "Усталость",
                                          "気分は良い", "😴 tired", "naïve café"]))
        entries = [dataclasses.replace(e, note=note) for e in entries]
    if data.draw(st.booleans()):
        items = [entry_to_json(e) | {"id": i} for i, e in enumerate(entries, start=1)]
        text = json.dumps(json_document(items, [e.kind for e in entries]), ensure_ascii=False)
        path, display = target.folder / "export.json", "export.json"
    else:
        kind = entries[0].kind
        same = [e for e in entries if e.kind == kind]
        rows = [csv_export.entry_cells(e.with_id(i)) for i, e in enumerate(same, start=1)]
        path = target.folder / csv_export.file_name(kind)
        display = path.name
        text = csv_text(list(csv_export.COLUMNS[kind]), rows)
    try:
        raw = text.encode(codec)
    except UnicodeEncodeError:
        raw = text.encode(codec, errors="replace")
    path.write_bytes(raw)
    event(f"codec {codec}")
    if not _is_utf8(raw):
        target.check(path, display, must_refuse="is not UTF-8 text")
    else:
        target.check(path, display)


def _is_utf8(raw: bytes) -> bool:
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# -- helpers -----------------------------------------------------------------------------------


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    """The CSV an export writes for ``rows``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def row_lines(text: str) -> list[int]:
    """The line each row starts on, counting CR, LF and CRLF as line ends (as editors do)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    starts, start = [], 1
    for _ in reader:
        starts.append(start)
        start = reader.line_num + 1
    return starts


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Write a CSV file; a lone surrogate becomes the invalid bytes a broken tool writes."""
    path.write_bytes(csv_text(header, rows).encode("utf-8", errors="surrogatepass"))
