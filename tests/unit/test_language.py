"""The core's language: one choice (setting, variable, system, English) and gettext's
catalogues with plural forms and contexts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketajournal import language


@pytest.mark.parametrize(("setting", "environ", "system", "expected"), [
    ("de", {"LANG": "es_ES.UTF-8"}, None, "de"),  # the journal's setting first
    ("system", {"KETAJOURNAL_LANGUAGE": "es", "LANG": "de_DE"}, None, "es"),
    (None, {"LANG": "de_AT.UTF-8"}, None, "de"),
    (None, {"LANGUAGE": "fr:es", "LANG": "de_DE"}, None, "es"),  # gettext's list, in order
    (None, {"LC_ALL": "C.UTF-8", "LANG": "de_DE"}, None, "en"),  # the first one set decides
    (None, {"LC_MESSAGES": "es_MX", "LANG": "de_DE"}, None, "es"),
    (None, {}, "de_CH", "de"),  # Windows and macOS: Qt's locale name
    (None, {"LANG": "fr_FR"}, None, "en"),  # not shipped: English
    ("klingon", {}, None, "en"),
])
def test_the_language_is_the_setting_then_the_variable_then_the_system(
        setting: str | None, environ: dict[str, str], system: str | None, expected: str) -> None:
    assert language.choose(setting, environ, system) == expected


def test_german_speaks_through_its_catalogue_with_plurals_and_contexts() -> None:
    language.use("de")
    assert language.current() == "de"
    assert language.gettext("Side effects") == "Nebenwirkungen"
    assert language.ngettext("{n} report", "{n} reports", 1) == "{n} Meldung"
    assert language.ngettext("{n} report", "{n} reports", 3) == "{n} Meldungen"
    assert language.pgettext("severity", "moderate") == "mittelgradig"
    assert language.pgettext("verdict", "no") == "nein"


def test_spanish_has_its_three_plural_forms() -> None:
    language.use("es")
    assert language.ngettext("{n} report", "{n} reports", 1) == "{n} registro"
    assert language.ngettext("{n} report", "{n} reports", 2) == "{n} registros"
    assert language.ngettext("{n} report", "{n} reports", 1_000_000) == "{n} registros"


def test_english_and_an_unknown_text_are_the_source() -> None:
    language.use("de")
    assert language.gettext("A text nobody marked") == "A text nobody marked"
    language.use("en")
    assert language.gettext("Side effects") == "Side effects"
    assert language.npgettext("x", "{n} day", "{n} days", 2) == "{n} days"


def test_marks_return_the_text_untranslated() -> None:
    language.use("de")
    assert language.N_("Side effects") == "Side effects"
    assert language.NP_("severity", "moderate") == "moderate"


def test_a_missing_catalogue_falls_back_to_english(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setattr(language, "catalogue_path", lambda lang: tmp_path / "absent.mo")
    language.use("de")
    assert language.gettext("Side effects") == "Side effects"


def test_language_of_reads_locale_names() -> None:
    assert language.language_of("de_DE.UTF-8@euro") == "de"
    assert language.language_of("es-MX") == "es"
    assert language.language_of("POSIX") is None
    assert language.language_of("") is None
