"""The notification service's edge for window tests: a recorder instead of the desktop's.

The real notifier is tested against dunst (tests/integration/ui/test_reminders_dunst.py).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from ketajournal.domain.reminders import Action
from ketajournal.platform.notify import EventCallback, EventType, NotificationEvent


class Recorder:
    """The notification service's edge: records what was shown and taken back."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, tuple[str, ...]]] = []
        self.withdrawn: list[str] = []
        self.on_event: EventCallback | None = None
        self.closed = False
        #: How many times the window made its sender from this factory.
        self.made = 0

    def __call__(self, on_event: EventCallback) -> Recorder:
        self.on_event = on_event
        self.made += 1
        return self

    def send(self, title: str, body: str, actions: Sequence[Action] = ()) -> str:
        self.sent.append((title, body, tuple(a.id for a in actions)))
        return f"n{len(self.sent)}"

    def withdraw(self, notification_id: str) -> None:
        self.withdrawn.append(notification_id)

    def close(self) -> None:
        self.closed = True

    def press(self, notification_id: str, kind: EventType, action: str | None = None) -> None:
        """What the patient does, reported from another thread like desktop-notifier's."""
        assert self.on_event is not None
        event = NotificationEvent(notification_id, kind, action)
        thread = threading.Thread(target=self.on_event, args=(event,))
        thread.start()
        thread.join()
