"""Named pipes fed by a thread: a source whose reported size is 0, like a shell pipe."""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

_CHUNK = 65536


@dataclass
class Feeder:
    """The thread writing into a pipe, and how many bytes the reader took from it."""

    thread: threading.Thread
    written: list[int] = field(default_factory=lambda: [0])

    def finish(self) -> int:
        """Wait for the writer (it stops when the reader closes); the bytes it wrote."""
        self.thread.join(timeout=10)
        assert not self.thread.is_alive()
        return self.written[0]


def fed_fifo(path: Path, size: int) -> Feeder:
    """A named pipe at ``path`` that a thread fills with ``size`` bytes of "[" then closes.

    Its reported size is 0, like a shell pipe or /dev/zero: only a cap counted while
    reading stops it. The writer stops early when the reader closes its end.
    """
    os.mkfifo(path)
    written = [0]

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError), path.open("wb", buffering=0) as pipe:
            while written[0] < size:
                written[0] += pipe.write(b"[" * _CHUNK)

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return Feeder(thread, written)
