"""``ketajournal import``: our own exports, or another app's with ``--from``.

``import FILE|DIR`` adds a JSON export, a CSV export folder or one kind's CSV file
(services/exchange.py). ``import --from daylio|emoods|bearable|csv FILE`` reads
another app's export (services/app_import.py): ``--map LABEL=SCORE`` scores Daylio
mood labels (remembered for the next import), ``--scale LOW-HIGH`` is a Bearable or
CSV file's mood scale, the ``--…-column`` options map a CSV file's columns, and
``--dry-run`` prints the preview and writes nothing. Both are all or nothing, after
a verified backup, exact duplicates skipped and counted.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ketajournal.cli.common import choices, with_journal
from ketajournal.domain.models import SCORE_RANGE
from ketajournal.domain.validation import ValidationError, whole_number_rule
from ketajournal.language import gettext as _
from ketajournal.language import ngettext

if TYPE_CHECKING:
    from ketajournal.cli.common import Commands, Parser
    from ketajournal.services.app_import import ImportOptions, ImportPreview
    from ketajournal.services.imports.common import ParsedImport
    from ketajournal.services.journal import Journal

#: The formats of ``--from`` (services/app_import.SOURCES, without importing it at start).
APP_SOURCES = ("daylio", "emoods", "bearable", "csv")
DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}
#: How many rows ``--dry-run`` shows.
PREVIEW_ROWS = 10
#: Options that only make sense with ``--from`` (dest → option).
_APP_OPTIONS = {
    "map": "--map", "dry_run": "--dry-run", "scale": "--scale",
    "lower_is_better": "--lower-is-better", "date_column": "--date-column",
    "date_format": "--date-format", "mood_column": "--mood-column",
    "time_column": "--time-column", "note_column": "--note-column",
    "delimiter": "--delimiter",
}
_CSV_ONLY = ("date_column", "mood_column", "time_column", "note_column", "delimiter",
             "lower_is_better")


def add_commands(sub: Commands, home: Parser) -> None:
    """``import FILE|DIR`` and ``import --from APP FILE [options]``."""
    q = sub.add_parser(
        "import", parents=[home],
        help="add the entries of a JSON export, a CSV export folder or one CSV file, or "
        "with --from another app's export (all or nothing, after a backup)",
    )
    q.add_argument(
        "source", metavar="FILE|DIR",
        help="a file from export json, a folder from export csv, or one of its .csv files; "
        "with --from, the other app's export file",
    )
    q.add_argument("--from", dest="app", metavar=choices(APP_SOURCES),
                   help="read another app's export (docs/import.md)")
    q.add_argument("--map", action="append", metavar="LABEL=SCORE",
                   help="Daylio: the 0-10 score of a mood label (repeat for each; "
                   "remembered for the next import)")
    q.add_argument("--dry-run", action="store_true",
                   help="print what would be imported (counts and the first rows); "
                   "write nothing")
    q.add_argument("--scale", metavar="LOW-HIGH",
                   help="Bearable or csv: the file's mood scale, e.g. 1-5 (Bearable's "
                   "default 1-5)")
    q.add_argument("--lower-is-better", action="store_true",
                   help="csv: the scale's lowest value is the best mood")
    q.add_argument("--date-column", metavar="NAME", help="csv: the column of the date")
    q.add_argument("--date-format", metavar="FORMAT",
                   help="csv or eMoods: how dates are written, strptime codes "
                   "(default %%Y-%%m-%%d)")
    q.add_argument("--mood-column", metavar="NAME", help="csv: the column of the mood")
    q.add_argument("--time-column", metavar="NAME", help="csv: the column of the time")
    q.add_argument("--note-column", metavar="NAME", help="csv: the column of the note")
    q.add_argument("--delimiter", metavar=choices(tuple(DELIMITERS)),
                   help="csv: what separates the cells (default comma)")
    q.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    """``import FILE|DIR`` or ``import --from APP FILE``."""
    if args.app is None:
        given = [option for dest, option in _APP_OPTIONS.items() if getattr(args, dest)]
        if given:
            raise ValidationError(given[0].lstrip("-"), _("is only for import --from"))
        return _import_own(args)
    return _import_app(args)


def _import_own(args: argparse.Namespace) -> int:
    # Read and check everything before the journal is opened: a bad file changes nothing.
    from ketajournal.services import exchange

    batch = exchange.read_import(Path(args.source).expanduser())
    result = with_journal(
        args, lambda journal: exchange.import_batch(journal, batch), create=True,
        writes=True,
    )
    print(result.summary())
    if result.backup is not None:
        print(_("Backup taken before the import: {backup}").format(backup=result.backup))
    return 0


def _import_app(args: argparse.Namespace) -> int:
    from ketajournal.platform.clock import system_now
    from ketajournal.services import app_import
    from ketajournal.services.imports.daylio import UnmappedMoodsError

    options = app_options(args)
    path = Path(args.source).expanduser()
    parsed: ParsedImport | None = None
    exists = _journal_exists(args)
    try:  # before the journal is opened, as for our own files
        parsed = app_import.read_file(path, options)
    except UnmappedMoodsError as error:
        # The remembered mapping may score the labels the file and --map did not.
        if not exists:
            return _unmapped(error.labels)
    if args.dry_run and not exists:  # nothing to compare with; nothing is created
        assert parsed is not None
        _print_preview(app_import.match(parsed, (), system_now()))
        return 0

    def work(journal: Journal) -> ImportPreview | app_import.AppImportResult:
        found = parsed
        if found is None:
            scores = {**app_import.remembered_scores(journal), **options.mood_scores}
            found = app_import.read_file(path, dataclasses.replace(options, mood_scores=scores))
        if args.dry_run:
            return app_import.preview(journal, found)
        return app_import.import_parsed(journal, found, remember=options.mood_scores)

    try:
        outcome = with_journal(args, work, create=not args.dry_run,
                               writes=not args.dry_run)
    except UnmappedMoodsError as error:
        return _unmapped(error.labels)
    if isinstance(outcome, app_import.ImportPreview):
        _print_preview(outcome)
        return 0
    print(outcome.summary())
    if outcome.backup is not None:
        print(_("Backup taken before the import: {backup}").format(backup=outcome.backup))
    return 0


def _journal_exists(args: argparse.Namespace) -> bool:
    from ketajournal.platform.paths import JournalPaths, resolve_home

    return JournalPaths(resolve_home(getattr(args, "home", None))).database.exists()


def _unmapped(labels: tuple[str, ...]) -> int:
    # The patient's own labels, shown to them on their terminal (never logged).
    missing = ngettext(
        "mood: {n} Daylio mood label has no score from 0 to 10 yet: {labels}. Nothing was "
        "imported.",
        "mood: {n} Daylio mood labels have no score from 0 to 10 yet: {labels}. Nothing was "
        "imported.", len(labels)).format(
            n=len(labels), labels=", ".join(repr(label) for label in labels))
    hint = _("Give each a score (10 = best) and run the command again, e.g. --map {example}. "
             "The scores are remembered for the next import.").format(
                 example=f"{_quoted(labels[0])}=6")
    print(f"ketajournal: {missing}\n{hint}", file=sys.stderr)
    return 2


def _quoted(label: str) -> str:
    return f'"{label}"' if any(c in label for c in " '\"$`\\") else label


def app_options(args: argparse.Namespace) -> ImportOptions:
    """The :class:`ImportOptions` the command line asked for, each option checked."""
    from ketajournal.services.app_import import ImportOptions, check_source
    from ketajournal.services.imports.generic import ColumnMapping

    source = check_source(args.app)
    if source != "daylio" and args.map:
        raise ValidationError("map", _("is only for --from daylio"))
    if source != "csv":
        given = [dest for dest in _CSV_ONLY if getattr(args, dest)]
        if given:
            raise ValidationError(_APP_OPTIONS[given[0]].lstrip("-"), _("is only for --from csv"))
    if args.date_format is not None and source not in ("csv", "emoods"):
        raise ValidationError("date-format", _("is only for --from csv or emoods"))
    if args.scale is not None and source not in ("csv", "bearable"):
        raise ValidationError("scale", _("is only for --from csv or bearable"))
    scores = parse_map(args.map or [])
    scale = parse_scale(args.scale) if args.scale is not None else None
    columns = None
    if source == "csv":
        missing = [name for name, value in (("date-column", args.date_column),
                                            ("mood-column", args.mood_column),
                                            ("scale", scale)) if value is None]
        if missing:
            raise ValidationError(missing[0], _("is needed with --from csv (docs/import.md)"))
        assert scale is not None
        columns = ColumnMapping(
            date_column=args.date_column,
            date_format=args.date_format or "%Y-%m-%d",
            mood_column=args.mood_column,
            scale_min=scale[0],
            scale_max=scale[1],
            higher_is_better=not args.lower_is_better,
            time_column=args.time_column,
            note_column=args.note_column,
            delimiter=_delimiter(args.delimiter),
        )
    options = ImportOptions(source=source, mood_scores=scores, columns=columns,
                            date_format=args.date_format if source == "emoods" else None)
    if source == "bearable" and scale is not None:
        options = dataclasses.replace(options, mood_scale=scale)
    return options


def parse_map(items: list[str]) -> dict[str, int]:
    """``LABEL=SCORE`` items as label → whole score 0–10 (the last score of a label wins)."""
    low, high = SCORE_RANGE
    scores: dict[str, int] = {}
    for item in items:
        label, sep, score = item.rpartition("=")
        if not sep or not label.strip():
            raise ValidationError("map", _("must be written LABEL=SCORE, e.g. meh=5"))
        text = score.strip()
        if not text.isdigit() or not low <= int(text) <= high:
            raise ValidationError("map", _("the score {rule}").format(
                rule=whole_number_rule(low, high)))
        scores[" ".join(label.split())] = int(text)
    return scores


def parse_scale(text: str) -> tuple[float, float]:
    """``LOW-HIGH`` (e.g. ``1-5``, ``0-100``) as two numbers, the top above the bottom."""
    low, sep, high = text.strip().partition("-")
    try:
        if not sep:
            raise ValueError
        bottom, top = float(low.replace(",", ".")), float(high.replace(",", "."))
    except ValueError:
        raise ValidationError("scale", _("must be written LOW-HIGH, e.g. 1-5")) from None
    if not (-1000 <= bottom < top <= 1000):
        raise ValidationError("scale", _("the top must be above the bottom, both within ±1000"))
    return bottom, top


def _delimiter(name: str | None) -> str:
    if name is None:
        return ","
    if name not in DELIMITERS:
        raise ValidationError("delimiter", _("must be one of: {choices}").format(
            choices=', '.join(DELIMITERS)))
    return DELIMITERS[name]


def _print_preview(plan: ImportPreview) -> None:
    print(_("Dry run: nothing was written."))
    for line in plan.lines():
        print(line)
    rows = plan.new[:PREVIEW_ROWS]
    if rows:
        print(ngettext("The first new entry:", "The first {n} new entries:", len(rows)).format(
            n=len(rows)))
    for item in rows:
        entry = item.entry
        note = _("  (note)") if entry.note else ""
        tags = _("  tags: {tags}").format(tags=", ".join(item.tags)) if item.tags else ""
        print(_("  {time}  mood {mood}{tags}{note}").format(
            time=f"{entry.at:%Y-%m-%d %H:%M}", mood=entry.mood, tags=tags, note=note))
