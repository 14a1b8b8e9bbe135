"""Showing a window and waiting for its first paint, before the slow work of a start."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ketajournal.ui.first_paint import PaintWatch, show_and_wait_for_paint


class PaintCounter(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_it_returns_once_the_window_has_painted(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    counter = PaintCounter(window)
    assert show_and_wait_for_paint(window, timeout_ms=5000)
    assert window.isVisible() and counter.count >= 1


def test_the_watch_notes_only_the_first_paint(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[int] = []
    watch = PaintWatch(window)
    watch.done = lambda: calls.append(1)
    window.show()
    qtbot.waitUntil(lambda: watch.seen)
    window.repaint()
    qtbot.waitUntil(lambda: bool(calls))
    qtbot.wait(20)
    assert calls == [1]


class NeverExposed(QWidget):
    """A window the window system never exposes (e.g. started minimised)."""

    def show(self) -> None:
        pass


def test_a_window_that_never_paints_does_not_hold_the_start_up(qtbot: QtBot) -> None:
    window = NeverExposed()
    qtbot.addWidget(window)
    assert not show_and_wait_for_paint(window, timeout_ms=50)
