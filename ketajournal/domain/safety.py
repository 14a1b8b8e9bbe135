"""Crisis resources shown when a safety item (PHQ-9 item 9) is answered above 0.

The text says plainly that the app is private and that nobody is monitoring it,
and never blocks saving. Resources are chosen by country; the user may replace
the text entirely in settings. The privacy notice and closing line speak the reader's
language; the resource lines follow the chosen country (a German speaker in the US gets
the US numbers), in the words of that country's services.
"""

from __future__ import annotations

from dataclasses import dataclass

from ketajournal.language import N_
from ketajournal.language import gettext as _


@dataclass(frozen=True)
class CrisisLine:
    """One crisis resource: the line shown, where the number was checked, and its kind."""

    text: str
    #: Where the number comes from (the service's own page), kept in the code, not shown.
    source: str
    #: True for the emergency-services line (no generic one is added to a list that has it).
    emergency: bool = False


_988 = "https://988lifeline.org/"
_SAMARITANS = "https://www.samaritans.org/how-we-can-help/contact-samaritan/"
_EU_112 = "https://digital-strategy.ec.europa.eu/en/policies/112"
_116_123 = "https://digital-strategy.ec.europa.eu/en/policies/116-helplines"

#: ISO 3166-1 alpha-2 country code (``EU``: the code ISO reserves for the European Union,
#: for the EU-wide numbers) → its crisis resources. "international" is the default.
CRISIS_RESOURCES: dict[str, tuple[CrisisLine, ...]] = {
    "international": (
        CrisisLine("United States: call or text 988 (Suicide & Crisis Lifeline)", _988),
        CrisisLine("United Kingdom and Ireland: call Samaritans on 116 123", _SAMARITANS),
        CrisisLine("Canada: call or text 988", "https://988.ca/"),
        CrisisLine("Australia: call Lifeline on 13 11 14", "https://www.lifeline.org.au/"),
        CrisisLine("European Union: call 112 in an emergency", _EU_112),
        CrisisLine(
            "Anywhere else: call your local emergency number, or go to the nearest emergency "
            "department", "no number: general advice", emergency=True,
        ),
    ),
    "US": (
        CrisisLine("Call or text 988 (Suicide & Crisis Lifeline)", _988),
        CrisisLine("In an emergency: call 911", "https://www.911.gov/", emergency=True),
    ),
    "GB": (
        CrisisLine("Call Samaritans on 116 123 (free, day or night)", _SAMARITANS),
        CrisisLine("Text SHOUT to 85258 (Shout, free, day or night)",
                   "https://giveusashout.org/get-help/"),
        CrisisLine("In an emergency: call 999",
                   "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/"
                   "when-to-call-999/", emergency=True),
    ),
    "IE": (
        CrisisLine("Call Samaritans on 116 123 (free, day or night)",
                   "https://www.samaritans.org/ireland/how-we-can-help/contact-samaritan/"),
        CrisisLine("Call Pieta on 1800 247 247 or text HELP to 51444 (free, day or night)",
                   "https://www.pieta.ie/"),
        CrisisLine("In an emergency: call 112 or 999", _EU_112, emergency=True),
    ),
    "CA": (
        CrisisLine("Call or text 988 (Suicide Crisis Helpline)", "https://988.ca/"),
        CrisisLine("In an emergency: call 911", "https://988.ca/", emergency=True),
    ),
    "AU": (
        CrisisLine("Call Lifeline on 13 11 14", "https://www.lifeline.org.au/"),
        CrisisLine("Text Lifeline on 0477 13 11 14",
                   "https://www.lifeline.org.au/crisis-text/"),
        CrisisLine("In an emergency: call 000", "https://www.triplezero.gov.au/",
                   emergency=True),
    ),
    "NZ": (
        CrisisLine("Call or text 1737 (Need to talk?)", "https://1737.org.nz/"),
        CrisisLine("In an emergency: call 111",
                   "https://www.police.govt.nz/contact-us/emergency-111-calls",
                   emergency=True),
    ),
    "DE": (
        CrisisLine("TelefonSeelsorge: 0800 111 0 111, 0800 111 0 222 oder 116 123",
                   "https://www.telefonseelsorge.de/"),
        CrisisLine("Im Notfall: 112", _EU_112, emergency=True),
    ),
    "EU": (
        CrisisLine("Emotional support: 116 123 (in many EU countries)", _116_123),
        CrisisLine("In an emergency: call 112 (free, in every EU country)", _EU_112,
                   emergency=True),
    ),
}

#: The lists' names as the Settings' choice shows them: marked here, shown with
#: :func:`country_name` (translated; the lines themselves stay in the country's words).
COUNTRY_NAMES = {
    "international": N_("International list"),
    "US": N_("United States"),
    "GB": N_("United Kingdom"),
    "IE": N_("Ireland"),
    "CA": N_("Canada"),
    "AU": N_("Australia"),
    "NZ": N_("New Zealand"),
    "DE": N_("Germany"),
    "EU": N_("European Union (112)"),
}

#: Codes stored by earlier versions that are not ISO 3166 → the ISO code (a setting
#: saved as "UK" still shows the United Kingdom's list).
STORED_CODES = {"UK": "GB"}


def country_name(code: str) -> str:
    """The name of the crisis list ``code`` in the language in use (the code if unknown)."""
    name = COUNTRY_NAMES.get(country_code(code))
    return code if name is None else _(name)


def country_code(stored: str) -> str:
    """The ISO code for a stored country setting (``UK`` → ``GB``); others unchanged."""
    return STORED_CODES.get(stored, stored)


PRIVATE_NOTICE = N_(
    "This app is private: nobody else sees what you enter here, and no clinician or anyone "
    "else is monitoring it. If you are thinking about ending your life or hurting "
    "yourself, please reach out now:"
)
CLOSING = N_("Please also tell someone you trust and your care team.")
#: Added to the patient's own lines when none names an emergency number.
ANYWHERE = N_("Anywhere: call your local emergency number")


def crisis_text(country: str = "international", custom: str = "") -> str:
    """The full message: the privacy notice, the resources, a closing line.

    ``custom`` (from settings), when not blank, replaces the resource lines.
    """
    if custom.strip():
        lines = [line for line in custom.strip().splitlines() if line.strip()]
        if not any("emergency" in line.lower() for line in lines):
            lines.append(_(ANYWHERE))
    else:
        chosen = CRISIS_RESOURCES.get(country_code(country), CRISIS_RESOURCES["international"])
        lines = [line.text for line in chosen]
    return "\n".join([_(PRIVATE_NOTICE), *(f"• {line}" for line in lines), _(CLOSING)])
