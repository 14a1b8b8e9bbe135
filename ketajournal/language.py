"""The core's words in the reader's language: gettext catalogues and the one choice of language.

The Qt-free half of translation (the window's half is :mod:`ketajournal.translation`):
every text the core writes for a reader — the PDF, the sentences of ``domain`` and
``services`` the window and the reports show, the CLI's human output and its errors —
goes through :func:`gettext` (imported as ``_``), :func:`ngettext` for a count (the
catalogue picks the plural form the language needs), :func:`pgettext` where one
English word has two meanings, and :func:`N_` to mark a constant translated where it
is shown. Values go in by name after translating (``_("{n} entries").format(n=…)``),
so a translation may move them.

:func:`choose` is the one place that decides the language: the journal's
``ui.language`` setting, else ``KETAJOURNAL_LANGUAGE`` (standing in for the setting
before a journal is open), else the system's (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``), else English. :func:`use` then loads the catalogue,
``ketajournal/assets/translations/ketajournal-core_<lang>.mo``, compiled by
``python -m resources.build`` from ``resources/translations/ketajournal-core_<lang>.po``
(docs/translation.md). This module is the lowest floor: it imports nothing of ours,
so every floor of the core may speak through it.
"""

from __future__ import annotations

import gettext as stdlib_gettext
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

#: The gettext domain: the stem of the core's catalogues.
DOMAIN = "ketajournal-core"
#: The languages the app ships, English first (the texts in the code).
SHIPPED = ("en", "de", "es")
#: The Settings' language choices: the system's language, or one the app ships.
CHOICES = ("system", *SHIPPED)
#: Stands in for the Settings' language before the journal is open (and in tests).
LANGUAGE_VARIABLE = "KETAJOURNAL_LANGUAGE"
#: The system's variables, in gettext's order: the first one set decides.
SYSTEM_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_state: dict[str, object] = {"language": "en",
                             "catalogue": stdlib_gettext.NullTranslations()}


def _catalogue() -> stdlib_gettext.NullTranslations:
    found = _state["catalogue"]
    assert isinstance(found, stdlib_gettext.NullTranslations)
    return found


def gettext(message: str) -> str:
    """``message`` in the language in use (imported as ``_``)."""
    return _catalogue().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted text that fits ``n`` in the language in use."""
    return _catalogue().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the language in use, in the sense ``context`` names."""
    return _catalogue().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """:func:`ngettext` in the sense ``context`` names."""
    return _catalogue().npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark a constant for the catalogue; it is translated where it is shown, by ``_``."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark a constant for the catalogue in the sense ``context`` names; it is shown by
    :func:`pgettext` with the same context."""
    del context
    return message


def language_of(code: str | None) -> str | None:
    """The shipped language a locale name speaks (``de_AT.UTF-8`` → ``de``), or None."""
    if not code:
        return None
    for part in code.split(":"):  # LANGUAGE may list several: "de:en"
        name = part.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
        if name in SHIPPED:
            return name
        if name in ("c", "posix"):
            return None
    return None


def system_language(environ: Mapping[str, str] | None = None, system: str | None = None) -> str:
    """The system's language: the first of :data:`SYSTEM_VARIABLES` set, else ``system``
    (the window passes Qt's locale name: Windows and macOS keep theirs outside the
    environment), else English."""
    values = os.environ if environ is None else environ
    for variable in SYSTEM_VARIABLES:
        if values.get(variable):
            return language_of(values[variable]) or "en"
    return language_of(system) or "en"


def choose(setting: str | None = None, environ: Mapping[str, str] | None = None,
           system: str | None = None) -> str:
    """The language to speak (``en``, ``de``, ``es``): the setting ``ui.language`` when it
    names one, else ``KETAJOURNAL_LANGUAGE``, else the system's (:func:`system_language`),
    else English."""
    values = os.environ if environ is None else environ
    for choice in (setting, values.get(LANGUAGE_VARIABLE)):
        if choice and choice != "system":
            return choice if choice in SHIPPED else "en"
    return system_language(values, system)


def catalogue_path(language: str) -> Path:
    """Where the compiled catalogue of ``language`` is shipped (it may be missing)."""
    folder = resources.files("ketajournal") / "assets" / "translations"
    return Path(str(folder / f"{DOMAIN}_{language}.mo"))


def install(language: str, catalogue: stdlib_gettext.NullTranslations) -> None:
    """Speak through ``catalogue`` from now on, as ``language`` (the pseudo-locale's way in)."""
    _state["language"] = language
    _state["catalogue"] = catalogue


def use(language: str) -> None:
    """Speak ``language`` (``en``, ``de``, ``es``) from now on; English without a catalogue."""
    path = catalogue_path(language)
    if language == "en" or not path.exists():
        install("en" if language not in SHIPPED else language, stdlib_gettext.NullTranslations())
        return
    with path.open("rb") as handle:
        install(language, stdlib_gettext.GNUTranslations(handle))


def current() -> str:
    """The language in use (``en`` until :func:`use` is called)."""
    return str(_state["language"])


__all__ = [
    "CHOICES",
    "DOMAIN",
    "LANGUAGE_VARIABLE",
    "NP_",
    "N_",
    "SHIPPED",
    "SYSTEM_VARIABLES",
    "catalogue_path",
    "choose",
    "current",
    "gettext",
    "install",
    "language_of",
    "ngettext",
    "npgettext",
    "pgettext",
    "system_language",
    "use",
]
