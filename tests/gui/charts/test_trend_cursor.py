"""The Trends chart from the keyboard: arrow keys step through the mood points."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ketajournal.charts.trends import TrendsChart
from ketajournal.domain.models import MoodEntry, Phase, Route, Session
from ketajournal.domain.series import build_trend_series
from ketajournal.palette import DARK

ZONE = timezone(timedelta(hours=1))


def chart_with_days(qtbot: QtBot) -> TrendsChart:
    moods = [MoodEntry(at=datetime(2026, 11, day, 20, tzinfo=ZONE), mood=day % 11)
             for day in range(1, 21)]
    session = Session(at=datetime(2026, 11, 20, 10, tzinfo=ZONE), route=Route.IV,
                      phase=Phase.BOOSTER)
    chart = TrendsChart()
    qtbot.addWidget(chart)
    chart.resize(800, 500)
    chart.set_series(build_trend_series(moods, [session], []))
    chart.set_range_preset("all")
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def test_arrow_keys_step_through_the_points_and_read_each_out(qtbot: QtBot) -> None:
    chart = chart_with_days(qtbot)
    cursor = chart.point_cursor
    plot = chart.plot
    assert plot.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert cursor.index is None and plot.accessibleDescription().startswith("Daily mood")

    said: list[str] = []
    cursor.moved.connect(said.append)
    QTest.keyClick(plot, Qt.Key.Key_End)
    assert cursor.index == 19
    # The newest day: mood 20 % 11 = 9; the days 14–20 had 3 … 9, mean 6.
    assert said[-1] == "Fri 20 Nov 2026: mood 9, 7-day mean 6; booster session"
    assert plot.accessibleDescription() == said[-1]
    assert cursor.ring.data["x"].tolist() == [chart.series.mood_x[19]]

    QTest.keyClick(plot, Qt.Key.Key_Left)
    assert cursor.index == 18 and said[-1].startswith("Thu 19 Nov 2026: mood 8")
    QTest.keyClick(plot, Qt.Key.Key_PageUp)
    assert cursor.index == 11
    QTest.keyClick(plot, Qt.Key.Key_Home)
    assert cursor.index == 0 and said[-1].startswith("Sun 1 Nov 2026: mood 1, 7-day mean 1")
    QTest.keyClick(plot, Qt.Key.Key_Left)  # stays at the first
    assert cursor.index == 0
    assert len(said) == 5


def test_the_view_pans_to_the_chosen_point(qtbot: QtBot) -> None:
    chart = chart_with_days(qtbot)
    view = chart.plot.getPlotItem().getViewBox()
    x = chart.series.mood_x
    view.setXRange(x[15], x[19], padding=0)
    QTest.keyClick(chart.plot, Qt.Key.Key_Home)
    (x0, x1), _y = view.viewRange()
    assert x0 <= x[0] <= x1


def test_the_ring_follows_the_colour_scheme_and_other_keys_pass(qtbot: QtBot) -> None:
    chart = chart_with_days(qtbot)
    chart.restyle(DARK, 2.0)
    pen = chart.point_cursor.ring.opts["pen"]
    assert pen.color().name() == DARK.chart_text and pen.widthF() == 4.0
    assert not chart.point_cursor.step(Qt.Key.Key_A)
