"""The planned_sessions table: rows round-trip, ids kept, the link to a session."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ketajournal.domain.models import Phase, Route, Session
from ketajournal.domain.schedules import PlannedItem, PlannedSession, PlanStatus
from ketajournal.services.journal import Journal
from ketajournal.storage.connection import transaction
from ketajournal.storage.planned import PlannedRepository

PLUS2 = timezone(timedelta(hours=2))


def _item(item_id: int = 0, **changes: object) -> PlannedItem:
    plan = PlannedSession(at=datetime(2026, 6, 1, 10, tzinfo=PLUS2), route=Route.NASAL,
                          dose_mg=56, clinic="Clinic A", note="bring water", phase=Phase.BOOSTER)
    return PlannedItem(item_id, plan, template="esketamine", **changes)  # type: ignore[arg-type]


def test_a_planned_session_round_trips_with_its_offset(journal: Journal) -> None:
    repo = PlannedRepository(journal._db)
    with transaction(journal._db):
        new_id = repo.insert(_item())
    stored = repo.get(new_id)
    assert stored == _item(new_id)
    assert stored is not None and stored.session.at.utcoffset() == timedelta(hours=2)


def test_an_id_given_is_kept_and_statuses_filter(journal: Journal) -> None:
    repo = PlannedRepository(journal._db)
    with transaction(journal._db):
        repo.insert(_item(7, status=PlanStatus.MISSED))
        repo.insert(_item(3))
    assert [i.id for i in repo.all()] == [3, 7]
    assert [i.id for i in repo.all([PlanStatus.PLANNED])] == [3]
    assert repo.count() == 2


def test_deleting_the_linked_session_keeps_the_plan(journal: Journal) -> None:
    session, _ = journal.log(Session(at=datetime(2026, 6, 1, 10, tzinfo=PLUS2),
                                     route=Route.NASAL, phase=Phase.BOOSTER))
    assert session.id is not None
    repo = PlannedRepository(journal._db)
    with transaction(journal._db):
        item_id = repo.insert(_item(status=PlanStatus.DONE, session_id=session.id))
    assert repo.linked_session_ids() == {session.id}
    journal.delete("session", session.id)
    stored = repo.get(item_id)
    assert stored is not None and stored.session_id is None and stored.status is PlanStatus.DONE


def test_update_and_delete_report_a_missing_row(journal: Journal) -> None:
    repo = PlannedRepository(journal._db)
    with transaction(journal._db):
        assert not repo.update(_item(99))
        assert not repo.delete(99)
