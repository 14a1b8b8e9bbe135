"""The new recovery key dialog: closes only once two groups are typed back; a printable page."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ketajournal.platform.crypto import new_recovery_code
from ketajournal.ui.recovery import RecoveryKeyDialog, write_recovery_pdf


def test_the_dialog_stays_until_the_asked_groups_are_typed_correctly(qtbot: QtBot) -> None:
    code = new_recovery_code()
    dialog = RecoveryKeyDialog(code)
    qtbot.addWidget(dialog)
    groups = code.groups
    assert len(dialog.typed) == 2 and not dialog.done_button.isEnabled()
    dialog.reject()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "type the two groups first" in dialog.message.text()
    first, second = dialog.typed
    dialog.typed[first].setText(groups[first - 1])
    dialog.typed[second].setText("ZZZZ" if groups[second - 1] != "ZZZZ" else "0000")
    assert not dialog.done_button.isEnabled()
    assert dialog.message.text() == "That does not match the key above."
    dialog.typed[second].setText(groups[second - 1].lower())
    assert dialog.done_button.isEnabled() and dialog.message.text() == ""


def test_the_printable_page_is_an_owner_only_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "recovery.pdf"
    write_recovery_pdf(new_recovery_code(), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
