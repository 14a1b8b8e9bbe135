"""``ketajournal factors`` (what else moves mood) and ``ketajournal factor`` (your own factors).

Grammar::

    factors [--json]                          every comparison, ranked, with its interval
    factor list                               the factors you follow and today's values
    factor define NAME --kind yesno|scale     start following one (at most ten)
    factor set NAME VALUE [--day DATE]        yes/no, or 0-10; "none" clears the day
    factor remove NAME                        stop following it (its values go too)

The numbers come from services/mood_factors.py, the rules from domain/tags.py.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ketajournal.cli.common import Parser, choices, with_journal
from ketajournal.domain.tags import FactorKind, factor_kind, parse_factor_value, value_text
from ketajournal.domain.timeutil import local_day
from ketajournal.language import gettext as _

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands
    from ketajournal.services.journal import Journal

KINDS = tuple(kind.value for kind in FactorKind)


def add_commands(sub: Commands, home: Parser) -> None:
    """``factors [--json]`` and ``factor list|define|set|remove``."""
    q = sub.add_parser(
        "factors", parents=[home],
        help="what else moves mood: sleep, tags, your factors, therapy and life events "
        "(an association, not a cause)",
    )
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=cmd_factors)

    factor = sub.add_parser("factor", help="the daily factors you follow")
    factor_sub = factor.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    factor_sub.required = True
    q = factor_sub.add_parser("list", parents=[home], help="your factors and today's values")
    q.set_defaults(handler=cmd_factor_list)
    q = factor_sub.add_parser("define", parents=[home], help="start following a factor")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--kind", required=True, metavar=choices(KINDS),
                   help="yesno (yes or no each day) or scale (0-10 each day)")
    q.set_defaults(handler=cmd_factor_define)
    q = factor_sub.add_parser("set", parents=[home], help="a factor's value for a day")
    q.add_argument("name", metavar="NAME")
    q.add_argument("value", metavar="VALUE", help="yes or no, or 0-10; none clears the day")
    q.add_argument("--day", metavar="DATE", help="YYYY-MM-DD (default: today)")
    q.set_defaults(handler=cmd_factor_set)
    q = factor_sub.add_parser("remove", parents=[home],
                              help="stop following a factor (its values are deleted)")
    q.add_argument("name", metavar="NAME")
    q.set_defaults(handler=cmd_factor_remove)


def cmd_factors(args: argparse.Namespace) -> int:
    """``factors [--json]``: every comparison, ranked by the interval's lower bound."""
    from ketajournal.services.mood_factors import factor_report  # numpy only here

    report = with_journal(args, factor_report)
    if args.json:
        print(json.dumps(report.document(), indent=2, ensure_ascii=False))
        return 0
    for line in report.lines():
        print(line)
    return 0


def cmd_factor_list(args: argparse.Namespace) -> int:
    """``factor list``."""
    def work(journal: Journal) -> list[str]:
        today = journal.factor_values_on(local_day(journal.now()))
        lines = []
        for factor in journal.factor_definitions():
            assert factor.id is not None
            value = today.get(factor.id)
            shown = _("not set") if value is None else _shown(factor.kind, value)
            lines.append(_("{name} ({kind}): today {value}").format(
                name=factor.name, kind=factor.kind.label, value=shown))
        return lines or [_("No factors yet: ketajournal factor define NAME --kind yesno|scale")]

    for line in with_journal(args, work):
        print(line)
    return 0


def cmd_factor_define(args: argparse.Namespace) -> int:
    """``factor define NAME --kind yesno|scale``."""
    kind = factor_kind("kind", args.kind)
    factor, _backup = with_journal(
        args, lambda journal: journal.define_factor(args.name, kind), writes=True
    )
    print(_("Following {name} ({label} each day).").format(
        name=factor.name, label=factor.kind.label))
    return 0


def cmd_factor_set(args: argparse.Namespace) -> int:
    """``factor set NAME VALUE [--day DATE]``."""
    from ketajournal.services.reports import parse_day  # not needed at start

    def work(journal: Journal) -> str:
        factor = journal.factor(args.name)
        day = parse_day("day", args.day) or local_day(journal.now())
        clear = args.value.strip().casefold() == "none"
        value = None if clear else parse_factor_value("value", factor.kind, args.value)
        journal.set_factor_value(factor.name, day, value)
        if value is None:
            return _("{name} on {day} cleared.").format(name=factor.name, day=day.isoformat())
        return _("{name} on {day} set to {value}.").format(
            name=factor.name, day=day.isoformat(), value=_shown(factor.kind, value))

    print(with_journal(args, work, writes=True))
    return 0


def cmd_factor_remove(args: argparse.Namespace) -> int:
    """``factor remove NAME``."""
    def work(journal: Journal) -> str:
        name = journal.factor(args.name).name
        journal.remove_factor(name)
        return _("Stopped following {name}; its values were deleted.").format(name=name)

    print(with_journal(args, work, writes=True))
    return 0


def _shown(kind: FactorKind, value: int) -> str:
    """A day's value as the patient reads it, in the language in use (``ja``, ``7``)."""
    text = value_text(kind, value)
    return {"yes": _("yes"), "no": _("no")}.get(text, text)
