"""Privacy that holds: no network, no health data in files, logs, titles or temp files."""

from __future__ import annotations

import logging
import socket
import sys
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ketajournal import app
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
from ketajournal.platform import crypto
from ketajournal.platform.crypto import Argon2Params
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.reports.pdf import write_pdf
from ketajournal.services import demo, exchange
from ketajournal.services.backups import automatic_backup
from ketajournal.services.journal import Journal
from ketajournal.services.keys import change_passphrase, disable_passphrase, enable_passphrase
from ketajournal.services.opening import open_checked
from ketajournal.services.portable import write_portable_backup
from ketajournal.services.reports import build_report
from ketajournal.services.restore import restore_backup_file
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow
from tests.support.keyrings import MemoryKeyring

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
    # Exports never go into the home any more (issue 12): check one beside it.
    export = paths.home.parent / "export.json"
    journal.export_json(export)
    for path in [paths.home, *paths.home.rglob("*"), export]:
        mode = path.stat().st_mode & 0o777
        if path.is_dir():
            assert mode == 0o700, path
        else:
            assert mode == 0o600, path


# -- every path at once (issue 5 §4) --------------------------------------------------


def visible_text(window: MainWindow) -> str:
    from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

    parts = [window.windowTitle()]
    parts += [w.text() for w in window.findChildren(QLabel)]
    parts += [w.text() for w in window.findChildren(QLineEdit)]
    parts += [w.toPlainText() for w in window.findChildren(QPlainTextEdit)]
    return "\n".join(parts)


def modes_are_private(root: Path, *, include_root: bool = True) -> list[str]:
    wrong = []
    for path in [root, *root.rglob("*")] if include_root else list(root.rglob("*")):
        mode = path.stat().st_mode & 0o777
        if mode != (0o700 if path.is_dir() else 0o600):
            wrong.append(f"{path.relative_to(root.parent)} {oct(mode)}")
    return wrong


def test_sentinels_stay_inside_the_encrypted_journal_through_every_path(
    qtbot: QtBot, paths: JournalPaths, clock, tmp_path: Path, private_tmp: Path,
    no_network: list[str], caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Start, save, edit, delete, backups (automatic and to a file), restore (into a new
    home with the recovery key, and over the journal with force), lock, key changes,
    every export, import and a crash: the sentinel is only in the exports asked for."""
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", Argon2Params(memory_kib=8, iterations=1, lanes=1))
    shown: list[str] = []
    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, title, text, *_a, **_k: shown.append(f"{title}\n{text}")
        )
    keys = KeyringKeyStore()
    exports = tmp_path / "exports"
    exports.mkdir(mode=0o700)

    # start (first run) and save
    opened = open_checked(paths, keys, clock=clock)
    assert opened.new_recovery_code is not None
    code = str(opened.new_recovery_code)
    journal = opened.journal
    data = demo.generate(journal.now(), days=30)
    journal.log_all(data.entries, data.session_of)
    fill_with_sentinels(journal)

    def unlock(secret: str) -> Journal:
        return open_checked(paths, keys, secret or None, create=False, clock=clock).journal

    window = MainWindow(JournalController(journal), unlock=unlock)
    qtbot.addWidget(window)
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(1)
    # save, edit, delete and undo through the window
    window.today.note.setPlainText(SENTINEL)
    window.today.save_mood(6)
    entry = journal.moods()[-1]
    window.controller.update(MoodEntry(at=entry.at, mood=7, note=SENTINEL + " edited", id=entry.id))
    window.controller.delete(journal.moods()[-1])
    window.controller.undo_stack.undo()

    # backups: the automatic ones (two days) and one file (`backup -o`)
    automatic_backup(journal)
    clock.advance(timedelta(days=1))
    automatic_backup(journal)
    backup_file = exports / "journal-backup.zip"
    write_portable_backup(journal, backup_file)

    # the plaintext exports the user asks for
    journal.export_json(exports / "export.json")
    exchange.export_csv(journal, exports / "csv")
    exchange.export_fhir(journal, exports / "fhir.json")
    write_pdf(
        build_report(journal, None, None, include_notes=True, name=SENTINEL,
                     since_last_appointment=False),
        exports / "report.pdf",
    )
    asked = {"journal-backup.zip", "export.json", "csv", "fhir.json", "report.pdf"}

    # import: our own export back in (all duplicates, skipped) and into a second journal
    exchange.import_path(journal, exports / "export.json")
    second = JournalPaths(tmp_path / "second")
    other = open_checked(second, keys, clock=clock).journal
    exchange.import_path(other, exports / "csv")
    other.close()

    # key changes while open
    enable_passphrase(journal, keys, SENTINEL + " passphrase")
    change_passphrase(journal, SENTINEL + " another", current=SENTINEL + " passphrase")
    disable_passphrase(journal, keys)

    # lock (with commands on the undo stack): nothing from the journal on screen;
    # unlock through the keyring.
    window.lock()
    assert SENTINEL not in visible_text(window)
    window.lock_screen.button.click()
    assert window.controller is not None

    # restore: into a new home with the recovery key and an empty keyring ...
    window.lock()
    keyring.set_keyring(MemoryKeyring())
    restored = JournalPaths(tmp_path / "restored")
    restore_backup_file(restored, backup_file, keys, code, clock=clock)
    # ... and over the journal itself, with force (the old one moved aside); the keyring
    # entry is bound to each folder, so the empty keyring asks for the recovery key here too
    restore_backup_file(paths, backup_file, keys, code, force=True, clock=clock)
    window.lock_screen.button.click()
    assert window.controller is not None
    window.controller.journal.export_json(exports / "after-restore.json")
    asked.add("after-restore.json")

    # a crash with health data in the exception's message
    try:
        raise RuntimeError(f"failed on {SENTINEL}")
    except RuntimeError:
        app._crash_handler(*sys.exc_info())  # type: ignore[arg-type]
    assert any("unexpected error" in text for text in shown)
    window.lock()

    homes = [paths.home, second.home, restored.home]
    for root in [*homes, private_tmp]:
        assert files_containing(root, SENTINEL) == [], root
    assert SENTINEL.encode() not in backup_file.read_bytes()
    # the sentinel is in plaintext only where the user asked for an export
    assert {p.name for p in exports.iterdir()} == asked  # no temporary files left beside
    leaked = set(files_containing(exports, SENTINEL))
    assert leaked and all(name.split("/")[0] in asked for name in leaked)
    assert SENTINEL not in caplog.text
    out, err = capfd.readouterr()
    assert SENTINEL not in out and SENTINEL not in err
    assert not [text for text in shown if SENTINEL in text]
    assert SENTINEL not in window.windowTitle()
    # owner-only, everywhere the app wrote
    for root in [*homes, exports]:
        assert modes_are_private(root) == [], root
    assert modes_are_private(private_tmp, include_root=False) == []  # the test made the root
    assert (paths.home / "backups").is_dir()
    assert list((paths.home / "backups").glob("before-restore-*"))
