"""Page 1 of the clinician report from a journal: sessions, mood against the baseline, the
questionnaires, the boosters, side effects and blood pressure, each with its definitions.

Pieces of :func:`ketajournal.services.reports.build_report`; the numbers come from
``clinical.measure_status`` and ``clinical.booster_analysis``, as on the screens.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from ketajournal.domain.booster_analysis import (
    NEXT_DUE_CYCLES,
    NEXT_DUE_MIN_CYCLES,
    TOLERANCE_ADVICE,
    TOLERANCE_DOSE_RISE,
    TOLERANCE_LAST_RATIO,
    TOLERANCE_MAX_CYCLES,
    TOLERANCE_MIN_CYCLES,
    TOLERANCE_NOTE_FOR_CLINICIAN,
    TOLERANCE_SLOPE_DAYS,
    medication_note,
)
from ketajournal.domain.boosters import (
    BASELINE_MIN_DAYS,
    BASELINE_WINDOW_DAYS,
    NARROW_RANGE_DAYS,
    NEEDS_OR_USER_THRESHOLD,
    NEEDS_OR_USER_THRESHOLD_FOR_CLINICIAN,
    NO_INDUCTION_RESPONSE,
    ROLLING_WINDOW_DAYS,
    BoosterAnalysis,
    Cycle,
)
from ketajournal.domain.dates import format_date, format_range
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.locales import number
from ketajournal.domain.medications import Course, changes_within, describe, taken_on
from ketajournal.domain.models import (
    BloodPressure,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.language import gettext as _
from ketajournal.language import ngettext
from ketajournal.reports.summary import (
    RECENT_BOOSTER_CYCLES,
    RECENT_MOOD_DAYS,
    BloodPressureLine,
    BoosterSummary,
    CycleLine,
    MeasureSummary,
    MedicationChange,
    MedicationLine,
    MedicationSummary,
    MoodSummary,
    Period,
    Score,
    SessionLine,
    SessionsSummary,
    SideEffectLine,
)
from ketajournal.services import clinical
from ketajournal.services.journal import Journal


def session_line(session: Session) -> SessionLine:
    """One session as page 1 lists it: day, phase, route, dose."""
    return SessionLine(
        day=session.at.date(),
        phase=Phase(session.phase).label,
        route=Route(session.route).label,
        dose_mg=session.dose_mg,
    )


def sessions_summary(sessions: Sequence[Session]) -> SessionsSummary:
    """How many sessions the period had, by phase, and each of them."""
    return SessionsSummary(
        count=len(sessions),
        induction_count=sum(1 for s in sessions if s.phase is Phase.INDUCTION),
        booster_count=sum(1 for s in sessions if s.phase is Phase.BOOSTER),
        sessions=tuple(session_line(s) for s in sessions),
    )


def days_between(
    daily: Sequence[tuple[date, float]], first: date, last: date
) -> list[tuple[date, float]]:
    """The daily moods of the days ``first``..``last``."""
    return [(day, mean) for day, mean in daily if first <= day <= last]


def mood_summary(
    period: Period,
    daily: Sequence[tuple[date, float]],
    sessions: Sequence[Session],
    analysis: BoosterAnalysis,
) -> MoodSummary:
    """Mood over the last days of the period against the baseline level B, with definitions."""
    recent_start = max(period.start, period.end - timedelta(days=RECENT_MOOD_DAYS - 1))
    by_day = days_between(daily, recent_start, period.end)
    recent = sum(mean for _day, mean in by_day) / len(by_day) if by_day else None
    first = min((s.at.date() for s in sessions), default=None)
    base_start = first - timedelta(days=BASELINE_WINDOW_DAYS) if first else None
    base_end = first - timedelta(days=1) if first else None
    days = (period.end - recent_start).days + 1
    definitions = [
        ngettext(
            "Mood now: the mean of the daily moods (a day's mood = the mean of its entries, "
            "0–10) over the last {recent} days of the period, {period}; {with_entry} of the "
            "{n} day had an entry.",
            "Mood now: the mean of the daily moods (a day's mood = the mean of its entries, "
            "0–10) over the last {recent} days of the period, {period}; {with_entry} of the "
            "{n} days had an entry.", days).format(
            recent=RECENT_MOOD_DAYS, period=format_range(recent_start, period.end),
            with_entry=len(by_day), n=days),
    ]
    if base_start and base_end:
        definitions.append(_(
            "Baseline level B: the same mean over the {window} days before the first session, "
            "{period} (needs at least {minimum} days with an entry)."
        ).format(window=BASELINE_WINDOW_DAYS, period=format_range(base_start, base_end),
                 minimum=BASELINE_MIN_DAYS))
    else:
        definitions.append(analysis.definitions["baseline_level"])
    notes = []
    if analysis.baseline_level is None:
        notes.append(
            _("B is undefined: fewer than 3 days with a mood entry in the 14 days before the "
              "first session.") if first else _("B is undefined: there is no session yet.")
        )
    if recent is None:
        notes.append(_("No mood entry in the last {n} days of the period.").format(
            n=RECENT_MOOD_DAYS))
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


def measure_summary(view: Journal, instrument_id: str) -> MeasureSummary:
    """Baseline vs latest of one questionnaire, as ``clinical.measure_status`` computes it."""
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
        definitions=tuple((k, readable(v)) for k, v in status.definitions.items()),
        notes=tuple(readable(n) for n in status.notes),
        not_assessable=status.not_assessable,
    )


def _cycle_line(cycle: Cycle) -> CycleLine:
    return CycleLine(
        session_day=cycle.session.day,
        dose_mg=cycle.session.dose_mg,
        durability_days=cycle.durability_days,
        censored=cycle.censored,
        label=cycle.label,
        short_label=cycle.short_label,
        medication_note=medication_note(cycle),
    )


_BOOSTER_DEFINITION_KEYS = (
    "daily_mood", "baseline_level", "post_induction_level", "threshold", "cycle",
    "rolling_value", "durability", "durability_range", "censored", "response_curve",
    "tolerance_signal", "next_due",
)


def booster_summary(analysis: BoosterAnalysis, today: date | None = None) -> BoosterSummary:
    """Durability of the recent boosters, tolerance and next due, for the clinician.

    ``today`` is the day the report is made: a next-due date before it reads as past.
    The patient's phrases ("discuss it with your clinician", "a threshold you set
    yourself") are said in the third person: the report is the clinician's.
    """
    recent = analysis.booster_cycles[-RECENT_BOOSTER_CYCLES:]
    return BoosterSummary(
        threshold=analysis.threshold,
        threshold_source=analysis.threshold_source,
        baseline_level=analysis.baseline_level,
        post_induction_level=analysis.post_induction_level,
        recent_cycles=tuple(_cycle_line(c) for c in recent),
        tolerance_signal=analysis.tolerance.signal,
        tolerance_sentence=readable(analysis.tolerance.sentence).replace(
            _(TOLERANCE_ADVICE), _(TOLERANCE_NOTE_FOR_CLINICIAN)  # the report is the clinician's
        ),
        next_due=analysis.next_due,
        next_due_basis=readable(analysis.next_due_basis),
        needs=clinician_voice(analysis.needs),
        short_definitions=_short_booster_definitions(analysis),
        definitions=tuple(analysis.definitions[key] for key in _BOOSTER_DEFINITION_KEYS),
        today=today,
    )


def _short_booster_definitions(analysis: BoosterAnalysis) -> tuple[str, ...]:
    """Page 1's definitions: the same rules as the analysis's, shorter, with T's numbers."""
    t = analysis.threshold
    if t is None and analysis.tolerance.sentence.startswith(_(NO_INDUCTION_RESPONSE)):
        threshold = analysis.tolerance.sentence
    elif t is None:
        threshold = _("There is no threshold T yet, so durability cannot be measured.")
    elif analysis.threshold_source == "user":
        threshold = _("T = {t}, set by the patient.").format(t=number(f"{t:.2f}"))
    else:
        threshold = _(
            "T = {t} = B + (P − B) / 2 with B = {b} and P = {p}, the mean daily mood over the "
            "7 days after the last induction session."
        ).format(t=number(f"{t:.2f}"), b=number(f"{analysis.baseline_level or 0:.2f}"),
                 p=number(f"{analysis.post_induction_level or 0:.2f}"))
    return (
        _("Held: the days after a booster until the {window}-day mean of the daily mood (days "
          "after the session only) first fell below the threshold T, counted to the day "
          "before; “≥ n days”: still at or above T on the last day with an entry; “j–n days”: "
          "no entry for more than {window} days before the first fall below T (or none at "
          "all), so it fell on an unknown day after day j, the last known at or above T (0: "
          "none). {threshold}").format(window=ROLLING_WINDOW_DAYS, threshold=threshold),
        _("Tolerance pattern: over the last {low}–{high} finished boosters, durability fell by "
          "≥ {slope} day per booster (least-squares slope) and the last held ≤ {ratio} % as "
          "long as the first, or the dose rose by ≥ {rise} % without a longer effect; "
          "descriptive, not a diagnosis. A range counts only when it is at most {narrow} days "
          "wide (with its lower end).").format(
            low=TOLERANCE_MIN_CYCLES, high=TOLERANCE_MAX_CYCLES,
            slope=f"{-TOLERANCE_SLOPE_DAYS:g}", ratio=f"{TOLERANCE_LAST_RATIO * 100:.0f}",
            rise=f"{TOLERANCE_DOSE_RISE * 100:.0f}", narrow=NARROW_RANGE_DAYS),
        _("Next booster due: the last booster's date + the median durability of the last "
          "{cycles} finished boosters (at least {minimum} needed; ranges as for the tolerance "
          "pattern); marked when already past on the report date.").format(
            cycles=NEXT_DUE_CYCLES, minimum=NEXT_DUE_MIN_CYCLES),
    )


def clinician_voice(text: str | None) -> str | None:
    """A phrase of the patient's screens as the clinician's report says it (third person)."""
    if text is None:
        return None
    return text.replace(_(NEEDS_OR_USER_THRESHOLD), _(NEEDS_OR_USER_THRESHOLD_FOR_CLINICIAN))


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def readable(text: str) -> str:
    """Dates in the services' sentences (ISO 8601) written as the report writes them."""
    return _ISO_DATE.sub(
        lambda m: format_date(date(int(m[1]), int(m[2]), int(m[3]))), text
    )


def effect_label(effect: SideEffect, *, with_words: bool) -> str:
    """The side effect's label; the patient's own words for "other" only ``with_words``.

    Those words are free text the patient typed, like a note: a report without notes
    says "Other" and keeps them out.
    """
    if effect.category is SideEffectCategory.OTHER and not with_words:
        return effect.category.label
    return effect.label


def side_effect_lines(
    effects: Sequence[SideEffect], *, with_words: bool = True
) -> tuple[SideEffectLine, ...]:
    """Side effects by category: red flags first, then the most frequent and severe.

    ``with_words`` False groups every "other" side effect as one, without the patient's
    words (:func:`effect_label`).
    """
    groups: dict[str, list[SideEffect]] = defaultdict(list)
    for effect in effects:
        groups[effect_label(effect, with_words=with_words)].append(effect)
    lines = [
        SideEffectLine(
            label=label,
            count=len(group),
            worst_severity=max(e.severity for e in group),
            red_flag=any(e.is_red_flag for e in group),
            first_day=group[0].at.date(),
            last_day=group[-1].at.date(),
        )
        for label, group in groups.items()
    ]
    lines.sort(key=lambda line: (not line.red_flag, -line.count, -line.worst_severity, line.label))
    return tuple(lines)


def _reading(bp: BloodPressure | None) -> tuple[int, int] | None:
    return None if bp is None else (bp.systolic, bp.diastolic)


def bp_line(session: Session) -> BloodPressureLine:
    """Blood pressure before and after one session."""
    return BloodPressureLine(
        day=session.at.date(),
        phase=Phase(session.phase).label,
        before=_reading(session.bp_before),
        after=_reading(session.bp_after),
        later=(_reading(session.bp_leaving),) if session.bp_leaving else (),
    )




def medication_summary(period: Period, courses: Sequence[Course]) -> MedicationSummary:
    """What was taken on the period's last day, and every change within the period."""
    class_of = {id(s): c.medication_class.label for c in courses for s in c.steps}
    return MedicationSummary(
        on=period.end,
        taken=tuple(
            MedicationLine(course.name, course.medication_class.label, step.dose_text,
                           step.dose_mg, step.day)
            for course, step in taken_on(courses, period.end)
        ),
        changes=tuple(
            MedicationChange(step.day, step.name, class_of[id(step)], step.action.value,
                             step.dose_text, step.dose_mg, describe(step))
            for step in changes_within(courses, period.start, period.end)
        ),
        any_recorded=bool(courses),
    )


__all__ = [
    "booster_summary",
    "bp_line",
    "clinician_voice",
    "days_between",
    "effect_label",
    "measure_summary",
    "medication_summary",
    "mood_summary",
    "readable",
    "session_line",
    "sessions_summary",
    "side_effect_lines",
]
