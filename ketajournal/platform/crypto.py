"""Wrapping the journal's data key: recovery codes, Argon2id, AES-256-GCM.

The data key (32 random bytes, the SQLCipher raw key) is never derived from
anything a person chose. To open the journal without the OS keyring it is kept
*wrapped* — encrypted with AES-256-GCM under a key-encryption key derived from
a secret only the user holds:

* a **recovery code**: 160 random bits shown once as 8 groups of 4 Crockford
  base32 characters (``K7QF-2MZD-…``). It is already high-entropy, so HKDF-SHA256
  with a random salt is enough to turn it into a key;
* a **passphrase**: chosen by a person, so stretched with the memory-hard
  Argon2id. Its parameters are stored with each wrap, so they can be raised for
  new wraps without breaking old ones.

The associated data binds every wrap to its journal id, so a wrap copied into
another journal's header does not open. Nothing here touches files or the
keyring; this module only turns bytes into bytes.

cryptography (AES-GCM, Argon2id) is imported by the functions that need it, not with
the module: opening a journal whose key is in the keyring only checks the header's MAC,
which is HMAC-SHA256 under an HKDF-SHA256 key, both in the standard library
(:func:`hkdf_sha256`), so a start does not pay cryptography's import before Today
(docs/performance.md).
"""

from __future__ import annotations

import hmac
import os
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12  # 96 bits, the GCM standard
TAG_BYTES = 16
CIPHER = "aes-256-gcm"

RECOVERY_BYTES = 20  # 160 bits
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LENGTH = 4
#: Crockford's base32: no I, L, O or U, so nothing is mistaken for 1, 0 or V.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TYPO_FIXES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_HKDF_INFO = b"ketajournal recovery-code wrapping key v1"
_AAD_PREFIX = b"ketajournal data key\x00"


class Kdf(StrEnum):
    """How a key-encryption key is derived from the user's secret."""

    HKDF_SHA256 = "hkdf-sha256"  # recovery codes (already random)
    ARGON2ID = "argon2id"  # passphrases (chosen by a person)


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost: memory in KiB, passes over it, and lanes (parallelism)."""

    memory_kib: int
    iterations: int
    lanes: int

    def check(self) -> None:
        """Raise ValueError for parameters Argon2 refuses or above :data:`ARGON2_CAPS`.

        Checked when a header is read, so a damaged or crafted header is refused before
        any derivation instead of making the patient's computer swap or hang.
        """
        if not 1 <= self.lanes <= ARGON2_CAPS.lanes:
            raise ValueError("argon2 lanes out of range")
        if not 1 <= self.iterations <= ARGON2_CAPS.iterations:
            raise ValueError("argon2 iterations out of range")
        if not 8 * self.lanes <= self.memory_kib <= ARGON2_CAPS.memory_kib:
            raise ValueError("argon2 memory out of range")


#: The most a header may ask for. Memory 1 GiB (16 × the default): every laptop this
#: runs on has it free, where a header's 4 GiB would swap or be killed. 10 passes
#: (3 × the default's): 1 GiB × 10 passes takes about 10–20 s on one core, slow but
#: finished, where 1000 passes would hang for an hour. 8 lanes: the most cores a
#: desktop derivation can usefully use; more only multiply threads. Our own defaults
#: (and any raise of them) must stay at or below these.
ARGON2_CAPS = Argon2Params(memory_kib=1024 * 1024, iterations=10, lanes=8)


#: RFC 9106's second recommended setting (64 MiB, 3 passes), one lane: above the
#: OWASP minimum (46 MiB × 1 or 19 MiB × 2). Read at call time, so tests may lower it.
ARGON2_DEFAULT = Argon2Params(memory_kib=64 * 1024, iterations=3, lanes=1)


@dataclass(frozen=True)
class WrappedKey:
    """The data key encrypted under a key derived from a user's secret.

    ``ciphertext`` is the AES-256-GCM output (32 key bytes + 16 tag bytes).
    ``argon2`` is set exactly when ``kdf`` is :attr:`Kdf.ARGON2ID`.
    """

    kdf: Kdf
    salt: bytes
    nonce: bytes
    ciphertext: bytes
    argon2: Argon2Params | None = None

    def check(self) -> None:
        """Raise ValueError if the fields cannot form a wrap (a damaged header)."""
        if not SALT_BYTES <= len(self.salt) <= 64:
            raise ValueError("salt length")
        if len(self.nonce) != NONCE_BYTES:
            raise ValueError("nonce length")
        if len(self.ciphertext) != DATA_KEY_BYTES + TAG_BYTES:
            raise ValueError("wrapped key length")
        if (self.kdf is Kdf.ARGON2ID) != (self.argon2 is not None):
            raise ValueError("argon2 parameters belong to argon2id wraps only")
        if self.argon2 is not None:
            self.argon2.check()


class UnwrapError(Exception):
    """The secret does not unwrap this key (wrong secret, other journal, or tampering)."""


@dataclass(frozen=True)
class RecoveryCode:
    """160 random bits, written as 8 groups of 4 Crockford base32 characters.

    ``str(code)`` is the printable form; ``repr`` hides it, so a code never ends
    up in a log or a traceback by accident.
    """

    raw: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.raw) != RECOVERY_BYTES:
            raise ValueError("recovery codes are 20 bytes")

    @property
    def compact(self) -> str:
        """The 32 characters without separators."""
        number = int.from_bytes(self.raw, "big")
        chars = [ALPHABET[(number >> shift) & 31] for shift in range(155, -1, -5)]
        return "".join(chars)

    @property
    def groups(self) -> tuple[str, ...]:
        """The 8 groups of 4 characters, in order."""
        text = self.compact
        n = RECOVERY_GROUP_LENGTH
        return tuple(text[i : i + n] for i in range(0, len(text), n))

    def __str__(self) -> str:
        return "-".join(self.groups)


def new_recovery_code() -> RecoveryCode:
    """A fresh recovery code from the operating system's CSPRNG."""
    return RecoveryCode(os.urandom(RECOVERY_BYTES))


def normalize_code_text(text: str) -> str:
    """Upper-case ``text``, drop spaces and dashes, and read O as 0 and I/L as 1."""
    kept = "".join(ch for ch in text if not ch.isspace() and ch not in "-_.")
    return kept.upper().translate(_TYPO_FIXES)


def parse_recovery_code(text: str) -> RecoveryCode | None:
    """The recovery code typed in ``text``, or None if ``text`` is not shaped like one.

    Accepts lower case, spaces or no separators at all, and the usual
    confusions (O for 0, I or L for 1).
    """
    compact = normalize_code_text(text)
    if len(compact) != RECOVERY_BYTES * 8 // 5 or any(ch not in ALPHABET for ch in compact):
        return None
    number = 0
    for ch in compact:
        number = (number << 5) | ALPHABET.index(ch)
    return RecoveryCode(number.to_bytes(RECOVERY_BYTES, "big"))


def passphrase_bytes(passphrase: str) -> bytes:
    """The bytes a passphrase stands for: Unicode NFC, UTF-8.

    NFC makes "é" typed as one or as two code points the same passphrase, as
    different keyboards and systems produce either.
    """
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _aad(journal_id: str) -> bytes:
    return _AAD_PREFIX + journal_id.encode("utf-8")


def _kek(kdf: Kdf, secret: RecoveryCode | str, salt: bytes, params: Argon2Params | None) -> bytes:
    if kdf is Kdf.HKDF_SHA256:
        if not isinstance(secret, RecoveryCode):
            raise UnwrapError("a recovery wrap needs a recovery code")
        return hkdf_sha256(secret.raw, info=_HKDF_INFO, salt=salt)
    if not isinstance(secret, str) or params is None:
        raise UnwrapError("a passphrase wrap needs a passphrase")
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    argon = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return argon.derive(passphrase_bytes(secret))


def wrap_key(
    key: bytes,
    secret: RecoveryCode | str,
    journal_id: str,
    *,
    argon2: Argon2Params | None = None,
) -> WrappedKey:
    """Encrypt the data ``key`` under ``secret`` (a recovery code, or a passphrase).

    A passphrase is stretched with Argon2id (``argon2``, else
    :data:`ARGON2_DEFAULT` as it is at call time); a recovery code goes through
    HKDF-SHA256. Every wrap has its own random salt and nonce.
    """
    if len(key) != DATA_KEY_BYTES:
        raise ValueError("data keys are 32 bytes")
    if isinstance(secret, RecoveryCode):
        kdf, params = Kdf.HKDF_SHA256, None
    else:
        kdf, params = Kdf.ARGON2ID, argon2 or ARGON2_DEFAULT
        params.check()
    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    kek = _kek(kdf, secret, salt, params)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ciphertext = AESGCM(kek).encrypt(nonce, key, _aad(journal_id))
    return WrappedKey(kdf=kdf, salt=salt, nonce=nonce, ciphertext=ciphertext, argon2=params)


def unwrap_key(wrapped: WrappedKey, secret: RecoveryCode | str, journal_id: str) -> bytes:
    """The data key inside ``wrapped``; :class:`UnwrapError` if ``secret`` does not fit.

    GCM authenticates the result: a wrong secret, a wrap from another journal or
    a changed byte fails here and never yields a wrong key.
    """
    wrapped.check()
    kek = _kek(wrapped.kdf, secret, wrapped.salt, wrapped.argon2)
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, _aad(journal_id))
    except InvalidTag:
        raise UnwrapError("the secret does not unwrap this key") from None
    if len(key) != DATA_KEY_BYTES:
        raise UnwrapError("the wrapped key has the wrong length")
    return key


_MAC_INFO = b"ketajournal header authentication key v1"
_SEAL_INFO = b"ketajournal header sealed fields key v1"


def seal(key: bytes, data: bytes) -> bytes:
    """``data`` encrypted and authenticated (AES-256-GCM) under a key derived from ``key``.

    For small values the header keeps beside the journal but must not show (the
    counts ``check --deep`` compares against): nonce + ciphertext.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    sealing = hkdf_sha256(key, info=_SEAL_INFO)
    nonce = os.urandom(12)
    return nonce + AESGCM(sealing).encrypt(nonce, data, _SEAL_INFO)


def unseal(key: bytes, blob: bytes) -> bytes | None:
    """What :func:`seal` sealed under ``key``; None if it does not open."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    sealing = hkdf_sha256(key, info=_SEAL_INFO)
    try:
        return AESGCM(sealing).decrypt(blob[:12], blob[12:], _SEAL_INFO)
    except (InvalidTag, ValueError):
        return None


def header_mac(key: bytes, data: bytes) -> bytes:
    """HMAC-SHA256 of ``data`` under a key derived from the data key (HKDF, its own info).

    The data key itself never keys the MAC: HKDF with a purpose label gives an
    independent key, so the MAC reveals nothing usable against the database.
    """
    mac_key = hkdf_sha256(key, info=_MAC_INFO)
    return hmac.new(mac_key, data, "sha256").digest()


def hkdf_sha256(key: bytes, *, info: bytes, salt: bytes | None = None, length: int = 32) -> bytes:
    """HKDF-SHA256 (RFC 5869): extract with ``salt`` (none: 32 zero bytes), expand with ``info``.

    The same bytes as cryptography's HKDF with SHA-256 and the same arguments
    (``tests/unit/platform/test_crypto.py`` checks RFC 5869's vectors and agreement with
    cryptography), from the standard library's HMAC.
    """
    if not 0 < length <= 255 * 32:
        raise ValueError("HKDF-SHA256 gives 1 to 8160 bytes")
    prk = hmac.new(salt or bytes(32), key, "sha256").digest()
    out, block = b"", b""
    for counter in range(1, -(-length // 32) + 1):
        block = hmac.new(prk, block + info + bytes([counter]), "sha256").digest()
        out += block
    return out[:length]


def same_key(a: bytes, b: bytes) -> bool:
    """Constant-time comparison of two keys."""
    return hmac.compare_digest(a, b)
