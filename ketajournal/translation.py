"""The window's words in the reader's language: Qt translators, and each module's ``tr``.

Every user-visible string of the window and its charts goes through a ``tr`` made by
:func:`translator` for one context (``tr = translator("Today")``), which calls
``QCoreApplication.translate``; a count goes in as ``n`` (``tr("%n day(s)", n=3)``), so
Qt picks the plural form the language needs (German and Spanish have two, other
languages more) — English too has a catalogue, holding only those plural forms. Values
go into the translated text by name afterwards (``tr("Saved at {time}").format(...)``),
so a translation may move them. The catalogues are compiled from
``resources/translations/*.ts`` by ``python -m resources.build`` into
``ketajournal/assets/translations`` (docs/translation.md). :func:`install` loads ours
and Qt's own (``qtbase_<lang>``: its dialogs' buttons) for one language.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ketajournal import language as core_language
from ketajournal.domain import locales

if TYPE_CHECKING:
    from ketajournal.domain.instruments import Band

#: The stem of our catalogues: ``ketajournal_de.qm``.
CATALOGUE = "ketajournal"

_installed: list[QTranslator] = []


class Tr(Protocol):
    """A module's translate function: ``tr(text)`` or ``tr(text, n=count)``."""

    def __call__(self, text: str, n: int = -1) -> str: ...


def translator(context: str) -> Tr:
    """The ``tr`` of one context: the text in the installed language (``n``: a count)."""

    def tr(text: str, n: int = -1) -> str:
        return QCoreApplication.translate(context, text, None, n)

    return tr


def noop(context: str, text: str) -> str:
    """Mark a constant's ``text`` for the catalogue (as Qt's ``QT_TRANSLATE_NOOP``).

    It is translated where it is shown, by :func:`translate` with the same context.
    """
    del context
    return text


def translate(context: str, text: str) -> str:
    """``text`` (marked by :func:`noop` in ``context``) in the installed language."""
    return QCoreApplication.translate(context, text)


def core(text: str) -> str:
    """A text the core marked with ``N_`` (a label, a definition), in the language in use.

    The core keeps its vocabularies English (exports, comparisons, ``--json``); the
    window shows them through the core's catalogue (gettext) where a reader sees them.
    """
    return core_language.gettext(text)


def severity(label: str) -> str:
    """A severity band's name (``mild``, marked ``NP_("severity", …)``) in the language in use."""
    return core_language.pgettext("severity", label)


def band_text(band: Band) -> str:
    """A severity band with its totals, as the window shows it: ``5–9 mild``."""
    return f"{band.low}–{band.high} {severity(band.label)}"


def catalogue(language: str) -> Path:
    """Where the compiled catalogue of ``language`` is shipped (it may be missing)."""
    folder = resources.files("ketajournal.assets") / "translations"
    return Path(str(folder / f"{CATALOGUE}_{language}.qm"))


def install_files(paths: list[Path]) -> None:
    """Replace the installed translators with these ``.qm`` files (missing ones skipped)."""
    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    for path in paths:
        translator_ = QTranslator(app)
        if path.exists() and translator_.load(str(path)):
            app.installTranslator(translator_)
            _installed.append(translator_)


def install(language: str) -> None:
    """Speak ``language`` (``en``, ``de``, ``es``) from now on: ours and Qt's own words."""
    paths = [catalogue(language)]
    if language != "en":
        qt = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        paths.insert(0, qt / f"qtbase_{language}.qm")
    install_files(paths)


def start_language(environ: dict[str, str] | None = None) -> str:
    """The language at start: ``KETAJOURNAL_LANGUAGE`` if set, else the system's
    (:func:`ketajournal.language.choose` without a journal setting)."""
    return core_language.choose(None, environ, QLocale().name())


def use(language: str) -> None:
    """Speak ``language``, with dates and numbers of a locale of that language.

    When the system's locale speaks another language (an English system, German
    chosen), Qt's default locale becomes that language's own (``de``), so one screen
    never mixes two languages; English chosen on another system writes the journal's
    own English (Qt's C locale), as a system without a locale does.
    """
    spoken = QLocale().name().split("_")[0]
    if language == "en" and spoken not in ("en", "C"):
        QLocale.setDefault(QLocale.c())  # the journal's own English ("3 Dec 2026")
    elif language != "en" and spoken != language:
        QLocale.setDefault(QLocale(language))
    install(language)
    core_language.use(language)  # the core's texts the window shows speak it too
    locales.follow(language)  # and the core's dates ("3. Dez. 2026"), after unlocking too



def follow_setting(choice: str) -> None:
    """Apply the Settings' ``ui.language`` once the journal is open ("system": no change).

    What is built from then on (the screens) speaks it; the window's frame, built
    before the journal is unlocked, names itself again on the ``LanguageChange`` that
    installing the catalogue sends (docs/translation.md).
    """
    if choice != "system":
        use(core_language.choose(choice, system=QLocale().name()))
