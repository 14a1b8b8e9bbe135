"""``ketajournal status`` and ``ketajournal boosters``: plain lines, or JSON with ``--json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.services.journal import Journal


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


def test_boosters_names_the_medication_changes_beside_the_durability(
    journal: Journal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The clinician's check with its medications: booster 3 (D0+40, held 10 days)
    overlaps the sertraline rise on D0+45 (see tests/support/clinical_journals.py)."""
    from datetime import timedelta

    from ketajournal.domain.dates import format_date
    from tests.support.clinical_journals import clinicians_check, with_medications
    from tests.support.clock import NOW

    d0 = clinicians_check(journal, NOW)
    with_medications(journal, d0)
    assert main(["--home", str(home), "boosters"]) == 0
    lines = capsys.readouterr().out.splitlines()
    b3 = (d0 + timedelta(days=40)).isoformat()
    assert f"{b3}  booster      35 mg  held 10 days — medication change in this cycle: " \
        f"Sertraline changed to 150 mg once a day on " \
        f"{format_date(d0 + timedelta(days=45))}" in lines
    assert sum("medication change" in line for line in lines) == 2
    assert main(["--home", str(home), "boosters", "--json"]) == 0
    cycles = json.loads(capsys.readouterr().out)["cycles"]
    assert [c["medication_changes"] for c in cycles if c["medication_changes"]] == [
        [{"day": (d0 + timedelta(days=35)).isoformat(), "name": "Lorazepam",
          "action": "start", "dose": "1 mg at night", "dose_mg": 1.0}],
        [{"day": (d0 + timedelta(days=45)).isoformat(), "name": "Sertraline",
          "action": "change", "dose": "150 mg once a day", "dose_mg": 150.0}],
    ]
