"""What the Trends chart says about the point under the mouse: date, mean, session, side effect."""

from __future__ import annotations

import numpy as np

from ketajournal.charts.trends import TrendsChart
from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.series import TrendSeries


def test_describe_point_near_gives_date_and_daily_mean(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    i = int(np.flatnonzero(trend_series.mood_counts == 2)[-1])  # a session day: two entries
    text = trends_chart.describe_point_near(
        float(trend_series.mood_x[i]), float(trend_series.mood_y[i]))
    assert text is not None
    mean = trend_series.mood_y[i]
    shown = f"{mean:.0f}" if mean == int(mean) else f"{mean:.1f}"
    assert text.startswith(f"{format_date_with_weekday(trend_series.mood_days[i])} — mood {shown} ")
    assert "(daily mean of 2 entries)" in text
    assert "7-day mean" in text


def test_describe_point_near_a_session_marker_and_a_side_effect(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    x = float(trend_series.booster_x[-1])
    text = trends_chart.describe_point_near(x, 0.3)
    assert text is not None
    assert text.startswith("Booster session — ")
    effect = trends_chart.describe_point_near(float(trend_series.side_effect_x[-1]), -0.6)
    assert effect == trend_series.side_effect_labels[-1]


def test_describe_point_near_nothing_is_none(
    trends_chart: TrendsChart, trend_series: TrendSeries
) -> None:
    x = float(trend_series.mood_x[-1])
    assert trends_chart.describe_point_near(x, 10.45) is None
