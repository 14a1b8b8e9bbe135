"""The Trends screen: refreshed on a change while shown, on the next show while hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import MoodEntry, Phase, Route, Session
from ketajournal.domain.series import SLEEP_DEFINITION
from ketajournal.services.journal import Change, Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.trends import TrendsView


def tabs_with_trends(qtbot: QtBot, journal: Journal) -> tuple[QTabWidget, TrendsView]:
    """A shown tab widget holding another page (current) and the Trends view (hidden)."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("another screen"), "Other")
    view = TrendsView(JournalController(journal))
    tabs.addTab(view, "Trends")
    tabs.resize(1100, 720)
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs, view


def test_a_hidden_view_only_marks_itself_stale_and_refreshes_when_shown(
    qtbot: QtBot, journal: Journal
) -> None:
    tabs, view = tabs_with_trends(qtbot, journal)
    assert not view.isVisible()
    before = view.chart.series
    assert before.mood_y.size == 0

    view.controller.log(MoodEntry(at=journal.now(), mood=7, sleep_hours=6.5))
    view.controller.log(Session(at=journal.now(), route=Route.IV, phase=Phase.BOOSTER))
    assert view.stale
    assert view.chart.series is before  # nothing rebuilt while hidden

    tabs.setCurrentWidget(view)
    assert view.isVisible()
    assert not view.stale
    assert view.chart.series.mood_y.tolist() == [7.0]
    assert view.chart.series.sleep_y.tolist() == [6.5]
    assert view.chart.session_marker_count() == {"induction": 0, "booster": 1}


def test_a_shown_view_refreshes_on_the_change_itself(qtbot: QtBot, journal: Journal) -> None:
    tabs, view = tabs_with_trends(qtbot, journal)
    tabs.setCurrentWidget(view)
    view.controller.log(MoodEntry(at=journal.now(), mood=4))
    assert not view.stale
    assert view.chart.series.mood_y.tolist() == [4.0]

    # A change the chart does not draw leaves a hidden view fresh.
    tabs.setCurrentIndex(0)
    view.on_change(Change.of("event", 1))
    assert not view.stale


def test_the_definitions_say_how_sleep_is_computed(qtbot: QtBot, journal: Journal) -> None:
    _tabs, view = tabs_with_trends(qtbot, journal)
    text = view.definition.text()
    assert "sleep in hours on the left scale" in text
    assert SLEEP_DEFINITION[1:] in text


def test_the_chart_data_is_a_table_a_key_press_away(qtbot: QtBot, journal: Journal) -> None:
    from ketajournal.ui.announce import last_announcement

    journal.log(MoodEntry(at=journal.now(), mood=7))
    tabs, view = tabs_with_trends(qtbot, journal)
    tabs.setCurrentWidget(view)
    assert not view.table.isVisible()
    # Reached by Tab from the chart, and by Alt+D.
    assert view.table_button.text() == "Show the &data as a table"
    chain, widget = [], view.chart.plot.nextInFocusChain()
    while widget is not view.chart.plot and len(chain) < 50:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert view.table_button in chain
    view.table_button.click()
    assert view.table.isVisible() and view.table_button.text() == "Hide the &data table"
    assert view.table.model().rowCount() == 1
    assert view.table.model().index(0, 1).data() == "7"
    # Stepping through the chart is announced.
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(view.chart.plot, Qt.Key.Key_End)
    assert last_announcement(view.chart.plot) == view.chart.point_cursor.text()
    # A new entry reaches the table too.
    view.controller.log(MoodEntry(at=journal.now(), mood=3))
    assert view.table.model().index(0, 1).data() == "5"
