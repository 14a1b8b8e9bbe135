"""Every colour ketajournal shows, by what it means: the window, its charts and the PDF.

The one place a colour is written. Widgets, charts and report writers name a colour by
its meaning (``SCREEN.danger``, ``PDF_RED``), never by its hex value, so a colour
changes in one line and two places can no longer disagree by accident. Values are
``#rrggbb`` strings; nothing here imports Qt, ReportLab or the rest of ketajournal,
so every floor may use it.

Two media, two sets of values:

* :class:`Palette` is the window's (stylesheets, table text, the pyqtgraph charts, and
  the Appointment screen's summary). :data:`LIGHT` is the only one today; a dark
  palette would be a second instance, and :data:`SCREEN` is the one the window uses.
* The ``PDF_*`` constants are the clinician PDF's, always on white paper. Where the
  PDF draws the same series as a chart it takes the chart's hue from :data:`LIGHT`.

Where the window and the PDF mean the same thing with different values, both are kept
as they were, under names that say which is which: the red of a warning is
``SCREEN.danger`` (#b00020) in the window's text but :data:`PDF_RED` (#b3261e, the
Boosters screen's ``SCREEN.booster_alert``) on paper; daily mood points are
``SCREEN.mood`` (#4a7fc1) on screen but the lighter :data:`PDF_MOOD` (#7fa6d6) under
the PDF's thin line; body text is :data:`PDF_INK` on paper and ``SCREEN.chart_text``
on the charts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    """The window's colours by meaning (``#rrggbb``)."""

    # -- text in the window --------------------------------------------------------------
    #: Errors, red flags and safety warnings in text: "could not save", a red-flag side
    #: effect, a row of the Timeline that is a red flag.
    danger: str
    #: Hints and notes next to a form or under a chart.
    hint_text: str
    #: Definitions in small type (Today's questionnaire definitions, the summary's).
    definition_text: str
    #: The questionnaires' licence line.
    licence_text: str
    #: The Boosters screen's definitions strip.
    small_print: str
    #: A neutral status ("Restored what you typed…").
    info: str
    #: A save that succeeded ("Saved at 21:04").
    success: str
    #: The Boosters screen's red: the tolerance signal bar, the threshold T line and
    #: label, the threshold editor's error.
    booster_alert: str
    #: The bar beside the tolerance sentence when there is no signal.
    rule: str

    # -- charts ----------------------------------------------------------------------------
    chart_background: str
    #: Axes, tick labels, axis titles and legend text.
    chart_text: str
    #: The Trends chart's horizontal grid lines.
    chart_grid: str
    #: Daily mood points.
    mood: str
    #: The 7-day mean, and the median of the booster cycles.
    mean: str
    anxiety: str
    sleep: str
    #: Induction sessions and cycles (also told apart by dash style).
    induction: str
    #: Booster sessions and cycles.
    booster: str
    #: Planned sessions still ahead (hollow markers on the Trends chart).
    planned: str
    side_effect: str
    #: Red-flag side effects: fill and outline of their marker.
    red_flag: str
    red_flag_outline: str
    #: Questionnaire totals.
    phq9: str
    gad7: str
    #: The PHQ-9 severity bands behind the Trends chart: alternating fills (lowest band
    #: first), pre-blended over the background so that they are opaque, and their labels.
    band_fills: tuple[str, ...]
    band_text: str


#: The light palette: the window as it has always looked.
LIGHT = Palette(
    danger="#b00020",
    hint_text="#555555",
    definition_text="#666666",
    licence_text="#777777",
    small_print="#5a5a5a",
    info="#1a4d8f",
    success="#1b5e20",
    booster_alert="#b3261e",
    rule="#c9c9c9",
    chart_background="#ffffff",
    chart_text="#222222",
    chart_grid="#e3e3e3",
    mood="#4a7fc1",
    mean="#0b2f6b",
    anxiety="#d9730d",
    sleep="#5c6b73",
    induction="#7b3fa0",
    booster="#12866f",
    planned="#b05a00",
    side_effect="#7a6a55",
    red_flag="#d21f1f",
    red_flag_outline="#7a0000",
    phq9="#a0307f",
    gad7="#5f7417",
    # The purple (120, 90, 150) at 4 % and 10 % over white.
    band_fills=("#faf9fb", "#f1eef4"),
    band_text="#6b6b6b",
)

#: The palette the window draws with.
SCREEN: Palette = LIGHT


def with_alpha(colour: str, alpha: int) -> str:
    """``#rrggbb`` with an opacity of 0–255 appended, as pyqtgraph reads it: ``#rrggbbaa``."""
    return f"{colour}{alpha:02x}"


# -- older cycles fainter: the response curves, on screen and on paper -----------------------

#: Opacity of the oldest and the newest curve of each phase.
ALPHA_OLDEST = 0.18
ALPHA_NEWEST = 0.95


def age_opacities(count: int) -> tuple[float, ...]:
    """Opacities for ``count`` curves, oldest first: a linear ramp from faint to strong."""
    if count <= 1:
        return (ALPHA_NEWEST,) * count
    step = (ALPHA_NEWEST - ALPHA_OLDEST) / (count - 1)
    return (*(ALPHA_OLDEST + i * step for i in range(count - 1)), ALPHA_NEWEST)


# -- the clinician PDF (white paper, whatever the window's palette) --------------------------

#: Body text.
PDF_INK = "#1d1d1d"
#: Footer, axis ticks and definitions in small grey type.
PDF_MUTED = "#4d4d4d"
#: Flags: red flags, marked blood pressure, item 9 above 0, the threshold T.
PDF_RED = "#b3261e"
#: Table grid, header and footer rules, chart frames.
PDF_GRID = "#c4c8cf"
#: The charts' horizontal grid lines.
PDF_CHART_GRID = "#e6e8ec"
PDF_HEAD_BACKGROUND = "#e9edf3"
PDF_KEY_FIGURES_BACKGROUND = "#f5f7fa"
#: Behind a flagged row.
PDF_FLAG_BACKGROUND = "#fbeceb"
PDF_PAPER = "#ffffff"
#: Daily mood, lighter than on screen: points and a thin line under the 7-day mean.
PDF_MOOD = "#7fa6d6"
PDF_MEAN = LIGHT.mean
PDF_INDUCTION = LIGHT.induction
PDF_BOOSTER = LIGHT.booster
PDF_PHQ9 = LIGHT.phq9
#: The baseline level B.
PDF_BASELINE = "#8a8a8a"


__all__ = [
    "ALPHA_NEWEST",
    "ALPHA_OLDEST",
    "LIGHT",
    "PDF_BASELINE",
    "PDF_BOOSTER",
    "PDF_CHART_GRID",
    "PDF_FLAG_BACKGROUND",
    "PDF_GRID",
    "PDF_HEAD_BACKGROUND",
    "PDF_INDUCTION",
    "PDF_INK",
    "PDF_KEY_FIGURES_BACKGROUND",
    "PDF_MEAN",
    "PDF_MOOD",
    "PDF_MUTED",
    "PDF_PAPER",
    "PDF_PHQ9",
    "PDF_RED",
    "SCREEN",
    "Palette",
    "age_opacities",
    "with_alpha",
]
