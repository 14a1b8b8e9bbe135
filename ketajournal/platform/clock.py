"""The clock, injectable so tests can fix "now"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def system_now() -> datetime:
    """Now, in the computer's local zone, timezone-aware, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)
