"""The PDF's optional year-in-pixels page: one square per day, coloured by its daily mood.

Drawn with ``reportlab.graphics`` from the report model's ``YearPixels`` (the rule of
``domain.year_pixels``, the same as the Year screen) in the colours of
``palette.MOOD_SCALE``: a column per month, a row per day of the month, session days
ringed with a dot, then a legend from 0 to 10 and the definition. Off by default
(``export pdf --year-page``).
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer

from ketajournal.domain.dates import month_abbreviation
from ketajournal.domain.year_pixels import DEFINITION, YearPixels, year_counts
from ketajournal.language import gettext as _
from ketajournal.language import pgettext
from ketajournal.palette import (
    MOOD_SCALE,
    PDF_PAPER,
    PDF_YEAR_NO_ENTRY,
    PDF_YEAR_SESSION,
    mood_colour,
)
from ketajournal.reports.pdf.look import FRAME_WIDTH, INK, MUTED, SANS, heading, para

#: Side of one day's square and the gap between squares, in points.
CELL = 14.0
GAP = 3.0
LEFT = 30.0
TOP = 22.0
LEGEND = 34.0


def year_drawing(pixels: YearPixels) -> Drawing:
    """Twelve columns of up to 31 squares, the month names, day numbers and a legend."""
    step = CELL + GAP
    height = TOP + 31 * step + LEGEND
    drawing = Drawing(FRAME_WIDTH, height)
    offset = (FRAME_WIDTH - (LEFT + 12 * step)) / 2  # centred on the page

    def y_of(row: int) -> float:  # row 0 = day 1, at the top
        return height - TOP - (row + 1) * step + GAP

    for month, name in enumerate(month_abbreviation(m) for m in range(1, 13)):
        drawing.add(String(offset + LEFT + month * step + CELL / 2, height - TOP + 8, name,
                           fontName=SANS, fontSize=8, fillColor=MUTED, textAnchor="middle"))
    for row in range(31):
        if row % 5 == 0 or row == 30:
            drawing.add(String(offset + LEFT - 6, y_of(row) + 4, str(row + 1), fontName=SANS,
                               fontSize=7.5, fillColor=MUTED, textAnchor="end"))
    for month in range(1, 13):
        for row in range(31):
            day = pixels.cell(month, row + 1)
            if day is None:
                continue
            x, y = offset + LEFT + (month - 1) * step, y_of(row)
            level = pixels.step(day)
            colour = PDF_YEAR_NO_ENTRY if level is None else mood_colour(level)
            drawing.add(Rect(x, y, CELL, CELL, rx=1.5, ry=1.5, strokeColor=None,
                             fillColor=colors.HexColor(colour)))
            if day in pixels.sessions:
                drawing.add(Rect(x + 1, y + 1, CELL - 2, CELL - 2, rx=1.5, ry=1.5,
                                 strokeColor=colors.HexColor(PDF_YEAR_SESSION), strokeWidth=1.6,
                                 fillColor=None))
                drawing.add(Circle(x + CELL / 2, y + CELL / 2, 2.0, strokeColor=None,
                                   fillColor=colors.HexColor(PDF_YEAR_SESSION)))
    # The legend: mood 0 … 10, then "no entry" and "session".
    y = 6.0
    x = offset + LEFT
    drawing.add(String(x - 4, y + 3.5, _("mood 0"), fontName=SANS, fontSize=8, fillColor=INK,
                       textAnchor="end"))
    for index, colour in enumerate(MOOD_SCALE):
        drawing.add(Rect(x + index * (CELL - 2), y, CELL - 2, CELL - 2, strokeColor=None,
                         fillColor=colors.HexColor(colour)))
    x += len(MOOD_SCALE) * (CELL - 2) + 4
    drawing.add(String(x, y + 3.5, "10", fontName=SANS, fontSize=8, fillColor=INK))
    x += 22
    drawing.add(Rect(x, y, CELL - 2, CELL - 2, strokeColor=None,
                     fillColor=colors.HexColor(PDF_YEAR_NO_ENTRY)))
    no_entry = _("no entry")
    drawing.add(String(x + CELL + 2, y + 3.5, no_entry, fontName=SANS, fontSize=8,
                       fillColor=INK))
    x += max(62.0, CELL + 2 + stringWidth(no_entry, SANS, 8) + 14)
    drawing.add(Rect(x, y, CELL - 2, CELL - 2, strokeColor=colors.HexColor(PDF_YEAR_SESSION),
                     strokeWidth=1.6, fillColor=colors.HexColor(PDF_PAPER)))
    drawing.add(Circle(x + (CELL - 2) / 2, y + (CELL - 2) / 2, 2.0, strokeColor=None,
                       fillColor=colors.HexColor(PDF_YEAR_SESSION)))
    drawing.add(String(x + CELL + 2, y + 3.5, pgettext("year page", "session"), fontName=SANS,
                       fontSize=8, fillColor=INK))
    return drawing


def year_pages(years: tuple[YearPixels, ...]) -> list[Flowable]:
    """One page per year: a heading with the days counted, the squares, the definition."""
    story: list[Flowable] = []
    for index, pixels in enumerate(years):
        if index:
            story.append(PageBreak())
        story.append(heading(_("Year in pixels: {year}").format(year=pixels.year)))
        story.append(para(year_counts(pixels)))
        story.append(Spacer(1, 6))
        story.append(year_drawing(pixels))
        story.append(Spacer(1, 6))
        story.append(para(_(DEFINITION), "small"))
    return story
