"""The window's routes to the forms: a questionnaire from a reminder, the crisis resources."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ketajournal.ui.main_window import MainWindow


def test_a_questionnaire_from_a_reminder_opens_without_waiting(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.open_questionnaire("phq9")
    assert dialog.isVisible() and dialog.parent() is window
    before = window.statusBar().currentMessage()
    dialog.reject()
    assert dialog.saved is None and window.statusBar().currentMessage() == before


def test_the_crisis_resources_open_while_locked_and_come_back_to_the_front(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.lock()
    assert window.controller is None
    window.show_crisis_resources()
    assert window.crisis is not None and window.crisis.isVisible()
    first = window.crisis
    window.show_crisis_resources()  # a second time: the same window, not another
    assert window.crisis is first
    first.close()
