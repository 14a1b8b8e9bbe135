"""Locking: the idle watcher and the unlock screen.

When the window locks, the journal connection is closed and every view holding
health data is destroyed; the unlock screen shows nothing from the journal. A
wrong passphrase or recovery key can be retried without limit, with a delay that
grows after each failure.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketajournal.translation import translator
from ketajournal.ui.appearance import set_style

tr = translator("Lock")

#: Events that count as the user being there.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
MAX_DELAY_S = 30


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without keyboard or mouse activity (0 = never)."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)

    def start(self, minutes: float) -> None:
        """Watch with this idle time; 0 turns auto-lock off."""
        if minutes <= 0:
            self.timer.stop()
            return
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.start()

    def stop(self) -> None:
        """Stop watching (while locked)."""
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any activity restarts the countdown."""
        if event.type() in ACTIVITY and self.timer.interval() > 0 and self.timer.isActive():
            self.timer.start()
        return False


class LockScreen(QWidget):
    """Shown while locked. Holds no journal data; asks for a secret when needed."""

    unlock_requested = Signal(str)  # the typed secret ("" = try the keyring)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(tr("Your journal is locked."))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(tr("Passphrase or recovery key"))
        self.secret.setAccessibleName(tr("Passphrase or recovery key"))
        self.secret.returnPressed.connect(self._submit)
        self.button = QPushButton(tr("&Unlock"))
        self.button.setAccessibleName(tr("Unlock the journal"))
        self.button.clicked.connect(self._submit)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        set_style(self.error, "color: $danger;")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setAccessibleName(tr("Unlock message"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.secret, 2)
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(2)
        self.failures = 0
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._ready)
        self.ask_for_secret(False)

    def ask_for_secret(self, needed: bool, hint: str = "") -> None:
        """Show the secret field (no keyring key) or just the Unlock button."""
        self.secret.setVisible(needed)
        self.hint.setText(
            hint
            or (
                tr("Type your passphrase or your recovery key to open it.")
                if needed
                else tr("Click Unlock to open it with the key in your system keyring.")
            )
        )
        (self.secret if needed else self.button).setFocus()

    def _submit(self) -> None:
        if self._delay.isActive():
            return
        self.unlock_requested.emit(self.secret.text())

    def failed(self, message: str) -> None:
        """Show why unlocking failed; the next try waits 1, 2, 4 … up to 30 seconds."""
        self.failures += 1
        delay = min(MAX_DELAY_S, 2 ** (self.failures - 1))
        self.error.setText(tr("{message}\nYou can try again in %n second(s).", n=delay)
                           .format(message=message))
        self.secret.clear()
        self.button.setEnabled(False)
        self.secret.setEnabled(False)
        self._delay.start(delay * 1000)

    def _ready(self) -> None:
        self.button.setEnabled(True)
        self.secret.setEnabled(True)
        (self.secret if self.secret.isVisible() else self.button).setFocus()

    def reset(self) -> None:
        """Forget failures and typed text (after a successful unlock)."""
        self.failures = 0
        self._delay.stop()
        self.secret.clear()
        self.error.clear()
        self._ready()
