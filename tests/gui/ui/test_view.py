"""JournalView: a hidden screen marks itself stale and refreshes once when next shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import Event, EventKind, MoodEntry
from ketajournal.services.journal import Change, Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.view import JournalView


class MoodCount(JournalView):
    """A screen that shows how many mood entries the journal holds."""

    KINDS = frozenset({"mood"})

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.rebuilds = 0
        self.label = QLabel(self)
        self.refresh()

    def rebuild(self) -> None:
        self.rebuilds += 1
        self.label.setText(str(len(self.controller.journal.moods())))


class EveryChange(MoodCount):
    KINDS = None


def in_tabs(qtbot: QtBot, view: JournalView) -> QTabWidget:
    """A shown tab widget whose current page is another screen: ``view`` is hidden.

    Keep the widget it returns: qtbot holds it only weakly.
    """
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("another screen"), "Other")
    tabs.addTab(view, "Moods")
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs


def test_a_hidden_view_marks_itself_stale_and_refreshes_once_when_shown(
    qtbot: QtBot, journal: Journal
) -> None:
    view = MoodCount(JournalController(journal))
    tabs = in_tabs(qtbot, view)
    assert not view.isVisible() and view.rebuilds == 1 and view.label.text() == "0"

    view.controller.log(MoodEntry(at=journal.now(), mood=6))
    view.controller.log(MoodEntry(at=journal.now(), mood=7))
    assert view.stale
    assert view.rebuilds == 1 and view.label.text() == "0"  # nothing read while hidden

    tabs.setCurrentWidget(view)
    assert not view.stale
    assert view.rebuilds == 2 and view.label.text() == "2"  # two changes, one rebuild

    tabs.setCurrentIndex(0)
    tabs.setCurrentWidget(view)
    assert view.rebuilds == 2  # shown again with nothing new: no rebuild


def test_a_shown_view_refreshes_on_the_change_itself(qtbot: QtBot, journal: Journal) -> None:
    view = MoodCount(JournalController(journal))
    tabs = in_tabs(qtbot, view)
    tabs.setCurrentWidget(view)
    view.controller.log(MoodEntry(at=journal.now(), mood=6))
    assert not view.stale
    assert view.rebuilds == 2 and view.label.text() == "1"


def test_a_change_of_another_kind_leaves_a_hidden_view_fresh(
    qtbot: QtBot, journal: Journal
) -> None:
    view = MoodCount(JournalController(journal))
    tabs = in_tabs(qtbot, view)
    view.controller.log(Event(at=journal.now(), event_kind=EventKind.APPOINTMENT))
    assert not view.stale and view.rebuilds == 1
    view.on_change(Change.of("settings"))
    assert not view.stale and not view.isVisible() and tabs.isVisible()


def test_a_view_without_kinds_is_concerned_by_every_change(
    qtbot: QtBot, journal: Journal
) -> None:
    view = EveryChange(JournalController(journal))
    tabs = in_tabs(qtbot, view)
    assert view.concerns(Change.of("settings"))
    view.controller.log(Event(at=journal.now(), event_kind=EventKind.APPOINTMENT))
    assert view.stale and tabs.currentIndex() == 0


def test_reading_through_catch_up_brings_a_stale_view_up_to_date(
    qtbot: QtBot, journal: Journal
) -> None:
    view = MoodCount(JournalController(journal))
    tabs = in_tabs(qtbot, view)
    view.controller.log(MoodEntry(at=journal.now(), mood=6))
    assert view.stale
    view.catch_up()  # what a property that hands out the view's data does first
    assert not view.stale and view.label.text() == "1" and not tabs.currentIndex()
