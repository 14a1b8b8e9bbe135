"""Medication courses to rows and back: ``medications`` and their ``medication_doses``.

A :class:`~ketajournal.domain.medications.Course` is one row (name, class, frequency,
start and stop day, note) and one dose row per dated dose step. Callers hold a
transaction around writes (:func:`ketajournal.storage.connection.transaction`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ketajournal.domain.medications import Course, MedicationStep, StepAction
from ketajournal.storage.handle import JournalDatabase

Row = dict[str, Any]


class MedicationRepository:
    """The journal's medication courses."""

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def all(self) -> list[Course]:
        """Every course, by start day then id."""
        rows = self._rows(
            "SELECT * FROM medications ORDER BY start_day, id", ())
        doses: dict[int, list[Row]] = {}
        for dose in self._rows(
            "SELECT * FROM medication_doses ORDER BY medication_id, day", ()
        ):
            doses.setdefault(dose["medication_id"], []).append(dose)
        return [_course(row, doses.get(row["id"], [])) for row in rows]

    def get(self, course_id: int) -> Course | None:
        """One course by id, or None."""
        rows = list(self._rows("SELECT * FROM medications WHERE id = ?", (course_id,)))
        if not rows:
            return None
        doses = list(self._rows(
            "SELECT * FROM medication_doses WHERE medication_id = ? ORDER BY day", (course_id,)))
        return _course(rows[0], doses)

    def count(self) -> int:
        """How many courses there are."""
        return int(self._db.execute("SELECT count(*) FROM medications").fetchone()[0])

    def insert(self, course: Course, now: str) -> int:
        """Add ``course`` (under its own id when it has one: undoing a delete); its id."""
        row = _row(course)
        cursor = self._db.execute(
            "INSERT INTO medications (id, name, class, frequency, start_day, stop_day, note,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (course.id, *row.values(), now, now))
        course_id = int(cursor.lastrowid or 0) if course.id is None else course.id
        self._insert_doses(course_id, course)
        return course_id

    def replace(self, course: Course, now: str) -> bool:
        """Write ``course`` over the saved one with its id; False when there is none."""
        assert course.id is not None
        cursor = self._db.execute(
            "UPDATE medications SET name = ?, class = ?, frequency = ?, start_day = ?,"
            " stop_day = ?, note = ?, updated_at = ? WHERE id = ?",
            (*_row(course).values(), now, course.id))
        if cursor.rowcount == 0:
            return False
        self._db.execute("DELETE FROM medication_doses WHERE medication_id = ?", (course.id,))
        self._insert_doses(course.id, course)
        return True

    def delete(self, course_id: int) -> bool:
        """Delete a course and its doses; False when there was none."""
        self._db.execute("DELETE FROM medication_doses WHERE medication_id = ?", (course_id,))
        cursor = self._db.execute("DELETE FROM medications WHERE id = ?", (course_id,))
        return cursor.rowcount > 0

    def _insert_doses(self, course_id: int, course: Course) -> None:
        for step in course.doses:
            self._db.execute(
                "INSERT INTO medication_doses (medication_id, day, dose_text, dose_mg) "
                "VALUES (?, ?, ?, ?)",
                (course_id, step.day.isoformat(), step.dose_text, step.dose_mg))

    def _rows(self, sql: str, params: tuple[Any, ...]) -> Iterator[Row]:
        cursor = self._db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            yield dict(zip(names, values, strict=True))


def _row(course: Course) -> Row:
    # in the column order of the statements above
    return {
        "name": course.name,
        "class": course.medication_class.value,
        "frequency": course.frequency,
        "start_day": course.start.isoformat(),
        "stop_day": None if course.stop is None else course.stop.isoformat(),
        "note": course.note,
    }


def _course(row: Row, doses: list[Row]) -> Course:
    """A course from its row and its dose rows (the first dose is the start)."""
    name = row["name"]
    steps: list[MedicationStep] = []
    for index, dose in enumerate(doses):
        if index == 0:
            steps.append(MedicationStep(
                name=name, day=date.fromisoformat(row["start_day"]), action=StepAction.START,
                medication_class=row["class"], dose_text=dose["dose_text"],
                dose_mg=dose["dose_mg"], frequency=row["frequency"], note=row["note"]))
        else:
            steps.append(MedicationStep(
                name=name, day=date.fromisoformat(dose["day"]), action=StepAction.CHANGE,
                medication_class=row["class"], dose_text=dose["dose_text"],
                dose_mg=dose["dose_mg"]))
    if row["stop_day"] is not None:
        steps.append(MedicationStep(
            name=name, day=date.fromisoformat(row["stop_day"]), action=StepAction.STOP,
            medication_class=row["class"]))
    return Course(name, steps[0].medication_class, tuple(steps), id=row["id"])
