"""The medication list's use cases on a real journal, with hand-computed expectations.

"Today" is the fixed clock's 27 Nov 2026.
"""

from __future__ import annotations

from datetime import date

import pytest

from ketajournal.domain.medications import MedicationClass, StepAction, describe
from ketajournal.domain.validation import ValidationError
from ketajournal.services.journal import Journal, NotFoundError
from ketajournal.services.medications import KIND, MedicationList


def d(month: int, day: int) -> date:
    return date(2026, month, day)


@pytest.fixture
def meds(journal: Journal) -> MedicationList:
    return MedicationList(journal)


def test_start_change_stop_and_what_was_taken_when(meds: MedicationList) -> None:
    started = meds.start("Sertraline", "50 mg once a day", dose_mg=50, day=d(9, 1),
                         frequency="daily")
    assert started.before is None and started.change.kinds == {KIND}
    assert started.course.medication_class is MedicationClass.SSRI  # from the common list
    meds.change("sertraline", "100 mg once a day", dose_mg=100, day=d(9, 20))
    meds.start("Lorazepam", "1 mg at night", dose_mg=1, day=d(10, 10))
    meds.stop("LORAZEPAM", day=d(11, 1))
    meds.start("St John's wort", "300 mg", day=d(11, 20))
    # 15 Sep: sertraline 50 mg; 20 Sep: 100 mg; 31 Oct: both; 1 Nov: lorazepam stopped.
    assert [(c.name, s.dose_text) for c, s in meds.on(d(9, 15))] == [
        ("Sertraline", "50 mg once a day")]
    assert [(c.name, s.dose_mg) for c, s in meds.on(d(9, 20))] == [("Sertraline", 100.0)]
    assert [c.name for c, _ in meds.on(d(10, 31))] == ["Sertraline", "Lorazepam"]
    assert [c.name for c, _ in meds.current()] == ["Sertraline", "St John's wort"]
    assert meds.history()[2].medication_class is MedicationClass.OTHER
    assert [describe(s) for s in meds.changes(d(9, 20), d(11, 1))] == [
        "Sertraline changed to 100 mg once a day", "Lorazepam started (1 mg at night)",
        "Lorazepam stopped"]


def test_a_change_on_a_steps_day_replaces_that_days_dose(meds: MedicationList) -> None:
    meds.start("Lithium", "400 mg", dose_mg=400, day=d(10, 1))
    meds.change("Lithium", "600 mg", dose_mg=600, day=d(10, 1))
    meds.change("Lithium", "800 mg", dose_mg=800, day=d(10, 8))
    edit = meds.change("Lithium", "700 mg", dose_mg=700, day=d(10, 8))
    steps = edit.course.steps
    assert [(s.day, s.action, s.dose_mg) for s in steps] == [
        (d(10, 1), StepAction.START, 600.0), (d(10, 8), StepAction.CHANGE, 700.0)]
    # a change dated between two steps goes between them
    meds.change("Lithium", "650 mg", dose_mg=650, day=d(10, 5))
    assert [s.dose_mg for s in meds.history()[0].steps] == [600.0, 650.0, 700.0]


def test_changing_or_stopping_what_is_not_taken_is_refused_naming_the_field(
    meds: MedicationList,
) -> None:
    meds.start("Diazepam", "5 mg", day=d(10, 1))
    meds.stop("Diazepam", day=d(10, 10))
    for call in (
        lambda: meds.change("Diazepam", "2 mg", day=d(10, 12)),  # after its stop
        lambda: meds.change("Diazepam", "2 mg", day=d(9, 30)),  # before its start
        lambda: meds.stop("Diazepam", day=d(10, 12)),
        lambda: meds.stop("Quetiapine"),
        lambda: meds.start("diazepam", "1 mg", day=d(10, 5)),  # overlaps the course
    ):
        with pytest.raises(ValidationError) as error:
            call()
        assert error.value.field == "name"
    meds.start("Diazepam", "2 mg", day=d(10, 10))  # again, from its stop day
    meds.change("Diazepam", "3 mg", day=d(11, 1))
    with pytest.raises(ValidationError) as error:
        meds.stop("Diazepam", day=d(10, 20))  # before the last dose change
    assert error.value.field == "at"
    for kwargs, field in (({"dose_mg": 0}, "dose_mg"), ({"dose_text": " "}, "dose"),
                          ({"day": d(11, 29)}, "at"), ({"medication_class": "vitamin"},
                                                        "class")):
        args: dict[str, object] = {"name": "Bupropion", "dose_text": "150 mg"} | kwargs
        with pytest.raises(ValidationError) as error:
            meds.start(**args)  # type: ignore[arg-type]
        assert error.value.field == field
    assert [c.name for c in meds.history()] == ["Diazepam", "Diazepam"]


def test_undo_and_redo_put_each_write_back_exactly(meds: MedicationList) -> None:
    start = meds.start("Sertraline", "50 mg", dose_mg=50, day=d(9, 1))
    change = meds.change("Sertraline", "100 mg", dose_mg=100, day=d(9, 20))
    stop = meds.stop("Sertraline", day=d(10, 1))
    after_stop = meds.history()
    meds.undo(stop)
    assert meds.history()[0].stop is None
    meds.undo(change)
    assert [s.dose_mg for s in meds.history()[0].steps] == [50.0]
    meds.redo(change)
    meds.redo(stop)
    assert meds.history() == after_stop
    deleted = meds.delete(start.course.id or 0)
    assert meds.history() == ()
    assert meds.undo(deleted).ids == (start.course.id,)
    assert meds.history() == after_stop  # back under its old id, with every step
    meds.undo(stop), meds.undo(change), meds.undo(start)
    assert meds.history() == ()
    with pytest.raises(NotFoundError):
        meds.delete(start.course.id or 0)
