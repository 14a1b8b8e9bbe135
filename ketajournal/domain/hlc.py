"""Hybrid logical clock stamps: the "last change" time of a record on any device.

A stamp is (physical milliseconds, logical counter, device id), compared in that
order (Kulkarni et al., "Logical Physical Clocks", 2014). A device's clock
never goes backwards even when the computer's clock does; receiving a stamp
from another device moves the local clock past it, so an edit made after
seeing another device's change always stamps later than that change, whatever
the two computers' clocks say. Equal physical time and counter fall back to
the device id, so two stamps from different devices are never equal.

The text form ``<13 hex digits ms>-<4 hex digits counter>-<device>`` sorts as a
string exactly as the stamps sort, so it can be stored and indexed as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WALL_MAX = 16**13 - 1
COUNTER_MAX = 16**4 - 1
#: Device ids are also folder names in the sync folder: lower-case letters,
#: digits and dashes only, so they mean the same on every file system.
DEVICE_PATTERN = r"[0-9a-z][0-9a-z-]{0,63}"
_DEVICE = re.compile(DEVICE_PATTERN)
_STAMP = re.compile(rf"([0-9a-f]{{13}})-([0-9a-f]{{4}})-({DEVICE_PATTERN})")


def is_device_id(text: str) -> bool:
    """True if ``text`` can be a device id (and so a folder name in the sync folder)."""
    return bool(_DEVICE.fullmatch(text))


@dataclass(frozen=True, order=True)
class Stamp:
    """One hybrid-logical-clock reading; the dataclass order is the clock's total order."""

    wall_ms: int
    counter: int
    device: str

    def __post_init__(self) -> None:
        if not 0 <= self.wall_ms <= WALL_MAX:
            raise ValueError("stamp time out of range")
        if not 0 <= self.counter <= COUNTER_MAX:
            raise ValueError("stamp counter out of range")
        if not is_device_id(self.device):
            raise ValueError("not a device id")

    def __str__(self) -> str:
        return f"{self.wall_ms:013x}-{self.counter:04x}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        """The stamp written as ``text`` by ``str(stamp)``; ValueError if malformed."""
        match = _STAMP.fullmatch(text)
        if match is None:
            raise ValueError("not a clock stamp")
        return cls(int(match[1], 16), int(match[2], 16), match[3])


class ClockDriftError(Exception):
    """A remote stamp lies further in the future than the clock accepts."""


class HybridClock:
    """The hybrid logical clock of one device.

    ``last`` restores the newest stamp this device issued or received (stored
    with the journal), so the clock survives restarts. ``max_drift_ms``, when
    set, refuses remote stamps more than that far ahead of local time, so one
    computer with its date set years ahead cannot make its edits win forever.
    """

    def __init__(
        self, device: str, last: Stamp | None = None, *, max_drift_ms: int | None = None
    ) -> None:
        if not is_device_id(device):
            raise ValueError("not a device id")
        self.device = device
        self._wall = last.wall_ms if last is not None else 0
        self._counter = last.counter if last is not None else 0
        self.max_drift_ms = max_drift_ms

    @property
    def last(self) -> Stamp:
        """The newest reading of this clock (store it to resume after a restart)."""
        return Stamp(self._wall, self._counter, self.device)

    def _advance(self, wall: int, counter: int) -> Stamp:
        if counter > COUNTER_MAX:  # 65,536 events in one millisecond: borrow the next
            wall, counter = wall + 1, 0
        if wall > WALL_MAX:
            raise ValueError("clock time out of range")
        self._wall, self._counter = wall, counter
        return self.last

    def tick(self, now_ms: int) -> Stamp:
        """A stamp for a local change at physical time ``now_ms``, later than any before.

        A physical clock that went backwards is ignored: the stamp keeps the
        newest time seen and counts up.
        """
        if now_ms > self._wall:
            return self._advance(now_ms, 0)
        return self._advance(self._wall, self._counter + 1)

    def receive(self, remote: Stamp, now_ms: int) -> Stamp:
        """Take in a stamp read from another device; return a stamp later than both.

        Raises :class:`ClockDriftError` (and changes nothing) if ``max_drift_ms``
        is set and ``remote`` is further ahead of ``now_ms`` than that.
        """
        if self.max_drift_ms is not None and remote.wall_ms - now_ms > self.max_drift_ms:
            raise ClockDriftError("a stamp from another device lies too far in the future")
        wall = max(self._wall, remote.wall_ms, now_ms)
        if wall == self._wall == remote.wall_ms:
            counter = max(self._counter, remote.counter) + 1
        elif wall == self._wall:
            counter = self._counter + 1
        elif wall == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        return self._advance(wall, counter)
