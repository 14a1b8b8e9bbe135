"""One sealed sync file: its name, its format, its place in the hash chain, and the sync key.

Every file in the sync folder (docs/sync.md) is ``header || AES-256-GCM(ciphertext || tag)``.
The 56-byte header (magic, format version, file type, flags, sequence number, SHA-256 of
the device's previous change file, nonce) is in clear and authenticated; the associated
data adds the journal id and the device id, so a file moved into another device's folder,
another journal's folder, or renamed to another number fails to open. The key is derived
from the journal's data key with HKDF-SHA256 (:func:`derive_sync_key`), so the sync key
never needs storing. The folder that holds these files is :mod:`ketajournal.storage.sync_folder`.
"""

from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass
from enum import IntEnum

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ketajournal.domain.merge import canonical_json

FORMAT_VERSION = 1
MAGIC = b"KJSF"
SYNC_KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
DIGEST_BYTES = 32
#: magic, version, file type, flags, sequence number, previous digest, nonce
HEADER = struct.Struct(">4sBBHI32s12s")
#: Plaintext is padded with spaces to a multiple of this, so a file's size
#: tells little about how much was written.
PAD_BYTES = 512
MAX_SEQ = 99_999_999  # eight digits in the name
#: The previous-file digest of a device's first change file (and of files outside the chain).
NO_DIGEST = bytes(DIGEST_BYTES)
_HKDF_INFO = b"ketajournal sync-folder key, format 1\x00"


class FileType(IntEnum):
    """What a sync file holds (byte 5 of the header)."""

    CHANGES = 1
    SNAPSHOT = 2
    ACKS = 3



class RejectedFileError(Exception):
    """One file failed its checks; ``str()`` names the file and the reason only."""



@dataclass(frozen=True)
class Cursor:
    """How far a device's change files have been taken in: the last sequence number
    read and the SHA-256 of that file (zeros before the first file)."""

    seq: int
    digest: bytes = NO_DIGEST

    def to_json(self) -> list[object]:
        """``[seq, digest-hex]``, the form stored in ack and snapshot files."""
        return [self.seq, self.digest.hex()]

    @classmethod
    def from_json(cls, data: object) -> Cursor:
        """The cursor stored by :meth:`to_json`; ValueError if malformed."""
        if not (isinstance(data, list) and len(data) == 2):
            raise ValueError("a cursor is [seq, digest]")
        seq, digest = data
        if not (isinstance(seq, int) and isinstance(digest, str)) or not 0 <= seq <= MAX_SEQ:
            raise ValueError("a cursor is [seq, digest]")
        raw = bytes.fromhex(digest)
        if len(raw) != DIGEST_BYTES:
            raise ValueError("a cursor digest is 32 bytes")
        return cls(seq, raw)


START = Cursor(0)


def derive_sync_key(data_key: bytes, journal_id: str) -> bytes:
    """The sync folder's AES-256 key: HKDF-SHA256 of the journal's data key.

    The info string names the purpose, the format version and the journal, so
    this key is useless for the database and differs between journals.
    """
    if len(data_key) != 32:
        raise ValueError("data keys are 32 bytes")
    info = _HKDF_INFO + journal_id.encode("utf-8")
    return HKDF(algorithm=hashes.SHA256(), length=SYNC_KEY_BYTES, salt=None, info=info).derive(
        data_key
    )



def change_file_name(seq: int) -> str:
    """The name of a device's change file number ``seq`` (``00000001.kjc``)."""
    if not 1 <= seq <= MAX_SEQ:
        raise ValueError("sequence number out of range")
    return f"{seq:08d}.kjc"


def snapshot_file_name(seq: int) -> str:
    """The name of a snapshot covering its device's change files up to ``seq``."""
    if not 0 <= seq <= MAX_SEQ:
        raise ValueError("sequence number out of range")
    return f"snapshot-{seq:08d}.kjs"



def _length_prefixed(text: str) -> bytes:
    raw = text.encode("utf-8")
    return len(raw).to_bytes(2, "big") + raw


@dataclass(frozen=True)
class SealedHeader:
    """The clear, authenticated part of an opened file: its type, number and previous digest."""

    file_type: int
    seq: int
    prev: bytes


class Sealer:
    """Seals and opens one journal's sync files with the sync key (:func:`derive_sync_key`)."""

    def __init__(self, key: bytes, journal_id: str) -> None:
        if len(key) != SYNC_KEY_BYTES:
            raise ValueError("sync keys are 32 bytes")
        self._aead = AESGCM(key)
        self.journal_id = journal_id

    def _aad(self, header: bytes, device: str) -> bytes:
        return header + _length_prefixed(self.journal_id) + _length_prefixed(device)

    def seal(
        self, device: str, file_type: FileType, seq: int, prev: bytes, payload: object
    ) -> bytes:
        """The bytes of a file holding ``payload``, bound to this journal and ``device``."""
        plain = canonical_json(payload).encode("utf-8")
        plain += b" " * (-len(plain) % PAD_BYTES)
        nonce = os.urandom(NONCE_BYTES)
        header = HEADER.pack(MAGIC, FORMAT_VERSION, file_type, 0, seq, prev, nonce)
        return header + self._aead.encrypt(nonce, plain, self._aad(header, device))

    def open(
        self, label: str, device: str, expected: FileType, data: bytes
    ) -> tuple[SealedHeader, object]:
        """The header and payload of ``data``; RejectedFileError (naming ``label``) if it
        is not a sealed file of type ``expected`` for this journal and ``device``."""
        if len(data) < HEADER.size + TAG_BYTES:
            raise RejectedFileError(f"{label}: the file is truncated")
        magic, version, file_type, flags, seq, prev, nonce = HEADER.unpack_from(data)
        if magic != MAGIC:
            raise RejectedFileError(f"{label}: not a ketajournal sync file")
        if version != FORMAT_VERSION:
            raise RejectedFileError(
                f"{label}: written in sync format {version}, which this "
                "version of ketajournal cannot read"
            )
        if file_type != expected or flags != 0:
            raise RejectedFileError(f"{label}: not the kind of file its name says")
        header = data[: HEADER.size]
        try:
            plain = self._aead.decrypt(nonce, data[HEADER.size :], self._aad(header, device))
        except InvalidTag:
            raise RejectedFileError(
                f"{label}: failed its authentication check (changed, truncated, moved from "
                "another device's folder or from another journal)"
            ) from None
        try:
            payload = json.loads(plain.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise RejectedFileError(f"{label}: its content is not readable") from None
        return SealedHeader(file_type, seq, prev), payload
