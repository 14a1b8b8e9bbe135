"""Sync crash harness: kill -9 computers while they write and apply change files.

Two journals (a, and b joined from a's folder with the recovery key) share one sync
folder. Each round forks a writer on one of them that logs moods, edits one now and
then, and syncs after every few writes; it prints a mood's note only after
``Journal.log`` returned (after COMMIT). The harness kills it with SIGKILL after a
random delay: before, during or after writing a change file, or while it takes in
the other computer's files. After every kill it checks, with every writer dead:

* the killed journal passes its integrity check and opens;
* every acknowledged mood is in it, with its note;
* the folder still reads (``sync.status``);

and at the end, after two more syncs on each computer in turn (each checks first
that its own files in the folder follow its journal), that both show the same
moods — every acknowledged one among them — and the same history, and that no
computer took a new device id (a file written but not recorded before a kill is
the computer's own, not a copied journal's: services/sync_forks.py). Run::

    python -m tests.harness.sync_crash --kills 200
"""

from __future__ import annotations

import argparse
import json
import os
import random
import selectors
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import keyring

ROOT = Path(__file__).resolve().parents[2]
MAX_DELAY_S = 0.15


@dataclass
class Figures:
    """What a run did and found."""

    kills: int = 0
    acknowledged: int = 0
    lost: int = 0
    killed_in_sync: int = 0
    syncs_completed: int = 0
    problems: list[str] = field(default_factory=list)
    converged: bool = False
    #: Device sub-folders at the end: 2 unless a crash was mistaken for a copied journal.
    device_ids: int = 0

    def to_json(self) -> dict[str, object]:
        """The figures as JSON."""
        return {
            "kills": self.kills, "acknowledged": self.acknowledged, "lost": self.lost,
            "killed_in_sync": self.killed_in_sync, "syncs_completed": self.syncs_completed,
            "problems": self.problems, "converged": self.converged,
            "device_ids": self.device_ids,
        }


def _open(home: Path):  # type: ignore[no-untyped-def]
    from ketajournal.platform.keystore import KeyringKeyStore
    from ketajournal.platform.paths import JournalPaths
    from ketajournal.services.opening import open_journal

    return open_journal(JournalPaths(home), KeyringKeyStore(), create=False)


def _writer(home: Path, out: int, seed: int) -> None:
    """The forked writer: log, sometimes edit, sync every few writes; never returns."""
    import dataclasses as dc
    from datetime import datetime

    from ketajournal.domain.models import MoodEntry
    from ketajournal.services import sync

    rng = random.Random(seed)
    journal = _open(home)
    n = 0
    while True:
        n += 1
        note = f"{home.name}-{seed}-{n}"
        journal.log(MoodEntry(at=datetime.now().astimezone(), mood=rng.randint(0, 10), note=note))
        os.write(out, f"ACK {note}\n".encode())
        if rng.random() < 0.3:
            moods = journal.moods()
            target = rng.choice(moods)
            journal.update(dc.replace(target, mood=rng.randint(0, 10)))
        if n % 3 == 0:
            os.write(out, b"SYNC\n")
            sync.sync_now(journal)
            os.write(out, b"SYNCED\n")


def _round(home: Path, seed: int, rng: random.Random, figures: Figures, acked: set[str]) -> None:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer
        os.close(read)
        try:
            _writer(home, write, seed)
        finally:
            os._exit(1)
    os.close(write)
    deadline = time.monotonic() + rng.uniform(0.0, MAX_DELAY_S) + 0.3  # after opening
    buffer = b""
    in_sync = False
    selector = selectors.DefaultSelector()
    selector.register(read, selectors.EVENT_READ)
    while time.monotonic() < deadline:
        if selector.select(timeout=max(0.0, deadline - time.monotonic())):
            chunk = os.read(read, 65536)
            if not chunk:
                break
            buffer += chunk
            *lines, rest = buffer.split(b"\n")
            buffer = rest
            for line in lines:
                text = line.decode()
                if text.startswith("ACK "):
                    acked.add(text[4:])
                    figures.acknowledged += 1
                elif text == "SYNC":
                    in_sync = True
                elif text == "SYNCED":
                    in_sync = False
                    figures.syncs_completed += 1
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    # Lines written before the kill are acknowledgements too.
    selector.unregister(read)
    while chunk := os.read(read, 65536):
        buffer += chunk
    os.close(read)
    for line in buffer.split(b"\n"):
        text = line.decode(errors="replace")
        if text.startswith("ACK "):
            acked.add(text[4:])
            figures.acknowledged += 1
        elif text == "SYNC":
            in_sync = True
        elif text == "SYNCED":
            in_sync = False
            figures.syncs_completed += 1
    figures.kills += 1
    figures.killed_in_sync += in_sync


def _check(home: Path, acked: set[str], figures: Figures) -> None:
    from ketajournal.services import sync

    journal = _open(home)
    try:
        if not journal.check().ok:
            figures.problems.append(f"{home.name}: integrity check failed")
        notes = {m.note for m in journal.moods()}
        mine = {a for a in acked if a.startswith(f"{home.name}-")}
        missing = mine - notes
        figures.lost += len(missing)
        if missing:
            figures.problems.append(f"{home.name}: {len(missing)} acknowledged mood(s) missing")
        folder = sync.linked_folder(journal)
        assert folder is not None
        try:
            sync.status(journal)
        except Exception as error:  # a finding, reported as one
            figures.problems.append(f"{home.name}: the folder does not read ({error})")
    finally:
        journal.close()


def run(kills: int, seed: int, base: Path) -> Figures:
    """Set up two computers in ``base``, kill writers ``kills`` times, check; the figures."""
    from tests.support.keyrings import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    from ketajournal.platform.keystore import KeyringKeyStore
    from ketajournal.platform.paths import JournalPaths
    from ketajournal.services import sync, sync_join
    from ketajournal.services.opening import open_or_create

    folder = base / "folder"
    folder.mkdir()
    opened = open_or_create(JournalPaths(base / "a"), KeyringKeyStore())
    assert opened.new_recovery_code is not None
    sync.setup(opened.journal, folder)
    sync.sync_now(opened.journal)
    opened.journal.close()
    sync_join.join(
        JournalPaths(base / "b"), KeyringKeyStore(), folder, str(opened.new_recovery_code),
        open_journal=_open_paths,
    ).close()
    rng = random.Random(seed)
    figures = Figures()
    acked: set[str] = set()
    homes = [base / "a", base / "b"]
    for k in range(kills):
        home = homes[k % 2]
        _round(home, seed * 100_000 + k, rng, figures, acked)
        _check(home, acked, figures)
    journals = [_open(h) for h in homes]
    try:
        for _ in range(2):
            for journal in journals:
                report = sync.sync_now(journal)
                if report.rejected:
                    figures.problems.append(f"refused after the run: {report.rejected[0]}")
        notes = [{m.note for m in j.moods()} for j in journals]
        moods = [sorted((m.mood, m.note) for m in j.moods()) for j in journals]
        histories = [
            [(r.global_id, [str(v.stamp) for v in r.versions]) for r in sync.history(j)]
            for j in journals
        ]
        figures.converged = moods[0] == moods[1] and histories[0] == histories[1]
        figures.device_ids = sum(1 for p in folder.iterdir() if p.is_dir())
        if figures.device_ids != len(homes):
            figures.problems.append(f"{figures.device_ids} device ids for {len(homes)} computers")
        lost_anywhere = acked - (notes[0] & notes[1])
        if lost_anywhere:
            figures.problems.append(f"{len(lost_anywhere)} acknowledged mood(s) not everywhere")
            figures.lost += len(lost_anywhere)
    finally:
        for journal in journals:
            journal.close()
    return figures


def _open_paths(paths):  # type: ignore[no-untyped-def]
    return _open(paths.home)


def main(argv: list[str] | None = None) -> int:
    """``python -m tests.harness.sync_crash [--kills N] [--seed S] [--json]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        figures = run(args.kills, args.seed, Path(tmp))
    if args.json:
        print(json.dumps(figures.to_json(), indent=2))
    else:
        print(figures.to_json())
    return 0 if figures.converged and not figures.lost and not figures.problems else 1


if __name__ == "__main__":
    sys.exit(main())
