"""The other computers as this one sees them (services/sync_peers.py): quiet ones, clocks ahead."""

from __future__ import annotations

from pathlib import Path

from ketajournal.domain.hlc import Stamp
from ketajournal.domain.merge import Change, Op
from ketajournal.services.sync_peers import (
    MAX_DRIFT_MS,
    DeviceStatus,
    SyncStatus,
    quiet_lines,
    too_far_ahead,
)

GID = "01a23b7c-8f74-7c25-bbcc-0747ee62a6dc"


def test_quiet_lines_name_every_long_unseen_or_unconfirmed_computer_with_its_date() -> None:
    day_ms = 86_400_000
    now = 1_780_000_000_000
    devices = (
        DeviceStatus("here", True, now - 90 * day_ms, 3),
        DeviceStatus("recent", False, now - 2 * day_ms, 1),
        DeviceStatus("quiet", False, now - 31 * day_ms, 1),
        DeviceStatus("never", False, None, 0, acknowledged=False),
        DeviceStatus("old-id", False, now - 40 * day_ms, 4, former=True),
    )
    status = SyncStatus(Path("/folder"), "here", now, devices)
    lines = quiet_lines(status, now)
    assert len(lines) == 3
    quiet, never, former = lines
    assert quiet.startswith("Computer quiet last wrote on ") and "(31 days ago)" in quiet
    assert never == (
        "Computer never has not written to the sync folder yet and has never confirmed "
        "reading; old files are kept for it."
    )
    assert former.startswith("An earlier id of this computer, old-id, last wrote on")
    assert [d.device for d in devices if d.quiet(now)] == ["quiet", "never", "old-id"]


def test_too_far_ahead_names_each_other_computer_once_and_never_this_one() -> None:
    now = 1_780_000_000_000

    def change(device: str, ahead_ms: int) -> Change:
        return Change(GID, "mood_entries", Stamp(now + ahead_ms, 0, device), Op.DELETE)

    changes = [
        change("fast", MAX_DRIFT_MS + 1), change("fast", MAX_DRIFT_MS + 5),
        change("slip", MAX_DRIFT_MS), change("here", 10 * MAX_DRIFT_MS),
        change("behind", -10 * MAX_DRIFT_MS),
    ]
    (message,) = too_far_ahead(changes, "here", now)
    assert message.startswith("computer fast wrote changes dated more than 24 hours ahead")
    assert "Check the date and time on that computer and on this one" in message
    assert too_far_ahead(changes[2:], "here", now) == ()
