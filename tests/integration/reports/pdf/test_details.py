"""The PDF's detail pages: the patient's notes only when included, flowing over pages."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader

from ketajournal.domain.models import MoodEntry
from ketajournal.reports.pdf import write_pdf
from ketajournal.services.journal import Journal
from ketajournal.services.reports import build_report
from tests.support.clock import NOW
from tests.support.demo_reports import SENTINEL, fill


def export(journal: Journal, target: Path, start: date | None = None, end: date | None = None,
           **kw: object) -> PdfReader:
    options: dict[str, object] = {
        "include_notes": False, "name": None, "since_last_appointment": False}
    options.update(kw)
    report = build_report(journal, start, end, **options)  # type: ignore[arg-type]
    pages = write_pdf(report, target)
    reader = PdfReader(target)
    assert len(reader.pages) == pages
    return reader


def flat(text: str) -> str:
    """Extracted text with line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def page_texts(reader: PdfReader) -> list[str]:
    return [flat(page.extract_text()) for page in reader.pages]


def test_notes_appear_only_when_the_patient_includes_them(
    journal: Journal, tmp_path: Path
) -> None:
    fill(journal)
    journal.log(MoodEntry(at=NOW - timedelta(days=1), mood=6, note=SENTINEL))
    without = " ".join(page_texts(export(journal, tmp_path / "a.pdf")))
    assert SENTINEL not in without
    assert "Walked by the river." not in without  # a demo note
    with_notes = " ".join(page_texts(export(journal, tmp_path / "b.pdf", include_notes=True)))
    assert SENTINEL in with_notes
    assert "Patient notes" in with_notes


def test_a_note_longer_than_a_page_flows_over_pages(journal: Journal, tmp_path: Path) -> None:
    text = " ".join(["words"] * 3300) + " the-last-word <b>&"
    journal.log(MoodEntry(at=NOW - timedelta(days=1), mood=6, note=text))
    texts = page_texts(export(journal, tmp_path / "a.pdf", include_notes=True))
    assert "the-last-word <b>&" in " ".join(texts)
    assert sum("words words words" in t for t in texts) >= 2
