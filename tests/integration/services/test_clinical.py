"""The clinical layer: instruments, scoring and bands, item 9, baseline/response/remission, due."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketajournal.cli import main
from ketajournal.domain.instruments import GAD7, INSTRUMENTS, PHQ9
from ketajournal.domain.models import Assessment, MoodEntry, Phase, Route, Session
from ketajournal.domain.safety import crisis_text
from ketajournal.domain.validation import ValidationError
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import clinical
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.services.settings import Settings
from tests.support.clock import NOW

PHQ9_BANDS = {range(0, 5): "minimal", range(5, 10): "mild", range(10, 15): "moderate",
              range(15, 20): "moderately severe", range(20, 28): "severe"}
GAD7_BANDS = {range(0, 5): "minimal", range(5, 10): "mild", range(10, 15): "moderate",
              range(15, 22): "severe"}


@pytest.mark.parametrize(("questionnaire", "bands"), [(PHQ9, PHQ9_BANDS), (GAD7, GAD7_BANDS)])
def test_every_total_has_the_standard_band(questionnaire: object, bands: dict) -> None:
    assert questionnaire.max_total == max(r.stop for r in bands) - 1  # type: ignore[attr-defined]
    for totals, label in bands.items():
        for total in totals:
            assert questionnaire.band(total).label == label  # type: ignore[attr-defined]


def test_instruments_carry_standard_wording_and_answer_labels() -> None:
    assert [o.label for o in PHQ9.options] == [
        "Not at all", "Several days", "More than half the days", "Nearly every day"]
    assert [o.value for o in PHQ9.options] == [0, 1, 2, 3]
    assert len(PHQ9.items) == 9 and len(GAD7.items) == 7
    assert PHQ9.items[8].text.startswith("Thoughts that you would be better off dead")
    assert GAD7.items[0].text == "Feeling nervous, anxious, or on edge"
    assert PHQ9.extra is not None and "how difficult" in PHQ9.extra.text
    assert "BDI" not in " ".join(i.title for i in INSTRUMENTS.values())
    assert all("Pfizer" in i.licence for i in INSTRUMENTS.values())


@given(st.lists(st.integers(0, 3), min_size=9, max_size=9))
def test_phq9_total_is_the_sum_and_item9_flags(answers: list[int]) -> None:
    entry = Assessment(at=NOW, instrument_id="phq9", answers=tuple(answers))
    assert entry.total == sum(answers)
    assert entry.safety_flag == (answers[8] > 0)
    assert entry.summary == f"PHQ-9 total {sum(answers)} ({PHQ9.band(sum(answers)).label})"


@given(st.lists(st.integers(-5, 8), min_size=0, max_size=12))
def test_wrong_answers_are_refused_with_the_field_named(answers: list[int]) -> None:
    valid = len(answers) == 7 and all(0 <= a <= 3 for a in answers)
    if valid:
        entry = Assessment(at=NOW, instrument_id="gad7", answers=tuple(answers))
        assert entry.total == sum(answers)
        return
    with pytest.raises(ValidationError) as error:
        Assessment(at=NOW, instrument_id="gad7", answers=tuple(answers))
    assert error.value.field.startswith("answers")
    assert "0 to 3" in str(error.value)


def test_gad7_has_no_safety_item() -> None:
    entry = Assessment(at=NOW, instrument_id="gad7", answers=(3,) * 7)
    assert not entry.safety_flag


# -- baseline, response, remission ----------------------------------------------------------


def session_at(at: datetime) -> Session:
    return Session(at=at, route=Route.IV, phase=Phase.INDUCTION, dose_mg=35)


def phq(at: datetime, total: int, item9: int = 0) -> Assessment:
    answers = [0] * 9
    remaining = total - item9
    for i in range(8):
        answers[i] = min(3, remaining)
        remaining -= answers[i]
    answers[8] = item9
    assert sum(answers) == total
    return Assessment(at=at, instrument_id="phq9", answers=tuple(answers))


def test_no_baseline_without_sessions(journal: Journal) -> None:
    journal.log(phq(NOW - timedelta(days=3), 18))
    status = clinical.measure_status(journal, "phq9")
    assert status.baseline is None and status.response is None
    assert status.latest is not None and status.latest.total == 18
    assert status.remission is None  # issue 13: no session, nothing to assess
    assert status.not_assessable == "no treatment session yet"
    assert "No treatment session yet" in status.notes[0]


def test_baseline_is_the_last_assessment_before_the_first_session(journal: Journal) -> None:
    start = NOW - timedelta(days=60)
    journal.log(phq(start - timedelta(days=10), 21))
    journal.log(phq(start - timedelta(days=2), 18))  # the baseline: last before the first session
    journal.log(session_at(start))
    journal.log(session_at(start + timedelta(days=3)))
    journal.log(phq(start + timedelta(days=20), 12))
    journal.log(phq(start + timedelta(days=40), 9))
    status = clinical.measure_status(journal, "phq9")
    assert status.baseline is not None and status.baseline.total == 18
    assert status.baseline_source == "automatic"
    assert status.latest is not None and status.latest.total == 9
    assert status.change_percent == pytest.approx(-50.0)
    assert status.response is True  # exactly 50 % counts
    assert status.remission is False  # 9 is not below 5
    assert "50 %" in status.definitions["response"]
    assert "below 5" in status.definitions["remission"]


def test_response_needs_half_and_remission_follows_the_setting(journal: Journal) -> None:
    start = NOW - timedelta(days=60)
    journal.log(phq(start - timedelta(days=1), 17))
    journal.log(session_at(start))
    journal.log(phq(start + timedelta(days=30), 9))
    status = clinical.measure_status(journal, "phq9")
    assert status.response is False  # 17 → 9 is 47 %
    Settings(journal).set("clinical.remission_threshold.phq9", 10)
    status = clinical.measure_status(journal, "phq9")
    assert status.remission is True and "below 10" in status.definitions["remission"]


def test_no_assessment_before_treatment_means_no_automatic_baseline(journal: Journal) -> None:
    start = NOW - timedelta(days=30)
    journal.log(session_at(start))
    after = journal.log(phq(start + timedelta(days=1), 20))[0]
    journal.log(phq(start + timedelta(days=20), 8))
    status = clinical.measure_status(journal, "phq9")
    assert status.baseline is None and status.change_percent is None
    assert "No PHQ-9 before the first session" in status.notes[0]
    # The user may pick one after treatment started; it is used and said so.
    Settings(journal).set("clinical.baseline.phq9", after.id)
    status = clinical.measure_status(journal, "phq9")
    assert status.baseline is not None and status.baseline.total == 20
    assert status.baseline_source == "user"
    assert status.response is True and status.change_percent == pytest.approx(-60.0)
    assert any("after treatment started" in n for n in status.notes)
    assert status.definitions["baseline"] == "Baseline: the PHQ-9 picked in Settings."


def test_status_json_and_cli_agree(journal: Journal, paths: object, capsys) -> None:
    start = NOW - timedelta(days=30)
    journal.log(phq(start - timedelta(days=1), 20, item9=1))
    journal.log(session_at(start))
    journal.log(phq(start + timedelta(days=20), 4))
    expected = clinical.status_document(journal)
    journal.close()
    assert main(["--home", str(paths.home), "status", "--json"]) == 0  # type: ignore[attr-defined]
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(json.dumps(expected))
    assert printed["phq9"]["baseline"]["score"] == 20
    assert printed["phq9"]["latest"]["score"] == 4
    assert printed["phq9"]["change_percent"] == -80.0
    assert printed["phq9"]["response"] is True and printed["phq9"]["remission"] is True
    assert set(printed["phq9"]["definitions"]) >= {"baseline", "response", "remission"}
    assert printed["gad7"]["latest"] is None


# -- safety -------------------------------------------------------------------------------


def test_item9_is_flagged_until_acknowledged_and_stays_in_the_data(journal: Journal) -> None:
    flagged = journal.log(phq(NOW - timedelta(days=1), 12, item9=2))[0]
    journal.log(phq(NOW - timedelta(hours=1), 6))
    assert [a.id for a in clinical.safety_flags(journal, unacknowledged_only=True)] == [flagged.id]
    assert isinstance(flagged, Assessment)
    clinical.acknowledge_safety_flag(journal, flagged)
    assert clinical.safety_flags(journal, unacknowledged_only=True) == []
    (still,) = clinical.safety_flags(journal)
    assert still.id == flagged.id and still.safety_acknowledged_at == NOW


def test_crisis_text_defaults_and_settings() -> None:
    text = crisis_text()
    assert "988" in text and "116 123" in text and "local emergency number" in text
    assert "nobody else sees" in text and "no clinician" in text
    custom = crisis_text("UK", "Call my sister: 07700 900123")
    assert "07700 900123" in custom and "116 123" not in custom
    assert "local emergency number" in custom


def test_cli_log_phq9_prints_total_and_crisis_text(tmp_path: Path, capsys) -> None:
    home = str(tmp_path / "h")
    assert main(["--home", home, "log", "phq9", "1,2,1,2,1,1,1,1,1"]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "PHQ-9 total 11 (moderate)"
    assert "988" in out.err and "nobody else sees" in out.err
    assert main(["--home", home, "log", "gad7", "0,0,0,0,0,0,0", "--note", "calm"]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "GAD-7 total 0 (minimal)" and out.err == ""


@pytest.mark.parametrize(
    "answers", ["1,2,1", "1,2,1,2,1,1,1,1,1,1", "1,2,x,2,1,1,1,1,1", "1,2,4,2,1,1,1,1,1", ""]
)
def test_cli_wrong_answers_exit_2_and_write_nothing(tmp_path: Path, capsys, answers: str) -> None:
    home = str(tmp_path / "h")
    assert main(["--home", home, "log", "mood", "5"]) == 0
    assert main(["--home", home, "log", "phq9", answers]) == 2
    assert "answers" in capsys.readouterr().err
    j = open_journal(JournalPaths(Path(home)), KeyringKeyStore(), create=False)
    try:
        assert j.counts()["assessment"] == 0
    finally:
        j.close()


# -- what is due --------------------------------------------------------------------------


def test_questionnaires_are_due_every_14_days(journal: Journal) -> None:
    keys = {i.instrument_id for i in clinical.due_items(journal)}
    assert keys == {"phq9", "gad7"}
    journal.log(phq(NOW - timedelta(days=13), 10))
    assert {i.instrument_id for i in clinical.due_items(journal)} == {"gad7"}
    Settings(journal).set("clinical.questionnaire_interval_days", 7)
    assert {i.instrument_id for i in clinical.due_items(journal)} == {"phq9", "gad7"}


def test_check_ins_follow_a_session_and_end_when_mood_is_logged(journal: Journal) -> None:
    journal.log(phq(NOW - timedelta(days=1), 10))
    journal.log(Assessment(at=NOW - timedelta(days=1), instrument_id="gad7", answers=(1,) * 7))
    session = journal.log(session_at(NOW - timedelta(hours=30)))[0]
    (item,) = clinical.due_items(journal)
    assert item.key == f"checkin:{session.id}:24h" and "24 hours" in item.text
    journal.log(MoodEntry(at=NOW - timedelta(hours=1), mood=6))
    assert clinical.due_items(journal) == []


def test_check_in_at_72h_and_7d_and_dismissing(journal: Journal, clock) -> None:
    journal.log(phq(NOW, 10))
    journal.log(Assessment(at=NOW, instrument_id="gad7", answers=(1,) * 7))
    session = journal.log(session_at(NOW - timedelta(hours=80)))[0]
    (item,) = clinical.due_items(journal)
    assert item.key == f"checkin:{session.id}:72h"
    clinical.dismiss_due(journal, item.key)
    assert clinical.due_items(journal) == []
    clock.advance(timedelta(days=4, hours=2))  # now 7 days and 10 hours after the session
    journal.log(phq(clock(), 10))
    journal.log(Assessment(at=clock(), instrument_id="gad7", answers=(1,) * 7))
    (item,) = clinical.due_items(journal)
    assert item.key == f"checkin:{session.id}:7d"
    clock.advance(timedelta(days=1))
    assert clinical.due_items(journal) == []  # a day later it is gone by itself


# -- boosters through the service and the CLI ----------------------------------------------


def test_boosters_json_matches_the_service(tmp_path: Path, capsys) -> None:
    home = str(tmp_path / "h")
    assert main(["--home", home, "demo"]) == 0
    capsys.readouterr()
    assert main(["--home", home, "boosters", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) >= {"threshold", "baseline_level", "post_induction_level", "cycles",
                             "tolerance", "next_due"}
    assert document["tolerance"]["signal"] is True
    assert len(document["cycles"]) >= 20
    first = document["cycles"][0]
    assert set(first) == {"session_at", "phase", "dose_mg", "durability_days", "censored",
                          "durability_low", "label", "medication_changes", "medication_note"}
    assert first["phase"] == "induction"
    assert datetime.fromisoformat(first["session_at"]).tzinfo is not None
    assert main(["--home", home, "settings", "booster.threshold", "6"]) == 0
    capsys.readouterr()
    assert main(["--home", home, "boosters", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["threshold_source"] == "user"


# -- issue 13: response and remission need a baseline before treatment and a later total --
# Each case by hand: remission is "latest < 5" for PHQ-9 only once it can be assessed.
def test_response_and_remission_are_not_assessable_without_what_they_need(
    journal: Journal,
) -> None:
    start = NOW - timedelta(days=30)
    # A PHQ-9 of 3 and no session: "remission yes" used to be printed.
    journal.log(phq(start - timedelta(days=2), 3))
    status = clinical.measure_status(journal, "phq9")
    assert (status.response, status.remission) == (None, None)
    assert status.not_assessable == "no treatment session yet"
    assert status.verdict(status.remission) == "not assessable (no treatment session yet)"
    # A session, but the latest PHQ-9 is the baseline itself.
    journal.log(session_at(start))
    status = clinical.measure_status(journal, "phq9")
    assert status.baseline is not None and status.baseline.total == 3
    assert status.not_assessable == "no PHQ-9 after the first session yet"
    assert status.remission is None
    # A later PHQ-9 of 2: assessable. 3 − 2 = 1 < 0.5 × 3 → no response; 2 < 5 → remission.
    journal.log(phq(start + timedelta(days=10), 2))
    status = clinical.measure_status(journal, "phq9")
    assert status.not_assessable is None
    assert (status.response, status.remission) == (False, True)
    assert status.verdict(status.response) == "no"


def test_a_baseline_of_zero_cannot_show_response_or_remission(journal: Journal) -> None:
    start = NOW - timedelta(days=30)
    journal.log(phq(start - timedelta(days=1), 0))
    journal.log(session_at(start))
    journal.log(phq(start + timedelta(days=7), 0))
    status = clinical.measure_status(journal, "phq9")
    assert (status.response, status.remission) == (None, None)
    assert status.not_assessable == "the baseline PHQ-9 total is 0"
    document = clinical.status_document(journal)["phq9"]
    assert document["remission"] is None
    assert document["not_assessable"] == "the baseline PHQ-9 total is 0"


def test_no_questionnaire_before_treatment_is_not_assessable_in_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path / "h")
    assert main(["--home", home, "log", "session", "--route", "iv", "--phase", "induction",
                 "--at", "2026-01-05T10:00"]) == 0
    assert main(["--home", home, "log", "phq9", "1,1,1,1,1,1,1,1,0",
                 "--at", "2026-01-20T10:00"]) == 0
    capsys.readouterr()
    assert main(["--home", home, "status"]) == 0
    out = capsys.readouterr().out
    assert ("response not assessable (no baseline PHQ-9 before the first session), remission "
            "not assessable (no baseline PHQ-9 before the first session)") in out
    assert "remission yes" not in out


def test_gad7_has_the_difficulty_question_in_the_cli(tmp_path: Path, capsys) -> None:
    assert GAD7.extra is not None and GAD7.extra == PHQ9.extra
    home = str(tmp_path / "h")
    assert main(["--home", home, "log", "gad7", "1,1,1,1,1,1,1", "--difficulty", "3"]) == 0
    assert main(["--home", home, "log", "gad7", "1,1,1,1,1,1,1", "--difficulty", "4"]) == 2
    assert "difficulty" in capsys.readouterr().err
    journal = open_journal(JournalPaths(Path(home)), KeyringKeyStore())
    try:
        (saved,) = journal.assessments("gad7")
        assert saved.total == 7 and saved.difficulty == 3
    finally:
        journal.close()


def test_cli_logs_the_session_record_and_names_a_bad_field(tmp_path: Path, capsys) -> None:
    home = str(tmp_path / "h")
    base = ["--home", home, "log", "session", "--route", "nasal", "--phase", "booster"]
    assert main([*base, "--moaas", "6"]) == 2
    assert "moaas" in capsys.readouterr().err
    assert main([*base, "--spo2", "49"]) == 2
    assert "spo2" in capsys.readouterr().err
    assert main([*base, "--bp-before", "165/102", "--bp-after", "198/118",
                 "--bp-leaving", "150/95", "--heart-rate", "88", "--spo2", "97",
                 "--observation-min", "120", "--moaas", "4"]) == 0
    journal = open_journal(JournalPaths(Path(home)), KeyringKeyStore())
    try:
        (saved,) = journal.sessions()
        assert str(saved.bp_leaving) == "150/95"
        assert (saved.heart_rate, saved.spo2, saved.observation_minutes, saved.moaas) == (
            88, 97, 120, 4)
    finally:
        journal.close()
