"""File operations and the one job helper under them: progress, drafts, locks, failures."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import MoodEntry
from ketajournal.errors import KnownError
from ketajournal.services.journal import Journal
from ketajournal.ui import tasks
from ketajournal.ui.appointment import AppointmentView
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every warning box the code shows, as (title, text), instead of a modal dialog."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, title, text: shown.append((title, text)))
    return shown


@pytest.fixture
def window_journal(journal: Journal) -> Journal:
    journal.log(MoodEntry(at=journal.now(), mood=6))
    return journal

def test_an_export_runs_as_a_job_writes_the_file_and_reports(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert not tasks.SYNCHRONOUS
    controller = window.open_controller
    target = tmp_path / "export.json"
    window.files.export_json(target)
    assert controller.jobs.running and controller.drafts.paused  # off the UI thread
    qtbot.waitUntil(lambda: not controller.jobs.running, timeout=10_000)
    assert window.statusBar().currentMessage() == "Exported 1 entry to export.json."
    assert [m["mood"] for m in json.loads(target.read_text())["entries"]["mood"]] == [6]
    assert not controller.drafts.paused


def test_a_failed_export_shows_one_warning_and_resumes_drafts(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, warnings: list[tuple[str, str]]
) -> None:
    controller = window.open_controller
    window.files.export_json(tmp_path / "no such folder" / "export.json")  # an OSError
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert warnings == [
        ("Exporting failed", "The file could not be written (No such file or directory).")
    ]
    assert not controller.jobs.running and not controller.drafts.paused
    window.files.export_fhir(tmp_path / "no such folder" / "bundle.json")  # a KnownError
    qtbot.waitUntil(lambda: len(warnings) == 2, timeout=10_000)
    assert warnings[1] == (
        "Exporting failed",
        f"output: the folder {tmp_path / 'no such folder'} does not exist",
    )
    assert not controller.jobs.running and not controller.drafts.paused
    assert "Exported" not in window.statusBar().currentMessage()


def test_a_lock_asked_for_during_a_job_waits_until_it_ends(
    qtbot: QtBot, window: MainWindow
) -> None:
    controller = window.open_controller
    release = threading.Event()
    results: list[int] = []
    try:
        controller.jobs.run(
            window, "Working…", lambda journal: release.wait(10) and len(journal.moods()),
            results.append,
        )
        window.lock()
        window.lock()  # asked twice: locks once
        assert window.controller is controller  # the job still has the connection
        assert window.statusBar().currentMessage() == "Locking when the current task is done."
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.controller is None, timeout=10_000)
    assert results == [1]  # the job finished first, then the lock came
    assert window.lock_screen.isVisible()
    window.try_unlock("")
    assert window.controller is not None and not window.controller.jobs.running


def test_when_idle_runs_at_once_when_no_job_is_running(window: MainWindow) -> None:
    called: list[str] = []
    window.open_controller.jobs.when_idle(lambda: called.append("now"))
    assert called == ["now"]


def test_a_known_error_shows_its_own_text_under_the_given_title(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, warnings: list[tuple[str, str]]
) -> None:
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)

    def fails(_journal: Journal) -> None:
        raise KnownError("The disk is full. Nothing was written.")

    window.open_controller.jobs.run(window, "Backing up…", fails, lambda _: None)
    window.open_controller.jobs.run(window, "Backing up…", fails, lambda _: None,
                                    failure_title="Backup failed")
    assert warnings == [
        ("Backing up failed", "The disk is full. Nothing was written."),
        ("Backup failed", "The disk is full. Nothing was written."),
    ]


def test_a_bug_in_a_job_is_raised_not_reported_and_drafts_resume(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, warnings: list[tuple[str, str]]
) -> None:
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)
    controller = window.open_controller

    def bug(_journal: Journal) -> None:
        raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        controller.jobs.run(window, "Exporting…", bug, lambda _: None)
    assert warnings == []
    assert not controller.jobs.running and not controller.drafts.paused


def test_the_appointment_pdf_runs_through_the_same_helper(
    qtbot: QtBot, journal: Journal, tmp_path: Path, warnings: list[tuple[str, str]]
) -> None:
    journal.log(MoodEntry(at=journal.now(), mood=6))
    view = AppointmentView(JournalController(journal))
    qtbot.addWidget(view)
    view.chosen.setChecked(True)  # the month so far: no appointment is needed
    view.open_when_done.setChecked(False)
    view.export_pdf(tmp_path / "missing" / "summary.pdf")
    assert view.controller.jobs.running
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    assert warnings == [("Export failed", "The PDF could not be written (No such file or "
                                          "directory); nothing was saved.")]
    assert not view.controller.jobs.running and view.message.text() == ""
