"""Build the clinician report (:class:`ketajournal.reports.model.Report`) from a journal.

The figures come from the same services the screens and ``ketajournal status`` /
``boosters`` use (``clinical.measure_status``, ``clinical.booster_analysis``), run on
the journal as it stood at the end of the period, so a report for an earlier period
shows what was known then. The result is plain values: writers (the PDF) and the
on-screen Appointment review only draw it. Definitions: docs/report.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

import numpy as np

from ketajournal.domain.boosters import (
    BASELINE_MIN_DAYS,
    BASELINE_WINDOW_DAYS,
    NEXT_DUE_CYCLES,
    NEXT_DUE_MIN_CYCLES,
    ROLLING_WINDOW_DAYS,
    TOLERANCE_ADVICE,
    TOLERANCE_DOSE_RISE,
    TOLERANCE_LAST_RATIO,
    TOLERANCE_MAX_CYCLES,
    TOLERANCE_MIN_CYCLES,
    TOLERANCE_NOTE_FOR_CLINICIAN,
    TOLERANCE_SLOPE_DAYS,
    BoosterAnalysis,
    Cycle,
)
from ketajournal.domain.dates import format_date, format_range
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import (
    KIND_LABELS,
    Assessment,
    BloodPressure,
    Entry,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
)
from ketajournal.domain.response_curves import response_curves
from ketajournal.domain.series import SEVEN_DAY_WINDOW_DAYS, day_runs, trailing_mean
from ketajournal.domain.validation import MAX_SHORT_TEXT_CHARS, ValidationError, check_text
from ketajournal.errors import KnownError
from ketajournal.reports.model import (
    MOOD_LINE_MAX_GAP_DAYS,
    TREND_CONTEXT_DAYS,
    AssessmentRow,
    Charts,
    Curve,
    CurvesData,
    Details,
    EventRow,
    NoteRow,
    Report,
    ScoreTrack,
    SessionRow,
    SideEffectRow,
    TrendData,
)
from ketajournal.reports.summary import (
    RECENT_BOOSTER_CYCLES,
    RECENT_MOOD_DAYS,
    BloodPressureLine,
    BoosterSummary,
    CycleLine,
    MeasureSummary,
    MoodSummary,
    Period,
    SafetyLine,
    Score,
    SessionLine,
    SessionsSummary,
    SideEffectLine,
    Summary,
)
from ketajournal.services import clinical
from ketajournal.services.journal import Journal

E = TypeVar("E", bound=Entry)

NO_APPOINTMENT = (
    "There is no appointment in the journal yet, so there is no “since the last "
    "appointment”. Log one (ketajournal log event appointment --at DATE) or choose "
    "the dates with --from and --to."
)

DAILY_MOOD_DEFINITION = (
    "Daily mood: the mean of the mood scores logged on a calendar day (0–10, 10 = best)."
)
TREND_DEFINITIONS = (
    DAILY_MOOD_DEFINITION,
    "7-day mean: the mean of the daily moods in the 7 calendar days ending that day "
    "(days without an entry are skipped).",
    "PHQ-9 total: the sum of its 9 item answers (0–27; higher = more symptoms), on the "
    "right-hand axis, on the day it was filled in.",
)


class _JournalUntil(Journal):
    """A read-only view of a journal as it stood at the end of ``last_day``.

    It hands the clinical services only the entries of days up to ``last_day``, so a
    report for an earlier period computes its baseline-vs-latest and booster figures
    from what was known then. Only the reads those services use are provided; the
    view is never written to (it has no database of its own).

    The bound is in SQL (the indexed ``ts``, then the logged ``day``), and each whole
    read is made once per view and kept: one report reads each kind at most once.
    """

    def __init__(self, journal: Journal, last_day: date) -> None:
        # Deliberately not Journal.__init__: everything goes through ``journal``.
        self._inner = journal
        self._last_day = last_day
        self._kept: dict[str, Any] = {}
        self.path = None

    def _upto(self, entries: Iterable[E]) -> list[E]:
        return [e for e in entries if e.at.date() <= self._last_day]

    def _all(self, kind: str) -> list[Any]:
        """Every entry of ``kind`` up to the last day, read once."""
        if kind not in self._kept:
            self._kept[kind] = self._inner.entries_on_days(kind, None, self._last_day)
        return list(self._kept[kind])

    def _read(self, kind: str, start: datetime | None, end: datetime | None) -> list[Any]:
        if start is None and end is None:
            return self._all(kind)
        return self._upto(self._inner.entries(kind, start, end))

    def now(self) -> datetime:
        """The clock of the journal this views."""
        return self._inner.now()

    def setting(self, key: str, default: Any = None) -> Any:
        """A setting of the journal this views."""
        return self._inner.setting(key, default)

    def entries(
        self, kind: str, start: datetime | None = None, end: datetime | None = None
    ) -> list[Any]:
        """Entries of one kind up to the last day, oldest first."""
        return self._read(kind, start, end)

    def entries_on_days(
        self, kind: str, first_day: date | None = None, last_day: date | None = None
    ) -> list[Any]:
        """Entries of one kind logged on ``first_day``..``last_day``, up to the last day."""
        last = self._last_day if last_day is None else min(last_day, self._last_day)
        return self._inner.entries_on_days(kind, first_day, last)

    def daily_mood_means(
        self, first_day: date | None = None, last_day: date | None = None
    ) -> list[tuple[date, float]]:
        """The daily moods up to the last day (read once), within the days given."""
        if "daily_mood" not in self._kept:
            self._kept["daily_mood"] = self._inner.daily_mood_means(None, self._last_day)
        means: list[tuple[date, float]] = self._kept["daily_mood"]
        return [
            (day, mean) for day, mean in means
            if (first_day is None or first_day <= day) and (last_day is None or day <= last_day)
        ]

    def moods(self, start: datetime | None = None, end: datetime | None = None) -> list[MoodEntry]:
        """Mood entries up to the last day."""
        return self._read(MoodEntry.kind, start, end)

    def sessions(self, start: datetime | None = None, end: datetime | None = None) -> list[Session]:
        """Sessions up to the last day."""
        return self._read(Session.kind, start, end)

    def side_effects(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[SideEffect]:
        """Side effects up to the last day."""
        return self._read(SideEffect.kind, start, end)

    def assessments(
        self,
        instrument_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[Assessment]:
        """Filled questionnaires (of one instrument, if given) up to the last day."""
        found: list[Assessment] = self._read(Assessment.kind, start, end)
        return [a for a in found if instrument_id is None or a.instrument_id == instrument_id]


# -- the period ----------------------------------------------------------------------------


def parse_day(field: str, text: str | None) -> date | None:
    """A calendar day written ``YYYY-MM-DD`` (``--from``/``--to``); None when not given."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(field, "must be a date written YYYY-MM-DD, e.g. 2026-03-14") from None


def resolve_period(
    journal: Journal,
    period_start: date | None,
    period_end: date | None,
    *,
    since_last_appointment: bool,
) -> Period:
    """The days the report covers, inclusive.

    Default: all data (from the day of the first entry) up to today. With
    ``since_last_appointment``: from the day of the last appointment event up to today
    (or ``period_end``). Raises :class:`ValidationError` for contradictory dates and
    :class:`KnownError` when there is no appointment to start from.
    """
    today = journal.now().date()
    end = period_end or today
    if since_last_appointment:
        if period_start is not None:
            raise ValidationError(
                "from", "cannot be combined with --since-last-appointment (choose one)"
            )
        appointment = journal.latest_event(EventKind.APPOINTMENT, end)
        if appointment is None:
            raise KnownError(NO_APPOINTMENT)
        start = appointment.at.date()
        basis = "since the last appointment"
        definition = (
            f"Since the last appointment: from the day of the last appointment in the "
            f"journal ({format_date(start)}) to {_today_or(end, today)}."
        )
    elif period_start is not None:
        start = period_start
        basis = "chosen dates"
        definition = f"Chosen dates: {format_range(start, end)}, both days included."
    else:
        first = journal.first_entry_day()
        start = min(first, end) if first is not None else end
        basis = "all data"
        definition = (
            f"All data: from the day of the first entry ({format_date(start)}) to "
            f"{_today_or(end, today)}."
            if first is not None
            else "All data: the journal has no entries yet."
        )
    if start > end:
        raise ValidationError("from", "must be on or before --to")
    return Period(start=start, end=end, basis=basis, definition=definition)


def _today_or(end: date, today: date) -> str:
    return f"today ({format_date(end)})" if end == today else format_date(end)


# -- building -----------------------------------------------------------------------------


def build_report(
    journal: Journal,
    period_start: date | None,
    period_end: date | None,
    *,
    include_notes: bool,
    name: str | None,
    since_last_appointment: bool,
) -> Report:
    """The clinician report for a period (see :func:`resolve_period`).

    Notes the patient typed are in it only when ``include_notes``; ``name`` (the text
    the user typed for this report) only when given and not blank.
    """
    period = resolve_period(
        journal, period_start, period_end, since_last_appointment=since_last_appointment
    )
    shown_name = _clean_name(name)
    view = _JournalUntil(journal, period.end)

    # History up to the end of the period where the figures need it (sessions and
    # questionnaires for the baselines, the daily moods for the booster analysis);
    # only the period's own days for everything else.
    sessions = view.sessions()
    assessments = view.assessments()
    daily = view.daily_mood_means()
    analysis = clinical.booster_analysis(view)

    in_sessions = _within(period, sessions)
    in_assessments = _within(period, assessments)
    in_effects: list[SideEffect] = view.entries_on_days(SideEffect.kind, period.start, period.end)
    in_events: list[Event] = view.entries_on_days(Event.kind, period.start, period.end)
    session_day = {s.id: s.at.date() for s in sessions}

    summary = Summary(
        period=period,
        sessions=_sessions_summary(in_sessions),
        mood=_mood_summary(period, daily, sessions, analysis),
        measures=tuple(_measure(view, instrument_id) for instrument_id in INSTRUMENTS),
        boosters=_booster_summary(analysis),
        side_effects=_side_effect_lines(in_effects),
        blood_pressure=tuple(_bp_line(s) for s in in_sessions),
        safety=tuple(
            SafetyLine(
                day=a.at.date(),
                answer=_item9(a) or 0,
                answer_label=a.instrument.option_label(_item9(a) or 0),
                total=a.total,
            )
            for a in in_assessments
            if a.safety_flag
        ),
        safety_checked=sum(1 for a in in_assessments if a.instrument.safety_item is not None),
    )
    charts = Charts(
        trend=_trend(period, daily, in_sessions, in_assessments),
        curves=_curves(period, analysis),
    )
    notes = None
    if include_notes:
        in_moods = view.entries_on_days(MoodEntry.kind, period.start, period.end)
        notes = _notes(period, [*in_moods, *in_sessions, *in_effects, *in_assessments,
                                *in_events])
    details = Details(
        sessions=tuple(
            SessionRow(
                day=s.at.date(),
                time=f"{s.at:%H:%M}",
                phase=Phase(s.phase).label,
                route=Route(s.route).label,
                dose_mg=s.dose_mg,
                dose_mg_per_kg=s.dose_mg_per_kg,
                dissociation=s.dissociation,
                bp=_bp_line(s),
            )
            for s in in_sessions
        ),
        assessments=tuple(
            AssessmentRow(
                day=a.at.date(),
                instrument=a.instrument.short_title,
                total=a.total,
                max_total=a.instrument.max_total,
                band=a.band.label,
                item9=_item9(a),
            )
            for a in in_assessments
        ),
        side_effects=tuple(
            SideEffectRow(
                day=e.at.date(),
                time=f"{e.at:%H:%M}",
                label=e.label,
                severity=e.severity,
                duration_minutes=e.duration_minutes,
                after_session=session_day.get(e.session_id),
                red_flag=e.category.is_red_flag,
            )
            for e in in_effects
        ),
        events=tuple(EventRow(e.at.date(), EventKind(e.event_kind).label) for e in in_events),
        notes=notes,
    )
    return Report(
        generated_on=journal.now().date(), name=shown_name, summary=summary, charts=charts,
        details=details,
    )


def _clean_name(name: str | None) -> str | None:
    if name is None or not name.strip():
        return None
    return " ".join(check_text("name", name, MAX_SHORT_TEXT_CHARS).split())


def _within(period: Period, entries: Iterable[E]) -> list[E]:
    return [e for e in entries if period.contains(e.at.date())]


def _item9(assessment: Assessment) -> int | None:
    item = assessment.instrument.safety_item
    return None if item is None else assessment.answers[item - 1]


def _session_line(session: Session) -> SessionLine:
    return SessionLine(
        day=session.at.date(),
        phase=Phase(session.phase).label,
        route=Route(session.route).label,
        dose_mg=session.dose_mg,
    )


def _sessions_summary(sessions: Sequence[Session]) -> SessionsSummary:
    return SessionsSummary(
        count=len(sessions),
        induction_count=sum(1 for s in sessions if s.phase is Phase.INDUCTION),
        booster_count=sum(1 for s in sessions if s.phase is Phase.BOOSTER),
        sessions=tuple(_session_line(s) for s in sessions),
    )


def _days_between(
    daily: Sequence[tuple[date, float]], first: date, last: date
) -> list[tuple[date, float]]:
    """The daily moods of the days ``first``..``last``."""
    return [(day, mean) for day, mean in daily if first <= day <= last]


def _mood_summary(
    period: Period,
    daily: Sequence[tuple[date, float]],
    sessions: Sequence[Session],
    analysis: BoosterAnalysis,
) -> MoodSummary:
    recent_start = max(period.start, period.end - timedelta(days=RECENT_MOOD_DAYS - 1))
    by_day = _days_between(daily, recent_start, period.end)
    recent = sum(mean for _, mean in by_day) / len(by_day) if by_day else None
    first = min((s.at.date() for s in sessions), default=None)
    base_start = first - timedelta(days=BASELINE_WINDOW_DAYS) if first else None
    base_end = first - timedelta(days=1) if first else None
    days = (period.end - recent_start).days + 1
    definitions = [
        f"Mood now: the mean of the daily moods (a day's mood = the mean of its entries, 0–10) "
        f"over the last {RECENT_MOOD_DAYS} days of the period, "
        f"{format_range(recent_start, period.end)}; {len(by_day)} of the {days} days "
        "had an entry.",
    ]
    if base_start and base_end:
        definitions.append(
            f"Baseline level B: the same mean over the {BASELINE_WINDOW_DAYS} days before the "
            f"first session, {format_range(base_start, base_end)} (needs at least "
            f"{BASELINE_MIN_DAYS} days with an entry)."
        )
    else:
        definitions.append(analysis.definitions["baseline_level"])
    notes = []
    if analysis.baseline_level is None:
        notes.append(
            "B is undefined: fewer than 3 days with a mood entry in the 14 days before the "
            "first session." if first else "B is undefined: there is no session yet."
        )
    if recent is None:
        notes.append(f"No mood entry in the last {RECENT_MOOD_DAYS} days of the period.")
    return MoodSummary(
        recent_start=recent_start,
        recent_end=period.end,
        recent_mean=recent,
        recent_days_with_data=len(by_day),
        baseline_level=analysis.baseline_level,
        baseline_start=base_start,
        baseline_end=base_end,
        definitions=tuple(definitions),
        notes=tuple(notes),
    )


def _measure(view: Journal, instrument_id: str) -> MeasureSummary:
    status = clinical.measure_status(view, instrument_id)
    questionnaire = INSTRUMENTS[instrument_id]

    def score(point: clinical.ScorePoint | None) -> Score | None:
        return None if point is None else Score(point.at.date(), point.total, point.band)

    return MeasureSummary(
        instrument_id=instrument_id,
        short_title=status.short_title,
        max_total=questionnaire.max_total,
        baseline=score(status.baseline),
        baseline_source=status.baseline_source,
        latest=score(status.latest),
        change_percent=status.change_percent,
        response=status.response,
        remission=status.remission,
        remission_threshold=status.remission_threshold,
        definitions=tuple((k, _readable(v)) for k, v in status.definitions.items()),
        notes=tuple(_readable(n) for n in status.notes),
    )


def _cycle_line(cycle: Cycle) -> CycleLine:
    return CycleLine(
        session_day=cycle.session.day,
        dose_mg=cycle.session.dose_mg,
        durability_days=cycle.durability_days,
        censored=cycle.censored,
        label=cycle.label,
    )


_BOOSTER_DEFINITION_KEYS = (
    "daily_mood", "baseline_level", "post_induction_level", "threshold", "cycle",
    "rolling_value", "durability", "censored", "response_curve", "tolerance_signal", "next_due",
)


def _booster_summary(analysis: BoosterAnalysis) -> BoosterSummary:
    recent = analysis.booster_cycles[-RECENT_BOOSTER_CYCLES:]
    return BoosterSummary(
        threshold=analysis.threshold,
        threshold_source=analysis.threshold_source,
        baseline_level=analysis.baseline_level,
        post_induction_level=analysis.post_induction_level,
        recent_cycles=tuple(_cycle_line(c) for c in recent),
        tolerance_signal=analysis.tolerance.signal,
        tolerance_sentence=_readable(analysis.tolerance.sentence).replace(
            TOLERANCE_ADVICE, TOLERANCE_NOTE_FOR_CLINICIAN  # the report is the clinician's
        ),
        next_due=analysis.next_due,
        next_due_basis=_readable(analysis.next_due_basis),
        needs=analysis.needs,
        short_definitions=_short_booster_definitions(analysis),
        definitions=tuple(analysis.definitions[key] for key in _BOOSTER_DEFINITION_KEYS),
    )


def _short_booster_definitions(analysis: BoosterAnalysis) -> tuple[str, ...]:
    """Page 1's definitions: the same rules as the analysis's, shorter, with T's numbers."""
    t = analysis.threshold
    if t is None:
        threshold = "There is no threshold T yet, so durability cannot be measured."
    elif analysis.threshold_source == "user":
        threshold = f"T = {t:.2f}, set by the patient."
    else:
        threshold = (
            f"T = {t:.2f} = B + (P − B) / 2 with B = {analysis.baseline_level or 0:.2f} and P = "
            f"{analysis.post_induction_level or 0:.2f}, the mean daily mood over the 7 days "
            "after the last induction session."
        )
    return (
        f"Held: the days after a booster until the {ROLLING_WINDOW_DAYS}-day mean of the daily "
        "mood (days after the session only) first fell below the threshold T, counted to the "
        "day before; “≥ n days”: still at or above T on the last day with an entry. "
        f"{threshold}",
        f"Tolerance pattern: over the last {TOLERANCE_MIN_CYCLES}–{TOLERANCE_MAX_CYCLES} "
        f"finished boosters, durability fell by ≥ {-TOLERANCE_SLOPE_DAYS:g} day per booster "
        f"(least-squares slope) and the last held ≤ {TOLERANCE_LAST_RATIO * 100:.0f} % as long "
        f"as the first, or the dose rose by ≥ {TOLERANCE_DOSE_RISE * 100:.0f} % without a "
        "longer effect; descriptive, not a diagnosis.",
        f"Next booster due: the last booster's date + the median durability of the last "
        f"{NEXT_DUE_CYCLES} finished boosters (at least {NEXT_DUE_MIN_CYCLES} needed).",
    )


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _readable(text: str) -> str:
    """Dates in the services' sentences (ISO 8601) written as the report writes them."""
    return _ISO_DATE.sub(
        lambda m: format_date(date(int(m[1]), int(m[2]), int(m[3]))), text
    )


def _side_effect_lines(effects: Sequence[SideEffect]) -> tuple[SideEffectLine, ...]:
    groups: dict[str, list[SideEffect]] = defaultdict(list)
    for effect in effects:
        groups[effect.label].append(effect)
    lines = [
        SideEffectLine(
            label=label,
            count=len(group),
            worst_severity=max(e.severity for e in group),
            red_flag=any(e.category.is_red_flag for e in group),
            first_day=group[0].at.date(),
            last_day=group[-1].at.date(),
        )
        for label, group in groups.items()
    ]
    lines.sort(key=lambda line: (not line.red_flag, -line.count, -line.worst_severity, line.label))
    return tuple(lines)


def _reading(bp: BloodPressure | None) -> tuple[int, int] | None:
    return None if bp is None else (bp.systolic, bp.diastolic)


def _bp_line(session: Session) -> BloodPressureLine:
    return BloodPressureLine(
        day=session.at.date(),
        phase=Phase(session.phase).label,
        before=_reading(session.bp_before),
        after=_reading(session.bp_after),
    )


def _trend(
    period: Period,
    daily: Sequence[tuple[date, float]],
    sessions: Sequence[Session],
    assessments: Sequence[Assessment],
) -> TrendData:
    # The same 7-day trailing mean as the Trends screen, over the days before the period
    # too, so that the mean on the period's first day is complete.
    first = period.start - timedelta(days=TREND_CONTEXT_DAYS)
    by_day = _days_between(daily, first, period.end)
    days = [day for day, _ in by_day]
    values = np.asarray([mean for _, mean in by_day], dtype=np.float64)
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
        sessions=tuple(_session_line(s) for s in sessions),
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
        definitions=TREND_DEFINITIONS,
    )


def _curves(period: Period, analysis: BoosterAnalysis) -> CurvesData:
    recent = {id(c) for c in analysis.booster_cycles[-RECENT_BOOSTER_CYCLES:]}
    median_count = len(analysis.booster_cycles)
    definitions = (
        analysis.definitions["response_curve"],
        "Shown: the cycles of the sessions in the period and, at least, the last "
        f"{RECENT_BOOSTER_CYCLES} booster cycles; older cycles fainter.",
        (f"Median: over all {median_count} booster cycles up to {format_date(period.end)}. "
         if median_count else "No booster cycle yet, so no median. ")
        + "T: the threshold durability is measured against (page 1).",
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


def _notes(period: Period, entries: Sequence[Entry]) -> tuple[NoteRow, ...]:
    noted = sorted((e for e in _within(period, entries) if e.note.strip()), key=lambda e: e.at)
    return tuple(
        NoteRow(
            day=e.at.date(),
            time=f"{e.at:%H:%M}",
            kind=_kind_label(e),
            text=e.note.strip(),
        )
        for e in noted
    )


def _kind_label(entry: Entry) -> str:
    if isinstance(entry, Event):
        return EventKind(entry.event_kind).label
    if isinstance(entry, Assessment):
        return entry.instrument.short_title
    return KIND_LABELS.get(entry.kind, entry.kind)


__all__ = ["NO_APPOINTMENT", "build_report", "parse_day", "resolve_period"]
