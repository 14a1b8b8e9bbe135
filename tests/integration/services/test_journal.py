"""What an open Journal tells other services: its home and (sensitive) its key.

Entries, writes and undo are tested in test_storage.py; here only the public
accessors that replaced reaching into the journal's private fields.
"""

from __future__ import annotations

import pytest

from ketajournal.platform.keystore import KeyringKeyStore, keyring_entry
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.storage.database import open_database
from ketajournal.storage.header import read_header


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
