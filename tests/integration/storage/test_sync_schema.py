"""The sync schema (migration 0008_sync_identities): global ids, stamps, change capture."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from sqlite_utils import Database

from ketajournal.domain.ids import id_time_ms, is_global_id
from ketajournal.domain.models import MoodEntry, Session, SideEffect, SideEffectCategory
from ketajournal.platform.keystore import SERVICE, KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.storage.connection import connect, transaction
from ketajournal.storage.sync_schema import SYNCED_TABLES
from ketajournal.storage.sync_store import SyncStore
from tests.fixtures.make_journals import TEST_KEY, TEST_KEY_HEX, fixture_dir, fixture_versions
from tests.support.clock import NOW
from tests.support.keyrings import MemoryKeyring

#: The schema that migration 0008_sync_identities makes.
SYNC_SCHEMA = 8


def _outbox(journal: Journal) -> list[tuple[str, str, str]]:
    rows = journal._db.execute("SELECT tbl, gid, op FROM sync_outbox ORDER BY seq").fetchall()
    return [(str(t), str(g), str(o)) for t, g, o in rows]


def _gid(journal: Journal, table: str, row_id: int) -> str:
    return str(journal._db.execute(f"SELECT gid FROM {table} WHERE id = ?", [row_id]).fetchone()[0])


def test_the_newest_fixture_migrates_with_every_row_given_its_own_global_id(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    # The newest fixture from before this migration: its rows get their global ids here.
    newest = max(v for v in fixture_versions() if v < SYNC_SCHEMA)
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    for name in ("journal.db", "journal.header"):
        shutil.copyfile(fixture_dir(newest) / name, home / name)
    raw = Database(connect(home / "journal.db", TEST_KEY), execute_plugins=False)
    before = {t.name: raw.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0]
              for t in SYNCED_TABLES}
    raw.close()
    manifest = json.loads((fixture_dir(newest) / "manifest.json").read_text("utf-8"))
    memory_keyring.set_password(SERVICE, f"journal-{manifest['journal_id']}", TEST_KEY_HEX)
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        gids: list[str] = []
        for table in SYNCED_TABLES:
            rows = journal._db.execute(f"SELECT gid, stamp FROM {table.name}").fetchall()
            assert len(rows) == before[table.name]
            assert all(stamp is None for _, stamp in rows)  # nothing sent yet
            gids.extend(str(gid) for gid, _ in rows)
        assert len(gids) == sum(before.values()) > 0
        assert all(is_global_id(g) for g in gids)
        assert len(set(gids)) == len(gids)
        assert _outbox(journal) == []  # the backfill is not a change to send
        device = journal._db.execute("SELECT value FROM sync_local WHERE key = 'device'")
        assert is_global_id(device.fetchone()[0])
    finally:
        journal.close()


def _link(journal: Journal) -> None:
    with transaction(journal._db):
        SyncStore(journal._db).set_local("folder", "/a/folder")


def test_before_linking_only_deletions_are_noted(journal: Journal) -> None:
    entry, _ = journal.log(MoodEntry(at=NOW, mood=5))
    journal.update(MoodEntry(at=NOW, mood=6, id=entry.id))
    assert _outbox(journal) == []
    journal.delete("mood", entry.id or 0)
    assert [op for _, _, op in _outbox(journal)] == ["delete"]


def test_every_insert_update_and_delete_is_noted_in_the_outbox(journal: Journal) -> None:
    _link(journal)
    entry, _ = journal.log(MoodEntry(at=NOW, mood=5))
    assert entry.id is not None
    gid = _gid(journal, "mood_entries", entry.id)
    assert is_global_id(gid) and abs(id_time_ms(gid) - _now_ms()) < 60_000
    journal.update(MoodEntry(at=NOW, mood=6, id=entry.id))
    deleted, _ = journal.delete("mood", entry.id)
    assert _outbox(journal) == [
        ("mood_entries", gid, "upsert"), ("mood_entries", gid, "upsert"),
        ("mood_entries", gid, "delete"),
    ]
    # Undoing the delete brings the entry back under its old global id.
    journal.undelete(deleted)
    assert _gid(journal, "mood_entries", entry.id) == gid


def test_a_session_delete_that_unlinks_side_effects_notes_them_too(journal: Journal) -> None:
    _link(journal)
    session, _ = journal.log(Session(at=NOW, route="iv", phase="induction"))
    effect, _ = journal.log(
        SideEffect(at=NOW, category=SideEffectCategory.NAUSEA, severity=2, session_id=session.id)
    )
    journal._db.execute("DELETE FROM sync_outbox")
    journal.delete("session", session.id or 0)
    noted = {(t, o) for t, _, o in _outbox(journal)}
    assert noted == {("sessions", "delete"), ("side_effects", "upsert")}
    assert effect.id is not None


def _now_ms() -> int:
    return time.time_ns() // 1_000_000
