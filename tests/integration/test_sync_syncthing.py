"""End to end: two journals sync through two real Syncthing instances on loopback.

Slow (Syncthing takes seconds to connect and to notice files); skipped where the
``syncthing`` program is missing (CI installs it: .ci/run). Each computer's journal
lives in its own home and writes into its own copy of the folder; only Syncthing
carries the files between the copies.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import sync, sync_join
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal, open_or_create
from tests.support import syncthing
from tests.support.clock import NOW, FixedClock

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not syncthing.available(), reason="syncthing is not installed"),
]
SENTINEL = "SENTINEL-syncthing-4b1d"


@pytest.fixture
def engines(tmp_path: Path) -> Iterator[list[syncthing.Instance]]:
    instances = syncthing.pair(tmp_path / "syncthing")
    for instance in instances:
        instance.start()
    try:
        assert syncthing.wait_until(
            lambda: all(i.connected() for i in instances), 60, lambda: None
        ), "the two Syncthing instances did not connect"
        yield instances
    finally:
        for instance in instances:
            instance.stop()


def _arrives(engines: list[syncthing.Instance], path: Path) -> bool:
    return syncthing.wait_until(
        path.is_file, 60, lambda: [engine.scan() for engine in engines] and None
    )


def test_two_journals_sync_through_real_syncthing(
    engines: list[syncthing.Instance], tmp_path: Path
) -> None:
    first, second = engines
    opened = open_or_create(JournalPaths(tmp_path / "a"), KeyringKeyStore(), clock=FixedClock())
    a: Journal = opened.journal
    assert opened.new_recovery_code is not None
    b: Journal | None = None
    try:
        a.log(MoodEntry(at=NOW, mood=5, note=f"on a {SENTINEL}"))
        sync.setup(a, first.folder)
        sync.sync_now(a)
        device_a = sync.device_id(a)
        assert _arrives(engines, second.folder / device_a / "journal.header")
        assert _arrives(engines, second.folder / device_a / "00000001.kjc")
        b = sync_join.join(
            JournalPaths(tmp_path / "b"), KeyringKeyStore(), second.folder,
            str(opened.new_recovery_code),
            open_journal=lambda p: open_journal(p, KeyringKeyStore(), create=False),
        )
        assert [m.note for m in b.moods()] == [f"on a {SENTINEL}"]
        # Each logs one; both edit the first entry offline; then they sync.
        b.log(MoodEntry(at=NOW, mood=3, note="on b"))
        (on_a,) = a.moods()
        (on_b,) = [m for m in b.moods() if m.note.startswith("on a")]
        a.update(dataclasses.replace(on_a, note="edited on a"))
        b.update(dataclasses.replace(on_b, note="edited on b"))
        sync.sync_now(a)
        sync.sync_now(b)
        device_b = sync.device_id(b)
        assert _arrives(engines, first.folder / device_b / "00000001.kjc")
        assert _arrives(engines, second.folder / device_a / "00000002.kjc")
        sync.sync_now(a)
        sync.sync_now(b)
        notes = sorted(m.note for m in a.moods())
        assert notes == sorted(m.note for m in b.moods())
        assert "on b" in notes and len(notes) == 2
        for journal in (a, b):
            (record,) = sync.history(journal)
            kept = {v.fields["note"] for v in record.versions if v.fields and not v.current}
            assert kept & {"edited on a", "edited on b"}
        for root in (first.folder, second.folder):
            for path in root.rglob("*"):
                if path.is_file():
                    assert SENTINEL.encode() not in path.read_bytes()
    finally:
        a.close()
        if b is not None:
            b.close()
