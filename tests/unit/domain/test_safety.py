"""The crisis lists: ISO 3166 codes, no stray English line, a source for every number."""

from __future__ import annotations

import re

from ketajournal.domain.safety import (
    CLOSING,
    COUNTRY_NAMES,
    CRISIS_RESOURCES,
    PRIVATE_NOTICE,
    country_code,
    crisis_text,
)


def test_codes_are_iso_3166_and_named() -> None:
    codes = set(CRISIS_RESOURCES) - {"international"}
    assert codes == {"US", "GB", "IE", "CA", "AU", "NZ", "DE", "EU"}
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes)
    assert "UK" not in CRISIS_RESOURCES and set(COUNTRY_NAMES) == set(CRISIS_RESOURCES)


def test_every_line_has_a_source_and_every_list_an_emergency_line() -> None:
    for lines in CRISIS_RESOURCES.values():
        assert sum(line.emergency for line in lines) == 1
        for line in lines:
            assert line.source.startswith("https://") or line.source.startswith("no number")


def test_the_german_list_prints_no_extra_english_line() -> None:
    text = crisis_text("DE")
    lines = text.splitlines()
    assert lines == [
        PRIVATE_NOTICE,
        "• TelefonSeelsorge: 0800 111 0 111, 0800 111 0 222 oder 116 123",
        "• Im Notfall: 112",
        CLOSING,
    ]


def test_secondary_lines_and_the_eu_number() -> None:
    assert "0477 13 11 14" in crisis_text("AU")
    assert "Pieta on 1800 247 247" in crisis_text("IE")
    assert "116 123" in crisis_text("DE")
    assert "112" in crisis_text("EU") and "112" in crisis_text("international")


def test_a_setting_stored_as_uk_still_shows_the_uk_list() -> None:
    assert country_code("UK") == "GB" and country_code("DE") == "DE"
    assert crisis_text("UK") == crisis_text("GB")
    assert "Samaritans on 116 123" in crisis_text("UK") and "988" not in crisis_text("UK")


def test_an_unknown_country_falls_back_to_the_international_list() -> None:
    assert crisis_text("xx") == crisis_text("international")


def test_custom_text_replaces_the_resources_and_an_emergency_line_is_always_there() -> None:
    text = crisis_text("international", "  My therapist: 0123 456\n\n  ")
    assert "• My therapist: 0123 456" in text
    assert "988" not in text
    assert "• Anywhere: call your local emergency number" in text
    assert crisis_text("international", "   ") == crisis_text("international")
