"""The report's chart series: the same series the Trends screen draws, for the period."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from functools import cache

import pytest

from ketajournal.domain.series import SEVEN_DAY_WINDOW_DAYS, build_trend_series_from_days
from ketajournal.reports.model import MOOD_LINE_MAX_GAP_DAYS, Report
from ketajournal.services import demo
from ketajournal.services.journal import Journal
from ketajournal.services.reports import build_report
from tests.support.clock import NOW

SENTINEL = "SENTINEL-NOTE-7f3a"


@cache
def demo_data() -> demo.DemoJournal:
    return demo.generate(NOW)


def fill(journal: Journal) -> Journal:
    data = demo_data()
    journal.log_all(data.entries, data.session_of)
    return journal


def report(journal: Journal, start: date | None = None, end: date | None = None,
           **kw: object) -> Report:
    options: dict[str, object] = {
        "include_notes": False, "name": None, "since_last_appointment": False}
    options.update(kw)
    return build_report(journal, start, end, **options)  # type: ignore[arg-type]


def test_the_report_chart_carries_the_series_the_trends_screen_draws(journal: Journal) -> None:
    fill(journal)
    start, end = NOW.date() - timedelta(days=60), NOW.date() - timedelta(days=10)
    trend = report(journal, start, end).charts.trend
    screen = build_trend_series_from_days(journal.daily_mood_totals(), [], [])
    on_screen = dict(zip(screen.mood_days, zip(screen.mood_y.tolist(), screen.mean7_y.tolist(),
                                              strict=True), strict=True))
    assert trend.mood_days == tuple(d for d in screen.mood_days if start <= d <= end)
    for day, mood, mean7 in zip(trend.mood_days, trend.mood_values, trend.mean7_values,
                                strict=True):
        assert (mood, mean7) == pytest.approx(on_screen[day])
    # Each run of the line joins days at most 3 (daily mood) or 7 (mean) days apart.
    for runs, gap in ((trend.mood_runs, MOOD_LINE_MAX_GAP_DAYS),
                      (trend.mean7_runs, SEVEN_DAY_WINDOW_DAYS)):
        assert [i for a, b in runs for i in range(a, b)] == list(range(len(trend.mood_days)))
        for a, b in runs:
            days = trend.mood_days[a:b]
            assert all((later - earlier).days <= gap
                       for earlier, later in itertools.pairwise(days))
        for (_, end_a), (start_b, _) in itertools.pairwise(runs):
            assert (trend.mood_days[start_b] - trend.mood_days[end_a - 1]).days > gap
