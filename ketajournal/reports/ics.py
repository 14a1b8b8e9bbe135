"""Planned sessions as an iCalendar file (RFC 5545) for the patient's calendar app.

Generic by default: every event is titled "Appointment" with no place, route or dose —
a calendar is synced to phones and shared more than the journal is. ``detailed=True``
adds the route, the planned dose, the clinic, the note and the esketamine session-day
advice. UIDs are stable (derived from the journal's id and the plan's id), so importing
the file again updates the events instead of duplicating them, also after a session
was moved.

Times are written in the computer's zone by name (``DTSTART;TZID=Europe/Berlin``) with
its VTIMEZONE when the name is known, so a calendar shows the usual wall-clock time on
both sides of a daylight-saving change and where the patient travels to; else in UTC,
which every calendar shows correctly too. An event whose wall time is ambiguous in the
zone (the repeated hour when the clocks go back) is written in UTC: a TZID time there
means its first occurrence (RFC 5545 3.3.5). An event blocks the session's length
(``domain.schedules.SESSION_LENGTH``: the treatment and the observation after it).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from ketajournal import APP_ID
from ketajournal.domain.models import Route
from ketajournal.domain.reminders import ESKETAMINE_NOTE
from ketajournal.domain.schedules import PlannedItem, PlannedSession
from ketajournal.platform.files import atomic_path

PRODID = f"-//ketajournal//{APP_ID}//EN"
GENERIC_TITLE = "Appointment"
_NAMESPACE = uuid.UUID("6d0f9c1e-3f57-4a53-9a5c-6b1f0e2d7c41")


def event_uid(journal_id: str, item: PlannedItem) -> str:
    """The event's UID: the same for the same journal and plan id on every export.

    Opaque (a UUID 5), so the UID says nothing about the journal.
    """
    return f"{uuid.uuid5(_NAMESPACE, f'{journal_id}/planned/{item.id}')}@ketajournal"


def build_calendar(
    items: Sequence[PlannedItem],
    *,
    journal_id: str,
    stamp: datetime,
    zone: ZoneInfo | None = None,
    detailed: bool = False,
) -> icalendar.Calendar:
    """A VCALENDAR with one VEVENT per planned session.

    ``stamp`` (timezone-aware) is the DTSTAMP. With ``zone`` the times are written in
    that zone (TZID plus its VTIMEZONE), so a calendar shows the usual wall-clock time
    on both sides of a daylight-saving change; without it (or for a time the zone's
    clock change makes ambiguous) they are written in UTC.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for item in items:
        session = item.session
        start, end = _times(session, zone)
        event = icalendar.Event()
        event.add("uid", event_uid(journal_id, item))
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", start)
        event.add("dtend", end)
        if detailed:
            dose = f" ({session.dose_mg:g} mg planned)" if session.dose_mg is not None else ""
            event.add("summary", f"{session.route.label}{dose}")
            if session.clinic:
                event.add("location", session.clinic)
            lines = [session.note] if session.note else []
            if session.route is Route.NASAL:
                lines.append(ESKETAMINE_NOTE)
            if lines:
                event.add("description", "\n".join(lines))
        else:
            event.add("summary", GENERIC_TITLE)
        event.add("class", "PRIVATE")
        calendar.add_component(event)
    if zone is not None:
        calendar.add_missing_timezones()
    return calendar


def _times(session: PlannedSession, zone: ZoneInfo | None) -> tuple[datetime, datetime]:
    """The event's start and end in ``zone`` when both read back as the same instants
    (with the fold a TZID time cannot carry), else in UTC. The end is the start plus
    the session's length in elapsed time, not on the wall clock."""
    start, end = session.at.astimezone(UTC), session.ends_at
    if zone is None:
        return start, end
    local = [t.astimezone(zone) for t in (start, end)]
    if all(t.replace(fold=0).astimezone(UTC) == t.astimezone(UTC) for t in local):
        return local[0], local[1]
    return start, end


def write_ics(
    target: Path,
    items: Sequence[PlannedItem],
    *,
    journal_id: str,
    stamp: datetime,
    zone: ZoneInfo | None = None,
    detailed: bool = False,
) -> None:
    """Write the planned sessions to ``target`` atomically (see :func:`build_calendar`)."""
    data = build_calendar(
        items, journal_id=journal_id, stamp=stamp, zone=zone, detailed=detailed
    ).to_ical()
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
