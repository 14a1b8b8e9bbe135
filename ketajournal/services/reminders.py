"""Reminders over one journal: what is due now, what to notify, and the reminder history.

The rules are :mod:`ketajournal.domain.reminders`; this module feeds them from the
journal. :func:`snapshot` reads what they need (the patient's reminder settings, the
latest mood, the sessions of the last 8 days, when each questionnaire was last filled,
and the history) into a :class:`ReminderState` the window keeps in memory, so
reminders go on from it while the journal is locked. :func:`decide` and :func:`due`
answer over such a state; :func:`record` appends to the history, which lives in the
journal's settings under :data:`HISTORY_KEY` as JSON and is pruned to
:data:`HISTORY_DAYS`. The sessions still planned (:mod:`ketajournal.services.plans`)
feed the appointment reminders, which are off until the patient turns them on
(``reminders.sessions``).

A journal that starts locked has no state yet. For it, :func:`keep_schedule` keeps
the daily mood reminder's time in a small file beside the journal (and removes it
while that reminder is off), and :func:`held_schedule` makes from it a state that can
only send the generic daily reminder: nothing else is kept outside the journal.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from ketajournal.domain import reminders as rules
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.reminders import (
    CHECK_INS_END,
    Decision,
    Kind,
    Logged,
    LoggedSession,
    Notice,
    Outcome,
    ReminderEvent,
    ReminderSettings,
)
from ketajournal.domain.schedules import PlannedItem
from ketajournal.domain.timeutil import to_iso
from ketajournal.platform.files import write_text_atomic
from ketajournal.services import clinical
from ketajournal.services.journal import Journal
from ketajournal.services.plans import Plans
from ketajournal.services.settings import Settings

#: The settings key that holds the reminder history (a JSON list).
HISTORY_KEY = "reminders.history"
log = logging.getLogger(__name__)

#: History older than this is dropped when a new event is recorded (back-off needs days).
HISTORY_DAYS = 30


@dataclass(frozen=True)
class ReminderState:
    """What the rules need, read from the journal once: kept in memory while locked."""

    settings: ReminderSettings
    logged: Logged
    history: tuple[ReminderEvent, ...]
    #: The sessions still planned whose time has not passed.
    planned: tuple[PlannedItem, ...] = ()

    def with_event(self, event: ReminderEvent) -> ReminderState:
        """The same state with ``event`` added to the history (in memory)."""
        return dataclasses.replace(self, history=(*self.history, event))


def reminder_settings(journal: Journal) -> ReminderSettings:
    """The patient's reminder choices, from the journal's settings."""
    settings = Settings(journal)
    hours, minutes = str(settings.get("reminders.mood_time")).split(":")
    return ReminderSettings(
        mood_enabled=bool(settings.get("reminders.mood")),
        mood_time=time(int(hours), int(minutes)),
        questionnaire_interval_days=int(settings.get("clinical.questionnaire_interval_days")),
        sessions_enabled=bool(settings.get("reminders.sessions")),
        session_lead=timedelta(hours=int(settings.get("reminders.session_lead_hours"))),
        detailed_text=bool(settings.get("reminders.detailed_text")),
    )


def logged(journal: Journal) -> Logged:
    """What the journal holds that the rules need: the last 8 days and the questionnaires."""
    now = journal.now()
    end = now + timedelta(seconds=1)
    # Every rule looks at most one check-in period back; a day more covers a zone change.
    start = now - CHECK_INS_END - timedelta(days=1)
    moods = journal.moods(start, end)
    sessions = journal.sessions(start, end)
    settings = Settings(journal)
    interval = timedelta(days=int(settings.get("clinical.questionnaire_interval_days")))
    dismissed = set(settings.get("due.dismissed"))
    questionnaires: dict[str, datetime | None] = {}
    for instrument_id in INSTRUMENTS:
        filled = journal.assessments(instrument_id)
        last = filled[-1].at if filled else None
        # Dismissed on Today for this period: no notification either (until it is due again).
        if rules.questionnaire_due_key(instrument_id, last, interval) in dismissed:
            continue
        questionnaires[instrument_id] = last
    return Logged(
        latest_mood_at=max((m.at for m in moods), default=None),
        sessions=tuple(LoggedSession(s.id, s.at) for s in sessions if s.id is not None),
        questionnaires=questionnaires,
    )


def history(journal: Journal) -> tuple[ReminderEvent, ...]:
    """The reminder history stored in the journal, oldest first (unreadable lines skipped)."""
    events = []
    for item in Settings(journal).get(HISTORY_KEY):
        try:
            events.append(_event(item))
        except (KeyError, TypeError, ValueError):
            continue  # a line edited by hand (ketajournal settings) that means nothing
    return tuple(events)


def planned(journal: Journal) -> tuple[PlannedItem, ...]:
    """The sessions still planned whose time has not passed (the appointment reminders)."""
    return tuple(Plans(journal).upcoming())


def snapshot(journal: Journal) -> ReminderState:
    """Everything the rules need from ``journal``, read now."""
    return ReminderState(reminder_settings(journal), logged(journal), history(journal),
                         planned(journal))


def keep_schedule(path: Path, settings: ReminderSettings) -> None:
    """Keep the daily mood reminder's time in ``path``, outside the journal, or remove
    the file while that reminder is off.

    Only ``{"mood_time": "HH:MM"}`` is written: no other setting, nothing logged. A file
    that cannot be written is only logged (the reminders in the window go on).
    """
    try:
        if not settings.mood_enabled:
            path.unlink(missing_ok=True)
            return
        text = json.dumps({"mood_time": settings.mood_time.strftime("%H:%M")})
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_text_atomic(path, text)
    except OSError as error:
        log.warning("the reminder time could not be kept: %s", type(error).__name__)


def held_schedule(path: Path) -> ReminderState | None:
    """The state of a window whose journal starts locked: the daily mood reminder at the
    time :func:`keep_schedule` kept, and nothing else; None when it is off (no file) or
    the file is unreadable.

    It knows nothing from the journal, so the reminder comes at its time even on a day
    the mood was already logged (the journal, once unlocked, takes over).
    """
    try:
        hours, minutes = str(json.loads(path.read_text(encoding="utf-8"))["mood_time"]).split(":")
        mood_time = time(int(hours), int(minutes))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    settings = ReminderSettings(mood_enabled=True, mood_time=mood_time, check_ins_enabled=False,
                                questionnaires_enabled=False, sessions_enabled=False,
                                detailed_text=False)
    return ReminderState(settings, Logged(), ())


def decide(
    state: ReminderState, now: datetime, zone: tzinfo, *, locked: bool = False
) -> Decision:
    """The one notice to send now (or none) and when to look again (``domain.reminders``)."""
    return rules.decide(state.settings, state.logged, state.planned, state.history, now, zone,
                        locked=locked)


def due_keys(state: ReminderState, now: datetime, zone: tzinfo) -> set[str]:
    """The keys of every reminder still due now (to take back one that was answered)."""
    return {n.key for n in rules.due_now(state.settings, state.logged, state.planned, now, zone)}


def due(journal: Journal, zone: tzinfo, *, detailed: bool = True) -> list[Notice]:
    """What is due now, most urgent first (``ketajournal due``), ignoring the history.

    ``detailed`` asks for the detailed wording whatever the notification setting (the
    command prints to the patient's own terminal).
    """
    state = snapshot(journal)
    settings = dataclasses.replace(state.settings, detailed_text=detailed)
    return rules.due_now(settings, state.logged, state.planned, journal.now(), zone)


def record(journal: Journal, events: Iterable[ReminderEvent]) -> None:
    """Append ``events`` to the stored history (one transaction), dropping old ones."""
    new = list(events)
    if not new:
        return
    kept = [*history(journal), *new]
    horizon = max(e.at for e in kept) - timedelta(days=HISTORY_DAYS)
    Settings(journal).set(HISTORY_KEY, [_as_json(e) for e in kept if e.at >= horizon])


def dismiss_due(journal: Journal, item: clinical.DueItem) -> None:
    """Dismiss a line of Today's "Due" box and silence its notification: one reminder
    history for both, so what the patient dismissed in one place does not come back in
    the other."""
    clinical.dismiss_due(journal, item.key)
    if item.reminder_key:
        record(journal, [ReminderEvent(item.reminder_key, Kind.CHECK_IN, Outcome.DISMISSED,
                                       journal.now())])


def answered(notice: Notice, outcome: Outcome, at: datetime,
             until: datetime | None = None) -> ReminderEvent:
    """The history line for what the patient did with ``notice``."""
    return ReminderEvent(notice.key, notice.kind, outcome, at, until)


def _as_json(event: ReminderEvent) -> dict[str, Any]:
    item: dict[str, Any] = {"key": event.key, "kind": event.kind.value,
                            "outcome": event.outcome.value, "at": to_iso(event.at)}
    if event.until is not None:
        item["until"] = to_iso(event.until)
    return item


def _event(item: dict[str, Any]) -> ReminderEvent:
    times = [datetime.fromisoformat(item["at"])]
    if item.get("until"):
        times.append(datetime.fromisoformat(item["until"]))
    if any(t.utcoffset() is None for t in times):
        raise ValueError("a reminder time without its offset")
    return ReminderEvent(
        key=str(item["key"]),
        kind=Kind(item["kind"]),
        outcome=Outcome(item["outcome"]),
        at=times[0],
        until=times[1] if len(times) > 1 else None,
    )


def as_json(notices: Sequence[Notice]) -> list[dict[str, str]]:
    """``due --json``: kind, key, text, since and the form a click opens."""
    return [{"kind": n.kind.value, "key": n.key, "text": n.body, "since": to_iso(n.since),
             "target": n.target} for n in notices]
