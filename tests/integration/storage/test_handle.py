"""The journal's database: opened and read without sqlite-utils, every write through it.

Real SQLCipher files in ``tmp_path``; the imports are checked in a fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.clock import Clock
from ketajournal.platform.keystore import KeyringKeyStore, MemoryKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import demo
from ketajournal.services.opening import open_journal
from ketajournal.storage.connection import KEY_BYTES, configure_durability, connect, transaction
from ketajournal.storage.handle import JournalDatabase, import_sqlite_utils, is_read
from ketajournal.storage.header import read_header
from tests.support.clock import NOW
from tests.support.paths import ROOT

KEY = bytes(range(KEY_BYTES))

#: What a start must not import before Today is drawn: sqlite-utils and what came with it,
#: and the modules of ours that Today does not use.
PUT_OFF = (
    "sqlite_utils", "click", "pluggy", "dateutil", "numpy",
    "ketajournal.storage.backup", "ketajournal.services.backups",
    "ketajournal.services.imports.daylio", "ketajournal.services.imports.common",
    "ketajournal.reports.factor_formats", "ketajournal.reports.entry_json",
    "ketajournal.reports.medication_formats",
)

#: A child that opens the journal as a start does and reads what Today reads.
TODAY_READS = """
import json, sys
from pathlib import Path
from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import MemoryKeyStore, keyring_entry
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import clinical
from ketajournal.services.drafts import Drafts
from ketajournal.services.medications import MedicationList
from ketajournal.services.opening import open_checked
from ketajournal.services.plans import Plans
from ketajournal.services.settings import Settings

home, journal_id, key = Path(sys.argv[1]), sys.argv[2], bytes.fromhex(sys.argv[3])
keys = MemoryKeyStore()
keys.put(keyring_entry(home, journal_id), key)
journal = open_checked(JournalPaths(home), keys, create=False, verify=False).journal
drafts = Drafts(journal)
MedicationList(journal)
plans = Plans(journal)
today = journal.now().date()
read = {
    "drafts": len(drafts.pending()),
    "tags": journal.tag_names(),
    "flags": len(clinical.safety_flags(journal, unacknowledged_only=True)),
    "due": len(clinical.due_items(journal)),
    "phq9": clinical.measure_status(journal, "phq9") is not None,
    "moods": len(journal.entries_on_days(MoodEntry.kind, today, today)),
    "planned": [plans.next_session() is None, len(plans.to_ask_about()), plans.next_end()],
    "settings": Settings(journal).get("clinical.questionnaire_interval_days"),
}
print(json.dumps({"loaded": [m for m in json.loads(sys.argv[4]) if m in sys.modules],
                  "read": read, "handed_over": journal._db.handed_over}))
"""


def _make_journal(home: Path, clock: Clock) -> tuple[str, bytes]:
    keys = MemoryKeyStore()
    journal = open_journal(JournalPaths(home), keys, clock=clock)
    data = demo.generate(journal.now())
    journal.log_all(data.entries, data.session_of)
    key = journal.data_key
    journal.close()
    return read_header(JournalPaths(home).header).journal_id, key


def test_opening_and_todays_reads_import_no_sqlite_utils(tmp_path: Path) -> None:
    home = tmp_path / "home"
    journal_id, key = _make_journal(home, lambda: NOW)
    out = subprocess.run(
        [sys.executable, "-c", TODAY_READS, str(home), journal_id, key.hex(),
         json.dumps(PUT_OFF)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    found = json.loads(out.stdout)
    assert found["loaded"] == []
    assert found["handed_over"] is False
    assert found["read"]["phq9"] is True  # real reads of real rows


def _mood(clock: Clock, mood: int) -> MoodEntry:
    return MoodEntry(at=clock(), mood=mood)


def test_the_first_write_after_opening_goes_through_sqlite_utils_and_lands(
    tmp_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = JournalPaths(tmp_path / "home")
    open_journal(paths, KeyringKeyStore(), clock=lambda: NOW).close()
    journal = open_journal(paths, KeyringKeyStore(), create=False, clock=lambda: NOW)
    try:
        db = journal._db
        assert not db.handed_over
        assert journal.entries_on_days(MoodEntry.kind, NOW.date(), NOW.date()) == []
        assert not db.handed_over  # reads stay on the connection

        database_class = import_sqlite_utils().Database
        seen: list[str] = []
        execute = database_class.execute

        def spy(self: Any, sql: str, parameters: Any = None) -> Any:
            seen.append(sql.split()[0].upper())
            return execute(self, sql, parameters)

        monkeypatch.setattr(database_class, "execute", spy)
        saved, _ = journal.log(_mood(lambda: NOW, 7))
        assert db.handed_over
        assert "INSERT" in seen
    finally:
        journal.close()
    again = open_journal(paths, KeyringKeyStore(), create=False, clock=lambda: NOW)
    try:
        assert again.get("mood", saved.id or 0) == saved
    finally:
        again.close()


@pytest.fixture
def db(tmp_path: Path) -> Any:
    conn = connect(tmp_path / "j.db", KEY)
    configure_durability(conn)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)")
    conn.execute("INSERT INTO t (x) VALUES ('a')")
    database = JournalDatabase(conn)
    yield database
    database.close()


def test_reads_behave_as_sqlite_utils_reads(db: JournalDatabase) -> None:
    assert list(db.query("SELECT * FROM t")) == [{"id": 1, "x": "a"}]
    assert list(db.query("SELECT id, x AS id FROM t")) == [{"id": 1, "id_2": "a"}]
    assert db.execute("SELECT x FROM t WHERE id = ?", [1]).fetchone() == ("a",)
    assert db.execute("PRAGMA user_version").fetchone() == (0,)
    assert list(db.query("SELECT x FROM t WHERE id = :id", {"id": 1})) == [{"x": "a"}]


@pytest.mark.parametrize(("sql", "check", "expected"), [
    ("INSERT INTO t (x) VALUES ('b')", "SELECT count(*) FROM t", 2),
    ("UPDATE t SET x = 'b'", "SELECT count(*) FROM t WHERE x = 'b'", 1),
    ("CREATE TABLE u (y)", "SELECT count(*) FROM sqlite_master WHERE name = 'u'", 1),
    ("PRAGMA user_version = 3", "PRAGMA user_version", 3),
])
def test_a_write_on_a_fresh_handle_is_handed_to_sqlite_utils_and_lands(
    tmp_path: Path, sql: str, check: str, expected: int
) -> None:
    conn = connect(tmp_path / "w.db", KEY)
    configure_durability(conn)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)")
    conn.execute("INSERT INTO t (x) VALUES ('a')")
    db = JournalDatabase(conn)
    try:
        db.execute(sql)
        assert db.handed_over
    finally:
        db.close()
    other = connect(tmp_path / "w.db", KEY)
    try:
        assert other.execute(check).fetchone()[0] == expected
    finally:
        other.close()


@pytest.mark.parametrize(("sql", "read"), [
    ("SELECT * FROM t", True),
    ("  select count(*) FROM t WHERE id = ?", True),
    ("PRAGMA user_version", True),
    ("PRAGMA main.data_version;", True),
    ("PRAGMA table_info(t)", True),
    ("PRAGMA integrity_check", True),
    ("PRAGMA user_version = 3", False),
    ("PRAGMA journal_mode = WAL", False),
    ("PRAGMA wal_checkpoint(TRUNCATE)", False),
    ("PRAGMA optimize", False),
    ("SELECT sqlcipher_export('backup')", False),
    ("WITH x AS (SELECT 1) DELETE FROM t", False),
    ("WITH x AS (SELECT 1) SELECT * FROM x", False),  # unsure: through sqlite-utils
    ("-- a comment\nSELECT 1", False),
    ("INSERT INTO t (x) VALUES ('b')", False),
    ("BEGIN", False),
    ("ATTACH DATABASE 'x' AS y", False),
])
def test_only_a_statement_that_can_only_read_runs_before_the_handover(
    sql: str, read: bool
) -> None:
    assert is_read(sql) is read


def test_a_write_after_a_read_in_one_string_is_refused_not_run(db: JournalDatabase) -> None:
    """``is_read`` looks at the first statement only: the driver refuses a second one."""
    import sqlcipher3

    for sql in ("SELECT 1; DELETE FROM t", "select x FROM t;\nINSERT INTO t (x) VALUES ('b')"):
        with pytest.raises((sqlcipher3.Warning, sqlcipher3.ProgrammingError)):
            db.execute(sql)
        with pytest.raises((sqlcipher3.Warning, sqlcipher3.ProgrammingError)):
            list(db.query(sql))
    assert db.execute("SELECT x FROM t").fetchall() == [("a",)]


def test_a_read_does_not_hand_over(db: JournalDatabase) -> None:
    db.execute("SELECT count(*) FROM t").fetchone()
    list(db.query("PRAGMA table_info(t)"))
    assert not db.handed_over
    db.execute("WITH x AS (SELECT 1) SELECT * FROM x").fetchall()
    assert db.handed_over


def test_a_transaction_hands_over_first(db: JournalDatabase) -> None:
    with transaction(db):
        assert db.handed_over
        db.execute("DELETE FROM t")
    assert db.execute("SELECT count(*) FROM t").fetchone() == (0,)


def _child(code: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return out.stdout.split()


def test_sqlite_utils_is_imported_without_numpy_and_numpy_still_imports_afterwards() -> None:
    assert _child(
        "import sys; from ketajournal.storage.handle import import_sqlite_utils; "
        "import_sqlite_utils(); print('sqlite_utils.db' in sys.modules, 'numpy' in sys.modules); "
        "import numpy; print(numpy.float64(1.5) * 2)"
    ) == ["True", "False", "3.0"]


def test_dateutils_parser_is_put_off_and_still_parses_when_used() -> None:
    assert _child(
        "import sys; from ketajournal.storage.handle import import_sqlite_utils; "
        "import_sqlite_utils(); import sqlite_utils.recipes as recipes; "
        "print('dateutil.parser' in sys.modules, recipes.parsedate('2024-01-02'), "
        "recipes.parsedatetime('3 Feb 2024 04:05'), 'dateutil.parser' in sys.modules, "
        "recipes.parser is sys.modules['dateutil.parser'] or type(recipes.parser).__name__)"
    ) == ["False", "2024-01-02", "2024-02-03T04:05:00", "True", "_ImportedWhenUsed"]


def test_click_and_the_plugin_hooks_are_put_off_and_still_work_when_used() -> None:
    assert _child(
        "import sys; from ketajournal.storage.handle import import_sqlite_utils; "
        "su = import_sqlite_utils(); "
        "print(*(m in sys.modules for m in ('click', 'pluggy', 'sqlite_utils.plugins', "
        "'sqlite_utils.hookspecs'))); "
        "db = su.Database(memory=True); "  # plugins executed: the real hooks load
        "import sqlite_utils.plugins as p, sqlite_utils.utils as u; "
        "print(p.get_plugins(), 'pluggy' in sys.modules, callable(u.click.progressbar))\n"
        "@su.hookimpl\n"
        "def prepare_connection(conn): pass\n"
        "print(hasattr(prepare_connection, 'sqlite_utils_impl'))"
    ) == ["False", "False", "False", "False", "[]", "True", "True", "True"]


#: A child in which another thread imports numpy and dateutil's parser while sqlite-utils
#: is being imported (held half-way until they are done or waiting).
IMPORT_ON_TWO_THREADS = """
import importlib.abc, importlib.machinery, sys, threading
from ketajournal.storage.handle import import_sqlite_utils

half_way, go_on = threading.Event(), threading.Event()

class Gate(importlib.abc.MetaPathFinder):  # holds the module's execution, not the finders
    def find_spec(self, name, path=None, target=None):
        if name != "sqlite_utils.create_table_parser":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module
        def held(module):
            half_way.set()
            go_on.wait(10)
            run(module)
        spec.loader.exec_module = held
        return spec

sys.meta_path.insert(0, Gate())
worker = threading.Thread(target=import_sqlite_utils)
worker.start()
half_way.wait(10)
import numpy
print(numpy.float64(1.5) * 2)
threading.Timer(0.2, go_on.set).start()
from dateutil.parser import parse  # waits for the import to end, then the real parser
print(parse("2024-01-02").date(), "sqlite_utils.db" in sys.modules)
worker.join()
"""


def test_other_threads_get_the_real_modules_while_sqlite_utils_is_imported() -> None:
    assert _child(IMPORT_ON_TWO_THREADS) == ["3.0", "2024-01-02", "True"]


#: A child in which another thread is half-way through its walk of ``sys.meta_path`` (as
#: every import walks it) while sqlite-utils' import ends: it must still see every finder.
META_PATH_WALKED_MEANWHILE = IMPORT_ON_TWO_THREADS.split("import numpy")[0] + """
walk = iter(sys.meta_path)
seen = [next(walk) for _ in range(3)]
go_on.set()
worker.join()
seen.extend(walk)
print(all(finder in seen for finder in sys.meta_path), "sqlite_utils.db" in sys.modules)
"""


def test_an_import_on_another_thread_sees_every_finder_when_sqlite_utils_import_ends() -> None:
    assert _child(META_PATH_WALKED_MEANWHILE) == ["True", "True"]


def test_another_thread_reads_on_while_the_connection_is_handed_over(
    db: JournalDatabase,
) -> None:
    import threading

    counted: list[int] = []
    failed: list[BaseException] = []
    started, written = threading.Event(), threading.Event()

    def read() -> None:
        try:
            i = 0
            while not written.is_set() or counted[-1] != 2:
                i += 1
                started.set()
                # A new statement each time: each is prepared while the handover runs.
                sql = f"SELECT count(*) FROM t WHERE id > {-i}"
                counted.append(db.execute(sql).fetchone()[0])
        except BaseException as error:
            failed.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    started.wait(10)
    with transaction(db):
        db.execute("INSERT INTO t (x) VALUES ('b')")
    written.set()
    reader.join(60)
    assert not failed
    assert counted[-1] == 2 and set(counted) <= {1, 2}  # no error, no deadlock
