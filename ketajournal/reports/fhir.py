"""The FHIR R4 export: sessions and questionnaires as a ``collection`` Bundle (pure).

docs/fhir.md documents the mapping and why it is this way. In short: one anonymous
Patient (no name, no identifier) that every resource refers to; a
MedicationAdministration per session with an Observation per blood pressure
reading; a QuestionnaireResponse per PHQ-9 / GAD-7 with Observations for the
panel, the total and (PHQ-9) item 9; a MedicationStatement per dose period of each
medication course (the medication list beside ketamine). Every ``fullUrl`` is a name-based UUID
(uuid5) of the entry's kind and id inside a per-journal namespace, so exporting
the same journal twice gives the same file and two journals never share UUIDs.
Free-text notes are not exported: the bundle is meant for a clinic.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from ketajournal.domain.instruments import INSTRUMENTS, Instrument
from ketajournal.domain.medications import Course
from ketajournal.domain.models import Assessment, BloodPressure, Route, Session
from ketajournal.domain.timeutil import to_iso
from ketajournal.platform.files import atomic_text_writer

Resource = dict[str, Any]

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"

#: The root of every export's UUID namespace; a journal's namespace is derived from it.
ROOT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:ketajournal:fhir-export")


@dataclass(frozen=True)
class LoincForm:
    """How one instrument is coded in LOINC: panel, items, total, answers."""

    questionnaire: str
    panel: tuple[str, str]
    total: tuple[str, str]
    items: tuple[str, ...]
    #: LOINC answer codes by answer value (the LL358-3 frequency list for both).
    answers: tuple[str, ...]
    extra: tuple[str, tuple[str, ...]] | None = None


_FREQUENCY = ("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9")

#: LOINC codes per instrument id. An instrument missing here is left out of the bundle.
LOINC_FORMS: dict[str, LoincForm] = {
    "phq9": LoincForm(
        questionnaire="http://loinc.org/q/44249-1",
        panel=("44249-1", "PHQ-9 quick depression assessment panel"),
        total=("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"),
        items=(
            "44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
            "44258-2", "44252-5", "44253-3", "44260-8",
        ),
        answers=_FREQUENCY,
        # The difficulty question; its answers are not in value order in LOINC.
        extra=("69722-7", ("LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3")),
    ),
    "gad7": LoincForm(
        questionnaire="http://loinc.org/q/69737-5",
        panel=("69737-5", "Generalized anxiety disorder 7 item (GAD-7)"),
        total=(
            "70274-6",
            "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
        ),
        items=("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"),
        # The same difficulty question as the PHQ-9's, in the GAD-7 panel too.
        extra=("69722-7", ("LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3")),
        answers=_FREQUENCY,
    ),
}

#: LOINC displays of item codes that get an Observation of their own.
LOINC_DISPLAYS = {
    "44260-8": "Thoughts that you would be better off dead, or of hurting yourself in some way",
}

BP_PANEL = ("85354-9", "Blood pressure panel with all children optional")
SYSTOLIC = ("8480-6", "Systolic blood pressure")
DIASTOLIC = ("8462-4", "Diastolic blood pressure")

#: SNOMED CT route concepts. ``other`` has no code, only text.
ROUTE_CODES: dict[Route, tuple[str, str]] = {
    Route.IV: ("47625008", "Intravenous route"),
    Route.IM: ("78421000", "Intramuscular route"),
    Route.NASAL: ("46713006", "Nasal route"),
    Route.ORAL: ("26643006", "Oral route"),
}
#: RxNorm ingredient "ketamine". Esketamine is sent as text only (see docs/fhir.md).
KETAMINE = ("6130", "ketamine")


def journal_namespace(journal_id: str) -> uuid.UUID:
    """The UUID namespace of one journal's exports (from its random, non-secret id)."""
    return uuid.uuid5(ROOT_NAMESPACE, journal_id)


def entry_uuid(namespace: uuid.UUID, name: str) -> str:
    """``urn:uuid:…`` for a resource named e.g. ``session/3`` or ``assessment/5/total``."""
    return f"urn:uuid:{uuid.uuid5(namespace, name)}"


def _coding(system: str, code: str, display: str | None = None) -> dict[str, str]:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    return coding


def _concept(
    system: str, code_display: tuple[str, str | None], text: str | None = None
) -> Resource:
    concept: Resource = {"coding": [_coding(system, *code_display)]}
    if text:
        concept["text"] = text
    return concept


def _ref(url: str) -> dict[str, str]:
    return {"reference": url}


def _category(code: str, display: str) -> list[Resource]:
    return [{"coding": [_coding(OBSERVATION_CATEGORY, code, display)]}]


def _mmhg(value: int) -> Resource:
    return {"value": value, "unit": "mmHg", "system": UCUM, "code": "mm[Hg]"}


def _patient() -> Resource:
    return {
        "resourceType": "Patient",
        "text": {
            "status": "generated",
            "div": '<div xmlns="http://www.w3.org/1999/xhtml">Anonymous patient: this '
            "export from ketajournal carries no name or identifier.</div>",
        },
    }


def session_resources(
    session: Session, namespace: uuid.UUID, patient: str
) -> list[tuple[str, Resource]]:
    """The MedicationAdministration of a session and an Observation per BP reading."""
    assert session.id is not None
    url = entry_uuid(namespace, f"session/{session.id}")
    if session.route is Route.NASAL:
        medication: Resource = {"text": "esketamine"}
    else:
        medication = _concept(RXNORM, KETAMINE, "ketamine")
    route: Resource = {}
    if session.route in ROUTE_CODES:
        route["coding"] = [_coding(SNOMED, *ROUTE_CODES[session.route])]
    route["text"] = session.route.label
    administration: Resource = {
        "resourceType": "MedicationAdministration",
        "status": "completed",
        "medicationCodeableConcept": medication,
        "subject": _ref(patient),
        "effectiveDateTime": to_iso(session.at),
        "note": [{"text": f"{session.phase.label} session ({session.route.label})"}],
    }
    # FHIR requires a dose or a rate in a dosage (mad-1): without a dose the route
    # is said in the note only.
    if session.dose_mg is not None:
        administration["dosage"] = {
            "route": route,
            "dose": {"value": session.dose_mg, "unit": "mg", "system": UCUM, "code": "mg"},
        }
    resources = [(url, administration)]
    for name, label, reading in (
        ("bp_before", "before", session.bp_before),
        ("bp_after", "after", session.bp_after),
        ("bp_leaving", "before leaving", session.bp_leaving),
    ):
        if reading is not None:
            resources.append(
                (
                    entry_uuid(namespace, f"session/{session.id}/{name}"),
                    _blood_pressure(session, reading, label, url, patient),
                )
            )
    return resources


def _blood_pressure(
    session: Session, reading: BloodPressure, label: str, session_url: str, patient: str
) -> Resource:
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": _category("vital-signs", "Vital Signs"),
        "code": _concept(LOINC, BP_PANEL, f"Blood pressure {label} the session"),
        "subject": _ref(patient),
        # The journal records a reading per session, not its own time.
        "effectiveDateTime": to_iso(session.at),
        "partOf": [_ref(session_url)],
        "component": [
            {"code": _concept(LOINC, SYSTOLIC), "valueQuantity": _mmhg(reading.systolic)},
            {"code": _concept(LOINC, DIASTOLIC), "valueQuantity": _mmhg(reading.diastolic)},
        ],
    }


def assessment_resources(
    assessment: Assessment, namespace: uuid.UUID, patient: str
) -> list[tuple[str, Resource]]:
    """QuestionnaireResponse, panel, total and (PHQ-9) item-9 Observations; [] if unmapped."""
    form = LOINC_FORMS.get(assessment.instrument_id)
    if form is None:
        return []
    assert assessment.id is not None
    questionnaire = assessment.instrument
    base = f"assessment/{assessment.id}"
    response_url = entry_uuid(namespace, base)
    when = to_iso(assessment.at)
    response = _questionnaire_response(assessment, questionnaire, form, when, patient)
    survey = _category("survey", "Survey")
    derived = [_ref(response_url)]

    total_url = entry_uuid(namespace, f"{base}/total")
    total: Resource = {
        "resourceType": "Observation",
        "status": "final",
        "category": survey,
        "code": _concept(LOINC, form.total, f"{questionnaire.short_title} total score"),
        "subject": _ref(patient),
        "effectiveDateTime": when,
        "valueInteger": assessment.total,
        "interpretation": [{"text": assessment.band.label}],
        "derivedFrom": derived,
    }
    members = [(total_url, total)]
    if questionnaire.safety_item is not None:
        number = questionnaire.safety_item
        answer = assessment.answers[number - 1]
        code = form.items[number - 1]
        text = questionnaire.items[number - 1].text
        display = LOINC_DISPLAYS.get(code)
        members.append(
            (
                entry_uuid(namespace, f"{base}/item-{number}"),
                {
                    "resourceType": "Observation",
                    "status": "final",
                    "category": survey,
                    "code": _concept(LOINC, (code, display), text),
                    "subject": _ref(patient),
                    "effectiveDateTime": when,
                    "valueCodeableConcept": _concept(
                        LOINC,
                        (form.answers[answer], questionnaire.option_label(answer)),
                        questionnaire.option_label(answer),
                    ),
                    "derivedFrom": derived,
                },
            )
        )
    panel: Resource = {
        "resourceType": "Observation",
        "status": "final",
        "category": survey,
        "code": _concept(LOINC, form.panel, questionnaire.short_title),
        "subject": _ref(patient),
        "effectiveDateTime": when,
        "hasMember": [_ref(url) for url, _ in members],
        "derivedFrom": derived,
    }
    return [(response_url, response), (entry_uuid(namespace, f"{base}/panel"), panel), *members]


def _questionnaire_response(
    assessment: Assessment, questionnaire: Instrument, form: LoincForm, when: str, patient: str
) -> Resource:
    items: list[Resource] = []
    for item, code, answer in zip(questionnaire.items, form.items, assessment.answers, strict=True):
        items.append(
            {
                "linkId": code,
                "text": item.text,
                "answer": [
                    {
                        "valueCoding": _coding(
                            LOINC, form.answers[answer], questionnaire.option_label(answer)
                        )
                    }
                ],
            }
        )
    if (
        assessment.difficulty is not None
        and form.extra is not None
        and questionnaire.extra is not None
    ):
        code, answers = form.extra
        label = next(
            o.label for o in questionnaire.extra.options if o.value == assessment.difficulty
        )
        items.append(
            {
                "linkId": code,
                "text": questionnaire.extra.text,
                "answer": [{"valueCoding": _coding(LOINC, answers[assessment.difficulty], label)}],
            }
        )
    items.append(
        {
            "linkId": form.total[0],
            "text": f"{questionnaire.short_title} total score",
            "answer": [{"valueInteger": assessment.total}],
        }
    )
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": form.questionnaire,
        "status": "completed",
        "subject": _ref(patient),
        "authored": when,
        "item": items,
    }


def medication_statements(
    course: Course, namespace: uuid.UUID, patient: str
) -> list[tuple[str, Resource]]:
    """One MedicationStatement per dose period of ``course`` (start to the next step).

    ``effectivePeriod`` runs from the dose's first day to its last (FHIR periods include
    their end: the day before the next dose or the stop); the open period of a course
    still taken has no end and is ``active``, every other one ``completed``. The class
    goes in ``category`` as text, the dose as ``dosage.text`` and, when known in mg, as
    ``doseQuantity``. The course's note is not exported (no free-text notes).
    """
    assert course.id is not None
    doses = course.doses
    resources = []
    for index, step in enumerate(doses):
        following = doses[index + 1].day if index + 1 < len(doses) else course.stop
        period: Resource = {"start": step.day.isoformat()}
        if following is not None:
            period["end"] = max(step.day, following - timedelta(days=1)).isoformat()
        dosage: Resource = {"text": ", ".join(
            part for part in (step.dose_text, course.frequency) if part)}
        if step.dose_mg is not None:
            dosage["doseAndRate"] = [{"doseQuantity": {
                "value": step.dose_mg, "unit": "mg", "system": UCUM, "code": "mg"}}]
        statement: Resource = {
            "resourceType": "MedicationStatement",
            "status": "completed" if following is not None else "active",
            "category": {"text": course.medication_class.label},
            "medicationCodeableConcept": {"text": course.name},
            "subject": _ref(patient),
            "effectivePeriod": period,
            "dosage": [dosage],
        }
        resources.append((
            entry_uuid(namespace, f"medication/{course.id}/dose/{step.day.isoformat()}"),
            statement,
        ))
    return resources


def build_bundle(
    sessions: Iterable[Session],
    assessments: Iterable[Assessment],
    namespace: uuid.UUID,
    medications: Iterable[Course] = (),
) -> Resource:
    """The Bundle (type ``collection``) as a JSON-ready dict; entries in kind, then id order.

    Deterministic: no timestamp, no random ids. Empty (no entries at all) when
    there is nothing to export.
    """
    patient_url = entry_uuid(namespace, "patient")
    resources: list[tuple[str, Resource]] = []
    for session in sorted(sessions, key=lambda s: s.id or 0):
        resources.extend(session_resources(session, namespace, patient_url))
    for assessment in sorted(assessments, key=lambda a: a.id or 0):
        resources.extend(assessment_resources(assessment, namespace, patient_url))
    for course in sorted(medications, key=lambda c: c.id or 0):
        resources.extend(medication_statements(course, namespace, patient_url))
    if resources:
        resources.insert(0, (patient_url, _patient()))
    bundle: Resource = {"resourceType": "Bundle", "type": "collection"}
    if resources:
        bundle["entry"] = [{"fullUrl": url, "resource": body} for url, body in resources]
    return bundle


def write_bundle(target: Path, bundle: Resource) -> None:
    """Write the bundle as UTF-8 JSON, atomically (temporary file beside it, then rename)."""
    with atomic_text_writer(target) as handle:
        json.dump(bundle, handle, ensure_ascii=False, indent=2)
        handle.write("\n")


def mapped_instruments() -> frozenset[str]:
    """Instrument ids the bundle covers (every one in INSTRUMENTS, tests check)."""
    return frozenset(INSTRUMENTS) & frozenset(LOINC_FORMS)
