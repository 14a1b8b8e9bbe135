"""Privacy that holds: no network, no health data in files, logs, titles or temp files."""

from __future__ import annotations

import logging
import socket
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import (
    Assessment,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.services import demo
from ketajournal.services.backups import automatic_backup
from ketajournal.services.journal import Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow

SENTINEL = "SENTINEL-privacy-9b41"


class NetworkUsedError(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Make every way of opening a socket fail loudly (and record the attempt)."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args)[:80])
        raise NetworkUsedError("ketajournal tried to open a network socket")

    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == []


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the process temp directory at a folder the test can inspect."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def fill_with_sentinels(journal: Journal) -> None:
    now = journal.now()
    session, _ = journal.log(Session(at=now - timedelta(hours=5), route=Route.IV,
                                     phase=Phase.BOOSTER, clinic=SENTINEL, note=SENTINEL))
    journal.log(MoodEntry(at=now - timedelta(hours=4), mood=3, note=SENTINEL))
    journal.log(SideEffect(at=now - timedelta(hours=3), category=SideEffectCategory.OTHER,
                           other_text=SENTINEL, severity=4, session_id=session.id,
                           note=SENTINEL))
    journal.log(Event(at=now - timedelta(hours=2), event_kind=EventKind.LIFE_EVENT,
                      note=SENTINEL))
    journal.log(Assessment(at=now - timedelta(hours=1), instrument_id="phq9",
                           answers=(1,) * 9, note=SENTINEL))
    journal.set_setting("safety.crisis_text", SENTINEL)


def files_containing(root: Path, needle: str) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and needle.encode() in path.read_bytes():
            found.append(str(path.relative_to(root)))
    return found


def test_a_full_session_opens_no_socket_and_leaves_no_plaintext(
    qtbot: QtBot, journal: Journal, paths, private_tmp: Path, no_network: list[str],
    caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    data = demo.generate(journal.now(), days=90)
    journal.log_all(data.entries, data.session_of)
    fill_with_sentinels(journal)
    window = MainWindow(JournalController(journal))
    qtbot.addWidget(window)
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(1)
    window.today.note.setPlainText(SENTINEL)
    window.today.save_mood(6)
    entry = journal.moods()[-1]
    window.controller.update(MoodEntry(at=entry.at, mood=7, note=SENTINEL, id=entry.id))
    window.controller.delete(journal.moods()[-1])
    window.controller.undo_stack.undo()
    automatic_backup(journal)
    journal.backup_to(paths.home / "manual.db")

    assert SENTINEL not in window.windowTitle()
    assert files_containing(paths.home, SENTINEL) == []
    assert files_containing(private_tmp, SENTINEL) == []
    assert SENTINEL not in caplog.text
    out, err = capfd.readouterr()
    assert SENTINEL not in out and SENTINEL not in err


def test_every_file_the_app_creates_is_owner_only(journal: Journal, paths) -> None:
    fill_with_sentinels(journal)
    automatic_backup(journal)
    journal.export_json(paths.home / "export.json")
    for path in [paths.home, *paths.home.rglob("*")]:
        mode = path.stat().st_mode & 0o777
        if path.is_dir():
            assert mode == 0o700, path
        else:
            assert mode == 0o600, path
