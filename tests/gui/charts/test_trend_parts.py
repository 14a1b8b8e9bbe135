"""The Trends chart's parts: marker and grid point pairs, left ticks, the left axis title."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication

from ketajournal.charts.drawn import item_style
from ketajournal.charts.trend_parts import (
    MOOD_AXIS_LABEL,
    grid_pairs,
    left_axis_label,
    left_ticks,
    make_score_items,
    make_series_items,
    marker_pairs,
)
from ketajournal.domain.instruments import INSTRUMENTS


def test_markers_and_grid_lines_are_point_pairs() -> None:
    xs, ys = marker_pairs(np.array([1.0, 5.0]), -1.0, 10.0)
    assert xs.tolist() == [1.0, 1.0, 5.0, 5.0] and ys.tolist() == [-1.0, 10.0, -1.0, 10.0]
    gx, gy = grid_pairs(0.0, 9.0, 2.5)
    assert gx.tolist() == [0.0, 9.0] * 3 and gy.tolist() == [0.0, 0.0, 1.0, 1.0, 2.0, 2.0]


def test_left_ticks_label_even_values_only() -> None:
    major, minor = left_ticks(10.5)
    assert major == [(v, str(int(v))) for v in (0.0, 2.0, 4.0, 6.0, 8.0, 10.0)]
    assert [v for v, _ in minor] == [1.0, 3.0, 5.0, 7.0, 9.0]


def test_the_left_axis_title_names_what_is_shown_on_it() -> None:
    assert left_axis_label(anxiety=False, sleep=False) == MOOD_AXIS_LABEL
    assert "anxiety" in left_axis_label(anxiety=True, sleep=False)
    assert left_axis_label(anxiety=False, sleep=True).endswith("sleep (hours)")
    both = left_axis_label(anxiety=True, sleep=True)
    assert "anxiety" in both and "sleep" in both


def test_one_score_item_per_questionnaire_each_with_its_own_symbol(qapp: QApplication) -> None:
    items = make_score_items()
    assert list(items) == list(INSTRUMENTS)
    symbols = {item_style(item).symbol for item in items.values()}
    assert len(symbols) == len(items) and None not in symbols


def test_a_red_flag_differs_from_a_side_effect_by_shape_not_colour_alone() -> None:
    parts = make_series_items()
    flag, plain = item_style(parts.red_flags), item_style(parts.side_effects)
    assert flag.symbol == "t1" and plain.symbol == "t"  # up like a warning sign, and down
    assert parts.red_flags.opts["symbolSize"] > parts.side_effects.opts["symbolSize"]
