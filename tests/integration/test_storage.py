"""The storage package: importing it, and the modules that open and read a journal, loads
no sqlite-utils (it is imported at the first write: tests/integration/storage/test_handle.py;
docs/performance.md)."""

from __future__ import annotations

import subprocess
import sys

from tests.support.paths import ROOT


def test_importing_storage_to_open_and_read_loads_no_sqlite_utils() -> None:
    code = (
        "import sys, ketajournal.storage, ketajournal.storage.database, "
        "ketajournal.storage.repository, ketajournal.storage.tags, "
        "ketajournal.storage.medications, ketajournal.storage.planned, "
        "ketajournal.storage.drafts, ketajournal.storage.migrations; "
        "print('sqlite_utils' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split() == ["False", "False"]
