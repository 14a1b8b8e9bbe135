"""Unsaved form text survives a crash, a lock and closing the window (issue 6).

The crash is real: a child process types into Today and into a side-effect form,
waits until the drafts are written, and is killed with SIGKILL. The next window on
the same journal gets the text back.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import MoodEntry, SideEffectCategory
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.drafts import form_id
from ketajournal.services.opening import open_journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.dialogs import SideEffectDialog
from ketajournal.ui.drafts import DELAY_MS
from ketajournal.ui.main_window import MainWindow
from tests.support.clock import FixedClock
from tests.support.keyrings import MemoryKeyring
from tests.support.paths import ROOT

SENTINEL = "SENTINEL-draft-5521 ünïcode"


# -- the window -------------------------------------------------------------------------


def _kept(window: MainWindow, form: str) -> dict[str, object] | None:
    assert window.controller is not None
    draft = window.controller.drafts.get(form)
    return None if draft is None else draft.data


def test_todays_note_is_kept_a_moment_after_typing_and_forgotten_on_save(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.today.note.setPlainText(SENTINEL)
    window.today.anxiety.set_optional(6)
    assert _kept(window, "today") is None  # not on every keystroke
    qtbot.waitUntil(lambda: _kept(window, "today") is not None, timeout=DELAY_MS * 5)
    kept = _kept(window, "today")
    assert kept is not None and kept.pop("details") is False and isinstance(kept.pop("at"), str)
    assert kept == {"note": SENTINEL, "anxiety": 6, "energy": None, "sleep_hours": None,
                    "tags": ""}
    window.today.save_mood(7)
    assert _kept(window, "today") is None
    qtbot.wait(DELAY_MS * 2)  # the form's reset writes nothing back
    assert _kept(window, "today") is None
    assert window.controller is not None
    assert window.controller.drafts.pending() == []


def test_a_form_typed_back_to_empty_keeps_no_draft(qtbot: QtBot, window: MainWindow) -> None:
    window.today.note.setPlainText("x")
    qtbot.waitUntil(lambda: _kept(window, "today") is not None, timeout=DELAY_MS * 5)
    window.today.note.clear()
    qtbot.waitUntil(lambda: _kept(window, "today") is None, timeout=DELAY_MS * 5)


def test_a_failed_save_keeps_the_draft_at_once(
    qtbot: QtBot, window: MainWindow, clock: FixedClock
) -> None:
    window.today.note.setPlainText(SENTINEL)
    window.today.details_toggle.setChecked(True)
    window.today.when.set_time(clock() + timedelta(days=2))  # the future: refused
    window.today.save_mood(4)
    assert "future" in window.today.status.text().lower()
    assert _kept(window, "today") is not None  # without waiting for the quiet moment
    assert window.today.note.toPlainText() == SENTINEL


def test_locking_keeps_todays_note_and_an_open_form_and_unlocking_brings_them_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.today.note.setPlainText(SENTINEL)
    dialog = window.dialog_for("side_effect")
    assert isinstance(dialog, SideEffectDialog)
    dialog.show()
    dialog.severity.setValue(8)
    dialog.note.setPlainText("after the session " + SENTINEL)
    window.lock()  # at once: no waiting for the quiet moment
    assert window.controller is None
    window.try_unlock("")
    assert window.controller is not None
    assert window.today.note.toPlainText() == SENTINEL
    assert "Restored what you typed" in window.today.status.text()
    assert window.today.drafts_box.isVisibleTo(window)
    buttons = {b.accessibleName(): b for b in window.today.drafts_box.findChildren(QPushButton)}
    assert set(buttons) == {"Continue: A new side effect", "Discard: A new side effect"}

    opened: list[SideEffectDialog] = []

    def capture(kind: str, existing: object = None) -> SideEffectDialog:
        made = MainWindow.dialog_for(window, kind, existing)  # type: ignore[arg-type]
        assert isinstance(made, SideEffectDialog)
        opened.append(made)
        made.exec = made.show  # type: ignore[method-assign]  # inspect instead of blocking
        return made

    window.dialog_for = capture  # type: ignore[method-assign]
    buttons["Continue: A new side effect"].click()
    (again,) = opened
    assert again.severity.value() == 8
    assert again.note.toPlainText() == "after the session " + SENTINEL
    assert again.restored.isVisibleTo(again) and "not saved yet" in again.restored.text()
    again.accept()
    assert again.result() == QDialog.DialogCode.Accepted
    assert window.controller.drafts.get("new:side_effect") is None
    (saved,) = window.controller.journal.side_effects()
    assert saved.severity == 8 and saved.category in SideEffectCategory


def test_cancel_discards_and_a_draft_of_a_deleted_entry_is_dropped(
    qtbot: QtBot, window: MainWindow, clock: FixedClock
) -> None:
    assert window.controller is not None
    dialog = window.dialog_for("event")
    dialog.show()
    dialog.note.setPlainText("y")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: _kept(window, "new:event") is not None, timeout=DELAY_MS * 5)
    dialog.reject()
    assert _kept(window, "new:event") is None

    entry = window.controller.log(MoodEntry(at=clock() - timedelta(hours=2), mood=3))
    assert entry.id is not None
    window.controller.drafts.keep(form_id("mood", entry.id), {"note": "z"})
    window.controller.delete(entry)
    window.continue_draft(form_id("mood", entry.id))
    assert window.controller.drafts.pending() == []
    assert "no longer exists" in window.statusBar().currentMessage()


# -- a real crash -----------------------------------------------------------------------

_CHILD = textwrap.dedent(
    """
    import os, signal, sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from ketajournal.platform.keystore import KeyringKeyStore
    from ketajournal.platform.paths import JournalPaths
    from ketajournal.services.opening import open_journal
    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.main_window import MainWindow

    journal = open_journal(JournalPaths(Path(sys.argv[1])), KeyringKeyStore())
    window = MainWindow(JournalController(journal))
    window.show()
    window.today.note.setPlainText(sys.argv[2])
    dialog = window.dialog_for("side_effect")
    dialog.show()
    dialog.severity.setValue(9)
    dialog.note.setPlainText(sys.argv[2])
    drafts = window.controller.drafts
    deadline = time.monotonic() + 20
    while drafts.get("today") is None or drafts.get("new:side_effect") is None:
        app.processEvents()
        time.sleep(0.02)
        if time.monotonic() > deadline:
            sys.exit(3)
    print("kept", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_a_killed_window_gives_the_typed_text_back_at_the_next_start(
    qtbot: QtBot, paths: JournalPaths, clock: FixedClock, memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    open_journal(paths, KeyringKeyStore(), clock=clock).close()
    keyring_file = tmp_path / "keyring.json"
    stored = memory_keyring.passwords.items()
    keyring_file.write_text(json.dumps({f"{svc}\n{user}": key for (svc, user), key in stored}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "tests.support.keyrings.FileKeyring",
        "KETAJOURNAL_TEST_KEYRING": str(keyring_file),
        "PYTHONPATH": str(ROOT),
    }
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(paths.home), SENTINEL],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert child.stdout.strip() == "kept"
    assert child.returncode == -signal.SIGKILL
    journal = open_journal(paths, KeyringKeyStore(), clock=clock)
    window = MainWindow(JournalController(journal))
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.today.note.toPlainText() == SENTINEL
        assert "Restored what you typed" in window.today.status.text()
        dialog = window.dialog_for("side_effect")
        assert isinstance(dialog, SideEffectDialog)
        assert dialog.note.toPlainText() == SENTINEL and dialog.severity.value() == 9
        dialog.reject()
        assert journal.check().ok
    finally:
        window.close()
        journal.close()


def test_drafts_and_a_lock_wait_for_a_background_task_on_the_connection(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from ketajournal.ui import tasks

    assert not tasks.SYNCHRONOUS and window.controller is not None
    drafts = window.controller.drafts
    window.files.export_json(tmp_path / "export.json")  # a worker thread on the same connection
    assert drafts.paused
    window.today.note.setPlainText(SENTINEL)
    window.today.draft.keep_now()  # used to raise "transactions are not nested"
    window.lock()  # would close the connection under the export
    assert window.controller is not None
    assert "when the current task is done" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.controller is None, timeout=10_000)  # locked after it
    assert (tmp_path / "export.json").exists()
    window.try_unlock("")
    assert window.controller is not None and not window.controller.drafts.paused
    # The note typed during the export was kept when the lock came.
    assert window.today.note.toPlainText() == SENTINEL


def test_a_back_dated_time_in_todays_details_comes_back_with_the_note(
    qtbot: QtBot, window: MainWindow, clock: FixedClock
) -> None:
    yesterday = (clock() - timedelta(days=1)).replace(second=0, microsecond=0)
    window.today.details_toggle.setChecked(True)
    window.today.when.set_time(yesterday)
    window.today.note.setPlainText("written the next morning")
    window.lock()
    window.try_unlock("")
    today = window.today
    assert today.note.toPlainText() == "written the next morning"
    assert today.details_toggle.isChecked() and today.details.isVisibleTo(window)
    assert today.when.time() == yesterday  # not "now": the entry stays back-dated
    today.save_mood(5)
    assert window.controller is not None
    (saved,) = window.controller.journal.moods()
    assert saved.at == yesterday and saved.note == "written the next morning"
