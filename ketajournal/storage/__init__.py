"""Storage: the SQLCipher-encrypted SQLite journal, its migrations and repositories.

Importing this package first imports sqlite-utils with numpy hidden and dateutil's
parser put off. sqlite-utils imports numpy (and tries pandas) at import time only to
map their scalar types to column types for ``Table.insert``; ketajournal never uses
that (all its SQL is explicit). Loading numpy there cost 70–110 ms and 16 MiB before
the first window (docs/performance.md), where nothing needs it; the charts import it
normally later. Its ``recipes`` module imports ``dateutil.parser`` (about 12 ms at
start) for date-parsing helpers the journal never calls: a stand-in takes its place
and imports the real parser if one of them is ever called.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any


class _ImportedWhenUsed(types.ModuleType):
    """Stands in for a module while sqlite-utils is imported; the real one loads on use."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            raise AttributeError(name)  # still standing in: the import is not over
        return getattr(importlib.import_module(self.__name__), name)


def _import_sqlite_utils_lightly() -> None:
    if "sqlite_utils.db" in sys.modules or "numpy" in sys.modules:
        return  # too late to matter, or already done
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    later = "dateutil.parser"
    stand_in = None if later in sys.modules else _ImportedWhenUsed(later)
    if stand_in is not None:
        sys.modules[later] = stand_in
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        if sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]
        if stand_in is not None and sys.modules.get(later) is stand_in:
            del sys.modules[later]


_import_sqlite_utils_lightly()
