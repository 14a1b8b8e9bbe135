"""One way to run long work (export, import, backup) off the UI thread, with progress.

:func:`run_task` runs ``work`` in a worker thread while a window-modal progress
dialog keeps the user from starting another write on the same journal; the
result or the error comes back on the UI thread through ``done``. Tests set
:data:`SYNCHRONOUS` to run the work inline (like Picard's synchronous pool).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

#: Run tasks inline (tests).
SYNCHRONOUS = False

Done = Callable[[Any, BaseException | None], None]


class _Worker(QThread):
    finished_with = Signal(object, object)  # result, error

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # handed to the UI thread, never swallowed
            self.finished_with.emit(None, error)
        else:
            self.finished_with.emit(result, None)


def _inline(work: Callable[[], Any], done: Done) -> None:
    try:
        result = work()
    except BaseException as error:  # handed to ``done``, never swallowed
        done(None, error)
    else:
        done(result, None)


def run_task(parent: QWidget, label: str, work: Callable[[], Any], done: Done) -> None:
    """Run ``work()`` in the background with a busy indicator, then call ``done``."""
    if SYNCHRONOUS:
        _inline(work, done)
        return
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)  # SQLite transactions are not cancelled half-way
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setAccessibleName(label)
    worker = _Worker(work, parent)

    def finish(result: Any, error: BaseException | None) -> None:
        progress.close()
        progress.deleteLater()
        worker.wait()
        worker.deleteLater()
        done(result, error)

    worker.finished_with.connect(finish, Qt.ConnectionType.QueuedConnection)
    worker.start()


def run_quietly(parent: QWidget, work: Callable[[], Any], done: Done) -> QThread | None:
    """Run ``work()`` in the background with no dialog, then call ``done`` on the UI thread.

    For work the user did not ask for and need not wait for (the checks and the
    backup after opening). Returns the thread so its owner can :func:`finish_quietly`
    it before closing; None when run inline (:data:`SYNCHRONOUS`).
    """
    if SYNCHRONOUS:
        _inline(work, done)
        return None
    worker = _Worker(work, parent)

    def finish(result: Any, error: BaseException | None) -> None:
        worker.wait()
        worker.deleteLater()
        done(result, error)

    worker.finished_with.connect(finish, Qt.ConnectionType.QueuedConnection)
    worker.start()
    return worker


def finish_quietly(worker: QThread | None) -> None:
    """Wait for a :func:`run_quietly` thread (a backup is never cut off by closing)."""
    if worker is not None:
        with contextlib.suppress(RuntimeError):  # already deleted: it had finished
            worker.wait()
