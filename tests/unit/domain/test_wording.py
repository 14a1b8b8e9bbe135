"""The one pluralisation helper: counts, lists and spans as the screens and the PDF say them."""

from __future__ import annotations

import pytest

from ketajournal.domain.wording import and_list, count_of, number, plural_of, span


@pytest.mark.parametrize(
    ("value", "noun", "expected"),
    [
        (1, "day", "1 day"),
        (1.0, "day", "1 day"),  # never "1.0 days"
        (0, "day", "0 days"),
        (2, "day", "2 days"),
        (1.5, "day", "1.5 days"),
        (2, "PHQ-9", "2 PHQ-9s"),
        (3, "category", "3 categories"),
        (2, "day", "2 days"),
        (1, "booster cycle", "1 booster cycle"),
        (4, "rise", "4 rises"),
        (2, "mouse", "2 mice"),
    ],
)
def test_count_of(value: float, noun: str, expected: str) -> None:
    plural = "mice" if noun == "mouse" else None
    assert count_of(value, noun, plural) == expected


def test_numbers_lists_and_spans() -> None:
    assert number(35.0) == "35" and number(2.5) == "2.5"
    assert plural_of("box") == "boxes" and plural_of("day") == "days"
    assert and_list([]) == "" and and_list(["10"]) == "10"
    assert and_list(["10", "12"]) == "10 and 12"
    assert and_list(["10", "12", "10"]) == "10, 12 and 10"
    assert span(35, 35, "mg") == "35 mg"  # never "between 35 and 35 mg"
    assert span(35, 42, "mg") == "35–42 mg"


def test_counted_list_counts_only_when_there_are_several() -> None:
    from ketajournal.domain.wording import counted_list

    assert counted_list(["a"], "change") == "a"
    assert counted_list(["a", "b"], "change") == "2 changes: a; b"
