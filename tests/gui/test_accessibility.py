"""Screen readers: every control on every screen and dialog has a name, and what changes
on screen (a status, the attention box, what is due) is read out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import Assessment, Event, EventKind, MoodEntry, Session, SideEffect
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.services.journal import Journal
from ketajournal.ui.announce import last_announcement
from ketajournal.ui.keyboard import KeyboardShortcutsDialog, shortcut_rows
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.screens import SCREENS
from ketajournal.ui.settings_dialog import SettingsDialog

CONTROLS = (
    QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView,
    QPlainTextEdit, QTextEdit, QGraphicsView, QTabBar,
)


def _is_control(widget: QWidget) -> bool:
    return isinstance(widget, CONTROLS)


def unnamed_controls(top: QWidget) -> list[str]:
    """The controls shown in ``top`` that a screen reader could not name: no accessible
    name, no text of their own (a button's), no label that is their buddy."""
    buddies = {id(label.buddy()) for label in top.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in top.findChildren(QWidget):
        if not _is_control(widget) or not widget.isVisibleTo(top):
            continue
        parent = widget.parentWidget()
        # A control's own parts (a spin box's line edit, a tab widget's bar) are named
        # by the control.
        inner = parent is not None and (_is_control(parent) or parent.accessibleName())
        if isinstance(widget, QTabBar) and inner:
            continue
        if inner and not isinstance(widget, QAbstractButton):
            continue
        named = (
            widget.accessibleName().strip()
            or (isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip())
            or id(widget) in buddies
        )
        if not named:
            missing.append(f"{type(widget).__name__} {widget.objectName() or ''}".strip())
    return missing


def test_the_walk_finds_an_unnamed_field(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QVBoxLayout

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    named, labelled, bare = QLineEdit(), QLineEdit(), QLineEdit()
    named.setAccessibleName("Search")
    label = QLabel("&Note")
    label.setBuddy(labelled)
    for widget in (named, label, labelled, bare, QLabel("plain text")):
        layout.addWidget(widget)
    bare.setObjectName("bare")
    top.show()
    assert unnamed_controls(top) == ["QLineEdit bare"]


@pytest.fixture
def window_journal(journal: Journal) -> Journal:
    now = journal.now()
    journal.log(MoodEntry(at=now, mood=6))
    journal.log(Event(at=now, event_kind=EventKind.APPOINTMENT))
    return journal


def test_every_control_on_every_screen_has_a_name(window: MainWindow, qtbot: QtBot) -> None:
    for index, screen in enumerate(SCREENS):
        window.show_tab(index)
        if screen.name == "today":
            window.today.details_toggle.setChecked(True)
        if screen.name == "boosters":
            window.boosters.threshold_button.setChecked(True)
        if screen.name == "trends":
            window.trends.table_button.setChecked(True)
        qtbot.wait(1)
        assert unnamed_controls(window) == [], screen.name
    window.lock()
    assert unnamed_controls(window) == [], "lock screen"


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


def test_every_control_in_every_dialog_has_a_name(window: MainWindow, qtbot: QtBot) -> None:
    for dialog in _dialogs(window):
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_controls(dialog) == [], dialog.windowTitle()
        dialog.close()


def test_a_save_the_attention_box_and_status_messages_are_read_out(
    window: MainWindow, qtbot: QtBot
) -> None:
    today = window.today
    today.save_mood(7)
    assert last_announcement(today.status) == today.status.text()
    assert today.status.text().startswith("Saved at")

    window.statusBar().showMessage("Locked.")
    assert last_announcement(window.statusBar()) == "Locked."

    # A PHQ-9 with item 9 above 0: the attention box appears and is read out, at once.
    phq9 = INSTRUMENTS["phq9"]
    answers = (1,) * len(phq9.items)
    window.open_controller.log(Assessment(at=window.open_controller.now(), instrument_id="phq9",
                                          answers=answers))
    today.refresh()
    said = last_announcement(today.flags_box)
    assert said is not None and said.startswith("Needs your attention: On ")
    assert "question 9" in said
    # A refresh that shows nothing new says nothing again.
    today.flags_box.setProperty("ketajournalAnnounced", None)
    today.refresh()
    assert last_announcement(today.flags_box) is None
