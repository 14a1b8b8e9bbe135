"""One sealed sync file: its name, its format, its place in the hash chain, and the sync key.

Every file in the sync folder (docs/sync.md) is ``header || AES-256-GCM(ciphertext || tag)``.
The header (magic, format version, file type, flags, in format 2 the key epoch, sequence
number, SHA-256 of the device's previous change file, nonce) is in clear and
authenticated; the associated data adds the journal id and the device id, so a file moved
into another device's folder, another journal's folder, or renamed to another number
fails to open. The key of epoch 1 is derived from the journal's data key with HKDF-SHA256
(:func:`derive_sync_key`) and written in format 1, as before key epochs existed; removing a
computer starts a new epoch with a random key (:class:`KeyRing`,
:mod:`ketajournal.services.sync_keys`), whose files are written in format 2. The folder that
holds these files is :mod:`ketajournal.storage.sync_folder`.
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ketajournal.domain.merge import canonical_json

#: Files of key epoch 1 (the key derived from the data key) keep the first format, so
#: computers that know nothing of epochs read them; later epochs need format 2.
FORMAT_VERSION = 1
EPOCH_FORMAT_VERSION = 2
FIRST_EPOCH = 1
MAX_EPOCH = 0xFFFFFFFF
MAGIC = b"KJSF"
SYNC_KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
DIGEST_BYTES = 32
#: magic, version, file type, flags, sequence number, previous digest, nonce
HEADER = struct.Struct(">4sBBHI32s12s")
#: magic, version, file type, flags, key epoch, sequence number, previous digest, nonce
HEADER_V2 = struct.Struct(">4sBBHII32s12s")
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
    #: A computer's public key for receiving new sync keys (services/sync_keys.py).
    DEVICE_KEY = 4
    #: The start of a key epoch: who was removed, the new key wrapped for each computer.
    EPOCH = 5



class RejectedFileError(Exception):
    """One file failed its checks; ``str()`` names the file and the reason only."""


class UnknownEpochError(RejectedFileError):
    """A file sealed with the key of an epoch this computer has not received (yet)."""


@dataclass(frozen=True)
class KeyRing:
    """The sync keys this computer holds, by epoch, and what the retired ones may still open.

    ``keys`` maps epoch 2 and later to their random keys (epoch 1's is derived from the
    data key and given apart); ``current`` is the epoch new files are written in.
    ``cutoffs[e][device]`` is the last sequence number of ``device`` that the removal
    ending epoch ``e`` accepted: a change file sealed in a retired epoch ``e`` with a
    higher number is still verified (the chain goes through it) but its changes are not
    taken in. ``removed`` maps each removed computer to the last of its change files
    that is taken in, whatever key sealed them.
    """

    keys: Mapping[int, bytes] = field(default_factory=dict)
    current: int = FIRST_EPOCH
    cutoffs: Mapping[int, Mapping[str, int]] = field(default_factory=dict)
    removed: Mapping[str, int] = field(default_factory=dict)

    def accepts(self, device: str, epoch: int, seq: int) -> bool:
        """True if the changes of ``device``'s file ``seq``, sealed in ``epoch``, count."""
        if device in self.removed:
            return seq <= self.removed[device]
        limits = self.cutoffs.get(epoch)
        return limits is None or seq <= limits.get(device, 0)



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
    epoch: int = FIRST_EPOCH


class Sealer:
    """Seals and opens one journal's sync files: epoch 1 with ``key`` (:func:`derive_sync_key`),
    later epochs with the keys of ``ring``; new files in ``ring.current``."""

    def __init__(self, key: bytes, journal_id: str, ring: KeyRing | None = None) -> None:
        self.ring = ring or KeyRing()
        keys = {FIRST_EPOCH: key, **self.ring.keys}
        if any(len(k) != SYNC_KEY_BYTES for k in keys.values()):
            raise ValueError("sync keys are 32 bytes")
        if self.ring.current not in keys:
            raise ValueError("the current epoch needs its key")
        self._aeads = {epoch: AESGCM(k) for epoch, k in keys.items()}
        self.journal_id = journal_id

    def _aad(self, header: bytes, device: str) -> bytes:
        return header + _length_prefixed(self.journal_id) + _length_prefixed(device)

    def seal(
        self, device: str, file_type: FileType, seq: int, prev: bytes, payload: object
    ) -> bytes:
        """The bytes of a file holding ``payload``, bound to this journal and ``device``."""
        return self.seal_in(self.ring.current, device, file_type, seq, prev, payload)

    def seal_in(
        self, epoch: int, device: str, file_type: FileType, seq: int, prev: bytes, payload: object
    ) -> bytes:
        """:meth:`seal` in ``epoch`` (an epoch's record is sealed in the one before it)."""
        plain = canonical_json(payload).encode("utf-8")
        plain += b" " * (-len(plain) % PAD_BYTES)
        nonce = os.urandom(NONCE_BYTES)
        if epoch == FIRST_EPOCH:
            header = HEADER.pack(MAGIC, FORMAT_VERSION, file_type, 0, seq, prev, nonce)
        else:
            header = HEADER_V2.pack(
                MAGIC, EPOCH_FORMAT_VERSION, file_type, 0, epoch, seq, prev, nonce
            )
        return header + self._aeads[epoch].encrypt(nonce, plain, self._aad(header, device))

    def open(
        self, label: str, device: str, expected: FileType, data: bytes
    ) -> tuple[SealedHeader, object]:
        """The header and payload of ``data``; RejectedFileError (naming ``label``) if it
        is not a sealed file of type ``expected`` for this journal and ``device``."""
        if len(data) < HEADER.size + TAG_BYTES:
            raise RejectedFileError(f"{label}: the file is truncated")
        if data[:4] != MAGIC:
            raise RejectedFileError(f"{label}: not a ketajournal sync file")
        version = data[4]
        if version == FORMAT_VERSION:
            _, _, file_type, flags, seq, prev, nonce = HEADER.unpack_from(data)
            epoch, size = FIRST_EPOCH, HEADER.size
        elif version == EPOCH_FORMAT_VERSION and len(data) >= HEADER_V2.size + TAG_BYTES:
            _, _, file_type, flags, epoch, seq, prev, nonce = HEADER_V2.unpack_from(data)
            size = HEADER_V2.size
        elif version == EPOCH_FORMAT_VERSION:
            raise RejectedFileError(f"{label}: the file is truncated")
        else:
            raise RejectedFileError(
                f"{label}: written in sync format {version}, which this "
                "version of ketajournal cannot read"
            )
        if file_type != expected or flags != 0 or (version != FORMAT_VERSION and epoch < 2):
            raise RejectedFileError(f"{label}: not the kind of file its name says")
        aead = self._aeads.get(epoch)
        if aead is None:
            raise UnknownEpochError(
                f"{label}: sealed with a sync key this computer has not received (key "
                f"{epoch}); it waits until the key arrives"
            )
        header = data[:size]
        try:
            plain = aead.decrypt(nonce, data[size:], self._aad(header, device))
        except InvalidTag:
            raise RejectedFileError(
                f"{label}: failed its authentication check (changed, truncated, moved from "
                "another device's folder or from another journal)"
            ) from None
        try:
            payload = json.loads(plain.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise RejectedFileError(f"{label}: its content is not readable") from None
        return SealedHeader(file_type, seq, prev, epoch), payload
