"""Sync in the window (ui/sync.py): background syncs after saves and at start, the status
line, and the Settings dialog's sync section — real journals, a real folder."""

from __future__ import annotations

import dataclasses
import os
import shutil
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import sync, sync_join
from ketajournal.services.journal import Change, Journal
from ketajournal.services.opening import open_journal, open_or_create
from ketajournal.ui import tasks
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.settings_dialog import SettingsDialog
from ketajournal.ui.sync import SyncScheduler, SyncSection
from tests.support.clock import NOW, FixedClock


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "sync-folder"
    root.mkdir()
    return root


@pytest.fixture
def made(tmp_path: Path, clock: FixedClock) -> tuple[Journal, str]:
    """The window's journal, made with a recovery key (the second computer joins with it)."""
    opened = open_or_create(JournalPaths(tmp_path / "home"), KeyringKeyStore(), clock=clock)
    assert opened.new_recovery_code is not None
    return opened.journal, str(opened.new_recovery_code)


@pytest.fixture
def window_journal(made: tuple[Journal, str]) -> Journal:
    return made[0]


@pytest.fixture
def other(
    tmp_path: Path, window: MainWindow, folder: Path, made: tuple[Journal, str]
) -> Iterator[Journal]:
    """A second computer's journal: the window's is linked first, then this one joins."""
    journal, code = made
    sync.setup(journal, folder)
    sync.sync_now(journal)
    joined = sync_join.join(
        JournalPaths(tmp_path / "other"), KeyringKeyStore(), folder, code,
        open_journal=lambda p: open_journal(p, KeyringKeyStore(), create=False, clock=FixedClock()),
    )
    yield joined
    joined.close()


def test_what_another_computer_logged_appears_after_a_background_sync(
    qtbot: QtBot, window: MainWindow, other: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)
    window.sync.relink()  # linked behind its back (as Settings would, then it tells it)
    other.log(MoodEntry(at=NOW, mood=8, note="logged on the laptop"))
    sync.sync_now(other)
    seen: list[Change] = []
    assert window.controller is not None
    window.controller.changed.connect(seen.append)
    window.sync.sync_now()
    assert [m.note for m in window.controller.journal.moods()] == ["logged on the laptop"]
    assert seen and "mood" in seen[-1].kinds
    assert not window.sync.pending  # taken in, not typed here: no sync queued for it
    assert window.sync.status == "Synced with 1 computer, just now."
    assert window.statusBar().currentMessage() == window.sync.status


def test_a_save_is_synced_a_moment_later_off_the_ui_thread(
    qtbot: QtBot, window: MainWindow, other: Journal
) -> None:
    assert not tasks.SYNCHRONOUS
    window.sync.relink()
    window.sync._soon.setInterval(10)
    window.open_controller.log(MoodEntry(at=NOW, mood=3, note="typed in the window"))
    assert window.sync.pending
    qtbot.waitUntil(lambda: window.sync.last_report is not None
                    and window.sync.last_report.sent > 0, timeout=10000)
    sync.sync_now(other)
    assert [m.note for m in other.moods()] == ["typed in the window"]


def test_files_arriving_from_another_computer_start_a_sync(
    qtbot: QtBot, window: MainWindow, other: Journal, folder: Path
) -> None:
    window.sync._soon.setInterval(10)
    window.sync.relink()
    assert window.controller is not None
    own = sync.device_id(window.controller.journal)
    watched = {Path(p).name for p in window.sync.watched}
    assert folder.name in watched and sync.device_id(other) in watched and own not in watched
    qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=5000)
    other.log(MoodEntry(at=NOW, mood=4, note="arrived by itself"))
    sync.sync_now(other)  # writes the laptop's next file into the shared folder
    qtbot.waitUntil(
        lambda: [m.note for m in window.open_controller.journal.moods()] == ["arrived by itself"],
        timeout=5000,
    )
    qtbot.waitUntil(lambda: not window.sync.pending and window.sync._thread is None)
    settled = window.sync.last_report
    qtbot.wait(300)
    assert window.sync.last_report is settled  # its own writes do not wake it again


def test_the_settings_dialog_links_a_folder_and_shows_the_status(
    qtbot: QtBot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)
    dialog = SettingsDialog(window.open_controller, window, sync=window.sync)
    qtbot.addWidget(dialog)
    section = dialog.sync_section
    assert isinstance(section, SyncSection)
    assert section.status.text().startswith("Not set up.")
    assert not section.sync_button.isEnabled()
    section._choose = lambda _parent: str(folder)
    section.choose_and_link()
    assert sync.linked_folder(window.open_controller.journal) == folder.absolute()
    assert section.status.text().startswith("Synced")
    assert section.sync_button.isEnabled()
    assert (folder / sync.device_id(window.open_controller.journal)).is_dir()


def test_without_a_scheduler_there_is_no_sync_section_and_unattached_it_does_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = SettingsDialog(window.open_controller, window)  # as for the demo journal
    qtbot.addWidget(dialog)
    assert dialog.sync_section is None
    idle = SyncScheduler(window)
    idle.sync_now()
    assert idle.last_report is None and idle.status == ""


def test_the_settings_dialog_shows_a_computer_not_seen_for_long_with_its_date(
    qtbot: QtBot, window: MainWindow, other: Journal, folder: Path
) -> None:
    other.log(MoodEntry(at=NOW, mood=3))
    sync.sync_now(other)
    quiet = sync.device_id(other)
    old = time.time() - 45 * 86_400
    (folder / quiet / "acks.kja").unlink()  # its confirmations never arrived
    for path in (folder / quiet).iterdir():
        os.utime(path, (old, old))
    dialog = SettingsDialog(window.open_controller, window, sync=window.sync)
    qtbot.addWidget(dialog)
    section = dialog.sync_section
    assert section is not None
    text = section.status.text()
    day = datetime.fromtimestamp(old).date().isoformat()
    assert f"Computer {quiet} last wrote on {day} (45 days ago)" in text
    assert "never confirmed reading" in text


def test_a_journal_copied_by_hand_says_it_took_a_new_sync_id(
    qtbot: QtBot, window: MainWindow, other: Journal, folder: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)
    window.sync.relink()
    # The other computer's journal folder is copied by hand: the copy syncs first.
    other.close()
    shutil.copytree(tmp_path / "other", tmp_path / "copy")
    copy = open_journal(JournalPaths(tmp_path / "copy"), KeyringKeyStore(), create=False,
                        clock=FixedClock())
    reopened = open_journal(JournalPaths(tmp_path / "other"), KeyringKeyStore(), create=False,
                            clock=FixedClock())
    try:
        copy.log(MoodEntry(at=NOW, mood=2, note="on the copy"))
        assert sync.sync_now(copy).former_id is None
        reopened.log(MoodEntry(at=NOW, mood=9, note="on the original"))
        report = sync.sync_now(reopened)
        assert report.former_id is not None  # the original noticed the copy's file
        window.sync.sync_now()
        assert window.sync.last_report is not None and window.sync.last_report.ok
        assert window.controller is not None
        notes = {m.note for m in window.controller.journal.moods()}
        assert {"on the copy", "on the original"} <= notes
        scheduler = SyncScheduler(window)
        scheduler._controller = window.controller
        scheduler._done(dataclasses.replace(report, rejected=()), None)
        assert "took a new one and sent everything again" in scheduler.status
    finally:
        copy.close()
        reopened.close()
