"""Journals built entry by entry for the clinical tests (issue 13), never from the demo.

:func:`clinicians_check` is the journal of the issue's "Done when": a 165/102 → 198/118
session, a gap-ridden booster, no questionnaire before treatment, and a next-due date
already past on the report date. Every number it leads to is worked out by hand in
:data:`CHECK_EXPECTED`'s comments.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ketajournal.domain.models import (
    Assessment,
    BloodPressure,
    MoodEntry,
    Phase,
    Route,
    Session,
)
from ketajournal.services.journal import Journal


def _at(day: date, hour: int, tz: object) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=tz)  # type: ignore[arg-type]


def phq9(at: datetime, total: int) -> Assessment:
    """A PHQ-9 with the given total and item 9 at 0."""
    answers = [0] * 9
    left = total
    for i in range(8):
        answers[i] = min(3, left)
        left -= answers[i]
    assert left == 0
    return Assessment(at=at, instrument_id="phq9", answers=tuple(answers))


def clinicians_check(journal: Journal, now: datetime) -> date:
    """Fill ``journal`` with the clinician's check; returns D0, the first session's day.

    D0 = now − 70 days. Mood 4 on D0−10 … D0−1 → B = 4. Induction (IV, 35 mg) on D0,
    D0+2, D0+4 (E = D0+4); mood 8 on D0+5 … D0+15 → P = 8, T = 4 + (8 − 4)/2 = 6.
    Booster 1 on D0+16, blood pressure 165/102 before and 198/118 after; mood 8 on
    offsets 1…10, 3 on 11…13: r(11) = (8+8+3)/3 = 6.33 ≥ 6, r(12) = 4.67 < 6 → 11 days.
    Booster 2 on D0+30: mood 8 on offset 1, then nothing until 3 on offsets 8 and 9:
    k* = 8, last entry before it at 1, 8 − 1 = 7 > 3 → "1–7 days", not counted.
    Booster 3 on D0+40: 8 on offsets 1…9, 3 on 10…12: r(10) = 6.33, r(11) = 4.67 → 10.
    Booster 4 on D0+53: 8 on offsets 1…3, 5 on offset 13 (D0+66): k* = 13, 13 − 3 = 10 >
    3 → "3–12 days", not counted. Next due: median of 11 and 10 = 10.5, rounded down
    to 10 → D0+63, before today (D0+70): past. Tolerance: 2 counted cycles of the 3
    needed. PHQ-9 only after treatment (12 on D0+20, 6 on D0+60): no baseline, so
    response and remission are not assessable.
    """
    tz = now.tzinfo
    d0 = now.date() - timedelta(days=70)

    def mood(offset: int, value: int) -> None:
        journal.log(MoodEntry(at=_at(d0 + timedelta(days=offset), 20, tz), mood=value))

    def session(offset: int, phase: Phase, **kw: object) -> None:
        journal.log(Session(at=_at(d0 + timedelta(days=offset), 10, tz), route=Route.IV,
                            phase=phase, dose_mg=35, **kw))  # type: ignore[arg-type]

    for k in range(-10, 0):
        mood(k, 4)
    for k in (0, 2, 4):
        session(k, Phase.INDUCTION)
    for k in range(5, 16):
        mood(k, 8)
    session(16, Phase.BOOSTER, bp_before=BloodPressure(165, 102),
            bp_after=BloodPressure(198, 118))
    for k in range(1, 14):
        mood(16 + k, 8 if k <= 10 else 3)
    session(30, Phase.BOOSTER)
    for k, value in ((1, 8), (8, 3), (9, 3)):
        mood(30 + k, value)
    session(40, Phase.BOOSTER)
    for k in range(1, 13):
        mood(40 + k, 8 if k <= 9 else 3)
    session(53, Phase.BOOSTER)
    for k, value in ((1, 8), (2, 8), (3, 8), (13, 5)):
        mood(53 + k, value)
    journal.log(phq9(_at(d0 + timedelta(days=20), 9, tz), 12))
    journal.log(phq9(_at(d0 + timedelta(days=60), 9, tz), 6))
    return d0


def with_medications(journal: Journal, d0: date) -> None:
    """Add the check's medications: sertraline throughout, a benzodiazepine mid-way.

    Sertraline 100 mg from D0−120, raised to 150 mg on D0+45; lorazepam 1 mg at night
    started on D0+35 (between boosters 2 and 3). On the report date (D0+70) both are
    taken; the period (all data: from D0−10, the first entry) holds two changes: the
    lorazepam start and the sertraline rise. Booster 3 (D0+40, held 10 days: up to
    D0+50) overlaps the sertraline rise on D0+45; booster 2 (D0+30, cycle up to D0+39)
    overlaps the lorazepam start on D0+35.
    """
    from ketajournal.services.medications import MedicationList

    meds = MedicationList(journal)
    meds.start("Sertraline", "100 mg once a day", dose_mg=100, day=d0 - timedelta(days=120))
    meds.start("Lorazepam", "1 mg at night", dose_mg=1, day=d0 + timedelta(days=35))
    meds.change("Sertraline", "150 mg once a day", dose_mg=150, day=d0 + timedelta(days=45))
