"""Page 1 of the report from a journal: red flags first, item 9 with its date, definitions once."""

from __future__ import annotations

from datetime import timedelta

from ketajournal.domain.models import (
    Assessment,
    BloodPressure,
    Event,
    EventKind,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.services.journal import Journal
from tests.support.clock import NOW
from tests.support.demo_reports import fill, report


def test_red_flags_come_first_and_item9_is_listed_with_its_date(journal: Journal) -> None:
    day = NOW - timedelta(days=3)
    session, _ = journal.log(Session(
        at=day, route=Route.IV, phase=Phase.INDUCTION, dose_mg=35,
        bp_before=BloodPressure(120, 80), bp_after=BloodPressure(162, 90)))
    for _ in range(3):
        journal.log(SideEffect(at=day + timedelta(hours=1), category=SideEffectCategory.NAUSEA,
                               severity=4, session_id=session.id))
    journal.log(SideEffect(at=day + timedelta(hours=2),
                           category=SideEffectCategory.BLOOD_IN_URINE, severity=2))
    journal.log(Assessment(at=day - timedelta(hours=2), instrument_id="phq9",
                           answers=(2, 2, 2, 2, 1, 1, 1, 0, 2)))
    journal.log(Event(at=day - timedelta(days=1), event_kind=EventKind.APPOINTMENT))
    summary = report(journal, since_last_appointment=True).summary
    assert [(s.label, s.red_flag) for s in summary.side_effects] == [
        ("Blood in urine", True), ("Nausea", False)]
    assert summary.side_effects[1].count == 3
    figures = {f.label: f for f in summary.key_figures()}
    assert figures["Side effects"].flag and "RED FLAG" in figures["Side effects"].value
    assert figures["Blood pressure"].flag
    assert [(s.day, s.answer, s.answer_label) for s in summary.safety] == [
        (day.date(), 2, "More than half the days")]
    assert figures["PHQ-9 item 9"].flag


def test_questionnaire_definitions_are_said_once_when_they_agree(journal: Journal) -> None:
    fill(journal)
    merged = report(journal).summary.measure_definitions()
    assert any(d.startswith("Response: the latest PHQ-9 / GAD-7 total") for d in merged)
    assert len([d for d in merged if d.startswith("Remission")]) == 1
