"""Remembers which backend keyring chose, so that a start can skip keyring's search.

On a patient's start, with no backend named, keyring finds every backend through
entry points, imports each, asks each whether it works (the Secret Service over
D-Bus, once per question) and picks the best, between the window's first paint and
Today's: with GNOME Keyring, choosing and reading the key took 53 ms of CPU, with the
remembered backend 37 (docs/performance.md, "Issue 15, fifth look"). Its choice rarely
changes, so the window's key store (``KeyringKeyStore(paths)``) remembers it: the
backend's module and class, ``module:class`` and nothing else (no secret, no path),
in a file of the journal's home named for the desktop it was chosen on
(:meth:`JournalPaths.keyring_choice`, 0600). At the next start just that backend is
imported and used when all of this holds; otherwise keyring chooses as it always
does, and its new choice is remembered (or the file removed):

* nobody chose a backend: no ``PYTHON_KEYRING_BACKEND``, no keyring config file,
  none set in this process; those win exactly as keyring says;
* the same desktop (``XDG_CURRENT_DESKTOP``: KWallet ranks above the Secret Service
  on KDE only), and nothing installed or removed since: the file is newer than every
  folder Python imports from (a new keyring backend package) and every D-Bus
  services folder (a keyring daemon installed or removed);
* it is one of keyring's own backends (``keyring.backends.*``), one that keyring
  recommends (``priority`` ≥ 1), not its chainer; never a backend that keeps keys in
  clear (keyrings.alt's), nor "fail" or "null";
* its ``priority`` check passes now (its daemon runs or can be started).

keyring picks a backend other than its chainer only when no other one with a positive
priority is viable (two or more are chained), so
the remembered one stays keyring's choice until something listed above changes, or
another keyring daemon starts on this desktop. For that last case, reads and writes
check (:func:`unconfirmed`, :func:`confirm`): a key the remembered backend does not
hold, or an error from it, lets keyring choose before anything is reported, and every
write or removal of a key uses keyring's own choice.

keyring itself is imported by :mod:`ketajournal.platform.keystore` (lightly); this
module only uses it, inside its functions.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ketajournal.platform.files import write_text_atomic
from ketajournal.platform.paths import JournalPaths

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

#: The only backends remembered: keyring's own, by module, except its chainer.
_OWN = "keyring.backends."
_NOT_REMEMBERED = ("keyring.backends.chainer",)
_NAME = re.compile(r"(keyring\.backends(?:\.[A-Za-z_][A-Za-z0-9_]*)+):([A-Za-z_][A-Za-z0-9_]*)")
#: The file is a line of a few dozen characters; anything longer is not ours.
_MAX_SIZE = 200


class _State:
    """The backend this process uses on the remembered choice, until keyring confirms it."""

    remembered: KeyringBackend | None = None


def desktop() -> str:
    """The desktop keyring's choice may depend on (``XDG_CURRENT_DESKTOP``; "" if none)."""
    return os.environ.get("XDG_CURRENT_DESKTOP", "")


def choice_file(paths: JournalPaths) -> Path:
    """The file that remembers keyring's choice on this desktop for ``paths``' home."""
    return paths.keyring_choice(desktop())


def named_by_user() -> bool:
    """True when keyring's variable or its config file is there: keyring decides."""
    from keyring.util import platform_

    if "PYTHON_KEYRING_BACKEND" in os.environ:
        return True
    try:
        return bool((Path(platform_.config_root()) / "keyringrc.cfg").exists())
    except Exception:  # a config root keyring cannot name: let keyring decide
        return True


def _current() -> KeyringBackend | None:
    """The backend keyring holds in this process, without making it choose one."""
    import keyring.core

    backend: KeyringBackend | None = getattr(keyring.core, "_keyring_backend", None)
    return backend


def choose(paths: JournalPaths) -> KeyringBackend:
    """keyring's backend for a start with ``paths``: the remembered one when it is safe
    (the module's docstring), else keyring's own choice, which is then remembered."""
    import keyring

    if _current() is not None or named_by_user():
        return keyring.get_keyring()
    backend = remembered(choice_file(paths))
    if backend is None:
        return confirm(paths)
    keyring.set_keyring(backend)
    _State.remembered = backend
    return backend


def unconfirmed(backend: object) -> bool:
    """True if ``backend`` is the remembered one, not yet chosen by keyring in this process."""
    return backend is not None and backend is _State.remembered and _current() is backend


def confirm(paths: JournalPaths) -> KeyringBackend:
    """keyring's own choice, made exactly as keyring makes it, and remembered for ``paths``.

    A backend set in this process (the tests', or keyring's choice already made) or
    named by the user is returned as it is and not remembered.
    """
    import keyring
    import keyring.core

    current = _current()
    if (current is not None and current is not _State.remembered) or named_by_user():
        return keyring.get_keyring()
    keyring.core.init_backend()
    _State.remembered = None
    backend = keyring.get_keyring()
    remember(choice_file(paths), backend)
    return backend


def name_to_remember(backend: object) -> str | None:
    """``module:class`` of ``backend`` if it may be remembered, else None."""
    kind = type(backend)
    module, name = kind.__module__, kind.__qualname__
    if not module.startswith(_OWN) or module in _NOT_REMEMBERED or "." in name:
        return None
    try:
        if float(kind.priority) < 1:  # type: ignore[attr-defined]
            return None
    except Exception:
        return None
    text = f"{module}:{name}"
    return text if _NAME.fullmatch(text) else None


def remember(path: Path, backend: object) -> None:
    """Write ``backend``'s name to ``path`` (0600), or remove ``path`` if it may not be
    remembered. Never creates the journal's home; a failure only costs the next start."""
    name = name_to_remember(backend)
    try:
        if name is None:
            path.unlink(missing_ok=True)
        elif path.parent.is_dir():
            write_text_atomic(path, name + "\n")
    except OSError as error:
        log.warning("could not remember the keyring backend: %s", type(error).__name__)


def remembered(path: Path) -> KeyringBackend | None:
    """The backend ``path`` names, made, if it may be used now (the module's docstring)."""
    from keyring.backend import KeyringBackend

    name = _read(path)
    if name is None:
        return None
    module_name, class_name = name
    try:
        kind = getattr(importlib.import_module(module_name), class_name)
        if not (isinstance(kind, type) and issubclass(kind, KeyringBackend)):
            return None
        backend = kind()
        if name_to_remember(backend) != f"{module_name}:{class_name}":
            return None  # its priority check failed, or is below keyring's recommendation
    except Exception:  # gone, not viable here, or refusing: keyring chooses
        return None
    return backend


def _read(path: Path) -> tuple[str, str] | None:
    """(module, class) from ``path`` if it is ours, private, and newer than what could
    change keyring's choice; else None."""
    try:
        status = path.lstat()
        if (not stat.S_ISREG(status.st_mode) or status.st_size > _MAX_SIZE
                or (os.name == "posix"
                    and (status.st_mode & 0o077 or status.st_uid != os.getuid()))):
            return None
        if _changed_since(status.st_mtime_ns):
            return None
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    found = _NAME.fullmatch(text)
    if found is None or found.group(1) in _NOT_REMEMBERED:
        return None
    return found.group(1), found.group(2)


def watched_folders() -> list[Path]:
    """Folders whose change can change keyring's choice: those Python imports from and
    the D-Bus services folders (where a keyring daemon is made startable)."""
    folders = [Path(entry) for entry in sys.path if entry]
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    data_dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    for data in (data_home, *data_dirs.split(os.pathsep)):
        if data:
            folders.append(Path(data) / "dbus-1" / "services")
    return folders


def _changed_since(mtime_ns: int) -> bool:
    """True if a watched folder changed at or after ``mtime_ns``."""
    for folder in watched_folders():
        try:
            if folder.stat().st_mtime_ns >= mtime_ns:
                return True
        except OSError:
            continue  # absent: nothing there to change the choice
    return False
