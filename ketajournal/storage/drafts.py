"""The ``drafts`` table: unsaved form text, one row per form (see migration 0003)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ketajournal.storage.connection import transaction
from ketajournal.storage.handle import JournalDatabase


@dataclass(frozen=True)
class StoredDraft:
    """One form's unsaved fields and when they were last written."""

    form: str
    data: dict[str, Any]
    saved_at: datetime


class DraftRepository:
    """Reads and writes drafts; every write is its own short transaction."""

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def put(self, form: str, data: dict[str, Any], saved_at: datetime) -> None:
        """Store (or replace) the draft of ``form``."""
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        with transaction(self._db):
            self._db.execute(
                "INSERT INTO drafts (form, data, saved_at) VALUES (?, ?, ?) "
                "ON CONFLICT(form) DO UPDATE SET data = excluded.data, "
                "saved_at = excluded.saved_at",
                [form, text, saved_at.isoformat()],
            )

    def get(self, form: str) -> StoredDraft | None:
        """The draft of ``form``, or None."""
        row = self._db.execute(
            "SELECT form, data, saved_at FROM drafts WHERE form = ?", [form]
        ).fetchone()
        return None if row is None else _draft(row)

    def all(self) -> list[StoredDraft]:
        """Every draft, oldest first."""
        rows = self._db.execute("SELECT form, data, saved_at FROM drafts ORDER BY saved_at")
        return [_draft(row) for row in rows.fetchall()]

    def delete(self, form: str) -> None:
        """Forget the draft of ``form`` (nothing if there is none)."""
        with transaction(self._db):
            self._db.execute("DELETE FROM drafts WHERE form = ?", [form])


def _draft(row: tuple[str, str, str]) -> StoredDraft:
    try:
        data = json.loads(row[1])
    except ValueError:
        data = {}
    return StoredDraft(
        row[0], data if isinstance(data, dict) else {}, datetime.fromisoformat(row[2])
    )
