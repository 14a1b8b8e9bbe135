"""The Trends chart from the keyboard: arrow keys step through the daily mood points.

With the chart focused, Left and Right go to the previous and next day with a mood,
Page Up and Page Down a week back or on, Home and End to the first and the newest.
The chosen point is ringed, the view pans to keep it in sight, and the chart's
accessible description becomes the point read out (``Tue 1 Dec 2026: mood 7, 7-day
mean 6.4; booster session``, :func:`ketajournal.domain.trend_table.describe_row`),
with ``DescriptionChanged`` sent and :attr:`PointCursor.moved` emitted, which the
screen announces.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeyEvent

from ketajournal.domain.series import TrendSeries
from ketajournal.domain.trend_table import TrendRow, describe_row, trend_rows
from ketajournal.palette import Palette

#: Keys and how many points they move (None: to the first / the last).
STEPS: dict[Qt.Key, int | None] = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_PageUp: -7,
    Qt.Key.Key_PageDown: 7,
}
#: Size of the ring around the chosen point, in pixels.
RING_SIZE = 16


class PointCursor(QObject):
    """Steps through the mood points of a plot with the keyboard and reads each out."""

    #: The chosen point, read out (the screen announces it).
    moved = Signal(str)

    def __init__(self, plot: pg.PlotWidget, view: pg.ViewBox) -> None:
        super().__init__(plot)
        self._plot = plot
        self._view = view
        self._description = plot.accessibleDescription()
        self._x = np.zeros(0, dtype=np.float64)
        self._y = np.zeros(0, dtype=np.float64)
        self._rows: list[TrendRow] = []
        self.index: int | None = None
        self.ring = pg.ScatterPlotItem(symbol="o", size=RING_SIZE, brush=None)
        self.ring.setZValue(20)
        view.addItem(self.ring, ignoreBounds=True)
        plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        plot.installEventFilter(self)

    def set_series(self, series: TrendSeries) -> None:
        """The points to step through: the daily moods of ``series``, oldest first."""
        self._x = np.asarray(series.mood_x, dtype=np.float64)
        self._y = np.asarray(series.mood_y, dtype=np.float64)
        by_day = {row.day: row for row in trend_rows(series)}
        self._rows = [by_day[day] for day in series.mood_days]
        if self.index is not None:
            self.index = min(self.index, len(self._rows) - 1) if self._rows else None
        self._show()

    def restyle(self, palette: Palette, scale: float) -> None:
        """The ring in the chart's text colour, 2 px (times ``scale``) wide."""
        self.ring.setPen(pg.mkPen(palette.chart_text, width=2 * scale))

    def text(self) -> str | None:
        """The chosen point read out (None: no point chosen)."""
        return None if self.index is None else describe_row(self._rows[self.index])

    def step(self, key: Qt.Key) -> bool:
        """Move for ``key`` (Left, Right, Page Up/Down, Home, End); False for other keys."""
        if not self._rows:
            return key in STEPS or key in (Qt.Key.Key_Home, Qt.Key.Key_End)
        last = len(self._rows) - 1
        if key == Qt.Key.Key_Home:
            index = 0
        elif key == Qt.Key.Key_End:
            index = last
        elif key in STEPS:
            move = STEPS[key]
            assert move is not None
            index = last if self.index is None else min(last, max(0, self.index + move))
        else:
            return False
        self.index = index
        self._show()
        self._keep_in_view()
        text = self.text()
        assert text is not None
        self._plot.setAccessibleDescription(text)
        QAccessible.updateAccessibility(
            QAccessibleEvent(self._plot, QAccessible.Event.DescriptionChanged)
        )
        self.moved.emit(text)
        return True

    def _show(self) -> None:
        if self.index is None:
            self.ring.setData([], [])
            self._plot.setAccessibleDescription(self._description)
            return
        self.ring.setData([self._x[self.index]], [self._y[self.index]])

    def _keep_in_view(self) -> None:
        assert self.index is not None
        x = float(self._x[self.index])
        (x0, x1), _y = self._view.viewRange()
        if not x0 <= x <= x1:
            width = x1 - x0
            self._view.setXRange(x - width / 2, x + width / 2, padding=0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._plot and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier
            ):
                return self.step(Qt.Key(event.key()))
        return super().eventFilter(watched, event)


__all__ = ["RING_SIZE", "STEPS", "PointCursor"]
