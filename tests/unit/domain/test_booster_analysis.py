"""Across booster cycles: the tolerance pattern, the next booster due, and their wording."""

from __future__ import annotations

from datetime import date, timedelta, timezone

import pytest

from ketajournal.domain.models import Phase
from tests.unit.domain.test_boosters import boosters, day, point, run

CET = timezone(timedelta(hours=1))
MINUS5 = timezone(timedelta(hours=-5))
D0 = date(2026, 1, 5)
IND, BOO = Phase.INDUCTION, Phase.BOOSTER


def test_tolerance_signal_by_slope() -> None:
    tolerance = boosters([24, 21, 17, 14], ongoing=5).tolerance
    assert tolerance.signal
    assert tolerance.slope_days_per_booster == pytest.approx(-3.4)
    assert tolerance.durabilities == (24, 21, 17, 14)
    assert tolerance.doses == (35.0, 35.0, 35.0, 35.0)
    assert tolerance.sentence == (
        "The last 4 finished boosters lasted 24, 21, 17 and 14 days at the same 35 mg: "
        "each booster held about 3.4 days less than the one before. This is a pattern "
        "that can mean tolerance; discuss it with your clinician."
    )


def test_tolerance_signal_by_dose_rise() -> None:
    tolerance = boosters([20, 21, 19, 20], [35, 35, 40, 42]).tolerance
    assert tolerance.signal
    assert tolerance.slope_days_per_booster == pytest.approx(-0.2)
    assert tolerance.doses == (35.0, 35.0, 40.0, 42.0)
    assert tolerance.sentence == (
        "Boosters at 35 mg held 20 and 21 days; after the dose rose to 40 and 42 mg, the "
        "next 2 boosters held 19 and 20 days. This is a "
        "pattern that can mean tolerance; discuss it with your clinician."
    )
    assert not boosters([20, 21, 19, 20], [35, 35, 40, 41]).tolerance.signal
    assert not boosters([20, 21, 19, 22], [35, 35, 40, 42]).tolerance.signal
    assert not boosters([20, 21, 19, 20], [None, 35, 40, 42]).tolerance.signal


def test_no_tolerance_signal() -> None:
    tolerance = boosters([20, 22, 19, 21, 20], ongoing=3).tolerance
    assert not tolerance.signal
    assert tolerance.slope_days_per_booster == pytest.approx(-0.1)
    assert tolerance.sentence == (
        "No shortening pattern: the last 5 finished boosters lasted 20, 22, 19, 21 and 20 "
        "days at the same 35 mg."
    )


def test_tolerance_window_is_the_last_six_finished_cycles() -> None:
    tolerance = boosters([30, 10, 24, 21, 17, 14, 12]).tolerance
    assert tolerance.durabilities == (10, 24, 21, 17, 14, 12)
    assert tolerance.slope_days_per_booster == pytest.approx(-12 / 17.5)
    assert not tolerance.signal


def test_not_enough_cycles_for_tolerance() -> None:
    tolerance = boosters([20, 18], ongoing=25).tolerance
    assert not tolerance.signal
    assert tolerance.slope_days_per_booster is None
    assert tolerance.durabilities == (20, 18)
    assert tolerance.sentence == (
        "Not enough finished booster cycles yet to look for a tolerance pattern "
        "(2 of the 3 needed)."
    )


def test_next_due_with_three_cycles() -> None:
    result = boosters([30, 14, 21, 17], ongoing=6)
    last = result.cycles[-1].session.day
    assert result.next_due == last + timedelta(days=17)
    assert result.next_due_basis == (
        f"last booster {last.isoformat()} + median 17 days of the last 3 finished cycles "
        "(14, 21, 17)"
    )


def test_next_due_with_two_cycles() -> None:
    result = boosters([14, 17], ongoing=6)
    last = result.cycles[-1].session.day
    assert result.next_due == last + timedelta(days=15)
    assert result.next_due_basis == (
        f"last booster {last.isoformat()} + median 15.5 days of the last 2 finished cycles "
        "(14, 17), rounded down to 15"
    )


def test_next_due_needs_two_cycles() -> None:
    result = boosters([14], ongoing=6)
    assert result.next_due is None
    assert result.next_due_basis == "Needs at least 2 finished booster cycles (1 so far)."


def test_wide_ranges_are_left_out_of_tolerance_and_next_due() -> None:
    values: dict[int, float] = {}
    sessions = []
    start = 0
    for kind in ("exact", "gap", "exact", "exact"):
        sessions.append(point(start, BOO))
        if kind == "exact":
            values.update({start + k: 8 for k in range(1, 11)})
            values.update({start + k: 2 for k in range(11, 14)})
            start += 14
        else:
            values.update({start + 1: 8, start + 9: 2})
            start += 10
    sessions.append(point(start, BOO))  # day 14 + 10 + 14 + 14 = 52
    values.update({start + k: 8 for k in range(1, 4)})
    result = run(values, sessions, threshold=7)
    assert [c.label for c in result.cycles] == [
        "10 days", "1–8 days", "10 days", "10 days", "≥ 3 days"
    ]
    assert result.tolerance.durabilities == (10, 10, 10)
    assert result.next_due == day(52 + 10)
    assert "median 10 days of the last 3 finished cycles (10, 10, 10)" in result.next_due_basis


def test_very_short_boosters_are_not_called_free_of_tolerance() -> None:
    tolerance = boosters([1, 2, 1]).tolerance
    assert not tolerance.signal
    assert tolerance.sentence == (
        "The last 3 finished boosters lasted 1, 2 and 1 days at the same 35 mg: effects "
        "this short cannot show whether they are shortening."
    )


def test_next_due_basis_says_one_day() -> None:
    result = boosters([1, 1], ongoing=2)
    assert "median 1 day of the last 2 finished cycles (1, 1)" in result.next_due_basis


def test_a_shortening_of_one_day_per_booster_reads_one_day_not_one_point_zero_days() -> None:
    tolerance = boosters([19, 18, 17, 16, 15, 14], ongoing=5).tolerance
    assert tolerance.signal
    assert "each booster held about 1 day less than the one before" in tolerance.sentence
    assert "1.0 days" not in tolerance.sentence


def test_a_cycle_says_which_medication_changes_overlap_it() -> None:
    """Sessions on days 0 (induction), 10 and 20 (boosters); mood up to day 25.

    Cycles: day 0 … 9, day 10 … 19, day 20 … 25 (the last mood entry). Lorazepam started
    on day 9 belongs to the first; sertraline raised on day 10 (a session's day) to the
    second, and stopped on day 19 too; nothing changes in the third; a change on day 26,
    after the last entry, overlaps no cycle.
    """
    from ketajournal.domain.booster_analysis import analyse_boosters, medication_note
    from ketajournal.domain.medications import MedicationStep, StepAction, courses
    from tests.unit.domain.test_boosters import moods

    def step(name: str, n: int, action: StepAction, dose: str = "") -> MedicationStep:
        return MedicationStep(name=name, day=day(n), action=action, dose_text=dose)

    medications = courses([
        step("Sertraline", -30, StepAction.START, "100 mg"),
        step("Sertraline", 10, StepAction.CHANGE, "150 mg"),
        step("Sertraline", 19, StepAction.STOP),
        step("Lorazepam", 9, StepAction.START, "1 mg"),
        step("Lorazepam", 26, StepAction.STOP),
    ])
    analysis = analyse_boosters(
        moods({k: 6.0 for k in range(-3, 26)}),
        [point(0, Phase.INDUCTION), point(10, Phase.BOOSTER), point(20, Phase.BOOSTER)],
        threshold=5.0, medications=medications)
    assert [c.last_day for c in analysis.cycles] == [day(9), day(19), day(25)]
    assert [[m.name for m in c.medication_changes] for c in analysis.cycles] == [
        ["Lorazepam"], ["Sertraline", "Sertraline"], []]
    assert medication_note(analysis.cycles[0]) == (
        "medication change in this cycle: Lorazepam started (1 mg) on 14 Jan 2026")
    assert medication_note(analysis.cycles[1]) == (
        "medication changes in this cycle: 2 changes: Sertraline changed to 150 mg on "
        "15 Jan 2026; Sertraline stopped on 24 Jan 2026")
    assert medication_note(analysis.cycles[2]) == ""
    # The durabilities are the same with or without the medications: said beside, no more.
    without = analyse_boosters(
        moods({k: 6.0 for k in range(-3, 26)}),
        [point(0, Phase.INDUCTION), point(10, Phase.BOOSTER), point(20, Phase.BOOSTER)],
        threshold=5.0)
    assert [c.label for c in without.cycles] == [c.label for c in analysis.cycles]
