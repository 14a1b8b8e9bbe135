"""``ketajournal settings [KEY [VALUE]]``: list, show or change the journal's settings."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from ketajournal.cli.common import backup_after_write, open_journal
from ketajournal.domain.validation import ValidationError
from ketajournal.language import gettext as _
from ketajournal.services.settings import SETTINGS, Settings

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands, Parser


def add_commands(sub: Commands, home: Parser) -> None:
    """``settings [KEY [VALUE]]``."""
    q = sub.add_parser("settings", parents=[home], help="show or change a setting")
    q.add_argument("key", nargs="?", metavar="KEY")
    q.add_argument("value", nargs="?", metavar="VALUE", help="a number, text, or auto")
    q.set_defaults(handler=cmd_settings)


def cmd_settings(args: argparse.Namespace) -> int:
    """``settings [KEY [VALUE]]``: list, show or change settings."""
    journal = open_journal(args, create=False)
    try:
        settings = Settings(journal)
        if args.key is None:
            for key, setting in SETTINGS.items():
                print(f"{key} = {json.dumps(settings.get(key))}\n    {setting.text()}")
            return 0
        if args.value is None:
            print(json.dumps(settings.get(args.key)))
            return 0
        stored = settings.set(args.key, _setting_value(args.value))
        backup_after_write(journal)
    finally:
        journal.close()
    print(f"{args.key} = {json.dumps(stored)}")
    return 0


def _setting_value(text: str) -> Any:
    if text == "auto":
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text
    except RecursionError:
        raise ValidationError("value", _("is nested too deeply to be a setting")) from None
