"""Reading import files: a bad row, entry or file is refused by where it is, nothing imported."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from ketajournal.domain.timeutil import to_iso
from ketajournal.reports import csv_export
from ketajournal.services import demo, exchange, import_reading
from ketajournal.services.imports.common import ImportRejectedError
from ketajournal.services.journal import Journal
from tests.support.own_exports import T0, export_of, write_rows
from tests.support.pipes import fed_fifo


def rejected(journal: Journal, path: Path) -> ImportRejectedError:
    """Import ``path`` expecting a rejection; the journal must not change."""
    before = journal.export_document()
    backups = journal.paths.home / "backups"
    with pytest.raises(ImportRejectedError) as info:
        exchange.import_path(journal, path)
    assert journal.export_document() == before
    assert not backups.exists()
    assert "Nothing was imported" in str(info.value)
    return info.value


def test_a_bad_csv_row_names_file_line_and_field_and_nothing_is_imported(
    demo_journal: Journal, tmp_path: Path
) -> None:
    exchange.export_csv(demo_journal, tmp_path / "csv")
    path = tmp_path / "csv" / "mood.csv"
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))
    rows[2][rows[0].index("note")] = "a note\nover two lines"  # line 3-4
    rows[5][rows[0].index("mood")] = "11"  # line 7 (the note took an extra line)
    write_rows(path, rows[0], rows[1:])
    error = rejected(demo_journal, tmp_path / "csv")
    assert str(error).startswith("mood.csv line 7: mood: must be a whole number from 0 to 10")
    assert error.field == "mood"
    assert error.location == "mood.csv line 7"


def test_a_bad_row_in_a_later_file_rejects_the_whole_folder(
    demo_journal: Journal, make_journal: Any, tmp_path: Path
) -> None:
    exchange.export_csv(demo_journal, tmp_path / "csv")
    path = tmp_path / "csv" / "assessment.csv"
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))
    rows[3][rows[0].index("total")] = str(int(rows[3][rows[0].index("total")]) + 1)
    write_rows(path, rows[0], rows[1:])
    empty = make_journal("empty")
    error = rejected(empty, tmp_path / "csv")
    assert error.location == "assessment.csv line 4"
    assert error.field == "total"
    assert "sum of the answers" in str(error)
    assert empty.is_empty()


def test_a_bad_json_entry_names_kind_index_and_field(
    demo_journal: Journal, make_journal: Any, tmp_path: Path
) -> None:
    document = demo_journal.export_document()
    document["entries"]["session"][3]["dose_mg"] = "a lot"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    empty = make_journal("empty")
    error = rejected(empty, path)
    assert str(error).startswith("export.json: session[3]: dose_mg: must be a number")
    assert empty.is_empty()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("at", "2026-11-20T09:00:00", "has no UTC offset"),
        ("at", "2026-11-20", "has no UTC offset"),
        ("at", "2027-06-01T09:00:00+01:00", "must not be more than 24 hours in the future"),
        ("at", 20261120, "must be an ISO 8601 date and time"),
        ("day", "2026-11-21", "must be the date of at"),
        ("mood", 10.5, "must be a whole number from 0 to 10"),
        ("mood", True, "must be a whole number from 0 to 10"),
        ("mood", None, "must be a whole number from 0 to 10"),
        ("sleep_hours", float("nan"), "must be a number from 0 to 24 hours"),
        ("sleep_hours", 10**400, "must be a number from 0 to 24 hours"),
        ("note", "x" * 20_001, "must be at most 20,000 characters"),
        ("note", ["a list"], "must be text"),
        ("note", "bell\x07", "must not contain control characters"),
        ("id", 0, "must be a positive whole number"),
        ("id", "1", "must be a positive whole number"),
    ],
)
def test_json_values_are_refused_with_the_field_named(
    journal: Journal, tmp_path: Path, field: str, value: object, message: str
) -> None:
    mood = {"id": 1, "at": to_iso(T0), "day": "2026-11-20", "note": "", "mood": 5,
            "anxiety": None, "energy": None, "sleep_hours": None}
    item = mood | {field: value}
    if field == "at" and isinstance(value, str):
        item["day"] = value[:10]  # only the time is wrong
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export_of({"mood": [item]})), encoding="utf-8")
    error = rejected(journal, path)
    assert error.location == "export.json: mood[0]"
    assert error.field == field
    assert message in str(error)


def test_json_structure_problems_are_named(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    mood = {"id": 1, "at": to_iso(T0), "day": "2026-11-20", "note": "", "mood": 5,
            "anxiety": None, "energy": None, "sleep_hours": None}
    cases: list[tuple[object, str]] = [
        ({"format": "something else"}, "not a ketajournal JSON export"),
        (export_of({}) | {"version": 2}, "newer ketajournal"),
        (export_of({}) | {"entries": []}, "entries: must be an object"),
        (export_of({"moods": []}), "is not a kind of entry"),
        (export_of({"mood": {}}), "entries: mood: must be a list"),
        (export_of({"mood": [mood | {"colour": "blue"}]}), '"colour": is not a field'),
        (export_of({"mood": [{k: v for k, v in mood.items() if k != "energy"}]}),
         "energy: is missing"),
        (export_of({"mood": [mood, mood]}), "mood[1]: id: is used by an earlier entry"),
        (export_of({"mood": ["not an object"]}), "mood[0]: entry: must be an object"),
        ([1, 2, 3], "not a ketajournal JSON export"),
    ]
    for document, message in cases:
        path.write_text(json.dumps(document), encoding="utf-8")
        assert message in str(rejected(journal, path)), message
    path.write_text("[" * 100_000, encoding="utf-8")
    assert "nested too deeply" in str(rejected(journal, path))
    path.write_text('{"format": ', encoding="utf-8")
    assert "export.json line 1: is not valid JSON" in str(rejected(journal, path))
    # Found by the deep fuzz profile: json keeps the last of two equal keys silently, and
    # a number of 5,000 digits was refused as "not an export" without saying why.
    text = json.dumps(export_of({"mood": [mood]}))
    path.write_text(text.replace('"mood": 5', '"mood": 5, "mood": 9'), encoding="utf-8")
    assert str(rejected(journal, path)) == (
        'export.json: "mood": appears twice in one object, so which value is meant is '
        "unknown (an export writes every key once). Nothing was imported.")
    path.write_text(text.replace('"mood": 5', '"mood": ' + "9" * 5000), encoding="utf-8")
    assert "holds a number with thousands of digits" in str(rejected(journal, path))


def test_session_and_assessment_json_fields_are_checked(journal: Journal, tmp_path: Path) -> None:
    session = {"id": 1, "at": to_iso(T0), "day": "2026-11-20", "note": "", "route": "iv",
               "phase": "booster", "dose_mg": 35.0, "weight_kg": None, "clinic": "",
               "dissociation": None, "bp_before": None, "bp_after": None}
    assessment = {"id": 1, "at": to_iso(T0), "day": "2026-11-20", "note": "",
                  "instrument_id": "phq9", "answers": [0] * 9, "difficulty": None,
                  "safety_acknowledged_at": None}
    path = tmp_path / "export.json"
    cases: list[tuple[str, dict[str, Any], str]] = [
        ("session", session | {"route": ["iv"]}, "route: must be one of"),
        ("session", session | {"bp_before": [120, 80]}, "bp_before: must be"),
        ("session", session | {"bp_before": {"systolic": 80, "diastolic": 120}},
         "bp_before: systolic must be higher"),
        ("session", session | {"bp_after": {"systolic": "120", "diastolic": 80}},
         "bp_after systolic: must be a whole number"),
        ("assessment", assessment | {"instrument_id": ["phq9"]}, "instrument: must be one of"),
        ("assessment", assessment | {"instrument_id": "bdi2"}, "instrument: must be one of"),
        ("assessment", assessment | {"answers": [0] * 8}, "needs exactly 9 answers"),
        ("assessment", assessment | {"answers": [[0]] * 9}, "answers item 1: must be"),
        ("assessment", assessment | {"answers": "000000000"}, "answers: must be a list"),
        ("assessment", assessment | {"difficulty": {"a": 1}}, "difficulty: must be"),
        ("assessment", assessment | {"safety_acknowledged_at": "yesterday"},
         "safety_acknowledged_at: must be an ISO 8601"),
    ]
    for kind, item, message in cases:
        path.write_text(json.dumps(export_of({kind: [item]})), encoding="utf-8")
        assert message in str(rejected(journal, path)), message


def test_csv_structure_problems_are_named(journal: Journal, tmp_path: Path) -> None:
    # A file from before global ids (schema 5): its columns end with the note.
    columns = [c for c in csv_export.COLUMNS["mood"] if c not in csv_export.GLOBAL_ID_COLUMNS]
    good = ["1", to_iso(T0), "2026-11-20", "5", "", "", "", ""]
    path = tmp_path / "mood.csv"
    cases: list[tuple[list[str], list[list[str]], str]] = [
        (columns[:-1], [good[:-1]], "mood.csv line 1: missing column(s): note"),
        ([*columns, "colour"], [[*good, "blue"]], 'unknown column(s): "colour"'),
        ([*columns, "note"], [[*good, ""]], "names a column twice"),
        (columns, [good[:-2]], "mood.csv line 2: has 6 cells where the header has 8"),
        (columns, [good, good], "mood.csv line 3: id: is used by an earlier entry"),
        (columns, [[*good[:1], "2026-11-20T09:00:00", *good[2:]]], "at: has no UTC offset"),
        (columns, [[*good[:3], "five", *good[4:]]], "mood.csv line 2: mood: must be a whole"),
    ]
    for header, rows, message in cases:
        write_rows(path, header, rows)
        assert message in str(rejected(journal, path)), message
    path.write_text('id,at\r\n"1,2\r\n', encoding="utf-8")
    assert "is not valid CSV" in str(rejected(journal, path))
    path.write_text("", encoding="utf-8")
    assert "the header row is missing" in str(rejected(journal, path))
    other = tmp_path / "renamed.csv"
    write_rows(other, ["a", "b"], [["1", "2"]])
    assert "its columns match no kind" in str(rejected(journal, other))


def test_a_file_that_is_not_utf8_is_refused_with_a_clear_message(
    journal: Journal, tmp_path: Path
) -> None:
    path = tmp_path / "mood.csv"
    header = ",".join(csv_export.COLUMNS["mood"])
    text = f"{header}\r\n1,{to_iso(T0)},2026-11-20,5,,,,Café,\r\n"
    path.write_bytes(text.encode("latin-1"))
    error = rejected(journal, path)
    assert str(error).startswith("mood.csv line 2: is not UTF-8 text")
    path.write_bytes(text.encode("utf-16"))
    assert "is not UTF-8 text" in str(rejected(journal, path))
    # A byte-order mark (Excel's "CSV UTF-8") is fine.
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert exchange.import_path(journal, path).added["mood"] == 1


def test_missing_sources_are_refused(journal: Journal, tmp_path: Path) -> None:
    assert "does not exist" in str(rejected(journal, tmp_path / "nothing.json"))
    (tmp_path / "empty").mkdir()
    assert "holds none of the files" in str(rejected(journal, tmp_path / "empty"))


def test_a_file_far_larger_than_any_export_is_refused_unread(
    journal: Journal, tmp_path: Path
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(import_reading.MAX_JSON_IMPORT_BYTES + 1)  # sparse: costs no disk
    assert "is larger than 512 MB" in str(rejected(journal, path))


def test_a_pipe_is_read_only_up_to_the_cap(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_reading, "MAX_JSON_IMPORT_BYTES", 1024 * 1024)
    feeder = fed_fifo(tmp_path / "pipe.json", 4 * 1024 * 1024)
    assert "is larger than 1 MB" in str(rejected(journal, tmp_path / "pipe.json"))
    assert feeder.finish() < 2 * 1024 * 1024  # read stopped at the cap, not at the end


def test_nesting_deeper_than_any_export_is_refused_before_parsing(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "export.json"
    deep: object = []
    for _ in range(import_reading.MAX_JSON_DEPTH):
        deep = [deep]
    path.write_text(json.dumps(export_of({"mood": deep})), encoding="utf-8")
    parsed: list[str] = []
    monkeypatch.setattr(import_reading.json, "loads", lambda text, **_: parsed.append(text))
    assert "nested too deeply" in str(rejected(journal, path))
    assert parsed == []  # refused before json.loads built anything


def test_brackets_inside_strings_do_not_count_as_nesting(
    journal: Journal, tmp_path: Path
) -> None:
    path = tmp_path / "export.json"
    note = '[{"\\"' * 40 + "]}" * 40
    mood = {"id": 1, "at": to_iso(T0), "day": "2026-11-20", "note": note, "mood": 5,
            "anxiety": None, "energy": None, "sleep_hours": None}
    path.write_text(json.dumps(export_of({"mood": [mood]})), encoding="utf-8")
    assert exchange.import_path(journal, path).added["mood"] == 1


def test_a_flat_file_of_tiny_values_is_refused_at_the_first_without_building_the_rest(
    journal: Journal, tmp_path: Path
) -> None:
    """64 MB of ``{}`` once took 1.7 GB as one document: entries are read one at a time."""
    path = tmp_path / "export.json"
    head = json.dumps(export_of({"mood": []}))[:-3]  # ... "mood": [
    path.write_text(head + ",".join(["{}"] * 1_000_000) + "]}}", encoding="utf-8")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        message = str(rejected(journal, path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "mood[0]: id: is missing" in message
    assert peak < 4 * size  # the text and a pass over it, not millions of objects


def test_a_million_entry_export_fits_the_json_cap(journal: Journal, tmp_path: Path) -> None:
    """Our own export must import back: a million entries, at the bytes an entry takes in
    a real export (the demo patient's), with room to spare."""
    data = demo.generate(journal.now(), days=365)
    journal.log_all(data.entries, data.session_of)
    path = tmp_path / "export.json"
    counts = journal.export_json(path)
    per_entry = path.stat().st_size / sum(counts.values())
    assert 1_000_000 * per_entry * 1.5 < import_reading.MAX_JSON_IMPORT_BYTES
    assert len(import_reading.read_json(path)[0]) == sum(counts.values())
