"""The command line: a thin layer over the services, and the app's entry point.

``ketajournal`` with no command opens the window; ``--demo`` opens it on a
throw-away demo journal. Commands work headless. Exit codes: 0 done (for
``log``: only after the commit returned), 1 the journal or keyring cannot be
used, 2 bad input (nothing written). Messages never echo health data.

Each group of commands keeps its grammar beside its handlers, as sqlite-utils
does: :mod:`~ketajournal.cli.log`, :mod:`~ketajournal.cli.medication`,
:mod:`~ketajournal.cli.export`, :mod:`~ketajournal.cli.importing`
(our own exports and other apps'), :mod:`~ketajournal.cli.factors` (factors, factor),
:mod:`~ketajournal.cli.safety` (backup, restore, check),
:mod:`~ketajournal.cli.analysis` (status, boosters), :mod:`~ketajournal.cli.reminders`
(due), :mod:`~ketajournal.cli.plan` (planned sessions), :mod:`~ketajournal.cli.settings`,
:mod:`~ketajournal.cli.sync`,
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
from types import ModuleType
from typing import NoReturn

from ketajournal import __version__
from ketajournal.errors import KnownError
from ketajournal.platform.child_env import clean_for_children
from ketajournal.platform.paths import disable_core_dumps, set_private_umask

#: Options that may be given more than once (a list of texts).
REPEATABLE = frozenset({"map"})


def command_groups() -> tuple[ModuleType, ...]:
    """The groups of commands, in the order ``--help`` lists them.

    Imported only to build the full grammar: they import the services (the storage,
    the keyring), which opening the window leaves until after its first paint.
    """
    from ketajournal.cli import (
        analysis,
        demo,
        export,
        factors,
        importing,
        log,
        medication,
        plan,
        reminders,
        safety,
        settings,
        sync,
    )

    return (
        demo, log, medication, export, importing, safety, analysis, factors, reminders, plan,
        settings, sync,
    )


def add_window_options(parser: argparse.ArgumentParser) -> None:
    """``--demo`` and ``--background``: how the window opens (no command)."""
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


class _NotTheWindowError(Exception):
    """``argv`` is not a plain start of the window."""


class _WindowParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheWindowError(message)


def window_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options of a plain start of the window, or None for anything else.

    ``ketajournal`` alone, with ``--home``, ``--demo`` or ``--background``, opens the
    window: that needs none of the commands' modules, whose imports (the services,
    sqlite-utils, SQLCipher, the keyring) would hold up its first paint. Anything
    else (a command, ``--help``, ``--version``, another or an abbreviated option, a
    mistake) returns None and goes through :func:`build_parser`, which decides.
    """
    parser = _WindowParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    parser.add_argument("--home", default=argparse.SUPPRESS)
    add_window_options(parser)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except (_NotTheWindowError, argparse.ArgumentError):
        return None
    return None if rest else args


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar (documented in README.md and tested)."""
    from ketajournal.cli import desktop_entry
    from ketajournal.cli.common import Parser, home_options

    home = home_options()
    parser = Parser(
        prog="ketajournal",
        description="A private, encrypted journal for ketamine and esketamine therapy. "
        "Without a command, opens the window.",
        parents=[home],
    )
    parser.add_argument("--version", action="version", version=f"ketajournal {__version__}")
    add_window_options(parser)
    desktop_entry.add_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in command_groups():
        group.add_commands(sub, home)
    return parser


def os_problem(error: OSError) -> str:
    """One sentence for an error of the operating system, naming the file it concerns."""
    reason = error.strerror or type(error).__name__
    where = f" {error.filename}" if error.filename else ""
    return f"could not use{where}: {reason}. What was asked was not done."


def open_window(args: argparse.Namespace) -> int:
    """No command: open the window (Qt is imported only now)."""
    from ketajournal.app import display_problem, run_gui

    problem = display_problem()
    if problem:
        print(f"ketajournal: {problem}", file=sys.stderr)
        return 1
    return run_gui(getattr(args, "home", None), demo=args.demo, background=args.background)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``ketajournal`` and ``python -m ketajournal``."""
    set_private_umask()
    disable_core_dumps()  # a dump of this process would hold the data key in clear
    logging.basicConfig(level=logging.WARNING, format="ketajournal: %(levelname)s: %(message)s")
    window = window_options(sys.argv[1:] if argv is None else argv)
    if window is not None:
        return open_window(window)
    from ketajournal.cli import desktop_entry
    from ketajournal.cli.common import speak
    from ketajournal.domain import locales

    # Dates and numbers in the locale the environment asks for (English without one),
    # the words in the language it asks for until a journal's setting says otherwise.
    locales.use(locales.from_environment())
    speak(None)

    parser = build_parser()
    args = parser.parse_args(argv)
    # The argparse of Python 3.11 turns "--at=--" into an empty list; only the
    # repeatable options take a list (of texts), so that is a missing value: a usage
    # error, not a traceback.
    for name, value in vars(args).items():
        if isinstance(value, list) and (
            name not in REPEATABLE or not all(isinstance(item, str) for item in value)
        ):
            parser.error(f"argument --{name.replace('_', '-')}: expected one argument")
    if desktop_entry.wanted(args):
        if args.command is not None:
            parser.error("--install-desktop-entry and --uninstall-desktop-entry take no command")
        args.handler = desktop_entry.handle
    elif args.command is None:
        return open_window(args)
    if args.command == "log" and not getattr(args, "handler", None):
        parser.error("log needs a kind")
    if args.command == "medication" and not getattr(args, "handler", None):
        parser.error("medication needs an action: start, change, stop or list")
    clean_for_children()  # no Qt here: what a command starts gets the system's environment
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
