"""Colours are written once, in ketajournal/palette.py, by what they mean."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import ketajournal
from ketajournal import palette

PACKAGE = Path(ketajournal.__file__).parent
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def test_no_module_but_the_palette_writes_a_colour() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "palette.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HEX_COLOUR.search(line)
    ]
    assert found == []


def test_every_colour_of_the_palette_is_a_hex_colour() -> None:
    values = []
    for screen_set in (palette.LIGHT, palette.DARK):
        values += [v for v in vars(screen_set).values() if isinstance(v, str)]
        values += list(screen_set.band_fills)
    values += [v for k, v in vars(palette).items() if k.startswith("PDF_")]
    assert values and all(re.fullmatch(r"#[0-9a-f]{6}", v) for v in values)


def test_the_palette_imports_nothing_of_ketajournal() -> None:
    source = (PACKAGE / "palette.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+ketajournal", source, re.MULTILINE)


@pytest.mark.parametrize("count", [0, 1, 2, 5, 24, 133])
def test_older_cycles_fade_linearly_from_oldest_to_newest(count: int) -> None:
    ramp = palette.age_opacities(count)
    assert len(ramp) == count
    if count > 1:
        expected = np.linspace(palette.ALPHA_OLDEST, palette.ALPHA_NEWEST, count)
        assert ramp == tuple(expected.tolist())
    elif count == 1:
        assert ramp == (palette.ALPHA_NEWEST,)


def test_with_alpha_appends_the_opacity_as_pyqtgraph_reads_it() -> None:
    assert palette.with_alpha("#ffffff", 150) == "#ffffff96"


# -- contrast: WCAG 2.2 AA, in both sets ----------------------------------------------------


def relative_luminance(colour: str) -> float:
    """WCAG 2.2's relative luminance of ``#rrggbb`` (sRGB channels linearised)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG's contrast ratio (L1 + 0.05) / (L2 + 0.05), lighter over darker."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_by_hand() -> None:
    # #b00020 (the light danger red) on white: linear R = ((0xb0/255 + 0.055)/1.055)^2.4
    # = 0.4342, G = 0, B = (0x20/255)/… = 0.0144; L = 0.2126 * 0.4342 + 0.0722 * 0.0144
    # = 0.09335; (1.05) / (0.14335) = 7.32.
    assert relative_luminance("#b00020") == pytest.approx(0.09335, abs=1e-4)
    assert contrast("#b00020", "#ffffff") == pytest.approx(7.32, abs=0.01)
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)


def _backgrounds(screen_set: palette.Palette, name: str) -> tuple[str, ...]:
    value = getattr(screen_set, name)
    return value if isinstance(value, tuple) else (value,)


@pytest.mark.parametrize("screen_set", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_every_text_colour_reads_on_its_backgrounds_at_4_5_to_1(
    screen_set: palette.Palette,
) -> None:
    pairs = [
        (text, background, colour)
        for text, backgrounds in palette.TEXT_ON.items()
        for background in backgrounds
        for colour in _backgrounds(screen_set, background)
    ]
    assert len(pairs) > 40
    failing = [
        (text, background, round(contrast(getattr(screen_set, text), colour), 2))
        for text, background, colour in pairs
        if contrast(getattr(screen_set, text), colour) < 4.5
    ]
    assert failing == []


@pytest.mark.parametrize("screen_set", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_every_chart_line_and_marker_stands_out_from_the_plot_at_3_to_1(
    screen_set: palette.Palette,
) -> None:
    plots = (screen_set.chart_background, *screen_set.band_fills)
    failing = [
        (mark, plot, round(contrast(getattr(screen_set, mark), plot), 2))
        for mark in palette.CHART_MARKS
        for plot in plots
        if contrast(getattr(screen_set, mark), plot) < 3.0
    ]
    assert failing == []


def test_every_text_and_chart_colour_is_checked() -> None:
    # A colour added to the palette must say where it is drawn, or the walk above
    # would not see it. Decorations (rules, the grid, frames) are not text.
    decorations = {
        "is_dark", "window", "base", "alternate_base", "button", "highlight",
        "tooltip_base", "chart_background", "band_fills", "disabled_text", "mid", "dark",
        "light", "midlight", "shadow", "rule", "chart_grid", "red_flag_outline",
    }
    names = {f for f in vars(palette.LIGHT)}
    decorations.add("year_no_entry")  # a slot, checked by its own test below
    checked = set(palette.TEXT_ON) | set(palette.CHART_MARKS) | set(palette.YEAR_MARKS) \
        | decorations
    assert names - checked == set()


def test_the_dark_set_is_dark_and_the_light_set_light() -> None:
    assert palette.DARK.is_dark and not palette.LIGHT.is_dark
    assert relative_luminance(palette.DARK.window) < 0.05 < relative_luminance(palette.LIGHT.window)
    assert palette.for_scheme(dark=True) is palette.DARK
    assert palette.for_scheme(dark=False) is palette.LIGHT


def test_the_window_draws_with_light_until_told_otherwise() -> None:
    assert palette.screen() is palette.LIGHT
    try:
        palette.use(palette.DARK)
        assert palette.screen() is palette.DARK
    finally:
        palette.use(palette.LIGHT)


@pytest.mark.parametrize("screen_set", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_the_year_screens_marks_stand_out_at_3_to_1(screen_set: palette.Palette) -> None:
    failing = [
        (mark, background, round(contrast(getattr(screen_set, mark),
                                          getattr(screen_set, background)), 2))
        for mark, backgrounds in palette.YEAR_MARKS.items()
        for background in backgrounds
        if contrast(getattr(screen_set, mark), getattr(screen_set, background)) < 3.0
    ]
    assert failing == []


@pytest.mark.parametrize("screen_set", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_an_empty_day_is_quieter_than_both_ends_of_the_mood_scale_are_from_each_other(
    screen_set: palette.Palette,
) -> None:
    # An empty day must not read as a mood: it sits near the window, and (on dark) not
    # brighter than the best mood's yellow, as the old near-white grey did.
    empty, window = screen_set.year_no_entry, screen_set.window
    assert contrast(empty, window) < 1.5
    assert contrast(empty, window) > 1.05  # still a visible slot
    if screen_set.is_dark:
        assert relative_luminance(empty) < relative_luminance(palette.MOOD_SCALE[-1]) / 5


def test_the_pdf_year_page_keeps_the_light_colours_on_paper() -> None:
    assert palette.PDF_YEAR_NO_ENTRY == palette.LIGHT.year_no_entry == "#e4e6ea"
    assert palette.PDF_YEAR_SESSION == palette.LIGHT.year_session == "#e0115f"
