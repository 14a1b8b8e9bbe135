"""A FUSE file system that forgets what was not fsynced, as a power cut would.

It passes every operation through to a backing folder, and remembers for each file
the writes (and truncations) made since that file was last fsynced: where, the bytes
they replaced and the size before. Writing ``cut`` to the control file
``/.lossyfs`` undoes them: for each file a random number of its oldest unsynced
writes stays (disks write back in any order, but a file's writes commonly reach the
platter in order), the rest are reverted newest first. Writing ``sync`` forgets the
log, as a ``sync(1)`` would (the harness does so after setting a journal up with
plain copies, which are not the app's to fsync). Reading the control file gives the
counts so far as JSON.

Only file data is at risk. Creating, renaming and deleting files is passed through
at once, as if every directory were fsynced: the journal's own files exist before
the app writes to them, so what this tests is SQLite's and the app's use of fsync on
data, which is where a missing ``synchronous=FULL`` or a missing fsync would lose a
committed entry.

Run: ``python -m tests.harness.lossyfs BACKING MOUNTPOINT [--seed N]`` (foreground;
unmount with ``fusermount -u MOUNTPOINT``). Needs libfuse and ``pip install mfusepy``;
:mod:`tests.harness.powerloss` starts and stops it.
"""

from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import random
import threading
from pathlib import Path
from typing import Any

import mfusepy as fuse  # type: ignore[import-not-found, unused-ignore]

from tests.harness.powerloss import CONTROL


class LossyFS(fuse.Operations):  # type: ignore[misc]
    """Passthrough to ``root`` that can drop every write not yet fsynced."""

    def __init__(self, root: Path, seed: int) -> None:
        self.root = str(root)
        self.rng = random.Random(seed)
        self._mutex = threading.RLock()
        #: backing path -> [(offset, bytes replaced, size before)], oldest first
        self.unsynced: dict[str, list[tuple[int, bytes, int]]] = {}
        self.counts = {"cuts": 0, "writes_dropped": 0, "writes_kept": 0, "fsyncs": 0,
                       "files_hit": 0}
        self._reply = b""

    def _full(self, path: str) -> str:
        return os.path.join(self.root, path.lstrip("/"))

    # -- the control file ---------------------------------------------------------------
    def _control(self, command: str) -> None:
        with self._mutex:
            if command == "sync":
                self.unsynced.clear()
            elif command == "cut":
                self._cut()
            self._reply = json.dumps(self.counts).encode()

    def _cut(self) -> None:
        self.counts["cuts"] += 1
        for full, log in self.unsynced.items():
            if not os.path.exists(full):
                continue
            keep = self.rng.randint(0, len(log))
            dropped = log[keep:]
            if dropped:
                self.counts["files_hit"] += 1
            self.counts["writes_kept"] += keep
            self.counts["writes_dropped"] += len(dropped)
            with open(full, "r+b") as handle:
                for offset, old, size in reversed(dropped):
                    handle.seek(offset)
                    handle.write(old)
                    handle.truncate(size)
                handle.flush()
                os.fsync(handle.fileno())
        self.unsynced.clear()

    # -- metadata -----------------------------------------------------------------------
    def getattr(self, path: str, fh: int | None = None) -> dict[str, Any]:
        if path == CONTROL:
            return {"st_mode": 0o100600, "st_nlink": 1, "st_size": len(self._reply) or 4096,
                    "st_uid": os.getuid(), "st_gid": os.getgid()}
        st = os.lstat(self._full(path))
        return {key: getattr(st, key) for key in (
            "st_atime", "st_ctime", "st_gid", "st_mode", "st_mtime", "st_nlink", "st_size",
            "st_uid")}

    def access(self, path: str, amode: int) -> int:
        if path != CONTROL and not os.access(self._full(path), amode):
            raise fuse.FuseOSError(errno.EACCES)
        return 0

    def readdir(self, path: str, fh: int) -> list[str]:
        return [".", "..", *os.listdir(self._full(path))]

    def chmod(self, path: str, mode: int) -> int:
        os.chmod(self._full(path), mode)
        return 0

    def chown(self, path: str, uid: int, gid: int) -> int:
        os.chown(self._full(path), uid, gid)
        return 0

    def utimens(self, path: str, times: tuple[float, float] | None = None) -> int:
        os.utime(self._full(path), times)
        return 0

    def mkdir(self, path: str, mode: int) -> int:
        os.mkdir(self._full(path), mode)
        return 0

    def rmdir(self, path: str) -> int:
        os.rmdir(self._full(path))
        return 0

    def unlink(self, path: str) -> int:
        with self._mutex:
            self.unsynced.pop(self._full(path), None)
            os.unlink(self._full(path))
        return 0

    def rename(self, old: str, new: str) -> int:
        with self._mutex:
            log = self.unsynced.pop(self._full(old), None)
            os.replace(self._full(old), self._full(new))
            self.unsynced.pop(self._full(new), None)
            if log:
                self.unsynced[self._full(new)] = log
        return 0

    def statfs(self, path: str) -> dict[str, int]:
        st = os.statvfs(self._full(path))
        return {key: getattr(st, key) for key in (
            "f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files",
            "f_flag", "f_frsize", "f_namemax")}

    # -- data ---------------------------------------------------------------------------
    def open(self, path: str, flags: int) -> int:
        if path == CONTROL:
            return 0
        # Read-write even when the caller only writes: a write first reads the bytes it
        # replaces (for the undo log). The kernel handles O_APPEND's offsets.
        if flags & os.O_ACCMODE == os.O_WRONLY:
            flags = (flags & ~os.O_ACCMODE) | os.O_RDWR
        return os.open(self._full(path), flags & ~os.O_APPEND)

    def create(self, path: str, mode: int, fi: Any = None) -> int:
        return os.open(self._full(path), os.O_RDWR | os.O_CREAT, mode)

    def read(self, path: str, size: int, offset: int, fh: int) -> bytes:
        if path == CONTROL:
            return self._reply[offset:offset + size]
        with self._mutex:
            return os.pread(fh, size, offset)

    def write(self, path: str, data: bytes, offset: int, fh: int) -> int:
        if path == CONTROL:
            self._control(bytes(data).decode().strip())
            return len(data)
        with self._mutex:
            size = os.fstat(fh).st_size
            old = os.pread(fh, len(data), offset) if offset < size else b""
            self.unsynced.setdefault(self._full(path), []).append((offset, old, size))
            return os.pwrite(fh, data, offset)

    def truncate(self, path: str, length: int, fh: int | None = None) -> int:
        if path == CONTROL:
            return 0
        full = self._full(path)
        with self._mutex:
            size = os.path.getsize(full)
            with open(full, "rb") as handle:
                handle.seek(min(length, size))
                old = handle.read() if length < size else b""
            self.unsynced.setdefault(full, []).append((min(length, size), old, size))
            os.truncate(full, length)
        return 0

    def fsync(self, path: str, datasync: int, fh: int) -> int:
        if path == CONTROL:
            return 0
        with self._mutex:
            self.counts["fsyncs"] += 1
            self.unsynced.pop(self._full(path), None)
            os.fsync(fh)
        return 0

    def flush(self, path: str, fh: int) -> int:
        return 0

    def release(self, path: str, fh: int) -> int:
        if path != CONTROL:
            os.close(fh)
        return 0

    def fsyncdir(self, path: str, datasync: int, fh: int) -> int:
        return 0


def main() -> None:
    """Mount in the foreground until unmounted."""
    parser = argparse.ArgumentParser(prog="python -m tests.harness.lossyfs")
    parser.add_argument("backing", type=Path)
    parser.add_argument("mountpoint", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    # Errors the file system returns other than "no such file" go to stderr (the log).
    handler = logging.StreamHandler()
    handler.addFilter(lambda record: "returning errno 2 " not in record.getMessage())
    logging.getLogger("mfusepy").addHandler(handler)
    logging.getLogger("mfusepy").setLevel(logging.DEBUG)
    fuse.FUSE(LossyFS(args.backing.resolve(), args.seed), str(args.mountpoint),
              foreground=True, nothreads=False, default_permissions=False)


if __name__ == "__main__":
    main()
