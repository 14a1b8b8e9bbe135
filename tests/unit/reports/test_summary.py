"""Page 1 as plain values: the period, and when a blood pressure rise is marked."""

from __future__ import annotations

from datetime import date

import pytest

from ketajournal.reports.summary import BloodPressureLine, Period


@pytest.mark.parametrize(
    ("before", "after", "marked"),
    [((120, 80), (159, 104), False), ((120, 80), (160, 80), True),
     ((120, 80), (130, 105), True), ((120, 80), None, False)],
)
def test_blood_pressure_rise_is_marked_at_40_systolic_or_25_diastolic(
    before: tuple[int, int], after: tuple[int, int] | None, marked: bool
) -> None:
    assert BloodPressureLine(date(2026, 1, 1), "Booster", before, after).marked is marked


def test_a_period_counts_its_days_inclusively_and_labels_its_range() -> None:
    period = Period(date(2026, 2, 27), date(2026, 3, 2), "chosen dates", "From … to …")
    assert period.days == 4
    assert period.contains(date(2026, 2, 27)) and period.contains(date(2026, 3, 2))
    assert not period.contains(date(2026, 3, 3))
    assert "2026" in period.label and "27" in period.label


def test_the_medication_block_says_what_is_taken_and_the_changes_briefly() -> None:
    from datetime import date

    from ketajournal.reports.summary import (
        MedicationChange,
        MedicationLine,
        MedicationSummary,
    )

    on = date(2026, 11, 27)
    assert MedicationSummary(on, (), (), any_recorded=False).page_one_text == (
        "none recorded in the journal")
    sertraline = MedicationLine("Sertraline", "Antidepressant (SSRI)", "100 mg", 100.0,
                                date(2026, 9, 1))
    assert MedicationSummary(on, (sertraline,), (), any_recorded=True).page_one_text == (
        "Sertraline 100 mg — Antidepressant (SSRI). No change in the period")
    stop = MedicationChange(date(2026, 11, 3), "Lorazepam", "Benzodiazepine", "stop", "",
                            None, "Lorazepam stopped")
    assert MedicationSummary(on, (), (stop,), any_recorded=True).page_one_text == (
        "none taken. 1 change in the period: 3 Nov 2026 Lorazepam stopped")
    five = MedicationSummary(on, (), (stop,) * 5, any_recorded=True).page_one_text
    assert five.startswith("none taken. 5 changes in the period: 3 Nov 2026 Lorazepam")
    assert five.count("Lorazepam stopped") == 4
    assert five.endswith("; and 1 more (Medication changes, in the details)")
