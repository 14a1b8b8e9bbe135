"""Tags and factors through the JSON and CSV exports and back: lossless, all or nothing."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.domain.tags import FactorKind
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import exchange
from ketajournal.services.imports.common import ImportRejectedError
from ketajournal.services.journal import FACTOR_CHANGE, TAG_CHANGE, Journal
from ketajournal.services.opening import open_journal
from tests.support.clock import NOW, FixedClock


def d(month: int, day: int) -> date:
    return date(2026, month, day)


@pytest.fixture
def source(journal: Journal) -> Journal:
    """Three moods (two tagged), alcohol yes/no on two days, exercise 0-10 on one."""
    first = journal.log(MoodEntry(at=NOW - timedelta(days=2), mood=4))[0].id or 0
    second = journal.log(MoodEntry(at=NOW - timedelta(days=1), mood=6))[0].id or 0
    journal.log(MoodEntry(at=NOW, mood=7))
    journal.set_tags(first, ["walk", "Family"])
    journal.set_tags(second, ["=work"])  # formula-looking: escaped in CSV, read back as typed
    journal.define_factor("Alcohol", FactorKind.YESNO)
    journal.define_factor("Exercise", FactorKind.SCALE)
    journal.set_factor_value("Alcohol", d(11, 25), 1)
    journal.set_factor_value("Alcohol", d(11, 26), 0)
    journal.set_factor_value("Exercise", d(11, 26), 7)
    return journal


@pytest.fixture
def other(tmp_path: Path, clock: FixedClock) -> Journal:
    journal = open_journal(JournalPaths(tmp_path / "other"), KeyringKeyStore(), clock=clock)
    yield journal
    journal.close()


def tags_and_factors(journal: Journal) -> tuple[object, ...]:
    moods = journal.moods()
    tags = journal.tags_of(m.id for m in moods if m.id is not None)
    by_id = {f.id: f.name for f in journal.factor_definitions()}
    return (
        sorted((m.mood, tags.get(m.id or 0, ())) for m in moods),
        [(f.name, f.kind) for f in journal.factor_definitions()],
        {by_id[k]: v for k, v in journal.factor_values().items()},
    )


EXPECTED = (
    [(4, ("Family", "walk")), (6, ("=work",)), (7, ())],
    [("Alcohol", FactorKind.YESNO), ("Exercise", FactorKind.SCALE)],
    {"Alcohol": {d(11, 25): 1, d(11, 26): 0}, "Exercise": {d(11, 26): 7}},
)


@pytest.mark.parametrize("form", ["json", "csv"])
def test_tags_and_factors_round_trip(
    source: Journal, other: Journal, tmp_path: Path, form: str
) -> None:
    target = tmp_path / ("export.json" if form == "json" else "folder")
    if form == "json":
        source.export_json(target)
    else:
        exchange.export_csv(source, target)
    assert tags_and_factors(source) == EXPECTED
    result = exchange.import_path(other, target)
    assert tags_and_factors(other) == EXPECTED
    assert (result.factors_added, result.factor_values_added, result.factor_values_skipped) == (
        2, 3, 0)
    assert {TAG_CHANGE, FACTOR_CHANGE} <= result.change.kinds
    # Again: everything is a duplicate, counted, nothing changes.
    again = exchange.import_path(other, target)
    assert (again.total_added, again.factor_values_added, again.factor_values_skipped) == (0, 0, 3)
    assert again.backup is None
    assert tags_and_factors(other) == EXPECTED


def test_the_json_export_writes_tags_per_mood_and_factors_with_values(
    source: Journal,
) -> None:
    document = source.export_document()
    assert [m["tags"] for m in document["entries"]["mood"]] == [["Family", "walk"], ["=work"], []]
    assert document["factors"] == [
        {"id": 1, "name": "Alcohol", "kind": "yesno", "values": [
            {"day": "2026-11-25", "value": 1}, {"day": "2026-11-26", "value": 0}]},
        {"id": 2, "name": "Exercise", "kind": "scale", "values": [
            {"day": "2026-11-26", "value": 7}]},
    ]


def test_the_csv_folder_writes_tag_and_factor_files(source: Journal, tmp_path: Path) -> None:
    exchange.export_csv(source, tmp_path / "f")
    read = lambda name: (tmp_path / "f" / name).read_bytes().decode()  # noqa: E731
    assert read("mood_tag.csv") == "mood_id,tag\r\n1,Family\r\n1,walk\r\n2,'=work\r\n"
    assert read("factor.csv") == "id,name,kind\r\n1,Alcohol,yesno\r\n2,Exercise,scale\r\n"
    assert read("factor_value.csv") == (
        "factor_id,day,value\r\n1,2026-11-25,yes\r\n1,2026-11-26,no\r\n2,2026-11-26,7\r\n")


def test_an_export_without_tags_and_factors_still_imports(
    source: Journal, other: Journal, tmp_path: Path
) -> None:
    document = source.export_document()
    del document["factors"]
    for mood in document["entries"]["mood"]:
        del mood["tags"]
    (tmp_path / "old.json").write_text(json.dumps(document), encoding="utf-8")
    result = exchange.import_path(other, tmp_path / "old.json")
    assert result.added["mood"] == 3
    assert other.factor_definitions() == []
    exchange.export_csv(source, tmp_path / "folder")
    for name in ("mood_tag.csv", "factor.csv", "factor_value.csv"):
        (tmp_path / "folder" / name).unlink()
    exchange.import_path(other, tmp_path / "folder")
    assert other.tags_of(m.id for m in other.moods() if m.id) == {}


def test_factor_values_merge_into_a_factor_of_the_same_name(
    source: Journal, other: Journal, tmp_path: Path
) -> None:
    source.export_json(tmp_path / "export.json")
    other.define_factor("alcohol", FactorKind.YESNO)  # same factor, another spelling
    other.set_factor_value("alcohol", d(11, 25), 1)  # already held: skipped
    other.set_factor_value("alcohol", d(11, 20), 0)  # kept
    result = exchange.import_path(other, tmp_path / "export.json")
    assert (result.factors_added, result.factor_values_added, result.factor_values_skipped) == (
        1, 2, 1)
    values = other.factor_values()
    (alcohol,) = [f for f in other.factor_definitions() if f.key == "alcohol"]
    assert alcohol.name == "alcohol"
    assert values[alcohol.id or 0] == {d(11, 20): 0, d(11, 25): 1, d(11, 26): 0}


def test_a_different_value_for_a_day_refuses_the_whole_import(
    source: Journal, other: Journal, tmp_path: Path
) -> None:
    source.export_json(tmp_path / "export.json")
    other.define_factor("Exercise", FactorKind.SCALE)
    other.set_factor_value("Exercise", d(11, 26), 3)
    with pytest.raises(ImportRejectedError) as info:
        exchange.import_path(other, tmp_path / "export.json")
    assert str(info.value).startswith("export.json: factors[1]: value: on 2026-11-26 differs")
    assert "7" not in str(info.value) and "3" not in str(info.value).split("2026-11-26")[1]
    assert other.moods() == [] and len(other.factor_definitions()) == 1


def test_a_factor_rated_another_way_refuses_the_import(
    source: Journal, other: Journal, tmp_path: Path
) -> None:
    exchange.export_csv(source, tmp_path / "folder")
    other.define_factor("ALCOHOL", FactorKind.SCALE)
    with pytest.raises(ImportRejectedError) as info:
        exchange.import_path(other, tmp_path / "folder")
    assert str(info.value).startswith("factor.csv line 2: kind: differs")
    assert other.moods() == []


def test_a_tag_of_a_mood_not_in_the_folder_refuses_the_import(
    source: Journal, other: Journal, tmp_path: Path
) -> None:
    exchange.export_csv(source, tmp_path / "folder")
    with (tmp_path / "folder" / "mood_tag.csv").open("a", encoding="utf-8", newline="") as f:
        f.write("9,sleep\r\n")
    with pytest.raises(ImportRejectedError) as info:
        exchange.import_path(other, tmp_path / "folder")
    assert "mood_tag.csv: mood_id: must be the id of a row of mood.csv" in str(info.value)
    assert other.moods() == []


def test_factor_files_go_together(source: Journal, other: Journal, tmp_path: Path) -> None:
    exchange.export_csv(source, tmp_path / "folder")
    (tmp_path / "folder" / "factor_value.csv").unlink()
    with pytest.raises(ImportRejectedError, match=r"factor_value\.csv: is missing"):
        exchange.import_path(other, tmp_path / "folder")


def test_a_bad_factor_value_is_refused_at_its_line(
    source: Journal, other: Journal, tmp_path: Path
) -> None:
    exchange.export_csv(source, tmp_path / "folder")
    path = tmp_path / "folder" / "factor_value.csv"
    path.write_bytes(path.read_bytes().replace(b",7\r\n", b",11\r\n"))
    with pytest.raises(ImportRejectedError) as info:
        exchange.import_path(other, tmp_path / "folder")
    assert str(info.value).startswith("factor_value.csv line 4: value: must be a whole number")
    assert other.moods() == []


def test_a_duplicate_mood_is_skipped_with_its_tags(
    source: Journal, other: Journal, tmp_path: Path
) -> None:
    other.log(MoodEntry(at=NOW - timedelta(days=2), mood=4))  # equal to the tagged first one
    source.export_json(tmp_path / "export.json")
    result = exchange.import_path(other, tmp_path / "export.json")
    assert result.skipped["mood"] == 1 and result.added["mood"] == 2
    tags = other.tags_of(m.id for m in other.moods() if m.id)
    assert sorted(tags.values()) == [("=work",)]


def test_too_many_factors_refuse_the_import(
    source: Journal, other: Journal, tmp_path: Path
) -> None:
    for index in range(9):
        other.define_factor(f"factor {index}", FactorKind.YESNO)
    source.export_json(tmp_path / "export.json")
    with pytest.raises(ImportRejectedError, match="at most 10 factors"):
        exchange.import_path(other, tmp_path / "export.json")
    assert other.moods() == []


def test_a_factor_value_in_the_future_refuses_the_import(
    source: Journal, other: Journal, tmp_path: Path
) -> None:
    document = source.export_document()
    document["factors"][0]["values"].append({"day": "2026-12-30", "value": 1})
    (tmp_path / "e.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportRejectedError, match=r"e.json: factors\[0\]: day: must not be in"):
        exchange.import_path(other, tmp_path / "e.json")
