"""The response-curve chart draws a booster analysis with a fixed pool of reused items."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from ketajournal.charts import style
from ketajournal.charts.boosters import ResponseCurvesChart, alpha_ramp, threshold_text
from ketajournal.domain.booster_analysis import analyse_boosters
from ketajournal.domain.boosters import BoosterAnalysis, DailyMood, SessionPoint
from ketajournal.domain.models import Phase
from ketajournal.domain.response_curves import CycleCurve, ResponseCurves, response_curves
from tests.support.qt import RecordingToolTip

CET = timezone(timedelta(hours=1))
S0 = date(2025, 3, 1)


def point(day: date, phase: Phase, dose: float = 35.0) -> SessionPoint:
    return SessionPoint(
        at=datetime(day.year, day.month, day.day, 10, tzinfo=CET), day=day, phase=phase,
        dose_mg=dose,
    )


def hand_made(boosters_count: int = 3) -> BoosterAnalysis:
    """Baseline 3 for two weeks, one induction session, then boosters every 10 days.

    Mood is 8 on the day after each session and falls by one a day; B = 3 and
    P = mean(8, 7, 6, 5, 4, 3, 2) = 5, so T = 4.
    """
    days: list[date] = [S0 - timedelta(days=k) for k in range(14, 0, -1)]
    values: list[float] = [3.0] * 14
    sessions = [point(S0, Phase.INDUCTION)]
    starts = [S0] + [S0 + timedelta(days=10 * (i + 1)) for i in range(boosters_count)]
    sessions += [point(s, Phase.BOOSTER) for s in starts[1:]]
    for start in starts:
        for k in range(1, 10):
            days.append(start + timedelta(days=k))
            values.append(max(0.0, 9.0 - k))
    return analyse_boosters(DailyMood(tuple(days), np.asarray(values)), sessions)


@pytest.fixture(scope="module")
def chart(qapp: QApplication) -> Iterator[ResponseCurvesChart]:
    # One chart for the whole module: creating and closing many PlotWidgets in one
    # process has crashed Python, and the chart is built to be reused anyway.
    widget = ResponseCurvesChart()
    widget.resize(800, 500)
    widget.show()
    qapp.processEvents()
    yield widget
    widget.close()
    widget.deleteLater()
    qapp.processEvents()


@pytest.fixture
def analysis(chart: ResponseCurvesChart) -> BoosterAnalysis:
    made = hand_made()
    chart.set_analysis(made)
    QApplication.processEvents()
    return made


def test_the_hand_made_analysis_is_what_the_tests_think(analysis: BoosterAnalysis) -> None:
    assert analysis.threshold == pytest.approx(4.0)
    assert [c.is_booster for c in analysis.cycles] == [False, True, True, True]
    assert analysis.median_curve_offsets.tolist() == list(range(1, 10))


def test_one_visible_curve_per_cycle(chart: ResponseCurvesChart, analysis: BoosterAnalysis) -> None:
    assert chart.visible_curve_count() == len(analysis.cycles) == 4
    for i, cycle in enumerate(analysis.cycles):
        x, y = chart.layer_points(i)
        assert np.array_equal(x, cycle.offsets)
        assert np.array_equal(y, cycle.daily)


def test_median_curve_is_the_analysis_median(
    chart: ResponseCurvesChart, analysis: BoosterAnalysis
) -> None:
    x, y = chart.median_points()
    assert np.array_equal(x, analysis.median_curve_offsets)
    assert np.array_equal(y, analysis.median_curve_values)
    assert chart.median_style().width >= 3  # bold
    widths = {chart.layer_style(i).width for i in range(len(chart.curve_items))}
    assert max(widths) < chart.median_style().width


def test_threshold_line_sits_at_t_with_its_label(
    chart: ResponseCurvesChart, analysis: BoosterAnalysis
) -> None:
    assert chart.threshold() == pytest.approx(4.0)
    assert chart.threshold_line.angle == 0
    assert chart.threshold_style().line == "dash"
    assert chart.threshold_label() == "T = 4.0"
    assert threshold_text(5.2) == "T = 5.2"


def test_older_cycles_are_fainter_and_phases_differ(
    chart: ResponseCurvesChart, analysis: BoosterAnalysis
) -> None:
    pens = [chart.layer_style(i) for i in range(4)]
    booster_alphas = [pen.alpha for pen in pens[1:]]
    assert booster_alphas == sorted(booster_alphas)
    assert booster_alphas[0] < booster_alphas[-1]
    induction, booster = pens[0], pens[1]
    assert induction.line != booster.line
    assert induction.colour != booster.colour
    assert alpha_ramp(1).tolist() == [pytest.approx(0.95)]
    assert alpha_ramp(0).size == 0


def test_fewer_cycles_reuse_the_pool_and_hide_the_rest(chart: ResponseCurvesChart) -> None:
    chart.set_analysis(hand_made(boosters_count=5))
    plot_items = chart.plot_items()
    pool = chart.curve_items
    assert len(pool) >= 6

    fewer = hand_made(boosters_count=1)
    chart.set_analysis(fewer)
    chart.set_analysis(fewer)
    assert chart.curve_items == pool
    assert chart.plot_items() == plot_items
    assert chart.visible_curve_count() == 2
    for i, item in enumerate(pool[2:], start=2):
        assert not item.isVisible()
        x, _y = chart.layer_points(i)
        assert len(x) == 0


def test_plain_arrays_are_drawn_too(chart: ResponseCurvesChart) -> None:
    curves = ResponseCurves(
        cycles=(
            CycleCurve(np.array([1.0, 2.0]), np.array([7.0, 6.0]), False, "Induction A"),
            CycleCurve(np.array([1.0, 3.0]), np.array([8.0, 5.0]), True, "Booster B"),
        ),
        median_offsets=np.array([1.0, 3.0]),
        median_values=np.array([8.0, 5.0]),
        threshold=5.25,
    )
    chart.set_analysis(curves)
    assert chart.curves is curves
    assert chart.visible_curve_count() == 2
    assert chart.threshold_label() == "T = 5.2"
    (x0, x1), _y = chart.plot.getPlotItem().getViewBox().viewRange()
    assert x0 == 0 and x1 >= 3


def test_without_a_threshold_the_line_is_hidden(chart: ResponseCurvesChart) -> None:
    chart.set_analysis(ResponseCurves())
    assert chart.threshold() is None
    assert chart.threshold_label() == ""
    assert chart.visible_curve_count() == 0
    (x0, x1), _y = chart.plot.getPlotItem().getViewBox().viewRange()
    assert (x0, x1) == (0, 29)


def test_axes_and_legend_say_what_is_drawn(chart: ResponseCurvesChart) -> None:
    item = chart.plot.getPlotItem()
    assert item.getAxis("bottom").labelText == "Days after the session"
    assert item.getAxis("left").labelText == "Daily mood (0–10, 10 = best)"
    names = chart.legend_labels()
    assert names == [
        "Booster cycle (older: fainter)",
        "Induction cycle",
        "Median of booster cycles",
        "Threshold T",
    ]
    assert chart.plot.accessibleName() == "Booster response curves chart"


def test_legend_click_hides_a_group_of_curves(
    chart: ResponseCurvesChart, analysis: BoosterAnalysis
) -> None:
    sample = chart.legend_item("Induction cycle")
    sample.setVisible(False)  # what a click on the legend sample does first
    chart.legend.sigSampleClicked.emit(sample)
    try:
        assert chart.visible_curve_count() == 3
        assert not chart.curve_items[0].isVisible()
        # Hidden curves stay hidden across refreshes until shown again.
        chart.set_analysis(analysis)
        assert chart.visible_curve_count() == 3
    finally:
        sample.setVisible(True)
        chart.legend.sigSampleClicked.emit(sample)
    assert chart.visible_curve_count() == 4


def test_describe_point_near_names_the_cycle_and_the_median(
    chart: ResponseCurvesChart, analysis: BoosterAnalysis
) -> None:
    labels = response_curves(analysis).cycles
    # Day 2 of every cycle has mood 7: the median is preferred, then the newest cycle.
    assert chart.describe_point_near(2.0, 7.0) == (
        "Median of booster cycles — day 2: mood 7"
    )
    chart.median_item.setVisible(False)
    try:
        text = chart.describe_point_near(2.0, 7.0)
    finally:
        chart.median_item.setVisible(True)
    assert text == f"{labels[-1].label} — day 2: daily mood 7"
    assert "held" in text
    assert chart.describe_point_near(5.0, 9.5) is None


def test_hovering_a_curve_shows_its_tooltip(
    chart: ResponseCurvesChart, analysis: BoosterAnalysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(style, "QToolTip", RecordingToolTip)
    RecordingToolTip.shown = []
    view = chart.plot.getPlotItem().getViewBox()
    scene = chart.plot.scene()
    scene.sigMouseMoved.emit(view.mapViewToScene(QPointF(4.0, 5.0)))
    scene.sigMouseMoved.emit(view.mapViewToScene(QPointF(4.0, 9.8)))
    assert RecordingToolTip.shown == ["Median of booster cycles — day 4: mood 5", ""]


# -- many cycles: a few items, the newest ones each on their own --------------------------


def test_years_of_cycles_share_a_few_items_and_the_newest_keep_their_own(
    chart: ResponseCurvesChart,
) -> None:
    from ketajournal.charts.boosters import OLDER_LAYERS, RECENT_CYCLES

    many = hand_made(boosters_count=40)
    curves = response_curves(many)
    chart.set_analysis(many)
    boosters = [i for i, c in enumerate(curves.cycles) if c.is_booster]
    assert len(boosters) == 40
    # 1 induction + 5 newest boosters on their own + 3 shared layers of the 35 older ones.
    assert len(chart.layers) == 1 + RECENT_CYCLES + OLDER_LAYERS
    assert sum(item.isVisible() for item in chart.curve_items) == len(chart.layers)
    assert chart.visible_curve_count() == 41

    for index in boosters[-RECENT_CYCLES:]:
        x, y = chart.cycle_points(index)
        assert np.array_equal(x, curves.cycles[index].offsets)
        assert np.array_equal(y, curves.cycles[index].values)
        assert chart.cycle_style(index).antialiased is True
    shared = {id(chart.cycle_item(i)) for i in boosters[:-RECENT_CYCLES]}
    assert len(shared) == OLDER_LAYERS

    # Every older cycle is drawn, each broken from the next one (no line between them).
    first_layer = chart.layers[0] if chart.layers[0].is_booster else chart.layers[1]
    x, y = chart.cycle_points(first_layer.cycles[0])
    parts = [curves.cycles[i] for i in first_layer.cycles]
    assert np.array_equal(x, np.concatenate([c.offsets for c in parts]))
    assert np.array_equal(y, np.concatenate([c.values for c in parts]))
    connect = chart.cycle_style(first_layer.cycles[0]).connect
    ends = np.cumsum([c.offsets.size for c in parts]) - 1
    assert not connect[ends].any() and connect.sum() == x.size - len(parts)
    assert chart.cycle_style(first_layer.cycles[0]).antialiased is False

    # Older layers are fainter and drawn under newer ones.
    booster_layers = [i for i, layer in enumerate(chart.layers) if layer.is_booster]
    alphas = [chart.layer_style(i).alpha for i in booster_layers]
    assert alphas == sorted(alphas) and alphas[0] < alphas[-1]
    zs = [chart.curve_items[i].zValue() for i in booster_layers]
    assert zs == sorted(zs)


def test_an_old_cycle_in_a_shared_layer_still_has_its_tooltip(chart: ResponseCurvesChart) -> None:
    # Twelve boosters, each at its own height: the oldest ones share an item.
    cycles = tuple(
        CycleCurve(np.array([1.0, 2.0, 3.0]), np.full(3, 0.8 * k), True, f"Booster {k}")
        for k in range(12)
    )
    chart.set_analysis(ResponseCurves(cycles=cycles))
    assert chart.cycle_item(0) is chart.cycle_item(1)
    assert chart.describe_point_near(2.0, 0.0) == "Booster 0 — day 2: daily mood 0"
    assert chart.describe_point_near(2.0, 0.8) == "Booster 1 — day 2: daily mood 0.8"
    assert chart.describe_point_near(2.0, 8.8) == "Booster 11 — day 2: daily mood 8.8"
    label = next(text for text in chart.legend_labels() if text.startswith("Booster"))
    sample = chart.legend_item(label)
    sample.setVisible(False)
    chart.legend.sigSampleClicked.emit(sample)
    try:
        assert chart.visible_curve_count() == 0
        assert chart.describe_point_near(2.0, 0.0) is None
    finally:
        sample.setVisible(True)
        chart.legend.sigSampleClicked.emit(sample)
    assert chart.visible_curve_count() == 12


def test_the_description_names_lines_by_meaning_and_shape_not_colour(
    chart: ResponseCurvesChart,
) -> None:
    description = chart.plot.accessibleDescription()
    assert "median of the booster cycles a bold solid line" in description
    assert "dotted" in description and "dashed" in description
    # The colours change with the scheme (dark mode): a colour word would mislead.
    colours = ("blue", "green", "purple", "red", "grey", "gray", "orange", "black")
    assert [c for c in colours if c in description.lower()] == []
