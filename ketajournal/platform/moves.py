"""Moving journal files in and out of place by rename: never a delete, never an overwrite.

A restore stages its copies in a private folder inside the home
(:func:`staging_dir`), moves the files it replaces into a new set-aside folder
(:func:`new_set_aside_dir`, :func:`move_aside`) and renames the staged files
into place (:func:`place`). Every step renames within one disk, so it is atomic,
refuses to replace an existing file, and can be undone: a failure moves back
what was already moved (:func:`move_back`) and leaves the files as they were.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from ketajournal.platform.files import fsync_dir
from ketajournal.platform.paths import JournalPaths, SetAside, ensure_private_dir

#: A rename that was done: (where the file was, where it is now).
Moved = tuple[Path, Path]
COPY_CHUNK = 1024 * 1024


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in words for a message (no path, no content)."""
    return error.strerror or type(error).__name__


@contextlib.contextmanager
def private_file(path: Path) -> Iterator[BinaryIO]:
    """A new file (never an existing one), owner-only from the start, fsynced at the end."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
    path.chmod(0o600)


def copy_to_private_file(source: Path, target: Path) -> None:
    """Copy ``source`` into the new file ``target`` (see :func:`private_file`)."""
    with source.open("rb") as data, private_file(target) as out:
        shutil.copyfileobj(data, out, COPY_CHUNK)


@contextlib.contextmanager
def staging_dir(paths: JournalPaths) -> Iterator[Path]:
    """A new private folder inside the home (same disk: renames from it are atomic).

    It is removed with everything still in it when the block ends.
    """
    folder = paths.new_staging_dir()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def new_set_aside_dir(paths: JournalPaths, reason: SetAside, now: datetime) -> Path:
    """Create ``<home>/backups/<reason>-<stamp>`` (0700); never an existing folder.

    A second one in the same second gets ``-2``, ``-3``, … after its stamp.
    """
    ensure_private_dir(paths.backups)
    number = 1
    while True:
        target = paths.set_aside(reason, now, number)
        try:
            target.mkdir(mode=0o700)
        except FileExistsError:
            number += 1
            continue
        target.chmod(0o700)
        return target


def move_aside(files: Sequence[Path], folder: Path) -> list[Moved]:
    """Move ``files`` into ``folder`` by rename; returns the renames, to undo them.

    A file whose name is already taken in ``folder`` is never overwritten: the
    move stops with :class:`FileExistsError`. On any failure the files already
    moved go back (:func:`move_back`) before the error is raised.
    """
    moved: list[Moved] = []
    try:
        for path in files:
            target = folder / path.name
            if target.exists():
                raise FileExistsError(target)
            os.replace(path, target)
            moved.append((path, target))
    except BaseException:
        move_back(moved)
        raise
    fsync_dir(folder)
    for directory in _parents(p for p, _ in moved):
        fsync_dir(directory)
    return moved


def move_back(moved: Sequence[Moved]) -> None:
    """Undo :func:`move_aside`, newest first; a file that is back in its place already
    (or another file took its name) stays where it is."""
    for original, target in reversed(moved):
        if not original.exists():
            os.replace(target, original)
    for directory in _parents(p for p, _ in moved):
        fsync_dir(directory)


def place(renames: Sequence[Moved]) -> list[Moved]:
    """Rename each staged file to its target, in the given order; returns the renames.

    The last rename is the one that counts: callers order them so that a crash
    before it leaves nothing that could be taken for a complete result. A target
    that exists is never replaced (:class:`FileExistsError`: move it aside
    first). Placed files are made owner-only. On failure the files already
    placed are renamed back to where they were staged.
    """
    placed: list[Moved] = []
    try:
        for staged, target in renames:
            if target.exists():
                raise FileExistsError(target)
            staged.chmod(0o600)
            os.replace(staged, target)
            placed.append((staged, target))
        for directory in _parents(t for _, t in placed):
            fsync_dir(directory)
    except BaseException:
        for staged, target in reversed(placed):
            os.replace(target, staged)
        raise
    return placed


def _parents(paths: Iterable[Path]) -> list[Path]:
    """The distinct folders of ``paths``, in first-seen order."""
    return list(dict.fromkeys(path.parent for path in paths))
