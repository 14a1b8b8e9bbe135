"""``ketajournal check`` (and backup, restore): counts and health, never creating a journal."""

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


def test_check_reports_counts_and_health(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "log", "mood", "5") == 0
    capsys.readouterr()
    assert run(home, "check") == 0
    out = capsys.readouterr().out
    assert "mood         1" in out and "integrity    ok" in out
