"""What a chart has drawn, read back: each item's points, its pen and options, the legend.

The charts' read-only properties (``TrendsChart.drawn_points("mean")``,
``ResponseCurvesChart.median_style()`` …) answer through these functions, so tests ask
the chart what it drew instead of reading pyqtgraph's internals (``opts``, datasets,
the legend's rows), and only this module changes when pyqtgraph does.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ketajournal.domain.series import FloatArray

_LINES = {
    Qt.PenStyle.NoPen: "none",
    Qt.PenStyle.SolidLine: "solid",
    Qt.PenStyle.DashLine: "dash",
    Qt.PenStyle.DotLine: "dot",
    Qt.PenStyle.DashDotLine: "dashdot",
    Qt.PenStyle.DashDotDotLine: "dashdotdot",
    Qt.PenStyle.CustomDashLine: "custom",
}


@dataclass(frozen=True)
class ItemStyle:
    """How one plot item is drawn."""

    #: The pen's colour, ``#rrggbb`` ("" without a pen), and its opacity (0–1).
    colour: str
    alpha: float
    #: Pen width in pixels (0 without a pen).
    width: float
    #: "solid", "dash", "dot", … or "none".
    line: str
    cosmetic: bool
    antialiased: bool
    #: Clipped to the view before drawing.
    clipped: bool
    #: "peak" (or another pyqtgraph method) when downsampled to the view, else None.
    downsampling: str | None
    #: The point symbol ("o", "t", "d", …), or None for a plain line.
    symbol: str | None
    #: Whether pyqtgraph strokes the line as separate segments (its fast path).
    fast_segments: bool
    #: How the points are joined: "all", "pairs", or a boolean array (False breaks
    #: the line after that point).
    connect: Any = field(default="all", compare=False)


def _pen(item: Any) -> Any:
    opts = getattr(item, "opts", None)
    raw = opts.get("pen") if isinstance(opts, dict) else getattr(item, "pen", None)
    return None if raw is None else pg.mkPen(raw)


def pen_style(pen: Any) -> ItemStyle:
    """How ``pen`` (a QPen, or anything ``pyqtgraph.mkPen`` takes; None: no pen) strokes,
    as the pen fields of an :class:`ItemStyle` (the others left at "off")."""
    if pen is None:
        return ItemStyle("", 0.0, 0.0, "none", False, False, False, None, None, False)
    qpen = pg.mkPen(pen)
    drawn = qpen.style() != Qt.PenStyle.NoPen
    return ItemStyle(
        colour=qpen.color().name() if drawn else "",
        alpha=qpen.color().alphaF() if drawn else 0.0,
        width=qpen.widthF() if drawn else 0.0,
        line=_LINES.get(qpen.style(), "custom"),
        cosmetic=bool(qpen.isCosmetic()),
        antialiased=False,
        clipped=False,
        downsampling=None,
        symbol=None,
        fast_segments=False,
    )


def item_style(item: Any) -> ItemStyle:
    """How ``item`` (a PlotDataItem, PlotCurveItem or InfiniteLine) is drawn."""
    opts: dict[str, Any] = getattr(item, "opts", None) or {}
    pen = _pen(item)
    curve = item.curve if isinstance(item, pg.PlotDataItem) else item
    fast = pen is not None and hasattr(curve, "_shouldUseDrawLineSegments") and bool(
        curve._shouldUseDrawLineSegments(pen)
    )
    return dataclasses.replace(
        pen_style(pen),
        antialiased=bool(opts.get("antialias", False)),
        clipped=bool(opts.get("clipToView", False)),
        downsampling=opts.get("downsampleMethod") if opts.get("autoDownsample") else None,
        symbol=opts.get("symbol"),
        fast_segments=fast,
        connect=opts.get("connect", "all"),
    )


def _arrays(x: Any, y: Any) -> tuple[FloatArray, FloatArray]:
    if x is None or y is None:
        return np.zeros(0, dtype=np.float64), np.zeros(0, dtype=np.float64)
    return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)


def item_points(item: Any) -> tuple[FloatArray, FloatArray]:
    """The points ``item`` was given (empty arrays when none)."""
    if isinstance(item, pg.PlotDataItem):
        return _arrays(*item.getOriginalDataset())
    return _arrays(*item.getData())


def shown_points(item: Any) -> tuple[FloatArray, FloatArray]:
    """The points ``item`` draws at the current view: after clipping and downsampling."""
    return _arrays(*item.getData())


def legend_rows(legend: pg.LegendItem) -> list[tuple[str, Any]]:
    """The legend's rows, in order: each label and the item its sample stands for."""
    return [(label.text, sample.item) for sample, label in legend.items]


def plot_items(plot: pg.PlotWidget) -> tuple[Any, ...]:
    """Every item in the plot's main view, in the order they were added."""
    return tuple(plot.getPlotItem().items)


__all__ = [
    "ItemStyle",
    "item_points",
    "item_style",
    "legend_rows",
    "pen_style",
    "plot_items",
    "shown_points",
]
