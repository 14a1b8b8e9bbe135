"""``ketajournal settings``: list every setting, show one, change one with its check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.services.settings import SETTINGS


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def test_settings_lists_shows_and_changes_values(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "log", "mood", "5") == 0
    capsys.readouterr()
    assert run(home, "settings") == 0
    listing = capsys.readouterr().out
    assert all(f"{key} = " in listing for key in SETTINGS)
    assert run(home, "settings", "security.auto_lock_minutes", "30") == 0
    assert capsys.readouterr().out == "security.auto_lock_minutes = 30\n"
    assert run(home, "settings", "security.auto_lock_minutes") == 0
    assert json.loads(capsys.readouterr().out) == 30
    assert run(home, "settings", "booster.threshold", "auto") == 0
    assert capsys.readouterr().out == "booster.threshold = null\n"


def test_a_bad_value_exits_2_and_keeps_the_old_one(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "log", "mood", "5") == 0
    assert run(home, "settings", "security.auto_lock_minutes", "-5") == 2
    assert "security.auto_lock_minutes" in capsys.readouterr().err
    assert run(home, "settings", "security.auto_lock_minutes") == 0
    assert capsys.readouterr().out.strip().endswith("15")
