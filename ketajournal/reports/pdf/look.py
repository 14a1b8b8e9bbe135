"""The PDF's look: A4 and its margins, the embedded fonts, colours, paragraph styles, and
the shaded tables every section uses.

Bitstream Vera ships inside ReportLab and is embedded; it has ≥, −, ×, ÷ and curly
quotes, and :data:`FALLBACKS` replaces the few glyphs it lacks.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ketajournal.palette import (
    PDF_FLAG_BACKGROUND,
    PDF_GRID,
    PDF_HEAD_BACKGROUND,
    PDF_INK,
    PDF_KEY_FIGURES_BACKGROUND,
    PDF_MUTED,
    PDF_RED,
)

SANS = "KJSans"
SANS_BOLD = "KJSans-Bold"
SANS_ITALIC = "KJSans-Italic"

PAGE_WIDTH, PAGE_HEIGHT = A4
#: The paper sizes a report is written on (``--paper``, the Settings, else the locale).
PAPERS = {"a4": A4, "letter": LETTER}
MARGIN_X = 16 * mm
MARGIN_TOP = 21 * mm
MARGIN_BOTTOM = 17 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X


def page_geometry(paper: str) -> tuple[float, float, float]:
    """Width, height and side margin of ``paper`` ("a4" or "letter"). The content keeps
    A4's width (:data:`FRAME_WIDTH`) on every paper, centred: Letter is 6 mm wider and
    18 mm shorter, so its pages only break earlier."""
    width, height = PAPERS[paper]
    return width, height, (width - FRAME_WIDTH) / 2

INK = colors.HexColor(PDF_INK)
MUTED = colors.HexColor(PDF_MUTED)
RED = colors.HexColor(PDF_RED)
GRID = colors.HexColor(PDF_GRID)
HEAD_BG = colors.HexColor(PDF_HEAD_BACKGROUND)
KEY_BG = colors.HexColor(PDF_KEY_FIGURES_BACKGROUND)
FLAG_BG = colors.HexColor(PDF_FLAG_BACKGROUND)

BODY_SIZE = 10
SMALL_SIZE = 9
TABLE_SIZE = 9.5

# Glyphs the embedded font lacks, and what to print instead.
FALLBACKS = str.maketrans({"→": "->", "₀": "0", "₁": "1"})


def paragraph_style(name: str, **kw: Any) -> ParagraphStyle:
    """A paragraph style: the body text's, with ``kw`` changed."""
    base: dict[str, Any] = {
        "fontName": SANS, "fontSize": BODY_SIZE, "leading": BODY_SIZE * 1.3, "textColor": INK,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles by name (headings, body, flags, small type, table cells)."""
    register_fonts()
    return {
        "h1": paragraph_style("h1", fontName=SANS_BOLD, fontSize=15, leading=19, spaceAfter=2),
        "h2": paragraph_style("h2", fontName=SANS_BOLD, fontSize=12, leading=15, spaceBefore=9,
                     spaceAfter=3),
        "body": paragraph_style("body"),
        "flag": paragraph_style("flag", fontName=SANS_BOLD, textColor=RED),
        "small": paragraph_style("small", fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.28,
                        textColor=MUTED),
        "cell": paragraph_style("cell", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.25),
        "note": paragraph_style("note", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.3, spaceAfter=3,
                       leftIndent=10, firstLineIndent=-10),
        "cell_bold": paragraph_style("cell_bold", fontName=SANS_BOLD, fontSize=TABLE_SIZE,
                            leading=TABLE_SIZE * 1.25),
        "cell_flag": paragraph_style("cell_flag", fontName=SANS_BOLD, fontSize=TABLE_SIZE,
                            leading=TABLE_SIZE * 1.25, textColor=RED),
        "cell_red": paragraph_style("cell_red", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.25,
                           textColor=RED),
    }


@functools.cache
def register_fonts() -> None:
    """Register Bitstream Vera (shipped inside ReportLab) once; it has ≥ − × ÷ “ ”."""
    folder = Path(reportlab.__file__).parent / "fonts"
    for name, file in ((SANS, "Vera.ttf"), (SANS_BOLD, "VeraBd.ttf"),
                       (SANS_ITALIC, "VeraIt.ttf"), (SANS + "-BoldItalic", "VeraBI.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS + "-BoldItalic"
    )


def escaped(value: str) -> str:
    """Text for a Paragraph: XML-escaped, with glyphs the font lacks replaced."""
    return escape(value.translate(FALLBACKS))


class Text(Paragraph):  # type: ignore[misc]
    """A Paragraph that breaks its lines once per width.

    A table wraps each cell's paragraph to measure the row and again to draw it, at the
    same width: the second time the lines are the ones already broken (``wrap`` keeps
    them, with the width and height, on the paragraph). Same layout, same bytes.
    """

    _wrapped: tuple[float, tuple[float, float], object] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Break the lines for ``availWidth`` (the height does not change them)."""
        # Reused only while the broken lines are still the ones made for this width
        # (splitting a paragraph drops them).
        done = self._wrapped
        if done is not None and done[0] == availWidth and getattr(self, "blPara", None) is done[2]:
            return done[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size, self.blPara)
        return size


def para(value: str, style: str = "body") -> Paragraph:
    """A Paragraph of plain text (escaped) in one of :func:`styles`."""
    return Text(escaped(value), styles()[style])


def markup(source: str, style: str = "body") -> Paragraph:
    """A Paragraph from markup whose variable parts were already passed through escaped."""
    return Text(source, styles()[style])


def heading(text: str) -> Flowable:
    """A section heading."""
    return para(text, "h2")


class Definition(Text):
    """A paragraph of definitions (small grey type)."""


def definition_paragraphs(lines: Iterable[str]) -> list[Flowable]:
    """Definitions in small grey type, one paragraph each."""
    return [Definition(escaped(line), styles()["small"]) for line in lines if line]


def definition_block(lines: Iterable[str]) -> list[Flowable]:
    """Definitions in small grey type, run together in one paragraph (page 1)."""
    return definition_paragraphs([" ".join(line for line in lines if line)])


def grid_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    flagged: Sequence[int] = (),
    bold_flags: bool = True,
    align_right_from: int | None = None,
    align_right_to: int = -1,
    repeat_header: bool = True,
) -> Table:
    """A table with a shaded header row and a light grid."""
    table = Table(rows, colWidths=list(widths), repeatRows=1 if repeat_header else 0,
                  hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, TABLE_SIZE),
        ("FONT", (0, 0), (-1, 0), SANS_BOLD, TABLE_SIZE),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if align_right_from is not None:
        commands.append(("ALIGN", (align_right_from, 1), (align_right_to, -1), "RIGHT"))
    for row in flagged:
        commands.append(("TEXTCOLOR", (0, row), (-1, row), RED))
        if bold_flags:
            commands.append(("FONT", (0, row), (-1, row), SANS_BOLD, TABLE_SIZE))
        commands.append(("BACKGROUND", (0, row), (-1, row), FLAG_BG))
    table.setStyle(TableStyle(commands))
    return table
