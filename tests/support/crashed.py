"""Journals left as a real crash leaves them: a child process killed with SIGKILL.

:func:`crash_after_commits` starts a child Python that opens (or creates) the journal
at a home through the real code path with the file-backed test keyring, logs moods
(each its own COMMIT) and says so; it is then killed with SIGKILL, so the committed
transactions are still in ``journal.db-wal`` and the wal-index in ``journal.db-shm``
is left as it was. :func:`crash_in_transaction` kills it inside a transaction whose
pages already spilled to the log (frames that never committed).
:func:`damage_byte` and :func:`cut` then damage the log the way a disk or a copy does.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.support.paths import ROOT

KEYRING_BACKEND = "tests.support.keyrings.FileKeyring"
FRAME_BYTES = 24 + 4096
WAL_HEADER_BYTES = 32

_CHILD = """
import sys, time
from datetime import datetime, timedelta, timezone
import keyring
from tests.support.keyrings import FileKeyring
keyring.set_keyring(FileKeyring())
from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.opening import open_journal
from ketajournal.storage.connection import transaction
home, count, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
journal = open_journal(JournalPaths(__import__("pathlib").Path(home)), KeyringKeyStore())
start = datetime(2026, 1, 1, 8, tzinfo=timezone.utc)
for i in range(count):
    journal.log(MoodEntry(at=start + timedelta(minutes=i), mood=1 + i % 10))
    print("ACK", flush=True)
if mode == "checkpointed":
    journal._db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
if mode == "open-transaction":
    db = journal._db
    db.execute("PRAGMA cache_size = 1")
    with transaction(db):
        for i in range(400):
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (f"x{i}", "y" * 900))
        print("IN-TRANSACTION", flush=True)
        time.sleep(600)
print("READY", flush=True)
time.sleep(600)
"""


def keyring_env(keyring_file: Path) -> dict[str, str]:
    """The environment that points a child (and the CLI) at the file-backed test keyring."""
    return dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND=KEYRING_BACKEND,
        KETAJOURNAL_TEST_KEYRING=str(keyring_file),
    )


def _crash(home: Path, keyring_file: Path, count: int, mode: str, until: str) -> int:
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(home), str(count), mode],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env=keyring_env(keyring_file),
    )
    assert child.stdout is not None
    acknowledged = 0
    try:
        for line in child.stdout:
            if line.startswith("ACK"):
                acknowledged += 1
            if line.strip() == until:
                break
        else:
            raise AssertionError(f"the writer ended before {until}")
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
    return acknowledged


def crash_after_commits(home: Path, keyring_file: Path, count: int) -> int:
    """Log ``count`` moods in a child, then SIGKILL it; returns how many were acknowledged."""
    return _crash(home, keyring_file, count, "commits", "READY")


def crash_after_checkpoint(home: Path, keyring_file: Path, count: int) -> int:
    """Log ``count`` moods, copy the whole log into the journal file, then SIGKILL the child."""
    return _crash(home, keyring_file, count, "checkpointed", "READY")


def crash_in_transaction(home: Path, keyring_file: Path, count: int) -> int:
    """Log ``count`` moods, then SIGKILL the child inside a transaction that spilled to the log."""
    return _crash(home, keyring_file, count, "open-transaction", "IN-TRANSACTION")


def damage_byte(path: Path, offset: int) -> None:
    """Flip one bit of the byte at ``offset`` (a disk error)."""
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))


def cut(path: Path, size: int) -> None:
    """Cut the file to ``size`` bytes (an interrupted copy or sync)."""
    with path.open("r+b") as f:
        f.truncate(size)


def frame_offset(index: int) -> int:
    """Where frame ``index`` (0-based) of a journal's write-ahead log starts."""
    return WAL_HEADER_BYTES + index * FRAME_BYTES
