"""The other computers as this one sees them: who has been quiet for long, whose clock runs ahead.

:class:`SyncStatus` lists every computer in the sync folder (made by
:func:`ketajournal.services.sync.status`); :func:`quiet_lines` names those not
seen for :data:`QUIET_AFTER_DAYS` days or that never confirmed reading — shown,
never silently dropped, since they hold back compaction. :func:`too_far_ahead`
is the check a sync makes before taking anything in: the changes of a computer that
stamped any more than :data:`MAX_DRIFT_MS` ahead of this computer's clock are refused,
naming the computer; the other computers' are taken in (docs/sync.md). Messages
carry device ids and dates, never content.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ketajournal.domain.merge import Change
from ketajournal.language import gettext as _
from ketajournal.language import ngettext

#: A file stamped further ahead of this computer's clock than this is refused: a day
#: forgives any time-zone or daylight-saving slip (at most 14 h) and a clock some
#: hours fast, and catches a wrong date, whose edits would otherwise win every
#: merge until the other clocks pass it.
MAX_DRIFT_MS = 24 * 60 * 60 * 1000
#: A computer that has not written for this long is shown as not seen (never dropped).
QUIET_AFTER_DAYS = 30


@dataclass(frozen=True)
class DeviceStatus:
    """One computer in the sync folder: its id and when it last wrote there.

    ``acknowledged`` is False for a computer that never confirmed reading (no
    acknowledgement file): it keeps this computer's old files from being retired.
    ``former`` marks an earlier id of this computer (it took a new one after a fork).
    """

    device: str
    this_computer: bool
    last_wrote_ms: int | None
    files: int
    acknowledged: bool = True
    former: bool = False
    #: The computer's name as it published it with its public key (None: not yet).
    name: str | None = None
    #: When it was removed from sync (None: it was not).
    removed_ms: int | None = None

    def quiet(self, now_ms: int) -> bool:
        """True for another computer not seen for :data:`QUIET_AFTER_DAYS` days, or
        that never confirmed reading (a removed computer is not waited for)."""
        if self.this_computer or self.removed_ms is not None:
            return False
        if not self.acknowledged or self.last_wrote_ms is None:
            return True
        return now_ms - self.last_wrote_ms > QUIET_AFTER_DAYS * 86_400_000


@dataclass(frozen=True)
class SyncStatus:
    """Where this journal syncs and what every computer in the folder last did."""

    folder: Path
    device: str
    last_sync_ms: int | None
    devices: tuple[DeviceStatus, ...]

    @property
    def others(self) -> int:
        """How many other computers write in the folder (removed ones not counted)."""
        return sum(1 for d in self.devices if not d.this_computer and d.removed_ms is None)


def quiet_lines(status: SyncStatus, now_ms: int) -> list[str]:
    """A line for each other computer not seen for a long time or that never confirmed
    reading, with its last-seen date: shown, never silently dropped (docs/sync.md)."""
    lines = []
    for d in status.devices:
        if not d.quiet(now_ms):
            continue
        who = (_("An earlier id of this computer, {device},") if d.former else
               _("Computer {device}")).format(device=d.device)
        if d.last_wrote_ms is None:
            seen = _("has not written to the sync folder yet")
        else:
            day = datetime.fromtimestamp(d.last_wrote_ms / 1000).astimezone().date().isoformat()
            days = max(0, now_ms - d.last_wrote_ms) // 86_400_000
            seen = ngettext("last wrote on {day} ({n} day ago)",
                            "last wrote on {day} ({n} days ago)", days).format(day=day, n=days)
        if not d.acknowledged:
            seen += _(" and has never confirmed reading; old files are kept for it")
        lines.append(_("{who} {seen}.").format(who=who, seen=seen))
    return lines


def ahead_of(changes: Iterable[Change], device: str, now: int) -> dict[str, int]:
    """Every other computer whose stamps lie more than :data:`MAX_DRIFT_MS` ahead of this
    computer's clock, with its furthest stamp (ms since the epoch)."""
    ahead: dict[str, int] = {}
    for c in changes:
        other, wall = c.stamp.device, c.stamp.wall_ms
        if other != device and wall - now > MAX_DRIFT_MS:
            ahead[other] = max(wall, ahead.get(other, wall))
    return ahead


def too_far_ahead(changes: Iterable[Change], device: str, now: int) -> tuple[str, ...]:
    """A message per other computer whose stamps lie more than :data:`MAX_DRIFT_MS` ahead
    of this computer's clock (its date is wrong, or this one's is): that computer's
    changes are not taken in; the others' are (:func:`ahead_of` names them)."""
    hours = MAX_DRIFT_MS // 3_600_000
    messages = []
    for other, furthest in sorted(ahead_of(changes, device, now).items()):
        day = datetime.fromtimestamp(furthest / 1000).astimezone().date().isoformat()
        messages.append(
            _(
                "computer {other} wrote changes dated more than {hours} hours ahead of this "
                "computer's clock (up to {day}). Check the date and time on that computer "
                "and on this one. Its changes are not taken in; the other computers' are. "
                "Its files keep those dates even once its clock is put right (its clock "
                "never goes back behind a stamp it gave): they are taken in when this "
                "computer's date is within {hours} hours of {day}, or remove that computer "
                "from sync and let it join afresh"
            ).format(other=other, hours=hours, day=day)
        )
    return tuple(messages)
