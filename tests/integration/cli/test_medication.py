"""``ketajournal medication``: start, change, stop, list; bad input exits 2 naming the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketajournal.cli import main


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def test_start_change_stop_and_list_on_a_day(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "medication", "start", "Sertraline", "--dose", "50 mg once a day",
               "--dose-mg", "50", "--at", "2026-09-01", "--frequency", "daily") == 0
    assert capsys.readouterr().out == "Started medication 1 on 2026-09-01.\n"
    assert run(home, "medication", "change", "sertraline", "--dose", "100 mg once a day",
               "--dose-mg", "100,0", "--at", "2026-09-20") == 0
    assert capsys.readouterr().out == "Changed medication 1 on 2026-09-20.\n"
    assert run(home, "medication", "start", "Lorazepam", "--dose", "1 mg at night",
               "--class", "benzodiazepine", "--at", "2026-10-10", "--note", "sleep") == 0
    assert run(home, "medication", "stop", "lorazepam", "--at", "2026-11-01") == 0
    assert capsys.readouterr().out.endswith("Stopped medication 2 on 2026-11-01.\n")

    assert run(home, "medication", "list", "--on", "2026-10-31", "--json") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["on"] == "2026-10-31"
    assert [(t["name"], t["dose"], t["dose_mg"], t["dose_since"]) for t in document["taken"]] \
        == [("Sertraline", "100 mg once a day", 100.0, "2026-09-20"),
            ("Lorazepam", "1 mg at night", None, "2026-10-10")]
    assert [(c["name"], c["class"], c["start"], c["stop"]) for c in document["history"]] == [
        ("Sertraline", "ssri", "2026-09-01", None),
        ("Lorazepam", "benzodiazepine", "2026-10-10", "2026-11-01")]
    assert run(home, "medication", "list", "--on", "2026-11-01") == 0
    assert capsys.readouterr().out == (
        "Taken on 2026-11-01:\n"
        "  Sertraline (Antidepressant (SSRI)): 100 mg once a day [100 mg], since 2026-09-20\n"
        "Every change:\n"
        "  2026-09-01  Sertraline started (50 mg once a day)\n"
        "  2026-09-20  Sertraline changed to 100 mg once a day\n"
        "  2026-10-10  Lorazepam started (1 mg at night)\n"
        "  2026-11-01  Lorazepam stopped\n")


@pytest.mark.parametrize(("args", "field"), [
    (["start", "X", "--dose", "1 mg", "--dose-mg", "0"], "dose_mg"),
    (["start", "X", "--dose", "1 mg", "--dose-mg", "lots"], "dose_mg"),
    (["start", "X", "--dose", " "], "dose"),
    (["start", "X", "--dose", "1 mg", "--class", "vitamin"], "class"),
    (["start", "X", "--dose", "1 mg", "--at", "yesterday"], "at"),
    (["start", "X", "--dose", "1 mg", "--at", "2999-01-01"], "at"),
    (["start", "Sertraline", "--dose", "1 mg"], "name"),  # already taken
    (["change", "Lorazepam", "--dose", "2 mg"], "name"),  # not taken
    (["stop", "Lorazepam"], "name"),
    (["list", "--on", "31/10/2026"], "on"),
])
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], args: list[str], field: str
) -> None:
    assert run(home, "medication", "start", "Sertraline", "--dose", "50 mg",
               "--at", "2026-09-01") == 0
    capsys.readouterr()
    assert run(home, "medication", *args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ketajournal: {field}: ") and "Traceback" not in err
    assert run(home, "medication", "list", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)["history"]) == 1


def test_an_action_is_required(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(home, "medication")
    assert exit_info.value.code == 2
