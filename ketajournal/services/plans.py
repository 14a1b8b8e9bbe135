"""Planned sessions over one journal: add (by hand or from a template), list, mark done or
missed, move, remove — and undo each of these.

Every write is one transaction and returns a :class:`PlanWrite` (what each touched row
was before and is after, and a session it logged) with the :class:`Change` — only after
COMMIT returned — so the window can undo and redo it exactly (:meth:`Plans.undo`,
:meth:`Plans.redo`). The templates are :mod:`ketajournal.domain.schedules`; nothing here
plans on its own: a template only returns the list the patient then saves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

from ketajournal.domain import schedules
from ketajournal.domain.models import Phase, Route, Session
from ketajournal.domain.schedules import (
    Maintenance,
    PlannedItem,
    PlannedSession,
    PlanStatus,
    Template,
    Unit,
)
from ketajournal.domain.timeutil import in_zone, local_day
from ketajournal.domain.validation import ValidationError
from ketajournal.language import gettext as _
from ketajournal.platform.clock import named_zone
from ketajournal.services.journal import Change, Journal
from ketajournal.storage.connection import transaction
from ketajournal.storage.header import read_header
from ketajournal.storage.planned import PlannedRepository
from ketajournal.storage.repository import EntryRepository

#: The kind a :class:`Change` names when planned sessions changed.
PLANNED = "planned"
#: The usual time of a template when none is given.
DEFAULT_TIME = time(10, 0)


@dataclass(frozen=True)
class PlanWrite:
    """What one write did: each touched row before and after (``None``: absent), and the
    session it logged (with its id), so it can be undone and redone exactly."""

    before: tuple[tuple[int, PlannedItem | None], ...]
    after: tuple[tuple[int, PlannedItem | None], ...]
    logged: Session | None = None

    @property
    def items(self) -> list[PlannedItem]:
        """The rows as they are after the write (added or changed ones)."""
        return [item for _, item in self.after if item is not None]


@dataclass(frozen=True)
class Overdue:
    """A planned session whose time has passed while it is still planned.

    ``match`` is a logged session on the same day that no plan is linked to yet:
    "done" links it instead of logging a new one.
    """

    item: PlannedItem
    match: Session | None


def template_sessions(
    name: Template | str,
    start: date,
    at: time,
    zone: tzinfo,
    *,
    weekdays: Sequence[str] | str | None = None,
    maintenance: Maintenance = "weekly",
    weeks: int = schedules.ESKETAMINE_DEFAULT_WEEKS,
    count: int | None = None,
    every: int = 7,
    unit: Unit = "days",
    route: Route | str = Route.IV,
    phase: Phase | str = Phase.INDUCTION,
    dose_mg: float | None = None,
    clinic: str = "",
) -> list[PlannedSession]:
    """The sessions template ``name`` plans from ``start`` at the usual time ``at``.

    Nothing is saved: the caller shows the list, lets the patient edit it, then
    :meth:`Plans.add_all`. Options a template does not take are ignored.
    """
    template = _template(name)
    days: dict[str, Any] = {} if weekdays is None else {"weekdays": weekdays}
    if template is Template.IV_INDUCTION:
        return schedules.iv_induction(start, at, zone, dose_mg=dose_mg, clinic=clinic, **days)
    if template is Template.IM_INDUCTION:
        return schedules.im_induction(
            start, at, zone, count=schedules.IM_INDUCTION_COUNT if count is None else count,
            dose_mg=dose_mg, clinic=clinic, **days,
        )
    if template is Template.ESKETAMINE:
        return schedules.esketamine(start, at, zone, maintenance=maintenance, weeks=weeks,
                                    dose_mg=dose_mg, clinic=clinic, **days)
    first = in_zone(datetime.combine(start, at.replace(tzinfo=None)), zone)
    return schedules.custom(first, route, every=every, unit=unit,
                            count=6 if count is None else count, dose_mg=dose_mg,
                            clinic=clinic, phase=phase)


#: The note of a session planned from the booster estimate: it is a question, not a plan.
ESTIMATE_NOTE = ("From the booster estimate: a question for your clinician, not a "
                 "prescription.")


def from_estimate(journal: Journal, day: date, zone: tzinfo) -> PlannedSession:
    """A booster planned on ``day`` (the booster analysis' estimate), at the time of day,
    route and clinic of the last logged session (10:00 and IV without one), noted as a
    question for the clinician. Nothing is saved."""
    last = journal.last_session()
    at = DEFAULT_TIME if last is None else last.at.astimezone(zone).time().replace(
        second=0, microsecond=0, tzinfo=None)
    return PlannedSession(
        at=in_zone(datetime.combine(day, at), zone),
        route=Route.IV if last is None else last.route,
        dose_mg=None if last is None else last.dose_mg,
        clinic="" if last is None else last.clinic,
        note=ESTIMATE_NOTE,
        phase=Phase.BOOSTER,
    )


def _template(name: Template | str) -> Template:
    try:
        return Template(name)
    except ValueError:
        allowed = ", ".join(t.value for t in Template)
        raise ValidationError("template", _("must be one of: {allowed}").format(
            allowed=allowed)) from None


class Plans:
    """The planned sessions of one open journal."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._db = journal._db  # same connection as the journal: one writer
        self._repo = PlannedRepository(self._db)
        self._entries = EntryRepository(self._db)

    # -- reads -------------------------------------------------------------------------
    def get(self, item_id: int) -> PlannedItem:
        """One planned session; :class:`ValidationError` on ``id`` when there is none."""
        item = self._repo.get(item_id)
        if item is None:
            raise ValidationError("id", _("there is no planned session with id {item_id}").format(
                item_id=item_id))
        return item

    def all(self) -> list[PlannedItem]:
        """Every planned session, whatever became of it, earliest first."""
        return self._repo.all()

    def open(self) -> list[PlannedItem]:
        """The sessions still planned (past or future), earliest first."""
        return self._repo.all([PlanStatus.PLANNED])

    def upcoming(self, now: datetime | None = None) -> list[PlannedItem]:
        """Sessions still planned whose time is after ``now``, earliest first."""
        now = self._journal.now() if now is None else now
        return [item for item in self.open() if item.session.at > now]

    def past(self, now: datetime | None = None) -> list[PlannedItem]:
        """The rest: done, missed or cancelled ones, and planned ones whose time passed."""
        now = self._journal.now() if now is None else now
        return [i for i in self.all() if not (i.is_open and i.session.at > now)]

    def next_session(self, now: datetime | None = None) -> PlannedItem | None:
        """The next planned session after ``now``, if any (Today's "Next session")."""
        upcoming = self.upcoming(now)
        return upcoming[0] if upcoming else None

    def overdue(self, now: datetime | None = None) -> list[Overdue]:
        """Planned sessions whose time has passed, still planned: "Did it happen?"."""
        now = self._journal.now() if now is None else now
        linked = self._repo.linked_session_ids()
        out = []
        for item in self.open():
            if item.session.at > now:
                continue
            out.append(Overdue(item, self._match(item, linked)))
        return out

    def to_ask_about(self, now: datetime | None = None) -> list[Overdue]:
        """The overdue sessions that should be over by ``now`` (their start plus the
        route's session length, ``PlannedSession.ends_at``): Today asks "Did your session
        happen?" about these only, not while the patient may still be in the chair."""
        now = self._journal.now() if now is None else now
        return [late for late in self.overdue(now) if late.item.session.ends_at <= now]

    def next_end(self, now: datetime | None = None) -> datetime | None:
        """The soonest end after ``now`` of a session still planned whose question is not
        asked yet (when Today should look again), if any."""
        now = self._journal.now() if now is None else now
        ends = [i.session.ends_at for i in self.open() if i.session.ends_at > now]
        return min(ends, default=None)

    def _match(self, item: PlannedItem, linked: set[int]) -> Session | None:
        day = local_day(item.session.at)
        for entry in self._entries.on_days(Session.kind, day, day):
            if entry.id is not None and entry.id not in linked:
                assert isinstance(entry, Session)
                return entry
        return None

    def count(self) -> int:
        """How many planned sessions the journal holds."""
        return self._repo.count()

    # -- writes ------------------------------------------------------------------------
    def add(self, session: PlannedSession, template: str = "") -> tuple[PlanWrite, Change]:
        """Save one planned session."""
        return self.add_all([session], template)

    def add_all(
        self, sessions: Sequence[PlannedSession], template: str = ""
    ) -> tuple[PlanWrite, Change]:
        """Save the sessions (a template's list, as edited) in one transaction."""
        if not sessions:
            raise ValidationError("sessions", _("must hold at least one planned session"))
        if template:
            template = _template(template).value
        after: list[tuple[int, PlannedItem | None]] = []
        with transaction(self._db):
            for session in sessions:
                item = PlannedItem(0, session, template=template)
                item_id = self._repo.insert(item)
                after.append((item_id, dataclasses.replace(item, id=item_id)))
        return self._written(tuple((i, None) for i, _ in after), tuple(after))

    def add_template(
        self, name: Template | str, start: date, at: time, zone: tzinfo, **options: Any
    ) -> tuple[PlanWrite, Change]:
        """Save what :func:`template_sessions` plans (for a caller that shows no preview)."""
        template = _template(name)
        return self.add_all(template_sessions(template, start, at, zone, **options),
                            template.value)

    def done(self, item_id: int, session_id: int | None = None) -> tuple[PlanWrite, Change]:
        """Mark a planned session done and link it to the logged session.

        ``session_id`` names the logged session; without it, a session logged on the
        same day that no plan is linked to yet is linked, else one is logged from the
        plan (time, route, phase, dose, clinic) — only once its time has come.
        """
        logged: Session | None = None
        with transaction(self._db):
            item = self._open_item(item_id, allow_missed=True)
            if session_id is not None:
                if self._entries.get(Session.kind, session_id) is None:
                    raise ValidationError(
                        "session_id", _("must refer to a session in this journal"))
            else:
                match = self._match(item, self._repo.linked_session_ids())
                if match is not None:
                    assert match.id is not None
                    session_id = match.id
                else:
                    logged = self._log_from_plan(item)
                    session_id = logged.id
            new = dataclasses.replace(item, status=PlanStatus.DONE, session_id=session_id)
            self._repo.update(new)
        return self._written(((item_id, item),), ((item_id, new),), logged)

    def _log_from_plan(self, item: PlannedItem) -> Session:
        plan = item.session
        if plan.at > self._journal.now():
            raise ValidationError(
                "id", _("is planned for later: mark it done once the session has happened")
            )
        session = Session(at=plan.at, route=plan.route, phase=plan.phase, dose_mg=plan.dose_mg,
                          clinic=plan.clinic)
        return dataclasses.replace(session, id=self._entries.insert(session))

    def missed(self, item_id: int) -> tuple[PlanWrite, Change]:
        """Mark a planned session missed (it did not happen)."""
        return self._set_status(item_id, PlanStatus.MISSED)

    def cancel(self, item_id: int) -> tuple[PlanWrite, Change]:
        """Mark a planned session cancelled (kept in the list, no reminders)."""
        return self._set_status(item_id, PlanStatus.CANCELLED)

    def _set_status(self, item_id: int, status: PlanStatus) -> tuple[PlanWrite, Change]:
        with transaction(self._db):
            item = self._open_item(item_id)
            new = dataclasses.replace(item, status=status)
            self._repo.update(new)
        return self._written(((item_id, item),), ((item_id, new),))

    def move(self, item_id: int, at: datetime) -> tuple[PlanWrite, Change]:
        """Move a planned session to ``at`` (its reminders move with it)."""
        return self.change(item_id, lambda plan: dataclasses.replace(plan, at=at))

    def change(
        self, item_id: int, edit: Callable[[PlannedSession], PlannedSession]
    ) -> tuple[PlanWrite, Change]:
        """Change a session still planned (time, route, phase, dose, clinic, note) to what
        ``edit`` makes of it; its reminders follow the new time."""
        with transaction(self._db):
            item = self._open_item(item_id)
            new = dataclasses.replace(item, session=edit(item.session))
            self._repo.update(new)
        return self._written(((item_id, item),), ((item_id, new),))

    def remove(self, item_id: int) -> tuple[PlanWrite, Change]:
        """Delete a planned session (undo puts it back under its id)."""
        with transaction(self._db):
            item = self.get(item_id)
            self._repo.delete(item_id)
        return self._written(((item_id, item),), ((item_id, None),))

    def _open_item(self, item_id: int, *, allow_missed: bool = False) -> PlannedItem:
        item = self.get(item_id)
        allowed = {PlanStatus.PLANNED} | ({PlanStatus.MISSED} if allow_missed else set())
        if item.status not in allowed:
            raise ValidationError("id", f"is already {item.status.value}: only a planned "
                                  "session can be changed")
        return item

    # -- import --------------------------------------------------------------------------
    def new_of(self, items: Sequence[PlannedItem]) -> list[PlannedItem]:
        """The imported ``items`` that are not already here (same time, route, phase, dose,
        clinic, note, status and template), each once."""
        seen = {_same(i) for i in self._repo.all()}
        new = []
        for item in items:
            key = _same(item)
            if key not in seen:
                seen.add(key)
                new.append(item)
        return new

    def insert_imported(
        self, items: Sequence[PlannedItem], session_of: Callable[[int], int | None]
    ) -> None:
        """Insert imported planned sessions under new ids, inside the caller's transaction
        (the import's). ``session_of`` maps a session id of the export to this journal's."""
        for item in items:
            link = None if item.session_id is None else session_of(item.session_id)
            self._repo.insert(dataclasses.replace(item, id=0, session_id=link))

    # -- undo --------------------------------------------------------------------------
    def undo(self, write: PlanWrite) -> Change:
        """Put every row ``write`` touched back as it was, and take back a session it logged."""
        with transaction(self._db):
            self._put(write.before)
            if write.logged is not None:
                assert write.logged.id is not None
                self._entries.delete(Session.kind, write.logged.id)
        return self._change(write)

    def redo(self, write: PlanWrite) -> Change:
        """Do ``write`` again after :meth:`undo` (same ids)."""
        with transaction(self._db):
            if write.logged is not None:
                self._entries.insert(write.logged)
            self._put(write.after)
        return self._change(write)

    def _put(self, rows: Iterable[tuple[int, PlannedItem | None]]) -> None:
        for item_id, item in rows:
            if item is None:
                self._repo.delete(item_id)
            elif not self._repo.update(item):
                self._repo.insert(item)

    def _written(
        self,
        before: tuple[tuple[int, PlannedItem | None], ...],
        after: tuple[tuple[int, PlannedItem | None], ...],
        logged: Session | None = None,
    ) -> tuple[PlanWrite, Change]:
        write = PlanWrite(before, after, logged)
        return write, self._change(write)

    @staticmethod
    def _change(write: PlanWrite) -> Change:
        kinds = {PLANNED} | ({Session.kind} if write.logged is not None else set())
        ids = tuple(i for i, _ in write.after)
        return Change(frozenset(kinds), ids)


def _same(item: PlannedItem) -> tuple[Any, ...]:
    plan = item.session
    return (plan.at.timestamp(), plan.route, plan.phase, plan.dose_mg, plan.clinic, plan.note,
            item.status, item.template)


def planned_from_json(data: Any) -> PlannedItem:
    """A planned session from the shape ``reports.entry_json.planned_to_json`` writes;
    :class:`ValidationError` names the field that is wrong."""
    if not isinstance(data, dict):
        raise ValidationError("planned_sessions", _("must be a list of objects"))
    try:
        at = datetime.fromisoformat(str(data["at"]))
    except (KeyError, ValueError):
        raise ValidationError("at", _("must be an ISO 8601 time with its offset")) from None
    item_id = data.get("id")
    if isinstance(item_id, bool) or not isinstance(item_id, int) or item_id < 1:
        raise ValidationError("id", _("must be a whole number from 1"))
    try:
        status = PlanStatus(data.get("status", "planned"))
    except ValueError:
        allowed = ", ".join(s.value for s in PlanStatus)
        raise ValidationError("status", _("must be one of: {allowed}").format(
            allowed=allowed)) from None
    session_id = data.get("session_id")
    if session_id is not None and (isinstance(session_id, bool) or not isinstance(session_id, int)):
        raise ValidationError("session_id", _("must be a whole number or null"))
    template = data.get("template", "")
    if template:
        template = _template(template).value
    plan = PlannedSession(at=at, route=cast(Route, data.get("route")), dose_mg=data.get("dose_mg"),
                          clinic=data.get("clinic", ""), note=data.get("note", ""),
                          phase=data.get("phase", "induction"))
    return PlannedItem(item_id, plan, status, session_id, template)



def export_ics(
    journal: Journal, target: Path, *, detailed: bool = False, zone: ZoneInfo | None = None
) -> int:
    """Write the sessions still planned to ``target`` as an ``.ics`` calendar; returns how many.

    Generic titles unless ``detailed`` (:mod:`ketajournal.reports.ics`); never into the
    journal's home. The UIDs come from the journal's id, so a second import updates.
    The times are in ``zone``, by default the computer's zone when its name is known
    (``platform.clock.named_zone``: TZID plus VTIMEZONE), else in UTC.
    """
    from ketajournal.reports import ics  # icalendar: only for this export, not at start

    if zone is None:
        zone = named_zone()

    journal.check_output(target)
    items = Plans(journal).open()
    journal_id = read_header(journal.paths.header).journal_id
    ics.write_ics(target, items, journal_id=journal_id, stamp=journal.now(), zone=zone,
                  detailed=detailed)
    return len(items)
