"""The .ics export, parsed back with icalendar."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from ketajournal.domain import schedules
from ketajournal.domain.models import Route
from ketajournal.domain.reminders import ESKETAMINE_NOTE
from ketajournal.domain.schedules import PlannedItem, PlannedSession
from ketajournal.reports.ics import GENERIC_TITLE, event_uid, write_ics

BERLIN = ZoneInfo("Europe/Berlin")
STAMP = datetime(2026, 1, 2, 9, 0, tzinfo=UTC)


def _plan() -> list[PlannedItem]:
    sessions = schedules.iv_induction(date(2026, 3, 20), time(10, 0), BERLIN, dose_mg=35,
                                      clinic="North clinic")
    return [PlannedItem(i + 1, s) for i, s in enumerate(sessions)]


def _read(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar["version"] == "2.0"
    assert "ketajournal" in str(calendar["prodid"])
    return list(calendar.walk("VEVENT"))


def test_generic_events_hold_nothing_but_the_time(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    write_ics(target, _plan(), journal_id="j1", stamp=STAMP)
    events = _read(target)
    assert len(events) == 6
    assert {str(e["summary"]) for e in events} == {GENERIC_TITLE}
    for event in events:
        assert set(event) == {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "CLASS"}
        assert str(event["class"]) == "PRIVATE"
    text = target.read_text(encoding="utf-8")
    for secret in ("infusion", "North", "mg", "Esketamine"):
        assert secret not in text, secret
    # UTC by default: the same instants, and the wall clock moves with summer time.
    starts = [e.decoded("dtstart") for e in events]
    assert [s.isoformat() for s in starts] == [
        "2026-03-20T09:00:00+00:00", "2026-03-23T09:00:00+00:00",
        "2026-03-25T09:00:00+00:00", "2026-03-27T09:00:00+00:00",
        "2026-03-30T08:00:00+00:00", "2026-04-01T08:00:00+00:00",
    ]
    # Each blocks the session's length: the infusion and the recovery after it.
    assert all(e.decoded("dtend") - e.decoded("dtstart") == timedelta(hours=2) for e in events)
    assert events[0].decoded("dtstamp") == STAMP


def test_zone_events_keep_the_local_time_and_carry_a_vtimezone(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    write_ics(target, _plan(), journal_id="j1", stamp=STAMP, zone=BERLIN)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    events = list(calendar.walk("VEVENT"))
    assert "DTSTART;TZID=Europe/Berlin:20260330T100000" in target.read_text(encoding="utf-8")
    starts = [e.decoded("dtstart") for e in events]
    assert {s.strftime("%H:%M") for s in starts} == {"10:00"}
    assert [s.utcoffset() for s in starts] == [timedelta(hours=1)] * 4 + [timedelta(hours=2)] * 2


def test_detailed_events_name_route_dose_clinic_and_the_esketamine_advice(
    tmp_path: Path,
) -> None:
    nasal = PlannedItem(9, PlannedSession(at=datetime(2026, 1, 8, 10, tzinfo=BERLIN),
                                          route=Route.NASAL, dose_mg=84, clinic="North clinic",
                                          note="Bring the BP log"))
    target = tmp_path / "plan.ics"
    write_ics(target, [*_plan()[:1], nasal], journal_id="j1", stamp=STAMP, detailed=True)
    iv, spray = _read(target)
    assert str(iv["summary"]) == "IV infusion (35 mg planned)"
    assert str(iv["location"]) == "North clinic"
    assert "description" not in iv
    assert str(spray["summary"]) == "Esketamine nasal spray (84 mg planned)"
    assert str(spray["description"]) == f"Bring the BP log\n{ESKETAMINE_NOTE}"
    # Up to three devices, then at least 2 h of observation (the label).
    assert spray.decoded("dtend") - spray.decoded("dtstart") == timedelta(hours=2, minutes=30)


def test_uids_are_stable_opaque_and_survive_a_move(tmp_path: Path) -> None:
    items = _plan()
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_ics(first, items, journal_id="j1", stamp=STAMP)
    moved = [PlannedItem(items[0].id, PlannedSession(
        at=items[0].session.at + timedelta(days=1), route=Route.IV)), *items[1:]]
    write_ics(second, moved, journal_id="j1", stamp=STAMP + timedelta(days=3))
    uids = [str(e["uid"]) for e in _read(first)]
    assert uids == [str(e["uid"]) for e in _read(second)]
    assert len(set(uids)) == 6
    assert uids[0] == event_uid("j1", items[0])
    assert event_uid("j2", items[0]) != uids[0]
    assert all(u.endswith("@ketajournal") and "j1" not in u for u in uids)


def test_replaces_the_file_leaving_no_temporary_behind(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    target.write_text("old", encoding="utf-8")
    write_ics(target, _plan(), journal_id="j1", stamp=STAMP)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.ics"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o077 == 0


def test_the_repeated_hour_is_written_in_utc_and_the_rest_in_the_zone(tmp_path: Path) -> None:
    # 1 Nov 2026, New York: 01:00-01:59 happens twice (EDT, then EST). A TZID time there
    # means the first (RFC 5545), so the second is written in UTC to keep its instant.
    york = ZoneInfo("America/New_York")
    first = datetime(2026, 11, 1, 1, 30, tzinfo=york)
    second = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=york)
    night = datetime(2026, 11, 1, 0, 30, tzinfo=york)  # ends in the second 01:30
    items = [PlannedItem(i, PlannedSession(at=at, route=Route.IM))
             for i, at in enumerate((first, second, night), start=1)]
    target = tmp_path / "plan.ics"
    write_ics(target, items, journal_id="j1", stamp=STAMP, zone=york)
    text = target.read_text(encoding="utf-8")
    assert "DTSTART;TZID=America/New_York:20261101T013000" in text
    assert "DTSTART:20261101T063000Z" in text and "DTSTART:20261101T043000Z" in text
    events = _read(target)
    # (as instants: Python never finds an ambiguous time equal to one in another zone)
    assert [e.decoded("dtstart").timestamp() for e in events] == [
        t.timestamp() for t in (first, second, night)]
    assert second.timestamp() - first.timestamp() == 3600
    assert all(e.decoded("dtend").timestamp() - e.decoded("dtstart").timestamp() == 7200
               for e in events)


def test_an_event_over_the_spring_change_blocks_its_real_length(tmp_path: Path) -> None:
    # 29 Mar 2026, Berlin: 02:00 becomes 03:00. 01:00 + 2 h of real time is 04:00.
    item = PlannedItem(1, PlannedSession(at=datetime(2026, 3, 29, 1, 0, tzinfo=BERLIN),
                                         route=Route.IV))
    target = tmp_path / "plan.ics"
    write_ics(target, [item], journal_id="j1", stamp=STAMP, zone=BERLIN)
    assert "DTEND;TZID=Europe/Berlin:20260329T040000" in target.read_text(encoding="utf-8")
