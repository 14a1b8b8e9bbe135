"""The settings dialog: crisis country and thresholds stored; security only with a key store."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.services import clinical
from ketajournal.services.journal import Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.security import SecurityDialog
from ketajournal.ui.settings_dialog import SettingsDialog


def test_settings_dialog_stores_crisis_country_and_thresholds(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    dialog = SettingsDialog(window.controller, window)
    qtbot.addWidget(dialog)
    dialog.country.setCurrentIndex(dialog.country.findData("UK"))
    dialog.remission["phq9"].setValue(7)
    dialog.accept()
    assert clinical.crisis_message(journal).count("116 123") == 1
    assert "988" not in clinical.crisis_message(journal)
    assert clinical.measure_status(journal, "phq9").remission_threshold == 7


def test_the_settings_dialog_opens_security_only_with_a_key_store(
    qtbot: QtBot, journal: Journal
) -> None:
    controller = JournalController(journal)
    demo = SettingsDialog(controller)
    qtbot.addWidget(demo)
    assert not demo.security_button.isEnabled()
    real = SettingsDialog(controller, keys=KeyringKeyStore())
    qtbot.addWidget(real)
    assert real.security_button.isEnabled()
    assert isinstance(real.security_dialog(), SecurityDialog)
