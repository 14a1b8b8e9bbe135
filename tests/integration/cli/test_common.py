"""The command line states the domain's ranges: a value that is no number at all gets the
same message as a number out of range, and the help shows the same bounds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ketajournal.cli import build_parser, main
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
from ketajournal.services import demo
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
