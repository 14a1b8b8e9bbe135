"""Power loss, not only crashes: kills on a file system that drops every unsynced write.

:mod:`tests.harness.powerloss` runs the crash harness on :mod:`tests.harness.lossyfs`,
a FUSE file system that, at each kill, undoes the writes not yet fsynced. With the
app's ``synchronous=FULL`` nothing acknowledged may be lost; the same run with
``synchronous=NORMAL`` must lose entries, or the test would prove nothing. Skipped
where FUSE is missing or may not be mounted. ``python -m tests.harness.powerloss
--kills 1000`` is the long run (docs/reliability.md).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.harness.powerloss import fuse_problem
from tests.support.paths import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(fuse_problem() is not None, reason=f"no FUSE here: {fuse_problem()}"),
]


def _run(kills: int, synchronous: str) -> subprocess.CompletedProcess[str]:
    # A child process: the NORMAL run weakens the storage module of its own process.
    return subprocess.run(
        [sys.executable, "-m", "tests.harness.powerloss", "--kills", str(kills), "--seed", "5",
         "--synchronous", synchronous, "--json"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)), check=False,
    )


def _figures(result: subprocess.CompletedProcess[str]) -> dict[str, object]:
    import json

    if "did not mount" in result.stderr:
        pytest.skip("FUSE is here but may not be mounted (no permission)")
    assert result.stdout, result.stderr[-2000:]
    return dict(json.loads(result.stdout))


def test_power_cuts_lose_no_acknowledged_entry() -> None:
    figures = _figures(_run(60, "FULL"))
    power = figures["power"]
    assert isinstance(power, dict) and power["cuts"] >= 30 and power["writes_dropped"] > 0
    assert figures["acknowledged"] > 500  # type: ignore[operator]
    assert (figures["lost"], figures["changed"], figures["integrity_failures"],
            figures["open_failures"], figures["backup_failures"]) == (0, 0, 0, 0, 0)
    assert figures["ok"] is True


def test_without_fsync_at_commit_the_same_cuts_lose_entries() -> None:
    """The negative control: the harness sees a loss when there is one."""
    figures = _figures(_run(30, "NORMAL"))
    assert figures["lost"] > 0  # type: ignore[operator]
    assert figures["ok"] is False
