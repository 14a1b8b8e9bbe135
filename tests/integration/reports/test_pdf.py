"""The clinician PDF, read back with pypdf: page 1's numbers, metadata, pages, privacy."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from ketajournal.domain.dates import format_date
from ketajournal.domain.models import (
    Assessment,
    BloodPressure,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.reports import pdf as pdf_writer
from ketajournal.reports.model import TITLE
from ketajournal.reports.pdf import PdfWriteError, write_pdf
from ketajournal.services.journal import Journal
from ketajournal.services.reports import build_report
from tests.support.clinical_journals import clinicians_check
from tests.support.clock import NOW
from tests.support.demo_reports import SENTINEL, export, fill, page_texts


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


def test_page_one_of_the_clinicians_check_claims_nothing_the_data_do_not_show(
    journal: Journal, tmp_path: Path
) -> None:
    """Issue 13's check, numbers by hand in ``tests/support/clinical_journals.py``."""
    d0 = clinicians_check(journal, NOW)
    pages = page_texts(export(journal, tmp_path / "check.pdf"))
    page1 = pages[0]
    booster1 = format_date(d0 + timedelta(days=16))
    assert (f"FLAGGED at 1 session — {booster1}: pre-dose above 140/90 and a reading "
            "≥ 180/110") in page1
    assert "no marked rise" not in page1
    assert "Last 4 boosters held 11, 1–7, 10, 3–12 days (oldest first)" in page1
    assert f"{format_date(d0 + timedelta(days=63))} (past)" in page1
    assert any("The estimate, " in p and "is already past on the report date" in p
               for p in pages)
    assert "5.0 (1 day with an entry) vs baseline B 4.0" in page1
    assert "(2 PHQ-9s filled)" in page1
    assert "not assessable (no baseline PHQ-9 before the first session)" in page1
    assert not re.search(r"(response|remission) (yes|no)\b", page1)
    assert "(2 of the 3 needed)" in page1
    # The report speaks to the clinician; only PHQ-9 item 9, quoted, says "you".
    spoken = page1.replace(
        "“thoughts that you would be better off dead or of hurting yourself in some way”", "")
    for patient_voice in (" you ", "yourself", "your ", "discuss"):
        assert patient_voice not in spoken
    assert not re.search(r"(?<![\d.])1(\.0)? days", page1)
    for bad in ("no data days", "undefined (undefined)", "the last 0 booster"):
        assert bad not in page1


def test_red_flags_difficulty_and_attribution_are_in_the_pdf(
    journal: Journal, tmp_path: Path
) -> None:
    """Issue 13, point 6: severe cystitis signs and craving are red flags on page 1, the
    difficulty answers (PHQ-9 and GAD-7) and the forms' attribution are printed."""
    day = NOW - timedelta(days=2)
    journal.log(SideEffect(at=day, category=SideEffectCategory.CRAVING, severity=8))
    journal.log(SideEffect(at=day, category=SideEffectCategory.PAINFUL_URINATION, severity=6))
    journal.log(SideEffect(at=day, category=SideEffectCategory.LIVER_SIGNS, severity=2))
    journal.log(Assessment(at=day, instrument_id="phq9", answers=(2, 2, 2, 2, 2, 1, 0, 0, 0),
                           difficulty=2))
    journal.log(Assessment(at=day, instrument_id="gad7", answers=(1,) * 7, difficulty=1))
    pages = page_texts(export(journal, tmp_path / "flags.pdf"))
    page1, everything = pages[0], " ".join(pages)
    # Craving at 8 ≥ 7 and liver signs at any severity are red flags (the worse first);
    # painful urination at 6 < 7 is not.
    assert ("RED FLAG: Craving ×1 (worst 8/10); Yellow skin or eyes, dark urine, or pain "
            "under the right ribs ×1 (worst 2/10) — the patient is told to contact the "
            "clinic (3 side-effect reports in all)") in page1
    assert "RED FLAG — Painful urination" not in everything
    assert "moderate; very difficult" in everything  # PHQ-9 total 11: moderate; answer 2
    assert "mild; somewhat difficult" in everything  # GAD-7 total 7: mild; answer 1
    assert "PHQ-9 and GAD-7: Developed by Drs. Robert L. Spitzer" in everything


def test_the_session_record_is_shown_when_present(journal: Journal, tmp_path: Path) -> None:
    journal.log(Session(
        at=NOW - timedelta(days=1), route=Route.NASAL, phase=Phase.BOOSTER, dose_mg=84,
        bp_before=BloodPressure(130, 80), bp_after=BloodPressure(150, 90),
        bp_leaving=BloodPressure(182, 95), heart_rate=91, spo2=96, observation_minutes=125,
        moaas=5))
    everything = " ".join(page_texts(export(journal, tmp_path / "record.pdf")))
    assert "Session record (from the clinic) (1)" in everything
    assert "182/95 91 bpm 96 % 125 min 5" in everything
    assert "150/90 after, 182/95 before leaving — a reading ≥ 180/110" in everything
    # A session without a record adds no row to that table (an IV patient's is empty).
    journal.log(Session(at=NOW - timedelta(days=3), route=Route.IV, phase=Phase.BOOSTER))
    both = " ".join(page_texts(export(journal, tmp_path / "both.pdf")))
    assert "Session record (from the clinic) (1)" in both and "Sessions (2)" in both


def test_reportlabs_c_accelerators_write_the_same_bytes_as_its_python_code(
    journal: Journal, tmp_path: Path
) -> None:
    """rl-accel is a speed-up only: the PDF is byte for byte the one its fallbacks write."""
    import pickle
    import subprocess
    import sys

    from reportlab.lib import rl_accel

    from tests.support.paths import ROOT

    assert rl_accel.fp_str.__module__ == "_rl_accel"  # the writer runs on the C code
    fill(journal)
    report = build_report(journal, None, None, include_notes=True, name="Sam",
                          since_last_appointment=False)
    write_pdf(report, tmp_path / "accelerated.pdf")
    (tmp_path / "report.pickle").write_bytes(pickle.dumps(report))
    script = (
        "import pickle, sys; sys.modules['_rl_accel'] = None\n"
        "from reportlab.lib import rl_accel\n"
        "assert rl_accel.fp_str.__module__ != '_rl_accel'\n"
        "from ketajournal.reports.pdf import write_pdf\n"
        "from pathlib import Path\n"
        "write_pdf(pickle.loads(Path(sys.argv[1]).read_bytes()), Path(sys.argv[2]))\n"
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "report.pickle"),
                    str(tmp_path / "python.pdf")], check=True, timeout=120,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (tmp_path / "accelerated.pdf").read_bytes() == (tmp_path / "python.pdf").read_bytes()
