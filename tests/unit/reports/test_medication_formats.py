"""The medication codecs of the exports: a course to JSON and back, and what is refused."""

from __future__ import annotations

from datetime import date

import pytest

from ketajournal.domain.medications import Course, MedicationClass, StepAction
from ketajournal.domain.validation import ValidationError
from ketajournal.reports.medication_formats import (
    LocatedError,
    build_course,
    course_from_json,
    course_to_json,
    courses_from_csv,
)


def lithium() -> Course:
    return build_course(7, "Lithium", "mood_stabiliser", "twice a day", "2026-03-01",
                        "2026-05-01", "levels checked",
                        [("2026-03-01", "400 mg", 400), ("2026-04-01", "600 mg", 600.0)])


def test_a_course_round_trips_through_json() -> None:
    course = lithium()
    assert (course.id, course.medication_class, course.start, course.stop) == (
        7, MedicationClass.MOOD_STABILISER, date(2026, 3, 1), date(2026, 5, 1))
    assert [s.action for s in course.steps] == [StepAction.START, StepAction.CHANGE,
                                               StepAction.STOP]
    assert course_to_json(course)["doses"] == [
        {"day": "2026-03-01", "dose": "400 mg", "dose_mg": 400.0},
        {"day": "2026-04-01", "dose": "600 mg", "dose_mg": 600.0}]
    assert course_from_json(course_to_json(course)) == course


@pytest.mark.parametrize(("change", "field"), [
    ({"start": "2026-02-28"}, "day"),  # the first dose is not on the start day
    ({"stop": "2026-03-15"}, "stop"),  # before the last dose
    ({"stop": "1 May"}, "stop"),
    ({"name": ""}, "name"),
    ({"id": 0}, "id"),
])
def test_what_a_course_read_back_may_not_be(change: dict[str, object], field: str) -> None:
    item = course_to_json(lithium()) | change
    with pytest.raises(ValidationError) as error:
        course_from_json(item)
    assert error.value.field == field


def test_csv_rows_become_courses_and_an_orphan_dose_is_refused() -> None:
    medication = ("medication.csv line 2", {
        "id": "3", "name": "Lithium", "class": "mood_stabiliser", "frequency": "",
        "start": "2026-03-01", "stop": "", "note": ""})
    dose = ("medication_dose.csv line 2",
            {"medication_id": "3", "day": "2026-03-01", "dose": "400 mg", "dose_mg": "400"})
    ((location, course),) = courses_from_csv([medication], [dose])
    assert location == "medication.csv line 2" and course.stop is None
    assert course.current_dose.dose_mg == 400.0
    orphan = ("medication_dose.csv line 3", dict(dose[1], medication_id="4"))
    with pytest.raises(LocatedError) as error:
        courses_from_csv([medication], [dose, orphan])
    assert error.value.field == "medication_id"
