"""What else moves mood, read from a real journal, against hand-computed numbers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from ketajournal.domain.factors import ASSOCIATION, MIN_DAYS
from ketajournal.domain.models import Event, EventKind, MoodEntry
from ketajournal.domain.tags import FactorKind
from ketajournal.services.journal import Journal
from ketajournal.services.mood_factors import factor_report
from tests.support.clock import NOW

FIRST = date(2026, 6, 1)


def at(offset: int) -> datetime:
    return datetime.combine(FIRST + timedelta(days=offset), time(20), tzinfo=NOW.tzinfo)


def test_sleep_tags_own_factors_and_events_are_compared(journal: Journal) -> None:
    """20 days, no session: even days 8 h sleep and mood 7, odd days 5 h and mood 5.

    So 7+ hours of sleep: 10 days with (all 7), 10 without (all 5): exactly 2.0 higher,
    and every resample of a constant gap is 2.0, so the interval is 2.0 to 2.0.
    """
    journal.define_factor("Exercise", FactorKind.YESNO)
    for i in range(20):
        good = i % 2 == 0
        entry, _ = journal.log(MoodEntry(at=at(i), mood=7 if good else 5,
                                         sleep_hours=8 if good else 5))
        assert entry.id is not None
        journal.set_tags(entry.id, ["rested"] if good else [])
        journal.set_factor_value("Exercise", at(i).date(), int(good))
    journal.log(Event(at=at(3), event_kind=EventKind.PSYCHOTHERAPY))
    report = factor_report(journal)
    assert report.days == 20
    by_key = {(e.factor.key, e.lag): e for e in report.effects}
    sleep = by_key[("sleep>=7", 0)]
    assert (sleep.days_with, sleep.days_without) == (10, 10)
    assert sleep.difference == pytest.approx(2.0)
    assert (sleep.low, sleep.high) == (pytest.approx(2.0), pytest.approx(2.0))
    assert by_key[("tag:rested", 0)].difference == pytest.approx(2.0)
    assert by_key[("factor:exercise", 0)].difference == pytest.approx(2.0)
    # Next day: day 0 has no day before it logged, so 10 odd days after a rested day
    # and only 9 even ones after another: below the minimum, no estimate.
    after = by_key[("tag:rested", 1)]
    assert (after.days_with, after.days_without, after.difference) == (10, 9, None)
    therapy = by_key[("event:psychotherapy", 0)]
    assert (therapy.days_with, therapy.enough) == (1, False)
    lines = report.lines()
    assert ("On days after 7+ hours of sleep your mood was 2.0 higher (2.0 to 2.0; "
            f"10 vs 10 days). {ASSOCIATION}") in lines
    assert any(line.startswith("Not enough days yet for: ") and "psychotherapy" in line
               for line in lines)
    document = report.document()
    assert document["min_days"] == MIN_DAYS
    first = document["results"][0]
    assert first["interval_95"] == [2.0, 2.0] and first["enough_days"] is True


def test_an_empty_journal_has_nothing_to_compare(journal: Journal) -> None:
    report = factor_report(journal)
    assert report.lines() == ["No mood entries yet: there is nothing to compare."]
