"""The demo patient's journal: deterministic, never in the future, loadable as it is."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest

from ketajournal.domain.models import Session, SideEffect
from ketajournal.services import demo
from ketajournal.services.journal import Journal
from tests.support.clock import NOW


def test_the_same_end_and_seed_give_the_same_journal_and_none_is_later_than_end() -> None:
    first = demo.generate(NOW, days=120)
    assert first == demo.generate(NOW, days=120)
    assert first != demo.generate(NOW, days=120, seed=8)
    times = [e.at for e in first.entries]
    assert times == sorted(times) and max(times) <= NOW
    assert min(times).date() >= NOW.date() - timedelta(days=119)
    with pytest.raises(ValueError):
        demo.generate(NOW, days=0)


def test_side_effects_are_linked_to_sessions_and_the_journal_takes_it_all(
    journal: Journal,
) -> None:
    data = demo.generate(NOW, days=60)
    kinds = Counter(type(e).__name__ for e in data.entries)
    assert kinds["MoodEntry"] > 40 and kinds["Session"] >= 6  # baseline, then induction
    for index, session_index in data.session_of.items():
        assert isinstance(data.entries[index], SideEffect)
        assert isinstance(data.entries[session_index], Session)
    journal.log_all(data.entries, data.session_of)
    assert sum(journal.entry_counts().values()) == len(data.entries)


def test_the_demo_patient_has_a_medication_history(journal: Journal) -> None:
    """Sertraline from day −180 (100 mg), 50 mg from day 200; lorazepam 0.5 mg from day
    420, 1 mg from day 480 — days counted from the first of the 730 demo days."""
    from ketajournal.services.medications import MedicationList

    data = demo.generate(journal.now())
    demo.save(journal, data)
    first = journal.now().date() - timedelta(days=demo.DEFAULT_DAYS - 1)
    meds = MedicationList(journal)
    assert [(c.name, c.start, c.stop) for c in meds.history()] == [
        ("Sertraline", first - timedelta(days=180), None),
        ("Lorazepam", first + timedelta(days=420), None),
    ]
    assert [(c.name, s.dose_text) for c, s in meds.current()] == [
        ("Sertraline", "50 mg once a day"), ("Lorazepam", "1 mg at night")]
    assert journal.counts()["session"] == len([e for e in data.entries if e.kind == "session"])
    # A short demo holds only what had begun by its last day.
    short = demo.generate(journal.now(), days=100)
    assert [(c.name, len(c.steps)) for c in short.medications] == [("Sertraline", 1)]
