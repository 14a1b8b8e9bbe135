"""The booster response-curve chart: daily mood against days after each session, overlaid.

A pyqtgraph widget that only draws the :class:`ResponseCurves` it is handed (or a
:class:`BoosterAnalysis`, turned into curves by :func:`response_curves`). One line
per cycle, older cycles fainter, boosters and the induction series told apart by
colour and dash style, the median of the booster cycles bold, and the threshold T as
a labelled dashed line. The plot widget is built once; curve items come from a pool
that grows to the largest number of layers seen and is updated with ``setData``
(unused items are emptied and hidden), because creating and closing many
PlotWidgets in one process has crashed Python.

A layer is what one item draws: each of the newest :data:`RECENT_CYCLES` cycles of a
phase has its own; the older cycles of a phase share at most :data:`OLDER_LAYERS`
items, consecutive in age, each drawing its cycles as one line broken between
cycles (a ``connect`` array) at the layer's mean opacity. So ten years of boosters
(133 cycles) take 8 items for the boosters instead of 127: quicker to build and to paint, with the
same lines; only overlaps of old cycles within one layer no longer darken, and the
shared layers are not antialiased (a repaint of ten years: ~100 → ~20 ms).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ketajournal.charts.drawn import ItemStyle, item_points, item_style, legend_rows, plot_items
from ketajournal.charts.style import (
    SCORE_TICKS,
    ChartWidget,
    axis_label,
    hover_tooltip,
    restyle_legend,
    restyle_plot,
    style_axes,
    styled_plot,
)
from ketajournal.domain.boosters import BoosterAnalysis
from ketajournal.domain.locales import number
from ketajournal.domain.response_curves import ResponseCurves, response_curves
from ketajournal.domain.series import FloatArray, format_score
from ketajournal.palette import ALPHA_NEWEST, Palette, age_opacities, screen, with_alpha
from ketajournal.translation import translator

X_AXIS_LABEL = "Days after the session"
Y_AXIS_LABEL = "Daily mood (0–10, 10 = best)"
Y_RANGE = (-0.3, 10.4)
EMPTY_X_DAYS = 28
HOVER_RADIUS_PX = 7.0

# The same hues as the Trends chart's session markers (ketajournal.palette); the phases
# also differ in dash style, so the chart reads in greyscale and for colour-blind users.
#: Opacity of the backing of the threshold's label.
THRESHOLD_LABEL_FILL_ALPHA = 210
#: The newest cycles of each phase drawn by an item of their own.
RECENT_CYCLES = 5
#: At most this many items per phase draw the older cycles.
OLDER_LAYERS = 3

tr = translator("BoostersChart")


def threshold_text(threshold: float) -> str:
    """The label on the threshold line, e.g. ``T = 5.2``."""
    return f"T = {number(f'{threshold:.1f}')}"  # "T = 5,2" in German


def alpha_ramp(count: int) -> FloatArray:
    """Opacities for ``count`` curves, oldest first (:func:`ketajournal.palette.age_opacities`)."""
    return np.asarray(age_opacities(count), dtype=np.float64)


def _pen(colour: str, alpha: float, *, booster: bool, scale: float = 1.0) -> Any:
    qcolour = QColor(colour)
    qcolour.setAlphaF(float(alpha))
    style = Qt.PenStyle.SolidLine if booster else Qt.PenStyle.DotLine
    return pg.mkPen(qcolour, width=(1.6 if booster else 2.0) * scale, style=style)


@dataclass(frozen=True)
class _Candidate:
    distance_px: float
    text: str


@dataclass(frozen=True)
class Layer:
    """Cycles drawn by one item (indices into ``ResponseCurves.cycles``, oldest first)."""

    cycles: tuple[int, ...]
    alpha: float
    is_booster: bool


def layers(curves: ResponseCurves) -> list[Layer]:
    """How the cycles are grouped into items, oldest layer first (see the module doc)."""
    result: list[Layer] = []
    for booster in (True, False):
        indices = [i for i, c in enumerate(curves.cycles) if c.is_booster is booster]
        alphas = alpha_ramp(len(indices))
        older = max(0, len(indices) - RECENT_CYCLES)
        if older <= OLDER_LAYERS:
            older = 0  # few enough: every cycle gets its own item
        if older:
            for chunk in np.array_split(np.arange(older), OLDER_LAYERS):
                result.append(
                    Layer(
                        tuple(indices[int(k)] for k in chunk),
                        float(alphas[chunk].mean()),
                        booster,
                    )
                )
        for k in range(older, len(indices)):
            result.append(Layer((indices[k],), float(alphas[k]), booster))
    result.sort(key=lambda layer: layer.cycles[-1])
    return result


def _joined(curves: ResponseCurves, layer: Layer) -> tuple[FloatArray, FloatArray, Any]:
    """A layer's cycles as one x/y pair and the ``connect`` that breaks between them."""
    parts = [curves.cycles[i] for i in layer.cycles]
    if len(parts) == 1:
        return parts[0].offsets, parts[0].values, "all"
    x = np.concatenate([c.offsets for c in parts])
    y = np.concatenate([c.values for c in parts])
    connect = np.ones(x.size, dtype=np.bool_)
    ends = np.cumsum([c.offsets.size for c in parts]) - 1
    connect[ends] = False  # the last point of a cycle is not joined to the next one
    return x, y, connect


class ResponseCurvesChart(ChartWidget):
    """Response curves overlaid: one line per cycle, the median of boosters, the threshold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._curves_data = ResponseCurves()
        self._pool: list[pg.PlotDataItem] = []
        self._layers: list[Layer] = []
        self._item_of_cycle: dict[int, pg.PlotDataItem] = {}
        self._show = {"booster": True, "induction": True}
        #: The palette and line-width scale the curves are drawn with.
        self._looks_now: tuple[Palette, float] = (screen(), 1.0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = self._build_plot()
        layout.addWidget(self.plot, 1)
        self.follow_looks()
        self.set_curves(ResponseCurves())

    # -- construction ------------------------------------------------------------------
    def _build_plot(self) -> pg.PlotWidget:
        plot = styled_plot(
            tr("Booster response curves chart"),
            # By meaning and shape, not colour: the colours change with the scheme.
            tr("Daily mood on each day after a session, one line per cycle: each booster "
               "cycle a thin solid line, the induction series a dotted line, older cycles "
               "fainter; the median of the booster cycles a bold solid line, and the "
               "threshold T a dashed level line marked T."),
        )
        item = plot.getPlotItem()
        self._view = item.getViewBox()
        item.showGrid(x=True, y=True, alpha=0.12)
        item.setMouseEnabled(x=False, y=False)
        item.setYRange(*Y_RANGE, padding=0)
        style_axes(item, ("left", "bottom"))
        item.getAxis("left").setTicks(SCORE_TICKS)
        axis_label(item, "left", tr("Daily mood (0–10, 10 = best)"))
        axis_label(item, "bottom", tr("Days after the session"))

        self._median = pg.PlotDataItem(antialias=True)
        self._median.setZValue(10)
        item.addItem(self._median)
        self.threshold_line = pg.InfiniteLine(
            angle=0,
            movable=False,
            label="",
            labelOpts={"position": 0.985, "anchors": [(1, 1), (1, 1)]},
        )
        self.threshold_line.setZValue(11)
        item.addItem(self.threshold_line, ignoreBounds=True)

        # Legend samples stand for groups of curves: they are never added to the plot.
        self._legend_booster = pg.PlotDataItem()
        self._legend_induction = pg.PlotDataItem()
        self._legend_threshold = pg.PlotDataItem()
        self.legend = pg.LegendItem(
            colCount=2, labelTextColor=screen().chart_text, labelTextSize="10pt", horSpacing=14
        )
        for sample, name in (
            (self._legend_booster, tr("Booster cycle (older: fainter)")),
            (self._legend_induction, tr("Induction cycle")),
            (self._median, tr("Median of booster cycles")),
            (self._legend_threshold, tr("Threshold T")),
        ):
            self.legend.addItem(sample, name)
        item.layout.addItem(self.legend, 4, 1, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.legend.sigSampleClicked.connect(self._on_legend_clicked)

        plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        return plot

    def restyle(self, palette: Palette, scale: float) -> None:
        """The curves, the median, the threshold and the legend in ``palette``, line
        widths times ``scale``."""
        self._looks_now = (palette, scale)
        restyle_plot(self.plot, palette, scale, ("left", "bottom"))
        self._median.setPen(pg.mkPen(palette.mean, width=4 * scale))
        threshold = pg.mkPen(palette.booster_alert, width=1.8 * scale, style=Qt.PenStyle.DashLine)
        self.threshold_line.setPen(threshold)
        self._legend_threshold.setPen(threshold)
        label = self.threshold_line.label
        label.setColor(palette.booster_alert)
        label.fill = pg.mkBrush(with_alpha(palette.chart_background, THRESHOLD_LABEL_FILL_ALPHA))
        self._legend_booster.setPen(_pen(palette.booster, ALPHA_NEWEST, booster=True, scale=scale))
        self._legend_induction.setPen(
            _pen(palette.induction, ALPHA_NEWEST, booster=False, scale=scale)
        )
        for layer, curve in zip(self._layers, self._pool, strict=False):
            self._paint_layer(curve, layer)
        restyle_legend(self.legend, palette)

    def _paint_layer(self, curve: pg.PlotDataItem, layer: Layer) -> None:
        palette, scale = self._looks_now
        colour = palette.booster if layer.is_booster else palette.induction
        curve.setPen(_pen(colour, layer.alpha, booster=layer.is_booster, scale=scale))

    def _pool_item(self, index: int) -> pg.PlotDataItem:
        # Created lazily, once: later refreshes reuse the item with setData.
        while len(self._pool) <= index:
            curve = pg.PlotDataItem(antialias=True)
            curve.setZValue(1)
            self.plot.getPlotItem().addItem(curve)
            self._pool.append(curve)
        return self._pool[index]

    # -- public API --------------------------------------------------------------------
    @property
    def curves(self) -> ResponseCurves:
        """The curves currently drawn."""
        return self._curves_data

    @property
    def curve_items(self) -> tuple[pg.PlotDataItem, ...]:
        """The pool of cycle curve items (visible or not), oldest layer first.

        With few cycles every cycle has its own item, in cycle order.
        """
        return tuple(self._pool)

    @property
    def layers(self) -> tuple[Layer, ...]:
        """How the cycles drawn are grouped into the items of :attr:`curve_items`."""
        return tuple(self._layers)

    def cycle_item(self, index: int) -> pg.PlotDataItem:
        """The item that draws cycle ``index`` (shared with other old cycles, or its own)."""
        return self._item_of_cycle[index]

    @property
    def median_item(self) -> pg.PlotDataItem:
        """The bold median curve of the booster cycles."""
        return self._median

    def set_analysis(self, analysis: BoosterAnalysis | ResponseCurves) -> None:
        """Draw a booster analysis (or curves already built from one)."""
        curves = analysis if isinstance(analysis, ResponseCurves) else response_curves(analysis)
        self.set_curves(curves)

    def set_curves(self, curves: ResponseCurves) -> None:
        """Draw ``curves``, replacing what was drawn; items are reused, never recreated."""
        self._curves_data = curves
        self._layers = layers(curves)
        self._item_of_cycle = {}
        for i, layer in enumerate(self._layers):
            curve = self._pool_item(i)
            self._paint_layer(curve, layer)
            # Newer cycles are drawn over older ones.
            curve.setZValue(1 + i / max(1, len(self._layers)))
            x, y, connect = _joined(curves, layer)
            # A shared layer of old, faint cycles is hundreds of short strokes, which
            # Qt antialiases ten times slower; a cycle drawn on its own stays smooth.
            curve.setData(x, y, connect=connect, antialias=len(layer.cycles) == 1)
            self._item_of_cycle.update(dict.fromkeys(layer.cycles, curve))
        for curve in self._pool[len(self._layers) :]:
            curve.setData([], [])
        self._median.setData(curves.median_offsets, curves.median_values)
        # The label only re-renders its text while the line is visible.
        self.threshold_line.setVisible(True)
        if curves.threshold is None:
            self.threshold_line.label.setFormat("")
        else:
            self.threshold_line.setValue(curves.threshold)
            self.threshold_line.label.setFormat(threshold_text(curves.threshold))
        self._apply_visibility()
        longest = curves.longest_offset or EMPTY_X_DAYS
        self._view.setXRange(0, longest + 1, padding=0)

    # -- what is drawn, read back (for tests and assistive tools) -------------------------
    def layer_points(self, index: int) -> tuple[FloatArray, FloatArray]:
        """The x (days) and y the ``index``-th item of :attr:`curve_items` was given."""
        return item_points(self._pool[index])

    def layer_style(self, index: int) -> ItemStyle:
        """How the ``index``-th item of :attr:`curve_items` is drawn."""
        return item_style(self._pool[index])

    def cycle_points(self, index: int) -> tuple[FloatArray, FloatArray]:
        """The points of the item that draws cycle ``index`` (its layer's, when shared)."""
        return item_points(self._item_of_cycle[index])

    def cycle_style(self, index: int) -> ItemStyle:
        """How the item that draws cycle ``index`` is drawn (``connect`` breaks a shared
        layer between its cycles)."""
        return item_style(self._item_of_cycle[index])

    def median_points(self) -> tuple[FloatArray, FloatArray]:
        """The points of the median curve of the booster cycles."""
        return item_points(self._median)

    def median_style(self) -> ItemStyle:
        """How the median curve is drawn."""
        return item_style(self._median)

    def threshold_style(self) -> ItemStyle:
        """How the threshold line is drawn."""
        return item_style(self.threshold_line)

    def legend_labels(self) -> list[str]:
        """The legend's labels, in order."""
        return [label for label, _item in legend_rows(self.legend)]

    def legend_item(self, label: str) -> Any:
        """The item the legend sample labelled ``label`` stands for (clicking the sample
        toggles it)."""
        return next(item for text, item in legend_rows(self.legend) if text == label)

    def plot_items(self) -> tuple[Any, ...]:
        """The items of the plot, in the order they were added."""
        return plot_items(self.plot)

    def visible_curve_count(self) -> int:
        """How many cycle curves are shown (cycles with data whose item is visible)."""
        cycles = self._curves_data.cycles
        return sum(
            1
            for i, cycle in enumerate(cycles)
            if cycle.offsets.size and self._item_of_cycle[i].isVisible()
        )

    def threshold(self) -> float | None:
        """The y of the threshold line, or None when it is hidden."""
        if not self.threshold_line.isVisible():
            return None
        return float(self.threshold_line.value())

    def threshold_label(self) -> str:
        """The text on the threshold line ("" when there is no threshold)."""
        return str(self.threshold_line.label.toPlainText())

    def describe_point_near(
        self, x_days: float, y: float, radius_px: float = HOVER_RADIUS_PX
    ) -> str | None:
        """Text for the curve point within ``radius_px`` pixels of (x, y), or None.

        The median wins over a cycle at the same distance; newer cycles win over older.
        """
        px_w, px_h = self._view.viewPixelSize()
        if not (px_w > 0 and px_h > 0 and np.isfinite(px_w) and np.isfinite(px_h)):
            return None
        found: list[_Candidate] = []

        def nearest(xs: FloatArray, ys: FloatArray) -> tuple[int, float] | None:
            if not xs.size:
                return None
            dist = np.hypot((xs - x_days) / px_w, (ys - y) / px_h)
            i = int(np.argmin(dist))
            return (i, float(dist[i])) if dist[i] <= radius_px else None

        data = self._curves_data
        if self._median.isVisible() and (
            hit := nearest(data.median_offsets, data.median_values)
        ):
            i, dist = hit
            found.append(
                _Candidate(
                    dist - 0.5,
                    tr("Median of booster cycles — day {day}: mood {score}").format(
                        day=int(data.median_offsets[i]),
                        score=format_score(float(data.median_values[i]))),
                )
            )
        for index in range(len(data.cycles) - 1, -1, -1):
            cycle = data.cycles[index]
            if not self._item_of_cycle[index].isVisible():
                continue
            if hit := nearest(cycle.offsets, cycle.values):
                i, dist = hit
                found.append(
                    _Candidate(
                        dist + (len(data.cycles) - index) * 1e-3,
                        tr("{cycle} — day {day}: daily mood {score}").format(
                            cycle=cycle.label, day=int(cycle.offsets[i]),
                            score=format_score(float(cycle.values[i]))),
                    )
                )
        if not found:
            return None
        return min(found, key=lambda c: c.distance_px).text

    # -- visibility --------------------------------------------------------------------
    def _apply_visibility(self) -> None:
        cycles = self._curves_data.cycles
        for i, curve in enumerate(self._pool):
            if i < len(self._layers):
                layer = self._layers[i]
                group = "booster" if layer.is_booster else "induction"
                has_data = any(cycles[k].offsets.size for k in layer.cycles)
                curve.setVisible(self._show[group] and has_data)
            else:
                curve.setVisible(False)
        has_threshold = self._curves_data.threshold is not None
        self.threshold_line.setVisible(has_threshold and self._legend_threshold.isVisible())
        self.legend.update()

    def _on_legend_clicked(self, sample_item: Any) -> None:
        # Clicking a legend sample toggles its item; the group samples stand for curves.
        self._show["booster"] = bool(self._legend_booster.isVisible())
        self._show["induction"] = bool(self._legend_induction.isVisible())
        self._apply_visibility()

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        hover_tooltip(self.plot, self._view, scene_pos, self.describe_point_near)


__all__ = ["Layer", "ResponseCurvesChart", "alpha_ramp", "layers", "threshold_text"]
