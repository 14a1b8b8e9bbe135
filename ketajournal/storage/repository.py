"""Rows to entries and back: one repository for the four entry kinds.

Callers hold a transaction (see :func:`ketajournal.storage.connection.transaction`)
around writes; reads need none. Queries by time use the indexed ``ts`` column.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ketajournal.domain.daily import DayTotals
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
    trusted,
)
from ketajournal.domain.timeutil import local_day, to_iso
from ketajournal.storage.handle import JournalDatabase

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
    return trusted(MoodEntry, {
        "id": row["id"],
        "at": _time(row),
        "note": row["note"],
        "mood": row["mood"],
        "anxiety": row["anxiety"],
        "energy": row["energy"],
        "sleep_hours": row["sleep_hours"],
    })


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
        "bp_leaving_systolic": e.bp_leaving.systolic if e.bp_leaving else None,
        "bp_leaving_diastolic": e.bp_leaving.diastolic if e.bp_leaving else None,
        "heart_rate": e.heart_rate,
        "spo2": e.spo2,
        "observation_minutes": e.observation_minutes,
        "moaas": e.moaas,
    }


def _session(row: Row) -> Session:
    return trusted(Session, {
        "id": row["id"],
        "at": _time(row),
        "note": row["note"],
        "route": Route(row["route"]),
        "phase": Phase(row["phase"]),
        "dose_mg": row["dose_mg"],
        "weight_kg": row["weight_kg"],
        "clinic": row["clinic"],
        "dissociation": row["dissociation"],
        "bp_before": _bp(row, "bp_before"),
        "bp_after": _bp(row, "bp_after"),
        "bp_leaving": _bp(row, "bp_leaving"),
        "heart_rate": row["heart_rate"],
        "spo2": row["spo2"],
        "observation_minutes": row["observation_minutes"],
        "moaas": row["moaas"],
    })


def _side_effect_row(e: SideEffect) -> Row:
    return _common(e) | {
        "category": e.category.value,
        "other_text": e.other_text,
        "severity": e.severity,
        "duration_minutes": e.duration_minutes,
        "session_id": e.session_id,
    }


def _side_effect(row: Row) -> SideEffect:
    return trusted(SideEffect, {
        "id": row["id"],
        "at": _time(row),
        "note": row["note"],
        "category": SideEffectCategory(row["category"]),
        "other_text": row["other_text"],
        "severity": row["severity"],
        "duration_minutes": row["duration_minutes"],
        "session_id": row["session_id"],
    })


def _event_row(e: Event) -> Row:
    return _common(e) | {"kind": e.event_kind.value}


def _event(row: Row) -> Event:
    return trusted(Event, {
        "id": row["id"], "at": _time(row), "note": row["note"],
        "event_kind": EventKind(row["kind"]),
    })


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
    return trusted(Assessment, {
        "id": row["id"],
        "at": _time(row),
        "note": row["note"],
        "instrument_id": row["instrument"],
        "answers": tuple(json.loads(row["answers"])),
        "difficulty": row["difficulty"],
        "safety_acknowledged_at": (
            datetime.fromisoformat(acknowledged) if acknowledged else None
        ),
    })


MAPPINGS: dict[str, _Mapping] = {
    "mood": _Mapping("mood_entries", _mood_row, _mood),
    "session": _Mapping("sessions", _session_row, _session),
    "side_effect": _Mapping("side_effects", _side_effect_row, _side_effect),
    "event": _Mapping("events", _event_row, _event),
    "assessment": _Mapping("assessments", _assessment_row, _assessment),
}
KINDS = tuple(MAPPINGS)
#: The patient's data that is not an entry: the name its count goes by (``Journal.counts``,
#: ``ketajournal check``) → its table. With :data:`KINDS` these are every table the
#: patient's data lives in (not the settings, drafts or sync bookkeeping).
OTHER_DATA: dict[str, str] = {
    "planned": "planned_sessions",
    "medication": "medications",
    "dose": "medication_doses",
    "tag": "tags",
    "mood_tag": "entry_tags",
    "factor": "factors",
    "factor_value": "factor_values",
}
#: Where each kind sorts among entries logged at the same second (the Timeline's order).
KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}

#: The sort key of an entry in the Timeline: (UTC seconds, kind rank, id).
TimelineKey = tuple[float, int, int]

#: A UTC offset is less than a day, so an entry of local day D has ``ts`` within
#: [D 00:00 UTC − 1 day, D+1 00:00 UTC + 1 day): the indexed ``ts`` bounds a day query.
_DAY_SLACK = timedelta(days=1)
_CASEFOLD = "kj_casefold"


def _casefold(text: object) -> str | None:
    return text.casefold() if isinstance(text, str) else None


class EntryRepository:
    """Create, read, update and delete entries of every kind."""

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db
        # Python's casefold in SQL, so a note search matches as str.casefold does.
        db.conn.create_function(_CASEFOLD, 1, _casefold, deterministic=True)

    def insert(self, entry: Entry, global_id: str | None = None) -> int:
        """Insert ``entry`` (keeping its id if it has one) and return the id.

        ``global_id`` keeps the global id it had elsewhere (an import); without it
        the sync triggers give the row one (storage/sync_schema.py).
        """
        mapping = MAPPINGS[entry.kind]
        row = mapping.to_row(entry)
        if entry.id is not None:
            row["id"] = entry.id
        if global_id is not None:
            row["gid"] = global_id
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

    def on_days(self, kind: str, first_day: date | None, last_day: date | None) -> list[Entry]:
        """Entries of ``kind`` logged on ``first_day``..``last_day`` (local days), oldest first.

        The day is the one each entry was logged on, in its own offset (the ``day``
        column); ``ts`` bounds the indexed range scan.
        """
        mapping = MAPPINGS[kind]
        clauses, params = _days(first_day, last_day)
        sql = f"SELECT * FROM {mapping.table}{clauses} ORDER BY ts, id"
        return [mapping.from_row(row) for row in self._db.query(sql, params)]

    def assessments(
        self, instrument_id: str, start: datetime | None = None, end: datetime | None = None
    ) -> list[Assessment]:
        """Assessments of one instrument with ``start <= at < end``, oldest first."""
        clauses, params = _range(start, end)
        sql = (
            f"SELECT * FROM assessments{clauses or ' WHERE 1'} AND instrument = ? "
            "ORDER BY ts, id"
        )
        return [_assessment(row) for row in self._db.query(sql, [*params, instrument_id])]

    def daily_mood_sums(
        self, first_day: date | None = None, last_day: date | None = None
    ) -> list[tuple[date, int, int]]:
        """``(day, sum of mood scores, number of entries)`` per logged day, oldest first.

        Without a first day the read is the history up to ``last_day``: bounded by
        ``day`` alone, so an index on ``(day, mood)`` covers it (no ``ts`` look-ups).
        """
        if first_day is None:
            clauses = " WHERE 1" if last_day is None else " WHERE day <= ?"
            params: list[Any] = [] if last_day is None else [last_day.isoformat()]
        else:
            clauses, params = _days(first_day, last_day)
        sql = (
            f"SELECT day, sum(mood), count(*) FROM mood_entries{clauses} "
            "GROUP BY day ORDER BY day"
        )
        return [
            (date.fromisoformat(day), int(total), int(count))
            for day, total, count in self._db.execute(sql, params).fetchall()
        ]

    def daily_mood_totals(self) -> list[DayTotals]:
        """Per logged day: the first entry's time, and the sums and counts of mood,
        anxiety and sleep, oldest day first (one pass over the table, no decoding)."""
        # With min() as the only aggregate, SQLite takes the bare column `at` from the
        # row holding the minimum: the time of the day's first entry.
        sql = (
            "SELECT day, min(ts), at, sum(mood), count(*), sum(anxiety), count(anxiety), "
            "sum(sleep_hours), count(sleep_hours) FROM mood_entries GROUP BY day ORDER BY day"
        )
        return [
            DayTotals(
                day=date.fromisoformat(day),
                first_at=datetime.fromisoformat(at),
                mood_sum=int(mood),
                mood_count=int(count),
                anxiety_sum=int(anxiety or 0),
                anxiety_count=int(anxiety_count),
                sleep_sum=float(sleep or 0.0),
                sleep_count=int(sleep_count),
            )
            for day, _ts, at, mood, count, anxiety, anxiety_count, sleep, sleep_count
            in self._db.execute(sql).fetchall()
        ]

    def first_day(self, kind: str) -> date | None:
        """The logged day of the earliest entry of ``kind`` (by time), if any."""
        row = self._db.execute(
            f"SELECT day FROM {MAPPINGS[kind].table} ORDER BY ts, id LIMIT 1"
        ).fetchone()
        return None if row is None else date.fromisoformat(row[0])

    def latest_event(self, event_kind: str, last_day: date) -> Event | None:
        """The latest event of ``event_kind`` logged on or before ``last_day``."""
        clauses, params = _days(None, last_day)
        rows = list(
            self._db.query(
                f"SELECT * FROM events{clauses} AND kind = ? ORDER BY ts DESC, id DESC LIMIT 1",
                [*params, event_kind],
            )
        )
        return _event(rows[0]) if rows else None

    def newest_first(
        self,
        kinds: Sequence[str],
        *,
        before: TimelineKey | None = None,
        limit: int = 200,
        note_contains: str = "",
    ) -> list[Entry]:
        """Up to ``limit`` entries of ``kinds``, newest first, after the key ``before``.

        Keyset pagination in the Timeline's order (:func:`timeline_key`, descending):
        each kind is read newest first from its ``ts`` index, at most ``limit`` rows,
        and the kinds are merged. ``note_contains`` (casefolded by the caller) keeps
        only entries whose casefolded note contains it.
        """
        if limit <= 0:
            return []
        streams = []
        for kind in kinds:
            rank = KIND_RANK[kind]
            clauses: list[str] = []
            params: list[Any] = []
            if before is not None:
                ts, before_rank, before_id = before
                if rank < before_rank:
                    clauses.append("ts <= ?")
                    params.append(ts)
                elif rank > before_rank:
                    clauses.append("ts < ?")
                    params.append(ts)
                else:
                    clauses.append("ts <= ? AND (ts < ? OR id < ?)")
                    params += [ts, ts, before_id]
            if note_contains:
                clauses.append(f"note != '' AND instr({_CASEFOLD}(note), ?) > 0")
                params.append(note_contains)
            where = " WHERE " + " AND ".join(clauses) if clauses else ""
            sql = (
                f"SELECT * FROM {MAPPINGS[kind].table}{where} "
                "ORDER BY ts DESC, id DESC LIMIT ?"
            )
            streams.append([
                ((row["ts"], rank, row["id"]), kind, row)
                for row in self._db.query(sql, [*params, limit])
            ])
        merged = heapq.merge(*streams, key=lambda item: item[0], reverse=True)
        return [MAPPINGS[kind].from_row(row) for _, kind, row in _take(merged, limit)]

    def global_ids(self, kind: str) -> dict[str, int]:
        """The global id of every entry of ``kind``, with the entry's id."""
        cursor = self._db.execute(f"SELECT gid, id FROM {MAPPINGS[kind].table}")
        return {str(gid): int(row_id) for gid, row_id in cursor.fetchall() if gid is not None}

    def iter_rows(self, kind: str) -> Iterator[Row]:
        """Raw rows of ``kind`` in id order (for exports)."""
        yield from self._db.query(f"SELECT * FROM {MAPPINGS[kind].table} ORDER BY id")

    def count(self, kind: str) -> int:
        """How many entries of ``kind`` there are."""
        table = MAPPINGS[kind].table
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def other_counts(self) -> dict[str, int]:
        """How many rows of each of :data:`OTHER_DATA` there are, by its name."""
        return {
            name: int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for name, table in OTHER_DATA.items()
        }

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

    def __init__(self, db: JournalDatabase) -> None:
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


def timeline_key(entry: Entry) -> TimelineKey:
    """Where a stored entry sorts in the Timeline: (UTC seconds, kind rank, id)."""
    return (entry.at.timestamp(), KIND_RANK[entry.kind], entry.id or 0)


def _take(items: Iterable[Any], count: int) -> list[Any]:
    taken: list[Any] = []
    for item in items:
        if len(taken) == count:
            break
        taken.append(item)
    return taken


def _midnight_utc(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _days(first_day: date | None, last_day: date | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if first_day is not None:
        clauses += ["ts >= ?", "day >= ?"]
        params += [(_midnight_utc(first_day) - _DAY_SLACK).timestamp(), first_day.isoformat()]
    if last_day is not None:
        end = _midnight_utc(last_day) + timedelta(days=1) + _DAY_SLACK
        clauses += ["ts < ?", "day <= ?"]
        params += [end.timestamp(), last_day.isoformat()]
    return (" WHERE " + " AND ".join(clauses) if clauses else " WHERE 1"), params


def _range(start: datetime | None, end: datetime | None) -> tuple[str, list[float]]:
    clauses, params = [], []
    if start is not None:
        clauses.append("ts >= ?")
        params.append(start.timestamp())
    if end is not None:
        clauses.append("ts < ?")
        params.append(end.timestamp())
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
