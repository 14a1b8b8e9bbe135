"""Crisis resources shown when a safety item (PHQ-9 item 9) is answered above 0.

The text says plainly that the app is private and that nobody is monitoring it,
and never blocks saving. Resources are chosen by country; the user may replace
the text entirely in settings.
"""

from __future__ import annotations

#: Country code → lines of resources. "international" is the default.
CRISIS_RESOURCES: dict[str, tuple[str, ...]] = {
    "international": (
        "United States: call or text 988 (Suicide & Crisis Lifeline)",
        "United Kingdom and Ireland: call Samaritans on 116 123",
        "Canada: call or text 988",
        "Australia: call Lifeline on 13 11 14",
        "Anywhere else: call your local emergency number, or go to the nearest emergency "
        "department",
    ),
    "US": ("Call or text 988 (Suicide & Crisis Lifeline)", "In an emergency: call 911"),
    "UK": ("Call Samaritans on 116 123 (free, day or night)", "In an emergency: call 999"),
    "IE": ("Call Samaritans on 116 123 (free, day or night)", "In an emergency: call 112 or 999"),
    "CA": ("Call or text 988 (Suicide Crisis Helpline)", "In an emergency: call 911"),
    "AU": ("Call Lifeline on 13 11 14", "In an emergency: call 000"),
    "NZ": ("Call or text 1737", "In an emergency: call 111"),
    "DE": ("TelefonSeelsorge: 0800 111 0 111 or 0800 111 0 222", "Im Notfall: 112"),
}

COUNTRY_NAMES = {
    "international": "International list",
    "US": "United States",
    "UK": "United Kingdom",
    "IE": "Ireland",
    "CA": "Canada",
    "AU": "Australia",
    "NZ": "New Zealand",
    "DE": "Germany",
}

PRIVATE_NOTICE = (
    "This app is private: nobody else sees what you enter here, and no clinician or anyone "
    "else is monitoring it. If you are thinking about ending your life or hurting "
    "yourself, please reach out now:"
)
CLOSING = "Please also tell someone you trust and your care team."


def crisis_text(country: str = "international", custom: str = "") -> str:
    """The full message: the privacy notice, the resources, a closing line.

    ``custom`` (from settings), when not blank, replaces the resource lines.
    """
    if custom.strip():
        lines = [line for line in custom.strip().splitlines() if line.strip()]
    else:
        lines = list(CRISIS_RESOURCES.get(country, CRISIS_RESOURCES["international"]))
    if not any("emergency" in line.lower() for line in lines):
        lines.append("Anywhere: call your local emergency number")
    return "\n".join([PRIVATE_NOTICE, *(f"• {line}" for line in lines), CLOSING])
