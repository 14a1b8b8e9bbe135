"""Repairing from the home's backups: refused for a sound journal, exact for a damaged one."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketajournal.platform import crypto
from ketajournal.platform.crypto import Argon2Params
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.services.repair import (
    NothingToRepairError,
    repair_from_backups,
)
from tests.support.restored_journals import Made, export_bytes, snapshot, truncate_half

SENTINEL = "SENTINEL-restore-7d20"
PAGE = 4096


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", Argon2Params(memory_kib=8, iterations=1, lanes=1))


def test_repair_from_backups_refuses_a_sound_journal_and_restores_a_damaged_one(
    backed_up: Made, clock, tmp_path: Path
) -> None:
    paths = backed_up.paths
    expected = export_bytes(paths, clock, tmp_path / "before.json")
    before = snapshot(paths.home)
    with pytest.raises(NothingToRepairError):
        repair_from_backups(paths, KeyringKeyStore(), clock=clock)
    assert snapshot(paths.home) == before
    truncate_half(paths.database)
    result = repair_from_backups(paths, KeyringKeyStore(), clock=clock)
    assert result.moved_aside is not None and result.moved_aside.name.startswith("damaged-")
    assert export_bytes(paths, clock, tmp_path / "after.json") == expected
