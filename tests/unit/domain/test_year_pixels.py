"""Year in pixels: the colour step of a day, the grid's cells and keyboard moves."""

from __future__ import annotations

from datetime import date

import pytest

from ketajournal.domain import year_pixels
from ketajournal.domain.year_pixels import mood_step
from ketajournal.palette import MOOD_SCALE, mood_colour


def test_a_days_mean_is_rounded_half_up_to_a_step_within_0_to_10() -> None:
    assert [mood_step(x) for x in (0.0, 0.49, 0.5, 6.5, 6.49, 9.6, 10.0)] == [
        0, 0, 1, 7, 6, 10, 10,
    ]


def test_eleven_colours_darkest_is_the_worst() -> None:
    assert len(MOOD_SCALE) == 11 and len(set(MOOD_SCALE)) == 11
    assert mood_colour(0) == "#440154" and mood_colour(10) == "#fde725"
    assert mood_colour(-3) == MOOD_SCALE[0] and mood_colour(12) == MOOD_SCALE[10]


def test_only_the_years_days_are_kept_and_cells_that_do_not_exist_are_none() -> None:
    pixels = year_pixels.year_pixels(
        2025,
        [(date(2024, 12, 31), 3.0), (date(2025, 1, 1), 6.5), (date(2025, 3, 1), 2.0)],
        {date(2025, 1, 1), date(2026, 1, 1)},
    )
    assert pixels.logged_days == 2
    assert pixels.step(date(2025, 1, 1)) == 7 and pixels.step(date(2025, 1, 2)) is None
    assert pixels.sessions == {date(2025, 1, 1)}
    assert pixels.cell(2, 29) is None and pixels.cell(2, 28) == date(2025, 2, 28)
    assert pixels.cell(12, 31) == date(2025, 12, 31)
    assert year_pixels.year_counts(pixels) == "2 days with a mood entry, 1 session day."


def test_the_years_offered_run_from_the_first_entry_to_this_year() -> None:
    today = date(2026, 11, 27)
    assert year_pixels.years_with_entries([date(2025, 1, 1)], today) == [2025, 2026]
    assert year_pixels.years_with_entries([], today) == [2026]


@pytest.mark.parametrize(
    ("start", "key", "end"),
    [
        (date(2025, 1, 31), "down", date(2025, 2, 1)),
        (date(2025, 1, 1), "up", date(2025, 1, 1)),  # stays in its year
        (date(2025, 1, 31), "right", date(2025, 2, 28)),  # a shorter month
        (date(2025, 3, 15), "left", date(2025, 2, 15)),
        (date(2025, 12, 5), "right", date(2025, 12, 5)),
    ],
)
def test_arrow_keys_move_by_a_day_or_a_month(start: date, key: str, end: date) -> None:
    assert year_pixels.move(start, key) == end
