"""``ketajournal due``: what is due now — the reminders' rules, without notifications."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ketajournal.cli.common import with_journal
from ketajournal.domain.timeutil import as_logged
from ketajournal.platform.clock import local_zone
from ketajournal.services import reminders

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands, Parser


def add_commands(sub: Commands, home: Parser) -> None:
    """``due [--json]``."""
    q = sub.add_parser("due", parents=[home], help="what is due now: mood, check-ins, "
                       "questionnaires, appointments")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=cmd_due)


def cmd_due(args: argparse.Namespace) -> int:
    """``due [--json]``: one line per reminder that is due now, most urgent first."""
    notices = with_journal(args, lambda journal: reminders.due(journal, local_zone()))
    if args.json:
        print(json.dumps(reminders.as_json(notices), indent=2, ensure_ascii=False))
        return 0
    if not notices:
        print("Nothing is due.")
    for notice in notices:
        text = notice.body.replace("\n", " ")
        print(f"{notice.kind.value}: {text} (since {as_logged(notice.since)})")
    return 0
