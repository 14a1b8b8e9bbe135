"""The Trends chart widget draws the series it is handed, once per item, and explains points."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ketajournal.charts import trends
from ketajournal.charts.series import TrendSeries, build_trend_series, format_day
from ketajournal.charts.trends import TrendsChart
from ketajournal.domain.models import MoodEntry, Phase, Session, SideEffect
from ketajournal.services.demo import generate
from tests.conftest import NOW

DAY = 86_400.0


def demo_series(days: int = 120, seed: int = 7) -> tuple[TrendSeries, list[Session]]:
    entries = generate(NOW, days=days, seed=seed).entries
    sessions = [e for e in entries if isinstance(e, Session)]
    series = build_trend_series(
        [e for e in entries if isinstance(e, MoodEntry)],
        sessions,
        [e for e in entries if isinstance(e, SideEffect)],
    )
    return series, sessions


@pytest.fixture(scope="module")
def chart(qapp: QApplication) -> Iterator[TrendsChart]:
    # One chart for the whole module: creating and closing many PlotWidgets in one
    # process has crashed Python, and the chart is built to be reused anyway.
    widget = TrendsChart()
    widget.resize(1100, 600)
    widget.show()
    qapp.processEvents()
    yield widget
    widget.close()
    widget.deleteLater()
    qapp.processEvents()


@pytest.fixture
def series(chart: TrendsChart) -> TrendSeries:
    built, _sessions = demo_series()
    chart.set_anxiety_visible(False)
    chart.set_series(built)
    chart.set_range_preset("30d")
    QApplication.processEvents()
    return built


def test_one_marker_per_session_per_phase(chart: TrendsChart) -> None:
    built, sessions = demo_series()
    chart.set_series(built)
    induction = sum(1 for s in sessions if s.phase is Phase.INDUCTION)
    booster = sum(1 for s in sessions if s.phase is Phase.BOOSTER)
    assert induction == 6
    assert booster >= 2
    assert chart.session_marker_count() == {"induction": induction, "booster": booster}


def test_new_series_updates_items_without_creating_new_ones(chart: TrendsChart) -> None:
    plot_item = chart.plot.getPlotItem()
    chart.set_series(demo_series()[0])
    items_before = list(plot_item.items)
    data_items_before = list(plot_item.listDataItems())

    shorter, _ = demo_series(days=40, seed=3)
    chart.set_series(shorter)
    chart.set_series(shorter)

    assert list(plot_item.items) == items_before
    assert list(plot_item.listDataItems()) == data_items_before
    assert len(chart.legend.items) == 7
    assert any(np.array_equal(i.getOriginalDataset()[1], shorter.mood_y) for i in data_items_before)
    assert chart.session_marker_count()["induction"] == 6


def test_empty_series_draws_nothing_and_shows_recent_days(chart: TrendsChart) -> None:
    chart.set_series(TrendSeries())
    chart.set_range_preset("90d")
    assert chart.session_marker_count() == {"induction": 0, "booster": 0}
    assert chart.visible_range_days() == pytest.approx(90.5, abs=0.01)


@pytest.mark.parametrize(("preset", "days"), [("30d", 30), ("90d", 90), ("1y", 365)])
def test_presets_show_that_many_days_ending_at_the_latest_point(
    chart: TrendsChart, series: TrendSeries, preset: str, days: int
) -> None:
    chart.set_range_preset(preset)
    assert chart.visible_range_days() == pytest.approx(days, abs=1)
    span = series.x_span()
    assert span is not None
    (_x0, x1), _y = chart.plot.getPlotItem().getViewBox().viewRange()
    assert span[1] <= x1 <= span[1] + DAY
    assert chart.range_buttons[preset].isChecked()


def test_all_preset_shows_all_data(chart: TrendsChart, series: TrendSeries) -> None:
    chart.set_range_preset("all")
    span = series.x_span()
    assert span is not None
    (x0, x1), _y = chart.plot.getPlotItem().getViewBox().viewRange()
    assert x0 <= span[0] and x1 >= span[1]
    assert chart.visible_range_days() == pytest.approx((span[1] - span[0]) / DAY, abs=1)


def test_preset_buttons_are_checkable_named_and_clickable(
    chart: TrendsChart, series: TrendSeries
) -> None:
    button = chart.range_buttons["90d"]
    assert button.isCheckable()
    assert button.accessibleName() == "Show the last 90 days"
    button.click()
    assert chart.range_preset() == "90d"
    assert chart.visible_range_days() == pytest.approx(90, abs=1)
    assert not chart.range_buttons["30d"].isChecked()


def test_presets_are_reachable_by_keyboard(
    chart: TrendsChart, series: TrendSeries, qtbot: QtBot
) -> None:
    # Like radio buttons: Tab reaches the checked preset, arrow keys move between them.
    checked = chart.range_buttons["30d"]
    assert checked.isChecked()
    assert checked.focusPolicy() & Qt.FocusPolicy.TabFocus
    chart.activateWindow()
    checked.setFocus()
    qtbot.waitUntil(checked.hasFocus)
    qtbot.keyClick(checked, Qt.Key.Key_Right)
    assert chart.range_preset() == "90d"
    assert chart.range_buttons["90d"].hasFocus()
    assert chart.visible_range_days() == pytest.approx(90, abs=1)


def test_unknown_preset_is_refused(chart: TrendsChart) -> None:
    with pytest.raises(ValueError, match="unknown range preset"):
        chart.set_range_preset("2w")


def test_describe_point_near_gives_date_and_daily_mean(
    chart: TrendsChart, series: TrendSeries
) -> None:
    i = int(np.flatnonzero(series.mood_counts == 2)[-1])  # a session day: two entries
    text = chart.describe_point_near(float(series.mood_x[i]), float(series.mood_y[i]))
    assert text is not None
    mean = series.mood_y[i]
    shown = f"{mean:.0f}" if mean == int(mean) else f"{mean:.1f}"
    assert text.startswith(f"{format_day(series.mood_days[i])} — mood {shown} ")
    assert "(daily mean of 2 entries)" in text
    assert "7-day mean" in text


def test_describe_point_near_a_session_marker_and_a_side_effect(
    chart: TrendsChart, series: TrendSeries
) -> None:
    x = float(series.booster_x[-1])
    text = chart.describe_point_near(x, 0.3)
    assert text is not None
    assert text.startswith("Booster session — ")
    effect = chart.describe_point_near(float(series.side_effect_x[-1]), -0.6)
    assert effect == series.side_effect_labels[-1]


class RecordingToolTip:
    """Stands in for QToolTip: the offscreen platform warns when a tooltip is raised."""

    shown: ClassVar[list[str]] = []

    @classmethod
    def showText(cls, _pos: QPoint, text: str, _widget: QWidget | None = None) -> None:
        cls.shown.append(text)

    @classmethod
    def hideText(cls) -> None:
        cls.shown.append("")


def test_hovering_a_point_shows_its_tooltip(
    chart: TrendsChart, series: TrendSeries, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(trends, "QToolTip", RecordingToolTip)
    RecordingToolTip.shown = []
    view = chart.plot.getPlotItem().getViewBox()
    x, y = float(series.mood_x[-3]), float(series.mood_y[-3])
    expected = chart.describe_point_near(x, y)
    assert expected is not None

    chart.plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(x, y)))
    chart.plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(x, 10.45)))

    assert RecordingToolTip.shown == [expected, ""]


def test_describe_point_near_nothing_is_none(chart: TrendsChart, series: TrendSeries) -> None:
    x = float(series.mood_x[-1])
    assert chart.describe_point_near(x, 10.45) is None


def test_anxiety_visibility_toggles(chart: TrendsChart, series: TrendSeries) -> None:
    # An anxiety point far enough from that day's mood point to be told apart.
    far = np.flatnonzero(
        np.abs(series.anxiety_y - np.interp(series.anxiety_x, series.mood_x, series.mood_y)) > 2
    )
    far = far[series.anxiety_x[far] > series.mood_x[-1] - 25 * DAY]
    assert far.size
    i = int(far[-1])
    x, y = float(series.anxiety_x[i]), float(series.anxiety_y[i])

    assert not chart.anxiety_visible()
    assert not chart.anxiety_checkbox.isChecked()
    assert "anxiety" not in (chart.describe_point_near(x, y) or "")

    chart.anxiety_checkbox.click()
    assert chart.anxiety_visible()
    assert chart.plot.getPlotItem().getAxis("right").isVisible()
    text = chart.describe_point_near(x, y)
    assert text is not None
    assert "anxiety" in text
    assert "10 = worst" in text

    chart.set_anxiety_visible(False)
    assert not chart.anxiety_checkbox.isChecked()
    assert not chart.plot.getPlotItem().getAxis("right").isVisible()


def test_chart_and_controls_have_accessible_names(chart: TrendsChart) -> None:
    assert chart.plot.accessibleName() == "Mood trend chart"
    assert chart.anxiety_checkbox.accessibleName()
    assert all(b.accessibleName() for b in chart.range_buttons.values())


def test_items_hidden_from_the_legend_are_not_described(
    chart: TrendsChart, series: TrendSeries
) -> None:
    x = float(series.side_effect_x[-1])
    sample = next(
        sample for sample, _label in chart.legend.items if sample.item.opts["symbol"] == "t"
    )
    sample.item.setVisible(False)
    try:
        assert chart.describe_point_near(x, -0.6) is None
    finally:
        sample.item.setVisible(True)
    assert chart.describe_point_near(x, -0.6) == series.side_effect_labels[-1]
