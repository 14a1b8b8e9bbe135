"""The report model: page 1 holds the numbers the services compute, for the right period."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ketajournal.domain.booster_analysis import TOLERANCE_ADVICE, TOLERANCE_NOTE_FOR_CLINICIAN
from ketajournal.domain.models import (
    Assessment,
    BloodPressure,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.domain.validation import ValidationError
from ketajournal.errors import KnownError
from ketajournal.services import clinical
from ketajournal.services.journal import Journal
from ketajournal.services.reports import parse_day
from tests.support.clock import NOW
from tests.support.demo_reports import SENTINEL, fill, report


def test_summary_holds_the_numbers_the_services_compute(journal: Journal) -> None:
    fill(journal)
    summary = report(journal).summary
    sessions = journal.sessions()
    assert summary.sessions.count == len(sessions) == 30
    assert summary.sessions.induction_count == sum(s.phase is Phase.INDUCTION for s in sessions)
    for measure in summary.measures:
        status = clinical.measure_status(journal, measure.instrument_id)
        assert status.baseline is not None and status.latest is not None
        assert measure.baseline is not None and measure.latest is not None
        assert measure.baseline.total == status.baseline.total
        assert measure.latest.total == status.latest.total
        assert measure.change_percent == status.change_percent
        assert (measure.response, measure.remission) == (status.response, status.remission)
    analysis = clinical.booster_analysis(journal)
    # The patient's screens say "discuss it with your clinician"; the clinician's report not.
    assert analysis.tolerance.sentence.endswith(TOLERANCE_ADVICE)
    assert summary.boosters.tolerance_sentence == (
        analysis.tolerance.sentence.removesuffix(TOLERANCE_ADVICE) + TOLERANCE_NOTE_FOR_CLINICIAN
    )
    assert summary.boosters.tolerance_signal is analysis.tolerance.signal is True
    assert [c.label for c in summary.boosters.recent_cycles] == [
        c.label for c in analysis.booster_cycles[-6:]]
    assert summary.boosters.next_due == analysis.next_due
    assert summary.mood.baseline_level == analysis.baseline_level


def test_default_period_is_all_data_up_to_today(journal: Journal) -> None:
    fill(journal)
    period = report(journal).period
    first = min(e.at.date() for e in journal.all_entries())
    assert (period.start, period.end, period.basis) == (first, NOW.date(), "all data")


def test_since_last_appointment_starts_on_the_day_of_the_last_appointment(
    journal: Journal,
) -> None:
    fill(journal)
    appointments = [e for e in journal.entries("event")
                    if e.event_kind is EventKind.APPOINTMENT]
    period = report(journal, since_last_appointment=True).period
    assert period.start == appointments[-1].at.date()
    assert period.end == NOW.date()
    assert "last appointment" in period.definition


def test_since_last_appointment_without_one_says_what_to_do(journal: Journal) -> None:
    journal.log(MoodEntry(at=NOW - timedelta(days=1), mood=5))
    with pytest.raises(KnownError, match="no appointment"):
        report(journal, since_last_appointment=True)


def test_contradictory_dates_are_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="on or before"):
        report(journal, date(2026, 5, 2), date(2026, 5, 1))
    with pytest.raises(ValidationError, match="since-last-appointment"):
        report(journal, date(2026, 5, 1), since_last_appointment=True)
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        parse_day("from", "2026-13-01")
    assert parse_day("from", " 2026-03-14 ") == date(2026, 3, 14)
    assert parse_day("from", None) is None


def test_from_and_to_keep_only_the_period_and_what_was_known_then(journal: Journal) -> None:
    fill(journal)
    start, end = date(2025, 6, 1), date(2025, 12, 31)
    built = report(journal, start, end)
    in_period = [s for s in journal.sessions() if start <= s.at.date() <= end]
    assert built.summary.sessions.count == len(in_period) > 0
    for rows in (built.details.sessions, built.details.assessments,
                 built.details.side_effects, built.details.events):
        assert rows and all(start <= row.day <= end for row in rows)
    assert all(start <= line.day <= end for line in built.summary.blood_pressure)
    # Baseline vs latest and the boosters as known at the end of the period.
    phq9 = built.summary.measures[0]
    latest = [a for a in journal.assessments("phq9") if a.at.date() <= end][-1]
    assert phq9.latest is not None and phq9.latest.day == latest.at.date()
    assert all(c.session_day <= end for c in built.summary.boosters.recent_cycles)
    assert max(d for d in built.charts.trend.mood_days) <= end


def test_notes_are_in_the_report_only_when_the_patient_opts_in(journal: Journal) -> None:
    journal.log(MoodEntry(at=NOW - timedelta(days=2), mood=6, note=SENTINEL))
    assert report(journal).details.notes is None
    notes = report(journal, include_notes=True).details.notes
    assert notes is not None and [n.text for n in notes] == [SENTINEL]


def test_name_is_kept_only_when_typed(journal: Journal) -> None:
    assert report(journal).name is None
    assert report(journal, name="   ").name is None
    assert report(journal, name="  Dr.  Rivera ").name == "Dr. Rivera"


def test_an_empty_journal_gives_a_report_that_says_so(journal: Journal) -> None:
    built = report(journal)
    figures = {f.label: f.value for f in built.summary.key_figures()}
    assert figures["Sessions in period"].startswith("0")
    assert figures["PHQ-9"] == "not filled"
    assert not any(f.flag for f in built.summary.key_figures())


def test_a_period_gives_the_same_model_whatever_the_journal_holds_before_and_after(
    journal: Journal,
) -> None:
    """The model reads by period; only history-dependent figures may see older data."""
    fill(journal)
    start, end = NOW.date() - timedelta(days=425), NOW.date() - timedelta(days=60)
    first_session = journal.sessions()[0].at
    before = report(journal, start, end, include_notes=True)
    # Newer entries of every kind, after the period.
    newer = NOW - timedelta(days=10)
    session, _ = journal.log(Session(at=newer, route=Route.IM, phase=Phase.BOOSTER, dose_mg=50))
    journal.log_all([
        MoodEntry(at=newer + timedelta(hours=2), mood=1, note="newer"),
        SideEffect(at=newer + timedelta(hours=3), category=SideEffectCategory.BLOOD_IN_URINE,
                   severity=9, session_id=session.id),
        Event(at=newer, event_kind=EventKind.APPOINTMENT, note="newer"),
        Assessment(at=newer, instrument_id="phq9", answers=(3,) * 9, note="newer"),
    ])
    # Older moods, events and side effects, long before treatment started: no figure
    # of this period depends on them.
    older = first_session - timedelta(days=400)
    journal.log_all([
        MoodEntry(at=older, mood=0, note="older"),
        Event(at=older, event_kind=EventKind.LIFE_EVENT, note="older"),
        SideEffect(at=older, category=SideEffectCategory.HEADACHE, severity=3, note="older"),
    ])
    assert report(journal, start, end, include_notes=True) == before

    # An older session moves the first session, and with it what depends on history:
    # baseline B's window, the cycles. The period's own rows stay the same.
    journal.log(Session(at=older, route=Route.IV, phase=Phase.INDUCTION, dose_mg=35))
    moved = report(journal, start, end, include_notes=True)
    assert moved.summary.mood.baseline_start == older.date() - timedelta(days=14)
    assert moved.summary.mood.baseline_start != before.summary.mood.baseline_start
    assert moved.details == before.details
    assert moved.charts.trend == before.charts.trend


def test_a_high_reading_before_leaving_is_flagged_and_the_record_is_kept(
    journal: Journal,
) -> None:
    journal.log(Session(
        at=NOW - timedelta(days=1), route=Route.NASAL, phase=Phase.BOOSTER, dose_mg=84,
        bp_before=BloodPressure(130, 80), bp_after=BloodPressure(150, 90),
        bp_leaving=BloodPressure(182, 95), heart_rate=91, spo2=96, observation_minutes=125,
        moaas=5))
    built = report(journal)
    (line,) = built.summary.blood_pressure
    assert line.flags == ("a reading ≥ 180/110",) and line.rise == (20, 10)
    (row,) = built.details.sessions
    assert row.has_record and row.bp.later == ((182, 95),)
    assert (row.heart_rate, row.spo2, row.observation_minutes, row.moaas) == (91, 96, 125, 5)




def test_page_one_names_the_next_planned_session_of_a_report_that_runs_to_today(
    journal: Journal,
) -> None:
    from ketajournal.domain.schedules import PlannedSession
    from ketajournal.services.plans import Plans

    journal.log(MoodEntry(at=NOW - timedelta(days=3), mood=6))
    plans = Plans(journal)
    later = NOW + timedelta(days=9)
    plans.add(PlannedSession(at=later.replace(hour=10, minute=0), route=Route.IV,
                             clinic="Clinic A", phase=Phase.BOOSTER))
    plans.add(PlannedSession(at=NOW + timedelta(days=30), route=Route.NASAL))
    figures = dict((f.label, f.value) for f in report(journal).summary.key_figures())
    # The earlier of the two, in one line; NOW is a Friday, so nine days on is a Sunday.
    assert later.strftime("%a") == "Sun"
    assert figures["Next planned session"] == (
        f"Sun {later.day} {later:%b %Y} 10:00, IV infusion, booster, at Clinic A"
    )
    # A report of an earlier period says nothing about plans made since.
    earlier = report(journal, end=NOW.date() - timedelta(days=1)).summary
    assert earlier.next_planned is None
    assert "Next planned session" not in {f.label for f in earlier.key_figures()}
