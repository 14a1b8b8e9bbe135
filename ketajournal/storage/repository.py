"""Rows to entries and back: one repository for the four entry kinds.

Callers hold a transaction (see :func:`ketajournal.storage.database.transaction`)
around writes; reads need none. Queries by time use the indexed ``ts`` column.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from ketajournal.domain.models import (
    Assessment,
    BloodPressure,
    Entry,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.domain.timeutil import local_day, to_iso

Row = dict[str, Any]


@dataclass(frozen=True)
class _Mapping:
    table: str
    to_row: Callable[[Any], Row]
    from_row: Callable[[Row], Entry]


def _common(entry: Entry) -> Row:
    return {
        "at": to_iso(entry.at),
        "day": local_day(entry.at).isoformat(),
        "ts": entry.at.timestamp(),
        "note": entry.note,
    }


def _time(row: Row) -> datetime:
    return datetime.fromisoformat(row["at"])


def _mood_row(e: MoodEntry) -> Row:
    return _common(e) | {
        "mood": e.mood,
        "anxiety": e.anxiety,
        "energy": e.energy,
        "sleep_hours": e.sleep_hours,
    }


def _mood(row: Row) -> MoodEntry:
    return MoodEntry(
        id=row["id"],
        at=_time(row),
        note=row["note"],
        mood=row["mood"],
        anxiety=row["anxiety"],
        energy=row["energy"],
        sleep_hours=row["sleep_hours"],
    )


def _bp(row: Row, prefix: str) -> BloodPressure | None:
    systolic, diastolic = row[f"{prefix}_systolic"], row[f"{prefix}_diastolic"]
    if systolic is None or diastolic is None:
        return None
    return BloodPressure(systolic, diastolic)


def _session_row(e: Session) -> Row:
    return _common(e) | {
        "route": e.route.value,
        "phase": e.phase.value,
        "dose_mg": e.dose_mg,
        "weight_kg": e.weight_kg,
        "clinic": e.clinic,
        "dissociation": e.dissociation,
        "bp_before_systolic": e.bp_before.systolic if e.bp_before else None,
        "bp_before_diastolic": e.bp_before.diastolic if e.bp_before else None,
        "bp_after_systolic": e.bp_after.systolic if e.bp_after else None,
        "bp_after_diastolic": e.bp_after.diastolic if e.bp_after else None,
    }


def _session(row: Row) -> Session:
    return Session(
        id=row["id"],
        at=_time(row),
        note=row["note"],
        route=Route(row["route"]),
        phase=Phase(row["phase"]),
        dose_mg=row["dose_mg"],
        weight_kg=row["weight_kg"],
        clinic=row["clinic"],
        dissociation=row["dissociation"],
        bp_before=_bp(row, "bp_before"),
        bp_after=_bp(row, "bp_after"),
    )


def _side_effect_row(e: SideEffect) -> Row:
    return _common(e) | {
        "category": e.category.value,
        "other_text": e.other_text,
        "severity": e.severity,
        "duration_minutes": e.duration_minutes,
        "session_id": e.session_id,
    }


def _side_effect(row: Row) -> SideEffect:
    return SideEffect(
        id=row["id"],
        at=_time(row),
        note=row["note"],
        category=SideEffectCategory(row["category"]),
        other_text=row["other_text"],
        severity=row["severity"],
        duration_minutes=row["duration_minutes"],
        session_id=row["session_id"],
    )


def _event_row(e: Event) -> Row:
    return _common(e) | {"kind": e.event_kind.value}


def _event(row: Row) -> Event:
    return Event(id=row["id"], at=_time(row), note=row["note"], event_kind=EventKind(row["kind"]))


def _assessment_row(e: Assessment) -> Row:
    return _common(e) | {
        "instrument": e.instrument_id,
        "answers": json.dumps(list(e.answers)),
        "difficulty": e.difficulty,
        "safety_acknowledged_at": (
            to_iso(e.safety_acknowledged_at) if e.safety_acknowledged_at else None
        ),
    }


def _assessment(row: Row) -> Assessment:
    acknowledged = row["safety_acknowledged_at"]
    return Assessment(
        id=row["id"],
        at=_time(row),
        note=row["note"],
        instrument_id=row["instrument"],
        answers=tuple(json.loads(row["answers"])),
        difficulty=row["difficulty"],
        safety_acknowledged_at=datetime.fromisoformat(acknowledged) if acknowledged else None,
    )


MAPPINGS: dict[str, _Mapping] = {
    "mood": _Mapping("mood_entries", _mood_row, _mood),
    "session": _Mapping("sessions", _session_row, _session),
    "side_effect": _Mapping("side_effects", _side_effect_row, _side_effect),
    "event": _Mapping("events", _event_row, _event),
    "assessment": _Mapping("assessments", _assessment_row, _assessment),
}
KINDS = tuple(MAPPINGS)


class EntryRepository:
    """Create, read, update and delete entries of every kind."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def insert(self, entry: Entry) -> int:
        """Insert ``entry`` (keeping its id if it has one) and return the id."""
        mapping = MAPPINGS[entry.kind]
        row = mapping.to_row(entry)
        if entry.id is not None:
            row["id"] = entry.id
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self._db.execute(
            f"INSERT INTO {mapping.table} ({columns}) VALUES ({marks})", list(row.values())
        )
        if entry.id is not None:
            return entry.id
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    def update(self, entry: Entry) -> bool:
        """Overwrite the stored entry with ``entry.id``; False if there is none."""
        if entry.id is None:
            raise ValueError("cannot update an entry without an id")
        mapping = MAPPINGS[entry.kind]
        row = mapping.to_row(entry)
        assignments = ", ".join(f"{column} = ?" for column in row)
        cursor = self._db.execute(
            f"UPDATE {mapping.table} SET {assignments} WHERE id = ?", [*row.values(), entry.id]
        )
        return bool(cursor.rowcount)

    def delete(self, kind: str, entry_id: int) -> bool:
        """Delete one entry; False if there was none."""
        cursor = self._db.execute(f"DELETE FROM {MAPPINGS[kind].table} WHERE id = ?", [entry_id])
        return bool(cursor.rowcount)

    def get(self, kind: str, entry_id: int) -> Entry | None:
        """The entry of ``kind`` with ``entry_id``, or None."""
        mapping = MAPPINGS[kind]
        rows = list(self._db.query(f"SELECT * FROM {mapping.table} WHERE id = ?", [entry_id]))
        return mapping.from_row(rows[0]) if rows else None

    def in_range(
        self, kind: str, start: datetime | None = None, end: datetime | None = None
    ) -> list[Entry]:
        """Entries of ``kind`` with ``start <= at < end``, oldest first."""
        mapping = MAPPINGS[kind]
        clauses, params = _range(start, end)
        sql = f"SELECT * FROM {mapping.table}{clauses} ORDER BY ts, id"
        return [mapping.from_row(row) for row in self._db.query(sql, params)]

    def iter_rows(self, kind: str) -> Iterator[Row]:
        """Raw rows of ``kind`` in id order (for exports)."""
        yield from self._db.query(f"SELECT * FROM {MAPPINGS[kind].table} ORDER BY id")

    def count(self, kind: str) -> int:
        """How many entries of ``kind`` there are."""
        table = MAPPINGS[kind].table
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def side_effect_ids_for_session(self, session_id: int) -> list[int]:
        """Ids of side effects linked to ``session_id``."""
        cursor = self._db.execute(
            "SELECT id FROM side_effects WHERE session_id = ? ORDER BY id", [session_id]
        )
        return [int(row[0]) for row in cursor.fetchall()]

    def link_side_effects(self, session_id: int, side_effect_ids: Iterable[int]) -> None:
        """Point the given side effects at ``session_id`` again (undo of a delete)."""
        for side_effect_id in side_effect_ids:
            self._db.execute(
                "UPDATE side_effects SET session_id = ? WHERE id = ?",
                [session_id, side_effect_id],
            )

    def latest_session(self) -> Session | None:
        """The most recent session of all."""
        rows = list(self._db.query("SELECT * FROM sessions ORDER BY ts DESC, id DESC LIMIT 1"))
        return _session(rows[0]) if rows else None

    def latest_session_between(self, start: datetime, end: datetime) -> Session | None:
        """The most recent session with ``start <= at <= end``."""
        rows = list(
            self._db.query(
                "SELECT * FROM sessions WHERE ts >= ? AND ts <= ? "
                "ORDER BY ts DESC, id DESC LIMIT 1",
                [start.timestamp(), end.timestamp()],
            )
        )
        return _session(rows[0]) if rows else None


class SettingsRepository:
    """JSON values by key, stored inside the encrypted journal."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        """The value stored under ``key``, or ``default``."""
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` (caller holds the transaction)."""
        self._db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value)],
        )


def _range(start: datetime | None, end: datetime | None) -> tuple[str, list[float]]:
    clauses, params = [], []
    if start is not None:
        clauses.append("ts >= ?")
        params.append(start.timestamp())
    if end is not None:
        clauses.append("ts < ?")
        params.append(end.timestamp())
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
