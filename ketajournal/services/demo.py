"""The demo patient: a seeded, deterministic, realistic synthetic journal.

About two years by default: two weeks of low mood before treatment, an
induction of six IV sessions over about two and a half weeks with mood rising
within a day, then boosters every three to five weeks whose effect lasts two to
four weeks and slowly shortens (the tolerance pattern the booster analysis is
built to show), occasional side effects, blood pressure around every session and
a few events, a medication list (sertraline throughout, reduced once; lorazepam
started later and raised), and the next two boosters planned. Used by ``--demo``, the
``demo`` command, tests and benchmarks. Nothing in it is a real person's data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from ketajournal.domain.medications import (
    Course,
    MedicationClass,
    MedicationStep,
    StepAction,
    as_of,
    courses,
)
from ketajournal.domain.models import (
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
    SideEffectCategory,
)
from ketajournal.domain.schedules import PlannedSession
from ketajournal.services.journal import Journal
from ketajournal.services.medications import MedicationList
from ketajournal.services.plans import Plans

DEFAULT_DAYS = 730
#: How many days of data `ketajournal demo --days` accepts (up to a hundred years).
DAYS_RANGE = (1, 36500)
DEFAULT_SEED = 7
BASELINE_DAYS = 14
#: Induction session days, counted from the first session (6 sessions in 17 days).
INDUCTION_OFFSETS = (0, 2, 5, 8, 12, 16)
WEIGHT_KG = 72.0
DOSE_MG = 36.0  # 0.5 mg/kg
CLINIC = "Riverside Ketamine Clinic"
LOW_MOOD = 3.0
HIGH_MOOD = 7.2

_NOTES = (
    "Walked by the river.",
    "Hard morning, better after lunch.",
    "Saw a friend for coffee.",
    "Couldn't focus at work.",
    "Slept badly.",
    "Good day with the kids.",
    "Felt flat all day.",
    "Cooked a proper dinner for once.",
)


@dataclass
class DemoJournal:
    """The generated entries, ready for :meth:`Journal.log_all`."""

    entries: list[Entry] = field(default_factory=list)
    session_of: dict[int, int] = field(default_factory=dict)
    #: The medication list (see :func:`save`, which writes it with the entries).
    medications: tuple[Course, ...] = ()
    #: The next boosters the patient has planned (for ``Plans.add_all``).
    planned: list[PlannedSession] = field(default_factory=list)

    def add(self, entry: Entry, session_index: int | None = None) -> int:
        """Append an entry (linking a side effect to a session index); return its index."""
        self.entries.append(entry)
        index = len(self.entries) - 1
        if session_index is not None:
            self.session_of[index] = session_index
        return index


def generate(
    end: datetime, *, days: int = DEFAULT_DAYS, seed: int = DEFAULT_SEED
) -> DemoJournal:
    """Build the demo patient's journal covering ``days`` days up to ``end``.

    Deterministic for the same ``end`` date, ``days`` and ``seed``. Entries are
    ordered by time; none is later than ``end``.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    rng = random.Random(seed)
    zone = end.tzinfo
    assert zone is not None
    first_day = end.date() - timedelta(days=days - 1)
    treatment_start = first_day + timedelta(days=min(BASELINE_DAYS, days - 1))

    session_days, phases, durabilities = _plan_sessions(rng, treatment_start, end.date())
    level = _mood_levels(rng, first_day, end.date(), session_days, durabilities)

    out = DemoJournal()
    session_index: dict[date, int] = {}
    booster_count = 0
    for day_offset in range((end.date() - first_day).days + 1):
        day = first_day + timedelta(days=day_offset)
        if day in session_days:
            i = session_days.index(day)
            if phases[i] is Phase.BOOSTER:
                booster_count += 1
            session = _session(rng, day, zone, phases[i], booster_count)
            if _at(day, 7, 30, zone) <= end:
                _mood(rng, out, day, zone, level[day] - 1.0, hour=7, end=end)
            if session.at <= end:
                session_index[day] = out.add(session)
                _side_effects(rng, out, session, session_index[day], end)
            if i in (0, 1) or rng.random() < 0.08:
                _event(out, day + timedelta(days=2), zone, EventKind.INTEGRATION, end,
                       "Integration session after treatment.")
        if rng.random() > 0.07:  # some days nothing gets logged, as in real life
            _mood(rng, out, day, zone, level[day], hour=20, end=end)
        if day_offset % 56 == 27:
            _event(out, day, zone, EventKind.APPOINTMENT, end, "Psychiatrist review.")
        if day_offset == 200:
            _event(out, day, zone, EventKind.MEDICATION_CHANGE, end,
                   "Sertraline reduced from 100 mg to 50 mg.")
        if day_offset == 330:
            _event(out, day, zone, EventKind.LIFE_EVENT, end, "Moved flat.")
        if day_offset % 7 == 3 and day >= treatment_start:
            _event(out, day, zone, EventKind.PSYCHOTHERAPY, end, "")
        if day_offset in (1, BASELINE_DAYS - 2) or (
            day > treatment_start and (day - treatment_start).days % 14 == 13
        ):
            _questionnaires(rng, out, day, zone, level[day], end, baseline=day < treatment_start)
    if session_days:
        out.planned = [
            PlannedSession(at=_at(end.date() + timedelta(days=ahead), 10, 0, zone),
                           route=Route.IV, dose_mg=DOSE_MG, clinic=CLINIC, phase=Phase.BOOSTER)
            for ahead in (9, 37)
        ]
    result = _sorted(out)
    result.medications = _medications(first_day, end.date())
    return result


#: The demo's medication steps: (days after the first day, name, action, dose, mg).
#: Sertraline was taken before the journal began and throughout, reduced on day 200 (the
#: demo's "medication change" event says so); lorazepam is started on day 420 and raised
#: on day 480, so some booster cycles overlap a change.
MEDICATION_PLAN = (
    (-180, "Sertraline", StepAction.START, "100 mg once a day", 100.0),
    (200, "Sertraline", StepAction.CHANGE, "50 mg once a day", 50.0),
    (420, "Lorazepam", StepAction.START, "0.5 mg at night", 0.5),
    (480, "Lorazepam", StepAction.CHANGE, "1 mg at night", 1.0),
)
_MEDICATION_CLASSES = {"Sertraline": MedicationClass.SSRI,
                       "Lorazepam": MedicationClass.BENZODIAZEPINE}


def _medications(first_day: date, last_day: date) -> tuple[Course, ...]:
    """The medication courses as they stand on ``last_day`` (no random draw: the entries'
    sequence stays what it was)."""
    steps = [
        MedicationStep(name=name, day=first_day + timedelta(days=offset), action=action,
                       medication_class=_MEDICATION_CLASSES[name], dose_text=dose,
                       dose_mg=mg, frequency="daily" if action is StepAction.START else "")
        for offset, name, action, dose, mg in MEDICATION_PLAN
    ]
    return as_of(courses(steps), last_day)


def save(journal: Journal, data: DemoJournal) -> None:
    """Write the demo patient into ``journal``: entries, medications and planned sessions in
    one transaction."""
    meds = MedicationList(journal)

    journal.log_all(data.entries, data.session_of,
                    then=lambda _ids: meds.insert_courses(data.medications))
    if data.planned:  # a demo: its own transaction is enough
        Plans(journal).add_all(data.planned)


def _spread(rng: random.Random, total: int, items: int) -> list[int]:
    """Answers 0-3 for ``items`` questions that add up to ``total``."""
    answers = [0] * items
    for _ in range(total):
        open_items = [i for i, a in enumerate(answers) if a < 3]
        answers[rng.choice(open_items)] += 1
    return answers


def _questionnaires(
    rng: random.Random, out: DemoJournal, day: date, zone: tzinfo, level: float,
    end: datetime, *, baseline: bool,
) -> None:
    at = _at(day, 19, 30, zone)
    if at > end:
        return
    # Symptoms mirror mood: mood 3 gives a PHQ-9 near 19 (moderately severe),
    # mood 7 one near 9 (mild): a response, not a remission.
    phq = max(3, min(26, round(26.5 - 2.5 * level + rng.gauss(0, 1))))
    answers = _spread(rng, phq, 8)
    # Item 9 (thoughts of death or self-harm) is answered "several days" once,
    # before treatment, so the demo shows how such an answer is flagged.
    answers.append(1 if baseline and day.day % 2 == 0 else 0)
    out.add(Assessment(at=at, instrument_id="phq9", answers=tuple(answers),
                       difficulty=2 if phq >= 15 else 1))
    gad = max(0, min(21, round(20 - 2.0 * level + rng.gauss(0, 1.2))))
    out.add(Assessment(at=at + timedelta(minutes=4), instrument_id="gad7",
                       answers=tuple(_spread(rng, gad, 7))))


def _plan_sessions(
    rng: random.Random, start: date, last: date
) -> tuple[list[date], list[Phase], list[int]]:
    days = [start + timedelta(days=o) for o in INDUCTION_OFFSETS]
    phases = [Phase.INDUCTION] * len(days)
    durabilities = [0] * (len(days) - 1) + [30]
    decline_from = start + (last - start) // 2
    while True:
        # A booster's effect lasts about 27 days through the first half or so of
        # the journal, then shortens steadily to about 11 days at its end (the
        # pattern that can mean tolerance); the patient waits a few days after it
        # wears off before the next booster, which gives 3-5 week intervals.
        interval = min(35, max(18, durabilities[-1] + rng.randint(5, 8)))
        nxt = days[-1] + timedelta(days=interval)
        if nxt > last:
            break
        progress = max(0.0, (nxt - decline_from).days / max(1, (last - decline_from).days))
        lasting = max(10, round(27 - 16 * progress + rng.uniform(-1, 1)))
        days.append(nxt)
        phases.append(Phase.BOOSTER)
        durabilities.append(lasting)
    return [d for d in days if d <= last], phases, durabilities


def _mood_levels(
    rng: random.Random, first: date, last: date, sessions: list[date], lasting: list[int]
) -> dict[date, float]:
    levels: dict[date, float] = {}
    induction_end = sessions[len(INDUCTION_OFFSETS) - 1] if len(sessions) >= 6 else None
    day = first
    while day <= last:
        prior = [i for i, s in enumerate(sessions) if s <= day]
        if not prior:
            base = LOW_MOOD
        else:
            i = prior[-1]
            since = (day - sessions[i]).days
            if induction_end is None or sessions[i] < induction_end:
                base = LOW_MOOD + (HIGH_MOOD - LOW_MOOD) * min(1.0, 0.35 + 0.13 * (i + 1))
            elif since <= lasting[i]:
                base = HIGH_MOOD - 0.6 * since / max(lasting[i], 1)
            else:
                base = max(LOW_MOOD + 0.5, HIGH_MOOD - 0.6 - 0.9 * (since - lasting[i]))
            if since == 0:
                base = levels.get(day - timedelta(days=1), LOW_MOOD)
        levels[day] = base + rng.gauss(0, 0.6)
        day += timedelta(days=1)
    return levels


def _at(day: date, hour: int, minute: int, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def _clamp(value: float, low: int = 0, high: int = 10) -> int:
    return max(low, min(high, round(value)))


def _mood(
    rng: random.Random, out: DemoJournal, day: date, zone: tzinfo, level: float,
    *, hour: int, end: datetime,
) -> None:
    at = _at(day, hour, rng.randint(0, 59), zone)
    if at > end:
        return
    mood = _clamp(level)
    out.add(
        MoodEntry(
            at=at,
            mood=mood,
            anxiety=_clamp(9 - 0.8 * level + rng.gauss(0, 1)) if rng.random() < 0.6 else None,
            energy=_clamp(level + rng.gauss(0, 1)) if rng.random() < 0.5 else None,
            sleep_hours=round(rng.uniform(5.0, 8.5) * 2) / 2 if rng.random() < 0.6 else None,
            note=rng.choice(_NOTES) if rng.random() < 0.1 else "",
        )
    )


def _session(
    rng: random.Random, day: date, zone: tzinfo, phase: Phase, booster_number: int
) -> Session:
    systolic = rng.randint(114, 130)
    diastolic = rng.randint(72, 84)
    rise = 40 if booster_number == 9 else rng.randint(6, 22)
    return Session(
        at=_at(day, 10, 0, zone),
        route=Route.IV,
        phase=phase,
        dose_mg=DOSE_MG,
        weight_kg=WEIGHT_KG,
        clinic=CLINIC,
        dissociation=rng.randint(3, 7),
        bp_before=BloodPressure(systolic, diastolic),
        bp_after=BloodPressure(systolic + rise, diastolic + rng.randint(3, 12)),
    )


def _side_effects(
    rng: random.Random, out: DemoJournal, session: Session, index: int, end: datetime
) -> None:
    common = (
        SideEffectCategory.NAUSEA,
        SideEffectCategory.DIZZINESS,
        SideEffectCategory.HEADACHE,
        SideEffectCategory.DISSOCIATION,
        SideEffectCategory.SEDATION,
    )
    if rng.random() < 0.45:
        at = session.at + timedelta(hours=rng.choice((1, 2, 3)))
        if at <= end:
            out.add(
                SideEffect(
                    at=at,
                    category=rng.choice(common),
                    severity=rng.randint(2, 6),
                    duration_minutes=rng.choice((30, 60, 90, 120)),
                ),
                session_index=index,
            )
    if rng.random() < 0.06:
        at = session.at + timedelta(days=1, hours=2)
        if at <= end:
            out.add(
                SideEffect(at=at, category=SideEffectCategory.URINARY_FREQUENCY,
                           severity=rng.randint(2, 4)),
                session_index=index,
            )


def _event(
    out: DemoJournal, day: date, zone: tzinfo, kind: EventKind, end: datetime, note: str
) -> None:
    at = _at(day, 15, 0, zone)
    if at <= end:
        out.add(Event(at=at, event_kind=kind, note=note))


def _sorted(demo: DemoJournal) -> DemoJournal:
    """The same entries ordered by time, with the side-effect links re-indexed."""
    order = sorted(range(len(demo.entries)), key=lambda i: demo.entries[i].at)
    new_index = {old: new for new, old in enumerate(order)}
    return DemoJournal(
        entries=[demo.entries[i] for i in order],
        session_of={new_index[s]: new_index[t] for s, t in demo.session_of.items()},
        planned=demo.planned,
    )


__all__ = ["DAYS_RANGE", "DEFAULT_DAYS", "DEFAULT_SEED", "DemoJournal", "generate", "save"]
