"""``ketajournal export``: every entry in the JSON export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.opening import open_journal


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




def test_export_pdf_year_page_adds_a_year_in_pixels_page(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    assert run(home, "demo", "--days", "30") == 0
    plain, years = tmp_path / "plain.pdf", tmp_path / "years.pdf"
    assert run(home, "export", "pdf", "-o", str(plain)) == 0
    assert run(home, "export", "pdf", "-o", str(years), "--year-page") == 0
    texts = [page.extract_text() for page in PdfReader(years).pages]
    assert len(texts) >= len(PdfReader(plain).pages) + 1
    assert any("Year in pixels:" in text for text in texts)
    assert not any("Year in pixels:" in p.extract_text() for p in PdfReader(plain).pages)
