"""``ketajournal plan``: planned sessions — from a template, by hand, listed, marked done or
missed, removed, and exported as a calendar (``.ics``).

A template prints the list it would save; ``--dry-run`` stops there. Bad input exits 2
naming the field, before anything is written.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, time
from typing import TYPE_CHECKING

from ketajournal.cli.common import (
    Parser,
    choices,
    number,
    output,
    span,
    whole_number,
    with_journal,
)
from ketajournal.domain import schedules
from ketajournal.domain.models import DOSE_MG_RANGE, ENTRY_ID_RANGE, Phase, Route
from ketajournal.domain.schedules import PlannedItem, PlannedSession, Template
from ketajournal.domain.timeutil import as_logged, parse_time
from ketajournal.domain.validation import ValidationError, check_int
from ketajournal.language import N_, ngettext, pgettext
from ketajournal.language import gettext as _
from ketajournal.platform.clock import local_zone
from ketajournal.reports.entry_json import planned_to_json
from ketajournal.services import plans
from ketajournal.services.journal import Journal
from ketajournal.services.plans import Plans

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands

_ROUTES = choices([r.value for r in Route])
_PHASES = choices([p.value for p in Phase])


def add_commands(sub: Commands, home: Parser) -> None:
    """``plan template|add|list|done|missed|remove|export-ics``."""
    plan_parser = sub.add_parser("plan", help="planned sessions: templates, list, done, missed, "
                                 "calendar export")
    plan_sub = plan_parser.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    plan_sub.required = True

    q = plan_sub.add_parser("template", parents=[home],
                            help="plan a series from a template (shows the list first)")
    q.add_argument("name", metavar=choices([t.value for t in Template]), help="the template")
    q.add_argument("--start", required=True, metavar="DATE",
                   help="first day (YYYY-MM-DD); the series starts on the first chosen "
                   "weekday on or after it")
    q.add_argument("--time", metavar="HH:MM", default="10:00",
                   help="the usual time of day (default 10:00)")
    q.add_argument("--weekdays", metavar="mon,wed,fri",
                   help="the weekdays (iv-induction: 2-3, default mon,wed,fri; esketamine: 2, "
                   "default mon,thu; im-induction: 1-3, default mon,thu)")
    q.add_argument("--maintenance", choices=["weekly", "biweekly"], default="weekly",
                   help="esketamine after week 8: weekly or every 2 weeks (default weekly)")
    q.add_argument("--weeks", metavar="N",
                   help=f"esketamine: weeks of maintenance after week 8, "
                   f"0-{schedules.MAX_MAINTENANCE_WEEKS} (default "
                   f"{schedules.ESKETAMINE_DEFAULT_WEEKS})")
    q.add_argument("--count", metavar="N",
                   help=f"im-induction: 1-12 injections (default 6); custom: 1-"
                   f"{schedules.MAX_CUSTOM_COUNT} sessions (default 6)")
    q.add_argument("--every", metavar="N", default="7",
                   help="custom: one session every N days (1-365) or weeks (1-52); default 7")
    q.add_argument("--unit", choices=["days", "weeks"], default="days",
                   help="custom: the unit of --every (default days)")
    q.add_argument("--route", metavar=_ROUTES, default="iv", help="custom: the route (default iv)")
    q.add_argument("--phase", metavar=_PHASES, default="induction",
                   help="custom: the phase (default induction)")
    _add_plan_details(q)
    q.add_argument("--dry-run", action="store_true", help="print the list, save nothing")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=cmd_template)

    q = plan_sub.add_parser("add", parents=[home], help="plan one session")
    q.add_argument("--at", required=True, metavar="ISO8601",
                   help="when, e.g. 2026-03-14T09:30 (no offset = local time)")
    q.add_argument("--route", metavar=_ROUTES,
                   help="the route (default: that of the last logged session)")
    q.add_argument("--phase", metavar=_PHASES, default="booster",
                   help="induction or booster (default booster)")
    _add_plan_details(q)
    q.add_argument("--note", default="", help="free text")
    q.set_defaults(handler=cmd_add)

    q = plan_sub.add_parser("list", parents=[home],
                            help="the sessions still planned (with --all: every one)")
    q.add_argument("--all", action="store_true", help="also past, done, missed and cancelled ones")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=cmd_list)

    q = plan_sub.add_parser("done", parents=[home],
                            help="it happened: link the session logged that day, or log one")
    q.add_argument("id", metavar="ID", help="the planned session's id (plan list)")
    q.add_argument("--session-id", metavar="N", help="the logged session to link")
    q.set_defaults(handler=cmd_done)

    for action, text, handler in (
        ("missed", "it did not happen", cmd_missed),
        ("remove", "delete a planned session", cmd_remove),
    ):
        q = plan_sub.add_parser(action, parents=[home], help=text)
        q.add_argument("id", metavar="ID", help="the planned session's id (plan list)")
        q.set_defaults(handler=handler)

    q = plan_sub.add_parser("export-ics", parents=[home],
                            help="the sessions still planned as a calendar file (.ics)")
    q.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="the .ics file to write (outside the journal's folder)")
    q.add_argument("--detailed", action="store_true",
                   help="titles with the route and planned dose, and the clinic and note "
                   "(default: every event is titled \"Appointment\")")
    q.set_defaults(handler=cmd_export_ics)


def _add_plan_details(q: argparse.ArgumentParser) -> None:
    q.add_argument("--dose-mg", metavar="MG", help=f"planned dose, {span(DOSE_MG_RANGE)} mg")
    q.add_argument("--clinic", default="", help="where")


# -- parsing -------------------------------------------------------------------------------


def _day(field: str, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(field, _("must be a date as YYYY-MM-DD, e.g. 2026-03-14")) from None


def _clock(field: str, text: str) -> time:
    value = text.strip()
    try:
        hours, minutes = value.split(":")
        parsed = time(int(hours), int(minutes))
    except ValueError:
        raise ValidationError(field, _("must be a time from 00:00 to 23:59, as HH:MM")) from None
    if len(value) != 5:
        raise ValidationError(field, _("must be a time from 00:00 to 23:59, as HH:MM"))
    return parsed


def _id(field: str, text: str) -> int:
    value = whole_number(field, text, *ENTRY_ID_RANGE)
    assert value is not None
    return check_int(field, value, *ENTRY_ID_RANGE)


def _dose(args: argparse.Namespace) -> float | None:
    return number("dose_mg", args.dose_mg, *DOSE_MG_RANGE, "mg")


# -- printing ------------------------------------------------------------------------------


#: A planned session's state as the list shows it (marked here, shown with ``_``).
STATUS_WORDS = {"planned": N_("planned"), "done": N_("done"), "missed": N_("missed"),
                "cancelled": N_("cancelled")}


def _line(item: PlannedItem) -> str:
    plan = item.session
    dose = f", {plan.dose_mg:g} mg" if plan.dose_mg is not None else ""
    where = f", {plan.clinic}" if plan.clinic else ""
    state = "" if item.is_open else f" [{_(STATUS_WORDS[item.status.value])}]"
    ident = f"#{item.id} " if item.id else ""
    phase = pgettext("phase, in a sentence", plan.phase.value)
    return f"{ident}{as_logged(plan.at)}: {_(plan.route.label)}, {phase}{dose}{where}{state}"


def _print(items: list[PlannedItem], as_json: bool) -> None:
    if as_json:
        print(json.dumps([planned_to_json(i) for i in items], indent=2, ensure_ascii=False))
        return
    for item in items:
        print(_line(item))


# -- commands ------------------------------------------------------------------------------


def cmd_template(args: argparse.Namespace) -> int:
    """``plan template NAME --start DATE …``: print the plan, then save it unless ``--dry-run``."""
    start = _day("start", args.start)
    at = _clock("time", args.time)
    weeks = whole_number("weeks", args.weeks, 0, schedules.MAX_MAINTENANCE_WEEKS)
    count = whole_number("count", args.count, 1, schedules.MAX_CUSTOM_COUNT)
    every = whole_number("every", args.every, 1, 365)
    sessions = plans.template_sessions(
        args.name, start, at, local_zone(),
        weekdays=args.weekdays, maintenance=args.maintenance,
        weeks=schedules.ESKETAMINE_DEFAULT_WEEKS if weeks is None else weeks,
        count=count, every=7 if every is None else every, unit=args.unit,
        route=args.route, phase=args.phase, dose_mg=_dose(args), clinic=args.clinic,
    )
    preview = [PlannedItem(0, s, template=Template(args.name).value) for s in sessions]
    if args.dry_run:
        _print(preview, args.json)
        if not args.json:
            print(ngettext("{n} session (not saved: --dry-run).",
                           "{n} sessions (not saved: --dry-run).", len(sessions)).format(
                n=len(sessions)))
        return 0
    write, _backup = with_journal(args, lambda j: Plans(j).add_all(sessions, args.name),
                                  writes=True, create=True)
    _print(write.items, args.json)
    if not args.json:
        print(ngettext("Planned {n} session.", "Planned {n} sessions.",
                       len(write.items)).format(n=len(write.items)))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    """``plan add --at ISO8601 [--route R] [--phase P] …``."""
    at = parse_time("at", args.at)
    dose = _dose(args)

    def add(journal: Journal) -> PlannedItem:
        route = args.route
        if route is None:
            last = journal.last_session()
            if last is None:
                raise ValidationError("route", _(
                    "must be given (one of: {choices}): no session is logged yet to take it "
                    "from").format(choices=", ".join(Route)))
            route = last.route
        session = PlannedSession(at=at, route=route, dose_mg=dose, clinic=args.clinic,
                                 note=args.note, phase=args.phase)
        write, _backup = Plans(journal).add(session)
        return write.items[0]

    item = with_journal(args, add, create=True, writes=True)
    print(_("Planned {item}.").format(item=_line(item)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """``plan list [--all] [--json]``: the sessions still planned, or every one."""
    items = with_journal(args, lambda j: Plans(j).all() if args.all else Plans(j).open())
    _print(items, args.json)
    if not items and not args.json:
        print(_("No sessions planned.") if not args.all else _("Nothing planned yet."))
    return 0


def cmd_done(args: argparse.Namespace) -> int:
    """``plan done ID [--session-id N]``."""
    item_id = _id("id", args.id)
    session_id = None if args.session_id is None else _id("session_id", args.session_id)
    write, _backup = with_journal(args, lambda j: Plans(j).done(item_id, session_id), writes=True)
    how = (_("logged a session from the plan") if write.logged is not None else
           _("linked to the logged session"))
    print(_("Marked #{item_id} done ({how}).").format(item_id=item_id, how=how))
    return 0


def cmd_missed(args: argparse.Namespace) -> int:
    """``plan missed ID``."""
    item_id = _id("id", args.id)
    with_journal(args, lambda j: Plans(j).missed(item_id), writes=True)
    print(_("Marked #{item_id} missed.").format(item_id=item_id))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    """``plan remove ID``."""
    item_id = _id("id", args.id)
    with_journal(args, lambda j: Plans(j).remove(item_id), writes=True)
    print(_("Removed #{item_id}.").format(item_id=item_id))
    return 0


def cmd_export_ics(args: argparse.Namespace) -> int:
    """``plan export-ics -o FILE [--detailed]``."""
    target = output(args)
    count = with_journal(args, lambda j: plans.export_ics(j, target, detailed=args.detailed))
    print(ngettext("Exported {n} planned session to {target}.",
                   "Exported {n} planned sessions to {target}.", count).format(
        n=count, target=target))
    return 0

