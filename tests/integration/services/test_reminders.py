"""The reminders service over a real journal: settings, what is due, the history."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ketajournal.domain.models import Assessment, MoodEntry, Phase, Route, Session
from ketajournal.domain.reminders import Kind, Logged, Outcome, ReminderEvent
from ketajournal.domain.schedules import PlannedSession
from ketajournal.domain.validation import ValidationError
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import clinical, reminders
from ketajournal.services.journal import Journal
from ketajournal.services.plans import Plans
from ketajournal.services.settings import Settings
from tests.support.clock import NOW, FixedClock

BERLIN = ZoneInfo("Europe/Berlin")  # NOW is 21:00 at UTC+1, Berlin's winter offset


def _questionnaires_filled(journal: Journal, at: datetime) -> None:
    journal.log(Assessment(at=at, instrument_id="phq9", answers=(1,) * 9))
    journal.log(Assessment(at=at, instrument_id="gad7", answers=(1,) * 7))


def test_settings_are_declared_with_defaults_and_checked(journal: Journal) -> None:
    state = reminders.snapshot(journal)
    assert state.settings.mood_enabled is False
    assert state.settings.mood_time == time(20, 0)
    assert state.settings.detailed_text is False
    settings = Settings(journal)
    assert settings.get("reminders.background") is False
    assert settings.get("reminders.start_at_login") is False
    settings.set_many({"reminders.mood": True, "reminders.mood_time": "07:45",
                       "reminders.detailed_text": True})
    state = reminders.snapshot(journal)
    assert (state.settings.mood_enabled, state.settings.mood_time) == (True, time(7, 45))
    assert state.settings.detailed_text
    for bad in ("7:45", "24:00", "07:60", 745, "ab:cd"):
        with pytest.raises(ValidationError, match="HH:MM"):
            settings.set("reminders.mood_time", bad)
    with pytest.raises(ValidationError, match="true or false"):
        settings.set("reminders.mood", "yes")


def test_logged_reads_the_latest_mood_recent_sessions_and_questionnaires(
    journal: Journal,
) -> None:
    old = journal.log(Session(at=NOW - timedelta(days=20), route=Route.IV,
                              phase=Phase.INDUCTION))[0]
    recent = journal.log(Session(at=NOW - timedelta(hours=30), route=Route.IV,
                                 phase=Phase.BOOSTER))[0]
    journal.log(MoodEntry(at=NOW - timedelta(days=2), mood=4))
    journal.log(MoodEntry(at=NOW - timedelta(hours=3), mood=6))
    journal.log(Assessment(at=NOW - timedelta(days=5), instrument_id="phq9", answers=(1,) * 9))
    logged = reminders.logged(journal)
    assert logged.latest_mood_at == NOW - timedelta(hours=3)
    assert [s.id for s in logged.sessions] == [recent.id]
    assert old.id not in [s.id for s in logged.sessions]
    assert logged.questionnaires == {"phq9": NOW - timedelta(days=5), "gad7": None}


def test_a_check_in_is_due_and_notified_once_then_answered_by_a_mood(
    journal: Journal, clock: FixedClock
) -> None:
    _questionnaires_filled(journal, NOW - timedelta(days=1))
    session = journal.log(Session(at=NOW - timedelta(hours=30), route=Route.IV,
                                  phase=Phase.BOOSTER))[0]
    (notice,) = reminders.due(journal, BERLIN)
    assert notice.kind is Kind.CHECK_IN and notice.target == "mood"
    assert notice.key == f"check-in:{session.id}:24h"
    assert notice.since == session.at + timedelta(hours=24)
    assert "24 hours" in notice.body  # the CLI's wording is the detailed one

    state = reminders.snapshot(journal)
    decision = reminders.decide(state, clock(), BERLIN)
    assert decision.notice is not None and decision.notice.body == "Time for your check-in"
    reminders.record(journal, [reminders.answered(decision.notice, Outcome.SENT, clock())])
    again = reminders.decide(reminders.snapshot(journal), clock(), BERLIN)
    assert again.notice is None  # once
    assert again.wake_at == session.at + timedelta(hours=72)  # the next check-in

    journal.log(MoodEntry(at=clock(), mood=6))
    assert reminders.due(journal, BERLIN) == []


def test_the_history_round_trips_through_the_journal_and_is_pruned(
    journal: Journal, clock: FixedClock
) -> None:
    snoozed = ReminderEvent("mood:2026-11-27", Kind.MOOD, Outcome.SNOOZED,
                            NOW, NOW + timedelta(hours=1))
    old = ReminderEvent("mood:2026-10-01", Kind.MOOD, Outcome.SENT, NOW - timedelta(days=40))
    reminders.record(journal, [old])
    reminders.record(journal, [snoozed])
    assert reminders.history(journal) == (snoozed,)  # 40 days old: dropped
    reminders.record(journal, [])
    assert reminders.history(journal) == (snoozed,)
    assert journal.setting(reminders.HISTORY_KEY)[0]["until"] == "2026-11-27T22:00:00+01:00"
    by_hand = [{}, {"key": "x", "kind": "nope"},
               {"key": "k", "kind": "mood", "outcome": "sent", "at": "2026-11-27T20:00:00"}]
    Settings(journal).set(reminders.HISTORY_KEY,
                          [*by_hand, *journal.setting(reminders.HISTORY_KEY)])
    assert reminders.history(journal) == (snoozed,)  # lines edited by hand are skipped


def test_the_state_in_memory_answers_while_the_journal_is_closed(journal: Journal) -> None:
    Settings(journal).set_many({"reminders.mood": True, "reminders.detailed_text": True})
    _questionnaires_filled(journal, NOW - timedelta(days=1))
    state = reminders.snapshot(journal)
    journal.close()  # locked: nothing more can be read
    decision = reminders.decide(state, NOW, BERLIN, locked=True)
    assert decision.notice is not None
    assert decision.notice.body == "Time to log your mood"  # generic while locked
    sent = state.with_event(reminders.answered(decision.notice, Outcome.SENT, NOW))
    assert reminders.decide(sent, NOW, BERLIN, locked=True).notice is None


def test_today_shows_the_same_check_in_windows_as_the_reminders(
    journal: Journal, clock: FixedClock
) -> None:
    _questionnaires_filled(journal, NOW)
    session = journal.log(Session(at=NOW - timedelta(hours=80), route=Route.IV,
                                  phase=Phase.BOOSTER))[0]
    for hours_after in (23, 24, 71, 72, 167, 168, 191, 192):
        clock.current = session.at + timedelta(hours=hours_after)
        today = [i.key.split(":")[-1] for i in clinical.due_items(journal)
                 if i.session_id is not None]
        notified = [n.key.split(":")[-1] for n in reminders.due(journal, BERLIN)
                    if n.kind is Kind.CHECK_IN]
        assert today == notified, hours_after


def test_appointment_reminders_are_off_until_turned_on_then_come_from_the_plan(
    journal: Journal,
) -> None:
    _questionnaires_filled(journal, NOW)
    journal.log(MoodEntry(at=NOW, mood=5))
    # NOW is a Friday 21:00: a session tomorrow 10:00, so the evening reminder is due.
    write, _ = Plans(journal).add(PlannedSession(at=NOW + timedelta(hours=13),
                                                 route=Route.NASAL))
    item = write.items[0]
    state = reminders.snapshot(journal)
    assert state.planned == (item,)
    assert state.settings.sessions_enabled is False
    assert reminders.decide(state, NOW, BERLIN).notice is None

    Settings(journal).set_many({"reminders.sessions": True,
                                "reminders.session_lead_hours": 2})
    state = reminders.snapshot(journal)
    assert state.settings.session_lead == timedelta(hours=2)
    notice = reminders.decide(state, NOW, BERLIN).notice
    assert notice is not None and notice.kind.value == "session-evening"
    assert notice.body.startswith("Appointment tomorrow")
    assert "Plan a ride home" in notice.body  # the esketamine advice, without the name
    assert "sketamine" not in notice.body
    assert notice.key in reminders.due_keys(state, NOW, BERLIN)

    Plans(journal).missed(item.id)
    assert reminders.snapshot(journal).planned == ()
    with pytest.raises(ValidationError, match="1 to 12"):
        Settings(journal).set("reminders.session_lead_hours", 13)


def test_dismissing_a_due_line_on_today_silences_its_notification(journal: Journal) -> None:
    # A check-in and a questionnaire are due on Today and as notifications.
    journal.log(Assessment(at=NOW - timedelta(days=20), instrument_id="phq9", answers=(1,) * 9))
    journal.log(Assessment(at=NOW, instrument_id="gad7", answers=(1,) * 7))
    session = journal.log(Session(at=NOW - timedelta(hours=30), route=Route.IV,
                                  phase=Phase.BOOSTER))[0]
    Settings(journal).set("reminders.mood_time", "20:00")
    items = {i.session_id is not None: i for i in clinical.due_items(journal)}
    check_in, questionnaire = items[True], items[False]
    assert check_in.reminder_key == f"check-in:{session.id}:24h"
    state = reminders.snapshot(journal)
    notice = reminders.decide(state, NOW, BERLIN).notice
    assert notice is not None and notice.key == check_in.reminder_key

    reminders.dismiss_due(journal, check_in)
    reminders.dismiss_due(journal, questionnaire)
    assert clinical.due_items(journal) == []
    state = reminders.snapshot(journal)
    assert reminders.decide(state, NOW, BERLIN).notice is None
    assert "phq9" not in state.logged.questionnaires
    # The next day the questionnaire's period is the same: still silent.
    later = NOW + timedelta(days=1)
    assert all(n.kind is not Kind.QUESTIONNAIRE
               for n in [reminders.decide(state, later, BERLIN).notice] if n is not None)


def test_only_the_daily_reminder_time_is_kept_outside_the_journal(
    journal: Journal, paths: JournalPaths
) -> None:
    """What a window that starts locked sends from: the time, nothing from the journal."""
    file = paths.reminder_schedule
    reminders.keep_schedule(file, reminders.snapshot(journal).settings)
    assert not file.exists()  # off by default: nothing is kept
    assert reminders.held_schedule(file) is None
    Settings(journal).set_many({"reminders.mood": True, "reminders.mood_time": "07:45",
                                "reminders.detailed_text": True, "reminders.sessions": True})
    journal.log(MoodEntry(at=NOW - timedelta(hours=1), mood=3))
    reminders.keep_schedule(file, reminders.snapshot(journal).settings)
    assert file.read_text(encoding="utf-8") == '{"mood_time": "07:45"}'
    held = reminders.held_schedule(file)
    assert held is not None
    assert (held.settings.mood_enabled, held.settings.mood_time) == (True, time(7, 45))
    assert not (held.settings.detailed_text or held.settings.sessions_enabled
                or held.settings.check_ins_enabled or held.settings.questionnaires_enabled)
    assert (held.logged, held.history, held.planned) == (Logged(), (), ())
    # The generic daily reminder at 07:45 the next morning, and only that.
    decision = reminders.decide(held, NOW + timedelta(hours=10, minutes=45), BERLIN,
                                locked=True)
    assert decision.notice is not None
    assert (decision.notice.kind, decision.notice.body) == (Kind.MOOD, "Time to log your mood")

    Settings(journal).set("reminders.mood", False)
    reminders.keep_schedule(file, reminders.snapshot(journal).settings)
    assert not file.exists()


def test_an_unreadable_schedule_file_means_no_reminder_while_locked(tmp_path: Path) -> None:
    file = tmp_path / "reminders.json"
    for text in ("", "[]", '{"mood_time": "25:00"}', '{"mood_time": 7}', "{"):
        file.write_text(text, encoding="utf-8")
        assert reminders.held_schedule(file) is None
