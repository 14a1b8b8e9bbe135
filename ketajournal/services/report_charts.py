"""The clinician report's chart series, finished with the functions the screens use.

The mood trend takes the Trends screen's 7-day trailing mean (``domain.series``), the
response curves the Boosters screen's (``domain.response_curves``); the report model
carries the results as plain tuples, so the PDF writer only draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np

from ketajournal.domain.boosters import BoosterAnalysis
from ketajournal.domain.dates import format_date
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import (
    Assessment,
    Session,
)
from ketajournal.domain.response_curves import response_curves
from ketajournal.domain.series import SEVEN_DAY_WINDOW_DAYS, day_runs, trailing_mean
from ketajournal.language import N_
from ketajournal.language import gettext as _
from ketajournal.reports.model import (
    MOOD_LINE_MAX_GAP_DAYS,
    TREND_CONTEXT_DAYS,
    Curve,
    CurvesData,
    ScoreTrack,
    TrendData,
)
from ketajournal.reports.summary import (
    RECENT_BOOSTER_CYCLES,
    Period,
    Score,
)
from ketajournal.services.report_summary import days_between, session_line

DAILY_MOOD_DEFINITION = N_(
    "Daily mood: the mean of the mood scores logged on a calendar day (0–10, 10 = best)."
)
#: Marked here, translated when a report is built (:func:`trend_definitions`).
TREND_DEFINITIONS = (
    DAILY_MOOD_DEFINITION,
    N_("7-day mean: the mean of the daily moods in the 7 calendar days ending that day "
       "(days without an entry are skipped)."),
    N_("PHQ-9 total: the sum of its 9 item answers (0–27; higher = more symptoms), on the "
       "right-hand axis, on the day it was filled in."),
)


def trend_definitions() -> tuple[str, ...]:
    """The trend chart's definitions in the language in use."""
    return tuple(_(text) for text in TREND_DEFINITIONS)


def trend_data(
    period: Period,
    daily: Sequence[tuple[date, float]],
    sessions: Sequence[Session],
    assessments: Sequence[Assessment],
) -> TrendData:
    """The mood trend of the period: daily moods, their 7-day mean, the lines' runs,
    sessions and questionnaire totals."""
    # The same 7-day trailing mean as the Trends screen, over the days before the period
    # too, so that the mean on the period's first day is complete.
    first = period.start - timedelta(days=TREND_CONTEXT_DAYS)
    by_day = days_between(daily, first, period.end)
    days = [day for day, _ in by_day]
    values = np.asarray([mean for _day, mean in by_day], dtype=np.float64)
    mean7 = trailing_mean(days, values, SEVEN_DAY_WINDOW_DAYS)
    before = sum(1 for day in days if day < period.start)  # the context days come first
    shown_days = days[before:]
    return TrendData(
        start=period.start,
        end=period.end,
        mood_days=tuple(shown_days),
        mood_values=tuple(float(v) for v in values[before:]),
        mean7_values=tuple(float(v) for v in mean7[before:]),
        mood_runs=day_runs(shown_days, MOOD_LINE_MAX_GAP_DAYS),
        mean7_runs=day_runs(shown_days, SEVEN_DAY_WINDOW_DAYS),
        context_days=before,
        sessions=tuple(session_line(s) for s in sessions),
        scores=tuple(
            ScoreTrack(
                instrument_id=instrument_id,
                short_title=questionnaire.short_title,
                max_total=questionnaire.max_total,
                points=tuple(
                    Score(a.at.date(), a.total, a.band.label)
                    for a in assessments
                    if a.instrument_id == instrument_id
                ),
            )
            for instrument_id, questionnaire in INSTRUMENTS.items()
        ),
        definitions=trend_definitions(),
    )


def curves_data(period: Period, analysis: BoosterAnalysis) -> CurvesData:
    """The response curves of the period's cycles and, at least, the last boosters;
    the booster median and T."""
    recent = {id(c) for c in analysis.booster_cycles[-RECENT_BOOSTER_CYCLES:]}
    median_count = len(analysis.booster_cycles)
    definitions = (
        analysis.definitions["response_curve"],
        _("Shown: the cycles of the sessions in the period and, at least, the last "
          "{n} booster cycles; older cycles fainter.").format(n=RECENT_BOOSTER_CYCLES),
        (_("Median: over all {n} booster cycles up to {day}. ").format(
            n=median_count, day=format_date(period.end))
         if median_count else _("No booster cycle yet, so no median. "))
        + _("T: the threshold durability is measured against (page 1)."),
    )
    # The curves the Boosters screen draws, as plain values, for the cycles shown.
    drawn = response_curves(analysis)
    return CurvesData(
        curves=tuple(
            Curve(
                session_day=c.session.day,
                is_booster=curve.is_booster,
                dose_mg=c.session.dose_mg,
                label=f"{c.session.phase.label} of {format_date(c.session.day)}: {c.label}",
                offsets=tuple(int(k) for k in curve.offsets.tolist()),
                values=tuple(float(v) for v in curve.values.tolist()),
            )
            for c, curve in zip(analysis.cycles, drawn.cycles, strict=True)
            if period.contains(c.session.day) or id(c) in recent
        ),
        median_offsets=tuple(int(k) for k in drawn.median_offsets.tolist()),
        median_values=tuple(float(v) for v in drawn.median_values.tolist()),
        median_cycle_count=median_count,
        threshold=analysis.threshold,
        definitions=definitions,
    )


__all__ = ["TREND_DEFINITIONS", "curves_data", "trend_data", "trend_definitions"]
