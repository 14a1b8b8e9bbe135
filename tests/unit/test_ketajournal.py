"""The package itself: its names for the app, and no side effects on import."""

from __future__ import annotations

import subprocess
import sys

import ketajournal


def test_the_app_names_are_what_the_desktop_files_use() -> None:
    assert ketajournal.APP_ID == "org.ketajournal.KetaJournal"
    assert ketajournal.APP_NAME == "ketajournal"
    assert ketajournal.APP_TITLE == "KetaJournal"
    assert ketajournal.__version__.count(".") == 2


def test_importing_the_package_loads_neither_qt_nor_storage() -> None:
    code = (
        "import sys, ketajournal; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'ketajournal.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
