"""Rows as sync records and back (storage/sync_store.py), on a real encrypted journal."""

from __future__ import annotations

import pytest

from ketajournal.domain.hlc import Stamp
from ketajournal.domain.ids import new_id
from ketajournal.domain.merge import Change, Op
from ketajournal.domain.models import MoodEntry, Session, SideEffect, SideEffectCategory
from ketajournal.services.journal import Journal
from ketajournal.storage.connection import transaction
from ketajournal.storage.sync_store import SyncStore, UnknownRecordError
from tests.support.clock import NOW

DEVICE = "0193a7f0-remote"


def _stamp(ms: int) -> Stamp:
    return Stamp(ms, 0, DEVICE)


def test_a_row_travels_without_its_local_columns_and_with_references_as_global_ids(
    journal: Journal,
) -> None:
    store = SyncStore(journal._db)
    session, _ = journal.log(Session(at=NOW, route="iv", phase="induction", dose_mg=35.0))
    effect, _ = journal.log(
        SideEffect(at=NOW, category=SideEffectCategory.NAUSEA, severity=4, session_id=session.id)
    )
    session_gid = store.gid_of("sessions", session.id or 0)
    effect_gid = store.gid_of("side_effects", effect.id or 0)
    assert session_gid and effect_gid
    row = store.row_by_gid("side_effects", effect_gid)
    assert row is not None
    fields = store.fields("side_effects", row)
    assert fields["session_id"] == session_gid
    assert not {"id", "gid", "stamp"} & set(fields)
    assert store.current("side_effects", effect_gid) is None  # not sent yet


def test_applying_inserts_overwrites_and_buries_records(journal: Journal) -> None:
    store = SyncStore(journal._db)
    gid = new_id()
    fields = {"at": "2026-11-27T09:00:00+01:00", "day": "2026-11-27", "ts": 1795766400.0,
              "note": "from elsewhere", "mood": 6, "anxiety": None, "energy": None,
              "sleep_hours": 7.5}
    row_id = store.apply(Change(gid, "mood_entries", _stamp(1), Op.UPSERT, fields))
    assert row_id is not None
    (mood,) = journal.moods()
    assert (mood.id, mood.mood, mood.note) == (row_id, 6, "from elsewhere")
    current = store.current("mood_entries", gid)
    assert current == Change(gid, "mood_entries", _stamp(1), Op.UPSERT, fields)
    store.apply(Change(gid, "mood_entries", _stamp(2), Op.UPSERT, fields | {"mood": 2}))
    assert [m.mood for m in journal.moods()] == [2]
    store.apply(Change(gid, "mood_entries", _stamp(3), Op.DELETE))
    assert journal.moods() == []
    assert store.current("mood_entries", gid) == Change(gid, "mood_entries", _stamp(3), Op.DELETE)
    assert store.keep_in_history(current) and not store.keep_in_history(current)
    assert store.history(gid) == [current]
    assert set(store.all_changes()) == {
        Change(gid, "mood_entries", _stamp(3), Op.DELETE), current
    }


def test_a_kind_or_value_this_version_cannot_store_is_refused(journal: Journal) -> None:
    store = SyncStore(journal._db)
    with pytest.raises(UnknownRecordError, match="does not know"):  # medications sync now
        store.apply(Change(new_id(), "lab_results", _stamp(1), Op.UPSERT, {"name": "x"}))
    with pytest.raises(UnknownRecordError, match="does not fit"):  # no class, no start day
        store.apply(Change(new_id(), "medications", _stamp(1), Op.UPSERT, {"name": "x"}))
    with pytest.raises(UnknownRecordError, match="cannot store"):
        store.apply(Change(new_id(), "mood_entries", _stamp(1), Op.UPSERT, {"mood": [1]}))


def test_pending_changes_are_one_per_record_in_the_order_of_their_last_change(
    journal: Journal,
) -> None:
    store = SyncStore(journal._db)
    with transaction(journal._db):
        store.set_local("folder", "/a/folder")
    first, _ = journal.log(MoodEntry(at=NOW, mood=1))
    second, _ = journal.log(MoodEntry(at=NOW, mood=2))
    journal.update(MoodEntry(at=NOW, mood=3, id=first.id))
    journal.delete("mood", second.id or 0)
    pending = store.pending()
    assert [(p.row_id, p.exists) for p in pending] == [(first.id, True), (second.id, False)]
    store.clear_outbox()
    assert store.pending() == [] and store.outbox_mark() == 0
