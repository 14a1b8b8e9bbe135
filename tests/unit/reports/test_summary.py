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
