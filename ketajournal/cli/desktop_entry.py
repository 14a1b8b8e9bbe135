"""``--install-desktop-entry`` and ``--uninstall-desktop-entry``: the menu entry of a pip install.

The options are the window's kind of option (no command), so they sit beside
``--demo`` on ``ketajournal`` itself; the work is :mod:`ketajournal.platform.desktop_entry`.
"""

from __future__ import annotations

import argparse
import sys

from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.platform import desktop_entry


def add_options(parser: argparse.ArgumentParser) -> None:
    """Add the two options, which exclude each other, to ``ketajournal``."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="put ketajournal in this user's applications menu (Linux, after pip install): "
        "desktop file, metainfo and icons under $XDG_DATA_HOME",
    )
    group.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove exactly the files --install-desktop-entry wrote",
    )


def wanted(args: argparse.Namespace) -> bool:
    """Whether one of the two options was given."""
    return bool(args.install_desktop_entry or args.uninstall_desktop_entry)


def handle(args: argparse.Namespace) -> int:
    """Install or uninstall the entry for the installed ``ketajournal``; print what changed."""
    if sys.platform in ("win32", "darwin"):
        raise KnownError("the desktop entry is for Linux and BSD desktops; the Windows "
                         "installer and the macOS app put KetaJournal in the menu")
    command = desktop_entry.installed_command()
    data = desktop_entry.data_home()
    if args.install_desktop_entry:
        written = desktop_entry.install(command, data)
        print(f"installed the menu entry ({len(written)} files under {data}), "
              f"starting {' '.join(command)}")
        return 0
    removed, kept = desktop_entry.uninstall(command, data)
    for path in kept:
        print(_("left {path}: another installer wrote it").format(path=path), file=sys.stderr)
    print(_("removed the menu entry ({removed} files under {data})").format(
        removed=len(removed), data=data))
    return 0
