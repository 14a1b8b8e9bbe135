"""``ketajournal due``: what is due now — the reminders' rules, without notifications."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ketajournal.cli.common import with_journal
from ketajournal.domain.timeutil import as_logged
from ketajournal.language import NP_, pgettext
from ketajournal.language import gettext as _
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


#: The kinds as ``due`` names them (the reminder kinds' values, translated).
KIND_WORDS = (NP_("reminder kind", "mood"), NP_("reminder kind", "check-in"),
              NP_("reminder kind", "questionnaire"), NP_("reminder kind", "session-evening"),
              NP_("reminder kind", "session-soon"))


def cmd_due(args: argparse.Namespace) -> int:
    """``due [--json]``: one line per reminder that is due now, most urgent first."""
    notices = with_journal(args, lambda journal: reminders.due(journal, local_zone()))
    if args.json:
        print(json.dumps(reminders.as_json(notices), indent=2, ensure_ascii=False))
        return 0
    if not notices:
        print(_("Nothing is due."))
    for notice in notices:
        text = notice.body.replace("\n", " ")
        kind = pgettext("reminder kind", notice.kind.value)
        print(_("{kind}: {text} (since {since})").format(
            kind=kind, text=text, since=as_logged(notice.since)))
    return 0
