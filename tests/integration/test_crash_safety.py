"""No entry is ever lost: writers killed with SIGKILL at random moments, hundreds of times.

The harness (``tests/harness/crash.py``, ``python -m tests.harness.crash --kills 1000``)
runs in its own process, so the writers it forks never inherit this test process
(its Qt objects, its threads). Here it runs 200 kills; the figures are printed
with ``pytest -s`` and reported in docs/reliability.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.storage import backup
from tests.harness.crash import Expected, Model, Stats, compare
from tests.support.paths import ROOT

CI_KILLS = 200

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork are POSIX")


def harness(*args: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.harness.crash", "--json", *args],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert result.stdout, result.stderr
    figures: dict[str, Any] = json.loads(result.stdout)
    print(json.dumps(figures, indent=1))  # shown with pytest -s
    return figures


@pytest.mark.slow
def test_200_kills_lose_no_acknowledged_entry_and_break_nothing() -> None:
    figures = harness("--kills", str(CI_KILLS), "--writers", "2")
    assert figures["kills"] >= CI_KILLS
    assert figures["lost"] == 0, figures["problems"]
    assert figures["integrity_failures"] == 0, figures["problems"]
    assert figures["changed"] == figures["partial_batches"] == figures["unknown_rows"] == 0
    assert figures["open_failures"] == figures["backup_failures"] == 0, figures["problems"]
    assert figures["writer_errors"] == 0, figures["problems"]
    assert figures["ok"], figures["problems"]
    # The kills landed where they matter: while migrating, backing up, importing, writing.
    during = figures["kills_during"]
    assert during.get("open", 0) > 0 and during.get("backup", 0) > 0
    assert during.get("import", 0) > 0
    assert during.get("log", 0) + during.get("batch", 0) + during.get("update", 0) > 0
    assert figures["migrations_left_at_old_version"] > 0  # killed mid-migration, still usable
    assert figures["acknowledged"] > CI_KILLS and figures["backups_verified"] > 0
    assert figures["refused"] == {}, "a backup or import was refused during the kills"
    # Logs damaged after a kill (on a copy): every loss was reported, none went unseen.
    assert figures["lost_unreported"] == 0, figures["problems"]
    assert figures["wal_damage_reported"] > 0


def test_writers_started_as_their_own_interpreters_are_held_to_the_same_checks() -> None:
    figures = harness("--kills", "4", "--exec", "--migration-share", "0.5")
    assert figures["kills"] >= 4 and figures["ok"], figures["problems"]
    assert figures["lost"] == figures["integrity_failures"] == 0


# -- the checker itself can fail ---------------------------------------------------------------


def test_the_checker_reports_a_lost_a_changed_and_a_half_written_entry() -> None:
    model, stats = Model(), Stats()
    for line in ("INTENT c1.1 aa", "ACK c1.1 mood:1",  # acknowledged, then missing: lost
                 "INTENT c1.2 bb", "ACK c1.2 mood:2",  # acknowledged, other content: changed
                 "INTENT c1.3 cc,dd,ee",  # a batch in flight: 2 of 3 present
                 "INTENT c1.4 ff"):  # in flight, rolled back: fine
        model.feed(line, stats)
    assert stats.acknowledged == 2
    compare(model, stats, {
        "c1.2#0": ("mood", 2, "XX"), "c1.3#0": ("mood", 3, "cc"), "c1.3#1": ("mood", 4, "dd"),
        "c9.9#0": ("mood", 5, "zz"),
    })
    assert (stats.lost, stats.changed, stats.partial_batches, stats.unknown_rows) == (1, 1, 1, 1)
    assert not stats.ok and stats.rolled_back_unacknowledged == 2


def test_an_entry_committed_before_its_acknowledgement_must_stay_afterwards() -> None:
    model, stats = Model(), Stats()
    model.feed("INTENT c1.1 aa", stats)
    compare(model, stats, {"c1.1#0": ("mood", 1, "aa")})
    assert stats.ok and stats.committed_unacknowledged == 1
    assert model.entries["c1.1#0"] == Expected({"aa"}, required=True, entry_id=1, kind="mood")
    compare(model, stats, {})
    assert stats.lost == 1


def test_an_edit_in_flight_may_be_either_version_but_nothing_else() -> None:
    model, stats = Model(), Stats()
    for line in ("INTENT c1.1 old", "ACK c1.1 mood:1", "UINTENT c1.1#0 new"):
        model.feed(line, stats)
    compare(model, stats, {"c1.1#0": ("mood", 1, "new")})
    assert stats.ok
    model.feed("UINTENT c1.1#0 newer", stats)
    compare(model, stats, {"c1.1#0": ("mood", 1, "other")})
    assert stats.changed == 1


# -- a finding of the harness: counts and copy must share one snapshot ---------------------------


def test_a_backup_taken_while_another_process_writes_verifies(
    journal: Journal, paths: JournalPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = datetime(2025, 1, 1, tzinfo=UTC)
    journal.log(MoodEntry(at=at, mood=5))
    counted = backup.table_counts

    def count_then_another_process_writes(db: object) -> dict[str, int]:
        counts = counted(db)  # type: ignore[arg-type]
        other = open_journal(paths, KeyringKeyStore(), create=False)
        try:
            other.log(MoodEntry(at=at, mood=6))
        finally:
            other.close()
        return counts

    monkeypatch.setattr(backup, "table_counts", count_then_another_process_writes)
    counts = journal.backup_to(tmp_path / "copy.db")
    assert counts["mood_entries"] == 1  # the snapshot it started with, verified
