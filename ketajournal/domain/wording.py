"""How counts and lists are said in English: the one pluralisation helper of the app.

(Translated sentences count through ``ngettext`` instead; :func:`and_list` says "and" in
the language in use.)

Every sentence that puts a number before a noun ("1 day", "3 boosters", "2 PHQ-9s")
goes through :func:`count_of`, so no screen or report writes "1 days" or "1.0 days";
lists are joined by :func:`and_list` ("10, 12 and 10") and ranges of values by
:func:`span` ("35 mg", never "between 35 and 35 mg").
"""

from __future__ import annotations

from collections.abc import Sequence

from ketajournal.language import gettext as _


def number(value: float) -> str:
    """A count as written: whole numbers without a decimal (``1``, not ``1.0``); else ``1.5``."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}"


def plural_of(noun: str) -> str:
    """The regular English plural of ``noun``: ``day`` → ``days``, ``PHQ-9`` → ``PHQ-9s``."""
    if noun.endswith(("s", "x", "ch", "sh")):
        return f"{noun}es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return f"{noun[:-1]}ies"
    return f"{noun}s"


def noun_for(value: float, noun: str, plural: str | None = None) -> str:
    """``noun`` when ``value`` is exactly 1, else its plural (``plural`` or the regular one)."""
    return noun if value == 1 else (plural or plural_of(noun))


def count_of(value: float, noun: str, plural: str | None = None) -> str:
    """``1 day``, ``2 days``, ``0 days``, ``1.5 days``: the number and the noun that fits it."""
    return f"{number(value)} {noun_for(value, noun, plural)}"


def and_list(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def counted_list(items: Sequence[str], noun: str, plural: str | None = None) -> str:
    """``a`` for one item; ``2 medication changes: a; b`` for more (``noun`` counted)."""
    if len(items) == 1:
        return items[0]
    return f"{count_of(len(items), noun, plural)}: {'; '.join(items)}"


def span(low: float, high: float, unit: str = "") -> str:
    """``35 mg`` when both ends are equal, else ``35–42 mg`` (``unit`` after the number)."""
    tail = f" {unit}" if unit else ""
    if low == high:
        return f"{number(low)}{tail}"
    return f"{number(low)}–{number(high)}{tail}"


__all__ = ["and_list", "count_of", "counted_list", "noun_for", "number", "plural_of", "span"]
