"""``ketajournal sync``: link a journal to a sync folder, join one, sync now, status, history,
remove a computer."""

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
from ketajournal.language import gettext as _
from ketajournal.language import ngettext
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths, resolve_home
from ketajournal.services import sync, sync_join, sync_peers, sync_removal
from ketajournal.services.journal import Journal
from ketajournal.services.keys import secret_from_options
from ketajournal.services.opening import open_checked

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands, Parser


def add_commands(sub: Commands, home: Parser) -> None:
    """``sync [--json]``, ``sync setup DIR``, ``sync join DIR``, ``sync status``,
    ``sync history``, ``sync restore ID STAMP``, ``sync remove DEVICE``."""
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
    remove = actions.add_parser(
        "remove",
        parents=[home],
        help="remove a computer from sync: a new sync key it does not get (needs --password-file)",
        description="Makes a new sync key for every other computer, so the removed one can "
        "add no more changes and cannot read new ones. It keeps what it already had. "
        "--password-file FILE must hold the recovery key or passphrase (computers that "
        "join later use it). See docs/security.md, 'Removing a computer'.",
    )
    remove.add_argument(
        "device", metavar="DEVICE", help="the computer's id, as 'ketajournal sync status' lists it"
    )
    remove.add_argument("--json", action="store_true", help="report as JSON")
    remove.set_defaults(handler=cmd_remove)


def _folder(text: str) -> Path:
    folder = Path(text).expanduser()
    if not folder.is_dir():
        raise ValidationError("DIR", _("must be an existing folder; {folder} is not one").format(
            folder=folder))
    return folder


def cmd_sync(args: argparse.Namespace) -> int:
    """``sync [--json]``: one sync now."""
    report = with_journal(args, sync.sync_now)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        sent = ngettext("Sent {n} change", "Sent {n} changes", report.sent).format(
            n=report.sent)
        received = ngettext("took in {n} change", "took in {n} changes",
                            report.received).format(n=report.received)
        updated = ngettext("{n} entry updated", "{n} entries updated",
                           report.updated).format(n=report.updated)
        kept = (
            ngettext(", {n} version kept in history", ", {n} versions kept in history",
                     report.kept_in_history).format(n=report.kept_in_history)
            if report.kept_in_history else ""
        )
        print(_("{sent}; {received}, {updated}{kept}.").format(
            sent=sent, received=received, updated=updated, kept=kept))
        for device, seq in report.waiting.items():
            print(_("Waiting for file {seq} of computer {device} (still arriving).").format(
                seq=seq, device=device))
        for unseen in report.unseen:
            print(_("Computer {unseen} has never confirmed reading; old files are kept for "
                    "it.").format(unseen=unseen))
        if report.former_id is not None:
            print(_("Another copy of this journal wrote under this computer's id {id} (a "
                    "journal copied by hand, or restored from an older backup): this computer "
                    "took a new id and sent everything it has again.").format(
                        id=report.former_id))
        for device in report.forked:
            print(_("Computer {device} wrote two different histories; the one in the folder "
                    "was taken in, the rest comes from the computer that wrote it.").format(
                        device=device))
    for message in report.rejected:
        print(_("ketajournal: refused {message}").format(message=message), file=sys.stderr)
    return 0 if report.ok else 1


def cmd_setup(args: argparse.Namespace) -> int:
    """``sync setup DIR``: link this journal to a folder."""
    folder = _folder(args.folder)
    queued = with_journal(args, lambda journal: sync.setup(journal, folder))
    print(ngettext("Linked to {folder}; {n} entry will go out with the first sync "
                   "(ketajournal sync).",
                   "Linked to {folder}; {n} entries will go out with the first sync "
                   "(ketajournal sync).", queued).format(folder=folder.absolute(), n=queued))
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    """``sync join DIR --password-file FILE``: a new local journal from the folder."""
    folder = _folder(args.folder)
    secret = secret_from_options(getattr(args, "password_file", None))
    if secret is None:
        raise ValidationError(
            "password-file",
            _("is needed: a file holding the journal's recovery key or passphrase"),
        )
    paths = JournalPaths(resolve_home(getattr(args, "home", None)))

    def opened(p: JournalPaths) -> Journal:
        return open_checked(p, KeyringKeyStore(), secret, create=False).journal

    journal = sync_join.join(paths, KeyringKeyStore(), folder, secret, open_journal=opened)
    try:
        counts = journal.entry_counts()
    finally:
        journal.close()
    total = sum(counts.values())
    print(ngettext("Joined: this computer's journal is in {home}, with {n} entry from the "
                   "sync folder.",
                   "Joined: this computer's journal is in {home}, with {n} entries from the "
                   "sync folder.", total).format(home=paths.home, n=total))
    return 0


def _when(ms: int | None) -> str:
    if ms is None:
        return "never"  # --json too: a program reads it; people read :func:`_when_read`
    return datetime.fromtimestamp(ms / 1000).astimezone().isoformat(timespec="minutes")


def _when_read(ms: int | None) -> str:
    """:func:`_when` for a reader: "never" in the language in use."""
    return _("never") if ms is None else _when(ms)


def cmd_status(args: argparse.Namespace) -> int:
    """``sync status``: each computer and when it last wrote."""
    status = with_journal(args, sync.status)
    if args.json:
        print(json.dumps({
            "folder": str(status.folder),
            "this_computer": status.device,
            "last_sync": _when(status.last_sync_ms),
            "computers": [
                {"device": d.device, "name": d.name, "this_computer": d.this_computer,
                 "last_wrote": _when(d.last_wrote_ms), "files": d.files,
                 "acknowledged": d.acknowledged, "former_id": d.former,
                 "not_seen_for_long": d.quiet(time.time_ns() // 1_000_000),
                 "removed": None if d.removed_ms is None else _when(d.removed_ms)}
                for d in status.devices
            ],
        }, indent=2))
        return 0
    now = time.time_ns() // 1_000_000
    print(sync.describe(status, now))
    print(_("Folder: {folder}").format(folder=status.folder))
    for d in status.devices:
        label = (_(" (this computer)") if d.this_computer else
                 _(" (an earlier id of this computer)") if d.former else "")
        name = f" {d.name}" if d.name else ""
        gone = (_(", removed {time}").format(time=_when(d.removed_ms))
                if d.removed_ms is not None else "")
        quiet = _(", not seen for a long time") if d.quiet(now) else ""
        confirmed = (
            "" if d.acknowledged or d.removed_ms is not None else _(", never confirmed reading")
        )
        files = ngettext("{n} file", "{n} files", d.files).format(n=d.files)
        print(_("  {device}{name}{label}: last wrote {time}, {files}{gone}{quiet}{confirmed}")
              .format(device=d.device, name=name, label=label,
                      time=_when_read(d.last_wrote_ms), files=files, gone=gone, quiet=quiet,
                      confirmed=confirmed))
    for line in sync_peers.quiet_lines(status, now):
        print(line)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    """``sync remove DEVICE --password-file FILE``: a new sync key the computer does not get."""
    secret = secret_from_options(getattr(args, "password_file", None))
    if secret is None:
        raise ValidationError(
            "password-file",
            _("is needed: a file holding the journal's recovery key or passphrase"),
        )
    removal = with_journal(
        args, lambda journal: sync_removal.remove_computer(journal, args.device, secret)
    )
    if args.json:
        print(json.dumps(removal.to_json(), indent=2))
        return 0
    given = len(removal.given)
    print(ngettext(
        "Removed {device}: sync key {epoch} went to {n} computer (this one included). Its "
        "changes from now on are refused, and it cannot read what is written from now on; "
        "it keeps what it already had.",
        "Removed {device}: sync key {epoch} went to {n} computers (this one included). Its "
        "changes from now on are refused, and it cannot read what is written from now on; "
        "it keeps what it already had.", given).format(
            device=removal.removed, epoch=removal.epoch, n=given))
    for device in removal.not_given:
        print(_("Computer {device} has not published its key yet: it did not get the new key "
                "and must join again (ketajournal sync join).").format(device=device))
    print(_("Whoever holds the recovery key or passphrase can still join: change them if the "
            "removed computer or its owner may know them (docs/security.md)."))
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
        print(_("No entry has versions kept from concurrent edits."))
    for r in records:
        print(f"{r.kind} {r.entry_id if r.entry_id is not None else _('(deleted)')} "
              f"[{r.global_id}]")
        for v in r.versions:
            mark = _("current") if v.current else _("kept")
            what = _("deleted") if v.deleted else json.dumps(v.fields, ensure_ascii=False)
            print(_("  {mark} {stamp} at {time}: {what}").format(
                mark=mark, stamp=v.stamp, time=_when(v.stamp.wall_ms), what=what))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """``sync restore ID STAMP``: make a kept version current again."""
    journal = open_journal(args, create=False)
    try:
        sync.restore_version(journal, args.global_id, args.stamp)
    finally:
        journal.close()
    print(_("Restored; it goes to your other computers with the next sync."))
    return 0
