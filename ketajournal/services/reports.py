"""Build the clinician report (:class:`ketajournal.reports.model.Report`) from a journal.

The figures come from the same services the screens and ``ketajournal status`` /
``boosters`` use (``clinical.measure_status``, ``clinical.booster_analysis``), run on
the journal as it stood at the end of the period, so a report for an earlier period
shows what was known then. The result is plain values: writers (the PDF) and the
on-screen Appointment review only draw it. Definitions: docs/report.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TypeVar

from ketajournal.domain import locales
from ketajournal.domain.dates import format_date, format_date_time, format_range
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import (
    KIND_LABELS,
    Assessment,
    Entry,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    SideEffect,
)
from ketajournal.domain.timeutil import local_day
from ketajournal.domain.validation import MAX_SHORT_TEXT_CHARS, ValidationError, check_text
from ketajournal.domain.year_pixels import YearPixels, year_pixels
from ketajournal.errors import KnownError
from ketajournal.language import N_, pgettext
from ketajournal.language import gettext as _
from ketajournal.reports.model import (
    AssessmentRow,
    Charts,
    Details,
    EventRow,
    NoteRow,
    Report,
    SessionRow,
    SideEffectRow,
)
from ketajournal.reports.summary import Period, SafetyLine, Summary
from ketajournal.services import clinical
from ketajournal.services.journal import Journal
from ketajournal.services.journal_until import JournalUntil
from ketajournal.services.plans import Plans
from ketajournal.services.report_charts import curves_data, trend_data
from ketajournal.services.report_summary import (
    booster_summary,
    bp_line,
    effect_label,
    measure_summary,
    medication_summary,
    mood_summary,
    sessions_summary,
    side_effect_lines,
)
from ketajournal.services.settings import Settings

E = TypeVar("E", bound=Entry)
#: At most this many year-in-pixels pages (the latest years of the period).
MAX_YEAR_PAGES = 3

NO_APPOINTMENT = N_(
    "There is no appointment in the journal yet, so there is no “since the last "
    "appointment”. Log one (ketajournal log event appointment --at DATE) or choose "
    "the dates with --from and --to."
)


# -- the period ----------------------------------------------------------------------------


#: The days a report may name: far enough for any journal, near enough that the
#: report's own date arithmetic (weeks before, days after) never leaves the calendar.
REPORT_DAYS = (date(1900, 1, 1), date(2999, 12, 31))


def parse_day(field: str, text: str | None) -> date | None:
    """A calendar day written ``YYYY-MM-DD`` (``--from``/``--to``); None when not given."""
    if text is None:
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            field, _("must be a date written YYYY-MM-DD, e.g. 2026-03-14")) from None
    if not REPORT_DAYS[0] <= day <= REPORT_DAYS[1]:
        raise ValidationError(
            field, f"must be a date from {REPORT_DAYS[0]} to {REPORT_DAYS[1]}"
        )
    return day


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
                "from", _("cannot be combined with --since-last-appointment (choose one)")
            )
        appointment = journal.latest_event(EventKind.APPOINTMENT, end)
        if appointment is None:
            raise KnownError(_(NO_APPOINTMENT))
        start = appointment.at.date()
        basis = N_("since the last appointment")  # data; the PDF translates it
        definition = _(
            "Since the last appointment: from the day of the last appointment in the "
            "journal ({start}) to {end}."
        ).format(start=format_date(start), end=_today_or(end, today))
    elif period_start is not None:
        start = period_start
        basis = N_("chosen dates")
        definition = _("Chosen dates: {period}, both days included.").format(
            period=format_range(start, end))
    else:
        first = journal.first_entry_day()
        start = min(first, end) if first is not None else end
        basis = N_("all data")
        definition = (
            _("All data: from the day of the first entry ({start}) to {end}.").format(
                start=format_date(start), end=_today_or(end, today))
            if first is not None
            else _("All data: the journal has no entries yet.")
        )
    if start > end:
        raise ValidationError("from", _("must be on or before --to"))
    return Period(start=start, end=end, basis=basis, definition=definition)


def _difficulty(assessment: Assessment) -> str | None:
    """The difficulty answer as worded on the form (None when not answered)."""
    extra = assessment.instrument.extra
    if extra is None or assessment.difficulty is None:
        return None
    return next(o.label for o in extra.options if o.value == assessment.difficulty)


def _today_or(end: date, today: date) -> str:
    return _("today ({day})").format(day=format_date(end)) if end == today \
        else format_date(end)


# -- building -----------------------------------------------------------------------------


def next_planned_line(journal: Journal, period: Period) -> str | None:
    """The next planned session after now, in one line — "Thu 10 Dec 2026 10:00, IV
    infusion, booster, at Clinic A" — for a period that runs to today; else None (a
    report of an earlier period says nothing about plans made since)."""
    now = journal.now()
    if period.end < local_day(now):
        return None
    item = Plans(journal).next_session(now)
    if item is None:
        return None
    plan = item.session
    where = _(", at {clinic}").format(clinic=plan.clinic) if plan.clinic else ""
    phase = pgettext("phase, in a sentence", plan.phase.value)
    return f"{format_date_time(plan.at)}, {_(plan.route.label)}, {phase}{where}"


def build_report(
    journal: Journal,
    period_start: date | None,
    period_end: date | None,
    *,
    include_notes: bool,
    name: str | None,
    since_last_appointment: bool,
    year_page: bool = False,
) -> Report:
    """The clinician report for a period (see :func:`resolve_period`).

    Notes the patient typed are in it only when ``include_notes``; ``name`` (the text
    the user typed for this report) only when given and not blank. ``year_page`` adds
    a year-in-pixels page for each calendar year of the period (the last
    :data:`MAX_YEAR_PAGES`).
    """
    period = resolve_period(
        journal, period_start, period_end, since_last_appointment=since_last_appointment
    )
    shown_name = _clean_name(name)
    view = JournalUntil(journal, period.end)

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
        sessions=sessions_summary(in_sessions),
        mood=mood_summary(period, daily, sessions, analysis),
        measures=tuple(measure_summary(view, instrument_id) for instrument_id in INSTRUMENTS),
        boosters=booster_summary(analysis, today=journal.now().date()),
        side_effects=side_effect_lines(in_effects, with_words=include_notes),
        blood_pressure=tuple(bp_line(s) for s in in_sessions),
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
        medications=medication_summary(period, view.medication_courses()),
        next_planned=next_planned_line(journal, period),
    )
    charts = Charts(
        trend=trend_data(period, daily, in_sessions, in_assessments),
        curves=curves_data(period, analysis),
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
                bp=bp_line(s),
                heart_rate=s.heart_rate,
                spo2=s.spo2,
                observation_minutes=s.observation_minutes,
                moaas=s.moaas,
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
                difficulty=_difficulty(a),
            )
            for a in in_assessments
        ),
        side_effects=tuple(
            SideEffectRow(
                day=e.at.date(),
                time=f"{e.at:%H:%M}",
                label=effect_label(e, with_words=include_notes),
                severity=e.severity,
                duration_minutes=e.duration_minutes,
                after_session=session_day.get(e.session_id),
                red_flag=e.is_red_flag,
            )
            for e in in_effects
        ),
        events=tuple(EventRow(e.at.date(), EventKind(e.event_kind).label) for e in in_events),
        notes=notes,
    )
    years: tuple[YearPixels, ...] = ()
    if year_page:
        session_days = {local_day(s.at) for s in sessions}
        first_year = max(period.start.year, period.end.year - MAX_YEAR_PAGES + 1)
        years = tuple(
            year_pixels(year, daily, session_days)
            for year in range(first_year, period.end.year + 1)
        )
    return Report(
        generated_on=journal.now().date(), name=shown_name, summary=summary, charts=charts,
        details=details, years=years,
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


def report_paper(journal: Journal, chosen: str | None = None) -> str:
    """The paper the clinician PDF is written on: ``chosen`` (``export pdf --paper``),
    else the Settings' ``report.paper``, else the locale's: US Letter in the US and
    Canada, A4 elsewhere."""
    if chosen:
        return chosen
    stored = Settings(journal).get("report.paper")
    return locales.paper() if stored == "auto" else str(stored)


__all__ = [
    "NO_APPOINTMENT",
    "build_report",
    "next_planned_line",
    "parse_day",
    "report_paper",
    "resolve_period",
]
