"""The Trends chart's parts: its scales and axis titles, its plot items with their pens and
symbols, the session markers and grid as point pairs, the thinning of lines, the legend sample.

:mod:`ketajournal.charts.trends` assembles these into the chart and hands them data;
:mod:`ketajournal.charts.trend_hover` says what a point under the mouse is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPainter, QTransform

from ketajournal.charts.drawn import item_points
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.series import SLEEP_DEFINITION, FloatArray, TrendSeries
from ketajournal.palette import Palette, screen, with_alpha
from ketajournal.translation import band_text, core, translator

# Colours (ketajournal.palette) are distinct in hue and lightness, and the two session
# phases also differ in dash style, so the chart still reads for colour-blind users and
# in greyscale. Questionnaire totals: colour (a Palette field) and symbol by instrument
# id (the lines are solid: a dashed pen is slow to stroke; colour and symbol tell them
# apart). Others fall back to the last style.
SCORE_STYLES: dict[str, tuple[str, str]] = {
    "phq9": ("phq9", "d"),
    "gad7": ("gad7", "h"),
}
#: Opacity of the mood points' fill, of the totals' symbols, of the band labels' backing.
MOOD_FILL_ALPHA = 0x99
SCORE_FILL_ALPHA = 0xCC
BAND_LABEL_FILL_ALPHA = 150
#: Width of the 7-day mean (1 px where days outnumber pixels).
MEAN_WIDTH = 3

#: The left axis's title as the shown series change.
MOOD_AXIS_LABEL = "Mood (0–10, 10 = best)"
MOOD_AND_ANXIETY_AXIS_LABEL = "Mood (10 = best) · anxiety (10 = worst)"
ANXIETY_AXIS_LABEL = "Anxiety (0–10, 10 = worst), on the left mood scale"
SLEEP_AXIS_NOTE = "sleep (hours)"
MOOD_ANXIETY_AND_SLEEP_AXIS_LABEL = "Mood · anxiety (0–10) · sleep (hours)"

#: The left axis: the mood scale, with room below zero for the side-effect marks.
Y_RANGE = (-1.2, 10.5)
#: The right axis runs 0 … the largest questionnaire total, over the height of 0–10.
SCORE_MAX = max(i.max_total for i in INSTRUMENTS.values())
SCORE_SCALE = SCORE_MAX / 10.0
#: How a hidden series' legend sample is drawn: faded, not replaced by an icon.
HIDDEN_SAMPLE_OPACITY = 0.35
SCORE_Y_RANGE = (Y_RANGE[0] * SCORE_SCALE, Y_RANGE[1] * SCORE_SCALE)
#: Session markers span the mood scale; side effects sit below zero.
MARKER_SPAN = (0.0, 10.0)
SIDE_EFFECT_Y = -0.6
#: Medication changes: a diamond on the bottom row, a dotted line up to the top of the
#: mood scale, and the short label at the top.
MEDICATION_Y = -1.0
#: Planned sessions sit at the top of the mood scale, where no session line ends.
PLANNED_Y = 10.0
#: Peak downsampling of the lines keeps about this many min/max pairs per pixel.
LINE_SAMPLES_PER_PIXEL = 1.0
#: Booster markers are dashed in data units: a dash, then a gap, on the 0–10 scale.
BOOSTER_DASH = (0.25, 0.15)

tr = translator("TrendsChart")


def marker_pairs(x: FloatArray, low: float, high: float) -> tuple[FloatArray, FloatArray]:
    """Vertical segments at each x, as point pairs for ``connect="pairs"``."""
    xs = np.repeat(np.asarray(x, dtype=np.float64), 2)
    ys = np.tile(np.array([low, high], dtype=np.float64), x.size)
    return xs, ys


def dashed_marker_pairs(
    x: FloatArray, low: float, high: float, dash: tuple[float, float] = BOOSTER_DASH
) -> tuple[FloatArray, FloatArray]:
    """Vertical dashed lines at each x, as point pairs for ``connect="pairs"``.

    Each dash is a short solid segment, so the lines are drawn with a plain 1-px pen
    (fast) and still read as dashed in greyscale.
    """
    on, off = dash
    starts = np.arange(low, high, on + off, dtype=np.float64)
    ends = np.minimum(starts + on, high)
    ys = np.tile(np.column_stack((starts, ends)).ravel(), x.size)
    xs = np.repeat(np.asarray(x, dtype=np.float64), 2 * starts.size)
    return xs, ys


def grid_pairs(x0: float, x1: float, top: float) -> tuple[FloatArray, FloatArray]:
    """Horizontal grid lines at every whole value from 0 to ``top``, across [x0, x1]."""
    levels = np.arange(0.0, np.floor(top) + 1.0, dtype=np.float64)
    xs = np.tile(np.array([x0, x1], dtype=np.float64), levels.size)
    return xs, np.repeat(levels, 2)


def left_ticks(top: float) -> list[list[tuple[float, str]]]:
    """Labels on even values and unlabelled minor ticks on odd ones, 0 … ``top``."""
    last = int(np.floor(top))
    return [
        [(float(v), str(v)) for v in range(0, last + 1, 2)],
        [(float(v), "") for v in range(1, last + 1, 2)],
    ]


def thin(line: pg.PlotDataItem, on: bool) -> None:
    """Clip ``line`` to the view and peak-downsample it (or stop doing so).

    About one min/max pair per pixel is kept (pyqtgraph's default keeps ~5): a line at
    most 3 px wide looks the same and strokes far fewer segments. Lines with symbols
    are thinned only while shown: each pan step then rebuilds their scatter.
    """
    line.setClipToView(on)
    line.setDownsampling(auto=on, method="peak")
    line.opts["autoDownsampleFactor"] = LINE_SAMPLES_PER_PIXEL


class LegendSample(pg.ItemSample):  # type: ignore[misc]
    """A legend sample drawn from the item's own options, even before it has data.

    pyqtgraph's sample reads symbol styles from the item's scatter, which only gets
    them once there is data, so an empty series would show a wrong symbol. Session
    markers are drawn as the vertical lines they are on the chart. A hidden series keeps
    its sample, faded (pyqtgraph would draw a crossed-out eye, which says nothing about
    what the series looks like once shown).
    """

    def paint(self, painter: QPainter, *args: Any) -> None:
        opts = self.item.opts
        if not isinstance(self.item, pg.PlotDataItem):
            super().paint(painter, *args)
            return
        if not self.item.isVisible():
            painter.setOpacity(HIDDEN_SAMPLE_OPACITY)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if opts.get("pen") is not None:
            # An item drawn dashed in data units says so with its ``legend_pen``.
            painter.setPen(pg.mkPen(getattr(self.item, "legend_pen", opts["pen"])))
            if opts.get("connect") == "pairs":
                painter.drawLine(10, 1, 10, 19)
            else:
                painter.drawLine(0, 11, 20, 11)
        if opts.get("symbol") is not None:
            painter.translate(10, 10)
            drawSymbol(
                painter,
                opts["symbol"],
                opts["symbolSize"],
                pg.mkPen(opts["symbolPen"]),
                pg.mkBrush(opts["symbolBrush"]),
            )


class MedicationMarks:
    """Medication changes on the chart: a dotted line from the bottom row to the top of the
    mood scale, a diamond on the bottom row, and a short label at the top."""

    def __init__(self) -> None:
        self.lines = pg.PlotDataItem(connect="pairs", antialias=False)
        self.marks = pg.PlotDataItem(pen=None, symbol="d", symbolSize=11, antialias=True)
        self.labels: list[pg.TextItem] = []
        self.colour = screen().medication
        self.paint(screen())

    def paint(self, palette: Palette, scale: float = 1.0) -> None:
        """Colour the lines, diamonds and labels in ``palette``, line widths times ``scale``."""
        self.colour = palette.medication
        self.lines.setPen(
            pg.mkPen(self.colour, width=scale, style=Qt.PenStyle.DotLine)
        )
        self.marks.setSymbolPen(pg.mkPen(self.colour, width=scale))
        self.marks.setSymbolBrush(pg.mkBrush(self.colour))
        for label in self.labels:
            label.setColor(self.colour)

    @property
    def items(self) -> tuple[pg.PlotDataItem, pg.PlotDataItem]:
        """The line and marker items, to add to the plot."""
        return self.lines, self.marks

    def set_data(self, plot: pg.PlotItem, series: TrendSeries) -> None:
        """Draw the series' medication changes, replacing the ones drawn before."""
        x, labels = series.medication_x, series.medication_labels
        self.lines.setData(*marker_pairs(x, MEDICATION_Y, MARKER_SPAN[1]))
        self.marks.setData(x, np.full(x.size, MEDICATION_Y))
        for label in self.labels:
            plot.removeItem(label)
        self.labels = []
        for i, (at, text) in enumerate(zip(x, labels, strict=True)):
            label = pg.TextItem(text, color=self.colour, anchor=(0.0, 0.0))
            # Alternate rows, so the labels of changes close together do not overlap.
            label.setPos(float(at), MARKER_SPAN[1] + 0.45 - 0.5 * (i % 2))
            plot.addItem(label, ignoreBounds=True)
            self.labels.append(label)

    def drawn(self) -> list[tuple[float, str]]:
        """The changes drawn: their x and their label, in date order."""
        x, _y = item_points(self.marks)
        return [(float(at), label.toPlainText())
                for at, label in zip(x, self.labels, strict=True)]


@dataclass(frozen=True)
class SeriesItems:
    """The plot items of the daily series, the session markers, side effects and grid."""

    grid: pg.PlotCurveItem
    induction: pg.PlotDataItem
    booster: pg.PlotDataItem
    sleep: pg.PlotDataItem
    anxiety: pg.PlotDataItem
    mood: pg.PlotDataItem
    mean: pg.PlotDataItem
    side_effects: pg.PlotDataItem
    red_flags: pg.PlotDataItem
    medications: MedicationMarks
    #: Sessions still planned: hollow rings at the top of the mood scale.
    planned: pg.PlotDataItem


def make_series_items() -> SeriesItems:
    """The chart's items for the daily series, sessions, side effects, medication changes
    and the grid, empty and without colours (:func:`paint_series_items` gives them their
    pens)."""
    # The grid: a few plain horizontal lines under everything (the axis grid of
    # showGrid is repainted with alpha over the whole plot on every pan). It is drawn
    # in the totals' view; its data stay in mood units and the transform maps them there.
    grid = pg.PlotCurveItem(connect="pairs", antialias=False)
    grid.setZValue(-8)  # over the bands (-10), under their labels (-5)
    grid.setTransform(QTransform.fromScale(1.0, SCORE_SCALE))
    # Session markers next, so that points and lines are drawn over them: 1-px
    # cosmetic, opaque, not antialiased (vertical lines gain nothing from it).
    induction = pg.PlotDataItem(connect="pairs", antialias=False)
    booster = pg.PlotDataItem(connect="pairs", antialias=False)
    sleep = pg.PlotDataItem(antialias=False, symbol="x", symbolSize=6)
    sleep.setToolTip(core(SLEEP_DEFINITION))
    anxiety = pg.PlotDataItem(antialias=False, symbol="s", symbolSize=4)
    mood = pg.PlotDataItem(pen=None, symbol="o", symbolSize=6, antialias=True)
    # Not antialiased: pyqtgraph then strokes the 3-px line as segments (fast path).
    mean = pg.PlotDataItem(antialias=False)
    side_effects = pg.PlotDataItem(pen=None, symbol="t", symbolSize=10, antialias=True)
    # Red flags point up like a warning sign, plain side effects down: told apart by
    # shape, not by colour alone.
    red_flags = pg.PlotDataItem(pen=None, symbol="t1", symbolSize=13, antialias=True)
    # Hollow, so a plan never looks like a session that happened.
    planned = pg.PlotDataItem(pen=None, symbol="o", symbolSize=14, antialias=True)
    return SeriesItems(
        medications=MedicationMarks(),
        grid=grid,
        induction=induction,
        booster=booster,
        sleep=sleep,
        anxiety=anxiety,
        mood=mood,
        mean=mean,
        side_effects=side_effects,
        red_flags=red_flags,
        planned=planned,
    )


def paint_series_items(items: SeriesItems, palette: Palette, scale: float = 1.0) -> tuple[Any, Any]:
    """Give the items their pens and symbols in ``palette``, every line width times
    ``scale`` (the device pixel ratio: Qt draws cosmetic pens in device pixels, symbols
    pyqtgraph scales itself). Returns the 7-day mean's pens: its usual width, and 1 px
    where days outnumber pixels (see ``TrendsChart._fit_mean_pen``: there it fills a
    band either way, and 3-px strokes of thousands of short segments cost ten times
    as much)."""
    items.grid.setPen(pg.mkPen(palette.chart_grid, width=scale))
    items.induction.setPen(pg.mkPen(palette.induction, width=scale))
    items.booster.setPen(pg.mkPen(palette.booster, width=scale))
    items.booster.legend_pen = pg.mkPen(
        palette.booster, width=1.5 * scale, style=Qt.PenStyle.DashLine
    )
    for item, colour, width in (
        (items.sleep, palette.sleep, 1.0),
        (items.anxiety, palette.anxiety, 1.5),
    ):
        item.setPen(pg.mkPen(colour, width=width * scale))
        item.setSymbolPen(pg.mkPen(colour, width=scale))
        item.setSymbolBrush(pg.mkBrush(colour))
    items.mood.setSymbolPen(pg.mkPen(palette.mood, width=scale))
    items.mood.setSymbolBrush(pg.mkBrush(with_alpha(palette.mood, MOOD_FILL_ALPHA)))
    mean_pens = (
        pg.mkPen(palette.mean, width=MEAN_WIDTH * scale),
        pg.mkPen(palette.mean, width=scale),
    )
    items.mean.setPen(mean_pens[0])
    items.mean.legend_pen = mean_pens[0]
    items.side_effects.setSymbolPen(pg.mkPen(palette.side_effect, width=scale))
    items.side_effects.setSymbolBrush(pg.mkBrush(palette.side_effect))
    items.red_flags.setSymbolPen(pg.mkPen(palette.red_flag_outline, width=scale))
    items.red_flags.setSymbolBrush(pg.mkBrush(palette.red_flag))
    items.medications.paint(palette, scale)
    items.planned.setSymbolPen(pg.mkPen(palette.planned, width=2 * scale))
    items.planned.setSymbolBrush(pg.mkBrush(None))
    return mean_pens


def make_band_items(instrument_id: str) -> tuple[list[pg.LinearRegionItem], list[pg.TextItem]]:
    """The shaded severity bands of one questionnaire, lowest first, and their labels
    (placed at x = 0: the chart moves them to the right edge of its view), coloured by
    :func:`paint_band_items`."""
    questionnaire = INSTRUMENTS[instrument_id]
    bands = questionnaire.bands
    regions: list[pg.LinearRegionItem] = []
    labels: list[pg.TextItem] = []
    font = QFont()
    font.setPointSize(8)
    for i, band in enumerate(bands):
        # Half-way between whole totals, so every total sits inside its band.
        low = max(0.0, band.low - 0.5)
        high = band.high + 0.5 if i + 1 < len(bands) else float(band.high)
        region = pg.LinearRegionItem(
            values=(low, high), orientation="horizontal", movable=False, pen=pg.mkPen(None)
        )
        region.setZValue(-10)
        regions.append(region)
        label = pg.TextItem(f"{questionnaire.short_title} {band_text(band)}", anchor=(1.0, 0.5))
        label.setFont(font)
        label.setZValue(-5)
        label.setPos(0.0, (low + high) / 2)
        labels.append(label)
    return regions, labels


def paint_band_items(
    regions: list[pg.LinearRegionItem], labels: list[pg.TextItem], palette: Palette
) -> None:
    """The bands' alternating fills and their labels' colour and backing in ``palette``."""
    for i, region in enumerate(regions):
        region.setBrush(pg.mkBrush(palette.band_fills[i % len(palette.band_fills)]))
    for label in labels:
        label.setColor(palette.band_text)
        label.fill = pg.mkBrush(with_alpha(palette.chart_background, BAND_LABEL_FILL_ALPHA))
        label.update()


def make_score_items() -> dict[str, pg.PlotDataItem]:
    """One item per questionnaire (in :data:`INSTRUMENTS` order) for its totals."""
    items: dict[str, pg.PlotDataItem] = {}
    fallback = list(SCORE_STYLES.values())[-1]
    for instrument_id in INSTRUMENTS:
        _colour, symbol = SCORE_STYLES.get(instrument_id, fallback)
        # 1 px, solid, not antialiased: Qt's fast cosmetic stroker draws it.
        items[instrument_id] = pg.PlotDataItem(antialias=False, symbol=symbol, symbolSize=9)
    return items


def paint_score_items(
    items: dict[str, pg.PlotDataItem], palette: Palette, scale: float = 1.0
) -> None:
    """The totals' lines and symbols in their colour of ``palette``, widths times ``scale``."""
    fallback = list(SCORE_STYLES.values())[-1]
    for instrument_id, item in items.items():
        colour = getattr(palette, SCORE_STYLES.get(instrument_id, fallback)[0])
        item.setPen(pg.mkPen(colour, width=scale))
        item.setSymbolPen(pg.mkPen(colour, width=scale))
        item.setSymbolBrush(pg.mkBrush(with_alpha(colour, SCORE_FILL_ALPHA)))


#: The legend's columns when its labels fit (fewer in a narrow chart: TrendsChart.fit_legend).
LEGEND_COLUMNS = 5


def make_legend(parts: SeriesItems, scores: dict[str, pg.PlotDataItem]) -> pg.LegendItem:
    """The chart's legend: a sample and a name for every series, in five columns."""
    legend = pg.LegendItem(
        colCount=LEGEND_COLUMNS,
        labelTextColor=screen().chart_text,
        labelTextSize="10pt",
        horSpacing=12,
        sampleType=LegendSample,
    )
    for data_item, name in (
        (parts.mood, tr("Daily mood")),
        (parts.mean, tr("7-day mean")),
        (parts.anxiety, tr("Anxiety (left axis, 10 = worst)")),
        (parts.sleep, tr("Sleep (hours, left axis)")),
        (parts.side_effects, tr("Side effect")),
        # Second row: the long labels share columns with the long ones above.
        (parts.induction, tr("Induction session")),
        (parts.booster, tr("Booster session")),
        *(
            (scores[i], tr("{title} total (right axis, 0–{top})").format(
                title=q.short_title, top=q.max_total))
            for i, q in INSTRUMENTS.items()
        ),
        (parts.red_flags, tr("Red-flag side effect")),
        (parts.medications.marks, tr("Medication change")),
        (parts.planned, tr("Planned session")),
    ):
        legend.addItem(data_item, name)
    return legend


__all__ = [
    "BOOSTER_DASH",
    "LEGEND_COLUMNS",
    "MARKER_SPAN",
    "MEAN_WIDTH",
    "SCORE_MAX",
    "SCORE_SCALE",
    "SCORE_STYLES",
    "SCORE_Y_RANGE",
    "SIDE_EFFECT_Y",
    "Y_RANGE",
    "LegendSample",
    "SeriesItems",
    "dashed_marker_pairs",
    "grid_pairs",
    "left_ticks",
    "make_band_items",
    "make_legend",
    "make_score_items",
    "make_series_items",
    "marker_pairs",
    "paint_band_items",
    "paint_score_items",
    "paint_series_items",
    "thin",
]


def left_axis_label(*, anxiety: bool, sleep: bool) -> str:
    """The left axis's title for the series shown on it (mood always)."""
    if anxiety and sleep:
        return tr("Mood · anxiety (0–10) · sleep (hours)")  # the long form would not fit
    if sleep:
        return f"{tr('Mood (0–10, 10 = best)')} · {tr('sleep (hours)')}"
    return (tr("Mood (10 = best) · anxiety (10 = worst)") if anxiety
            else tr("Mood (0–10, 10 = best)"))
