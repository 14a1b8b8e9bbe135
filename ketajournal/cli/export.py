"""``ketajournal export json|pdf|csv|fhir``.

The services that write and read these formats (ReportLab for the PDF) are imported
by the command that needs them, not on every start of the app.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ketajournal.cli.common import Parser, output, speaking, with_journal
from ketajournal.language import SHIPPED, ngettext

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands
    from ketajournal.reports.model import Report
    from ketajournal.services.journal import Journal


def add_commands(sub: Commands, home: Parser) -> None:
    """``export FORMAT -o …``."""
    export = sub.add_parser("export", help="export the journal")
    export_sub = export.add_subparsers(dest="format", metavar="FORMAT", parser_class=Parser)
    export_sub.required = True
    q = export_sub.add_parser("json", parents=[home], help="every entry as JSON")
    q.add_argument("-o", "--output", required=True, metavar="FILE")
    q.set_defaults(handler=cmd_export_json)
    q = export_sub.add_parser(
        "pdf", parents=[home], help="the clinician PDF: one-page summary, charts, detail tables"
    )
    q.add_argument("-o", "--output", required=True, metavar="FILE")
    q.add_argument("--from", dest="period_from", metavar="DATE",
                   help="first day, YYYY-MM-DD (default: the first entry)")
    q.add_argument("--to", dest="period_to", metavar="DATE",
                   help="last day, YYYY-MM-DD (default: today)")
    q.add_argument("--since-last-appointment", action="store_true",
                   help="from the day of the last appointment event to today")
    q.add_argument("--include-notes", action="store_true",
                   help="include the notes you wrote (left out by default)")
    q.add_argument("--paper", choices=("a4", "letter"),
                   help="paper size (default: the setting report.paper, else Letter in the "
                        "US and Canada and A4 elsewhere, from the locale)")
    q.add_argument("--name", metavar="TEXT",
                   help="printed on every page as 'Prepared for/by: TEXT' (default: no name)")
    q.add_argument("--language", choices=SHIPPED,
                   help="the PDF's language (default: the setting ui.language, else the "
                        "system's); crisis resources still follow the chosen country")
    q.add_argument("--year-page", action="store_true",
                   help="add a year-in-pixels page for each year of the period (off by "
                   "default)")
    q.set_defaults(handler=cmd_export_pdf)
    q = export_sub.add_parser("csv", parents=[home], help="one CSV file per kind, into a folder")
    q.add_argument("-o", "--output", required=True, metavar="DIR")
    q.add_argument("--excel", action="store_true",
                   help="for a spreadsheet: a UTF-8 byte-order mark and the locale's list "
                        "separator (';' where the decimal sign is a comma); the default is "
                        "plain UTF-8 with commas, which import reads back")
    q.set_defaults(handler=cmd_export_csv)
    q = export_sub.add_parser(
        "fhir", parents=[home], help="sessions, blood pressure, PHQ-9/GAD-7 as a FHIR R4 Bundle"
    )
    q.add_argument("-o", "--output", required=True, metavar="FILE")
    q.set_defaults(handler=cmd_export_fhir)


def cmd_export_json(args: argparse.Namespace) -> int:
    """``export json -o FILE``."""
    target = output(args)
    counts = with_journal(args, lambda journal: journal.export_json(target))
    total = sum(counts.values())
    print(ngettext("Exported {n} entry to {target}.", "Exported {n} entries to {target}.",
                   total).format(n=total, target=target))
    return 0


def cmd_export_pdf(args: argparse.Namespace) -> int:
    """``export pdf -o FILE [--from DATE] [--to DATE] [--since-last-appointment]
    [--year-page] …``."""
    # ReportLab is imported only for this command, not on every start of the app.
    from ketajournal.reports.pdf import write_pdf
    from ketajournal.services.reports import build_report, parse_day, report_paper

    target = output(args)
    start = parse_day("from", args.period_from)
    end = parse_day("to", args.period_to)

    def build(journal: Journal) -> tuple[Report, str]:
        paper = report_paper(journal, args.paper)  # the country's paper, in any language
        with speaking(args.language):  # --language over the journal's setting
            return (
                build_report(
                    journal,
                    start,
                    end,
                    include_notes=args.include_notes,
                    name=args.name,
                    since_last_appointment=args.since_last_appointment,
                    year_page=args.year_page,
                ),
                paper,
            )

    report, paper = with_journal(args, build)
    with speaking(args.language):
        pages = write_pdf(report, target, paper)
    print(ngettext("Wrote a {n}-page report for {period} to {target}.",
                   "Wrote a {n}-page report for {period} to {target}.", pages).format(
        n=pages, period=report.period.label, target=target))
    return 0


def cmd_export_csv(args: argparse.Namespace) -> int:
    """``export csv -o DIR [--excel]``: one CSV file per kind (docs/export-csv.md)."""
    target = output(args, folder=True)
    from ketajournal.services import exchange  # not needed to open the window

    counts = with_journal(
        args, lambda journal: exchange.export_csv(journal, target, excel=args.excel)
    )
    total = sum(counts.values())
    print(ngettext("Exported {n} entry to {files} CSV files in {target}.",
                   "Exported {n} entries to {files} CSV files in {target}.", total).format(
        n=total, files=len(counts), target=target))
    return 0


def cmd_export_fhir(args: argparse.Namespace) -> int:
    """``export fhir -o FILE``: a FHIR R4 Bundle (docs/fhir.md)."""
    target = output(args)
    from ketajournal.services import exchange

    count = with_journal(args, lambda journal: exchange.export_fhir(journal, target))
    print(ngettext("Exported {n} FHIR resource to {target}.",
                   "Exported {n} FHIR resources to {target}.", count).format(
        n=count, target=target))
    return 0

