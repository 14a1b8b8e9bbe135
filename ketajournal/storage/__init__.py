"""Storage: the SQLCipher-encrypted SQLite journal, its migrations and repositories.

Importing this package first imports sqlite-utils with numpy hidden. sqlite-utils
imports numpy (and tries pandas) at import time only to map their scalar types to
column types for ``Table.insert``; ketajournal never uses that (all its SQL is
explicit). Loading numpy there cost 70–110 ms and 16 MiB before the first window
(docs/performance.md), where nothing needs it; the charts import it normally later.
"""

from __future__ import annotations

import sys


def _import_sqlite_utils_without_numpy() -> None:
    if "sqlite_utils.db" in sys.modules or "numpy" in sys.modules:
        return  # too late to matter, or already done
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        if sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]


_import_sqlite_utils_without_numpy()
