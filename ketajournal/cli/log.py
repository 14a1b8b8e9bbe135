"""``ketajournal log``: mood, session, side-effect, event and the questionnaires.

Each command prints what was saved only after the commit returned; a value out of
range is refused before anything is written (exit 2).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from ketajournal.cli.common import (
    Parser,
    backup_after_write,
    choices,
    enum_arg,
    number,
    open_journal,
    span,
    when,
    whole_number,
)
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import (
    DOSE_MG_RANGE,
    DURATION_MIN_RANGE,
    ENTRY_ID_RANGE,
    HEART_RATE_RANGE,
    MOAAS_RANGE,
    OBSERVATION_MIN_RANGE,
    SCORE_RANGE,
    SLEEP_RANGE,
    SPO2_RANGE,
    WEIGHT_KG_RANGE,
    Assessment,
    BloodPressure,
    Entry,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.domain.tags import check_tags
from ketajournal.domain.timeutil import to_iso
from ketajournal.domain.validation import ValidationError, whole_number_rule
from ketajournal.language import gettext as _
from ketajournal.language import pgettext
from ketajournal.services import clinical
from ketajournal.services.journal import SIDE_EFFECT_LINK_WINDOW, Journal

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands

#: The 0-10 scale of mood, anxiety, energy, dissociation and severity, and its top.
_SCALE, _TOP = span(SCORE_RANGE), SCORE_RANGE[1]


def add_commands(sub: Commands, home: Parser) -> None:
    """``log KIND …``."""
    log_parser = sub.add_parser("log", help="log an entry")
    log_sub = log_parser.add_subparsers(dest="kind", metavar="KIND", parser_class=Parser)
    log_sub.required = True

    def add_common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--at", metavar="ISO8601", help="when (default: now); no offset = local")
        q.add_argument("--note", default="", help="free text")

    q = log_sub.add_parser("mood", parents=[home], help=f"mood {_SCALE} ({_TOP} = best)")
    q.add_argument("score", metavar="SCORE", help=f"mood {_SCALE}, {_TOP} = best")
    q.add_argument("--anxiety", metavar="N", help=f"anxiety {_SCALE}, {_TOP} = worst")
    q.add_argument("--energy", metavar="N", help=f"energy {_SCALE}, {_TOP} = most")
    q.add_argument("--sleep", metavar="HOURS", help=f"hours slept, {span(SLEEP_RANGE)}")
    q.add_argument("--tags", metavar="TAG,TAG", help="tags, separated by commas (e.g. walk,work)")
    add_common(q)
    q.set_defaults(handler=cmd_log_mood)

    q = log_sub.add_parser("session", parents=[home], help="a treatment session")
    q.add_argument("--route", required=True, metavar=choices([r.value for r in Route]))
    q.add_argument("--phase", required=True, metavar=choices([p.value for p in Phase]))
    q.add_argument("--dose-mg", metavar="MG", help="dose in mg")
    q.add_argument("--weight-kg", metavar="KG", help="body weight, for mg/kg")
    q.add_argument("--dissociation", metavar="N", help=f"dissociation {_SCALE} (your rating)")
    q.add_argument("--bp-before", metavar="SYS/DIA", help="blood pressure before, e.g. 120/80")
    q.add_argument("--bp-after", metavar="SYS/DIA", help="blood pressure ~40 min after dosing")
    q.add_argument("--bp-leaving", metavar="SYS/DIA", help="blood pressure before leaving")
    q.add_argument("--heart-rate", metavar="BPM", help=f"heart rate, {span(HEART_RATE_RANGE)}")
    q.add_argument("--spo2", metavar="PERCENT", help=f"oxygen saturation, {span(SPO2_RANGE)}")
    q.add_argument("--observation-min", metavar="MIN",
                   help=f"minutes until ready to leave, {span(OBSERVATION_MIN_RANGE)}")
    q.add_argument("--moaas", metavar="N",
                   help=f"the clinic's sedation rating MOAA/S, {span(MOAAS_RANGE)}")
    q.add_argument("--clinic", default="", help="clinic name")
    add_common(q)
    q.set_defaults(handler=cmd_log_session)

    q = log_sub.add_parser("side-effect", parents=[home], help="a side effect")
    q.add_argument(
        "category", metavar="CATEGORY",
        help=choices([c.value.replace("_", "-") for c in SideEffectCategory]),
    )
    q.add_argument("--severity", required=True, metavar="N", help=f"severity {_SCALE}")
    q.add_argument("--other", default="", metavar="TEXT", help="what it was (category other)")
    q.add_argument("--duration-min", metavar="MIN", help="how long it lasted, in minutes")
    link_hours = SIDE_EFFECT_LINK_WINDOW // timedelta(hours=1)
    q.add_argument(
        "--session", metavar="ID|none",
        help=f"session it follows (default: the latest session in the {link_hours} h before)",
    )
    add_common(q)
    q.set_defaults(handler=cmd_log_side_effect)

    q = log_sub.add_parser("event", parents=[home], help="therapy, medication change, ...")
    q.add_argument(
        "event_kind", metavar="KIND",
        help=choices([k.value.replace("_", "-") for k in EventKind]),
    )
    add_common(q)
    q.set_defaults(handler=cmd_log_event)

    for questionnaire in INSTRUMENTS.values():
        numbers = ",".join(f"A{i.number}" for i in questionnaire.items)
        answers = span(questionnaire.answer_range)
        q = log_sub.add_parser(
            questionnaire.id, parents=[home],
            help=f"{questionnaire.short_title}: {len(questionnaire.items)} answers {answers}",
        )
        q.add_argument("answers", metavar=numbers, help=f"comma-separated answers, {answers} each")
        if questionnaire.extra is not None:
            extra = span(questionnaire.extra.answer_range)
            q.add_argument("--difficulty", metavar="N", help=f"the difficulty question, {extra}")
        add_common(q)
        q.set_defaults(handler=cmd_log_assessment, instrument=questionnaire.id)


def _save(
    args: argparse.Namespace, build: Callable[[Journal], Entry], tags: tuple[str, ...] = ()
) -> int:
    journal = open_journal(args, create=True)
    try:
        entry = build(journal)  # validation errors leave the journal untouched
        if tags:  # the entry and its tags in one transaction
            change = journal.log_all([entry], tags={0: tags})
            saved = entry.with_id(change.ids[0])
        else:
            saved, _change = journal.log(entry)
        backup_after_write(journal)
    finally:
        journal.close()
    label = {"mood": _("mood entry"), "session": pgettext("entry kind", "session"),
             "side_effect": _("side effect"), "event": _("event"),
             "assessment": _("assessment")}.get(saved.kind, saved.kind.replace("_", " "))
    print(_("Saved {kind} {id} at {at}.").format(kind=label, id=saved.id, at=to_iso(saved.at)))
    return 0


def cmd_log_mood(args: argparse.Namespace) -> int:
    """``log mood``."""

    def build(journal: Journal) -> Entry:
        return MoodEntry(
            at=when(args, journal),
            mood=whole_number("mood", args.score, *SCORE_RANGE),  # type: ignore[arg-type]
            anxiety=whole_number("anxiety", args.anxiety, *SCORE_RANGE),
            energy=whole_number("energy", args.energy, *SCORE_RANGE),
            sleep_hours=number("sleep_hours", args.sleep, *SLEEP_RANGE, "hours"),
            note=args.note,
        )

    tags = check_tags("tags", (args.tags or "").split(","))
    return _save(args, build, tags)


def cmd_log_session(args: argparse.Namespace) -> int:
    """``log session``."""

    def build(journal: Journal) -> Entry:
        return Session(
            at=when(args, journal),
            route=args.route.strip().lower(),
            phase=args.phase.strip().lower(),
            dose_mg=number("dose_mg", args.dose_mg, *DOSE_MG_RANGE, "mg"),
            weight_kg=number("weight_kg", args.weight_kg, *WEIGHT_KG_RANGE, "kg"),
            dissociation=whole_number("dissociation", args.dissociation, *SCORE_RANGE),
            bp_before=BloodPressure.parse("bp_before", args.bp_before) if args.bp_before else None,
            bp_after=BloodPressure.parse("bp_after", args.bp_after) if args.bp_after else None,
            bp_leaving=(
                BloodPressure.parse("bp_leaving", args.bp_leaving) if args.bp_leaving else None
            ),
            heart_rate=whole_number("heart_rate", args.heart_rate, *HEART_RATE_RANGE),
            spo2=whole_number("spo2", args.spo2, *SPO2_RANGE),
            observation_minutes=whole_number(
                "observation_minutes", args.observation_min, *OBSERVATION_MIN_RANGE
            ),
            moaas=whole_number("moaas", args.moaas, *MOAAS_RANGE),
            clinic=args.clinic,
            note=args.note,
        )

    return _save(args, build)


def cmd_log_side_effect(args: argparse.Namespace) -> int:
    """``log side-effect``; links the latest session within 72 h unless told otherwise."""
    category = SideEffectCategory(enum_arg("category", SideEffectCategory, args.category))

    def build(journal: Journal) -> Entry:
        at = when(args, journal)
        if args.session is None:
            session = journal.default_session_for(at)
            session_id = session.id if session else None
        elif args.session.strip().lower() == "none":
            session_id = None
        else:
            session_id = whole_number("session", args.session, *ENTRY_ID_RANGE)
        return SideEffect(
            at=at,
            category=category,
            severity=whole_number("severity", args.severity, *SCORE_RANGE),  # type: ignore[arg-type]
            other_text=args.other,
            duration_minutes=whole_number(
                "duration_minutes", args.duration_min, *DURATION_MIN_RANGE
            ),
            session_id=session_id,
            note=args.note,
        )

    code = _save(args, build)
    severity = whole_number("severity", args.severity, *SCORE_RANGE) if code == 0 else None
    if severity is not None and category.red_flag_at(severity):
        print(_("Red flag: {advice}").format(advice=category.red_flag_advice), file=sys.stderr)
    return code


def cmd_log_event(args: argparse.Namespace) -> int:
    """``log event``."""
    kind = enum_arg("event_kind", EventKind, args.event_kind)

    def build(journal: Journal) -> Entry:
        return Event(at=when(args, journal), event_kind=EventKind(kind), note=args.note)

    return _save(args, build)


def cmd_log_assessment(args: argparse.Namespace) -> int:
    """``log phq9`` / ``log gad7``: prints the total and band; item 9 > 0 prints resources."""
    questionnaire = INSTRUMENTS[args.instrument]
    parts = [p.strip() for p in args.answers.split(",")]
    answers = []
    for item, part in enumerate(parts, start=1):
        if not part.isdecimal() or len(part) > 3:
            raise ValidationError(
                f"answers item {item}", whole_number_rule(*questionnaire.answer_range)
            )
        answers.append(int(part))
    extra = questionnaire.extra
    journal = open_journal(args, create=True)
    try:
        entry = Assessment(
            at=when(args, journal),
            instrument_id=questionnaire.id,
            answers=tuple(answers),
            difficulty=None if extra is None else whole_number(
                "difficulty", args.difficulty, *extra.answer_range
            ),
            note=args.note,
        )
        saved, _change = journal.log(entry)
        backup_after_write(journal)
        assert isinstance(saved, Assessment)
        crisis = clinical.crisis_message(journal) if saved.safety_flag else None
    finally:
        journal.close()
    print(saved.summary)
    if crisis:
        print(crisis, file=sys.stderr)
    return 0
