"""One SQLCipher connection: the key is checked first, writes are all or nothing, failures
get a message and constraint bugs do not.

Real SQLCipher files in ``tmp_path``; the disk-full case is a real ``SQLITE_FULL``
from a page limit, not a mock.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from ketajournal.storage.connection import (
    KEY_BYTES,
    PAGE_BYTES,
    WriteFailedError,
    WrongKeyError,
    configure_durability,
    connect,
    content_state,
    integrity_problems,
    key_fits_first_page,
    schema_version,
    transaction,
    write_failure_reason,
)
from ketajournal.storage.handle import JournalDatabase

KEY = bytes(range(KEY_BYTES))
OTHER_KEY = bytes(reversed(range(KEY_BYTES)))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[JournalDatabase]:
    conn = connect(tmp_path / "j.db", KEY)
    configure_durability(conn)
    database = JournalDatabase(conn)
    database.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    database.execute(
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id), "
        "blob BLOB)"
    )
    yield database
    database.close()


def rows(database: JournalDatabase, table: str) -> int:
    return int(database.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_wrong_key_fails_on_connect_and_leaves_the_file_byte_for_byte(
    db: JournalDatabase, tmp_path: Path
) -> None:
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = (tmp_path / "j.db").read_bytes()
    with pytest.raises(WrongKeyError, match="Nothing was changed"):
        connect(tmp_path / "j.db", OTHER_KEY)
    assert (tmp_path / "j.db").read_bytes() == before


def test_a_key_of_the_wrong_length_is_refused_before_any_file_exists(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        connect(tmp_path / "short.db", KEY[:16])
    assert not (tmp_path / "short.db").exists()


def test_every_connection_gets_the_privacy_pragmas_and_durability_adds_wal_full(
    db: JournalDatabase, tmp_path: Path
) -> None:
    plain = connect(tmp_path / "j.db", KEY)
    try:
        assert plain.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert plain.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert plain.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        assert plain.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    finally:
        plain.close()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_transaction_commits_on_success_and_rolls_back_on_error(db: JournalDatabase) -> None:
    with transaction(db):
        db.execute("INSERT INTO parent (id) VALUES (1)")
    with pytest.raises(KeyError), transaction(db):
        db.execute("INSERT INTO parent (id) VALUES (2)")
        raise KeyError("a bug half-way through")
    assert rows(db, "parent") == 1
    assert not db.conn.in_transaction


def test_transactions_do_not_nest(db: JournalDatabase) -> None:
    with transaction(db), pytest.raises(RuntimeError, match="not nested"), transaction(db):
        pass  # pragma: no cover - the inner transaction never starts


def test_a_constraint_violation_is_a_bug_and_propagates_as_itself(db: JournalDatabase) -> None:
    with pytest.raises(sqlcipher3.IntegrityError), transaction(db):
        db.execute("INSERT INTO parent (id) VALUES (1)")
        db.execute("INSERT INTO child (parent_id) VALUES (99)")  # no such parent
    assert rows(db, "parent") == 0


def test_a_full_disk_becomes_write_failed_with_a_reason_and_nothing_is_kept(
    db: JournalDatabase,
) -> None:
    pages = int(db.execute("PRAGMA page_count").fetchone()[0])
    db.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(WriteFailedError) as caught, transaction(db):
        db.execute("INSERT INTO parent (id) VALUES (1)")
        db.execute("INSERT INTO child (parent_id, blob) VALUES (1, ?)", [os.urandom(64 * 1024)])
    assert caught.value.reason == "the disk is full"
    assert "Nothing already saved was changed" in str(caught.value)
    assert rows(db, "parent") == 0 and not db.conn.in_transaction


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("database or disk is full", "the disk is full"),
        ("attempt to write a readonly database", "the journal is read-only"),
        ("database is locked", "another program is writing to the journal; try again"),
        ("disk I/O error", "the disk reported an input/output error"),
        ("something else", "the database reported OperationalError"),
    ],
)
def test_write_failures_are_named_without_the_statement(message: str, reason: str) -> None:
    assert write_failure_reason(sqlcipher3.OperationalError(message)) == reason


def test_a_healthy_file_has_no_integrity_problems_and_a_dangling_key_is_named(
    db: JournalDatabase,
) -> None:
    assert integrity_problems(db) == []
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("INSERT INTO child (parent_id) VALUES (7)")
    assert integrity_problems(db) == ["foreign key in child row 1 points to a missing parent row"]


def test_schema_version_reads_user_version(db: JournalDatabase) -> None:
    assert schema_version(db) == 0
    db.execute("PRAGMA user_version = 4")
    assert schema_version(db) == 4


def test_the_first_page_is_checked_against_the_key_as_sqlcipher_does(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    key = os.urandom(32)
    conn = connect(path, key)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    page = path.read_bytes()[:PAGE_BYTES]
    assert key_fits_first_page(page, key)
    assert not key_fits_first_page(page, os.urandom(32))
    assert not key_fits_first_page(page[:-1], key)
    flipped = bytearray(page)
    flipped[100] ^= 0x01
    assert not key_fits_first_page(bytes(flipped), key)


def test_the_content_state_moves_with_every_write_from_any_connection(
    db: JournalDatabase, tmp_path: Path
) -> None:
    first = content_state(db)
    db.execute("SELECT count(*) FROM parent").fetchall()
    assert first is not None and content_state(db) == first  # a read changes nothing
    with transaction(db):
        db.execute("INSERT INTO parent (id) VALUES (1)")
        assert content_state(db) is None  # rows that may still be rolled back
    after_write = content_state(db)
    assert after_write not in (None, first)
    with pytest.raises(KeyError), transaction(db):
        db.execute("INSERT INTO parent (id) VALUES (2)")
        raise KeyError("rolled back")
    after_rollback = content_state(db)
    assert after_rollback not in (None, after_write)
    other = JournalDatabase(connect(tmp_path / "j.db", KEY))
    try:
        with transaction(other):
            other.execute("DELETE FROM parent")
    finally:
        other.close()
    assert content_state(db) not in (None, after_rollback)  # another connection committed
