"""One way to run long work (export, import, backup) off the UI thread, with progress.

:class:`JournalJobs` is what the screens use: it runs work on the journal's own
connection from a worker thread with a progress indicator, pauses drafts meanwhile,
holds back a lock until the work is done, and reports a failure with one kind of
message. :func:`run_task` is the thread and the window-modal progress dialog under
it (the dialog keeps the user from starting another write on the same journal);
the result or the error comes back on the UI thread through ``done``.
:func:`run_quietly` is for work nobody waits for. Tests set :data:`SYNCHRONOUS` to
run the work inline (like Picard's synchronous pool).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ketajournal.errors import KnownError
from ketajournal.translation import translator

if TYPE_CHECKING:
    from ketajournal.services.drafts import Drafts
    from ketajournal.services.journal import Journal

#: Run tasks inline (tests).
SYNCHRONOUS = False

Done = Callable[[Any, BaseException | None], None]
T = TypeVar("T")

tr = translator("Tasks")


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


def run_task(
    parent: QWidget, label: str, work: Callable[[], Any], done: Done
) -> QThread | None:
    """Run ``work()`` in the background with a busy indicator, then call ``done``.

    Returns the thread, so that its owner can wait for it before closing (None when
    run inline: :data:`SYNCHRONOUS`).
    """
    if SYNCHRONOUS:
        _inline(work, done)
        return None
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
    return worker


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


class JournalJobs(QObject):
    """Work on the open journal's connection, run off the UI thread (exports, import, backup).

    While a job runs nothing else may write on that connection: drafts wait (they are
    written when it is done), and whatever must not run meanwhile (the window's lock,
    which closes the connection) is deferred with :meth:`when_idle`.
    """

    def __init__(self, journal: Journal, drafts: Drafts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._drafts = drafts
        self._running = 0
        self._when_idle: list[Callable[[], None]] = []
        self._threads: list[QThread] = []

    @property
    def running(self) -> bool:
        """True while a job is using the connection."""
        return self._running > 0

    def run(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[Journal], T],
        finished: Callable[[T], None],
        *,
        failure_title: str | None = None,
    ) -> None:
        """Run ``work(journal)`` with a progress indicator labelled ``label``; then
        ``finished(result)``, or the failure reported by :func:`report_failure` under
        ``failure_title`` (default: "<label> failed")."""
        journal = self._journal
        self._drafts.pause()
        self._running += 1

        def done(result: Any, error: BaseException | None) -> None:
            self._running -= 1
            self._drafts.resume()
            try:
                if error is None:
                    finished(result)
                else:
                    report_failure(parent, failure_title or tr("{task} failed").format(
                        task=label.rstrip("…")), error)
            finally:
                if not self._running:
                    waiting, self._when_idle = self._when_idle, []
                    for then in waiting:
                        then()

        thread = run_task(parent, label, lambda: work(journal), done)
        if thread is not None:
            self._threads.append(thread)
            thread.finished.connect(lambda: self._forget(thread))

    def _forget(self, thread: QThread) -> None:
        with contextlib.suppress(ValueError):
            self._threads.remove(thread)

    def finish(self) -> None:
        """Wait for every job still running (closing the window never cuts one off: a
        thread destroyed while it runs would end the whole program)."""
        for thread in list(self._threads):
            finish_quietly(thread)

    def when_idle(self, then: Callable[[], None]) -> None:
        """Call ``then`` once no job is running: now, or when the last one ends (once)."""
        if not self.running:
            then()
        elif then not in self._when_idle:
            self._when_idle.append(then)


def report_failure(parent: QWidget | None, title: str, error: BaseException) -> None:
    """Say why a job failed, in a warning box: a :class:`KnownError`'s own text, or what
    the operating system said about the file. Anything else is a bug and is raised
    again (the crash handler reports it without its message)."""
    if not isinstance(error, KnownError | OSError):
        raise error
    QMessageBox.warning(parent, title, failure_text(error))


def failure_text(error: KnownError | OSError) -> str:
    """The message for a failed job; an OS error names its reason, not the file's path."""
    if isinstance(error, KnownError):
        return str(error)
    reason = getattr(error, "strerror", None) or type(error).__name__
    return tr("The file could not be written ({reason}).").format(reason=reason)
