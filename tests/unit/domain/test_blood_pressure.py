"""Blood-pressure flags: each of the three rules at its edge, by hand."""

from __future__ import annotations

import pytest

from ketajournal.domain.blood_pressure import (
    bp_flags,
    rise,
    rule_high,
    rule_pre_dose,
    rule_rise,
)


@pytest.mark.parametrize(
    ("before", "after", "later", "expected"),
    [
        # The session: 165 > 140 before dosing; 198 ≥ 180 (and 118 ≥ 110) after;
        # the rise is 198 − 165 = 33 < 40 and 118 − 102 = 16 < 25: the old rule alone said
        # "no marked rise".
        ((165, 102), (198, 118), (), (rule_pre_dose(), rule_high())),
        # 140/90 is not above 140/90; 141/80 and 120/91 are.
        ((140, 90), (150, 95), (), ()),
        ((141, 80), (150, 85), (), (rule_pre_dose(),)),
        ((120, 91), None, (), (rule_pre_dose(),)),
        # 179/109 is below the high cut-off; 180/80 and 120/110 reach it.
        ((130, 80), (179, 109), (), (rule_rise(),)),  # not high; rise 49/29 ≥ 40/25
        ((139, 89), (179, 109), (), (rule_rise(),)),  # rise 40/20: systolic reaches 40
        ((100, 70), (180, 80), (), (rule_high(), rule_rise())),
        ((120, 80), (130, 105), (), (rule_rise(),)),  # diastolic rise 25
        ((120, 80), (159, 104), (), ()),  # rise 39/24: nothing
        # A reading before leaving counts for the high rule, never for the rise.
        ((120, 80), (125, 82), ((182, 90),), (rule_high(),)),
        (None, None, (), ()),
    ],
)
def test_each_rule_fires_at_its_edge(
    before: tuple[int, int] | None,
    after: tuple[int, int] | None,
    later: tuple[tuple[int, int], ...],
    expected: tuple[str, ...],
) -> None:
    assert bp_flags(before, after, later) == expected


def test_rise_needs_both_readings() -> None:
    assert rise((165, 102), (198, 118)) == (33, 16)
    assert rise(None, (198, 118)) is None
