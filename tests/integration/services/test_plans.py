"""Planned sessions over a real journal: add, templates, done/missed/remove, undo and redo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from ketajournal.domain.models import Phase, Route, Session
from ketajournal.domain.schedules import SESSION_LENGTH, PlannedSession, PlanStatus
from ketajournal.domain.validation import ValidationError
from ketajournal.reports.entry_json import planned_to_json
from ketajournal.services import plans
from ketajournal.services.journal import Journal
from ketajournal.services.plans import Overdue, Plans
from tests.support.clock import NOW, FixedClock

BERLIN = ZoneInfo("Europe/Berlin")


def _plan(delta: timedelta, route: Route = Route.IV, clinic: str = "") -> PlannedSession:
    return PlannedSession(at=NOW + delta, route=route, clinic=clinic)


def test_add_then_list_upcoming_and_past(journal: Journal) -> None:
    service = Plans(journal)
    write, change = service.add_all([_plan(timedelta(days=2)), _plan(-timedelta(days=1))])
    assert change.kinds == {"planned"} and len(change.ids) == 2
    later, earlier = write.items
    assert [i.id for i in service.upcoming()] == [later.id]
    assert [i.id for i in service.past()] == [earlier.id]
    assert service.next_session() == later


def test_add_template_saves_the_label_schedule_with_its_name(journal: Journal) -> None:
    service = Plans(journal)
    write, _ = service.add_template("esketamine", date(2026, 12, 7), time(9, 30), BERLIN)
    items = service.all()
    assert len(items) == 20 == len(write.items)
    assert {i.template for i in items} == {"esketamine"}
    assert [i.session.phase for i in items[:8]] == [Phase.INDUCTION] * 8
    assert {i.session.phase for i in items[8:]} == {Phase.BOOSTER}
    assert items[0].session.at == datetime(2026, 12, 7, 9, 30, tzinfo=BERLIN)


def test_an_unknown_template_names_the_field(journal: Journal) -> None:
    with pytest.raises(ValidationError) as caught:
        plans.template_sessions("weekly-ish", date(2026, 12, 7), time(10), BERLIN)
    assert caught.value.field == "template"


def test_custom_template_repeats_with_route_and_phase() -> None:
    sessions = plans.template_sessions("custom", date(2026, 12, 1), time(10), BERLIN,
                                       every=2, unit="weeks", count=3, route="im",
                                       phase="booster")
    assert [s.at.date() for s in sessions] == [date(2026, 12, 1), date(2026, 12, 15),
                                               date(2026, 12, 29)]
    assert {s.route for s in sessions} == {Route.IM}
    assert {s.phase for s in sessions} == {Phase.BOOSTER}


def test_done_logs_a_session_from_the_plan_and_undo_takes_it_back(journal: Journal) -> None:
    service = Plans(journal)
    write, _ = service.add(_plan(-timedelta(hours=3), Route.NASAL, "Clinic A"))
    item = write.items[0]
    done, change = service.done(item.id)
    assert change.kinds == {"planned", "session"}
    sessions = journal.sessions()
    assert len(sessions) == 1
    assert (sessions[0].at, sessions[0].route, sessions[0].clinic) == (
        item.session.at, Route.NASAL, "Clinic A")
    stored = service.get(item.id)
    assert stored.status is PlanStatus.DONE and stored.session_id == sessions[0].id
    service.undo(done)
    assert journal.sessions() == [] and service.get(item.id) == item
    service.redo(done)
    assert journal.sessions() == sessions and service.get(item.id) == stored


def test_done_links_a_session_already_logged_that_day(journal: Journal) -> None:
    service = Plans(journal)
    logged, _ = journal.log(Session(at=NOW - timedelta(hours=2), route=Route.IV,
                                    phase=Phase.INDUCTION))
    write, _ = service.add(_plan(-timedelta(hours=3)))
    [overdue] = service.overdue()
    assert overdue.match == logged
    service.done(write.items[0].id)
    assert len(journal.sessions()) == 1
    assert service.get(write.items[0].id).session_id == logged.id
    assert service.overdue() == []


def test_done_before_the_time_refuses_to_log_a_future_session(journal: Journal) -> None:
    service = Plans(journal)
    write, _ = service.add(_plan(timedelta(days=1)))
    with pytest.raises(ValidationError) as caught:
        service.done(write.items[0].id)
    assert caught.value.field == "id"
    assert journal.sessions() == [] and service.get(write.items[0].id).is_open


def test_done_with_a_session_id_that_does_not_exist(journal: Journal) -> None:
    service = Plans(journal)
    write, _ = service.add(_plan(-timedelta(days=1)))
    with pytest.raises(ValidationError) as caught:
        service.done(write.items[0].id, session_id=42)
    assert caught.value.field == "session_id"


def test_missed_then_not_again_and_undo(journal: Journal) -> None:
    service = Plans(journal)
    write, _ = service.add(_plan(-timedelta(days=1)))
    item = write.items[0]
    missed, _ = service.missed(item.id)
    assert service.get(item.id).status is PlanStatus.MISSED
    assert service.overdue() == []
    with pytest.raises(ValidationError, match="already missed"):
        service.missed(item.id)
    service.undo(missed)
    assert service.get(item.id) == item


def test_remove_and_undo_keep_the_id(journal: Journal) -> None:
    service = Plans(journal)
    write, _ = service.add(_plan(timedelta(days=1)))
    item = write.items[0]
    removed, _ = service.remove(item.id)
    with pytest.raises(ValidationError) as caught:
        service.get(item.id)
    assert caught.value.field == "id"
    service.undo(removed)
    assert service.all() == [item]
    service.redo(removed)
    assert service.all() == []


def test_undo_of_an_add_removes_every_row(journal: Journal) -> None:
    service = Plans(journal)
    write, _ = service.add_template("iv-induction", date(2026, 12, 1), time(10), BERLIN)
    service.undo(write)
    assert service.count() == 0


def test_move_and_cancel(journal: Journal, clock: FixedClock) -> None:
    service = Plans(journal)
    write, _ = service.add(_plan(timedelta(days=1)))
    item = write.items[0]
    service.move(item.id, NOW + timedelta(days=3))
    assert service.get(item.id).session.at == NOW + timedelta(days=3)
    service.cancel(item.id)
    assert service.upcoming() == [] and service.get(item.id).status is PlanStatus.CANCELLED


def test_json_round_trip_and_bad_fields() -> None:
    item = plans.planned_from_json({"id": 3, "at": "2026-12-01T10:00:00+01:00", "route": "nasal",
                            "phase": "booster", "dose_mg": 56, "clinic": "A", "note": "",
                            "status": "done", "session_id": 4, "template": "esketamine"})
    assert plans.planned_from_json(planned_to_json(item)) == item
    for bad, field in [({"id": 0}, "id"), ({"status": "maybe"}, "status"),
                       ({"at": "tomorrow"}, "at"), ({"route": "pill"}, "route")]:
        with pytest.raises(ValidationError) as caught:
            plans.planned_from_json(planned_to_json(item) | bad)
        assert caught.value.field == field


def test_json_export_and_import_round_trip_the_plan_with_its_session_links(
    journal: Journal, tmp_path: Path, clock: FixedClock
) -> None:
    from ketajournal.platform.keystore import KeyringKeyStore
    from ketajournal.platform.paths import JournalPaths
    from ketajournal.services import exchange
    from ketajournal.services.opening import open_journal

    service = Plans(journal)
    service.add_template("iv-induction", date(2026, 11, 23), time(10), BERLIN)
    first = service.all()[0]
    service.done(first.id)  # logs a session from the plan and links it
    service.missed(service.all()[1].id)
    target = tmp_path / "export.json"
    journal.export_json(target)

    other = open_journal(JournalPaths(tmp_path / "other"), KeyringKeyStore(), clock=clock)
    try:
        result = exchange.import_path(other, target)
        assert (result.planned_added, result.planned_skipped) == (6, 0)
        assert "planned" in result.change.kinds
        assert "6 planned sessions added" in result.summary()
        mine, theirs = Plans(journal).all(), Plans(other).all()
        assert [planned_to_json(i) | {"id": 0, "session_id": 0} for i in theirs] == [
            planned_to_json(i) | {"id": 0, "session_id": 0} for i in mine]
        (session,) = other.sessions()
        assert theirs[0].session_id == session.id and session.at == first.session.at
        again = exchange.import_path(other, target)  # nothing new: all skipped
        assert (again.planned_added, again.planned_skipped) == (0, 6)
        assert Plans(other).count() == 6
    finally:
        other.close()


def test_an_import_with_a_bad_planned_session_writes_nothing(
    journal: Journal, tmp_path: Path
) -> None:
    import json

    from ketajournal.services import exchange
    from ketajournal.services.import_reading import ImportRejectedError

    document = journal.export_document()
    document["planned_sessions"] = [{"id": 1, "at": "2026-12-01T10:00:00+01:00",
                                     "route": "iv", "status": "someday"}]
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document))
    with pytest.raises(ImportRejectedError) as caught:
        exchange.import_path(journal, source)
    assert "planned_sessions[0]" in str(caught.value) and "status" in str(caught.value)
    assert Plans(journal).count() == 0
    twice = {"id": 1, "at": "2026-12-01T10:00:00+01:00", "route": "iv"}
    document["planned_sessions"] = [twice, twice]
    source.write_text(json.dumps(document))
    with pytest.raises(ImportRejectedError, match="appears twice"):
        exchange.import_path(journal, source)
    document["planned_sessions"] = {"1": twice}
    source.write_text(json.dumps(document))
    with pytest.raises(ImportRejectedError, match="planned_sessions: must be a list"):
        exchange.import_path(journal, source)
    assert Plans(journal).count() == 0


@pytest.mark.parametrize(("route", "length"), [
    (Route.IV, timedelta(hours=2)),
    (Route.IM, timedelta(hours=2)),
    (Route.NASAL, timedelta(hours=2, minutes=30)),  # ≥ 2 h observation after the last device
    (Route.ORAL, timedelta(hours=2, minutes=30)),
    (Route.OTHER, timedelta(hours=2, minutes=30)),
])
def test_a_session_is_asked_about_only_once_it_should_be_over(
    journal: Journal, clock: FixedClock, route: Route, length: timedelta
) -> None:
    service = Plans(journal)
    write, _ = service.add(_plan(timedelta(0), route))
    item = write.items[0]
    assert SESSION_LENGTH[route] == length and item.session.ends_at == NOW + length
    assert [o.item for o in service.overdue()] == [item]  # its time has come …
    assert service.to_ask_about() == []  # … but the patient is still in the chair
    assert service.next_end() == NOW + length
    clock.advance(length - timedelta(seconds=1))
    assert service.to_ask_about() == [] and service.next_end() == NOW + length
    clock.advance(timedelta(seconds=1))
    assert service.to_ask_about() == [Overdue(item, None)]
    assert service.next_end() is None
    service.missed(item.id)
    assert service.to_ask_about() == []


def test_the_session_length_holds_across_a_daylight_saving_change(
    journal: Journal, clock: FixedClock
) -> None:
    # 29 Mar 2026, Berlin: 02:00 CET becomes 03:00 CEST. A session planned at 01:00 is
    # over 2 h of real time later, at 04:00 on the wall clock.
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 3, 29, 1, 0, tzinfo=berlin)
    clock.current = start
    service = Plans(journal)
    (item,) = service.add(PlannedSession(at=start, route=Route.IV))[0].items
    clock.current = datetime(2026, 3, 29, 3, 59, 59, tzinfo=berlin)
    assert service.to_ask_about() == []
    clock.current = datetime(2026, 3, 29, 4, 0, tzinfo=berlin)
    assert [o.item.id for o in service.to_ask_about()] == [item.id]


@pytest.mark.parametrize(("zone", "changes", "offsets"), [
    # Berlin: summer time from 29 Mar 2026, winter time from 25 Oct 2026.
    ("Europe/Berlin", (date(2026, 3, 23), date(2026, 10, 19)), (1, 2, 2, 1)),
    # New York: daylight time from 8 Mar 2026, standard time from 1 Nov 2026.
    ("America/New_York", (date(2026, 3, 2), date(2026, 10, 26)), (-5, -4, -4, -5)),
])
def test_export_ics_writes_the_computers_named_zone_across_its_clock_changes(
    journal: Journal, clock: FixedClock, tmp_path: Path,
    process_zone: Callable[[str], None],
    zone: str, changes: tuple[date, date], offsets: tuple[int, ...],
) -> None:
    process_zone(zone)
    named = ZoneInfo(zone)
    clock.current = datetime(2026, 1, 5, 12, 0, tzinfo=named)
    service = Plans(journal)
    # A weekly plan at 10:00 on both sides of each change, saved as the journal keeps
    # times (with their fixed offset).
    sessions = [PlannedSession(at=datetime.combine(week + timedelta(days=7 * n), time(10, 0),
                                                   named), route=Route.NASAL)
                for week in changes for n in (0, 1)]
    service.add_all(sessions)
    target = tmp_path / "plan.ics"
    assert plans.export_ics(journal, target) == 4
    text = target.read_text(encoding="utf-8")
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == [zone]
    events = list(calendar.walk("VEVENT"))
    assert text.count(f"DTSTART;TZID={zone}:") == text.count(f"DTEND;TZID={zone}:") == 4
    starts = [e.decoded("dtstart") for e in events]
    assert [s.strftime("%H:%M") for s in starts] == ["10:00"] * 4  # the usual wall time
    assert [s.utcoffset() for s in starts] == [timedelta(hours=h) for h in offsets]
    assert starts == [s.at for s in sessions]  # the same instants as planned
    assert all(e.decoded("dtend") - e.decoded("dtstart") == SESSION_LENGTH[Route.NASAL]
               for e in events)


def test_export_ics_writes_utc_when_the_computers_zone_has_no_name(
    journal: Journal, tmp_path: Path, process_zone: Callable[[str], None]
) -> None:
    process_zone("CET-1CEST,M3.5.0,M10.5.0/3")  # a POSIX rule: a zone without a name
    Plans(journal).add(_plan(timedelta(days=2)))
    target = tmp_path / "plan.ics"
    plans.export_ics(journal, target)
    text = target.read_text(encoding="utf-8")
    assert "TZID" not in text and "VTIMEZONE" not in text
    (event,) = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == NOW + timedelta(days=2)
    assert event.decoded("dtstart").utcoffset() == timedelta(0)
