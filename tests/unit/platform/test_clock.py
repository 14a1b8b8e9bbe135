"""The system clock: now, timezone-aware, to the second."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ketajournal.platform.clock import system_now


def test_system_now_is_timezone_aware_whole_seconds_and_now() -> None:
    now = system_now()
    assert now.tzinfo is not None and now.utcoffset() is not None
    assert now.microsecond == 0
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)
