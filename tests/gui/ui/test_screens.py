"""The screens table: tabs and the View menu come from it; screens are built on first use."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from ketajournal.services.journal import Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.screens import SCREENS, ScreenTabs
from ketajournal.ui.today import TodayView
from ketajournal.ui.view import JournalView


def test_the_tabs_and_the_view_menu_follow_the_table(window: MainWindow) -> None:
    tabs = window.open_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [s.title for s in SCREENS]
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "&Today", "Ti&meline", "T&rends", "&Boosters", "A&ppointment", "Plan", "Medications",
        "Year", "Factors",
    ]
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert [(a.text(), a.shortcut().toString()) for a in view_menu.actions()] == [
        ("Today", "Ctrl+1"), ("Timeline", "Ctrl+2"), ("Trends", "Ctrl+3"),
        ("Boosters", "Ctrl+4"), ("Appointment", "Ctrl+5"), ("Plan", "Ctrl+6"),
        ("Medications", "Ctrl+7"), ("Year", "Ctrl+8"), ("Factors", "Ctrl+9"),
    ]


def test_only_today_is_built_until_a_screen_is_shown(window: MainWindow) -> None:
    tabs = window.open_tabs
    assert isinstance(tabs.widget(0), TodayView)
    assert not any(isinstance(tabs.widget(i), JournalView) for i in range(1, tabs.count()))
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    trends = next(a for a in view_menu.actions() if a.shortcut() == QKeySequence("Ctrl+3"))
    trends.trigger()
    assert tabs.currentIndex() == 2
    assert type(tabs.widget(2)).__name__ == "TrendsView" and tabs.widget(2).isVisible()
    built = [type(tabs.widget(i)).__name__ for i in range(tabs.count())]
    assert built == ["TodayView", "QWidget", "TrendsView", "QWidget", "QWidget", "QWidget",
                     "QWidget", "QWidget", "QWidget"]
    assert tabs.tabText(2) == "T&rends"


def test_a_screen_asked_for_is_built_once_and_stays_behind_the_current_tab(
    window: MainWindow, journal: Journal
) -> None:
    tabs = window.open_tabs
    built: list[JournalView] = []
    tabs.built.connect(built.append)
    timeline = window.view("timeline")
    assert tabs.currentIndex() == 0 and tabs.indexOf(timeline) == 1
    assert window.view("timeline") is timeline and window.timeline is timeline
    assert built == [timeline]
    with pytest.raises(KeyError):
        window.view("today")  # built with the window, not on demand
    with pytest.raises(KeyError):
        ScreenTabs(JournalController(journal), TodayView(window.open_controller)).view("x")


def test_every_built_screen_routes_its_edit_requests_to_the_window(
    window: MainWindow,
) -> None:
    for screen in SCREENS[1:]:
        view = window.view(screen.name)
        # Connected to the window's edit_entry: disconnecting it succeeds.
        assert view.edit_requested.disconnect(window.edit_entry)
