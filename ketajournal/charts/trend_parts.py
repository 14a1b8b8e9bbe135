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

from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.series import SLEEP_DEFINITION, FloatArray
from ketajournal.palette import SCREEN, with_alpha

# Colours (ketajournal.palette) are distinct in hue and lightness, and the two session
# phases also differ in dash style, so the chart still reads for colour-blind users and
# in greyscale. Questionnaire totals: colour and symbol by instrument id (the lines are
# solid: a dashed pen is slow to stroke; colour and symbol tell them apart). Others
# fall back to the last style.
SCORE_STYLES: dict[str, tuple[str, str]] = {
    "phq9": (SCREEN.phq9, "d"),
    "gad7": (SCREEN.gad7, "h"),
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
#: Planned sessions sit at the top of the mood scale, where no session line ends.
PLANNED_Y = 10.0
#: Peak downsampling of the lines keeps about this many min/max pairs per pixel.
LINE_SAMPLES_PER_PIXEL = 1.0
#: Booster markers are dashed in data units: a dash, then a gap, on the 0–10 scale.
BOOSTER_DASH = (0.25, 0.15)


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
    #: The 7-day mean's pens: its usual width, and 1 px where days outnumber pixels.
    mean_pens: tuple[Any, Any]
    side_effects: pg.PlotDataItem
    red_flags: pg.PlotDataItem
    #: Sessions still planned: hollow rings at the top of the mood scale.
    planned: pg.PlotDataItem


def make_series_items() -> SeriesItems:
    """The chart's items for the daily series, sessions, side effects and the grid, with
    their pens and symbols (colours from :mod:`ketajournal.palette`), empty."""
    # The grid: a few plain horizontal lines under everything (the axis grid of
    # showGrid is repainted with alpha over the whole plot on every pan). It is drawn
    # in the totals' view; its data stay in mood units and the transform maps them there.
    grid = pg.PlotCurveItem(
        connect="pairs", antialias=False, pen=pg.mkPen(SCREEN.chart_grid, width=1)
    )
    grid.setZValue(-8)  # over the bands (-10), under their labels (-5)
    grid.setTransform(QTransform.fromScale(1.0, SCORE_SCALE))
    # Session markers next, so that points and lines are drawn over them: 1-px
    # cosmetic, opaque, not antialiased (vertical lines gain nothing from it).
    induction = pg.PlotDataItem(
        connect="pairs",
        antialias=False,
        pen=pg.mkPen(SCREEN.induction, width=1),
    )
    booster = pg.PlotDataItem(
        connect="pairs",
        antialias=False,
        pen=pg.mkPen(SCREEN.booster, width=1),
    )
    booster.legend_pen = pg.mkPen(SCREEN.booster, width=1.5, style=Qt.PenStyle.DashLine)
    sleep = pg.PlotDataItem(
        antialias=False,
        pen=pg.mkPen(SCREEN.sleep, width=1),
        symbol="x",
        symbolSize=6,
        symbolPen=pg.mkPen(SCREEN.sleep),
        symbolBrush=pg.mkBrush(SCREEN.sleep),
    )
    sleep.setToolTip(SLEEP_DEFINITION)
    anxiety = pg.PlotDataItem(
        antialias=False,
        pen=pg.mkPen(SCREEN.anxiety, width=1.5),
        symbol="s",
        symbolSize=4,
        symbolPen=pg.mkPen(SCREEN.anxiety),
        symbolBrush=pg.mkBrush(SCREEN.anxiety),
    )
    mood = pg.PlotDataItem(
        pen=None,
        symbol="o",
        symbolSize=6,
        antialias=True,
        symbolPen=pg.mkPen(SCREEN.mood),
        symbolBrush=pg.mkBrush(with_alpha(SCREEN.mood, MOOD_FILL_ALPHA)),
    )
    # Not antialiased: pyqtgraph then strokes the 3-px line as segments (fast path).
    # Where the days are denser than the pixels it is drawn 1 px wide (see
    # TrendsChart._fit_mean_pen): there it fills a band either way, and 3-px strokes of
    # thousands of short segments cost ten times as much.
    mean_pens = (
        pg.mkPen(SCREEN.mean, width=MEAN_WIDTH),
        pg.mkPen(SCREEN.mean, width=1),
    )
    mean = pg.PlotDataItem(antialias=False, pen=mean_pens[0])
    mean.legend_pen = mean_pens[0]
    side_effects = pg.PlotDataItem(
        pen=None,
        symbol="t",
        symbolSize=10,
        antialias=True,
        symbolPen=pg.mkPen(SCREEN.side_effect),
        symbolBrush=pg.mkBrush(SCREEN.side_effect),
    )
    red_flags = pg.PlotDataItem(
        pen=None,
        symbol="t",
        symbolSize=13,
        antialias=True,
        symbolPen=pg.mkPen(SCREEN.red_flag_outline),
        symbolBrush=pg.mkBrush(SCREEN.red_flag),
    )
    # Hollow, so a plan never looks like a session that happened.
    planned = pg.PlotDataItem(
        pen=None,
        symbol="o",
        symbolSize=14,
        antialias=True,
        symbolPen=pg.mkPen(SCREEN.planned, width=2),
        symbolBrush=pg.mkBrush(None),
    )
    return SeriesItems(
        grid=grid,
        induction=induction,
        booster=booster,
        sleep=sleep,
        anxiety=anxiety,
        mood=mood,
        mean=mean,
        mean_pens=mean_pens,
        side_effects=side_effects,
        red_flags=red_flags,
        planned=planned,
    )


def make_band_items(instrument_id: str) -> tuple[list[pg.LinearRegionItem], list[pg.TextItem]]:
    """The shaded severity bands of one questionnaire, lowest first, and their labels
    (placed at x = 0: the chart moves them to the right edge of its view)."""
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
            values=(low, high),
            orientation="horizontal",
            movable=False,
            brush=pg.mkBrush(SCREEN.band_fills[i % len(SCREEN.band_fills)]),
            pen=pg.mkPen(None),
        )
        region.setZValue(-10)
        regions.append(region)
        label = pg.TextItem(
            f"{questionnaire.short_title} {band}",
            color=SCREEN.band_text,
            anchor=(1.0, 0.5),
            fill=pg.mkBrush(with_alpha(SCREEN.chart_background, BAND_LABEL_FILL_ALPHA)),
        )
        label.setFont(font)
        label.setZValue(-5)
        label.setPos(0.0, (low + high) / 2)
        labels.append(label)
    return regions, labels


def make_score_items() -> dict[str, pg.PlotDataItem]:
    """One item per questionnaire (in :data:`INSTRUMENTS` order) for its totals."""
    items: dict[str, pg.PlotDataItem] = {}
    fallback = list(SCORE_STYLES.values())[-1]
    for instrument_id in INSTRUMENTS:
        colour, symbol = SCORE_STYLES.get(instrument_id, fallback)
        # 1 px, solid, not antialiased: Qt's fast cosmetic stroker draws it.
        items[instrument_id] = pg.PlotDataItem(
            antialias=False,
            pen=pg.mkPen(colour, width=1),
            symbol=symbol,
            symbolSize=9,
            symbolPen=pg.mkPen(colour),
            symbolBrush=pg.mkBrush(with_alpha(colour, SCORE_FILL_ALPHA)),
        )
    return items


__all__ = [
    "BOOSTER_DASH",
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
    "make_score_items",
    "make_series_items",
    "marker_pairs",
    "thin",
]


def left_axis_label(*, anxiety: bool, sleep: bool) -> str:
    """The left axis's title for the series shown on it (mood always)."""
    if anxiety and sleep:
        return MOOD_ANXIETY_AND_SLEEP_AXIS_LABEL  # the long form would not fit
    if sleep:
        return f"{MOOD_AXIS_LABEL} · {SLEEP_AXIS_NOTE}"
    return MOOD_AND_ANXIETY_AXIS_LABEL if anxiety else MOOD_AXIS_LABEL
