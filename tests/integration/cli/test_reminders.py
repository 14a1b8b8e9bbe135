"""``ketajournal due``: what is due now, from a real journal."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ketajournal.cli import main


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def test_due_lists_the_check_in_after_a_session_then_nothing_once_mood_is_logged(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now().astimezone().replace(microsecond=0)
    for instrument, answers in (("phq9", "1,1,1,1,1,1,1,1,0"), ("gad7", "1,1,1,1,1,1,1")):
        assert run(home, "log", instrument, answers, "--at", now.isoformat()) == 0
    session_at = now - timedelta(hours=30)
    assert run(home, "log", "session", "--route", "iv", "--phase", "booster",
               "--at", session_at.isoformat()) == 0
    capsys.readouterr()

    assert run(home, "due", "--json") == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["kind"] == "check-in" and item["target"] == "mood"
    assert item["key"].endswith(":24h")
    assert datetime.fromisoformat(item["since"]) == session_at + timedelta(hours=24)
    assert "24 hours" in item["text"]

    assert run(home, "due") == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("check-in: Check-in 24 hours after your session")
    assert "(since " in line

    assert run(home, "log", "mood", "6") == 0
    capsys.readouterr()
    assert run(home, "due") == 0
    assert capsys.readouterr().out.strip() == "Nothing is due."
    assert run(home, "due", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_the_daily_mood_is_listed_only_once_its_reminder_is_on(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now().astimezone()
    assert run(home, "log", "gad7", "1,1,1,1,1,1,1") == 0  # a journal with no mood in it
    assert run(home, "settings", "reminders.mood_time", json.dumps("00:00")) == 0
    capsys.readouterr()
    assert run(home, "due", "--json") == 0
    kinds = [i["kind"] for i in json.loads(capsys.readouterr().out)]
    assert "mood" not in kinds
    assert run(home, "settings", "reminders.mood", "true") == 0
    capsys.readouterr()
    assert run(home, "due", "--json") == 0
    items = json.loads(capsys.readouterr().out)
    mood = [i for i in items if i["kind"] == "mood"]
    assert len(mood) == 1 and mood[0]["key"] == f"mood:{now.date().isoformat()}"


def test_due_lists_a_planned_session_soon_once_appointment_reminders_are_on(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    soon = (datetime.now().astimezone() + timedelta(minutes=30)).replace(microsecond=0)
    assert run(home, "plan", "add", "--at", soon.isoformat(), "--route", "iv") == 0
    capsys.readouterr()
    assert run(home, "due", "--json") == 0
    assert "session-soon" not in [i["kind"] for i in json.loads(capsys.readouterr().out)]
    assert run(home, "settings", "reminders.sessions", "true") == 0
    capsys.readouterr()
    assert run(home, "due", "--json") == 0
    soon_items = [i for i in json.loads(capsys.readouterr().out) if i["kind"] == "session-soon"]
    assert len(soon_items) == 1 and soon_items[0]["target"] == "planned"
