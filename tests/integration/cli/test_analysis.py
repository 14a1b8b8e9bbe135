"""``ketajournal status`` and ``ketajournal boosters``: plain lines, or JSON with ``--json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketajournal.cli import main


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


@pytest.fixture
def demo_home(home: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(home, "demo", "--days", "200") == 0
    capsys.readouterr()
    return home


def test_status_prints_each_questionnaire_and_the_same_as_json(
    demo_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(demo_home, "status") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines if not line.startswith("  ")] == [
        "PHQ-9", "GAD-7",
    ]
    assert all("baseline" in line and "remission" in line
               for line in lines if not line.startswith("  "))
    assert run(demo_home, "status", "--json") == 0
    document = json.loads(capsys.readouterr().out)
    assert [status["instrument"] for status in document.values()] == ["phq9", "gad7"]


def test_boosters_prints_the_threshold_and_one_line_per_session(
    demo_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(demo_home, "boosters", "--json") == 0
    document = json.loads(capsys.readouterr().out)
    assert run(demo_home, "boosters") == 0
    out = capsys.readouterr().out
    assert out.startswith(("Threshold T: ", "Not enough data: "))
    assert sum("  held " in line for line in out.splitlines()) == len(document["cycles"]) > 0
