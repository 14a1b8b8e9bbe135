"""The deterministic merge: later stamp wins, tombstones, history, and convergence in any order."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketajournal.domain.hlc import Stamp
from ketajournal.domain.merge import (
    Change,
    Op,
    RecordState,
    all_changes,
    change_order,
    merge,
    merge_record,
)

IDS = [
    "0193a7f0-7c3e-7000-8000-00000000000a",
    "0193a7f0-7c3e-7000-8000-00000000000b",
    "0193a7f0-7c3e-7000-8000-00000000000c",
]
GID = IDS[0]


def edit(wall: int, device: str, text: str, gid: str = GID, counter: int = 0) -> Change:
    return Change(gid, "mood", Stamp(wall, counter, device), Op.UPSERT, {"mood": 5, "note": text})


def delete(wall: int, device: str, gid: str = GID) -> Change:
    return Change(gid, "mood", Stamp(wall, 0, device), Op.DELETE)


def state_of(*changes: Change) -> dict[str, RecordState]:
    return merge({}, changes).state


def test_the_later_stamp_wins_and_the_loser_is_in_the_history() -> None:
    older, newer = edit(1_000, "a", "typed on the laptop"), edit(2_000, "b", "typed at home")
    for order in ([older, newer], [newer, older]):
        record = state_of(*order)[GID]
        assert record.current == newer
        assert record.fields == {"mood": 5, "note": "typed at home"}
        assert record.history == (older,)


def test_a_deletion_beats_an_older_edit() -> None:
    record = state_of(edit(1_000, "a", "x"), delete(2_000, "b"))[GID]
    assert record.deleted and record.fields is None
    assert record.history == (edit(1_000, "a", "x"),)  # the edit can still be restored


def test_a_deletion_loses_to_a_newer_edit() -> None:
    record = state_of(delete(2_000, "b"), edit(3_000, "a", "back again"))[GID]
    assert not record.deleted
    assert record.fields == {"mood": 5, "note": "back again"}
    assert record.history == (delete(2_000, "b"),)


def test_equal_time_and_counter_is_decided_by_device_id() -> None:
    from_a, from_b = edit(1_000, "a", "a's"), edit(1_000, "b", "b's")
    assert state_of(from_a, from_b)[GID].current == from_b
    assert state_of(from_b, from_a)[GID].current == from_b


def test_a_reused_stamp_is_decided_by_content_not_arrival() -> None:
    # A device restored from an old backup on a clock set back could reuse a stamp.
    one, two = edit(1_000, "a", "first text"), edit(1_000, "a", "second text")
    assert one != two
    winner = max(one, two, key=change_order)
    assert state_of(one, two)[GID].current == winner
    assert state_of(two, one)[GID].current == winner
    assert len(state_of(one, two)[GID].history) == 1


def test_duplicates_are_taken_in_once() -> None:
    change = edit(1_000, "a", "x")
    copy = Change.from_json(change.to_json())
    assert copy == change and hash(copy) == hash(change)
    record = state_of(change, copy, change)[GID]
    assert record.current == change and record.history == ()


def test_merge_reports_which_records_changed_and_leaves_its_input_alone() -> None:
    first = merge({}, [edit(1_000, "a", "x"), edit(1_000, "a", "y", gid=IDS[1])])
    assert first.changed == {IDS[0], IDS[1]}
    frozen = dict(first.state)
    second = merge(first.state, [edit(500, "b", "older"), edit(2_000, "b", "newer", gid=IDS[1])])
    assert second.changed == {IDS[1]}  # the older edit only joins the history
    assert first.state == frozen
    assert second.state[IDS[0]].history == (edit(500, "b", "older"),)


def test_the_change_keeps_its_own_copy_of_the_fields() -> None:
    fields: dict[str, object] = {"note": "before"}
    change = Change(GID, "mood", Stamp(1, 0, "a"), Op.UPSERT, fields)  # type: ignore[arg-type]
    fields["note"] = "after"
    assert change.fields == {"note": "before"}


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({"global_id": "42"}, "not a global id"),
        ({"kind": "Mood Entry"}, "kind"),
        ({"op": Op.DELETE}, "a deletion carries no fields"),
        ({"fields": {"x": float("nan")}}, "NaN"),
        ({"fields": {"x": object()}}, "not JSON"),
    ],
)
def test_malformed_changes_are_refused(kwargs: dict[str, object], why: str) -> None:
    base: dict[str, object] = {
        "global_id": GID,
        "kind": "mood",
        "stamp": Stamp(1, 0, "a"),
        "op": Op.UPSERT,
        "fields": {"mood": 1},
    }
    base.update(kwargs)
    with pytest.raises(ValueError):
        Change(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [
        [],
        {},
        {"id": GID, "kind": "mood", "stamp": "x", "op": "upsert", "fields": {}},
        {"id": GID, "kind": "mood", "stamp": "00000000003e8-0000-a", "op": "merge"},
        {"id": GID, "kind": "mood", "stamp": "00000000003e8-0000-a", "op": "upsert", "fields": []},
        {"id": GID, "kind": "mood", "stamp": "00000000003e8-0000-a", "op": "delete", "extra": 1},
    ],
)
def test_malformed_stored_changes_are_refused(data: object) -> None:
    with pytest.raises(ValueError):
        Change.from_json(data)


def test_merge_record_refuses_nothing_and_mixed_records() -> None:
    with pytest.raises(ValueError):
        merge_record(None, [])
    with pytest.raises(ValueError):
        merge_record(None, [edit(1, "a", "x"), edit(2, "a", "y", gid=IDS[1])])


# -- convergence: the same set of changes gives the same state -------------------------

DEVICES = ["a", "b", "c"]


@st.composite
def change_sets(draw: st.DrawFn) -> list[Change]:
    """Changes from three devices on three records, with clashing stamps on purpose."""
    out: list[Change] = []
    for _ in range(draw(st.integers(min_value=1, max_value=25))):
        gid = draw(st.sampled_from(IDS))
        stamp = Stamp(
            draw(st.integers(min_value=0, max_value=5)),
            draw(st.integers(min_value=0, max_value=2)),
            draw(st.sampled_from(DEVICES)),
        )
        if draw(st.integers(min_value=0, max_value=3)) == 0:
            out.append(Change(gid, "mood", stamp, Op.DELETE))
        else:
            note = draw(st.text(max_size=8))
            out.append(Change(gid, "mood", stamp, Op.UPSERT, {"note": note, "n": len(out)}))
    return out


@given(change_sets(), st.randoms(use_true_random=False))
def test_any_order_batching_and_duplication_converges(
    changes: list[Change], rng: random.Random
) -> None:
    reference = merge({}, changes).state
    # Three devices each receive a permutation with duplicates, in random batches.
    for _ in DEVICES:
        delivered = changes + [rng.choice(changes) for _ in range(rng.randint(0, len(changes)))]
        rng.shuffle(delivered)
        state: dict[str, RecordState] = {}
        while delivered:
            cut = rng.randint(1, len(delivered))
            state = merge(state, delivered[:cut]).state
            delivered = delivered[cut:]
        assert state == reference


@given(change_sets())
def test_nothing_typed_is_lost(changes: list[Change]) -> None:
    state = merge({}, changes).state
    kept = {c for record in state.values() for c in record.versions()}
    assert kept == set(changes)
    for record in state.values():
        assert record.current == max(record.versions(), key=change_order)
        assert list(record.history) == sorted(record.history, key=change_order)
        assert len(set(record.history)) == len(record.history)


@given(change_sets())
def test_a_deletion_wins_exactly_when_it_is_the_newest(changes: list[Change]) -> None:
    state = merge({}, changes).state
    for gid, record in state.items():
        newest = max((c for c in changes if c.global_id == gid), key=change_order)
        assert record.deleted == (newest.op is Op.DELETE)


@given(change_sets())
def test_all_changes_rebuilds_the_state(changes: list[Change]) -> None:
    state = merge({}, changes).state
    assert merge({}, all_changes(state)).state == state
    assert merge({}, [Change.from_json(c.to_json()) for c in all_changes(state)]).state == state
