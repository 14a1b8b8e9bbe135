"""The build recipes' own logic: the Windows version resource, the smoke test's wiring.

Building the frozen app takes a minute, so it is not done here: ``.ci/run`` builds it
and runs ``packaging/smoke.sh`` in a step of its own.
"""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

from ketajournal import __version__

ROOT = Path(__file__).resolve().parents[1]
VERSION_INFO = runpy.run_path(str(ROOT / "packaging" / "windows" / "version_info.py"))


class Recorded:
    """Stands in for each of PyInstaller's version-resource classes (they need pefile)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs


def evaluate(text: str) -> Any:
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
             "StringStruct", "VarFileInfo", "VarStruct"]
    return eval(text, {"__builtins__": {}}, {name: Recorded for name in names})


def test_version_numbers_come_from_the_version_string() -> None:
    version_tuple = VERSION_INFO["version_tuple"]
    assert version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_tuple("1.12.3.4") == (1, 12, 3, 4)
    assert version_tuple("0.2.0rc1") == (0, 2, 0, 0)


def test_windows_version_resource_states_the_apps_version() -> None:
    info = evaluate(VERSION_INFO["version_file_text"](__version__))
    fixed = info.kwargs["ffi"].kwargs
    assert fixed["filevers"] == fixed["prodvers"] == VERSION_INFO["version_tuple"](__version__)
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "ketajournal.exe"


def test_the_ci_builds_the_spec_and_runs_the_smoke_test_after_the_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    tests = ci.index(".venv/bin/pytest")
    build = ci.index("-m PyInstaller --noconfirm")
    assert build > tests
    assert "packaging/ketajournal.spec" in ci[build:].splitlines()[0]
    assert ci.index("packaging/smoke.sh") > tests


def test_the_spec_collects_what_is_loaded_by_name() -> None:
    spec = (ROOT / "packaging" / "ketajournal.spec").read_text(encoding="utf-8")
    assert 'collect_data_files("ketajournal.assets")' in spec
    assert "fonts/Vera*.ttf" in spec
    for needed in ("PIL", "PySide6.QtOpenGL"):  # ReportLab needs PIL; pyqtgraph QtOpenGL
        assert f'"{needed}",' not in spec.split("excludes = [", 1)[1].split("]", 1)[0]
