"""The Trends chart widget draws the series it is handed, once per item, and explains points."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketajournal.charts import style
from ketajournal.charts.series import TrendSeries, build_trend_series, format_day
from ketajournal.charts.trends import SCORE_SCALE, TrendsChart
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import Assessment, MoodEntry, Phase, Session, SideEffect
from ketajournal.services.demo import generate
from tests.conftest import NOW
from tests.support.qt import RecordingToolTip

DAY = 86_400.0


def demo_series(
    days: int = 120, seed: int = 7, *, questionnaires: bool = False
) -> tuple[TrendSeries, list[Session]]:
    entries = generate(NOW, days=days, seed=seed).entries
    sessions = [e for e in entries if isinstance(e, Session)]
    series = build_trend_series(
        [e for e in entries if isinstance(e, MoodEntry)],
        sessions,
        [e for e in entries if isinstance(e, SideEffect)],
        [e for e in entries if isinstance(e, Assessment)] if questionnaires else (),
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
    assert len(chart.legend.items) == 7 + len(INSTRUMENTS)
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


def test_hovering_a_point_shows_its_tooltip(
    chart: TrendsChart, series: TrendSeries, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(style, "QToolTip", RecordingToolTip)
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

    left = chart.plot.getPlotItem().getAxis("left")
    assert left.labelText == "Mood (0–10, 10 = best)"
    chart.anxiety_checkbox.click()
    assert chart.anxiety_visible()
    # Anxiety shares the left 0–10 scale; the right axis belongs to questionnaires.
    assert left.labelText == "Mood (10 = best) · anxiety (10 = worst)"
    assert not chart.plot.getPlotItem().getAxis("right").isVisible()
    text = chart.describe_point_near(x, y)
    assert text is not None
    assert "anxiety" in text
    assert "10 = worst" in text

    chart.set_anxiety_visible(False)
    assert not chart.anxiety_checkbox.isChecked()
    assert left.labelText == "Mood (0–10, 10 = best)"


def test_chart_and_controls_have_accessible_names(chart: TrendsChart) -> None:
    assert chart.plot.accessibleName() == "Mood trend chart"
    assert chart.anxiety_checkbox.accessibleName()
    assert chart.scores_checkbox.accessibleName() == "Show PHQ-9 and GAD-7 totals"
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


# -- questionnaire totals on the right axis ------------------------------------------------


@pytest.fixture
def scored(chart: TrendsChart) -> Iterator[TrendSeries]:
    built, _sessions = demo_series(questionnaires=True)
    chart.set_anxiety_visible(False)
    chart.scores_follow_data()
    chart.set_series(built)
    chart.set_range_preset("90d")
    QApplication.processEvents()
    yield built
    chart.scores_follow_data()


def test_questionnaire_totals_are_drawn_in_the_second_view(
    chart: TrendsChart, scored: TrendSeries
) -> None:
    items = chart.score_items()
    assert set(items) == set(INSTRUMENTS)
    for instrument_id, data_item in items.items():
        x, y = data_item.getOriginalDataset()
        assert np.array_equal(x, scored.score(instrument_id).x)
        assert np.array_equal(y, scored.score(instrument_id).totals)
        assert data_item.getViewBox() is chart.scores_view
        assert data_item not in chart.plot.getPlotItem().listDataItems()
    assert scored.score("phq9").x.size >= 5
    assert scored.score("gad7").x.size >= 5


def test_second_view_shares_x_and_puts_0_to_27_where_0_to_10_is(
    chart: TrendsChart, scored: TrendSeries
) -> None:
    main = chart.plot.getPlotItem().getViewBox()
    second = chart.scores_view
    right = chart.plot.getPlotItem().getAxis("right")
    assert right.linkedView() is second
    assert second.sceneBoundingRect() == main.sceneBoundingRect()
    assert second.size() == main.size()
    assert second.viewRange()[0] == pytest.approx(main.viewRange()[0])
    x = float(main.viewRange()[0][0])
    for mood, total in ((0.0, 0.0), (10.0, 27.0)):
        assert second.mapViewToScene(QPointF(x, total)).y() == pytest.approx(
            main.mapViewToScene(QPointF(x, mood)).y(), abs=0.5
        )
    # Changing the mood view's range moves the totals with it.
    chart.set_range_preset("30d")
    assert second.viewRange()[0] == pytest.approx(main.viewRange()[0])


def test_phq9_bands_are_shaded_and_labelled(chart: TrendsChart, scored: TrendSeries) -> None:
    regions = [tuple(r.getRegion()) for r in chart.band_regions]
    assert regions == [(0.0, 4.5), (4.5, 9.5), (9.5, 14.5), (14.5, 19.5), (19.5, 27.0)]
    alphas = [r.brush.color().alpha() for r in chart.band_regions]
    assert alphas[0] == alphas[2] == alphas[4] != alphas[1] == alphas[3]
    assert max(alphas) < 40  # very light
    assert [label.toPlainText() for label in chart.band_labels] == [
        "PHQ-9 0–4 minimal",
        "PHQ-9 5–9 mild",
        "PHQ-9 10–14 moderate",
        "PHQ-9 15–19 moderately severe",
        "PHQ-9 20–27 severe",
    ]
    (_x0, x1), _y = chart.plot.getPlotItem().getViewBox().viewRange()
    for label in chart.band_labels:
        assert label.pos().x() == pytest.approx(x1, abs=DAY)
        assert label.isVisible()


def test_legend_names_the_axis_of_each_series(chart: TrendsChart) -> None:
    names = [label.text for _sample, label in chart.legend.items]
    assert "PHQ-9 total (right axis, 0–27)" in names
    assert "GAD-7 total (right axis, 0–21)" in names
    assert "Anxiety (left axis, 10 = worst)" in names


def test_questionnaire_points_have_tooltips(chart: TrendsChart, scored: TrendSeries) -> None:
    phq = scored.score("phq9")
    i = phq.x.size - 1
    text = chart.describe_point_near(float(phq.x[i]), float(phq.totals[i]) / SCORE_SCALE)
    assert text == phq.labels[i]
    day = datetime.fromtimestamp(float(phq.x[i]), tz=NOW.tzinfo).date()
    band = INSTRUMENTS["phq9"].band(int(phq.totals[i])).label
    assert text == f"{format_day(day)} — PHQ-9 {int(phq.totals[i])} ({band})"
    gad = scored.score("gad7")
    text = chart.describe_point_near(float(gad.x[-1]), float(gad.totals[-1]) / SCORE_SCALE)
    assert text == gad.labels[-1]


def test_scores_checkbox_is_on_with_questionnaires_and_hides_them(
    chart: TrendsChart, scored: TrendSeries
) -> None:
    right = chart.plot.getPlotItem().getAxis("right")
    assert chart.scores_checkbox.isChecked()
    assert chart.scores_visible()
    assert right.isVisible()
    assert right.labelText == "PHQ-9 / GAD-7 total (0–27 / 0–21)"
    phq = scored.score("phq9")
    x, y = float(phq.x[-1]), float(phq.totals[-1]) / SCORE_SCALE

    chart.scores_checkbox.click()
    assert not chart.scores_visible()
    assert not right.isVisible()
    assert not any(item.isVisible() for item in chart.score_items().values())
    assert not any(region.isVisible() for region in chart.band_regions)
    assert "PHQ-9" not in (chart.describe_point_near(x, y) or "")
    # The user's choice outlives a refresh.
    chart.set_series(scored)
    assert not chart.scores_visible()

    chart.scores_checkbox.click()
    assert chart.scores_visible()
    assert right.isVisible()


def test_scores_checkbox_is_off_without_questionnaires(chart: TrendsChart) -> None:
    chart.scores_follow_data()
    chart.set_series(demo_series()[0])
    assert not chart.scores_checkbox.isChecked()
    assert not chart.plot.getPlotItem().getAxis("right").isVisible()
