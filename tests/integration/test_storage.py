"""The storage package: importing it loads sqlite-utils without numpy (docs/performance.md)."""

from __future__ import annotations

import subprocess
import sys

from tests.support.paths import ROOT


def test_importing_storage_loads_sqlite_utils_without_numpy() -> None:
    code = (
        "import sys, ketajournal.storage; "
        "print('sqlite_utils.db' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split() == ["True", "False"]


def test_numpy_still_imports_afterwards() -> None:
    code = "import ketajournal.storage, numpy; print(numpy.float64(1.5) * 2)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "3.0"
