"""The UI's door to the journal: every write undoable, every change announced."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from ketajournal.domain.models import MoodEntry
from ketajournal.services.journal import Journal
from ketajournal.ui.controller import JournalController


def test_log_edit_and_delete_are_each_undone_and_redone(qtbot: QtBot, journal: Journal) -> None:
    controller = JournalController(journal)
    changes: list[object] = []
    controller.changed.connect(changes.append)
    saved = controller.log(MoodEntry(at=controller.now() - timedelta(hours=1), mood=4))
    assert saved.id is not None and len(journal.moods()) == 1
    controller.update(MoodEntry(at=saved.at, mood=8, id=saved.id))
    assert journal.moods()[0].mood == 8
    controller.delete(journal.moods()[0])
    assert journal.moods() == []
    assert len(changes) == 3
    stack = controller.undo_stack
    stack.undo()
    assert [(m.id, m.mood) for m in journal.moods()] == [(saved.id, 8)]
    stack.undo()
    assert journal.moods()[0].mood == 4
    stack.undo()
    assert journal.moods() == []
    stack.redo()
    assert journal.moods()[0].mood == 4
    assert len(changes) == 7  # every undo and redo is announced too


def test_settings_changed_names_the_settings() -> None:
    assert JournalController.settings_changed().kinds == frozenset({"settings"})
