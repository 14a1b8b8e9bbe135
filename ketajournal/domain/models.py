"""The four kinds of journal entry and their vocabularies, validated on construction.

Every entry is an immutable value. ``id`` is ``None`` until storage assigns one.
A value that breaks a rule raises :class:`ValidationError` naming the field.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import ClassVar, Self, TypeVar

from ketajournal.domain.instruments import INSTRUMENTS, Band, Instrument, instrument
from ketajournal.domain.validation import (
    MAX_SHORT_TEXT_CHARS,
    ValidationError,
    check_int,
    check_optional_int,
    check_optional_number,
    check_text,
    check_time,
)
from ketajournal.language import N_, NP_, pgettext
from ketajournal.language import gettext as _

# Ranges, named once so forms, CLI help and messages agree.
SCORE_RANGE = (0, 10)
SLEEP_RANGE = (0.0, 24.0)
DOSE_MG_RANGE = (0.1, 2000.0)
WEIGHT_KG_RANGE = (20.0, 400.0)
SYSTOLIC_RANGE = (60, 260)
DIASTOLIC_RANGE = (30, 160)
DURATION_MIN_RANGE = (1, 60 * 24 * 30)
#: Heart rate at a session, beats per minute.
HEART_RATE_RANGE = (20, 250)
#: Oxygen saturation (SpO₂) at a session, percent.
SPO2_RANGE = (50, 100)
#: Minutes from dosing until the clinic judged the patient ready to leave.
OBSERVATION_MIN_RANGE = (0, 24 * 60)
#: The clinic's sedation rating, MOAA/S (Modified Observer's Assessment of
#: Alertness/Sedation): 5 = responds readily to name … 0 = no response.
MOAAS_RANGE = (0, 5)
#: Entry ids (and the session a side effect follows): positive, within SQLite's integers.
ENTRY_ID_RANGE = (1, 2**62)


class Route(StrEnum):
    """How the drug was given. Routes are data, not code paths."""

    IV = "iv"
    IM = "im"
    NASAL = "nasal"
    ORAL = "oral"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _ROUTE_LABELS[self]


_ROUTE_LABELS = {
    Route.IV: N_("IV infusion"),
    Route.IM: N_("IM injection"),
    Route.NASAL: N_("Esketamine nasal spray"),
    Route.ORAL: N_("Oral / sublingual"),
    Route.OTHER: N_("Other"),
}


class Phase(StrEnum):
    """Induction series or a later maintenance booster."""

    INDUCTION = "induction"
    BOOSTER = "booster"

    @property
    def label(self) -> str:
        return _PHASE_LABELS[self]


#: The English labels are data (exports, the window's own catalogue); shown to a reader
#: they go through ``gettext`` (marked here with ``N_``).
_PHASE_LABELS = {Phase.INDUCTION: N_("Induction"), Phase.BOOSTER: N_("Booster")}
#: The phases inside a sentence ("…, IV infusion, booster"): shown by
#: ``pgettext("phase, in a sentence", phase.value)``.
PHASE_WORDS = (NP_("phase, in a sentence", "induction"), NP_("phase, in a sentence", "booster"))


class SideEffectCategory(StrEnum):
    """The curated side-effect list; ``OTHER`` carries its own text."""

    NAUSEA = "nausea"
    HEADACHE = "headache"
    DIZZINESS = "dizziness"
    DISSOCIATION = "dissociation"
    SEDATION = "sedation"
    COGNITION = "cognition"
    URINARY_FREQUENCY = "urinary_frequency"
    PAINFUL_URINATION = "painful_urination"
    BLOOD_IN_URINE = "blood_in_urine"
    BLOOD_PRESSURE = "blood_pressure"
    ANXIETY = "anxiety"
    SLEEP = "sleep"
    CRAVING = "craving"
    LIVER_SIGNS = "liver_signs"
    VOMITING = "vomiting"
    PERCEPTUAL_CHANGES = "perceptual_changes"
    EUPHORIA = "euphoria"
    NUMBNESS = "numbness"
    BLURRED_VISION = "blurred_vision"
    ELEVATED_MOOD = "elevated_mood"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self]

    @property
    def is_red_flag(self) -> bool:
        """A red flag at any severity (blood in urine, signs of liver injury)."""
        return self in RED_FLAGS

    def red_flag_at(self, severity: int) -> bool:
        """Whether a report of this category at ``severity`` (0–10) is a red flag.

        Red flags need the clinic's attention, not just a note in the journal: the
        categories of :data:`RED_FLAGS` always, those of :data:`SEVERE_RED_FLAGS` at a
        severity of at least :data:`RED_FLAG_SEVERITY`.
        """
        return self in RED_FLAGS or (
            self in SEVERE_RED_FLAGS and severity >= RED_FLAG_SEVERITY
        )

    @property
    def red_flag_advice(self) -> str:
        """What the patient is told when this category is a red flag: contact the clinic."""
        return _(_RED_FLAG_ADVICE.get(self, RED_FLAG_ADVICE))


_CATEGORY_LABELS = {
    SideEffectCategory.NAUSEA: N_("Nausea"),
    SideEffectCategory.HEADACHE: N_("Headache"),
    SideEffectCategory.DIZZINESS: N_("Dizziness"),
    SideEffectCategory.DISSOCIATION: N_("Dissociation"),
    SideEffectCategory.SEDATION: N_("Sedation / fatigue"),
    SideEffectCategory.COGNITION: N_("Memory or concentration problems"),
    SideEffectCategory.URINARY_FREQUENCY: N_("Urinary frequency or urgency"),
    SideEffectCategory.PAINFUL_URINATION: N_("Painful urination"),
    SideEffectCategory.BLOOD_IN_URINE: N_("Blood in urine"),
    SideEffectCategory.BLOOD_PRESSURE: N_("Raised blood pressure or palpitations"),
    SideEffectCategory.ANXIETY: N_("Anxiety"),
    SideEffectCategory.SLEEP: N_("Sleep problems"),
    SideEffectCategory.CRAVING: N_("Craving"),
    SideEffectCategory.LIVER_SIGNS: N_(
        "Yellow skin or eyes, dark urine, or pain under the right ribs"),
    SideEffectCategory.VOMITING: N_("Vomiting"),
    SideEffectCategory.PERCEPTUAL_CHANGES: N_("Perceptual changes (sights, sounds, time)"),
    SideEffectCategory.EUPHORIA: N_("Euphoria"),
    SideEffectCategory.NUMBNESS: N_("Numbness"),
    SideEffectCategory.BLURRED_VISION: N_("Blurred vision"),
    SideEffectCategory.ELEVATED_MOOD: N_("Elevated mood or signs of hypomania"),
    SideEffectCategory.OTHER: N_("Other"),
}

#: Red flags at any severity.
RED_FLAGS = frozenset({SideEffectCategory.BLOOD_IN_URINE, SideEffectCategory.LIVER_SIGNS})
#: Red flags at a severity of at least :data:`RED_FLAG_SEVERITY` (ketamine cystitis,
#: strong craving).
SEVERE_RED_FLAGS = frozenset({
    SideEffectCategory.PAINFUL_URINATION,
    SideEffectCategory.URINARY_FREQUENCY,
    SideEffectCategory.CRAVING,
})
RED_FLAG_SEVERITY = 7
#: The general advice of a red flag; each category words it for itself below.
RED_FLAG_ADVICE = N_("This needs your clinic's attention. Contact your clinic or doctor today.")
_RED_FLAG_ADVICE = {
    SideEffectCategory.BLOOD_IN_URINE: N_(
        "Blood in urine can be a sign of bladder damage from ketamine. "
        "Contact your clinic or doctor today."
    ),
    SideEffectCategory.PAINFUL_URINATION: N_(
        "Severe pain when passing urine can be a sign of bladder damage from ketamine "
        "(ketamine cystitis). Contact your clinic or doctor today."
    ),
    SideEffectCategory.URINARY_FREQUENCY: N_(
        "Needing to pass urine very often or urgently can be a sign of bladder damage from "
        "ketamine (ketamine cystitis). Contact your clinic or doctor today."
    ),
    SideEffectCategory.CRAVING: N_(
        "Strong craving for ketamine is something your clinic needs to know about. "
        "Contact your clinic."
    ),
    SideEffectCategory.LIVER_SIGNS: N_(
        "Yellow skin or eyes, dark urine or pain under the right ribs can be signs of liver "
        "or bile-duct injury, reported with repeated ketamine. Contact your clinic or doctor "
        "today."
    ),
}


class EventKind(StrEnum):
    """Things alongside treatment that the clinician wants on the same timeline."""

    PSYCHOTHERAPY = "psychotherapy"
    INTEGRATION = "integration"
    MEDICATION_CHANGE = "medication_change"
    APPOINTMENT = "appointment"
    LIFE_EVENT = "life_event"

    @property
    def label(self) -> str:
        return _EVENT_LABELS[self]


_EVENT_LABELS = {
    EventKind.PSYCHOTHERAPY: N_("Psychotherapy"),
    EventKind.INTEGRATION: N_("Integration session"),
    EventKind.MEDICATION_CHANGE: N_("Medication change"),
    EventKind.APPOINTMENT: N_("Appointment"),
    EventKind.LIFE_EVENT: N_("Life event"),
}


def _enum(field: str, enum: type[StrEnum], value: object) -> StrEnum:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise ValidationError(field, _("must be one of: {allowed}").format(
            allowed=allowed)) from None


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


@dataclass(frozen=True)
class BloodPressure:
    """A blood pressure reading in mmHg; systolic must be above diastolic."""

    systolic: int
    diastolic: int

    def validated(self, field: str) -> BloodPressure:
        """The reading with whole-number ints if it is plausible, naming ``field`` otherwise."""
        systolic = check_int(f"{field} systolic", self.systolic, *SYSTOLIC_RANGE)
        diastolic = check_int(f"{field} diastolic", self.diastolic, *DIASTOLIC_RANGE)
        if systolic <= diastolic:
            raise ValidationError(field, _("systolic must be higher than diastolic"))
        return BloodPressure(systolic, diastolic)

    def __str__(self) -> str:
        return f"{self.systolic}/{self.diastolic}"

    @classmethod
    def parse(cls, field: str, text: str) -> BloodPressure:
        """Parse ``"SYS/DIA"`` such as ``"128/84"``."""
        message = _("must be written as SYSTOLIC/DIASTOLIC, e.g. 120/80")
        parts = [part.strip() for part in text.strip().split("/")]
        # isdecimal, not isdigit: int() refuses digits such as "²".
        if len(parts) != 2 or not all(p.isdecimal() for p in parts):
            raise ValidationError(field, message)
        try:
            systolic, diastolic = int(parts[0]), int(parts[1])
        except ValueError:  # more digits than int() converts from text
            raise ValidationError(field, message) from None
        return cls(systolic, diastolic).validated(field)


@dataclass(frozen=True, kw_only=True)
class Entry:
    """Fields every entry has: when it happened, a note, and its storage id."""

    kind: ClassVar[str] = ""
    at: datetime
    note: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        # Stored to the second; normalising here keeps saved == loaded.
        _set(self, "at", check_time("at", self.at).replace(microsecond=0))
        _set(self, "note", check_text("note", self.note))

    def with_id(self, entry_id: int | None) -> Self:
        """Return a copy carrying ``entry_id``."""
        return dataclasses.replace(self, id=entry_id)


@dataclass(frozen=True, kw_only=True)
class MoodEntry(Entry):
    """A mood check-in. Mood 10 is best; anxiety 10 is worst."""

    kind: ClassVar[str] = "mood"
    mood: int
    anxiety: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        _set(self, "mood", check_int("mood", self.mood, *SCORE_RANGE))
        _set(self, "anxiety", check_optional_int("anxiety", self.anxiety, *SCORE_RANGE))
        _set(self, "energy", check_optional_int("energy", self.energy, *SCORE_RANGE))
        _set(
            self,
            "sleep_hours",
            check_optional_number("sleep_hours", self.sleep_hours, *SLEEP_RANGE, unit="hours"),
        )


#: A session's blood-pressure fields, in the order they are taken.
SESSION_READINGS = ("bp_before", "bp_after", "bp_leaving")


@dataclass(frozen=True, kw_only=True)
class Session(Entry):
    """One treatment session (infusion, injection, spray, lozenge...)."""

    kind: ClassVar[str] = "session"
    route: Route
    phase: Phase
    dose_mg: float | None = None
    weight_kg: float | None = None
    clinic: str = ""
    dissociation: int | None = None
    bp_before: BloodPressure | None = None
    #: About 40 minutes after dosing (the esketamine label's second check).
    bp_after: BloodPressure | None = None
    #: Before leaving the clinic (the label's last check); the rest of the session
    #: record of the label and its monitoring form, all optional.
    bp_leaving: BloodPressure | None = None
    heart_rate: int | None = None
    spo2: int | None = None
    observation_minutes: int | None = None
    moaas: int | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        _set(self, "route", _enum("route", Route, self.route))
        _set(self, "phase", _enum("phase", Phase, self.phase))
        _set(
            self, "dose_mg", check_optional_number("dose_mg", self.dose_mg, *DOSE_MG_RANGE, "mg")
        )
        _set(
            self,
            "weight_kg",
            check_optional_number("weight_kg", self.weight_kg, *WEIGHT_KG_RANGE, "kg"),
        )
        _set(self, "clinic", check_text("clinic", self.clinic, MAX_SHORT_TEXT_CHARS))
        _set(
            self,
            "dissociation",
            check_optional_int("dissociation", self.dissociation, *SCORE_RANGE),
        )
        _set(self, "heart_rate",
             check_optional_int("heart_rate", self.heart_rate, *HEART_RATE_RANGE))
        _set(self, "spo2", check_optional_int("spo2", self.spo2, *SPO2_RANGE))
        _set(self, "observation_minutes", check_optional_int(
            "observation_minutes", self.observation_minutes, *OBSERVATION_MIN_RANGE))
        _set(self, "moaas", check_optional_int("moaas", self.moaas, *MOAAS_RANGE))
        for name in SESSION_READINGS:
            value = getattr(self, name)
            if value is not None:
                if not isinstance(value, BloodPressure):
                    raise ValidationError(name, _("must be a blood pressure reading"))
                _set(self, name, value.validated(name))

    @property
    def dose_mg_per_kg(self) -> float | None:
        """Dose per kilogram of body weight, when both are known."""
        if self.dose_mg is None or self.weight_kg is None:
            return None
        return self.dose_mg / self.weight_kg


@dataclass(frozen=True, kw_only=True)
class SideEffect(Entry):
    """A side effect, optionally linked to the session it follows."""

    kind: ClassVar[str] = "side_effect"
    category: SideEffectCategory
    severity: int
    other_text: str = ""
    duration_minutes: int | None = None
    session_id: int | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        _set(self, "category", _enum("category", SideEffectCategory, self.category))
        _set(self, "severity", check_int("severity", self.severity, *SCORE_RANGE))
        _set(
            self, "other_text", check_text("other_text", self.other_text, MAX_SHORT_TEXT_CHARS)
        )
        if self.category is SideEffectCategory.OTHER and not self.other_text.strip():
            raise ValidationError("other_text", _("must say what the side effect was"))
        _set(
            self,
            "duration_minutes",
            check_optional_int("duration_minutes", self.duration_minutes, *DURATION_MIN_RANGE),
        )
        _set(self, "session_id", check_optional_int("session_id", self.session_id, *ENTRY_ID_RANGE))

    @property
    def is_red_flag(self) -> bool:
        """Whether this report is a red flag (its category, and for some its severity)."""
        return self.category.red_flag_at(self.severity)

    @property
    def label(self) -> str:
        """The category's label, or the user's own words for "other"."""
        if self.category is SideEffectCategory.OTHER:
            return f"Other: {self.other_text}"
        return self.category.label


@dataclass(frozen=True, kw_only=True)
class Event(Entry):
    """Something alongside treatment: therapy, a medication change, an appointment."""

    kind: ClassVar[str] = "event"
    event_kind: EventKind

    def __post_init__(self) -> None:
        super().__post_init__()
        _set(self, "event_kind", _enum("event_kind", EventKind, self.event_kind))


@dataclass(frozen=True, kw_only=True)
class Assessment(Entry):
    """A filled questionnaire: the item answers are stored, the total is derived.

    ``safety_acknowledged_at`` records when the user dismissed the safety flag on
    the Today screen; the flag itself stays in the data and in every report.
    """

    kind: ClassVar[str] = "assessment"
    instrument_id: str
    answers: tuple[int, ...]
    difficulty: int | None = None
    safety_acknowledged_at: datetime | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if not isinstance(self.instrument_id, str):
            raise ValidationError("instrument", _("must be one of: {choices}").format(
                choices=', '.join(INSTRUMENTS)))
        questionnaire = instrument(self.instrument_id)
        if not isinstance(self.answers, list | tuple):
            raise ValidationError("answers", _("must be a list of answers"))
        _set(self, "answers", questionnaire.check_answers(self.answers))
        _set(self, "difficulty", questionnaire.check_extra(self.difficulty))
        if self.safety_acknowledged_at is not None:
            check_time("safety_acknowledged_at", self.safety_acknowledged_at)

    @property
    def instrument(self) -> Instrument:
        """The questionnaire this answers."""
        return instrument(self.instrument_id)

    @property
    def total(self) -> int:
        """The total score, derived from the answers."""
        return sum(self.answers)

    @property
    def band(self) -> Band:
        """The severity band of the total."""
        return self.instrument.band(self.total)

    @property
    def safety_flag(self) -> bool:
        """True when the instrument's safety item (PHQ-9 item 9) was answered above 0."""
        item = self.instrument.safety_item
        return item is not None and self.answers[item - 1] > 0

    @property
    def summary(self) -> str:
        """E.g. ``"PHQ-9 total 11 (moderate)"``."""
        return _("{instrument} total {total} ({band})").format(
            instrument=self.instrument.short_title, total=self.total,
            band=pgettext("severity", self.band.label))


_TrustedT = TypeVar("_TrustedT", bound=Entry)
_FIELD_NAMES: dict[type[Entry], frozenset[str]] = {}


def trusted(cls: type[_TrustedT], values: dict[str, object]) -> _TrustedT:
    """An entry built from values that were validated before, skipping the checks.

    Only for storage reading its own rows back: every row was built from a checked
    entry on write, and the tables' ``CHECK`` constraints guard the ranges, so checking
    again (a Unicode lookup per character of every note) would only cost time.
    ``values`` must hold every field, already in its domain type (enums, tuples,
    :class:`BloodPressure`); user input always goes through the validating constructor.
    """
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in dataclasses.fields(cls))
    if values.keys() != names:
        raise TypeError(f"{cls.__name__} needs exactly the fields {sorted(names)}")
    entry = object.__new__(cls)
    entry.__dict__.update(values)  # frozen: bypass __setattr__ as dataclasses itself does
    return entry


ENTRY_TYPES: dict[str, type[Entry]] = {
    cls.kind: cls for cls in (MoodEntry, Session, SideEffect, Event, Assessment)
}
KIND_LABELS = {
    "mood": "Mood",
    "session": "Session",
    "side_effect": "Side effect",
    "event": "Event",
    "assessment": "Questionnaire",
}
