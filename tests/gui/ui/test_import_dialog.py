"""File → Import from another app: mapping, preview, then the import off the UI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QSpinBox
from pytestqt.qtbot import QtBot

from ketajournal.services.app_import import MOOD_LABELS_SETTING
from ketajournal.services.journal import Journal
from ketajournal.ui.import_dialog import AppImportDialog
from ketajournal.ui.main_window import MainWindow
from tests.support.paths import FIXTURES

IMPORTS = FIXTURES / "imports"


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda _parent, title, text, n=name: shown.append((n, text)))
    return shown


def dialog_of(window: MainWindow, source: Path | None = None) -> AppImportDialog:
    window.files.import_from_app(source)
    dialog = window.files.app_import_dialog
    assert isinstance(dialog, AppImportDialog) and dialog.isVisible()
    return dialog


def score_spin(dialog: AppImportDialog, row: int) -> QSpinBox:
    spin = dialog.labels.cellWidget(row, 1)
    assert isinstance(spin, QSpinBox)
    return spin


def test_daylio_labels_are_scored_previewed_and_imported_in_the_background(
    qtbot: QtBot, window: MainWindow, journal: Journal, messages: list[tuple[str, str]],
) -> None:
    dialog = dialog_of(window, IMPORTS / "daylio.csv")
    labels = [dialog.labels.item(r, 0).text() for r in range(dialog.labels.rowCount())]
    assert labels == ["good", "meh", "Rad", "bad", "awful", "tired but ok"]
    assert [score_spin(dialog, r).value() for r in range(5)] == [7, 5, 9, 3, 1]
    assert dialog.labels.unchosen() == ["tired but ok"]
    dialog.preview()
    assert dialog.status.text() == "Choose a score for 1 mood label first."
    assert not dialog.import_button.isEnabled()
    score_spin(dialog, 5).setValue(4)
    dialog.preview()
    assert dialog.status.text().startswith(
        "6 mood entries read from daylio.csv: 6 new, 0 exact duplicates to skip."
    )
    assert dialog.table.rowCount() == 6
    first = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert first == ["3 Mar 2026", "21:40", "7", "walk, friends, good sleep", "yes"]
    assert dialog.import_button.isEnabled()
    rows = window.timeline.model.rowCount()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    (kind, text), = messages
    assert (kind, text) == ("information",
                            "Imported 6 mood entries; skipped 0 exact duplicates.")
    assert not dialog.isVisible() and dialog.outcome is not None
    assert len(journal.moods()) == 6
    assert window.timeline.model.rowCount() == rows + 6  # the views heard about it
    assert journal.setting(MOOD_LABELS_SETTING)["tired but ok"] == 4
    assert len(list((journal.paths.home / "backups").glob("import-*.db"))) == 1
    # Next time the remembered score is filled in.
    again = dialog_of(window, IMPORTS / "daylio.csv")
    assert again.labels.unchosen() == [] and score_spin(again, 5).value() == 4
    again.preview()
    assert "0 new, 6 exact duplicates to skip." in again.status.text()
    assert not again.import_button.isEnabled()


def test_a_csv_is_mapped_column_by_column_before_its_preview(
    qtbot: QtBot, window: MainWindow, journal: Journal,
) -> None:
    dialog = dialog_of(window)
    dialog.set_source("csv")
    assert dialog.columns.isVisible() and not dialog.labels_box.isVisible()
    dialog.set_file(IMPORTS / "generic.csv")
    dialog.columns.delimiter.setCurrentIndex(1)  # semicolon: the header is re-read
    columns = dialog.columns
    assert [columns.date_column.itemText(i) for i in range(columns.date_column.count())] == [
        "Datum", "Uhrzeit", "Stimmung", "Notiz"
    ]
    assert columns.date_column.currentText() == "Datum"
    assert columns.mood_column.currentText() == "Stimmung"
    assert columns.time_column.currentText() == "Uhrzeit"
    assert columns.note_column.currentText() == "Notiz"
    dialog.preview()  # the default date format does not fit: said, with the line
    assert "generic.csv line 2: date:" in dialog.status.text()
    assert not dialog.import_button.isEnabled()
    columns.date_format.setText("%d.%m.%Y")
    columns.lower_is_better.setChecked(True)
    dialog.preview()
    moods = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert moods == ["8", "3", "10", "5"]
    assert journal.counts()["mood"] == 0  # a preview writes nothing


def test_the_menu_entry_opens_the_dialog(window: MainWindow) -> None:
    assert window.menus.import_app_action.text() == "Import from &another app…"
    window.menus.import_app_action.trigger()
    assert isinstance(window.files.app_import_dialog, AppImportDialog)
    window.files.app_import_dialog.close()
