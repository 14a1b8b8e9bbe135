"""The menu bar: its menus in order, journal actions off while locked, routing to the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from ketajournal.services.journal import Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.screens import SCREENS


def _menu(window: MainWindow, title: str) -> QMenu:
    (found,) = [a.menu() for a in window.menuBar().actions() if a.text() == title]
    return found


def test_the_menu_bar_holds_file_edit_log_view_help_in_that_order(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Log", "&View", "&Help"]


def test_locking_switches_every_journal_action_off_and_unlocking_back_on(
    qtbot: QtBot, window: MainWindow
) -> None:
    menus = window.menus
    assert all(action.isEnabled() for action in menus.journal_actions)
    window.lock()
    assert not any(action.isEnabled() for action in menus.journal_actions)
    assert not menus.lock_action.isEnabled() and not menus.undo_action.isEnabled()
    window.try_unlock("")
    assert all(action.isEnabled() for action in menus.journal_actions)
    assert menus.lock_action.isEnabled()


def test_the_view_menu_shows_each_screen_by_its_shortcut(window: MainWindow) -> None:
    actions = [a for a in _menu(window, "&View").actions() if not a.isSeparator()]
    assert [a.shortcut().toString() for a in actions] == [s.shortcut for s in SCREENS]
    actions[2].trigger()
    assert window.open_tabs.currentIndex() == 2
    actions[0].trigger()
    assert window.open_tabs.currentIndex() == 0


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # offscreen popups
def test_a_menu_clicked_before_it_is_filled_fills_itself_first(
    qtbot: QtBot, journal: Journal
) -> None:
    """At a start the menus have only their titles until after Today's paint; the first
    click on one shows its actions, in the state of that moment (no journal yet)."""
    from PySide6.QtCore import Qt

    from ketajournal.ui.first_paint import show_and_wait_for_paint
    from ketajournal.ui.menus import CRISIS_SHORTCUT
    from tests.support.fixtures import settle

    window = MainWindow(None, opening=True)
    assert show_and_wait_for_paint(window, timeout_ms=5000)
    file_menu = window.bar.file
    assert not file_menu.actions() and not window.completed
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(file_menu.menuAction()).center())
    qtbot.waitUntil(file_menu.isVisible, timeout=5000)
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts[0] == "Export clinician &PDF…" and texts[-1] == "&Quit"
    assert not window.menus.export_pdf_action.isEnabled()  # no journal open yet
    assert window.menus.crisis_action.isEnabled()  # always there
    assert window.menus.crisis_action.shortcut().toString() == CRISIS_SHORTCUT
    file_menu.close()
    window.attach(JournalController(journal))  # the filled menus follow the journal
    assert window.menus.export_pdf_action.isEnabled()
    settle(window)


def test_a_shortcut_typed_before_the_menus_are_filled_still_works(
    qtbot: QtBot, journal: Journal
) -> None:
    """A key pressed while the journal opens reaches Qt after Today is attached, maybe
    before the menus are filled: Qt's question whether it is a shortcut fills them."""
    from PySide6.QtCore import Qt

    from ketajournal.ui.first_paint import show_and_wait_for_paint
    from tests.support.fixtures import settle

    window = MainWindow(None, opening=True, unlock=lambda _secret: journal)
    assert show_and_wait_for_paint(window, timeout_ms=5000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.attach(JournalController(journal))
    assert not window.bar.file.actions() and not window.completed  # no loop turn yet
    qtbot.keyClick(window.today.mood_row, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.controller is None and window.stack.currentWidget() is window.lock_screen
    settle(window)
