"""The PDF's chart page: vector drawings, not images."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from ketajournal.reports.pdf import write_pdf
from ketajournal.services.journal import Journal
from ketajournal.services.reports import build_report
from tests.support.demo_reports import fill


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


@pytest.fixture
def demo_pdf(journal: Journal, tmp_path: Path) -> PdfReader:
    fill(journal)
    return export(journal, tmp_path / "report.pdf")


def test_charts_are_vector_paths_not_images(demo_pdf: PdfReader) -> None:
    texts = page_texts(demo_pdf)
    chart_page = next(i for i, t in enumerate(texts) if "Booster response curves" in t)
    content = demo_pdf.pages[chart_page].get_contents()
    assert content is not None
    stream = content.get_data()
    # Polylines: a moveto followed by many linetos, then a stroke.
    assert len(re.findall(rb"[\d.]+ [\d.]+ l\b", stream)) > 500
    assert re.search(rb"[\d.]+ [\d.]+ m\b", stream) and re.search(rb"\bS\b", stream)
    for page in demo_pdf.pages:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources else None
        if xobjects:
            for ref in xobjects.get_object().values():
                assert ref.get_object().get("/Subtype") != "/Image"
