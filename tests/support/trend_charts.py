"""The Trends chart over the demo patient: the set-up the chart's and its hover's tests share.

Registered by tests/conftest.py. Qt and pyqtgraph are imported only inside the
fixtures, so the pure tests (``-m "not gui"``) do not load them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from ketajournal.domain.models import Assessment, MoodEntry, Session, SideEffect
from ketajournal.domain.series import TrendSeries, build_trend_series
from ketajournal.services.demo import generate
from tests.support.clock import NOW

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ketajournal.charts.trends import TrendsChart


def demo_series(
    days: int = 120, seed: int = 7, *, questionnaires: bool = False
) -> tuple[TrendSeries, list[Session]]:
    """The demo patient's trend series (questionnaire totals on request) and sessions."""
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
def trends_chart(qapp: QApplication) -> Iterator[TrendsChart]:
    """One shown Trends chart for a whole test module."""
    # One chart for the whole module: creating and closing many PlotWidgets in one
    # process has crashed Python, and the chart is built to be reused anyway.
    from ketajournal.charts.trends import TrendsChart

    widget = TrendsChart()
    widget.resize(1100, 600)
    widget.show()
    qapp.processEvents()
    yield widget
    widget.close()
    widget.deleteLater()
    qapp.processEvents()


@pytest.fixture
def trend_series(trends_chart: TrendsChart) -> TrendSeries:
    """The demo series drawn on ``trends_chart``: mood without anxiety, the last 30 days."""
    from PySide6.QtWidgets import QApplication

    built, _sessions = demo_series()
    trends_chart.set_anxiety_visible(False)
    trends_chart.set_series(built)
    trends_chart.set_range_preset("30d")
    QApplication.processEvents()
    return built
