"""What the Trends chart says about the point under the mouse: date, mean, session, side effect."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from ketajournal.charts.trends import TrendsChart
from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.models import Assessment, MoodEntry, Session, SideEffect
from ketajournal.domain.series import TrendSeries, build_trend_series
from ketajournal.services.demo import generate
from tests.support.clock import NOW


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


def test_describe_point_near_gives_date_and_daily_mean(
    chart: TrendsChart, series: TrendSeries
) -> None:
    i = int(np.flatnonzero(series.mood_counts == 2)[-1])  # a session day: two entries
    text = chart.describe_point_near(float(series.mood_x[i]), float(series.mood_y[i]))
    assert text is not None
    mean = series.mood_y[i]
    shown = f"{mean:.0f}" if mean == int(mean) else f"{mean:.1f}"
    assert text.startswith(f"{format_date_with_weekday(series.mood_days[i])} — mood {shown} ")
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


def test_describe_point_near_nothing_is_none(chart: TrendsChart, series: TrendSeries) -> None:
    x = float(series.mood_x[-1])
    assert chart.describe_point_near(x, 10.45) is None
