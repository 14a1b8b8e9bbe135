"""Blood-pressure flags at a session: which of the esketamine label's rules a session meets.

Three rules, each named so a flag says which one fired (the label's caution before
dosing, the trial tables' high readings, and the rise this app has always marked):

- pre-dose reading above 140/90 (systolic > 140 or diastolic > 90);
- any reading at or above 180 systolic or 110 diastolic;
- a rise (after − before) of at least 40 systolic or 25 diastolic.

Pure and Qt-free: the report, the Appointment screen and the session tables all ask
:func:`bp_flags`.
"""

from __future__ import annotations

from collections.abc import Sequence

Reading = tuple[int, int]

#: Before dosing, a reading above this (either number) is flagged: the label's caution.
PRE_DOSE_CAUTION_MMHG: Reading = (140, 90)
#: Any reading at or above this (either number) is flagged: the trial tables' cut-off.
HIGH_READING_MMHG: Reading = (180, 110)
#: A rise from before to after of at least this (either number) is flagged.
RISE_MMHG: Reading = (40, 25)

RULE_PRE_DOSE = (
    f"pre-dose above {PRE_DOSE_CAUTION_MMHG[0]}/{PRE_DOSE_CAUTION_MMHG[1]}"
)
RULE_HIGH = f"a reading ≥ {HIGH_READING_MMHG[0]}/{HIGH_READING_MMHG[1]}"
RULE_RISE = f"rise ≥ {RISE_MMHG[0]} systolic or ≥ {RISE_MMHG[1]} diastolic"

DEFINITION = (
    "Blood pressure at each session in the period, in mmHg; rise = after − before. A session "
    f"is flagged (red, *) and the rule named when the pre-dose reading is above "
    f"{PRE_DOSE_CAUTION_MMHG[0]} systolic or {PRE_DOSE_CAUTION_MMHG[1]} diastolic (the "
    f"esketamine label's caution), when any reading is ≥ {HIGH_READING_MMHG[0]} systolic or "
    f"≥ {HIGH_READING_MMHG[1]} diastolic, or when it rose by ≥ {RISE_MMHG[0]} systolic or "
    f"≥ {RISE_MMHG[1]} diastolic."
)


def rise(before: Reading | None, after: Reading | None) -> Reading | None:
    """(systolic, diastolic) after − before, when both readings exist."""
    if before is None or after is None:
        return None
    return after[0] - before[0], after[1] - before[1]


def bp_flags(
    before: Reading | None, after: Reading | None, later: Sequence[Reading | None] = ()
) -> tuple[str, ...]:
    """The rules a session's readings meet, in the order above (empty: none).

    ``before`` is the pre-dose reading, ``after`` the one about 40 minutes after dosing
    (the rise is after − before), ``later`` any further readings (before leaving).
    """
    fired: list[str] = []
    if before is not None and (
        before[0] > PRE_DOSE_CAUTION_MMHG[0] or before[1] > PRE_DOSE_CAUTION_MMHG[1]
    ):
        fired.append(RULE_PRE_DOSE)
    readings = [r for r in (before, after, *later) if r is not None]
    if any(r[0] >= HIGH_READING_MMHG[0] or r[1] >= HIGH_READING_MMHG[1] for r in readings):
        fired.append(RULE_HIGH)
    change = rise(before, after)
    if change is not None and (change[0] >= RISE_MMHG[0] or change[1] >= RISE_MMHG[1]):
        fired.append(RULE_RISE)
    return tuple(fired)


__all__ = [
    "DEFINITION",
    "HIGH_READING_MMHG",
    "PRE_DOSE_CAUTION_MMHG",
    "RISE_MMHG",
    "RULE_HIGH",
    "RULE_PRE_DOSE",
    "RULE_RISE",
    "Reading",
    "bp_flags",
    "rise",
]
