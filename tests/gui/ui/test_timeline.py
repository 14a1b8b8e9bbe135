"""The Timeline reads a page at a time, filters in the query, and patches rows on a change.

A real ten-year demo journal (4,800+ entries, encrypted, in ``tmp_path``) behind a
real :class:`TimelineView` on Qt's offscreen platform.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import Entry, EventKind, MoodEntry, Session
from ketajournal.services import demo
from ketajournal.services.journal import Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.timeline import ENTRY_ROLE, PAGE_SIZE, TimelineView
from tests.support.clock import NOW


@pytest.fixture
def big(journal: Journal) -> Journal:
    data = demo.generate(NOW, days=3650)
    journal.log_all(data.entries, data.session_of)
    return journal


@pytest.fixture
def view(qtbot: QtBot, big: Journal) -> Iterator[TimelineView]:
    widget = TimelineView(JournalController(big))
    qtbot.addWidget(widget)
    yield widget


def shown(view: TimelineView) -> list[Entry]:
    """The entries in the table's rows, read without bringing a stale view up to date."""
    model = view.table.model()
    return [model.index(row, 0).data(ENTRY_ROLE) for row in range(model.rowCount())]


def newest_first(journal: Journal) -> list[Entry]:
    return list(reversed(journal.all_entries()))


def test_the_timeline_holds_one_page_at_first_and_fetches_more(
    view: TimelineView, big: Journal
) -> None:
    everything = newest_first(big)
    assert len(everything) > 10 * PAGE_SIZE
    model = view.table.model()
    assert shown(view) == everything[:PAGE_SIZE]
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert shown(view) == everything[: 2 * PAGE_SIZE]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert shown(view) == everything


def test_scrolling_to_the_end_reads_the_next_page(
    qtbot: QtBot, view: TimelineView
) -> None:
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    assert len(shown(view)) == PAGE_SIZE
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(shown(view)) > PAGE_SIZE)


def test_search_and_kind_filter_find_entries_beyond_the_first_page(
    view: TimelineView, big: Journal
) -> None:
    old, _ = big.log(MoodEntry(at=NOW - timedelta(days=3000), mood=3, note="A Needle in 2018"))
    view.refresh()
    assert old not in shown(view)
    view.search.setText("  NEEDLE ")
    assert shown(view) == [old]
    view.search.clear()
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("session"))
    sessions = list(reversed(big.sessions()))
    assert shown(view) == sessions[:PAGE_SIZE] and sessions[-1] in shown(view)
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("event"))
    view.search.setText("appointment")  # searches notes, not the kind
    assert shown(view) == [
        e for e in reversed(big.entries("event"))
        if "appointment" in e.note.casefold()
    ][:PAGE_SIZE]
    assert all(e.kind == "event" for e in shown(view))
    assert view.kind_filter.accessibleName() == "Show kind"
    assert view.search.accessibleName() == "Search in notes"


def test_select_reads_pages_up_to_an_older_entry(view: TimelineView, big: Journal) -> None:
    target = newest_first(big)[3 * PAGE_SIZE + 5]
    assert target.id is not None
    assert view.select(target.kind, target.id)
    assert view.selected_entry() == target
    assert 3 * PAGE_SIZE < len(shown(view)) < len(newest_first(big))


def test_a_change_patches_only_the_rows_it_touched(
    qtbot: QtBot, view: TimelineView, big: Journal
) -> None:
    view.show()
    qtbot.waitExposed(view)
    model = view.table.model()
    resets: list[object] = []
    model.modelReset.connect(lambda: resets.append(1))
    controller = view.controller

    new = controller.log(MoodEntry(at=NOW - timedelta(minutes=5), mood=8, note="fresh"))
    assert shown(view)[0] == new and len(shown(view)) == PAGE_SIZE + 1

    assert new.id is not None
    assert view.select("mood", new.id)
    edited = MoodEntry(id=new.id, at=new.at, mood=2, note="edited")
    controller.update(edited)
    assert shown(view)[0] == edited and view.selected_entry() == edited

    moved = MoodEntry(id=new.id, at=NOW - timedelta(days=2), mood=2, note="moved")
    controller.update(moved)
    assert shown(view)[0] != moved and moved in shown(view)
    assert view.selected_entry() == moved
    assert shown(view) == newest_first(big)[: len(shown(view))]

    # An entry older than every row read so far waits for its page.
    old = controller.log(MoodEntry(at=NOW - timedelta(days=3000), mood=4))
    assert old not in shown(view)
    view.delete_selected()
    assert moved not in shown(view) and "Undo" in view.message.text()
    assert resets == []
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert shown(view) == newest_first(big)


def test_an_import_sized_change_reloads_the_rows_read(
    qtbot: QtBot, view: TimelineView, big: Journal
) -> None:
    view.show()
    qtbot.waitExposed(view)
    view.table.model().fetchMore(QModelIndex())
    entries = [MoodEntry(at=NOW - timedelta(hours=h + 1), mood=5) for h in range(60)]
    view.controller.notify(big.log_all(entries))
    assert shown(view) == newest_first(big)[: 2 * PAGE_SIZE]  # as many rows as before


def test_a_hidden_timeline_only_marks_itself_stale_and_catches_up_when_shown(
    qtbot: QtBot, view: TimelineView, big: Journal
) -> None:
    before = shown(view)
    new = view.controller.log(MoodEntry(at=NOW - timedelta(minutes=1), mood=9))
    assert view.stale and shown(view) == before
    view.show()
    qtbot.waitExposed(view)
    assert not view.stale and shown(view)[0] == new
    # While shown, a change applies at once.
    later = view.controller.log(Session(at=NOW - timedelta(seconds=30), route="iv",
                                        phase="booster"))
    assert not view.stale and shown(view)[0] == later


def test_reading_the_model_of_a_stale_timeline_brings_it_up_to_date(
    view: TimelineView, big: Journal
) -> None:
    new = view.controller.log(MoodEntry(at=NOW - timedelta(minutes=1), mood=9))
    assert view.stale
    assert view.model.entry(0) == new and not view.stale


def test_the_first_columns_have_fixed_widths_that_fit_their_text(view: TimelineView) -> None:
    header = view.table.horizontalHeader()
    metrics = view.table.fontMetrics()
    model = view.table.model()
    for column in (0, 1):
        assert header.sectionResizeMode(column) is not QHeaderView.ResizeMode.ResizeToContents
        widest = max(metrics.horizontalAdvance(str(model.index(row, column).data()))
                     for row in range(model.rowCount()))
        assert header.sectionSize(column) > widest
    assert EventKind.APPOINTMENT.label == "Appointment"
