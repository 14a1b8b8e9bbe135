"""P4 and P5 chart figures: first paint and pan/zoom repaint, chart against a bare PlotWidget.

A worker process draws one widget, given a pickled :class:`TrendSeries`:

* ``--kind chart``: ketajournal's ``TrendsChart`` (``set_series``, then the range
  preset, as TrendsView does);
* ``--kind bare``: a bare ``pyqtgraph.PlotWidget`` given the same arrays the chart
  draws (mood points, 7-day mean, anxiety, session segments, side effects, red flags,
  PHQ-9 and GAD-7 totals), default styles, no legend, axes or second view of ours;
* ``--kind floor``: the same bare widget, every item with pyqtgraph's peak
  downsampling (``autoDownsample``) and ``clipToView`` — the P5 floor.

One widget per process (creating and closing many PlotWidgets in one process has
crashed Python here), after a tiny PlotWidget has been painted once so both sides
start with pyqtgraph and the paint engine warm. Times:

* ``first_paint``: from creating the widget to the end of the first paint of its
  plot viewport (both sides the same size, 1100×600, the same x range);
* ``panzoom``: one step = a pan (±10 % of the width) or a zoom (×0.8 / ×1.25)
  through ``ViewBox.setXRange`` until the viewport has painted, at each of
  ``--ranges`` (the chart's presets, e.g. ``90d,all``).

Prints ``RESULT {json}``. Used by ``python -m benchmarks.run``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import emit

DAY = 86_400.0
SIZE = (1100, 600)


def x_range(series: Any, preset: str) -> tuple[float, float]:
    """The x range the chart shows for a preset (as ``TrendsChart.set_range_preset``)."""
    from ketajournal.charts.trends import RANGE_PRESETS

    span = series.x_span()
    days = RANGE_PRESETS[preset][2]
    start = span[0] if days is None else span[1] - days * DAY
    return start, span[1] + DAY / 2


class PaintWatch:
    """Counts paint events of one widget; ``wait()`` runs the loop until the next one."""

    def __init__(self, app: Any, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            count = 0

            def eventFilter(self, obj: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    self.count += 1
                return False

        self.app = app
        self.filter = Filter()
        widget.installEventFilter(self.filter)

    def wait(self, seen: int, timeout: float = 30.0) -> None:
        """Process events until more than ``seen`` paints happened (and returned)."""
        from PySide6.QtCore import QEventLoop

        deadline = time.perf_counter() + timeout
        while self.filter.count <= seen:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if time.perf_counter() > deadline:
                raise RuntimeError("the widget did not paint")

    def settle(self, seconds: float = 0.3) -> None:
        """Run the loop for a while (a range change that moved nothing paints nothing)."""
        from PySide6.QtCore import QEventLoop

        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    @property
    def count(self) -> int:
        return self.filter.count


def bare_widget(series: Any, downsample: bool) -> Any:
    """A bare PlotWidget with the arrays the chart draws."""
    import numpy as np
    import pyqtgraph as pg

    from ketajournal.charts.trend_parts import MARKER_SPAN, SIDE_EFFECT_Y, marker_pairs

    widget = pg.PlotWidget()
    s = series
    items = [
        widget.plot(s.mood_x, s.mood_y, pen=None, symbol="o"),
        widget.plot(s.mood_x, s.mean7_y),
        widget.plot(s.anxiety_x, s.anxiety_y),
        widget.plot(*marker_pairs(s.induction_x, *MARKER_SPAN), connect="pairs"),
        widget.plot(*marker_pairs(s.booster_x, *MARKER_SPAN), connect="pairs"),
    ]
    flags = s.side_effect_red_flag
    for xs in (s.side_effect_x[~flags], s.side_effect_x[flags]):
        items.append(widget.plot(xs, np.full(xs.size, SIDE_EFFECT_Y), pen=None, symbol="t"))
    for score in s.scores:
        items.append(widget.plot(score.x, score.totals / 2.7, symbol="d"))
    if downsample:
        # After adding: PlotWidget.plot(clipToView=True) trips over pyqtgraph 0.14's
        # view lookup while the item is being added.
        for item in items:
            item.setDownsampling(auto=True, method="peak")
            item.setClipToView(True)
    return widget


def run(series_path: Path, kind: str, presets: list[str], steps: int) -> dict[str, Any]:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    warm = pg.PlotWidget()
    warm.plot([0.0, 1.0, 2.0], [1.0, 3.0, 2.0], symbol="o")
    warm.resize(200, 150)
    warm.show()
    watch = PaintWatch(app, warm.viewport())
    watch.wait(0)
    warm.hide()
    series = pickle.loads(series_path.read_bytes())
    first, last = x_range(series, "90d")

    start = time.perf_counter()
    if kind == "chart":
        from ketajournal.charts.trends import TrendsChart

        widget = TrendsChart()
        widget.set_series(series)
        widget.set_range_preset("90d")
        plot, view = widget.plot, widget.plot.getPlotItem().getViewBox()
    else:
        widget = bare_widget(series, downsample=kind == "floor")
        plot, view = widget, widget.getPlotItem().getViewBox()
        view.setXRange(first, last, padding=0)
    widget.resize(*SIZE)
    watch = PaintWatch(app, plot.viewport())
    widget.show()
    watch.wait(0)
    first_paint = time.perf_counter() - start

    panzoom: dict[str, list[float]] = {}
    for preset in presets:
        if kind == "chart":
            widget.set_range_preset(preset)
        else:
            view.setXRange(*x_range(series, preset), padding=0)
        watch.settle()
        times = []
        for step in range(steps):
            (x0, x1), _y = view.viewRange()
            width = x1 - x0
            move = step % 4
            if move == 0:
                x0, x1 = x0 - 0.1 * width, x1 - 0.1 * width
            elif move == 1:
                x0, x1 = x0 + 0.1 * width, x1 + 0.1 * width
            else:
                factor = 0.8 if move == 2 else 1.25
                mid = (x0 + x1) / 2
                x0, x1 = mid - width * factor / 2, mid + width * factor / 2
            seen = watch.count
            t = time.perf_counter()
            view.setXRange(x0, x1, padding=0)
            watch.wait(seen)
            times.append((time.perf_counter() - t) * 1000)
        panzoom[preset] = times
    return {
        "first_paint_ms": first_paint * 1000,
        "panzoom_ms": panzoom,
        "points": int(series.mood_x.size),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=Path, required=True)
    parser.add_argument("--kind", choices=("chart", "bare", "floor"), required=True)
    parser.add_argument("--ranges", default="90d,all",
                        help="comma-separated presets to pan and zoom at (30d, 90d, 1y, all)")
    parser.add_argument("--steps", type=int, default=24)
    args = parser.parse_args()
    emit(run(args.series, args.kind, args.ranges.split(","), args.steps))


if __name__ == "__main__":
    main()
