"""The booster response curves as the Boosters screen draws them: daily mood against
days after each session, one curve per cycle, the median of the booster cycles and T.

Pure numpy, no Qt: built from a :class:`BoosterAnalysis` by :func:`response_curves`;
the chart widget only draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ketajournal.domain import locales
from ketajournal.domain.boosters import BoosterAnalysis, Cycle
from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.series import FloatArray
from ketajournal.language import N_
from ketajournal.language import gettext as _


def _floats() -> FloatArray:
    return np.zeros(0, dtype=np.float64)

#: Marked here; shown with ``_(RESPONSE_CURVE_DEFINITION)`` (the chart's caption).
RESPONSE_CURVE_DEFINITION = N_(
    "Response curves: the daily mood (mean of the day's entries, 0–10, 10 = best) on "
    "each day after a session, one line per cycle, joining the days that have entries"
)


@dataclass(frozen=True, eq=False)
class CycleCurve:
    """One cycle's response curve: daily mood (``values``) at ``offsets`` days after it."""

    offsets: FloatArray
    values: FloatArray
    is_booster: bool
    label: str

    def __post_init__(self) -> None:
        if len(self.offsets) != len(self.values):
            raise ValueError("offsets and values must have the same length")


@dataclass(frozen=True, eq=False)
class ResponseCurves:
    """What the response-curve chart draws: the cycles (oldest first), the median of the
    booster cycles and the threshold T (None when there is none)."""

    cycles: tuple[CycleCurve, ...] = ()
    median_offsets: FloatArray = field(default_factory=_floats)
    median_values: FloatArray = field(default_factory=_floats)
    threshold: float | None = None

    def __post_init__(self) -> None:
        if len(self.median_offsets) != len(self.median_values):
            raise ValueError("median offsets and values must have the same length")

    @property
    def longest_offset(self) -> int:
        """The largest offset with data in any curve (0 when there is none)."""
        ends = [float(c.offsets.max()) for c in self.cycles if c.offsets.size]
        if self.median_offsets.size:
            ends.append(float(self.median_offsets.max()))
        return int(max(ends, default=0))


def cycle_label(cycle: Cycle) -> str:
    """One line describing a cycle, e.g. ``Booster of Sat 31 Oct 2026 (36 mg) — held 14 days``."""
    dose = ("" if cycle.session.dose_mg is None
            else f" ({locales.number(f'{cycle.session.dose_mg:g}')} mg)")
    what = _("{phase} of {day}{dose}").format(
        phase=_(cycle.session.phase.label), day=format_date_with_weekday(cycle.session.day),
        dose=dose)
    if cycle.durability_days is None:
        held = (_("no mood data") if not cycle.offsets.size
                else _("no threshold to measure against"))
        return f"{what} — {held}"
    return _("{cycle} — held {durability}").format(cycle=what, durability=cycle.label)


def response_curves(analysis: BoosterAnalysis) -> ResponseCurves:
    """The response curves of a booster analysis, as the chart draws them."""
    return ResponseCurves(
        cycles=tuple(
            CycleCurve(
                offsets=np.asarray(c.offsets, dtype=np.float64),
                values=np.asarray(c.daily, dtype=np.float64),
                is_booster=c.is_booster,
                label=cycle_label(c),
            )
            for c in analysis.cycles
        ),
        median_offsets=np.asarray(analysis.median_curve_offsets, dtype=np.float64),
        median_values=np.asarray(analysis.median_curve_values, dtype=np.float64),
        threshold=analysis.threshold,
    )


__all__ = [
    "RESPONSE_CURVE_DEFINITION",
    "CycleCurve",
    "ResponseCurves",
    "cycle_label",
    "response_curves",
]
