"""One keyboard map: no two live mnemonics on one key on any screen or dialog, and
Help → Keyboard shortcuts lists every shortcut the window's actions have."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import Event, EventKind, MoodEntry, Session, SideEffect
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.services.journal import Journal
from ketajournal.ui.keyboard import (
    KeyboardShortcutsDialog,
    live_mnemonics,
    mnemonic,
    mnemonic_clashes,
    shortcut_rows,
)
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.screens import SCREENS
from ketajournal.ui.settings_dialog import SettingsDialog


def test_the_mnemonic_is_the_letter_after_a_single_ampersand() -> None:
    assert mnemonic("&File") == "F"
    assert mnemonic("Ti&meline") == "M"
    assert mnemonic("Save && close") is None
    assert mnemonic("R&&D &plan") == "P"
    assert mnemonic("Plain") is None
    assert mnemonic("Trailing&") is None


def test_a_clash_is_found_between_the_menu_bar_and_a_button(qtbot: QtBot) -> None:
    # Today as it was: Alt+F focused "Log a side e&ffect…" instead of opening File.
    from PySide6.QtWidgets import QMainWindow, QVBoxLayout

    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&File")
    central = QWidget()
    QVBoxLayout(central).addWidget(QPushButton("Log a side e&ffect…"))
    window.setCentralWidget(central)
    window.show()
    assert mnemonic_clashes(window) == {"F": ["menu 'File'", "button 'Log a side effect…'"]}


@pytest.fixture
def window_journal(journal: Journal) -> Journal:
    now = journal.now()
    journal.log(MoodEntry(at=now, mood=6))
    journal.log(Event(at=now, event_kind=EventKind.APPOINTMENT))
    return journal


def _screens(window: MainWindow, qtbot: QtBot) -> Iterator[str]:
    """Show every screen in turn, with its optional parts open; yield its name."""
    for index, screen in enumerate(SCREENS):
        window.show_tab(index)
        if screen.name == "today":
            window.today.details_toggle.setChecked(True)
            window.today.undo_button.show()
        if screen.name == "boosters":
            window.boosters.threshold_button.setChecked(True)
        qtbot.wait(1)
        yield screen.name


def test_no_two_mnemonics_clash_on_any_screen(window: MainWindow, qtbot: QtBot) -> None:
    walked = []
    for name in _screens(window, qtbot):
        assert mnemonic_clashes(window) == {}, name
        walked.append(name)
    assert walked == [s.name for s in SCREENS]
    # The menus are live on every screen: Alt+F, E, L, V, H open them.
    assert {k: v[0] for k, v in live_mnemonics(window).items() if k in "FELVH"} == {
        "F": "menu 'File'", "E": "menu 'Edit'", "L": "menu 'Log'", "V": "menu 'View'",
        "H": "menu 'Help'",
    }


def _dialogs(window: MainWindow) -> Iterator[QDialog]:
    for kind in (MoodEntry.kind, Session.kind, SideEffect.kind, Event.kind):
        yield window.dialog_for(kind)
    for instrument_id in INSTRUMENTS:
        yield window.questionnaire_dialog(instrument_id)
    settings = SettingsDialog(window.open_controller, window, keys=KeyringKeyStore())
    yield settings
    yield settings.security_dialog()
    yield KeyboardShortcutsDialog(shortcut_rows(window), window)
    window.show_crisis_resources()
    assert window.crisis is not None
    yield window.crisis


def test_no_two_mnemonics_clash_in_any_dialog(window: MainWindow, qtbot: QtBot) -> None:
    seen = []
    for dialog in _dialogs(window):
        qtbot.addWidget(dialog)
        dialog.show()
        assert mnemonic_clashes(dialog) == {}, dialog.windowTitle()
        seen.append(dialog.windowTitle())
        dialog.close()
    assert len(seen) == 4 + len(INSTRUMENTS) + 4


def test_no_mnemonics_clash_on_the_lock_screen(window: MainWindow) -> None:
    window.lock()
    assert window.lock_screen.isVisible()
    assert mnemonic_clashes(window) == {}


def test_help_lists_every_shortcut_read_from_the_actions(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = window.show_keyboard_shortcuts()
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    assert ("Ctrl+L", "File → Lock") in rows
    assert ("Ctrl+1", "View → Today") in rows
    assert ("Ctrl+Shift+H", "Help → Crisis resources…") in rows
    assert ("Del", "Timeline → Delete the selected entry") in rows
    assert ("Return", "Timeline → Edit the selected entry") in rows
    # Every action of the window with a shortcut is listed, with each of its keys.
    expected = {
        sequence.toString(QKeySequence.SequenceFormat.NativeText)
        for action in window.findChildren(QAction)
        for sequence in action.shortcuts()
    }
    assert expected and expected <= {keys for keys, _what in rows}
    assert len(rows) == len(set(rows))  # each once
    assert not any(what == "(undescribed)" for _keys, what in rows)
    # Reached from Help, by its own key.
    help_actions = [a.text() for a in window.menus.crisis_action.parent().findChildren(QAction)]
    assert "&Keyboard shortcuts…" in help_actions
    QApplication.processEvents()
