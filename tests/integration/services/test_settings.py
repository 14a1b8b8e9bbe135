"""Typed settings in the journal: declared defaults, validated writes, all-or-nothing batches."""

from __future__ import annotations

import pytest

from ketajournal.domain.validation import ValidationError
from ketajournal.services.journal import Journal
from ketajournal.services.settings import SETTINGS, Settings


def test_an_unset_setting_reads_as_its_declared_default(journal: Journal) -> None:
    settings = Settings(journal)
    for key, setting in SETTINGS.items():
        assert settings.get(key) == setting.default, key
    assert settings.get("security.auto_lock_minutes") == 15


def test_a_valid_value_is_stored_and_survives_in_the_journal(journal: Journal) -> None:
    settings = Settings(journal)
    assert settings.set("clinical.questionnaire_interval_days", 28) == 28
    assert Settings(journal).get("clinical.questionnaire_interval_days") == 28
    assert journal.setting("clinical.questionnaire_interval_days") == 28


def test_an_invalid_value_or_key_is_refused_by_name_and_nothing_is_stored(
    journal: Journal,
) -> None:
    settings = Settings(journal)
    with pytest.raises(ValidationError) as caught:
        settings.set("security.auto_lock_minutes", -1)
    assert "security.auto_lock_minutes" in str(caught.value)
    with pytest.raises(ValidationError, match="must be one of"):
        settings.get("no.such.setting")
    with pytest.raises(ValidationError):
        settings.set_many(
            {"security.auto_lock_minutes": 5, "clinical.questionnaire_interval_days": 0}
        )
    assert settings.get("security.auto_lock_minutes") == 15  # the valid half was not stored
    settings.set_many({"security.auto_lock_minutes": 5, "safety.crisis_text": "Call Sam"})
    assert (settings.get("security.auto_lock_minutes"), settings.get("safety.crisis_text")) == (
        5, "Call Sam",
    )


def test_the_colour_scheme_is_system_light_or_dark(journal: Journal) -> None:
    settings = Settings(journal)
    assert settings.get("appearance.color_scheme") == "system"
    assert settings.set("appearance.color_scheme", "dark") == "dark"
    with pytest.raises(ValidationError) as caught:
        settings.set("appearance.color_scheme", "sepia")
    assert str(caught.value).endswith("must be one of: system, light, dark")
    assert "appearance.color_scheme" in str(caught.value)
    assert settings.get("appearance.color_scheme") == "dark"


def test_the_pdf_paper_is_auto_a4_or_letter(journal: Journal) -> None:
    from ketajournal.domain import locales
    from ketajournal.services.reports import report_paper

    settings = Settings(journal)
    assert settings.get("report.paper") == "auto"
    try:
        locales.use("en_CA")
        assert report_paper(journal) == "letter"  # auto: from the locale
        locales.use("es_ES")
        assert report_paper(journal) == "a4"
        settings.set("report.paper", "letter")
        assert report_paper(journal) == "letter"
        assert report_paper(journal, "a4") == "a4"  # --paper wins
    finally:
        locales.use(None)
    with pytest.raises(ValidationError, match="must be one of: auto, a4, letter"):
        settings.set("report.paper", "a5")


def test_the_language_is_one_the_window_speaks(journal: Journal) -> None:
    settings = Settings(journal)
    assert settings.get("ui.language") == "system"
    settings.set("ui.language", "de")
    assert settings.get("ui.language") == "de"
    with pytest.raises(ValidationError, match=r"ui\.language.*system, en, de, es"):
        settings.set("ui.language", "fr")
