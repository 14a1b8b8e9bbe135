"""Files read and written safely: no half-written file after a failure, no unbounded read."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it over ``target``.

    The temporary file is created 0600 in the same directory (so the rename is
    atomic) and fsynced before the rename. If the block raises, the temporary
    file is removed and ``target`` is untouched.
    """
    directory = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(directory)


@contextlib.contextmanager
def atomic_text_writer(target: Path) -> Iterator[TextIO]:
    """An open UTF-8 text handle whose content replaces ``target`` atomically on success."""
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as handle:
        yield handle


def write_text_atomic(target: Path, text: str) -> None:
    """Replace ``target`` with ``text`` (UTF-8) atomically."""
    with atomic_text_writer(target) as handle:
        handle.write(text)


def fsync_dir(directory: Path) -> None:
    """Make a rename or creation in ``directory`` durable (no-op where unsupported)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_at_most(path: Path, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of ``path``, read in chunks.

    A result longer than ``limit`` means "too large". The size is counted while
    reading, so a pipe, a FIFO or ``/dev/zero`` (whose reported size is 0) stops
    at the cap instead of filling memory.
    """
    chunks: list[bytes] = []
    remaining = limit + 1
    with path.open("rb") as handle:
        while remaining > 0:
            chunk = handle.read(min(remaining, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    return b"".join(chunks)
