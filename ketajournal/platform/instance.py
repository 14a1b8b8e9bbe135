"""Who may use a journal home at once: one window, one first run, one migration.

Three locks, all on files in the journal's home, all released by the operating
system when the process ends — even when it is killed — so a crash never locks
the patient out:

* :class:`InstanceLock` (``journal.lock``) is held by the window for as long as
  it is open. A second window on the same journal is refused with a message
  instead of showing entries that the first one is changing underneath it. The
  command line's ordinary commands take no instance lock: their writes wait for each
  other and for the window through SQLite's busy timeout, each in its own transaction.
* :func:`replacing_lock` is that same lock, held by a command that replaces or
  repairs the journal (``restore``): it refuses while a window has the journal
  open, naming the window's process, and a window is refused while it runs.
* :func:`creation_lock` (``journal.create.lock``) is held only while a first run
  creates the journal, so two first runs at once (a double-click, or the window
  and a command) never both create one: the second waits, then opens the
  journal the first made.

POSIX uses ``flock``; Windows locks the file's first byte with ``msvcrt``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.platform.paths import JournalPaths

#: How long a first run waits for another one to finish creating the journal.
CREATION_WAIT_S = 30.0
#: How long an opening waits for another one to finish backing up and migrating.
MIGRATION_WAIT_S = 120.0
_POLL_S = 0.05


class AlreadyOpenError(KnownError):
    """Another ketajournal window has this journal open."""

    def __init__(self, home: Path) -> None:
        super().__init__(
            _("ketajournal is already open on the journal in {home}. Switch to that window: "
              "only one window can use a journal at a time, so that no entry is changed from "
              "two places at once. Nothing was changed.").format(home=home)
        )


class JournalInUseError(KnownError):
    """A restore or repair was asked for while a window has the journal open."""

    def __init__(self, home: Path, pid: int | None) -> None:
        which = f" (process {pid})" if pid is not None else ""
        super().__init__(
            _("The journal in {home} is open in a ketajournal window{which}. Close that "
              "window first: a restore or repair while it is open would move the journal it "
              "saves into out from under it, and what you save there afterwards would not be "
              "in the restored journal. Nothing was changed.").format(home=home, which=which)
        )
        self.pid = pid


class LockUnavailableError(KnownError):
    """The lock file cannot be created or locked (e.g. a read-only folder)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            _("ketajournal could not lock {path} ({reason}), so it cannot be sure no other "
              "ketajournal is using this journal. Check that the folder is writable. "
              "Nothing was changed.").format(path=path, reason=reason)
        )


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _open_lock_file(path: Path) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise LockUnavailableError(path, error.strerror or type(error).__name__) from None
    if os.name == "posix":
        os.fchmod(fd, 0o600)
    return fd


class InstanceLock:
    """The window's claim on a journal home; see the module docstring.

    Use :func:`acquire_instance_lock` (or ``with InstanceLock(home):``). A lock
    is per open file, so a second window in the same process is refused too.
    """

    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = JournalPaths(home).instance_lock
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def acquire(self) -> InstanceLock:
        """Take the lock now or raise :class:`AlreadyOpenError`; never waits."""
        if self._fd is not None:
            return self
        while True:
            fd = _open_lock_file(self.path)
            if not _try_lock(fd):
                os.close(fd)
                raise AlreadyOpenError(self.home)
            if os.name != "posix" or _same_file(fd, self.path):
                break
            _unlock(fd)  # locked a file the previous holder had just removed: try again
            os.close(fd)
        # Which process holds it, for someone looking at the folder; no journal data.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._fd = fd
        return self

    def release(self) -> None:
        """Give the lock up and remove its file (a killed window leaves an unlocked one)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if os.name == "posix":  # removed while still locked: see acquire()
                self.path.unlink(missing_ok=True)
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire_instance_lock(home: Path) -> InstanceLock:
    """Create ``home`` if needed (0700) and take the window's lock on it."""
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    return InstanceLock(home).acquire()


def lock_holder(home: Path) -> int | None:
    """The process id the window wrote into its lock file, if it can be read."""
    try:
        text = JournalPaths(home).instance_lock.read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return None
    return int(text) if text.isdigit() else None


@contextlib.contextmanager
def replacing_lock(home: Path) -> Iterator[None]:
    """Held by a command that replaces or repairs the journal: the window's own lock.

    So the two never overlap: the command refuses while a window has the journal
    open (:class:`JournalInUseError`, naming its process), and a window started
    meanwhile is refused until the command is done. Nothing to hold when the home
    does not exist yet (no window can have it open).
    """
    if not home.is_dir():
        yield
        return
    lock = InstanceLock(home)
    try:
        lock.acquire()
    except AlreadyOpenError:
        raise JournalInUseError(home, lock_holder(home)) from None
    try:
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def creation_lock(home: Path, wait_s: float = CREATION_WAIT_S) -> Iterator[None]:
    """Hold ``<home>/journal.create.lock`` while a journal is created; waits for another holder.

    Raises :class:`KnownError` after ``wait_s`` seconds.
    """
    busy = (
        f"Another ketajournal has been creating a journal in {home} for more than "
        f"{wait_s:.0f} seconds. Close it and try again. Nothing was changed."
    )
    with _exclusive(JournalPaths(home).creation_lock, wait_s, busy):
        yield


@contextlib.contextmanager
def migration_lock(home: Path, wait_s: float = MIGRATION_WAIT_S) -> Iterator[None]:
    """Hold ``<home>/journal.migrate.lock`` while a journal is backed up and migrated."""
    busy = (
        f"Another ketajournal has been updating the journal in {home} for more than "
        f"{wait_s:.0f} seconds. Close it and try again. Nothing was changed."
    )
    with _exclusive(JournalPaths(home).migration_lock, wait_s, busy):
        yield


@contextlib.contextmanager
def _exclusive(path: Path, wait_s: float, busy: str) -> Iterator[None]:
    """Hold an exclusive lock on ``path``, waiting up to ``wait_s`` seconds for it.

    On POSIX the lock file is removed when the block ends (while still locked;
    a waiter that then locks the removed file notices and tries again), so
    nothing is left behind.
    """
    deadline = time.monotonic() + wait_s
    while True:
        fd = _open_lock_file(path)
        if _try_lock(fd):
            if os.name != "posix" or _same_file(fd, path):
                break
            _unlock(fd)  # locked a file the previous holder had already removed
            os.close(fd)
            continue
        os.close(fd)
        if time.monotonic() > deadline:
            raise KnownError(busy)
        time.sleep(_POLL_S)
    try:
        yield
    finally:
        if os.name == "posix":
            path.unlink(missing_ok=True)
        _unlock(fd)
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)
