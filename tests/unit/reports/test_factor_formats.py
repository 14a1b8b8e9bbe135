"""Tags and factors as the exports write them, read back and checked (pure codecs)."""

from __future__ import annotations

from datetime import date

import pytest

from ketajournal.domain.tags import FactorDefinition, FactorKind
from ketajournal.domain.validation import ValidationError
from ketajournal.reports.factor_formats import (
    ExportedFactor,
    factor_from_json,
    factor_to_json,
    factors_from_csv,
    tags_from_csv,
    tags_from_json,
)
from ketajournal.reports.medication_formats import LocatedError

ALCOHOL = ExportedFactor(FactorDefinition("Alcohol", FactorKind.YESNO, 3),
                         ((date(2026, 1, 1), 1), (date(2026, 1, 2), 0)))


def test_a_factor_round_trips_through_json() -> None:
    data = factor_to_json(ALCOHOL)
    assert data == {"id": 3, "name": "Alcohol", "kind": "yesno", "values": [
        {"day": "2026-01-01", "value": 1}, {"day": "2026-01-02", "value": 0}]}
    assert factor_from_json(data) == ALCOHOL


@pytest.mark.parametrize(("change", "field"), [
    ({"kind": "often"}, "kind"),
    ({"name": " "}, "name"),
    ({"name": 5}, "name"),
    ({"id": 0}, "id"),
    ({"values": [{"day": "2026-01-01", "value": 2}]}, "value"),
    ({"values": [{"day": "2026-01-02", "value": 1}, {"day": "2026-01-01", "value": 1}]}, "day"),
    ({"values": [{"day": "2026-01-01", "value": 1}, {"day": "2026-01-01", "value": 1}]}, "day"),
    ({"values": [{"day": "1 Jan", "value": 1}]}, "day"),
    ({"values": [{"day": "2026-01-01"}]}, "value"),
    ({"values": {}}, "values"),
    ({"colour": "red"}, "factor"),
])
def test_a_bad_factor_is_refused_naming_the_field(change: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        factor_from_json(factor_to_json(ALCOHOL) | change)
    assert info.value.field == field


def test_json_tags_are_checked_as_typed_tags() -> None:
    assert tags_from_json([" long  walk ", "Walk", "walk"]) == ("long walk", "Walk")
    with pytest.raises(ValidationError, match="tags"):
        tags_from_json("walk")
    with pytest.raises(ValidationError, match="tags"):
        tags_from_json([1])


def test_csv_rows_build_tags_and_factors_with_their_locations() -> None:
    tags = tags_from_csv([("t line 2", {"mood_id": "4", "tag": "'=x"}),
                          ("t line 3", {"mood_id": "4", "tag": "run"})])
    assert tags == {4: ("=x", "run")}
    found = factors_from_csv(
        [("f line 2", {"id": "3", "name": "Alcohol", "kind": "yesno"})],
        [("v line 2", {"factor_id": "3", "day": "2026-01-01", "value": "yes"}),
         ("v line 3", {"factor_id": "3", "day": "2026-01-02", "value": "no"})],
    )
    assert found == [("f line 2", ALCOHOL)]


def test_a_csv_value_of_a_factor_not_in_the_file_is_refused() -> None:
    with pytest.raises(LocatedError) as info:
        factors_from_csv([], [("v line 2", {"factor_id": "3", "day": "2026-01-01",
                                            "value": "yes"})])
    assert (info.value.location, info.value.field) == ("factor_value.csv", "factor_id")


def test_a_bad_csv_value_is_refused_at_its_own_line() -> None:
    with pytest.raises(LocatedError) as info:
        factors_from_csv(
            [("f line 2", {"id": "3", "name": "Mood", "kind": "scale"})],
            [("v line 5", {"factor_id": "3", "day": "2026-01-01", "value": "yes"})])
    assert (info.value.location, info.value.field) == ("v line 5", "value")
