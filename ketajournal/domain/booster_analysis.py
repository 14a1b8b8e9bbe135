"""The booster analysis put together: tolerance pattern, next booster due, and the whole run.

:mod:`ketajournal.domain.boosters` defines the pieces (daily mood, cycles, rolling
values, durability); this module reads them across cycles: :func:`tolerance_signal`
(a descriptive pattern, never a diagnosis), :func:`next_booster_due` (a question for
the clinician) and :func:`analyse_boosters`, which runs everything on daily moods and
sessions. The definitions are in :mod:`ketajournal.domain.boosters`' docstring.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np

from ketajournal.domain import locales, wording
from ketajournal.domain.boosters import (
    BASELINE_MIN_DAYS,
    BASELINE_WINDOW_DAYS,
    DEFINITIONS,
    NEEDS_BASELINE,
    NEEDS_INDUCTION_RESPONSE,
    NEEDS_OR_USER_THRESHOLD,
    NEEDS_POST_INDUCTION,
    NEEDS_SESSION,
    NO_INDUCTION_RESPONSE,
    POST_INDUCTION_WINDOW_DAYS,
    BoosterAnalysis,
    Cycle,
    DailyMood,
    SessionPoint,
    ThresholdSource,
    Tolerance,
    build_cycles,
    daily_mood,
    durability,
    durability_low,
    mean_over,
    median_curve,
    rolling_values,
)
from ketajournal.domain.dates import format_date
from ketajournal.domain.medications import Course, changes_within, describe
from ketajournal.domain.models import Phase
from ketajournal.domain.wording import and_list, number
from ketajournal.language import N_, ngettext
from ketajournal.language import gettext as _

#: The tolerance signal looks at up to this many recent finished booster cycles...
TOLERANCE_MAX_CYCLES = 6
#: ...and needs at least this many.
TOLERANCE_MIN_CYCLES = 3
#: Slope (days per booster) at or below which durability counts as shortening.
TOLERANCE_SLOPE_DAYS = -1.0
#: The last durability must be at most this share of the first one in the window.
TOLERANCE_LAST_RATIO = 0.75
#: A dose rise of at least this share (first to last cycle of the window).
TOLERANCE_DOSE_RISE = 0.20
#: Boosters that held at most this many days are too short to show a shortening pattern.
SHORT_EFFECT_DAYS = 2
#: Next booster due: the median over this many recent finished booster cycles...
NEXT_DUE_CYCLES = 3
#: ...of which at least this many are needed.
NEXT_DUE_MIN_CYCLES = 2

def _finished_boosters(cycles: Sequence[Cycle]) -> list[Cycle]:
    """Booster cycles whose durability counts (see :attr:`Cycle.counted_days`)."""
    return [c for c in cycles if c.is_booster and c.counted_days is not None]


def _slope(values: Sequence[int]) -> float:
    x = np.arange(len(values), dtype=np.float64)
    y = np.asarray(values, dtype=np.float64)
    dx = x - x.mean()
    return float(np.sum(dx * (y - y.mean())) / np.sum(dx * dx))


def _dose_phrase(doses: Sequence[float | None]) -> str:
    first, last = doses[0], doses[-1]
    if first is None or last is None:
        return ""
    if all(d == first for d in doses):
        return _(" at the same {dose} mg").format(dose=number(first))
    if last > first:
        return _(" while the dose rose from {first} to {last} mg").format(
            first=number(first), last=number(last))
    if last < first:
        return _(" while the dose fell from {first} to {last} mg").format(
            first=number(first), last=number(last))
    known = sorted({d for d in doses if d is not None})
    if len(known) == 1:
        return _(" at {dose} mg where logged").format(dose=number(known[0]))
    return _(" at doses between {low} and {high} mg").format(
        low=number(known[0]), high=number(known[-1]))


def _held(lasted: Sequence[int]) -> str:
    """``10, 12 and 10 days`` (``1 day`` for a single one-day value)."""
    one = len(lasted) == 1 and lasted[0] == 1
    return ngettext("{list} day", "{list} days", 1 if one else 2).format(
        list=and_list([str(d) for d in lasted]))


def _after_dose_rise(lasted: Sequence[int], doses: Sequence[float | None]) -> str:
    """What the numbers show around a dose rise, without a cause.

    ``"Boosters at 35 mg held 20 and 21 days; after the dose rose to 40 and 42 mg, the
    next 2 boosters held 19 and 20 days."``
    """
    first = doses[0]
    assert first is not None
    split = next(i for i, d in enumerate(doses) if d is not None and d > first)
    raised = [number(d) for i, d in enumerate(doses[split:])
              if d is not None and d not in doses[split:split + i]]
    after = lasted[split:]
    return ngettext(
        "Boosters at {dose} mg held {held}; after the dose rose to {raised} mg, the next "
        "booster held {held_after}.",
        "Boosters at {dose} mg held {held}; after the dose rose to {raised} mg, the next {n} "
        "boosters held {held_after}.", len(after)).format(
        dose=number(first), held=_held(lasted[:split]), raised=and_list(raised), n=len(after),
        held_after=_held(after))


def _dose_rose(doses: Sequence[float | None]) -> bool:
    first, last = doses[0], doses[-1]
    if first is None or last is None:
        return False
    # A small allowance so that 35 → 42 mg counts as the 20 % it is.
    return last >= first * (1.0 + TOLERANCE_DOSE_RISE) - 1e-9


def tolerance_signal(cycles: Sequence[Cycle]) -> Tolerance:
    """The shortening pattern over the last up to 6 finished (uncensored) booster cycles.

    Needs at least 3 such cycles. The signal is on when the least-squares slope of
    durability against cycle order (0, 1, …) is ≤ −1 day per booster and the last
    durability is ≤ 75 % of the first, or when the dose rose by ≥ 20 % from the first
    to the last cycle (both known) while durability did not rise (last ≤ first).
    Descriptive only; the sentence states the numbers.
    """
    finished = _finished_boosters(cycles)[-TOLERANCE_MAX_CYCLES:]
    lasted = tuple(int(c.counted_days or 0) for c in finished)
    doses = tuple(c.session.dose_mg for c in finished)
    if len(finished) < TOLERANCE_MIN_CYCLES:
        return Tolerance(
            signal=False,
            sentence=_(
                "Not enough finished booster cycles yet to look for a tolerance pattern "
                "({found} of the {needed} needed)."
            ).format(found=len(finished), needed=TOLERANCE_MIN_CYCLES),
            slope_days_per_booster=None,
            durabilities=lasted,
            doses=doses,
        )
    slope = _slope(lasted)
    first, last = lasted[0], lasted[-1]
    shortening = slope <= TOLERANCE_SLOPE_DAYS and last <= TOLERANCE_LAST_RATIO * first
    dose_without_gain = _dose_rose(doses) and last <= first
    values = {"n": len(lasted), "held": _held(lasted), "dose": _dose_phrase(doses)}
    if shortening:
        fewer = round(-slope, 1)
        sentence = ngettext(
            "The last {n} finished boosters lasted {held}{dose}: each booster held about "
            "{fewer} day less than the one before.",
            "The last {n} finished boosters lasted {held}{dose}: each booster held about "
            "{fewer} days less than the one before.", 1 if fewer == 1 else 2,
        ).format(fewer=locales.number(wording.number(fewer)), **values)
    elif dose_without_gain:
        sentence = _after_dose_rise(lasted, doses)
    elif max(lasted) <= SHORT_EFFECT_DAYS:
        sentence = _(
            "The last {n} finished boosters lasted {held}{dose}: effects this short cannot "
            "show whether they are shortening."
        ).format(**values)
        return Tolerance(False, sentence, slope, lasted, doses)
    else:
        sentence = _("No shortening pattern: the last {n} finished boosters lasted "
                     "{held}{dose}.").format(**values)
        return Tolerance(False, sentence, slope, lasted, doses)
    sentence += _(TOLERANCE_ADVICE)
    return Tolerance(True, sentence, slope, lasted, doses)


#: What the patient's screens add to a tolerance signal; the clinician's report says
#: :data:`TOLERANCE_NOTE_FOR_CLINICIAN` instead.
TOLERANCE_ADVICE = N_(
    " This is a pattern that can mean tolerance; discuss it with your clinician.")
TOLERANCE_NOTE_FOR_CLINICIAN = N_(" This pattern can mean tolerance.")


def next_booster_due(
    cycles: Sequence[Cycle], sessions: Sequence[SessionPoint]
) -> tuple[date | None, str]:
    """The last booster's date + median durability of the last 3 finished booster cycles.

    Needs at least 2 finished (uncensored) booster cycles. A median of two that ends
    in .5 is rounded down, so the date errs early. Returns the date (or None) and a
    sentence explaining how it was found (or what is missing).
    """
    boosters = [s for s in sessions if s.phase is Phase.BOOSTER]
    finished = _finished_boosters(cycles)[-NEXT_DUE_CYCLES:]
    if not boosters:
        return None, _("Needs a booster session.")
    if len(finished) < NEXT_DUE_MIN_CYCLES:
        return None, _(
            "Needs at least {needed} finished booster cycles ({found} so far)."
        ).format(needed=NEXT_DUE_MIN_CYCLES, found=len(finished))
    lasted = [int(c.counted_days or 0) for c in finished]
    median = float(np.median(lasted))
    days = math.floor(median)
    last = boosters[-1].day
    rounding = "" if days == median else _(", rounded down to {days}").format(days=days)
    basis = ngettext(
        "last booster {day} + median {median} day of the last {n} finished cycles "
        "({list}){rounding}",
        "last booster {day} + median {median} days of the last {n} finished cycles "
        "({list}){rounding}", 1 if median == 1 else 2,
    ).format(day=last.isoformat(), median=locales.number(wording.number(median)),
             n=len(lasted), list=", ".join(str(d) for d in lasted), rounding=rounding)
    return last + timedelta(days=days), basis


def with_medication_changes(
    cycles: Sequence[Cycle], medications: Sequence[Course]
) -> tuple[Cycle, ...]:
    """Each cycle with the medication changes that overlap it.

    A change overlaps a cycle when its day lies from the session's day to the cycle's last
    day (the day before the next session): a change on a session's day belongs to that
    session's cycle. Said beside the durability, never as its cause.
    """
    return tuple(
        dataclasses.replace(
            cycle, medication_changes=changes_within(medications, cycle.session.day,
                                                     cycle.last_day))
        for cycle in cycles
    )


def medication_note(cycle: Cycle) -> str:
    """The cycle's overlapping medication changes in words ("" when none).

    ``"medication change in this cycle: Lorazepam started (1 mg) on 23 Oct 2026"``, or
    ``"medication changes in this cycle: 2 changes: …; …"``.
    """
    if not cycle.medication_changes:
        return ""
    items = [_("{change} on {day}").format(change=describe(s), day=format_date(s.day))
             for s in cycle.medication_changes]
    if len(items) == 1:
        return _("medication change in this cycle: {change}").format(change=items[0])
    return _("medication changes in this cycle: {n} changes: {changes}").format(
        n=len(items), changes="; ".join(items))


def analyse_boosters(
    mood: DailyMood,
    sessions: Sequence[SessionPoint],
    threshold: float | None = None,
    medications: Sequence[Course] = (),
) -> BoosterAnalysis:
    """Run the booster analysis on daily moods and sessions (any order).

    ``threshold`` is the user's T; without it T = B + (P − B) / 2 when B and P are
    defined. Without T, no durability is computed and ``needs`` says what is missing.
    Each cycle carries the ``medications``' changes that overlap it
    (:func:`with_medication_changes`).
    """
    if threshold is not None and not math.isfinite(threshold):
        raise ValueError("threshold must be a finite number")
    ordered = sorted(sessions, key=lambda s: (s.at, s.day))
    by_day = mood.by_day()

    baseline: float | None = None
    post: float | None = None
    missing: list[str] = []
    no_lift: str | None = None
    if not ordered:
        missing.append(_(NEEDS_SESSION))
    else:
        first = min(s.day for s in ordered)
        inductions = [s for s in ordered if s.phase is Phase.INDUCTION]
        induction_end = inductions[-1].day if inductions else first
        baseline, found = mean_over(
            by_day, first - timedelta(days=BASELINE_WINDOW_DAYS), first - timedelta(days=1)
        )
        if found < BASELINE_MIN_DAYS:
            baseline = None
        post, _days = mean_over(
            by_day,
            induction_end + timedelta(days=1),
            induction_end + timedelta(days=POST_INDUCTION_WINDOW_DAYS),
        )
        if threshold is None:
            if baseline is None:
                missing.append(_("{needs} ({found} found)").format(
                    needs=_(NEEDS_BASELINE), found=found))
            if post is None:
                missing.append(_(NEEDS_POST_INDUCTION))
            if baseline is not None and post is not None and post <= baseline:
                missing.append(_(NEEDS_INDUCTION_RESPONSE))
                no_lift = _(
                    "{no_response}: the post-induction level P ({post}) is not above the "
                    "baseline level B ({baseline}), so there is no automatic threshold and "
                    "durability is not measured."
                ).format(no_response=_(NO_INDUCTION_RESPONSE), post=f"{post:.2f}",
                         baseline=f"{baseline:.2f}")
            if missing:
                missing[-1] += f", {_(NEEDS_OR_USER_THRESHOLD)}"

    source: ThresholdSource | None = None
    if threshold is not None:
        source = "user"
        threshold = float(threshold)
    elif baseline is not None and post is not None and post > baseline:
        source = "automatic"
        threshold = baseline + (post - baseline) / 2
    if source is None:
        threshold = None

    cycles = with_medication_changes(build_cycles(mood, ordered, threshold), medications)
    curve_offsets, curve_values = median_curve(cycles)
    if threshold is None:
        tolerance = Tolerance(
            False,
            no_lift or _("Booster durability cannot be measured until there is a threshold."),
            None,
            (),
            (),
        )
        next_due: date | None = None
        basis = no_lift or _("Needs a threshold to measure how long boosters last.")
    else:
        tolerance = tolerance_signal(cycles)
        next_due, basis = next_booster_due(cycles, ordered)
    return BoosterAnalysis(
        threshold=threshold,
        threshold_source=source,
        baseline_level=baseline,
        post_induction_level=post,
        cycles=cycles,
        median_curve_offsets=curve_offsets,
        median_curve_values=curve_values,
        tolerance=tolerance,
        next_due=next_due,
        next_due_basis=basis,
        needs=_(" and ").join(missing) if missing else None,
        definitions={key: _(text) for key, text in DEFINITIONS.items()},
    )


__all__ = [
    "DEFINITIONS",
    "BoosterAnalysis",
    "Cycle",
    "DailyMood",
    "SessionPoint",
    "Tolerance",
    "analyse_boosters",
    "daily_mood",
    "durability",
    "durability_low",
    "median_curve",
    "medication_note",
    "next_booster_due",
    "rolling_values",
    "tolerance_signal",
    "with_medication_changes",
]
