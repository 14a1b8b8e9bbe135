"""The PDF's chart page: the mood trend and the booster response curves, as vector drawings.

Drawn with ``reportlab.graphics`` from the finished series in the report model (the
same definitions as the Trends and Boosters screens); nothing here computes a series.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Group,
    Line,
    Polygon,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from ketajournal.domain.dates import format_short_date, month_abbreviation
from ketajournal.domain.locales import number
from ketajournal.language import gettext as _
from ketajournal.palette import (
    PDF_BASELINE,
    PDF_BOOSTER,
    PDF_CHART_GRID,
    PDF_INDUCTION,
    PDF_MEAN,
    PDF_MOOD,
    PDF_PAPER,
    PDF_PHQ9,
    age_opacities,
)
from ketajournal.reports.model import CurvesData, Report, TrendData
from ketajournal.reports.numbers import format_mood
from ketajournal.reports.pdf.look import (
    FRAME_WIDTH,
    GRID,
    INK,
    MUTED,
    RED,
    SANS,
    definition_paragraphs,
    para,
)

CHART_GRID = colors.HexColor(PDF_CHART_GRID)
PAPER = colors.HexColor(PDF_PAPER)
MOOD_COLOUR = colors.HexColor(PDF_MOOD)
MEAN_COLOUR = colors.HexColor(PDF_MEAN)
INDUCTION_COLOUR = colors.HexColor(PDF_INDUCTION)
BOOSTER_COLOUR = colors.HexColor(PDF_BOOSTER)
PHQ_COLOUR = colors.HexColor(PDF_PHQ9)
BASELINE_COLOUR = colors.HexColor(PDF_BASELINE)
THRESHOLD_COLOUR = RED

CHART_WIDTH = FRAME_WIDTH
CHART_HEIGHT = 228.0
PLOT_LEFT = 40.0
PLOT_RIGHT = 40.0
PLOT_BOTTOM = 30.0
PLOT_TOP = 8.0
AXIS_FONT = 8.5
LEGEND_FONT = 9.0


def chart_page(report: Report) -> list[Flowable]:
    """The chart page: the mood trend and the response curves, their legends and definitions."""
    trend = report.charts.trend
    curves = report.charts.curves
    out: list[Flowable] = [
        para(_("Mood over the period"), "h1"),
        trend_drawing(trend, report.summary.mood.baseline_level),
        _legend(_trend_legend(trend, report.summary.mood.baseline_level)),
    ]
    out.extend(definition_paragraphs(trend.definitions))
    out.append(Spacer(1, 8))
    out.append(CondPageBreak(CHART_HEIGHT + 60))
    out.append(para(_("Booster response curves"), "h1"))
    out.append(response_drawing(curves))
    out.append(_legend(_curves_legend(curves)))
    out.extend(definition_paragraphs(curves.definitions))
    return out


@dataclass(frozen=True)
class _Scale:
    """A linear map from data to drawing coordinates."""

    lo: float
    hi: float
    out_lo: float
    out_hi: float

    def __call__(self, value: float) -> float:
        span = self.hi - self.lo or 1.0
        return self.out_lo + (value - self.lo) / span * (self.out_hi - self.out_lo)


def _polyline(
    xs: Sequence[float], ys: Sequence[float], colour: Any, width: float,
    dash: Sequence[float] | None = None, opacity: float = 1.0,
) -> PolyLine:
    points: list[float] = []
    for x, y in zip(xs, ys, strict=True):
        points.extend((x, y))
    line = PolyLine(points, strokeColor=colour, strokeWidth=width, strokeLineJoin=1,
                    strokeLineCap=1)
    if dash:
        line.strokeDashArray = list(dash)
    if opacity < 1.0:
        line.strokeOpacity = opacity
    return line


def _month_ticks(first: date, last: date, width: float) -> list[tuple[date, str]]:
    """Tick days and labels for the time axis, at least ~48 pt apart."""
    days = (last - first).days + 1
    if days <= 70:
        step = 7 if days > 21 else (2 if days > 8 else 1)
        ticks = []
        day = first
        if step == 7:
            day = first + timedelta(days=(7 - first.weekday()) % 7)  # Mondays
        while day <= last:
            ticks.append((day, format_short_date(day)))
            day += timedelta(days=step)
        return ticks
    months = days / 30.44
    every = next((n for n in (1, 2, 3, 4, 6, 12) if width / (months / n) >= 48), None)
    if every is None:  # many years: the first of January of every k-th year
        years = days / 365.25
        k = next(n for n in itertools.count(1) if width / (years / n) >= 48)
        return [(date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1)
                if y % k == 0]
    ticks = []
    year, month = first.year, first.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = date(year, month, 1)
        if day > last:
            break
        if (month - 1) % every == 0:
            label = month_abbreviation(month)
            if month == 1 or not ticks:
                label = f"{label} {year}"
            ticks.append((day, label))
    return ticks


def _axis_text(x: float, y: float, text: str, anchor: str = "middle",
               size: float = AXIS_FONT, colour: Any = MUTED) -> String:
    return String(x, y, text, fontName=SANS, fontSize=size, fillColor=colour,
                  textAnchor=anchor)


def _frame(drawing: Drawing, left: float, bottom: float, right: float, top: float) -> None:
    drawing.add(Rect(left, bottom, right - left, top - bottom, strokeColor=GRID,
                     strokeWidth=0.6, fillColor=None))


def _mood_axis(drawing: Drawing, y: _Scale, left: float, right: float, title: str) -> None:
    for value in range(0, 11, 2):
        yy = y(value)
        drawing.add(Line(left, yy, right, yy, strokeColor=CHART_GRID,
                         strokeWidth=0.5))
        drawing.add(_axis_text(left - 4, yy - 3, str(value), anchor="end"))
    label = _axis_text(0, 0, title, size=AXIS_FONT + 0.5, colour=INK)
    drawing.add(_rotated(label, 10, (y.out_lo + y.out_hi) / 2))


def _rotated(string: String, x: float, y: float) -> Group:
    group = Group(string)
    group.transform = (0, 1, -1, 0, x, y)
    return group


def trend_drawing(trend: TrendData, baseline: float | None) -> Drawing:
    """The Trends chart: daily mood, 7-day mean, sessions, PHQ-9 on the right axis."""
    drawing = Drawing(CHART_WIDTH, CHART_HEIGHT)
    left, right = PLOT_LEFT, CHART_WIDTH - PLOT_RIGHT
    bottom, top = PLOT_BOTTOM, CHART_HEIGHT - PLOT_TOP
    first, last = trend.start.toordinal(), trend.end.toordinal() + 1
    x = _Scale(first, last, left, right)
    y = _Scale(-0.3, 10.3, bottom, top)
    _frame(drawing, left, bottom, right, top)
    _mood_axis(drawing, y, left, right, _("Mood (0–10, 10 = best)"))

    for day, label in _month_ticks(trend.start, trend.end, right - left):
        xx = x(day.toordinal())
        drawing.add(Line(xx, bottom, xx, bottom - 3, strokeColor=MUTED, strokeWidth=0.6))
        drawing.add(_axis_text(xx, bottom - 12, label))

    if baseline is not None:
        drawing.add(Line(left, y(baseline), right, y(baseline), strokeColor=BASELINE_COLOUR,
                         strokeWidth=1, strokeDashArray=[1.5, 2]))

    for session in trend.sessions:
        xx = x(session.day.toordinal() + 0.5)
        booster = session.phase == "Booster"
        marker = Line(xx, bottom, xx, top,
                      strokeColor=BOOSTER_COLOUR if booster else INDUCTION_COLOUR,
                      strokeWidth=0.8, strokeDashArray=[3, 2] if booster else None)
        marker.strokeOpacity = 0.6
        drawing.add(marker)

    # Unchanged from when the writer sliced the period itself: with entries only in the
    # days before the period, the plot is left empty without the "No mood entries" note.
    if trend.mood_days or trend.context_days:
        xs = [x(day.toordinal() + 0.5) for day in trend.mood_days]
        values, mean7 = trend.mood_values, trend.mean7_values
        for a, b in trend.mood_runs:
            if b - a > 1:
                drawing.add(_polyline(xs[a:b], [y(v) for v in values[a:b]], MOOD_COLOUR, 0.8))
        if len(xs) <= 120:
            for xx, v in zip(xs, values, strict=True):
                drawing.add(Circle(xx, y(v), 1.4, fillColor=MOOD_COLOUR, strokeColor=None))
        for a, b in trend.mean7_runs:
            drawing.add(_polyline(xs[a:b], [y(v) for v in mean7[a:b]], MEAN_COLOUR, 2.0))
    else:
        drawing.add(_axis_text((left + right) / 2, (bottom + top) / 2,
                               _("No mood entries in this period"), size=10))

    phq = next((s for s in trend.scores if s.instrument_id == "phq9"), None)
    if phq is not None and phq.points:
        scale = _Scale(-0.3 * phq.max_total / 10, phq.max_total * 1.03, bottom, top)
        for value in range(0, phq.max_total + 1, 5):
            yy = scale(value)
            drawing.add(Line(right, yy, right + 3, yy, strokeColor=PHQ_COLOUR, strokeWidth=0.6))
            drawing.add(_axis_text(right + 5, yy - 3, str(value), anchor="start",
                                   colour=PHQ_COLOUR))
        xs = [x(p.day.toordinal() + 0.5) for p in phq.points]
        ys = [scale(p.total) for p in phq.points]
        if len(xs) > 1:
            drawing.add(_polyline(xs, ys, PHQ_COLOUR, 0.9, opacity=0.75))
        for xx, yy in zip(xs, ys, strict=True):
            drawing.add(Polygon([xx, yy + 3.2, xx + 3.2, yy, xx, yy - 3.2, xx - 3.2, yy],
                                fillColor=PHQ_COLOUR, strokeColor=PAPER,
                                strokeWidth=0.4))
        label = _axis_text(0, 0, _("{instrument} total (0–{maximum})").format(
            instrument=phq.short_title, maximum=phq.max_total),
                           size=AXIS_FONT + 0.5, colour=PHQ_COLOUR)
        drawing.add(_rotated(label, CHART_WIDTH - 4, (bottom + top) / 2))
    return drawing


def response_drawing(curves: CurvesData) -> Drawing:
    """The response curves: daily mood against days after each session, the median, T."""
    drawing = Drawing(CHART_WIDTH, CHART_HEIGHT)
    left, right = PLOT_LEFT, CHART_WIDTH - 14
    bottom, top = PLOT_BOTTOM, CHART_HEIGHT - PLOT_TOP
    longest = max(curves.longest_offset, 14)
    x = _Scale(0, longest + 1, left, right)
    y = _Scale(-0.3, 10.3, bottom, top)
    _frame(drawing, left, bottom, right, top)
    _mood_axis(drawing, y, left, right, _("Daily mood (0–10, 10 = best)"))
    for day in range(0, longest + 1, 7):
        xx = x(day)
        drawing.add(Line(xx, bottom, xx, bottom - 3, strokeColor=MUTED, strokeWidth=0.6))
        drawing.add(_axis_text(xx, bottom - 12, str(day)))
    drawing.add(_axis_text((left + right) / 2, 2, _("Days after the session"), size=AXIS_FONT + 0.5,
                           colour=INK))

    for phase_is_booster in (False, True):
        of_phase = [c for c in curves.curves if c.is_booster is phase_is_booster]
        for curve, alpha in zip(of_phase, age_opacities(len(of_phase)), strict=True):
            if len(curve.offsets) < 2:
                continue
            drawing.add(_polyline(
                [x(k) for k in curve.offsets], [y(v) for v in curve.values],
                BOOSTER_COLOUR if phase_is_booster else INDUCTION_COLOUR,
                1.3 if phase_is_booster else 1.5,
                dash=None if phase_is_booster else [1.2, 2.2],
                opacity=alpha,
            ))
    if len(curves.median_offsets) > 1:
        drawing.add(_polyline([x(k) for k in curves.median_offsets],
                              [y(v) for v in curves.median_values], MEAN_COLOUR, 2.6))
    if curves.threshold is not None:
        yy = y(curves.threshold)
        drawing.add(Line(left, yy, right, yy, strokeColor=THRESHOLD_COLOUR, strokeWidth=1.3,
                         strokeDashArray=[5, 3]))
        threshold = number(f"{curves.threshold:.2f}")
        drawing.add(_axis_text(right - 3, yy + 4, f"T = {threshold}", anchor="end",
                               size=9, colour=THRESHOLD_COLOUR))
    if not curves.curves:
        drawing.add(_axis_text((left + right) / 2, (bottom + top) / 2,
                               _("No session cycles to show"), size=10))
    return drawing


@dataclass(frozen=True)
class _LegendItem:
    label: str
    colour: Any
    width: float = 1.5
    dash: tuple[float, ...] | None = None
    marker: bool = False
    opacity: float = 1.0


def _trend_legend(trend: TrendData, baseline: float | None) -> list[_LegendItem]:
    items = [_LegendItem(_("Daily mood"), MOOD_COLOUR, 0.9),
             _LegendItem(_("7-day mean"), MEAN_COLOUR, 2.0)]
    phases = {s.phase for s in trend.sessions}
    if "Induction" in phases:
        items.append(_LegendItem(_("Induction session"), INDUCTION_COLOUR, 1.0))
    if "Booster" in phases:
        items.append(_LegendItem(_("Booster session"), BOOSTER_COLOUR, 1.0, (3, 2)))
    if baseline is not None:
        items.append(_LegendItem(
            _("Baseline level B ({level})").format(level=format_mood(baseline)), BASELINE_COLOUR,
                                 1.0, (1.5, 2)))
    if any(s.points for s in trend.scores if s.instrument_id == "phq9"):
        items.append(_LegendItem(_("PHQ-9 total (right axis)"), PHQ_COLOUR, 0.9, marker=True))
    return items


def _curves_legend(curves: CurvesData) -> list[_LegendItem]:
    items = []
    if any(c.is_booster for c in curves.curves):
        items.append(_LegendItem(_("Booster cycle (older fainter)"), BOOSTER_COLOUR, 1.3))
    if any(not c.is_booster for c in curves.curves):
        items.append(_LegendItem(_("Induction cycle"), INDUCTION_COLOUR, 1.5, (1.2, 2.2)))
    if len(curves.median_offsets) > 1:
        items.append(_LegendItem(
            _("Median of {n} booster cycles").format(n=curves.median_cycle_count),
                                 MEAN_COLOUR, 2.6))
    if curves.threshold is not None:
        items.append(_LegendItem(_("Threshold T"), THRESHOLD_COLOUR, 1.3, (5, 3)))
    return items


def _legend(items: Sequence[_LegendItem]) -> Drawing:
    """Swatches and labels in rows, as a drawing the width of the frame."""
    row_height = 13.0
    swatch = 20.0
    positions: list[tuple[float, int]] = []
    x_pos, row = 0.0, 0
    for item in items:
        width = swatch + 5 + pdfmetrics.stringWidth(item.label, SANS, LEGEND_FONT) + 16
        if x_pos + width > CHART_WIDTH and x_pos > 0:
            x_pos, row = 0.0, row + 1
        positions.append((x_pos, row))
        x_pos += width
    rows = (positions[-1][1] + 1) if positions else 0
    drawing = Drawing(CHART_WIDTH, rows * row_height + 4)
    for item, (x0, r) in zip(items, positions, strict=True):
        yy = drawing.height - (r + 1) * row_height + 5
        drawing.add(_polyline([x0 + PLOT_LEFT, x0 + PLOT_LEFT + swatch], [yy + 3, yy + 3],
                              item.colour, item.width, item.dash, item.opacity))
        if item.marker:
            cx = x0 + PLOT_LEFT + swatch / 2
            drawing.add(Polygon([cx, yy + 6, cx + 3, yy + 3, cx, yy, cx - 3, yy + 3],
                                fillColor=item.colour, strokeColor=None))
        drawing.add(String(x0 + PLOT_LEFT + swatch + 5, yy, item.label, fontName=SANS,
                           fontSize=LEGEND_FONT, fillColor=INK))
    return drawing


__all__ = ["chart_page", "response_drawing", "trend_drawing"]
