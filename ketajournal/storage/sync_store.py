"""The sync tables in SQL: pending local changes, records by global id, tombstones, history.

A record travels as a :class:`~ketajournal.domain.merge.Change` whose ``kind``
is its table's name and whose ``fields`` are its row without the local columns
(row id, global id, stamp), with every reference to another synced row
written as that row's global id, and :data:`BASE` naming the stamp of the
version the edit replaced. This module turns rows into such changes and
merged changes back into rows; :mod:`ketajournal.services.sync` decides what to
send and what wins. Callers hold the transaction around writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import sqlcipher3

from ketajournal.domain.hlc import Stamp
from ketajournal.domain.merge import Change, JsonValue, Op
from ketajournal.storage.handle import JournalDatabase
from ketajournal.storage.sync_schema import LOCAL_COLUMNS, NOW_MS_SQL, SYNCED, SYNCED_TABLES

#: The member of an upsert's fields that names the version it replaced (no column).
BASE = "_base"


class UnknownRecordError(ValueError):
    """A change names a table or a column value this version cannot store."""


class NotHereYetError(LookupError):
    """A change belongs to a record this journal has not taken in yet (neither a row nor a
    tombstone): another computer's file brings it later, so the change waits for it."""


@dataclass(frozen=True)
class Pending:
    """A record changed here since it was last sent: its table, global id and state."""

    table: str
    gid: str
    row_id: int
    changed_ms: int
    exists: bool
    #: For a deletion: the stamp of the version it removed (None if never sent).
    replaced: str | None = None


class SyncStore:
    """Reads and writes the sync tables and the synced rows of one journal."""

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db
        self._columns: dict[str, list[str]] = {}

    # -- this computer's state (never synced) -------------------------------------------
    def local(self, key: str) -> str | None:
        """The local value stored under ``key``, or None."""
        row = self._db.execute("SELECT value FROM sync_local WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_local(self, key: str, value: str) -> None:
        """Store a local value (caller holds the transaction)."""
        self._db.execute(
            "INSERT INTO sync_local (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def delete_local(self, key: str) -> None:
        """Forget the local value under ``key`` (caller holds the transaction)."""
        self._db.execute("DELETE FROM sync_local WHERE key = ?", [key])

    # -- the outbox -------------------------------------------------------------------
    def outbox_mark(self) -> int:
        """The newest outbox position (0 when empty): changes after it are newer."""
        row = self._db.execute("SELECT coalesce(max(seq), 0) FROM sync_outbox").fetchone()
        return int(row[0])

    def clear_outbox(self, after: int = 0) -> None:
        """Forget the outbox entries after position ``after`` (all of them by default)."""
        self._db.execute("DELETE FROM sync_outbox WHERE seq > ?", [after])

    def pending(self) -> list[Pending]:
        """Every record changed since the last send, in the order of its latest change."""
        rows = self._db.execute(
            "SELECT tbl, gid, max(seq), max(changed_ms), "
            "(SELECT row_id FROM sync_outbox o2 WHERE o2.tbl = o.tbl AND o2.gid = o.gid "
            " ORDER BY seq DESC LIMIT 1), "
            "(SELECT replaced FROM sync_outbox o3 WHERE o3.tbl = o.tbl AND o3.gid = o.gid "
            " AND o3.op = 'delete' AND o3.replaced IS NOT NULL ORDER BY seq DESC LIMIT 1) "
            "FROM sync_outbox o WHERE gid IS NOT NULL GROUP BY tbl, gid ORDER BY max(seq)"
        ).fetchall()
        out: list[Pending] = []
        for table, gid, _seq, changed_ms, row_id, replaced in rows:
            if table not in SYNCED:
                continue
            exists = self._row_id(table, gid) is not None
            out.append(Pending(table, gid, int(row_id), int(changed_ms), exists, replaced))
        return out

    def enqueue_all(self) -> int:
        """Mark every record not yet sent as changed (linking a journal to a folder)."""
        total = 0
        for table in SYNCED_TABLES:
            cursor = self._db.execute(
                "INSERT INTO sync_outbox (tbl, row_id, gid, op, changed_ms) "
                f"SELECT ?, {table.row_sql}, gid, 'upsert', {NOW_MS_SQL} FROM {table.name} "
                f"WHERE stamp IS NULL AND gid IS NOT NULL ORDER BY {table.row_key or 'gid'}",
                [table.name],
            )
            total += max(cursor.rowcount, 0)
        return total

    # -- rows as records ------------------------------------------------------------------
    def columns(self, table: str) -> list[str]:
        """The columns of ``table`` that travel (all but the local ones)."""
        if table not in self._columns:
            names = [r[1] for r in self._db.execute(f"PRAGMA table_info({table})").fetchall()]
            self._columns[table] = [n for n in names if n not in LOCAL_COLUMNS]
        return self._columns[table]

    def _row_id(self, table: str, gid: str) -> int | None:
        _known(table)
        row = self._db.execute(
            f"SELECT {SYNCED[table].row_sql} FROM {table} WHERE gid = ?", [gid]
        ).fetchone()
        return None if row is None else int(row[0])

    def row_by_gid(self, table: str, gid: str) -> dict[str, Any] | None:
        """The raw row of ``table`` with global id ``gid``, or None."""
        _known(table)
        rows = list(self._db.query(f"SELECT * FROM {table} WHERE gid = ?", [gid]))
        return rows[0] if rows else None

    def gid_of(self, table: str, row_id: int) -> str | None:
        """The global id of row ``row_id`` of ``table``, or None."""
        _known(table)
        row = self._db.execute(f"SELECT gid FROM {table} WHERE id = ?", [row_id]).fetchone()
        return None if row is None else str(row[0])

    def fields(self, table: str, row: Mapping[str, Any]) -> dict[str, JsonValue]:
        """The travelling fields of ``row``: references as global ids."""
        out: dict[str, JsonValue] = {name: row[name] for name in self.columns(table)}
        for column, target in SYNCED[table].references.items():
            value = out.get(column)
            if value is not None:
                out[column] = self.gid_of(target, int(value))  # type: ignore[arg-type]
        return out

    def set_stamp(self, table: str, gid: str, stamp: Stamp) -> None:
        """Record that the row's current version went out with ``stamp``."""
        self._db.execute(f"UPDATE {table} SET stamp = ? WHERE gid = ?", [str(stamp), gid])
        self._db.execute("DELETE FROM sync_tombstones WHERE gid = ?", [gid])

    def bury(self, table: str, gid: str, row_id: int | None, stamp: Stamp) -> None:
        """Keep the deletion of ``gid`` as a tombstone stamped ``stamp``."""
        self._db.execute(
            "INSERT INTO sync_tombstones (gid, tbl, row_id, stamp) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(gid) DO UPDATE SET stamp = excluded.stamp, "
            "row_id = coalesce(excluded.row_id, row_id)",
            [gid, table, row_id, str(stamp)],
        )

    def current(self, table: str, gid: str) -> Change | None:
        """The version of ``gid`` this journal shows (a tombstone for a deletion), if sent."""
        row = self.row_by_gid(table, gid)
        if row is not None:
            if row["stamp"] is None:
                return None
            return Change(gid, table, Stamp.parse(row["stamp"]), Op.UPSERT, self.fields(table, row))
        found = self._db.execute(
            "SELECT stamp FROM sync_tombstones WHERE gid = ?", [gid]
        ).fetchone()
        if found is None:
            return None
        return Change(gid, table, Stamp.parse(found[0]), Op.DELETE)

    def history(self, gid: str) -> list[Change]:
        """The versions of ``gid`` that lost a merge, oldest first."""
        return [
            _change(gid, table, stamp, op, fields)
            for table, stamp, op, fields in self._db.execute(
                "SELECT tbl, stamp, op, fields FROM sync_history WHERE gid = ? ORDER BY stamp",
                [gid],
            ).fetchall()
        ]

    def keep_in_history(self, change: Change) -> bool:
        """Keep ``change`` among its record's earlier versions; False if it was there."""
        fields = None if change.fields is None else json.dumps(dict(change.fields))
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO sync_history (gid, tbl, stamp, op, fields) "
            "VALUES (?, ?, ?, ?, ?)",
            [change.global_id, change.kind, str(change.stamp), change.op.value, fields],
        )
        return cursor.rowcount > 0

    def supersede(self, gid: str, stamp: str) -> None:
        """Note that version ``stamp`` of ``gid`` was edited knowingly: it leaves the history
        and never enters it (an edit that saw it is no conflict with it)."""
        self._db.execute(
            "INSERT OR IGNORE INTO sync_superseded (gid, stamp) VALUES (?, ?)", [gid, stamp]
        )
        self._db.execute("DELETE FROM sync_history WHERE gid = ? AND stamp = ?", [gid, stamp])

    def superseded(self, gid: str) -> set[str]:
        """The stamps of ``gid``'s versions that were edited knowingly."""
        rows = self._db.execute("SELECT stamp FROM sync_superseded WHERE gid = ?", [gid])
        return {str(row[0]) for row in rows.fetchall()}

    def records_with_history(self) -> list[tuple[str, str]]:
        """``(table, global id)`` of every record with earlier versions kept."""
        return [
            (str(t), str(g))
            for t, g in self._db.execute(
                "SELECT DISTINCT tbl, gid FROM sync_history ORDER BY tbl, gid"
            ).fetchall()
        ]

    # -- taking in a merged version ---------------------------------------------------------
    def apply(self, change: Change) -> int | None:
        """Make ``change`` the row's version (insert, overwrite or delete); the row id.

        Raises :class:`UnknownRecordError` for a table or a value this version cannot
        store (a newer ketajournal's): the caller rolls everything back.
        """
        table = _known(change.kind)
        synced = SYNCED[table]
        row_id = self._row_id(table, change.global_id)
        if change.op is Op.DELETE:
            if row_id is not None:
                self._db.execute(f"DELETE FROM {table} WHERE gid = ?", [change.global_id])
            self.bury(table, change.global_id, row_id, change.stamp)
            return row_id
        values = self._stored_values(table, change.fields or {})
        if synced.only_keys and values.get("key") not in synced.only_keys:
            raise UnknownRecordError(f"a setting this version does not sync ({table})")
        if any(values.get(column) is None for column in synced.natural_key):
            for column, target in synced.references.items():
                gid = (change.fields or {}).get(column)
                if (isinstance(gid, str) and values.get(column) is None
                        and not self._db.execute(
                            "SELECT 1 FROM sync_tombstones WHERE gid = ?", [gid]).fetchone()):
                    raise NotHereYetError(target)  # not deleted here: not arrived yet
            # What it belongs to is deleted here (an entry deleted while another
            # computer tagged it): a tag on nothing is no row. It comes back with it.
            if row_id is not None:
                self._db.execute(f"DELETE FROM {table} WHERE gid = ?", [change.global_id])
            return None
        values["stamp"] = str(change.stamp)
        try:
            if row_id is None:
                values["gid"] = change.global_id
                names = ", ".join(values)
                marks = ", ".join("?" for _ in values)
                cursor = self._db.execute(
                    f"INSERT INTO {table} ({names}) VALUES ({marks})", list(values.values())
                )
                row_id = int(cursor.lastrowid or 0) if synced.row_key else 0
            else:
                assignments = ", ".join(f"{name} = ?" for name in values)
                self._db.execute(
                    f"UPDATE {table} SET {assignments} WHERE gid = ?",
                    [*values.values(), change.global_id],
                )
        except sqlcipher3.IntegrityError:
            raise UnknownRecordError(f"a record that does not fit this journal ({table})") from None
        self._db.execute("DELETE FROM sync_tombstones WHERE gid = ?", [change.global_id])
        return row_id

    def _stored_values(self, table: str, fields: Mapping[str, JsonValue]) -> dict[str, Any]:
        columns = set(self.columns(table))
        values: dict[str, Any] = {}
        for name, value in fields.items():
            if name not in columns:
                continue  # a column of a newer version: not stored here
            if isinstance(value, list | dict | bool):
                raise UnknownRecordError(f"a value this version cannot store ({table}.{name})")
            values[name] = value
        for column, target in SYNCED[table].references.items():
            gid = values.get(column)
            if gid is not None:
                values[column] = self._row_id(target, str(gid))
        return values

    def delete_row(self, table: str, gid: str) -> None:
        """Delete the row of ``table`` with global id ``gid`` (the triggers note it)."""
        self._db.execute(f"DELETE FROM {_known(table)} WHERE gid = ?", [gid])

    # -- the whole state, for snapshots ---------------------------------------------------------
    def all_changes(self) -> Iterator[Change]:
        """Every sent version of every record: rows, tombstones and history."""
        for table in SYNCED_TABLES:
            for row in self._db.query(
                f"SELECT * FROM {table.name} WHERE stamp IS NOT NULL "
                f"ORDER BY {table.row_key or 'gid'}"
            ):
                yield Change(
                    row["gid"], table.name, Stamp.parse(row["stamp"]), Op.UPSERT,
                    self.fields(table.name, row),
                )
        for gid, table_name, stamp in self._db.execute(
            "SELECT gid, tbl, stamp FROM sync_tombstones ORDER BY gid"
        ).fetchall():
            yield Change(gid, table_name, Stamp.parse(stamp), Op.DELETE)
        for gid, table_name, stamp, op, fields in self._db.execute(
            "SELECT gid, tbl, stamp, op, fields FROM sync_history ORDER BY gid, stamp"
        ).fetchall():
            yield _change(gid, table_name, stamp, op, fields)


def _known(table: str) -> str:
    """``table`` if it syncs; :class:`UnknownRecordError` otherwise (a newer version's)."""
    if table not in SYNCED:
        raise UnknownRecordError(f"records of a kind this version does not know ({table})")
    return table


def _change(gid: str, table: str, stamp: str, op: str, fields: str | None) -> Change:
    return Change(
        gid, table, Stamp.parse(stamp), Op(op), None if fields is None else json.loads(fields)
    )
