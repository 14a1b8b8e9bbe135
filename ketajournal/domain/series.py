"""The daily series the Trends screen and the clinician report draw, and their definitions:
daily means, the 7-day trailing mean, sessions, side effects, questionnaire totals.

Pure numpy, no Qt: the chart widgets and the PDF writer only draw what
:func:`build_trend_series` (and, for the report, :func:`trailing_mean` and
:func:`day_runs`) return, so the screen and the paper share one definition of each
series, and the arrays can be checked by hand.

Days are calendar days as the user lived them: an entry's day is the date in the
UTC offset it was logged with (``entry.at.date()``), never the zone the computer is
in today. Every x value is in UTC epoch seconds; a day's value is plotted at noon
of that day in the offset of its first entry.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

import numpy as np
from numpy.typing import NDArray

from ketajournal.domain import locales
from ketajournal.domain.daily import DayTotals, day_totals
from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.medications import MedicationStep
from ketajournal.domain.models import Assessment, MoodEntry, Phase, Session, SideEffect
from ketajournal.domain.schedules import PlannedItem
from ketajournal.language import N_, pgettext
from ketajournal.language import gettext as _

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

#: Length of the trailing window of the 7-day mean, in calendar days (today included).
SEVEN_DAY_WINDOW_DAYS = 7

#: The trend chart's definitions: marked here, shown with ``_(…)`` where a reader sees them.
DAILY_MOOD_DEFINITION = N_(
    "Daily mood: mean of the mood scores logged on that calendar day (0–10, 10 = best)"
)
SLEEP_DEFINITION = N_(
    "Sleep: mean of the sleep hours logged on that calendar day (days without a "
    "sleep entry are left out)"
)
SEVEN_DAY_MEAN_DEFINITION = N_(
    "7-day mean: mean of the daily moods in the 7 calendar days ending that day "
    "(days without an entry are skipped)"
)
DAILY_ANXIETY_DEFINITION = N_(
    "Anxiety: mean of the anxiety scores logged on that calendar day (0–10, 10 = worst)"
)

QUESTIONNAIRE_TOTAL_DEFINITION = N_(
    "Questionnaire total: the sum of the item answers of one filled questionnaire "
    "(PHQ-9 0–27, GAD-7 0–21; higher = more symptoms), at the time it was filled in"
)

def _floats(values: Iterable[float] = ()) -> FloatArray:
    return np.asarray(list(values), dtype=np.float64)


@dataclass(frozen=True)
class DailyMeans:
    """Per-day means of one measure, for the days that have a value, oldest first."""

    days: tuple[date, ...]
    means: FloatArray
    counts: IntArray


@dataclass(frozen=True)
class ScoreSeries:
    """The totals of one questionnaire over time (x in UTC epoch seconds), oldest first."""

    instrument_id: str
    short_title: str
    max_total: int
    x: FloatArray = field(default_factory=_floats)
    totals: FloatArray = field(default_factory=_floats)
    labels: tuple[str, ...] = ()


def _empty_score(instrument_id: str) -> ScoreSeries:
    questionnaire = INSTRUMENTS[instrument_id]
    return ScoreSeries(instrument_id, questionnaire.short_title, questionnaire.max_total)


@dataclass(frozen=True)
class TrendSeries:
    """Everything the Trends chart draws, as numpy arrays (x in UTC epoch seconds).

    Arrays that share a prefix have the same length: ``mood_x``, ``mood_y``,
    ``mood_counts``, ``mood_days`` and ``mean7_y`` describe the same days.
    """

    mood_x: FloatArray = field(default_factory=_floats)
    mood_y: FloatArray = field(default_factory=_floats)
    mood_counts: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    mood_days: tuple[date, ...] = ()
    mean7_y: FloatArray = field(default_factory=_floats)
    anxiety_x: FloatArray = field(default_factory=_floats)
    anxiety_y: FloatArray = field(default_factory=_floats)
    anxiety_counts: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    anxiety_days: tuple[date, ...] = ()
    sleep_x: FloatArray = field(default_factory=_floats)
    sleep_y: FloatArray = field(default_factory=_floats)
    sleep_counts: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    sleep_days: tuple[date, ...] = ()
    induction_x: FloatArray = field(default_factory=_floats)
    induction_labels: tuple[str, ...] = ()
    booster_x: FloatArray = field(default_factory=_floats)
    booster_labels: tuple[str, ...] = ()
    #: Each session's calendar day (in the offset it was logged with), as ``*_x``.
    induction_days: tuple[date, ...] = ()
    booster_days: tuple[date, ...] = ()
    side_effect_x: FloatArray = field(default_factory=_floats)
    side_effect_severity: FloatArray = field(default_factory=_floats)
    side_effect_red_flag: BoolArray = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))
    side_effect_labels: tuple[str, ...] = ()
    #: Medication starts, dose changes and stops: noon of their day, and a short label
    #: ("Lorazepam started").
    medication_x: FloatArray = field(default_factory=_floats)
    medication_labels: tuple[str, ...] = ()
    #: Sessions still planned (not logged): when, and what (route and phase).
    planned_x: FloatArray = field(default_factory=_floats)
    planned_labels: tuple[str, ...] = ()
    #: Questionnaire totals, one series per instrument in :data:`INSTRUMENTS` order.
    scores: tuple[ScoreSeries, ...] = field(
        default_factory=lambda: tuple(_empty_score(i) for i in INSTRUMENTS)
    )

    def score(self, instrument_id: str) -> ScoreSeries:
        """The totals of one instrument (empty when none was filled)."""
        for score in self.scores:
            if score.instrument_id == instrument_id:
                return score
        return _empty_score(instrument_id)

    @property
    def has_scores(self) -> bool:
        """True when at least one questionnaire total is in the series."""
        return any(score.x.size for score in self.scores)

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to draw."""
        return self.x_span() is None

    def x_span(self) -> tuple[float, float] | None:
        """Earliest and latest x of anything in the series, or None when empty."""
        parts = [
            a
            for a in (
                self.mood_x,
                self.anxiety_x,
                self.sleep_x,
                self.induction_x,
                self.booster_x,
                self.side_effect_x,
                self.planned_x,
                *(score.x for score in self.scores),
            )
            if a.size
        ]
        if not parts:
            return None
        return (float(min(a.min() for a in parts)), float(max(a.max() for a in parts)))


def daily_means(days: Sequence[date], values: Sequence[float] | FloatArray) -> DailyMeans:
    """Group ``values`` by their day in ``days`` (same length) and average each day.

    Returns the distinct days in calendar order with the mean and the number of
    values on each.
    """
    if len(days) != len(values):
        raise ValueError("days and values must have the same length")
    if not len(days):
        return DailyMeans((), _floats(), np.zeros(0, dtype=np.int64))
    ordinals = np.fromiter((d.toordinal() for d in days), dtype=np.int64, count=len(days))
    unique, inverse = np.unique(ordinals, return_inverse=True)
    counts = np.bincount(inverse, minlength=unique.size).astype(np.int64)
    sums = np.bincount(inverse, weights=np.asarray(values, dtype=np.float64), minlength=unique.size)
    return DailyMeans(tuple(date.fromordinal(int(o)) for o in unique), sums / counts, counts)


def trailing_mean(
    days: Sequence[date], means: FloatArray, window_days: int = SEVEN_DAY_WINDOW_DAYS
) -> FloatArray:
    """For each day (sorted, distinct), the mean of ``means`` over [day − window + 1, day].

    Only days present in ``days`` count: a missing day is skipped, not taken as zero,
    so the value is the mean of however many days in the window have data (1 to 7).
    """
    if not len(days):
        return _floats()
    ordinals = np.fromiter((d.toordinal() for d in days), dtype=np.int64, count=len(days))
    starts = np.searchsorted(ordinals, ordinals - (window_days - 1), side="left")
    cumulative = np.concatenate(([0.0], np.cumsum(means, dtype=np.float64)))
    ends = np.arange(1, ordinals.size + 1)
    return np.asarray((cumulative[ends] - cumulative[starts]) / (ends - starts), dtype=np.float64)


def day_runs(days: Sequence[date], max_gap_days: int) -> tuple[tuple[int, int], ...]:
    """Index ranges ``[a, b)`` of the runs of ``days`` (sorted) with no gap longer than
    ``max_gap_days``: where a line through the days is broken, so that it never joins
    two days farther apart than that."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(days) + 1):
        if i == len(days) or (days[i] - days[i - 1]).days > max_gap_days:
            runs.append((start, i))
            start = i
    return tuple(runs)


def format_score(value: float) -> str:
    """A 0–10 score or mean to one decimal, without a trailing ``.0`` (``6``, ``6.5``)."""
    rounded = round(float(value), 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else locales.number(f"{rounded:.1f}")


def _format_time(at: datetime) -> str:
    return f"{format_date_with_weekday(at.date())} {at:%H:%M}"


def session_label(session: Session) -> str:
    """One line describing a session, for tooltips."""
    details = [_(session.route.label)]
    if session.dose_mg is not None:
        details.insert(0, f"{locales.number(f'{session.dose_mg:g}')} mg")
    return _("{phase} session — {time} ({details})").format(
        phase=_(session.phase.label), time=_format_time(session.at), details=" ".join(details))


def side_effect_label(effect: SideEffect) -> str:
    """One line describing a side effect, for tooltips; red flags say so."""
    text = _("{label}, severity {severity} — {time}").format(
        # The patient's own words for "other" are no catalogue text: they come back as typed.
        label=_(effect.label), severity=effect.severity, time=_format_time(effect.at))
    if effect.is_red_flag:
        text += _(" — red flag: contact your clinic")
    return text


def assessment_label(assessment: Assessment) -> str:
    """One line describing a questionnaire total, for tooltips.

    E.g. ``Thu 10 Dec 2024 — PHQ-9 19 (moderately severe)``.
    """
    return _("{day} — {instrument} {total} ({band})").format(
        day=format_date_with_weekday(assessment.at.date()),
        instrument=assessment.instrument.short_title, total=assessment.total,
        band=pgettext("severity", assessment.band.label))


def score_series(assessments: Sequence[Assessment]) -> tuple[ScoreSeries, ...]:
    """Questionnaire totals per instrument (in :data:`INSTRUMENTS` order), oldest first."""
    ordered = sorted(assessments, key=lambda a: a.at)
    result = []
    for instrument_id, questionnaire in INSTRUMENTS.items():
        filled = [a for a in ordered if a.instrument_id == instrument_id]
        result.append(
            ScoreSeries(
                instrument_id=instrument_id,
                short_title=questionnaire.short_title,
                max_total=questionnaire.max_total,
                x=_floats(a.at.timestamp() for a in filled),
                totals=_floats(float(a.total) for a in filled),
                labels=tuple(assessment_label(a) for a in filled),
            )
        )
    return tuple(result)


def _noon_x(days: Sequence[date], noon_of: dict[date, float]) -> FloatArray:
    return np.fromiter((noon_of[d] for d in days), dtype=np.float64, count=len(days))


def build_trend_series(
    moods: Sequence[MoodEntry],
    sessions: Sequence[Session],
    side_effects: Sequence[SideEffect],
    assessments: Sequence[Assessment] = (),
) -> TrendSeries:
    """Build the Trends chart's series from entries (any order).

    - Daily mood: the mean of the mood scores logged on a calendar day (the entry's
      local date as logged), at noon of that day.
    - 7-day mean: see :data:`SEVEN_DAY_MEAN_DEFINITION` — for each day with data,
      the mean of the daily moods of the days in [day − 6, day] that have data.
    - Daily anxiety and sleep: means over the days on which they were logged.
    - Sessions: their times, split into induction and booster.
    - Side effects: their times, severities and whether each is a red flag.
    - Questionnaire totals: per instrument, each filled questionnaire's total at the
      time it was filled in (see :data:`QUESTIONNAIRE_TOTAL_DEFINITION`).
    """
    return build_trend_series_from_days(day_totals(moods), sessions, side_effects, assessments)


def _day_means(rows: Sequence[tuple[date, float, int]]) -> DailyMeans:
    kept = [row for row in rows if row[2] > 0]
    if not kept:
        return DailyMeans((), _floats(), np.zeros(0, dtype=np.int64))
    counts = np.fromiter((row[2] for row in kept), dtype=np.int64, count=len(kept))
    sums = np.fromiter((row[1] for row in kept), dtype=np.float64, count=len(kept))
    return DailyMeans(tuple(row[0] for row in kept), sums / counts, counts)


def medication_mark(step: MedicationStep) -> str:
    """The short label of a medication change on the chart: ``Lorazepam started``."""
    verb = {"start": _("{name} started"), "change": _("{name} dose changed"),
            "stop": _("{name} stopped")}
    return verb[step.action.value].format(name=step.name)


def build_trend_series_from_days(
    days: Sequence[DayTotals],
    sessions: Sequence[Session],
    side_effects: Sequence[SideEffect],
    assessments: Sequence[Assessment] = (),
    medication_steps: Sequence[MedicationStep] = (),
) -> TrendSeries:
    """:func:`build_trend_series` from per-day totals (oldest first), e.g. computed in SQL
    by :meth:`ketajournal.services.journal.Journal.daily_mood_totals`: the same series
    without reading every mood entry. ``medication_steps`` (any order) are drawn at noon
    of their day (in the offset of that day's first mood entry, else the computer's)."""
    # A day's point sits at noon in the offset of the first entry of that day, so a
    # journal kept while travelling still shows each lived day once.
    noon_of = {
        t.day: datetime.combine(t.day, time(12), tzinfo=t.first_at.tzinfo).timestamp()
        for t in days
    }
    mood = _day_means([(t.day, float(t.mood_sum), t.mood_count) for t in days])
    anxiety = _day_means([(t.day, float(t.anxiety_sum), t.anxiety_count) for t in days])
    sleep = _day_means([(t.day, t.sleep_sum, t.sleep_count) for t in days])

    by_phase: dict[Phase, list[Session]] = {Phase.INDUCTION: [], Phase.BOOSTER: []}
    for session in sorted(sessions, key=lambda s: s.at):
        by_phase[Phase(session.phase)].append(session)
    induction, booster = by_phase[Phase.INDUCTION], by_phase[Phase.BOOSTER]

    effects = sorted(side_effects, key=lambda e: e.at)
    steps = sorted(medication_steps, key=lambda m: (m.day, m.key))
    return TrendSeries(
        medication_x=_floats(
            noon_of.get(m.day, datetime.combine(m.day, time(12)).timestamp()) for m in steps),
        medication_labels=tuple(medication_mark(m) for m in steps),
        mood_x=_noon_x(mood.days, noon_of),
        mood_y=mood.means,
        mood_counts=mood.counts,
        mood_days=mood.days,
        mean7_y=trailing_mean(mood.days, mood.means),
        anxiety_x=_noon_x(anxiety.days, noon_of),
        anxiety_y=anxiety.means,
        anxiety_counts=anxiety.counts,
        anxiety_days=anxiety.days,
        sleep_x=_noon_x(sleep.days, noon_of),
        sleep_y=sleep.means,
        sleep_counts=sleep.counts,
        sleep_days=sleep.days,
        induction_x=_floats(s.at.timestamp() for s in induction),
        induction_labels=tuple(session_label(s) for s in induction),
        booster_x=_floats(s.at.timestamp() for s in booster),
        booster_labels=tuple(session_label(s) for s in booster),
        induction_days=tuple(s.at.date() for s in induction),
        booster_days=tuple(s.at.date() for s in booster),
        side_effect_x=_floats(e.at.timestamp() for e in effects),
        side_effect_severity=_floats(float(e.severity) for e in effects),
        side_effect_red_flag=np.fromiter(
            (e.is_red_flag for e in effects), dtype=np.bool_, count=len(effects)
        ),
        side_effect_labels=tuple(side_effect_label(e) for e in effects),
        scores=score_series(assessments),
    )


__all__ = [
    "DAILY_ANXIETY_DEFINITION",
    "DAILY_MOOD_DEFINITION",
    "QUESTIONNAIRE_TOTAL_DEFINITION",
    "SEVEN_DAY_MEAN_DEFINITION",
    "SEVEN_DAY_WINDOW_DAYS",
    "SLEEP_DEFINITION",
    "DailyMeans",
    "ScoreSeries",
    "TrendSeries",
    "assessment_label",
    "build_trend_series",
    "build_trend_series_from_days",
    "daily_means",
    "day_runs",
    "format_score",
    "medication_mark",
    "score_series",
    "session_label",
    "side_effect_label",
    "trailing_mean",
]


def with_planned(series: TrendSeries, planned: Sequence[PlannedItem]) -> TrendSeries:
    """``series`` with the sessions still planned (hollow markers on Trends)."""
    ahead = sorted((i for i in planned if i.is_open), key=lambda i: i.session.at)
    return dataclasses.replace(
        series,
        planned_x=_floats(i.session.at.timestamp() for i in ahead),
        planned_labels=tuple(
            _("Planned: {route}, {phase}, {when}").format(
                route=_(i.session.route.label),
                phase=pgettext("phase, in a sentence", i.session.phase.value),
                when=f"{format_date_with_weekday(i.session.at.date())} {i.session.at:%H:%M}")
            for i in ahead
        ),
    )
