"""The fixtures every test folder shares (registered by tests/conftest.py).

Fakes only at the edge: an in-memory keyring and a fixed clock. The journal is a
real encrypted file in ``tmp_path``; the window is a real ``MainWindow`` on Qt's
offscreen platform. A test file that needs the window over a prepared journal
overrides ``window_journal``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import pytest

from ketajournal.platform.keystore import KeyringKeyStore, KeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import demo
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from tests.support.clock import FixedClock
from tests.support.keyrings import MemoryKeyring

if TYPE_CHECKING:  # Qt only for the tests that ask for a window
    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot

    from ketajournal.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test runs against a fresh in-memory keyring, never the machine's."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def english_words() -> Iterator[None]:
    """Every test ends in the core's English and the journal's dates, whatever it spoke."""
    yield
    from ketajournal import language
    from ketajournal.domain import locales

    language.use("en")
    locales.use(None)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def process_zone() -> Iterator[Callable[[str], None]]:
    """Set the process's time zone (``TZ`` and ``time.tzset``); restored afterwards."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def paths(home: Path) -> JournalPaths:
    return JournalPaths(home)


@pytest.fixture
def journal(paths: JournalPaths, clock: FixedClock) -> Iterator[Journal]:
    """A new, empty, encrypted journal in ``tmp_path``."""
    j = open_journal(paths, KeyringKeyStore(), clock=clock)
    yield j
    j.close()


@pytest.fixture
def demo_journal(journal: Journal) -> Journal:
    """``journal`` holding the demo patient's two years of entries."""
    data = demo.generate(journal.now())
    journal.log_all(data.entries, data.session_of)
    return journal


@pytest.fixture
def make_journal(tmp_path: Path, clock: FixedClock) -> Iterator[Callable[[str], Journal]]:
    """Open more, empty journals (each in its own home under ``tmp_path``, by name)
    sharing the fixed clock; closed after the test."""
    opened: list[Journal] = []

    def make(name: str) -> Journal:
        journal = open_journal(JournalPaths(tmp_path / name), KeyringKeyStore(), clock=clock)
        opened.append(journal)
        return journal

    yield make
    for journal in opened:
        journal.close()


def open_window(
    qtbot: QtBot,
    journal: Journal,
    *,
    unlock: Callable[[str], Journal] | None = None,
    keys: KeyStore | None = None,
) -> MainWindow:
    """A shown main window over ``journal`` (closed with the test by pytest-qt)."""
    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.main_window import MainWindow

    win = MainWindow(JournalController(journal), unlock=unlock, keys=keys)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window_journal(journal: Journal) -> Journal:
    """The journal the ``window`` fixture opens; override it to prepare entries first."""
    return journal


@pytest.fixture
def window(qtbot: QtBot, window_journal: Journal, paths: JournalPaths) -> Iterator[MainWindow]:
    """The main window over ``window_journal``, able to lock and unlock again."""
    win = open_window(
        qtbot, window_journal,
        unlock=lambda secret: open_journal(paths, KeyringKeyStore(), secret or None),
    )
    yield win
    if win.controller is not None and win.controller.journal is not window_journal:
        win.controller.journal.close()  # reopened after a lock: the test's own is closed
    settle(win)


def settle(widget: QWidget) -> None:
    """Close ``widget`` and delete it now, with every event still queued for it.

    Left to the garbage collector, a window's C++ side may go while Qt still holds an
    event for it (a queued signal, a single-shot timer), which a later test's event
    loop then delivers to a dead object.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    widget.close()
    QCoreApplication.processEvents()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
