"""The deterministic merge of change records from every device: pure functions.

A :class:`Change` says "at stamp S, device D set record G (of kind K) to these
fields" or "… deleted record G" (a tombstone). For each record the change with
the greatest stamp wins (:func:`change_order`); a deletion therefore beats an
older edit and loses to a newer one. Stamps of different devices never tie (the
device id is part of the stamp); should one device ever reuse a stamp (a
journal restored from an old backup on a computer whose clock went back), the
canonical bytes of the two changes decide, so the result still never depends on
the order changes arrive in.

Nothing is lost: every change that does not win is kept, in order, in the
record's ``history``. The merged state is thus a pure function of the *set* of
changes seen — merging in any order, in any batches, with any duplicates gives
the same state (tests/unit/domain/test_merge.py checks this property with Hypothesis).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeAlias

from ketajournal.domain.hlc import Stamp
from ketajournal.domain.ids import is_global_id

JsonValue: TypeAlias = bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"] | None
_KIND = re.compile(r"[a-z][a-z0-9_]{0,31}")


class Op(StrEnum):
    """What a change does to its record."""

    UPSERT = "upsert"
    DELETE = "delete"


def canonical_json(value: Any) -> str:
    """``value`` as compact JSON with sorted keys: the same value gives the same text.

    Raises ValueError for NaN or infinity, which JSON cannot hold.
    """
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def _check_json(value: object, depth: int = 0) -> None:
    if depth > 32:
        raise ValueError("fields nested too deeply")
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("fields hold a number JSON cannot store")
        return
    if isinstance(value, list):
        for item in value:
            _check_json(item, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError("field names are text")
            _check_json(item, depth + 1)
        return
    raise ValueError("fields hold a value JSON cannot store")


@dataclass(frozen=True, eq=False)
class Change:
    """One change of one record, made on one device.

    ``fields`` is the whole row (JSON-able) for an upsert and None for a
    deletion. The device that made the change is ``stamp.device``. Two changes
    are equal when their :func:`change_order` keys are, so duplicates read from
    two files compare equal and hash alike.
    """

    global_id: str
    kind: str
    stamp: Stamp
    op: Op
    fields: Mapping[str, JsonValue] | None = None
    _canonical: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not is_global_id(self.global_id):
            raise ValueError("not a global id")
        if not _KIND.fullmatch(self.kind):
            raise ValueError("not a record kind")
        if (self.op is Op.UPSERT) != (self.fields is not None):
            raise ValueError("an upsert carries fields and a deletion none")
        if self.fields is not None:
            _check_json(dict(self.fields))
            # A private deep copy: the caller's dict may change later, the change may not.
            copy = json.loads(canonical_json(dict(self.fields)))
            object.__setattr__(self, "fields", copy)
        object.__setattr__(self, "_canonical", canonical_json(self.to_json()))

    @property
    def device(self) -> str:
        """The id of the device that made this change."""
        return self.stamp.device

    @property
    def canonical(self) -> str:
        """The change as canonical JSON text (the last tie-breaker, and the dedup key)."""
        return self._canonical

    def to_json(self) -> dict[str, JsonValue]:
        """The change as a JSON-able dict (the form stored in change files)."""
        data: dict[str, JsonValue] = {
            "id": self.global_id,
            "kind": self.kind,
            "stamp": str(self.stamp),
            "op": self.op.value,
        }
        if self.fields is not None:
            data["fields"] = dict(self.fields)
        return data

    @classmethod
    def from_json(cls, data: object) -> Change:
        """The change stored as ``data`` by :meth:`to_json`; ValueError if malformed."""
        if not isinstance(data, dict):
            raise ValueError("a change is an object")
        if set(data) - {"id", "kind", "stamp", "op", "fields"}:
            raise ValueError("a change has unknown members")
        gid, kind, stamp, op = (data.get(k) for k in ("id", "kind", "stamp", "op"))
        if not (
            isinstance(gid, str)
            and isinstance(kind, str)
            and isinstance(stamp, str)
            and isinstance(op, str)
        ):
            raise ValueError("a change lacks its id, kind, stamp or op")
        fields = data.get("fields")
        if fields is not None and not isinstance(fields, dict):
            raise ValueError("a change's fields are an object")
        return cls(gid, kind, Stamp.parse(stamp), Op(op), fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Change):
            return NotImplemented
        return change_order(self) == change_order(other)

    def __hash__(self) -> int:
        return hash(change_order(self))


def change_order(change: Change) -> tuple[Stamp, str]:
    """The key that orders the changes of one record: stamp, then canonical bytes."""
    return (change.stamp, change.canonical)


@dataclass(frozen=True)
class RecordState:
    """The merged state of one record: the winning change and every losing one.

    ``history`` holds each change that did not win, oldest first, without
    duplicates — the versions a person can look at and restore.
    """

    current: Change
    history: tuple[Change, ...] = ()

    @property
    def deleted(self) -> bool:
        """True if the winning change is a deletion (the record is a tombstone)."""
        return self.current.op is Op.DELETE

    @property
    def fields(self) -> Mapping[str, JsonValue] | None:
        """The record's fields as they stand, or None if it is deleted."""
        return self.current.fields

    def versions(self) -> tuple[Change, ...]:
        """Every change known for this record, oldest first (history, then current)."""
        return (*self.history, self.current)


MergedState: TypeAlias = Mapping[str, RecordState]


@dataclass(frozen=True)
class MergeResult:
    """What :func:`merge` returns: the new state and the ids whose winner changed."""

    state: dict[str, RecordState]
    changed: frozenset[str]


def merge_record(state: RecordState | None, changes: Iterable[Change]) -> RecordState:
    """The state of one record after taking in ``changes`` (all of that record).

    Raises ValueError if no change is given for a record with no state, or if
    the changes are of different records.
    """
    known = {} if state is None else {c: None for c in state.versions()}
    for change in changes:
        known.setdefault(change, None)
    if not known:
        raise ValueError("a record needs at least one change")
    ordered = sorted(known, key=change_order)
    if len({c.global_id for c in ordered}) != 1:
        raise ValueError("changes of different records")
    return RecordState(current=ordered[-1], history=tuple(ordered[:-1]))


def merge(state: MergedState, changes: Iterable[Change]) -> MergeResult:
    """The state after applying ``changes`` to ``state``, and which records changed.

    Pure and deterministic: ``state`` is not modified; the same set of changes
    gives the same state whatever the order, the batching or the duplicates.
    A record is in ``changed`` when its winning change differs from before.
    """
    by_id: dict[str, list[Change]] = {}
    for change in changes:
        by_id.setdefault(change.global_id, []).append(change)
    new_state = dict(state)
    changed: set[str] = set()
    for gid, incoming in by_id.items():
        before = state.get(gid)
        after = merge_record(before, incoming)
        if before is None or after.current != before.current:
            changed.add(gid)
        new_state[gid] = after
    return MergeResult(state=new_state, changed=frozenset(changed))


def all_changes(state: MergedState) -> list[Change]:
    """Every change held in ``state`` (winners and history), in a stable order.

    Merging this list into an empty state gives ``state`` back: it is what a
    snapshot must carry so that nothing in the history is lost.
    """
    out: list[Change] = []
    for gid in sorted(state):
        out.extend(state[gid].versions())
    return out
