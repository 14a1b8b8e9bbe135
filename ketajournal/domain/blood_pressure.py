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

from ketajournal.language import gettext as _

Reading = tuple[int, int]

#: Before dosing, a reading above this (either number) is flagged: the label's caution.
PRE_DOSE_CAUTION_MMHG: Reading = (140, 90)
#: Any reading at or above this (either number) is flagged: the trial tables' cut-off.
HIGH_READING_MMHG: Reading = (180, 110)
#: A rise from before to after of at least this (either number) is flagged.
RISE_MMHG: Reading = (40, 25)



def rule_pre_dose() -> str:
    """The label's rule, as a flag names it: ``pre-dose above 140/90``."""
    return _("pre-dose above {reading}").format(reading=_reading(PRE_DOSE_CAUTION_MMHG))


def rule_high() -> str:
    """The trial tables' rule: ``a reading ≥ 180/110``."""
    return _("a reading ≥ {reading}").format(reading=_reading(HIGH_READING_MMHG))


def rule_rise() -> str:
    """The rise rule: ``rise ≥ 40 systolic or ≥ 25 diastolic``."""
    return _("rise ≥ {systolic} systolic or ≥ {diastolic} diastolic").format(
        systolic=RISE_MMHG[0], diastolic=RISE_MMHG[1])


def _reading(reading: Reading) -> str:
    return f"{reading[0]}/{reading[1]}"


def definition() -> str:
    """The three rules in one sentence, for the report and the Appointment screen."""
    return _(
        "Blood pressure at each session in the period, in mmHg; rise = after − before. A "
        "session is flagged (red, *) and the rule named when the pre-dose reading is above "
        "{pre_systolic} systolic or {pre_diastolic} diastolic (the esketamine label's "
        "caution), when any reading is ≥ {high_systolic} systolic or ≥ {high_diastolic} "
        "diastolic, or when it rose by ≥ {rise_systolic} systolic or ≥ {rise_diastolic} "
        "diastolic."
    ).format(pre_systolic=PRE_DOSE_CAUTION_MMHG[0], pre_diastolic=PRE_DOSE_CAUTION_MMHG[1],
             high_systolic=HIGH_READING_MMHG[0], high_diastolic=HIGH_READING_MMHG[1],
             rise_systolic=RISE_MMHG[0], rise_diastolic=RISE_MMHG[1])


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
        fired.append(rule_pre_dose())
    readings = [r for r in (before, after, *later) if r is not None]
    if any(r[0] >= HIGH_READING_MMHG[0] or r[1] >= HIGH_READING_MMHG[1] for r in readings):
        fired.append(rule_high())
    change = rise(before, after)
    if change is not None and (change[0] >= RISE_MMHG[0] or change[1] >= RISE_MMHG[1]):
        fired.append(rule_rise())
    return tuple(fired)


__all__ = [
    "HIGH_READING_MMHG",
    "PRE_DOSE_CAUTION_MMHG",
    "RISE_MMHG",
    "Reading",
    "bp_flags",
    "definition",
    "rise",
    "rule_high",
    "rule_pre_dose",
    "rule_rise",
]
