"""The sync schema (migrations 0008_sync_identities, 0009_sync_more): global ids, stamps,
change capture."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from ketajournal.domain.ids import id_time_ms, is_global_id, natural_id
from ketajournal.domain.models import MoodEntry, Session, SideEffect, SideEffectCategory
from ketajournal.platform.keystore import SERVICE, KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.storage.connection import connect, transaction
from ketajournal.storage.handle import JournalDatabase
from ketajournal.storage.migrations import SCHEMA_VERSION
from ketajournal.storage.sync_schema import SYNCED_SETTINGS, SYNCED_TABLES
from ketajournal.storage.sync_store import SyncStore
from tests.fixtures.make_journals import (
    TEST_KEY,
    TEST_KEY_HEX,
    build,
    fixture_dir,
    fixture_versions,
    journal_id,
)
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
    raw = JournalDatabase(connect(home / "journal.db", TEST_KEY))
    before = {t.name: raw.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0]
              for t in SYNCED_TABLES}
    before["settings"] = sum(  # only the patient's settings sync, not the computer's
        1 for (key,) in raw.execute("SELECT key FROM settings").fetchall()
        if key in SYNCED_SETTINGS)
    raw.close()
    manifest = json.loads((fixture_dir(newest) / "manifest.json").read_text("utf-8"))
    memory_keyring.set_password(SERVICE, f"journal-{manifest['journal_id']}", TEST_KEY_HEX)
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        gids: list[str] = []
        for table in SYNCED_TABLES:
            only = " WHERE gid IS NOT NULL" if table.only_keys else ""  # settings that sync
            rows = journal._db.execute(f"SELECT gid, stamp FROM {table.name}{only}").fetchall()
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


def test_migration_0009_gives_lists_and_settings_natural_ids_and_keeps_every_row(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """A schema-8 journal with medications, tags, factors and settings, migrated: every
    row kept; keyed records get the id every computer derives from their key."""
    home = tmp_path / "home"
    build(8, home)
    raw = JournalDatabase(connect(home / "journal.db", TEST_KEY))
    counts = {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("medications", "medication_doses", "tags", "entry_tags", "factors",
                        "factor_values", "settings")}
    raw.close()
    assert all(n > 0 for n in counts.values())
    memory_keyring.set_password(SERVICE, f"journal-{journal_id(8)}", TEST_KEY_HEX)
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        db = journal._db
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        for table, n in counts.items():
            assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n
        for key, gid in db.execute("SELECT key, gid FROM tags").fetchall():
            assert gid == natural_id("tags", key)
        for key, gid in db.execute("SELECT key, gid FROM factors").fetchall():
            assert gid == natural_id("factors", key)
        for med, day, gid in db.execute(
            "SELECT m.gid, d.day, d.gid FROM medication_doses d "
            "JOIN medications m ON m.id = d.medication_id"
        ).fetchall():
            assert is_global_id(med) and gid == natural_id("medication_doses", f"{med}|{day}")
        for mood, tag, gid in db.execute(
            "SELECT m.gid, t.gid, e.gid FROM entry_tags e JOIN mood_entries m ON m.id = e.mood_id "
            "JOIN tags t ON t.id = e.tag_id"
        ).fetchall():
            assert gid == natural_id("entry_tags", f"{mood}|{tag}")
        for factor, day, gid in db.execute(
            "SELECT f.gid, v.day, v.gid FROM factor_values v JOIN factors f ON f.id = v.factor_id"
        ).fetchall():
            assert gid == natural_id("factor_values", f"{factor}|{day}")
        settings = dict(db.execute("SELECT key, gid FROM settings").fetchall())
        assert settings and all(
            (gid == natural_id("settings", key)) if key in SYNCED_SETTINGS else gid is None
            for key, gid in settings.items()
        )
        assert _outbox(journal) == []  # not linked: nothing to send
    finally:
        journal.close()


def test_a_tag_deleted_and_put_back_keeps_its_id_and_computer_settings_never_travel(
    journal: Journal,
) -> None:
    entry, _ = journal.log(MoodEntry(at=NOW, mood=5))
    _link(journal)
    journal.set_tags(entry.id or 0, ["Walk"])
    tag = natural_id("tags", "walk")
    assert ("tags", tag, "upsert") in _outbox(journal)
    journal.set_tags(entry.id or 0, [])
    journal.set_tags(entry.id or 0, ["walk"])
    link = natural_id("entry_tags", f"{_gid(journal, 'mood_entries', entry.id or 0)}|{tag}")
    assert [op for t, g, op in _outbox(journal) if g == link] == ["upsert", "delete", "upsert"]
    journal.set_setting("booster.threshold", 4)
    journal.set_setting("appearance.color_scheme", "dark")
    settings = [g for t, g, _ in _outbox(journal) if t == "settings"]
    assert settings == [natural_id("settings", "booster.threshold")]
