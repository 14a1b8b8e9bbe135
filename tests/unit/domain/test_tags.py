"""Tags and the patient's own factors: cleaning, ranges, and messages that name the field."""

from __future__ import annotations

import pytest

from ketajournal.domain import tags
from ketajournal.domain.tags import FactorDefinition, FactorKind
from ketajournal.domain.validation import ValidationError
from ketajournal.errors import KnownError


def test_a_tag_is_trimmed_and_checked() -> None:
    assert tags.clean_tag("t", "  good   sleep ") == "good sleep"
    with pytest.raises(KnownError):
        tags.clean_tag("t", "x" * (tags.MAX_TAG_CHARS + 1))
    with pytest.raises(KnownError):
        tags.clean_tag("t", "bell\x07")


def test_tags_of_an_entry_are_kept_once_ignoring_case_empties_dropped() -> None:
    assert tags.check_tags("tags", ["Walk", " walk ", "", "Friends", "WALK"]) == (
        "Walk", "Friends",
    )


def test_too_many_tags_on_one_entry_are_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as error:
        tags.check_tags("tags", [f"t{i}" for i in range(tags.MAX_TAGS_PER_ENTRY + 1)])
    assert str(error.value) == "tags: must be at most 50 tags on one entry"


def test_a_factor_name_is_trimmed_and_must_not_be_empty_or_too_long() -> None:
    assert FactorDefinition("  Alcohol  ", FactorKind.YESNO).name == "Alcohol"
    assert FactorDefinition("Alcohol", FactorKind.YESNO).key == "alcohol"
    with pytest.raises(ValidationError, match=r"^name: must not be empty$"):
        FactorDefinition("   ", FactorKind.YESNO)
    with pytest.raises(ValidationError, match=r"^name: must be at most 60 characters$"):
        FactorDefinition("x" * 61, FactorKind.SCALE)


def test_a_factor_kind_is_yesno_or_scale() -> None:
    assert FactorDefinition("Exercise", "scale").kind is FactorKind.SCALE  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^kind: must be yesno or scale$"):
        tags.factor_kind("kind", "often")


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        (FactorKind.YESNO, "yes", 1), (FactorKind.YESNO, " No ", 0), (FactorKind.YESNO, "1", 1),
        (FactorKind.SCALE, "0", 0), (FactorKind.SCALE, "10", 10), (FactorKind.SCALE, " 7", 7),
    ],
)
def test_typed_factor_values_are_read(kind: FactorKind, text: str, value: int) -> None:
    assert tags.parse_factor_value("value", kind, text) == value


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        (FactorKind.YESNO, "maybe", "value: must be yes or no"),
        (FactorKind.SCALE, "11", "value: must be a whole number from 0 to 10"),
        (FactorKind.SCALE, "-1", "value: must be a whole number from 0 to 10"),
        (FactorKind.SCALE, "7.5", "value: must be a whole number from 0 to 10"),
    ],
)
def test_bad_factor_values_name_the_field_and_range(
    kind: FactorKind, text: str, message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        tags.parse_factor_value("value", kind, text)
    assert str(error.value) == message


def test_stored_values_are_checked_by_kind() -> None:
    assert tags.check_factor_value("value", FactorKind.SCALE, 10) == 10
    with pytest.raises(ValidationError):
        tags.check_factor_value("value", FactorKind.YESNO, 2)
    with pytest.raises(ValidationError):
        tags.check_factor_value("value", FactorKind.SCALE, True)
    assert tags.value_text(FactorKind.YESNO, 1) == "yes"
    assert tags.value_text(FactorKind.SCALE, 3) == "3"
