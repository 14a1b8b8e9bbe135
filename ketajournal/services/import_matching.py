"""Match imported entries against the journal: what is new, what is an exact duplicate,
and which session each imported side effect belongs to.

Imports are additive: an entry whose global id the journal already holds (the same
entry, exported here or on another computer that syncs this journal), or equal in
every field but its id to one already in the journal or earlier in the same import,
is skipped and counted. An added entry keeps its global id. Entries are
planned kind by kind in the export's id order, so importing an export into an empty
journal reproduces the same ids, and side effects keep their session links (remapped
to the sessions' new ids).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from ketajournal.domain.models import (
    Assessment,
    BloodPressure,
    Entry,
    Session,
    SideEffect,
)
from ketajournal.domain.timeutil import to_iso
from ketajournal.domain.validation import ValidationError, check_not_future
from ketajournal.services.import_reading import ImportRecord
from ketajournal.services.imports.common import rejected
from ketajournal.services.journal import Journal
from ketajournal.storage.repository import KINDS


@dataclass
class ImportPlan:
    """What an import will write: the new entries in order, and what it skips."""

    entries: list[Entry] = field(default_factory=list)
    session_of: dict[int, int] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    skipped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    unlinked: int = 0
    #: Where each session of the import went, by its id in the export: ("existing",
    #: journal id) for a duplicate, ("batch", index in ``entries``) when added.
    session_targets: dict[int, tuple[str, int]] = field(default_factory=dict)
    #: The global id each added entry keeps, by its index in ``entries``.
    global_ids: dict[int, str] = field(default_factory=dict)
    #: The tags of each added mood entry that has some, by its index in ``entries``.
    tags: dict[int, tuple[str, ...]] = field(default_factory=dict)


# Where a session of the import ended up: ("existing", journal id) when it was a
# duplicate of a session in the journal, ("batch", index in the plan) when added.
_Target = tuple[str, int]


def plan_import(journal: Journal, records: Sequence[ImportRecord]) -> ImportPlan:
    """Match ``records`` against ``journal``: new entries, duplicates, session links.

    Refuses the whole import when an entry lies in the future."""
    now = journal.now()
    plan = ImportPlan()
    seen: dict[str, set[tuple[Any, ...]]] = {kind: set() for kind in KINDS}
    session_targets_by_key: dict[tuple[Any, ...], _Target] = {}
    # Side effects are also compared without their link, for those whose session
    # cannot be resolved (see _plan_side_effect).
    side_effects_unlinked: set[tuple[Any, ...]] = set()
    for kind in KINDS:
        for existing in journal.entries(kind):
            key = entry_key(existing)
            seen[kind].add(key)
            if isinstance(existing, Session):
                assert existing.id is not None
                session_targets_by_key.setdefault(key, ("existing", existing.id))
            elif isinstance(existing, SideEffect):
                side_effects_unlinked.add(entry_key(existing, ignore_link=True))

    known_ids = journal.global_ids()
    session_targets = plan.session_targets
    ordered = sorted(records, key=lambda r: (KINDS.index(r.kind), r.source_id))
    for record in ordered:
        try:
            check_not_future("at", record.entry.at, now)
            if isinstance(record.entry, Assessment) and record.entry.safety_acknowledged_at:
                check_not_future(
                    "safety_acknowledged_at", record.entry.safety_acknowledged_at, now
                )
        except ValidationError as error:
            raise rejected(record.location, error) from None
        known = known_ids.get(record.global_id) if record.global_id is not None else None
        if known is not None:  # the same entry, already here (perhaps edited since)
            if isinstance(record.entry, Session):
                session_targets[record.source_id] = ("existing", known[1])
            plan.skipped[record.kind] += 1
            continue
        added_before = len(plan.entries)
        _plan_record(
            plan, record, seen, session_targets, session_targets_by_key, side_effects_unlinked
        )
        if len(plan.entries) > added_before and record.tags:
            plan.tags[added_before] = record.tags
        if record.global_id is not None and len(plan.entries) > added_before:
            plan.global_ids[added_before] = record.global_id
            known_ids[record.global_id] = (record.kind, 0)
    return plan


def _plan_record(
    plan: ImportPlan,
    record: ImportRecord,
    seen: dict[str, set[tuple[Any, ...]]],
    session_targets: dict[int, _Target],
    session_targets_by_key: dict[tuple[Any, ...], _Target],
    side_effects_unlinked: set[tuple[Any, ...]],
) -> None:
    """Add ``record`` to the plan, or count it as a duplicate of an equal entry."""
    if isinstance(record.entry, Session):
        key = entry_key(record.entry)
        if key in session_targets_by_key:
            session_targets[record.source_id] = session_targets_by_key[key]
            plan.skipped[record.kind] += 1
            return
        target = ("batch", len(plan.entries))
        session_targets_by_key[key] = target
        session_targets[record.source_id] = target
        _add(plan, record.entry, seen, key)
    elif isinstance(record.entry, SideEffect):
        _plan_side_effect(plan, record, session_targets, seen, side_effects_unlinked)
    else:
        key = entry_key(record.entry)
        if key in seen[record.kind]:
            plan.skipped[record.kind] += 1
            return
        _add(plan, record.entry, seen, key)


def _add(
    plan: ImportPlan, entry: Entry, seen: dict[str, set[tuple[Any, ...]]], key: tuple[Any, ...]
) -> int:
    plan.entries.append(entry)
    plan.added[entry.kind] += 1
    seen[entry.kind].add(key)
    return len(plan.entries) - 1


def _plan_side_effect(
    plan: ImportPlan,
    record: ImportRecord,
    session_targets: Mapping[int, _Target],
    seen: dict[str, set[tuple[Any, ...]]],
    unlinked_keys: set[tuple[Any, ...]],
) -> None:
    entry = record.entry
    assert isinstance(entry, SideEffect)
    bare = entry_key(entry, ignore_link=True)
    link = record.session_link
    if link is not None and link not in session_targets:
        # Its session is not in this import: the link cannot be known. It is a
        # duplicate if the journal has the same side effect under any link.
        if bare in unlinked_keys:
            plan.skipped[record.kind] += 1
            return
        unlinked_keys.add(bare)
        plan.unlinked += 1
        _add(plan, entry, seen, entry_key(entry))
        return
    target = session_targets.get(link) if link is not None else None
    linked = (*bare, target)
    existing_id = target[1] if target is not None and target[0] == "existing" else None
    if target is None or existing_id is not None:
        # Compare like with like: journal entries carry the journal's session id.
        candidate = dataclasses.replace(entry, session_id=existing_id)
        key = entry_key(candidate)
        if key in seen[record.kind]:
            plan.skipped[record.kind] += 1
            return
        unlinked_keys.add(bare)
        _add(plan, candidate, seen, key)
        return
    # Linked to a session added by this import: only earlier rows can match.
    if linked in seen[record.kind]:
        plan.skipped[record.kind] += 1
        return
    unlinked_keys.add(bare)
    plan.session_of[_add(plan, entry, seen, linked)] = target[1]


def entry_key(entry: Entry, *, ignore_link: bool = False) -> tuple[Any, ...]:
    """Every field but the id, comparable and hashable; times keep their offset.

    Two entries with the same key are exact duplicates. ``ignore_link`` leaves a
    side effect's session out.
    """
    parts: list[Any] = [entry.kind]
    for item in dataclasses.fields(entry):
        if item.name == "id" or (ignore_link and item.name == "session_id"):
            continue
        parts.append(_comparable(getattr(entry, item.name)))
    return tuple(parts)


def _comparable(value: object) -> object:
    if isinstance(value, datetime):
        return to_iso(value)  # 10:00+01:00 and 09:00+00:00 are different entries here
    if isinstance(value, BloodPressure):
        return (value.systolic, value.diastolic)
    if isinstance(value, StrEnum):
        return value.value
    return value


__all__ = ["ImportPlan", "entry_key", "plan_import"]
