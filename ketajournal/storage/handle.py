"""The journal's database: reads on its connection, every write through sqlite-utils.

A start opens the journal and draws Today from a handful of reads; sqlite-utils
(40–50 ms to import, docs/performance.md) is needed only for writes and migrations.
So :class:`JournalDatabase` runs reads itself, on the SQLCipher connection, with the
semantics sqlite-utils' ``execute`` and ``query`` give them, and hands itself over to a
real ``sqlite_utils.Database`` on the same connection at the first thing that is not a
read: a :func:`~ketajournal.storage.connection.transaction`, a migration, or any
statement that would write. From then on every statement goes through sqlite-utils.

Reads cannot write by mistake: only a statement that can only read runs before the
handover — a ``SELECT`` (SQLite never writes for one; the journal's own SQL functions
do not write) or one of the pragmas that only read, with no value to set
(:func:`is_read`). Anything else, or anything it is unsure of, hands over first and
runs through sqlite-utils. The connection itself is storage's: writes reach it only
through :func:`~ketajournal.storage.connection.transaction`, which hands over first.

(An SQLite authorizer refusing writes was tried: it runs Python at every prepare with
SQLite's lock held, and a second thread on the connection — a job off the UI thread —
then deadlocks with one asking ``in_transaction``, which takes that lock holding the GIL.)

sqlite-utils itself is imported without numpy, with dateutil's parser put off and
without its plugin machinery (click, pluggy): :func:`import_sqlite_utils`.
"""

from __future__ import annotations

import importlib
import importlib.abc
import re
import sys
import threading
import types
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import sqlcipher3

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

#: What :meth:`JournalDatabase.execute` and ``query`` take as parameters (as sqlite-utils).
Parameters = Sequence[Any] | dict[str, Any] | None

#: Pragmas that only read: asked without a value, or with a table to look at.
_READ_PRAGMAS = frozenset({
    "user_version", "data_version", "schema_version", "database_list", "page_count",
    "page_size", "freelist_count", "foreign_keys", "cipher_version", "integrity_check",
    "quick_check", "cipher_integrity_check", "foreign_key_check", "table_info",
    "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
    "foreign_key_list",
})
#: Of those, the ones whose argument says what to look at, not a value to set.
_READ_PRAGMAS_WITH_ARGUMENT = frozenset({
    "integrity_check", "quick_check", "foreign_key_check", "table_info", "table_xinfo",
    "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
})
_PRAGMA = re.compile(
    r"PRAGMA\s+(?:main\.)?(?P<name>\w+)\s*(?:\(\s*(?P<argument>\w+|'\w+'|\"\w+\")\s*\))?\s*;?\s*",
    re.IGNORECASE,
)
#: Functions that write (an export into an attached file, an extension).
_WRITING_FUNCTIONS = re.compile(r"\b(?:sqlcipher_export|load_extension)\s*\(", re.IGNORECASE)


def is_read(sql: str) -> bool:
    """True if ``sql`` can only read: a ``SELECT``, or a pragma that reads (no value set).

    Conservative: a statement that starts otherwise (``WITH`` may lead to a write,
    a comment hides the start) is not taken for a read.
    """
    text = sql.lstrip()
    keyword = text[:6].upper()
    if keyword == "SELECT":
        return not _WRITING_FUNCTIONS.search(text)
    if keyword != "PRAGMA":
        return False
    found = _PRAGMA.fullmatch(text)
    if found is None:
        return False
    name = found["name"].lower()
    if found["argument"] is not None:
        return name in _READ_PRAGMAS_WITH_ARGUMENT
    return name in _READ_PRAGMAS


class JournalDatabase:
    """The journal's one connection: reads at once, writes and migrations through sqlite-utils.

    Storage hands this to the repositories and services. :meth:`execute` and
    :meth:`query` behave as sqlite-utils' do; :attr:`sqlite_utils` is the real
    ``sqlite_utils.Database`` on the same connection, made (and sqlite-utils
    imported) on first use, after which every statement goes through it.
    """

    def __init__(self, conn: sqlcipher3.Connection) -> None:
        self._conn = conn
        self._full: Database | None = None
        self._lock = threading.Lock()

    @property
    def conn(self) -> sqlcipher3.Connection:
        """The SQLCipher connection underneath."""
        return self._conn

    @property
    def handed_over(self) -> bool:
        """True once statements go through sqlite-utils (after the first write or migration)."""
        return self._full is not None

    @property
    def sqlite_utils(self) -> Database:
        """The ``sqlite_utils.Database`` on this connection (after :meth:`hand_over`)."""
        return self.hand_over()

    def hand_over(self) -> Database:
        """Send every statement from now on through sqlite-utils (imported now if need be).

        Makes the ``sqlite_utils.Database`` on this connection, as the journal always
        made it (``execute_plugins=False``). Idempotent.
        """
        full = self._full
        if full is None:
            with self._lock:
                full = self._full
                if full is None:
                    import_sqlite_utils()
                    from sqlite_utils import Database

                    full = Database(self._conn, execute_plugins=False)
                    self._full = full
        return full

    def _run(self, sql: str, read: Callable[[], Any], full: Callable[[Database], Any]) -> Any:
        if self._full is None and is_read(sql):
            return read()
        return full(self.hand_over())

    def execute(self, sql: str, parameters: Parameters = None) -> sqlite3.Cursor:
        """Run one statement and return its cursor (sqlite-utils' ``execute``)."""

        def read() -> Any:
            if parameters is None:
                return self._conn.execute(sql)
            return self._conn.execute(sql, parameters)

        cursor: sqlite3.Cursor = self._run(sql, read, lambda db: db.execute(sql, parameters))
        return cursor

    def query(self, sql: str, params: Parameters = None) -> Iterator[dict[str, Any]]:
        """Run a statement that returns rows; each row as a dict (sqlite-utils' ``query``)."""

        def read() -> Iterator[dict[str, Any]]:
            cursor = self._conn.execute(sql, *(() if params is None else (params,)))
            if cursor.description is None:  # a read always returns rows: not reached
                raise ValueError("query() can only be used with SQL that returns rows")
            keys = [column[0] for column in cursor.description]
            if len(set(keys)) != len(keys):
                # Two columns of one name: sqlite-utils renames them; let it.
                return self.sqlite_utils.query(sql, params)
            return (dict(zip(keys, row, strict=True)) for row in cursor)

        rows: Iterator[dict[str, Any]] = self._run(sql, read, lambda db: db.query(sql, params))
        return rows

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()


#: How long another thread waits for sqlite-utils' import before it uses a put-off module.
_IMPORT_WAIT_S = 30.0


class _Importing:
    """The import of sqlite-utils in progress: the thread doing it, and when it is over."""

    lock = threading.Lock()
    owner: int | None = None
    over = threading.Event()

    @classmethod
    def elsewhere(cls) -> bool:
        """True for a thread other than the one importing sqlite-utils, while it does."""
        return cls.owner is not None and cls.owner != threading.get_ident()


class _Hidden(importlib.abc.MetaPathFinder):
    """Makes ``import numpy`` fail in the thread importing sqlite-utils, and only there."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name.partition(".")[0] == "numpy" and _Importing.owner == threading.get_ident():
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None  # every other import, and numpy in any other thread, as usual


def _real_module(name: str) -> types.ModuleType:
    if _Importing.elsewhere():
        _Importing.over.wait(_IMPORT_WAIT_S)  # the stand-in leaves sys.modules then
    module = importlib.import_module(name)
    if isinstance(module, _ImportedWhenUsed):  # waited in vain: say so, never loop
        raise ImportError(f"{name} is being imported by another thread", name=name)
    return module


class _ImportedWhenUsed(types.ModuleType):
    """Stands in for a module while sqlite-utils is imported; the real one loads on use."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get(self.__name__) is self and not _Importing.elsewhere():
            raise AttributeError(name)  # still standing in: the import is not over
        return getattr(_real_module(self.__name__), name)


class _CalledWhenUsed:
    """A name ``from module import name`` binds: the real object, imported on first use."""

    def __init__(self, module: str, name: str) -> None:
        self._module = module
        self._name = name

    def _real(self) -> Any:
        return getattr(_real_module(self._module), self._name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._real()(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real(), name)


def _stand_in_with(module: str, names: Iterable[str]) -> types.ModuleType:
    stand_in = _ImportedWhenUsed(module, "stands in until one of its names is used")
    for name in names:
        setattr(stand_in, name, _CalledWhenUsed(module, name))
    return stand_in


def import_sqlite_utils() -> types.ModuleType:
    """The ``sqlite_utils`` package, imported (the first time) with the parts we never use put off.

    sqlite-utils imports numpy (and tries pandas) only to map their scalar types to
    column types for ``Table.insert``; all our SQL is explicit, so numpy is hidden from
    the thread doing the import (70–110 ms and 16 MiB; a chart importing numpy on
    another thread meanwhile gets it). Its ``recipes`` import ``dateutil.parser`` for
    date helpers we never call, ``utils`` imports click for a progress bar, and the
    package imports its plugin hooks (click and pluggy) for plugins we never run
    (every ``Database`` is made with ``execute_plugins=False``): each has a stand-in
    for the length of the import that imports the real module when one of its names
    is used (another thread that uses one meanwhile waits for the import to end). Once
    the import is over the stand-ins leave ``sys.modules``, so a later ``import`` of any
    of them gets the real module.
    """
    with _Importing.lock:
        if "sqlite_utils.db" not in sys.modules:
            _import_put_off()
    return sys.modules["sqlite_utils"]


def _import_put_off() -> None:
    stand_ins: dict[str, types.ModuleType] = {}
    for later in ("dateutil.parser", "click"):
        if later not in sys.modules:
            stand_ins[later] = _ImportedWhenUsed(later)
    if "sqlite_utils.hookspecs" not in sys.modules:
        stand_ins["sqlite_utils.hookspecs"] = _stand_in_with(
            "sqlite_utils.hookspecs", ("hookspec", "hookimpl")
        )
        stand_ins["sqlite_utils.plugins"] = _stand_in_with(
            "sqlite_utils.plugins", ("pm", "ensure_plugins_loaded", "get_plugins")
        )
    # The finder stays in sys.meta_path once it is there (it acts only in the importing
    # thread): removing it would shift the list under another thread's import walking
    # it, which would then skip a finder and not find a module that is there.
    if not any(isinstance(finder, _Hidden) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Hidden())
    _Importing.over.clear()
    _Importing.owner = threading.get_ident()
    sys.modules.update(stand_ins)
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        _Importing.owner = None
        _Importing.over.set()
