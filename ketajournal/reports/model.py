"""The clinician report as plain values: the summary (page 1), the chart series, the tables.

A :class:`Report` is a tree of frozen dataclasses holding strings, numbers, dates and
tuples of them — no entries, no numpy, no Qt, no SQL — built by
``ketajournal.services.reports.build_report`` and drawn by a writer (the PDF in
:mod:`ketajournal.reports.pdf`; the Appointment screen shows the same
:attr:`Report.summary`, see :mod:`ketajournal.reports.summary`). The chart series
arrive finished, so a writer only draws them. Every figure travels with the definition
it used, so whatever draws it can print both. docs/report.md lists the pages and the
definitions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ketajournal.domain.year_pixels import YearPixels
from ketajournal.language import N_
from ketajournal.language import gettext as _
from ketajournal.reports.summary import BloodPressureLine, Period, Score, SessionLine, Summary

TITLE = N_("Treatment journal summary")

#: The Trends chart's 7-day mean needs this many days before the period start.
TREND_CONTEXT_DAYS = 6
#: The report's daily-mood line joins days at most this many days apart.
MOOD_LINE_MAX_GAP_DAYS = 3

NOTES_DEFINITION = N_(
    "Free text the patient typed on any entry in the period; included because the "
    "patient chose to include notes."
)


# -- charts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreTrack:
    """One questionnaire's totals in the period, oldest first."""

    instrument_id: str
    short_title: str
    max_total: int
    points: tuple[Score, ...]


@dataclass(frozen=True)
class TrendData:
    """What the Trends chart draws, finished: the period's daily moods and their 7-day
    mean, where each line breaks, the sessions and the questionnaire totals.

    ``mood_days`` are the days of the period with a mood entry, oldest first;
    ``mood_values`` and ``mean7_values`` are the daily mood and the 7-day mean on each
    (the mean of the first days counts the days before the period too). ``mood_runs``
    and ``mean7_runs`` are index ranges ``[a, b)`` into ``mood_days``, each drawn as one
    line: the daily line is broken where days are more than
    :data:`MOOD_LINE_MAX_GAP_DAYS` apart, the mean where they are more than 7 apart.
    ``context_days`` counts the days with a mood entry in the
    :data:`TREND_CONTEXT_DAYS` days before the period.
    """

    start: date
    end: date
    mood_days: tuple[date, ...]
    mood_values: tuple[float, ...]
    mean7_values: tuple[float, ...]
    mood_runs: tuple[tuple[int, int], ...]
    mean7_runs: tuple[tuple[int, int], ...]
    context_days: int
    sessions: tuple[SessionLine, ...]
    scores: tuple[ScoreTrack, ...]
    definitions: tuple[str, ...]


@dataclass(frozen=True)
class Curve:
    """One cycle's response curve: daily mood at offsets (days after the session)."""

    session_day: date
    is_booster: bool
    dose_mg: float | None
    label: str
    offsets: tuple[int, ...]
    values: tuple[float, ...]


@dataclass(frozen=True)
class CurvesData:
    """The booster response curves: cycles (oldest first), the booster median, T."""

    curves: tuple[Curve, ...]
    median_offsets: tuple[int, ...]
    median_values: tuple[float, ...]
    median_cycle_count: int
    threshold: float | None
    definitions: tuple[str, ...]

    @property
    def longest_offset(self) -> int:
        """The largest offset with data in any curve or the median (0 when there is none)."""
        return max([max(c.offsets) for c in self.curves if c.offsets]
                   + list(self.median_offsets) + [0])


@dataclass(frozen=True)
class Charts:
    """The data of the chart page."""

    trend: TrendData
    curves: CurvesData



# -- detail tables --------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRow:
    """One session in the detail table."""

    day: date
    time: str
    phase: str
    route: str
    dose_mg: float | None
    dose_mg_per_kg: float | None
    dissociation: int | None
    bp: BloodPressureLine
    #: The rest of the label's session record, when the clinic gave it.
    heart_rate: int | None = None
    spo2: int | None = None
    observation_minutes: int | None = None
    moaas: int | None = None

    @property
    def has_record(self) -> bool:
        """True when any part of the session record beyond before/after was given."""
        extra = (self.heart_rate, self.spo2, self.observation_minutes, self.moaas)
        return any(r is not None for r in (*self.bp.later, *extra))


@dataclass(frozen=True)
class AssessmentRow:
    """One filled questionnaire; ``item9`` is None for instruments without a safety item."""

    day: date
    instrument: str
    total: int
    max_total: int
    band: str
    item9: int | None
    #: The answer to the (unscored) difficulty question, as worded, when given.
    difficulty: str | None = None


@dataclass(frozen=True)
class SideEffectRow:
    """One side effect; ``after_session`` is the day of the session it was linked to."""

    day: date
    time: str
    label: str
    severity: int
    duration_minutes: int | None
    after_session: date | None
    red_flag: bool


@dataclass(frozen=True)
class EventRow:
    """One event (psychotherapy, medication change, appointment…), without its note."""

    day: date
    kind: str


@dataclass(frozen=True)
class NoteRow:
    """A note the patient wrote on an entry (only in reports with notes)."""

    day: date
    time: str
    kind: str
    text: str


@dataclass(frozen=True)
class Details:
    """The detail tables after the charts. ``notes`` is None unless the patient opted in."""

    sessions: tuple[SessionRow, ...]
    assessments: tuple[AssessmentRow, ...]
    side_effects: tuple[SideEffectRow, ...]
    events: tuple[EventRow, ...]
    notes: tuple[NoteRow, ...] | None
    notes_definition: str = field(default_factory=lambda: _(NOTES_DEFINITION))


@dataclass(frozen=True)
class Report:
    """The whole clinician report. ``name`` is printed only when the user typed one."""

    generated_on: date
    name: str | None
    summary: Summary
    charts: Charts
    details: Details
    title: str = field(default_factory=lambda: _(TITLE))
    #: The optional year-in-pixels pages (one per calendar year of the period), or none.
    years: tuple[YearPixels, ...] = ()

    @property
    def period(self) -> Period:
        """The period the report covers."""
        return self.summary.period

    @property
    def include_notes(self) -> bool:
        """True when the patient chose to include their notes."""
        return self.details.notes is not None



__all__ = [
    "MOOD_LINE_MAX_GAP_DAYS",
    "TITLE",
    "TREND_CONTEXT_DAYS",
    "AssessmentRow",
    "Charts",
    "Curve",
    "CurvesData",
    "Details",
    "EventRow",
    "NoteRow",
    "Report",
    "ScoreTrack",
    "SessionRow",
    "SideEffectRow",
    "TrendData",
]
