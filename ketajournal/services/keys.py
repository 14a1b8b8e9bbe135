"""The journal's keys: unlocking, the recovery key, and passphrase mode.

One random data key K (32 bytes, the SQLCipher key) encrypts the journal. It is
kept in up to three places, never in clear on disk::

    OS keyring ──────────────────────────── K            (keyring mode)
    journal.header ─ recovery wrap ── AES-256-GCM(K) under HKDF(recovery code)
                   └ passphrase wrap ─ AES-256-GCM(K) under Argon2id(passphrase)
                                                          (passphrase mode only)

In keyring mode K is in the keyring and the recovery wrap is the way back when
the keyring is lost. In passphrase mode the keyring entry is removed and K is
opened with the passphrase (or the recovery code). Every change to the wraps is
written atomically and verified by unwrapping what was written, before any
other copy of K is removed. docs/security.md explains the threat model.
"""

from __future__ import annotations

import logging
import os
import secrets
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from ketajournal.errors import KnownError
from ketajournal.language import gettext as _
from ketajournal.platform.crypto import (
    RECOVERY_GROUPS,
    Argon2Params,
    RecoveryCode,
    UnwrapError,
    new_recovery_code,
    normalize_code_text,
    parse_recovery_code,
    same_key,
    unwrap_key,
    wrap_key,
)
from ketajournal.platform.keystore import KeyringUnavailableError, KeyStore, keyring_entry
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.storage.connection import KEY_BYTES, WrongKeyError
from ketajournal.storage.header import JournalHeader, read_header, write_header

log = logging.getLogger(__name__)

MIN_PASSPHRASE_LENGTH = 10
#: Names a file holding a passphrase or recovery key (like restic's RESTIC_PASSWORD_FILE).
ENV_PASSWORD_FILE = "KETAJOURNAL_PASSWORD_FILE"  # noqa: S105 - a variable name
MAX_SECRET_FILE_BYTES = 4096
#: Groups the user types back to show the recovery key was written down.
CONFIRM_GROUP_COUNT = 2
#: Line width of the recovery notice and the print page.
SHEET_WIDTH = 72
MAX_UNLOCK_DELAY_S = 30


class KeySource(StrEnum):
    """What opened the journal this time."""

    KEYRING = "keyring"
    RECOVERY_KEY = "recovery_key"
    PASSPHRASE = "passphrase"  # noqa: S105 - a label, not a secret


# -- errors ---------------------------------------------------------------------------


class WrongSecretError(KnownError):
    """The passphrase or recovery key given does not unwrap the journal's key."""

    def __init__(self) -> None:
        super().__init__(
            _("That passphrase or recovery key does not open this journal. Nothing was changed.")
        )


class NeedsSecretError(KnownError):
    """The key cannot be had without the user's passphrase or recovery key: ask for one.

    Catch this to show the unlock prompt; every subclass means that a passphrase
    or the recovery key would open the journal.
    """


class PassphraseRequiredError(NeedsSecretError):
    """The journal is in passphrase mode and no secret was given."""

    def __init__(self, home: Path) -> None:
        super().__init__(
            _("The journal in {home} is locked with a passphrase. Enter the passphrase or the "
              "recovery key to open it. Nothing was changed.").format(home=home)
        )


class KeyMissingError(NeedsSecretError):
    """The journal exists but the keyring holds no key for it."""

    def __init__(self, home: Path) -> None:
        super().__init__(
            _("There is a journal in {home}, but the system keyring holds no key for it "
              "(the keyring may have been reset, or this is another user account or computer). "
              "Nothing was changed. Open it with its recovery key or passphrase.").format(
                  home=home)
        )


class KeyringLockedOutError(NeedsSecretError, KeyringUnavailableError):
    """The keyring cannot be used, but the journal's recovery key or passphrase can."""

    def __init__(self, detail: str) -> None:
        KeyringUnavailableError.__init__(self, detail)


class KeyLostError(KnownError):
    """A journal from before recovery keys whose keyring entry is gone."""

    def __init__(self, home: Path) -> None:
        super().__init__(
            _("There is a journal in {home}, but the system keyring holds no key for it, and "
              "the journal was made by an older ketajournal that had no recovery key. Nothing "
              "was changed. Restore the keyring entry (for example from a backup of the "
              "keyring) to open it.").format(home=home)
        )


class NoWrappedKeyError(KnownError):
    """A secret was given for a journal that has no recovery key or passphrase yet."""

    def __init__(self) -> None:
        super().__init__(
            _("This journal has no recovery key or passphrase yet (it was made by an older "
              "ketajournal), so only the key in the system keyring opens it. Nothing was changed.")
        )


class PassphraseError(KnownError):
    """A passphrase that cannot be used, or a mode change that does not apply."""


class KeyChangeFailedError(KnownError):
    """A new wrap did not verify after writing; the previous header was put back."""

    def __init__(self) -> None:
        super().__init__(
            _("The journal's key could not be stored and checked again, so nothing was changed. "
              "Your journal opens as before.")
        )


class SecretFileError(KnownError):
    """The password file cannot be used."""


# -- unlocking ------------------------------------------------------------------------


@dataclass(frozen=True)
class Unlocked:
    """The journal's data key, the header it belongs to, and what opened it."""

    header: JournalHeader
    key: bytes = field(repr=False)
    source: KeySource


def key_from_secret(header: JournalHeader, secret: str) -> tuple[bytes, KeySource]:
    """Unwrap the data key in ``header`` with a passphrase or a recovery key.

    Text shaped like a recovery code is tried on the recovery wrap first; then
    the text is tried as a passphrase. Raises :class:`WrongSecretError` when
    neither fits and :class:`NoWrappedKeyError` for a header without wraps.
    Reads nothing and writes nothing: ``header`` may be a backup's.
    """
    if header.recovery is None and header.passphrase is None:
        raise NoWrappedKeyError
    code = parse_recovery_code(secret)
    if code is not None and header.recovery is not None:
        try:
            return unwrap_key(header.recovery, code, header.journal_id), KeySource.RECOVERY_KEY
        except UnwrapError:
            pass  # perhaps a passphrase that looks like a code
    if header.passphrase is not None:
        try:
            return unwrap_key(header.passphrase, secret, header.journal_id), KeySource.PASSPHRASE
        except UnwrapError:
            pass
    raise WrongSecretError


def unlock(paths: JournalPaths, keys: KeyStore, secret: str | None = None) -> Unlocked:
    """Find the data key of the journal at ``paths``; writes nothing.

    With ``secret`` (a passphrase or the recovery key) the header's wraps are
    used and the keyring is not asked. Without it the key comes from the
    keyring, unless the journal is in passphrase mode. Raises
    :class:`NeedsSecretError` (a subclass per reason) when a secret would help,
    :class:`WrongSecretError` when the secret does not fit.
    """
    header = read_header(paths.header)
    if secret is not None:
        unwrapped, source = key_from_secret(header, secret)
        return Unlocked(header, unwrapped, source)
    has_wraps = header.recovery is not None or header.passphrase is not None
    if header.passphrase is not None:
        # Passphrase mode keeps nothing in the keyring; asking it could only
        # pop up a keyring prompt for nothing.
        raise PassphraseRequiredError(paths.home)
    try:
        key = keys.get(keyring_entry(paths.home, header.journal_id))
    except KeyringUnavailableError as error:
        if has_wraps:
            raise KeyringLockedOutError(error.detail) from None
        raise
    if key is None:
        if has_wraps:
            raise KeyMissingError(paths.home)
        raise KeyLostError(paths.home)
    if len(key) != KEY_BYTES:
        raise WrongKeyError(paths.database)
    return Unlocked(header, key, KeySource.KEYRING)


def unlock_key(paths: JournalPaths, keys: KeyStore, secret: str | None = None) -> bytes:
    """The data key of the journal at ``paths`` (see :func:`unlock`)."""
    return unlock(paths, keys, secret).key


def unlock_delay_seconds(failures: int) -> float:
    """How long the unlock prompt waits after ``failures`` wrong tries in a row.

    Retries are unlimited; the wait doubles from 1 s after the first failure
    and stays at 30 s, which makes guessing at the prompt slow without locking
    out a patient who mistypes.
    """
    if failures <= 0:
        return 0.0
    return float(min(MAX_UNLOCK_DELAY_S, 2 ** min(failures - 1, 16)))


# -- the recovery key -----------------------------------------------------------------


def with_recovery_key(
    header: JournalHeader, key: bytes, code: RecoveryCode, created: date
) -> JournalHeader:
    """``header`` with ``key`` wrapped under ``code``, checked by unwrapping it again."""
    wrapped = wrap_key(key, code, header.journal_id)
    if not same_key(unwrap_key(wrapped, code, header.journal_id), key):
        raise KeyChangeFailedError
    return header.replace(recovery=wrapped, recovery_created=created.isoformat())


def add_recovery_key_if_missing(
    paths: JournalPaths, key: bytes, created: date
) -> RecoveryCode | None:
    """Give a journal without a recovery key (a version 1 header) one; returns its code.

    ``key`` must be the journal's key (it opened the database). Returns None if
    the journal already has a recovery key. The code is returned once and
    stored nowhere: show it to the user.
    """
    header = read_header(paths.header)
    if header.recovery is not None:
        return None
    return _replace_recovery_key(paths, header, key, created)


def rotate_recovery_key(journal: Journal) -> RecoveryCode:
    """Replace the journal's recovery key with a new one and return the new code.

    The old code stops opening this journal (backups taken before keep the
    header they were taken with, so the old code still opens those). Needs
    the open journal, whose key is wrapped again.
    """
    paths = journal.paths
    return _replace_recovery_key(
        paths, read_header(paths.header), journal.data_key, journal.now().date()
    )


def _replace_recovery_key(
    paths: JournalPaths, header: JournalHeader, key: bytes, created: date
) -> RecoveryCode:
    code = new_recovery_code()
    _write_verified(
        paths,
        key,
        header,
        with_recovery_key(header, key, code, created),
        lambda written: written.recovery is not None
        and same_key(unwrap_key(written.recovery, code, written.journal_id), key),
    )
    return code


def confirmation_groups(count: int = CONFIRM_GROUP_COUNT) -> tuple[int, ...]:
    """Which groups (1-based, ascending) to ask the user to type back, chosen at random."""
    chosen = secrets.SystemRandom().sample(range(1, RECOVERY_GROUPS + 1), count)
    return tuple(sorted(chosen))


def confirm_matches(code: RecoveryCode, typed_groups: Mapping[int, str]) -> bool:
    """True if every typed group (1-based number → text) matches ``code``.

    Typing is forgiving like unlocking: case, spaces and O/0, I/1, L/1 do not
    matter. No groups, or a group number outside 1–8, is never a match.
    """
    if not typed_groups:
        return False
    groups = code.groups
    matched = True
    for number, typed in typed_groups.items():
        if not 1 <= number <= len(groups):
            return False
        expected = groups[number - 1].encode("ascii")
        given = normalize_code_text(typed).encode("utf-8")
        matched &= secrets.compare_digest(expected, given)
    return matched


def recovery_notice(code: RecoveryCode, *, new_journal: bool = True) -> str:
    """The paragraph the CLI prints (to stderr) when it made a recovery key."""
    made = (
        _("Your new journal is encrypted. Its recovery key is:")
        if new_journal
        else _("This journal had no recovery key, so one was made. Its recovery key is:")
    )
    advice = textwrap.fill(
        _("Write this down (or print it) now and keep it somewhere safe, away from this "
          "computer. It is shown only this once. It is the only way to open your journal if "
          "the system keyring is lost (a reinstalled computer, a new user account, a reset "
          "keyring). Anyone who has it and a copy of your journal files can read the "
          "journal."),
        width=SHEET_WIDTH,
    )
    return f"{made}\n\n    {code}\n\n{advice}"


_SHEET_TEXT = (
    "This key opens your ketajournal journal when the system keyring cannot: after a "
    "reinstall, on a new computer or user account, or if you forget your passphrase. "
    "When ketajournal asks for your passphrase or recovery key, type the key above; "
    "dashes, spaces and lower case are fine.",
    "It is made of digits and the letters A-Z except I, L, O and U.",
    "Keep this page private and away from the computer. Anyone with this key and a copy "
    "of your journal files can read your journal. If you make a new recovery key in "
    "ketajournal, this one stops opening the journal (backups made before keep it).",
)


def recovery_sheet(code: RecoveryCode, *, created: date | None = None) -> str:
    """The recovery key laid out as a plain-text page to print and keep.

    The title is deliberately plain: the page says what it is for without
    naming the treatment.
    """
    groups = code.groups
    numbered = [f"{i}  {g}" for i, g in enumerate(groups, start=1)]
    half = len(numbered) // 2
    rows = zip(numbered[:half], numbered[half:], strict=True)
    grid = "\n".join(f"    {left:<12}{right}" for left, right in rows)
    lines = ["Journal recovery key", "===================="]
    if created is not None:
        lines += ["", f"Made on {created.isoformat()}"]
    lines += ["", f"    {code}", "", grid]
    for paragraph in _SHEET_TEXT:
        lines += ["", textwrap.fill(paragraph, width=SHEET_WIDTH)]
    return "\n".join(lines) + "\n"


# -- passphrase mode ------------------------------------------------------------------


def check_passphrase(passphrase: str) -> None:
    """Raise :class:`PassphraseError` if ``passphrase`` is too short to protect the journal."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH or not passphrase.strip():
        raise PassphraseError(
            _("A passphrase needs at least {min_passphrase_length} characters. A few unrelated "
              "words are easy to remember and hard to guess. Nothing was changed.").format(
                  min_passphrase_length=MIN_PASSPHRASE_LENGTH)
        )


def enable_passphrase(journal: Journal, keys: KeyStore, passphrase: str) -> None:
    """Switch to passphrase mode: wrap the key under ``passphrase``, then drop the keyring copy.

    The passphrase wrap is written and verified (read back and unwrapped) before
    the keyring entry is deleted. If the keyring cannot delete it, the previous
    header is put back and the keyring error is raised: the journal stays in
    keyring mode. Needs a recovery key, so a forgotten passphrase never loses
    the journal.
    """
    check_passphrase(passphrase)
    paths, key = journal.paths, journal.data_key
    header = read_header(paths.header)
    if header.passphrase is not None:
        raise PassphraseError(
            _("This journal already has a passphrase. Change it instead. Nothing was changed.")
        )
    if header.recovery is None:
        raise PassphraseError(
            _("This journal has no recovery key yet. Make one first, so that a forgotten "
              "passphrase never locks you out. Nothing was changed.")
        )
    _write_passphrase(paths, header, key, passphrase)
    try:
        keys.delete(keyring_entry(paths.home, header.journal_id), key)
    except BaseException:
        write_header(paths.header, header, key)
        raise


def change_passphrase(
    journal: Journal, new_passphrase: str, *, current: str | None = None
) -> None:
    """Wrap the key under ``new_passphrase``; the old passphrase stops opening the journal.

    The open journal provides the key. ``current``, if given (the app asks for
    it), must be the present passphrase or the recovery key, else
    :class:`WrongSecretError` and nothing changes. The new wrap uses the
    current Argon2id defaults, which is how stronger parameters reach old
    journals.
    """
    check_passphrase(new_passphrase)
    paths, key = journal.paths, journal.data_key
    header = read_header(paths.header)
    if header.passphrase is None:
        raise PassphraseError(_("This journal has no passphrase to change. Nothing was changed."))
    if current is not None:
        found, _mode = key_from_secret(header, current)
        if not same_key(found, key):
            raise WrongSecretError
    _write_passphrase(paths, header, key, new_passphrase)


def disable_passphrase(journal: Journal, keys: KeyStore) -> None:
    """Leave passphrase mode: store the key in the keyring, verify, then drop the wrap.

    If the keyring cannot take the key, :class:`KeyringUnavailableError` is
    raised and the passphrase still opens the journal.
    """
    paths, key = journal.paths, journal.data_key
    header = read_header(paths.header)
    if header.passphrase is None:
        raise PassphraseError(_("This journal has no passphrase. Nothing was changed."))
    _store_in_keyring(keys, keyring_entry(paths.home, header.journal_id), key)
    write_header(paths.header, header.replace(passphrase=None), key)


def remember_in_keyring(journal: Journal, keys: KeyStore) -> None:
    """Store the open journal's key in the keyring again (after opening with the recovery key).

    For keyring mode on a new computer or after the keyring was reset; a
    journal in passphrase mode is switched with :func:`disable_passphrase`.
    """
    paths, key = journal.paths, journal.data_key
    header = read_header(paths.header)
    if header.passphrase is not None:
        raise PassphraseError(
            _("This journal is locked with a passphrase; turn the passphrase off to keep its "
              "key in the system keyring instead. Nothing was changed.")
        )
    _store_in_keyring(keys, keyring_entry(paths.home, header.journal_id), key)


def _store_in_keyring(keys: KeyStore, entry: str, key: bytes) -> None:
    keys.put(entry, key)
    stored = keys.get(entry)
    if stored is None or not same_key(stored, key):
        raise KeyringUnavailableError(_("the key could not be read back after storing it"))


def _write_passphrase(
    paths: JournalPaths, header: JournalHeader, key: bytes, passphrase: str
) -> None:
    wrapped = wrap_key(key, passphrase, header.journal_id)
    _write_verified(
        paths,
        key,
        header,
        header.replace(passphrase=wrapped),
        lambda written: written.passphrase is not None
        and same_key(unwrap_key(written.passphrase, passphrase, written.journal_id), key),
    )


# -- what the header says -------------------------------------------------------------


@dataclass(frozen=True)
class KeyStatus:
    """How the journal's key is kept (for settings screens); no secret in it."""

    journal_id: str
    has_recovery_key: bool
    recovery_created: str | None
    passphrase_mode: bool
    argon2: Argon2Params | None


def key_status(paths: JournalPaths) -> KeyStatus:
    """Read the header and say which wraps it holds."""
    header = read_header(paths.header)
    return KeyStatus(
        journal_id=header.journal_id,
        has_recovery_key=header.recovery is not None,
        recovery_created=header.recovery_created,
        passphrase_mode=header.passphrase is not None,
        argon2=header.passphrase.argon2 if header.passphrase else None,
    )


# -- password files (the CLI) ---------------------------------------------------------


def read_secret_file(path: Path) -> str:
    """A passphrase or recovery key from ``path``, trailing newlines removed.

    Messages name the file, never its content.
    """
    try:
        with path.open("rb") as handle:
            if os.name == "posix" and os.fstat(handle.fileno()).st_mode & 0o077:
                # As ssh does for a private key: the secret is readable by others.
                log.warning(
                    "the password file %s can be read by other users; make it readable "
                    "only by you (chmod 600 %s)", path, path,
                )
            data = handle.read(MAX_SECRET_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SecretFileError(_("The password file {path} "
                                "does not exist.").format(path=path)) from None
    except OSError as error:
        raise SecretFileError(
            _("The password file {path} cannot be read ({error}).").format(
                path=path, error=error.strerror or 'error')
        ) from None
    if len(data) > MAX_SECRET_FILE_BYTES:
        raise SecretFileError(
            _("The password file {path} is too large to hold a passphrase or recovery key.").format(
                path=path)
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SecretFileError(_("The password file {path} is "
                                "not UTF-8 text.").format(path=path)) from None
    text = text.rstrip("\r\n")
    if not text:
        raise SecretFileError(_("The password file {path} is empty.").format(path=path))
    return text


def secret_from_options(
    option: str | os.PathLike[str] | None, env: Mapping[str, str] = os.environ
) -> str | None:
    """The secret in ``--password-file`` (else ``$KETAJOURNAL_PASSWORD_FILE``), or None."""
    name = option or env.get(ENV_PASSWORD_FILE)
    if not name:
        return None
    return read_secret_file(Path(name).expanduser())


# -- helpers --------------------------------------------------------------------------


def _write_verified(
    paths: JournalPaths,
    key: bytes,
    previous: JournalHeader,
    new: JournalHeader,
    verify: Callable[[JournalHeader], bool],
) -> None:
    """Write ``new``, read it back and ``verify`` it; on any failure put ``previous`` back."""
    write_header(paths.header, new, key)
    try:
        written = read_header(paths.header)
        ok = written.verifies(key) and verify(written)
    except UnwrapError:
        ok = False
    except BaseException:
        write_header(paths.header, previous, key)
        raise
    if not ok:
        write_header(paths.header, previous, key)
        raise KeyChangeFailedError

