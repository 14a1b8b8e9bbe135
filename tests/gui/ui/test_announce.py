"""Announcements: the text a screen reader is asked to read, recorded on its widget."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ketajournal.ui import announce as announce_module
from ketajournal.ui.announce import LiveLabel, announce, last_announcement


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """The announcement events as they reach the accessibility bridge (the edge)."""
    events: list[tuple[str, object]] = []

    class Bridge:
        AnnouncementPoliteness = QAccessible.AnnouncementPoliteness

        @staticmethod
        def updateAccessibility(event: object) -> None:
            events.append((event.message(), event.politeness()))  # type: ignore[attr-defined]

    monkeypatch.setattr(announce_module, "QAccessible", Bridge)
    return events


def test_announce_sends_the_text_politely_or_assertively(
    qtbot: QtBot, sent: list[tuple[str, object]]
) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    announce(label, "  Saved at 21:04.  ")
    announce(label, "Could not save.", assertive=True)
    announce(label, "   ")  # nothing to say
    assert sent == [
        ("Saved at 21:04.", QAccessible.AnnouncementPoliteness.Polite),
        ("Could not save.", QAccessible.AnnouncementPoliteness.Assertive),
    ]
    assert last_announcement(label) == "Could not save."


def test_a_live_label_announces_each_new_text_once(
    qtbot: QtBot, sent: list[tuple[str, object]]
) -> None:
    label = LiveLabel(assertive=True)
    qtbot.addWidget(label)
    assert last_announcement(label) is None
    label.setText("Saved at <b>21:04</b>.")
    label.setText("Saved at <b>21:04</b>.")  # the same text: not again
    assert sent == [("Saved at 21:04.", QAccessible.AnnouncementPoliteness.Assertive)]
    assert label.text() == "Saved at <b>21:04</b>."
