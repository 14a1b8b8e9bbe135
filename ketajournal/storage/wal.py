"""Read a journal's write-ahead log the way SQLite will, and find committed frames it would drop.

SQLite replays ``journal.db-wal`` frame by frame and stops at the first frame
whose salts or cumulative checksum do not match (sqlite/src/wal.c): everything
after it is silently discarded, and when the last connection closes the log is
deleted — committed entries gone for good. This module parses the log itself,
before SQLite touches it, and tells such a log apart from the ordinary end of a
crash (a transaction that never committed):

* a frame breaks the chain, and a *commit* frame of the same log generation
  (same salts) follows it — a transaction that was complete on disk is lost;
* the broken frame is itself a commit frame and frames of the same generation
  follow it — the writer got past it, so it was complete when written;
* the shared-memory index (``-shm``, left on disk by a crash) records, under a
  valid checksum, that more frames were committed than the log now replays — the
  log was cut short or its header damaged after those commits were acknowledged;
* the log's own header is damaged while it holds commit frames.

SQLCipher encrypts the page data but writes the WAL header, the frame headers and
their checksums in the clear over the bytes it writes, so all of this works
without the key (tests/integration/storage/test_wal.py checks it on real logs).
"""

from __future__ import annotations

import struct
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

WAL_HEADER_BYTES = 32
FRAME_HEADER_BYTES = 24
MAGIC_LITTLE = 0x377F0682
MAGIC_BIG = 0x377F0683
WAL_FORMAT = 3007000
#: The wal-index header in ``-shm``: two copies of 48 bytes, in the machine's byte order,
#: then the checkpoint information, which starts with nBackfill (frames already copied
#: into the database file).
SHM_HEADER_BYTES = 48
SHM_BACKFILL_OFFSET = 96


@dataclass(frozen=True)
class WalReport:
    """What SQLite would make of a write-ahead log.

    ``frames`` is how many whole frames the file holds, ``replayed`` how many
    SQLite will apply (up to the last valid commit frame), ``lost_commits`` how
    many committed transactions it would discard, ``reason`` why (empty when none).
    """

    frames: int
    replayed: int
    lost_commits: int
    reason: str = ""

    @property
    def damaged(self) -> bool:
        """True when SQLite would drop a committed transaction from this log."""
        return self.lost_commits > 0


def _checksum(data: bytes, s1: int, s2: int, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum (walChecksumBytes) over ``data``, continuing from (s1, s2)."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2


@dataclass(frozen=True)
class _Frame:
    page: int
    commit: int
    salts: tuple[int, int]
    checksum: tuple[int, int]
    body: bytes  # the first 8 header bytes and the page, as checksummed


def _frames(data: bytes, page_size: int) -> list[_Frame]:
    size = FRAME_HEADER_BYTES + page_size
    out = []
    for offset in range(WAL_HEADER_BYTES, len(data) - size + 1, size):
        page, commit, salt1, salt2, ck1, ck2 = struct.unpack_from(">6I", data, offset)
        body = data[offset : offset + 8] + data[offset + FRAME_HEADER_BYTES : offset + size]
        out.append(_Frame(page, commit, (salt1, salt2), (ck1, ck2), body))
    return out


def _valid_page_size(size: int) -> bool:
    return 512 <= size <= 65536 and size & (size - 1) == 0


def inspect_wal(wal: Path, shm: Path | None = None) -> WalReport:
    """Parse ``wal`` (and the wal-index in ``shm``, if given and valid) as SQLite would.

    A missing or empty log is no damage. Reading needs no key.
    """
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return WalReport(0, 0, 0)
    shm_frames, shm_salts, backfilled = _shm_committed(shm)
    if not data:
        return _against_shm(WalReport(0, 0, 0), shm_frames, shm_salts, None, backfilled)
    if len(data) < WAL_HEADER_BYTES:
        # SQLite writes its 32-byte header in one write: a shorter log was cut.
        return _against_shm(WalReport(0, 0, 0), shm_frames, shm_salts, None, backfilled)
    magic, version, page_size, _seq, salt1, salt2, ck1, ck2 = struct.unpack_from(">8I", data)
    big = magic == MAGIC_BIG
    header_ok = (
        magic in (MAGIC_LITTLE, MAGIC_BIG)
        and version == WAL_FORMAT
        and _valid_page_size(page_size)
        and _checksum(data[:24], 0, 0, big) == (ck1, ck2)
    )
    if not header_ok:
        if shm_salts is not None and 0 < shm_frames <= backfilled:
            return WalReport(0, 0, 0)  # all the index vouches for is in the journal file
        return _damaged_header(data, shm_frames, shm_salts)
    salts = (salt1, salt2)
    frames = _frames(data, page_size)
    s1, s2 = ck1, ck2
    replayed = 0
    broken_at: int | None = None
    for index, frame in enumerate(frames):
        s1, s2 = _checksum(frame.body, s1, s2, big)
        if frame.page == 0 or frame.salts != salts or (s1, s2) != frame.checksum:
            broken_at = index
            break
        if frame.commit:
            replayed = index + 1
    report = WalReport(len(frames), replayed, 0)
    # Frames the index says were already copied into the journal file are safe there.
    safe = backfilled if shm_salts == salts else 0
    if broken_at is not None:
        # Frames the index records as committed: when it is there and of this log, a
        # commit frame beyond them was never acknowledged (the index is flushed before a
        # save is acknowledged), e.g. a transaction whose page was rewritten in place and
        # whose checksums were being rewritten when the writer was killed.
        vouched = shm_frames if shm_salts == salts else None
        report = _after_break(frames, broken_at, salts, report, safe, big, vouched)
    return _against_shm(report, shm_frames, shm_salts, salts, backfilled)


def _after_break(
    frames: list[_Frame], broken_at: int, salts: tuple[int, int], report: WalReport,
    safe: int = 0, big: bool = False, vouched: int | None = None,
) -> WalReport:
    """Committed transactions written after the broken frame (and beyond the first
    ``safe`` frames, which are already in the journal file).

    A frame damaged in place keeps the checksum it was written with, so the frames
    written after it go on chaining from that stored checksum: those are followed,
    and each commit among them is a transaction that was complete on disk. Frames
    left over from a transaction that never committed (a crash, then a new writer
    overwriting the start of it) do not chain on from the new frames: never counted.
    With ``vouched`` (the frames a valid wal-index of this log records as committed),
    only commit frames within them count: SQLite rewrites a page of the open
    transaction in place and its checksums only at COMMIT, so a writer killed in
    between leaves a broken frame followed by a chained commit frame that was never
    acknowledged.
    """
    broken = frames[broken_at]
    s1, s2 = broken.checksum
    lost = continued = 0
    for index in range(broken_at + 1, len(frames)):
        frame = frames[index]
        if frame.salts != salts or frame.page == 0:
            break
        s1, s2 = _checksum(frame.body, s1, s2, big)
        if (s1, s2) != frame.checksum:
            break
        continued += 1
        if frame.commit and index + 1 > safe and (vouched is None or index + 1 <= vouched):
            lost += 1
    if (broken.commit and broken.salts == salts and continued and broken_at + 1 > safe
            and (vouched is None or broken_at + 1 <= vouched)):
        lost += 1  # the writer went on past it, so that commit was complete on disk
    if not lost:
        return report
    return WalReport(
        report.frames, report.replayed, lost,
        f"frame {broken_at + 1} of the write-ahead log fails its checksum, and "
        f"{lost} committed transaction(s) after it would be discarded",
    )


def _damaged_header(
    data: bytes, shm_frames: int, shm_salts: tuple[int, int] | None
) -> WalReport:
    """A log whose header SQLite rejects: every commit frame in it would be dropped."""
    page_size = struct.unpack_from(">I", data, 8)[0]
    sizes = [page_size] if _valid_page_size(page_size) else []
    sizes += [s for s in (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512) if s not in sizes]
    for size in sizes:
        frames = _frames(data, size)
        generations = Counter(f.salts for f in frames if f.page != 0)
        if not generations:
            continue
        salts = generations.most_common(1)[0][0]
        commits = sum(1 for f in frames if f.salts == salts and f.commit)
        if commits:
            return WalReport(
                len(frames), 0, commits,
                f"the write-ahead log's header is damaged, so its {commits} committed "
                "transaction(s) would be discarded",
            )
    if shm_frames:
        return WalReport(0, 0, 1, "the write-ahead log's header is damaged")
    return WalReport(0, 0, 0)


def _shm_committed(shm: Path | None) -> tuple[int, tuple[int, int] | None, int]:
    """(mxFrame, salts, nBackfill) from a valid wal-index in ``shm``; (0, None, 0) otherwise."""
    if shm is None:
        return 0, None, 0
    try:
        with shm.open("rb") as f:
            data = f.read(SHM_BACKFILL_OFFSET + 4)
    except OSError:
        return 0, None, 0
    if len(data) < SHM_BACKFILL_OFFSET + 4:
        return 0, None, 0
    # SQLite writes the second copy of the header first, then the first one: copies that
    # differ mean a writer was stopped in between, and the first copy is then the header
    # of the last update that completed (the one a save was acknowledged under). Its own
    # checksum below says whether it can be trusted.
    order = "<" if sys.byteorder == "little" else ">"
    version, _unused, _change, is_init = struct.unpack_from(f"{order}3IB", data)
    mx_frame, _pages, _f1, _f2 = struct.unpack_from(f"{order}4I", data, 16)
    salts = struct.unpack_from(">2I", data, 32)  # copied byte for byte from the log's header
    ck1, ck2 = struct.unpack_from(f"{order}2I", data, 40)
    if version != WAL_FORMAT or not is_init:
        return 0, None, 0
    if _checksum(data[:40], 0, 0, sys.byteorder == "big") != (ck1, ck2):
        return 0, None, 0
    (backfilled,) = struct.unpack_from(f"{order}I", data, SHM_BACKFILL_OFFSET)
    return mx_frame, (salts[0], salts[1]), backfilled


def _against_shm(
    report: WalReport, shm_frames: int, shm_salts: tuple[int, int] | None,
    wal_salts: tuple[int, int] | None, backfilled: int = 0,
) -> WalReport:
    """Add the commits the wal-index vouches for that the log no longer replays.

    Nothing is claimed when every frame the index vouches for was already copied into
    the journal file (nBackfill): then the log holds nothing the file lacks.
    """
    if report.damaged or not shm_frames or shm_salts is None or backfilled >= shm_frames:
        return report
    if wal_salts == shm_salts and report.replayed >= shm_frames:
        return report
    return WalReport(
        report.frames, report.replayed, 1,
        f"the write-ahead log replays {report.replayed} frame(s), but {shm_frames} were "
        "committed: it was cut short or overwritten",
    )
