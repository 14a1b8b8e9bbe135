"""The Trends chart: mood, 7-day mean, anxiety, sessions, side effects, medications, scores.

A pyqtgraph widget that only draws the :class:`TrendSeries` it is handed. Its
plot items are created once and updated with ``setData``: the plot widget is
never rebuilt, because creating and closing many PlotWidgets in one process has
crashed Python. It is one piece: the plot, its two linked view boxes, the bands and
the items drawn on them share one set of ranges that every update must keep in step.

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

The items and their looks are made in :mod:`.trend_parts`, the hover text is
:mod:`.trend_hover`; what the chart drew can be read back by name
(:meth:`TrendsChart.drawn_points`, :meth:`TrendsChart.item_style`, …).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketajournal.charts.drawn import (
    ItemStyle,
    item_points,
    item_style,
    legend_rows,
    pen_style,
    plot_items,
)
from ketajournal.charts.drawn import shown_points as item_shown_points
from ketajournal.charts.style import (
    CalendarAxis,
    ChartWidget,
    axis_label,
    hover_tooltip,
    restyle_legend,
    restyle_plot,
    style_axes,
    styled_plot,
)
from ketajournal.charts.trend_cursor import PointCursor
from ketajournal.charts.trend_hover import describe_trend_point
from ketajournal.charts.trend_parts import (
    LEGEND_COLUMNS,
    MARKER_SPAN,
    PLANNED_Y,
    SCORE_MAX,
    SCORE_SCALE,
    SCORE_Y_RANGE,
    SIDE_EFFECT_Y,
    Y_RANGE,
    dashed_marker_pairs,
    grid_pairs,
    left_axis_label,
    left_ticks,
    make_band_items,
    make_legend,
    make_score_items,
    make_series_items,
    marker_pairs,
    paint_band_items,
    paint_score_items,
    paint_series_items,
    thin,
)
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.series import (
    QUESTIONNAIRE_TOTAL_DEFINITION,
    SEVEN_DAY_MEAN_DEFINITION,
    SLEEP_DEFINITION,
    FloatArray,
    TrendSeries,
)
from ketajournal.palette import Palette
from ketajournal.platform.clock import Clock, system_now
from ketajournal.translation import core, noop, translate, translator

DAY_SECONDS = 86_400.0

#: Range presets: name -> (button text, accessible name, days shown; None = all data).
RANGE_PRESETS: dict[str, tuple[str, str, int | None]] = {
    "30d": (noop("TrendsChart", "30 days"), noop("TrendsChart", "Show the last 30 days"), 30),
    "90d": (noop("TrendsChart", "90 days"), noop("TrendsChart", "Show the last 90 days"), 90),
    "1y": (noop("TrendsChart", "1 year"), noop("TrendsChart", "Show the last year"), 365),
    "all": (noop("TrendsChart", "All"), noop("TrendsChart", "Show all data"), None),
}
DEFAULT_PRESET = "90d"

SLEEP_TOOLTIP = noop("TrendsChart",
                     "Sleep in hours, on the left scale (it grows past 10 for long nights)")
#: Room above the longest night when sleep is shown.
SLEEP_HEADROOM = 0.5
#: The questionnaire whose severity bands are shaded behind the chart.
BANDS_INSTRUMENT = "phq9"
SCORES_AXIS_LABEL = noop("TrendsChart", "PHQ-9 / GAD-7 total (0–27 / 0–21)")
HOVER_RADIUS_PX = 8.0
#: The days per pixel above which the 7-day mean is drawn 1 px wide.
DENSE_DAYS_PER_PIXEL = 1.0

tr = translator("TrendsChart")


class TrendsChart(ChartWidget):
    """Mood over time with its 7-day mean, sessions as markers and side effects as marks."""

    #: The names of the drawn items, for :meth:`drawn_points` and the other read-backs.
    ITEM_NAMES = (
        "mood", "mean", "anxiety", "sleep", "induction", "booster", "side_effect",
        "red_flag", "planned", "grid", *INSTRUMENTS,
    )

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
        #: Arrow keys step through the mood points and read each out.
        self.point_cursor = PointCursor(self.plot, self._view)
        self.follow_looks()

        #: Every drawn item by name (see :attr:`ITEM_NAMES`).
        self._items: dict[str, Any] = {
            "mood": self._mood,
            "mean": self._mean7,
            "anxiety": self._anxiety,
            "sleep": self._sleep,
            "induction": self._induction,
            "booster": self._booster,
            "side_effect": self._side_effects,
            "red_flag": self._red_flags,
            "planned": self._planned,
            "grid": self._grid,
            **self._scores,
        }
        self._scores_choice: bool | None = None  # None: follow the data
        self.set_anxiety_visible(False)
        self.set_sleep_visible(False)
        self.set_scores_visible(False)
        self.set_range_preset(DEFAULT_PRESET)

    # -- construction ------------------------------------------------------------------
    def _build_top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 0)
        caption = QLabel(tr("Range:"))
        bar.addWidget(caption)
        self.range_buttons: dict[str, QPushButton] = {}
        self._range_group = QButtonGroup(self)
        self._range_group.setExclusive(True)
        for name, (text, accessible, _days) in RANGE_PRESETS.items():
            button = QPushButton(translate("TrendsChart", text))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(translate("TrendsChart", accessible))
            button.setToolTip(translate("TrendsChart", accessible))
            button.clicked.connect(lambda _checked=False, n=name: self.set_range_preset(n))
            self._range_group.addButton(button)
            self.range_buttons[name] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.anxiety_checkbox = QCheckBox(tr("Show anxiety"))
        self.anxiety_checkbox.setAccessibleName(tr("Show anxiety line"))
        self.anxiety_checkbox.setToolTip(
            tr("Anxiety (0–10, 10 = worst), on the left mood scale"))
        self.anxiety_checkbox.toggled.connect(self.set_anxiety_visible)
        bar.addWidget(self.anxiety_checkbox)
        self.sleep_checkbox = QCheckBox(tr("Show sleep"))
        self.sleep_checkbox.setAccessibleName(tr("Show sleep hours"))
        self.sleep_checkbox.setToolTip(
            f"{translate('TrendsChart', SLEEP_TOOLTIP)}. {core(SLEEP_DEFINITION)}.")
        self.sleep_checkbox.toggled.connect(self.set_sleep_visible)
        bar.addWidget(self.sleep_checkbox)
        self.scores_checkbox = QCheckBox(tr("Show PHQ-9 / GAD-7"))
        self.scores_checkbox.setAccessibleName(tr("Show PHQ-9 and GAD-7 totals"))
        self.scores_checkbox.setToolTip(
            tr("{axis}, on the right axis. {definition}.").format(
                axis=translate("TrendsChart", SCORES_AXIS_LABEL),
                definition=core(QUESTIONNAIRE_TOTAL_DEFINITION))
        )
        self.scores_checkbox.toggled.connect(self.set_scores_visible)
        self.scores_checkbox.clicked.connect(self._on_scores_clicked)
        bar.addWidget(self.scores_checkbox)
        return bar

    def _build_plot(self) -> pg.PlotWidget:
        plot = styled_plot(
            tr("Mood trend chart"),
            tr("Daily mood and its 7-day mean over time, with treatment sessions as "
            "vertical lines and side effects as triangles below zero (red flags point up); "
            "PHQ-9 and GAD-7 totals on the right axis over the shaded PHQ-9 severity bands."),
            axisItems={"bottom": CalendarAxis()},
        )
        item = plot.getPlotItem()
        self._view = item.getViewBox()
        item.setMouseEnabled(x=True, y=False)
        item.setYRange(*Y_RANGE, padding=0)
        item.setLimits(yMin=Y_RANGE[0], yMax=Y_RANGE[1], minXRange=3 * DAY_SECONDS)
        self._y_top = Y_RANGE[1]

        style_axes(item, ("left", "bottom", "right"))
        item.getAxis("left").setTicks(left_ticks(Y_RANGE[1]))
        band_starts = [b.low for b in INSTRUMENTS[BANDS_INSTRUMENT].bands]
        item.getAxis("right").setTicks([[(v, str(v)) for v in (*band_starts, SCORE_MAX)]])
        axis_label(item, "left", tr("Mood (0–10, 10 = best)"))
        axis_label(item, "right", tr("PHQ-9 / GAD-7 total (0–27 / 0–21)"))
        self._build_scores_view(item)

        self._parts = parts = make_series_items()
        self._grid = parts.grid
        self._induction, self._booster = parts.induction, parts.booster
        self._sleep, self._anxiety, self._mood = parts.sleep, parts.anxiety, parts.mood
        self._mean7 = parts.mean
        self._side_effects, self._red_flags = parts.side_effects, parts.red_flags
        self._medications = parts.medications
        self._planned = parts.planned
        # The grid lives in the totals' view, which is drawn first, over the bands: in
        # the mood view it would be drawn over the PHQ-9 / GAD-7 lines and cut them
        # where they run along a grid line.
        self._scores_view.addItem(self._grid, ignoreBounds=True)
        for data_item in (
            self._induction,
            self._booster,
            self._sleep,
            self._anxiety,
            self._mood,
            self._mean7,
            self._side_effects,
            self._red_flags,
            *self._medications.items,
            self._planned,
        ):
            item.addItem(data_item)
        # After adding: PlotItem.addItem applies the plot's own (off) clipping and
        # downsampling to each data item, which would undo this.
        thin(self._mean7, True)
        # Points are neither clipped nor downsampled: every logged day stays visible,
        # and ScatterPlotItem skips the points outside the view when it paints, while
        # clipping would rebuild the whole scatter on every pan step. The markers are
        # not clipped either: clipping could split a pair of "pairs" points.
        self._mean7.setToolTip(core(SEVEN_DAY_MEAN_DEFINITION))
        self._view.sigResized.connect(self._fit_mean_pen)

        # The legend sits in its own row under the date axis, so it never hides data.
        self.legend = make_legend(parts, self._scores)
        # Spanning the axes' columns too, so a wide legend never pushes the right axis
        # out of the widget.
        item.layout.addItem(self.legend, 4, 0, 1, 3, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.legend.sigSampleClicked.connect(self._on_legend_clicked)
        # Longer labels (German) or a narrow window: fewer columns, never a legend wider
        # than the chart (it would push the right axis out of sight).
        plot.installEventFilter(self)

        plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        return plot

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The plot was resized: the legend gets as many columns as fit."""
        if watched is self.plot and event.type() == QEvent.Type.Resize:
            self.fit_legend()
        return False

    def fit_legend(self) -> None:
        """Lay the legend out in the most columns (five at most) that fit the plot's width."""
        room = self.plot.width() - 16
        for columns in range(LEGEND_COLUMNS, 1, -1):
            self.legend.setColumnCount(columns)
            if self.legend.layout.effectiveSizeHint(Qt.SizeHint.MinimumSize).width() <= room:
                return

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

        self.band_regions, self.band_labels = make_band_items(BANDS_INSTRUMENT)
        for band_item in (*self.band_regions, *self.band_labels):
            view.addItem(band_item, ignoreBounds=True)
        self._scores = make_score_items()
        for data_item in self._scores.values():
            # Not clipped or downsampled: a total every week or two is few points, and
            # clipping a line with symbols rebuilds its scatter on every pan step.
            view.addItem(data_item)

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
        self.point_cursor.set_series(series)
        self._mood.setData(series.mood_x, series.mood_y)
        self._mean7.setData(series.mood_x, series.mean7_y)
        self._load_optional()
        self._induction.setData(*marker_pairs(series.induction_x, *MARKER_SPAN))
        self._booster.setData(*dashed_marker_pairs(series.booster_x, *MARKER_SPAN))
        flags = series.side_effect_red_flag
        plain_x = series.side_effect_x[~flags]
        flag_x = series.side_effect_x[flags]
        self._side_effects.setData(plain_x, np.full(plain_x.size, SIDE_EFFECT_Y))
        self._red_flags.setData(flag_x, np.full(flag_x.size, SIDE_EFFECT_Y))
        self._medications.set_data(self.plot.getPlotItem(), series)
        self._planned.setData(series.planned_x, np.full(series.planned_x.size, PLANNED_Y))
        for instrument_id, data_item in self._scores.items():
            score = series.score(instrument_id)
            data_item.setData(score.x, score.totals)
        if self._scores_choice is None:
            self.set_scores_visible(series.has_scores)
        self._apply_y_range()
        self.set_range_preset(self._preset)
        self._fit_mean_pen()

    def medication_marks(self) -> list[tuple[float, str]]:
        """The medication changes drawn: their x and their label, in date order."""
        return self._medications.drawn()

    def set_anxiety_visible(self, visible: bool) -> None:
        """Show or hide the anxiety line; it shares the left 0–10 axis with mood."""
        self._anxiety.setVisible(visible)
        thin(self._anxiety, visible)
        self._load_optional()
        self._update_left_label()
        if self.anxiety_checkbox.isChecked() != visible:
            self.anxiety_checkbox.setChecked(visible)
        self.legend.update()

    def set_sleep_visible(self, visible: bool) -> None:
        """Show or hide sleep hours; drawn in hours on the left axis, which grows to fit."""
        self._sleep.setVisible(visible)
        thin(self._sleep, visible)
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
        item.getAxis("left").setTicks(left_ticks(top))
        self._update_left_label()
        self._update_grid()

    def _update_left_label(self) -> None:
        text = left_axis_label(anxiety=self.anxiety_visible(), sleep=self._sleep.isVisible())
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

    def restyle(self, palette: Palette, scale: float) -> None:
        """Every item, axis and the legend in ``palette``, line widths times ``scale``."""
        restyle_plot(self.plot, palette, scale, ("left", "bottom", "right"))
        self._mean_pens = paint_series_items(self._parts, palette, scale)
        paint_score_items(self._scores, palette, scale)
        paint_band_items(self.band_regions, self.band_labels, palette)
        restyle_legend(self.legend, palette)
        self.point_cursor.restyle(palette, scale)
        self._fit_mean_pen()

    def _fit_mean_pen(self, *_args: Any) -> None:
        pen = self._mean_pens[1] if self.mean_is_dense() else self._mean_pens[0]
        if self._mean7.opts["pen"] is not pen:
            self._mean7.setPen(pen)

    def _update_grid(self) -> None:
        (x0, x1), _y = self._view.viewRange()
        self._grid.setData(*grid_pairs(x0, x1, self._y_top))

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

    # -- what is drawn, read back (for tests and assistive tools) -------------------------
    def item(self, name: str) -> Any:
        """The plot item that draws ``name`` (one of :attr:`ITEM_NAMES`)."""
        return self._items[name]

    def series_visible(self, name: str) -> bool:
        """Whether the item ``name`` is shown (the legend and the checkboxes hide them)."""
        return bool(self._items[name].isVisible())

    def drawn_points(self, name: str) -> tuple[FloatArray, FloatArray]:
        """The x and y the item ``name`` was given (empty while it holds nothing)."""
        return item_points(self._items[name])

    def shown_points(self, name: str) -> tuple[FloatArray, FloatArray]:
        """The points the item ``name`` draws at the current view, after clipping and
        downsampling."""
        return item_shown_points(self._items[name])

    def item_style(self, name: str) -> ItemStyle:
        """How the item ``name`` is drawn: pen, antialiasing, thinning, symbol."""
        return item_style(self._items[name])

    def legend_pen_style(self, name: str) -> ItemStyle:
        """How the legend sample of ``name`` draws its line (dashed for boosters, the
        mean always 3 px wide)."""
        data_item = self._items[name]
        legend_pen = getattr(data_item, "legend_pen", None)
        return pen_style(legend_pen) if legend_pen is not None else item_style(data_item)

    def legend_labels(self) -> list[str]:
        """The legend's labels, in order."""
        return [label for label, _item in legend_rows(self.legend)]

    def plot_items(self) -> tuple[Any, ...]:
        """The items of the mood view, in the order they were added."""
        return plot_items(self.plot)

    def left_axis_ticks(self) -> list[list[tuple[float, str]]]:
        """The ticks given to the left axis: labelled even values, then odd minor ones."""
        return left_ticks(self._y_top)

    def session_marker_count(self) -> dict[str, int]:
        """Vertical session markers drawn, per phase (one segment is two points)."""
        counts = {}
        dashes = dashed_marker_pairs(np.zeros(1), *MARKER_SPAN)[0].size // 2
        for phase, data_item, segments in (
            ("induction", self._induction, 1),
            ("booster", self._booster, dashes),
        ):
            x, _y = item_points(data_item)
            counts[phase] = x.size // (2 * segments)
        return counts

    def describe_point_near(
        self, x_seconds: float, y: float, radius_px: float = HOVER_RADIUS_PX
    ) -> str | None:
        """Text for the point or marker within ``radius_px`` pixels of (x, y), or None.

        Coordinates are in data units (x in epoch seconds, y on the 0–10 scale);
        pixel distances use the current zoom. Points win over marker lines; items
        hidden from the legend are not described.
        """
        shown = {name: self.series_visible(name) for name in self._items}
        px_w, px_h = self._view.viewPixelSize()
        return describe_trend_point(self._series, shown, x_seconds, y, (px_w, px_h), radius_px)

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
