"""Booster analysis: how long each treatment's effect on mood lasts, by exact definitions.

Pure functions over numpy arrays, no Qt and no SQL, so every number can be checked
by hand. The definitions are those of DESIGN.md ("Booster analysis") and are also
returned in plain words (:data:`DEFINITIONS`) for the screen and the clinician PDF:

- A day is a calendar day as the user lived it: an entry's day is ``entry.at.date()``
  (the date in the UTC offset it was logged with), as in the Trends chart.
- Daily mood d(day): the mean of the mood scores logged that day.
- First session S₀: the earliest session day. Induction end E: the day of the last
  induction session (the first session if there is none).
- Baseline level B: mean of d over S₀−14 … S₀−1 (undefined with fewer than 3 days).
  Post-induction level P: mean of d over E+1 … E+7.
- Threshold T = B + (P − B) / 2, unless the user sets T.
- Cycle of a session on day t: offsets k = 1, 2, … up to the day before the next
  session's day (for the last session: up to the last day with mood data).
- Rolling value r(k), for an offset with data: the mean of the daily moods that exist
  at offsets max(1, k − 2) … k.
- Durability: k* − 1 for the first offset k* with r(k*) < T; if r never falls below
  T, the last offset with data, and the cycle is censored ("≥ n days"). When the
  days before k* hold no entry for longer than the rolling window (the last entry
  before k* is more than 3 days earlier, or there is none), the drop happened at an
  unknown day in between and durability is the range "j … k* − 1 days", j the last
  offset with an entry before k* (0 if none). Such a cycle counts in the tolerance
  pattern and the next-due median only if the range is at most 3 days wide, and then
  with its lower end.
- Threshold when the induction series brought no lift (P ≤ B): there is no automatic
  T ("no response to the induction series yet"); a user-set T still works.
- Tolerance signal, next booster due, and the whole analysis: see
  :mod:`ketajournal.domain.booster_analysis`.

Nothing here diagnoses anything: the results describe the journal, for a
conversation with the clinician.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from ketajournal.domain.medications import MedicationStep
from ketajournal.domain.models import MoodEntry, Phase, Session
from ketajournal.language import N_, ngettext
from ketajournal.language import gettext as _

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Days before the first session that make up the baseline (S₀−14 … S₀−1).
BASELINE_WINDOW_DAYS = 14
#: Fewest days with mood in the baseline window for B to be defined.
BASELINE_MIN_DAYS = 3
#: Days after the last induction session that make up P (E+1 … E+7).
POST_INDUCTION_WINDOW_DAYS = 7
#: Length of the rolling window in days (k−2 … k).
ROLLING_WINDOW_DAYS = 3
#: A durability known only as a range (a gap before the first drop) still counts in the
#: tolerance pattern and the next-due median when the range is at most this many days wide.
NARROW_RANGE_DAYS = 3

#: Marked for the catalogue; said through ``gettext`` where they are used.
NEEDS_SESSION = N_("a treatment session")
NEEDS_BASELINE = N_("at least 3 days of mood in the 14 days before the first session")
NEEDS_POST_INDUCTION = N_("mood entries in the 7 days after the last induction session")
NEEDS_OR_USER_THRESHOLD = N_("or a threshold you set yourself")
#: The same phrase in the clinician's report (third person).
NEEDS_OR_USER_THRESHOLD_FOR_CLINICIAN = N_("or a threshold the patient sets")
NEEDS_INDUCTION_RESPONSE = N_("a response to the induction series (P above B)")
NO_INDUCTION_RESPONSE = N_("No response to the induction series yet")

ThresholdSource = Literal["automatic", "user"]

DEFINITIONS: dict[str, str] = {
    "daily_mood": N_(
        "Daily mood: the mean of the mood scores logged on a calendar day (0–10, 10 = best)."
    ),
    "baseline_level": N_(
        "Baseline level (B): the mean daily mood over the 14 days before the first "
        "treatment session; it needs mood logged on at least 3 of those days."
    ),
    "post_induction_level": N_(
        "Post-induction level (P): the mean daily mood over the 7 days after the last "
        "session of the induction series (after the first session if there was no "
        "induction series)."
    ),
    "threshold": N_(
        "Threshold (T): halfway between the baseline and the post-induction level, "
        "B + (P − B) / 2, unless the patient sets T; there is no automatic T when P is "
        "not above B (no response to the induction series yet)."
    ),
    "cycle": N_(
        "Cycle: the days after a session, up to the day before the next session "
        "(for the latest session, up to the last day with a mood entry)."
    ),
    "rolling_value": N_(
        "Rolling value: for a day with a mood entry, the mean of the daily moods of that "
        "day and the two days before it, counting only days with entries and only days "
        "after the session."
    ),
    "durability": N_(
        "Durability: how many days after a session the rolling value stayed at or above "
        "the threshold, i.e. the day before it first fell below it."
    ),
    "durability_range": N_(
        "Durability as a range (“3–9 days”): the last entry before the first fall below "
        "the threshold is more than 3 days earlier (or there is none), so the fall happened "
        "on an unknown day in between: from the last day known at or above the threshold "
        "to the day before the first known fall. Such a cycle is left out of the tolerance "
        "pattern and the next-due median unless its range is at most 3 days wide (then its "
        "lower end counts). A cycle with no entry at or above the threshold before its first "
        "fall is not counted as having held."
    ),
    "censored": N_(
        "Censored (shown as “≥ n days”): the rolling value had not fallen below the "
        "threshold by the last day with a mood entry in the cycle, so the effect lasted "
        "at least that long."
    ),
    "response_curve": N_(
        "Response curve: the daily mood on each day after a session, one line per cycle; "
        "the median curve is the middle value across booster cycles on each day."
    ),
    "tolerance_signal": N_(
        "Shortening pattern: over the last 3 to 6 finished booster cycles, durability "
        "fell by at least 1 day per booster on average (least-squares slope) and the "
        "last lasted at most 75 % as long as the first, or the dose rose by at least "
        "20 % while durability did not rise; a pattern that can mean tolerance, "
        "not a diagnosis."
    ),
    "next_due": N_(
        "Next booster due: the date of the last booster plus the median durability of "
        "the last 3 finished booster cycles (at least 2 needed); a question for the "
        "clinician, not a prescription."
    ),
}


def _floats(values: Sequence[float] = ()) -> FloatArray:
    return np.asarray(values, dtype=np.float64)


def _ints(values: Sequence[int] = ()) -> IntArray:
    return np.asarray(values, dtype=np.int64)


@dataclass(frozen=True, eq=False)
class DailyMood:
    """Daily mood d(day): the distinct days with mood entries, oldest first, and their means."""

    days: tuple[date, ...]
    values: FloatArray

    def __post_init__(self) -> None:
        if len(self.days) != len(self.values):
            raise ValueError("days and values must have the same length")
        if any(a >= b for a, b in zip(self.days, self.days[1:], strict=False)):
            raise ValueError("days must be distinct and in calendar order")

    def by_day(self) -> dict[date, float]:
        """The daily moods as a mapping from day to mean."""
        return {day: float(value) for day, value in zip(self.days, self.values, strict=True)}


def daily_mood(moods: Sequence[MoodEntry]) -> DailyMood:
    """The mean mood score of each calendar day (the day each entry was logged, as logged)."""
    sums: dict[date, float] = {}
    counts: dict[date, int] = {}
    for entry in moods:
        day = entry.at.date()
        sums[day] = sums.get(day, 0.0) + float(entry.mood)
        counts[day] = counts.get(day, 0) + 1
    days = tuple(sorted(sums))
    return DailyMood(days, _floats([sums[d] / counts[d] for d in days]))


@dataclass(frozen=True)
class SessionPoint:
    """What the analysis needs of a session: its time, its day as logged, phase and dose."""

    at: datetime
    day: date
    phase: Phase
    dose_mg: float | None = None

    @classmethod
    def from_session(cls, session: Session) -> SessionPoint:
        """The analysis view of a stored :class:`Session`."""
        return cls(
            at=session.at,
            day=session.at.date(),
            phase=Phase(session.phase),
            dose_mg=session.dose_mg,
        )


@dataclass(frozen=True, eq=False)
class Cycle:
    """The days after one session, with its daily and rolling moods and its durability.

    ``offsets`` are the offsets (days after the session) that have mood data, and
    ``daily`` and ``rolling`` hold d and r at those offsets. ``length_days`` is the
    number of days in the cycle, with or without data.
    """

    session: SessionPoint
    index: int
    offsets: IntArray
    daily: FloatArray
    rolling: FloatArray
    length_days: int
    durability_days: int | None
    censored: bool
    #: The lower end when the durability is only known as a range (a gap before the first
    #: drop): the last offset with an entry before it, 0 if none. None when exact.
    durability_low: int | None = None
    #: Medication starts, dose changes and stops from the session's day to the cycle's
    #: last day (see :func:`ketajournal.domain.booster_analysis.with_medication_changes`).
    medication_changes: tuple[MedicationStep, ...] = ()

    @property
    def last_day(self) -> date:
        """The cycle's last day: the day before the next session, or its last mood entry."""
        return self.session.day + timedelta(days=self.length_days)

    @property
    def is_booster(self) -> bool:
        """True for a booster's cycle."""
        return self.session.phase is Phase.BOOSTER

    @property
    def label(self) -> str:
        """Durability as shown: ``"14 days"``, ``"≥ 21 days"`` (censored), ``"no data"``.

        A cycle with mood data but no threshold to measure against says ``"no threshold"``.
        """
        if self.durability_days is None:
            return _("no threshold") if self.offsets.size else _("no data")
        return ngettext("{durability} day", "{durability} days", self.durability_days).format(
            durability=self.short_label)

    @property
    def short_label(self) -> str:
        """Durability without its unit: ``14``, ``≥ 21``, ``3–9``; or the label without one."""
        if self.durability_days is None:
            return self.label
        if self.durability_low is not None:
            return f"{self.durability_low}–{self.durability_days}"
        return f"≥ {self.durability_days}" if self.censored else str(self.durability_days)

    @property
    def is_range(self) -> bool:
        """True when the durability is only known as a range (see ``durability_low``)."""
        return self.durability_low is not None

    @property
    def counted_days(self) -> int | None:
        """The durability the tolerance pattern and next due use, or None if it is left out.

        Exact finished cycles count with their durability; a range counts with its lower
        end when it is at most :data:`NARROW_RANGE_DAYS` wide; censored cycles do not count.
        """
        if self.durability_days is None or self.censored:
            return None
        if self.durability_low is None:
            return self.durability_days
        if self.durability_days - self.durability_low <= NARROW_RANGE_DAYS:
            return self.durability_low
        return None


@dataclass(frozen=True)
class Tolerance:
    """The shortening pattern over recent finished booster cycles, said as a sentence."""

    signal: bool
    sentence: str
    slope_days_per_booster: float | None
    durabilities: tuple[int, ...]
    doses: tuple[float | None, ...]


@dataclass(frozen=True, eq=False)
class BoosterAnalysis:
    """Everything the Boosters screen and the PDF show, with the definitions used.

    ``needs`` is None when the analysis is complete; otherwise a plain phrase of what
    is missing, e.g. ``"a treatment session"``, to be shown as "Needs …".
    """

    threshold: float | None
    threshold_source: ThresholdSource | None
    baseline_level: float | None
    post_induction_level: float | None
    cycles: tuple[Cycle, ...]
    median_curve_offsets: IntArray
    median_curve_values: FloatArray
    tolerance: Tolerance
    next_due: date | None
    next_due_basis: str
    needs: str | None
    definitions: dict[str, str]

    @property
    def booster_cycles(self) -> tuple[Cycle, ...]:
        """The cycles that follow boosters, oldest first."""
        return tuple(c for c in self.cycles if c.is_booster)


def mean_over(by_day: dict[date, float], first: date, last: date) -> tuple[float | None, int]:
    """The mean of the daily moods from ``first`` to ``last`` (inclusive), and the days with one."""
    values = [
        by_day[first + timedelta(days=i)]
        for i in range((last - first).days + 1)
        if first + timedelta(days=i) in by_day
    ]
    if not values:
        return None, 0
    return float(np.mean(values)), len(values)


def rolling_values(offsets: IntArray, daily: FloatArray) -> FloatArray:
    """r(k) at each offset with data: mean of the daily moods at offsets max(1, k−2) … k.

    ``offsets`` are the (sorted, distinct, ≥ 1) offsets that have data and ``daily``
    the daily moods there; days without data are simply absent from the mean.
    """
    if offsets.size == 0:
        return _floats()
    starts = np.searchsorted(offsets, np.maximum(1, offsets - (ROLLING_WINDOW_DAYS - 1)))
    cumulative = np.concatenate(([0.0], np.cumsum(daily, dtype=np.float64)))
    ends = np.arange(1, offsets.size + 1)
    return np.asarray((cumulative[ends] - cumulative[starts]) / (ends - starts), np.float64)


def durability(
    offsets: IntArray, rolling: FloatArray, threshold: float | None
) -> tuple[int | None, bool]:
    """Durability in days and whether it is censored, from r at the offsets with data.

    The first offset k* with r(k*) < T gives k* − 1, not censored. If r never falls
    below T, the last offset with data, censored. No data or no T: (None, False).
    """
    if threshold is None or offsets.size == 0:
        return None, False
    below = np.flatnonzero(rolling < threshold)
    if below.size:
        return int(offsets[below[0]]) - 1, False
    return int(offsets[-1]), True


def durability_low(offsets: IntArray, rolling: FloatArray, threshold: float | None) -> int | None:
    """The lower end of the durability when it is only known as a range, else None.

    With k* the first offset with r(k*) < T and j the last offset with data before it
    (0 when there is none): when k* − j > 3 (the rolling window of k* holds no earlier
    entry), or there is no entry before k* and k* > 1, the fall happened on an unknown
    day in j + 1 … k*, so durability is j … k* − 1 days and this returns j.
    """
    if threshold is None or offsets.size == 0:
        return None
    below = np.flatnonzero(rolling < threshold)
    if not below.size:
        return None
    first = int(below[0])
    drop = int(offsets[first])
    last_known = int(offsets[first - 1]) if first else 0
    if first == 0 and drop > 1:
        return 0
    if drop - last_known > ROLLING_WINDOW_DAYS:
        return last_known
    return None


def build_cycles(
    mood: DailyMood, sessions: Sequence[SessionPoint], threshold: float | None
) -> tuple[Cycle, ...]:
    """One cycle per session (sorted by time): its offsets, daily moods, rolling values
    and durability against ``threshold`` (none without a threshold)."""
    ordinals = np.fromiter((d.toordinal() for d in mood.days), np.int64, count=len(mood.days))
    last_data = int(ordinals[-1]) if ordinals.size else None
    cycles: list[Cycle] = []
    for i, session in enumerate(sessions):
        start = session.day.toordinal()
        if i + 1 < len(sessions):
            end = sessions[i + 1].day.toordinal() - 1
        else:
            end = last_data if last_data is not None else start
        length = max(0, end - start)
        lo = np.searchsorted(ordinals, start + 1, side="left")
        hi = np.searchsorted(ordinals, start + length, side="right")
        offsets = np.asarray(ordinals[lo:hi] - start, dtype=np.int64)
        daily = np.asarray(mood.values[lo:hi], dtype=np.float64)
        rolling = rolling_values(offsets, daily)
        lasted, censored = durability(offsets, rolling, threshold)
        low = durability_low(offsets, rolling, threshold)
        cycles.append(Cycle(session, i, offsets, daily, rolling, length, lasted, censored, low))
    return tuple(cycles)


def median_curve(cycles: Sequence[Cycle]) -> tuple[IntArray, FloatArray]:
    """For each offset k with data in any booster cycle, the median of d at k over them."""
    at_offset: dict[int, list[float]] = {}
    for cycle in cycles:
        if not cycle.is_booster:
            continue
        for k, value in zip(cycle.offsets.tolist(), cycle.daily.tolist(), strict=True):
            at_offset.setdefault(int(k), []).append(float(value))
    ks = sorted(at_offset)
    return _ints(ks), _floats([float(np.median(at_offset[k])) for k in ks])
