"""The settings dialog: crisis country and thresholds stored, security only with a key store,
and Settings → Reminders (the daily reminder, detailed text, background, start at login)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from ketajournal.platform import autostart
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.services import clinical
from ketajournal.services.journal import Journal
from ketajournal.services.settings import Settings
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.security import SecurityDialog
from ketajournal.ui.settings_dialog import SettingsDialog


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


def test_reminder_settings_start_off_and_are_saved(
    qtbot: QtBot, journal: Journal, config: Path
) -> None:
    dialog = SettingsDialog(JournalController(journal), keys=KeyringKeyStore())
    qtbot.addWidget(dialog)
    assert not dialog.mood_reminder.isChecked() and not dialog.mood_time.isEnabled()
    assert dialog.mood_time.time() == QTime(20, 0)
    assert not dialog.detailed_text.isChecked()
    assert not dialog.background.isChecked()
    assert not dialog.start_at_login.isChecked()

    dialog.mood_reminder.setChecked(True)
    assert dialog.mood_time.isEnabled()
    dialog.mood_time.setTime(QTime(21, 30))
    dialog.detailed_text.setChecked(True)
    dialog.background.setChecked(True)
    assert not dialog.session_reminders.isChecked() and not dialog.session_lead.isEnabled()
    dialog.session_reminders.setChecked(True)
    dialog.session_lead.setValue(3)
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    settings = Settings(journal)
    assert settings.get("reminders.mood") is True
    assert settings.get("reminders.mood_time") == "21:30"
    assert settings.get("reminders.detailed_text") is True
    assert settings.get("reminders.background") is True
    assert settings.get("reminders.sessions") is True
    assert settings.get("reminders.session_lead_hours") == 3
    assert not (config / "autostart").exists()  # start at login stays off


def test_start_at_login_writes_and_removes_the_autostart_entry(
    qtbot: QtBot, journal: Journal, config: Path
) -> None:
    entry = config / "autostart" / "org.ketajournal.KetaJournal.desktop"
    dialog = SettingsDialog(JournalController(journal), keys=KeyringKeyStore())
    qtbot.addWidget(dialog)
    dialog.start_at_login.setChecked(True)
    dialog.accept()
    text = entry.read_text(encoding="utf-8")
    assert "--background" in text and "Exec=" in text
    assert autostart.is_enabled()
    assert Settings(journal).get("reminders.start_at_login") is True

    again = SettingsDialog(JournalController(journal), keys=KeyringKeyStore())
    qtbot.addWidget(again)
    assert again.start_at_login.isChecked()  # what the system has
    again.start_at_login.setChecked(False)
    again.accept()
    assert not entry.exists()


def test_the_demo_journal_cannot_start_at_login(
    qtbot: QtBot, journal: Journal, config: Path
) -> None:
    dialog = SettingsDialog(JournalController(journal))
    qtbot.addWidget(dialog)
    assert not dialog.start_at_login.isEnabled()
    dialog.start_at_login.setChecked(True)
    dialog.accept()
    assert not autostart.is_enabled()


def test_settings_dialog_stores_crisis_country_and_thresholds(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    dialog = SettingsDialog(window.controller, window)
    qtbot.addWidget(dialog)
    dialog.country.setCurrentIndex(dialog.country.findData("GB"))
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


def test_the_colour_scheme_is_chosen_and_saved(qtbot: QtBot, journal: Journal) -> None:
    dialog = SettingsDialog(JournalController(journal))
    qtbot.addWidget(dialog)
    assert dialog.color_scheme.currentData() == "system"
    assert [dialog.color_scheme.itemData(i) for i in range(3)] == ["system", "light", "dark"]
    dialog.color_scheme.setCurrentIndex(2)
    dialog.accept()
    assert Settings(journal).get("appearance.color_scheme") == "dark"
    again = SettingsDialog(JournalController(journal))
    qtbot.addWidget(again)
    assert again.color_scheme.currentText() == "Dark"


def test_the_language_is_chosen_by_its_own_name_and_saved_for_the_next_start(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = SettingsDialog(JournalController(journal))
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["System default", "English", "Deutsch", "Español"]
    assert dialog.language.currentData() == "system"
    assert not dialog.language_note.isVisibleTo(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert dialog.language_note.isVisibleTo(dialog)
    assert "when you next open ketajournal" in dialog.language_note.text()
    dialog.language.setCurrentIndex(0)
    assert not dialog.language_note.isVisibleTo(dialog)  # back to what is saved
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.accept()
    assert Settings(journal).get("ui.language") == "de"
    again = SettingsDialog(JournalController(journal))
    qtbot.addWidget(again)
    assert again.language.currentText() == "Deutsch"
    assert not again.language_note.isVisibleTo(again)


def test_the_next_window_on_the_journal_speaks_the_saved_language(
    qtbot: QtBot, journal: Journal
) -> None:
    from PySide6.QtCore import QLocale

    from ketajournal import translation
    from tests.support.fixtures import open_window

    Settings(journal).set("ui.language", "de")
    try:
        window = open_window(qtbot, journal)
        assert window.controller is not None
        dialog = SettingsDialog(window.controller)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Einstellungen"
        assert dialog.language.itemText(0) == "Wie das System"
        assert dialog.language.itemText(2) == "Deutsch"
    finally:
        translation.install("en")
        QLocale.setDefault(QLocale.c())
