"""Medication steps → courses → what was taken on a day, by hand (issue 13, point 1)."""

from __future__ import annotations

from datetime import date

import pytest

from ketajournal.domain.medications import (
    COMMON_MEDICATIONS,
    MedicationClass,
    MedicationStep,
    StepAction,
    changes_within,
    check_can_start,
    check_day,
    course_taken,
    courses,
    default_class,
    describe,
    taken_on,
)
from ketajournal.domain.validation import ValidationError

START, CHANGE, STOP = StepAction.START, StepAction.CHANGE, StepAction.STOP


def step(name: str, day: int, action: StepAction, dose: str = "", **kw: object) -> MedicationStep:
    return MedicationStep(name=name, day=date(2026, 10, day), action=action, dose_text=dose,
                          **kw)  # type: ignore[arg-type]


# Sertraline 100 mg from 1 Oct, raised to 150 mg on 10 Oct; lorazepam 1 mg from 15 Oct,
# stopped on 25 Oct. On 12 Oct: sertraline 150 mg only; on 20 Oct: both; on 25 Oct:
# sertraline only (stopped that day). A booster cycle 12–18 Oct overlaps one change:
# lorazepam started on the 15th.
def test_courses_and_what_was_taken_on_a_day() -> None:
    steps = [
        step("Sertraline", 1, START, "100 mg once a day", medication_class="ssri", dose_mg=100),
        step("sertraline ", 10, CHANGE, "150 mg once a day", dose_mg=150),
        step("Lorazepam", 15, START, "1 mg at night", medication_class="benzodiazepine",
             dose_mg=1),
        step("Lorazepam", 25, STOP),
    ]
    found = courses(steps)
    assert [(c.name, c.medication_class, c.start, c.stop) for c in found] == [
        ("Sertraline", MedicationClass.SSRI, date(2026, 10, 1), None),
        ("Lorazepam", MedicationClass.BENZODIAZEPINE, date(2026, 10, 15), date(2026, 10, 25)),
    ]
    assert [(c.name, s.dose_text) for c, s in taken_on(found, date(2026, 10, 12))] == [
        ("Sertraline", "150 mg once a day")]
    assert len(taken_on(found, date(2026, 10, 20))) == 2
    assert [c.name for c, _ in taken_on(found, date(2026, 10, 25))] == ["Sertraline"]
    assert taken_on(found, date(2026, 9, 30)) == ()
    overlap = changes_within(found, date(2026, 10, 12), date(2026, 10, 18))
    assert [describe(s) for s in overlap] == ["Lorazepam started (1 mg at night)"]
    assert [describe(s) for s in changes_within(found, date(2026, 10, 10), date(2026, 10, 31))] \
        == ["sertraline changed to 150 mg once a day", "Lorazepam started (1 mg at night)",
            "Lorazepam stopped"]


def test_impossible_sequences_and_bad_fields_name_the_field() -> None:
    with pytest.raises(ValidationError) as error:
        courses([step("Lorazepam", 2, CHANGE, "2 mg")])
    assert error.value.field == "name"
    with pytest.raises(ValidationError):
        courses([step("Lorazepam", 2, START, "1 mg"), step("Lorazepam", 3, STOP),
                 step("Lorazepam", 4, STOP)])
    with pytest.raises(ValidationError):
        courses([step("Lorazepam", 2, START, "1 mg"), step("lorazepam", 3, START, "2 mg")])
    for fields, field in (({"name": " "}, "name"), ({"dose_text": ""}, "dose"),
                          ({"medication_class": "vitamin"}, "class"),
                          ({"dose_mg": 0}, "dose_mg")):
        base: dict[str, object] = {"name": "Lithium", "day": date(2026, 10, 1),
                                   "action": "start", "dose_text": "400 mg"}
        with pytest.raises(ValidationError) as error:
            MedicationStep(**(base | fields))  # type: ignore[arg-type]
        assert error.value.field == field


def test_a_restart_is_a_new_course_and_the_common_list_has_classes() -> None:
    found = courses([step("Diazepam", 1, START, "5 mg"), step("Diazepam", 5, STOP),
                     step("Diazepam", 20, START, "2 mg")])
    assert [(c.start, c.stop) for c in found] == [
        (date(2026, 10, 1), date(2026, 10, 5)), (date(2026, 10, 20), None)]
    assert COMMON_MEDICATIONS["lorazepam"] is MedicationClass.BENZODIAZEPINE
    assert {c.label for c in MedicationClass} >= {"Benzodiazepine", "Antidepressant (MAOI)"}


def test_the_rules_of_a_start_and_of_what_is_taken_on_a_day() -> None:
    found = courses([step("Diazepam", 1, START, "5 mg"), step("Diazepam", 5, STOP),
                     step("Sertraline", 3, START, "50 mg")])
    check_can_start(found, "diazepam", date(2026, 10, 5))  # from its stop day on
    for name, day in (("diazepam", 4), ("SERTRALINE", 30), ("Sertraline", 1)):
        with pytest.raises(ValidationError) as error:
            check_can_start(found, name, date(2026, 10, day))
        assert error.value.field == "name"
    assert course_taken(found, " diazepam", date(2026, 10, 4)).start == date(2026, 10, 1)
    with pytest.raises(ValidationError, match="not being taken"):
        course_taken(found, "Diazepam", date(2026, 10, 5))  # not taken on its stop day
    today = date(2026, 11, 27)
    assert check_day("at", date(2026, 11, 28), today) == date(2026, 11, 28)
    for bad in (date(2026, 11, 29), date(1999, 12, 31), "2026-11-01"):
        with pytest.raises(ValidationError) as error:
            check_day("at", bad, today)
        assert error.value.field == "at"
    assert default_class("  Lorazepam ") is MedicationClass.BENZODIAZEPINE
    assert default_class("St John's wort") is MedicationClass.OTHER
