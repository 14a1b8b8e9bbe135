"""The command line states the domain's ranges: a value that is no number at all gets the
same message as a number out of range, and the help shows the same bounds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ketajournal.cli import build_parser, main
from ketajournal.cli import common as cli_common
from ketajournal.domain.instruments import GAD7, PHQ9
from ketajournal.domain.models import (
    SCORE_RANGE,
    SLEEP_RANGE,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.domain.validation import ValidationError
from ketajournal.platform.crypto import parse_recovery_code
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import demo
from ketajournal.services.backups import backup_verifies
from ketajournal.services.opening import open_journal
from tests.support.clock import NOW


def domain_rule(build: Callable[[], object]) -> str:
    """What the domain says a value must be, refusing the one ``build`` passes it."""
    with pytest.raises(ValidationError) as refused:
        build()
    return str(refused.value).removeprefix(f"{refused.value.field}: ")


def session(**values: object) -> Session:
    return Session(at=NOW, route=Route.IV, phase=Phase.BOOSTER, **values)  # type: ignore[arg-type]


def side_effect(**values: object) -> SideEffect:
    fields: dict[str, object] = {"category": SideEffectCategory.NAUSEA, "severity": 1}
    return SideEffect(at=NOW, **{**fields, **values})  # type: ignore[arg-type]


CASES = [
    (["log", "mood", "x"], lambda: MoodEntry(at=NOW, mood=SCORE_RANGE[1] + 1)),
    (["log", "mood", "5", "--anxiety", "x"], lambda: MoodEntry(at=NOW, mood=5, anxiety=-1)),
    (["log", "mood", "5", "--energy", "x"], lambda: MoodEntry(at=NOW, mood=5, energy=99)),
    (["log", "mood", "5", "--sleep", "x"], lambda: MoodEntry(at=NOW, mood=5, sleep_hours=99)),
    (["log", "session", "--route", "iv", "--phase", "booster", "--dose-mg", "x"],
     lambda: session(dose_mg=0.0)),
    (["log", "session", "--route", "iv", "--phase", "booster", "--weight-kg", "x"],
     lambda: session(weight_kg=1.0)),
    (["log", "session", "--route", "iv", "--phase", "booster", "--dissociation", "x"],
     lambda: session(dissociation=11)),
    (["log", "side-effect", "nausea", "--severity", "x"], lambda: side_effect(severity=11)),
    (["log", "side-effect", "nausea", "--severity", "1", "--duration-min", "x"],
     lambda: side_effect(duration_minutes=0)),
    (["log", "side-effect", "nausea", "--severity", "1", "--session", "x"],
     lambda: side_effect(session_id=0)),
    (["log", "phq9", "x,0,0,0,0,0,0,0,0"], lambda: PHQ9.check_answers([4] + [0] * 8)),
    (["log", "gad7", "x,0,0,0,0,0,0"], lambda: GAD7.check_answers([4] + [0] * 6)),
    (["log", "phq9", ",".join("0" * 9), "--difficulty", "x"], lambda: PHQ9.check_extra(9)),
]


@pytest.mark.parametrize(("argv", "build"), CASES, ids=[" ".join(c[0][:3]) for c in CASES])
def test_text_that_is_no_number_gets_the_domains_message(
    argv: list[str], build: Callable[[], object], home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--home", str(home), *argv]) == 2
    last = capsys.readouterr().err.splitlines()[-1]  # after a new journal's recovery key
    assert last.startswith("ketajournal: ")
    assert last.endswith(f": {domain_rule(build)}")
    assert domain_rule(build).startswith("must be a ")


def test_demo_days_outside_the_range_are_refused_with_it(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    low, high = demo.DAYS_RANGE
    for days in (low - 1, high + 1):
        assert main(["--home", str(home), "demo", "--days", str(days)]) == 2
        err = capsys.readouterr().err
        assert err == f"ketajournal: days: must be a whole number from {low} to {high}\n"
    assert not home.exists()  # refused before the journal was created


def _help(*path: str) -> str:
    parser = build_parser()
    for name in path:
        action = next(a for a in parser._actions if a.choices and name in a.choices)
        parser = action.choices[name]  # type: ignore[index]
    return parser.format_help()


def test_the_help_shows_the_domains_bounds() -> None:
    low, high = SCORE_RANGE
    mood = _help("log", "mood")
    assert f"mood {low}-{high}, {high} = best" in mood
    assert f"hours slept, {SLEEP_RANGE[0]:g}-{SLEEP_RANGE[1]:g}" in mood
    first, last = PHQ9.answer_range
    assert f"comma-separated answers, {first}-{last} each" in " ".join(_help("log", "phq9").split())
    assert f"days of data ({demo.DEFAULT_DAYS})" in _help("demo")


# -- --recovery-key-file --------------------------------------------------------------------


def test_a_new_recovery_key_goes_to_the_file_asked_for_not_to_stderr(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = tmp_path / "recovery-key.txt"
    argv = ["--home", str(home), "--recovery-key-file", str(key_file)]
    assert main([*argv[:2], "demo", "--days", "2", *argv[2:]]) == 0
    err = capsys.readouterr().err
    assert key_file.stat().st_mode & 0o777 == 0o600
    code = parse_recovery_code(key_file.read_text(encoding="ascii").strip())
    assert str(code) not in err and f"written to {key_file}" in err
    # The file holds the journal's real recovery key: it opens the journal.
    assert main(["--home", str(home), "--password-file", str(key_file), "status"]) == 0


def test_a_recovery_key_file_that_exists_or_lies_in_the_home_is_refused_before_creating(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = tmp_path / "existing.txt"
    existing.write_text("keep me\n", encoding="utf-8")
    assert main(["--home", str(home), "demo", "--days", "2",
                 "--recovery-key-file", str(existing)]) == 2
    assert "recovery-key-file: " in capsys.readouterr().err
    assert existing.read_text(encoding="utf-8") == "keep me\n"
    home.mkdir()
    inside = home / "key.txt"
    assert main(["--home", str(home), "demo", "--days", "2",  # as for export -o there
                 "--recovery-key-file", str(inside)]) == 1
    assert "inside the journal's folder" in capsys.readouterr().err
    assert list(home.iterdir()) == []  # no journal, no key file: refused before creating


def test_a_command_line_only_patient_gets_the_daily_backups_from_the_first_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    backups = home / "backups"
    assert main(["--home", str(home), "log", "mood", "6"]) == 0
    made = sorted(p.name for p in backups.glob("*.db"))
    assert [name.split("-")[0] for name in made] == ["daily", "weekly"]
    assert all(backup_verifies(backups / name, key_of(home)) for name in made)
    stamps = {p: p.stat().st_mtime_ns for p in backups.glob("*.db")}
    assert main(["--home", str(home), "log", "mood", "7"]) == 0  # at most once a day
    assert main(["--home", str(home), "settings", "booster.threshold", "2"]) == 0
    assert {p: p.stat().st_mtime_ns for p in backups.glob("*.db")} == stamps
    for path in backups.iterdir():  # a command that only reads writes none
        if path.is_file():
            path.unlink()
    assert main(["--home", str(home), "status"]) == 0
    assert not list(backups.glob("*.db"))

    def fails(_journal: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(cli_common, "automatic_backup", fails)
    capsys.readouterr()
    assert main(["--home", str(home), "log", "mood", "8"]) == 0  # the entry is saved anyway
    err = capsys.readouterr().err
    assert "automatic backup could not be made" in err and "saved" in err


def key_of(home: Path) -> bytes:
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        return journal.data_key
    finally:
        journal.close()
