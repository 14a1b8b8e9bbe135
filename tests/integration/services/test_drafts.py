"""Drafts of unsaved forms: kept, replaced, listed, discarded; encrypted and in no export."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import exchange
from ketajournal.services.drafts import Drafts, describe_form, form_id
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from tests.support.clock import FixedClock

SENTINEL = "SENTINEL-draft-5521 ünïcode"


def test_drafts_are_kept_replaced_listed_and_discarded(journal: Journal) -> None:
    drafts = Drafts(journal)
    assert drafts.pending() == [] and drafts.get("today") is None
    assert drafts.keep("today", {"note": "first"})
    assert drafts.keep("today", {"note": SENTINEL, "anxiety": 4})
    assert drafts.keep(form_id("side_effect"), {"note": "x", "severity": 3})
    kept = drafts.get("today")
    assert kept is not None and kept.data == {"note": SENTINEL, "anxiety": 4}
    assert kept.saved_at == journal.now()
    assert [d.form for d in drafts.pending()] == ["today", "new:side_effect"]
    assert drafts.discard("today") and drafts.get("today") is None
    assert drafts.discard("today")  # nothing there: still fine
    with pytest.raises(ValueError):
        drafts.keep("'; DROP TABLE drafts; --", {})


def test_form_names_and_their_descriptions() -> None:
    assert form_id() == "today"
    assert form_id("side_effect") == "new:side_effect"
    assert form_id("session", 12) == "edit:session:12"
    assert describe_form("new:side_effect") == "A new side effect"
    assert describe_form("edit:session:12") == "Changes to a session"


def test_drafts_survive_reopening_and_are_in_no_export(
    journal: Journal, paths: JournalPaths, tmp_path: Path, clock: FixedClock
) -> None:
    journal.log(MoodEntry(at=clock() - timedelta(hours=1), mood=5))
    Drafts(journal).keep("today", {"note": SENTINEL})
    journal.close()
    again = open_journal(paths, KeyringKeyStore(), clock=clock)
    try:
        kept = Drafts(again).get("today")
        assert kept is not None and kept.data["note"] == SENTINEL
        assert again.counts()["mood"] == 1  # a draft is not an entry
        again.export_json(tmp_path / "export.json")
        exchange.export_csv(again, tmp_path / "csv")
        exchange.export_fhir(again, tmp_path / "fhir.json")
    finally:
        again.close()
    written = [tmp_path / "export.json", tmp_path / "fhir.json", *(tmp_path / "csv").iterdir()]
    for path in written:
        assert SENTINEL.encode() not in path.read_bytes(), path.name
    # In the journal file the draft is encrypted like everything else.
    for path in paths.home.rglob("*"):
        if path.is_file():
            assert SENTINEL.encode() not in path.read_bytes(), path.name
