"""Matching an import against the journal: duplicates skipped, session links remapped."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from ketajournal.domain.models import (
    Event,
    EventKind,
    Phase,
    Route,
    Session,
)
from ketajournal.domain.timeutil import to_iso
from ketajournal.services import exchange
from ketajournal.services.journal import Journal
from tests.support.own_exports import T0, export_of


def links_by_time(journal: Journal) -> list[tuple[str, str | None]]:
    """Each side effect's time with its session's time: links, independent of ids."""
    sessions = {s.id: to_iso(s.at) for s in journal.sessions()}
    return sorted(
        (to_iso(e.at), sessions.get(e.session_id) if e.session_id else None)
        for e in journal.side_effects()
    )


def test_a_second_import_skips_every_entry_and_counts_them(
    demo_journal: Journal, make_journal: Any, tmp_path: Path
) -> None:
    demo_journal.export_json(tmp_path / "export.json")
    copy = make_journal("copy")
    exchange.import_path(copy, tmp_path / "export.json")
    before = copy.export_document()
    again = exchange.import_path(copy, tmp_path / "export.json")
    assert again.total_added == 0
    assert again.skipped == demo_journal.entry_counts()
    assert again.backup is None  # nothing to write, nothing to back up
    assert copy.export_document() == before
    # The same entries as CSV are the same duplicates.
    exchange.export_csv(demo_journal, tmp_path / "csv")
    assert exchange.import_path(copy, tmp_path / "csv").skipped == demo_journal.entry_counts()


def test_import_into_a_journal_with_entries_remaps_session_links(
    demo_journal: Journal, make_journal: Any, tmp_path: Path
) -> None:
    demo_journal.export_json(tmp_path / "export.json")
    other = make_journal("other")
    other.log(Session(at=T0 - timedelta(days=900), route=Route.IM, phase=Phase.INDUCTION))
    other.log(Session(at=T0 - timedelta(days=899), route=Route.IM, phase=Phase.INDUCTION))
    result = exchange.import_path(other, tmp_path / "export.json")
    assert result.added["session"] == demo_journal.counts()["session"]
    assert result.unlinked_side_effects == 0
    assert {s.id for s in other.sessions()} != {s.id for s in demo_journal.sessions()}
    assert links_by_time(other) == links_by_time(demo_journal)
    assert all(e.session_id for e in other.side_effects())


def test_side_effects_link_to_identical_sessions_already_in_the_journal(
    demo_journal: Journal, make_journal: Any, tmp_path: Path
) -> None:
    exchange.export_csv(demo_journal, tmp_path / "csv")
    other = make_journal("other")
    other.log(Event(at=T0, event_kind=EventKind.APPOINTMENT))
    other.log(Session(at=T0, route=Route.NASAL, phase=Phase.BOOSTER, dose_mg=56))
    exchange.import_path(other, tmp_path / "csv" / "session.csv")
    result = exchange.import_path(other, tmp_path / "csv")
    assert result.skipped["session"] == demo_journal.counts()["session"]
    assert result.added["side_effect"] == demo_journal.counts()["side_effect"]
    assert result.unlinked_side_effects == 0
    assert links_by_time(other) == links_by_time(demo_journal)


def test_a_side_effect_file_alone_keeps_side_effects_unlinked_and_counts_them(
    demo_journal: Journal, make_journal: Any, tmp_path: Path
) -> None:
    exchange.export_csv(demo_journal, tmp_path / "csv")
    linked = sum(1 for e in demo_journal.side_effects() if e.session_id)
    assert linked > 0
    alone = make_journal("alone")
    result = exchange.import_path(alone, tmp_path / "csv" / "side_effect.csv")
    assert result.added["side_effect"] == demo_journal.counts()["side_effect"]
    assert result.unlinked_side_effects == linked
    assert all(e.session_id is None for e in alone.side_effects())
    assert "without a session" in result.summary()
    # In the journal they came from, they are duplicates whatever their link.
    back = exchange.import_path(demo_journal, tmp_path / "csv" / "side_effect.csv")
    assert back.total_added == 0
    assert back.skipped["side_effect"] == demo_journal.counts()["side_effect"]


def test_duplicates_inside_one_import_are_skipped(
    journal: Journal, tmp_path: Path
) -> None:
    mood = {"id": 1, "at": to_iso(T0), "day": "2026-11-20", "note": "", "mood": 5,
            "anxiety": None, "energy": None, "sleep_hours": None}
    session = {"id": 1, "at": to_iso(T0), "day": "2026-11-20", "note": "", "route": "iv",
               "phase": "booster", "dose_mg": 35.0, "weight_kg": None, "clinic": "",
               "dissociation": None, "bp_before": None, "bp_after": None}
    effect = {"id": 1, "at": to_iso(T0 + timedelta(hours=1)), "day": "2026-11-20", "note": "",
              "category": "nausea", "other_text": "", "severity": 3, "duration_minutes": None,
              "session_id": 1}
    document = export_of({
        "mood": [mood, mood | {"id": 2}],
        "session": [session, session | {"id": 2}],
        "side_effect": [effect, effect | {"id": 2, "session_id": 2}],
    })
    path = tmp_path / "dups.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = exchange.import_path(journal, path)
    assert result.added == {"mood": 1, "session": 1, "side_effect": 1, "event": 0,
                            "assessment": 0}
    assert result.skipped == {"mood": 1, "session": 1, "side_effect": 1, "event": 0,
                              "assessment": 0}
    assert journal.side_effects()[0].session_id == journal.sessions()[0].id
