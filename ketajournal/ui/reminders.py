"""The reminder scheduler: a timer on the rules' wake time, notifications, and the day.

:class:`ReminderScheduler` asks :mod:`ketajournal.services.reminders` what to notify
and when to look again, and sets one single-shot timer for that moment (or midnight,
whichever is first). A heartbeat every minute notices a jump of the wall clock — a
computer that slept, or a clock that was set — and the start of a new day; then it looks
again and emits :attr:`~ReminderScheduler.day_changed`, so Today never shows yesterday.

Notifications go through a sender (``platform.notify.Notifier`` in the app). Its
callbacks arrive on the notifier's own thread: they are passed to the Qt thread by a
queued signal before anything is touched. A click or the "Log mood" button emits
:attr:`~ReminderScheduler.open_requested` with the form to open; the snooze buttons
record the snooze and the reminder comes back once.

While the journal is locked (:meth:`~ReminderScheduler.detach`) the scheduler goes on
from the state read before locking, always with the generic text, and keeps what
happened in memory until the journal is open again. A journal that starts locked has no
such state: with a ``schedule_file`` the scheduler keeps the daily reminder's time there
and, started locked (:meth:`~ReminderScheduler.start_locked`), sends the generic daily
reminder from it until the first unlock. :func:`ask_about_reminders` is the
first run's question: the daily mood reminder is off until the patient says yes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ketajournal.domain.reminders import (
    MIN_GAP,
    Action,
    Notice,
    Outcome,
    ReminderEvent,
    Snooze,
    snooze_until,
)
from ketajournal.domain.timeutil import in_zone
from ketajournal.errors import KnownError
from ketajournal.platform.clock import Clock
from ketajournal.translation import noop, translate, translator

if TYPE_CHECKING:  # the window makes the scheduler before its first paint, without these
    from ketajournal.platform.notify import EventCallback, NotificationEvent
    from ketajournal.services.journal import Journal
    from ketajournal.services.reminders import ReminderState
    from ketajournal.ui.controller import JournalController

log = logging.getLogger(__name__)

CONTEXT = "Reminders"
tr = translator("Reminders")
#: The generic words of the notifications, as the core writes them (in English): each
#: line and button is sent in the installed language. A detailed text (opted in to)
#: is sent as the core wrote it.
NOTIFICATION_TEXTS = (
    noop("Reminders", "Time to log your mood"),
    noop("Reminders", "Time for your check-in"),
    noop("Reminders", "A questionnaire is due"),
    noop("Reminders", "Appointment tomorrow"),
    noop("Reminders", "Reminders now come every other day. Change or stop them in "
                      "Settings → Reminders."),
    noop("Reminders", "Session-day advice: no driving or operating machinery until the "
                      "next day, after a night's sleep. Plan a ride home."),
    noop("Reminders", "Log mood"),
    noop("Reminders", "Fill in"),
    noop("Reminders", "Open"),
    noop("Reminders", "Snooze 1 h"),
    noop("Reminders", "This evening"),
)


def shown_notice(notice: Notice) -> tuple[str, str, tuple[Action, ...]]:
    """The title, body and buttons of ``notice`` in the installed language (its
    generic lines and buttons; what the core wrote otherwise stays as it is)."""
    body = "\n".join(translate(CONTEXT, line) for line in notice.body.split("\n"))
    actions = tuple(Action(a.id, translate(CONTEXT, a.label)) for a in notice.actions)
    return notice.title, body, actions

#: How often the wall clock is compared with the time that passed.
HEARTBEAT = timedelta(minutes=1)
#: A difference larger than this between the two is a jump (sleep, or a clock set).
JUMP = timedelta(minutes=2)
#: The longest single timer: the rules are asked again at least this often.
LONGEST_WAIT = timedelta(hours=6)


class Sender(Protocol):
    """What the scheduler needs from a notifier (``platform.notify.Notifier``)."""

    def send(self, title: str, body: str, actions: Sequence[Action] = ()) -> str:
        """Show a notification; return its id."""

    def withdraw(self, notification_id: str) -> None:
        """Take a notification back."""

    def close(self) -> None:
        """Stop listening."""


SenderFactory = Callable[["EventCallback"], Sender]


class ReminderScheduler(QObject):
    """Sends the reminders of one window's journal and watches the day.

    ``sender`` makes the notifier, given the callback for its events; without one
    nothing is sent (the demo journal) and only the day is watched. ``schedule_file``
    (``JournalPaths.reminder_schedule``) is where the daily reminder's time is kept
    outside the journal, for a start that is locked.
    """

    #: The form a reminder asks for: "mood", "questionnaire:<id>" or "planned".
    open_requested = Signal(str)
    #: A new day began (midnight, or a wake from sleep on a later day).
    day_changed = Signal()
    #: A notification event, from the notifier's thread; always connected queued.
    _heard = Signal(object)

    def __init__(
        self,
        clock: Clock,
        zone: tzinfo,
        sender: SenderFactory | None = None,
        parent: QObject | None = None,
        schedule_file: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._schedule_file = schedule_file
        self._clock = clock
        self._zone = zone
        self._journal: Journal | None = None
        self._state: ReminderState | None = None
        #: What happened while the journal was locked, written when it is open again.
        self._pending: list[ReminderEvent] = []
        #: The notifications on screen, by the id the system gave them.
        self.shown: dict[str, Notice] = {}
        #: When the next look is due (tests, diagnostics).
        self.next_check: datetime | None = None
        self._heard.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self._sender: Sender | None = None
        if sender is not None:
            self.start_sending(sender)
        now = clock()
        self._last_tick = now
        self._day = now.astimezone(zone).date()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.wake)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(int(HEARTBEAT.total_seconds() * 1000))
        self._heartbeat.timeout.connect(self.tick)
        self._heartbeat.start()

    def start_sending(self, sender: SenderFactory) -> None:
        """Make the notifier now (the window does so after its first paint: it starts a
        thread and talks to the notification service)."""
        try:
            self._sender = sender(self._heard.emit)
        except Exception as error:  # no notification service: reminders stay on Today
            log.warning("notifications unavailable: %s", type(error).__name__)

    @property
    def sends(self) -> bool:
        """Whether notifications are sent (a notifier was made)."""
        return self._sender is not None

    @property
    def locked(self) -> bool:
        """Whether the scheduler runs from the state held in memory."""
        return self._journal is None

    # -- the journal ------------------------------------------------------------------------
    def attach(self, journal: Journal) -> None:
        """The journal is open: write what happened while locked, then look."""
        self._journal = journal
        if self._pending:
            self._write(list(self._pending))
        self.check()

    def start_locked(self) -> None:
        """The journal starts locked: until it is first unlocked, send the generic daily
        reminder at the time kept in the schedule file (nothing when none is kept)."""
        from ketajournal.services import reminders

        if self._journal is not None or self._state is not None or self._schedule_file is None:
            return
        self._state = reminders.held_schedule(self._schedule_file)
        self.check()

    def detach(self) -> None:
        """The journal is about to close: keep what the rules need in memory."""
        from ketajournal.services import reminders

        if self._journal is not None and self.sends:
            self._state = reminders.snapshot(self._journal)
        self._journal = None

    def journal_changed(self) -> None:
        """Something was logged or a setting changed: take back what is no longer due."""
        from ketajournal.services import reminders

        if not self.sends or self._journal is None:
            return
        state = self._read()
        if state is not None:
            due = reminders.due_keys(state, self._clock(), self._zone)
            for notification_id, notice in list(self.shown.items()):
                if notice.key not in due:
                    self._withdraw(notification_id)
        self.check()

    # -- time -------------------------------------------------------------------------------
    def tick(self) -> None:
        """The heartbeat: a new day or a wall-clock jump means looking again now."""
        now = self._clock()
        passed = now - self._last_tick
        self._last_tick = now
        jumped = abs(passed - HEARTBEAT) > JUMP
        if self._new_day(now) or jumped:
            self.check()

    def wake(self) -> None:
        """The timer fired (a reminder's time, or midnight)."""
        self._new_day(self._clock())
        self.check()

    def _new_day(self, now: datetime) -> bool:
        day = now.astimezone(self._zone).date()
        if day == self._day:
            return False
        self._day = day
        self.day_changed.emit()
        return True

    def check(self) -> None:
        """Send what is due now (at most one) and set the timer for the next look."""
        from ketajournal.services import reminders

        now = self._clock()
        wake_at: datetime | None = None
        state = self._read() if self.sends else None
        if state is not None:
            decision = reminders.decide(state, now, self._zone, locked=self.locked)
            wake_at = decision.wake_at
            if decision.notice is not None and not self._send(decision.notice, now):
                wake_at = now + MIN_GAP  # the service did not take it: try again later
        self._schedule(now, wake_at)

    def _schedule(self, now: datetime, wake_at: datetime | None) -> None:
        tomorrow = now.astimezone(self._zone).date() + timedelta(days=1)
        midnight = in_zone(datetime.combine(tomorrow, time(0)), self._zone)
        target = min(w for w in (wake_at, midnight, now + LONGEST_WAIT) if w is not None)
        self.next_check = target
        wait_ms = max(0, int((target - now).total_seconds() * 1000))
        self._timer.start(wait_ms)

    def _read(self) -> ReminderState | None:
        from ketajournal.services import reminders

        if self._journal is not None:
            try:
                self._state = reminders.snapshot(self._journal)
            except KnownError as error:
                log.warning("reminders could not read the journal: %s", type(error).__name__)
            else:
                if self._schedule_file is not None:
                    reminders.keep_schedule(self._schedule_file, self._state.settings)
        return self._state

    # -- notifications ----------------------------------------------------------------------
    def _send(self, notice: Notice, now: datetime) -> bool:
        from ketajournal.services import reminders

        assert self._sender is not None
        try:
            notification_id = self._sender.send(*shown_notice(notice))
        except Exception as error:  # a broken or absent notification service
            log.warning("a reminder could not be shown: %s", type(error).__name__)
            return False
        self.shown[notification_id] = notice
        self._record(reminders.answered(notice, Outcome.SENT, now))
        return True

    def _withdraw(self, notification_id: str) -> None:
        self.shown.pop(notification_id, None)
        if self._sender is None:
            return
        try:
            self._sender.withdraw(notification_id)
        except Exception as error:
            log.warning("a reminder could not be withdrawn: %s", type(error).__name__)

    def _on_event(self, event: NotificationEvent) -> None:
        from ketajournal.platform.notify import EventType
        from ketajournal.services import reminders

        notice = self.shown.get(event.notification_id)
        if notice is None:
            return
        now = self._clock()
        action = event.action_id or ""
        if event.type is EventType.CLICKED or action == "open":
            self.shown.pop(event.notification_id, None)
            self._record(reminders.answered(notice, Outcome.OPENED, now))
            self.open_requested.emit(notice.target)
        elif action.startswith("snooze-"):
            self.shown.pop(event.notification_id, None)
            until = snooze_until(now, Snooze(action.removeprefix("snooze-")), self._zone)
            self._record(reminders.answered(notice, Outcome.SNOOZED, now, until))
            self.check()
        elif event.type is EventType.DISMISSED:
            self.shown.pop(event.notification_id, None)
            self._record(reminders.answered(notice, Outcome.DISMISSED, now))

    def _record(self, event: ReminderEvent) -> None:
        if self._state is not None:
            self._state = self._state.with_event(event)
        if self._journal is None:
            self._pending.append(event)
        else:
            self._write([event])

    def _write(self, events: list[ReminderEvent]) -> None:
        """Append to the stored history; what cannot be written waits for the next try."""
        from ketajournal.services import reminders

        assert self._journal is not None
        try:
            reminders.record(self._journal, events)
        except KnownError as error:  # e.g. a full disk
            log.warning("reminder history not written: %s", type(error).__name__)
            self._pending.extend(events)

    def close(self) -> None:
        """Stop the timers and the notifier (the window is quitting)."""
        self._timer.stop()
        self._heartbeat.stop()
        if self._sender is not None:
            self._sender.close()
            self._sender = None


def ask_about_reminders(parent: QWidget, controller: JournalController) -> QMessageBox:
    """First run: offer the daily mood reminder, which stays off unless accepted."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("A daily reminder?"),
        tr("Would you like a reminder to log your mood each evening at 20:00?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setInformativeText(tr(
        "It comes only on days when no mood was logged yet, and says only “Time to "
        "log your mood”. Check-ins after a session are reminded too. Change the time, "
        "or keep reminders coming while the window is closed, in Settings."
    ))
    box.setDefaultButton(QMessageBox.StandardButton.No)

    def turn_on() -> None:
        from ketajournal.services.settings import Settings

        try:
            Settings(controller.journal).set("reminders.mood", True)
        except KnownError as error:
            QMessageBox.warning(parent, tr("Settings"), str(error))
            return
        controller.notify(controller.settings_changed())

    box.button(QMessageBox.StandardButton.Yes).clicked.connect(turn_on)
    box.open()
    return box
