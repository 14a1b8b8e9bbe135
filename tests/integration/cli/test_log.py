"""``ketajournal log``: entries saved and reported after commit, bad input named, none written."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.opening import open_journal


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def counts(home: Path) -> dict[str, int]:
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        return journal.counts()
    finally:
        journal.close()


def test_log_mood_saves_and_reports_after_commit(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(home, "log", "mood", "6", "--anxiety", "4", "--energy", "5", "--sleep", "7.5",
               "--at", "2026-11-20T08:30+01:00", "--note", "slept ok")
    assert code == 0
    assert capsys.readouterr().out.startswith("Saved mood entry 1 at 2026-11-20T08:30:00+01:00")
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        (entry,) = journal.moods()
    finally:
        journal.close()
    assert (entry.mood, entry.anxiety, entry.energy, entry.sleep_hours, entry.note) == (
        6, 4, 5, 7.5, "slept ok"
    )


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["log", "mood", "11"], "mood"),
        (["log", "mood", "seven"], "mood"),
        (["log", "mood", "5", "--anxiety", "-1"], "anxiety"),
        (["log", "mood", "5", "--sleep", "25"], "sleep_hours"),
        (["log", "mood", "5", "--at", "yesterday"], "at"),
        (["log", "mood", "5", "--at", "2099-01-01T10:00+00:00"], "at"),
        (["log", "session", "--route", "iv", "--phase", "later"], "phase"),
        (["log", "session", "--route", "vein", "--phase", "booster"], "route"),
        (["log", "session", "--route", "iv", "--phase", "booster", "--bp-before", "80/120"],
         "bp_before"),
        (["log", "session", "--route", "iv", "--phase", "booster", "--bp-after", "300/80"],
         "bp_after systolic"),
        (["log", "session", "--route", "iv", "--phase", "booster", "--dose-mg", "0"], "dose_mg"),
        (["log", "session", "--route", "iv", "--phase", "booster", "--dissociation", "12"],
         "dissociation"),
        (["log", "side-effect", "nausea", "--severity", "11"], "severity"),
        (["log", "side-effect", "itching", "--severity", "3"], "category"),
        (["log", "side-effect", "other", "--severity", "3"], "other_text"),
        (["log", "side-effect", "nausea", "--severity", "3", "--session", "99"], "session_id"),
        (["log", "event", "party"], "event_kind"),
    ],
)
def test_bad_input_exits_2_names_the_field_and_writes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], args: list[str], field: str
) -> None:
    assert run(home, "log", "mood", "5") == 0
    before = counts(home)
    capsys.readouterr()
    assert run(home, *args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ketajournal: {field}:"), err
    assert counts(home) == before


def test_log_session_side_effect_and_event(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "log", "session", "--route", "iv", "--phase", "induction", "--dose-mg", "35",
               "--weight-kg", "70", "--dissociation", "5", "--bp-before", "124/80",
               "--bp-after", "151/92", "--clinic", "Riverside", "--at",
               "2026-11-26T10:00+01:00") == 0
    # A side effect the next morning links to that session (latest within 72 h).
    assert run(home, "log", "side-effect", "headache", "--severity", "4", "--duration-min", "90",
               "--at", "2026-11-27T08:00+01:00") == 0
    assert run(home, "log", "side-effect", "other", "--other", "itchy skin", "--severity", "2",
               "--session", "none", "--at", "2026-11-27T09:00+01:00") == 0
    assert run(home, "log", "event", "medication-change", "--note", "dose lowered") == 0
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        (session,) = journal.sessions()
        linked, unlinked = journal.side_effects()
        (event,) = journal.entries("event")
    finally:
        journal.close()
    assert session.dose_mg_per_kg == pytest.approx(0.5)
    assert str(session.bp_before) == "124/80" and str(session.bp_after) == "151/92"
    assert linked.session_id == session.id and linked.duration_minutes == 90
    assert unlinked.session_id is None and unlinked.label == "Other: itchy skin"
    assert event.event_kind.value == "medication_change"


def test_red_flag_side_effect_says_to_contact_the_clinic(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "log", "side-effect", "blood-in-urine", "--severity", "5") == 0
    assert "Contact your clinic" in capsys.readouterr().err


def test_log_mood_with_tags_saves_them_with_the_entry(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "log", "mood", "6", "--tags", "walk, Work,walk") == 0
    assert run(home, "log", "mood", "5", "--tags", "x" * 101) == 2
    assert "tags: must be at most 100 characters" in capsys.readouterr().err
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        (entry,) = journal.moods()
        assert entry.id is not None
        assert journal.tags_of([entry.id]) == {entry.id: ("Work", "walk")}  # by name
    finally:
        journal.close()
