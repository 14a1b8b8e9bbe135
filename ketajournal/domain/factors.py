"""What else moves mood: daily mood on days with vs without a factor, with an honest interval.

Pure functions over numpy arrays, no Qt and no SQL, like ``domain/boosters.py``.
A *factor* is a yes/no fact about a calendar day: 7+ hours of sleep, a tag, a
psychotherapy session, a medication change, a life event. For each factor, and
for the same day (lag 0) and the next day (lag 1):

- **Outcome days** are the days with a daily mood d (``boosters.daily_mood``). For
  lag k, an outcome day t is "with" when the factor was present on day t − k, and
  "without" when it was known to be absent then; days where the factor is unknown
  (sleep not logged) are left out.
- **Booster timing.** Ketamine lifts mood for days after a session, and therapy,
  medication changes and events cluster around sessions. So days are compared only
  within the same *band* of days since the latest session on or before the outcome
  day (:data:`BANDS`: before the first session, the session day, 1–3, 4–7, 8–14,
  15+ days after). In band b with n₁ days with (mean m₁) and n₀ without (mean m₀)
  the difference is m₁ − m₀; the bands are combined with weights
  w_b = n₁n₀ / (n₁ + n₀) (the precision of a difference of two means, as in a
  Mantel–Haenszel-style stratified comparison). The reported means are the same
  weighted averages of m₁ and of m₀, so ``difference = mean_with − mean_without``.
  A band with days on one side only says nothing about the factor and is left out;
  the day counts are of the days in the bands that were compared.
- **Minimum.** Nothing is estimated with fewer than :data:`MIN_DAYS` (10) days on
  either side: below that one unusual day moves a mean by a tenth of its weight,
  and a 7-day block bootstrap has too few blocks to mean anything.
- **Interval.** A 95 % percentile interval from a moving-block bootstrap
  (Künsch 1989): the outcome days, in calendar order, are cut into all overlapping
  runs of :data:`BLOCK_DAYS` consecutive outcome days; ⌈n / 7⌉ runs are drawn with
  replacement and joined, the weighted difference is computed on each of
  :data:`RESAMPLES` such series, and the 2.5th and 97.5th percentiles are the
  interval. Resampling whole weeks keeps what a plain bootstrap would break:
  neighbouring days' moods are alike (the 3-day rolling value of the booster
  analysis exists for that reason) and weeks have a rhythm. 7 days is one weekly
  cycle and also n^(1/3) for a year of days, the usual order for block length.
  The generator is seeded (:data:`SEED`), so the same journal gives the same
  interval every time.
- **Order.** Results are ranked by the smallest size of effect the interval is
  compatible with: 0 when the interval includes 0, else the bound nearer 0 in
  absolute value — not by the point estimate, which rewards noisy factors.

Nothing here claims a cause: :func:`describe` says so in every sentence.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from numpy.typing import NDArray

from ketajournal.domain import locales
from ketajournal.domain.boosters import DailyMood
from ketajournal.domain.models import Event, EventKind, MoodEntry
from ketajournal.domain.tags import SCALE_PRESENT_FROM, FactorDefinition, FactorKind
from ketajournal.language import N_, ngettext
from ketajournal.language import gettext as _

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

#: Fewest outcome days on each side (with / without) for an estimate.
MIN_DAYS = 10
#: Length of the bootstrap's blocks, in consecutive outcome days.
BLOCK_DAYS = 7
#: Bootstrap resamples.
RESAMPLES = 2000
#: The bootstrap's fixed seed: the same data always give the same interval.
SEED = 18
#: Confidence level of the interval.
LEVEL = 0.95
#: Bands of days since the latest session: (label, first offset, last offset or None).
BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("session day", 0, 0),
    ("1–3 days after a session", 1, 3),
    ("4–7 days after a session", 4, 7),
    ("8–14 days after a session", 8, 14),
    ("15 or more days after a session", 15, None),
)
#: The band of days before the first session (index after :data:`BANDS`).
BEFORE_FIRST_SESSION = len(BANDS)
#: Sleep of at least this many hours counts as "enough sleep" by default.
SLEEP_HOURS = 7.0
#: Said after every comparison (marked here; shown with ``_``).
ASSOCIATION = N_("This is an association, not proof of a cause.")

#: What the comparison is, said once (marked here; :func:`definition` says it translated,
#: with ``{min_days}`` filled in).
DEFINITION = N_(
    "Mood on days with vs without: the mean daily mood (0–10, 10 = best) on days "
    "with the factor (or the day after it) minus the mean on days without, compared "
    "only between days the same number of days after a treatment session (session "
    "day, 1–3, 4–7, 8–14, 15+ days, or before the first session), so the effect of a "
    "session is not credited to what happened around it. The interval is a 95 % "
    "moving-block bootstrap interval (7-day blocks); nothing is shown with fewer "
    "than {min_days} days on either side. An association, not proof of a cause."
)


def definition() -> str:
    """:data:`DEFINITION` in the language in use, with :data:`MIN_DAYS` filled in."""
    return _(DEFINITION).format(min_days=MIN_DAYS)


@dataclass(frozen=True)
class Factor:
    """A yes/no fact about calendar days.

    ``present`` holds the days it was there. ``known`` holds the days on which it
    is known at all (sleep only where logged); ``None`` means every day is known,
    so a day not in ``present`` is a day without (a session or event not logged
    did not happen). ``same_day`` and ``next_day`` finish "On …" in sentences.
    """

    key: str
    label: str
    present: frozenset[date]
    known: frozenset[date] | None = None
    same_day: str = ""
    next_day: str = ""
    lags: tuple[int, ...] = (0, 1)

    def phrase(self, lag: int) -> str:
        """The days compared, e.g. ``days with psychotherapy`` / ``days after …``."""
        label = _(self.label)  # an event's is marked N_; a tag or own factor comes back as is
        if lag == 0:
            return self.same_day or _("days with {label}").format(label=label)
        if lag == 1:
            return self.next_day or _("days after {label}").format(label=label)
        return ngettext("the days {n} day after {label}", "the days {n} days after {label}",
                        lag).format(n=lag, label=label)

    def state(self, day: date) -> bool | None:
        """True (present), False (known absent) or None (unknown) on ``day``."""
        if day in self.present:
            return True
        if self.known is None or day in self.known:
            return False
        return None


@dataclass(frozen=True)
class FactorEffect:
    """Mood with vs without one factor at one lag; the estimate is None below the minimum."""

    factor: Factor
    lag: int
    #: Outcome days on each side, in the bands that were compared.
    days_with: int
    days_without: int
    mean_with: float | None = None
    mean_without: float | None = None
    difference: float | None = None
    low: float | None = None
    high: float | None = None

    @property
    def enough(self) -> bool:
        """Whether there were enough days on both sides for an estimate."""
        return self.difference is not None

    @property
    def smallest_effect(self) -> float:
        """The smallest size of effect the interval allows: 0 if it includes 0."""
        if self.low is None or self.high is None:
            return -1.0
        if self.low <= 0.0 <= self.high:
            return 0.0
        return min(abs(self.low), abs(self.high))


# -- the arithmetic ------------------------------------------------------------------------


def bands(days: Sequence[date], session_days: Collection[date]) -> IntArray:
    """The band index of each day: offset since the latest session on or before it.

    Index ``i`` is ``BANDS[i]``; :data:`BEFORE_FIRST_SESSION` when no session came
    before (or on) the day. Without sessions every day is in that one band.
    """
    sessions = np.asarray(sorted({d.toordinal() for d in session_days}), dtype=np.int64)
    ordinals = np.asarray([d.toordinal() for d in days], dtype=np.int64)
    result = np.full(len(ordinals), BEFORE_FIRST_SESSION, dtype=np.int64)
    if not len(sessions) or not len(ordinals):
        return result
    position = np.searchsorted(sessions, ordinals, side="right") - 1
    has = position >= 0
    offset = ordinals[has] - sessions[position[has]]
    band = np.empty(len(offset), dtype=np.int64)
    for index, (_label, first, last) in enumerate(BANDS):
        upper = np.iinfo(np.int64).max if last is None else last
        band[(offset >= first) & (offset <= upper)] = index
    result[has] = band
    return result


def _weighted(
    sum_with: FloatArray, n_with: FloatArray, sum_without: FloatArray, n_without: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Weighted means with / without along the last axis (bands); NaN where no band compares."""
    both = (n_with > 0) & (n_without > 0)
    safe_with = np.where(both, n_with, 1.0)
    safe_without = np.where(both, n_without, 1.0)
    weight = np.where(both, safe_with * safe_without / (safe_with + safe_without), 0.0)
    total = weight.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_with = (weight * sum_with / safe_with).sum(axis=-1) / total
        mean_without = (weight * sum_without / safe_without).sum(axis=-1) / total
    return mean_with, mean_without, mean_with - mean_without


def stratified_difference(
    mood: FloatArray, present: BoolArray, band: IntArray
) -> tuple[float, float, float] | None:
    """(mean with, mean without, difference) weighted over bands; None if no band compares.

    In each band b with days on both sides: d_b = m₁ − m₀, weight n₁n₀/(n₁ + n₀).
    """
    cells = _cells(present, band)
    count = np.bincount(cells, minlength=2 * _N_BANDS).astype(np.float64)
    total = np.bincount(cells, weights=mood, minlength=2 * _N_BANDS).astype(np.float64)
    mean_with, mean_without, difference = _weighted(
        total[1::2], count[1::2], total[0::2], count[0::2]
    )
    if not math.isfinite(float(difference)):
        return None
    return float(mean_with), float(mean_without), float(difference)


_N_BANDS = len(BANDS) + 1


def _cells(present: BoolArray, band: IntArray) -> IntArray:
    # Cell 2b is "without" in band b, 2b + 1 is "with".
    return (2 * band + present.astype(np.int64)).astype(np.int64)


def block_bootstrap_interval(
    mood: FloatArray,
    present: BoolArray,
    band: IntArray,
    *,
    block_days: int = BLOCK_DAYS,
    resamples: int = RESAMPLES,
    seed: int = SEED,
    level: float = LEVEL,
) -> tuple[float, float] | None:
    """The moving-block bootstrap percentile interval of :func:`stratified_difference`.

    The arrays are the outcome days in calendar order. Resamples in which no band
    has days on both sides are dropped; None if all are.
    """
    n = len(mood)
    if n == 0:
        return None
    length = max(1, min(block_days, n))
    blocks = math.ceil(n / length)
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, n - length + 1, size=(resamples, blocks))
    index = (starts[:, :, None] + np.arange(length)).reshape(resamples, blocks * length)[:, :n]
    cells = _cells(present, band)[index] + (2 * _N_BANDS) * np.arange(resamples)[:, None]
    size = resamples * 2 * _N_BANDS
    count = np.bincount(cells.ravel(), minlength=size).astype(np.float64)
    total = np.bincount(
        cells.ravel(), weights=mood[index].ravel(), minlength=size
    ).astype(np.float64)
    count = count.reshape(resamples, 2 * _N_BANDS)
    total = total.reshape(resamples, 2 * _N_BANDS)
    _, _, differences = _weighted(
        total[:, 1::2], count[:, 1::2], total[:, 0::2], count[:, 0::2]
    )
    valid = differences[np.isfinite(differences)]
    if not len(valid):
        return None
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(valid, [tail, 100 - tail])
    return float(low), float(high)


# -- one factor, all factors ----------------------------------------------------------------


def factor_effect(
    daily: DailyMood,
    factor: Factor,
    *,
    lag: int = 0,
    session_days: Collection[date] = (),
    min_days: int = MIN_DAYS,
    block_days: int = BLOCK_DAYS,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> FactorEffect:
    """Mood on days with vs without ``factor`` ``lag`` days before, within session bands.

    See the module docstring for every definition. Returns the day counts always,
    and the means, difference and interval only with ``min_days`` on each side.
    """
    if lag < 0:
        raise ValueError("lag must be 0 or more")
    days: list[date] = []
    moods: list[float] = []
    states: list[bool] = []
    for day, value in zip(daily.days, daily.values, strict=True):
        state = factor.state(day - timedelta(days=lag))
        if state is not None:
            days.append(day)
            moods.append(float(value))
            states.append(state)
    mood = np.asarray(moods, dtype=np.float64)
    present = np.asarray(states, dtype=np.bool_)
    band = bands(days, session_days)
    # Keep only the bands that have days on both sides: the others compare nothing.
    compared = np.zeros(len(days), dtype=np.bool_)
    for index in range(_N_BANDS):
        in_band = band == index
        if present[in_band].any() and (~present[in_band]).any():
            compared |= in_band
    mood, present, band = mood[compared], present[compared], band[compared]
    days_with = int(present.sum())
    days_without = int((~present).sum())
    if days_with < min_days or days_without < min_days:
        return FactorEffect(factor, lag, days_with, days_without)
    estimate = stratified_difference(mood, present, band)
    interval = block_bootstrap_interval(
        mood, present, band, block_days=block_days, resamples=resamples, seed=seed
    )
    if estimate is None or interval is None:  # pragma: no cover - both sides present above
        return FactorEffect(factor, lag, days_with, days_without)
    mean_with, mean_without, difference = estimate
    return FactorEffect(
        factor, lag, days_with, days_without,
        mean_with=mean_with, mean_without=mean_without, difference=difference,
        low=interval[0], high=interval[1],
    )


def analyse_factors(
    daily: DailyMood,
    factors: Iterable[Factor],
    *,
    session_days: Collection[date] = (),
    min_days: int = MIN_DAYS,
    seed: int = SEED,
) -> list[FactorEffect]:
    """Every factor at each of its lags, ranked by :func:`ranked`."""
    effects = [
        factor_effect(daily, factor, lag=lag, session_days=session_days,
                      min_days=min_days, seed=seed)
        for factor in factors
        for lag in factor.lags
    ]
    return ranked(effects)


def ranked(effects: Iterable[FactorEffect]) -> list[FactorEffect]:
    """Largest smallest-compatible effect first; then narrower intervals; too-few last.

    Ties keep a stable order by factor key and lag, so the list does not shuffle.
    """
    def key(effect: FactorEffect) -> tuple[float, float, str, int]:
        width = (effect.high - effect.low) if effect.high is not None and effect.low is not None \
            else math.inf
        return (-effect.smallest_effect, width, effect.factor.key, effect.lag)

    return sorted(effects, key=key)


# -- building factors from journal entries ----------------------------------------------------


def sleep_factor(moods: Iterable[MoodEntry], hours: float = SLEEP_HOURS) -> Factor:
    """Days whose logged sleep (the mean of the day's ``sleep_hours``) is ``hours`` or more.

    Sleep is logged with the day's mood (the night before), so the factor is
    compared on the same day only; days without sleep logged are unknown.
    """
    totals: dict[date, list[float]] = defaultdict(list)
    for entry in moods:
        if entry.sleep_hours is not None:
            totals[entry.at.date()].append(entry.sleep_hours)
    present = frozenset(d for d, values in totals.items() if sum(values) / len(values) >= hours)
    label = _("{hours}+ hours of sleep").format(hours=_number(hours))
    return Factor(
        key=f"sleep>={_number(hours)}",
        label=label,
        present=present,
        known=frozenset(totals),
        same_day=_("days after {label}").format(label=label),
        lags=(0,),
    )


_EVENT_LABELS: Mapping[EventKind, str] = {
    EventKind.PSYCHOTHERAPY: N_("psychotherapy"),
    EventKind.INTEGRATION: N_("an integration session"),
    EventKind.MEDICATION_CHANGE: N_("a medication change"),
    EventKind.APPOINTMENT: N_("an appointment"),
    EventKind.LIFE_EVENT: N_("a life event"),
}


def event_factor(events: Iterable[Event], kind: EventKind) -> Factor:
    """Days with an event of ``kind``; every other day is a day without."""
    days = frozenset(e.at.date() for e in events if EventKind(e.event_kind) is kind)
    return Factor(key=f"event:{kind.value}", label=_EVENT_LABELS[kind], present=days)


def tag_factors(tags_by_day: Mapping[date, Collection[str]]) -> list[Factor]:
    """One factor per tag (compared ignoring case); known on the days that have entries."""
    known = frozenset(tags_by_day)
    present: dict[str, set[date]] = defaultdict(set)
    spelling: dict[str, str] = {}
    for day, tags in tags_by_day.items():
        for tag in tags:
            key = tag.casefold()
            spelling.setdefault(key, tag)
            present[key].add(day)
    return [
        Factor(key=f"tag:{key}", label=spelling[key], present=frozenset(present[key]),
               known=known)
        for key in sorted(present)
    ]


def own_factor(definition: FactorDefinition, values: Mapping[date, int]) -> Factor:
    """A factor the patient follows, known on the days it has a value.

    Yes/no: present on the days marked yes. A 0–10 factor: present on the days
    rated :data:`~ketajournal.domain.tags.SCALE_PRESENT_FROM` (5) or more, the
    scale's upper half, so "days with" reads as "days with a lot of it".
    """
    if definition.kind is FactorKind.YESNO:
        present = frozenset(day for day, value in values.items() if value)
        label = definition.name
    else:
        present = frozenset(day for day, value in values.items() if value >= SCALE_PRESENT_FROM)
        label = _("{name} {low} or more").format(name=definition.name, low=SCALE_PRESENT_FROM)
    return Factor(
        key=f"factor:{definition.key}", label=label, present=present, known=frozenset(values)
    )


# -- words ------------------------------------------------------------------------------------


def _number(value: float) -> str:
    text = f"{value:.1f}"
    if text.endswith(".0") and float(value).is_integer():
        text = text[:-2]
    return text


def _signed(value: float) -> str:
    text = f"{value:.1f}"
    if text in ("-0.0", "0.0"):
        text = "0.0"
    return locales.number(text).replace("-", "−")


def _counts(effect: FactorEffect) -> str:
    return ngettext("{with_} vs {n} day", "{with_} vs {n} days", effect.days_without).format(
        with_=effect.days_with, n=effect.days_without)


def describe(effect: FactorEffect, *, min_days: int = MIN_DAYS) -> str:
    """One or two sentences about ``effect`` that never claim a cause.

    E.g. "On days after 7+ hours of sleep your mood was 0.8 higher (0.3 to 1.3;
    212 vs 140 days). This is an association, not proof of a cause."
    """
    days = effect.factor.phrase(effect.lag)
    if (effect.difference is None or effect.low is None or effect.high is None):
        return _("Not enough days yet to compare {days} with other days ({counts}; at least "
                 "{min_days} on each side are needed).").format(
            days=days, counts=_counts(effect), min_days=min_days)
    size = locales.number(f"{abs(effect.difference):.1f}")
    if size in ("0.0", "0,0"):
        change = _("about the same")
    elif effect.difference > 0:
        change = _("{size} higher").format(size=size)
    else:
        change = _("{size} lower").format(size=size)
    text = _("On {days} your mood was {change} ({low} to {high}; {counts}).").format(
        days=days, change=change, low=_signed(effect.low), high=_signed(effect.high),
        counts=_counts(effect))
    if effect.low <= 0.0 <= effect.high:
        text += " " + _("The interval includes no difference at all.")
    return f"{text} {_(ASSOCIATION)}"
