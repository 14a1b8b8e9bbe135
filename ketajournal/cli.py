"""The command line: a thin layer over the services, and the app's entry point.

``ketajournal`` with no command opens the window; ``--demo`` opens it on a
throw-away demo journal. Commands work headless. Exit codes: 0 done (for
``log``: only after the commit returned), 1 the journal or keyring cannot be
used, 2 bad input (nothing written). Messages never echo health data.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from ketajournal import __version__
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import (
    RED_FLAG_ADVICE,
    Assessment,
    BloodPressure,
    Entry,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.domain.timeutil import parse_time, to_iso
from ketajournal.domain.validation import ValidationError
from ketajournal.errors import KnownError
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths, resolve_home, set_private_umask
from ketajournal.services import clinical, portable, repair, restore
from ketajournal.services import demo as demo_data
from ketajournal.services.damage import JournalDamagedError
from ketajournal.services.journal import Journal
from ketajournal.services.keys import (
    ENV_PASSWORD_FILE,
    NeedsSecretError,
    recovery_notice,
    secret_from_options,
)
from ketajournal.services.opening import open_checked
from ketajournal.services.settings import SETTINGS, Settings

log = logging.getLogger("ketajournal")
T = TypeVar("T")


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with our message style."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"ketajournal: {message}\n")


def _choices(values: Sequence[str]) -> str:
    return "|".join(values)


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar (documented in README.md and tested)."""
    home = _Parser(add_help=False)
    home.add_argument(
        "--home",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="journal folder (default: $KETAJOURNAL_HOME, else the user data directory)",
    )
    home.add_argument(
        "--password-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="open the journal with the passphrase or recovery key in FILE, not the keyring "
        f"(default: ${ENV_PASSWORD_FILE})",
    )
    parser = _Parser(
        prog="ketajournal",
        description="A private, encrypted journal for ketamine and esketamine therapy. "
        "Without a command, opens the window.",
        parents=[home],
    )
    parser.add_argument("--version", action="version", version=f"ketajournal {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on a temporary demo journal (never your own)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser(
        "demo", parents=[home], help="fill the journal at home with the demo patient"
    )
    p.add_argument("--days", type=int, default=demo_data.DEFAULT_DAYS, help="days of data (730)")
    p.add_argument("--seed", type=int, default=demo_data.DEFAULT_SEED, help="random seed (7)")
    p.set_defaults(handler=cmd_demo)

    log_parser = sub.add_parser("log", help="log an entry")
    log_sub = log_parser.add_subparsers(dest="kind", metavar="KIND", parser_class=_Parser)
    log_sub.required = True

    def add_common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--at", metavar="ISO8601", help="when (default: now); no offset = local")
        q.add_argument("--note", default="", help="free text")

    q = log_sub.add_parser("mood", parents=[home], help="mood 0-10 (10 = best)")
    q.add_argument("score", metavar="SCORE", help="mood 0-10, 10 = best")
    q.add_argument("--anxiety", metavar="N", help="anxiety 0-10, 10 = worst")
    q.add_argument("--energy", metavar="N", help="energy 0-10, 10 = most")
    q.add_argument("--sleep", metavar="HOURS", help="hours slept, 0-24")
    add_common(q)
    q.set_defaults(handler=cmd_log_mood)

    q = log_sub.add_parser("session", parents=[home], help="a treatment session")
    q.add_argument("--route", required=True, metavar=_choices([r.value for r in Route]))
    q.add_argument("--phase", required=True, metavar=_choices([p.value for p in Phase]))
    q.add_argument("--dose-mg", metavar="MG", help="dose in mg")
    q.add_argument("--weight-kg", metavar="KG", help="body weight, for mg/kg")
    q.add_argument("--dissociation", metavar="N", help="dissociation 0-10 (your rating)")
    q.add_argument("--bp-before", metavar="SYS/DIA", help="blood pressure before, e.g. 120/80")
    q.add_argument("--bp-after", metavar="SYS/DIA", help="blood pressure after")
    q.add_argument("--clinic", default="", help="clinic name")
    add_common(q)
    q.set_defaults(handler=cmd_log_session)

    q = log_sub.add_parser("side-effect", parents=[home], help="a side effect")
    q.add_argument(
        "category", metavar="CATEGORY",
        help=_choices([c.value.replace("_", "-") for c in SideEffectCategory]),
    )
    q.add_argument("--severity", required=True, metavar="N", help="severity 0-10")
    q.add_argument("--other", default="", metavar="TEXT", help="what it was (category other)")
    q.add_argument("--duration-min", metavar="MIN", help="how long it lasted, in minutes")
    q.add_argument(
        "--session", metavar="ID|none",
        help="session it follows (default: the latest session in the 72 h before)",
    )
    add_common(q)
    q.set_defaults(handler=cmd_log_side_effect)

    q = log_sub.add_parser("event", parents=[home], help="therapy, medication change, ...")
    q.add_argument(
        "event_kind", metavar="KIND",
        help=_choices([k.value.replace("_", "-") for k in EventKind]),
    )
    add_common(q)
    q.set_defaults(handler=cmd_log_event)

    for questionnaire in INSTRUMENTS.values():
        numbers = ",".join(f"A{i.number}" for i in questionnaire.items)
        q = log_sub.add_parser(
            questionnaire.id, parents=[home],
            help=f"{questionnaire.short_title}: {len(questionnaire.items)} answers 0-3",
        )
        q.add_argument("answers", metavar=numbers, help="comma-separated answers, 0-3 each")
        if questionnaire.extra is not None:
            q.add_argument("--difficulty", metavar="N", help="the difficulty question, 0-3")
        add_common(q)
        q.set_defaults(handler=cmd_log_assessment, instrument=questionnaire.id)

    export = sub.add_parser("export", help="export the journal")
    export_sub = export.add_subparsers(dest="format", metavar="FORMAT", parser_class=_Parser)
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

    q = sub.add_parser(
        "backup", parents=[home], help="write the journal to one portable, encrypted backup file"
    )
    q.add_argument("-o", "--output", required=True, metavar="FILE")
    q.set_defaults(handler=cmd_backup)

    q = sub.add_parser(
        "restore", parents=[home],
        help="restore a backup file (an existing journal only with --force, moved aside "
        "first), or repair a damaged journal from its own backups",
    )
    q.add_argument(
        "source", nargs="?", metavar="FILE",
        help="a file from backup -o, or a .db file from a backups folder (with its .header)",
    )
    q.add_argument(
        "--force", action="store_true",
        help="replace the journal at the home; it is first moved to "
        "backups/before-restore-<date>/ (nothing is deleted)",
    )
    q.add_argument(
        "--from-backups", action="store_true",
        help="put the newest backup in <home>/backups that opens and passes its check in "
        "place of a damaged journal (the damaged files go to backups/damaged-<date>/)",
    )
    q.set_defaults(handler=cmd_restore)

    q = sub.add_parser("check", parents=[home], help="integrity check and counts per kind")
    q.add_argument(
        "--deep", action="store_true",
        help="also compare the counts with the last check and verify every backup",
    )
    q.add_argument(
        "--accept-counts", action="store_true",
        help="with --deep: take today's counts as the reference (after deleting entries)",
    )
    q.set_defaults(handler=cmd_check)

    q = sub.add_parser("status", parents=[home], help="PHQ-9 and GAD-7: baseline, latest, "
                       "response, remission")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=cmd_status)

    q = sub.add_parser("boosters", parents=[home], help="how long each booster held")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=cmd_boosters)

    q = sub.add_parser("settings", parents=[home], help="show or change a setting")
    q.add_argument("key", nargs="?", metavar="KEY")
    q.add_argument("value", nargs="?", metavar="VALUE", help="a number, text, or auto")
    q.set_defaults(handler=cmd_settings)
    return parser


# -- value parsing (messages name the field, like the domain's) ----------------------------


def _int(field: str, text: str | None, low: int, high: int) -> int | None:
    if text is None:
        return None
    try:
        return int(text.strip())
    except ValueError:
        raise ValidationError(field, f"must be a whole number from {low} to {high}") from None


def _float(field: str, text: str | None, message: str) -> float | None:
    if text is None:
        return None
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise ValidationError(field, message) from None


def _when(args: argparse.Namespace, journal: Journal) -> datetime:
    return journal.now() if args.at is None else parse_time("at", args.at)


def _enum_arg(field: str, enum: type[SideEffectCategory] | type[EventKind], text: str) -> str:
    value = text.strip().lower().replace("-", "_")
    if value not in {m.value for m in enum}:
        allowed = ", ".join(m.value.replace("_", "-") for m in enum)
        raise ValidationError(field, f"must be one of: {allowed}")
    return value


# -- commands ------------------------------------------------------------------------------


def _with_password_file_hint(error: KnownError) -> KnownError:
    return KnownError(
        f"{error} On the command line, put the passphrase or recovery key in a file "
        "readable only by you and give it with --password-file FILE "
        f"(or {ENV_PASSWORD_FILE}=FILE)."
    )


def _open(args: argparse.Namespace, *, create: bool) -> Journal:
    paths = JournalPaths(resolve_home(getattr(args, "home", None)))
    # Never a key or passphrase on the command line (shell history, ps): only a file.
    secret = secret_from_options(getattr(args, "password_file", None))
    try:
        # Opens and runs the integrity check (milliseconds); damage is told apart
        # from a wrong key and the newest verified backup is offered.
        opened = open_checked(paths, KeyringKeyStore(), secret, create=create)
    except NeedsSecretError as error:
        raise _with_password_file_hint(error) from None
    except JournalDamagedError as error:
        if error.offer is None:
            raise
        raise KnownError(
            f"{error} To restore it, run: ketajournal restore --from-backups (with the same "
            "--home and --password-file options as this command)."
        ) from None
    if opened.new_recovery_code is not None:
        print(recovery_notice(opened.new_recovery_code, new_journal=opened.created),
              file=sys.stderr)
    return opened.journal


def _save(args: argparse.Namespace, build: Callable[[Journal], Entry]) -> int:
    journal = _open(args, create=True)
    try:
        entry = build(journal)  # validation errors leave the journal untouched
        saved, _ = journal.log(entry)
    finally:
        journal.close()
    label = {"mood": "mood entry"}.get(saved.kind, saved.kind.replace("_", " "))
    print(f"Saved {label} {saved.id} at {to_iso(saved.at)}.")
    return 0


def cmd_log_mood(args: argparse.Namespace) -> int:
    """``log mood``."""

    def build(journal: Journal) -> Entry:
        return MoodEntry(
            at=_when(args, journal),
            mood=_int("mood", args.score, 0, 10),  # type: ignore[arg-type]
            anxiety=_int("anxiety", args.anxiety, 0, 10),
            energy=_int("energy", args.energy, 0, 10),
            sleep_hours=_float("sleep_hours", args.sleep, "must be a number from 0 to 24 hours"),
            note=args.note,
        )

    return _save(args, build)


def cmd_log_session(args: argparse.Namespace) -> int:
    """``log session``."""

    def build(journal: Journal) -> Entry:
        return Session(
            at=_when(args, journal),
            route=args.route.strip().lower(),
            phase=args.phase.strip().lower(),
            dose_mg=_float("dose_mg", args.dose_mg, "must be a number from 0.1 to 2000 mg"),
            weight_kg=_float("weight_kg", args.weight_kg, "must be a number from 20 to 400 kg"),
            dissociation=_int("dissociation", args.dissociation, 0, 10),
            bp_before=BloodPressure.parse("bp_before", args.bp_before) if args.bp_before else None,
            bp_after=BloodPressure.parse("bp_after", args.bp_after) if args.bp_after else None,
            clinic=args.clinic,
            note=args.note,
        )

    return _save(args, build)


def cmd_log_side_effect(args: argparse.Namespace) -> int:
    """``log side-effect``; links the latest session within 72 h unless told otherwise."""
    category = SideEffectCategory(_enum_arg("category", SideEffectCategory, args.category))

    def build(journal: Journal) -> Entry:
        at = _when(args, journal)
        if args.session is None:
            session = journal.default_session_for(at)
            session_id = session.id if session else None
        elif args.session.strip().lower() == "none":
            session_id = None
        else:
            session_id = _int("session", args.session, 1, 2**62)
        return SideEffect(
            at=at,
            category=category,
            severity=_int("severity", args.severity, 0, 10),  # type: ignore[arg-type]
            other_text=args.other,
            duration_minutes=_int("duration_minutes", args.duration_min, 1, 43200),
            session_id=session_id,
            note=args.note,
        )

    code = _save(args, build)
    if category.is_red_flag:
        print(f"Red flag: {RED_FLAG_ADVICE}", file=sys.stderr)
    return code


def cmd_log_event(args: argparse.Namespace) -> int:
    """``log event``."""
    kind = _enum_arg("event_kind", EventKind, args.event_kind)

    def build(journal: Journal) -> Entry:
        return Event(at=_when(args, journal), event_kind=EventKind(kind), note=args.note)

    return _save(args, build)


def cmd_log_assessment(args: argparse.Namespace) -> int:
    """``log phq9`` / ``log gad7``: prints the total and band; item 9 > 0 prints resources."""
    questionnaire = INSTRUMENTS[args.instrument]
    parts = [p.strip() for p in args.answers.split(",")]
    answers = []
    for number, part in enumerate(parts, start=1):
        if not part.isdecimal() or len(part) > 3:
            raise ValidationError(f"answers item {number}", "must be a whole number from 0 to 3")
        answers.append(int(part))
    journal = _open(args, create=True)
    try:
        entry = Assessment(
            at=_when(args, journal),
            instrument_id=questionnaire.id,
            answers=tuple(answers),
            difficulty=_int("difficulty", getattr(args, "difficulty", None), 0, 3),
            note=args.note,
        )
        saved, _ = journal.log(entry)
        assert isinstance(saved, Assessment)
        crisis = clinical.crisis_message(journal) if saved.safety_flag else None
    finally:
        journal.close()
    print(saved.summary)
    if crisis:
        print(crisis, file=sys.stderr)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """``status [--json]``: baseline vs latest, response and remission, with definitions."""
    document = _with_journal(args, clinical.status_document)
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    for status in document.values():
        name = INSTRUMENTS[status["instrument"]].short_title
        base, latest = status["baseline"], status["latest"]
        print(f"{name}: baseline {_score(base)}, latest {_score(latest)}, change "
              f"{_maybe(status['change_percent'], '{:+.0f} %')}, response "
              f"{_yes_no(status['response'])}, remission {_yes_no(status['remission'])}")
        for note in status["notes"]:
            print(f"  note: {note}")
        for definition in status["definitions"].values():
            print(f"  {definition}")
    return 0


def _score(point: dict[str, Any] | None) -> str:
    if point is None:
        return "none"
    return f"{point['score']} ({point['band']}, {point['date'][:10]})"


def _maybe(value: float | None, fmt: str) -> str:
    return "undefined" if value is None else fmt.format(value)


def _yes_no(value: bool | None) -> str:
    return "undefined" if value is None else ("yes" if value else "no")


def cmd_boosters(args: argparse.Namespace) -> int:
    """``boosters [--json]``: the booster analysis."""
    document = _with_journal(
        args, lambda journal: clinical.boosters_document(clinical.booster_analysis(journal))
    )
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    if document["needs"]:
        print(f"Not enough data: {document['needs']}")
    print(f"Threshold T: {_maybe(document['threshold'], '{:.2f}')} "
          f"({document['threshold_source'] or 'undefined'}); baseline level B "
          f"{_maybe(document['baseline_level'], '{:.2f}')}; post-induction level P "
          f"{_maybe(document['post_induction_level'], '{:.2f}')}")
    for cycle in document["cycles"]:
        days = cycle["durability_days"]
        held = "no data" if days is None else (f">= {days}" if cycle["censored"] else str(days))
        dose = "" if cycle["dose_mg"] is None else f" {cycle['dose_mg']:g} mg"
        print(f"{cycle['session_at'][:10]}  {cycle['phase']:9}{dose:>9}  held {held} days")
    print(document["tolerance"]["sentence"])
    if document["next_due"]:
        print(f"Next booster due (a question for your clinician): {document['next_due']} — "
              f"{document['next_due_basis']}")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    """``settings [KEY [VALUE]]``: list, show or change settings."""
    journal = _open(args, create=False)
    try:
        settings = Settings(journal)
        if args.key is None:
            for key, setting in SETTINGS.items():
                print(f"{key} = {json.dumps(settings.get(key))}\n    {setting.description}")
            return 0
        if args.value is None:
            print(json.dumps(settings.get(args.key)))
            return 0
        stored = settings.set(args.key, _setting_value(args.value))
    finally:
        journal.close()
    print(f"{args.key} = {json.dumps(stored)}")
    return 0


def _setting_value(text: str) -> Any:
    if text == "auto":
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def cmd_demo(args: argparse.Namespace) -> int:
    """``demo``: fill an empty journal with the demo patient."""
    if not 1 <= args.days <= 36500:
        raise ValidationError("days", "must be a whole number from 1 to 36500")
    journal = _open(args, create=True)
    try:
        if not journal.is_empty():
            raise KnownError(
                "The journal already has entries; the demo patient is only added to an empty "
                "journal, so it never mixes with your own. Use --home with a new folder."
            )
        data = demo_data.generate(journal.now(), days=args.days, seed=args.seed)
        journal.log_all(data.entries, data.session_of)
        counts = journal.counts()
    finally:
        journal.close()
    print("Demo journal written: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + ".")
    return 0


def _output(args: argparse.Namespace) -> Path:
    """The ``-o`` target; its folder must exist (checked before the journal is opened)."""
    target = Path(args.output).expanduser()
    if not target.parent.is_dir():
        raise ValidationError("output", f"the folder {target.parent} does not exist")
    return target


def _with_journal(
    args: argparse.Namespace, work: Callable[[Journal], T], *, create: bool = False
) -> T:
    """Open the journal, run ``work`` on it, close it."""
    journal = _open(args, create=create)
    try:
        return work(journal)
    finally:
        journal.close()


def cmd_export_json(args: argparse.Namespace) -> int:
    """``export json -o FILE``."""
    target = _output(args)
    counts = _with_journal(args, lambda journal: journal.export_json(target))
    print(f"Exported {sum(counts.values())} entries to {target}.")
    return 0


def cmd_export_pdf(args: argparse.Namespace) -> int:
    """``export pdf -o FILE [--from DATE] [--to DATE] [--since-last-appointment] …``."""
    # ReportLab is imported only for this command, not on every start of the app.
    from ketajournal.reports.pdf import write_pdf
    from ketajournal.services.reports import build_report, parse_day

    target = _output(args)
    start = parse_day("from", args.period_from)
    end = parse_day("to", args.period_to)
    report = _with_journal(
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
    target = _output(args)
    from ketajournal.services import exchange  # not needed to open the window

    counts = _with_journal(args, lambda journal: exchange.export_csv(journal, target))
    print(f"Exported {sum(counts.values())} entries to {len(counts)} CSV files in {target}.")
    return 0


def cmd_export_fhir(args: argparse.Namespace) -> int:
    """``export fhir -o FILE``: a FHIR R4 Bundle (docs/fhir.md)."""
    target = _output(args)
    from ketajournal.services import exchange

    count = _with_journal(args, lambda journal: exchange.export_fhir(journal, target))
    print(f"Exported {count} FHIR resources to {target}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """``import FILE|DIR``: additive, all or nothing, after a backup (docs/export-csv.md)."""
    # Read and check everything before the journal is opened: a bad file changes nothing.
    from ketajournal.services import exchange

    batch = exchange.read_import(Path(args.source).expanduser())
    result = _with_journal(
        args, lambda journal: exchange.import_batch(journal, batch), create=True
    )
    print(result.summary())
    if result.backup is not None:
        print(f"Backup taken before the import: {result.backup}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """``backup -o FILE``: one portable, encrypted backup file (docs/security.md)."""
    target = Path(args.output).expanduser()
    if not target.parent.is_dir():
        raise ValidationError("output", f"the folder {target.parent} does not exist")
    if target.is_dir():
        raise ValidationError("output", f"{target} is a folder; give a file name")
    journal = _open(args, create=False)
    try:
        made = portable.write_portable_backup(journal, target)
    finally:
        journal.close()
    print(f"Backed up {made.total} entries to {target}. The file is encrypted; it opens with "
          "this journal's recovery key or passphrase, or the key in this computer's keyring.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """``restore FILE [--force]`` or ``restore --from-backups`` (docs/security.md)."""
    if args.from_backups and args.source is not None:
        raise ValidationError("FILE", "give a backup file or --from-backups, not both")
    if not args.from_backups and args.source is None:
        raise ValidationError("FILE", "give the backup file to restore, or --from-backups")
    if args.from_backups and args.force:
        raise ValidationError(
            "force", "is for restore FILE; --from-backups never replaces a sound journal"
        )
    paths = JournalPaths(resolve_home(getattr(args, "home", None)))
    secret = secret_from_options(getattr(args, "password_file", None))
    keys = KeyringKeyStore()
    try:
        if args.from_backups:
            result = repair.repair_from_backups(paths, keys, secret)
        else:
            source = Path(args.source).expanduser()
            result = restore.restore_backup_file(paths, source, keys, secret, force=args.force)
    except NeedsSecretError as error:
        raise _with_password_file_hint(error) from None
    print(result.summary())
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """``check [--deep [--accept-counts]]``: 0 only when healthy.

    Plain: integrity and foreign-key checks, counts per kind. ``--deep`` adds the
    counts against the last healthy check (a sudden drop is reported) and the
    verification of every backup (services/health.py).
    """
    if args.accept_counts and not args.deep:
        raise ValidationError("accept-counts", "goes with --deep")
    if args.deep:
        from ketajournal.services import health

        deep = _with_journal(
            args, lambda journal: health.deep_check(journal, accept_counts=args.accept_counts)
        )
        for line in deep.report():
            print(line)
        return 0 if deep.ok else 1
    result = _with_journal(args, lambda journal: journal.check())
    for kind, count in result.counts.items():
        print(f"{kind:12} {count}")
    if result.ok:
        print("integrity    ok")
        return 0
    for problem in result.problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``ketajournal`` and ``python -m ketajournal``."""
    set_private_umask()
    logging.basicConfig(level=logging.WARNING, format="ketajournal: %(levelname)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    # The argparse of Python 3.11 turns "--at=--" into an empty list; no option here
    # takes a list, so that is a missing value: a usage error, not a traceback.
    for name, value in vars(args).items():
        if isinstance(value, list):
            parser.error(f"argument --{name.replace('_', '-')}: expected one argument")
    if args.command is None:
        from ketajournal.app import display_problem, run_gui  # Qt only for the window

        problem = display_problem()
        if problem:
            print(f"ketajournal: {problem}", file=sys.stderr)
            return 1

        return run_gui(getattr(args, "home", None), demo=args.demo)
    if args.command == "log" and not getattr(args, "handler", None):
        parser.error("log needs a kind")
    try:
        code: int = args.handler(args)
        return code
    except KnownError as error:
        print(f"ketajournal: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
