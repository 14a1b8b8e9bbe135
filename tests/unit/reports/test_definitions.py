"""Page 1's definitions are said in the language of the moment they are asked for."""

from __future__ import annotations

from ketajournal import language
from ketajournal.domain.instruments import PFIZER_LICENCE
from ketajournal.reports import definitions


def test_the_definitions_follow_the_language_and_keep_their_numbers() -> None:
    assert "severity ≥ 7" in definitions.side_effect_definition()
    language.use("de")
    assert "ab Stärke 7" in definitions.side_effect_definition()
    assert definitions.sessions_definition().startswith("Induktion:")
    assert definitions.attribution().endswith(PFIZER_LICENCE)  # the licence stays as issued


def test_the_questionnaires_note_is_said_only_outside_english() -> None:
    assert definitions.questionnaire_language_note() == ""
    language.use("es")
    assert "versión validada en inglés" in definitions.questionnaire_language_note()
    # The item itself is quoted in its validated English, never a home-made translation.
    assert "“thoughts that you would be better off dead" not in definitions.safety_definition()
    assert "thoughts that you would be better off dead" in definitions.safety_definition()
    assert "medicamento" in definitions.medications_definition()
