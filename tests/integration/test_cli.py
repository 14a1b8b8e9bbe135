"""The command line, in process (fast) and as real subprocesses (entry points, keyring env)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ketajournal import __version__
from ketajournal.cli import main
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.opening import open_journal
from tests.support.paths import ROOT


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def counts(home: Path) -> dict[str, int]:
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        return journal.counts()
    finally:
        journal.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"ketajournal {__version__}"


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


def test_missing_required_option_exits_2(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(home, "log", "side-effect", "nausea")
    assert exit_info.value.code == 2
    assert "--severity" in capsys.readouterr().err


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


def test_demo_fills_an_empty_journal_and_refuses_a_used_one(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "demo", "--days", "120", "--seed", "3") == 0
    first = counts(home)
    assert first["session"] >= 6 and first["mood"] > 100
    assert run(home, "demo") == 1
    assert "already has entries" in capsys.readouterr().err
    assert counts(home) == first


def test_check_reports_counts_and_health(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "log", "mood", "5") == 0
    capsys.readouterr()
    assert run(home, "check") == 0
    out = capsys.readouterr().out
    assert "mood         1" in out and "integrity    ok" in out


def test_check_and_export_refuse_to_create_a_journal(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "check") == 1
    assert run(home, "export", "json", "-o", str(tmp_path / "x.json")) == 1
    assert not home.exists() or not any(home.iterdir())
    assert not (tmp_path / "x.json").exists()


def test_export_json_has_every_entry(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "demo", "--days", "60") == 0
    target = tmp_path / "out.json"
    assert run(home, "export", "json", "-o", str(target)) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "ketajournal-export"
    assert {k: len(v) for k, v in document["entries"].items()} == counts(home)
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_wrong_key_is_a_clear_error_and_changes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], memory_keyring: object
) -> None:
    assert run(home, "log", "mood", "5") == 0
    before = {p.name: digest(p) for p in home.iterdir() if p.name != "journal.db-shm"}
    passwords = memory_keyring.passwords  # type: ignore[attr-defined]
    for key in passwords:
        passwords[key] = "00" * 32
    capsys.readouterr()
    assert run(home, "log", "mood", "6") == 1
    err = capsys.readouterr().err
    assert "could not be opened" in err and "Nothing was changed" in err
    after = {p.name: digest(p) for p in home.iterdir() if p.name != "journal.db-shm"}
    assert after == before


# -- real subprocesses: the installed entry points and keyring's own backend variable -----


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KETAJOURNAL")}
    env.update(
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
        KETAJOURNAL_TEST_KEYRING=str(tmp_path / "keyring.json"),
        KETAJOURNAL_HOME=str(tmp_path / "envhome"),
    )
    env.update(extra)
    return env


def test_python_m_entry_point_uses_keyring_backend_from_environment(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    saved = subprocess.run([sys.executable, "-m", "ketajournal", "log", "mood", "7"],
                           env=env, capture_output=True, text=True, timeout=60)
    assert saved.returncode == 0, saved.stderr
    assert (tmp_path / "envhome" / "journal.db").exists()  # KETAJOURNAL_HOME honoured
    assert "org.ketajournal.KetaJournal" in (tmp_path / "keyring.json").read_text()
    checked = subprocess.run([sys.executable, "-m", "ketajournal", "check"],
                             env=env, capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0 and "mood         1" in checked.stdout


def test_no_keyring_backend_is_a_clear_error_and_creates_nothing(tmp_path: Path) -> None:
    env = cli_env(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = subprocess.run([sys.executable, "-m", "ketajournal", "log", "mood", "7"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "system keyring" in result.stderr and "Nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    home = tmp_path / "envhome"
    assert not home.exists() or not any(home.iterdir())


def test_window_without_display_explains_instead_of_aborting(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "-m", "ketajournal", "--demo"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "no display" in result.stderr and "libxcb" not in result.stderr
