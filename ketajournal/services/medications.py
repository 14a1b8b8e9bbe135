"""The medication list's use cases: start, change the dose, stop, delete, undo; and reads.

Each write runs in one transaction and returns a :class:`MedicationEdit` only after
COMMIT returned: the course before and after, and the :class:`Change` the views
refresh from. Undoing puts ``before`` back (a start is deleted, a delete comes back
under its old id), redoing puts ``after`` back — as the window's undo stack does with
entries. The rules (what may start, what is being taken on a day, the ranges) are the
domain's (:mod:`ketajournal.domain.medications`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ketajournal.domain.medications import (
    Course,
    MedicationClass,
    MedicationStep,
    StepAction,
    changes_within,
    check_can_start,
    check_day,
    course_taken,
    courses,
    default_class,
    taken_on,
)
from ketajournal.domain.timeutil import local_day, to_iso
from ketajournal.domain.validation import ValidationError
from ketajournal.language import gettext as _
from ketajournal.services.journal import Change, Journal, NotFoundError
from ketajournal.storage.connection import transaction
from ketajournal.storage.medications import MedicationRepository

#: The change kind of the medication list (views that show medications listen for it).
KIND = "medication"


@dataclass(frozen=True)
class MedicationEdit:
    """One write to the medication list: the course before and after it.

    ``before`` None: the course was started; ``after`` None: it was deleted.
    """

    text: str
    before: Course | None
    after: Course | None
    change: Change

    @property
    def course(self) -> Course:
        """The course as the write left it (before it, for a delete)."""
        found = self.after if self.after is not None else self.before
        assert found is not None
        return found


class MedicationList:
    """The medication list of one open journal (same connection, same clock)."""

    def __init__(self, journal: Journal) -> None:
        self._db = journal._db  # one connection: one writer
        self._repo = MedicationRepository(self._db)
        self._journal = journal

    def today(self) -> date:
        """The service clock's calendar day."""
        return local_day(self._journal.now())

    # -- reads ---------------------------------------------------------------------------
    def history(self) -> tuple[Course, ...]:
        """Every course, current and stopped, by start day."""
        return tuple(self._journal.medication_courses())

    def on(self, day: date | None = None) -> tuple[tuple[Course, MedicationStep], ...]:
        """What was taken on ``day`` (today when None), each with its dose step."""
        return taken_on(self.history(), self.today() if day is None else day)

    def current(self) -> tuple[tuple[Course, MedicationStep], ...]:
        """What is taken today, each with its dose in force."""
        return self.on(None)

    def changes(self, first: date, last: date) -> tuple[MedicationStep, ...]:
        """Every start, dose change and stop on ``first`` … ``last``, by day."""
        return changes_within(self.history(), first, last)

    def get(self, course_id: int) -> Course | None:
        """One course by id."""
        return self._repo.get(course_id)

    # -- writes --------------------------------------------------------------------------
    def start(
        self,
        name: str,
        dose_text: str,
        *,
        dose_mg: float | None = None,
        medication_class: MedicationClass | str | None = None,
        day: date | None = None,
        frequency: str = "",
        note: str = "",
    ) -> MedicationEdit:
        """Start a medication on ``day`` (today when None).

        The class defaults to the common list's, else "other". Refused (naming the
        field) when it is already being taken then or a later course of it exists.
        """
        day = check_day("at", self.today() if day is None else day, self.today())
        step = MedicationStep(
            name=name, day=day, action=StepAction.START,
            medication_class=default_class(name) if medication_class is None
            else medication_class,  # type: ignore[arg-type]
            dose_text=dose_text, dose_mg=dose_mg, frequency=frequency, note=note)
        with transaction(self._db):
            check_can_start(self._repo.all(), step.name, day)
            course = Course(step.name, step.medication_class, (step,))
            course_id = self._repo.insert(course, self._stamp())
        saved = dataclasses.replace(course, id=course_id)
        return MedicationEdit("Start medication", None, saved, Change.of(KIND, course_id))

    def change(
        self, name: str, dose_text: str, *, dose_mg: float | None = None,
        day: date | None = None,
    ) -> MedicationEdit:
        """A new dose from ``day`` (today when None) of the course taken that day.

        A change on the day of an earlier step (the start, or another change) replaces
        that day's dose. Refused when ``name`` is not being taken on ``day``.
        """
        day = check_day("at", self.today() if day is None else day, self.today())
        with transaction(self._db):
            before = course_taken(self._repo.all(), name, day)
            step = MedicationStep(
                name=before.name, day=day, action=StepAction.CHANGE,
                medication_class=before.medication_class, dose_text=dose_text,
                dose_mg=dose_mg)
            steps: list[MedicationStep] = []
            replaced = False
            for old in before.steps:
                if old.day == day and old.action is not StepAction.STOP:
                    # the same day's dose, replaced (a start stays the start)
                    steps.append(dataclasses.replace(
                        old, dose_text=step.dose_text, dose_mg=step.dose_mg))
                    replaced = True
                else:
                    steps.append(old)
            if not replaced:
                steps.append(step)
            steps.sort(key=lambda s: (s.day, s.action is StepAction.STOP))
            after = dataclasses.replace(before, steps=tuple(steps))
            courses(after.steps)  # still a possible sequence
            self._repo.replace(after, self._stamp())
        return MedicationEdit("Change medication dose", before, after,
                              Change.of(KIND, _id(after)))

    def stop(self, name: str, *, day: date | None = None) -> MedicationEdit:
        """Stop the course of ``name`` taken on ``day`` (today when None), from that day.

        It is not taken on its stop day. Refused when ``name`` is not being taken, or
        when a dose change of it lies after ``day``.
        """
        day = check_day("at", self.today() if day is None else day, self.today())
        with transaction(self._db):
            taken = [c for c in self._repo.all() if c.stop is None]
            before = course_taken(taken, name, day)
            if before.current_dose.day > day:
                raise ValidationError(
                    "at", _("must not be before the medication's last dose change"))
            stop = MedicationStep(name=before.name, day=day, action=StepAction.STOP,
                                  medication_class=before.medication_class)
            after = dataclasses.replace(before, steps=(*before.steps, stop))
            self._repo.replace(after, self._stamp())
        return MedicationEdit("Stop medication", before, after, Change.of(KIND, _id(after)))

    def delete(self, course_id: int) -> MedicationEdit:
        """Delete a course with its doses (undone by :meth:`undo`, under the same id)."""
        with transaction(self._db):
            before = self._repo.get(course_id)
            if before is None:
                raise NotFoundError(KIND, course_id)
            self._repo.delete(course_id)
        return MedicationEdit("Delete medication", before, None, Change.of(KIND, course_id))

    def insert_courses(self, new: Sequence[Course]) -> None:
        """Add imported courses (new ids) inside the transaction the caller holds:
        :meth:`Journal.log_all`'s ``then``, so an import stays all or nothing."""
        stamp = self._stamp()
        for course in new:
            self._repo.insert(dataclasses.replace(course, id=None), stamp)

    def undo(self, edit: MedicationEdit) -> Change:
        """Put the course back as it was before ``edit``."""
        return self._put(edit.after, edit.before)

    def redo(self, edit: MedicationEdit) -> Change:
        """Do ``edit`` again after :meth:`undo`."""
        return self._put(edit.before, edit.after)

    def _put(self, current: Course | None, wanted: Course | None) -> Change:
        course_id = _id(current if current is not None else wanted)
        with transaction(self._db):
            if wanted is None:
                if not self._repo.delete(course_id):
                    raise NotFoundError(KIND, course_id)
            elif current is None:
                self._repo.insert(wanted, self._stamp())
            elif not self._repo.replace(wanted, self._stamp()):
                raise NotFoundError(KIND, course_id)
        return Change.of(KIND, course_id)

    def _stamp(self) -> str:
        return to_iso(self._journal.now())


def _id(course: Course | None) -> int:
    assert course is not None and course.id is not None
    return course.id


__all__ = ["KIND", "MedicationEdit", "MedicationList"]
