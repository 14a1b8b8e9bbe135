"""``ketajournal factors`` and ``ketajournal factor``: real journals, the real parser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.domain.factors import ASSOCIATION


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def test_define_set_list_and_remove_a_factor(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "log", "mood", "6") == 0
    assert run(home, "factor", "define", "Alcohol", "--kind", "yesno") == 0
    assert "Following Alcohol (yes or no each day)." in capsys.readouterr().out
    assert run(home, "factor", "define", "Exercise", "--kind", "scale") == 0
    assert run(home, "factor", "set", "alcohol", "no") == 0
    assert run(home, "factor", "set", "Exercise", "7", "--day", "2026-01-05") == 0
    out = capsys.readouterr().out
    assert "Exercise on 2026-01-05 set to 7." in out
    assert run(home, "factor", "list") == 0
    out = capsys.readouterr().out
    assert "Alcohol (yes or no): today no" in out
    assert "Exercise (0 to 10): today not set" in out
    assert run(home, "factor", "set", "Alcohol", "none") == 0
    assert "cleared" in capsys.readouterr().out
    assert run(home, "factor", "remove", "exercise") == 0
    assert "Stopped following Exercise" in capsys.readouterr().out
    assert run(home, "factor", "list") == 0
    assert "Exercise" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["factor", "define", "X", "--kind", "often"], "kind: must be yesno or scale"),
        (["factor", "set", "Alcohol", "maybe"], "value: must be yes or no"),
        (["factor", "set", "Mood2", "3"], "factor: is not defined yet"),
        (["factor", "set", "Alcohol", "yes", "--day", "3.1.2026"],
         "day: must be a date written YYYY-MM-DD"),
        (["factor", "define", "alcohol", "--kind", "scale"], "name: is already a factor"),
    ],
)
def test_bad_factor_input_exits_2_naming_the_field(
    home: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(home, "log", "mood", "6") == 0
    assert run(home, "factor", "define", "Alcohol", "--kind", "yesno") == 0
    capsys.readouterr()
    assert run(home, *args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_factors_on_a_young_journal_says_not_enough_days_and_the_definition(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "log", "mood", "6", "--sleep", "8") == 0
    capsys.readouterr()
    assert run(home, "factors") == 0
    out = capsys.readouterr().out
    assert "Not enough days yet for any comparison" in out
    assert "days after 7+ hours of sleep" in out
    assert "An association, not proof of a cause." in out


def test_factors_json_has_every_comparison_with_its_counts(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "demo", "--days", "120") == 0
    capsys.readouterr()
    assert run(home, "factors", "--json") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["min_days"] == 10
    keys = {result["factor"] for result in document["results"]}
    assert {"sleep>=7", "event:psychotherapy", "event:life_event"} <= keys
    for result in document["results"]:
        assert ASSOCIATION in result["sentence"] or "Not enough days" in result["sentence"]
        if result["enough_days"]:
            low, high = result["interval_95"]
            assert low <= high
