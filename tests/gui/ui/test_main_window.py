"""The window, driven like a user would: real widgets, a real encrypted journal, offscreen."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import (
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.services.journal import Journal
from ketajournal.services.settings import Settings
from ketajournal.ui.controller import JournalController
from ketajournal.ui.dialogs import SessionDialog
from ketajournal.ui.main_window import MainWindow
from tests.support.clock import FixedClock
from tests.support.notifications import Recorder

SENTINEL = "SENTINEL-window-title-7731"


def timeline_texts(window: MainWindow) -> list[str]:
    model = window.timeline.proxy
    return [
        " | ".join(str(model.index(r, c).data()) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def chart_mood_points(window: MainWindow) -> list[float]:
    window.tabs.setCurrentWidget(window.trends)  # a hidden view refreshes when shown
    series = window.trends.chart.series
    assert series is not None
    return [float(v) for v in series.mood_y]


def test_sessions_appear_as_exactly_one_marker_each_per_phase(
    window: MainWindow, journal: Journal
) -> None:
    for days_ago, phase in ((30, Phase.INDUCTION), (27, Phase.INDUCTION), (2, Phase.BOOSTER)):
        journal_now = window.controller.now()
        dialog = window.dialog_for("session")
        assert isinstance(dialog, SessionDialog)
        dialog.when.set_time(journal_now - timedelta(days=days_ago))
        dialog.phase.setCurrentIndex(dialog.phase.findData(phase))
        dialog.dose.set_optional(35)
        dialog.accept()
        assert dialog.result() == 1, dialog.error.text()
    assert len(journal.sessions()) == 3
    assert window.trends.chart.session_marker_count() == {"induction": 2, "booster": 1}
    assert sum("Session" in row for row in timeline_texts(window)) == 3


def test_edit_from_timeline_and_undo_it(window: MainWindow, journal: Journal) -> None:
    entry, _ = journal.log(MoodEntry(at=journal.now() - timedelta(hours=1), mood=4))
    window.timeline.refresh()
    assert window.timeline.select("mood", entry.id or 0)
    edited: list[object] = []
    window.timeline.edit_requested.disconnect(window.edit_entry)  # it would open a modal dialog
    window.timeline.edit_requested.connect(edited.append)
    window.timeline.edit_selected()
    assert edited == [entry]
    dialog = window.dialog_for("mood", entry)
    dialog.mood.setValue(8)  # type: ignore[attr-defined]
    dialog.accept()
    assert journal.get("mood", entry.id or 0).mood == 8  # type: ignore[union-attr]
    assert chart_mood_points(window) == [8.0]
    window.menus.undo_action.trigger()
    restored = journal.get("mood", entry.id or 0)
    assert restored == entry
    assert chart_mood_points(window) == [4.0]
    window.menus.redo_action.trigger()
    assert journal.get("mood", entry.id or 0).mood == 8  # type: ignore[union-attr]


def test_delete_with_undo_brings_the_entry_back_under_its_id(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    entry, _ = journal.log(MoodEntry(at=journal.now() - timedelta(hours=2), mood=5, note="keep"))
    window.timeline.refresh()
    window.tabs.setCurrentWidget(window.timeline)
    assert window.timeline.select("mood", entry.id or 0)
    window.timeline.table.setFocus()
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Delete)
    assert journal.moods() == []
    assert timeline_texts(window) == []
    assert "Undo" in window.timeline.message.text()
    window.menus.undo_action.trigger()
    assert journal.moods() == [entry]
    assert len(timeline_texts(window)) == 1


def test_undo_of_a_logged_session_restores_its_side_effect_links(
    window: MainWindow, journal: Journal
) -> None:
    session = window.controller.log(Session(at=journal.now() - timedelta(hours=3),
                                            route=Route.NASAL, phase=Phase.INDUCTION))
    side = window.controller.log(SideEffect(at=journal.now() - timedelta(hours=2),
                                            category=SideEffectCategory.NAUSEA, severity=3,
                                            session_id=session.id))
    window.timeline.select("session", session.id or 0)
    window.timeline.delete_selected()
    assert journal.get("side_effect", side.id or 0).session_id is None  # type: ignore[union-attr]
    window.menus.undo_action.trigger()
    assert journal.get("side_effect", side.id or 0).session_id == session.id  # type: ignore[union-attr]


def test_filter_by_kind_and_search_notes(window: MainWindow, journal: Journal) -> None:
    journal.log(MoodEntry(at=journal.now() - timedelta(hours=3), mood=5, note="Walk by the river"))
    journal.log(MoodEntry(at=journal.now() - timedelta(hours=2), mood=6, note="work"))
    journal.log(Session(at=journal.now() - timedelta(hours=1), route=Route.IV,
                        phase=Phase.BOOSTER, note="river clinic"))
    window.timeline.refresh()
    window.timeline.search.setText("RIVER")
    assert len(timeline_texts(window)) == 2
    window.timeline.kind_filter.setCurrentIndex(window.timeline.kind_filter.findData("session"))
    (row,) = timeline_texts(window)
    assert "river clinic" in row


def test_window_title_never_shows_entry_text(qtbot: QtBot, window: MainWindow) -> None:
    window.today.note.setPlainText(SENTINEL)
    qtbot.keyClick(window.today.mood_row.buttons[4], Qt.Key.Key_4)
    assert SENTINEL not in window.windowTitle()
    assert window.windowTitle() == "KetaJournal"


def _unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        interactive = isinstance(
            widget, QAbstractSpinBox | QComboBox | QLineEdit | QPlainTextEdit | QAbstractButton
        )
        if not interactive or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # the line edit inside a spin box or combo box
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text):
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    window.today.details_toggle.click()
    assert _unnamed_controls(window) == []
    for kind in ("mood", "session", "side_effect", "event"):
        dialog = window.dialog_for(kind)
        dialog.show()
        assert _unnamed_controls(dialog) == [], kind
        dialog.reject()


def test_trends_updates_without_restart_when_a_session_is_logged(
    window: MainWindow, journal: Journal
) -> None:
    window.tabs.setCurrentWidget(window.trends)  # shown: refreshed at once; hidden: on show
    before = window.trends.chart.session_marker_count()
    window.controller.log(Session(at=journal.now(), route=Route.IV, phase=Phase.BOOSTER))
    after = window.trends.chart.session_marker_count()
    assert after["booster"] == before.get("booster", 0) + 1


def test_window_reports_a_keyring_it_cannot_use_and_creates_nothing(
    qtbot: QtBot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    import keyring
    from PySide6.QtWidgets import QMessageBox

    from ketajournal.app import run_gui
    from tests.support.keyrings import LockedKeyring

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    keyring.set_keyring(LockedKeyring())
    home = tmp_path / "home"
    assert run_gui(str(home)) == 1
    ((title, text),) = shown
    assert "cannot open your journal" in title and "keyring is locked" in text
    assert not home.exists() or not any(home.iterdir())


def test_the_timeline_shows_a_time_on_the_clock_it_was_logged_on(
    qtbot: QtBot, journal: Journal, clock: FixedClock
) -> None:
    new_york = timezone(timedelta(hours=-5))
    journal.log(MoodEntry(at=datetime(2026, 11, 20, 23, 30, tzinfo=new_york), mood=6))
    win = MainWindow(JournalController(journal))
    qtbot.addWidget(win)
    win.tabs.setCurrentWidget(win.timeline)  # type: ignore[union-attr]
    # Logged at 23:30 in New York: shown on that clock and day, with its offset.
    assert win.timeline.proxy.index(0, 0).data() == "Fri 20 Nov 2026 23:30 (UTC−05:00)"


def test_help_crisis_resources_is_always_there_with_a_shortcut(
    window: MainWindow, journal: Journal
) -> None:
    # Issue 13: Help → Crisis resources, Ctrl+Shift+H, with the chosen country's list.
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    action = next(a for a in help_menu.actions() if a.text() == "&Crisis resources…")
    assert action is window.menus.crisis_action and action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+Shift+H"
    Settings(journal).set("safety.crisis_country", "GB")
    action.trigger()
    assert window.crisis is not None and window.crisis.isVisible()
    assert "Samaritans on 116 123" in window.crisis.text.text()
    assert "988" not in window.crisis.text.text()
    window.crisis.close()
    Settings(journal).set("safety.crisis_country", "AU")
    action.trigger()  # the text follows the setting
    assert "Lifeline on 13 11 14" in window.crisis.text.text()


def test_an_opening_window_shows_no_journal_and_no_journal_action_until_attached(
    qtbot: QtBot, journal: Journal
) -> None:
    from PySide6.QtWidgets import QLabel

    from tests.support.fixtures import settle

    notifier = Recorder()
    window = MainWindow(None, opening=True, notifier=notifier)
    page = window.stack.currentWidget()
    assert isinstance(page, QLabel) and page.text() == "Opening your journal…"
    assert window.tabs is None and "today" not in window.__dict__  # nothing to click yet
    assert not any(action.isEnabled() for action in window.menus.journal_actions)
    # The reminder scheduler and its notifier wait for the journal (its first paint).
    assert notifier.made == 0 and not window.completed
    window.attach(JournalController(journal))
    assert window.stack.currentWidget() is window.tabs
    assert window.tabs.currentWidget() is window.today
    assert all(action.isEnabled() for action in window.menus.journal_actions)
    assert notifier.made == 1 and window.reminders.sends
    settle(window)


def test_at_start_the_sync_link_waits_for_todays_first_paint(
    qtbot: QtBot, journal: Journal
) -> None:
    from ketajournal.ui.first_paint import show_and_wait_for_paint
    from tests.support.fixtures import settle

    window = MainWindow(None, opening=True)
    assert show_and_wait_for_paint(window, timeout_ms=5000)
    controller = JournalController(journal)
    window.attach(controller)
    # Today is built and shown; the sync scheduler, services.sync and the link's read
    # come after its paint.
    assert window.sync is None
    qtbot.waitUntil(lambda: window.sync is not None and window.sync._controller is controller,
                    timeout=5000)
    settle(window)


def test_an_opening_window_without_a_key_asks_for_the_secret(qtbot: QtBot) -> None:
    window = MainWindow(None, opening=True, unlock=lambda _secret: None)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(window)
    window.ask_to_unlock("Type your passphrase.")
    assert window.stack.currentWidget() is window.lock_screen
    assert window.lock_screen.hint.text() == "Type your passphrase."
    assert not window.lock_screen.secret.isHidden()


def test_a_start_builds_its_first_frame_then_the_rest_after_todays_paint(
    qtbot: QtBot, journal: Journal
) -> None:
    """Before the first paint: title, the opening page, the status line, the menus'
    titles. After Today's paint: the menus' actions, the tray, the reminders, the idle
    watcher; a shortcut works as soon as Today is there."""
    from ketajournal.ui.first_paint import show_and_wait_for_paint
    from tests.support.fixtures import settle

    window = MainWindow(None, opening=True, unlock=lambda _secret: journal)
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File", "&Edit", "&Log", "&View", "&Help"]
    assert all(not a.menu().actions() for a in window.menuBar().actions())  # type: ignore[union-attr]
    assert not any(a.isEnabled() for a in window.bar.journal_menus)
    assert window.statusBar().currentMessage() and not window.completed
    assert show_and_wait_for_paint(window, timeout_ms=5000)
    assert not window.completed and not hasattr(window, "reminders")
    window.attach(JournalController(journal))
    assert not window.completed  # Today is built; the rest waits for its paint
    qtbot.waitUntil(lambda: window.completed, timeout=5000)
    assert not window.reminders.locked  # the scheduler follows the open journal
    assert window.idle.timer.isActive() and window.tray.menu.actions()
    assert window.menus.lock_action.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window.today.mood_row, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.controller is None and window.stack.currentWidget() is window.lock_screen
    settle(window)


def test_after_todays_paint_the_journal_gets_ready_for_the_first_save(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Opening and Today's reads import no sqlite-utils; it is imported right after
    Today's paint, not at the patient's first save."""
    from ketajournal.platform.keystore import MemoryKeyStore
    from ketajournal.platform.paths import JournalPaths
    from ketajournal.services.opening import open_checked, open_journal
    from ketajournal.ui.first_paint import show_and_wait_for_paint
    from tests.support.fixtures import settle

    paths, keys = JournalPaths(tmp_path / "home"), MemoryKeyStore()
    open_journal(paths, keys).close()
    journal = open_checked(paths, keys, None, create=False, verify=False).journal
    assert not journal.ready_to_write  # the open and its reads went around sqlite-utils
    window = MainWindow(None, opening=True, unlock=lambda _secret: journal)
    assert show_and_wait_for_paint(window, timeout_ms=5000)
    window.attach(JournalController(journal))
    assert not journal.ready_to_write  # Today is built and read, not yet painted
    qtbot.waitUntil(lambda: journal.ready_to_write, timeout=5000)
    settle(window)
    journal.close()
    journal.prepare_to_write()  # a closed journal: nothing to do, no error


def test_a_lock_before_todays_paint_keeps_the_reminders_notifying(
    qtbot: QtBot, journal: Journal
) -> None:
    """Locked before Today has painted, the window still sends the reminders (generic)."""
    from ketajournal.ui.first_paint import show_and_wait_for_paint
    from tests.support.fixtures import settle

    window = MainWindow(
        None, opening=True, unlock=lambda _secret: journal,
        notifier=Recorder(),
    )
    assert show_and_wait_for_paint(window, timeout_ms=5000)
    window.attach(JournalController(journal))
    window.lock()  # before Today's paint
    assert window.controller is None and window.completed
    qtbot.wait(1200)  # Today's paint, or its fallback timer, would have come
    assert window.reminders.sends
    settle(window)
