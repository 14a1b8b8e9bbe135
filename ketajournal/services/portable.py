"""The portable backup file: one zip that opens on a new computer with the recovery key.

:func:`write_portable_backup` (``ketajournal backup -o FILE``, File → Back up to
a file) writes one zip file, stored and not compressed, holding a verified
SQLCipher copy of the journal (with the journal's own key), a copy of its header
(the wrapped keys, so the recovery key or passphrase opens it) and a small
manifest (format, version, date, journal id; no counts, no content). It is
written atomically and read back and verified again before it is renamed into
place. :func:`read_portable_header` reads one's header without extracting
anything, so its key can be found first; :func:`extract_portable_backup` then
copies it out, checking that it holds exactly these members, stored (so nothing
expands beyond the file's size), the format, the version, every member's
checksum, and — before a byte of the journal file is written — that its first
page is authentic under the key; :mod:`ketajournal.services.restore` puts what it
extracted in place.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ketajournal import __version__
from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.platform.files import atomic_path
from ketajournal.platform.moves import COPY_CHUNK, os_reason, private_file, staging_dir
from ketajournal.platform.paths import DB_NAME, HEADER_NAME, JournalPaths, ensure_private_dir
from ketajournal.services.backups import authentic_header
from ketajournal.services.journal import Journal
from ketajournal.storage.backup import verify_backup
from ketajournal.storage.connection import PAGE_BYTES, key_fits_first_page
from ketajournal.storage.header import JournalHeader

#: The portable backup file: a zip holding these three members. The journal's
#: members carry the names its files have in a home.
FORMAT = "ketajournal-backup"
VERSION = 1
MANIFEST_MEMBER = "ketajournal-backup.json"
DB_MEMBER = DB_NAME
HEADER_MEMBER = HEADER_NAME
_MAX_SMALL_MEMBER = 64 * 1024  # the manifest and the header are a few hundred bytes


class BackupFileError(KnownError):
    """The file is not a ketajournal backup, or it is damaged."""


@dataclass(frozen=True)
class PortableBackup:
    """What :func:`write_portable_backup` wrote (entry counts, no content)."""

    path: Path
    journal_id: str
    counts: dict[str, int]
    created: datetime

    @property
    def total(self) -> int:
        """Entries in the backup."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class StagedBackup:
    """A backup copied into a staging folder: its journal file, its header, when it was made."""

    db: Path
    header: Path
    made: datetime


def write_portable_backup(journal: Journal, target: Path) -> PortableBackup:
    """Write the open journal to ``target`` as one portable, encrypted backup file.

    The file is a zip (stored, not compressed: the content is encrypted and
    would not shrink) of a verified SQLCipher copy under the journal's own key,
    a copy of ``journal.header`` and a small manifest (format, version, date,
    journal id; no counts, no content). It is written beside ``target`` and
    renamed over it only after it was read back and its copy verified again.
    """
    paths, key = journal.paths, journal.data_key
    paths.check_output(target)  # never over the journal's own files or into its home
    header = authentic_header(journal)  # a damaged header is never copied into a backup
    try:
        return _write_portable_backup(journal, paths, key, header, target)
    except OSError as error:
        raise BackupFileError(
            _("The backup file {target} could not be written ({error}). "
              "Nothing was changed.").format(target=target, error=os_reason(error))
        ) from None


def _write_portable_backup(
    journal: Journal, paths: JournalPaths, key: bytes, header: JournalHeader, target: Path
) -> PortableBackup:
    header_bytes = paths.header.read_bytes()
    created = journal.now().astimezone().replace(microsecond=0)
    counts = journal.entry_counts()
    with staging_dir(paths) as staging:
        staged = JournalPaths(staging).database
        expected = journal.backup_to(staged)  # verified: opens, integrity, row counts
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": created.isoformat(),
            "journal_id": header.journal_id,
            "app_version": __version__,
        }
        with atomic_path(target) as tmp:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as archive:
                archive.writestr(
                    _member(MANIFEST_MEMBER, created), json.dumps(manifest, indent=2) + "\n"
                )
                archive.writestr(_member(HEADER_MEMBER, created), header_bytes)
                archive.write(staged, DB_MEMBER)  # streamed; the copy is 0600
            # Read back what was written: CRCs, the header, and the copy itself.
            check = ensure_private_dir(staging / "check")
            written = extract_portable_backup(tmp, check, str(target.name), key)
            if written.header.read_bytes() != header_bytes:
                raise BackupFileError(_("The backup file {target} did not read "
                                        "back correctly.").format(
                    target=target))
            verify_backup(written.db, key, expected)
    return PortableBackup(target, header.journal_id, counts, created)


def _member(name: str, when: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = (0o100600 & 0xFFFF) << 16  # a regular file, owner-only when unzipped
    return info


class BackupKeyDoesNotFitError(BackupFileError):
    """The backup's journal file does not open with the key found for it.

    Found on its first page, read in memory, before any of it is extracted.
    """

    def __init__(self, display: str) -> None:
        super().__init__(_("The journal file in {display} does not open with its key.").format(
            display=display))


def read_portable_header(source: Path, display: str) -> tuple[bytes, datetime]:
    """The header of the portable backup ``source`` and when it was made; extracts nothing.

    The members and the manifest are checked first (see :func:`extract_portable_backup`),
    so the key can be found and tried before the journal file is copied anywhere.
    """
    with _archive(source, display) as archive:
        made = _manifest(archive.read(_small(archive, MANIFEST_MEMBER)), display)
        return archive.read(_small(archive, HEADER_MEMBER)), made


def extract_portable_backup(
    source: Path, staging: Path, display: str, key: bytes
) -> StagedBackup:
    """Copy the members of the portable backup ``source`` into ``staging`` (CRCs checked).

    ``display`` names the file in messages. Raises :class:`BackupFileError` for a
    file that is not one of ours, is damaged, or comes from a newer ketajournal, and
    :class:`BackupKeyDoesNotFitError` when its journal file's first page is not
    authentic under ``key``: checked in memory before anything of it is written.
    """
    header_bytes, made = read_portable_header(source, display)
    db, header = JournalPaths(staging).database, JournalPaths(staging).header
    with _archive(source, display) as archive:
        with archive.open(DB_MEMBER) as data:
            first = data.read(PAGE_BYTES)
        if not key_fits_first_page(first, key):
            raise BackupKeyDoesNotFitError(display)
        with private_file(header) as out:
            out.write(header_bytes)
        with archive.open(DB_MEMBER) as data, private_file(db) as out:
            shutil.copyfileobj(data, out, COPY_CHUNK)
    return StagedBackup(db, header, made)


@contextlib.contextmanager
def _archive(source: Path, display: str) -> Iterator[zipfile.ZipFile]:
    """``source`` opened as a zip whose members are a backup's (else BackupFileError)."""
    try:
        with zipfile.ZipFile(source) as archive:
            _check_members(archive, display)
            yield archive
    except (zipfile.BadZipFile, EOFError):
        raise BackupFileError(
            _("The backup file {display} is damaged (its contents do not match their "
              "checksums). Nothing was changed.").format(display=display)
        ) from None
    except NotImplementedError:  # a compression or encryption method we never write
        raise BackupFileError(_("{display} is not a ketajournal backup file.").format(
            display=display)) from None


def _check_members(archive: zipfile.ZipFile, display: str) -> None:
    """Refuse any member a backup does not have, twice-named or compressed ones.

    Every member we write is stored, so what is extracted is never larger than the
    file itself: a small crafted zip cannot fill the staging folder with gigabytes.
    """
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if sorted(names) != sorted((MANIFEST_MEMBER, DB_MEMBER, HEADER_MEMBER)) or any(
        info.compress_type != zipfile.ZIP_STORED or info.file_size != info.compress_size
        for info in infos
    ):
        raise BackupFileError(_("{display} is not a ketajournal backup file.").format(
            display=display))


def _small(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    info = archive.getinfo(name)
    if info.file_size > _MAX_SMALL_MEMBER:
        raise BackupFileError(_("{name} in the backup file is too large to be ours.").format(
            name=name))
    return info


def _manifest(data: bytes, display: str) -> datetime:
    """Check the manifest; returns when the backup was made."""
    try:
        manifest = json.loads(data.decode("utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError("format")
        version = manifest.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ValueError("version")
        created = datetime.fromisoformat(str(manifest.get("created")))
    except (ValueError, RecursionError):  # RecursionError: JSON nested beyond reason
        raise BackupFileError(_("{display} is not a ketajournal backup file.").format(
            display=display)) from None
    if version > VERSION:
        raise BackupFileError(
            _("{display} was written by a newer ketajournal. Update ketajournal "
              "to restore it.").format(
                display=display)
        )
    return created
