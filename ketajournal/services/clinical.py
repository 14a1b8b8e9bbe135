"""The clinical layer: baseline, response and remission; safety flags; what is due.

Every figure comes with the definition it used, so a screen or a report can
print both. Nothing here is a diagnosis: it is arithmetic over what the patient
logged, stated so a clinician can check it.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ketajournal.domain.dates import format_short_date
from ketajournal.domain.instruments import INSTRUMENTS, instrument
from ketajournal.domain.models import Assessment, Session
from ketajournal.domain.reminders import (
    CHECK_INS,
    CHECK_INS_END,
    check_in_key,
    questionnaire_due_key,
)
from ketajournal.domain.safety import crisis_text
from ketajournal.domain.timeutil import to_iso
from ketajournal.language import gettext as _
from ketajournal.reports.numbers import verdict
from ketajournal.services.journal import Change, Journal
from ketajournal.services.settings import Settings

if TYPE_CHECKING:
    from ketajournal.domain.boosters import BoosterAnalysis

RESPONSE_REDUCTION = 0.5


@dataclass(frozen=True)
class ScorePoint:
    """One assessment's total, when, and its band."""

    assessment_id: int
    at: datetime
    total: int
    band: str

    def as_json(self) -> dict[str, Any]:
        """``{"score", "date", "band", "id"}`` for ``status --json``."""
        return {"score": self.total, "date": to_iso(self.at), "band": self.band,
                "id": self.assessment_id}


@dataclass(frozen=True)
class MeasureStatus:
    """Baseline vs latest for one instrument, with the definitions used."""

    instrument_id: str
    short_title: str
    baseline: ScorePoint | None
    baseline_source: str | None  # "automatic" | "user"
    latest: ScorePoint | None
    change_percent: float | None
    response: bool | None
    remission: bool | None
    remission_threshold: int
    definitions: dict[str, str]
    notes: tuple[str, ...] = ()
    #: Why response and remission are not assessable (None when they are): they need a
    #: baseline before the first session, above 0, and a questionnaire after that session.
    not_assessable: str | None = None

    def verdict(self, value: bool | None) -> str:
        """``yes``, ``no`` or ``not assessable (reason)`` for response or remission."""
        return verdict(value, self.not_assessable)

    def as_json(self) -> dict[str, Any]:
        """The shape printed by ``ketajournal status --json``."""
        return {
            "instrument": self.instrument_id,
            "baseline": self.baseline.as_json() if self.baseline else None,
            "baseline_source": self.baseline_source,
            "latest": self.latest.as_json() if self.latest else None,
            "change_percent": (
                None if self.change_percent is None else round(self.change_percent, 1)
            ),
            "response": self.response,
            "remission": self.remission,
            "not_assessable": self.not_assessable,
            "definitions": self.definitions,
            "notes": list(self.notes),
        }


def _point(assessment: Assessment) -> ScorePoint:
    assert assessment.id is not None
    return ScorePoint(assessment.id, assessment.at, assessment.total, assessment.band.label)


def measure_status(journal: Journal, instrument_id: str) -> MeasureStatus:
    """Baseline, latest, % change, response and remission for one instrument."""
    questionnaire = instrument(instrument_id)
    settings = Settings(journal)
    threshold = int(settings.get(f"clinical.remission_threshold.{instrument_id}"))
    chosen = settings.get(f"clinical.baseline.{instrument_id}")
    assessments = journal.assessments(instrument_id)
    sessions = journal.sessions()
    first_session = sessions[0] if sessions else None
    notes: list[str] = []
    name = questionnaire.short_title

    baseline: Assessment | None = None
    source: str | None = None
    if chosen is not None:
        baseline = next((a for a in assessments if a.id == chosen), None)
        if baseline is None:
            notes.append(_("The {name} picked as baseline no longer exists.").format(name=name))
        else:
            source = "user"
            if first_session is not None and baseline.at >= first_session.at:
                notes.append(_("The {name} picked as baseline is after treatment started.").format(
                    name=name))
    elif first_session is None:
        notes.append(_("No treatment session yet, so there is no baseline."))
    else:
        before = [a for a in assessments if a.at < first_session.at]
        if before:
            baseline, source = before[-1], "automatic"
        else:
            notes.append(_(
                "No {name} before the first session on {day}: no automatic baseline (one can "
                "be picked in Settings)."
            ).format(name=name, day=f"{first_session.at:%Y-%m-%d}"))

    latest = assessments[-1] if assessments else None
    change = response = remission = None
    reason = _not_assessable(name, first_session, baseline, latest, picked=source == "user")
    if reason is None:
        assert baseline is not None and latest is not None
        response = (baseline.total - latest.total) >= RESPONSE_REDUCTION * baseline.total
        remission = latest.total < threshold
    if baseline is not None and latest is not None:
        if latest.at <= baseline.at:
            notes.append(_("No {name} after the baseline yet.").format(name=name))
        elif baseline.total == 0:
            notes.append(_("The baseline total is 0: a change in percent is undefined."))
        else:
            change = (latest.total - baseline.total) / baseline.total * 100
    if source == "user":
        baseline_definition = _("Baseline: the {name} picked in Settings.").format(name=name)
    elif first_session is not None:
        baseline_definition = _(
            "Baseline: the last {name} before the first treatment session ({day})."
        ).format(name=name, day=f"{first_session.at:%Y-%m-%d}")
    else:
        baseline_definition = _("Baseline: the last {name} before the first treatment "
                                "session.").format(name=name)
    definitions = {
        "baseline": baseline_definition,
        "change": _("Change: (latest − baseline) ÷ baseline × 100 %; negative means fewer "
                    "symptoms."),
        "response": _(
            "Response: the latest {name} total is at least 50 % lower than baseline; "
            "assessable only with a baseline above 0 (the last {name} before the first "
            "session, or one picked in Settings) and a later {name} (after the first "
            "session; after the picked one)."
        ).format(name=name),
        "remission": _(
            "Remission: the latest {name} total is below {threshold}, assessed like response."
        ).format(name=name, threshold=threshold),
        "scoring": _(questionnaire.scoring),
    }
    return MeasureStatus(
        instrument_id=instrument_id,
        short_title=name,
        baseline=_point(baseline) if baseline else None,
        baseline_source=source,
        latest=_point(latest) if latest else None,
        change_percent=change,
        response=response,
        remission=remission,
        remission_threshold=threshold,
        definitions=definitions,
        notes=tuple(notes),
        not_assessable=reason,
    )


def _not_assessable(
    name: str, first_session: Session | None, baseline: Assessment | None,
    latest: Assessment | None, *, picked: bool,
) -> str | None:
    """Why response and remission cannot be assessed, or None when they can.

    They need a treatment session, a baseline above 0 and a later questionnaire: after
    the first session for the automatic baseline (the last before that session); after
    the baseline itself when the patient picked one (a note says when it is after
    treatment started).
    """
    if first_session is None:
        return _("no treatment session yet")
    if baseline is None:
        return _("no baseline {name} before the first session").format(name=name)
    if baseline.total == 0:
        return _("the baseline {name} total is 0").format(name=name)
    if picked:
        if latest is None or latest.at <= baseline.at:
            return _("no {name} after the baseline yet").format(name=name)
    elif latest is None or latest.at <= first_session.at:
        return _("no {name} after the first session yet").format(name=name)
    return None


def status_document(journal: Journal) -> dict[str, Any]:
    """``ketajournal status --json``: every instrument's status."""
    return {i: measure_status(journal, i).as_json() for i in INSTRUMENTS}


# -- booster analysis ----------------------------------------------------------------------


def booster_analysis(journal: Journal) -> BoosterAnalysis:
    """The booster analysis of the whole journal, with the threshold from settings.

    The daily moods come from SQL (one mean per logged day), not from decoding every
    mood entry; they equal :func:`ketajournal.domain.boosters.daily_mood` exactly.
    """
    # numpy comes with the analysis, not with importing the clinical services.
    import numpy as np

    from ketajournal.domain.booster_analysis import analyse_boosters
    from ketajournal.domain.boosters import DailyMood, SessionPoint

    threshold = Settings(journal).get("booster.threshold")
    means = journal.daily_mood_means()
    mood = DailyMood(
        tuple(day for day, _mean in means), np.asarray([m for _day, m in means], dtype=np.float64)
    )
    return analyse_boosters(
        mood,
        [SessionPoint.from_session(s) for s in journal.sessions()],
        threshold=threshold,
        medications=journal.medication_courses(),
    )


def boosters_document(analysis: BoosterAnalysis, today: date | None = None) -> dict[str, Any]:
    """``ketajournal boosters --json`` (dates ISO 8601; null where undefined).

    ``next_due_past`` is true when the estimate is before ``today``.
    """
    from ketajournal.domain.booster_analysis import medication_note

    return {
        "threshold": _round(analysis.threshold),
        "threshold_source": analysis.threshold_source,
        "baseline_level": _round(analysis.baseline_level),
        "post_induction_level": _round(analysis.post_induction_level),
        "needs": analysis.needs,
        "cycles": [
            {
                "session_at": to_iso(c.session.at),
                "phase": c.session.phase.value,
                "dose_mg": c.session.dose_mg,
                "durability_days": c.durability_days,
                "durability_low": c.durability_low,
                "censored": c.censored,
                "label": c.label,
                "medication_changes": [
                    {"day": m.day.isoformat(), "name": m.name, "action": m.action.value,
                     "dose": m.dose_text, "dose_mg": m.dose_mg}
                    for m in c.medication_changes
                ],
                "medication_note": medication_note(c),
            }
            for c in analysis.cycles
        ],
        "tolerance": {
            "signal": analysis.tolerance.signal,
            "sentence": analysis.tolerance.sentence,
        },
        "next_due": analysis.next_due.isoformat() if analysis.next_due else None,
        "next_due_past": bool(
            analysis.next_due and today is not None and analysis.next_due < today
        ),
        "next_due_basis": analysis.next_due_basis,
        "definitions": analysis.definitions,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


# -- safety --------------------------------------------------------------------------------


def crisis_message(journal: Journal) -> str:
    """The crisis resources as configured in settings."""
    settings = Settings(journal)
    return crisis_text(settings.get("safety.crisis_country"), settings.get("safety.crisis_text"))


def safety_flags(journal: Journal, *, unacknowledged_only: bool = False) -> list[Assessment]:
    """Assessments whose safety item was answered above 0, oldest first."""
    return [
        a
        for a in journal.assessments()
        if a.safety_flag and not (unacknowledged_only and a.safety_acknowledged_at)
    ]


def acknowledge_safety_flag(journal: Journal, assessment: Assessment) -> Change:
    """Hide a flag from Today; it stays in the data and in every report."""
    return journal.update(dataclasses.replace(assessment, safety_acknowledged_at=journal.now()))


# -- what is due ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DueItem:
    """One reminder line on Today. ``instrument_id`` is set for questionnaires."""

    key: str
    text: str
    instrument_id: str | None = None
    session_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: The key of the notification for the same thing (a check-in's), in the reminder
    #: history; "" when none has one (a questionnaire's is silenced by ``key``).
    reminder_key: str = ""


def due_items(journal: Journal) -> list[DueItem]:
    """What is due now: questionnaires by interval, check-ins after recent sessions.

    A questionnaire is due when none was filled in the last N days (setting
    ``clinical.questionnaire_interval_days``, 14). A check-in is due 24 h, 3 days
    and 7 days after each session, from that moment until the next check-in (the
    7-day one for a day), unless a mood entry was logged since or it was dismissed:
    the windows are ``domain.reminders.CHECK_INS``, the ones the notifications use.
    """
    now = journal.now()
    settings = Settings(journal)
    dismissed = set(settings.get("due.dismissed"))
    interval = timedelta(days=int(settings.get("clinical.questionnaire_interval_days")))
    items: list[DueItem] = []
    for instrument_id, questionnaire in INSTRUMENTS.items():
        filled = journal.assessments(instrument_id)
        if filled and now - filled[-1].at < interval:
            continue
        key = questionnaire_due_key(instrument_id, filled[-1].at if filled else None, interval)
        if key in dismissed:
            continue
        text = (
            _("{name} is due (last filled {day}).").format(
                name=questionnaire.short_title,
                day=format_short_date(filled[-1].at.date(), padded=True))
            if filled
            else _("{name}: not filled yet.").format(name=questionnaire.short_title)
        )
        items.append(DueItem(key, text, instrument_id=instrument_id))

    recent = journal.sessions(now - CHECK_INS_END, now + timedelta(seconds=1))
    moods = journal.moods(now - timedelta(days=9), now + timedelta(seconds=1))
    for session in recent:
        steps = [*CHECK_INS, ("end", CHECK_INS_END, "")]
        for (name, delay, label), (_next, next_delay, _label) in itertools.pairwise(steps):
            start, end = session.at + delay, session.at + next_delay
            if not start <= now < end:
                continue
            key = f"checkin:{session.id}:{name}"
            if key in dismissed or any(m.at >= start for m in moods):
                continue
            assert session.id is not None
            items.append(
                DueItem(key, _("Check-in {after} after your session of {day}: how is your "
                               "mood?").format(
                            after=_(label),
                            day=format_short_date(session.at.date(), weekday=True, padded=True)),
                        session_id=session.id,
                        reminder_key=check_in_key(session.id, name))
            )
    return items


def dismiss_due(journal: Journal, key: str) -> None:
    """Dismiss one line of Today's "Due" box for good (``services.reminders.dismiss_due``
    silences its notification too)."""
    settings = Settings(journal)
    settings.set("due.dismissed", [*settings.get("due.dismissed"), key])
