"""A journal as it stood at the end of a day: only entries up to that day are read."""

from __future__ import annotations

from datetime import timedelta

from ketajournal.domain.models import MoodEntry, Phase, Route, Session
from ketajournal.services.journal import Journal
from ketajournal.services.journal_until import JournalUntil
from tests.support.clock import NOW


def test_the_view_hides_later_days_and_reads_through_to_the_journal(journal: Journal) -> None:
    journal.log_all([MoodEntry(at=NOW - timedelta(days=d), mood=d % 10) for d in range(10)])
    journal.log(Session(at=NOW - timedelta(days=8), route=Route.IV, phase=Phase.INDUCTION))
    journal.log(Session(at=NOW - timedelta(days=1), route=Route.IV, phase=Phase.BOOSTER))
    journal.set_setting("clinical.questionnaire_interval_days", 21)
    last_day = (NOW - timedelta(days=5)).date()
    view = JournalUntil(journal, last_day)
    moods = view.moods()
    assert len(moods) == 5 and all(m.at.date() <= last_day for m in moods)
    assert [s.phase for s in view.sessions()] == [Phase.INDUCTION]
    assert view.moods(NOW - timedelta(days=7), NOW) == [
        m for m in journal.moods(NOW - timedelta(days=7), NOW) if m.at.date() <= last_day
    ]
    assert view.now() == journal.now()
    assert view.setting("clinical.questionnaire_interval_days") == 21
    assert len(journal.moods()) == 10  # the journal itself is unchanged
