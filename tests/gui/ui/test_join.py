"""Joining from the window (ui/join.py): the first run offers "I already use ketajournal on
another computer"; the journal is made from the sync folder off the UI thread and the
window opens on it — two real journals in tmp_path, a real folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ketajournal import app as app_module
from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import sync
from ketajournal.services.opening import open_journal, open_or_create
from ketajournal.ui.join import JoinDialog, WelcomePage
from ketajournal.ui.main_window import MainWindow
from tests.support.clock import NOW, FixedClock


@pytest.fixture
def first_computer(tmp_path: Path) -> tuple[Path, str]:
    """Computer a: a journal with one mood, linked to a folder and synced; its recovery key."""
    root = tmp_path / "sync-folder"
    root.mkdir()
    opened = open_or_create(JournalPaths(tmp_path / "a"), KeyringKeyStore(), clock=FixedClock())
    assert opened.new_recovery_code is not None
    journal = opened.journal
    try:
        journal.log(MoodEntry(at=NOW, mood=6, note="from the laptop"))
        sync.setup(journal, root)
        sync.sync_now(journal)
    finally:
        journal.close()
    return root, str(opened.new_recovery_code)


@pytest.fixture
def fresh_window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, JournalPaths]]:
    """A first start on computer b: nothing there yet, the window shows the welcome page."""
    paths = JournalPaths(tmp_path / "b")
    opener = app_module._Opener(paths)
    window = MainWindow(None, unlock=opener.unlock, opening=True)
    qtbot.addWidget(window)
    assert opener.first_open(window) is None
    yield window, paths
    window.sync.detach()
    if window.controller is not None:
        window.controller.journal.close()


def _join_dialog(window: MainWindow) -> JoinDialog:
    page = window.stack.currentWidget()
    assert isinstance(page, WelcomePage)
    page.join_button.click()
    dialogs = window.findChildren(JoinDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    return dialogs[0]


def test_a_first_run_offers_joining_and_the_window_opens_on_the_joined_journal(
    qtbot: QtBot, first_computer: tuple[Path, str],
    fresh_window: tuple[MainWindow, JournalPaths],
) -> None:
    root, code = first_computer
    window, paths = fresh_window
    assert not any(p.exists() for p in paths.journal_files)  # nothing made before choosing
    dialog = _join_dialog(window)
    dialog.folder.setText(str(root))
    dialog.secret.setText(code)
    dialog.join_button.click()
    qtbot.waitUntil(lambda: window.controller is not None, timeout=30_000)
    assert window.controller is not None
    journal = window.controller.journal
    assert [(m.mood, m.note) for m in journal.moods()] == [(6, "from the laptop")]
    assert window.stack.currentWidget() is window.tabs
    assert not dialog.isVisible()
    assert len(sync.status(journal).devices) == 2  # a device of its own, linked
    assert sync.linked_folder(journal) == root.absolute()


def test_a_wrong_key_says_so_creates_nothing_and_the_right_one_then_joins(
    qtbot: QtBot, first_computer: tuple[Path, str],
    fresh_window: tuple[MainWindow, JournalPaths],
) -> None:
    root, code = first_computer
    window, paths = fresh_window
    dialog = _join_dialog(window)
    dialog.secret.setText(code)
    dialog.join_button.click()
    assert "Choose the sync folder" in dialog.error.text()
    dialog.folder.setText(str(root))
    dialog.secret.setText("not the key")
    dialog.join_button.click()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=30_000)
    assert "does not open the journal" in dialog.error.text()
    assert dialog.isVisible() and dialog.secret.text() == ""
    assert window.controller is None
    assert not any(p.exists() for p in paths.journal_files)
    dialog.secret.setText(code)
    dialog.join_button.click()
    qtbot.waitUntil(lambda: window.controller is not None, timeout=30_000)


def test_the_folder_is_chosen_with_the_folder_dialog(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = JoinDialog(lambda folder, secret: None,  # type: ignore[arg-type,return-value]
                        choose_folder=lambda parent: str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.choose_folder()
    assert dialog.folder.text() == str(tmp_path)


def test_starting_a_new_journal_from_the_welcome_page_creates_it(
    fresh_window: tuple[MainWindow, JournalPaths], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, paths = fresh_window
    shown: list[object] = []
    monkeypatch.setattr(app_module, "_first_run", lambda w, opened, p: shown.append(opened))
    page = window.stack.currentWidget()
    assert isinstance(page, WelcomePage)
    page.start_button.click()
    assert window.controller is not None and window.stack.currentWidget() is window.tabs
    assert len(shown) == 1  # the new recovery key is shown
    window.controller.journal.close()
    window.controller = None
    open_journal(paths, KeyringKeyStore(), create=False).close()  # it is there, in the keyring
