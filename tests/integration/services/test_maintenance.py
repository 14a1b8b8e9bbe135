"""The full check and the daily backup run after the window is shown, not before.

Opening for the window checks only what is cheap (header, key, page 1, schema);
:mod:`ketajournal.services.maintenance` then checks every page and takes the
backup on its own connection. These tests use real journals and a real window.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import maintenance
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_checked
from ketajournal.ui import tasks
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow
from tests.support.clock import FixedClock
from tests.support.paths import ROOT

PAGE = 4096


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(journal: Journal, clock: FixedClock, days: int = 1500) -> None:
    start = clock() - timedelta(days=days)
    journal.log_all(
        [MoodEntry(at=start + timedelta(days=i), mood=i % 11, note="x" * 40) for i in range(days)]
    )


def _damage_a_middle_page(path: Path) -> None:
    pages = path.stat().st_size // PAGE
    assert pages > 8  # page 1 stays intact: the cheap checks at open pass
    with path.open("r+b") as handle:
        handle.seek(pages // 2 * PAGE)
        handle.write(os.urandom(PAGE))


@pytest.fixture
def filled(paths: JournalPaths, clock: FixedClock) -> JournalPaths:
    journal = open_checked(paths, KeyringKeyStore(), create=True, clock=clock).journal
    _fill(journal, clock)
    journal.close()
    return paths


def _backups(paths: JournalPaths) -> list[str]:
    folder = paths.home / "backups"
    return sorted(p.name for p in folder.glob("*.db")) if folder.exists() else []


def test_after_open_checks_then_backs_up_once_a_day(
    filled: JournalPaths, clock: FixedClock
) -> None:
    journal = open_checked(filled, KeyringKeyStore(), create=False, clock=clock,
                           verify=False).journal
    try:
        first = maintenance.after_open(*maintenance.after_open_work(journal))
        assert first.healthy and first.backup_error is None
        assert first.backups is not None
        assert sorted(p.name for p in first.backups.made) == _backups(filled)
        assert [name.split("-")[0] for name in _backups(filled)] == ["daily", "weekly"]
        again = maintenance.after_open(*maintenance.after_open_work(journal))
        assert again.healthy and again.backups is not None and again.backups.made == ()
    finally:
        journal.close()


def test_a_damaged_page_opens_cheaply_is_found_after_and_gets_no_backup(
    filled: JournalPaths, clock: FixedClock
) -> None:
    _damage_a_middle_page(filled.database)
    damaged = _digest(filled.database)
    # The cheap checks at open pass: the window can be shown at once ...
    journal = open_checked(filled, KeyringKeyStore(), create=False, clock=clock,
                           verify=False).journal
    try:
        result = maintenance.after_open(*maintenance.after_open_work(journal))
    finally:
        journal.close()
    # ... and the full check after it finds the damage, and copies nothing.
    assert not result.healthy and result.backups is None
    assert _backups(filled) == []
    assert _digest(filled.database) == damaged


def test_the_check_reads_a_snapshot_while_the_window_writes(
    filled: JournalPaths, clock: FixedClock
) -> None:
    journal = open_checked(filled, KeyringKeyStore(), create=False, clock=clock,
                           verify=False).journal
    try:
        path, key, now = maintenance.after_open_work(journal)
        journal.log(MoodEntry(at=clock(), mood=7))
        result = maintenance.after_open(path, key, now)
        journal.log(MoodEntry(at=clock(), mood=8))
        assert result.healthy and result.backups is not None
        assert journal.check().ok
        assert journal.counts()["mood"] == 1502
    finally:
        journal.close()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(
            QMessageBox, name,
            lambda _parent, title, text, *_a, **_k: shown.append((title, text)),
        )
    return shown


def _window(
    qtbot: QtBot, paths: JournalPaths, clock: FixedClock, unlock: object = None
) -> Iterator[MainWindow]:
    journal = open_checked(paths, KeyringKeyStore(), create=False, clock=clock,
                           verify=False).journal
    win = MainWindow(JournalController(journal), unlock=unlock,  # type: ignore[arg-type]
                     keys=KeyringKeyStore(), check_after_open=True)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    if win.controller is not None:
        win.controller.journal.close()


def test_the_window_checks_and_backs_up_in_a_thread_after_it_is_shown(
    qtbot: QtBot, filled: JournalPaths, clock: FixedClock, messages: list[tuple[str, str]]
) -> None:
    assert not tasks.SYNCHRONOUS
    windows = _window(qtbot, filled, clock)
    win = next(windows)
    assert win.after_open_result is None  # nothing ran before the event loop turned
    qtbot.waitUntil(lambda: win.after_open_result is not None, timeout=10_000)
    assert win.after_open_result is not None and win.after_open_result.healthy
    assert len(_backups(filled)) == 2 and messages == []
    assert "backup" in win.statusBar().currentMessage()
    # The patient can log while it ran; nothing else changed.
    win.today.save_mood(6)
    assert win.controller is not None and win.controller.journal.counts()["mood"] == 1501
    next(windows, None)


def test_damage_found_after_opening_locks_and_reopens_through_the_repair_path(
    qtbot: QtBot, filled: JournalPaths, clock: FixedClock, messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)
    _damage_a_middle_page(filled.database)
    damaged = _digest(filled.database)
    unlocked: list[str] = []

    def unlock(secret: str) -> Journal:  # what the app passes: the full check, then repair
        unlocked.append(secret)
        return open_checked(filled, KeyringKeyStore(), secret or None, create=False,
                            clock=clock).journal

    windows = _window(qtbot, filled, clock, unlock)
    win = next(windows)
    qtbot.waitUntil(lambda: win.after_open_result is not None, timeout=10_000)
    assert win.after_open_result is not None and not win.after_open_result.healthy
    title, text = messages[0]
    assert title == "Your journal needs repair" and "Nothing is deleted" in text
    assert unlocked == [""]  # reopened through the checked path at once
    assert win.controller is None  # still locked: the journal is not used while damaged
    assert "damaged" in win.lock_screen.error.text()
    assert _backups(filled) == [] and _digest(filled.database) == damaged
    next(windows, None)


def test_the_window_starts_without_numpy_pyqtgraph_or_the_report_model(tmp_path: Path) -> None:
    """What logging one mood needs, and nothing more (docs/performance.md, P1/P2)."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import sys
        import keyring
        from tests.support.keyrings import MemoryKeyring
        keyring.set_keyring(MemoryKeyring())
        import ketajournal.cli, ketajournal.app
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from ketajournal.platform.keystore import KeyringKeyStore
        from ketajournal.platform.paths import JournalPaths
        from ketajournal.services.opening import open_checked
        from ketajournal.ui.controller import JournalController
        from ketajournal.ui.main_window import MainWindow
        opened = open_checked(JournalPaths(Path(sys.argv[1])), KeyringKeyStore(), verify=False)
        window = MainWindow(JournalController(opened.journal))
        window.show()
        for _ in range(3):
            app.processEvents()
        heavy = ("numpy", "pyqtgraph", "reportlab", "ketajournal.reports.model",
                 "ketajournal.services.exchange", "ketajournal.charts.trends")
        print(",".join(m for m in heavy if m in sys.modules))
        """
    )
    root = ROOT
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "home")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)},
        capture_output=True, text=True, timeout=120, check=True,
    )
    assert result.stdout.strip() == ""
