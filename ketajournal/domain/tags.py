"""Tags on mood entries and the patient's own daily factors: their rules and ranges.

A *tag* is a word or two on a mood entry ("walk", "family", "elevated mood: mild"),
typed or imported (Daylio's activities, Bearable's factors). A *factor* is one of a
few daily things the patient chose to follow (alcohol, exercise, therapy homework),
either yes/no or rated 0–10, with at most one value per day. Few on purpose: a
journal is not a form to fill (issue 18), so at most :data:`MAX_FACTORS` are defined.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ketajournal.domain.validation import ValidationError, check_text, whole_number_rule
from ketajournal.language import gettext as _

#: The longest tag (an activity, factor or symptom name).
MAX_TAG_CHARS = 100
#: The most tags one mood entry may carry.
MAX_TAGS_PER_ENTRY = 50
#: The longest factor name.
MAX_FACTOR_NAME_CHARS = 60
#: How many factors a journal may define.
MAX_FACTORS = 10
#: The range of a 0–10 factor's daily value.
FACTOR_SCALE_RANGE = (0, 10)
#: A 0–10 factor counts as "present" on a day with at least this value, when the
#: factors analysis compares days with and without it (the scale's middle).
SCALE_PRESENT_FROM = 5
_YES = ("yes", "y", "1", "true")
_NO = ("no", "n", "0", "false")


class FactorKind(StrEnum):
    """How a factor is rated each day."""

    YESNO = "yesno"
    SCALE = "scale"

    @property
    def label(self) -> str:
        """What the kind means, for forms and help, in the language in use."""
        return _("yes or no") if self is FactorKind.YESNO else _("0 to 10")


def clean_tag(field: str, text: str) -> str:
    """A tag trimmed, with inner runs of whitespace made one space; checked as text.

    Empty stays empty (callers drop it); longer than :data:`MAX_TAG_CHARS` or with
    control characters is refused naming ``field``.
    """
    tag = " ".join(text.split())
    return check_text(field, tag, MAX_TAG_CHARS)


def check_tags(field: str, tags: Iterable[str]) -> tuple[str, ...]:
    """Tags cleaned, empties dropped, each once (ignoring case, first spelling wins)."""
    seen: set[str] = set()
    result: list[str] = []
    for raw in tags:
        tag = clean_tag(field, raw)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            result.append(tag)
    if len(result) > MAX_TAGS_PER_ENTRY:
        raise ValidationError(field, _("must be at most {count} tags on one entry").format(
            count=MAX_TAGS_PER_ENTRY))
    return tuple(result)


def factor_kind(field: str, value: object) -> FactorKind:
    """A :class:`FactorKind` from its name (``yesno`` or ``scale``)."""
    try:
        return FactorKind(str(value))
    except ValueError:
        raise ValidationError(field, _("must be yesno or scale")) from None


def check_factor_name(field: str, name: object) -> str:
    """A factor's name: trimmed, 1 to :data:`MAX_FACTOR_NAME_CHARS` characters."""
    text = " ".join(check_text(field, name, MAX_FACTOR_NAME_CHARS * 4).split())
    if not text:
        raise ValidationError(field, _("must not be empty"))
    return check_text(field, text, MAX_FACTOR_NAME_CHARS)


def check_factor_value(field: str, kind: FactorKind, value: object) -> int:
    """A day's value: 0 or 1 for yes/no, a whole number 0–10 for a scale."""
    low, high = (0, 1) if kind is FactorKind.YESNO else FACTOR_SCALE_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        if kind is FactorKind.YESNO:
            raise ValidationError(field, _("must be yes or no"))
        raise ValidationError(field, whole_number_rule(low, high))
    return value


def parse_factor_value(field: str, kind: FactorKind, text: str) -> int:
    """A typed value: ``yes``/``no`` (or 1/0) for yes/no, a whole number 0–10 for a scale."""
    word = text.strip().casefold()
    if kind is FactorKind.YESNO:
        if word in _YES:
            return 1
        if word in _NO:
            return 0
        raise ValidationError(field, _("must be yes or no"))
    if not word.isdigit():
        raise ValidationError(field, whole_number_rule(*FACTOR_SCALE_RANGE))
    return check_factor_value(field, kind, int(word))


@dataclass(frozen=True)
class FactorDefinition:
    """A factor the patient follows: its name and how it is rated."""

    name: str
    kind: FactorKind
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", check_factor_name("name", self.name))
        object.__setattr__(self, "kind", factor_kind("kind", self.kind))

    @property
    def key(self) -> str:
        """How names are compared: case ignored."""
        return self.name.casefold()


def value_text(kind: FactorKind, value: int) -> str:
    """A day's value as the patient reads it: ``yes``/``no`` or ``7``."""
    if kind is FactorKind.YESNO:
        return "yes" if value else "no"
    return str(value)
