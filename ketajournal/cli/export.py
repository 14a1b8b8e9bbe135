"""``ketajournal export json|pdf|csv|fhir`` and ``ketajournal import``.

The services that write and read these formats (ReportLab for the PDF) are imported
by the command that needs them, not on every start of the app.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ketajournal.cli.common import Parser, output, with_journal

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands


def add_commands(sub: Commands, home: Parser) -> None:
    """``export FORMAT -o …`` and ``import FILE|DIR``."""
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
    q.add_argument("--name", metavar="TEXT",
                   help="printed on every page as 'Prepared for/by: TEXT' (default: no name)")
    q.set_defaults(handler=cmd_export_pdf)
    q = export_sub.add_parser("csv", parents=[home], help="one CSV file per kind, into a folder")
    q.add_argument("-o", "--output", required=True, metavar="DIR")
    q.set_defaults(handler=cmd_export_csv)
    q = export_sub.add_parser(
        "fhir", parents=[home], help="sessions, blood pressure, PHQ-9/GAD-7 as a FHIR R4 Bundle"
    )
    q.add_argument("-o", "--output", required=True, metavar="FILE")
    q.set_defaults(handler=cmd_export_fhir)

    q = sub.add_parser(
        "import", parents=[home],
        help="add the entries of a JSON export, a CSV export folder or one CSV file "
        "(all or nothing, after a backup)",
    )
    q.add_argument(
        "source", metavar="FILE|DIR",
        help="a file from export json, a folder from export csv, or one of its .csv files",
    )
    q.set_defaults(handler=cmd_import)


def cmd_export_json(args: argparse.Namespace) -> int:
    """``export json -o FILE``."""
    target = output(args)
    counts = with_journal(args, lambda journal: journal.export_json(target))
    print(f"Exported {sum(counts.values())} entries to {target}.")
    return 0


def cmd_export_pdf(args: argparse.Namespace) -> int:
    """``export pdf -o FILE [--from DATE] [--to DATE] [--since-last-appointment] …``."""
    # ReportLab is imported only for this command, not on every start of the app.
    from ketajournal.reports.pdf import write_pdf
    from ketajournal.services.reports import build_report, parse_day

    target = output(args)
    start = parse_day("from", args.period_from)
    end = parse_day("to", args.period_to)
    report = with_journal(
        args,
        lambda journal: build_report(
            journal,
            start,
            end,
            include_notes=args.include_notes,
            name=args.name,
            since_last_appointment=args.since_last_appointment,
        ),
    )
    pages = write_pdf(report, target)
    print(f"Wrote a {pages}-page report for {report.period.label} to {target}.")
    return 0


def cmd_export_csv(args: argparse.Namespace) -> int:
    """``export csv -o DIR``: one CSV file per kind (docs/export-csv.md)."""
    target = output(args, folder=True)
    from ketajournal.services import exchange  # not needed to open the window

    counts = with_journal(args, lambda journal: exchange.export_csv(journal, target))
    print(f"Exported {sum(counts.values())} entries to {len(counts)} CSV files in {target}.")
    return 0


def cmd_export_fhir(args: argparse.Namespace) -> int:
    """``export fhir -o FILE``: a FHIR R4 Bundle (docs/fhir.md)."""
    target = output(args)
    from ketajournal.services import exchange

    count = with_journal(args, lambda journal: exchange.export_fhir(journal, target))
    print(f"Exported {count} FHIR resources to {target}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """``import FILE|DIR``: additive, all or nothing, after a backup (docs/export-csv.md)."""
    # Read and check everything before the journal is opened: a bad file changes nothing.
    from ketajournal.services import exchange

    batch = exchange.read_import(Path(args.source).expanduser())
    result = with_journal(
        args, lambda journal: exchange.import_batch(journal, batch), create=True, writes=True
    )
    print(result.summary())
    if result.backup is not None:
        print(f"Backup taken before the import: {result.backup}")
    return 0
