"""A fixed clock for tests: "now" is whatever the test says (a fake at the edge)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

#: "Now" in tests: a fixed Friday evening, UTC+1.
NOW = datetime(2026, 11, 27, 21, 0, tzinfo=timezone(timedelta(hours=1)))


class FixedClock:
    """A clock that says what the test wants; ``advance`` moves it."""

    def __init__(self, now: datetime = NOW) -> None:
        self.current = now

    def __call__(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta
