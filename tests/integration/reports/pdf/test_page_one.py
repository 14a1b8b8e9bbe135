"""Page 1 of the PDF: the numbers the services compute, blood pressure rises and item 9."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from ketajournal.domain.booster_analysis import TOLERANCE_ADVICE, TOLERANCE_NOTE_FOR_CLINICIAN
from ketajournal.domain.dates import format_date
from ketajournal.reports.pdf.page_one import bp_text, rise_text
from ketajournal.reports.summary import BloodPressureLine
from ketajournal.services import clinical
from ketajournal.services.journal import Journal
from tests.support.demo_reports import export, fill, flat, page_texts


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
    assert f"{format_date(marked[0].at.date())}: " in page1 and "FLAGGED at" in page1
    assert "rise ≥ 40 systolic or ≥ 25 diastolic" in page1
    assert analysis.next_due is not None
    assert f"{format_date(analysis.next_due)} — a question for the clinician" in page1


def test_summary_pages_list_the_blood_pressure_rise_and_item9_answer(
    demo_pdf: PdfReader,
) -> None:
    summary = " ".join(page_texts(demo_pdf)[:2])
    assert "+40/+3 *" in summary
    assert "10 Dec 2024: item 9 answered 1 (“Several days”)" in summary


def test_blood_pressure_readings_and_rises_are_written_with_a_true_minus() -> None:
    assert bp_text((128, 84)) == "128/84" and bp_text(None) == "—"
    falling = BloodPressureLine(date(2026, 1, 1), "Booster", (130, 90), (124, 92))
    assert rise_text(falling) == "−6/+2"
    rising = BloodPressureLine(date(2026, 1, 1), "Booster", (120, 80), (165, 84))
    assert rise_text(rising) == "+45/+4 marked" and rise_text(rising, mark="*") == "+45/+4*"
    assert rise_text(BloodPressureLine(date(2026, 1, 1), "Booster", (120, 80), None)) == "—"


def chart_page(pages: list[str]) -> int:
    return next(i for i, text in enumerate(pages) if "Mood over the period" in text)


def test_page_one_lists_the_medications_taken_and_the_changes_in_the_period(
    journal: Journal, tmp_path: Path
) -> None:
    from datetime import timedelta

    from tests.support.clinical_journals import clinicians_check, with_medications
    from tests.support.clock import NOW

    d0 = clinicians_check(journal, NOW)
    before = page_texts(export(journal, tmp_path / "before.pdf"))
    with_medications(journal, d0)
    pages = page_texts(export(journal, tmp_path / "meds.pdf"))
    lorazepam, rise = d0 + timedelta(days=35), d0 + timedelta(days=45)
    assert (f"Medications on {format_date(NOW.date())} Sertraline 150 mg once a day — "
            "Antidepressant (SSRI); Lorazepam 1 mg at night — Benzodiazepine. 2 changes in "
            f"the period: {format_date(lorazepam)} Lorazepam started (1 mg at night); "
            f"{format_date(rise)} Sertraline changed to 150 mg once a day") in pages[0]
    # The key figures stay on page 1 and the summary takes no extra page.
    assert "PHQ-9 item 9 none above 0" in pages[0]
    assert chart_page(pages) == chart_page(before)
    # The detail pages list each change with its class and dose.
    everything = " ".join(pages)
    assert "Medication changes (2)" in everything
    assert (f"{format_date(lorazepam)} Lorazepam Benzodiazepine started 1 mg at night "
            f"{format_date(rise)} Sertraline Antidepressant (SSRI) dose changed 150 mg once "
            "a day") in everything


def test_page_one_stays_one_page_with_many_medication_changes(
    journal: Journal, tmp_path: Path
) -> None:
    from datetime import timedelta

    from ketajournal.services.medications import MedicationList
    from tests.support.clock import NOW

    fill(journal)
    before = page_texts(export(journal, tmp_path / "before.pdf"))
    meds = MedicationList(journal)
    today = NOW.date()
    for i, name in enumerate(("Sertraline", "Bupropion", "Lamotrigine", "Quetiapine")):
        meds.start(name, "a dose as prescribed, written out in full words", dose_mg=50,
                   day=today - timedelta(days=300 - i))
        for k in range(1, 4):
            meds.change(name, f"{50 + 25 * k} mg once a day with food",
                        day=today - timedelta(days=300 - i - 40 * k))
    pages = page_texts(export(journal, tmp_path / "many.pdf"))
    # 4 starts + 12 changes: page 1 names 4 and says how many more.
    assert "16 changes in the period" in pages[0]
    assert "and 12 more (Medication changes, in the details)" in pages[0]
    assert "PHQ-9 item 9" in pages[0]
    assert chart_page(pages) == chart_page(before)  # the summary gains no page
    assert "Medication changes (16)" in " ".join(pages)


def test_boosters_that_overlap_a_medication_change_say_so_beside_their_durability(
    journal: Journal, tmp_path: Path
) -> None:
    """The check's boosters 2 (D0+30, held 1–7 days, cycle to D0+39) and 3 (D0+40, held
    10 days, cycle to D0+52) overlap the lorazepam start (D0+35) and the sertraline rise
    (D0+45); boosters 1 and 4 overlap nothing."""
    from datetime import timedelta

    from tests.support.clinical_journals import clinicians_check, with_medications
    from tests.support.clock import NOW

    d0 = clinicians_check(journal, NOW)
    with_medications(journal, d0)
    pages = page_texts(export(journal, tmp_path / "overlap.pdf"))
    summary = " ".join(pages[:chart_page(pages)])
    b2, b3 = format_date(d0 + timedelta(days=30)), format_date(d0 + timedelta(days=40))
    assert (f"Last 4 boosters held 11, 1–7, 10, 3–12 days (oldest first); a medication "
            f"changed during the cycle of {b2} and {b3}") in pages[0]
    assert (f"Booster of {b2} (held 1–7 days): medication change in this cycle: Lorazepam "
            f"started (1 mg at night) on {format_date(d0 + timedelta(days=35))}.") in summary
    assert (f"Booster of {b3} (held 10 days): medication change in this cycle: Sertraline "
            f"changed to 150 mg once a day on {format_date(d0 + timedelta(days=45))}.") \
        in summary
    assert summary.count("medication change in this cycle") == 2
