"""Entries and planned sessions in the shape of the JSON export."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ketajournal.domain.models import BloodPressure, Phase, Route, Session
from ketajournal.domain.schedules import PlannedItem, PlannedSession, PlanStatus
from ketajournal.reports.entry_json import entry_to_json, planned_to_json

AT = datetime(2026, 3, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))


def test_an_entry_keeps_its_offset_and_its_lived_day() -> None:
    session = Session(at=AT, route=Route.IV, phase=Phase.INDUCTION, dose_mg=35.0,
                      bp_before=BloodPressure(120, 80))
    data = entry_to_json(session)
    assert (data["at"], data["day"]) == ("2026-03-01T00:30:00+01:00", "2026-03-01")
    assert (data["route"], data["phase"], data["dose_mg"]) == ("iv", "induction", 35.0)
    assert data["bp_before"] == {"systolic": 120, "diastolic": 80}
    assert data["bp_after"] is None


def test_a_planned_session_is_written_with_its_status_and_link() -> None:
    item = PlannedItem(2, PlannedSession(at=AT, route=Route.NASAL, phase=Phase.BOOSTER,
                                         dose_mg=56.0), PlanStatus.DONE, 7)
    assert planned_to_json(item) == {
        "id": 2, "at": "2026-03-01T00:30:00+01:00", "route": "nasal", "phase": "booster",
        "dose_mg": 56.0, "clinic": "", "note": "", "status": "done", "session_id": 7,
        "template": "",
    }
