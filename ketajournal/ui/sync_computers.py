"""The computers in the sync folder, in Settings: name, when last seen, and removing one.

:class:`ComputerList` lists what :func:`ketajournal.services.sync.status` finds;
*Remove this computer…* opens :class:`RemoveComputerDialog`, which says what removing
does and does not do (docs/security.md, "Removing a computer"), asks for the recovery
key or passphrase, and runs :func:`ketajournal.services.sync_removal.remove_at` off the UI
thread through :func:`ketajournal.ui.tasks.run_task`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain.dates import format_date
from ketajournal.errors import KnownError
from ketajournal.translation import noop, translate, translator
from ketajournal.ui.tasks import run_task

if TYPE_CHECKING:
    from ketajournal.services import sync_peers
    from ketajournal.services.sync_removal import Removal
    from ketajournal.ui.controller import JournalController

tr = translator("SyncComputers")

#: What removing does and does not do, shown before anything happens.
EXPLANATION = noop(
    "SyncComputers",
    "Removing {name} gives every other computer a new sync key that {name} does not get.\n\n"
    "What it does: changes made on {name} from now on are refused by your other "
    "computers, and {name} cannot read what they write from now on. Its own sync stops "
    "with a message.\n\n"
    "What it does not do: {name} keeps everything it already has — its journal and "
    "everything it synced until now. Your recovery key and passphrase still open the "
    "journal and can join the folder again: if someone with {name} may know them, make a "
    "new recovery key (and passphrase) in Security… first. The sync service still sees "
    "the folder names and when each computer wrote.",
)


def _seen(ms: int | None, now_ms: int) -> str:
    if ms is None:
        return tr("never seen")
    minutes = max(0, now_ms - ms) // 60_000
    if minutes < 1:
        return tr("last seen just now")
    if minutes < 60:
        return tr("last seen %n min ago", n=minutes)
    if minutes < 48 * 60:
        return tr("last seen %n hour(s) ago", n=minutes // 60)
    day = format_date(datetime.fromtimestamp(ms / 1000).date())
    return tr("last seen on {date}").format(date=day)


def describe_computer(device: sync_peers.DeviceStatus, now_ms: int) -> str:
    """One line of the list: name, short id, when last seen, this one, removed."""
    name = device.name or tr("A computer")
    # The id's end: its start is a time, alike for computers set up the same day.
    line = f"{name} (…{device.device[-8:]}) — {_seen(device.last_wrote_ms, now_ms)}"
    if device.this_computer:
        line += " — " + tr("this computer")
    if device.removed_ms is not None:
        removed = datetime.fromtimestamp(device.removed_ms / 1000).date()
        line += " — " + tr("removed on {date}").format(date=format_date(removed))
    return line


class ComputerList(QWidget):
    """Every computer in the sync folder, and *Remove this computer…* for the selected one."""

    def __init__(
        self,
        controller: JournalController,
        parent: QWidget | None = None,
        *,
        after_removal: Callable[[], None] | None = None,
        now_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._after = after_removal
        self._now = now_ms
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Computers in the sync folder"))
        self.list.setMaximumHeight(110)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.remove_button = QPushButton(tr("&Remove this computer…"))
        self.remove_button.setAccessibleName(tr("Remove the selected computer from sync"))
        self.remove_button.clicked.connect(self.ask_to_remove)
        self.dialog: RemoveComputerDialog | None = None
        #: The computers listed, in the order of the rows.
        self.devices: list[sync_peers.DeviceStatus] = []
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Computers:")))
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        """List the computers again (hidden while sync is not set up)."""
        from ketajournal.services import sync

        self.list.clear()
        journal = self.controller.journal
        devices: tuple[sync_peers.DeviceStatus, ...] = ()
        if sync.linked_folder(journal) is not None:
            try:
                devices = sync.status(journal).devices
            except KnownError:
                devices = ()
        now = self._now()
        self.devices = list(devices)
        for device in devices:
            self.list.addItem(QListWidgetItem(describe_computer(device, now)))
        self.setVisible(bool(devices))
        self._enable()

    def selected(self) -> sync_peers.DeviceStatus | None:
        """The selected computer, or None."""
        row = self.list.currentRow()
        return self.devices[row] if 0 <= row < len(self.devices) else None

    def _enable(self) -> None:
        device = self.selected()
        self.remove_button.setEnabled(
            device is not None and not device.this_computer and device.removed_ms is None
        )

    def ask_to_remove(self) -> None:
        """Open the confirmation for the selected computer."""
        device = self.selected()
        if device is None or device.this_computer or device.removed_ms is not None:
            return
        self.dialog = RemoveComputerDialog(self.controller, device, self)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self, result: int) -> None:
        self.refresh()
        if result == QDialog.DialogCode.Accepted and self._after is not None:
            self._after()


class RemoveComputerDialog(QDialog):
    """Says what removing a computer does and does not do; asks for the recovery key or
    passphrase; removes it in the background."""

    def __init__(
        self, controller: JournalController, device: sync_peers.DeviceStatus, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.device = device
        self.removal: Removal | None = None
        self._thread: QThread | None = None
        name = device.name or tr("computer …{id}").format(id=device.device[-8:])
        self.setWindowTitle(tr("Remove {name} from sync").format(name=name))
        explanation = QLabel(translate("SyncComputers", EXPLANATION).format(name=name))
        explanation.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(tr("Recovery key or passphrase"))
        self.secret.setPlaceholderText(tr("Recovery key or passphrase"))
        self.secret.textChanged.connect(lambda _t: self._enable())
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(tr("Problem"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.remove_button = self.buttons.addButton(
            tr("Remove {name}").format(name=name), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.remove)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        confirm = QLabel(
            tr(
                "To confirm, type the journal's recovery key or passphrase (computers "
                "that join later will use it):"
            )
        )
        confirm.setWordWrap(True)
        layout.addWidget(confirm)
        layout.addWidget(self.secret)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(480)
        self._enable()

    def _enable(self) -> None:
        self.remove_button.setEnabled(bool(self.secret.text().strip()) and self._thread is None)

    def remove(self) -> None:
        """Remove the computer off the UI thread; close when done, or show what was wrong."""
        from ketajournal.services import sync_removal

        secret = self.secret.text().strip()
        if not secret:
            return
        journal = self.controller.journal
        paths, key, device = journal.paths, journal.data_key, self.device.device
        self.error.setText("")
        self.remove_button.setEnabled(False)
        self._thread = run_task(
            self,
            tr("Removing the computer and making a new sync key…"),
            lambda: sync_removal.remove_at(paths, key, device, secret),
            self._done,
        )

    def _done(self, removal: Removal | None, error: BaseException | None) -> None:
        from ketajournal.services import sync_removal

        self._thread = None
        if error is not None:
            if not isinstance(error, KnownError | OSError):
                raise error  # a bug: the crash handler reports it
            if isinstance(error, sync_removal.RemovalUnfinishedError):
                self.removal = error.removal  # removed: only the sync after it failed
                self.secret.clear()
                self.error.setText(str(error))
                return
            self.error.setText(tr("{problem} Nothing was removed.").format(problem=error))
            self._enable()
            return
        self.removal = removal
        self.secret.clear()
        self.accept()
