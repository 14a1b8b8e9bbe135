"""Reading back how a pyqtgraph item is drawn: pen, symbol, points, legend rows."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ketajournal.charts.drawn import item_points, item_style, pen_style, shown_points


def test_a_pen_reads_back_as_colour_width_and_line() -> None:
    style = pen_style(pg.mkPen("#336699", width=3, style=Qt.PenStyle.DashLine))
    assert (style.colour, style.width, style.line) == ("#336699", 3.0, "dash")
    none = pen_style(None)
    assert (none.colour, none.width, none.line) == ("", 0.0, "none")


def test_an_item_reads_back_its_options_and_points(qapp: QApplication) -> None:
    item = pg.PlotDataItem(
        np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0]),
        pen=pg.mkPen("#aa0000", width=2), symbol="o", antialias=False, connect="pairs",
    )
    style = item_style(item)
    assert (style.colour, style.symbol, style.antialiased) == ("#aa0000", "o", False)
    assert style.connect == "pairs" and style.downsampling is None
    xs, ys = item_points(item)
    assert xs.tolist() == [1.0, 2.0, 3.0] and ys.tolist() == [4.0, 5.0, 6.0]
    assert shown_points(item)[0].tolist() == [1.0, 2.0, 3.0]  # not clipped: all of them
    empty = pg.PlotDataItem()
    assert item_points(empty)[0].size == 0
