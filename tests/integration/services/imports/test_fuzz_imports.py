"""Hypothesis over the readers of other apps' exports: hostile files never crash them.

Each reader gets random bytes, and its own fixture broken the way a spreadsheet,
a script or an attacker would break it: a cell replaced by a formula, a huge
cell, control characters, ``nan`` or ``1e400``, a date before 2000 or after
2100, an impossible time; a column removed; the text re-encoded as Latin-1,
cp1252 or UTF-16. For every file the reader either returns a complete result of
valid entries or raises an :class:`ImportRejectedError` — nothing else, no
traceback — whose message starts with the file's name, ends "Nothing was
imported." and never repeats the injected text.

``HYPOTHESIS_PROFILE=deep`` (tests/conftest.py) runs 10,000 cases per target.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from ketajournal.domain.models import MoodEntry
from ketajournal.services.imports import bearable, daylio, emoods, generic
from ketajournal.services.imports.common import ImportRejectedError, ParsedImport
from tests.integration.services.imports.test_generic import IMPORT_FIXTURES, MAPPING

ZONE = timezone(timedelta(hours=1))
NAME = "hostile.csv"
#: Appended to injected text so a message that repeats it is caught for sure.
CANARY = "Qz7canary"
QUICK = 60


def cases(quick: int) -> int:
    """``quick`` in CI; the loaded profile's count when it is a deep one (≥ 10,000)."""
    loaded = settings.default.max_examples
    return loaded if loaded >= 10_000 else quick


FUZZ = settings(
    max_examples=cases(QUICK),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

Reader = Callable[[bytes], ParsedImport]
READERS: dict[str, tuple[str, Reader]] = {
    "daylio": ("daylio.csv", lambda data: daylio.read_daylio(
        Path(NAME), {"tired but ok": 4}, zone=ZONE, data=data)),
    "emoods": ("emoods.csv", lambda data: emoods.read_emoods(Path(NAME), zone=ZONE, data=data)),
    "bearable": ("bearable.csv", lambda data: bearable.read_bearable(
        Path(NAME), zone=ZONE, data=data)),
    "generic": ("generic.csv", lambda data: generic.read_generic(
        Path(NAME), MAPPING, zone=ZONE, data=data)),
}

HOSTILE = st.one_of(
    st.sampled_from([
        "=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "=1", "nan", "inf", "-inf",
        "1e400", "99999999999999999999", "1999-12-31", "2101-01-01", "0001-01-01",
        "31.02.2026", "24:61", "13:00 PM", "", " ", "\x00", "\x07bell", "\u0085", "\ufeff",
        "a | b | | c", "Mood", "none", "severe", "am", "\r\n", "\"", "'=1",
    ]),
    st.text(max_size=40),
    st.integers(10_000, 140_000).map(lambda n: "x" * n),
)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "utf-16-le"])


def fixture_rows(name: str) -> tuple[list[list[str]], str]:
    text = (IMPORT_FIXTURES / name).read_text(encoding="utf-8")
    delimiter = ";" if name == "generic.csv" else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)), delimiter


def to_csv(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def note(what: str) -> None:
    """Count outcomes for --hypothesis-show-statistics (only inside a Hypothesis test)."""
    if currently_in_test_context():
        event(what)


def check(reader: Reader, data: bytes, injected: str | None) -> None:
    try:
        result = reader(data)
    except ImportRejectedError as error:
        message = str(error)
        assert message.startswith(NAME) or message.startswith("the "), message
        assert message.endswith("Nothing was imported."), message
        if injected is not None:
            assert CANARY not in message, "a refusal repeated the file's content"
        note(f"refused: {error.field or 'file'}")
        return
    assert isinstance(result, ParsedImport)
    assert result.entries, "a result without entries should have been refused"
    for item in result.entries:
        assert isinstance(item.entry, MoodEntry)
        assert 0 <= item.entry.mood <= 10
        assert item.location.startswith(f"{NAME} line ")
        assert all(tag and tag == tag.strip() for tag in item.tags)
    note("read")


@pytest.mark.parametrize("kind", list(READERS))
@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes(kind: str, data: bytes) -> None:
    check(READERS[kind][1], data, None)


@pytest.mark.parametrize("kind", list(READERS))
@FUZZ
@given(
    value=HOSTILE,
    canary=st.booleans(),
    where=st.tuples(st.integers(0, 1000), st.integers(0, 100)),
    drop=st.one_of(st.none(), st.integers(0, 100)),
    encoding=ENCODINGS,
)
def test_a_broken_fixture(
    kind: str,
    value: str,
    canary: bool,
    where: tuple[int, int],
    drop: int | None,
    encoding: str,
) -> None:
    name, reader = READERS[kind]
    rows, delimiter = fixture_rows(name)
    row = 1 + where[0] % (len(rows) - 1)
    column = where[1] % len(rows[row])
    injected = value + CANARY if canary else value
    rows[row][column] = injected
    if drop is not None:
        index = drop % len(rows[0])
        for cells in rows:
            del cells[index]
    text = to_csv(rows, delimiter)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors="replace")
    note(f"encoding {encoding}")
    check(reader, data, injected if canary else None)


@pytest.mark.parametrize("kind", list(READERS))
def test_each_fixture_reads_cleanly(kind: str) -> None:
    name, reader = READERS[kind]
    rows, delimiter = fixture_rows(name)
    check(reader, to_csv(rows, delimiter).encode("utf-8"), None)
