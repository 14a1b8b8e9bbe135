"""Locking the window: the connection closes, every view with health data goes, unlock works."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import MoodEntry
from ketajournal.services.journal import Journal
from ketajournal.ui.main_window import MainWindow

SENTINEL = "SENTINEL-lock-3310"


def visible_text(root: QWidget) -> str:
    parts = [root.windowTitle()]
    for label in root.findChildren(QLabel):
        parts.append(label.text())
    for edit in root.findChildren(QLineEdit):
        parts.append(edit.text())
    for edit in root.findChildren(QPlainTextEdit):
        parts.append(edit.toPlainText())
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                parts.append(str(model.index(row, column).data()))
    return "\n".join(parts)


@pytest.fixture
def window_journal(journal: Journal) -> Journal:
    journal.log(MoodEntry(at=journal.now() - timedelta(hours=1), mood=2, note=SENTINEL))
    return journal

def test_lock_closes_the_journal_and_clears_every_view(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    window.tabs.setCurrentWidget(window.timeline)  # type: ignore[union-attr]
    assert SENTINEL in visible_text(window)
    window.menus.lock_action.trigger()
    qtbot.wait(1)
    assert window.controller is None and window.tabs is None
    assert SENTINEL not in visible_text(window)
    assert "locked" in visible_text(window).lower()
    with pytest.raises(Exception, match="closed"):
        journal.moods()
    assert not window.menus.export_action.isEnabled() and not window.menus.undo_action.isEnabled()


def test_unlock_with_the_keyring_brings_everything_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.lock()
    window.lock_screen.button.click()
    assert window.controller is not None
    assert [m.note for m in window.controller.journal.moods()] == [SENTINEL]
    assert window.menus.export_action.isEnabled()
    window.tabs.setCurrentWidget(window.timeline)  # type: ignore[union-attr]
    assert SENTINEL in visible_text(window)


def test_idle_time_locks_the_window(qtbot: QtBot, window: MainWindow) -> None:
    assert window.idle.timer.isActive()
    assert window.idle.timer.interval() == 15 * 60_000  # the default: 15 minutes
    window.idle.timer.start(30)
    qtbot.waitUntil(lambda: window.controller is None, timeout=2000)
    assert SENTINEL not in visible_text(window)


def test_without_a_keyring_key_unlock_asks_for_a_secret_and_slows_wrong_tries(
    qtbot: QtBot, window: MainWindow, memory_keyring
) -> None:
    window.lock()
    memory_keyring.passwords.clear()
    window.lock_screen.button.click()
    assert window.controller is None
    assert window.lock_screen.secret.isVisibleTo(window)
    window.lock_screen.secret.setText("not the recovery key")
    window.lock_screen.button.click()
    assert window.controller is None
    assert "try again in 1 s" in window.lock_screen.error.text()
    assert not window.lock_screen.button.isEnabled()
    qtbot.waitUntil(window.lock_screen.button.isEnabled, timeout=3000)
    window.lock_screen.secret.setText("still wrong")
    window.lock_screen.button.click()
    assert "try again in 2 s" in window.lock_screen.error.text()
