"""The crisis text: privacy notice, resources by country or the user's own, a closing line."""

from __future__ import annotations

from ketajournal.domain.safety import CLOSING, CRISIS_RESOURCES, PRIVATE_NOTICE, crisis_text


def test_the_text_says_nobody_is_monitoring_and_lists_the_countrys_resources() -> None:
    text = crisis_text("international")
    lines = text.splitlines()
    assert lines[0] == PRIVATE_NOTICE and "nobody" in PRIVATE_NOTICE
    assert lines[-1] == CLOSING
    assert lines[1:-1] == [f"• {line}" for line in CRISIS_RESOURCES["international"]]


def test_an_unknown_country_falls_back_to_the_international_list() -> None:
    assert crisis_text("xx") == crisis_text("international")


def test_custom_text_replaces_the_resources_and_an_emergency_line_is_always_there() -> None:
    text = crisis_text("international", "  My therapist: 0123 456\n\n  ")
    assert "• My therapist: 0123 456" in text
    assert "988" not in text
    assert "• Anywhere: call your local emergency number" in text
    assert crisis_text("international", "   ") == crisis_text("international")
