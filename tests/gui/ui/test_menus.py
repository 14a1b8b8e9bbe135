"""The menu bar: its menus in order, journal actions off while locked, routing to the window."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

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
