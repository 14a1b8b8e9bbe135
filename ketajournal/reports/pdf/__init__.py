"""The clinician PDF: a one-minute page 1, vector charts, then the detail tables.

Draws a :class:`~ketajournal.reports.model.Report` with ReportLab's platypus (no Qt):
A4 or US Letter, the Bitstream Vera fonts that ship with ReportLab (embedded, with ≥ and −), a
header and footer on every page (title, period, "page X of Y", and the report name
only when the user typed one). The file carries a generic title and no other metadata
(no author, creator, producer, subject, dates or paths), and is written to a temporary
file beside the target and renamed, so a failed export leaves nothing behind.

This module is the document: the page frame, the metadata and the writing. The pages
are drawn by :mod:`.page_one`, :mod:`.charts` (vector drawings with
``reportlab.graphics``), :mod:`.year_page` (optional) and :mod:`.details`, in the look
of :mod:`.look`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, SimpleDocTemplate

from ketajournal.domain.dates import format_date
from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.platform.files import atomic_path
from ketajournal.reports.model import Report
from ketajournal.reports.pdf.charts import chart_page
from ketajournal.reports.pdf.details import detail_pages
from ketajournal.reports.pdf.look import (
    FALLBACKS,
    GRID,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MUTED,
    PAGE_HEIGHT,
    SANS,
    SANS_BOLD,
    definition_paragraphs,
    heading,
    page_geometry,
    register_fonts,
)
from ketajournal.reports.pdf.page_one import page_one
from ketajournal.reports.pdf.year_page import year_pages

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
    #: The page's width, height and side margin (see ``look.page_geometry``).
    page: tuple[float, float, float]


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
    width, height, margin = chrome.page
    top = height - 11 * mm
    canvas.setFillColor(INK)
    # Title and period share one line: smaller type when a language makes them meet.
    title_size, period_size = 11.0, 9.5
    while title_size > 7.5 and (
            stringWidth(chrome.title, SANS_BOLD, title_size)
            + stringWidth(chrome.period, SANS, period_size) + 12 > width - 2 * margin):
        title_size, period_size = title_size - 0.5, period_size - 0.5
    canvas.setFont(SANS_BOLD, title_size)
    canvas.drawString(margin, top, chrome.title)
    canvas.setFont(SANS, period_size)
    canvas.drawRightString(width - margin, top, chrome.period)
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.6)
    canvas.line(margin, top - 4, width - margin, top - 4)
    bottom = 9 * mm
    canvas.line(margin, bottom + 11, width - margin, bottom + 11)
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 9)
    canvas.drawString(margin, bottom, chrome.footer_left)
    canvas.drawRightString(width - margin, bottom,
                           _("page {number} of {total}").format(number=number, total=total))
    canvas.restoreState()


def _chrome(report: Report, paper: str) -> _Chrome:
    made = _("Made on {day} from the patient's own journal").format(
        day=format_date(report.generated_on))
    left = made if report.name is None else _("Prepared for/by: {name} · {made}").format(
        name=report.name, made=made)
    period = _("Period: {period} ({basis})").format(period=report.period.label,
                                                    basis=_(report.period.basis))
    return _Chrome(
        report.title, period.translate(FALLBACKS), left.translate(FALLBACKS),
        page_geometry(paper),
    )


# -- writing --------------------------------------------------------------------------------


class PdfWriteError(KnownError):
    """The PDF could not be written (folder missing or not writable, disk full…)."""


def write_pdf(report: Report, target: Path, paper: str = "a4") -> int:
    """Write ``report`` as a PDF to ``target`` atomically, on ``paper`` ("a4" or
    "letter"); returns the number of pages.

    The PDF is built in a temporary file beside ``target`` and renamed over it only when
    complete; on any error the temporary file is removed and ``target`` is untouched.
    An operating-system failure (no such folder, no permission, disk full) becomes a
    :class:`PdfWriteError` with a message for the user.
    """
    story = build_story(report)
    chrome = _chrome(report, paper)
    canvases: list[_ReportCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> _ReportCanvas:
        canvas = _ReportCanvas(*args, chrome=chrome, **kwargs)
        canvases.append(canvas)
        return canvas

    try:
        with atomic_path(target) as tmp:
            _document(tmp, report.title, paper).build(story, canvasmaker=make_canvas)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        message = _("The PDF could not be written ({reason}); nothing was saved.").format(
            reason=reason)
        raise PdfWriteError(message) from error
    return canvases[-1].page_count


def _document(path: Path, title: str, paper: str) -> SimpleDocTemplate:
    width, height, margin = page_geometry(paper)
    return SimpleDocTemplate(
        str(path),
        pagesize=(width, height),
        leftMargin=margin,
        rightMargin=margin,
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
    """The flowables of the whole report: page 1, the chart page, the year pages (when
    asked for), the detail tables."""
    register_fonts()
    story: list[Flowable] = []
    story.extend(page_one(report.summary))
    story.append(PageBreak())
    story.extend(chart_page(report))
    story.append(PageBreak())
    if report.years:
        story.extend(year_pages(report.years))
        story.append(PageBreak())
    story.extend(detail_pages(report))
    story.append(CondPageBreak(PAGE_HEIGHT / 4))
    story.append(heading(_("Definitions of the booster analysis")))
    story.extend(definition_paragraphs(report.summary.boosters.definitions))
    return story


__all__ = ["PdfWriteError", "build_story", "write_pdf"]
