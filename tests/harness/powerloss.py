"""The crash harness on a file system that loses unsynced writes: kills that are power cuts.

``python -m tests.harness.powerloss --kills 300`` mounts :mod:`tests.harness.lossyfs`
over a temporary folder and runs :mod:`tests.harness.crash` with its journals on it.
After each round's writers are SIGKILLed, every write that was not fsynced is
dropped (for each file, a random number of its oldest unsynced writes survive), as
if the power had gone at that moment; then the usual checks run: every acknowledged
entry present and unchanged, no half-written entry, the integrity check clean,
backups that verify. With ``synchronous=FULL`` SQLite fsyncs the WAL before COMMIT
returns, so nothing acknowledged may be lost; with ``synchronous=NORMAL`` it would
be: ``--synchronous NORMAL`` weakens the app on purpose and shows that the harness
then finds lost entries.

Needs libfuse (Debian: ``apt-get install fuse3 libfuse2``), ``/dev/fuse`` and
``pip install mfusepy``. See docs/reliability.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.harness.crash import run_campaign

#: The control file of tests.harness.lossyfs (not imported from there: importing it
#: loads libfuse, which fuse_problem() must be able to report missing).
CONTROL = "/.lossyfs"


class MountError(RuntimeError):
    """The lossy file system could not be mounted here (no FUSE permission, say)."""


def fuse_problem() -> str | None:
    """Why a lossy file system cannot be mounted here, or None."""
    if not Path("/dev/fuse").exists():
        return "/dev/fuse is missing"
    if shutil.which("fusermount") is None and shutil.which("fusermount3") is None:
        return "fusermount is missing (apt-get install fuse3)"
    try:
        import mfusepy  # type: ignore[import-not-found, unused-ignore]  # noqa: F401
    except (ImportError, OSError) as error:
        return f"mfusepy/libfuse cannot be loaded ({error})"
    return None


@contextlib.contextmanager
def mounted(seed: int) -> Iterator[Path]:
    """A lossy file system, mounted in a temporary folder, for the ``with`` block."""
    folder = Path(tempfile.mkdtemp(prefix="ketajournal-powerloss-"))
    backing, mountpoint = folder / "backing", folder / "mnt"
    backing.mkdir()
    mountpoint.mkdir()
    log = open(folder / "lossyfs.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.harness.lossyfs", str(backing), str(mountpoint),
         "--seed", str(seed)],
        stdout=log, stderr=log,
    )
    try:
        deadline = time.monotonic() + 20
        while not os.path.ismount(mountpoint):
            if process.poll() is not None or time.monotonic() > deadline:
                raise MountError("the lossy file system did not mount: "
                                   + (folder / "lossyfs.log").read_text(errors="replace"))
            time.sleep(0.05)
        yield mountpoint
    finally:
        unmount = shutil.which("fusermount3") or shutil.which("fusermount") or "umount"
        subprocess.run([unmount, "-u", str(mountpoint)], check=False, capture_output=True)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        errors = (folder / "lossyfs.log").read_text(errors="replace")
        if "Traceback" in errors or "returning errno" in errors:
            print(f"lossyfs reported errors:\n{errors[-3000:]}", file=sys.stderr)
        shutil.rmtree(folder, ignore_errors=True)


def control(mountpoint: Path, command: str) -> dict[str, Any]:
    """Send ``sync`` or ``cut`` to the file system; returns its counts."""
    with open(mountpoint / CONTROL.lstrip("/"), "w") as handle:
        handle.write(command)
    with open(mountpoint / CONTROL.lstrip("/")) as handle:
        return dict(json.loads(handle.read()))


def weaken_durability(synchronous: str) -> None:
    """Make every journal opened from now on (in this process and the writers forked
    from it) use ``PRAGMA synchronous = <synchronous>``: the negative control."""
    from ketajournal.storage import database

    original = database.configure_durability

    def configure(conn: Any) -> None:
        original(conn)
        conn.execute(f"PRAGMA synchronous = {synchronous}")

    database.configure_durability = configure


def run(kills: int, *, seed: int, writers: int = 2, synchronous: str = "FULL",
        time_limit: float | None = None) -> dict[str, Any]:
    """A campaign of ``kills`` kills, each followed by a power cut; its figures.

    ``synchronous`` other than FULL weakens the app on purpose, to show that the
    harness notices lost entries when fsync is skipped.
    """
    if synchronous != "FULL":
        weaken_durability(synchronous)
    with mounted(seed) as mountpoint, tempfile.TemporaryDirectory() as outside:
        # The harness's own keyring file is not the app's to fsync: keep it off the disk
        # that loses power.
        stats = run_campaign(
            kills, writers=writers, seed=seed, root=mountpoint / "work",
            power=lambda command: control(mountpoint, command), time_limit=time_limit,
            keyring_file=Path(outside) / "keyring.json",
        )
        fs = control(mountpoint, "status")
    return {"seed": seed, **stats.as_dict(), "power": fs, "summary": stats.summary()}


def main() -> int:
    """``python -m tests.harness.powerloss --kills 300``."""
    parser = argparse.ArgumentParser(prog="python -m tests.harness.powerloss",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--synchronous", choices=("FULL", "NORMAL", "OFF"), default="FULL",
                        help="FULL as the app; NORMAL or OFF weaken it on purpose, to see "
                        "the harness find the loss")
    args = parser.parse_args()
    problem = fuse_problem()
    if problem:
        parser.error(f"no lossy file system here: {problem}")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    os.umask(0o077)
    figures = run(args.kills, seed=seed, writers=args.writers, synchronous=args.synchronous)
    if args.json:
        print(json.dumps({k: v for k, v in figures.items() if k != "summary"}, indent=2))
    else:
        print(f"seed {seed}")
        print(figures["summary"])
        power = figures["power"]
        print(f"power cuts                       {power['cuts']} (unsynced writes dropped "
              f"{power['writes_dropped']}, kept {power['writes_kept']}, in "
              f"{power['files_hit']} files; fsyncs seen {power['fsyncs']})")
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
