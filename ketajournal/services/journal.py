"""The journal service: log, edit, delete and read entries.

Every write runs in one explicit transaction and returns a :class:`Change`
only after COMMIT returned, so a caller that shows "Saved" on receiving it never
lies. Views refresh from the change record; none of them polls the database.

It stays one piece past 600 lines: :class:`Journal` is the one object every screen,
command and service holds, and each of its methods is a few lines over the
repositories; splitting it would only forward calls between halves.

The exports' formats and the backup writer are imported when used: opening the journal
and drawing Today need neither (docs/performance.md).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ketajournal.domain.daily import DayTotals
from ketajournal.domain.medications import Course
from ketajournal.domain.models import (
    Assessment,
    Entry,
    Event,
    EventKind,
    MoodEntry,
    Session,
    SideEffect,
)
from ketajournal.domain.tags import (
    MAX_FACTORS,
    FactorDefinition,
    FactorKind,
    check_factor_value,
    check_tags,
)
from ketajournal.domain.timeutil import local_day
from ketajournal.domain.validation import ValidationError, check_not_future
from ketajournal.language import gettext as _
from ketajournal.platform.clock import Clock, system_now
from ketajournal.platform.files import atomic_text_writer
from ketajournal.platform.paths import JournalPaths
from ketajournal.storage.connection import content_state, integrity_problems, transaction
from ketajournal.storage.handle import JournalDatabase
from ketajournal.storage.medications import MedicationRepository
from ketajournal.storage.migrations import SCHEMA_VERSION
from ketajournal.storage.planned import PlannedRepository
from ketajournal.storage.repository import (
    KINDS,
    MAPPINGS,
    EntryRepository,
    SettingsRepository,
    TimelineKey,
    timeline_key,
)
from ketajournal.storage.tags import FactorRepository, TagRepository

if TYPE_CHECKING:  # the exports' formats are imported when a journal is exported
    from ketajournal.reports.factor_formats import ExportedFactor

#: A side effect is linked by default to the latest session this long before it.
SIDE_EFFECT_LINK_WINDOW = timedelta(hours=72)
EXPORT_FORMAT = "ketajournal-export"
EXPORT_VERSION = 1
#: The change kinds of tags and of the patient's factors (not entry kinds).
TAG_CHANGE = "tag"
FACTOR_CHANGE = "factor"



@dataclass(frozen=True)
class Change:
    """What a write changed: the kinds touched and the ids of the entries."""

    kinds: frozenset[str]
    ids: tuple[int, ...] = ()

    @classmethod
    def of(cls, kind: str, *ids: int) -> Change:
        """A change of ``ids`` in one ``kind``."""
        return cls(frozenset({kind}), ids)


@dataclass(frozen=True)
class Deleted:
    """A deleted entry with what is needed to undo the delete exactly."""

    entry: Entry
    unlinked_side_effects: tuple[int, ...] = ()
    #: A mood entry's tags, put back with it.
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Health:
    """Result of a check: problems found (empty when healthy) and counts per kind."""

    problems: tuple[str, ...]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        """True when the integrity and foreign-key checks found nothing."""
        return not self.problems


class NotFoundError(ValidationError):
    """The entry to edit or delete no longer exists."""

    def __init__(self, kind: str, entry_id: int) -> None:
        super().__init__("id", f"there is no {kind.replace('_', ' ')} entry with id {entry_id}")


class Journal:
    """One open journal. Not thread-safe: one owner (the UI thread or a CLI command).

    A journal opened by :mod:`ketajournal.services.opening` knows its home
    (:attr:`paths`) and its key (:attr:`data_key`), which the services that back
    it up, check it or re-wrap its key need. A bare ``Journal(db)`` (a copy being
    counted) has neither.
    """

    def __init__(
        self,
        db: JournalDatabase,
        *,
        clock: Clock = system_now,
        paths: JournalPaths | None = None,
        key: bytes | None = None,
    ) -> None:
        self._db = db
        self._closed = False
        self._key = key
        self._entries = EntryRepository(db)
        self._settings = SettingsRepository(db)
        self._tags = TagRepository(db)
        self._factors = FactorRepository(db)
        self._clock = clock
        self._paths = paths
        #: Every assessment, oldest first, and the content state it was read in.
        self._assessments: tuple[tuple[int, int], tuple[Assessment, ...]] | None = None

    # -- lifecycle ---------------------------------------------------------------------
    @property
    def paths(self) -> JournalPaths:
        """Every path of this journal's home (database, header, backups, locks).

        Raises :class:`RuntimeError` for a journal opened without its home.
        """
        if self._paths is None:
            raise RuntimeError("this journal was opened without its home")
        return self._paths

    @property
    def data_key(self) -> bytes:
        """SENSITIVE: the journal's data key in clear (the SQLCipher key).

        For the services that write or verify backups and re-wrap the key; never
        log it, show it or store it anywhere but the keyring. Raises
        :class:`RuntimeError` for a journal opened without its key.
        """
        if self._key is None:
            raise RuntimeError("this journal was opened without its key")
        return self._key

    def close(self) -> None:
        """Close the database connection (checkpointing the WAL)."""
        self._closed = True
        self._db.close()

    def prepare_to_write(self) -> None:
        """Import what the first write needs (sqlite-utils) now, while nothing waits for it.

        Opening and reading need none of it (``storage/handle.py``); the window calls
        this after Today's first paint, so that the patient's first save does not pay
        the import. Does nothing on a closed journal.
        """
        if not self._closed:
            self._db.hand_over()

    @property
    def ready_to_write(self) -> bool:
        """True once the first write would not import anything (:meth:`prepare_to_write`)."""
        return self._db.handed_over

    def now(self) -> datetime:
        """The service's clock (tests inject one)."""
        return self._clock()

    # -- writes ------------------------------------------------------------------------
    def log(self, entry: Entry) -> tuple[Entry, Change]:
        """Save a new entry; returns it with its id once the commit returned."""
        check_not_future("at", entry.at, self._clock())
        if entry.id is not None:
            raise ValueError("a new entry has no id yet")
        with transaction(self._db):
            self._check_links(entry)
            entry_id = self._entries.insert(entry)
        return entry.with_id(entry_id), Change.of(entry.kind, entry_id)

    def log_all(
        self,
        entries: Sequence[Entry],
        session_of: Mapping[int, int] | None = None,
        global_ids: Mapping[int, str] | None = None,
        *,
        tags: Mapping[int, Sequence[str]] | None = None,
        then: Callable[[tuple[int, ...]], object] | None = None,
    ) -> Change:
        """Save many new entries in one transaction (all or nothing).

        ``session_of`` links side effects to sessions of the same batch: it maps
        the index of a side effect in ``entries`` to the index of its session.
        ``tags`` gives mood entries (by index in ``entries``) their tags.
        ``then`` runs inside the same transaction with the new ids in order (an import
        adds its medications and planned sessions there, so they are kept or lost with
        the entries).
        ``global_ids`` maps the index of an entry to the global id it keeps (an
        imported export's); the others get new ones.
        """
        session_of = session_of or {}
        tags = {index: check_tags("tags", names) for index, names in (tags or {}).items()}
        global_ids = global_ids or {}
        now = self._clock()
        ids: list[int] = []
        kinds: set[str] = set()
        with transaction(self._db):
            for index, entry in enumerate(entries):
                check_not_future("at", entry.at, now)
                if index in session_of:
                    if not isinstance(entry, SideEffect):
                        raise ValueError("only side effects link to sessions")
                    entry = dataclasses.replace(entry, session_id=ids[session_of[index]])
                self._check_links(entry)
                ids.append(self._entries.insert(entry, global_ids.get(index)))
                kinds.add(entry.kind)
                if tags.get(index):
                    if not isinstance(entry, MoodEntry):
                        raise ValueError("only mood entries have tags")
                    self._tags.set_tags(ids[-1], tags[index])
                    kinds.add(TAG_CHANGE)
            if then is not None:
                then(tuple(ids))
        return Change(frozenset(kinds), tuple(ids))

    def update(self, entry: Entry) -> Change:
        """Replace a saved entry (same id) with ``entry``."""
        if entry.id is None:
            raise ValueError("update needs an entry with an id")
        check_not_future("at", entry.at, self._clock())
        with transaction(self._db):
            self._check_links(entry)
            if not self._entries.update(entry):
                raise NotFoundError(entry.kind, entry.id)
        return Change.of(entry.kind, entry.id)

    def delete(self, kind: str, entry_id: int) -> tuple[Deleted, Change]:
        """Delete an entry; the returned :class:`Deleted` can undo it with :meth:`undelete`."""
        with transaction(self._db):
            entry = self._entries.get(kind, entry_id)
            if entry is None:
                raise NotFoundError(kind, entry_id)
            linked: tuple[int, ...] = ()
            tags: tuple[str, ...] = ()
            if kind == Session.kind:
                linked = tuple(self._entries.side_effect_ids_for_session(entry_id))
            elif kind == MoodEntry.kind:
                tags = self._tags.tags_of([entry_id]).get(entry_id, ())
            self._entries.delete(kind, entry_id)
        kinds = {kind} | ({SideEffect.kind} if linked else set())
        return Deleted(entry, linked, tags), Change(frozenset(kinds), (entry_id,))

    def undelete(self, deleted: Deleted) -> Change:
        """Undo a delete: the entry returns under its old id, with its links."""
        entry = deleted.entry
        assert entry.id is not None
        with transaction(self._db):
            self._check_links(entry)
            self._entries.insert(entry)
            if deleted.unlinked_side_effects:
                self._entries.link_side_effects(entry.id, deleted.unlinked_side_effects)
            if deleted.tags:
                self._tags.set_tags(entry.id, deleted.tags)
        kinds = {entry.kind} | ({SideEffect.kind} if deleted.unlinked_side_effects else set())
        return Change(frozenset(kinds), (entry.id,))

    def _check_links(self, entry: Entry) -> None:
        if (
            isinstance(entry, SideEffect)
            and entry.session_id is not None
            and self._entries.get(Session.kind, entry.session_id) is None
        ):
            raise ValidationError("session_id", _("must refer to a session in this journal"))

    # -- reads -------------------------------------------------------------------------
    def get(self, kind: str, entry_id: int) -> Entry | None:
        """One entry by kind and id."""
        return self._entries.get(kind, entry_id)

    def entries(
        self, kind: str, start: datetime | None = None, end: datetime | None = None
    ) -> list[Any]:
        """Entries of one kind with ``start <= at < end``, oldest first."""
        return self._entries.in_range(kind, start, end)

    @staticmethod
    def timeline_key(entry: Entry) -> TimelineKey:
        """Where a stored entry sorts in the Timeline (newest first = descending key)."""
        return timeline_key(entry)

    def all_entries(self, kinds: Iterable[str] = KINDS) -> list[Entry]:
        """Entries of the given kinds, oldest first (the Timeline)."""
        merged: list[Entry] = []
        for kind in kinds:
            merged.extend(self._entries.in_range(kind))
        merged.sort(key=lambda e: (e.at.timestamp(), KINDS.index(e.kind), e.id or 0))
        return merged

    def moods(self, start: datetime | None = None, end: datetime | None = None) -> list[MoodEntry]:
        """Mood entries, oldest first."""
        return self._entries.in_range(MoodEntry.kind, start, end)  # type: ignore[return-value]

    def sessions(self, start: datetime | None = None, end: datetime | None = None) -> list[Session]:
        """Sessions, oldest first."""
        return self._entries.in_range(Session.kind, start, end)  # type: ignore[return-value]

    def side_effects(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[SideEffect]:
        """Side effects, oldest first."""
        return self._entries.in_range(SideEffect.kind, start, end)  # type: ignore[return-value]

    def assessments(
        self,
        instrument_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[Assessment]:
        """Filled questionnaires (of one instrument, if given), oldest first.

        Without a range, all are read once per ``content_state`` and filtered here:
        Today's refresh asks five times (progress, what is due, the safety flags).
        """
        if start is None and end is None:
            return [a for a in self._every_assessment() if instrument_id in (None, a.instrument_id)]
        if instrument_id is not None:
            return self._entries.assessments(instrument_id, start, end)
        return self._entries.in_range(Assessment.kind, start, end)  # type: ignore[return-value]

    def _every_assessment(self) -> tuple[Assessment, ...]:
        state = content_state(self._db)
        if state is not None and self._assessments is not None and self._assessments[0] == state:
            return self._assessments[1]
        rows = self._entries.in_range(Assessment.kind)
        every = tuple(a for a in rows if isinstance(a, Assessment))
        self._assessments = None if state is None else (state, every)
        return every

    def entries_on_days(
        self, kind: str, first_day: date | None = None, last_day: date | None = None
    ) -> list[Any]:
        """Entries of one kind logged on ``first_day``..``last_day`` (as logged), oldest first."""
        return self._entries.on_days(kind, first_day, last_day)

    def daily_mood_means(
        self, first_day: date | None = None, last_day: date | None = None
    ) -> list[tuple[date, float]]:
        """The daily mood: the mean mood of each logged day in the range, oldest first.

        Computed in SQL per stored ``day`` (the day each entry was logged, as logged).
        The mean is the exact integer sum divided by the count, so it equals
        :func:`ketajournal.domain.boosters.daily_mood` bit for bit.
        """
        return [
            (day, total / count)
            for day, total, count in self._entries.daily_mood_sums(first_day, last_day)
        ]

    def daily_mood_totals(self) -> list[DayTotals]:
        """Per logged day, the sums and counts of mood, anxiety and sleep (computed in SQL),
        oldest first: what the Trends chart draws, without decoding every entry."""
        return self._entries.daily_mood_totals()

    def medication_courses(self) -> list[Course]:
        """Every medication course, by start day (the medication list's history)."""
        return MedicationRepository(self._db).all()

    def first_entry_day(self) -> date | None:
        """The earliest logged day among the first entries of each kind."""
        return min(
            (day for kind in KINDS if (day := self._entries.first_day(kind)) is not None),
            default=None,
        )

    def latest_event(self, event_kind: EventKind, last_day: date) -> Event | None:
        """The latest event of ``event_kind`` logged on or before ``last_day``."""
        return self._entries.latest_event(event_kind.value, last_day)

    def newest_first(
        self,
        kinds: Iterable[str] = KINDS,
        *,
        after: Entry | None = None,
        limit: int = 200,
        note_contains: str = "",
    ) -> list[Entry]:
        """One page of the Timeline: up to ``limit`` entries, newest first.

        ``after`` is the last entry of the previous page (keyset pagination: the page
        starts right after it in the Timeline's order). ``note_contains`` keeps only
        entries whose note contains it, ignoring case (``str.casefold``).
        """
        return self._entries.newest_first(
            list(kinds),
            before=None if after is None else timeline_key(after),
            limit=limit,
            note_contains=note_contains.casefold(),
        )

    def default_session_for(self, at: datetime) -> Session | None:
        """The session a side effect at ``at`` most likely follows: the latest in 72 h before."""
        return self._entries.latest_session_between(at - SIDE_EFFECT_LINK_WINDOW, at)

    def last_session(self) -> Session | None:
        """The most recent session, if any (to prefill the next one)."""
        return self._entries.latest_session()

    def global_ids(self) -> dict[str, tuple[str, int]]:
        """Every entry's global id (docs/sync.md) → its kind and id: what an import
        recognises."""
        return {
            gid: (kind, entry_id)
            for kind in KINDS
            for gid, entry_id in self._entries.global_ids(kind).items()
        }

    def entry_counts(self) -> dict[str, int]:
        """Number of entries per kind (what the Timeline, exports and imports count)."""
        return {kind: self._entries.count(kind) for kind in KINDS}

    def counts(self) -> dict[str, int]:
        """Rows of every table the patient's data lives in: the entries per kind, then
        planned sessions, medications, doses, tags, tags on entries, factors and factor
        values (``storage.repository.OTHER_DATA``), so ``check --deep`` sees a loss in any."""
        return self.entry_counts() | self._entries.other_counts()

    def is_empty(self) -> bool:
        """True when the journal holds nothing of the patient's (no entry, plan, medication,
        tag or factor)."""
        return not any(self.counts().values())

    def check(self) -> Health:
        """Run SQLite's integrity and foreign-key checks and count every kind of data."""
        return Health(tuple(integrity_problems(self._db)), self.counts())

    # -- tags and the patient's factors -----------------------------------------------
    def set_tags(self, mood_id: int, tags: Sequence[str]) -> Change:
        """Replace the tags of mood entry ``mood_id`` (checked by ``domain.tags``)."""
        names = check_tags("tags", tags)
        with transaction(self._db):
            if self._entries.get(MoodEntry.kind, mood_id) is None:
                raise NotFoundError(MoodEntry.kind, mood_id)
            self._tags.set_tags(mood_id, names)
        return Change(frozenset({TAG_CHANGE, MoodEntry.kind}), (mood_id,))

    def tags_of(self, mood_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
        """The tags of each given mood entry (entries without tags are left out)."""
        return self._tags.tags_of(mood_ids)

    def tag_names(self) -> list[str]:
        """Every tag used so far, most used first (for completion)."""
        return self._tags.names()

    def tags_by_day(self) -> dict[date, set[str]]:
        """For each day with a mood entry, the tags on that day's entries (maybe none)."""
        return self._tags.tags_by_day()

    def factor_definitions(self) -> list[FactorDefinition]:
        """The factors the patient follows, in the order they were defined."""
        return self._factors.all()

    def factor(self, name: str) -> FactorDefinition:
        """The factor called ``name`` (ignoring case); refused naming the field if none."""
        key = " ".join(name.split()).casefold()
        for factor in self._factors.all():
            if factor.key == key:
                return factor
        raise ValidationError("factor", _("is not defined yet (define it first)"))

    def define_factor(self, name: str, kind: FactorKind) -> tuple[FactorDefinition, Change]:
        """Start following a factor; at most ``MAX_FACTORS``, each name once."""
        factor = FactorDefinition(name, kind)
        with transaction(self._db):
            existing = self._factors.all()
            if any(other.key == factor.key for other in existing):
                raise ValidationError("name", _("is already a factor"))
            if len(existing) >= MAX_FACTORS:
                raise ValidationError("factor", _("at most {count} factors can be defined").format(
                    count=MAX_FACTORS))
            factor_id = self._factors.define(factor)
        return dataclasses.replace(factor, id=factor_id), Change.of(FACTOR_CHANGE, factor_id)

    def remove_factor(self, name: str) -> Change:
        """Stop following a factor: its definition and every value are deleted."""
        factor = self.factor(name)
        assert factor.id is not None
        with transaction(self._db):
            self._factors.remove(factor.id)
        return Change.of(FACTOR_CHANGE, factor.id)

    def set_factor_value(self, name: str, day: date, value: int | None) -> Change:
        """Store (or with None, clear) the value of factor ``name`` on ``day``."""
        factor = self.factor(name)
        assert factor.id is not None
        if value is not None:
            value = check_factor_value("value", factor.kind, value)
        if day > local_day(self._clock()):
            raise ValidationError("day", _("must not be in the future"))
        with transaction(self._db):
            self._factors.set_value(factor.id, day, value)
        return Change.of(FACTOR_CHANGE, factor.id)

    def insert_imported_factors(
        self, definitions: Sequence[FactorDefinition], values: Sequence[tuple[str, date, int]]
    ) -> None:
        """Add an import's new factors and their values (``values``: factor key, day,
        value; checked by ``services.factor_import``) inside the transaction the caller
        holds: :meth:`log_all`'s ``then``, so an import stays all or nothing."""
        for definition in definitions:
            self._factors.define(definition)
        ids = {factor.key: factor.id for factor in self._factors.all()}
        for key, day, value in values:
            factor_id = ids[key]
            assert factor_id is not None
            self._factors.set_value(factor_id, day, value)

    def factor_values(self) -> dict[int, dict[date, int]]:
        """Every factor's values by day, by factor id."""
        return self._factors.values()

    def factor_values_on(self, day: date) -> Mapping[int, int]:
        """Each factor's value on ``day``, by factor id."""
        return self._factors.values_on(day)

    # -- backups -----------------------------------------------------------------------
    def backup_to(self, target: Path) -> dict[str, int]:
        """Write a verified, encrypted copy of the journal to ``target`` (same key),
        recording the journal clock's now as the time it was made."""
        from ketajournal.storage.backup import write_backup

        return write_backup(self._db, self.data_key, target, self.now())

    # -- settings ----------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        """A setting stored in the journal."""
        return self._settings.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting in the journal (one transaction)."""
        self.set_settings({key: value})

    def set_settings(self, values: Mapping[str, Any]) -> None:
        """Store several settings in one transaction (all or nothing)."""
        with transaction(self._db):
            for key, value in values.items():
                self._settings.set(key, value)

    # -- export ------------------------------------------------------------------------
    def export_json(self, target: Path) -> dict[str, int]:
        """Write every entry as JSON (docs/export-json.md) atomically; returns counts.

        Never into the journal's home (:meth:`JournalPaths.check_output`).
        """
        self._check_output(target)
        document = self.export_document()
        with atomic_text_writer(target) as handle:
            json.dump(document, handle, ensure_ascii=False, indent=2, sort_keys=False)
            handle.write("\n")
        return {kind: len(rows) for kind, rows in document["entries"].items()}

    def _check_output(self, target: Path) -> None:
        if self._paths is not None:
            self._paths.check_output(target)

    def check_output(self, target: Path) -> None:
        """Refuse ``target`` for an export or backup when it lies in this journal's home."""
        self._check_output(target)

    def export_document(self) -> dict[str, Any]:
        """The JSON export as a Python structure (deterministic: no export time)."""
        from ketajournal.reports.entry_json import planned_to_json
        from ketajournal.reports.factor_formats import factor_to_json
        from ketajournal.reports.medication_formats import course_to_json

        entries: dict[str, list[dict[str, Any]]] = {}
        for kind in KINDS:
            entries[kind] = [_export_row(kind, row) for row in self._entries.iter_rows(kind)]
        tags = self._tags.tags_of(row["id"] for row in entries["mood"])
        for row in entries["mood"]:
            row["tags"] = list(tags.get(row["id"], ()))
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "schema_version": SCHEMA_VERSION,
            "entries": entries,
            "medications": [
                course_to_json(course) for course in MedicationRepository(self._db).all()
            ],
            "planned_sessions": [planned_to_json(i) for i in PlannedRepository(self._db).all()],
            "factors": [factor_to_json(factor) for factor in self.exported_factors()],
        }

    def exported_factors(self) -> list[ExportedFactor]:
        """Every factor with its values in day order, as the exports write them."""
        from ketajournal.reports.factor_formats import ExportedFactor

        values = self._factors.values()
        return [
            ExportedFactor(factor, tuple(sorted(values.get(factor.id or 0, {}).items())))
            for factor in self._factors.all()
        ]


def _export_row(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    from ketajournal.reports.entry_json import entry_to_json

    data = entry_to_json(MAPPINGS[kind].from_row(row))
    return {"id": data.pop("id"), "global_id": row["gid"], **data}
