"""The clinician PDF of one year against bare ReportLab rendering the same detail tables.

The demo journal (730 days) is exported for its last year (``export pdf --from`` one
year ago): building the report model from the encrypted journal, then writing the PDF
(page 1, vector charts, detail tables). The floor, measured in the same run, is bare
ReportLab rendering only the same detail-table rows (SimpleDocTemplate + one Table per
table, default style, rows prepared beforehand): what any PDF of that data costs.
Median of N runs each, interleaved.

    .venv/bin/python benchmarks/report_pdf.py [--runs 5] [--qt]

``--qt`` also measures, once, Qt's QTextDocument → QPdfWriter rendering the same rows
as an HTML table (in a subprocess on the offscreen platform), for the record of why
the writer is ReportLab. Prints a table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from ketajournal.domain.dates import format_date
from ketajournal.platform.keystore import MemoryKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.reports.model import Report
from ketajournal.reports.pdf import write_pdf
from ketajournal.services import demo
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.services.reports import build_report

QT_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    start = time.perf_counter()
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    app = QGuiApplication(sys.argv[:1])
    started = time.perf_counter() - start
    tables = json.load(open(sys.argv[1], encoding="utf-8"))

    def html():
        parts = ["<html><body>"]
        for rows in tables:
            parts.append('<table border="1" cellspacing="0" cellpadding="2">')
            for row in rows:
                parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>")
            parts.append("</table><p></p>")
        parts.append("</body></html>")
        return "".join(parts)

    times = []
    for _ in range(int(sys.argv[3])):
        t = time.perf_counter()
        document = QTextDocument()
        document.setHtml(html())
        writer = QPdfWriter(sys.argv[2])
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        document.print_(writer)
        del writer
        times.append(time.perf_counter() - t)
    times.sort()
    print(json.dumps({"startup": started, "median": times[len(times) // 2]}))
    """
)


def demo_journal(folder: Path) -> Journal:
    """The 730-day demo patient in an encrypted journal keyed in memory."""
    journal = open_journal(JournalPaths(folder / "journal"), MemoryKeyStore())
    data = demo.generate(journal.now(), days=730)
    journal.log_all(data.entries, data.session_of)
    return journal


def one_year(journal: Journal) -> Report:
    """The report the patient gets with ``export pdf --from <one year ago>``."""
    start = journal.now().date() - timedelta(days=365)
    return build_report(journal, start, None, include_notes=False, name=None,
                        since_last_appointment=False)


def table_rows(report: Report) -> list[list[list[str]]]:
    """The detail tables' rows as plain text, one list of rows per table, with headers."""
    d = report.details
    sessions = [["Date", "Time", "Phase", "Route", "Dose", "mg/kg", "Dissoc.", "Before",
                 "After"]]
    for s in d.sessions:
        sessions.append([
            format_date(s.day), s.time, s.phase, s.route, f"{s.dose_mg or 0:g} mg",
            f"{s.dose_mg_per_kg or 0:.2f}", str(s.dissociation),
            "/".join(map(str, s.bp.before or ())), "/".join(map(str, s.bp.after or ())),
        ])
    assessments = [["Date", "Questionnaire", "Total", "Band", "Item 9"]]
    for a in d.assessments:
        assessments.append([format_date(a.day), a.instrument, f"{a.total} / {a.max_total}",
                            a.band, "" if a.item9 is None else str(a.item9)])
    effects = [["Date", "Time", "Side effect", "Severity", "Duration"]]
    for e in d.side_effects:
        effects.append([format_date(e.day), e.time, e.label, str(e.severity),
                        str(e.duration_minutes or "")])
    events = [["Date", "Kind"]] + [[format_date(e.day), e.kind] for e in d.events]
    return [sessions, assessments, effects, events]


def bare_reportlab(tables: list[list[list[str]]]) -> None:
    """The floor: the same rows as default-styled ReportLab tables."""
    story = []
    for rows in tables:
        table = Table(rows, repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "grey")]))
        story += [table, Spacer(1, 12)]
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(story)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def qt_figures(tables: list[list[list[str]]], runs: int) -> dict[str, float]:
    """QTextDocument → QPdfWriter on the offscreen platform, in a subprocess."""
    with tempfile.TemporaryDirectory() as folder:
        rows = Path(folder) / "rows.json"
        rows.write_text(json.dumps(tables), encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        result = subprocess.run(
            [sys.executable, "-c", QT_SCRIPT, str(rows), str(Path(folder) / "qt.pdf"),
             str(runs)],
            env=env, capture_output=True, text=True, timeout=300, check=True,
        )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--qt", action="store_true", help="also measure QTextDocument → PDF")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        journal = demo_journal(Path(folder))
        target = Path(folder) / "report.pdf"
        report = one_year(journal)
        tables = table_rows(report)
        write_pdf(report, target)  # warm fonts and imports once for all
        bare_reportlab(tables)
        floor, model, writer, whole = [], [], [], []
        for _ in range(args.runs):  # interleaved, so drift hits all alike
            floor.append(timed(lambda: bare_reportlab(tables)))
            model.append(timed(lambda: one_year(journal)))
            writer.append(timed(lambda: write_pdf(report, target)))
            whole.append(timed(lambda: write_pdf(one_year(journal), target)))
        pages = write_pdf(report, target)
        journal.close()
    rows_count = sum(len(t) - 1 for t in tables)
    base = statistics.median(floor)
    print(f"1-year report of the 730-day demo journal: {pages} pages, {rows_count} detail rows; "
          f"median of {args.runs}")
    print(f"{'figure':56} {'seconds':>8} {'ratio':>7}")
    lines = [
        ("bare ReportLab, same detail-table rows (floor)", base),
        ("ketajournal: build the report model (journal → Report)", statistics.median(model)),
        ("ketajournal: write the PDF (Report → file)", statistics.median(writer)),
        ("ketajournal: export pdf, model + PDF", statistics.median(whole)),
    ]
    if args.qt:
        qt = qt_figures(tables, args.runs)
        lines.append(("Qt QTextDocument → QPdfWriter, same rows (HTML)", qt["median"]))
        lines.append(("Qt: import + QGuiApplication (once, not above)", qt["startup"]))
    for name, seconds in lines:
        print(f"{name:56} {seconds:8.3f} {seconds / base:6.2f}x")


if __name__ == "__main__":
    main()
