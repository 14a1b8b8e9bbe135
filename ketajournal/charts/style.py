"""The look every chart shares: the palette's plot background, readable axes, 10 pt ticks,
restyled live when the colour scheme or the device pixel ratio changes, and a cheap
calendar axis for dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import QToolTip, QWidget

from ketajournal.domain import locales
from ketajournal.domain.dates import format_month_year, month_abbreviation
from ketajournal.palette import Palette, screen

AXIS_LABEL_SIZE = {"font-size": "11pt"}
#: Mood-scale ticks: labels on even values, unlabelled minor ticks on odd ones.
SCORE_TICKS = [[(v, str(v)) for v in range(0, 11, 2)], [(v, "") for v in range(1, 10, 2)]]

DAY_SECONDS = 86_400.0
#: Steps tried at each calendar level, finest first: days, months, years between labels.
DAY_STEPS = (1, 2, 5)
MONTH_STEPS = (1, 2, 3, 6)
YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)
#: Free pixels between two tick labels.
LABEL_GAP_PX = 12
#: How far a calendar axis lets its view pan or zoom out (local midnight, 1 Jan).
CALENDAR_YEARS = (1900, 2200)

Tick = tuple[float, str]
TickLevel = tuple[float, tuple[Tick, ...]]


def styled_plot(name: str, description: str, **options: Any) -> pg.PlotWidget:
    """A PlotWidget on the chart background, with an accessible name and description,
    menus and buttons off."""
    plot = pg.PlotWidget(background=screen().chart_background, **options)
    plot.setAccessibleName(name)
    plot.setAccessibleDescription(description)
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    return plot


def style_axes(item: pg.PlotItem, names: tuple[str, ...]) -> None:
    """Pens in the chart's text colour and 10 pt tick labels on the named axes."""
    font = QFont()
    font.setPointSize(10)
    for name in names:
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(screen().chart_text))
        axis.setTextPen(pg.mkPen(screen().chart_text))
        axis.setTickFont(font)


def axis_label(item: pg.PlotItem, side: str, text: str) -> None:
    """An axis title in the shared colour and size."""
    item.setLabel(side, text, color=screen().chart_text, **AXIS_LABEL_SIZE)


def restyle_plot(
    plot: pg.PlotWidget, palette: Palette, scale: float, axes: tuple[str, ...]
) -> None:
    """The plot's background, and the named axes' lines, ticks and titles, in ``palette``;
    axis lines ``scale`` (the device pixel ratio) pixels wide."""
    plot.setBackground(palette.chart_background)
    item = plot.getPlotItem()
    for name in axes:
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(palette.chart_text, width=scale))
        axis.setTextPen(pg.mkPen(palette.chart_text))
        if axis.labelText:
            axis.labelStyle = {**axis.labelStyle, "color": palette.chart_text}
            axis.label.setHtml(axis.labelString())


def restyle_legend(legend: pg.LegendItem, palette: Palette) -> None:
    """The legend's labels in the chart's text colour (written again, so they repaint)."""
    legend.setLabelTextColor(palette.chart_text)
    for _sample, label in legend.items:
        label.setText(label.text)


class ChartWidget(QWidget):
    """A chart that draws with the window's palette and the screen's pixel ratio.

    :meth:`restyle` is called once the subclass calls :meth:`follow_looks` at the end
    of its construction, and again whenever the palette (a colour-scheme switch, see
    ``ui/appearance.py``) or the device pixel ratio (a move to another screen) changes.
    """

    _looks: tuple[Palette, float] | None = None

    def restyle(self, palette: Palette, scale: float) -> None:
        """Give every item its colours from ``palette`` and line widths times ``scale``."""
        raise NotImplementedError

    def follow_looks(self) -> None:
        """Restyle if the palette or the pixel ratio differs from what was drawn."""
        looks = (screen(), self.devicePixelRatioF())
        if looks != self._looks:
            self._looks = looks
            self.restyle(*looks)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.DevicePixelRatioChange,
        ):
            self.follow_looks()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.follow_looks()  # shown on a screen whose pixel ratio may differ


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


def _midnight(day: date) -> float:
    """Local midnight at the start of ``day``, in epoch seconds (as the system zone has it)."""
    return datetime(day.year, day.month, day.day).timestamp()


def _month_starts(first: date, last: date) -> list[date]:
    month = date(first.year, first.month, 1)
    starts = []
    while month <= last:
        starts.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return starts


def _days_in_month(day: date) -> int:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return (following - date(day.year, day.month, 1)).days


@lru_cache(maxsize=256)
def calendar_ticks(
    first_ordinal: int, last_ordinal: int, unit: str, step: int, language: str = ""
) -> tuple[TickLevel, ...]:
    """Tick levels (spacing, ((x, label), ...)) between two local days, both included.

    ``unit`` "day": months labelled "Sep 2026", then every ``step``-th day of the month
    labelled with its number (days too close to a month start are left out);
    "month": years labelled "2026", then every ``step``-th month labelled "Sep";
    "year": every ``step``-th year. Cached (per ``language``, the locale the labels are
    written in): panning back and forth computes nothing.
    """
    first, last = date.fromordinal(first_ordinal), date.fromordinal(last_ordinal)
    months = _month_starts(first, last)
    if unit == "day":
        month_ticks = tuple(
            (_midnight(m), format_month_year(m)) for m in months if m >= first
        )
        day_ticks = []
        for ordinal in range(first_ordinal, last_ordinal + 1):
            day = date.fromordinal(ordinal)
            d = day.day
            if d - 1 < step or _days_in_month(day) + 1 - d < step:
                continue
            if step == 1 or d % step == 0:
                day_ticks.append((_midnight(day), str(d)))
        return ((30 * DAY_SECONDS, month_ticks), (step * DAY_SECONDS, tuple(day_ticks)))
    if unit == "month":
        year_ticks = tuple(
            (_midnight(m), str(m.year)) for m in months if m >= first and m.month == 1
        )
        month_ticks = tuple(
            (_midnight(m), month_abbreviation(m.month))
            for m in months
            if m >= first and m.month != 1 and (m.month - 1) % step == 0
        )
        return ((365 * DAY_SECONDS, year_ticks), (step * 30 * DAY_SECONDS, month_ticks))
    years = range(first.year + (first != date(first.year, 1, 1)), last.year + 1)
    return (
        (
            step * 365 * DAY_SECONDS,
            tuple((_midnight(date(y, 1, 1)), str(y)) for y in years if y % step == 0),
        ),
    )


class CalendarAxis(pg.AxisItem):  # type: ignore[misc]
    """A bottom axis for x in epoch seconds, ticked at local days, months or years.

    A cheaper stand-in for ``pyqtgraph.DateAxisItem``, which converts every candidate
    tick through ``QDateTime`` on every repaint. This axis picks the finest calendar
    level whose labels fit without overlapping (days with month names, months with
    years, or years), computes the ticks with :mod:`datetime` and caches them per
    range of days, so a pan step costs a dictionary look-up.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("bottom", **kwargs)
        self.enableAutoSIPrefix(False)
        self._labels: dict[float, str] = {}
        self._widths: tuple[str, tuple[float, float, float, float]] | None = None

    def linkToView(self, view: pg.ViewBox) -> None:
        """Link to ``view`` and keep it within :data:`CALENDAR_YEARS` (as DateAxisItem
        keeps its view within years 1–9999), so ticks can always be computed."""
        super().linkToView(view)
        first, last = (_midnight(date(year, 1, 1)) for year in CALENDAR_YEARS)
        view.setLimits(xMin=first, xMax=last)

    def _label_widths(self) -> tuple[float, float, float, float]:
        """Pixel widths of a day, month, month-and-year and year label, in the tick font."""
        font = self.style.get("tickFont") or QFont()
        key = font.key() + str(locales.current())
        if self._widths is None or self._widths[0] != key:
            metrics = QFontMetrics(font)
            samples = ("28", month_abbreviation(9), format_month_year(date(2026, 9, 1)), "2026")
            widths = tuple(float(metrics.horizontalAdvance(text)) for text in samples)
            self._widths = (key, (widths[0], widths[1], widths[2], widths[3]))
        return self._widths[1]

    def level_for(self, px_per_day: float) -> tuple[str, int]:
        """The calendar unit and step whose labels fit at ``px_per_day``."""
        day_w, month_w, month_year_w, year_w = self._label_widths()
        need = max(day_w, (day_w + month_year_w) / 2) + LABEL_GAP_PX
        for step in DAY_STEPS:
            if step * px_per_day >= need:
                return "day", step
        need = max(month_w, (month_w + year_w) / 2) + LABEL_GAP_PX
        for step in MONTH_STEPS:
            if step * 28 * px_per_day >= need:
                return "month", step
        for step in YEAR_STEPS:
            if step * 365 * px_per_day >= year_w + LABEL_GAP_PX:
                return "year", step
        return "year", YEAR_STEPS[-1] * 10

    def tickValues(
        self, min_val: float, max_val: float, size: float
    ) -> list[tuple[float, list[float]]]:
        self._labels = {}
        if not (max_val > min_val and size > 0):
            return []
        try:
            first = date.fromtimestamp(min_val).toordinal()
            last = date.fromtimestamp(max_val).toordinal()
        except (OverflowError, OSError, ValueError):
            return []
        unit, step = self.level_for(size / ((max_val - min_val) / DAY_SECONDS))
        try:
            levels = calendar_ticks(first, last, unit, step, str(locales.current() or ""))
        except (OverflowError, OSError, ValueError):
            return []
        for _spacing, ticks in levels:
            self._labels.update(ticks)
        return [(spacing, [x for x, _label in ticks]) for spacing, ticks in levels]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self._labels.get(v, "") for v in values]
