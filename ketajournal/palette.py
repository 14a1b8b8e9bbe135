"""Every colour ketajournal shows, by what it means: the window, its charts and the PDF.

The one place a colour is written. Widgets, charts and report writers name a colour by
its meaning (``screen().danger``, ``PDF_RED``), never by its hex value, so a colour
changes in one line and two places can no longer disagree by accident. Values are
``#rrggbb`` strings; nothing here imports Qt, ReportLab or the rest of ketajournal,
so every floor may use it.

Two media, two sets of values:

* :class:`Palette` is the window's (its Qt palette, stylesheets, table text, the
  pyqtgraph charts, and the Appointment screen's summary), in two sets: :data:`LIGHT`
  and :data:`DARK`. :func:`screen` is the set the window draws with now; the window
  switches it with :func:`use` when the colour scheme changes (the system's, or the
  Settings override), then repaints. The CLI and the PDF never switch it.
* The ``PDF_*`` constants are the clinician PDF's, always on white paper. Where the
  PDF draws the same series as a chart it takes the chart's hue from :data:`LIGHT`.

Where the window and the PDF mean the same thing with different values, both are kept
as they were, under names that say which is which: the red of a warning is
``LIGHT.danger`` (#b00020) in the window's text but :data:`PDF_RED` (#b3261e, the
Boosters screen's ``LIGHT.booster_alert``) on paper; daily mood points are
``LIGHT.mood`` (#4a7fc1) on screen but the lighter :data:`PDF_MOOD` (#7fa6d6) under
the PDF's thin line; body text is :data:`PDF_INK` on paper and ``LIGHT.chart_text``
on the charts.

Every text colour meets WCAG 2.2 AA (4.5:1) against the backgrounds it is drawn on,
and every chart line and marker 3:1 against the plot, in both sets:
``tests/unit/test_palette.py`` walks them (:data:`TEXT_ON`, :data:`CHART_MARKS`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    """The window's colours by meaning (``#rrggbb``)."""

    #: Whether this is the dark set.
    is_dark: bool

    # -- the window's Qt palette (QPalette roles) ----------------------------------------
    window: str
    window_text: str
    #: Behind text fields, lists and tables.
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    link: str
    placeholder_text: str
    disabled_text: str
    tooltip_base: str
    tooltip_text: str
    #: Frames and separators (QPalette's Mid, Dark, Light, Midlight, Shadow).
    mid: str
    dark: str
    light: str
    midlight: str
    shadow: str

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
    #: Medication changes on the Trends chart (a dotted line, a diamond and a label).
    medication: str
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

    # -- the Year screen ------------------------------------------------------------------
    #: A day without a mood entry: a quiet slot, apart from the background and from both
    #: ends of :data:`MOOD_SCALE` (light grey on light, dark grey on dark).
    year_no_entry: str
    #: The ring and dot on a session day (3:1 on the window and on an empty day).
    year_session: str
    #: The frame around the chosen day, drawn on the window (3:1).
    year_selected: str


#: The light palette: the window as it has always looked (Qt's Fusion colours).
LIGHT = Palette(
    is_dark=False,
    window="#efefef",
    window_text="#000000",
    base="#ffffff",
    alternate_base="#f7f7f7",
    text="#000000",
    button="#efefef",
    button_text="#000000",
    highlight="#2a6fa3",
    highlighted_text="#ffffff",
    link="#0b57d0",
    placeholder_text="#5e5e5e",
    disabled_text="#7a7a7a",
    tooltip_base="#ffffdc",
    tooltip_text="#000000",
    mid="#b8b8b8",
    dark="#9f9f9f",
    light="#ffffff",
    midlight="#cacaca",
    shadow="#767676",
    danger="#b00020",
    hint_text="#555555",
    definition_text="#666666",
    licence_text="#5e5e5e",
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
    anxiety="#c2620a",
    sleep="#5c6b73",
    induction="#7b3fa0",
    booster="#12866f",
    planned="#b05a00",
    side_effect="#7a6a55",
    medication="#8d5a00",
    red_flag="#d21f1f",
    red_flag_outline="#7a0000",
    phq9="#a0307f",
    gad7="#5f7417",
    # The purple (120, 90, 150) at 4 % and 10 % over white.
    band_fills=("#faf9fb", "#f1eef4"),
    band_text="#6b6b6b",
    year_no_entry="#e4e6ea",
    year_session="#e0115f",
    year_selected="#111111",
)

#: The dark palette: light text on near-black, the chart hues lightened so that lines
#: and markers keep 3:1 on the plot and text 4.5:1 on every background.
DARK = Palette(
    is_dark=True,
    window="#202124",
    window_text="#e8eaed",
    base="#17181b",
    alternate_base="#24262a",
    text="#e8eaed",
    button="#2d2f33",
    button_text="#e8eaed",
    highlight="#8ab4f8",
    highlighted_text="#111318",
    link="#8ab4f8",
    placeholder_text="#a5a9b0",
    disabled_text="#8e9299",
    tooltip_base="#303134",
    tooltip_text="#e8eaed",
    mid="#4a4d52",
    dark="#121315",
    light="#3c3f44",
    midlight="#34373b",
    shadow="#000000",
    danger="#ff8a80",
    hint_text="#b8bcc2",
    definition_text="#b0b4ba",
    licence_text="#a8acb2",
    small_print="#b4b8be",
    info="#9cc3ff",
    success="#81c995",
    booster_alert="#ff8a80",
    rule="#5f6368",
    chart_background="#1b1c1f",
    chart_text="#e3e5e8",
    chart_grid="#34363a",
    mood="#7eaaf0",
    mean="#c6dafc",
    anxiety="#f6a35c",
    sleep="#a9b6bd",
    induction="#c49be6",
    booster="#4fd1b5",
    side_effect="#c9b79f",
    medication="#e0a94a",
    planned="#ff9e6e",
    red_flag="#ff6b6b",
    red_flag_outline="#ffd2cc",
    phq9="#f28ad5",
    gad7="#b5cf5a",
    # The purple (120, 90, 150) at 10 % and 20 % over the dark plot.
    band_fills=("#1e1d22", "#2b2730"),
    band_text="#b9b6bf",
    # A white-ish empty day was the brightest square on a dark grid, brighter than a
    # mood of 10: here it recedes, a grey one step above the window.
    year_no_entry="#3a3d42",
    year_session="#ff8fbf",
    year_selected="#f1f3f4",
)

#: The schemes the Settings offer: follow the system, or always light or dark.
SCHEMES = ("system", "light", "dark")

_current: list[Palette] = [LIGHT]


def screen() -> Palette:
    """The palette the window draws with now (:data:`LIGHT` until :func:`use` switches)."""
    return _current[0]


def use(palette: Palette) -> None:
    """Draw the window with ``palette`` from now on (the window repaints itself)."""
    _current[0] = palette


def for_scheme(dark: bool) -> Palette:
    """:data:`DARK` or :data:`LIGHT`."""
    return DARK if dark else LIGHT


#: Which text colour is drawn on which backgrounds (field names of :class:`Palette`).
TEXT_ON: dict[str, tuple[str, ...]] = {
    **{
        name: ("window", "base", "alternate_base", "button")
        for name in (
            "window_text", "text", "danger", "hint_text", "definition_text",
            "licence_text", "small_print", "info", "success", "booster_alert", "link",
            "placeholder_text",
        )
    },
    "button_text": ("button",),
    "highlighted_text": ("highlight",),
    "tooltip_text": ("tooltip_base",),
    "chart_text": ("chart_background",),
    "band_text": ("chart_background", "band_fills"),
}

#: The Year screen's marks, and what each is drawn on (3:1 against each).
YEAR_MARKS: dict[str, tuple[str, ...]] = {
    "year_session": ("window", "year_no_entry"),
    "year_selected": ("window",),
}

#: Chart lines and markers, drawn on the plot background (3:1) and over the bands.
CHART_MARKS = (
    "mood", "mean", "anxiety", "sleep", "induction", "booster", "side_effect",
    "medication", "planned", "red_flag", "phq9", "gad7", "booster_alert",
)


def with_alpha(colour: str, alpha: int) -> str:
    """``#rrggbb`` with an opacity of 0–255 appended, as pyqtgraph reads it: ``#rrggbbaa``."""
    return f"{colour}{alpha:02x}"


# -- year in pixels: the daily mood as a colour, on screen and on paper ----------------------

#: Daily mood 0–10 (10 = best) as eleven colours, worst first: viridis sampled at
#: 0, 0.1, … 1. Viridis is ordered by lightness from dark purple to light yellow, so
#: its steps stay apart for every kind of colour blindness and in greyscale, and it
#: needs no white middle, so it reads on a light or a dark background.
MOOD_SCALE: tuple[str, ...] = (
    "#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c",
    "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725",
)


def mood_colour(step: int) -> str:
    """The colour of a whole daily mood ``step`` (0–10) on :data:`MOOD_SCALE`."""
    return MOOD_SCALE[max(0, min(10, step))]


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
#: The year-in-pixels page: a day without an entry, and the session ring, as on a
#: light screen.
PDF_YEAR_NO_ENTRY = LIGHT.year_no_entry
PDF_YEAR_SESSION = LIGHT.year_session


__all__ = [
    "ALPHA_NEWEST",
    "ALPHA_OLDEST",
    "CHART_MARKS",
    "DARK",
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
    "PDF_YEAR_NO_ENTRY",
    "PDF_YEAR_SESSION",
    "SCHEMES",
    "TEXT_ON",
    "YEAR_MARKS",
    "Palette",
    "age_opacities",
    "for_scheme",
    "screen",
    "use",
    "with_alpha",
]
