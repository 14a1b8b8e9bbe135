"""Join a sync folder from another computer: a new local journal with the same key.

The folder holds each computer's copy of the journal header (the data key wrapped
under the recovery key and, in passphrase mode, the passphrase; no health data).
The recovery key or passphrase unwraps the key from one of them; the new journal
gets the same id and key, so the same recovery key opens it, and a device id of
its own (docs/sync.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.platform.instance import creation_lock
from ketajournal.platform.keystore import KeyStore
from ketajournal.platform.paths import JournalPaths, ensure_private_dir
from ketajournal.services.journal import Journal
from ketajournal.services.keys import key_from_secret
from ketajournal.services.sync import SyncFolderError, setup, sync_now
from ketajournal.storage.database import create_database
from ketajournal.storage.header import HeaderError, read_header, write_header
from ketajournal.storage.sync_folder import HEADER_COPY_NAME


def join(
    paths: JournalPaths,
    keys: KeyStore,
    folder: Path,
    secret: str,
    *,
    open_journal: Callable[[JournalPaths], Journal],
) -> Journal:
    """Make a new local journal at ``paths`` from the sync folder ``folder``.

    ``secret`` is the journal's recovery key or passphrase: it unwraps the data key
    from a computer's header copy in the folder. The new journal has the same id and
    key (so the same recovery key opens it) and a device id of its own; it is
    linked to the folder and synced once. ``open_journal`` opens the new journal
    (the caller's way, with its checks). Nothing is created when the secret fits no
    header in the folder.
    """
    folder = folder.expanduser().absolute()
    if not folder.is_dir():
        raise SyncFolderError(_("The sync folder {folder} does not exist.").format(folder=folder))
    if any(p.exists() for p in paths.journal_files):
        raise SyncFolderError(
            _("There is a journal in {home} already. Join with a new journal folder "
              "(--home), or link this journal with: ketajournal sync setup DIR").format(
                  home=paths.home)
        )
    copies = sorted(folder.glob(f"*/{HEADER_COPY_NAME}"))
    if not copies:
        raise SyncFolderError(
            _("{folder} holds no ketajournal sync folder (no computer has set it up yet).").format(
                folder=folder)
        )
    found = None
    for copy in copies:
        try:
            header = read_header(copy)
            key, _source = key_from_secret(header, secret)
        except (HeaderError, KnownError):
            continue
        if header.verifies(key):
            found = header, key
            break
    if found is None:
        raise SyncFolderError(
            _("The recovery key or passphrase does not open the journal in this sync folder.")
        )
    header, key = found
    ensure_private_dir(paths.home)
    with creation_lock(paths.home):
        if header.passphrase is None:
            keys.put(header.journal_id, key)  # raises before anything is written
        db = create_database(
            paths, key, before_publish=lambda: write_header(paths.header, header, key)
        )
    db.close()
    journal = open_journal(paths)
    try:
        setup(journal, folder)
        sync_now(journal, secret=secret)  # the secret opens a key changed by a removal
    except BaseException:
        journal.close()
        raise
    return journal
