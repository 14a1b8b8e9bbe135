"""P3: save latency, from the Save action to the committed write, against a raw commit.

A worker process (Qt's offscreen platform) copies the journal home twice. On one
copy it builds the real main window (every view subscribed to the controller, as
in the app) and presses Save: ``TodayView.save_mood(score)``. On the other it opens
a bare ``sqlcipher3`` connection with the same key and the same pragmas as
``storage.connection`` (WAL, ``synchronous=FULL``, foreign keys, secure delete,
temp store in memory) and runs ``BEGIN IMMEDIATE; INSERT …; COMMIT`` — the floor.
The two alternate (which goes first alternates too) for N saves each.

Three times per save:

* ``commit``: ``save_mood`` called → ``Journal.log`` returned (its COMMIT returned).
  ``Journal.log`` is wrapped on the instance to stamp the moment; nothing else changes.
* ``shown``: ``save_mood`` called → it returned, i.e. "Saved at …" is set. This
  includes every view's refresh on the ``changed`` signal, which runs synchronously
  before the label is set.
* ``raw``: the floor's insert + commit.

Run by ``python -m benchmarks.run``; standalone:
``python -m benchmarks.save --home DIR --keyring FILE [--saves 200]`` (prints JSON).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.common import Home, JsonFileKeyStore, emit


def raw_connection(path: Path, key: bytes) -> Any:
    """A bare sqlcipher3 connection with the journal's pragmas (storage.connection)."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() == "wal"
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def run(home: Home, saves: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        app_home = home.copy_to(Path(folder) / "app", backups=False)
        raw_home = home.copy_to(Path(folder) / "raw", backups=False)
        journal = app_home.open()
        window = MainWindow(JournalController(journal))
        window.show()
        for _ in range(5):
            app.processEvents()
        today = window.today

        stamps: dict[str, float] = {}
        log = journal.log

        def timed_log(entry: Any) -> Any:
            result = log(entry)
            stamps["commit"] = time.perf_counter()
            return result

        journal.log = timed_log  # type: ignore[method-assign]

        conn = raw_connection(raw_home.path / "journal.db",
                              JsonFileKeyStore(home.keyring).key_of(home.path))
        now = datetime.now().astimezone()
        row = (now.isoformat(), now.date().isoformat(), now.timestamp(), "", 6, None, None, None)
        insert = ("INSERT INTO mood_entries (at, day, ts, note, mood, anxiety, energy, "
                  "sleep_hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")

        def save(score: int) -> tuple[float, float]:
            start = time.perf_counter()
            today.save_mood(score)
            end = time.perf_counter()
            if not today.status.text().startswith("Saved"):
                raise RuntimeError("the save did not report Saved")
            return stamps["commit"] - start, end - start

        def raw() -> float:
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(insert, row)
            conn.execute("COMMIT")
            return time.perf_counter() - start

        commit, shown, floor = [], [], []
        save(5)  # warm both paths once
        raw()
        gc.collect()
        for i in range(saves):
            if i % 2:
                floor.append(raw())
                c, s = save(i % 11)
            else:
                c, s = save(i % 11)
                floor.append(raw())
            commit.append(c)
            shown.append(s)
            app.processEvents()  # deleteLater, repaint: what the event loop does between saves
        conn.close()
        window.close()
        journal.close()
    ms = 1000.0
    return {
        "commit_ms": [x * ms for x in commit],
        "shown_ms": [x * ms for x in shown],
        "raw_ms": [x * ms for x in floor],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--keyring", type=Path, required=True)
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()
    emit(run(Home(args.home, args.keyring), args.saves))


if __name__ == "__main__":
    main()
