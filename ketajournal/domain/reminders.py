"""The reminder rules: what to notify now, if anything, and when to look again.

Pure functions over the reminder settings, what was logged, the planned sessions, the
reminder history and "now" — no clock, no I/O, so every rule is tested against a fake
clock. The caller (a service) sends the one :class:`Notice` :func:`decide` returns,
records a ``SENT`` event, records what the patient did with it, and calls again at
``wake_at`` or whenever the journal changes.

The rules (docs/reminders.md explains them for users):

* Remind only when something is missing: the daily mood reminder when no mood was
  logged that day; a check-in 24 h, 3 days and 7 days after a logged session when no
  mood was logged since that window opened (the windows and the rule are the ones the
  Today tab uses, ``services.clinical.due_items``); a questionnaire when none was filled
  in the last N days (at the daily reminder time); an appointment reminder the evening
  before and 1 h before each open planned session.
* One at a time: one notice per call, highest priority first, and none within
  :data:`MIN_GAP` of the previous one (except the 1-hour appointment reminder).
* Each reminder is sent once: a laptop asleep over the reminder time sends it once on
  wake, or not at all when its window has closed meanwhile (a mood reminder ends at
  midnight, a check-in when the next one starts).
* Wall-clock times: the 20:00 reminder is at 20:00 local time, on daylight-saving days too.
* Back-off: a kind of reminder ignored three days running is then sent every other day,
  and the first of those says once how to change or stop it. Answering one (opening it
  or snoozing it) or a day when nothing was missing ends the back-off.
* Privacy: generic text unless the patient opted in to details, and always while the
  journal is locked. The esketamine session-day advice (no driving until the next day
  after a night's sleep; plan a ride home) is part of the evening-before reminder
  either way, worded without naming the drug.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from enum import IntEnum, StrEnum

from ketajournal.domain import locales
from ketajournal.domain.dates import format_short_date
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import Route
from ketajournal.domain.schedules import PlannedItem, PlannedSession
from ketajournal.domain.timeutil import in_zone, local_day
from ketajournal.domain.validation import ValidationError, check_int
from ketajournal.language import N_, ngettext
from ketajournal.language import gettext as _

#: Check-ins after each session: (name, opens after the session, label). The same
#: windows as the Today tab; each lasts until the next one opens, the last for a day.
CHECK_INS: tuple[tuple[str, timedelta, str], ...] = (
    ("24h", timedelta(hours=24), N_("24 hours")),
    ("72h", timedelta(hours=72), N_("3 days")),
    ("7d", timedelta(days=7), N_("7 days")),
)
CHECK_INS_END = timedelta(days=8)
#: No second notice this soon after the previous one (the 1-hour appointment one excepted).
MIN_GAP = timedelta(minutes=30)
#: Ignored on this many days running → every other day.
BACKOFF_AFTER = 3
SNOOZE_SHORT = timedelta(hours=1)
EVENING = time(20, 0)
APP_TITLE = "ketajournal"
HINT = N_("Reminders now come every other day. Change or stop them in Settings → Reminders.")
ESKETAMINE_NOTE = N_(
    "Session-day advice: no driving or operating machinery until the next day, after a "
    "night's sleep. Plan a ride home."
)


class Kind(StrEnum):
    """A kind of reminder; back-off and settings go by kind."""

    MOOD = "mood"
    CHECK_IN = "check-in"
    QUESTIONNAIRE = "questionnaire"
    SESSION_EVENING = "session-evening"
    SESSION_SOON = "session-soon"


class Priority(IntEnum):
    """Higher first when several reminders are due at once."""

    QUESTIONNAIRE = 1
    MOOD = 2
    SESSION_EVENING = 3
    CHECK_IN = 4
    SESSION_SOON = 5


_PRIORITY = {
    Kind.MOOD: Priority.MOOD,
    Kind.CHECK_IN: Priority.CHECK_IN,
    Kind.QUESTIONNAIRE: Priority.QUESTIONNAIRE,
    Kind.SESSION_EVENING: Priority.SESSION_EVENING,
    Kind.SESSION_SOON: Priority.SESSION_SOON,
}
#: Kinds that back off when ignored. Appointment reminders come once per appointment.
_BACKS_OFF = frozenset({Kind.MOOD, Kind.CHECK_IN, Kind.QUESTIONNAIRE})


class Outcome(StrEnum):
    """What happened to a reminder, as the history records it."""

    SENT = "sent"
    OPENED = "opened"  # clicked, or an action that opens a form
    DISMISSED = "dismissed"  # closed by the patient without acting
    SNOOZED = "snoozed"  # ``until`` says when it comes back
    IGNORED = "ignored"  # expired or closed by the system without an answer


class Snooze(StrEnum):
    """The snooze choices a notification offers."""

    HOUR = "1h"
    EVENING = "evening"


@dataclass(frozen=True)
class ReminderSettings:
    """The patient's reminder choices. The daily mood reminder is off until turned on."""

    mood_enabled: bool = False
    mood_time: time = EVENING
    check_ins_enabled: bool = True
    questionnaires_enabled: bool = True
    questionnaire_interval_days: int = 14
    sessions_enabled: bool = True
    session_evening_time: time = EVENING
    session_lead: timedelta = timedelta(hours=1)
    detailed_text: bool = False

    def __post_init__(self) -> None:
        check_int("questionnaire_interval_days", self.questionnaire_interval_days, 1, 365)
        for name in ("mood_time", "session_evening_time"):
            value = getattr(self, name)
            if not isinstance(value, time) or value.tzinfo is not None:
                raise ValidationError(name, _("must be a wall-clock time from 00:00 to 23:59"))
        if not timedelta(minutes=5) <= self.session_lead <= timedelta(hours=12):
            raise ValidationError("session_lead", _("must be from 5 minutes to 12 hours"))


@dataclass(frozen=True)
class LoggedSession:
    """A session in the journal: its id (for keys) and when it was."""

    id: int
    at: datetime


@dataclass(frozen=True)
class Logged:
    """What the journal holds that the rules need (held in memory while locked).

    ``questionnaires`` maps each instrument id to when it was last filled (``None``:
    never). ``sessions`` needs only the last 8 days.
    """

    latest_mood_at: datetime | None = None
    sessions: tuple[LoggedSession, ...] = ()
    questionnaires: Mapping[str, datetime | None] = field(default_factory=dict)


@dataclass(frozen=True)
class ReminderEvent:
    """One line of the reminder history."""

    key: str
    kind: Kind
    outcome: Outcome
    at: datetime
    until: datetime | None = None  # for SNOOZED


@dataclass(frozen=True)
class Action:
    """A button on a notification. ``id`` is what comes back when it is pressed."""

    id: str
    label: str


@dataclass(frozen=True)
class Notice:
    """One reminder, ready to show. ``target`` names the form the app opens on a click."""

    kind: Kind
    key: str
    title: str
    body: str
    target: str
    since: datetime
    actions: tuple[Action, ...] = ()
    hint: bool = False


@dataclass(frozen=True)
class Decision:
    """What :func:`decide` says: notify this now (or nothing), and when to look again."""

    notice: Notice | None
    wake_at: datetime | None


@dataclass(frozen=True)
class _Candidate:
    kind: Kind
    key: str
    due_at: datetime
    until: datetime
    generic: str
    detailed: str
    target: str
    note: str = ""


SNOOZE_ACTIONS = (Action("snooze-1h", "Snooze 1 h"), Action("snooze-evening", "This evening"))


def check_in_key(session_id: int, name: str) -> str:
    """The history key of one check-in reminder (``name``: one of :data:`CHECK_INS`)."""
    return f"check-in:{session_id}:{name}"


def questionnaire_due_key(
    instrument_id: str, last_filled: datetime | None, interval: timedelta
) -> str:
    """The key of one questionnaire's due period (Today's "Due" line): its instrument and
    the day it fell due, or ``never`` — the same all through the period."""
    since = (last_filled + interval).date().isoformat() if last_filled is not None else "never"
    return f"{instrument_id}:{since}"


def snooze_until(now: datetime, choice: Snooze | str, zone: tzinfo) -> datetime:
    """When a snoozed reminder comes back: in 1 h, or "this evening" at 20:00.

    "This evening" is 20:00 local time today, or 1 h from now when that is later.
    """
    choice = Snooze(choice)
    later = now + SNOOZE_SHORT
    if choice is Snooze.HOUR:
        return later
    evening = _at(now.astimezone(zone).date(), EVENING, zone)
    return max(evening, later)


def _at(day: date, wall: time, zone: tzinfo) -> datetime:
    return in_zone(datetime.combine(day, wall), zone)


def _candidates(
    settings: ReminderSettings,
    logged: Logged,
    planned: Sequence[PlannedItem],
    now: datetime,
    zone: tzinfo,
    day: date,
) -> list[_Candidate]:
    """Every reminder whose window overlaps ``day`` and whose thing is still missing."""
    out: list[_Candidate] = []
    start_of_day = _at(day, time(0), zone)
    end_of_day = _at(day + timedelta(days=1), time(0), zone)
    latest = logged.latest_mood_at

    if settings.mood_enabled and not (latest is not None and local_day(latest) >= day):
        out.append(_Candidate(
            Kind.MOOD, f"mood:{day.isoformat()}", _at(day, settings.mood_time, zone),
            end_of_day, _("Time to log your mood"),
            _("No mood logged today: how are you feeling?"),
            "mood",
        ))

    if settings.check_ins_enabled:
        for session in logged.sessions:
            steps = [*CHECK_INS, ("end", CHECK_INS_END, "")]
            for (name, delay, label), (_next, next_delay, _label) in itertools.pairwise(steps):
                opens, closes = session.at + delay, session.at + next_delay
                if closes <= start_of_day or opens >= end_of_day:
                    continue
                if latest is not None and latest >= opens:
                    continue
                out.append(_Candidate(
                    Kind.CHECK_IN, check_in_key(session.id, name), opens, closes,
                    _("Time for your check-in"),
                    _("Check-in {after} after your session of {day}: how is your mood?").format(
                        after=_(label),
                        day=format_short_date(session.at.date(), weekday=True, padded=True)),
                    "mood",
                ))

    if settings.questionnaires_enabled:
        interval = timedelta(days=settings.questionnaire_interval_days)
        slot = _at(day, settings.mood_time, zone)
        for instrument_id, last in logged.questionnaires.items():
            if last is not None and slot - last < interval:
                continue
            name = INSTRUMENTS[instrument_id].short_title if instrument_id in INSTRUMENTS \
                else instrument_id
            detailed = (
                _("{name} is due (last filled {day}).").format(
                    name=name, day=format_short_date(last.date(), padded=True))
                if last is not None else _("{name}: not filled yet.").format(name=name)
            )
            out.append(_Candidate(
                Kind.QUESTIONNAIRE, f"questionnaire:{instrument_id}:{day.isoformat()}", slot,
                end_of_day, _("A questionnaire is due"), detailed,
                f"questionnaire:{instrument_id}",
            ))

    if settings.sessions_enabled:
        for item in planned:
            plan = item.session
            # The key holds the planned time: a moved session gets new reminders.
            stamp = plan.at.isoformat()
            what = _(plan.route.label)
            where = f" ({plan.clinic})" if plan.clinic else ""
            dose = _(", {dose} mg planned").format(dose=locales.number(f"{plan.dose_mg:g}")) \
                if plan.dose_mg is not None else ""
            evening, soon = _session_times(plan, settings, zone)
            note = _(ESKETAMINE_NOTE) if plan.route is Route.NASAL else ""
            clock = f"{plan.at.astimezone(zone):%H:%M}"
            if evening < soon:
                out.append(_Candidate(
                    Kind.SESSION_EVENING, f"session-evening:{item.id}:{stamp}", evening, soon,
                    _("Appointment tomorrow"),
                    _("{what} tomorrow at {time}{where}{dose}.").format(
                        what=what, time=clock, where=where, dose=dose),
                    "planned", note,
                ))
            lead = _lead_text(settings.session_lead)
            out.append(_Candidate(
                Kind.SESSION_SOON, f"session-soon:{item.id}:{stamp}", soon, plan.at,
                _("Appointment in {lead}").format(lead=lead),
                _("{what} at {time}{where}{dose}.").format(
                    what=what, time=clock, where=where, dose=dose),
                "planned",
            ))
    return [c for c in out if c.until > start_of_day and c.due_at < end_of_day]


def _session_times(
    session: PlannedSession, settings: ReminderSettings, zone: tzinfo
) -> tuple[datetime, datetime]:
    """(the evening before, the lead time before) a planned session."""
    session_day = session.at.astimezone(zone).date()
    evening = _at(session_day - timedelta(days=1), settings.session_evening_time, zone)
    return evening, session.at - settings.session_lead


def _lead_text(lead: timedelta) -> str:
    minutes = int(lead.total_seconds() // 60)
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("{n} hour", "{n} hours", hours).format(n=hours)
    return ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)


def _events_by_key(history: Iterable[ReminderEvent]) -> dict[str, list[ReminderEvent]]:
    by_key: dict[str, list[ReminderEvent]] = {}
    for event in sorted(history, key=lambda e: e.at):
        by_key.setdefault(event.key, []).append(event)
    return by_key


def _waiting(events: list[ReminderEvent], now: datetime) -> tuple[bool, datetime | None]:
    """(may send now, snoozed until) for one reminder given its own history."""
    if not events:
        return True, None
    last = events[-1]
    if last.outcome is Outcome.SNOOZED and last.until is not None:
        return now >= last.until, last.until if now < last.until else None
    # Sent, opened, dismissed or ignored: this reminder has had its turn.
    return False, None


def _answered(events: list[ReminderEvent]) -> bool:
    return any(e.outcome in (Outcome.OPENED, Outcome.SNOOZED) for e in events)


def _backoff(
    kind: Kind, history: Sequence[ReminderEvent], today: date, zone: tzinfo
) -> tuple[bool, bool]:
    """(skip today, add the hint) for a kind that backs off.

    The chain: this kind's sends before today, newest first, each ignored (no open,
    no snooze), each at most 2 days after the one before, the newest yesterday or the
    day before. The back-off is on when the chain holds sends on three days running;
    then a send comes only two days after the last, and the first such send carries
    the hint.
    """
    by_key = _events_by_key(e for e in history if e.kind is kind)
    sends: dict[date, bool] = {}  # day -> ignored (all that day's sends unanswered)
    for events in by_key.values():
        for event in events:
            if event.outcome is Outcome.SENT:
                day = event.at.astimezone(zone).date()
                if day < today:
                    sends[day] = sends.get(day, True) and not _answered(events)
    chain: list[date] = []
    expected = today
    for day in sorted(sends, reverse=True):
        if (expected - day).days > 2 or not sends[day]:
            break
        chain.append(day)
        expected = day
    chain.reverse()  # oldest first
    for index in range(len(chain) - BACKOFF_AFTER + 1):
        window = chain[index : index + BACKOFF_AFTER]
        if (window[-1] - window[0]).days == BACKOFF_AFTER - 1:
            started = index + BACKOFF_AFTER - 1
            skip = (today - chain[-1]).days < 2
            return skip, not skip and started == len(chain) - 1
    return False, False


def _notice(candidate: _Candidate, detailed: bool, hint: bool) -> Notice:
    body = candidate.detailed if detailed else candidate.generic
    title = APP_TITLE
    lines = [body]
    if candidate.note:
        lines.append(candidate.note)
    if hint:
        lines.append(_(HINT))
    actions: tuple[Action, ...]
    if candidate.kind in (Kind.MOOD, Kind.CHECK_IN):
        actions = (Action("open", "Log mood"), *SNOOZE_ACTIONS)
    elif candidate.kind is Kind.QUESTIONNAIRE:
        actions = (Action("open", "Fill in"), *SNOOZE_ACTIONS)
    else:
        actions = (Action("open", "Open"),)
    return Notice(candidate.kind, candidate.key, title, "\n".join(lines), candidate.target,
                  candidate.due_at, actions, hint)


def due_now(
    settings: ReminderSettings,
    logged: Logged,
    planned: Sequence[PlannedItem],
    now: datetime,
    zone: tzinfo,
    *,
    locked: bool = False,
) -> list[Notice]:
    """Everything missing right now, highest priority first (for ``ketajournal due``).

    Ignores the history: a reminder already sent or snoozed is still listed while the
    thing it asks for is missing.
    """
    today = now.astimezone(zone).date()
    detailed = settings.detailed_text and not locked
    found = [
        c for c in _candidates(settings, logged, planned, now, zone, today)
        if c.due_at <= now < c.until
    ]
    found.sort(key=lambda c: (-_PRIORITY[c.kind], c.due_at, c.key))
    return [_notice(c, detailed, hint=False) for c in found]


def decide(
    settings: ReminderSettings,
    logged: Logged,
    planned: Sequence[PlannedItem],
    history: Sequence[ReminderEvent],
    now: datetime,
    zone: tzinfo,
    *,
    locked: bool = False,
) -> Decision:
    """The one notice to send now (or ``None``) and when to call again.

    ``now`` is timezone-aware; ``zone`` is the patient's zone (wall-clock times are
    read in it). ``locked`` forces the generic text. ``wake_at`` is the earliest moment
    something may change without the journal changing (``None``: nothing scheduled).
    """
    if now.utcoffset() is None:
        raise ValidationError("now", _("must be a date and time with its time zone"))
    today = now.astimezone(zone).date()
    detailed = settings.detailed_text and not locked
    by_key = _events_by_key(history)
    last_sent = max((e.at for e in history if e.outcome is Outcome.SENT), default=None)
    gap_ends = last_sent + MIN_GAP if last_sent is not None else None

    sent_today = {
        e.kind for e in history
        if e.outcome is Outcome.SENT and e.at.astimezone(zone).date() == today
    }
    wakes: list[datetime] = []
    ready: list[tuple[_Candidate, bool]] = []
    backoffs = {k: _backoff(k, history, today, zone) for k in _BACKS_OFF}
    for candidate in _candidates(settings, logged, planned, now, zone, today):
        if now >= candidate.until:
            continue
        may_send, snoozed_until = _waiting(by_key.get(candidate.key, []), now)
        if snoozed_until is not None and snoozed_until < candidate.until:
            wakes.append(snoozed_until)
        if not may_send:
            continue
        if now < candidate.due_at:
            wakes.append(candidate.due_at)
            continue
        skip, hint = backoffs.get(candidate.kind, (False, False))
        if skip:
            continue
        # Once: not again for a second reminder of the same kind today.
        hint = hint and candidate.kind not in sent_today
        ready.append((candidate, hint))

    notice: Notice | None = None
    if ready:
        ready.sort(key=lambda r: (-_PRIORITY[r[0].kind], r[0].due_at, r[0].key))
        first, hint = ready[0]
        blocked = (gap_ends is not None and now < gap_ends
                   and first.kind is not Kind.SESSION_SOON)
        if blocked:
            assert gap_ends is not None
            wakes.append(gap_ends)
        else:
            notice = _notice(first, detailed, hint)
            if len(ready) > 1:
                wakes.append(now + MIN_GAP)

    # Later reminders: tomorrow's daily ones, check-ins and appointments further ahead.
    tomorrow = today + timedelta(days=1)
    for candidate in _candidates(settings, logged, planned, now, zone, tomorrow):
        if candidate.key not in by_key:
            wakes.append(candidate.due_at)
    if settings.check_ins_enabled:
        wakes.extend(s.at + delay for s in logged.sessions for _name, delay, _label in CHECK_INS)
    if settings.sessions_enabled:
        for item in planned:
            wakes.extend(_session_times(item.session, settings, zone))
    wake_at = min((w for w in wakes if w > now), default=None)
    return Decision(notice, wake_at)
