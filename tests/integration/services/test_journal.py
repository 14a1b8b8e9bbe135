"""What an open Journal tells other services: its home and (sensitive) its key.

Entries, writes and undo are tested in test_storage.py; here only the public
accessors that replaced reaching into the journal's private fields.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from ketajournal.domain.models import Assessment
from ketajournal.platform.keystore import KeyringKeyStore, keyring_entry
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.storage.connection import transaction
from ketajournal.storage.database import open_database
from ketajournal.storage.header import read_header
from tests.support.clock import NOW


def test_an_opened_journal_knows_its_home_and_the_key_in_the_keyring(
    journal: Journal, paths: JournalPaths
) -> None:
    stored = KeyringKeyStore().get(keyring_entry(paths.home, read_header(paths.header).journal_id))
    assert journal.paths == paths
    assert journal.paths.database.is_file()
    assert stored is not None and journal.data_key == stored


def test_the_key_is_never_in_the_journals_repr(journal: Journal) -> None:
    key = journal.data_key
    text = f"{journal!r} {journal!s} {vars(journal).keys()}"
    assert key.hex() not in text and key.hex().upper() not in text and str(key) not in text


def test_a_journal_opened_without_home_or_key_says_so_instead_of_guessing(
    journal: Journal, paths: JournalPaths
) -> None:
    bare = Journal(open_database(paths.database, journal.data_key))
    try:
        with pytest.raises(RuntimeError, match="without its home"):
            _ = bare.paths
        with pytest.raises(RuntimeError, match="without its key"):
            _ = bare.data_key
        with pytest.raises(RuntimeError, match="without its key"):
            bare.backup_to(paths.home / "copy.db")
        assert bare.counts() == journal.counts()  # the data itself is readable
    finally:
        bare.close()
    assert not (paths.home / "copy.db").exists()


def test_assessments_are_read_once_per_state_and_never_stale(
    journal: Journal, paths: JournalPaths
) -> None:
    """Today asks for them five times; one read serves all until the data changes."""
    def phq9(score: int, hours: int) -> Assessment:
        return Assessment(at=NOW - timedelta(hours=hours), instrument_id="phq9",
                          answers=(score,) * 9)

    journal.log(phq9(1, 5))
    journal.log(Assessment(at=NOW - timedelta(hours=4), instrument_id="gad7", answers=(2,) * 7))
    statements: list[str] = []
    journal._db.conn.set_trace_callback(statements.append)
    try:
        every = journal.assessments()
        assert [a.instrument_id for a in every] == ["phq9", "gad7"]
        assert [a.total for a in journal.assessments("phq9")] == [9]
        assert [a.total for a in journal.assessments("gad7")] == [14]
        assert journal.assessments("phq9", start=NOW - timedelta(hours=6)) == every[:1]
    finally:
        journal._db.conn.set_trace_callback(None)
    reads = [s for s in statements if "FROM assessments" in s]
    assert len(reads) == 2  # every one once, then the ranged query; the rest were filtered

    journal.log(phq9(2, 3))  # a write of this connection
    assert [a.total for a in journal.assessments("phq9")] == [9, 18]
    with pytest.raises(KeyError), transaction(journal._db):
        journal._db.execute("DELETE FROM assessments")
        assert journal.assessments() == []  # inside the transaction: what it sees
        raise KeyError("rolled back")
    assert [a.total for a in journal.assessments("phq9")] == [9, 18]  # not the rolled-back []
    other = open_journal(paths, KeyringKeyStore())  # another connection, as sync's would be
    try:
        other.log(phq9(3, 2))
    finally:
        other.close()
    assert [a.total for a in journal.assessments("phq9")] == [9, 18, 27]
