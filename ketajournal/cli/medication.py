"""``ketajournal medication``: start, change the dose of, stop and list medications.

Each write prints what was saved only after the commit returned; a bad value, or a
change or stop of a medication not being taken, is refused before anything is
written (exit 2, naming the field).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from ketajournal.cli.common import (
    Parser,
    backup_after_write,
    choices,
    enum_arg,
    number,
    open_journal,
    with_journal,
)
from ketajournal.domain.medications import (
    MAX_DOSE_TEXT_CHARS,
    MEDICATION_DOSE_MG_RANGE,
    Course,
    MedicationClass,
    MedicationStep,
    describe,
)
from ketajournal.domain.validation import ValidationError
from ketajournal.language import N_
from ketajournal.language import gettext as _
from ketajournal.services.journal import Journal
from ketajournal.services.medications import MedicationEdit, MedicationList

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands

_CLASSES = choices([c.value.replace("_", "-") for c in MedicationClass])


def add_commands(sub: Commands, home: Parser) -> None:
    """``medication start|change|stop|list``."""
    group = sub.add_parser("medication", help="the medication list beside ketamine")
    med_sub = group.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    med_sub.required = True

    def add_dose(q: argparse.ArgumentParser) -> None:
        q.add_argument("--dose", required=True, metavar="TEXT",
                       help=f"the dose as prescribed, e.g. '20 mg once a day' "
                       f"(at most {MAX_DOSE_TEXT_CHARS} characters)")
        low, high = MEDICATION_DOSE_MG_RANGE
        q.add_argument("--dose-mg", metavar="MG", help=f"the dose in mg, {low:g}-{high:g}")

    def add_at(q: argparse.ArgumentParser, what: str) -> None:
        q.add_argument("--at", metavar="DATE", help=f"the day {what}, YYYY-MM-DD "
                       "(default: today)")

    q = med_sub.add_parser("start", parents=[home], help="start taking a medication")
    q.add_argument("name", metavar="NAME", help="its name, e.g. sertraline")
    add_dose(q)
    q.add_argument("--class", dest="medication_class", metavar=_CLASSES,
                   help="its class (default: from the common list, else other)")
    q.add_argument("--frequency", default="", metavar="TEXT", help="how often, e.g. daily")
    add_at(q, "it was started")
    q.add_argument("--note", default="", help="free text")
    q.set_defaults(handler=cmd_start)

    q = med_sub.add_parser("change", parents=[home], help="a new dose of a medication taken")
    q.add_argument("name", metavar="NAME")
    add_dose(q)
    add_at(q, "the new dose began")
    q.set_defaults(handler=cmd_change)

    q = med_sub.add_parser("stop", parents=[home], help="stop a medication taken")
    q.add_argument("name", metavar="NAME")
    add_at(q, "it was stopped (not taken that day)")
    q.set_defaults(handler=cmd_stop)

    q = med_sub.add_parser("list", parents=[home], help="what is taken, and every change")
    q.add_argument("--on", metavar="DATE", help="what was taken on this day, YYYY-MM-DD "
                   "(default: today)")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=cmd_list)


def parse_day(field: str, text: str | None) -> date | None:
    """``text`` as a calendar day (None stays None); the range is checked by the domain."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(field, _("must be a date (YYYY-MM-DD)")) from None


def _dose_mg(args: argparse.Namespace) -> float | None:
    return number("dose_mg", args.dose_mg, *MEDICATION_DOSE_MG_RANGE, "mg")


def _write(args: argparse.Namespace, done: str, work: Any, *, create: bool = False) -> int:
    """Run ``work``, back up, and print ``done`` (a marked sentence with ``{id}``, ``{day}``)."""
    journal = open_journal(args, create=create)
    try:
        edit: MedicationEdit = work(MedicationList(journal))
        backup_after_write(journal)
    finally:
        journal.close()
    course = edit.course
    print(_(done).format(id=course.id, day=_last_day(edit).isoformat()))
    return 0


def _last_day(edit: MedicationEdit) -> date:
    after = edit.course
    before = edit.before
    new = [s for s in after.steps if before is None or s not in before.steps]
    return (new or list(after.steps))[-1].day


def cmd_start(args: argparse.Namespace) -> int:
    """``medication start NAME --dose TEXT …``."""
    medication_class = (None if args.medication_class is None
                        else enum_arg("class", MedicationClass, args.medication_class))
    dose_mg, day = _dose_mg(args), parse_day("at", args.at)
    return _write(args, N_("Started medication {id} on {day}."), lambda meds: meds.start(
        args.name, args.dose, dose_mg=dose_mg, medication_class=medication_class, day=day,
        frequency=args.frequency, note=args.note), create=True)


def cmd_change(args: argparse.Namespace) -> int:
    """``medication change NAME --dose TEXT …``."""
    dose_mg, day = _dose_mg(args), parse_day("at", args.at)
    return _write(args, N_("Changed medication {id} on {day}."), lambda meds: meds.change(
        args.name, args.dose, dose_mg=dose_mg, day=day))


def cmd_stop(args: argparse.Namespace) -> int:
    """``medication stop NAME``."""
    day = parse_day("at", args.at)
    return _write(args, N_("Stopped medication {id} on {day}."),
                  lambda meds: meds.stop(args.name, day=day))


def cmd_list(args: argparse.Namespace) -> int:
    """``medication list [--on DATE] [--json]``: what is taken, then every change."""
    day = parse_day("on", args.on)
    document = with_journal(args, lambda journal: list_document(journal, day))
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    taken = document["taken"]
    print((_("Taken on {day}:") if taken else _("Taken on {day}: none")).format(
        day=document["on"]))
    for item in taken:
        mg = "" if item["dose_mg"] is None else f" [{item['dose_mg']:g} mg]"
        print(_("  {name} ({kind}): {dose}{mg}, since {day}").format(
            name=item["name"], kind=_(item["class_label"]), dose=item["dose"], mg=mg,
            day=item["dose_since"]))
    if document["history"]:
        print(_("Every change:"))
    for course in document["history"]:
        for step in course["steps"]:
            print(f"  {step['day']}  {step['text']}")
    return 0


def list_document(journal: Journal, day: date | None) -> dict[str, Any]:
    """What ``medication list --json`` prints: the day, what was taken, every course."""
    meds = MedicationList(journal)
    on = meds.today() if day is None else day
    return {
        "on": on.isoformat(),
        "taken": [_taken(course, step) for course, step in meds.on(on)],
        "history": [course_json(course) for course in meds.history()],
    }


def _taken(course: Course, step: MedicationStep) -> dict[str, Any]:
    return {
        "id": course.id, "name": course.name, "class": course.medication_class.value,
        "class_label": course.medication_class.label, "dose": step.dose_text,
        "dose_mg": step.dose_mg, "dose_since": step.day.isoformat(),
        "frequency": course.frequency,
    }


def course_json(course: Course) -> dict[str, Any]:
    """One course as ``medication list --json`` shows it."""
    return {
        "id": course.id, "name": course.name, "class": course.medication_class.value,
        "frequency": course.frequency, "note": course.note,
        "start": course.start.isoformat(),
        "stop": None if course.stop is None else course.stop.isoformat(),
        "steps": [{"day": s.day.isoformat(), "action": s.action.value,
                   "dose": s.dose_text, "dose_mg": s.dose_mg, "text": describe(s)}
                  for s in course.steps],
    }
