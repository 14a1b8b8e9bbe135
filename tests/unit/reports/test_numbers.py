"""How the report writes numbers."""

from __future__ import annotations

from ketajournal.reports.numbers import (
    format_dose,
    format_mood,
    format_percent,
    format_signed,
    yes_no,
)


def test_means_have_one_decimal() -> None:
    assert format_mood(6.25) == "6.2"
    assert format_mood(7) == "7.0"


def test_differences_carry_a_sign_and_a_true_minus() -> None:
    assert format_signed(3.06) == "+3.1"
    assert format_signed(-0.44) == "−0.4"
    assert format_signed(-0.04) == "+0.0"  # rounds to zero: no minus before 0.0
    assert format_percent(-47.2) == "−47 %"
    assert format_percent(12.6) == "+13 %"


def test_doses_and_yes_no() -> None:
    assert format_dose(36.0) == "36 mg"
    assert format_dose(0.5) == "0.5 mg"
    assert format_dose(None) == "dose not logged"
    assert [yes_no(True), yes_no(False), yes_no(None)] == ["yes", "no", "undefined"]
