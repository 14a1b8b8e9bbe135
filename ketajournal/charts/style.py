"""The look every chart shares: white background, dark readable axes, 10 pt ticks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QToolTip

TEXT_COLOUR = "#222222"
AXIS_LABEL_SIZE = {"font-size": "11pt"}
#: Mood-scale ticks: labels on even values, unlabelled minor ticks on odd ones.
SCORE_TICKS = [[(v, str(v)) for v in range(0, 11, 2)], [(v, "") for v in range(1, 10, 2)]]


def styled_plot(name: str, description: str, **options: Any) -> pg.PlotWidget:
    """A white PlotWidget with an accessible name and description, menus and buttons off."""
    plot = pg.PlotWidget(background="w", **options)
    plot.setAccessibleName(name)
    plot.setAccessibleDescription(description)
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    return plot


def style_axes(item: pg.PlotItem, names: tuple[str, ...]) -> None:
    """Dark pens and 10 pt tick labels on the named axes."""
    font = QFont()
    font.setPointSize(10)
    for name in names:
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(TEXT_COLOUR))
        axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        axis.setTickFont(font)


def axis_label(item: pg.PlotItem, side: str, text: str) -> None:
    """An axis title in the shared colour and size."""
    item.setLabel(side, text, color=TEXT_COLOUR, **AXIS_LABEL_SIZE)


def hover_tooltip(
    plot: pg.PlotWidget,
    view: pg.ViewBox,
    scene_pos: QPointF,
    describe: Callable[[float, float], str | None],
) -> None:
    """Show what ``describe`` says about the point under the mouse, or hide the tooltip."""
    if not view.sceneBoundingRect().contains(scene_pos):
        QToolTip.hideText()
        return
    point = view.mapSceneToView(scene_pos)
    text = describe(point.x(), point.y())
    if text is None:
        QToolTip.hideText()
        return
    global_pos = plot.viewport().mapToGlobal(plot.mapFromScene(scene_pos))
    QToolTip.showText(global_pos, text, plot)
