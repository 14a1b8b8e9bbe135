"""The report model's derived values: how far the response curves reach."""

from __future__ import annotations

from datetime import date

from ketajournal.reports.model import Curve, CurvesData


def curve(offsets: tuple[int, ...]) -> Curve:
    values = tuple(5.0 for _ in offsets)
    return Curve(date(2026, 1, 1), True, 36.0, "Booster", offsets, values)


def test_the_longest_offset_covers_every_curve_and_the_median() -> None:
    data = CurvesData((curve((1, 4)), curve(())), (1, 2, 9), (6.0, 6.0, 5.0), 2, 4.5, ())
    assert data.longest_offset == 9
    assert CurvesData((curve((1, 12)),), (), (), 0, None, ()).longest_offset == 12
    assert CurvesData((), (), (), 0, None, ()).longest_offset == 0
