"""``ketajournal demo``: fill an empty journal with the synthetic demo patient."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ketajournal.cli.common import backup_after_write, open_journal
from ketajournal.domain.validation import ValidationError, whole_number_rule
from ketajournal.errors import KnownError
from ketajournal.services import demo as demo_data

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands, Parser


def add_commands(sub: Commands, home: Parser) -> None:
    """``demo [--days N] [--seed N]``."""
    p = sub.add_parser(
        "demo", parents=[home], help="fill the journal at home with the demo patient"
    )
    p.add_argument("--days", type=int, default=demo_data.DEFAULT_DAYS,
                   help=f"days of data ({demo_data.DEFAULT_DAYS})")
    p.add_argument("--seed", type=int, default=demo_data.DEFAULT_SEED,
                   help=f"random seed ({demo_data.DEFAULT_SEED})")
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    """``demo``: fill an empty journal with the demo patient."""
    low, high = demo_data.DAYS_RANGE
    if not low <= args.days <= high:
        raise ValidationError("days", whole_number_rule(low, high))
    journal = open_journal(args, create=True)
    try:
        if not journal.is_empty():
            raise KnownError(
                "The journal already has entries or other data; the demo patient is only added "
                "to an empty journal, so it never mixes with your own. Use --home with a new "
                "folder."
            )
        data = demo_data.generate(journal.now(), days=args.days, seed=args.seed)
        demo_data.save(journal, data)
        backup_after_write(journal)
        counts = journal.counts()
    finally:
        journal.close()
    print("Demo journal written: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + ".")
    return 0
