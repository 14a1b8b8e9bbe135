"""The charts' shared look: calendar ticks at local midnight, cached."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from ketajournal.charts import style


def test_calendar_ticks_sit_at_local_midnight_and_are_cached() -> None:
    from datetime import date

    style.calendar_ticks.cache_clear()
    first, last = date(2026, 8, 25).toordinal(), date(2026, 11, 26).toordinal()
    levels = style.calendar_ticks(first, last, "day", 5)
    months, days = levels
    assert [label for _x, label in months[1]] == ["Sep 2026", "Oct 2026", "Nov 2026"]
    assert months[1][0][0] == datetime(2026, 9, 1).timestamp()
    day_labels = [label for _x, label in days[1]]
    # Every 5th day, but not within 5 days of a month's label (the 5th, the 30th).
    assert day_labels[:4] == ["25", "10", "15", "20"]
    assert "30" not in day_labels  # too close to the next month's label
    assert style.calendar_ticks(first, last, "day", 5) is levels
    assert style.calendar_ticks.cache_info().hits == 1
    years = style.calendar_ticks(date(2016, 3, 1).toordinal(), last, "year", 2)
    assert [label for _x, label in years[0][1]] == ["2018", "2020", "2022", "2024", "2026"]
    months_level = style.calendar_ticks(date(2025, 11, 15).toordinal(), last, "month", 3)
    assert [label for _x, label in months_level[0][1]] == ["2026"]
    assert [label for _x, label in months_level[1][1]] == ["Apr", "Jul", "Oct"]


# -- HiDPI: lines as thick on a 200 % screen as on a 100 % one ------------------------------

#: Draws a Trends chart with a flat 7-day mean at 5 and a side effect, and prints the
#: mean's pen width, the grab's pixel ratio, how many device pixels tall the mean line is
#: in the middle, and how many device pixels wide the side effect's triangle is.
RENDER_MEAN = """
from datetime import date
import numpy as np
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ketajournal.charts.trends import TrendsChart
from ketajournal.domain.series import TrendSeries
from ketajournal.palette import LIGHT
chart = TrendsChart()
chart.resize(600, 400)
chart.show()
days = 86400.0 * np.arange(20) + 1.79e9
chart.set_series(TrendSeries(
    mood_x=days, mood_y=np.full(20, 5.0), mean7_y=np.full(20, 5.0),
    mood_days=tuple(date.fromtimestamp(x) for x in days),
    side_effect_x=days[10:11], side_effect_severity=np.array([3.0]),
    side_effect_red_flag=np.array([False]), side_effect_labels=("Nausea",),
))
chart.set_range_preset("all")
for _ in range(5):
    app.processEvents()
image = chart.plot.grab().toImage()
column = image.width() // 2
mean = [y for y in range(image.height()) if image.pixelColor(column, y).name() == LIGHT.mean]
# Only the plotted area: the legend below it has a sample of the same triangle.
view = chart.plot.getPlotItem().getViewBox().sceneBoundingRect()
bottom = int(view.bottom() * image.devicePixelRatio())
marker = {
    x for x in range(image.width()) for y in range(min(bottom, image.height()))
    if image.pixelColor(x, y).name() == LIGHT.side_effect
}
print(chart.item_style("mean").width, image.devicePixelRatio(), len(mean), len(marker))
"""


def _render_mean(scale: str) -> tuple[float, float, int, int]:
    import os
    import subprocess
    import sys

    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    environment.pop("KETAJOURNAL_COLOR_SCHEME", None)
    done = subprocess.run(
        [sys.executable, "-c", RENDER_MEAN], env=environment, capture_output=True,
        text=True, timeout=120, check=True,
    )
    width, ratio, rows, marker = done.stdout.split()
    return float(width), float(ratio), int(rows), int(marker)


@pytest.mark.slow
def test_chart_lines_scale_with_the_device_pixel_ratio() -> None:
    width_1, ratio_1, rows_1, marker_1 = _render_mean("1")
    width_2, ratio_2, rows_2, marker_2 = _render_mean("2")
    assert (ratio_1, ratio_2) == (1.0, 2.0)
    assert (width_1, width_2) == (3.0, 6.0)  # cosmetic pens are device pixels wide
    assert rows_1 == 3 and rows_2 == 6  # so the line looks as thick at 200 %
    assert marker_1 >= 8 and 2 * marker_1 - 2 <= marker_2 <= 2 * marker_1 + 2


def test_a_chart_multiplies_its_line_widths_by_the_scale(qtbot: QtBot) -> None:
    from ketajournal.charts.trends import TrendsChart
    from ketajournal.palette import LIGHT

    chart = TrendsChart()
    qtbot.addWidget(chart)
    chart.restyle(LIGHT, 2.0)
    assert chart.item_style("mean").width == 6.0
    assert chart.item_style("induction").width == 2.0
    assert chart.legend_pen_style("mean").width == 6.0
    chart.restyle(LIGHT, 1.0)
    assert chart.item_style("mean").width == 3.0
