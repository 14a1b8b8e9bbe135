"""``ketajournal export``: every entry in the JSON export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import import_reading
from ketajournal.services.opening import open_journal
from tests.support.pipes import fed_fifo


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def counts(home: Path) -> dict[str, int]:
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        return journal.counts()
    finally:
        journal.close()


def test_export_json_has_every_entry(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "demo", "--days", "60") == 0
    target = tmp_path / "out.json"
    assert run(home, "export", "json", "-o", str(target)) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "ketajournal-export"
    assert {k: len(v) for k, v in document["entries"].items()} == counts(home)
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_import_of_a_pipe_stops_at_the_cap_with_a_sentence(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run(home, "demo", "--days", "3") == 0
    before = counts(home)
    monkeypatch.setattr(import_reading, "MAX_IMPORT_BYTES", 1024 * 1024)
    monkeypatch.setattr(import_reading, "MAX_JSON_IMPORT_BYTES", 1024 * 1024)  # read as JSON
    capsys.readouterr()
    feeder = fed_fifo(tmp_path / "pipe", 4 * 1024 * 1024)
    assert run(home, "import", str(tmp_path / "pipe")) == 2
    err = capsys.readouterr().err
    assert "pipe: is larger than 1 MB, far more than a journal export" in err
    assert "Traceback" not in err
    assert feeder.finish() < 2 * 1024 * 1024  # read stopped at the cap, not at the end
    assert counts(home) == before
