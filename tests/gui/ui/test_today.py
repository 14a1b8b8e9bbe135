"""The Today screen: typed and clicked moods saved, ten from one-zero, the clock's day counted."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import (
    MoodEntry,
)
from ketajournal.services import clinical
from ketajournal.services.journal import Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.today import TEN_WINDOW_MS, describe_status
from tests.support.clock import FixedClock


def timeline_texts(window: MainWindow) -> list[str]:
    model = window.timeline.proxy
    return [
        " | ".join(str(model.index(r, c).data()) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def chart_mood_points(window: MainWindow) -> list[float]:
    window.tabs.setCurrentWidget(window.trends)  # a hidden view refreshes when shown
    series = window.trends.chart.series
    assert series is not None
    return [float(v) for v in series.mood_y]


def test_typing_a_mood_saves_it_and_it_appears_in_timeline_and_trends(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    window.today.note.setPlainText("calm afternoon")
    window.today.mood_row.buttons[7].setFocus()
    qtbot.keyClick(window.today.mood_row.buttons[7], Qt.Key.Key_7)
    (entry,) = journal.moods()
    assert entry.mood == 7 and entry.note == "calm afternoon"
    assert window.today.status.text().startswith("Saved at")
    assert window.today.note.toPlainText() == ""  # cleared only after the commit
    assert any("Mood 7/10" in row and "calm afternoon" in row for row in timeline_texts(window))
    assert chart_mood_points(window) == [7.0]


def test_one_then_zero_means_ten_and_a_lone_one_means_one(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    button = window.today.mood_row.buttons[5]
    qtbot.keyClick(button, Qt.Key.Key_1)
    qtbot.keyClick(button, Qt.Key.Key_0)
    qtbot.keyClick(button, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: len(journal.moods()) == 2, timeout=TEN_WINDOW_MS * 4)
    assert [m.mood for m in journal.moods()] == [10, 1]


def test_clicking_a_number_saves_with_the_optional_details(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    today = window.today
    today.details_toggle.click()
    today.anxiety.set_optional(6)
    today.sleep.set_optional(6.5)
    qtbot.mouseClick(today.mood_row.buttons[3], Qt.MouseButton.LeftButton)
    (entry,) = journal.moods()
    assert (entry.mood, entry.anxiety, entry.energy, entry.sleep_hours) == (3, 6, None, 6.5)


def test_today_counts_the_moods_of_the_clocks_day_across_a_dst_change(
    qtbot: QtBot, journal: Journal, clock: FixedClock
) -> None:
    plus_one, plus_two = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))
    journal.log(MoodEntry(at=datetime(2026, 3, 28, 23, 30, tzinfo=plus_one), mood=4))
    journal.log(MoodEntry(at=datetime(2026, 3, 29, 0, 30, tzinfo=plus_one), mood=5))
    clock.current = datetime(2026, 3, 29, 20, 0, tzinfo=plus_two)
    win = MainWindow(JournalController(journal))
    qtbot.addWidget(win)
    assert win.today.summary.text() == "Today so far: 1 mood entry."


def test_tags_typed_with_a_mood_are_saved_with_it_completed_and_undone_with_it(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    today = window.today
    today.details_toggle.setChecked(True)
    today.tags.setText("walk, Friends , walk")
    today.mood_row.buttons[6].click()
    (entry,) = journal.moods()
    assert entry.id is not None
    assert journal.tags_of([entry.id]) == {entry.id: ("Friends", "walk")}
    assert today.tags.text() == ""
    # The tags used so far are offered, completing the one after the last comma.
    assert today.tag_completer.splitPath("sleep, wa") == ["wa"]
    model = today.tag_completer.model()
    assert sorted(model.data(model.index(r, 0)) for r in range(model.rowCount())) == [
        "Friends", "walk",
    ]
    today.tags.setText("sleep, wa")
    assert today.tag_completer.pathFromIndex(model.index(0, 0)).startswith("sleep, ")
    window.open_controller.undo_stack.undo()
    assert journal.moods() == []


def test_a_bad_tag_keeps_what_was_typed_and_names_the_field(
    window: MainWindow, journal: Journal
) -> None:
    today = window.today
    today.details_toggle.setChecked(True)
    today.tags.setText("x" * 101)
    today.mood_row.buttons[6].click()
    assert today.status.text() == "tags: must be at most 100 characters"
    assert journal.moods() == [] and today.tags.text() == "x" * 101


def test_the_questionnaire_change_is_written_with_a_true_minus() -> None:
    at = datetime(2026, 3, 1, 9, tzinfo=timezone(timedelta(0)))
    status = clinical.MeasureStatus(
        instrument_id="phq9", short_title="PHQ-9",
        baseline=clinical.ScorePoint(1, at, 19, "moderately severe"), baseline_source="automatic",
        latest=clinical.ScorePoint(2, at + timedelta(days=30), 10, "moderate"),
        change_percent=-47.4, response=False, remission=False, remission_threshold=5,
        definitions={},
    )
    text = describe_status(status)
    assert ", change −47 %" in text and "-47" not in text
    rising = describe_status(dataclasses.replace(status, change_percent=12.0))
    assert ", change +12 %" in rising
