"""``ketajournal backup``, ``restore`` and ``check``: keeping the journal safe.

A backup file is encrypted and opens with the recovery key or passphrase; a restore
never deletes anything (the journal it replaces is moved aside first); ``check``
exits 0 only when the journal is healthy (docs/security.md, docs/reliability.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ketajournal.cli.common import (
    open_journal,
    output,
    with_journal,
    with_password_file_hint,
)
from ketajournal.domain.validation import ValidationError
from ketajournal.language import gettext as _
from ketajournal.language import ngettext
from ketajournal.platform.instance import replacing_lock
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths, resolve_home
from ketajournal.services import portable, repair, restore
from ketajournal.services.damage import permission_problem
from ketajournal.services.keys import NeedsSecretError, secret_from_options

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands, Parser


def add_commands(sub: Commands, home: Parser) -> None:
    """``backup -o FILE``, ``restore [FILE] [--force | --from-backups]``, ``check``."""
    q = sub.add_parser(
        "backup", parents=[home], help="write the journal to one portable, encrypted backup file"
    )
    q.add_argument("-o", "--output", required=True, metavar="FILE")
    q.set_defaults(handler=cmd_backup)

    q = sub.add_parser(
        "restore", parents=[home],
        help="restore a backup file (an existing journal only with --force, moved aside "
        "first), or repair a damaged journal from its own backups",
    )
    q.add_argument(
        "source", nargs="?", metavar="FILE",
        help="a file from backup -o, or a .db file from a backups folder (with its .header)",
    )
    q.add_argument(
        "--force", action="store_true",
        help="replace the journal at the home; it is first moved to "
        "backups/before-restore-<date>/ (nothing is deleted)",
    )
    q.add_argument(
        "--keep-current-keys", action="store_true",
        help="with --force: re-wrap a backup older than the journal's current recovery key "
        "or passphrase under those, so a key replaced since does not open it again",
    )
    q.add_argument(
        "--from-backups", action="store_true",
        help="put the newest backup in <home>/backups that opens and passes its check in "
        "place of a damaged journal (the damaged files go to backups/damaged-<date>/)",
    )
    q.add_argument(
        "--accept-damaged-log", action="store_true",
        help="open a journal whose write-ahead log is damaged with what the log still "
        "replays (a copy of the log goes to backups/damaged-<date>/ first)",
    )
    q.set_defaults(handler=cmd_restore)

    q = sub.add_parser(
        "check", parents=[home],
        help="integrity check and counts of every kind of data (entries, plans, medications, "
        "tags, factors)",
    )
    q.add_argument(
        "--deep", action="store_true",
        help="also compare the counts with the last check and verify every backup",
    )
    q.add_argument(
        "--accept-counts", action="store_true",
        help="with --deep: take today's counts as the reference (after deleting entries)",
    )
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=cmd_check)


def cmd_backup(args: argparse.Namespace) -> int:
    """``backup -o FILE``: one portable, encrypted backup file (docs/security.md)."""
    target = output(args)
    journal = open_journal(args, create=False)
    try:
        made = portable.write_portable_backup(journal, target)
    finally:
        journal.close()
    print(ngettext("Backed up {n} entry to {target}. The file is encrypted; it opens with "
                   "this journal's recovery key or passphrase, or the key in this computer's "
                   "keyring.",
                   "Backed up {n} entries to {target}. The file is encrypted; it opens with "
                   "this journal's recovery key or passphrase, or the key in this computer's "
                   "keyring.", made.total).format(n=made.total, target=target))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """``restore FILE [--force]`` or ``restore --from-backups`` (docs/security.md)."""
    if args.accept_damaged_log:
        if args.from_backups or args.source is not None or args.force:
            raise ValidationError("accept-damaged-log", _("goes alone, without FILE or options"))
        return _accept_damaged_log(args)
    if args.from_backups and args.source is not None:
        raise ValidationError("FILE", _("give a backup file or --from-backups, not both"))
    if not args.from_backups and args.source is None:
        raise ValidationError("FILE", _("give the backup file to restore, or --from-backups"))
    if args.keep_current_keys and not args.force:
        raise ValidationError(
            "keep-current-keys", _("goes with restore FILE --force (it keeps the keys of the "
              "journal that is replaced)")
        )
    if args.from_backups and args.force:
        raise ValidationError(
            "force", _("is for restore FILE; --from-backups never replaces a sound journal")
        )
    paths = JournalPaths(resolve_home(getattr(args, "home", None)))
    secret = secret_from_options(getattr(args, "password_file", None))
    keys = KeyringKeyStore()
    _no_permission_problem(paths)
    # The window's lock: never while a window has the journal open (platform/instance.py).
    with replacing_lock(paths.home):
        return _restore(args, paths, secret, keys)


def _restore(
    args: argparse.Namespace, paths: JournalPaths, secret: str | None, keys: KeyringKeyStore
) -> int:
    try:
        if args.from_backups:
            result = repair.repair_from_backups(paths, keys, secret)
        else:
            source = Path(args.source).expanduser()
            result = restore.restore_backup_file(
                paths, source, keys, secret, force=args.force,
                keep_current_secrets=args.keep_current_keys,
            )
    except NeedsSecretError as error:
        raise with_password_file_hint(error) from None
    print(result.summary())
    return 0


def _no_permission_problem(paths: JournalPaths) -> None:
    """A file this user may not use is named as such before the lock is even tried."""
    problem = permission_problem(paths)
    if problem is not None:
        raise problem


def _accept_damaged_log(args: argparse.Namespace) -> int:
    paths = JournalPaths(resolve_home(getattr(args, "home", None)))
    secret = secret_from_options(getattr(args, "password_file", None))
    _no_permission_problem(paths)
    try:
        with replacing_lock(paths.home):
            accepted = repair.accept_damaged_log(paths, KeyringKeyStore(), secret)
    except NeedsSecretError as error:
        raise with_password_file_hint(error) from None
    print(accepted.summary())
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """``check [--deep [--accept-counts]] [--json]``: 0 only when healthy.

    Plain: integrity and foreign-key checks, the rows of every kind of the patient's
    data (``Journal.counts``). ``--deep`` adds the
    counts against the last healthy check (a sudden drop is reported) and the
    verification of every backup (services/health.py).
    """
    if args.accept_counts and not args.deep:
        raise ValidationError("accept-counts", _("goes with --deep"))
    if args.deep:
        from ketajournal.services import health

        deep = with_journal(
            args, lambda journal: health.deep_check(journal, accept_counts=args.accept_counts)
        )
        if args.json:
            print(json.dumps(deep.as_json(), indent=2))
        else:
            for line in deep.report():
                print(line)
        return 0 if deep.ok else 1
    result = with_journal(args, lambda journal: journal.check())
    if args.json:
        document = {"ok": result.ok, "integrity": "ok" if result.ok else "failed",
                    "problems": list(result.problems), "counts": result.counts}
        print(json.dumps(document, indent=2))
        return 0 if result.ok else 1
    for kind, count in result.counts.items():
        print(f"{kind:12} {count}")
    if result.ok:
        print("integrity    ok")
        return 0
    for problem in result.problems:
        print(_("problem: {problem}").format(problem=problem), file=sys.stderr)
    return 1
