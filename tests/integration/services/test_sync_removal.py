"""Removing a computer (services/sync_removal.py): the checks before anything is written,
what the removal gives whom, and how status shows it — real journals in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ketajournal.domain.validation import ValidationError
from ketajournal.services import sync, sync_keys, sync_removal
from ketajournal.services.journal import Journal
from ketajournal.services.keys import WrongSecretError
from tests.support.sync_trio import Trio, make_trio


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[Trio]:
    t = make_trio(tmp_path)
    yield t
    t.close()


def test_removing_checks_the_device_and_the_secret(trio: Trio) -> None:
    t = trio
    with pytest.raises(ValidationError, match="device"):
        sync_removal.remove_computer(t.a.journal, t.a.device, str(t.code))
    with pytest.raises(ValidationError, match="device"):
        sync_removal.remove_computer(t.a.journal, "no-such-computer", str(t.code))
    with pytest.raises(WrongSecretError):
        sync_removal.remove_computer(t.a.journal, t.c.device, "not the recovery key at all")
    assert not list(t.a.folder.glob("*/epoch-*.kje"))
    assert sync_keys.key_ring(t.a.journal).current == 1



def test_status_names_the_removed_computer(trio: Trio) -> None:
    t = trio
    sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    status = sync.status(t.a.journal)
    by_id = {d.device: d for d in status.devices}
    assert by_id[t.c.device].removed_ms is not None
    assert by_id[t.b.device].removed_ms is None
    assert all(d.name for d in status.devices)
    assert status.others == 1


def test_a_computer_that_never_published_its_key_is_not_given_the_new_one(trio: Trio) -> None:
    t = trio
    (t.a.folder / t.b.device / "device.kjp").unlink()
    removal = sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    assert removal.given == (t.a.device,) and removal.not_given == (t.b.device,)
    assert removal.to_json()["not_given_new_key"] == [t.b.device]


def fail_second_sync(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sync after the removal fails, as when the folder cannot be written."""
    calls = []
    real = sync_removal.sync_now

    def flaky(journal: Journal, **kwargs: Any) -> sync.SyncReport:
        calls.append(1)
        if len(calls) == 2:
            raise sync.SyncFolderError("Could not write to the sync folder (OSError).")
        return real(journal, **kwargs)

    monkeypatch.setattr(sync_removal, "sync_now", flaky)


def test_a_removal_whose_follow_up_sync_fails_says_it_was_removed(
    trio: Trio, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = trio
    fail_second_sync(monkeypatch)
    with pytest.raises(sync_removal.RemovalUnfinishedError) as raised:
        sync_removal.remove_computer(t.a.journal, t.c.device, str(t.code))
    message = str(raised.value)
    assert "Removed" in message and "the next sync finishes it" in message
    assert "Nothing was" not in message
    assert raised.value.removal.removed == t.c.device and raised.value.removal.epoch == 2
    assert sync_keys.key_ring(t.a.journal).current == 2
    monkeypatch.undo()
    assert t.a.sync().ok  # the next sync finishes it
    t.settle(t.a, t.b)
    assert sync_keys.key_ring(t.b.journal).current == 2
