"""The FHIR R4 Bundle: valid for an independent library, coded as docs/fhir.md says.

fhir.resources (≥ 7) defaults to R5; its R4B models are used here. R4B changed
none of the elements this export uses, so an R4 bundle must parse with them.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from ketajournal.domain.instruments import GAD7, INSTRUMENTS, PHQ9
from ketajournal.domain.models import (
    Assessment,
    BloodPressure,
    MoodEntry,
    Phase,
    Route,
    Session,
)
from ketajournal.domain.timeutil import to_iso
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.reports import fhir
from ketajournal.services import demo, exchange
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from tests.support.clock import FixedClock

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
PLUS_TWO = timezone(timedelta(hours=2))
T0 = datetime(2026, 6, 1, 10, 0, tzinfo=PLUS_TWO)
SECRET = "my private note about my mother"


@pytest.fixture
def full_journal(journal: Journal) -> Journal:
    """The demo patient plus one session per route and a PHQ-9 with item 9 answered."""
    data = demo.generate(journal.now())
    journal.log_all(data.entries, data.session_of)
    for hours, route in enumerate(Route):
        journal.log(Session(at=T0 + timedelta(hours=hours), route=route, phase=Phase.BOOSTER,
                            dose_mg=56 if route is Route.NASAL else 35, note=SECRET,
                            bp_before=BloodPressure(150, 95)))
    journal.log(Session(at=T0 + timedelta(days=1), route=Route.IV, phase=Phase.BOOSTER,
                        clinic=SECRET))  # no dose, no blood pressure
    journal.log(Assessment(at=T0 + timedelta(days=2), instrument_id="phq9",
                           answers=(2, 2, 1, 1, 0, 0, 1, 0, 2), difficulty=2, note=SECRET))
    journal.log(MoodEntry(at=T0, mood=4, note=SECRET))
    return journal


@pytest.fixture
def bundle(full_journal: Journal, tmp_path: Path) -> dict[str, Any]:
    count = exchange.export_fhir(full_journal, tmp_path / "bundle.json")
    document: dict[str, Any] = json.loads((tmp_path / "bundle.json").read_text("utf-8"))
    assert count == len(document["entry"])
    return document


def resources(bundle: dict[str, Any], kind: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == kind:
            yield entry["fullUrl"], entry["resource"]


def codes(concept: dict[str, Any]) -> list[tuple[str, str]]:
    return [(c["system"], c["code"]) for c in concept.get("coding", [])]


def observations(bundle: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [r for _, r in resources(bundle, "Observation") if (LOINC, code) in codes(r["code"])]


def test_the_bundle_validates_as_fhir_with_an_independent_library(bundle: dict[str, Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parsed = Bundle.model_validate(bundle)
        assert parsed.type == "collection"
        for entry in bundle["entry"]:
            model = get_fhir_model_class(entry["resource"]["resourceType"])
            model.model_validate(entry["resource"])
    kinds = {type(e.resource).__name__ for e in parsed.entry or []}
    assert kinds == {"Patient", "MedicationAdministration", "Observation",
                     "QuestionnaireResponse"}


def test_full_urls_are_unique_uuid_urns_and_every_reference_resolves(
    bundle: dict[str, Any],
) -> None:
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(set(urls)) == len(urls)
    assert all(u.startswith("urn:uuid:") and len(u) == len("urn:uuid:") + 36 for u in urls)
    text = json.dumps(bundle)
    referenced = {part.split('"')[0] for part in text.split('"reference": "')[1:]}
    assert referenced <= set(urls)


def test_the_export_is_reproducible_and_differs_between_journals(
    full_journal: Journal, tmp_path: Path, clock: FixedClock
) -> None:
    exchange.export_fhir(full_journal, tmp_path / "a.json")
    exchange.export_fhir(full_journal, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".json") == ["home"]
    other = open_journal(JournalPaths(tmp_path / "other"), KeyringKeyStore(), clock=clock)
    try:
        other.log(Session(at=T0, route=Route.IV, phase=Phase.BOOSTER, dose_mg=35))
        exchange.export_fhir(other, tmp_path / "c.json")
    finally:
        other.close()
    first = {e["fullUrl"] for e in json.loads((tmp_path / "a.json").read_text("utf-8"))["entry"]}
    third = {e["fullUrl"] for e in json.loads((tmp_path / "c.json").read_text("utf-8"))["entry"]}
    assert not first & third  # same kind and id in two journals: different UUIDs


def test_one_anonymous_patient_is_the_subject_of_everything(bundle: dict[str, Any]) -> None:
    patients = list(resources(bundle, "Patient"))
    assert len(patients) == 1
    url, patient = patients[0]
    assert set(patient) == {"resourceType", "text"}  # no name, identifier, birth date
    assert bundle["entry"][0]["fullUrl"] == url
    for entry in bundle["entry"][1:]:
        assert entry["resource"]["subject"] == {"reference": url}


def test_no_free_text_note_leaves_the_journal(bundle: dict[str, Any]) -> None:
    assert SECRET not in json.dumps(bundle, ensure_ascii=False)


def test_questionnaire_responses_carry_loinc_items_and_answers(
    full_journal: Journal, bundle: dict[str, Any]
) -> None:
    responses = [r for _, r in resources(bundle, "QuestionnaireResponse")]
    assessments = full_journal.assessments()
    assert len(responses) == len(assessments)
    for response, assessment in zip(responses, sorted(assessments, key=lambda a: a.id or 0),
                                    strict=True):
        form = fhir.LOINC_FORMS[assessment.instrument_id]
        assert response["status"] == "completed"
        assert response["authored"] == to_iso(assessment.at)
        assert response["questionnaire"] == {
            "phq9": "http://loinc.org/q/44249-1", "gad7": "http://loinc.org/q/69737-5",
        }[assessment.instrument_id]
        items = {i["linkId"]: i["answer"][0] for i in response["item"]}
        for code, answer in zip(form.items, assessment.answers, strict=True):
            coding = items[code]["valueCoding"]
            assert coding["system"] == LOINC
            assert coding["code"] == ("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9")[answer]
            assert coding["display"] == assessment.instrument.option_label(answer)
        assert items[form.total[0]] == {"valueInteger": assessment.total}
        if assessment.difficulty is not None:
            assert items["69722-7"]["valueCoding"]["code"] == (
                "LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3")[assessment.difficulty]
        else:
            assert "69722-7" not in items


def test_phq9_item_codes_are_the_loinc_items() -> None:
    assert fhir.LOINC_FORMS["phq9"].items == (
        "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5",
        "44253-3", "44260-8")
    assert fhir.LOINC_FORMS["gad7"].items == (
        "69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7")
    assert len(fhir.LOINC_FORMS["phq9"].items) == len(PHQ9.items)
    assert len(fhir.LOINC_FORMS["gad7"].items) == len(GAD7.items)
    assert fhir.mapped_instruments() == frozenset(INSTRUMENTS)


def test_totals_panels_and_item_nine_are_survey_observations(
    full_journal: Journal, bundle: dict[str, Any]
) -> None:
    by_url = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    response_url = {r["authored"] + r["questionnaire"]: url
                    for url, r in resources(bundle, "QuestionnaireResponse")}
    for instrument, panel_code, total_code in (("phq9", "44249-1", "44261-6"),
                                               ("gad7", "69737-5", "70274-6")):
        assessments = full_journal.assessments(instrument)
        totals = observations(bundle, total_code)
        panels = observations(bundle, panel_code)
        assert len(totals) == len(panels) == len(assessments)
        for assessment, total, panel in zip(sorted(assessments, key=lambda a: a.id or 0),
                                            totals, panels, strict=True):
            when = to_iso(assessment.at)
            source = response_url[when + f"http://loinc.org/q/{panel_code}"]
            for observation in (total, panel):
                assert observation["status"] == "final"
                assert observation["effectiveDateTime"] == when
                assert codes(observation["category"][0]) == [(CATEGORY, "survey")]
                assert observation["derivedFrom"] == [{"reference": source}]
            assert total["valueInteger"] == assessment.total
            members = [by_url[m["reference"]] for m in panel["hasMember"]]
            assert total in members
            if instrument == "phq9":
                (item9,) = [m for m in members if (LOINC, "44260-8") in codes(m["code"])]
                answer = assessment.answers[8]
                assert codes(item9["valueCodeableConcept"]) == [
                    (LOINC, ("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9")[answer])]
            else:
                assert len(members) == 1
    flagged = [o for o in observations(bundle, "44260-8")
               if o["valueCodeableConcept"]["coding"][0]["code"] != "LA6568-5"]
    assert any(o["effectiveDateTime"] == to_iso(T0 + timedelta(days=2)) for o in flagged)


def test_blood_pressure_is_a_vital_signs_panel_per_reading(
    full_journal: Journal, bundle: dict[str, Any]
) -> None:
    readings = [(s, bp) for s in full_journal.sessions()
                for bp in (s.bp_before, s.bp_after) if bp is not None]
    found = observations(bundle, "85354-9")
    assert len(found) == len(readings)
    administrations = {url for url, _ in resources(bundle, "MedicationAdministration")}
    for observation in found:
        assert codes(observation["category"][0]) == [(CATEGORY, "vital-signs")]
        assert observation["partOf"][0]["reference"] in administrations
        systolic, diastolic = observation["component"]
        assert codes(systolic["code"]) == [(LOINC, "8480-6")]
        assert codes(diastolic["code"]) == [(LOINC, "8462-4")]
        for component in (systolic, diastolic):
            quantity = component["valueQuantity"]
            assert (quantity["system"], quantity["code"], quantity["unit"]) == (
                UCUM, "mm[Hg]", "mmHg")
            assert isinstance(quantity["value"], int)
        assert systolic["valueQuantity"]["value"] > diastolic["valueQuantity"]["value"]
    values = sorted((o["effectiveDateTime"], o["component"][0]["valueQuantity"]["value"],
                     o["component"][1]["valueQuantity"]["value"]) for o in found)
    assert values == sorted((to_iso(s.at), bp.systolic, bp.diastolic) for s, bp in readings)


def test_sessions_are_medication_administrations_with_route_and_dose(
    full_journal: Journal, bundle: dict[str, Any]
) -> None:
    administrations = [r for _, r in resources(bundle, "MedicationAdministration")]
    sessions = sorted(full_journal.sessions(), key=lambda s: s.id or 0)
    assert len(administrations) == len(sessions)
    expected_route = {Route.IV: "47625008", Route.IM: "78421000", Route.NASAL: "46713006",
                      Route.ORAL: "26643006"}
    for administration, session in zip(administrations, sessions, strict=True):
        assert administration["status"] == "completed"
        assert administration["effectiveDateTime"] == to_iso(session.at)
        medication = administration["medicationCodeableConcept"]
        if session.route is Route.NASAL:
            assert medication == {"text": "esketamine"}
        else:
            assert codes(medication) == [("http://www.nlm.nih.gov/research/umls/rxnorm", "6130")]
        if session.dose_mg is None:
            assert "dosage" not in administration  # FHIR needs a dose in a dosage (mad-1)
            continue
        dosage = administration["dosage"]
        assert dosage["dose"] == {"value": session.dose_mg, "unit": "mg", "system": UCUM,
                                  "code": "mg"}
        route_codes = codes(dosage["route"])
        if session.route in expected_route:
            assert route_codes == [(SNOMED, expected_route[session.route])]
        else:
            assert route_codes == []
            assert dosage["route"]["text"] == "Other"


def test_an_empty_journal_gives_an_empty_valid_bundle(journal: Journal, tmp_path: Path) -> None:
    assert exchange.export_fhir(journal, tmp_path / "empty.json") == 0
    document = json.loads((tmp_path / "empty.json").read_text("utf-8"))
    assert document == {"resourceType": "Bundle", "type": "collection"}
    Bundle.model_validate(document)


def test_a_journal_of_moods_only_exports_no_resources(journal: Journal, tmp_path: Path) -> None:
    journal.log(MoodEntry(at=T0, mood=6))
    assert exchange.export_fhir(journal, tmp_path / "moods.json") == 0


def test_medications_are_medication_statements_one_per_dose_period(
    journal: Journal, tmp_path: Path
) -> None:
    from datetime import date

    from ketajournal.services.medications import MedicationList

    meds = MedicationList(journal)
    meds.start("Sertraline", "50 mg", dose_mg=50, day=date(2026, 9, 1), frequency="daily",
               note=SECRET)
    meds.change("Sertraline", "100 mg", dose_mg=100, day=date(2026, 9, 20))
    meds.start("Lorazepam", "1 mg at night", day=date(2026, 10, 10))
    meds.stop("Lorazepam", day=date(2026, 11, 1))
    exchange.export_fhir(journal, tmp_path / "bundle.json")
    document = json.loads((tmp_path / "bundle.json").read_text("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Bundle.model_validate(document)
        for entry in document["entry"]:
            get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(
                entry["resource"])
    statements = [r for _, r in resources(document, "MedicationStatement")]
    # Sertraline 50 mg 1–19 Sep (completed), 100 mg from 20 Sep (active, open);
    # lorazepam 10–31 Oct (completed: not taken on its stop day, 1 Nov).
    assert [(r["medicationCodeableConcept"]["text"], r["status"], r["effectivePeriod"],
             r["category"]["text"], r["dosage"][0]["text"]) for r in statements] == [
        ("Sertraline", "completed", {"start": "2026-09-01", "end": "2026-09-19"},
         "Antidepressant (SSRI)", "50 mg, daily"),
        ("Sertraline", "active", {"start": "2026-09-20"}, "Antidepressant (SSRI)",
         "100 mg, daily"),
        ("Lorazepam", "completed", {"start": "2026-10-10", "end": "2026-10-31"},
         "Benzodiazepine", "1 mg at night"),
    ]
    assert statements[1]["dosage"][0]["doseAndRate"] == [{"doseQuantity": {
        "value": 100.0, "unit": "mg", "system": UCUM, "code": "mg"}}]
    assert "doseAndRate" not in statements[2]["dosage"][0]
    patient = next(url for url, _ in resources(document, "Patient"))
    assert all(r["subject"] == {"reference": patient} for r in statements)
    assert SECRET not in json.dumps(document)
