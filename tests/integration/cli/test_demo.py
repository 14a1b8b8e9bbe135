"""``ketajournal demo``: fills an empty journal, refuses a used one."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.opening import open_journal


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def counts(home: Path) -> dict[str, int]:
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        return journal.counts()
    finally:
        journal.close()


def test_demo_fills_an_empty_journal_and_refuses_a_used_one(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "demo", "--days", "120", "--seed", "3") == 0
    first = counts(home)
    assert first["session"] >= 6 and first["mood"] > 100
    assert run(home, "demo") == 1
    assert "already has entries" in capsys.readouterr().err
    assert counts(home) == first
