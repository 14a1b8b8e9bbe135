"""The Trends chart: mood, 7-day mean, anxiety, sessions, side effects and questionnaires.

A pyqtgraph widget that only draws the :class:`TrendSeries` it is handed. Its
plot items are created once and updated with ``setData``: the plot widget is
never rebuilt, because creating and closing many PlotWidgets in one process has
crashed Python.

Mood and anxiety share the left 0–10 axis; sleep, when shown, is drawn in hours on
the same axis, which then grows to the longest night. PHQ-9 and GAD-7 totals have the right
axis (0–27) in a second ViewBox linked to the plot's x axis (pyqtgraph's
"MultiplePlotAxes" pattern), scaled so that 0–27 spans the same height as 0–10,
with PHQ-9's severity bands shaded behind everything.

Drawn for speed as well as looks (docs/performance.md §3): lines are not
antialiased, so pyqtgraph strokes wide solid ones as segments and thin ones with
Qt's cosmetic stroker; session markers are 1-px lines (booster markers dashed in data
units, drawn as short segments, not with a slow dashed pen); the grid is a handful
of horizontal lines of our own instead of the axis grid; the date axis computes its
ticks with ``datetime`` and caches them; lines are clipped to the view and
peak-downsampled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QTransform
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketajournal.charts.style import (
    CalendarAxis,
    axis_label,
    hover_tooltip,
    style_axes,
    styled_plot,
)
from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.series import (
    QUESTIONNAIRE_TOTAL_DEFINITION,
    SEVEN_DAY_MEAN_DEFINITION,
    SLEEP_DEFINITION,
    FloatArray,
    TrendSeries,
    format_score,
)
from ketajournal.palette import SCREEN, with_alpha
from ketajournal.platform.clock import Clock, system_now

DAY_SECONDS = 86_400.0

#: Range presets: name -> (button text, accessible name, days shown; None = all data).
RANGE_PRESETS: dict[str, tuple[str, str, int | None]] = {
    "30d": ("30 days", "Show the last 30 days", 30),
    "90d": ("90 days", "Show the last 90 days", 90),
    "1y": ("1 year", "Show the last year", 365),
    "all": ("All", "Show all data", None),
}
DEFAULT_PRESET = "90d"

MOOD_AXIS_LABEL = "Mood (0–10, 10 = best)"
MOOD_AND_ANXIETY_AXIS_LABEL = "Mood (10 = best) · anxiety (10 = worst)"
ANXIETY_AXIS_LABEL = "Anxiety (0–10, 10 = worst), on the left mood scale"
SLEEP_AXIS_NOTE = "sleep (hours)"
MOOD_ANXIETY_AND_SLEEP_AXIS_LABEL = "Mood · anxiety (0–10) · sleep (hours)"
SLEEP_TOOLTIP = "Sleep in hours, on the left scale (it grows past 10 for long nights)"
Y_RANGE = (-1.2, 10.5)
#: Room above the longest night when sleep is shown.
SLEEP_HEADROOM = 0.5
#: The questionnaire whose severity bands are shaded behind the chart.
BANDS_INSTRUMENT = "phq9"
#: The right axis runs 0 … the largest questionnaire total, over the height of 0–10.
SCORE_MAX = max(i.max_total for i in INSTRUMENTS.values())
SCORE_SCALE = SCORE_MAX / 10.0
#: How a hidden series' legend sample is drawn: faded, not replaced by an icon.
HIDDEN_SAMPLE_OPACITY = 0.35
SCORE_Y_RANGE = (Y_RANGE[0] * SCORE_SCALE, Y_RANGE[1] * SCORE_SCALE)
SCORES_AXIS_LABEL = "PHQ-9 / GAD-7 total (0–27 / 0–21)"
MARKER_SPAN = (0.0, 10.0)  # session markers span the mood scale
SIDE_EFFECT_Y = -0.6
HOVER_RADIUS_PX = 8.0
#: Peak downsampling of the lines keeps about this many min/max pairs per pixel.
LINE_SAMPLES_PER_PIXEL = 1.0
#: Width of the 7-day mean, and the days per pixel above which it is drawn 1 px wide.
MEAN_WIDTH = 3
DENSE_DAYS_PER_PIXEL = 1.0
#: Booster markers are dashed in data units: a dash, then a gap, on the 0–10 scale.
BOOSTER_DASH = (0.25, 0.15)

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


@dataclass(frozen=True)
class _Candidate:
    distance_px: float
    text: str


def _pairs(x: FloatArray, low: float, high: float) -> tuple[FloatArray, FloatArray]:
    """Vertical segments at each x, as point pairs for ``connect="pairs"``."""
    xs = np.repeat(np.asarray(x, dtype=np.float64), 2)
    ys = np.tile(np.array([low, high], dtype=np.float64), x.size)
    return xs, ys


def _dashed_pairs(
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


def _grid_pairs(x0: float, x1: float, top: float) -> tuple[FloatArray, FloatArray]:
    """Horizontal grid lines at every whole value from 0 to ``top``, across [x0, x1]."""
    levels = np.arange(0.0, np.floor(top) + 1.0, dtype=np.float64)
    xs = np.tile(np.array([x0, x1], dtype=np.float64), levels.size)
    return xs, np.repeat(levels, 2)


def _left_ticks(top: float) -> list[list[tuple[float, str]]]:
    """Labels on even values and unlabelled minor ticks on odd ones, 0 … ``top``."""
    last = int(np.floor(top))
    return [
        [(float(v), str(v)) for v in range(0, last + 1, 2)],
        [(float(v), "") for v in range(1, last + 1, 2)],
    ]


def _thin(line: pg.PlotDataItem, on: bool) -> None:
    """Clip ``line`` to the view and peak-downsample it (or stop doing so).

    About one min/max pair per pixel is kept (pyqtgraph's default keeps ~5): a line at
    most 3 px wide looks the same and strokes far fewer segments. Lines with symbols
    are thinned only while shown: each pan step then rebuilds their scatter.
    """
    line.setClipToView(on)
    line.setDownsampling(auto=on, method="peak")
    line.opts["autoDownsampleFactor"] = LINE_SAMPLES_PER_PIXEL


def _entries(count: int) -> str:
    return "1 entry" if count == 1 else f"daily mean of {count} entries"


class _LegendSample(pg.ItemSample):  # type: ignore[misc]
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


class TrendsChart(QWidget):
    """Mood over time with its 7-day mean, sessions as markers and side effects as marks."""

    def __init__(self, parent: QWidget | None = None, *, clock: Clock = system_now) -> None:
        super().__init__(parent)
        self._clock = clock
        self._series = TrendSeries()
        self._preset = DEFAULT_PRESET
        #: The series whose anxiety / sleep each item holds (None: empty, hidden).
        self._optional_loaded: dict[int, TrendSeries | None] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_top_bar())
        self.plot = self._build_plot()
        layout.addWidget(self.plot, 1)

        self._scores_choice: bool | None = None  # None: follow the data
        self.set_anxiety_visible(False)
        self.set_sleep_visible(False)
        self.set_scores_visible(False)
        self.set_range_preset(DEFAULT_PRESET)

    # -- construction ------------------------------------------------------------------
    def _build_top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 0)
        caption = QLabel("Range:")
        bar.addWidget(caption)
        self.range_buttons: dict[str, QPushButton] = {}
        self._range_group = QButtonGroup(self)
        self._range_group.setExclusive(True)
        for name, (text, accessible, _days) in RANGE_PRESETS.items():
            button = QPushButton(text)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(accessible)
            button.setToolTip(accessible)
            button.clicked.connect(lambda _checked=False, n=name: self.set_range_preset(n))
            self._range_group.addButton(button)
            self.range_buttons[name] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.anxiety_checkbox = QCheckBox("Show anxiety")
        self.anxiety_checkbox.setAccessibleName("Show anxiety line")
        self.anxiety_checkbox.setToolTip(ANXIETY_AXIS_LABEL)
        self.anxiety_checkbox.toggled.connect(self.set_anxiety_visible)
        bar.addWidget(self.anxiety_checkbox)
        self.sleep_checkbox = QCheckBox("Show sleep")
        self.sleep_checkbox.setAccessibleName("Show sleep hours")
        self.sleep_checkbox.setToolTip(f"{SLEEP_TOOLTIP}. {SLEEP_DEFINITION}.")
        self.sleep_checkbox.toggled.connect(self.set_sleep_visible)
        bar.addWidget(self.sleep_checkbox)
        self.scores_checkbox = QCheckBox("Show PHQ-9 / GAD-7")
        self.scores_checkbox.setAccessibleName("Show PHQ-9 and GAD-7 totals")
        self.scores_checkbox.setToolTip(
            f"{SCORES_AXIS_LABEL}, on the right axis. {QUESTIONNAIRE_TOTAL_DEFINITION}."
        )
        self.scores_checkbox.toggled.connect(self.set_scores_visible)
        self.scores_checkbox.clicked.connect(self._on_scores_clicked)
        bar.addWidget(self.scores_checkbox)
        return bar

    def _build_plot(self) -> pg.PlotWidget:
        plot = styled_plot(
            "Mood trend chart",
            "Daily mood and its 7-day mean over time, with treatment sessions as "
            "vertical lines and side effects as triangles below zero; PHQ-9 and GAD-7 "
            "totals on the right axis over the shaded PHQ-9 severity bands.",
            axisItems={"bottom": CalendarAxis()},
        )
        item = plot.getPlotItem()
        self._view = item.getViewBox()
        item.setMouseEnabled(x=True, y=False)
        item.setYRange(*Y_RANGE, padding=0)
        item.setLimits(yMin=Y_RANGE[0], yMax=Y_RANGE[1], minXRange=3 * DAY_SECONDS)
        self._y_top = Y_RANGE[1]

        style_axes(item, ("left", "bottom", "right"))
        item.getAxis("left").setTicks(_left_ticks(Y_RANGE[1]))
        band_starts = [b.low for b in INSTRUMENTS[BANDS_INSTRUMENT].bands]
        item.getAxis("right").setTicks([[(v, str(v)) for v in (*band_starts, SCORE_MAX)]])
        axis_label(item, "left", MOOD_AXIS_LABEL)
        axis_label(item, "right", SCORES_AXIS_LABEL)
        self._build_scores_view(item)

        # The grid: a few plain horizontal lines under everything (the axis grid of
        # showGrid is repainted with alpha over the whole plot on every pan). It lives in
        # the totals' view, which is drawn first, over the bands: in the mood view it
        # would be drawn over the PHQ-9 / GAD-7 lines and cut them where they run along
        # a grid line. Its data stay in mood units; the transform maps them to that view.
        self._grid = pg.PlotCurveItem(
            connect="pairs", antialias=False, pen=pg.mkPen(SCREEN.chart_grid, width=1)
        )
        self._grid.setZValue(-8)  # over the bands (-10), under their labels (-5)
        self._grid.setTransform(QTransform.fromScale(1.0, SCORE_SCALE))
        self._scores_view.addItem(self._grid, ignoreBounds=True)
        # Session markers next, so that points and lines are drawn over them: 1-px
        # cosmetic, opaque, not antialiased (vertical lines gain nothing from it).
        self._induction = pg.PlotDataItem(
            connect="pairs",
            antialias=False,
            pen=pg.mkPen(SCREEN.induction, width=1),
        )
        self._booster = pg.PlotDataItem(
            connect="pairs",
            antialias=False,
            pen=pg.mkPen(SCREEN.booster, width=1),
        )
        self._booster.legend_pen = pg.mkPen(SCREEN.booster, width=1.5, style=Qt.PenStyle.DashLine)
        self._sleep = pg.PlotDataItem(
            antialias=False,
            pen=pg.mkPen(SCREEN.sleep, width=1),
            symbol="x",
            symbolSize=6,
            symbolPen=pg.mkPen(SCREEN.sleep),
            symbolBrush=pg.mkBrush(SCREEN.sleep),
        )
        self._sleep.setToolTip(SLEEP_DEFINITION)
        self._anxiety = pg.PlotDataItem(
            antialias=False,
            pen=pg.mkPen(SCREEN.anxiety, width=1.5),
            symbol="s",
            symbolSize=4,
            symbolPen=pg.mkPen(SCREEN.anxiety),
            symbolBrush=pg.mkBrush(SCREEN.anxiety),
        )
        self._mood = pg.PlotDataItem(
            pen=None,
            symbol="o",
            symbolSize=6,
            antialias=True,
            symbolPen=pg.mkPen(SCREEN.mood),
            symbolBrush=pg.mkBrush(with_alpha(SCREEN.mood, MOOD_FILL_ALPHA)),
        )
        # Not antialiased: pyqtgraph then strokes the 3-px line as segments (fast path).
        # Where the days are denser than the pixels it is drawn 1 px wide (see
        # _fit_mean_pen): there it fills a band either way, and 3-px strokes of
        # thousands of short segments cost ten times as much.
        self._mean_pens = (
            pg.mkPen(SCREEN.mean, width=MEAN_WIDTH),
            pg.mkPen(SCREEN.mean, width=1),
        )
        self._mean7 = pg.PlotDataItem(antialias=False, pen=self._mean_pens[0])
        self._mean7.legend_pen = self._mean_pens[0]
        self._side_effects = pg.PlotDataItem(
            pen=None,
            symbol="t",
            symbolSize=10,
            antialias=True,
            symbolPen=pg.mkPen(SCREEN.side_effect),
            symbolBrush=pg.mkBrush(SCREEN.side_effect),
        )
        self._red_flags = pg.PlotDataItem(
            pen=None,
            symbol="t",
            symbolSize=13,
            antialias=True,
            symbolPen=pg.mkPen(SCREEN.red_flag_outline),
            symbolBrush=pg.mkBrush(SCREEN.red_flag),
        )
        for data_item in (
            self._induction,
            self._booster,
            self._sleep,
            self._anxiety,
            self._mood,
            self._mean7,
            self._side_effects,
            self._red_flags,
        ):
            item.addItem(data_item)
        # After adding: PlotItem.addItem applies the plot's own (off) clipping and
        # downsampling to each data item, which would undo this.
        _thin(self._mean7, True)
        # Points are neither clipped nor downsampled: every logged day stays visible,
        # and ScatterPlotItem skips the points outside the view when it paints, while
        # clipping would rebuild the whole scatter on every pan step. The markers are
        # not clipped either: clipping could split a pair of "pairs" points.
        self._mean7.setToolTip(SEVEN_DAY_MEAN_DEFINITION)
        self._view.sigResized.connect(self._fit_mean_pen)

        # The legend sits in its own row under the date axis, so it never hides data.
        self.legend = pg.LegendItem(
            colCount=5,
            labelTextColor=SCREEN.chart_text,
            labelTextSize="10pt",
            horSpacing=12,
            sampleType=_LegendSample,
        )
        for data_item, name in (
            (self._mood, "Daily mood"),
            (self._mean7, "7-day mean"),
            (self._anxiety, "Anxiety (left axis, 10 = worst)"),
            (self._sleep, "Sleep (hours, left axis)"),
            (self._side_effects, "Side effect"),
            # Second row: the long labels share columns with the long ones above.
            (self._induction, "Induction session"),
            (self._booster, "Booster session"),
            *(
                (self._scores[i], f"{q.short_title} total (right axis, 0–{q.max_total})")
                for i, q in INSTRUMENTS.items()
            ),
            (self._red_flags, "Red-flag side effect"),
        ):
            self.legend.addItem(data_item, name)
        # Spanning the axes' columns too, so a wide legend never pushes the right axis
        # out of the widget.
        item.layout.addItem(self.legend, 4, 0, 1, 3, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.legend.sigSampleClicked.connect(self._on_legend_clicked)

        plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        return plot

    def _build_scores_view(self, item: pg.PlotItem) -> None:
        """The second ViewBox for questionnaire totals, behind the mood view."""
        view = pg.ViewBox(enableMenu=False)
        view.setMouseEnabled(x=False, y=False)
        # Behind the plot: mood points and lines are drawn over the bands and totals,
        # and the main view keeps every mouse event (pan, tooltips).
        view.setZValue(-100)
        item.scene().addItem(view)
        item.getAxis("right").linkToView(view)
        view.setXLink(item)
        view.setYRange(*SCORE_Y_RANGE, padding=0)
        view.setLimits(yMin=SCORE_Y_RANGE[0], yMax=SCORE_Y_RANGE[1])
        self._scores_view = view

        bands = INSTRUMENTS[BANDS_INSTRUMENT].bands
        self.band_regions: list[pg.LinearRegionItem] = []
        self.band_labels: list[pg.TextItem] = []
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
            view.addItem(region, ignoreBounds=True)
            self.band_regions.append(region)
            label = pg.TextItem(
                f"{INSTRUMENTS[BANDS_INSTRUMENT].short_title} {band}",
                color=SCREEN.band_text,
                anchor=(1.0, 0.5),
                fill=pg.mkBrush(with_alpha(SCREEN.chart_background, BAND_LABEL_FILL_ALPHA)),
            )
            label.setFont(font)
            label.setZValue(-5)
            view.addItem(label, ignoreBounds=True)
            label.setPos(0.0, (low + high) / 2)
            self.band_labels.append(label)

        self._scores: dict[str, pg.PlotDataItem] = {}
        fallback = list(SCORE_STYLES.values())[-1]
        for instrument_id in INSTRUMENTS:
            colour, symbol = SCORE_STYLES.get(instrument_id, fallback)
            # 1 px, solid, not antialiased: Qt's fast cosmetic stroker draws it.
            data_item = pg.PlotDataItem(
                antialias=False,
                pen=pg.mkPen(colour, width=1),
                symbol=symbol,
                symbolSize=9,
                symbolPen=pg.mkPen(colour),
                symbolBrush=pg.mkBrush(with_alpha(colour, SCORE_FILL_ALPHA)),
            )
            # Not clipped or downsampled: a total every week or two is few points, and
            # clipping a line with symbols rebuilds its scatter on every pan step.
            view.addItem(data_item)
            self._scores[instrument_id] = data_item

        self._view.sigResized.connect(self._sync_scores_view)
        self._view.sigXRangeChanged.connect(self._on_x_range_changed)
        self._sync_scores_view()

    # -- public API --------------------------------------------------------------------
    @property
    def series(self) -> TrendSeries:
        """The series currently drawn."""
        return self._series

    def set_series(self, series: TrendSeries) -> None:
        """Draw ``series``, replacing what was drawn; keeps the range preset."""
        self._series = series
        self._mood.setData(series.mood_x, series.mood_y)
        self._mean7.setData(series.mood_x, series.mean7_y)
        self._load_optional()
        self._induction.setData(*_pairs(series.induction_x, *MARKER_SPAN))
        self._booster.setData(*_dashed_pairs(series.booster_x, *MARKER_SPAN))
        flags = series.side_effect_red_flag
        plain_x = series.side_effect_x[~flags]
        flag_x = series.side_effect_x[flags]
        self._side_effects.setData(plain_x, np.full(plain_x.size, SIDE_EFFECT_Y))
        self._red_flags.setData(flag_x, np.full(flag_x.size, SIDE_EFFECT_Y))
        for instrument_id, data_item in self._scores.items():
            score = series.score(instrument_id)
            data_item.setData(score.x, score.totals)
        if self._scores_choice is None:
            self.set_scores_visible(series.has_scores)
        self._apply_y_range()
        self.set_range_preset(self._preset)
        self._fit_mean_pen()

    def set_anxiety_visible(self, visible: bool) -> None:
        """Show or hide the anxiety line; it shares the left 0–10 axis with mood."""
        self._anxiety.setVisible(visible)
        _thin(self._anxiety, visible)
        self._load_optional()
        self._update_left_label()
        if self.anxiety_checkbox.isChecked() != visible:
            self.anxiety_checkbox.setChecked(visible)
        self.legend.update()

    def set_sleep_visible(self, visible: bool) -> None:
        """Show or hide sleep hours; drawn in hours on the left axis, which grows to fit."""
        self._sleep.setVisible(visible)
        _thin(self._sleep, visible)
        self._load_optional()
        if self.sleep_checkbox.isChecked() != visible:
            self.sleep_checkbox.setChecked(visible)
        self._apply_y_range()
        self.legend.update()

    def _load_optional(self) -> None:
        """Give anxiety and sleep their data only while they are shown.

        Hidden, they hold none: a line with thousands of symbols costs a few
        milliseconds to set on every refresh, for nothing on screen.
        """
        s = self._series
        for data_item, x, y in (
            (self._anxiety, s.anxiety_x, s.anxiety_y),
            (self._sleep, s.sleep_x, s.sleep_y),
        ):
            wanted = s if data_item.isVisible() else None
            if self._optional_loaded.get(id(data_item), False) is not wanted:
                data_item.setData(*((x, y) if wanted is not None else ([], [])))
                self._optional_loaded[id(data_item)] = wanted

    def sleep_visible(self) -> bool:
        """Whether the sleep line is shown."""
        return bool(self._sleep.isVisible())

    @property
    def sleep_item(self) -> pg.PlotDataItem:
        """The plot item of the daily sleep hours."""
        return self._sleep

    def y_top(self) -> float:
        """The top of the left axis: 10.5, or above the longest night when sleep is shown."""
        return self._y_top

    def _apply_y_range(self) -> None:
        """Fit the left axis to the mood scale, or to the longest night when sleep is shown.

        The right axis keeps 0–27 over the height of 0–10, so its range scales with it.
        """
        top = Y_RANGE[1]
        sleep = self._series.sleep_y
        if self._sleep.isVisible() and sleep.size:
            top = max(top, float(np.ceil(sleep.max())) + SLEEP_HEADROOM)
        self._y_top = top
        item = self.plot.getPlotItem()
        item.setLimits(yMin=Y_RANGE[0], yMax=top)
        item.setYRange(Y_RANGE[0], top, padding=0)
        self._scores_view.setLimits(yMin=Y_RANGE[0] * SCORE_SCALE, yMax=top * SCORE_SCALE)
        self._scores_view.setYRange(Y_RANGE[0] * SCORE_SCALE, top * SCORE_SCALE, padding=0)
        item.getAxis("left").setTicks(_left_ticks(top))
        self._update_left_label()
        self._update_grid()

    def _update_left_label(self) -> None:
        anxiety, sleep = self.anxiety_visible(), self._sleep.isVisible()
        if anxiety and sleep:
            text = MOOD_ANXIETY_AND_SLEEP_AXIS_LABEL  # the long form would not fit
        elif sleep:
            text = f"{MOOD_AXIS_LABEL} · {SLEEP_AXIS_NOTE}"
        else:
            text = MOOD_AND_ANXIETY_AXIS_LABEL if anxiety else MOOD_AXIS_LABEL
        axis_label(self.plot.getPlotItem(), "left", text)

    def mean_is_dense(self) -> bool:
        """Whether more days than pixels are in view (the 7-day mean is then 1 px wide)."""
        (x0, x1), _y = self._view.viewRange()
        width_px = float(self._view.width())
        if width_px <= 0:
            return False
        x = self._series.mood_x
        days = int(np.searchsorted(x, x1, side="right") - np.searchsorted(x, x0, side="left"))
        return days / width_px > DENSE_DAYS_PER_PIXEL

    def _fit_mean_pen(self, *_args: Any) -> None:
        pen = self._mean_pens[1] if self.mean_is_dense() else self._mean_pens[0]
        if self._mean7.opts["pen"] is not pen:
            self._mean7.setPen(pen)

    def _update_grid(self) -> None:
        (x0, x1), _y = self._view.viewRange()
        self._grid.setData(*_grid_pairs(x0, x1, self._y_top))

    def set_scores_visible(self, visible: bool) -> None:
        """Show or hide the questionnaire totals, the PHQ-9 bands and the right axis."""
        for data_item in self._scores.values():
            data_item.setVisible(visible)
        for band_item in (*self.band_regions, *self.band_labels):
            band_item.setVisible(visible)
        self.plot.getPlotItem().showAxis("right", visible)
        if self.scores_checkbox.isChecked() != visible:
            self.scores_checkbox.setChecked(visible)
        self._sync_scores_view()
        self.legend.update()

    def scores_follow_data(self) -> None:
        """Forget the user's choice: show the totals whenever the series has any."""
        self._scores_choice = None
        self.set_scores_visible(self._series.has_scores)

    def scores_visible(self) -> bool:
        """Whether the questionnaire totals (right axis) are shown."""
        return bool(self.scores_checkbox.isChecked())

    def score_items(self) -> dict[str, pg.PlotDataItem]:
        """The plot item of each instrument's totals, by instrument id."""
        return dict(self._scores)

    @property
    def scores_view(self) -> pg.ViewBox:
        """The ViewBox of the right axis (questionnaire totals)."""
        return self._scores_view

    def anxiety_visible(self) -> bool:
        """Whether the anxiety line is shown."""
        return bool(self._anxiety.isVisible())

    def set_range_preset(self, name: str) -> None:
        """Show the last 30 days, 90 days, year ("30d", "90d", "1y") or "all" data.

        The range ends at the latest data point, or now when there is no data.
        """
        if name not in RANGE_PRESETS:
            raise ValueError(f"unknown range preset {name!r}; one of {', '.join(RANGE_PRESETS)}")
        self._preset = name
        self.range_buttons[name].setChecked(True)
        days = RANGE_PRESETS[name][2]
        span = self._series.x_span()
        if span is None:
            end = self._clock().timestamp()
            start = end - (days or 30) * DAY_SECONDS
        else:
            end = span[1]
            start = span[0] if days is None else end - days * DAY_SECONDS
            if end - start < 3 * DAY_SECONDS:
                start = end - 3 * DAY_SECONDS
        # Half a day of room at the right so the latest point is not cut at the edge.
        self._view.setXRange(start, end + DAY_SECONDS / 2, padding=0)

    def range_preset(self) -> str:
        """The name of the preset applied last."""
        return self._preset

    def visible_range_days(self) -> float:
        """Width of the visible x range, in days."""
        (x0, x1), _y = self._view.viewRange()
        return float(x1 - x0) / DAY_SECONDS

    def session_marker_count(self) -> dict[str, int]:
        """Vertical session markers drawn, per phase (one segment is two points)."""
        counts = {}
        dashes = _dashed_pairs(np.zeros(1), *MARKER_SPAN)[0].size // 2
        for phase, data_item, segments in (
            ("induction", self._induction, 1),
            ("booster", self._booster, dashes),
        ):
            x, _y = data_item.getOriginalDataset()
            counts[phase] = 0 if x is None else len(x) // (2 * segments)
        return counts

    def describe_point_near(
        self, x_seconds: float, y: float, radius_px: float = HOVER_RADIUS_PX
    ) -> str | None:
        """Text for the point or marker within ``radius_px`` pixels of (x, y), or None.

        Coordinates are in data units (x in epoch seconds, y on the 0–10 scale);
        pixel distances use the current zoom. Points win over marker lines.
        """
        px_w, px_h = self._view.viewPixelSize()
        if not (px_w > 0 and px_h > 0 and np.isfinite(px_w) and np.isfinite(px_h)):
            return None
        s = self._series
        found: list[_Candidate] = []

        def nearest(xs: FloatArray, ys: FloatArray) -> tuple[int, float] | None:
            if not xs.size:
                return None
            dist = np.hypot((xs - x_seconds) / px_w, (ys - y) / px_h)
            i = int(np.argmin(dist))
            return (i, float(dist[i])) if dist[i] <= radius_px else None

        # Items hidden from the legend are not described either. Each daily series:
        # whether shown, its points, and how one day of it reads.
        daily: tuple[tuple[bool, FloatArray, FloatArray, Callable[[int], str]], ...] = (
            (self._mood.isVisible(), s.mood_x, s.mood_y, lambda i: (
                f"{format_date_with_weekday(s.mood_days[i])} — "
                f"mood {format_score(float(s.mood_y[i]))} "
                f"({_entries(int(s.mood_counts[i]))}); "
                f"7-day mean {format_score(float(s.mean7_y[i]))}")),
            (self.anxiety_visible(), s.anxiety_x, s.anxiety_y, lambda i: (
                f"{format_date_with_weekday(s.anxiety_days[i])} — anxiety "
                f"{format_score(float(s.anxiety_y[i]))} (10 = worst; "
                f"{_entries(int(s.anxiety_counts[i]))})")),
            (self.sleep_visible(), s.sleep_x, s.sleep_y, lambda i: (
                f"{format_date_with_weekday(s.sleep_days[i])} — sleep "
                f"{format_score(float(s.sleep_y[i]))} h "
                f"({_entries(int(s.sleep_counts[i]))})")),
        )
        for visible, xs, ys, describe in daily:
            if visible and (hit := nearest(xs, ys)):
                found.append(_Candidate(hit[1], describe(hit[0])))
        for instrument_id, data_item in self._scores.items():
            score = s.score(instrument_id)
            # Totals live on the right axis: bring them to the left 0–10 scale.
            if data_item.isVisible() and (hit := nearest(score.x, score.totals / SCORE_SCALE)):
                found.append(_Candidate(hit[1], score.labels[hit[0]]))
        shown = np.where(
            s.side_effect_red_flag, self._red_flags.isVisible(), self._side_effects.isVisible()
        )
        effect_y = np.where(shown, SIDE_EFFECT_Y, np.inf)
        if hit := nearest(s.side_effect_x, effect_y):
            found.append(_Candidate(hit[1], s.side_effect_labels[hit[0]]))
        if MARKER_SPAN[0] - radius_px * px_h <= y <= MARKER_SPAN[1] + radius_px * px_h:
            # A marker is a vertical line: only the horizontal distance counts, and a
            # point drawn over it is preferred.
            for marker, xs, labels in (
                (self._induction, s.induction_x, s.induction_labels),
                (self._booster, s.booster_x, s.booster_labels),
            ):
                if marker.isVisible() and (hit := nearest(xs, np.full(xs.size, y))):
                    found.append(_Candidate(hit[1] + 2.0, labels[hit[0]]))
        if not found:
            return None
        return min(found, key=lambda c: c.distance_px).text

    # -- events ------------------------------------------------------------------------
    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        hover_tooltip(self.plot, self._view, scene_pos, self.describe_point_near)

    def _sync_scores_view(self) -> None:
        # The second view must cover exactly the main view (pyqtgraph MultiplePlotAxes).
        # (Not sceneBoundingRect(): a ViewBox pads its bounding rect by half a pixel.)
        self._scores_view.setGeometry(QRectF(self._view.scenePos(), self._view.size()))
        self._scores_view.linkedViewChanged(self._view, self._scores_view.XAxis)
        self._place_band_labels()

    def _on_x_range_changed(self, *_args: Any) -> None:
        self._fit_mean_pen()
        self._update_grid()
        self._place_band_labels()

    def _place_band_labels(self, *_args: Any) -> None:
        (_x0, x1), _y = self._view.viewRange()
        px_w = self._view.viewPixelSize()[0]
        for label in self.band_labels:
            label.setPos(x1 - 4 * px_w, label.pos().y())

    def _on_scores_clicked(self, checked: bool) -> None:
        self._scores_choice = checked  # the user chose: stop following the data

    def _on_legend_clicked(self, data_item: Any) -> None:
        # Clicking a legend sample toggles its item; keep the checkbox in step.
        if data_item is self._anxiety:
            self.set_anxiety_visible(bool(data_item.isVisible()))
        elif data_item is self._sleep:
            self.set_sleep_visible(bool(data_item.isVisible()))


__all__ = ["RANGE_PRESETS", "TrendsChart"]
