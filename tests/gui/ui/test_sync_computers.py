"""The computers in Settings' sync section (ui/sync_computers.py): the list with last seen,
and removing one with its confirmation — real journals sharing a real folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import sync, sync_join, sync_keys, sync_removal
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal, open_or_create
from ketajournal.ui import tasks
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.sync import SyncSection
from ketajournal.ui.sync_computers import ComputerList
from tests.support.clock import FixedClock


@pytest.fixture
def made(tmp_path: Path, clock: FixedClock) -> tuple[Journal, str]:
    opened = open_or_create(JournalPaths(tmp_path / "home"), KeyringKeyStore(), clock=clock)
    assert opened.new_recovery_code is not None
    return opened.journal, str(opened.new_recovery_code)


@pytest.fixture
def window_journal(made: tuple[Journal, str]) -> Journal:
    return made[0]


@pytest.fixture
def others(
    tmp_path: Path, window: MainWindow, made: tuple[Journal, str]
) -> Iterator[tuple[Journal, Journal]]:
    """Two more computers joined to the window's folder: the laptop and the old laptop."""
    journal, code = made
    folder = tmp_path / "sync-folder"
    folder.mkdir()
    sync.setup(journal, folder)
    sync.sync_now(journal)
    joined = [
        sync_join.join(
            JournalPaths(tmp_path / name), KeyringKeyStore(), folder, code,
            open_journal=lambda p: open_journal(
                p, KeyringKeyStore(), create=False, clock=FixedClock()
            ),
        )
        for name in ("laptop", "old-laptop")
    ]
    sync.sync_now(journal)
    yield joined[0], joined[1]
    for other in joined:
        other.close()


def _row_of(computers: ComputerList, device: str) -> int:
    return next(i for i, d in enumerate(computers.devices) if d.device == device)


def test_the_list_shows_every_computer_and_removing_one_confirms_first(
    qtbot: QtBot,
    window: MainWindow,
    others: tuple[Journal, Journal],
    made: tuple[Journal, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)
    _, old_laptop = others
    assert window.controller is not None
    section = SyncSection(window.controller, window.sync)
    qtbot.addWidget(section)
    computers = section.computers
    assert not computers.isHidden()
    assert computers.list.count() == 3
    lines = [computers.list.item(i).text() for i in range(3)]
    assert sum("this computer" in line for line in lines) == 1
    assert all("last seen" in line for line in lines)
    # This computer cannot remove itself; nothing is selected at first.
    assert not computers.remove_button.isEnabled()
    own = sync.device_id(window.controller.journal)
    computers.list.setCurrentRow(_row_of(computers, own))
    assert not computers.remove_button.isEnabled()
    gone = sync.device_id(old_laptop)
    computers.list.setCurrentRow(_row_of(computers, gone))
    assert computers.remove_button.isEnabled()
    computers.remove_button.click()
    dialog = computers.dialog
    assert dialog is not None and dialog.isVisible()
    text = " ".join(label.text() for label in dialog.findChildren(type(dialog.error)))
    assert "What it does:" in text and "What it does not do:" in text
    assert "keeps everything it already has" in text and "recovery key" in text
    assert not dialog.remove_button.isEnabled()  # not before the secret is typed
    dialog.secret.setText("not the recovery key")
    dialog.remove_button.click()
    assert dialog.isVisible() and "Nothing was removed" in dialog.error.text()
    assert sync_keys.key_ring(window.controller.journal).current == 1
    dialog.secret.setText(made[1])
    dialog.remove_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.removal is not None and dialog.removal.removed == gone
    row = _row_of(computers, gone)
    assert "removed on" in computers.list.item(row).text()
    computers.list.setCurrentRow(row)
    assert not computers.remove_button.isEnabled()
    assert "Synced with 1 computer" in section.status.text()
    with pytest.raises(sync_keys.ComputerRemovedError):
        sync.sync_now(old_laptop)


def test_the_list_is_hidden_until_sync_is_set_up(qtbot: QtBot, window: MainWindow) -> None:
    assert window.controller is not None
    computers = ComputerList(window.controller)
    qtbot.addWidget(computers)
    assert computers.isHidden() and computers.list.count() == 0


def test_a_removal_whose_follow_up_sync_fails_does_not_say_nothing_was_removed(
    qtbot: QtBot,
    window: MainWindow,
    others: tuple[Journal, Journal],
    made: tuple[Journal, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)
    calls = []
    real = sync_removal.sync_now

    def flaky(journal: Journal, **kwargs: Any) -> sync.SyncReport:
        calls.append(1)
        if len(calls) == 2:  # the sync after the removal
            raise sync.SyncFolderError("Could not write to the sync folder (OSError).")
        return real(journal, **kwargs)

    monkeypatch.setattr(sync_removal, "sync_now", flaky)
    assert window.controller is not None
    section = SyncSection(window.controller, window.sync)
    qtbot.addWidget(section)
    computers = section.computers
    gone = sync.device_id(others[1])
    computers.list.setCurrentRow(_row_of(computers, gone))
    computers.remove_button.click()
    dialog = computers.dialog
    assert dialog is not None
    dialog.secret.setText(made[1])
    dialog.remove_button.click()
    assert "the next sync finishes it" in dialog.error.text()
    assert "Nothing was removed" not in dialog.error.text()
    assert dialog.removal is not None and dialog.removal.removed == gone
    assert sync_keys.key_ring(window.controller.journal).current == 2
