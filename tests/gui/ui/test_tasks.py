"""Long work off the UI thread: results and failures come back, drafts wait meanwhile."""

from __future__ import annotations

import errno
import threading
import time

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ketajournal.errors import KnownError
from ketajournal.services.journal import Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.tasks import failure_text, report_failure


def test_a_job_runs_on_the_journal_and_hands_back_its_result(
    qtbot: QtBot, journal: Journal
) -> None:
    controller = JournalController(journal)
    parent = QWidget()
    qtbot.addWidget(parent)
    got: list[int] = []
    controller.jobs.run(parent, "Counting", lambda j: sum(j.counts().values()), got.append)
    qtbot.waitUntil(lambda: got == [0] and not controller.jobs.running, timeout=5000)
    assert not controller.drafts.paused


def test_failures_say_what_happened_without_the_path() -> None:
    assert failure_text(KnownError("The disk is full.")) == "The disk is full."
    os_error = OSError(errno.EACCES, "Permission denied", "/home/me/secret-name.pdf")
    assert failure_text(os_error) == "The file could not be written (Permission denied)."
    with pytest.raises(ZeroDivisionError):  # a bug is not a failure to report
        report_failure(None, "Export failed", ZeroDivisionError())


def test_closing_the_window_waits_for_a_running_job_instead_of_cutting_it_off(
    window: MainWindow,
) -> None:
    # A thread destroyed while it runs ends the whole program (Qt aborts); an export or
    # backup cut off half-way would also leave nothing useful behind.
    finished = threading.Event()

    def slow_export(journal: Journal) -> int:
        time.sleep(0.3)
        finished.set()
        return sum(journal.counts().values())

    window.open_controller.jobs.run(window, "Exporting…", slow_export, lambda _count: None)
    assert window.open_controller.jobs.running
    window.close()
    assert finished.is_set()
