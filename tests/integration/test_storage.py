"""The storage package: importing it loads sqlite-utils without numpy or dateutil's parser
(docs/performance.md)."""

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


def test_dateutils_parser_is_put_off_and_still_parses_when_used() -> None:
    code = (
        "import sys, ketajournal.storage, sqlite_utils.recipes as recipes; "
        "print('dateutil.parser' in sys.modules, recipes.parsedate('2024-01-02'), "
        "recipes.parsedatetime('3 Feb 2024 04:05'), 'dateutil.parser' in sys.modules, "
        "recipes.parser is sys.modules['dateutil.parser'] or type(recipes.parser).__name__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split() == [
        "False", "2024-01-02", "2024-02-03T04:05:00", "True", "_ImportedWhenUsed"
    ]
