"""What else moves mood, from the journal: every factor's comparison, ready to show.

Feeds ``domain/factors.py`` (the arithmetic and its definitions) from the journal:
the daily mood, the session days (for the days-since-session bands), and the
factors — 7+ hours of sleep, each tag, each factor the patient follows, and the
events psychotherapy, integration, medication change and life event. The CLI
(``ketajournal factors``), the Factors screen and their tests share this one list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ketajournal.domain import factors
from ketajournal.domain.boosters import DailyMood
from ketajournal.domain.factors import ASSOCIATION, FactorEffect, describe
from ketajournal.domain.models import EventKind
from ketajournal.domain.timeutil import local_day
from ketajournal.language import gettext as _
from ketajournal.services.journal import Journal

#: The event kinds compared (an appointment is not something that moves mood).
EVENT_KINDS = (
    EventKind.PSYCHOTHERAPY,
    EventKind.INTEGRATION,
    EventKind.MEDICATION_CHANGE,
    EventKind.LIFE_EVENT,
)


@dataclass(frozen=True)
class FactorReport:
    """Every comparison, ranked, with its sentence; the definition said once."""

    effects: tuple[FactorEffect, ...]
    days: int
    #: Both in the language in use when the report was made (``--json``: English).
    definition: str = field(default_factory=factors.definition)
    association: str = field(default_factory=lambda: _(ASSOCIATION))

    @property
    def shown(self) -> tuple[FactorEffect, ...]:
        """The comparisons with enough days on both sides, ranked."""
        return tuple(effect for effect in self.effects if effect.enough)

    @property
    def too_few(self) -> tuple[FactorEffect, ...]:
        """The comparisons below the minimum number of days."""
        return tuple(effect for effect in self.effects if not effect.enough)

    def lines(self) -> list[str]:
        """The report as plain lines (the CLI prints them; no score is echoed alone)."""
        if not self.days:
            return [_("No mood entries yet: there is nothing to compare.")]
        text = [describe(effect) for effect in self.shown]
        if not text:
            text.append(_("Not enough days yet for any comparison ({n} days with and {n} "
                          "without are needed).").format(n=factors.MIN_DAYS))
        waiting = _unique(effect.factor.phrase(effect.lag) for effect in self.too_few)
        if waiting:
            text.append(_("Not enough days yet for: {factors}.").format(
                factors="; ".join(waiting)))
        text.append(self.definition)
        return text

    def document(self) -> dict[str, Any]:
        """The report as JSON-ready data (``factors --json``)."""
        return {
            "definition": self.definition,
            "days_with_mood": self.days,
            "min_days": factors.MIN_DAYS,
            "results": [
                {
                    "factor": effect.factor.key,
                    "label": effect.factor.label,
                    "lag_days": effect.lag,
                    "days_with": effect.days_with,
                    "days_without": effect.days_without,
                    "mean_with": _round(effect.mean_with),
                    "mean_without": _round(effect.mean_without),
                    "difference": _round(effect.difference),
                    "interval_95": None if effect.low is None or effect.high is None
                    else [_round(effect.low), _round(effect.high)],
                    "enough_days": effect.enough,
                    "sentence": describe(effect),
                }
                for effect in self.effects
            ],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def factor_report(journal: Journal) -> FactorReport:
    """Compare mood with and without every factor the journal knows (ranked)."""
    moods = journal.moods()
    totals = journal.daily_mood_means()
    daily = DailyMood(
        tuple(day for day, _mean in totals),
        np.asarray([m for _day, m in totals], dtype=np.float64)
    )
    session_days = {local_day(session.at) for session in journal.sessions()}
    events = journal.entries("event")
    found = [factors.sleep_factor(moods)]
    found.extend(factors.tag_factors(journal.tags_by_day()))
    values = journal.factor_values()
    for definition in journal.factor_definitions():
        assert definition.id is not None
        found.append(factors.own_factor(definition, values.get(definition.id, {})))
    found.extend(factors.event_factor(events, kind) for kind in EVENT_KINDS)
    effects = factors.analyse_factors(daily, found, session_days=session_days)
    return FactorReport(tuple(effects), len(daily.days))
