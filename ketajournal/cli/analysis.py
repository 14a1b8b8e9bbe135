"""``ketajournal status`` and ``ketajournal boosters``: what the journal's numbers say.

Both print plain lines, or the same document as JSON with ``--json``; every number
comes with its definition (services/clinical.py).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from ketajournal.cli.common import with_journal
from ketajournal.domain import locales
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.language import gettext as _
from ketajournal.language import pgettext
from ketajournal.reports.numbers import verdict
from ketajournal.services import clinical

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands, Parser


def add_commands(sub: Commands, home: Parser) -> None:
    """``status [--json]`` and ``boosters [--json]``."""
    q = sub.add_parser("status", parents=[home], help="PHQ-9 and GAD-7: baseline, latest, "
                       "response, remission")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=cmd_status)

    q = sub.add_parser("boosters", parents=[home], help="how long each booster held")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=cmd_boosters)


def cmd_status(args: argparse.Namespace) -> int:
    """``status [--json]``: baseline vs latest, response and remission, with definitions."""
    document = with_journal(args, clinical.status_document)
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    for status in document.values():
        name = INSTRUMENTS[status["instrument"]].short_title
        base, latest = status["baseline"], status["latest"]
        print(_("{name}: baseline {baseline}, latest {latest}, change {change}, response "
                "{response}, remission {remission}").format(
            name=name, baseline=_score(base), latest=_score(latest),
            change=_maybe(status["change_percent"], "{:+.0f} %"),
            response=verdict(status["response"], status["not_assessable"]),
            remission=verdict(status["remission"], status["not_assessable"])))
        for note in status["notes"]:
            print(_("  note: {note}").format(note=note))
        for definition in status["definitions"].values():
            print(f"  {definition}")
    return 0


def _score(point: dict[str, Any] | None) -> str:
    if point is None:
        return _("none")
    return f"{point['score']} ({pgettext('severity', point['band'])}, {point['date'][:10]})"


def _maybe(value: float | None, fmt: str) -> str:
    return _("undefined") if value is None else locales.number(fmt.format(value))


def cmd_boosters(args: argparse.Namespace) -> int:
    """``boosters [--json]``: the booster analysis."""
    document = with_journal(
        args,
        lambda journal: clinical.boosters_document(
            clinical.booster_analysis(journal), today=journal.now().date()
        ),
    )
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    if document["needs"]:
        print(_("Not enough data: {needs}").format(needs=document["needs"]))
    source = {"automatic": _("automatic"), "user": _("set by you")}
    threshold = (
        _("none yet") if document["threshold"] is None
        else f"{locales.number(format(document['threshold'], '.2f'))} "
             f"({source.get(document['threshold_source'], document['threshold_source'])})"
    )
    print(_("Threshold T: {threshold}; baseline level B {baseline}; post-induction level P "
            "{post}").format(threshold=threshold,
                             baseline=_maybe(document["baseline_level"], "{:.2f}"),
                             post=_maybe(document["post_induction_level"], "{:.2f}")))
    for cycle in document["cycles"]:
        dose = "" if cycle["dose_mg"] is None else \
            f" {locales.number(format(cycle['dose_mg'], 'g'))} mg"
        held = cycle["label"]
        held = held if cycle["durability_days"] is None else _("held {durability}").format(
            durability=held)
        note = f" — {cycle['medication_note']}" if cycle["medication_note"] else ""
        phase = pgettext("phase, in a sentence", cycle["phase"])
        print(f"{cycle['session_at'][:10]}  {phase:9}{dose:>9}  {held}{note}")
    print(document["tolerance"]["sentence"])
    past = _(" (already past)") if document["next_due_past"] else ""
    if document["next_due"]:
        print(_("Next booster due (a question for your clinician): {day}{past} — {basis}").format(
            day=document["next_due"], past=past, basis=document["next_due_basis"]))
    return 0
