"""A frozen app's children, started for real: no bundle variables reach them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ketajournal.platform.child_env import RESET, clean_for_children

DUMP = "import json, os; print(json.dumps(dict(os.environ)))"


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This process as PyInstaller's bootloader and PySide6 hook leave a frozen app."""
    bundle = tmp_path / "ketajournal" / "_internal"
    bundle.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setenv("QT_PLUGIN_PATH", str(bundle / "PySide6" / "Qt" / "plugins"))
    monkeypatch.setenv("QML2_IMPORT_PATH", str(bundle / "PySide6" / "Qt" / "qml"))
    monkeypatch.setenv("_PYI_APPLICATION_HOME_DIR", str(bundle))
    monkeypatch.setenv("PATH", f"{bundle}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv(RESET, raising=False)
    return bundle


def test_a_program_the_frozen_app_starts_gets_no_bundle_variable(frozen: Path) -> None:
    clean_for_children()
    child = json.loads(subprocess.run([sys.executable, "-c", DUMP], capture_output=True,
                                      text=True, check=True, timeout=60).stdout)
    assert "QT_PLUGIN_PATH" not in child and "QML2_IMPORT_PATH" not in child
    assert not any(name.startswith("_PYI_") for name in child)
    assert str(frozen) not in child["PATH"].split(os.pathsep)
    assert child[RESET] == "1"


def test_the_cli_cleans_before_a_command_starts_anything(
    frozen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ketajournal.cli import main

    assert main(["--home", str(tmp_path / "home"), "due"]) == 1  # no journal there
    assert "no journal" in capsys.readouterr().err
    assert "QT_PLUGIN_PATH" not in os.environ and os.environ[RESET] == "1"
