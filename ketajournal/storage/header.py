"""The journal header: a small non-secret file beside the database.

It names the journal (a random id) so its key can be found in the keyring, says
which format the files are in, and (from version 2) holds the data key
*wrapped*: encrypted under the recovery code and, in passphrase mode, under the
passphrase (see :mod:`ketajournal.platform.crypto`). It never holds a key in
clear and no health data. A journal database without its header is never opened
or replaced silently.

Version 1 headers (id only) still open through the keyring; writing a header
always writes version 2. Every header written carries a MAC over all its fields
(HMAC-SHA256 under a key derived from the data key): opening and every backup
check it, so a damaged header, or one of another journal, is found before it is
used or copied (docs/security.md).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hmac
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ketajournal.errors import KnownError
from ketajournal.platform.crypto import CIPHER, Argon2Params, Kdf, WrappedKey, header_mac
from ketajournal.platform.files import write_text_atomic

FORMAT = "ketajournal-header"
VERSION = 2


class HeaderError(KnownError):
    """The header is missing or unreadable."""


class HeaderNotAuthenticError(HeaderError):
    """The header's MAC does not fit the journal's key: damaged, or another journal's."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The journal header {path} does not match its journal: it was damaged, or it is "
            "the header of another journal. Nothing was changed."
        )


def usable_with(header: JournalHeader, key: bytes) -> bool:
    """True if ``header`` is authentic under ``key``, or was written before headers had a MAC."""
    return header.mac is None or header.verifies(key)


@dataclass(frozen=True)
class JournalHeader:
    """What the header says about its journal.

    ``recovery`` is the data key wrapped under the recovery code (made on
    ``recovery_created``, an ISO date); ``passphrase`` is set only in passphrase
    mode. A version 1 header has neither.
    """

    journal_id: str
    recovery: WrappedKey | None = None
    passphrase: WrappedKey | None = None
    recovery_created: str | None = None
    #: The counts of the last healthy ``check --deep``, sealed under the data key
    #: (platform.crypto.seal): outside the database, so they never roll back with it.
    reference: bytes | None = dataclasses.field(default=None, repr=False)
    #: HMAC over every other field under a key derived from the data key (None: a
    #: header written before headers were authenticated).
    mac: bytes | None = dataclasses.field(default=None, repr=False, compare=False)

    @classmethod
    def new(cls) -> JournalHeader:
        """A header for a new journal, with a fresh random id."""
        return cls(journal_id=uuid.uuid4().hex)

    def replace(self, **changes: Any) -> JournalHeader:
        """A copy with ``changes`` applied (and without the MAC, which no longer fits)."""
        return dataclasses.replace(self, mac=None, **changes)

    def signed(self, key: bytes) -> JournalHeader:
        """This header with its MAC under the data ``key``."""
        return dataclasses.replace(self, mac=header_mac(key, _canonical(self)))

    def verifies(self, key: bytes) -> bool:
        """True if the header carries a MAC and it fits every field under the data ``key``.

        A flipped bit anywhere — the id, a wrapped key, a salt, the Argon2 cost —
        and a header of another journal both fail.
        """
        if self.mac is None:
            return False
        return hmac.compare_digest(self.mac, header_mac(key, _canonical(self)))


#: A header is a few hundred bytes; one larger than this is not ours.
MAX_HEADER_BYTES = 64 * 1024


def read_header(path: Path) -> JournalHeader:
    """Read the header at ``path``; :class:`HeaderError` if it is missing or damaged."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_HEADER_BYTES + 1)
    except FileNotFoundError:
        raise HeaderError(
            f"The journal header {path} is missing, so the journal's key cannot be found. "
            "Nothing was changed; restore the header from a backup."
        ) from None
    except OSError:
        raise HeaderError(
            f"The journal header {path} cannot be read. Nothing was changed."
        ) from None
    return parse_header(raw, path)


def parse_header(raw: bytes, path: Path) -> JournalHeader:
    """The header in ``raw`` (the bytes of the file ``path`` names in messages).

    Raises :class:`HeaderError` when it is not a header of ours or is damaged.
    """
    try:
        if len(raw) > MAX_HEADER_BYTES:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # RecursionError: nested beyond reason
        raise HeaderError(
            f"The journal header {path} cannot be read. Nothing was changed."
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise HeaderError(f"{path} is not a ketajournal header. Nothing was changed.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise HeaderError(f"The journal header {path} is damaged. Nothing was changed.")
    if version > VERSION:
        raise HeaderError(
            f"The journal header {path} is from a newer ketajournal. Update ketajournal to open it."
        )
    journal_id = data.get("journal_id")
    if not isinstance(journal_id, str) or not journal_id:
        raise HeaderError(f"The journal header {path} is damaged. Nothing was changed.")
    if version == 1:
        return JournalHeader(journal_id=journal_id)
    try:
        keys = data.get("keys", {})
        if not isinstance(keys, dict):
            raise ValueError("keys")
        recovery = wrap_from_json(keys.get("recovery"), Kdf.HKDF_SHA256)
        passphrase = wrap_from_json(keys.get("passphrase"), Kdf.ARGON2ID)
        created = keys.get("recovery", {}).get("created") if recovery else None
        if created is not None and not isinstance(created, str):
            raise ValueError("created")
    except (ValueError, TypeError, AttributeError, binascii.Error):
        raise HeaderError(
            f"The journal header {path} is damaged (its wrapped keys cannot be read). "
            "Nothing was changed; restore the header from a backup."
        ) from None
    try:
        mac = _unb64(data["mac"]) if "mac" in data else None
        reference = _unb64(data["reference"]) if "reference" in data else None
    except (ValueError, binascii.Error):
        raise HeaderError(f"The journal header {path} is damaged. Nothing was changed.") from None
    return JournalHeader(
        journal_id=journal_id,
        recovery=recovery,
        passphrase=passphrase,
        recovery_created=created,
        reference=reference,
        mac=mac,
    )


def header_json(header: JournalHeader) -> str:
    """The header as the JSON text written to disk (version 2, with its MAC if signed)."""
    payload = _payload(header)
    if header.mac is not None:
        payload["mac"] = _b64(header.mac)
    return json.dumps(payload, indent=2) + "\n"


def _canonical(header: JournalHeader) -> bytes:
    """What the MAC covers: every field, in one fixed serialisation."""
    return json.dumps(_payload(header), sort_keys=True, separators=(",", ":")).encode()


def _payload(header: JournalHeader) -> dict[str, Any]:
    keys: dict[str, Any] = {}
    if header.recovery is not None:
        keys["recovery"] = wrap_to_json(header.recovery)
        if header.recovery_created:
            keys["recovery"]["created"] = header.recovery_created
    if header.passphrase is not None:
        keys["passphrase"] = wrap_to_json(header.passphrase)
    payload: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "journal_id": header.journal_id, "keys": keys
    }
    if header.reference is not None:
        payload["reference"] = _b64(header.reference)
    return payload


def write_header(path: Path, header: JournalHeader, key: bytes) -> None:
    """Write the header atomically, owner-only, authenticated under the data ``key``."""
    write_text_atomic(path, header_json(header.signed(key)))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise ValueError("not base64 text")
    return base64.b64decode(value.encode("ascii"), validate=True)


def wrap_to_json(wrapped: WrappedKey) -> dict[str, Any]:
    """A wrapped key as the header stores it (also used for sync keys, services/sync_keys.py)."""
    out: dict[str, Any] = {"kdf": wrapped.kdf.value}
    if wrapped.argon2 is not None:
        out.update(
            memory_kib=wrapped.argon2.memory_kib,
            iterations=wrapped.argon2.iterations,
            lanes=wrapped.argon2.lanes,
        )
    out.update(
        salt=_b64(wrapped.salt),
        cipher=CIPHER,
        nonce=_b64(wrapped.nonce),
        wrapped_key=_b64(wrapped.ciphertext),
    )
    return out


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("not an integer")
    return value


def wrap_from_json(data: object, kdf: Kdf) -> WrappedKey | None:
    """The wrapped key stored by :func:`wrap_to_json` (None for null); ValueError if malformed."""
    if data is None:
        return None
    if not isinstance(data, dict) or data.get("kdf") != kdf.value or data.get("cipher") != CIPHER:
        raise ValueError("unknown wrap")
    params = None
    if kdf is Kdf.ARGON2ID:
        params = Argon2Params(
            memory_kib=_int(data.get("memory_kib")),
            iterations=_int(data.get("iterations")),
            lanes=_int(data.get("lanes")),
        )
    wrapped = WrappedKey(
        kdf=kdf,
        salt=_unb64(data.get("salt")),
        nonce=_unb64(data.get("nonce")),
        ciphertext=_unb64(data.get("wrapped_key")),
        argon2=params,
    )
    wrapped.check()
    return wrapped
