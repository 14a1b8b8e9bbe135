"""Where journal keys live: the OS keyring through ``keyring``.

Any keyring backend works, including one chosen with keyring's standard
``PYTHON_KEYRING_BACKEND`` variable — except that a backend keeping keys in a
plain file (keyrings.alt's), which keyring picks by itself on a machine without a
real keyring, is treated as no keyring unless the user chose it; chosen, it is
used with a warning (:func:`clear_text_warning`). The key is stored as hex text under the
service name :data:`SERVICE` and an entry named by the journal's id and its location
(:func:`keyring_entry`), so several journals (a portable one, a test one, a crafted
backup restored elsewhere that claims another's id) never share a key. Errors of the backend (none
installed, locked, refused, D-Bus missing) become :class:`KeyringUnavailableError`
with a message the user can act on; the key is never written anywhere else in
clear (the header holds it only wrapped, see :mod:`ketajournal.services.keys`).
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import logging
import sys
import threading
import types
from pathlib import Path
from typing import Protocol

from ketajournal import APP_ID
from ketajournal.errors import KnownError
from ketajournal.language import gettext as _


def _import_keyring_lightly() -> None:
    """Import keyring without the modules it loads for nothing (docs/performance.md).

    * keyring imports ``jaraco.context`` for one helper, and that module imports
      ``urllib.request`` (with ``http.client``, ``email`` and ``ssl``: about 25 ms, a
      sixth of the journal's imports at start) only for ``tarball()``, which keyring
      never calls. A placeholder stands in for ``urllib.request`` during the import
      and is gone afterwards; a later ``import urllib.request`` loads the real one.
    * Off macOS, keyring's macOS backend still imports its ``api`` module, which looks
      for the Security framework with ``ctypes.util.find_library`` (on Linux that runs
      ``ldconfig`` and the linker: 50–60 ms at every start). That backend refuses
      itself off macOS before it looks at ``api`` ("macOS required"), so hiding the
      module changes no choice of backend.
    * ``importlib_metadata`` (``importlib.metadata`` from Python 3.12), which keyring
      uses only to find backends through entry points, and ``more_itertools``, which
      ``jaraco.functools`` uses only inside functions keyring never calls at start, are
      left to load on first use (:class:`_PutOff`): a start on which keyring does not
      look for its backends (one named, or the one it chose before) never loads them.

    None changes which backend keyring picks or how; an import that fails with the
    placeholder is retried the ordinary way.
    """
    if sys.platform != "darwin":
        sys.modules.setdefault("keyring.backends.macOS.api", None)  # type: ignore[arg-type]
    if "keyring.core" in sys.modules:
        return
    for name in PUT_OFF:
        _put_off(name)
    if "urllib.request" in sys.modules:
        return
    placeholder = types.ModuleType("urllib.request")
    sys.modules["urllib.request"] = placeholder
    try:
        import keyring.core  # noqa: F401
    except ImportError:
        pass  # a keyring that needs urllib.request after all: imported below, normally
    finally:
        if sys.modules.get("urllib.request") is placeholder:
            del sys.modules["urllib.request"]
        urllib = sys.modules.get("urllib")
        if urllib is not None and getattr(urllib, "request", None) is placeholder:
            delattr(urllib, "request")


#: Modules of keyring's import chain loaded on their first use instead of at import.
PUT_OFF = (
    "importlib.metadata" if sys.version_info >= (3, 12) else "importlib_metadata",
    "more_itertools",
)


class _PutOff(types.ModuleType):
    """Stands in for a module until its first use; then imports it and forwards to it.

    Only a missing attribute reaches ``__getattr__``: ``import name`` of the stand-in
    (which reads its ``__spec__``, None here) does not load the module, and any other
    use does, except two probes: PySide6's import hook reads the source of every module
    imported after it (``inspect.getsource``, which asks for ``__wrapped__``, which no
    module has, and ``__file__``: None until the module is used, so the hook takes it
    for a built-in one, correctly: it does not use PySide6). After the first use the
    real module is in ``sys.modules``.
    """

    def __getattr__(self, attr: str) -> object:
        if attr == "__wrapped__":
            raise AttributeError(attr)
        if attr == "__file__":
            return None
        with _LOADING:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
        return getattr(real, attr)


_LOADING = threading.RLock()  # reentrant: one real import may use another stand-in


def _put_off(name: str) -> None:
    """Put a stand-in (:class:`_PutOff`) for the installed module ``name`` in
    ``sys.modules``; one already imported, or not installed, is left alone."""
    if name in sys.modules:
        return
    try:
        if importlib.util.find_spec(name) is None:
            return
    except (ImportError, ValueError):
        return
    sys.modules[name] = _PutOff(name)


_import_keyring_lightly()

import keyring  # noqa: E402  # after the light import above, which it reuses
import keyring.core  # noqa: E402
import keyring.errors  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from ketajournal.platform import keyring_choice  # noqa: E402  # uses keyring, imported above
from ketajournal.platform.paths import JournalPaths  # noqa: E402

log = logging.getLogger(__name__)

SERVICE = APP_ID


class KeyringUnavailableError(KnownError):
    """No usable keyring: none installed, locked, or the request was refused."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            _("ketajournal keeps the key of your encrypted journal in the system keyring, "
              "but the keyring cannot be used ({detail}). Unlock or install a keyring "
              "(for example GNOME Keyring or KWallet on Linux) and try again. An existing "
              "journal also opens with its recovery key or passphrase. Nothing "
              "was written.").format(
                  detail=detail)
        )
        self.detail = detail


class KeyringEntryTakenError(KeyringUnavailableError):
    """The keyring already holds a different key under this journal id: it is never replaced."""

    def __init__(self) -> None:
        KnownError.__init__(
            self,
            "The system keyring already holds a different key under this journal's id (the "
            "key of another journal, or of a backup that claims that journal's id). It was "
            "left as it was, so the journal it belongs to keeps opening. Open this journal "
            "with its recovery key or passphrase (--password-file on the command line).",
        )
        self.detail = "another key is stored under this journal's id"


class KeyStore(Protocol):
    """Stores one secret key per journal id."""

    def get(self, journal_id: str) -> bytes | None:
        """The key for ``journal_id``, or None if there is none."""
        ...

    def put(self, journal_id: str, key: bytes) -> None:
        """Store ``key`` for ``journal_id``; never over a different key already stored
        (:class:`KeyringEntryTakenError`)."""
        ...

    def delete(self, journal_id: str, key: bytes | None = None) -> None:
        """Make sure no key is stored for ``journal_id`` (none stored is fine); ``key``,
        the journal's own, lets an older entry holding it go too."""
        ...


def _username(journal_id: str) -> str:
    return f"journal-{journal_id}"


#: Separates a journal's id from the tag of its location in a keyring entry's name.
_AT = "@"


def keyring_entry(home: Path, journal_id: str) -> str:
    """The name of the keyring entry of the journal ``journal_id`` at ``home``.

    Bound to the journal's location as well as its id: the id is not secret (it is
    in the header and every backup), so a crafted backup claiming the patient's id,
    restored into another folder, gets an entry of its own and can never read over
    or replace the real journal's. The tag is a hash of the resolved folder (no
    path in clear in the keyring). Entries made before this, named by the id alone,
    are still read (:meth:`KeyringKeyStore.get`) but never written.
    """
    resolved = str(home.expanduser().resolve())
    tag = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{journal_id}{_AT}{tag}"


def _legacy(entry: str) -> str | None:
    """The id-only name an entry had before entries were bound to a location."""
    journal_id, at, _ = entry.partition(_AT)
    return journal_id if at else None


#: Backends that keep secrets in a file anyone who can read the user's files can read.
#: keyring picks keyrings.alt's plaintext backend by itself on a machine without a
#: real keyring (a headless one): the data key would sit in clear near the journal.
_IN_CLEAR = ("keyrings.alt.",)
_IN_CLEAR_CLASSES = ("PlaintextKeyring",)
_warned: set[str] = set()


def backend_name(backend: object) -> str:
    """``module.Class`` of a keyring backend, as keyring's own variable names it."""
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _effective(backend: object) -> object:
    """The backend that stores: the first of a chain (keyring's ChainerBackend)."""
    chain = getattr(backend, "backends", None)
    if isinstance(chain, list) and chain:
        return chain[0]
    return backend


def stores_in_clear(backend: object) -> bool:
    """True for a backend that keeps keys in a plain, readable file (keyrings.alt's)."""
    effective = _effective(backend)
    name = backend_name(effective)
    return name.startswith(_IN_CLEAR) and type(effective).__name__ in _IN_CLEAR_CLASSES


def chosen_explicitly() -> bool:
    """True when the user chose the backend: keyring's variable or its config file."""
    try:
        return bool(keyring.core.load_env()) or keyring.core.load_config() is not None
    except Exception:  # a broken choice is still a choice; keyring reports it itself
        return True


def clear_text_warning() -> str | None:
    """The warning to show (stderr, Settings → Security) when keys are stored in clear."""
    backend = keyring.get_keyring()
    if not stores_in_clear(backend):
        return None
    return (
        f"the keyring backend {backend_name(_effective(backend))} keeps the journal's key "
        "in a plain file that anyone who can read your files can read"
    )


def _backend(paths: JournalPaths | None = None) -> KeyringBackend:
    """keyring's backend (with ``paths``, the one remembered for that home when it may
    be used: :mod:`ketajournal.platform.keyring_choice`), unless it keeps keys in clear
    and the user did not choose it."""
    backend = keyring.get_keyring() if paths is None else keyring_choice.choose(paths)
    if not stores_in_clear(backend):
        return backend
    name = backend_name(_effective(backend))
    if not chosen_explicitly():
        raise KeyringUnavailableError(
            _("the only keyring found, {name}, keeps keys in a plain file; ketajournal does "
              "not use it unless you choose it (PYTHON_KEYRING_BACKEND or keyring's config "
              "file)").format(name=name)
        )
    if name not in _warned:
        _warned.add(name)
        # One line on stderr (the CLI's log format: "ketajournal: WARNING: …"); the
        # window says it in Settings → Security as well. Names a backend, no journal data.
        log.warning("%s.", clear_text_warning())
    return backend


def _password(backend: KeyringBackend, journal_id: str) -> bytes | None:
    """The key ``backend`` holds under ``journal_id``'s entry (b"" if not ours), or None."""
    try:
        value = backend.get_password(SERVICE, _username(journal_id))
    except keyring.errors.NoKeyringError:
        raise KeyringUnavailableError(_("no keyring backend is available")) from None
    except keyring.errors.KeyringLocked:
        raise KeyringUnavailableError(_("the keyring is locked")) from None
    except Exception as exc:  # backends raise D-Bus and OS errors of their own
        log.warning("keyring read failed: %s", type(exc).__name__)
        raise KeyringUnavailableError(_("the keyring reported {name}").format(
            name=type(exc).__name__)) from None
    if value is None:
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return b""  # present but not ours: treated as a wrong key by the caller


def _first(backend: KeyringBackend, names: list[str]) -> bytes | None:
    """The key under the first of ``names`` that ``backend`` holds, or None."""
    for name in names:
        found = _password(backend, name)
        if found is not None:
            return found
    return None


class KeyringKeyStore:
    """The OS keyring (or the backend ``keyring`` was told to use).

    With ``paths`` (the window's store), a start uses the backend keyring chose
    before for that home instead of keyring's search, as long as that is safe
    (:mod:`ketajournal.platform.keyring_choice`): a key it does not hold, or an error
    from it, lets keyring choose before anything is reported, and a key is stored or
    removed only where keyring itself chooses.
    """

    def __init__(self, paths: JournalPaths | None = None) -> None:
        self._paths = paths

    def get(self, journal_id: str) -> bytes | None:
        """Read the key; None if the keyring has none for this journal.

        ``journal_id`` names the entry (:func:`keyring_entry`); when that entry is
        missing, the one an older ketajournal made under the id alone is read.
        """
        names = [journal_id]
        legacy = _legacy(journal_id)
        if legacy is not None:
            names.append(legacy)
        backend = _backend(self._paths)
        try:
            found = _first(backend, names)
        except KeyringUnavailableError:
            if not self._keyring_chooses_another(backend):
                raise
            return _first(_backend(self._paths), names)
        if found is None and self._keyring_chooses_another(backend):
            found = _first(_backend(self._paths), names)
        return found

    def _keyring_chooses_another(self, backend: KeyringBackend) -> bool:
        """For the remembered backend: let keyring choose; True if it picks another."""
        if self._paths is None or not keyring_choice.unconfirmed(backend):
            return False
        return type(keyring_choice.confirm(self._paths)) is not type(backend)

    def _keyrings_own(self) -> KeyringBackend:
        """keyring's own choice, for a write or a removal (never the remembered one
        unconfirmed)."""
        if self._paths is not None:
            keyring_choice.confirm(self._paths)
        return _backend(self._paths)

    def _read(self, journal_id: str) -> bytes | None:
        """This entry only, in keyring's own choice (for a write or a removal)."""
        return _password(self._keyrings_own(), journal_id)

    def put(self, journal_id: str, key: bytes) -> None:
        """Store the key and read it back, so a keyring that drops writes is caught now.

        An entry that already holds a *different* key is never overwritten
        (:class:`KeyringEntryTakenError`): a journal id is not secret, so a crafted
        backup could otherwise replace the key of the patient's real journal.
        """
        existing = self._read(journal_id)  # this entry only: an old id-only one is not it
        if existing is not None:
            if existing == key:
                return
            raise KeyringEntryTakenError
        backend = self._keyrings_own()
        try:
            backend.set_password(SERVICE, _username(journal_id), key.hex())
        except keyring.errors.NoKeyringError:
            raise KeyringUnavailableError(_("no keyring backend is available")) from None
        except keyring.errors.KeyringLocked:
            raise KeyringUnavailableError(_("the keyring is locked")) from None
        except Exception as exc:
            log.warning("keyring write failed: %s", type(exc).__name__)
            raise KeyringUnavailableError(_("the keyring reported {name}").format(
                name=type(exc).__name__)) from None
        if self._read(journal_id) != key:
            raise KeyringUnavailableError(_("the key could not be read back after storing it"))

    def delete(self, journal_id: str, key: bytes | None = None) -> None:
        """Remove the key and check it is gone; no entry (or no keyring at all) is fine.

        The entry an older ketajournal made under the id alone goes too when it holds
        ``key`` (this journal's: another journal claiming the id keeps its entry).

        A backend that keeps keys in clear, which keyring picked by itself and we do
        not use, is cleared too: a key an older ketajournal (or an earlier, explicit
        choice) left there must not stay readable once the patient asks for none.
        """
        try:
            backend = self._keyrings_own()
        except KeyringUnavailableError:
            _delete_in_clear(journal_id, None)
            legacy = _legacy(journal_id)
            if legacy is not None and key is not None:
                _delete_in_clear(legacy, key)
            return
        try:
            backend.delete_password(SERVICE, _username(journal_id))
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored under this name
        except keyring.errors.NoKeyringError:
            return  # no keyring backend: nothing can be stored in one
        except keyring.errors.KeyringLocked:
            raise KeyringUnavailableError(_("the keyring is locked")) from None
        except Exception as exc:
            log.warning("keyring delete failed: %s", type(exc).__name__)
            raise KeyringUnavailableError(_("the keyring reported {name}").format(
                name=type(exc).__name__)) from None
        if self._read(journal_id) is not None:
            raise KeyringUnavailableError(_("the key was still there after removing it"))
        legacy = _legacy(journal_id)
        if legacy is not None and key is not None and self._read(legacy) == key:
            self.delete(legacy)


    def forget_in_clear(self, journal_id: str, key: bytes) -> bool:
        """Remove ``key`` from a plain-file backend keyring picked by itself; True if done.

        Such a backend is not used (it counts as no keyring), but a key stored there
        earlier would stay readable beside the journal. Called once the journal
        opened with its recovery key or passphrase — proof that the patient does not
        need that copy — and only an entry holding exactly this key is removed.
        """
        if self._paths is not None:
            keyring_choice.confirm(self._paths)  # keyring's own choice, not the remembered one
        legacy = _legacy(journal_id)
        removed = _delete_in_clear(journal_id, key)
        return (legacy is not None and _delete_in_clear(legacy, key)) or removed


def _delete_in_clear(journal_id: str, key: bytes | None) -> bool:
    """Delete our entry from keyring's own choice when it keeps keys in clear and the user
    did not choose it; with ``key``, only an entry holding that key. True if removed."""
    try:
        backend = keyring.get_keyring()
        if not stores_in_clear(backend) or chosen_explicitly():
            return False
        value = backend.get_password(SERVICE, _username(journal_id))
        if value is None or (key is not None and not hmac.compare_digest(value, key.hex())):
            return False
        backend.delete_password(SERVICE, _username(journal_id))
    except Exception as exc:  # backends raise errors of their own; keep going without
        log.warning("could not remove a key kept in clear: %s", type(exc).__name__)
        return False
    log.warning(
        "removed the journal's key from %s, which keeps keys in a plain file.",
        backend_name(_effective(backend)),
    )
    return True


class MemoryKeyStore:
    """Keys held only in this process (the throw-away demo journal)."""

    def __init__(self) -> None:
        self._keys: dict[str, bytes] = {}

    def get(self, journal_id: str) -> bytes | None:
        """The key, if this process stored one."""
        return self._keys.get(journal_id)

    def put(self, journal_id: str, key: bytes) -> None:
        """Keep the key in memory; never over a different one (:class:`KeyringEntryTakenError`)."""
        existing = self._keys.get(journal_id)
        if existing is not None and existing != key:
            raise KeyringEntryTakenError
        self._keys[journal_id] = key

    def delete(self, journal_id: str, key: bytes | None = None) -> None:
        """Forget the key."""
        self._keys.pop(journal_id, None)
