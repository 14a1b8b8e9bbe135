"""The Trends chart's data as a table model: one row per day, cells that read alone."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import MoodEntry, Phase, Route, Session
from ketajournal.domain.series import build_trend_series
from ketajournal.ui.trend_table import TrendTableModel, trend_table_view

ZONE = timezone(timedelta(hours=1))


def test_the_model_lists_the_days_newest_first_with_readable_cells(qtbot: QtBot) -> None:
    model = TrendTableModel()
    series = build_trend_series(
        [MoodEntry(at=datetime(2026, 12, 1, 20, tzinfo=ZONE), mood=7)],
        [Session(at=datetime(2026, 12, 2, 10, tzinfo=ZONE), route=Route.IV,
                 phase=Phase.INDUCTION)],
        [],
    )
    model.set_series(series)
    view = trend_table_view(model)
    qtbot.addWidget(view)
    assert model.rowCount() == 2 and model.columnCount() == 4
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Day", "Mood", "7-day mean", "Sessions"]
    cells = [[model.index(r, c).data() for c in range(4)] for r in range(2)]
    assert cells == [
        ["Wed 2 Dec 2026", "", "", "Induction"],
        ["Tue 1 Dec 2026", "7", "7", ""],
    ]
    spoken = model.index(0, 1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Mood: none"
    assert model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Tue 1 Dec 2026: mood 7, 7-day mean 7"
    )
    assert view.accessibleName() and not view.tabKeyNavigation()
