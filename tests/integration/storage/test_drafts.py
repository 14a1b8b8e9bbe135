"""The drafts table: one row per form, replaced in place, read back in saving order."""

from __future__ import annotations

from datetime import timedelta

from ketajournal.services.journal import Journal
from ketajournal.storage.drafts import DraftRepository
from tests.support.clock import NOW


def test_a_draft_is_stored_replaced_listed_and_deleted(journal: Journal) -> None:
    repo = DraftRepository(journal._db)
    assert repo.get("today") is None and repo.all() == []
    repo.put("today", {"note": "first"}, NOW)
    repo.put("new:session", {"dose_mg": 36, "note": "ünïcode"}, NOW - timedelta(hours=1))
    repo.put("today", {"note": "second"}, NOW + timedelta(minutes=5))
    today = repo.get("today")
    assert today is not None
    assert (today.data, today.saved_at) == ({"note": "second"}, NOW + timedelta(minutes=5))
    assert [d.form for d in repo.all()] == ["new:session", "today"]  # oldest first
    assert repo.all()[0].data == {"dose_mg": 36, "note": "ünïcode"}
    repo.delete("today")
    repo.delete("today")  # nothing there: fine
    assert repo.get("today") is None and len(repo.all()) == 1
