"""Medications beside ketamine: the vocabulary, dated dose steps, and what was taken when.

Esketamine is always given with an oral antidepressant, and benzodiazepines, sedatives,
stimulants and MAOIs matter to ketamine's effect (higher benzodiazepine doses are
associated with a weaker response). A medication is a series of dated steps — start,
dose changes, stop — and :func:`courses` turns the steps into what was taken on each
day, refusing a change or a stop of a medication that is not being taken.

Pure and Qt-free. Storage keeps a course as one row and its dated doses
(``storage/medications.py``); :func:`check_can_start` and :func:`course_taken` are the
rules a start, a dose change and a stop obey (the service ``services/medications.py``
applies them); :func:`changes_within` is what a booster cycle that overlaps a change
says beside its durability — both facts side by side, never a cause.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

from ketajournal.domain.validation import (
    EARLIEST_YEAR,
    ValidationError,
    check_optional_number,
    check_text,
)
from ketajournal.language import N_
from ketajournal.language import gettext as _

#: A medication's name, as typed or picked.
MAX_NAME_CHARS = 100
#: Dose text ("20 mg", "1 mg at night as needed") and frequency.
MAX_DOSE_TEXT_CHARS = 100
#: A dose in mg, when the patient gives one.
MEDICATION_DOSE_MG_RANGE = (0.001, 10000.0)


class MedicationClass(StrEnum):
    """The classes that matter to ketamine treatment."""

    SSRI = "ssri"
    SNRI = "snri"
    TCA = "tca"
    MAOI = "maoi"
    ANTIDEPRESSANT_OTHER = "antidepressant_other"
    BENZODIAZEPINE = "benzodiazepine"
    Z_DRUG = "z_drug"
    STIMULANT = "stimulant"
    ANTIPSYCHOTIC = "antipsychotic"
    MOOD_STABILISER = "mood_stabiliser"
    OPIOID = "opioid"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The class as the screens and the report say it."""
        return _CLASS_LABELS[self]


_CLASS_LABELS = {
    MedicationClass.SSRI: N_("Antidepressant (SSRI)"),
    MedicationClass.SNRI: N_("Antidepressant (SNRI)"),
    MedicationClass.TCA: N_("Antidepressant (TCA)"),
    MedicationClass.MAOI: N_("Antidepressant (MAOI)"),
    MedicationClass.ANTIDEPRESSANT_OTHER: N_("Antidepressant (other)"),
    MedicationClass.BENZODIAZEPINE: N_("Benzodiazepine"),
    MedicationClass.Z_DRUG: N_("Z-drug / sedative"),
    MedicationClass.STIMULANT: N_("Stimulant"),
    MedicationClass.ANTIPSYCHOTIC: N_("Antipsychotic"),
    MedicationClass.MOOD_STABILISER: N_("Mood stabiliser"),
    MedicationClass.OPIOID: N_("Opioid"),
    MedicationClass.OTHER: N_("Other"),
}

#: A short list to pick from (generic names); anything else is typed as free text.
COMMON_MEDICATIONS: dict[str, MedicationClass] = {
    "sertraline": MedicationClass.SSRI,
    "escitalopram": MedicationClass.SSRI,
    "citalopram": MedicationClass.SSRI,
    "fluoxetine": MedicationClass.SSRI,
    "paroxetine": MedicationClass.SSRI,
    "venlafaxine": MedicationClass.SNRI,
    "duloxetine": MedicationClass.SNRI,
    "amitriptyline": MedicationClass.TCA,
    "nortriptyline": MedicationClass.TCA,
    "phenelzine": MedicationClass.MAOI,
    "tranylcypromine": MedicationClass.MAOI,
    "bupropion": MedicationClass.ANTIDEPRESSANT_OTHER,
    "mirtazapine": MedicationClass.ANTIDEPRESSANT_OTHER,
    "vortioxetine": MedicationClass.ANTIDEPRESSANT_OTHER,
    "lorazepam": MedicationClass.BENZODIAZEPINE,
    "clonazepam": MedicationClass.BENZODIAZEPINE,
    "diazepam": MedicationClass.BENZODIAZEPINE,
    "alprazolam": MedicationClass.BENZODIAZEPINE,
    "zolpidem": MedicationClass.Z_DRUG,
    "zopiclone": MedicationClass.Z_DRUG,
    "methylphenidate": MedicationClass.STIMULANT,
    "lisdexamfetamine": MedicationClass.STIMULANT,
    "quetiapine": MedicationClass.ANTIPSYCHOTIC,
    "aripiprazole": MedicationClass.ANTIPSYCHOTIC,
    "lithium": MedicationClass.MOOD_STABILISER,
    "lamotrigine": MedicationClass.MOOD_STABILISER,
    "tramadol": MedicationClass.OPIOID,
}


class StepAction(StrEnum):
    """What a step does to a medication."""

    START = "start"
    CHANGE = "change"
    STOP = "stop"


@dataclass(frozen=True)
class MedicationStep:
    """One dated step of one medication: its start, a dose change, or its stop."""

    name: str
    day: date
    action: StepAction
    medication_class: MedicationClass = MedicationClass.OTHER
    dose_text: str = ""
    dose_mg: float | None = None
    frequency: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        name = check_text("name", self.name, MAX_NAME_CHARS).strip()
        if not name:
            raise ValidationError("name", _("must not be empty"))
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "action", _enum("action", StepAction, self.action))
        object.__setattr__(
            self, "medication_class",
            _enum("class", MedicationClass, self.medication_class),
        )
        object.__setattr__(self, "dose_text", check_text("dose", self.dose_text,
                                                         MAX_DOSE_TEXT_CHARS).strip())
        object.__setattr__(self, "frequency", check_text("frequency", self.frequency,
                                                         MAX_DOSE_TEXT_CHARS).strip())
        object.__setattr__(self, "dose_mg", check_optional_number(
            "dose_mg", self.dose_mg, *MEDICATION_DOSE_MG_RANGE, "mg"))
        if self.action is not StepAction.STOP and not self.dose_text:
            raise ValidationError("dose", _("must say the dose (e.g. 20 mg once a day)"))

    @property
    def key(self) -> str:
        """The name as medications are matched: case and spacing do not matter."""
        return name_key(self.name)


E = TypeVar("E", bound=StrEnum)


def _enum(field: str, enum: type[E], value: object) -> E:
    try:
        return enum(str(value))
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ValidationError(field, _("must be one of: {choices}").format(
            choices=choices)) from None


@dataclass(frozen=True)
class Course:
    """One medication from its start to its stop (``stop`` None: still taken).

    ``id`` is its row in the journal (None before it is saved or when derived from
    steps alone). The first step is its start, the last its stop when it has one.
    """

    name: str
    medication_class: MedicationClass
    steps: tuple[MedicationStep, ...]
    id: int | None = None

    @property
    def key(self) -> str:
        """The name as medications are matched: case and spacing do not matter."""
        return self.steps[0].key

    @property
    def frequency(self) -> str:
        """How often it is taken, as typed at the start ("" when not given)."""
        return self.steps[0].frequency

    @property
    def note(self) -> str:
        """The note typed at the start."""
        return self.steps[0].note

    @property
    def doses(self) -> tuple[MedicationStep, ...]:
        """The start and every dose change (the steps that carry a dose), by day."""
        return tuple(s for s in self.steps if s.action is not StepAction.STOP)

    @property
    def current_dose(self) -> MedicationStep:
        """The last dose step (the dose in force while taken, or when it was stopped)."""
        return self.doses[-1]

    @property
    def start(self) -> date:
        """The day it was started."""
        return self.steps[0].day

    @property
    def stop(self) -> date | None:
        """The day it was stopped, or None while it is taken."""
        last = self.steps[-1]
        return last.day if last.action is StepAction.STOP else None

    def dose_on(self, day: date) -> MedicationStep | None:
        """The step in force on ``day`` (its dose), or None when not taken that day.

        A medication stopped on a day is not taken that day.
        """
        if day < self.start or (self.stop is not None and day >= self.stop):
            return None
        return [s for s in self.steps if s.day <= day and s.action is not StepAction.STOP][-1]


def courses(steps: Iterable[MedicationStep]) -> tuple[Course, ...]:
    """The courses the steps describe, by start day; refuses impossible sequences.

    Steps are taken in day order (stable for one day). A change or a stop of a
    medication not being taken, or a start of one already taken, raises
    :class:`ValidationError` naming ``name``. A medication started again after a stop
    is a new course.
    """
    open_: dict[str, list[MedicationStep]] = {}
    done: list[list[MedicationStep]] = []
    for step in sorted(steps, key=lambda s: s.day):
        current = open_.get(step.key)
        if step.action is StepAction.START:
            if current is not None:
                raise ValidationError("name", _("is already being taken; change its dose instead"))
            open_[step.key] = [step]
            continue
        if current is None:
            raise ValidationError("name", _("is not being taken"))
        current.append(step)
        if step.action is StepAction.STOP:
            done.append(open_.pop(step.key))
    found = [*done, *open_.values()]
    found.sort(key=lambda c: (c[0].day, c[0].key))
    return tuple(Course(c[0].name, c[0].medication_class, tuple(c)) for c in found)


def check_day(field: str, day: object, today: date) -> date:
    """Return ``day`` if it is a date from the year 2000 up to tomorrow (time-zone slack).

    A medication's start, change or stop is a calendar day; one more than a day ahead of
    ``today`` is a typing mistake, as for entries.
    """
    if not isinstance(day, date):
        raise ValidationError(field, _("must be a date (YYYY-MM-DD)"))
    if day.year < EARLIEST_YEAR:
        raise ValidationError(field, _("must be from the year {year} on").format(
            year=EARLIEST_YEAR))
    if day > today + timedelta(days=1):
        raise ValidationError(field, _("must not be more than one day in the future"))
    return day


def name_key(name: str) -> str:
    """How a typed name is matched against the list: case and spacing do not matter."""
    return " ".join(name.lower().split())


def default_class(name: str) -> MedicationClass:
    """The class of a name on the common list, else :attr:`MedicationClass.OTHER`."""
    return COMMON_MEDICATIONS.get(name_key(name), MedicationClass.OTHER)


def check_can_start(all_courses: Sequence[Course], name: str, day: date) -> None:
    """Refuse a start of ``name`` on ``day`` while a course of it is taken or starts later.

    A medication may be started again only on or after the day its last course stopped.
    """
    key = name_key(name)
    for course in all_courses:
        if course.key != key:
            continue
        if course.stop is None or course.stop > day:
            raise ValidationError(
                "name", _("is already being taken on that date; change its dose instead"))


def overlapping(all_courses: Sequence[Course], course: Course) -> Course | None:
    """A course of the same medication whose days overlap ``course``'s, if any.

    A course covers its start day up to the day before its stop (open-ended while taken).
    """
    end = date.max if course.stop is None else course.stop
    for other in all_courses:
        other_end = date.max if other.stop is None else other.stop
        if other.key == course.key and other.start < end and course.start < other_end:
            return other
    return None


def course_taken(all_courses: Sequence[Course], name: str, day: date) -> Course:
    """The course of ``name`` taken on ``day``; refuses a name not being taken then."""
    key = name_key(name)
    for course in all_courses:
        if course.key == key and course.dose_on(day) is not None:
            return course
    raise ValidationError("name", _("is not being taken on that date"))


def as_of(all_courses: Sequence[Course], last_day: date) -> tuple[Course, ...]:
    """The courses as known at the end of ``last_day``: later steps and courses left out."""
    out = []
    for course in all_courses:
        steps = tuple(s for s in course.steps if s.day <= last_day)
        if steps:
            out.append(Course(course.name, course.medication_class, steps, id=course.id))
    return tuple(out)


def taken_on(all_courses: Sequence[Course], day: date) -> tuple[tuple[Course, MedicationStep], ...]:
    """The medications taken on ``day``, each with the step (dose) in force."""
    out = []
    for course in all_courses:
        step = course.dose_on(day)
        if step is not None:
            out.append((course, step))
    return tuple(out)


def changes_within(
    all_courses: Sequence[Course], first: date, last: date
) -> tuple[MedicationStep, ...]:
    """Every step (start, change, stop) on a day in ``first`` … ``last``, by day."""
    return tuple(sorted(
        (s for c in all_courses for s in c.steps if first <= s.day <= last),
        key=lambda s: (s.day, s.key),
    ))


def describe(step: MedicationStep) -> str:
    """A step as the report and the Boosters table say it: ``lorazepam started (1 mg)``."""
    if step.action is StepAction.STOP:
        return _("{name} stopped").format(name=step.name)
    if step.action is StepAction.START:
        return _("{name} started ({dose})").format(name=step.name, dose=step.dose_text)
    return _("{name} changed to {dose}").format(name=step.name, dose=step.dose_text)


__all__ = [
    "COMMON_MEDICATIONS",
    "MEDICATION_DOSE_MG_RANGE",
    "Course",
    "MedicationClass",
    "MedicationStep",
    "StepAction",
    "as_of",
    "changes_within",
    "check_can_start",
    "check_day",
    "course_taken",
    "courses",
    "default_class",
    "describe",
    "name_key",
    "overlapping",
    "taken_on",
]
