"""Global ids for journal records: UUIDv7 (RFC 9562 §5.7), time-ordered, from the stdlib.

Python 3.11 has no ``uuid.uuid7``, so it is built here. The layout (big-endian):

====  ======  ==========================================================
bits  field   content
====  ======  ==========================================================
48    unix_ts milliseconds since the Unix epoch
4     ver     ``0111`` (7)
12    rand_a  the high 12 bits of a 42-bit counter (RFC 9562 §6.2, method 1)
2     var     ``10`` (the RFC 9562 variant)
30    rand_b  the low 30 bits of that counter
32    rand_b  fresh random bits from ``os.urandom`` in every id
====  ======  ==========================================================

Within one millisecond the counter goes up by one, so ids made by one generator
sort in the order they were made — also when the clock stands still or jumps
backwards (the generator keeps the newest millisecond it used). Each new
millisecond seeds the counter randomly with its top bit clear, which leaves at
least 2**41 ids of headroom before it would spill into the next millisecond.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
import uuid
from collections.abc import Callable

COUNTER_BITS = 42
_COUNTER_MAX = (1 << COUNTER_BITS) - 1
_TIME_MAX = (1 << 48) - 1
_CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def _system_ms() -> int:
    return time.time_ns() // 1_000_000


class Uuid7Generator:
    """Makes UUIDv7 values that strictly increase for the life of the generator.

    ``clock`` returns Unix milliseconds and ``random_bytes(n)`` returns n random
    bytes; both are injectable for tests. Thread-safe.
    """

    def __init__(
        self,
        clock: Callable[[], int] = _system_ms,
        random_bytes: Callable[[int], bytes] = os.urandom,
    ) -> None:
        self._clock = clock
        self._random = random_bytes
        self._lock = threading.Lock()
        self._last_ms = -1
        self._counter = 0

    def new(self) -> uuid.UUID:
        """A new UUIDv7, greater than every one this generator made before."""
        with self._lock:
            now = self._clock()
            if not 0 <= now <= _TIME_MAX:
                raise ValueError("the clock is outside the UUIDv7 time range")
            if now > self._last_ms:
                self._last_ms = now
                seed = int.from_bytes(self._random(6), "big")
                self._counter = seed & (_COUNTER_MAX >> 1)
            else:  # same millisecond, or the clock went back: keep counting
                self._counter += 1
                if self._counter > _COUNTER_MAX:
                    self._last_ms += 1  # RFC 9562 §6.2: borrow the next millisecond
                    self._counter = 0
                if self._last_ms > _TIME_MAX:
                    raise ValueError("the UUIDv7 time range is exhausted")
            ms, counter = self._last_ms, self._counter
            tail = int.from_bytes(self._random(4), "big")
        rand_a = counter >> 30
        rand_b_high = counter & ((1 << 30) - 1)
        value = (
            (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | (rand_b_high << 32) | tail
        )
        return uuid.UUID(int=value)


_DEFAULT = Uuid7Generator()


def new_id() -> str:
    """A new global id: a UUIDv7 in its canonical lower-case text form."""
    return str(_DEFAULT.new())


def natural_id(kind: str, key: str) -> str:
    """The global id of the record of ``kind`` whose unique key is ``key``, the same on
    every computer: a name-based id (SHA-256 of the kind and the key) in the UUIDv7
    layout, so two computers that both create the tag "walk" create one record.

    Its time field is hash bits, not a time: it does not sort by creation.
    """
    digest = hashlib.sha256(f"ketajournal natural id\0{kind}\0{key}".encode()).digest()
    value = int.from_bytes(digest[:16], "big")
    value = (value & ~(0xF << 76)) | (0x7 << 76)
    value = (value & ~(0b11 << 62)) | (0b10 << 62)
    return str(uuid.UUID(int=value))


def is_global_id(text: str) -> bool:
    """True if ``text`` is a UUIDv7 in canonical lower-case form (36 characters)."""
    return bool(_CANONICAL.fullmatch(text))


def id_time_ms(global_id: str) -> int:
    """The Unix milliseconds embedded in the UUIDv7 ``global_id``.

    Raises ValueError if ``global_id`` is not a canonical UUIDv7.
    """
    if not is_global_id(global_id):
        raise ValueError("not a UUIDv7 global id")
    return uuid.UUID(global_id).int >> 80
