"""Join from the window: "I already use ketajournal on another computer".

:class:`WelcomePage` is the first run's page (no journal on this computer yet): start
a new journal, or join the one kept on another computer. :class:`JoinDialog` asks for
the sync folder and the journal's recovery key or passphrase, and makes this
computer's journal from the folder off the UI thread (the composition root passes
:func:`ketajournal.services.sync_join.join` in as ``join``); the window then opens on
it (docs/sync.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketajournal.errors import KnownError
from ketajournal.translation import translator
from ketajournal.ui.appearance import set_style
from ketajournal.ui.tasks import run_task

if TYPE_CHECKING:
    from ketajournal.services.journal import Journal

tr = translator("Join")

#: Makes this computer's journal from a sync folder and a recovery key or passphrase.
JoinWork = Callable[[Path, str], "Journal"]


class WelcomePage(QWidget):
    """The first run's page: start a new journal here, or join one from another computer."""

    start_requested = Signal()
    join_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(tr("Welcome to ketajournal"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(tr(
            "Your journal is encrypted and stays on this computer. Start a new one, or "
            "join the journal you already keep on another computer through a folder you sync."
        ))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton(tr("&Start a new journal"))
        self.start_button.clicked.connect(self.start_requested)
        self.join_button = QPushButton(
            tr("I &already use ketajournal on another computer…"))
        self.join_button.clicked.connect(self.join_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addWidget(self.join_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addStretch(2)
        self.start_button.setFocus()


class JoinDialog(QDialog):
    """Choose the sync folder, type the recovery key or passphrase, join (in the background).

    ``joined`` carries the new journal; on a problem the dialog stays open and says why
    (a wrong key, a folder no computer has set up, a journal already here).
    """

    joined = Signal(object)  # the new Journal

    def __init__(
        self,
        join: JoinWork,
        parent: QWidget | None = None,
        *,
        choose_folder: Callable[[QWidget], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Join your journal from another computer"))
        self._join = join
        self._choose = choose_folder or _choose_folder
        self._busy = False
        #: The journal made by joining (None until it is made).
        self.journal: Journal | None = None
        intro = QLabel(tr(
            "Choose the folder your other computer syncs the journal through (it must "
            "have arrived on this computer), and type the journal's recovery key or "
            "passphrase. This computer gets its own copy of the journal."
        ))
        intro.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(tr("Sync folder"))
        browse = QPushButton(tr("C&hoose…"))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(tr("Recovery key or passphrase"))
        self.secret.setPlaceholderText(tr("Recovery key or passphrase"))
        form = QFormLayout()
        folder_label = QLabel(tr("Sync &folder"))
        folder_label.setBuddy(self.folder)  # a row of a layout gets no buddy by itself
        form.addRow(folder_label, folder_row)
        form.addRow(tr("&Recovery key or passphrase"), self.secret)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(tr("Join message"))
        set_style(self.error, "color: $danger;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.join_button = self.buttons.addButton(
            tr("&Join"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.start_join)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())  # room for the folder's path

    def choose_folder(self) -> None:
        """Ask for the sync folder."""
        chosen = self._choose(self)
        if chosen:
            self.folder.setText(chosen)

    def start_join(self) -> None:
        """Make this computer's journal from the folder, off the UI thread."""
        if self._busy:
            return
        folder, secret = self.folder.text().strip(), self.secret.text()
        if not folder:
            self.error.setText(tr("Choose the sync folder first."))
            return
        if not secret:
            self.error.setText(tr("Type the journal's recovery key or passphrase."))
            return
        self._busy = True
        self.join_button.setEnabled(False)
        self.error.setText("")
        run_task(
            self, tr("Joining your journal…"), lambda: self._join(Path(folder), secret), self._done
        )

    def _done(self, journal: Any, error: BaseException | None) -> None:
        self._busy = False
        self.join_button.setEnabled(True)
        if error is not None:
            if not isinstance(error, KnownError | OSError):
                raise error  # a bug: the crash handler reports it
            self.error.setText(
                str(error) if isinstance(error, KnownError)
                else tr("The folder could not be used ({reason}).").format(
                    reason=error.strerror or error)
            )
            self.secret.clear()
            return
        self.journal = journal
        self.joined.emit(journal)
        self.accept()


def _choose_folder(parent: QWidget) -> str:
    return QFileDialog.getExistingDirectory(
        parent, tr("Choose the folder your journal syncs through"))
