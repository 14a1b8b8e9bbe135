"""How the report writes numbers: means to one decimal, signed differences with a true
minus, percentages, doses, yes/no — with the decimal sign of the reader's locale
(:func:`ketajournal.domain.locales.number`)."""

from __future__ import annotations

from ketajournal.domain.locales import number
from ketajournal.language import N_, pgettext
from ketajournal.language import gettext as _


def format_mood(value: float) -> str:
    """A 0–10 mean to one decimal: ``6.2``."""
    return number(f"{value:.1f}")


def format_signed(value: float, digits: int = 1) -> str:
    """A difference with its sign, using a true minus: ``+3.1``, ``−0.4``."""
    text = number(f"{abs(value):.{digits}f}")
    return f"−{text}" if round(value, digits) < 0 else f"+{text}"


def format_percent(value: float) -> str:
    """A change in percent with its sign: ``−47 %``."""
    return f"{format_signed(value, 0)} %"


def format_dose(dose_mg: float | None) -> str:
    """``36 mg`` (or ``dose not logged``)."""
    return "dose not logged" if dose_mg is None else f"{number(f'{dose_mg:g}')} mg"


#: How response and remission read when they cannot be assessed (the reason follows).
NOT_ASSESSABLE = N_("not assessable")


def verdict(value: bool | None, not_assessable: str | None) -> str:
    """Response or remission as every screen says it: ``yes``, ``no`` or
    ``not assessable (no baseline PHQ-9 before the first session)``."""
    if not_assessable is not None or value is None:
        return "{verdict} ({reason})".format(verdict=_(NOT_ASSESSABLE),
                                             reason=not_assessable or _("no data"))
    return pgettext("verdict", "yes") if value else pgettext("verdict", "no")


def yes_no(value: bool | None) -> str:
    """``yes``, ``no`` or ``undefined``."""
    return "undefined" if value is None else ("yes" if value else "no")



__all__ = [
    "NOT_ASSESSABLE", "format_dose", "format_mood", "format_percent", "format_signed",
    "verdict", "yes_no",
]
