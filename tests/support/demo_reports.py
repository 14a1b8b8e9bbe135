"""The clinician report over the demo patient: the set-up the report model's and the PDF's
tests share (registered by tests/conftest.py for the ``demo_pdf`` fixture)."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from ketajournal.reports.model import Report
from ketajournal.reports.pdf import write_pdf
from ketajournal.services import demo
from ketajournal.services.journal import Journal
from ketajournal.services.reports import build_report
from tests.support.clock import NOW

#: A note the report must never show unless notes are asked for.
SENTINEL = "SENTINEL-NOTE-7f3a"


@cache
def demo_data() -> demo.DemoJournal:
    """The demo patient up to :data:`NOW` (built once per test run)."""
    return demo.generate(NOW)


def fill(journal: Journal) -> Journal:
    """Log the demo patient's entries into ``journal``."""
    data = demo_data()
    journal.log_all(data.entries, data.session_of)
    return journal


def report(journal: Journal, start: date | None = None, end: date | None = None,
           **kw: object) -> Report:
    """The report model without notes, name or appointment period unless ``kw`` asks."""
    options: dict[str, object] = {
        "include_notes": False, "name": None, "since_last_appointment": False}
    options.update(kw)
    return build_report(journal, start, end, **options)  # type: ignore[arg-type]


def export(journal: Journal, target: Path, start: date | None = None, end: date | None = None,
           **kw: object) -> PdfReader:
    """Write the report as a PDF to ``target`` and read it back (its page count checked)."""
    pages = write_pdf(report(journal, start, end, **kw), target)
    reader = PdfReader(target)
    assert len(reader.pages) == pages
    return reader


def flat(text: str) -> str:
    """Extracted text with line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def page_texts(reader: PdfReader) -> list[str]:
    """Each page's text, flattened."""
    return [flat(page.extract_text()) for page in reader.pages]


@pytest.fixture
def demo_pdf(journal: Journal, tmp_path: Path) -> PdfReader:
    """The demo patient's report written to ``tmp_path/report.pdf`` and read back."""
    fill(journal)
    return export(journal, tmp_path / "report.pdf")
