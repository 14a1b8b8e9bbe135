"""``ketajournal plan``: every command on a real journal, and bad input exiting 2."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from ketajournal.cli import main


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def listed(home: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, object]]:
    capsys.readouterr()
    assert run(home, "plan", "list", "--json", *extra) == 0
    items: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return items


def _next_monday() -> date:
    today = date.today()
    return today + timedelta(days=7 - today.weekday())


def test_template_dry_run_prints_the_label_schedule_and_saves_nothing(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monday = _next_monday()
    assert run(home, "plan", "template", "esketamine", "--start", monday.isoformat(),
               "--time", "09:30", "--weeks", "0", "--dry-run", "--json") == 0
    items = json.loads(capsys.readouterr().out)
    days = [datetime.fromisoformat(i["at"]).date() for i in items]
    assert days[:2] == [monday, monday + timedelta(days=3)]  # Monday, Thursday
    assert len(days) == 12 and days[-1] == monday + timedelta(weeks=7)
    assert {datetime.fromisoformat(i["at"]).strftime("%H:%M") for i in items} == {"09:30"}
    assert {i["id"] for i in items} == {0}
    assert not home.exists() or listed(home, capsys, "--all") == []


def test_template_saves_and_list_shows_it(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monday = _next_monday()
    assert run(home, "plan", "template", "iv-induction", "--start", monday.isoformat(),
               "--weekdays", "tue,fri", "--clinic", "North") == 0
    out = capsys.readouterr().out
    assert "Planned 6 sessions." in out
    items = listed(home, capsys)
    assert len(items) == 6 and {i["template"] for i in items} == {"iv-induction"}
    assert {datetime.fromisoformat(str(i["at"])).strftime("%a") for i in items} == {"Tue", "Fri"}
    assert run(home, "plan", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6 and "IV infusion, induction, North" in lines[0]


def test_add_takes_the_route_of_the_last_session_or_asks_for_it(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = (datetime.now().astimezone() + timedelta(days=3)).replace(microsecond=0)
    assert run(home, "plan", "add", "--at", later.isoformat()) == 2
    assert "route: must be given" in capsys.readouterr().err
    assert run(home, "log", "session", "--route", "im", "--phase", "induction") == 0
    assert run(home, "plan", "add", "--at", later.isoformat(), "--dose-mg", "50") == 0
    (item,) = listed(home, capsys)
    assert (item["route"], item["phase"], item["dose_mg"], item["status"]) == (
        "im", "booster", 50, "planned")
    assert datetime.fromisoformat(str(item["at"])) == later


def test_done_logs_the_session_from_a_past_plan(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = (datetime.now().astimezone() - timedelta(hours=5)).replace(microsecond=0)
    assert run(home, "plan", "add", "--at", earlier.isoformat(), "--route", "nasal",
               "--clinic", "Clinic A") == 0
    (item,) = listed(home, capsys)
    assert run(home, "plan", "done", str(item["id"])) == 0
    assert "logged a session from the plan" in capsys.readouterr().out
    assert listed(home, capsys) == []
    (done,) = listed(home, capsys, "--all")
    assert done["status"] == "done" and isinstance(done["session_id"], int)
    assert run(home, "plan", "done", str(item["id"])) == 2
    assert "id: is already done" in capsys.readouterr().err


def test_missed_and_remove(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    later = (datetime.now().astimezone() + timedelta(days=1)).replace(microsecond=0)
    for _ in range(2):
        assert run(home, "plan", "add", "--at", later.isoformat(), "--route", "iv") == 0
    first, second = listed(home, capsys)
    assert run(home, "plan", "missed", str(first["id"])) == 0
    assert run(home, "plan", "remove", str(second["id"])) == 0
    assert [i["status"] for i in listed(home, capsys, "--all")] == ["missed"]
    assert run(home, "plan", "remove", str(second["id"])) == 2
    assert f"no planned session with id {second['id']}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["template", "weekly", "--start", "2026-12-07"], "template"),
        (["template", "iv-induction", "--start", "7.12.2026"], "start"),
        (["template", "iv-induction", "--start", "2026-12-07", "--time", "25:00"], "time"),
        (["template", "iv-induction", "--start", "2026-12-07", "--weekdays", "mon"], "weekdays"),
        (["template", "esketamine", "--start", "2026-12-07", "--weeks", "500"], "weeks"),
        (["template", "custom", "--start", "2026-12-07", "--count", "x"], "count"),
        (["template", "custom", "--start", "2026-12-07", "--route", "pill"], "route"),
        (["add", "--at", "soon", "--route", "iv"], "at"),
        (["add", "--at", "2030-01-01T10:00", "--route", "iv", "--phase", "x"], "phase"),
        (["add", "--at", "2030-01-01T10:00", "--route", "iv", "--dose-mg", "-3"], "dose_mg"),
        (["done", "abc"], "id"),
        (["done", "1", "--session-id", "0"], "session_id"),
        (["missed", "0"], "id"),
        (["remove", "-1"], "id"),
    ],
)
def test_bad_input_exits_2_naming_the_field(
    home: Path, capsys: pytest.CaptureFixture[str], args: list[str], field: str
) -> None:
    assert run(home, "plan", *args) == 2
    err = capsys.readouterr().err
    assert f"ketajournal: {field}: " in err and "Traceback" not in err


def test_export_ics_is_generic_and_parses_back(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = (datetime.now().astimezone() + timedelta(days=2)).replace(microsecond=0)
    assert run(home, "plan", "add", "--at", later.isoformat(), "--route", "nasal",
               "--clinic", "Clinic A", "--dose-mg", "56") == 0
    target = tmp_path / "plan.ics"
    assert run(home, "plan", "export-ics", "-o", str(target)) == 0
    assert "Exported 1 planned session to" in capsys.readouterr().out
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Appointment"
    assert event.decoded("DTSTART") == later
    text = target.read_text()
    # ("56 mg", not "56": a UID or the stamp may hold those digits)
    assert "Clinic A" not in text and "56 mg" not in text and "sketamine" not in text
    assert "LOCATION" not in text and "DESCRIPTION" not in text
    assert run(home, "plan", "export-ics", "-o", str(target), "--detailed") == 0
    (event,) = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert "56 mg" in str(event["SUMMARY"]) and str(event["LOCATION"]) == "Clinic A"


def test_export_ics_refuses_the_journal_home(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "log", "mood", "5") == 0
    # The same refusal (and exit code) as every export aimed into the home.
    assert run(home, "plan", "export-ics", "-o", str(home / "plan.ics")) == 1
    assert "inside the journal's folder" in capsys.readouterr().err
    assert not (home / "plan.ics").exists()
