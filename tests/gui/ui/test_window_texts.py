"""The main window's own words: its title, status messages said again in a new language,
and its message boxes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ketajournal import APP_TITLE, __version__, translation
from ketajournal.ui import window_texts as texts


@pytest.fixture
def frame(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []
    for kind in ("about", "critical", "warning"):
        def record(_parent: QWidget, title: str, text: str, *_rest: object,
                   _kind: str = kind) -> None:
            shown.append((_kind, title, text))
        monkeypatch.setattr(QMessageBox, kind, record)
    return shown


def test_the_title_names_the_app_and_the_demo_never_content(qapp: object) -> None:
    assert texts.window_title(False) == APP_TITLE
    assert texts.window_title(True) == f"{APP_TITLE} — demo journal"
    translation.install("de")
    try:
        assert texts.window_title(True) == f"{APP_TITLE} — Demo-Tagebuch"
        assert texts.opening_text() == "Ihr Tagebuch wird geöffnet…"
    finally:
        translation.install("en")


def test_the_status_line_says_its_message_again_only_while_it_is_shown(
        frame: QMainWindow) -> None:
    line = texts.StatusLine(frame.statusBar())
    line.retranslate()  # nothing said yet: nothing to say again
    assert frame.statusBar().currentMessage() == ""
    line.show(texts.LOCKED)
    assert frame.statusBar().currentMessage() == "Locked."
    translation.install("de")
    try:
        line.retranslate()
        assert frame.statusBar().currentMessage() == "Gesperrt."
        frame.statusBar().showMessage("Sync: synced just now.")  # another part's message
        translation.install("es")
        line.retranslate()
        assert frame.statusBar().currentMessage() == "Sync: synced just now."
    finally:
        translation.install("en")


def test_the_message_boxes_say_what_happened_in_the_installed_language(
        frame: QMainWindow, boxes: list[tuple[str, str, str]]) -> None:
    texts.about(frame)
    texts.needs_repair(frame)
    texts.backup_failed(frame, "The disk is full.")
    texts.red_flag(frame, "Chest pain", "Call a doctor now.")
    assert [b[:2] for b in boxes] == [
        ("about", f"About {APP_TITLE}"), ("critical", "Your journal needs repair"),
        ("warning", f"{APP_TITLE}: backup"), ("warning", "Red flag")]
    assert boxes[0][2].startswith(f"{APP_TITLE} {__version__}\n\nA private journal")
    assert "Nothing is deleted" in boxes[1][2]
    assert boxes[2][2] == "The disk is full."
    assert boxes[3][2] == "Chest pain: Call a doctor now."
    boxes.clear()
    translation.install("de")
    try:
        texts.about(frame)
        texts.needs_repair(frame)
    finally:
        translation.install("en")
    assert boxes[0][1] == f"Über {APP_TITLE}"
    assert "Ihr Tagebuch ist verschlüsselt" in boxes[0][2]
    assert boxes[1][1] == "Ihr Tagebuch muss repariert werden"
