"""The ``planned_sessions`` table: rows to :class:`PlannedItem` and back (migration 0005).

Callers hold a transaction around writes (:func:`ketajournal.storage.connection.transaction`);
reads need none. Times are stored as entries' are: ISO 8601 with the offset, that local
day, and UTC seconds in ``ts`` for ordering and ranges.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from ketajournal.domain.models import Phase, Route
from ketajournal.domain.schedules import PlannedItem, PlannedSession, PlanStatus
from ketajournal.domain.timeutil import local_day, to_iso
from ketajournal.storage.handle import JournalDatabase

_COLUMNS = ("id", "at", "note", "route", "phase", "dose_mg", "clinic", "status", "session_id",
            "template")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM planned_sessions"


def _row(item: PlannedItem) -> dict[str, Any]:
    plan = item.session
    return {
        "at": to_iso(plan.at),
        "day": local_day(plan.at).isoformat(),
        "ts": plan.at.timestamp(),
        "note": plan.note,
        "route": plan.route.value,
        "phase": plan.phase.value,
        "dose_mg": plan.dose_mg,
        "clinic": plan.clinic,
        "status": item.status.value,
        "session_id": item.session_id,
        "template": item.template,
    }


def _item(row: Sequence[Any]) -> PlannedItem:
    values = dict(zip(_COLUMNS, row, strict=True))
    plan = PlannedSession(
        at=datetime.fromisoformat(values["at"]),
        route=Route(values["route"]),
        dose_mg=values["dose_mg"],
        clinic=values["clinic"],
        note=values["note"],
        phase=Phase(values["phase"]),
    )
    return PlannedItem(int(values["id"]), plan, PlanStatus(values["status"]),
                       values["session_id"], values["template"])


class PlannedRepository:
    """Reads and writes planned sessions over one connection."""

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def insert(self, item: PlannedItem) -> int:
        """Insert ``item``; a positive ``item.id`` is kept (undo, import), 0 gets a new id."""
        row = _row(item)
        if item.id > 0:
            row["id"] = item.id
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self._db.execute(
            f"INSERT INTO planned_sessions ({columns}) VALUES ({marks})", list(row.values())
        )
        if item.id > 0:
            return item.id
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    def update(self, item: PlannedItem) -> bool:
        """Overwrite the stored row with ``item.id``; False if there is none."""
        row = _row(item)
        assignments = ", ".join(f"{column} = ?" for column in row)
        cursor = self._db.execute(
            f"UPDATE planned_sessions SET {assignments} WHERE id = ?", [*row.values(), item.id]
        )
        return bool(cursor.rowcount)

    def delete(self, item_id: int) -> bool:
        """Delete one planned session; False if there was none."""
        cursor = self._db.execute("DELETE FROM planned_sessions WHERE id = ?", [item_id])
        return bool(cursor.rowcount)

    def get(self, item_id: int) -> PlannedItem | None:
        """One planned session by id."""
        row = self._db.execute(f"{_SELECT} WHERE id = ?", [item_id]).fetchone()
        return None if row is None else _item(row)

    def all(self, statuses: Iterable[PlanStatus] | None = None) -> list[PlannedItem]:
        """Planned sessions (of the given statuses), earliest first."""
        if statuses is None:
            rows = self._db.execute(f"{_SELECT} ORDER BY ts, id").fetchall()
        else:
            wanted = [s.value for s in statuses]
            marks = ", ".join("?" for _ in wanted)
            rows = self._db.execute(
                f"{_SELECT} WHERE status IN ({marks}) ORDER BY ts, id", wanted
            ).fetchall()
        return [_item(row) for row in rows]

    def linked_session_ids(self) -> set[int]:
        """The logged sessions some planned session is linked to."""
        rows = self._db.execute(
            "SELECT session_id FROM planned_sessions WHERE session_id IS NOT NULL"
        ).fetchall()
        return {int(r[0]) for r in rows}

    def count(self) -> int:
        """How many planned sessions the journal holds."""
        return int(self._db.execute("SELECT count(*) FROM planned_sessions").fetchone()[0])
