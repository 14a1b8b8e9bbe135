"""The definitions page 1 prints under its sections, in the language in use.

Each is a function, not a constant, so it is said in the language of the moment the
report is built (``ketajournal.language``); the numbers in them come from the rules
they describe (the red-flag severity, the PHQ-9/GAD-7 licence).
"""

from __future__ import annotations

from ketajournal import language
from ketajournal.domain.instruments import PFIZER_LICENCE
from ketajournal.domain.models import RED_FLAG_SEVERITY
from ketajournal.language import gettext as _


def medications_definition() -> str:
    """How page 1 reads the medication list, in the language in use."""
    return _(
        "Medications: as the patient recorded them (name, dose as prescribed, class). "
        "Taken: on the last day of the period. A medication is not taken on the day it "
        "was stopped; a dose change applies from its day."
    )


def side_effect_definition() -> str:
    """How the side-effect table counts, and which are red flags."""
    return _(
        "Side effects logged in the period, by category: how many times, and the worst "
        "severity (the patient's rating, 0–10). Red flags first: blood in urine and signs of "
        "liver injury (yellow skin or eyes, dark urine, pain under the right ribs) at any "
        "severity; painful urination, urinary frequency and craving at severity ≥ "
        "{severity}. The app tells the patient to contact the clinic about each."
    ).format(severity=RED_FLAG_SEVERITY)


def attribution() -> str:
    """The PHQ-9 / GAD-7 attribution, printed wherever the report quotes or scores them."""
    return _("PHQ-9 and GAD-7: {licence}").format(licence=PFIZER_LICENCE)


def safety_definition() -> str:
    """What PHQ-9 item 9 asks (in the questionnaire's validated English) and what is listed."""
    return _(
        "Item 9 asks about “thoughts that you would be better off dead or of hurting yourself "
        "in some way”; listed: every PHQ-9 in the period answered above 0 (“not at all”) "
        "there. {attribution}"
    ).format(attribution=attribution())


def questionnaire_language_note() -> str:
    """Outside English, that the PHQ-9 and GAD-7 are quoted in their validated English:
    no official translation ships yet, and a validated instrument is never translated
    here (docs/translation.md). Empty in English."""
    if language.current() == "en":
        return ""
    return _("The PHQ-9 and GAD-7 (their questions, answers and item 9) are shown in their "
             "validated English version.")


def sessions_definition() -> str:
    """What induction and booster mean on page 1."""
    return _(
        "Induction: the initial series of sessions; booster: a later single maintenance "
        "session (as the patient logged them)."
    )




__all__ = [
    "attribution",
    "medications_definition",
    "questionnaire_language_note",
    "safety_definition",
    "sessions_definition",
    "side_effect_definition",
]
