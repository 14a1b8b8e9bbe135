"""The Trends chart: mood, 7-day mean, anxiety, sessions, side effects and questionnaires.

A pyqtgraph widget that only draws the :class:`TrendSeries` it is handed. Its
plot items are created once and updated with ``setData``: the plot widget is
never rebuilt, because creating and closing many PlotWidgets in one process has
crashed Python.

Mood and anxiety share the left 0–10 axis. PHQ-9 and GAD-7 totals have the right
axis (0–27) in a second ViewBox linked to the plot's x axis (pyqtgraph's
"MultiplePlotAxes" pattern), scaled so that 0–27 spans the same height as 0–10,
with PHQ-9's severity bands shaded behind everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketajournal.charts.series import (
    QUESTIONNAIRE_TOTAL_DEFINITION,
    SEVEN_DAY_MEAN_DEFINITION,
    FloatArray,
    TrendSeries,
    format_day,
    format_score,
)
from ketajournal.charts.style import (
    SCORE_TICKS,
    TEXT_COLOUR,
    axis_label,
    hover_tooltip,
    style_axes,
    styled_plot,
)
from ketajournal.domain.instruments import INSTRUMENTS
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
Y_RANGE = (-1.2, 10.5)
#: The questionnaire whose severity bands are shaded behind the chart.
BANDS_INSTRUMENT = "phq9"
#: The right axis runs 0 … the largest questionnaire total, over the height of 0–10.
SCORE_MAX = max(i.max_total for i in INSTRUMENTS.values())
SCORE_SCALE = SCORE_MAX / 10.0
SCORE_Y_RANGE = (Y_RANGE[0] * SCORE_SCALE, Y_RANGE[1] * SCORE_SCALE)
SCORES_AXIS_LABEL = "PHQ-9 / GAD-7 total (0–27 / 0–21)"
MARKER_SPAN = (0.0, 10.0)  # session markers span the mood scale
SIDE_EFFECT_Y = -0.6
HOVER_RADIUS_PX = 8.0

# Colours: distinct in hue and lightness, and the two session phases also differ
# in dash style, so the chart still reads for colour-blind users and in greyscale.
MOOD_COLOUR = "#4a7fc1"
MEAN_COLOUR = "#0b2f6b"
ANXIETY_COLOUR = "#d9730d"
INDUCTION_COLOUR = "#7b3fa0"
BOOSTER_COLOUR = "#12866f"
SIDE_EFFECT_COLOUR = "#7a6a55"
RED_FLAG_COLOUR = "#d21f1f"
BAND_TEXT_COLOUR = "#6b6b6b"
#: Alternating, very light fills for the severity bands (lowest band first).
BAND_FILLS = ((120, 90, 150, 10), (120, 90, 150, 26))
#: Questionnaire styles by instrument id: colour, symbol, line style. Others fall back
#: to the last style.
SCORE_STYLES: dict[str, tuple[str, str, Qt.PenStyle]] = {
    "phq9": ("#a0307f", "d", Qt.PenStyle.SolidLine),
    "gad7": ("#5f7417", "h", Qt.PenStyle.DashDotLine),
}


@dataclass(frozen=True)
class _Candidate:
    distance_px: float
    text: str


def _pairs(x: FloatArray, low: float, high: float) -> tuple[FloatArray, FloatArray]:
    """Vertical segments at each x, as point pairs for ``connect="pairs"``."""
    xs = np.repeat(np.asarray(x, dtype=np.float64), 2)
    ys = np.tile(np.array([low, high], dtype=np.float64), x.size)
    return xs, ys


def _entries(count: int) -> str:
    return "1 entry" if count == 1 else f"daily mean of {count} entries"


class _LegendSample(pg.ItemSample):  # type: ignore[misc]
    """A legend sample drawn from the item's own options, even before it has data.

    pyqtgraph's sample reads symbol styles from the item's scatter, which only gets
    them once there is data, so an empty series would show a wrong symbol. Session
    markers are drawn as the vertical lines they are on the chart.
    """

    def paint(self, painter: QPainter, *args: Any) -> None:
        opts = self.item.opts
        if not self.item.isVisible() or not isinstance(self.item, pg.PlotDataItem):
            super().paint(painter, *args)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if opts.get("pen") is not None:
            painter.setPen(pg.mkPen(opts["pen"]))
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_top_bar())
        self.plot = self._build_plot()
        layout.addWidget(self.plot, 1)

        self._scores_choice: bool | None = None  # None: follow the data
        self.set_anxiety_visible(False)
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
            axisItems={"bottom": pg.DateAxisItem(orientation="bottom")},
        )
        item = plot.getPlotItem()
        self._view = item.getViewBox()
        item.showGrid(x=False, y=True, alpha=0.15)
        item.setMouseEnabled(x=True, y=False)
        item.setYRange(*Y_RANGE, padding=0)
        item.setLimits(yMin=Y_RANGE[0], yMax=Y_RANGE[1], minXRange=3 * DAY_SECONDS)

        style_axes(item, ("left", "bottom", "right"))
        item.getAxis("left").setTicks(SCORE_TICKS)
        band_starts = [b.low for b in INSTRUMENTS[BANDS_INSTRUMENT].bands]
        item.getAxis("right").setTicks([[(v, str(v)) for v in (*band_starts, SCORE_MAX)]])
        axis_label(item, "left", MOOD_AXIS_LABEL)
        axis_label(item, "right", SCORES_AXIS_LABEL)
        self._build_scores_view(item)

        # Session markers first, so that points and lines are drawn over them.
        self._induction = pg.PlotDataItem(
            connect="pairs",
            antialias=True,
            pen=pg.mkPen(INDUCTION_COLOUR + "d0", width=1.5),
        )
        self._booster = pg.PlotDataItem(
            connect="pairs",
            antialias=True,
            pen=pg.mkPen(BOOSTER_COLOUR + "c0", width=1.5, style=Qt.PenStyle.DashLine),
        )
        self._anxiety = pg.PlotDataItem(
            antialias=True,
            pen=pg.mkPen(ANXIETY_COLOUR, width=1.5),
            symbol="s",
            symbolSize=4,
            symbolPen=pg.mkPen(ANXIETY_COLOUR),
            symbolBrush=pg.mkBrush(ANXIETY_COLOUR),
        )
        self._mood = pg.PlotDataItem(
            pen=None,
            symbol="o",
            symbolSize=6,
            antialias=True,
            symbolPen=pg.mkPen(MOOD_COLOUR),
            symbolBrush=pg.mkBrush(MOOD_COLOUR + "99"),
        )
        self._mean7 = pg.PlotDataItem(antialias=True, pen=pg.mkPen(MEAN_COLOUR, width=3))
        self._side_effects = pg.PlotDataItem(
            pen=None,
            symbol="t",
            symbolSize=10,
            antialias=True,
            symbolPen=pg.mkPen(SIDE_EFFECT_COLOUR),
            symbolBrush=pg.mkBrush(SIDE_EFFECT_COLOUR),
        )
        self._red_flags = pg.PlotDataItem(
            pen=None,
            symbol="t",
            symbolSize=13,
            antialias=True,
            symbolPen=pg.mkPen("#7a0000"),
            symbolBrush=pg.mkBrush(RED_FLAG_COLOUR),
        )
        for line in (self._mean7, self._anxiety):
            line.setClipToView(True)
            line.setDownsampling(auto=True, method="peak")
        # Points are clipped but never downsampled: every logged day stays visible.
        # The markers are neither: clipping could split a pair of "pairs" points.
        for points in (self._mood, self._side_effects, self._red_flags):
            points.setClipToView(True)
        for data_item in (
            self._induction,
            self._booster,
            self._anxiety,
            self._mood,
            self._mean7,
            self._side_effects,
            self._red_flags,
        ):
            item.addItem(data_item)
        self._mean7.setToolTip(SEVEN_DAY_MEAN_DEFINITION)

        # The legend sits in its own row under the date axis, so it never hides data.
        self.legend = pg.LegendItem(
            colCount=5,
            labelTextColor=TEXT_COLOUR,
            labelTextSize="10pt",
            horSpacing=12,
            sampleType=_LegendSample,
        )
        for data_item, name in (
            (self._mood, "Daily mood"),
            (self._mean7, "7-day mean"),
            (self._anxiety, "Anxiety (left axis, 10 = worst)"),
            (self._induction, "Induction session"),
            (self._booster, "Booster session"),
            (self._side_effects, "Side effect"),
            (self._red_flags, "Red-flag side effect"),
            *(
                (self._scores[i], f"{q.short_title} total (right axis, 0–{q.max_total})")
                for i, q in INSTRUMENTS.items()
            ),
        ):
            self.legend.addItem(data_item, name)
        item.layout.addItem(self.legend, 4, 1, alignment=Qt.AlignmentFlag.AlignHCenter)
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
                brush=pg.mkBrush(*BAND_FILLS[i % len(BAND_FILLS)]),
                pen=pg.mkPen(None),
            )
            region.setZValue(-10)
            view.addItem(region, ignoreBounds=True)
            self.band_regions.append(region)
            label = pg.TextItem(
                f"{INSTRUMENTS[BANDS_INSTRUMENT].short_title} {band}",
                color=BAND_TEXT_COLOUR,
                anchor=(1.0, 0.5),
                fill=pg.mkBrush(255, 255, 255, 150),
            )
            label.setFont(font)
            label.setZValue(-5)
            view.addItem(label, ignoreBounds=True)
            label.setPos(0.0, (low + high) / 2)
            self.band_labels.append(label)

        self._scores: dict[str, pg.PlotDataItem] = {}
        fallback = list(SCORE_STYLES.values())[-1]
        for instrument_id in INSTRUMENTS:
            colour, symbol, style = SCORE_STYLES.get(instrument_id, fallback)
            data_item = pg.PlotDataItem(
                antialias=True,
                pen=pg.mkPen(colour, width=1.5, style=style),
                symbol=symbol,
                symbolSize=9,
                symbolPen=pg.mkPen(colour),
                symbolBrush=pg.mkBrush(colour + "cc"),
            )
            view.addItem(data_item)
            self._scores[instrument_id] = data_item

        self._view.sigResized.connect(self._sync_scores_view)
        self._view.sigXRangeChanged.connect(self._place_band_labels)
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
        self._anxiety.setData(series.anxiety_x, series.anxiety_y)
        self._induction.setData(*_pairs(series.induction_x, *MARKER_SPAN))
        self._booster.setData(*_pairs(series.booster_x, *MARKER_SPAN))
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
        self.set_range_preset(self._preset)

    def set_anxiety_visible(self, visible: bool) -> None:
        """Show or hide the anxiety line; it shares the left 0–10 axis with mood."""
        self._anxiety.setVisible(visible)
        axis_label(
            self.plot.getPlotItem(),
            "left",
            MOOD_AND_ANXIETY_AXIS_LABEL if visible else MOOD_AXIS_LABEL,
        )
        if self.anxiety_checkbox.isChecked() != visible:
            self.anxiety_checkbox.setChecked(visible)
        self.legend.update()

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
        for phase, data_item in (("induction", self._induction), ("booster", self._booster)):
            x, _y = data_item.getOriginalDataset()
            counts[phase] = 0 if x is None else len(x) // 2
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

        # Items hidden from the legend are not described either.
        if self._mood.isVisible() and (hit := nearest(s.mood_x, s.mood_y)):
            i, dist = hit
            found.append(
                _Candidate(
                    dist,
                    (
                        f"{format_day(s.mood_days[i])} — mood {format_score(float(s.mood_y[i]))} "
                        f"({_entries(int(s.mood_counts[i]))}); "
                        f"7-day mean {format_score(float(s.mean7_y[i]))}"
                    ),
                )
            )
        if self.anxiety_visible() and (hit := nearest(s.anxiety_x, s.anxiety_y)):
            i, dist = hit
            found.append(
                _Candidate(
                    dist,
                    (
                        f"{format_day(s.anxiety_days[i])} — anxiety "
                        f"{format_score(float(s.anxiety_y[i]))} (10 = worst; "
                        f"{_entries(int(s.anxiety_counts[i]))})"
                    ),
                )
            )
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


__all__ = ["RANGE_PRESETS", "TrendsChart"]
