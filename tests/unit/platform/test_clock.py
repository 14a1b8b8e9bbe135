"""The system clock: now, timezone-aware, to the second; the computer's zone keeps wall-clock
times across daylight-saving changes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ketajournal.domain.reminders import Logged, ReminderSettings, decide
from ketajournal.domain.timeutil import in_zone
from ketajournal.platform.clock import local_zone, system_now


@pytest.fixture
def berlin_computer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("berlin_computer")
@pytest.mark.parametrize("day", [date(2026, 3, 28), date(2026, 3, 29), date(2026, 10, 25),
                                 date(2026, 7, 1), date(2026, 12, 1)])
def test_local_zone_gives_the_same_instants_as_the_named_zone(day: date) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    zone = local_zone()
    for hour in range(24):
        wall = datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)
        assert in_zone(wall, zone) == in_zone(wall, berlin), wall
        instant = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
        mine, theirs = instant.astimezone(zone), instant.astimezone(berlin)
        assert mine.replace(tzinfo=None) == theirs.replace(tzinfo=None)
        assert mine.utcoffset() == theirs.utcoffset()
        assert mine.fold == theirs.fold


@pytest.mark.usefixtures("berlin_computer")
def test_the_evening_reminder_stays_at_20_on_the_wall_clock_when_clocks_go_forward() -> None:
    settings = ReminderSettings(mood_enabled=True, check_ins_enabled=False,
                                questionnaires_enabled=False, sessions_enabled=False)
    saturday_night = datetime(2026, 3, 28, 21, tzinfo=ZoneInfo("Europe/Berlin"))
    wake = decide(settings, Logged(latest_mood_at=saturday_night), (), [], saturday_night,
                  local_zone()).wake_at
    assert wake is not None
    assert wake.astimezone(ZoneInfo("Europe/Berlin")) == datetime(
        2026, 3, 29, 20, tzinfo=ZoneInfo("Europe/Berlin"))
    assert wake.utcoffset() == timedelta(hours=2)



def test_system_now_is_timezone_aware_whole_seconds_and_now() -> None:
    now = system_now()
    assert now.tzinfo is not None and now.utcoffset() is not None
    assert now.microsecond == 0
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)
