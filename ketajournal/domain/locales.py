"""The reader's locale: which language and conventions dates, numbers and paper follow.

One locale at a time (:func:`current`), set once by the composition root: the CLI
takes it from the environment (``LC_ALL``, ``LC_TIME``, ``LANG``:
:func:`from_environment`), the window from ``QLocale`` (so that its own widgets and
our texts speak one language). Without one — unset, ``C`` or ``POSIX`` — the
journal's English is used, as it always was: ``3 Dec 2026``, ``5.9``, A4 paper.
Formatting goes through Babel (CLDR, the same data Qt uses). A locale named by
:func:`use` is parsed when it is first needed: the window names its locale before its
first paint, which does not need Babel (docs/performance.md).
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

#: Territories that print on US Letter; everywhere else A4.
LETTER_TERRITORIES = frozenset({"US", "CA"})
#: The environment variables read, strongest first.
VARIABLES = ("LC_ALL", "LC_TIME", "LANG")

_current: list[Locale | None] = [None]
#: A name given to :func:`use`, not parsed yet (:func:`current` parses it).
_named: list[str | None] = [None]
#: Held while the choice changes or a name is parsed: a report thread may write its first
#: date while the window switches the language.
_CHOICE = threading.Lock()


def _name(code: str | None) -> str | None:
    """``code`` without encoding or modifier (``de_DE``); None for none, ``C``, ``POSIX``."""
    if not code:
        return None
    name = code.split(".")[0].split("@")[0].replace("-", "_")
    if name in ("", "C", "POSIX") or name.startswith("en_US_POSIX"):
        return None
    return name


def parse(code: str | None) -> Locale | None:
    """The locale named ``code`` (``de_DE``, ``es-ES``, ``de_DE.UTF-8``); None for none,
    ``C``, ``POSIX`` or a name Babel does not know."""
    name = _name(code)
    if name is None:
        return None
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        return None


def from_environment(environ: dict[str, str] | None = None) -> Locale | None:
    """The locale the environment asks for (the first of :data:`VARIABLES` set), or None."""
    values = os.environ if environ is None else environ
    for variable in VARIABLES:
        if values.get(variable):
            return parse(values[variable])
    return None


def use(locale: Locale | str | None) -> None:
    """Write dates and numbers for ``locale`` from now on (None: the journal's English).

    A name is parsed when a date or number is first written (:func:`current`)."""
    with _CHOICE:
        if isinstance(locale, str):
            _named[0], _current[0] = locale, None
        else:
            _named[0], _current[0] = None, locale


def _language() -> str | None:
    """The language of the locale in use, without parsing a name given to :func:`use`
    (its first part: ``de`` of ``de_DE``, as Babel reads the names QLocale gives)."""
    with _CHOICE:
        named, locale = _named[0], _current[0]
    if named is not None:
        name = _name(named)
        return None if name is None else name.split("_")[0]
    return None if locale is None else str(locale.language)


def follow(language: str) -> None:
    """Write dates and numbers in a locale of ``language`` (``en``, ``de``, ``es``): the
    one in use when it speaks it, else the language's own (``de``); English is the
    journal's English. So a German text never carries an English date."""
    spoken = _language()
    if language == "en":
        if spoken is not None and spoken != "en":
            use(None)
    elif spoken != language:
        use(language)


def current() -> Locale | None:
    """The locale in use (None: the journal's English)."""
    with _CHOICE:
        if _named[0] is not None:
            _current[0], _named[0] = parse(_named[0]), None
        return _current[0]


def number(text: str) -> str:
    """A number already written with ``.`` as decimal point, in the locale's (``5,9``)."""
    locale = current()
    if locale is None:
        return text
    from babel.numbers import get_decimal_symbol

    return text.replace(".", get_decimal_symbol(locale))


def list_separator() -> str:
    """The separator a spreadsheet of this locale expects between fields: ``;`` where the
    decimal point is a comma (as Excel's regional list separator), else ``,``."""
    locale = current()
    if locale is None:
        return ","
    from babel.numbers import get_decimal_symbol

    return ";" if get_decimal_symbol(locale) == "," else ","


def paper() -> str:
    """``letter`` in the US and Canada, else ``a4``."""
    locale = current()
    return "letter" if locale is not None and locale.territory in LETTER_TERRITORIES else "a4"


__all__ = [
    "LETTER_TERRITORIES",
    "VARIABLES",
    "current",
    "follow",
    "from_environment",
    "list_separator",
    "number",
    "paper",
    "parse",
    "use",
]

