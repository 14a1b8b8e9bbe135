"""Show a new recovery key once, offer a printable page, and have the user type part of it.

The dialog cannot be dismissed until two groups of the code are typed back
correctly: a journal whose recovery key was never written down is one keyring
reset away from being lost.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketajournal.platform.crypto import RecoveryCode
from ketajournal.platform.paths import JournalPaths, OutputInJournalHomeError
from ketajournal.services.keys import confirm_matches, confirmation_groups, recovery_sheet
from ketajournal.translation import translator

tr = translator("Recovery")


def write_recovery_pdf(code: RecoveryCode, target: Path) -> None:
    """The printable recovery page as a one-page PDF (owner-only, like every file we write)."""
    document = QTextDocument()
    document.setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    document.setPlainText(recovery_sheet(code))
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(96)
    writer.setTitle(tr("Recovery key"))
    writer.setCreator("")
    document.print_(writer)
    target.chmod(0o600)


class RecoveryKeyDialog(QDialog):
    """The recovery key, big and copyable, and two of its groups to type back."""

    def __init__(
        self,
        code: RecoveryCode,
        parent: QWidget | None = None,
        *,
        home: JournalPaths | None = None,
    ) -> None:
        super().__init__(parent)
        #: The journal's home: the page is never saved inside it (beside the journal).
        self.home = home
        self.setWindowTitle(tr("Your recovery key"))
        self.code = code
        intro = QLabel(tr(
            "Your journal is encrypted. Its key is kept in your system keyring, and wrapped "
            "under this recovery key. If the keyring entry is ever lost (a reinstall, another "
            "computer), this key is the only way to open your journal. Write it down or print "
            "it, and keep it somewhere safe and private. It is shown only now."
        ))
        intro.setWordWrap(True)
        shown = QLabel(str(code))
        shown.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        shown.setStyleSheet("font-size: 22px; font-weight: 600; padding: 12px;")
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        shown.setAccessibleName(tr("Recovery key"))
        self.save_button = QPushButton(tr("&Save a printable page (PDF)…"))
        self.save_button.setAccessibleName(tr("Save the recovery key as a printable PDF page"))
        self.save_button.clicked.connect(self._save_pdf)
        self.groups = confirmation_groups()
        form = QFormLayout()
        self.typed: dict[int, QLineEdit] = {}
        for number in self.groups:
            edit = QLineEdit()
            edit.setMaxLength(8)
            edit.setAccessibleName(tr("Group {number} of the recovery key").format(number=number))
            edit.textChanged.connect(self._check)
            form.addRow(tr("Group {number}:").format(number=number), edit)
            self.typed[number] = edit
        ask = QLabel(tr("To be sure you have it, type these groups of the key (counting from 1):"))
        ask.setWordWrap(True)
        self.message = QLabel("")
        self.message.setAccessibleName(tr("Confirmation message"))
        self.done_button = QPushButton(tr("I have &written it down"))
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(shown)
        layout.addWidget(ask)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(620, 360)

    def _check(self) -> None:
        typed = {number: edit.text() for number, edit in self.typed.items()}
        ok = confirm_matches(self.code, typed)
        self.done_button.setEnabled(ok)
        complete = all(len(text.replace("-", "").strip()) >= 4 for text in typed.values())
        self.message.setText("" if ok or not complete else tr("That does not match the key above."))

    def _save_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Save recovery key page"), str(Path.home() / "ketajournal-recovery-key.pdf"),
            "PDF (*.pdf)",
        )
        if name:
            self.save_pdf(Path(name))

    def save_pdf(self, target: Path) -> bool:
        """Write the recovery key page to ``target``, unless it lies in the journal's home."""
        if self.home is not None:
            try:
                self.home.check_output(target)
            except OutputInJournalHomeError as error:
                self.message.setText(str(error))
                return False
        write_recovery_pdf(self.code, target)
        return True

    def reject(self) -> None:
        """Closing without confirming is not offered: the key would be lost with the keyring."""
        self.message.setText(tr("Please type the two groups first; the key is not shown again."))
