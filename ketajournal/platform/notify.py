"""System notifications with buttons, through desktop-notifier, without Qt.

:class:`Notifier` owns a private asyncio loop on a daemon thread: desktop-notifier
needs a running loop to hear clicks and closes (D-Bus signals on Linux), and the app's
main thread runs Qt's loop. Calls from any thread block briefly until the notification
is handed to the system; the ``on_event`` callback runs on the notifier's thread, so a
Qt caller forwards it to the GUI thread (a queued signal) before touching widgets.

What each platform does (docs/reminders.md):

* Linux — freedesktop notifications over the D-Bus session bus. Tested here end to
  end against dunst. Buttons show where the server advertises ``actions`` (GNOME,
  KDE, dunst, mako); clicking the body reports ``clicked``.
* macOS — Notification Center, only from a signed app bundle (desktop-notifier falls
  back to a no-op backend otherwise); callbacks need the main thread's CFRunLoop,
  which a Qt app runs. Not verified here.
* Windows 10+ — toasts through WinRT; buttons supported. Not verified here.

Nothing here decides what a notification says: callers pass the generic text unless
the patient opted in to details (see ``domain.reminders``).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from desktop_notifier import Button, Capability, DesktopNotifier, Icon, Notification
from desktop_notifier.main import get_backend_class

from ketajournal import APP_ID, APP_NAME
from ketajournal.domain.reminders import Action

log = logging.getLogger(__name__)
T = TypeVar("T")
#: How long a call waits for the system to take a notification.
CALL_TIMEOUT_S = 10.0


class EventType(StrEnum):
    """What the patient did with a notification."""

    CLICKED = "clicked"  # the body: open the app on the right form
    ACTION = "action"  # a button; ``action_id`` says which
    DISMISSED = "dismissed"  # closed by the patient (not expired, not closed by us)


@dataclass(frozen=True)
class NotificationEvent:
    """One interaction, reported to the ``on_event`` callback."""

    notification_id: str
    type: EventType
    action_id: str | None = None


@dataclass(frozen=True)
class Capabilities:
    """What the system's notification service can do here."""

    available: bool  # a notification service answered
    actions: bool  # buttons (Log mood, Snooze 1 h, This evening)
    clicks: bool  # clicking the body is reported
    dismissals: bool  # closing by the patient is reported
    backend: str  # desktop-notifier's backend class, for diagnostics

    @classmethod
    def from_library(cls, found: frozenset[Capability], backend: str) -> Capabilities:
        """Read desktop-notifier's capability set."""
        return cls(
            available=bool(found) and backend != "DummyNotificationCenter",
            actions=Capability.BUTTONS in found,
            clicks=Capability.ON_CLICKED in found,
            dismissals=Capability.ON_DISMISSED in found,
            backend=backend,
        )


EventCallback = Callable[[NotificationEvent], None]


class Notifier:
    """Sends notifications and reports clicks, button presses and dismissals.

    ``on_event`` is called on the notifier's own thread. Call :meth:`close` when done.
    """

    def __init__(self, on_event: EventCallback | None = None, *, app_name: str = APP_NAME,
                 icon_name: str = APP_ID) -> None:
        self._on_event = on_event
        # desktop-notifier logs each notification's text at DEBUG: keep it out of logs.
        library_log = logging.getLogger("desktop_notifier")
        if library_log.getEffectiveLevel() < logging.INFO:
            library_log.setLevel(logging.INFO)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="notifier", daemon=True)
        self._thread.start()
        self._notifier: DesktopNotifier = self._call(self._create(app_name, icon_name))

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    def _call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        return future.result(timeout=CALL_TIMEOUT_S)

    async def _create(self, app_name: str, icon_name: str) -> DesktopNotifier:
        notifier = DesktopNotifier(app_name=app_name, app_icon=Icon(name=icon_name))
        notifier.on_clicked = lambda nid: self._emit(NotificationEvent(nid, EventType.CLICKED))
        notifier.on_dismissed = lambda nid: self._emit(
            NotificationEvent(nid, EventType.DISMISSED)
        )
        notifier.on_button_pressed = lambda nid, button: self._emit(
            NotificationEvent(nid, EventType.ACTION, button)
        )
        return notifier

    def _emit(self, event: NotificationEvent) -> None:
        if self._on_event is None:
            return
        try:
            self._on_event(event)
        except Exception:
            # A failing handler must not stop later notifications being heard.
            log.exception("notification handler failed")

    def capabilities(self) -> Capabilities:
        """What the notification service supports; ``available`` is False without one."""
        backend = get_backend_class().__name__
        try:
            found = self._call(self._notifier.get_capabilities())
        except Exception as error:  # no session bus, no service, a broken server
            log.warning("no notification service: %s", type(error).__name__)
            found = frozenset()
        return Capabilities.from_library(found, backend)

    def send(self, title: str, body: str, actions: Sequence[Action] = ()) -> str:
        """Show a notification; return its id (reported back in events).

        Buttons are added only where the service supports them; elsewhere clicking
        the body (``clicked``) is the one way in, and callers treat it like "open".
        """
        buttons: tuple[Button, ...] = ()
        if actions and self.capabilities().actions:
            buttons = tuple(Button(title=a.label, identifier=a.id) for a in actions)
        notification = Notification(title=title, message=body, buttons=buttons)
        return self._call(self._notifier.send_notification(notification))

    def withdraw(self, notification_id: str) -> None:
        """Take a notification back (e.g. the patient logged the mood meanwhile)."""
        self._call(self._notifier.clear(notification_id))

    async def _disconnect(self) -> None:
        # The D-Bus backend keeps its connection as ``bus``; desktop-notifier has no
        # public way to close it, and an open socket at exit is a ResourceWarning.
        bus = getattr(self._notifier._backend, "bus", None)
        if bus is not None:
            bus.disconnect()
            await bus.wait_for_disconnect()

    def close(self) -> None:
        """Stop the notifier's thread. Notifications already shown stay."""
        if self._loop.is_closed():
            return
        try:
            self._call(self._disconnect())
        except Exception as error:
            log.warning("notifier did not disconnect: %s", type(error).__name__)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=CALL_TIMEOUT_S)
        self._loop.close()
