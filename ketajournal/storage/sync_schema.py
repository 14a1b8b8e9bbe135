"""Which tables sync, and the schema that captures their changes: global ids, stamps, outbox.

:data:`SYNCED_TABLES` is the one list of tables whose rows travel between the
patient's computers (docs/sync.md). A table in it gets, from
:func:`add_sync_identity`:

* a ``gid`` column (the record's global id, a UUIDv7, unique) and a ``stamp``
  column (the hybrid-logical-clock stamp of the version last sent or taken in;
  NULL until the row first leaves this computer);
* three triggers that note every insert, update and delete in ``sync_outbox``,
  whatever code made it, so no write path can forget to sync (inserts and updates
  only once the journal is linked to a folder: linking sends every row not yet sent). A row inserted
  without a global id gets one from the trigger: a new UUIDv7 made in SQL, or
  the id it had before it was deleted when the same row comes back (undo of a
  delete puts an entry back under its old row id, and so under its old global id).

Adding a table to sync is adding it to :data:`SYNCED_TABLES` (referenced tables
first) and calling :func:`add_sync_identity` for it from a migration.

``sync_tombstones`` keeps deleted records (global id, stamp), ``sync_history``
the versions that lost a merge, ``sync_superseded`` the versions some computer
edited knowingly (an edit names the version it replaced: no conflict, so not
kept in the history), and ``sync_local`` this computer's own state (device id,
clock, folder, cursors) — never synced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ketajournal.domain.ids import new_id
from ketajournal.storage.connection import NATURAL_ID_SQL

if TYPE_CHECKING:  # migrations hand these sqlite-utils' own Database
    from sqlite_utils import Database


@dataclass(frozen=True)
class SyncedTable:
    """One table that syncs: its name, and its columns that hold another synced row's id.

    ``references`` maps such a column to the table it points into; in change
    files the column carries that row's global id, never a local row id.
    ``natural_key`` names the columns of a unique key two computers could both
    create (a tag's ``key``, a dose's medication and day): such a record's global
    id is derived from that key (:func:`ketajournal.domain.ids.natural_id`, the
    references in it as global ids), so both computers make the same record and
    the later version wins. ``row_key`` is the local row identity (``rowid`` for a
    table without an ``id`` column, ``""`` for a table WITHOUT ROWID: its rows are
    found by global id). ``only_keys`` limits a key-value table to those keys.
    """

    name: str
    references: Mapping[str, str] = field(default_factory=dict)
    natural_key: tuple[str, ...] = ()
    row_key: str = "id"
    only_keys: frozenset[str] = frozenset()

    @property
    def row_sql(self) -> str:
        """The local row id in SQL (``0`` for a table WITHOUT ROWID)."""
        return self.row_key or "0"


#: Settings that are the patient's, not the computer's: they travel. The window's
#: look, starting at login, running in the background, the auto-lock and the record
#: of reminders sent stay on each computer.
SYNCED_SETTINGS = frozenset({
    "booster.threshold",
    "clinical.questionnaire_interval_days",
    "safety.crisis_country",
    "safety.crisis_text",
    "imports.mood_labels",
    "report.paper",
    "due.dismissed",
    "reminders.mood",
    "reminders.mood_time",
    "reminders.sessions",
    "reminders.session_lead_hours",
    "reminders.detailed_text",
})

#: The tables migration 0008 gave global ids (the recorded migration keeps this list).
FIRST_SYNCED = (
    "mood_entries", "sessions", "side_effects", "events", "assessments", "planned_sessions",
)

#: Every table that syncs, referenced tables before the tables that point into them.
SYNCED_TABLES: tuple[SyncedTable, ...] = (
    SyncedTable("mood_entries"),
    SyncedTable("sessions"),
    SyncedTable("side_effects", {"session_id": "sessions"}),
    SyncedTable("events"),
    SyncedTable("assessments"),
    SyncedTable("planned_sessions", {"session_id": "sessions"}),
    SyncedTable("medications"),
    SyncedTable(
        "medication_doses", {"medication_id": "medications"},
        natural_key=("medication_id", "day"),
    ),
    SyncedTable("tags", natural_key=("key",)),
    SyncedTable(
        "entry_tags", {"mood_id": "mood_entries", "tag_id": "tags"},
        natural_key=("mood_id", "tag_id"), row_key="",
    ),
    SyncedTable("factors", natural_key=("key",)),
    SyncedTable(
        "factor_values", {"factor_id": "factors"}, natural_key=("factor_id", "day"), row_key="",
    ),
    SyncedTable("settings", natural_key=("key",), row_key="rowid", only_keys=SYNCED_SETTINGS),
)
SYNCED: dict[str, SyncedTable] = {t.name: t for t in SYNCED_TABLES}
#: Columns every synced table has that never travel: local row id, global id, stamp.
LOCAL_COLUMNS = frozenset({"id", "gid", "stamp"})

#: Unix milliseconds, in SQL (SQLite 3.42+: ``unixepoch('subsec')``).
NOW_MS_SQL = "CAST(unixepoch('subsec') * 1000 AS INTEGER)"
#: A new UUIDv7 (domain/ids.py's layout, with random bits where it keeps a counter), in SQL.
NEW_GID_SQL = (
    "(SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-'"
    " || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r, 4, 3) || '-'"
    " || substr(r, 7, 12)"
    f" FROM (SELECT printf('%012x', {NOW_MS_SQL}) AS h, lower(hex(randomblob(9))) AS r))"
)


#: True once the journal is linked to a sync folder: before that, inserts and updates
#: are not noted (linking sends every row not yet sent); deletions always are, so Undo
#: gives an entry back its global id.
_LINKED = "EXISTS (SELECT 1 FROM sync_local WHERE key = 'folder')"


def create_sync_tables(db: Database) -> None:
    """The outbox, tombstones, history and local-state tables (once, in a migration)."""
    db.execute(
        """CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tbl TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        gid TEXT,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        changed_ms INTEGER NOT NULL,
        replaced TEXT)"""
    )
    db.execute("CREATE INDEX idx_sync_outbox_row ON sync_outbox(tbl, row_id)")
    db.execute(
        """CREATE TABLE sync_tombstones (
        gid TEXT PRIMARY KEY,
        tbl TEXT NOT NULL,
        row_id INTEGER,
        stamp TEXT NOT NULL)"""
    )
    db.execute("CREATE INDEX idx_sync_tombstones_row ON sync_tombstones(tbl, row_id)")
    db.execute(
        """CREATE TABLE sync_history (
        gid TEXT NOT NULL,
        tbl TEXT NOT NULL,
        stamp TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        fields TEXT,
        PRIMARY KEY (gid, stamp))"""
    )
    db.execute(
        """CREATE TABLE sync_superseded (
        gid TEXT NOT NULL,
        stamp TEXT NOT NULL,
        PRIMARY KEY (gid, stamp))"""
    )
    db.execute("CREATE TABLE sync_local (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def natural_key_sql(table: SyncedTable, row: str) -> str:
    """SQL for the natural global id of ``row`` (``NEW``, ``OLD`` or the table's name)
    of a table with a natural key: its key columns, references as global ids,
    joined by ``|``. NULL when a referenced row has no global id."""
    parts = []
    for column in table.natural_key:
        target = table.references.get(column)
        if target is None:
            parts.append(f"CAST({row}.{column} AS TEXT)")
        else:
            parts.append(f"(SELECT gid FROM {target} WHERE id = {row}.{column})")
    joined = " || '|' || ".join(parts)
    return f"{NATURAL_ID_SQL}('{table.name}', {joined})"


def _only(table: SyncedTable, row: str) -> str:
    if not table.only_keys:
        return "1"
    keys = ", ".join(f"'{k}'" for k in sorted(table.only_keys))
    return f"{row}.key IN ({keys})"


def add_natural_sync_identity(db: Database, table: str) -> None:
    """Give ``table``, a table with a natural key (``SyncedTable.natural_key``), global
    ids derived from that key (existing rows too), a stamp column and the triggers
    that capture its changes. Columns are only added."""
    synced = SYNCED[table]
    rowid = synced.row_sql
    db.execute(f"ALTER TABLE {table} ADD COLUMN gid TEXT")
    db.execute(f"ALTER TABLE {table} ADD COLUMN stamp TEXT")
    db.execute(
        f"UPDATE {table} SET gid = {natural_key_sql(synced, table)} WHERE {_only(synced, table)}"
    )
    db.execute(f"CREATE UNIQUE INDEX idx_{table}_gid ON {table}(gid)")
    outbox = "INSERT INTO sync_outbox (tbl, row_id, gid, op, changed_ms) VALUES"
    new_row = "NEW." + rowid if synced.row_key else "0"
    old_row = "OLD." + rowid if synced.row_key else "0"
    # Deterministic: a row deleted and put back (Undo) gets its global id again.
    match = " AND ".join(f"{c} = NEW.{c}" for c in synced.natural_key)
    gid = f"coalesce({natural_key_sql(synced, 'NEW')}, {NEW_GID_SQL})"
    current_gid = f"(SELECT gid FROM {table} WHERE {match})"
    db.execute(
        f"""CREATE TRIGGER sync_{table}_insert AFTER INSERT ON {table}
        WHEN {_only(synced, 'NEW')} BEGIN
        UPDATE {table} SET gid = {gid}
        WHERE {match} AND NEW.gid IS NULL;
        INSERT INTO sync_outbox (tbl, row_id, gid, op, changed_ms) SELECT '{table}', {new_row},
            {current_gid}, 'upsert', {NOW_MS_SQL}
        WHERE {_LINKED};
        END"""
    )
    db.execute(
        f"""CREATE TRIGGER sync_{table}_update AFTER UPDATE ON {table}
        WHEN NEW.gid IS OLD.gid AND NEW.gid IS NOT NULL AND {_LINKED} BEGIN
        {outbox} ('{table}', {new_row}, NEW.gid, 'upsert', {NOW_MS_SQL});
        END"""
    )
    # A deletion notes the stamp of the version it removed: the version it replaced.
    # Only once linked: the id comes back from the key, so Undo needs no note.
    db.execute(
        f"""CREATE TRIGGER sync_{table}_delete AFTER DELETE ON {table}
        WHEN OLD.gid IS NOT NULL AND {_LINKED} BEGIN
        INSERT INTO sync_outbox (tbl, row_id, gid, op, changed_ms, replaced) VALUES
        ('{table}', {old_row}, OLD.gid, 'delete', {NOW_MS_SQL}, OLD.stamp);
        END"""
    )


def add_sync_identity(db: Database, table: str) -> None:
    """Give ``table`` global ids (backfilled: a new UUIDv7 per existing row), a stamp
    column and the triggers that capture its changes. Columns are only added."""
    db.execute(f"ALTER TABLE {table} ADD COLUMN gid TEXT")
    db.execute(f"ALTER TABLE {table} ADD COLUMN stamp TEXT")
    rows = [r[0] for r in db.execute(f"SELECT rowid FROM {table} ORDER BY rowid").fetchall()]
    for rowid in rows:
        db.execute(f"UPDATE {table} SET gid = ? WHERE rowid = ?", [new_id(), rowid])
    db.execute(f"CREATE UNIQUE INDEX idx_{table}_gid ON {table}(gid)")
    outbox = "INSERT INTO sync_outbox (tbl, row_id, gid, op, changed_ms) VALUES"
    db.execute(
        f"""CREATE TRIGGER sync_{table}_insert AFTER INSERT ON {table} BEGIN
        UPDATE {table} SET gid = coalesce(
            (SELECT gid FROM sync_outbox WHERE tbl = '{table}' AND row_id = NEW.rowid
             AND op = 'delete' AND gid IS NOT NULL ORDER BY seq DESC LIMIT 1),
            (SELECT gid FROM sync_tombstones WHERE tbl = '{table}' AND row_id = NEW.rowid),
            {NEW_GID_SQL})
        WHERE rowid = NEW.rowid AND NEW.gid IS NULL;
        INSERT INTO sync_outbox (tbl, row_id, gid, op, changed_ms) SELECT '{table}', NEW.rowid,
            (SELECT gid FROM {table} WHERE rowid = NEW.rowid), 'upsert', {NOW_MS_SQL}
        WHERE {_LINKED};
        END"""
    )
    db.execute(
        f"""CREATE TRIGGER sync_{table}_update AFTER UPDATE ON {table}
        WHEN NEW.gid IS OLD.gid AND {_LINKED} BEGIN
        {outbox} ('{table}', NEW.rowid, NEW.gid, 'upsert', {NOW_MS_SQL});
        END"""
    )
    # A deletion notes the stamp of the version it removed: the version it replaced.
    db.execute(
        f"""CREATE TRIGGER sync_{table}_delete AFTER DELETE ON {table} BEGIN
        INSERT INTO sync_outbox (tbl, row_id, gid, op, changed_ms, replaced) VALUES
        ('{table}', OLD.rowid, OLD.gid, 'delete', {NOW_MS_SQL}, OLD.stamp);
        END"""
    )


def note_existing_rows(db: Database, table: str) -> None:
    """Note every row of ``table`` as changed when the journal is already linked to a
    folder (a table that joins sync later: its rows go out with the next sync)."""
    synced = SYNCED[table]
    db.execute(
        "INSERT INTO sync_outbox (tbl, row_id, gid, op, changed_ms) "
        f"SELECT ?, {synced.row_sql}, gid, 'upsert', {NOW_MS_SQL} FROM {table} "
        f"WHERE gid IS NOT NULL AND {_LINKED}",
        [table],
    )
