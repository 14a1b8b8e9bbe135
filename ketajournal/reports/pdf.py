"""The clinician PDF: a one-minute page 1, vector charts, then the detail tables.

Draws a :class:`~ketajournal.reports.model.Report` with ReportLab's platypus (no Qt):
A4, the Bitstream Vera fonts that ship with ReportLab (embedded, with ≥ and −), a
header and footer on every page (title, period, "page X of Y", and the report name
only when the user typed one). The charts are drawn as vector paths with
``reportlab.graphics``. The file carries a generic title and no other metadata (no
author, creator, producer, subject, dates or paths), and is written to a temporary
file beside the target and renamed, so a failed export leaves nothing behind.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Group,
    Line,
    Polygon,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ketajournal.domain.dates import format_date, format_short_date, month_abbreviation
from ketajournal.domain.models import EventKind
from ketajournal.errors import KnownError
from ketajournal.palette import (
    PDF_BASELINE,
    PDF_BOOSTER,
    PDF_CHART_GRID,
    PDF_FLAG_BACKGROUND,
    PDF_GRID,
    PDF_HEAD_BACKGROUND,
    PDF_INDUCTION,
    PDF_INK,
    PDF_KEY_FIGURES_BACKGROUND,
    PDF_MEAN,
    PDF_MOOD,
    PDF_MUTED,
    PDF_PAPER,
    PDF_PHQ9,
    PDF_RED,
    age_opacities,
)
from ketajournal.platform.files import atomic_path
from ketajournal.reports.model import AssessmentRow, CurvesData, NoteRow, Report, TrendData
from ketajournal.reports.numbers import (
    format_dose,
    format_mood,
    format_percent,
    format_signed,
    yes_no,
)
from ketajournal.reports.summary import (
    RECENT_MOOD_DAYS,
    BloodPressureLine,
    Score,
    SessionLine,
    Summary,
)

# -- look ---------------------------------------------------------------------------------

SANS = "KJSans"
SANS_BOLD = "KJSans-Bold"
SANS_ITALIC = "KJSans-Italic"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 21 * mm
MARGIN_BOTTOM = 17 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

INK = colors.HexColor(PDF_INK)
MUTED = colors.HexColor(PDF_MUTED)
RED = colors.HexColor(PDF_RED)
GRID = colors.HexColor(PDF_GRID)
CHART_GRID = colors.HexColor(PDF_CHART_GRID)
HEAD_BG = colors.HexColor(PDF_HEAD_BACKGROUND)
KEY_BG = colors.HexColor(PDF_KEY_FIGURES_BACKGROUND)
FLAG_BG = colors.HexColor(PDF_FLAG_BACKGROUND)
PAPER = colors.HexColor(PDF_PAPER)
MOOD_COLOUR = colors.HexColor(PDF_MOOD)
MEAN_COLOUR = colors.HexColor(PDF_MEAN)
INDUCTION_COLOUR = colors.HexColor(PDF_INDUCTION)
BOOSTER_COLOUR = colors.HexColor(PDF_BOOSTER)
PHQ_COLOUR = colors.HexColor(PDF_PHQ9)
BASELINE_COLOUR = colors.HexColor(PDF_BASELINE)
THRESHOLD_COLOUR = RED

BODY_SIZE = 10
SMALL_SIZE = 9
TABLE_SIZE = 9.5

# Glyphs the embedded font lacks, and what to print instead.
_FALLBACKS = str.maketrans({"→": "->", "₀": "0", "₁": "1"})


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": SANS, "fontSize": BODY_SIZE, "leading": BODY_SIZE * 1.3, "textColor": INK,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    return {
        "h1": _style("h1", fontName=SANS_BOLD, fontSize=15, leading=19, spaceAfter=2),
        "h2": _style("h2", fontName=SANS_BOLD, fontSize=12, leading=15, spaceBefore=9,
                     spaceAfter=3),
        "body": _style("body"),
        "flag": _style("flag", fontName=SANS_BOLD, textColor=RED),
        "small": _style("small", fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.28,
                        textColor=MUTED),
        "cell": _style("cell", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.25),
        "note": _style("note", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.3, spaceAfter=3,
                       leftIndent=10, firstLineIndent=-10),
        "cell_bold": _style("cell_bold", fontName=SANS_BOLD, fontSize=TABLE_SIZE,
                            leading=TABLE_SIZE * 1.25),
        "cell_flag": _style("cell_flag", fontName=SANS_BOLD, fontSize=TABLE_SIZE,
                            leading=TABLE_SIZE * 1.25, textColor=RED),
        "cell_red": _style("cell_red", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.25,
                           textColor=RED),
    }


@functools.cache
def _register_fonts() -> None:
    """Register Bitstream Vera (shipped inside ReportLab) once; it has ≥ − × ÷ “ ”."""
    folder = Path(reportlab.__file__).parent / "fonts"
    for name, file in ((SANS, "Vera.ttf"), (SANS_BOLD, "VeraBd.ttf"),
                       (SANS_ITALIC, "VeraIt.ttf"), (SANS + "-BoldItalic", "VeraBI.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS + "-BoldItalic"
    )


def _text(value: str) -> str:
    """Text for a Paragraph: XML-escaped, with glyphs the font lacks replaced."""
    return escape(value.translate(_FALLBACKS))


def _p(value: str, style: str = "body") -> Paragraph:
    return Paragraph(_text(value), _styles()[style])


def _markup(markup: str, style: str = "body") -> Paragraph:
    """A Paragraph from markup whose variable parts were already passed through _text."""
    return Paragraph(markup, _styles()[style])


# -- the page frame: header, footer, "page X of Y", metadata -------------------------------


class _TitleOnlyInfo(PDFInfo):  # type: ignore[misc]
    """The document information dictionary with a generic title and nothing else.

    ReportLab always writes author, creator, producer (its own name), subject, keywords
    and dates; a health document needs none of them.
    """

    def format(self, document: Any) -> Any:
        return PDFDictionary({"Title": PDFString(self.title)}).format(document)


@dataclass(frozen=True)
class _Chrome:
    """What every page shows around the content."""

    title: str
    period: str
    footer_left: str


class _ReportCanvas(Canvas):  # type: ignore[misc]
    """Holds the pages back until the end, then draws header and "page X of Y" on each."""

    def __init__(self, *args: Any, chrome: _Chrome, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._chrome = chrome
        self._pages: list[dict[str, Any]] = []
        self._doc.info = _TitleOnlyInfo()
        self.setAuthor("")
        self.setCreator("")
        self.setProducer("")
        self.setSubject("")
        self.setKeywords("")

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            _draw_chrome(self, self._chrome, number, total)
            super().showPage()
        self.page_count = total
        super().save()


def _draw_chrome(canvas: Any, chrome: _Chrome, number: int, total: int) -> None:
    canvas.saveState()
    top = PAGE_HEIGHT - 11 * mm
    canvas.setFillColor(INK)
    canvas.setFont(SANS_BOLD, 11)
    canvas.drawString(MARGIN_X, top, chrome.title)
    canvas.setFont(SANS, 9.5)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, chrome.period)
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, top - 4, PAGE_WIDTH - MARGIN_X, top - 4)
    bottom = 9 * mm
    canvas.line(MARGIN_X, bottom + 11, PAGE_WIDTH - MARGIN_X, bottom + 11)
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 9)
    canvas.drawString(MARGIN_X, bottom, chrome.footer_left)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, bottom, f"page {number} of {total}")
    canvas.restoreState()


def _chrome(report: Report) -> _Chrome:
    made = f"Made on {format_date(report.generated_on)} from the patient's own journal"
    left = made if report.name is None else f"Prepared for/by: {report.name} · {made}"
    period = f"Period: {report.period.label} ({report.period.basis})"
    return _Chrome(report.title, period.translate(_FALLBACKS), left.translate(_FALLBACKS))


# -- writing --------------------------------------------------------------------------------


class PdfWriteError(KnownError):
    """The PDF could not be written (folder missing or not writable, disk full…)."""


def write_pdf(report: Report, target: Path) -> int:
    """Write ``report`` as a PDF to ``target`` atomically; returns the number of pages.

    The PDF is built in a temporary file beside ``target`` and renamed over it only when
    complete; on any error the temporary file is removed and ``target`` is untouched.
    An operating-system failure (no such folder, no permission, disk full) becomes a
    :class:`PdfWriteError` with a message for the user.
    """
    story = build_story(report)
    chrome = _chrome(report)
    canvases: list[_ReportCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> _ReportCanvas:
        canvas = _ReportCanvas(*args, chrome=chrome, **kwargs)
        canvases.append(canvas)
        return canvas

    try:
        with atomic_path(target) as tmp:
            _document(tmp, report.title).build(story, canvasmaker=make_canvas)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        message = f"The PDF could not be written ({reason}); nothing was saved."
        raise PdfWriteError(message) from error
    return canvases[-1].page_count


def _document(path: Path, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author="",
        subject="",
        creator="",
        producer="",
        keywords="",
        invariant=1,
    )


def build_story(report: Report) -> list[Flowable]:
    """The flowables of the whole report: page 1, the chart page, the detail tables."""
    _register_fonts()
    story: list[Flowable] = []
    story.extend(_page_one(report.summary))
    story.append(PageBreak())
    story.extend(_chart_page(report))
    story.append(PageBreak())
    story.extend(_details(report))
    story.append(CondPageBreak(PAGE_HEIGHT / 4))
    story.append(_heading("Definitions of the booster analysis"))
    story.extend(_definitions(report.summary.boosters.definitions))
    return story


# -- page 1 ---------------------------------------------------------------------------------


def _page_one(summary: Summary) -> list[Flowable]:
    period = summary.period
    out: list[Flowable] = [
        _p(f"Summary: {period.label}", "h1"),
        _p(f"{period.definition} {period.days} days.", "small"),
        Spacer(1, 5),
        _key_figures(summary),
    ]
    # A section's heading and figures stay on one page; its definitions may run on.
    for section in (_sessions_section, _measures_section, _safety_section, _boosters_section,
                    _side_effects_section, _blood_pressure_section):
        flowables = section(summary)
        split = len(flowables)
        while split and isinstance(flowables[split - 1], _Definition):
            split -= 1
        out.append(KeepTogether(flowables[:split]))
        out.extend(flowables[split:])
    return out


def _key_figures(summary: Summary) -> Table:
    rows = []
    flagged = []
    for i, figure in enumerate(summary.key_figures()):
        style = "cell_flag" if figure.flag else "cell"
        rows.append([_p(figure.label, "cell_bold"), _p(figure.value, style)])
        if figure.flag:
            flagged.append(i)
    table = Table(rows, colWidths=[46 * mm, FRAME_WIDTH - 46 * mm], hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, -1), KEY_BG),
        ("BOX", (0, 0), (-1, -1), 0.8, GRID),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
    ]
    for i in flagged:
        commands.append(("BACKGROUND", (0, i), (-1, i), FLAG_BG))
        commands.append(("LINEBEFORE", (0, i), (0, i), 3, RED))
    table.setStyle(TableStyle(commands))
    return table


def _heading(text: str) -> Flowable:
    return _p(text, "h2")


class _Definition(Paragraph):  # type: ignore[misc]
    """A paragraph of definitions (small grey type)."""


def _definitions(lines: Iterable[str]) -> list[Flowable]:
    """Definitions in small grey type, one paragraph each."""
    return [_Definition(_text(line), _styles()["small"]) for line in lines if line]


def _definition_block(lines: Iterable[str]) -> list[Flowable]:
    """Definitions in small grey type, run together in one paragraph (page 1)."""
    return _definitions([" ".join(line for line in lines if line)])


def _dates_by_phase(sessions: Sequence[SessionLine]) -> list[Flowable]:
    out: list[Flowable] = []
    for phase in ("Induction", "Booster"):
        of_phase = [s for s in sessions if s.phase == phase]
        if not of_phase:
            continue
        doses = {s.dose_mg for s in of_phase}
        routes = {s.route for s in of_phase}
        same_dose = len(doses) == 1
        dates = ", ".join(
            _session_date(s, i, of_phase) + ("" if same_dose else f" ({format_dose(s.dose_mg)})")
            for i, s in enumerate(of_phase)
        )
        how = ", ".join(sorted(routes))
        if same_dose:
            how += f", {format_dose(next(iter(doses)))} each"
        out.append(
            _markup(f"<b>{phase} ({len(of_phase)})</b> — {_text(how)}: {_text(dates)}.")
        )
    return out


def _session_date(session: SessionLine, index: int, sessions: Sequence[SessionLine]) -> str:
    """Dates without the year, except the first one and the first of each new year."""
    new_year = index == 0 or sessions[index - 1].day.year != session.day.year
    return format_short_date(session.day, year=new_year)


def _sessions_section(summary: Summary) -> list[Flowable]:
    s = summary.sessions
    out: list[Flowable] = [_heading(f"Sessions in the period: {s.count}")]
    if not s.sessions:
        out.append(_p("No session was logged in this period."))
    out.extend(_dates_by_phase(s.sessions))
    out.extend(_definition_block([s.definition]))
    return out


def _score_text(score: Score | None) -> str:
    if score is None:
        return "none"
    return f"{score.total} {score.band} ({format_date(score.day)})"


def _measures_section(summary: Summary) -> list[Flowable]:
    mood = summary.mood
    out: list[Flowable] = [_heading("Mood and questionnaires: baseline vs now")]
    rows: list[list[Any]] = [
        ["", "Baseline", "Now (latest)", "Change", "Response", "Remission"]
    ]
    base = "undefined" if mood.baseline_level is None else f"B = {format_mood(mood.baseline_level)}"
    if mood.baseline_start and mood.baseline_end and mood.baseline_level is not None:
        base += f" ({format_short_date(mood.baseline_start)} – {format_date(mood.baseline_end)})"
    recent = "no entries" if mood.recent_mean is None else format_mood(mood.recent_mean)
    rows.append([
        _p("Mood (0–10)", "cell_bold"),
        _p(base, "cell"),
        _p(f"{recent} (mean of the last {RECENT_MOOD_DAYS} days)", "cell"),
        "—" if mood.difference is None else format_signed(mood.difference),
        "", "",
    ])
    for m in summary.measures:
        change = "—" if m.change_percent is None else format_percent(m.change_percent)
        rows.append(
            [
                _p(f"{m.short_title} (0–{m.max_total})", "cell_bold"),
                _p(_score_text(m.baseline), "cell"),
                _p(_score_text(m.latest), "cell"),
                change,
                yes_no(m.response),
                f"{yes_no(m.remission)} (< {m.remission_threshold})",
            ]
        )
    widths = [28 * mm, 46 * mm, 46 * mm, 17 * mm, 20 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    out.append(_grid(rows, widths, align_right_from=3))
    notes = [n for m in summary.measures for n in m.notes]
    out.extend(_definition_block([*mood.definitions, *mood.notes]))
    out.extend(_definition_block([*summary.measure_definitions(), *notes]))
    return out


def _boosters_section(summary: Summary) -> list[Flowable]:
    b = summary.boosters
    out: list[Flowable] = [_heading("Boosters: how long each held")]
    if b.recent_cycles:
        header = ["Booster of"] + [
            format_short_date(c.session_day, year=True) for c in b.recent_cycles
        ]
        dose = ["Dose"] + [format_dose(c.dose_mg) for c in b.recent_cycles]
        held = ["Held"] + [c.label for c in b.recent_cycles]
        first = 22 * mm
        rest = (FRAME_WIDTH - first) / len(b.recent_cycles)
        table = _grid([header, dose, held], [first] + [rest] * len(b.recent_cycles))
        table.setStyle(TableStyle([("FONT", (0, 0), (0, -1), SANS_BOLD, TABLE_SIZE),
                                   ("FONT", (1, 2), (-1, 2), SANS_BOLD, TABLE_SIZE)]))
        out.append(table)
        out.append(Spacer(1, 3))
    elif b.needs:
        out.append(_p(f"Not enough data for the booster analysis: needs {b.needs}."))
    out.append(
        _markup(f"<b>Next booster due? A question for the clinician:</b> "
                f"{_text(b.next_due_question)}")
    )
    out.extend(_definition_block([
        f"Shown: the last {len(b.recent_cycles)} booster cycles up to the end of the period, "
        "oldest first (the latest may still be running).",
        *b.short_definitions,
    ]))
    return out


def _side_effects_section(summary: Summary) -> list[Flowable]:
    out: list[Flowable] = [_heading("Side effects in the period")]
    if not summary.side_effects:
        out.append(_p("None logged in this period."))
    else:
        rows: list[list[Any]] = [["Side effect", "Times", "Worst severity (0–10)", "First – last"]]
        flagged = []
        for i, line in enumerate(summary.side_effects, start=1):
            label = f"RED FLAG — {line.label}" if line.red_flag else line.label
            rows.append([
                _p(label, "cell_flag" if line.red_flag else "cell"),
                str(line.count),
                str(line.worst_severity),
                f"{format_date(line.first_day)} – {format_date(line.last_day)}"
                if line.first_day != line.last_day else format_date(line.first_day),
            ])
            if line.red_flag:
                flagged.append(i)
        widths = [62 * mm, 15 * mm, 44 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        out.append(_grid(rows, widths, flagged=flagged, align_right_from=1, align_right_to=2))
    out.extend(_definition_block([summary.side_effect_definition]))
    return out


def _bp_text(reading: tuple[int, int] | None) -> str:
    return "—" if reading is None else f"{reading[0]}/{reading[1]}"


def _rise_text(line: BloodPressureLine, *, mark: str = " marked") -> str:
    rise = line.rise
    if rise is None:
        return "—"
    text = f"{format_signed(rise[0], 0)}/{format_signed(rise[1], 0)}"
    return f"{text}{mark}" if line.marked else text


_BP_HEAD = ["Session", "Before", "After", "Rise"]
_BP_PAD = 3.0


def _blood_pressure_section(summary: Summary) -> list[Flowable]:
    out: list[Flowable] = [_heading("Blood pressure at sessions (mmHg)")]
    lines = summary.blood_pressure
    if not any(line.before or line.after for line in lines):
        out.append(_p("No blood pressure reading at a session in this period."))
        out.extend(_definition_block([summary.blood_pressure_definition]))
        return out
    cells = [
        [format_date(line.day), _bp_text(line.before), _bp_text(line.after),
         _rise_text(line, mark=" *")]
        for line in lines
    ]
    # Side by side in up to three blocks, as many as fit, so 30 sessions take 10 rows.
    natural = [
        max(pdfmetrics.stringWidth(row[c], SANS_BOLD, 9) for row in [_BP_HEAD, *cells])
        + 2 * _BP_PAD + 1
        for c in range(4)
    ]
    blocks = 1
    for candidate in (3, 2):
        if len(lines) > 4 * (candidate - 1) and candidate * sum(natural) <= FRAME_WIDTH:
            blocks = candidate
            break
    per_block = math.ceil(len(lines) / blocks)
    rows: list[list[str]] = [_BP_HEAD * blocks]
    marked: list[tuple[int, int]] = []
    for r in range(per_block):
        row: list[str] = []
        for b in range(blocks):
            index = b * per_block + r
            if index < len(lines):
                row += cells[index]
                if lines[index].marked:
                    marked.append((b * 4, r + 1))
            else:
                row += ["", "", "", ""]
        rows.append(row)
    spare = (FRAME_WIDTH - blocks * sum(natural)) / (blocks * 4)
    widths = [w + min(spare, 12) for w in natural] * blocks
    table = _grid(rows, widths)
    commands: list[tuple[Any, ...]] = [("FONTSIZE", (0, 0), (-1, -1), 9),
                                       ("LEFTPADDING", (0, 0), (-1, -1), _BP_PAD),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), _BP_PAD)]
    for b in range(1, blocks):
        commands.append(("LINEBEFORE", (b * 4, 0), (b * 4, -1), 1.2, MUTED))
    for col, row_index in marked:
        commands.append(("TEXTCOLOR", (col, row_index), (col + 3, row_index), RED))
        commands.append(("FONT", (col, row_index), (col + 3, row_index), SANS_BOLD, 9))
        commands.append(("BACKGROUND", (col, row_index), (col + 3, row_index), FLAG_BG))
    table.setStyle(TableStyle(commands))
    out.append(table)
    out.extend(_definition_block([summary.blood_pressure_definition]))
    return out


def _safety_section(summary: Summary) -> list[Flowable]:
    out: list[Flowable] = [_heading("PHQ-9 item 9 (thoughts of death or self-harm)")]
    checked = summary.safety_checked
    if not checked:
        out.append(_p("No PHQ-9 was filled in this period."))
    elif not summary.safety:
        filled = "the PHQ-9" if checked == 1 else f"all {checked} PHQ-9s"
        out.append(_p(f"None above 0 in this period: item 9 was 0 on {filled} filled in it."))
    for line in summary.safety:
        out.append(
            _p(
                f"{format_date(line.day)}: item 9 answered {line.answer} "
                f"(“{line.answer_label}”); PHQ-9 total {line.total}.",
                "flag",
            )
        )
    out.extend(_definition_block([summary.safety_definition]))
    return out


def _grid(
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


# -- the chart page -------------------------------------------------------------------------

CHART_WIDTH = FRAME_WIDTH
CHART_HEIGHT = 228.0
PLOT_LEFT = 40.0
PLOT_RIGHT = 40.0
PLOT_BOTTOM = 30.0
PLOT_TOP = 8.0
AXIS_FONT = 8.5
LEGEND_FONT = 9.0


def _chart_page(report: Report) -> list[Flowable]:
    trend = report.charts.trend
    curves = report.charts.curves
    out: list[Flowable] = [
        _p("Mood over the period", "h1"),
        trend_drawing(trend, report.summary.mood.baseline_level),
        _legend(_trend_legend(trend, report.summary.mood.baseline_level)),
    ]
    out.extend(_definitions(trend.definitions))
    out.append(Spacer(1, 8))
    out.append(CondPageBreak(CHART_HEIGHT + 60))
    out.append(_p("Booster response curves", "h1"))
    out.append(response_drawing(curves))
    out.append(_legend(_curves_legend(curves)))
    out.extend(_definitions(curves.definitions))
    return out


@dataclass(frozen=True)
class _Scale:
    """A linear map from data to drawing coordinates."""

    lo: float
    hi: float
    out_lo: float
    out_hi: float

    def __call__(self, value: float) -> float:
        span = self.hi - self.lo or 1.0
        return self.out_lo + (value - self.lo) / span * (self.out_hi - self.out_lo)


def _polyline(
    xs: Sequence[float], ys: Sequence[float], colour: Any, width: float,
    dash: Sequence[float] | None = None, opacity: float = 1.0,
) -> PolyLine:
    points: list[float] = []
    for x, y in zip(xs, ys, strict=True):
        points.extend((x, y))
    line = PolyLine(points, strokeColor=colour, strokeWidth=width, strokeLineJoin=1,
                    strokeLineCap=1)
    if dash:
        line.strokeDashArray = list(dash)
    if opacity < 1.0:
        line.strokeOpacity = opacity
    return line


def _month_ticks(first: date, last: date, width: float) -> list[tuple[date, str]]:
    """Tick days and labels for the time axis, at least ~48 pt apart."""
    days = (last - first).days + 1
    if days <= 70:
        step = 7 if days > 21 else (2 if days > 8 else 1)
        ticks = []
        day = first
        if step == 7:
            day = first + timedelta(days=(7 - first.weekday()) % 7)  # Mondays
        while day <= last:
            ticks.append((day, format_short_date(day)))
            day += timedelta(days=step)
        return ticks
    months = days / 30.44
    every = next((n for n in (1, 2, 3, 4, 6, 12) if width / (months / n) >= 48), None)
    if every is None:  # many years: the first of January of every k-th year
        years = days / 365.25
        k = next(n for n in itertools.count(1) if width / (years / n) >= 48)
        return [(date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1)
                if y % k == 0]
    ticks = []
    year, month = first.year, first.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = date(year, month, 1)
        if day > last:
            break
        if (month - 1) % every == 0:
            label = month_abbreviation(month)
            if month == 1 or not ticks:
                label = f"{label} {year}"
            ticks.append((day, label))
    return ticks


def _axis_text(x: float, y: float, text: str, anchor: str = "middle",
               size: float = AXIS_FONT, colour: Any = MUTED) -> String:
    return String(x, y, text, fontName=SANS, fontSize=size, fillColor=colour,
                  textAnchor=anchor)


def _frame(drawing: Drawing, left: float, bottom: float, right: float, top: float) -> None:
    drawing.add(Rect(left, bottom, right - left, top - bottom, strokeColor=GRID,
                     strokeWidth=0.6, fillColor=None))


def _mood_axis(drawing: Drawing, y: _Scale, left: float, right: float, title: str) -> None:
    for value in range(0, 11, 2):
        yy = y(value)
        drawing.add(Line(left, yy, right, yy, strokeColor=CHART_GRID,
                         strokeWidth=0.5))
        drawing.add(_axis_text(left - 4, yy - 3, str(value), anchor="end"))
    label = _axis_text(0, 0, title, size=AXIS_FONT + 0.5, colour=INK)
    drawing.add(_rotated(label, 10, (y.out_lo + y.out_hi) / 2))


def _rotated(string: String, x: float, y: float) -> Group:
    group = Group(string)
    group.transform = (0, 1, -1, 0, x, y)
    return group


def trend_drawing(trend: TrendData, baseline: float | None) -> Drawing:
    """The Trends chart: daily mood, 7-day mean, sessions, PHQ-9 on the right axis."""
    drawing = Drawing(CHART_WIDTH, CHART_HEIGHT)
    left, right = PLOT_LEFT, CHART_WIDTH - PLOT_RIGHT
    bottom, top = PLOT_BOTTOM, CHART_HEIGHT - PLOT_TOP
    first, last = trend.start.toordinal(), trend.end.toordinal() + 1
    x = _Scale(first, last, left, right)
    y = _Scale(-0.3, 10.3, bottom, top)
    _frame(drawing, left, bottom, right, top)
    _mood_axis(drawing, y, left, right, "Mood (0–10, 10 = best)")

    for day, label in _month_ticks(trend.start, trend.end, right - left):
        xx = x(day.toordinal())
        drawing.add(Line(xx, bottom, xx, bottom - 3, strokeColor=MUTED, strokeWidth=0.6))
        drawing.add(_axis_text(xx, bottom - 12, label))

    if baseline is not None:
        drawing.add(Line(left, y(baseline), right, y(baseline), strokeColor=BASELINE_COLOUR,
                         strokeWidth=1, strokeDashArray=[1.5, 2]))

    for session in trend.sessions:
        xx = x(session.day.toordinal() + 0.5)
        booster = session.phase == "Booster"
        marker = Line(xx, bottom, xx, top,
                      strokeColor=BOOSTER_COLOUR if booster else INDUCTION_COLOUR,
                      strokeWidth=0.8, strokeDashArray=[3, 2] if booster else None)
        marker.strokeOpacity = 0.6
        drawing.add(marker)

    # Unchanged from when the writer sliced the period itself: with entries only in the
    # days before the period, the plot is left empty without the "No mood entries" note.
    if trend.mood_days or trend.context_days:
        xs = [x(day.toordinal() + 0.5) for day in trend.mood_days]
        values, mean7 = trend.mood_values, trend.mean7_values
        for a, b in trend.mood_runs:
            if b - a > 1:
                drawing.add(_polyline(xs[a:b], [y(v) for v in values[a:b]], MOOD_COLOUR, 0.8))
        if len(xs) <= 120:
            for xx, v in zip(xs, values, strict=True):
                drawing.add(Circle(xx, y(v), 1.4, fillColor=MOOD_COLOUR, strokeColor=None))
        for a, b in trend.mean7_runs:
            drawing.add(_polyline(xs[a:b], [y(v) for v in mean7[a:b]], MEAN_COLOUR, 2.0))
    else:
        drawing.add(_axis_text((left + right) / 2, (bottom + top) / 2,
                               "No mood entries in this period", size=10))

    phq = next((s for s in trend.scores if s.instrument_id == "phq9"), None)
    if phq is not None and phq.points:
        scale = _Scale(-0.3 * phq.max_total / 10, phq.max_total * 1.03, bottom, top)
        for value in range(0, phq.max_total + 1, 5):
            yy = scale(value)
            drawing.add(Line(right, yy, right + 3, yy, strokeColor=PHQ_COLOUR, strokeWidth=0.6))
            drawing.add(_axis_text(right + 5, yy - 3, str(value), anchor="start",
                                   colour=PHQ_COLOUR))
        xs = [x(p.day.toordinal() + 0.5) for p in phq.points]
        ys = [scale(p.total) for p in phq.points]
        if len(xs) > 1:
            drawing.add(_polyline(xs, ys, PHQ_COLOUR, 0.9, opacity=0.75))
        for xx, yy in zip(xs, ys, strict=True):
            drawing.add(Polygon([xx, yy + 3.2, xx + 3.2, yy, xx, yy - 3.2, xx - 3.2, yy],
                                fillColor=PHQ_COLOUR, strokeColor=PAPER,
                                strokeWidth=0.4))
        label = _axis_text(0, 0, f"{phq.short_title} total (0–{phq.max_total})",
                           size=AXIS_FONT + 0.5, colour=PHQ_COLOUR)
        drawing.add(_rotated(label, CHART_WIDTH - 4, (bottom + top) / 2))
    return drawing


def response_drawing(curves: CurvesData) -> Drawing:
    """The response curves: daily mood against days after each session, the median, T."""
    drawing = Drawing(CHART_WIDTH, CHART_HEIGHT)
    left, right = PLOT_LEFT, CHART_WIDTH - 14
    bottom, top = PLOT_BOTTOM, CHART_HEIGHT - PLOT_TOP
    longest = max(curves.longest_offset, 14)
    x = _Scale(0, longest + 1, left, right)
    y = _Scale(-0.3, 10.3, bottom, top)
    _frame(drawing, left, bottom, right, top)
    _mood_axis(drawing, y, left, right, "Daily mood (0–10, 10 = best)")
    for day in range(0, longest + 1, 7):
        xx = x(day)
        drawing.add(Line(xx, bottom, xx, bottom - 3, strokeColor=MUTED, strokeWidth=0.6))
        drawing.add(_axis_text(xx, bottom - 12, str(day)))
    drawing.add(_axis_text((left + right) / 2, 2, "Days after the session", size=AXIS_FONT + 0.5,
                           colour=INK))

    for phase_is_booster in (False, True):
        of_phase = [c for c in curves.curves if c.is_booster is phase_is_booster]
        for curve, alpha in zip(of_phase, age_opacities(len(of_phase)), strict=True):
            if len(curve.offsets) < 2:
                continue
            drawing.add(_polyline(
                [x(k) for k in curve.offsets], [y(v) for v in curve.values],
                BOOSTER_COLOUR if phase_is_booster else INDUCTION_COLOUR,
                1.3 if phase_is_booster else 1.5,
                dash=None if phase_is_booster else [1.2, 2.2],
                opacity=alpha,
            ))
    if len(curves.median_offsets) > 1:
        drawing.add(_polyline([x(k) for k in curves.median_offsets],
                              [y(v) for v in curves.median_values], MEAN_COLOUR, 2.6))
    if curves.threshold is not None:
        yy = y(curves.threshold)
        drawing.add(Line(left, yy, right, yy, strokeColor=THRESHOLD_COLOUR, strokeWidth=1.3,
                         strokeDashArray=[5, 3]))
        drawing.add(_axis_text(right - 3, yy + 4, f"T = {curves.threshold:.2f}", anchor="end",
                               size=9, colour=THRESHOLD_COLOUR))
    if not curves.curves:
        drawing.add(_axis_text((left + right) / 2, (bottom + top) / 2,
                               "No session cycles to show", size=10))
    return drawing


@dataclass(frozen=True)
class _LegendItem:
    label: str
    colour: Any
    width: float = 1.5
    dash: tuple[float, ...] | None = None
    marker: bool = False
    opacity: float = 1.0


def _trend_legend(trend: TrendData, baseline: float | None) -> list[_LegendItem]:
    items = [_LegendItem("Daily mood", MOOD_COLOUR, 0.9),
             _LegendItem("7-day mean", MEAN_COLOUR, 2.0)]
    phases = {s.phase for s in trend.sessions}
    if "Induction" in phases:
        items.append(_LegendItem("Induction session", INDUCTION_COLOUR, 1.0))
    if "Booster" in phases:
        items.append(_LegendItem("Booster session", BOOSTER_COLOUR, 1.0, (3, 2)))
    if baseline is not None:
        items.append(_LegendItem(f"Baseline level B ({format_mood(baseline)})", BASELINE_COLOUR,
                                 1.0, (1.5, 2)))
    if any(s.points for s in trend.scores if s.instrument_id == "phq9"):
        items.append(_LegendItem("PHQ-9 total (right axis)", PHQ_COLOUR, 0.9, marker=True))
    return items


def _curves_legend(curves: CurvesData) -> list[_LegendItem]:
    items = []
    if any(c.is_booster for c in curves.curves):
        items.append(_LegendItem("Booster cycle (older fainter)", BOOSTER_COLOUR, 1.3))
    if any(not c.is_booster for c in curves.curves):
        items.append(_LegendItem("Induction cycle", INDUCTION_COLOUR, 1.5, (1.2, 2.2)))
    if len(curves.median_offsets) > 1:
        items.append(_LegendItem(f"Median of {curves.median_cycle_count} booster cycles",
                                 MEAN_COLOUR, 2.6))
    if curves.threshold is not None:
        items.append(_LegendItem("Threshold T", THRESHOLD_COLOUR, 1.3, (5, 3)))
    return items


def _legend(items: Sequence[_LegendItem]) -> Drawing:
    """Swatches and labels in rows, as a drawing the width of the frame."""
    row_height = 13.0
    swatch = 20.0
    positions: list[tuple[float, int]] = []
    x_pos, row = 0.0, 0
    for item in items:
        width = swatch + 5 + pdfmetrics.stringWidth(item.label, SANS, LEGEND_FONT) + 16
        if x_pos + width > CHART_WIDTH and x_pos > 0:
            x_pos, row = 0.0, row + 1
        positions.append((x_pos, row))
        x_pos += width
    rows = (positions[-1][1] + 1) if positions else 0
    drawing = Drawing(CHART_WIDTH, rows * row_height + 4)
    for item, (x0, r) in zip(items, positions, strict=True):
        yy = drawing.height - (r + 1) * row_height + 5
        drawing.add(_polyline([x0 + PLOT_LEFT, x0 + PLOT_LEFT + swatch], [yy + 3, yy + 3],
                              item.colour, item.width, item.dash, item.opacity))
        if item.marker:
            cx = x0 + PLOT_LEFT + swatch / 2
            drawing.add(Polygon([cx, yy + 6, cx + 3, yy + 3, cx, yy, cx - 3, yy + 3],
                                fillColor=item.colour, strokeColor=None))
        drawing.add(String(x0 + PLOT_LEFT + swatch + 5, yy, item.label, fontName=SANS,
                           fontSize=LEGEND_FONT, fillColor=INK))
    return drawing


# -- detail tables --------------------------------------------------------------------------


def _details(report: Report) -> list[Flowable]:
    d = report.details
    out: list[Flowable] = [_p("Details of the period", "h1")]
    out.extend(_section_table(
        "Sessions", d.sessions, _session_rows,
        ["Date", "Time", "Phase", "Route", "Dose", "mg/kg", "Dissoc.", "Before",
         "After", "Rise"],
        [25 * mm, 12 * mm, 19 * mm, 23 * mm, 16 * mm, 14 * mm, 16 * mm, 17 * mm, 17 * mm],
        ["Dissoc.: the patient's rating of dissociation during the session, 0–10. "
         "Before, after: blood pressure in mmHg; rise = after − before, marked (red, *) at "
         "≥ 40 systolic or ≥ 25 diastolic."],
        flag=lambda row: row.bp.marked,
        bold_flags=False,
    ))
    out.extend(_questionnaires_section(d.assessments))
    out.extend(_section_table(
        "Side effects", d.side_effects, _side_effect_rows,
        ["Date", "Time", "Side effect", "Severity", "Duration", "After session of"],
        [25 * mm, 12 * mm, 58 * mm, 19 * mm, 20 * mm],
        ["Severity: the patient's rating, 0–10. Red flags (blood in urine) in red."],
        flag=lambda row: row.red_flag,
    ))
    out.extend(_events_section(report))
    if d.notes is not None:
        out.extend(_notes_section(d.notes, d.notes_definition))
    return out


def _section_table(
    title: str,
    items: Sequence[Any],
    to_rows: Callable[[Sequence[Any]], list[list[Any]]],
    header: list[str],
    widths: list[float],
    definitions: list[str],
    flag: Callable[[Any], bool],
    bold_flags: bool = True,
) -> list[Flowable]:
    out: list[Flowable] = [_heading(f"{title} ({len(items)})")]
    out.extend(_definitions(definitions))
    out.append(Spacer(1, 2))
    if not items:
        out.append(_p("None in this period."))
        return out
    widths = [*widths, FRAME_WIDTH - sum(widths)]
    flagged = [i for i, item in enumerate(items, start=1) if flag(item)]
    out.append(_grid([header, *to_rows(items)], widths, flagged=flagged, bold_flags=bold_flags))
    return out


def _session_rows(rows: Sequence[Any]) -> list[list[Any]]:
    return [
        [
            format_date(r.day), r.time, r.phase, _p(r.route, "cell_red" if r.bp.marked else "cell"),
            "—" if r.dose_mg is None else f"{r.dose_mg:g} mg",
            "—" if r.dose_mg_per_kg is None else f"{r.dose_mg_per_kg:.2f}",
            "—" if r.dissociation is None else str(r.dissociation),
            _bp_text(r.bp.before), _bp_text(r.bp.after), _rise_text(r.bp, mark=" *"),
        ]
        for r in rows
    ]


def _questionnaires_section(rows: Sequence[AssessmentRow]) -> list[Flowable]:
    """One line per day: each questionnaire's total and band side by side, then item 9."""
    out: list[Flowable] = [_heading(f"Questionnaires ({len(rows)})")]
    out.extend(_definitions([
        "Total: the sum of the item answers (PHQ-9 0–27, GAD-7 0–21; higher = more symptoms). "
        "Bands — PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, "
        "20–27 severe; GAD-7: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe. "
        "Item 9 (PHQ-9): 0 not at all, 1 several days, 2 more than half the days, 3 nearly "
        "every day; above 0 in red."
    ]))
    out.append(Spacer(1, 2))
    if not rows:
        out.append(_p("None in this period."))
        return out
    instruments = list(dict.fromkeys(r.instrument for r in rows))
    with_item9 = {r.instrument for r in rows if r.item9 is not None}
    header = ["Date"]
    for name in instruments:
        header += [name, "Band"] + (["Item 9"] if name in with_item9 else [])
    lines: list[tuple[date, dict[str, AssessmentRow]]] = []
    for r in rows:
        if lines and lines[-1][0] == r.day and r.instrument not in lines[-1][1]:
            lines[-1][1][r.instrument] = r
        else:
            lines.append((r.day, {r.instrument: r}))
    table_rows: list[list[Any]] = [header]
    flagged: list[int] = []
    for i, (day, by_name) in enumerate(lines, start=1):
        row: list[Any] = [format_date(day)]
        for name in instruments:
            found = by_name.get(name)
            row += ["", ""] if found is None else [f"{found.total} / {found.max_total}", found.band]
            if name in with_item9:
                item9 = None if found is None else found.item9
                row.append("" if item9 is None else str(item9) + (" — FLAG" if item9 else ""))
                if item9:
                    flagged.append(i)
        table_rows.append(row)
    first = 26 * mm
    per = (FRAME_WIDTH - first) / len(instruments)
    widths = [first]
    for name in instruments:
        item = 21 * mm if name in with_item9 else 0
        widths += [17 * mm, per - 17 * mm - item] + ([item] if item else [])
    out.append(_grid(table_rows, widths, flagged=flagged))
    return out


def _side_effect_rows(rows: Sequence[Any]) -> list[list[Any]]:
    return [
        [
            format_date(r.day), r.time,
            _p(f"RED FLAG — {r.label}" if r.red_flag else r.label,
               "cell_flag" if r.red_flag else "cell"),
            str(r.severity),
            "—" if r.duration_minutes is None else f"{r.duration_minutes} min",
            "—" if r.after_session is None else format_date(r.after_session),
        ]
        for r in rows
    ]


def _notes_section(notes: Sequence[NoteRow], definition: str) -> list[Flowable]:
    """Each note as a paragraph (a note may be pages long, which no table row can be)."""
    out: list[Flowable] = [_heading(f"Patient notes ({len(notes)})")]
    out.extend(_definitions([definition]))
    out.append(Spacer(1, 2))
    if not notes:
        out.append(_p("None in this period."))
    for note in notes:
        when = f"{format_date(note.day)} {note.time} · {note.kind}"
        text = "<br/>".join(_text(line) for line in note.text.splitlines())
        out.append(_markup(f"<b>{_text(when)}</b> — {text}", "note"))
    return out


#: Roughly how many dates fill the Dates cell of a whole page.
_DATES_PER_PAGE = 400
#: Rare, clinically weighty events first; the weekly therapy sessions last.
_EVENT_ORDER = {
    kind.label: i for i, kind in enumerate((
        EventKind.MEDICATION_CHANGE, EventKind.APPOINTMENT, EventKind.LIFE_EVENT,
        EventKind.INTEGRATION, EventKind.PSYCHOTHERAPY,
    ))
}


def _events_section(report: Report) -> list[Flowable]:
    events = report.details.events
    out: list[Flowable] = [_heading(f"Events ({len(events)})")]
    out.extend(_definitions([
        "Psychotherapy, integration sessions, medication changes, appointments and life "
        "events the patient logged, by kind"
        + (" (what each was about: see Patient notes)." if report.include_notes
           else "; their notes are not included.")
    ]))
    out.append(Spacer(1, 2))
    if not events:
        out.append(_p("None in this period."))
        return out
    kinds: dict[str, list[date]] = {}
    for event in sorted(events, key=lambda e: _EVENT_ORDER.get(e.kind, len(_EVENT_ORDER))):
        kinds.setdefault(event.kind, []).append(event.day)
    rows: list[list[Any]] = [["Kind", "Times", "Dates"]]
    for kind, days in kinds.items():
        listed = ", ".join(
            format_short_date(d, year=i == 0 or days[i - 1].year != d.year)
            for i, d in enumerate(days)
        )
        rows.append([_p(kind, "cell"), str(len(days)), _p(listed, "cell")])
    table = _grid(rows, [36 * mm, 14 * mm, FRAME_WIDTH - 50 * mm])
    if max(len(days) for days in kinds.values()) > _DATES_PER_PAGE:
        table.splitInRow = 1  # decades of weekly therapy: one row taller than a page
    out.append(table)
    return out


__all__ = ["PdfWriteError", "build_story", "response_drawing", "trend_drawing", "write_pdf"]
