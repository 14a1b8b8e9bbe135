"""What one read of the sync folder gives, and when a device may retire its old files.

:mod:`ketajournal.storage.sync_folder` reads the files and returns these records:
the changes of each verified file (:class:`Batch`), one device's read
(:class:`DeviceRead`) and the whole folder's (:class:`FolderRead`), snapshots,
acknowledgements, and the names it left alone (:class:`Ignored`, :func:`is_partial_name`).
:func:`plan_retirement` is the rule compaction follows. Pure data: no I/O here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ketajournal.domain.merge import Change
from ketajournal.storage.sealed_files import Cursor


@dataclass(frozen=True)
class Ignored:
    """Names found and left alone, by reason (a report, never an error)."""

    conflict_copies: int = 0
    duplicates: int = 0
    partial: int = 0
    unknown: int = 0

    def __add__(self, other: Ignored) -> Ignored:
        return Ignored(
            self.conflict_copies + other.conflict_copies,
            self.duplicates + other.duplicates,
            self.partial + other.partial,
            self.unknown + other.unknown,
        )

    @property
    def total(self) -> int:
        """How many names were ignored in all."""
        return self.conflict_copies + self.duplicates + self.partial + self.unknown


@dataclass(frozen=True)
class Batch:
    """The changes of one verified change file.

    ``bases`` pairs a record's global id with the stamp of the version a deletion in
    this file replaced (a deletion carries no fields to say it itself).
    """

    device: str
    seq: int
    changes: tuple[Change, ...]
    bases: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DeviceRead:
    """What reading one device's folder gave.

    ``cursor`` is where the next read continues. ``gap_at`` is the first
    missing sequence number when later files exist; ``waiting`` counts the
    files present but not taken in (after a gap or a rejection), and
    ``rejected`` holds the messages of files that failed their checks.
    ``forked`` is True when the device's log forked (see the module's docstring):
    the reader followed the chain the folder holds and ignored what does not follow.
    """

    device: str
    batches: tuple[Batch, ...]
    cursor: Cursor
    rejected: tuple[str, ...] = ()
    gap_at: int | None = None
    waiting: int = 0
    ignored: Ignored = Ignored()
    forked: bool = False
    set_aside: int = 0


@dataclass(frozen=True)
class Snapshot:
    """A verified snapshot: the writer's whole merged state and the cursors it covers."""

    device: str
    seq: int
    cursors: dict[str, Cursor]
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Acks:
    """A device's acknowledgements: how far it has read every other device."""

    device: str
    read: dict[str, Cursor]
    written_ms: int
    #: The key epoch the file was sealed in (only a holder of that key wrote it).
    epoch: int = 1


@dataclass(frozen=True)
class FolderRead:
    """What one pass over the whole folder gave (see :meth:`SyncFolder.read`)."""

    batches: tuple[Batch, ...]
    cursors: dict[str, Cursor]
    snapshots: tuple[Snapshot, ...] = ()
    rejected: tuple[str, ...] = ()
    gaps: dict[str, int] = field(default_factory=dict)
    ignored: Ignored = Ignored()
    #: Devices whose log forked (two computers wrote under one id); never a refusal.
    forked: tuple[str, ...] = ()
    #: Per device, files verified but not taken in: written after the device was
    #: removed, or sealed with a retired key after that key's removal (docs/sync.md).
    set_aside: dict[str, int] = field(default_factory=dict)

    @property
    def bases(self) -> list[tuple[str, str]]:
        """Every (global id, replaced stamp) pair the change files name for deletions."""
        return [pair for b in self.batches for pair in b.bases]

    @property
    def changes(self) -> list[Change]:
        """Every change read, from snapshots and change files (duplicates possible)."""
        out = [c for s in self.snapshots for c in s.changes]
        out.extend(c for b in self.batches for c in b.changes)
        return out


@dataclass(frozen=True)
class RetirementPlan:
    """What a device may retire: its change files up to ``through`` (0: none).

    ``unseen`` lists known devices that never acknowledged anything (they
    block retiring and must be shown); ``behind`` those whose acknowledgement
    is older than the snapshot.
    """

    through: int
    unseen: tuple[str, ...] = ()
    behind: tuple[str, ...] = ()


def plan_retirement(
    own: str,
    snapshot_seq: int,
    known_devices: Iterable[str],
    acknowledged: Mapping[str, Mapping[str, int]],
) -> RetirementPlan:
    """Which of ``own``'s change files may be deleted: a pure policy.

    A file may go only when a snapshot of ``own`` covers it (``snapshot_seq``)
    and every known device other than ``own`` has acknowledged reading it
    (``acknowledged[device][own]``). One device that never acknowledged
    anything blocks all retiring: it may still need every file.
    """
    others = sorted(set(known_devices) - {own})
    unseen = tuple(d for d in others if d not in acknowledged)
    behind = tuple(
        d for d in others if d in acknowledged and acknowledged[d].get(own, 0) < snapshot_seq
    )
    if unseen:
        return RetirementPlan(0, unseen, behind)
    through = min([snapshot_seq, *(acknowledged[d].get(own, 0) for d in others)])
    return RetirementPlan(max(through, 0), (), behind)


def is_partial_name(name: str) -> bool:
    """True for names sync engines and editors use for files still being written."""
    return (
        name.startswith(("~", ".~", ".#"))
        or (name.startswith(".syncthing.") and name.endswith(".tmp"))
        or name.endswith((".part", ".partial", ".tmp", ".crdownload", ".download"))
    )
