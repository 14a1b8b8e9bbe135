"""Running in the background: the tray icon, and one running app per journal.

:class:`Tray` is the tray icon's menu (Log mood, Open, Lock, Quit). It is shown only
when "keep running in the background" is on and the desktop has a tray; GNOME has
none by default, so there the notifications alone bring the window back.

:class:`InstanceServer` and :func:`hand_over` make a second start of the app bring
the running window forward instead of refusing: the first process listens on a
local socket named after its journal home (:func:`server_name`, owner-only); the
second connects, says ``show`` (or ``ping`` when it was started in the background),
waits for ``ok`` and exits 0. The first process listens once its window's start is
done (after Today's first paint); its instance lock keeps a second start from opening
the journal meanwhile, and that start waits a moment for the socket.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ketajournal import APP_ID, APP_TITLE
from ketajournal.translation import translator
from ketajournal.ui.resources import icon

if TYPE_CHECKING:  # QtNetwork only when a socket is made: not before the first paint
    from PySide6.QtNetwork import QLocalSocket

    from ketajournal.ui.menus import Menus

#: What a second start may say: bring the window forward, or only check it is there.
SHOW, PING = b"show", b"ping"
REPLY = b"ok"
#: How long a second start waits for the first one to answer.
HAND_OVER_TIMEOUT_MS = 5000
#: How long a second start waits for the socket of an app that is still starting (it
#: listens once Today has painted, or the lock screen or welcome page is shown).
STARTING_MS = 3000
#: How long the running app waits for a second start's line (it comes at once).
READ_TIMEOUT_MS = 1000

tr = translator("Tray")


class TrayWindow(Protocol):
    """What the tray asks of the window (``MainWindow``)."""

    @property
    def menus(self) -> Menus:
        """The window's menus (the tray's Lock follows the File menu's)."""

    def open_form(self, form: str) -> None:
        """Come forward on a form ("mood")."""

    def bring_forward(self) -> None:
        """Come forward."""

    def lock(self) -> None:
        """Lock the journal."""

    def quit_app(self) -> None:
        """Quit for good."""


class Tray(QObject):
    """The tray icon and its menu. The menu exists even where no tray can show it."""

    def __init__(self, window: TrayWindow, parent: QObject) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.menu.setTitle(APP_TITLE)
        self.log_mood_action = self._add(lambda: window.open_form("mood"))
        self.open_action = self._add(window.bring_forward)
        self.lock_action = self._add(window.lock)
        self.menu.addSeparator()
        self.quit_action = self._add(window.quit_app)
        self.retranslate()
        self.menu.aboutToShow.connect(
            lambda: self.lock_action.setEnabled(window.menus.lock_action.isEnabled())
        )
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(icon(), self)
            self.icon.setToolTip(APP_TITLE)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
        self._window = window
        self.destroyed.connect(self.menu.deleteLater)

    def retranslate(self) -> None:
        """Name the menu's actions in the installed language."""
        self.log_mood_action.setText(tr("Log mood…"))
        self.open_action.setText(tr("Open"))
        self.lock_action.setText(tr("Lock"))
        self.quit_action.setText(tr("Quit"))

    def _add(self, slot: Callable[[], object]) -> QAction:
        action = QAction(self.menu)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._window.bring_forward()

    def set_shown(self, shown: bool) -> None:
        """Show the icon (where the desktop has a tray) or take it away."""
        if self.icon is not None:
            self.icon.setVisible(shown)

    @property
    def visible(self) -> bool:
        """Whether the icon is in the tray now."""
        return self.icon is not None and self.icon.isVisible()


def server_name(home: Path) -> str:
    """The local socket's name for one journal home and one user (no path in clear)."""
    digest = hashlib.sha256(str(home.resolve()).encode("utf-8")).hexdigest()[:20]
    user = os.getuid() if hasattr(os, "getuid") else 0
    return f"{APP_ID}-{user}-{digest}"


class InstanceServer(QObject):
    """Listens for a second start of the app on the same journal."""

    #: A second start asked for the window (``show``).
    show_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A socket left by a crashed run: we hold the journal's instance lock, so no
        # live app is listening on it.
        QLocalServer.removeServer(name)
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._connected)

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            self._answer(self.server.nextPendingConnection())

    def _answer(self, socket: QLocalSocket) -> None:
        # The second start writes one short line at once and waits for the answer:
        # reading it here, blocking briefly, leaves no half-read state between events.
        while not socket.canReadLine() and socket.waitForReadyRead(READ_TIMEOUT_MS):
            pass
        if socket.canReadLine():
            message = bytes(socket.readLine().data()).strip()
            if message == SHOW:
                self.show_requested.emit()
            socket.write(REPLY + b"\n")
            socket.waitForBytesWritten(READ_TIMEOUT_MS)
        socket.disconnectFromServer()
        socket.deleteLater()

    def close(self) -> None:
        """Stop listening (the socket file goes)."""
        self.server.close()


def hand_over(name: str, message: bytes = SHOW, timeout_ms: int = HAND_OVER_TIMEOUT_MS,
              starting_ms: int = STARTING_MS) -> bool:
    """Ask the app already running on this journal to come forward; True when it answered.

    The running app listens once its window is ready; a start that comes before (a
    double click on the launcher) waits up to ``starting_ms`` for the socket.
    """
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    not_there = (QLocalSocket.LocalSocketError.ServerNotFoundError,
                 QLocalSocket.LocalSocketError.ConnectionRefusedError)
    deadline = time.monotonic() + starting_ms / 1000
    while True:
        socket.connectToServer(name)
        if socket.waitForConnected(timeout_ms):
            break
        if socket.error() not in not_there or time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    socket.write(message + b"\n")
    if not socket.waitForBytesWritten(timeout_ms):
        return False
    answered = False
    while socket.waitForReadyRead(timeout_ms):
        if socket.canReadLine():
            answered = bytes(socket.readLine().data()).strip() == REPLY
            break
    socket.abort()
    return answered
