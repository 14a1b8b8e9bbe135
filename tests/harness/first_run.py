"""Two first runs at once: several processes open the same empty home at the same instant.

Each forked process calls ``open_journal`` on a home with no journal (so each may
try to create it), logs one entry and reports it only after the call returned.
Afterwards the journal must open with the keyring and hold every reported entry.
Without a lock around creation, two processes can each make a key and publish
their own file or header, leaving a journal no key opens — or an acknowledged
entry in a file that another process then replaced.

    python -m tests.harness.first_run --trials 20 --processes 4
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

KEYRING_BACKEND = "tests.harness.first_run.LockedFileKeyring"


class LockedFileKeyring(KeyringBackend):
    """Like ``tests.support.keyrings.FileKeyring``, but safe for processes writing at once."""

    priority = 1  # type: ignore[assignment]

    def _update(self, change: Callable[[dict[str, str]], Any]) -> Any:
        path = Path(os.environ["KETAJOURNAL_TEST_KEYRING"])
        with open(f"{path}.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                data = dict(json.loads(path.read_text()))
            except FileNotFoundError:
                data = {}
            result = change(data)
            partial = path.with_name(f"{path.name}.{os.getpid()}")
            partial.write_text(json.dumps(data))
            os.replace(partial, path)
            return result

    def get_password(self, service: str, username: str) -> str | None:
        return self._update(lambda d: d.get(f"{service}\n{username}"))  # type: ignore[no-any-return]

    def set_password(self, service: str, username: str, password: str) -> None:
        self._update(lambda d: d.__setitem__(f"{service}\n{username}", password))

    def delete_password(self, service: str, username: str) -> None:
        self._update(lambda d: d.pop(f"{service}\n{username}", None))


def trial(folder: Path, processes: int) -> dict[str, int]:
    """One race; returns the writers that failed, entries lost and whether it opens."""
    from ketajournal.domain.models import MoodEntry
    from ketajournal.platform.keystore import KeyringKeyStore
    from ketajournal.platform.paths import JournalPaths
    from ketajournal.services.opening import open_journal

    os.environ["KETAJOURNAL_TEST_KEYRING"] = str(folder / "keyring.json")
    home = JournalPaths(folder / "home")
    start = time.time() + 0.05
    read_fd, write_fd = os.pipe()
    pids = []
    sys.stdout.flush()
    for number in range(processes):
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            line = f"failed {number}\n"
            try:
                while time.time() < start:  # all of them at the same instant
                    pass
                journal = open_journal(home, KeyringKeyStore())
                journal.log(MoodEntry(at=datetime(2025, 1, 1, tzinfo=UTC), mood=5,
                                      note=f"process {number}"))
                journal.close()
                line = f"saved {number}\n"
            finally:
                os.write(write_fd, line.encode())
                os._exit(0)
        pids.append(pid)
    os.close(write_fd)
    for pid in pids:
        os.waitpid(pid, 0)
    with os.fdopen(read_fd) as pipe:
        lines = pipe.read().split("\n")
    saved = {f"process {line.split()[1]}" for line in lines if line.startswith("saved")}
    result = {"writer_failures": sum(line.startswith("failed") for line in lines),
              "unopenable": 0, "lost": 0}
    try:
        journal = open_journal(home, KeyringKeyStore(), create=False)
    except Exception:
        result["unopenable"] = 1
        result["lost"] = len(saved)
        return result
    try:
        result["lost"] = len(saved - {m.note for m in journal.moods()})
    finally:
        journal.close()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Run the trials and print the totals as JSON; exit 0 only if nothing went wrong."""
    parser = argparse.ArgumentParser(prog="python -m tests.harness.first_run")
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--processes", type=int, default=4)
    args = parser.parse_args(argv)
    os.environ["PYTHON_KEYRING_BACKEND"] = KEYRING_BACKEND
    import keyring

    keyring.set_keyring(LockedFileKeyring())
    os.umask(0o077)
    totals = {"trials": args.trials, "writer_failures": 0, "unopenable": 0, "lost": 0}
    root = Path(tempfile.mkdtemp(prefix="ketajournal-first-run-"))
    try:
        for number in range(args.trials):
            folder = root / str(number)
            folder.mkdir()
            for key, value in trial(folder, args.processes).items():
                totals[key] += value
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(totals))
    bad = totals["writer_failures"] + totals["unopenable"] + totals["lost"]
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
