"""The reminder scheduler and the window: notifications, clicks, snoozes, locking, midnight.

Real widgets offscreen and a real encrypted journal; the clock is fixed and the
notification service is a recorder at the edge (the real one is tested against dunst
in tests/integration/ui/test_reminders_dunst.py). Events come from another thread, as
the real notifier's do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import Assessment, MoodEntry, Phase, Route, Session
from ketajournal.domain.reminders import Action, Outcome
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.notify import EventType
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import reminders
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.services.settings import Settings
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.questionnaire import QuestionnaireDialog
from ketajournal.ui.reminders import ReminderScheduler, ask_about_reminders
from tests.support.clock import NOW, FixedClock
from tests.support.notifications import Recorder

BERLIN = ZoneInfo("Europe/Berlin")  # NOW is Friday 21:00 at UTC+1: Berlin in winter
Opener = Callable[[], MainWindow]


def questionnaires_filled(journal: Journal, at: datetime) -> None:
    journal.log(Assessment(at=at, instrument_id="phq9", answers=(1,) * 9))
    journal.log(Assessment(at=at, instrument_id="gad7", answers=(1,) * 7))


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def open_window(
    qtbot: QtBot, journal: Journal, paths: JournalPaths, clock: FixedClock, recorder: Recorder
) -> Iterator[Opener]:
    """Opens the window on the journal as the test filled it (it looks at once)."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        win = MainWindow(
            JournalController(journal),
            unlock=lambda secret: open_journal(paths, KeyringKeyStore(), secret or None,
                                               clock=clock),
            notifier=recorder,
            clock=clock,
            zone=BERLIN,
        )
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.quit_app()


def test_a_check_in_is_notified_once_with_generic_text_and_a_click_opens_the_mood_row(
    qtbot: QtBot, journal: Journal, clock: FixedClock, recorder: Recorder, open_window: Opener
) -> None:
    questionnaires_filled(journal, NOW - timedelta(days=1))
    session = journal.log(Session(at=NOW - timedelta(hours=30), route=Route.NASAL,
                                  phase=Phase.BOOSTER, dose_mg=84))[0]
    window = open_window()  # it looks at once
    assert recorder.sent == [("ketajournal", "Time for your check-in",
                              ("open", "snooze-1h", "snooze-evening"))]
    (event,) = reminders.history(journal)
    assert (event.key, event.outcome) == (f"check-in:{session.id}:24h", Outcome.SENT)
    window.reminders.check()
    assert len(recorder.sent) == 1  # once
    # Midnight comes before the next check-in (at 72 h): Today is refreshed then.
    assert window.reminders.next_check == datetime(2026, 11, 28, 0, 0, tzinfo=BERLIN)

    window.tabs.setCurrentIndex(2)
    window.hide()  # the patient had closed the window
    with qtbot.waitSignal(window.reminders.open_requested) as opened:
        recorder.press("n1", EventType.CLICKED)
    assert opened.args == ["mood"]
    assert window.isVisible()
    assert window.tabs.currentWidget() is window.today
    assert reminders.history(journal)[-1].outcome is Outcome.OPENED

    window.today.save_mood(6)
    window.reminders.check()
    assert len(recorder.sent) == 1  # logged: no further reminder that day


def test_logging_the_mood_takes_back_the_notification_on_screen(
    journal: Journal, clock: FixedClock, recorder: Recorder, open_window: Opener
) -> None:
    questionnaires_filled(journal, NOW - timedelta(days=1))
    journal.log(Session(at=NOW - timedelta(hours=30), route=Route.IV, phase=Phase.BOOSTER))
    window = open_window()  # it looks at once
    assert window.reminders.shown.keys() == {"n1"}
    window.today.save_mood(7)
    assert recorder.withdrawn == ["n1"]
    assert window.reminders.shown == {}


def test_snoozing_brings_the_reminder_back_once_an_hour_later(
    qtbot: QtBot, journal: Journal, clock: FixedClock, recorder: Recorder, open_window: Opener
) -> None:
    Settings(journal).set_many({"reminders.mood": True, "reminders.mood_time": "20:00"})
    questionnaires_filled(journal, NOW - timedelta(days=1))
    window = open_window()  # it looks at once
    assert [s[1] for s in recorder.sent] == ["Time to log your mood"]
    recorder.press("n1", EventType.ACTION, "snooze-1h")
    qtbot.waitUntil(lambda: reminders.history(journal)[-1].outcome is Outcome.SNOOZED)
    assert reminders.history(journal)[-1].until == NOW + timedelta(hours=1)
    assert window.reminders.next_check == NOW + timedelta(hours=1)
    clock.advance(timedelta(minutes=59))
    window.reminders.wake()
    assert len(recorder.sent) == 1
    clock.advance(timedelta(minutes=1))
    window.reminders.wake()
    assert [s[1] for s in recorder.sent] == ["Time to log your mood"] * 2
    clock.advance(timedelta(minutes=30))
    window.reminders.wake()
    assert len(recorder.sent) == 2  # it comes back once


def test_detailed_text_only_when_opted_in(
    journal: Journal, recorder: Recorder, open_window: Opener
) -> None:
    Settings(journal).set_many({"reminders.mood": True, "reminders.detailed_text": True})
    questionnaires_filled(journal, NOW - timedelta(days=1))
    open_window()  # it looks at once
    assert recorder.sent[0][1] == "No mood logged today: how are you feeling?"


def test_while_locked_reminders_come_from_memory_with_generic_text_and_open_after_unlock(
    qtbot: QtBot, journal: Journal, clock: FixedClock, recorder: Recorder, open_window: Opener,
    paths: JournalPaths,
) -> None:
    Settings(journal).set_many({"reminders.mood": True, "reminders.detailed_text": True})
    journal.log(MoodEntry(at=NOW - timedelta(hours=1), mood=5))  # today's is done
    questionnaires_filled(journal, NOW - timedelta(days=1))
    window = open_window()  # it looks at once
    assert recorder.sent == []
    window.lock()
    assert window.reminders.locked
    clock.advance(timedelta(hours=23))  # Saturday 20:00: tomorrow's reminder is due
    window.reminders.wake()
    assert [s[1] for s in recorder.sent] == ["Time to log your mood"]  # never the details
    window.hide()
    with qtbot.waitSignal(window.reminders.open_requested):
        recorder.press("n1", EventType.ACTION, "open")
    assert window.isVisible() and window.controller is None
    assert window.stack.currentWidget() is window.lock_screen
    assert window.pending_form == "mood"

    window.try_unlock("")
    assert window.controller is not None
    assert window.tabs is not None and window.tabs.currentWidget() is window.today
    assert window.pending_form is None
    history = reminders.history(window.controller.journal)
    assert [e.outcome for e in history] == [Outcome.SENT, Outcome.OPENED]


def test_today_moves_to_the_new_day_at_midnight_and_after_sleep(
    journal: Journal, clock: FixedClock, recorder: Recorder, open_window: Opener
) -> None:
    window = open_window()
    window.today.save_mood(6)
    assert window.today.summary.text() == "Today so far: 1 mood entry."
    clock.advance(timedelta(minutes=1))
    window.reminders.tick()  # an ordinary minute: nothing changes
    assert window.today.summary.text() == "Today so far: 1 mood entry."
    clock.advance(timedelta(hours=3, minutes=1))  # 00:02 on Saturday
    window.reminders.wake()  # the midnight timer
    assert window.today.summary.text() == "Nothing logged yet today."

    window.today.save_mood(5)
    clock.advance(timedelta(days=2, hours=9))  # the laptop slept until Monday morning
    window.reminders.tick()
    assert window.today.summary.text() == "Nothing logged yet today."


def test_a_wall_clock_jump_looks_again_at_once(
    journal: Journal, clock: FixedClock, recorder: Recorder, open_window: Opener
) -> None:
    questionnaires_filled(journal, NOW)
    journal.log(Session(at=NOW - timedelta(hours=23), route=Route.IV, phase=Phase.BOOSTER))
    window = open_window()  # it looks at once
    assert recorder.sent == []
    clock.advance(timedelta(hours=2))  # 23:00 the same day, after a sleep: the 24 h one
    window.reminders.tick()
    assert [s[1] for s in recorder.sent] == ["Time for your check-in"]


def test_a_questionnaire_reminder_opens_the_questionnaire(
    qtbot: QtBot, journal: Journal, recorder: Recorder, open_window: Opener
) -> None:
    journal.log(Assessment(at=NOW - timedelta(days=1), instrument_id="gad7",
                           answers=(1,) * 7))
    window = open_window()  # it looks at once
    assert [s[1] for s in recorder.sent] == ["A questionnaire is due"]
    recorder.press("n1", EventType.CLICKED)
    qtbot.waitUntil(lambda: bool(window.findChildren(QuestionnaireDialog)))
    (dialog,) = window.findChildren(QuestionnaireDialog)
    assert dialog.isVisible() and "(PHQ-9)" in dialog.windowTitle()
    dialog.reject()


def test_no_notifier_means_no_notifications_but_the_day_is_still_watched(
    qtbot: QtBot, journal: Journal, clock: FixedClock
) -> None:
    scheduler = ReminderScheduler(clock, BERLIN)
    assert not scheduler.sends
    scheduler.attach(journal)
    with qtbot.waitSignal(scheduler.day_changed):
        clock.advance(timedelta(hours=4))
        scheduler.tick()
    scheduler.close()


def test_a_notification_service_that_fails_is_tried_again_later(
    journal: Journal, clock: FixedClock, qtbot: QtBot
) -> None:
    class Broken(Recorder):
        def send(self, title: str, body: str, actions: Sequence[Action] = ()) -> str:
            raise ConnectionError("no bus")

    Settings(journal).set("reminders.mood", True)
    questionnaires_filled(journal, NOW)
    scheduler = ReminderScheduler(clock, BERLIN, Broken())
    scheduler.attach(journal)
    assert reminders.history(journal) == ()  # not shown: not recorded as sent
    assert scheduler.next_check == NOW + timedelta(minutes=30)
    scheduler.close()


def test_the_first_run_question_turns_the_daily_reminder_on_only_when_accepted(
    qtbot: QtBot, journal: Journal, open_window: Opener
) -> None:
    window = open_window()
    assert window.controller is not None
    box = ask_about_reminders(window, window.controller)
    assert box.isVisible() and "20:00" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert Settings(journal).get("reminders.mood") is False
    box = ask_about_reminders(window, window.controller)
    box.button(QMessageBox.StandardButton.Yes).click()
    assert Settings(journal).get("reminders.mood") is True


def test_this_evening_and_closing_are_recorded(
    qtbot: QtBot, journal: Journal, clock: FixedClock, recorder: Recorder, open_window: Opener
) -> None:
    clock.current = NOW.replace(hour=18)  # Friday 18:00
    Settings(journal).set_many({"reminders.mood": True, "reminders.mood_time": "17:30"})
    questionnaires_filled(journal, NOW - timedelta(days=1))
    window = open_window()
    assert len(recorder.sent) == 1
    recorder.press("n1", EventType.ACTION, "snooze-evening")
    qtbot.waitUntil(lambda: reminders.history(journal)[-1].outcome is Outcome.SNOOZED)
    assert reminders.history(journal)[-1].until == NOW.replace(hour=20)  # 20:00 today
    clock.current = NOW.replace(hour=20)
    window.reminders.wake()
    assert len(recorder.sent) == 2
    recorder.press("n2", EventType.DISMISSED)
    qtbot.waitUntil(lambda: reminders.history(journal)[-1].outcome is Outcome.DISMISSED)
    assert window.reminders.shown == {}


def test_a_window_that_starts_locked_still_sends_the_generic_daily_reminder_at_its_time(
    qtbot: QtBot, journal: Journal, paths: JournalPaths, clock: FixedClock, recorder: Recorder
) -> None:
    """Issue 14: passphrase mode or no keyring — nothing from the journal in memory yet."""
    Settings(journal).set_many({"reminders.mood": True, "reminders.mood_time": "22:00",
                                "reminders.detailed_text": True})
    questionnaires_filled(journal, NOW - timedelta(days=1))
    first = MainWindow(JournalController(journal), notifier=Recorder(), clock=clock,
                       zone=BERLIN, schedule_file=paths.reminder_schedule)
    qtbot.addWidget(first)
    assert paths.reminder_schedule.read_text(encoding="utf-8") == '{"mood_time": "22:00"}'
    first.quit_app()
    journal.close()

    window = MainWindow(
        None,
        unlock=lambda secret: open_journal(paths, KeyringKeyStore(), secret or None,
                                           clock=clock),
        notifier=recorder, clock=clock, zone=BERLIN, opening=True,
        schedule_file=paths.reminder_schedule,
    )
    qtbot.addWidget(window)
    window.show()
    window.ask_to_unlock("Enter your passphrase")  # the app's start without a key
    assert window.reminders.locked and recorder.sent == []
    assert window.reminders.next_check == datetime(2026, 11, 27, 22, 0, tzinfo=BERLIN)
    clock.advance(timedelta(minutes=59))
    window.reminders.wake()
    assert recorder.sent == []
    clock.advance(timedelta(minutes=1))  # 22:00
    window.reminders.wake()
    assert [s[:2] for s in recorder.sent] == [("ketajournal", "Time to log your mood")]
    window.reminders.wake()
    assert len(recorder.sent) == 1  # once

    window.try_unlock("")  # the key is there now: the journal takes over
    assert window.controller is not None
    history = reminders.history(window.controller.journal)
    assert [(e.kind.value, e.outcome) for e in history] == [("mood", Outcome.SENT)]
    window.reminders.check()
    assert len(recorder.sent) == 1  # the journal knows it was sent
    window.quit_app()


def test_a_window_that_starts_locked_sends_nothing_while_the_daily_reminder_is_off(
    qtbot: QtBot, journal: Journal, paths: JournalPaths, clock: FixedClock, recorder: Recorder
) -> None:
    questionnaires_filled(journal, NOW - timedelta(days=1))
    first = MainWindow(JournalController(journal), notifier=Recorder(), clock=clock,
                       zone=BERLIN, schedule_file=paths.reminder_schedule)
    qtbot.addWidget(first)
    assert not paths.reminder_schedule.exists()
    first.quit_app()
    window = MainWindow(None, notifier=recorder, clock=clock, zone=BERLIN, opening=True,
                        schedule_file=paths.reminder_schedule)
    qtbot.addWidget(window)
    window.ask_to_unlock("Enter your passphrase")
    clock.advance(timedelta(days=1))
    window.reminders.wake()
    assert recorder.sent == []
    window.quit_app()


def test_an_opening_window_makes_the_notifier_after_todays_first_paint(
    qtbot: QtBot, journal: Journal, clock: FixedClock, recorder: Recorder
) -> None:
    """The app's start: desktop-notifier and D-Bus wait until Today is on screen."""
    Settings(journal).set("reminders.mood", True)
    questionnaires_filled(journal, NOW - timedelta(days=1))
    window = MainWindow(None, notifier=recorder, clock=clock, zone=BERLIN, opening=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach(JournalController(journal))
    assert recorder.on_event is None and recorder.sent == []  # Today is not painted yet
    qtbot.waitUntil(lambda: recorder.sent != [])
    assert [s[1] for s in recorder.sent] == ["Time to log your mood"]
    window.quit_app()


def test_a_notification_speaks_the_window_language_generic_lines_and_buttons(
    qtbot: QtBot, journal: Journal, clock: FixedClock, recorder: Recorder, open_window: Opener
) -> None:
    from ketajournal import translation
    from ketajournal.domain.reminders import HINT, Kind, Notice
    from ketajournal.ui.reminders import shown_notice

    translation.install("de")
    try:
        notice = Notice(Kind.MOOD, "mood:x", "ketajournal", f"Time to log your mood\n{HINT}",
                        "mood", NOW,
                        (Action("open", "Log mood"), Action("snooze-1h", "Snooze 1 h")))
        title, body, actions = shown_notice(notice)
        assert title == "ketajournal"
        assert body == ("Zeit, Ihre Stimmung zu erfassen\nErinnerungen kommen jetzt nur noch "
                        "jeden zweiten Tag. Ändern oder beenden können Sie sie unter "
                        "Einstellungen → Erinnerungen.")
        assert [(a.id, a.label) for a in actions] == [("open", "Stimmung erfassen"),
                                                      ("snooze-1h", "1 Std. später")]
        # A line the core wrote in detail (opted in to) is sent as it is.
        detailed = Notice(Kind.MOOD, "mood:y", "ketajournal", "PHQ-9: not filled yet.", "mood",
                          NOW)
        assert shown_notice(detailed)[1] == "PHQ-9: not filled yet."
        questionnaires_filled(journal, NOW - timedelta(days=1))
        journal.log(Session(at=NOW - timedelta(hours=30), route=Route.NASAL,
                            phase=Phase.BOOSTER, dose_mg=84))
        open_window()  # it looks at once, and sends in German
        assert recorder.sent == [("ketajournal", "Zeit für Ihren Check-in",
                                  ("open", "snooze-1h", "snooze-evening"))]
    finally:
        translation.install("en")
