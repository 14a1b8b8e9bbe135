"""kill -9 while computers write and apply change files: nothing acknowledged is lost,
and both computers converge (tests/harness/sync_crash.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import sync_crash

pytestmark = pytest.mark.slow


def test_killed_syncs_lose_no_acknowledged_entry_and_computers_converge(tmp_path: Path) -> None:
    figures = sync_crash.run(kills=16, seed=5, base=tmp_path)
    assert figures.kills == 16 and figures.acknowledged > 16
    assert figures.killed_in_sync > 0, "no kill landed in a sync: the harness proves nothing"
    assert figures.problems == []
    assert figures.lost == 0
    assert figures.converged
