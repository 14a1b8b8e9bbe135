"""The clinician PDF, read back with pypdf: page 1's numbers, metadata, pages, privacy."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from ketajournal.domain.boosters import TOLERANCE_ADVICE, TOLERANCE_NOTE_FOR_CLINICIAN
from ketajournal.domain.dates import format_date
from ketajournal.domain.models import MoodEntry
from ketajournal.reports import pdf as pdf_writer
from ketajournal.reports.model import TITLE
from ketajournal.reports.pdf import PdfWriteError, write_pdf
from ketajournal.services import clinical
from ketajournal.services.journal import Journal
from ketajournal.services.reports import build_report
from tests.conftest import NOW
from tests.test_report_model import SENTINEL, fill


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


def test_page_one_shows_the_numbers_the_services_compute(
    journal: Journal, demo_pdf: PdfReader
) -> None:
    page1 = page_texts(demo_pdf)[0]
    assert f"Sessions in period {len(journal.sessions())} (6 induction, 24 booster)" in page1
    phq9 = clinical.measure_status(journal, "phq9")
    assert phq9.baseline is not None and phq9.latest is not None
    assert phq9.change_percent is not None
    assert (f"baseline {phq9.baseline.total}, now {phq9.latest.total} ({phq9.latest.band}): "
            f"−{abs(phq9.change_percent):.0f} %") in page1
    analysis = clinical.booster_analysis(journal)
    assert flat(analysis.tolerance.sentence.replace(
        TOLERANCE_ADVICE, TOLERANCE_NOTE_FOR_CLINICIAN)) in page1
    assert "your clinician" not in page1
    labels = [c.label for c in analysis.booster_cycles[-6:]]
    assert labels[-1].startswith("≥ ")  # the running cycle is censored
    shown = ", ".join(label.removesuffix(" days") for label in labels)
    assert f"{shown} days" in page1
    flagged = clinical.safety_flags(journal)
    assert flagged and f"ABOVE 0 on {format_date(flagged[0].at.date())}" in page1
    marked = [s for s in journal.sessions()
              if s.bp_before and s.bp_after and s.bp_after.systolic - s.bp_before.systolic >= 40]
    assert len(marked) == 1
    assert f"1 marked rise ({format_date(marked[0].at.date())})" in page1
    assert analysis.next_due is not None
    assert f"{format_date(analysis.next_due)} — a question for the clinician" in page1


def test_summary_pages_list_the_blood_pressure_rise_and_item9_answer(
    demo_pdf: PdfReader,
) -> None:
    summary = " ".join(page_texts(demo_pdf)[:2])
    assert "+40/+3 *" in summary
    assert "10 Dec 2024: item 9 answered 1 (“Several days”)" in summary


def test_metadata_is_a_generic_title_and_nothing_else(
    demo_pdf: PdfReader, tmp_path: Path
) -> None:
    metadata = demo_pdf.metadata
    assert metadata is not None
    assert dict(metadata) == {"/Title": TITLE}
    assert demo_pdf.xmp_metadata is None
    raw = (tmp_path / "report.pdf").read_bytes()
    for forbidden in (str(tmp_path).encode(), b"/Author", b"/Producer", b"/Creator",
                      b"/Subject", b"/CreationDate"):
        assert forbidden not in raw


def test_every_page_has_title_period_and_page_x_of_n(demo_pdf: PdfReader) -> None:
    texts = page_texts(demo_pdf)
    total = len(texts)
    assert total >= 4
    for number, text in enumerate(texts, start=1):
        assert f"page {number} of {total}" in text
        assert TITLE in text
        assert "Period: 28 Nov 2024 – 27 Nov 2026 (all data)" in text


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


def test_the_words_of_an_other_side_effect_are_a_note(journal: Journal, tmp_path: Path) -> None:
    from ketajournal.domain.models import SideEffect, SideEffectCategory

    fill(journal)
    journal.log(SideEffect(at=NOW - timedelta(days=1), category=SideEffectCategory.OTHER,
                           other_text=SENTINEL, severity=2))
    without = " ".join(page_texts(export(journal, tmp_path / "a.pdf")))
    assert SENTINEL not in without
    assert "Other" in without
    with_notes = " ".join(page_texts(export(journal, tmp_path / "b.pdf", include_notes=True)))
    assert SENTINEL in with_notes


def test_a_note_longer_than_a_page_flows_over_pages(journal: Journal, tmp_path: Path) -> None:
    text = " ".join(["words"] * 3300) + " the-last-word <b>&"
    journal.log(MoodEntry(at=NOW - timedelta(days=1), mood=6, note=text))
    texts = page_texts(export(journal, tmp_path / "a.pdf", include_notes=True))
    assert "the-last-word <b>&" in " ".join(texts)
    assert sum("words words words" in t for t in texts) >= 2


def test_the_report_name_appears_only_when_typed(journal: Journal, tmp_path: Path) -> None:
    journal.log(MoodEntry(at=NOW - timedelta(days=1), mood=6))
    unnamed = export(journal, tmp_path / "a.pdf")
    assert not any("Prepared" in text for text in page_texts(unnamed))
    named = export(journal, tmp_path / "b.pdf", name="Dr. Rivera")
    assert all("Prepared for/by: Dr. Rivera" in text for text in page_texts(named))
    assert named.metadata is not None and "Rivera" not in str(dict(named.metadata))


def test_from_and_to_choose_the_period_on_every_page(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    start, end = date(2025, 6, 1), date(2025, 12, 31)
    texts = page_texts(export(journal, tmp_path / "r.pdf", start, end))
    assert all("Period: 1 Jun 2025 – 31 Dec 2025 (chosen dates)" in t for t in texts)
    count = sum(start <= s.at.date() <= end for s in journal.sessions())
    assert f"Sessions in period {count} (0 induction, {count} booster)" in texts[0]
    everything = " ".join(texts)
    before, after = date(2025, 4, 9), date(2026, 11, 17)  # boosters outside the period
    assert {before, after} <= {s.at.date() for s in journal.sessions()}
    assert format_date(before) not in everything
    assert format_date(after) not in everything


def test_a_failing_write_leaves_no_file_and_no_temporary_file(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.log(MoodEntry(at=NOW - timedelta(days=1), mood=6))
    report = build_report(journal, None, None, include_notes=False, name=None,
                          since_last_appointment=False)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.pdf"

    def broken(*args: object) -> None:
        raise RuntimeError("injected")

    monkeypatch.setattr(pdf_writer, "_draw_chrome", broken)
    with pytest.raises(RuntimeError, match="injected"):
        write_pdf(report, target)
    assert list(folder.iterdir()) == []

    target.write_bytes(b"previous export")
    with pytest.raises(RuntimeError, match="injected"):
        write_pdf(report, target)
    assert list(folder.iterdir()) == [target]
    assert target.read_bytes() == b"previous export"

    monkeypatch.undo()
    with pytest.raises(PdfWriteError, match="nothing was saved"):
        write_pdf(report, tmp_path / "missing" / "report.pdf")
    assert not (tmp_path / "missing").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_folder_is_a_clear_error_and_leaves_nothing(
    journal: Journal, tmp_path: Path
) -> None:
    journal.log(MoodEntry(at=NOW - timedelta(days=1), mood=6))
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(PdfWriteError, match="could not be written"):
            export(journal, folder / "report.pdf")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


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


def test_an_empty_journal_still_gives_a_readable_pdf(journal: Journal, tmp_path: Path) -> None:
    texts = page_texts(export(journal, tmp_path / "empty.pdf"))
    assert "Sessions in period 0 (0 induction, 0 booster)" in texts[0]
    assert "No mood entries in this period" in " ".join(texts)


def test_export_pdf_command_writes_the_report(journal: Journal, tmp_path: Path) -> None:
    from ketajournal.cli import build_parser, main

    try:
        build_parser().parse_args(["export", "pdf", "-o", "x.pdf"])
    except SystemExit:
        pytest.skip("`export pdf` is not wired into cli.py yet")
    journal.log(MoodEntry(at=NOW - timedelta(days=1), mood=6))
    home = journal.paths.home
    journal.close()
    target = tmp_path / "cli.pdf"
    code = main(["export", "pdf", "--home", str(home), "-o", str(target), "--from",
                 "2026-11-01", "--to", "2026-11-27", "--name", "Dr. Rivera"])
    assert code == 0
    texts = page_texts(PdfReader(target))
    assert "Period: 1 Nov 2026 – 27 Nov 2026 (chosen dates)" in texts[0]
    assert "Prepared for/by: Dr. Rivera" in texts[0]
