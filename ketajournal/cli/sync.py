"""``ketajournal sync``: link a journal to a sync folder, join one, sync now, status, history."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ketajournal.cli.common import open_journal, with_journal
from ketajournal.domain.validation import ValidationError
from ketajournal.domain.wording import count_of
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths, resolve_home
from ketajournal.services import sync, sync_join
from ketajournal.services.journal import Journal
from ketajournal.services.keys import secret_from_options
from ketajournal.services.opening import open_checked

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands, Parser


def add_commands(sub: Commands, home: Parser) -> None:
    """``sync [--json]``, ``sync setup DIR``, ``sync join DIR``, ``sync status``,
    ``sync history``, ``sync restore ID STAMP``."""
    s = sub.add_parser(
        "sync",
        parents=[home],
        help="sync this journal with your other computers through a folder (docs/sync.md)",
        description="Without a subcommand: sync once now and say what came in and went out.",
    )
    s.add_argument("--json", action="store_true", help="report as JSON")
    s.set_defaults(handler=cmd_sync)
    actions = s.add_subparsers(dest="sync_command", metavar="SUBCOMMAND")
    setup = actions.add_parser(
        "setup", parents=[home], help="link this journal to a sync folder DIR"
    )
    setup.add_argument(
        "folder", metavar="DIR", help="a folder you sync (Syncthing, Nextcloud, ...)"
    )
    setup.set_defaults(handler=cmd_setup)
    join = actions.add_parser(
        "join",
        parents=[home],
        help="make this computer's journal from a sync folder DIR (needs --password-file)",
    )
    join.add_argument("folder", metavar="DIR", help="the sync folder another computer set up")
    join.set_defaults(handler=cmd_join)
    status = actions.add_parser(
        "status", parents=[home], help="each computer in the sync folder and when it last wrote"
    )
    status.add_argument("--json", action="store_true", help="report as JSON")
    status.set_defaults(handler=cmd_status)
    history = actions.add_parser(
        "history", parents=[home], help="entries with versions kept from concurrent edits"
    )
    history.add_argument("--json", action="store_true", help="report as JSON")
    history.set_defaults(handler=cmd_history)
    restore = actions.add_parser(
        "restore", parents=[home], help="make a kept version (from sync history) current again"
    )
    restore.add_argument("global_id", metavar="ID", help="the entry's global id")
    restore.add_argument("stamp", metavar="STAMP", help="the version's stamp")
    restore.set_defaults(handler=cmd_restore)


def _folder(text: str) -> Path:
    folder = Path(text).expanduser()
    if not folder.is_dir():
        raise ValidationError("DIR", f"must be an existing folder; {folder} is not one")
    return folder


def cmd_sync(args: argparse.Namespace) -> int:
    """``sync [--json]``: one sync now."""
    report = with_journal(args, sync.sync_now)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        kept = (
            f", {count_of(report.kept_in_history, 'version')} kept in history"
            if report.kept_in_history else ""
        )
        print(
            f"Sent {count_of(report.sent, 'change')}; took in "
            f"{count_of(report.received, 'change')}, "
            f"{count_of(report.updated, 'entry', 'entries')} updated{kept}."
        )
        for device, seq in report.waiting.items():
            print(f"Waiting for file {seq} of computer {device} (still arriving).")
        for unseen in report.unseen:
            print(f"Computer {unseen} has never confirmed reading; old files are kept for it.")
    for message in report.rejected:
        print(f"ketajournal: refused {message}", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_setup(args: argparse.Namespace) -> int:
    """``sync setup DIR``: link this journal to a folder."""
    folder = _folder(args.folder)
    queued = with_journal(args, lambda journal: sync.setup(journal, folder))
    print(f"Linked to {folder.absolute()}; {count_of(queued, 'entry', 'entries')} "
          "will go out with the first sync (ketajournal sync).")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    """``sync join DIR --password-file FILE``: a new local journal from the folder."""
    folder = _folder(args.folder)
    secret = secret_from_options(getattr(args, "password_file", None))
    if secret is None:
        raise ValidationError(
            "password-file",
            "is needed: a file holding the journal's recovery key or passphrase",
        )
    paths = JournalPaths(resolve_home(getattr(args, "home", None)))

    def opened(p: JournalPaths) -> Journal:
        return open_checked(p, KeyringKeyStore(), secret, create=False).journal

    journal = sync_join.join(paths, KeyringKeyStore(), folder, secret, open_journal=opened)
    try:
        counts = journal.entry_counts()
    finally:
        journal.close()
    print(f"Joined: this computer's journal is in {paths.home}, with "
          f"{count_of(sum(counts.values()), 'entry', 'entries')} from the sync folder.")
    return 0


def _when(ms: int | None) -> str:
    if ms is None:
        return "never"
    return datetime.fromtimestamp(ms / 1000).astimezone().isoformat(timespec="minutes")


def cmd_status(args: argparse.Namespace) -> int:
    """``sync status``: each computer and when it last wrote."""
    status = with_journal(args, sync.status)
    if args.json:
        print(json.dumps({
            "folder": str(status.folder),
            "this_computer": status.device,
            "last_sync": _when(status.last_sync_ms),
            "computers": [
                {"device": d.device, "this_computer": d.this_computer,
                 "last_wrote": _when(d.last_wrote_ms), "files": d.files}
                for d in status.devices
            ],
        }, indent=2))
        return 0
    print(sync.describe(status, time.time_ns() // 1_000_000))
    print(f"Folder: {status.folder}")
    for d in status.devices:
        label = " (this computer)" if d.this_computer else ""
        print(f"  {d.device}{label}: last wrote {_when(d.last_wrote_ms)}, {d.files} file(s)")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    """``sync history``: entries with kept versions."""
    records = with_journal(args, sync.history)
    if args.json:
        print(json.dumps([
            {"kind": r.kind, "id": r.entry_id, "global_id": r.global_id, "versions": [
                {"stamp": str(v.stamp), "device": v.stamp.device, "current": v.current,
                 "deleted": v.deleted, "fields": v.fields}
                for v in r.versions
            ]}
            for r in records
        ], indent=2, ensure_ascii=False))
        return 0
    if not records:
        print("No entry has versions kept from concurrent edits.")
    for r in records:
        print(f"{r.kind} {r.entry_id if r.entry_id is not None else '(deleted)'} "
              f"[{r.global_id}]")
        for v in r.versions:
            mark = "current" if v.current else "kept"
            what = "deleted" if v.deleted else json.dumps(v.fields, ensure_ascii=False)
            print(f"  {mark} {v.stamp} at {_when(v.stamp.wall_ms)}: {what}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """``sync restore ID STAMP``: make a kept version current again."""
    journal = open_journal(args, create=False)
    try:
        sync.restore_version(journal, args.global_id, args.stamp)
    finally:
        journal.close()
    print("Restored; it goes to your other computers with the next sync.")
    return 0
