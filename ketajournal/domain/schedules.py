"""Planned sessions, and the treatment-schedule templates that fill a plan from a start date.

A template returns a list the patient sees and edits before anything is saved; nothing
here is a prescription. Every session keeps the usual wall-clock time in the patient's
zone: a plan that crosses a daylight-saving change stays at 10:00, its UTC offset moves.

Weeks are counted from the first session: week 1 is the 7 days starting on the first
session's date, so each week holds each weekday exactly once. The first session is the
first chosen weekday on or after ``start``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Literal

from ketajournal.domain.models import DOSE_MG_RANGE, Phase, Route
from ketajournal.domain.timeutil import in_zone
from ketajournal.domain.validation import (
    MAX_NOTE_CHARS,
    MAX_SHORT_TEXT_CHARS,
    ValidationError,
    check_int,
    check_optional_number,
    check_text,
)
from ketajournal.language import gettext as _

#: Weekday names as the CLI takes them (``--weekdays mon,wed,fri``), Monday = 0.
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: IV induction: the common series of six infusions (DESIGN.md, "Schedules").
IV_INDUCTION_COUNT = 6
#: IM induction: no label and no agreed protocol; we mirror the IV series (see im_induction).
IM_INDUCTION_COUNT = 6
#: Esketamine maintenance after week 8: how many weeks to plan, by default and at most.
ESKETAMINE_DEFAULT_WEEKS = 8
MAX_MAINTENANCE_WEEKS = 104
#: A custom plan: at most this many sessions in one go.
MAX_CUSTOM_COUNT = 100

#: How long a session lasts from its planned start until the patient has left, by route:
#: Today asks "Did your session happen?" only after this, never while the patient may
#: still be in the chair. Generous on purpose — the question waits until answered, so
#: asking a little late costs nothing, asking during the session interrupts it.
#: Esketamine (nasal): up to three devices 5 minutes apart, then at least 2 h of
#: observation by the label (DESIGN.md), with the blood pressure checks: 2 h 30 min.
#: IV ketamine: ~40 min infusion (0.5 mg/kg) and 30–60 min of recovery, with the checks
#: before it: 2 h. IM: the injection, about an hour of effect and recovery: 2 h. Oral
#: (lozenges) acts more slowly and is watched as long as esketamine, and an "other"
#: route takes the longest: 2 h 30 min.
SESSION_LENGTH: dict[Route, timedelta] = {
    Route.IV: timedelta(hours=2),
    Route.IM: timedelta(hours=2),
    Route.NASAL: timedelta(hours=2, minutes=30),
    Route.ORAL: timedelta(hours=2, minutes=30),
    Route.OTHER: timedelta(hours=2, minutes=30),
}

Maintenance = Literal["weekly", "biweekly"]
Unit = Literal["days", "weeks"]


class PlanStatus(StrEnum):
    """Where a planned session stands: still ahead, or what became of it."""

    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Template(StrEnum):
    """The schedule templates, by the names the CLI takes (``plan template NAME``)."""

    IV_INDUCTION = "iv-induction"
    ESKETAMINE = "esketamine"
    IM_INDUCTION = "im-induction"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return _TEMPLATE_LABELS[self]


_TEMPLATE_LABELS = {
    Template.IV_INDUCTION: "IV ketamine induction",
    Template.ESKETAMINE: "Esketamine nasal spray (label)",
    Template.IM_INDUCTION: "IM ketamine induction",
    Template.CUSTOM: "Custom repeating plan",
}


@dataclass(frozen=True, kw_only=True)
class PlannedSession:
    """A session the patient expects: when, how, and optionally the dose and where.

    ``at`` is timezone-aware. Validates itself on construction like the logged entries.
    """

    at: datetime
    route: Route
    dose_mg: float | None = None
    clinic: str = ""
    note: str = ""
    phase: Phase = Phase.INDUCTION

    def __post_init__(self) -> None:
        if not isinstance(self.at, datetime) or self.at.utcoffset() is None:
            raise ValidationError("at", _("must be a date and time with its time zone"))
        object.__setattr__(self, "route", _route(self.route))
        object.__setattr__(self, "phase", _phase(self.phase))
        object.__setattr__(
            self, "dose_mg", check_optional_number("dose_mg", self.dose_mg, *DOSE_MG_RANGE, "mg")
        )
        object.__setattr__(self, "clinic", check_text("clinic", self.clinic, MAX_SHORT_TEXT_CHARS))
        object.__setattr__(self, "note", check_text("note", self.note, MAX_NOTE_CHARS))

    @property
    def ends_at(self) -> datetime:
        """When the session should be over: its start plus its route's
        :data:`SESSION_LENGTH` (the time Today may ask whether it happened), in UTC:
        elapsed time, so a night the clocks change still counts its real hours."""
        return self.at.astimezone(UTC) + SESSION_LENGTH[self.route]


@dataclass(frozen=True)
class PlannedItem:
    """A saved planned session with its id (keys reminders and calendar UIDs).

    ``status`` says what became of it; ``session_id`` is the logged session it became
    (when done), ``template`` the template that made it ("" when added by hand).
    """

    id: int
    session: PlannedSession
    status: PlanStatus = PlanStatus.PLANNED
    session_id: int | None = None
    template: str = ""

    @property
    def is_open(self) -> bool:
        """True while the session is still planned (neither done, missed nor cancelled)."""
        return self.status is PlanStatus.PLANNED


def _phase(value: object) -> Phase:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return Phase(value)
    except ValueError:
        choices = ", ".join(p.value for p in Phase)
        raise ValidationError("phase", _("must be one of: {choices}").format(
            choices=choices)) from None


def _route(value: object) -> Route:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return Route(value)
    except ValueError:
        choices = ", ".join(r.value for r in Route)
        raise ValidationError("route", _("must be one of: {choices}").format(
            choices=choices)) from None


def parse_weekdays(field: str, names: Sequence[str] | str) -> tuple[int, ...]:
    """``"mon,wed,fri"`` or ``["mon", "wed", "fri"]`` → ``(0, 2, 4)``, sorted, no repeats."""
    items = names.split(",") if isinstance(names, str) else list(names)
    days: set[int] = set()
    for item in items:
        key = item.strip().lower()[:3]
        if key not in WEEKDAYS:
            raise ValidationError(field, _("must be weekday names: {names}").format(
                names=",".join(WEEKDAYS)))
        day = WEEKDAYS.index(key)
        if day in days:
            raise ValidationError(field, _("must not name a day twice"))
        days.add(day)
    return tuple(sorted(days))


def _wall(day: date, at: time, zone: tzinfo) -> datetime:
    # in_zone keeps the wall clock; a time skipped by spring-forward lands just after it.
    return in_zone(datetime.combine(day, at.replace(tzinfo=None)), zone)


def _on_weekdays(start: date, weekdays: tuple[int, ...], count: int) -> list[date]:
    days: list[date] = []
    day = start
    while len(days) < count:
        if day.weekday() in weekdays:
            days.append(day)
        day += timedelta(days=1)
    return days


def _make(
    days: Sequence[date], at: time, zone: tzinfo, route: Route, dose_mg: float | None,
    clinic: str, phase: Phase = Phase.INDUCTION,
) -> list[PlannedSession]:
    return [
        PlannedSession(at=_wall(d, at, zone), route=route, dose_mg=dose_mg, clinic=clinic,
                       phase=phase)
        for d in days
    ]


def _check_weekdays(
    field: str, names: Sequence[str] | str, low: int, high: int
) -> tuple[int, ...]:
    days = parse_weekdays(field, names)
    if not low <= len(days) <= high:
        raise ValidationError(field, _("must name {low} to {high} different days").format(
            low=low, high=high))
    return days


def iv_induction(
    start: date,
    at: time,
    zone: tzinfo,
    *,
    weekdays: Sequence[str] | str = ("mon", "wed", "fri"),
    dose_mg: float | None = None,
    clinic: str = "",
) -> list[PlannedSession]:
    """IV ketamine induction: 6 infusions on the chosen weekdays from ``start``.

    2 or 3 weekdays, so the series takes about 2–3 weeks (3 days a week: 2 weeks;
    2 days a week: 3 weeks). Default Monday, Wednesday, Friday.
    """
    days = _check_weekdays("weekdays", weekdays, 2, 3)
    return _make(_on_weekdays(start, days, IV_INDUCTION_COUNT), at, zone, Route.IV, dose_mg,
                 clinic)


def im_induction(
    start: date,
    at: time,
    zone: tzinfo,
    *,
    weekdays: Sequence[str] | str = ("mon", "thu"),
    count: int = IM_INDUCTION_COUNT,
    dose_mg: float | None = None,
    clinic: str = "",
) -> list[PlannedSession]:
    """IM ketamine induction: ``count`` injections (default 6) on the chosen weekdays.

    IM ketamine for depression has no label and no agreed induction protocol, so this
    template only mirrors the IV series' count (6) and, by default, spreads it twice a
    week (Monday, Thursday: 3 weeks) — a starting point the patient edits with the
    clinic's own plan. 1 to 3 weekdays; ``count`` 1 to 12.
    """
    days = _check_weekdays("weekdays", weekdays, 1, 3)
    count = check_int("count", count, 1, 12)
    return _make(_on_weekdays(start, days, count), at, zone, Route.IM, dose_mg, clinic)


def esketamine(
    start: date,
    at: time,
    zone: tzinfo,
    *,
    weekdays: Sequence[str] | str = ("mon", "thu"),
    maintenance: Maintenance = "weekly",
    weeks: int = ESKETAMINE_DEFAULT_WEEKS,
    dose_mg: float | None = None,
    clinic: str = "",
) -> list[PlannedSession]:
    """Esketamine nasal spray per its label, from the first chosen weekday on or after ``start``.

    Weeks 1–4: twice a week, on the two ``weekdays`` (default Monday, Thursday).
    Weeks 5–8: once a week, on the first session's weekday. Then ``weeks`` more weeks
    (default 8, 0 to 104) of maintenance on that weekday: ``"weekly"``, or
    ``"biweekly"`` (every 2 weeks, starting in week 9, as the label's "week 9 and
    after" does). 8 + 4 + ``weeks`` sessions when weekly (20 with the default).
    Weeks 1–4 are the induction phase, the label's; weeks 5 on are planned as boosters.
    """
    days = _check_weekdays("weekdays", weekdays, 2, 2)
    if maintenance not in ("weekly", "biweekly"):
        raise ValidationError("maintenance", _("must be weekly or biweekly"))
    weeks = check_int("weeks", weeks, 0, MAX_MAINTENANCE_WEEKS)
    induction = _on_weekdays(start, days, 8)  # 4 weeks × 2; week 1 starts on the first one
    first = induction[0]
    weekly = [first + timedelta(weeks=w) for w in range(4, 8)]  # weeks 5–8
    step = 1 if maintenance == "weekly" else 2
    later = [first + timedelta(weeks=8 + w) for w in range(0, weeks, step)]
    assert len(later) == math.ceil(weeks / step)
    return [
        *_make(induction, at, zone, Route.NASAL, dose_mg, clinic),
        *_make([*weekly, *later], at, zone, Route.NASAL, dose_mg, clinic, Phase.BOOSTER),
    ]


def custom(
    first: datetime,
    route: Route | str,
    *,
    every: int,
    unit: Unit = "days",
    count: int,
    dose_mg: float | None = None,
    clinic: str = "",
    phase: Phase | str = Phase.INDUCTION,
) -> list[PlannedSession]:
    """``count`` sessions from ``first``, one every ``every`` days or weeks.

    ``first`` is timezone-aware; when it carries a zone (a ``ZoneInfo``) later sessions
    keep its wall-clock time across daylight-saving changes. ``every``: 1 to 365 days
    or 1 to 52 weeks; ``count``: 1 to 100.
    """
    zone = first.tzinfo
    if zone is None or first.utcoffset() is None:
        raise ValidationError("first", _("must be a date and time with its time zone"))
    if unit not in ("days", "weeks"):
        raise ValidationError("unit", _("must be days or weeks"))
    every = check_int("every", every, 1, 365 if unit == "days" else 52)
    count = check_int("count", count, 1, MAX_CUSTOM_COUNT)
    kind = _route(route)
    step = timedelta(days=every) if unit == "days" else timedelta(weeks=every)
    return [
        PlannedSession(
            at=_wall(first.date() + n * step, first.timetz(), zone),
            route=kind,
            dose_mg=dose_mg,
            clinic=clinic,
            phase=_phase(phase),
        )
        for n in range(count)
    ]
