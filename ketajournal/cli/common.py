"""What every command shares: the parser class, --home/--password-file, opening the journal,
and parsing values (messages name the field, like the domain's)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, TypeVar

import sqlcipher3

from ketajournal import language
from ketajournal.domain import locales
from ketajournal.domain.medications import MedicationClass
from ketajournal.domain.models import EventKind, SideEffectCategory
from ketajournal.domain.timeutil import parse_time
from ketajournal.domain.validation import (
    ValidationError,
    number_rule,
    plain_number,
    whole_number_rule,
)
from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.moves import private_file
from ketajournal.platform.paths import JournalPaths, resolve_home
from ketajournal.services.backups import automatic_backup
from ketajournal.services.damage import JournalDamagedError
from ketajournal.services.journal import Journal
from ketajournal.services.keys import (
    ENV_PASSWORD_FILE,
    NeedsSecretError,
    recovery_notice,
    secret_from_options,
)
from ketajournal.services.opening import open_checked

if TYPE_CHECKING:
    #: Where a group of commands adds its parsers (``parser.add_subparsers()``).
    Commands: TypeAlias = argparse._SubParsersAction["Parser"]

T = TypeVar("T")


class Parser(argparse.ArgumentParser):
    """argparse that exits 2 with our message style."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"ketajournal: {message}\n")


def home_options() -> Parser:
    """The parent parser of every command that opens a journal: --home, --password-file."""
    home = Parser(add_help=False)
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
    home.add_argument(
        "--recovery-key-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="if this command makes a recovery key (a new journal), write it to FILE "
        "(a new file, readable only by you, outside the journal's folder) instead of "
        "printing it",
    )
    return home


def choices(values: Sequence[str]) -> str:
    """Allowed values as a metavar: ``a|b|c``."""
    return "|".join(values)


def span(bounds: tuple[float, float]) -> str:
    """A range of the domain as help texts write it: ``0-10``."""
    low, high = bounds
    return f"{plain_number(low)}-{plain_number(high)}"


# -- value parsing (messages name the field, like the domain's) ----------------------------


def whole_number(field: str, text: str | None, low: int, high: int) -> int | None:
    """``text`` as an int (None stays None); the range is checked by the domain, whose
    message this one repeats for text that is no number at all."""
    if text is None:
        return None
    try:
        return int(text.strip())
    except ValueError:
        raise ValidationError(field, whole_number_rule(low, high)) from None


def number(
    field: str, text: str | None, low: float, high: float, unit: str = ""
) -> float | None:
    """``text`` as a float, a decimal comma allowed (None stays None); the range is
    checked by the domain, as for :func:`whole_number`."""
    if text is None:
        return None
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise ValidationError(field, number_rule(low, high, unit)) from None


def when(args: argparse.Namespace, journal: Journal) -> datetime:
    """``--at``, or now."""
    return journal.now() if args.at is None else parse_time("at", args.at)


def enum_arg(
    field: str,
    enum: type[SideEffectCategory] | type[EventKind] | type[MedicationClass],
    text: str,
) -> str:
    """A vocabulary value as typed on the command line (``-`` for ``_``, any case)."""
    value = text.strip().lower().replace("-", "_")
    if value not in {m.value for m in enum}:
        allowed = ", ".join(m.value.replace("_", "-") for m in enum)
        raise ValidationError(field, _("must be one of: {allowed}").format(allowed=allowed))
    return value


def output(args: argparse.Namespace, *, folder: bool = False) -> Path:
    """The ``-o`` target; its folder must exist and it must lie outside the journal's home.

    A file target must not be an existing folder (``folder`` for ``export csv -o DIR``).
    All is checked before the journal is opened.
    """
    target = Path(args.output).expanduser()
    if not target.parent.is_dir():
        raise ValidationError("output", _("the folder {parent} does not exist").format(
            parent=target.parent))
    if not folder and target.is_dir():
        raise ValidationError("output", _("{target} is a folder; give a file name").format(
            target=target))
    JournalPaths(resolve_home(getattr(args, "home", None))).check_output(target)
    return target


# -- opening the journal -------------------------------------------------------------------


def with_password_file_hint(error: KnownError) -> KnownError:
    """``error`` with how to give a secret on the command line."""
    return KnownError(
        _("{error} On the command line, put the passphrase or recovery key in a file "
          "readable only by you and give it with --password-file FILE "
          "(or {variable}=FILE).").format(error=error, variable=ENV_PASSWORD_FILE)
    )


def speak(setting: str | None) -> None:
    """Say everything from now on in the language chosen by ``setting`` (the journal's
    ``ui.language``; None or ``system``: ``KETAJOURNAL_LANGUAGE``, else the system's),
    with dates and numbers of a locale of that language."""
    language.use(language.choose(setting))
    locales.follow(language.current())


@contextmanager
def speaking(chosen: str | None) -> Iterator[None]:
    """Within the block, speak ``chosen`` (``en``, ``de``, ``es``; None: no change), then
    the language before it (``export pdf --language``)."""
    if chosen is None:
        yield
        return
    before, locale = language.current(), locales.current()
    speak(chosen)
    try:
        yield
    finally:
        language.use(before)
        locales.use(locale)


def open_journal(args: argparse.Namespace, *, create: bool) -> Journal:
    """The journal at ``--home``, opened with the keyring or ``--password-file``."""
    paths = JournalPaths(resolve_home(getattr(args, "home", None)))
    # Never a key or passphrase on the command line (shell history, ps): only a file.
    secret = secret_from_options(getattr(args, "password_file", None))
    key_file = _recovery_key_file(args, paths)  # checked before a key can be made
    try:
        # Opens and runs the integrity check (milliseconds); damage is told apart
        # from a wrong key and the newest verified backup is offered.
        opened = open_checked(paths, KeyringKeyStore(), secret, create=create)
    except NeedsSecretError as error:
        raise with_password_file_hint(error) from None
    except JournalDamagedError as error:
        if error.offer is None:
            raise
        raise KnownError(
            _("{error} To restore it, run: ketajournal restore --from-backups (with the same "
              "--home and --password-file options as this command).").format(error=error)
        ) from None
    if opened.new_recovery_code is not None:
        notice = recovery_notice(opened.new_recovery_code, new_journal=opened.created)
        if key_file is not None and _write_recovery_key(key_file, str(opened.new_recovery_code)):
            print(_("The new recovery key was written to {file}. Keep it somewhere safe, "
                    "away from this computer, and delete that file once it is.").format(
                        file=key_file), file=sys.stderr)
        else:  # never lose the only copy: printed if the file could not be written
            print(notice, file=sys.stderr)
    # The journal's language from now on; --json stays English, as a program reads it.
    speak("en" if getattr(args, "json", False) else opened.journal.setting("ui.language",
                                                                            "system"))
    return opened.journal


def _recovery_key_file(args: argparse.Namespace, paths: JournalPaths) -> Path | None:
    """``--recovery-key-file``: a new file, in an existing folder, outside the home."""
    given = getattr(args, "recovery_key_file", None)
    if given is None:
        return None
    target = Path(given).expanduser()
    if not target.parent.is_dir():
        raise ValidationError("recovery-key-file", _("the folder {parent} does not exist").format(
            parent=target.parent))
    if target.exists() or target.is_symlink():
        raise ValidationError(
            "recovery-key-file", _("{target} already exists; give a new file (it is never "
                                   "overwritten)").format(target=target)
        )
    paths.check_output(target)
    return target


def _write_recovery_key(target: Path, code: str) -> bool:
    """Write ``code`` to the new file ``target`` (0600); False if that failed."""
    try:
        with private_file(target) as out:
            out.write(f"{code}\n".encode("ascii"))
    except OSError:
        return False
    return True


def with_journal(
    args: argparse.Namespace,
    work: Callable[[Journal], T],
    *,
    create: bool = False,
    writes: bool = False,
) -> T:
    """Open the journal, run ``work`` on it, close it.

    With ``writes``, a ``work`` that returned is followed by today's automatic
    backups (:func:`backup_after_write`).
    """
    journal = open_journal(args, create=create)
    try:
        result = work(journal)
        if writes:
            backup_after_write(journal)
        return result
    finally:
        journal.close()


def backup_after_write(journal: Journal) -> None:
    """Today's daily (and this week's weekly) backup after a command that wrote, if missing.

    The window takes them at every start; a patient who only uses the command line
    gets the same, at most once a day, from the first command that saves something.
    The journal passed its full integrity check when it was opened (a damaged one
    never gets here, so a copy of it never rotates out a good backup). A backup that
    fails is a warning on stderr, never a failure of the command: what it saved is saved.
    """
    try:
        automatic_backup(journal)
    except (KnownError, OSError, sqlcipher3.DatabaseError) as error:
        reason = str(error) if isinstance(error, KnownError) else type(error).__name__
        print(
            _("ketajournal: warning: today's automatic backup could not be made ({reason}). "
              "What you saved is saved.").format(reason=reason),
            file=sys.stderr,
        )
