"""SQL for tags on mood entries and the patient's daily factors (schema 0006_tags_factors).

The caller holds the transaction for every write, as with
:class:`~ketajournal.storage.repository.EntryRepository`. Values arrive checked by
``domain.tags``; the schema's CHECKs are the last line.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from ketajournal.domain.tags import FactorDefinition, FactorKind
from ketajournal.storage.handle import JournalDatabase


class TagRepository:
    """Tags and their links to mood entries."""

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def tag_id(self, name: str) -> int:
        """The id of the tag ``name`` (compared ignoring case), created if new."""
        key = name.casefold()
        row = self._db.execute("SELECT id FROM tags WHERE key = ?", [key]).fetchone()
        if row is not None:
            return int(row[0])
        cursor = self._db.execute("INSERT INTO tags (name, key) VALUES (?, ?)", [name, key])
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    def set_tags(self, mood_id: int, names: Sequence[str]) -> None:
        """Replace the tags of mood entry ``mood_id`` with ``names``."""
        self._db.execute("DELETE FROM entry_tags WHERE mood_id = ?", [mood_id])
        for name in names:
            self._db.execute(
                "INSERT OR IGNORE INTO entry_tags (mood_id, tag_id) VALUES (?, ?)",
                [mood_id, self.tag_id(name)],
            )

    def tags_of(self, mood_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
        """The tags of each given mood entry (entries without tags are left out)."""
        wanted = json.dumps(sorted(set(mood_ids)))
        result: dict[int, list[str]] = defaultdict(list)
        for mood_id, name in self._db.execute(
            "SELECT et.mood_id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
            "WHERE et.mood_id IN (SELECT value FROM json_each(?)) ORDER BY et.mood_id, t.name",
            [wanted],
        ).fetchall():
            result[int(mood_id)].append(str(name))
        return {mood_id: tuple(names) for mood_id, names in result.items()}

    def names(self) -> list[str]:
        """Every tag ever used, most used first (for completion)."""
        rows = self._db.execute(
            "SELECT t.name FROM tags t LEFT JOIN entry_tags et ON et.tag_id = t.id "
            "GROUP BY t.id ORDER BY count(et.mood_id) DESC, t.key"
        ).fetchall()
        return [str(row[0]) for row in rows]

    def tags_by_day(self) -> dict[date, set[str]]:
        """For each day with a mood entry, the tags of that day's entries (maybe none)."""
        result: dict[date, set[str]] = {}
        for day, name in self._db.execute(
            "SELECT m.day, t.name FROM mood_entries m "
            "LEFT JOIN entry_tags et ON et.mood_id = m.id LEFT JOIN tags t ON t.id = et.tag_id"
        ).fetchall():
            names = result.setdefault(date.fromisoformat(day), set())
            if name is not None:
                names.add(str(name))
        return result


class FactorRepository:
    """The patient's factor definitions and their daily values."""

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def define(self, factor: FactorDefinition) -> int:
        """Store a new definition and return its id (the caller checked the name is new)."""
        cursor = self._db.execute(
            "INSERT INTO factors (name, key, kind) VALUES (?, ?, ?)",
            [factor.name, factor.key, factor.kind.value],
        )
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    def remove(self, factor_id: int) -> None:
        """Delete a definition and all its values."""
        self._db.execute("DELETE FROM factors WHERE id = ?", [factor_id])

    def all(self) -> list[FactorDefinition]:
        """Every definition, in the order they were made."""
        return [
            FactorDefinition(str(name), FactorKind(kind), int(factor_id))
            for factor_id, name, kind in self._db.execute(
                "SELECT id, name, kind FROM factors ORDER BY id"
            ).fetchall()
        ]

    def set_value(self, factor_id: int, day: date, value: int | None) -> None:
        """Store (or with None, clear) the value of one factor on one day."""
        if value is None:
            self._db.execute(
                "DELETE FROM factor_values WHERE factor_id = ? AND day = ?",
                [factor_id, day.isoformat()],
            )
            return
        self._db.execute(
            "INSERT INTO factor_values (factor_id, day, value) VALUES (?, ?, ?) "
            "ON CONFLICT(factor_id, day) DO UPDATE SET value = excluded.value",
            [factor_id, day.isoformat(), value],
        )

    def values(self, factor_ids: Iterable[int] | None = None) -> dict[int, dict[date, int]]:
        """Each factor's values by day."""
        result: dict[int, dict[date, int]] = defaultdict(dict)
        for factor_id, day, value in self._db.execute(
            "SELECT factor_id, day, value FROM factor_values ORDER BY factor_id, day"
        ).fetchall():
            result[int(factor_id)][date.fromisoformat(day)] = int(value)
        if factor_ids is not None:
            wanted = set(factor_ids)
            return {key: days for key, days in result.items() if key in wanted}
        return dict(result)

    def values_on(self, day: date) -> Mapping[int, int]:
        """Every factor's value on ``day``."""
        return {
            int(factor_id): int(value)
            for factor_id, value in self._db.execute(
                "SELECT factor_id, value FROM factor_values WHERE day = ?", [day.isoformat()]
            ).fetchall()
        }
