"""Show a window and wait for its first paint, so that slow work comes after it.

The app shows its window ("Opening your journal…") before it imports the storage and
the keyring and opens the journal: the patient sees the window at once instead of
waiting on work that shows nothing (docs/performance.md, "Start-up").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget


class PaintWatch(QObject):
    """Notes the first paint of the widget it filters, and then calls ``done`` once."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.seen = False
        self.done: Callable[[], None] | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The first paint: ``done`` runs on the next loop turn, once the frame is drawn."""
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            watched.removeEventFilter(self)  # the widget's later events pass unseen
            if self.done is not None:
                QTimer.singleShot(0, self.done)
        return False


def show_and_wait_for_paint(window: QWidget, timeout_ms: int = 1000) -> bool:
    """Show ``window`` and return once it has painted; False when it did not in time.

    Runs a local event loop until then (the platform may paint only after the
    window server answers); the timeout keeps a window that is never exposed (a
    minimised start) from holding the start up.
    """
    watch = PaintWatch(window)
    window.show()
    if not watch.seen:
        loop = QEventLoop(window)
        watch.done = loop.quit
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
    window.removeEventFilter(watch)
    watch.deleteLater()
    return watch.seen
