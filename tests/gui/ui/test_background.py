"""Running in the background: closing hides, the tray menu, a second start comes forward."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.services.settings import Settings
from ketajournal.ui.background import PING, SHOW, InstanceServer, server_name
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow
from tests.support.clock import FixedClock

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def window(
    qtbot: QtBot, journal: Journal, paths: JournalPaths, clock: FixedClock
) -> Iterator[MainWindow]:
    win = MainWindow(
        JournalController(journal),
        unlock=lambda secret: open_journal(paths, KeyringKeyStore(), secret or None,
                                           clock=clock),
        clock=clock,
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.quit_app()


def test_closing_hides_the_window_when_kept_in_the_background_and_quit_ends_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert not window.background
    controller = window.open_controller
    Settings(controller.journal).set("reminders.background", True)
    controller.notify(controller.settings_changed())
    assert window.background
    with qtbot.assertNotEmitted(window.closed_for_good):
        window.close()
    assert not window.isVisible()
    assert window.controller is controller  # still open: reminders go on
    assert window.reminders._timer.isActive()

    window.tray.open_action.trigger()
    assert window.isVisible()
    window.hide()
    window.tray.log_mood_action.trigger()
    assert window.isVisible() and window.tabs is not None
    assert window.tabs.currentWidget() is window.today

    window.tray.lock_action.trigger()
    assert window.controller is None
    with qtbot.waitSignal(window.closed_for_good):
        window.tray.quit_action.trigger()
    assert not window.isVisible()
    assert not window.reminders._timer.isActive()


def test_closing_without_the_background_setting_ends_the_app(
    qtbot: QtBot, window: MainWindow
) -> None:
    with qtbot.waitSignal(window.closed_for_good):
        window.close()
    assert not window.isVisible()


def test_the_tray_menu_has_log_mood_open_lock_quit(window: MainWindow) -> None:
    texts = [a.text() for a in window.tray.menu.actions() if not a.isSeparator()]
    assert texts == ["Log mood…", "Open", "Lock", "Quit"]
    assert not window.tray.visible  # off by default (and no tray offscreen)


def test_a_second_start_brings_the_running_window_forward(
    qtbot: QtBot, window: MainWindow, home: Path
) -> None:
    name = server_name(home)
    assert name == server_name(home / ".." / home.name)  # one name per home
    assert str(home) not in name and home.name not in name
    server = InstanceServer(name, window)
    assert server.listening
    server.show_requested.connect(window.bring_forward)
    window.hide()

    def second_start(message: bytes) -> bool:
        # Another process, as a second start is; this loop serves the socket meanwhile.
        code = ("import sys; from ketajournal.ui.background import hand_over; "
                f"sys.exit(0 if hand_over({name!r}, {message!r}) else 3)")
        child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=20000)
        return child.returncode == 0

    assert second_start(PING)
    assert not window.isVisible()  # a start in the background only checks
    assert second_start(SHOW)
    assert window.isVisible()
    server.close()
    assert not second_start(SHOW)  # nobody listening: the caller refuses as before


def test_a_second_start_waits_for_a_first_one_that_is_still_starting(
    qtbot: QtBot, window: MainWindow, home: Path
) -> None:
    """The first start listens only once its window's start is done: a second start that
    comes before waits for the socket (up to ``STARTING_MS``), then brings it forward."""
    name = server_name(home)
    code = ("import sys; from ketajournal.ui.background import hand_over; "
            f"sys.exit(0 if hand_over({name!r}, {SHOW!r}) else 3)")
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    window.hide()
    qtbot.wait(800)  # the first start is still starting: nobody listens yet
    assert child.poll() is None
    server = InstanceServer(name, window)
    server.show_requested.connect(window.bring_forward)
    qtbot.waitUntil(lambda: child.poll() is not None, timeout=20000)
    assert child.returncode == 0 and window.isVisible()
    server.close()
