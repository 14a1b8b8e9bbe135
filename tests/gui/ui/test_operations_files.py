"""File menu: exports and import run in the background and report back in the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ketajournal.services import demo
from ketajournal.services.journal import Journal
from ketajournal.ui.main_window import MainWindow


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda _parent, title, text, n=name: shown.append((n, text)))
    return shown


@pytest.fixture
def window_journal(journal: Journal) -> Journal:
    data = demo.generate(journal.now(), days=60)
    journal.log_all(data.entries, data.session_of)
    return journal

def test_exports_run_in_the_background_and_write_the_files(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, journal: Journal
) -> None:
    target = tmp_path / "out.json"
    window.files.export_json(target)
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=10000)
    assert json.loads(target.read_text())["entries"]["mood"]
    folder = tmp_path / "csv"
    folder.mkdir()
    window.files.export_csv(folder)
    qtbot.waitUntil(lambda: (folder / "mood.csv").exists(), timeout=10000)
    fhir = tmp_path / "bundle.json"
    window.files.export_fhir(fhir)
    qtbot.waitUntil(lambda: fhir.exists(), timeout=10000)
    assert json.loads(fhir.read_text())["resourceType"] == "Bundle"


def test_import_adds_entries_and_every_view_sees_them(
    qtbot: QtBot, window: MainWindow, journal: Journal, tmp_path: Path,
    messages: list[tuple[str, str]],
) -> None:
    source = tmp_path / "export.json"
    journal.export_json(source)
    document = json.loads(source.read_text())
    document["entries"]["mood"].append(
        # A new entry: no global id (a copy keeping the last one's would be that entry).
        dict(document["entries"]["mood"][-1], id=99999, at="2026-11-27T07:00:00+01:00",
             day="2026-11-27", mood=9, global_id=None)
    )
    source.write_text(json.dumps(document))
    before = len(journal.moods())
    rows = window.timeline.model.rowCount()
    window.files.import_entries(source)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    (kind, text), = messages
    assert kind == "information" and "1" in text
    assert len(journal.moods()) == before + 1
    assert window.timeline.model.rowCount() == rows + 1  # the views heard about it
    assert len(list((journal.paths.home / "backups").glob("import-*.db"))) == 1


def test_a_bad_import_says_where_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, journal: Journal, tmp_path: Path,
    messages: list[tuple[str, str]],
) -> None:
    source = tmp_path / "bad.json"
    journal.export_json(source)
    document = json.loads(source.read_text())
    document["entries"]["mood"][3]["mood"] = 12
    source.write_text(json.dumps(document))
    before = journal.export_document()
    window.files.import_entries(source)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    (kind, text), = messages
    assert kind == "warning" and "mood" in text and "Nothing was imported" in text
    assert journal.export_document() == before
