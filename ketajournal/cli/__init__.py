"""The command line: a thin layer over the services, and the app's entry point.

``ketajournal`` with no command opens the window; ``--demo`` opens it on a
throw-away demo journal. Commands work headless. Exit codes: 0 done (for
``log``: only after the commit returned), 1 the journal or keyring cannot be
used, 2 bad input (nothing written). Messages never echo health data.

Each group of commands keeps its grammar beside its handlers, as sqlite-utils
does: :mod:`~ketajournal.cli.log`, :mod:`~ketajournal.cli.export` (and import),
:mod:`~ketajournal.cli.safety` (backup, restore, check),
:mod:`~ketajournal.cli.analysis` (status, boosters), :mod:`~ketajournal.cli.reminders`
(due), :mod:`~ketajournal.cli.settings`, :mod:`~ketajournal.cli.sync`,
:mod:`~ketajournal.cli.demo` and
:mod:`~ketajournal.cli.desktop_entry` (the menu entry of a pip install);
:mod:`~ketajournal.cli.common` holds what they share. This module assembles the parser
and runs a command.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from ketajournal import __version__
from ketajournal.cli import (
    analysis,
    demo,
    desktop_entry,
    export,
    log,
    reminders,
    safety,
    settings,
    sync,
)
from ketajournal.cli.common import Parser, home_options
from ketajournal.errors import KnownError
from ketajournal.platform.paths import disable_core_dumps, set_private_umask

#: The groups of commands, in the order ``--help`` lists them.
GROUPS = (demo, log, export, safety, analysis, reminders, settings, sync)


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar (documented in README.md and tested)."""
    home = home_options()
    parser = Parser(
        prog="ketajournal",
        description="A private, encrypted journal for ketamine and esketamine therapy. "
        "Without a command, opens the window.",
        parents=[home],
    )
    parser.add_argument("--version", action="version", version=f"ketajournal {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on a temporary demo journal (never your own)",
    )
    parser.add_argument(
        "--background",
        action="store_true",
        help="start with the window hidden, for reminders (start at login uses this)",
    )
    desktop_entry.add_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in GROUPS:
        group.add_commands(sub, home)
    return parser


def os_problem(error: OSError) -> str:
    """One sentence for an error of the operating system, naming the file it concerns."""
    reason = error.strerror or type(error).__name__
    where = f" {error.filename}" if error.filename else ""
    return f"could not use{where}: {reason}. What was asked was not done."


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``ketajournal`` and ``python -m ketajournal``."""
    set_private_umask()
    disable_core_dumps()  # a dump of this process would hold the data key in clear
    logging.basicConfig(level=logging.WARNING, format="ketajournal: %(levelname)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    # The argparse of Python 3.11 turns "--at=--" into an empty list; no option here
    # takes a list, so that is a missing value: a usage error, not a traceback.
    for name, value in vars(args).items():
        if isinstance(value, list):
            parser.error(f"argument --{name.replace('_', '-')}: expected one argument")
    if desktop_entry.wanted(args):
        if args.command is not None:
            parser.error("--install-desktop-entry and --uninstall-desktop-entry take no command")
        args.handler = desktop_entry.handle
    elif args.command is None:
        from ketajournal.app import display_problem, run_gui  # Qt only for the window

        problem = display_problem()
        if problem:
            print(f"ketajournal: {problem}", file=sys.stderr)
            return 1

        return run_gui(getattr(args, "home", None), demo=args.demo, background=args.background)
    if args.command == "log" and not getattr(args, "handler", None):
        parser.error("log needs a kind")
    try:
        code: int = args.handler(args)
        return code
    except KnownError as error:
        print(f"ketajournal: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        # The environment, not a bug (STYLE.md, "Environment errors are not bugs"): a
        # folder where a file was expected, a file of another user, a read-only disk.
        print(f"ketajournal: {os_problem(error)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
