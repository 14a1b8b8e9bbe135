"""The Year screen: a year in pixels from a real journal, clicked and moved with keys."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from ketajournal import palette
from ketajournal.domain.models import MoodEntry, Phase, Route, Session
from ketajournal.palette import mood_colour
from ketajournal.services import app_import
from ketajournal.services.journal import Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.year import YearView
from tests.support import exports
from tests.support.clock import NOW


def shown(qtbot: QtBot, journal: Journal) -> YearView:
    view = YearView(JournalController(journal))
    qtbot.addWidget(view)
    view.resize(1000, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def pixel(view: YearView, day: date) -> str:
    rect = view.grid.cell_rect(day)
    image = view.grid.grab().toImage()
    # Inside the square, clear of a session ring (at its edge) and dot (at its centre).
    return QColor(image.pixel(int(rect.left()) + 4, int(rect.top()) + 11)).name()


def at(day: date, hour: int = 20) -> datetime:
    return datetime.combine(day, time(hour), NOW.tzinfo)


def test_each_day_is_coloured_by_its_daily_mood_and_sessions_are_ringed(
    qtbot: QtBot, journal: Journal
) -> None:
    day = date(2026, 3, 14)
    journal.log(MoodEntry(at=at(day, 9), mood=6))
    journal.log(MoodEntry(at=at(day), mood=7))  # mean 6.5 → step 7
    journal.log(Session(at=at(day, 10), route=Route.IV, phase=Phase.INDUCTION))
    view = shown(qtbot, journal)
    assert view.year == NOW.year
    assert view.grid.pixels.step(day) == 7
    assert pixel(view, day) == mood_colour(7)
    assert pixel(view, date(2026, 3, 15)) == palette.LIGHT.year_no_entry
    assert day in view.grid.pixels.sessions
    assert view.summary.text() == "1 day with a mood entry, 1 session day."


def test_in_dark_mode_an_empty_day_is_dark_grey_and_the_marks_follow_the_scheme(
    qtbot: QtBot, journal: Journal
) -> None:
    day = date(2026, 3, 14)
    journal.log(MoodEntry(at=at(day), mood=7))
    journal.log(Session(at=at(day, 10), route=Route.IV, phase=Phase.INDUCTION))
    palette.use(palette.DARK)
    try:
        view = shown(qtbot, journal)
        view.grid.choose(day)
        assert pixel(view, date(2026, 3, 15)) == palette.DARK.year_no_entry
        assert pixel(view, day) == mood_colour(7)  # the scale is the same in both
        image = view.grid.grab().toImage()
        rect = view.grid.cell_rect(day)
        centre = QColor(image.pixel(int(rect.center().x()), int(rect.center().y()))).name()
        assert centre == palette.DARK.year_session  # the session dot
        # The chosen day's frame, 2 px outside the square, on the window.
        # (antialiased: within a few steps of the colour, far from the dark window)
        frame = QColor(image.pixel(int(rect.left()) - 2, int(rect.center().y())))
        wanted = QColor(palette.DARK.year_selected)
        assert max(abs(frame.red() - wanted.red()), abs(frame.green() - wanted.green()),
                   abs(frame.blue() - wanted.blue())) <= 8
    finally:
        palette.use(palette.LIGHT)


def test_a_click_lists_the_days_entries_in_time_order_and_keys_move(
    qtbot: QtBot, journal: Journal
) -> None:
    day = date(2026, 3, 14)
    entry, _ = journal.log(MoodEntry(at=at(day), mood=7, note="first line\nsecond"))
    assert entry.id is not None
    journal.set_tags(entry.id, ["walk"])
    journal.log(Session(at=at(day, 10), route=Route.IV, phase=Phase.INDUCTION))
    view = shown(qtbot, journal)
    center = view.grid.cell_rect(day).center()
    qtbot.mouseClick(view.grid, Qt.MouseButton.LeftButton,
                     pos=QPoint(int(center.x()), int(center.y())))
    assert view.grid.selected == day
    assert view.grid.focusPolicy() == Qt.FocusPolicy.StrongFocus  # reachable by Tab
    items = [view.day_list.item(i).text() for i in range(view.day_list.count())]
    assert items == ["10:00  session (Induction, IV infusion)",
                     "20:00  mood 7  · walk\n        first line"]
    assert "Sat 14 Mar 2026: daily mood 7, a session day" in view.grid.accessibleDescription()
    qtbot.keyClick(view.grid, Qt.Key.Key_Down)
    assert view.grid.selected == date(2026, 3, 15)
    assert view.day_list.item(0).text() == "No entries on this day."
    qtbot.keyClick(view.grid, Qt.Key.Key_Left)
    assert view.grid.selected == date(2026, 2, 15)


def test_eighteen_months_of_daylio_show_on_two_years(
    qtbot: QtBot, journal: Journal
) -> None:
    parsed = app_import.read_file(
        Path("daylio.csv"),
        app_import.ImportOptions("daylio", {exports.CUSTOM_LABEL: 4}, zone=NOW.tzinfo),
        data=exports.daylio_history(),
    )
    app_import.import_parsed(journal, parsed)
    view = shown(qtbot, journal)
    assert [view.year_box.itemText(i) for i in range(view.year_box.count())] == ["2026", "2025"]
    assert view.grid.pixels.logged_days == 181  # 2026-01-01 … 2026-06-30
    view.year_box.setCurrentIndex(1)
    assert view.year == 2025 and view.grid.pixels.logged_days == 365
    first = exports.HISTORY_START
    assert view.grid.pixels.step(first) == exports.history_score(0)
    assert pixel(view, first + timedelta(days=1)) == mood_colour(exports.history_score(1))


def test_a_new_mood_recolours_its_day(qtbot: QtBot, journal: Journal) -> None:
    view = shown(qtbot, journal)
    day = NOW.date()
    assert view.grid.pixels.step(day) is None
    view.controller.log(MoodEntry(at=NOW, mood=2))
    assert view.grid.pixels.step(day) == 2
