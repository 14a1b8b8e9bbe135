"""The Trends chart widget draws the series it is handed, once per item, and explains points."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketajournal.charts import style
from ketajournal.charts.trend_parts import SCORE_SCALE, LegendSample
from ketajournal.charts.trends import TrendsChart
from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import Phase
from ketajournal.domain.series import TrendSeries
from tests.support.clock import NOW
from tests.support.qt import RecordingToolTip
from tests.support.trend_charts import demo_series

DAY = 86_400.0


def test_one_marker_per_session_per_phase(trends_chart: TrendsChart) -> None:
    built, sessions = demo_series()
    trends_chart.set_series(built)
    induction = sum(1 for s in sessions if s.phase is Phase.INDUCTION)
    booster = sum(1 for s in sessions if s.phase is Phase.BOOSTER)
    assert induction == 6
    assert booster >= 2
    assert trends_chart.session_marker_count() == {"induction": induction, "booster": booster}


def test_new_series_updates_items_without_creating_new_ones(trends_chart: TrendsChart) -> None:
    trends_chart.set_series(demo_series()[0])
    items_before = trends_chart.plot_items()

    shorter, _ = demo_series(days=40, seed=3)
    trends_chart.set_series(shorter)
    trends_chart.set_series(shorter)

    assert trends_chart.plot_items() == items_before
    assert len(trends_chart.legend_labels()) == 10 + len(INSTRUMENTS)  # sleep, medication, planned
    assert trends_chart.item("mood") in items_before
    assert np.array_equal(trends_chart.drawn_points("mood")[1], shorter.mood_y)
    assert trends_chart.session_marker_count()["induction"] == 6


def test_empty_series_draws_nothing_and_shows_recent_days(trends_chart: TrendsChart) -> None:
    trends_chart.set_series(TrendSeries())
    trends_chart.set_range_preset("90d")
    assert trends_chart.session_marker_count() == {"induction": 0, "booster": 0}
    assert trends_chart.visible_range_days() == pytest.approx(90.5, abs=0.01)


@pytest.mark.parametrize(("preset", "days"), [("30d", 30), ("90d", 90), ("1y", 365)])
def test_presets_show_that_many_days_ending_at_the_latest_point(
    trends_chart: TrendsChart, trend_series: TrendSeries, preset: str, days: int
) -> None:
    trends_chart.set_range_preset(preset)
    assert trends_chart.visible_range_days() == pytest.approx(days, abs=1)
    span = trend_series.x_span()
    assert span is not None
    (_x0, x1), _y = trends_chart.plot.getPlotItem().getViewBox().viewRange()
    assert span[1] <= x1 <= span[1] + DAY
    assert trends_chart.range_buttons[preset].isChecked()


def test_all_preset_shows_all_data(trends_chart: TrendsChart, trend_series: TrendSeries) -> None:
    trends_chart.set_range_preset("all")
    span = trend_series.x_span()
    assert span is not None
    (x0, x1), _y = trends_chart.plot.getPlotItem().getViewBox().viewRange()
    assert x0 <= span[0] and x1 >= span[1]
    assert trends_chart.visible_range_days() == pytest.approx((span[1] - span[0]) / DAY, abs=1)


def test_preset_buttons_are_checkable_named_and_clickable(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    button = trends_chart.range_buttons["90d"]
    assert button.isCheckable()
    assert button.accessibleName() == "Show the last 90 days"
    button.click()
    assert trends_chart.range_preset() == "90d"
    assert trends_chart.visible_range_days() == pytest.approx(90, abs=1)
    assert not trends_chart.range_buttons["30d"].isChecked()


def test_presets_are_reachable_by_keyboard(
    trends_chart: TrendsChart, trend_series: TrendSeries, qtbot: QtBot
) -> None:
    # Like radio buttons: Tab reaches the checked preset, arrow keys move between them.
    checked = trends_chart.range_buttons["30d"]
    assert checked.isChecked()
    assert checked.focusPolicy() & Qt.FocusPolicy.TabFocus
    trends_chart.activateWindow()
    checked.setFocus()
    qtbot.waitUntil(checked.hasFocus)
    qtbot.keyClick(checked, Qt.Key.Key_Right)
    assert trends_chart.range_preset() == "90d"
    assert trends_chart.range_buttons["90d"].hasFocus()
    assert trends_chart.visible_range_days() == pytest.approx(90, abs=1)


def test_unknown_preset_is_refused(trends_chart: TrendsChart) -> None:
    with pytest.raises(ValueError, match="unknown range preset"):
        trends_chart.set_range_preset("2w")


def test_hovering_a_point_shows_its_tooltip(
    trends_chart: TrendsChart, trend_series: TrendSeries, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(style, "QToolTip", RecordingToolTip)
    RecordingToolTip.shown = []
    view = trends_chart.plot.getPlotItem().getViewBox()
    x, y = float(trend_series.mood_x[-3]), float(trend_series.mood_y[-3])
    expected = trends_chart.describe_point_near(x, y)
    assert expected is not None

    trends_chart.plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(x, y)))
    trends_chart.plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(x, 10.45)))

    assert RecordingToolTip.shown == [expected, ""]


def test_anxiety_visibility_toggles(trends_chart: TrendsChart, trend_series: TrendSeries) -> None:
    # An anxiety point far enough from that day's mood point to be told apart.
    far = np.flatnonzero(
        np.abs(trend_series.anxiety_y - np.interp(
            trend_series.anxiety_x, trend_series.mood_x, trend_series.mood_y)) > 2
    )
    far = far[trend_series.anxiety_x[far] > trend_series.mood_x[-1] - 25 * DAY]
    assert far.size
    i = int(far[-1])
    x, y = float(trend_series.anxiety_x[i]), float(trend_series.anxiety_y[i])

    assert not trends_chart.anxiety_visible()
    assert not trends_chart.anxiety_checkbox.isChecked()
    assert "anxiety" not in (trends_chart.describe_point_near(x, y) or "")

    left = trends_chart.plot.getPlotItem().getAxis("left")
    assert left.labelText == "Mood (0–10, 10 = best)"
    trends_chart.anxiety_checkbox.click()
    assert trends_chart.anxiety_visible()
    # Anxiety shares the left 0–10 scale; the right axis belongs to questionnaires.
    assert left.labelText == "Mood (10 = best) · anxiety (10 = worst)"
    assert not trends_chart.plot.getPlotItem().getAxis("right").isVisible()
    text = trends_chart.describe_point_near(x, y)
    assert text is not None
    assert "anxiety" in text
    assert "10 = worst" in text

    trends_chart.set_anxiety_visible(False)
    assert not trends_chart.anxiety_checkbox.isChecked()
    assert left.labelText == "Mood (0–10, 10 = best)"


def test_chart_and_controls_have_accessible_names(trends_chart: TrendsChart) -> None:
    assert trends_chart.plot.accessibleName() == "Mood trend chart"
    assert trends_chart.anxiety_checkbox.accessibleName()
    assert trends_chart.scores_checkbox.accessibleName() == "Show PHQ-9 and GAD-7 totals"
    assert all(b.accessibleName() for b in trends_chart.range_buttons.values())


def test_items_hidden_from_the_legend_are_not_described(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    x = float(trend_series.side_effect_x[-1])
    assert trends_chart.item_style("side_effect").symbol == "t"
    assert "Side effect" in trends_chart.legend_labels()
    trends_chart.item("side_effect").setVisible(False)  # as a click on its legend sample does
    try:
        assert not trends_chart.series_visible("side_effect")
        assert trends_chart.describe_point_near(x, -0.6) is None
    finally:
        trends_chart.item("side_effect").setVisible(True)
    assert trends_chart.describe_point_near(x, -0.6) == trend_series.side_effect_labels[-1]


# -- questionnaire totals on the right axis ------------------------------------------------


@pytest.fixture
def scored(trends_chart: TrendsChart) -> Iterator[TrendSeries]:
    built, _sessions = demo_series(questionnaires=True)
    trends_chart.set_anxiety_visible(False)
    trends_chart.scores_follow_data()
    trends_chart.set_series(built)
    trends_chart.set_range_preset("90d")
    QApplication.processEvents()
    yield built
    trends_chart.scores_follow_data()


def test_questionnaire_totals_are_drawn_in_the_second_view(
    trends_chart: TrendsChart, scored: TrendSeries
) -> None:
    items = trends_chart.score_items()
    assert set(items) == set(INSTRUMENTS)
    for instrument_id, data_item in items.items():
        x, y = trends_chart.drawn_points(instrument_id)
        assert np.array_equal(x, scored.score(instrument_id).x)
        assert np.array_equal(y, scored.score(instrument_id).totals)
        assert data_item.getViewBox() is trends_chart.scores_view
        assert data_item not in trends_chart.plot_items()
    assert scored.score("phq9").x.size >= 5
    assert scored.score("gad7").x.size >= 5


def test_second_view_shares_x_and_puts_0_to_27_where_0_to_10_is(
    trends_chart: TrendsChart, scored: TrendSeries
) -> None:
    main = trends_chart.plot.getPlotItem().getViewBox()
    second = trends_chart.scores_view
    right = trends_chart.plot.getPlotItem().getAxis("right")
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
    trends_chart.set_range_preset("30d")
    assert second.viewRange()[0] == pytest.approx(main.viewRange()[0])


def test_phq9_bands_are_shaded_and_labelled(trends_chart: TrendsChart, scored: TrendSeries) -> None:
    regions = [tuple(r.getRegion()) for r in trends_chart.band_regions]
    assert regions == [(0.0, 4.5), (4.5, 9.5), (9.5, 14.5), (14.5, 19.5), (19.5, 27.0)]
    fills = [r.brush.color().getRgb() for r in trends_chart.band_regions]
    assert fills[0] == fills[2] == fills[4] != fills[1] == fills[3]  # alternating
    # Opaque (pre-blended over white: no alpha blending across the plot on each pan)
    # and very light.
    assert all(alpha == 255 and min(r, g, b) > 230 for r, g, b, alpha in fills)
    assert [label.toPlainText() for label in trends_chart.band_labels] == [
        "PHQ-9 0–4 minimal",
        "PHQ-9 5–9 mild",
        "PHQ-9 10–14 moderate",
        "PHQ-9 15–19 moderately severe",
        "PHQ-9 20–27 severe",
    ]
    (_x0, x1), _y = trends_chart.plot.getPlotItem().getViewBox().viewRange()
    for label in trends_chart.band_labels:
        assert label.pos().x() == pytest.approx(x1, abs=DAY)
        assert label.isVisible()


def test_legend_names_the_axis_of_each_series(trends_chart: TrendsChart) -> None:
    names = trends_chart.legend_labels()
    assert "PHQ-9 total (right axis, 0–27)" in names
    assert "GAD-7 total (right axis, 0–21)" in names
    assert "Anxiety (left axis, 10 = worst)" in names


def test_questionnaire_points_have_tooltips(trends_chart: TrendsChart, scored: TrendSeries) -> None:
    phq = scored.score("phq9")
    i = phq.x.size - 1
    text = trends_chart.describe_point_near(float(phq.x[i]), float(phq.totals[i]) / SCORE_SCALE)
    assert text == phq.labels[i]
    day = datetime.fromtimestamp(float(phq.x[i]), tz=NOW.tzinfo).date()
    band = INSTRUMENTS["phq9"].band(int(phq.totals[i])).label
    assert text == f"{format_date_with_weekday(day)} — PHQ-9 {int(phq.totals[i])} ({band})"
    gad = scored.score("gad7")
    text = trends_chart.describe_point_near(float(gad.x[-1]), float(gad.totals[-1]) / SCORE_SCALE)
    assert text == gad.labels[-1]


def test_scores_checkbox_is_on_with_questionnaires_and_hides_them(
    trends_chart: TrendsChart, scored: TrendSeries
) -> None:
    right = trends_chart.plot.getPlotItem().getAxis("right")
    assert trends_chart.scores_checkbox.isChecked()
    assert trends_chart.scores_visible()
    assert right.isVisible()
    assert right.labelText == "PHQ-9 / GAD-7 total (0–27 / 0–21)"
    phq = scored.score("phq9")
    x, y = float(phq.x[-1]), float(phq.totals[-1]) / SCORE_SCALE

    trends_chart.scores_checkbox.click()
    assert not trends_chart.scores_visible()
    assert not right.isVisible()
    assert not any(item.isVisible() for item in trends_chart.score_items().values())
    assert not any(region.isVisible() for region in trends_chart.band_regions)
    assert "PHQ-9" not in (trends_chart.describe_point_near(x, y) or "")
    # The user's choice outlives a refresh.
    trends_chart.set_series(scored)
    assert not trends_chart.scores_visible()

    trends_chart.scores_checkbox.click()
    assert trends_chart.scores_visible()
    assert right.isVisible()


def test_scores_checkbox_is_off_without_questionnaires(trends_chart: TrendsChart) -> None:
    trends_chart.scores_follow_data()
    trends_chart.set_series(demo_series()[0])
    assert not trends_chart.scores_checkbox.isChecked()
    assert not trends_chart.plot.getPlotItem().getAxis("right").isVisible()


# -- sleep ---------------------------------------------------------------------------------


def _with_long_night(trend_series: TrendSeries, hours: float) -> TrendSeries:
    """The series with its last sleep value replaced by ``hours``."""
    sleep_y = trend_series.sleep_y.copy()
    sleep_y[-1] = hours
    return TrendSeries(**{**trend_series.__dict__, "sleep_y": sleep_y})


def test_sleep_is_drawn_from_the_series_and_hidden_by_default(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    assert trend_series.sleep_x.size > 20  # the demo logs sleep on most days
    assert not trends_chart.sleep_visible()
    assert not trends_chart.sleep_checkbox.isChecked()
    x, _y = trends_chart.drawn_points("sleep")
    assert x.size == 0  # hidden: given no data, so a refresh costs nothing
    trends_chart.set_sleep_visible(True)
    try:
        x, y = trends_chart.drawn_points("sleep")
        assert np.array_equal(x, trend_series.sleep_x)
        assert np.array_equal(y, trend_series.sleep_y)
        shorter, _ = demo_series(days=40, seed=3)
        trends_chart.set_series(shorter)  # shown: refreshed with the series
        x, _y = trends_chart.drawn_points("sleep")
        assert np.array_equal(x, shorter.sleep_x)
    finally:
        trends_chart.set_sleep_visible(False)
        trends_chart.set_series(trend_series)
    assert trends_chart.sleep_checkbox.accessibleName() == "Show sleep hours"
    assert "Sleep: mean of the sleep hours" in trends_chart.sleep_checkbox.toolTip()
    assert "Sleep (hours, left axis)" in trends_chart.legend_labels()
    gap = np.abs(trend_series.sleep_y - np.interp(
        trend_series.sleep_x, trend_series.mood_x, trend_series.mood_y))
    i = int(np.argmax(gap))
    assert "sleep" not in (
        trends_chart.describe_point_near(
            float(trend_series.sleep_x[i]), float(trend_series.sleep_y[i])) or ""
    )


def test_sleep_checkbox_shows_hours_on_the_left_axis_with_a_tooltip(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    left = trends_chart.plot.getPlotItem().getAxis("left")
    # A sleep point far from that day's mood point, inside the 30-day view.
    recent = trend_series.sleep_x > trend_series.mood_x[-1] - 25 * DAY
    gap = np.abs(trend_series.sleep_y - np.interp(
        trend_series.sleep_x, trend_series.mood_x, trend_series.mood_y))
    i = int(np.flatnonzero(recent & (gap > 1.5))[-1])
    try:
        trends_chart.sleep_checkbox.click()
        assert trends_chart.sleep_visible() and trends_chart.sleep_item.isVisible()
        assert left.labelText == "Mood (0–10, 10 = best) · sleep (hours)"
        text = trends_chart.describe_point_near(
            float(trend_series.sleep_x[i]), float(trend_series.sleep_y[i]))
        hours = f"{trend_series.sleep_y[i]:g}"
        assert text is not None
        day = format_date_with_weekday(trend_series.sleep_days[i])
        assert text.startswith(f"{day} — sleep {hours} h (")
        assert "1 entry" in text or "daily mean of" in text
        trends_chart.set_anxiety_visible(True)
        assert left.labelText == "Mood · anxiety (0–10) · sleep (hours)"
    finally:
        trends_chart.set_anxiety_visible(False)
        trends_chart.sleep_checkbox.click()
    assert not trends_chart.sleep_visible()
    assert left.labelText == "Mood (0–10, 10 = best)"


def test_a_long_night_grows_the_left_axis_and_keeps_the_totals_aligned(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    long_night = _with_long_night(trend_series, 13.5)
    trends_chart.set_series(long_night)
    main, second = trends_chart.plot.getPlotItem().getViewBox(), trends_chart.scores_view
    assert trends_chart.y_top() == pytest.approx(10.5)  # hidden sleep does not stretch the axis
    try:
        trends_chart.set_sleep_visible(True)
        assert trends_chart.y_top() == pytest.approx(14.5)  # ceil(13.5) + headroom
        assert main.viewRange()[1][1] == pytest.approx(14.5)
        ticks = trends_chart.left_axis_ticks()
        assert [v for v, _label in ticks[0]] == [0, 2, 4, 6, 8, 10, 12, 14]
        # 0–27 still spans the height of 0–10.
        second.setGeometry(main.sceneBoundingRect())
        QApplication.processEvents()
        x = float(main.viewRange()[0][0])
        assert second.mapViewToScene(QPointF(x, 27.0)).y() == pytest.approx(
            main.mapViewToScene(QPointF(x, 10.0)).y(), abs=0.5
        )
    finally:
        trends_chart.set_sleep_visible(False)
        trends_chart.set_series(trend_series)
    assert trends_chart.y_top() == pytest.approx(10.5)
    assert main.viewRange()[1][1] == pytest.approx(10.5)


# -- drawn for speed: plain pens, no axis grid, thinned lines, a cheap date axis ----------


def test_lines_are_not_antialiased_and_use_pyqtgraphs_fast_strokes(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    trends_chart.set_range_preset("90d")
    for name in ("induction", "booster", "mean", "anxiety", "sleep", "grid"):
        assert trends_chart.item_style(name).antialiased is False, name
    for instrument_id in INSTRUMENTS:
        drawn = trends_chart.item_style(instrument_id)
        assert drawn.antialiased is False
        assert drawn.line == "solid" and drawn.width <= 1
    for name in ("induction", "booster"):
        drawn = trends_chart.item_style(name)
        assert drawn.width <= 1 and drawn.cosmetic
        assert drawn.line == "solid" and drawn.alpha == 1.0
    # The 3-px mean at 90 days is stroked as segments (opaque, solid, not antialiased).
    assert trends_chart.item_style("mean").width == 3
    assert trends_chart.item_style("mean").fast_segments


def test_booster_markers_are_dashed_by_their_data_and_in_the_legend(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    x, y = trends_chart.drawn_points("booster")
    first = x == trend_series.booster_x[0]
    ys = y[first]
    assert ys.size > 10 and ys.size % 2 == 0  # several dashes: pairs of points
    starts, ends = ys[0::2], ys[1::2]
    assert starts[0] == 0.0 and 9.5 < ends[-1] <= 10.0  # spans the mood scale
    assert np.all(starts[1:] > ends[:-1])  # gaps between the dashes
    ix, iy = trends_chart.drawn_points("induction")
    assert list(iy[ix == trend_series.induction_x[0]]) == [0.0, 10.0]  # induction: solid
    assert trends_chart.legend_pen_style("booster").line == "dash"


def test_the_grid_is_a_few_plain_lines_not_the_axis_grid(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    item = trends_chart.plot.getPlotItem()
    assert not item.getAxis("left").grid and not item.getAxis("bottom").grid
    trends_chart.set_range_preset("90d")
    x, y = trends_chart.drawn_points("grid")
    assert sorted(set(y.tolist())) == [float(v) for v in range(11)]
    (x0, x1), _y = item.getViewBox().viewRange()
    assert x.min() == pytest.approx(x0) and x.max() == pytest.approx(x1)
    trends_chart.set_range_preset("30d")
    x, _y = trends_chart.drawn_points("grid")
    assert x.min() == pytest.approx(item.getViewBox().viewRange()[0][0])  # follows the view
    # Drawn in the totals' view, under their lines: in the mood view it cut them where a
    # PHQ-9 line ran along a grid line.
    assert trends_chart.item("grid").getViewBox() is trends_chart.scores_view
    assert trends_chart.item("grid").zValue() < min(
        i.zValue() for i in trends_chart.score_items().values())
    trends_chart.set_scores_visible(False)
    assert trends_chart.series_visible("grid")  # the grid stays when the totals are hidden
    trends_chart.set_scores_visible(True)


def test_a_hidden_series_keeps_its_legend_sample_faded(trends_chart: TrendsChart) -> None:
    from PySide6.QtGui import QColor, QImage

    def darkness(visible: bool) -> list[int]:
        trends_chart.set_anxiety_visible(visible)
        image = QImage(20, 20, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        LegendSample(trends_chart.item("anxiety")).paint(painter)
        painter.end()
        return [255 - QColor(image.pixel(x, y)).lightness() for y in range(20) for x in range(20)]

    shown, hidden = darkness(True), darkness(False)
    drawn = [i for i, d in enumerate(shown) if d > 40]
    assert drawn  # the line and its symbol
    assert all(0 < hidden[i] < shown[i] for i in drawn)  # the same shape, fainter


def test_the_mean_is_clipped_downsampled_and_thin_only_where_days_outnumber_pixels(
    trends_chart: TrendsChart,
) -> None:
    long_series, _ = demo_series(days=10 * 365)  # ~3.4 days a pixel
    trends_chart.set_series(long_series)
    try:
        # Set after adding the item: PlotItem.addItem would otherwise turn them off.
        assert trends_chart.item_style("mean").clipped
        assert trends_chart.item_style("mean").downsampling == "peak"
        trends_chart.set_range_preset("all")
        QApplication.processEvents()
        assert trends_chart.mean_is_dense()
        assert trends_chart.item_style("mean").width == 1
        drawn, _y = trends_chart.shown_points("mean")
        assert drawn.size < long_series.mood_x.size
        # Peak downsampling keeps each bin's extremes.
        assert _y.max() == pytest.approx(long_series.mean7_y.max())
        assert _y.min() == pytest.approx(long_series.mean7_y.min())
        trends_chart.set_range_preset("90d")
        QApplication.processEvents()
        assert not trends_chart.mean_is_dense()
        assert trends_chart.item_style("mean").width == 3
        drawn, _y = trends_chart.shown_points("mean")
        assert drawn.size < 100  # clipped to the view
        assert trends_chart.legend_pen_style("mean").width == 3  # the legend always shows 3 px
    finally:
        trends_chart.set_series(demo_series()[0])


def test_points_are_never_downsampled(trends_chart: TrendsChart) -> None:
    long_series, _ = demo_series(days=3 * 365)
    trends_chart.set_series(long_series)
    try:
        trends_chart.set_range_preset("all")
        QApplication.processEvents()
        x, _y = trends_chart.shown_points("mood")
        assert x.size == long_series.mood_x.size
    finally:
        trends_chart.set_series(demo_series()[0])


def test_bottom_axis_labels_days_months_or_years(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    axis = trends_chart.plot.getPlotItem().getAxis("bottom")
    assert isinstance(axis, style.CalendarAxis)

    def labels() -> list[str]:
        (x0, x1), _y = trends_chart.plot.getPlotItem().getViewBox().viewRange()
        levels = axis.tickValues(x0, x1, axis.width() or 1000)
        return [s for _sp, values in levels for s in axis.tickStrings(values, 1.0, 0.0)]

    trends_chart.set_range_preset("90d")
    shown = labels()
    assert any(s.endswith(" 2026") and s[:3] in ("Sep", "Oct", "Nov") for s in shown)
    assert any(s.isdigit() and int(s) <= 31 for s in shown)
    long_series, _ = demo_series(days=6 * 365)
    trends_chart.set_series(long_series)
    try:
        trends_chart.set_range_preset("all")
        shown = labels()
        years = [s for s in shown if len(s) == 4 and s.isdigit()]
        assert years and all(2020 <= int(y) <= 2026 for y in years)
        assert not any(s.isdigit() and len(s) <= 2 for s in shown)  # no day numbers
    finally:
        trends_chart.set_series(trend_series)


def test_the_view_cannot_leave_the_calendar(trends_chart: TrendsChart) -> None:
    view = trends_chart.plot.getPlotItem().getViewBox()
    view.setXRange(-1e13, 1e13, padding=0)
    (x0, x1), _y = view.viewRange()
    assert x0 >= datetime(1900, 1, 1).timestamp() and x1 <= datetime(2200, 1, 1).timestamp()
    axis = trends_chart.plot.getPlotItem().getAxis("bottom")
    assert axis.tickValues(x0, x1, 1000)  # still ticks (decades or centuries)
    trends_chart.set_range_preset("90d")


def test_planned_sessions_are_hollow_rings_apart_from_logged_ones(
    trends_chart: TrendsChart,
) -> None:
    from ketajournal.domain.schedules import PlannedItem, PlannedSession
    from ketajournal.domain.series import with_planned
    from ketajournal.palette import screen

    built, _sessions = demo_series()
    ahead = NOW + timedelta(days=9)
    plan = [PlannedItem(1, PlannedSession(at=ahead, route="iv", phase="booster"))]
    trends_chart.set_series(with_planned(built, plan))
    xs, ys = trends_chart.drawn_points("planned")
    assert list(xs) == [ahead.timestamp()] and list(ys) == [10.0]
    assert "Planned session" in trends_chart.legend_labels()
    planned = trends_chart.item("planned")
    assert planned.opts["symbol"] == "o"
    assert planned.opts["symbolBrush"] is None or\
        pg.mkBrush(planned.opts["symbolBrush"]).style() == Qt.BrushStyle.NoBrush
    assert pg.mkPen(planned.opts["symbolPen"]).color().name() == screen().planned
    assert screen().planned not in (screen().induction, screen().booster)
    trends_chart.set_series(built)
    assert trends_chart.drawn_points("planned")[0].size == 0


def test_the_legend_takes_fewer_columns_rather_than_push_the_right_axis_out(
    qtbot: QtBot,
) -> None:
    from ketajournal import translation

    chart = TrendsChart()
    qtbot.addWidget(chart)
    chart.resize(1100, 600)
    chart.show()
    qtbot.waitExposed(chart)

    def legend_width() -> float:
        return chart.legend.layout.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()

    assert chart.legend.columnCount == 5
    chart.resize(600, 500)
    qtbot.waitUntil(lambda: chart.legend.columnCount < 5)
    assert legend_width() <= chart.plot.width()
    chart.resize(1100, 600)
    qtbot.waitUntil(lambda: chart.legend.columnCount == 5)
    # German labels are longer: fewer columns at the window's width too.
    translation.install("de")
    try:
        german = TrendsChart()
        qtbot.addWidget(german)
        german.resize(1070, 600)
        german.show()
        qtbot.waitExposed(german)
        assert german.legend.columnCount < 5
        assert german.legend.layout.effectiveSizeHint(
            Qt.SizeHint.MinimumSize).width() <= german.plot.width()
    finally:
        translation.install("en")
