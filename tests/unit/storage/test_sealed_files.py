"""One sealed sync file: the key, the header, sealing bound to journal and device, the cursor."""

from __future__ import annotations

import struct

import pytest

from ketajournal.storage import sealed_files
from ketajournal.storage.sealed_files import (
    HEADER,
    HEADER_V2,
    NO_DIGEST,
    PAD_BYTES,
    TAG_BYTES,
    Cursor,
    FileType,
    KeyRing,
    RejectedFileError,
    Sealer,
    UnknownEpochError,
    change_file_name,
    derive_sync_key,
    snapshot_file_name,
)
from tests.support.paths import ROOT

DATA_KEY = bytes(range(32))
JOURNAL = "journal-0001"
LAPTOP = "0193a7f0-laptop"


def test_the_sync_key_is_derived_per_journal_and_is_not_the_data_key() -> None:
    key = derive_sync_key(DATA_KEY, JOURNAL)
    assert len(key) == 32 and key != DATA_KEY
    assert key == derive_sync_key(DATA_KEY, JOURNAL)
    assert key != derive_sync_key(DATA_KEY, "journal-0002")
    assert key != derive_sync_key(bytes(32), JOURNAL)
    with pytest.raises(ValueError):
        derive_sync_key(b"short", JOURNAL)



def test_a_sealed_file_opens_only_for_its_journal_device_and_type() -> None:
    key = derive_sync_key(DATA_KEY, JOURNAL)
    sealer = Sealer(key, JOURNAL)
    data = sealer.seal(LAPTOP, FileType.CHANGES, 3, NO_DIGEST, {"n": [1, 2]})
    header, payload = sealer.open("f", LAPTOP, FileType.CHANGES, data)
    assert (header.file_type, header.seq, header.prev) == (FileType.CHANGES, 3, NO_DIGEST)
    assert payload == {"n": [1, 2]}
    assert (len(data) - HEADER.size - TAG_BYTES) % PAD_BYTES == 0
    with pytest.raises(RejectedFileError, match="authentication"):
        sealer.open("f", "0193a7f0-desktop", FileType.CHANGES, data)
    with pytest.raises(RejectedFileError, match="authentication"):
        Sealer(key, "journal-0002").open("f", LAPTOP, FileType.CHANGES, data)
    with pytest.raises(RejectedFileError, match="kind of file"):
        sealer.open("f", LAPTOP, FileType.ACKS, data)
    with pytest.raises(RejectedFileError, match="truncated"):
        sealer.open("f", LAPTOP, FileType.CHANGES, data[:20])
    with pytest.raises(ValueError):
        Sealer(b"short", JOURNAL)


def test_a_cursor_round_trips_and_refuses_malformed_json() -> None:
    cursor = Cursor(7, bytes(range(32)))
    assert Cursor.from_json(cursor.to_json()) == cursor
    for bad in ([7], [-1, "00" * 32], [7, "00"], "7", [7, 7]):
        with pytest.raises(ValueError):
            Cursor.from_json(bad)


def test_file_names_carry_eight_digit_numbers() -> None:
    assert change_file_name(1) == "00000001.kjc"
    assert snapshot_file_name(0) == "snapshot-00000000.kjs"
    with pytest.raises(ValueError):
        change_file_name(0)
    with pytest.raises(ValueError):
        snapshot_file_name(100_000_000)


def test_the_header_struct_is_what_docs_sync_md_says() -> None:
    doc = (ROOT / "docs" / "sync.md").read_text(encoding="utf-8")
    assert HEADER.format == ">4sBBHI32s12s"
    assert struct.calcsize(HEADER.format) == 56
    for row in (
        "| 0 | 4 |",
        "| 4 | 1 |",
        "| 5 | 1 |",
        "| 6 | 2 |",
        "| 8 | 4 |",
        "| 12 | 32 |",
        "| 44 | 12 |",
        "| 56 |",
    ):
        assert row in doc, row
    assert sealed_files._HKDF_INFO.decode().rstrip("\x00") in doc



def test_the_epoch_header_is_what_docs_sync_md_says() -> None:
    doc = (ROOT / "docs" / "sync.md").read_text(encoding="utf-8")
    assert HEADER_V2.format == ">4sBBHII32s12s"
    assert struct.calcsize(HEADER_V2.format) == 60
    for row in ("| 8 | 4 | key epoch", "| 12 | 4 |", "| 16 | 32 |", "| 48 | 12 |", "| 60 |"):
        assert row in doc, row


EPOCH_KEY = bytes(range(100, 132))


def test_a_file_of_the_first_format_written_by_hand_opens_with_every_later_ring() -> None:
    # Built byte by byte as docs/sync.md describes format 1, the way every file written
    # before key epochs looks: folders from then keep working after a removal.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = bytes(12)
    header = HEADER.pack(b"KJSF", 1, FileType.ACKS, 0, 0, NO_DIGEST, nonce)
    plain = b'{"read":{},"written_ms":1}'
    plain += b" " * (-len(plain) % PAD_BYTES)
    aad = header + len(JOURNAL).to_bytes(2, "big") + JOURNAL.encode()
    aad += len(LAPTOP).to_bytes(2, "big") + LAPTOP.encode()
    data = header + AESGCM(derive_sync_key(DATA_KEY, JOURNAL)).encrypt(nonce, plain, aad)
    ring = KeyRing(keys={2: EPOCH_KEY}, current=2)
    opened, payload = Sealer(derive_sync_key(DATA_KEY, JOURNAL), JOURNAL, ring).open(
        "x", LAPTOP, FileType.ACKS, data
    )
    assert opened.epoch == 1 and payload == {"read": {}, "written_ms": 1}


def test_a_file_of_a_later_epoch_binds_its_epoch_and_needs_its_key() -> None:
    key = derive_sync_key(DATA_KEY, JOURNAL)
    ring = KeyRing(keys={2: EPOCH_KEY}, current=2)
    data = Sealer(key, JOURNAL, ring).seal(LAPTOP, FileType.CHANGES, 3, NO_DIGEST, {"a": 1})
    assert data[4] == 2 and int.from_bytes(data[8:12], "big") == 2
    header, payload = Sealer(key, JOURNAL, ring).open("x", LAPTOP, FileType.CHANGES, data)
    assert (header.epoch, header.seq, payload) == (2, 3, {"a": 1})
    with pytest.raises(UnknownEpochError, match="has not received"):
        Sealer(key, JOURNAL).open("x", LAPTOP, FileType.CHANGES, data)
    # The epoch is authenticated: claiming another epoch whose key is held fails.
    other = KeyRing(keys={2: EPOCH_KEY, 3: EPOCH_KEY}, current=3)
    relabelled = data[:8] + (3).to_bytes(4, "big") + data[12:]
    with pytest.raises(RejectedFileError, match="authentication"):
        Sealer(key, JOURNAL, other).open("x", LAPTOP, FileType.CHANGES, relabelled)
    # Format 2 never claims epoch 1: the first epoch's files are format 1.
    with pytest.raises(RejectedFileError, match="kind of file"):
        Sealer(key, JOURNAL, ring).open(
            "x", LAPTOP, FileType.CHANGES, data[:8] + (1).to_bytes(4, "big") + data[12:]
        )


def test_a_key_ring_sets_aside_retired_keys_after_their_cutoff_and_a_removed_computer() -> None:
    ring = KeyRing(
        keys={2: EPOCH_KEY},
        current=2,
        cutoffs={1: {"laptop": 4, "old-laptop": 7}},
        removed={"old-laptop": 7},
    )
    assert ring.accepts("laptop", 1, 4) and not ring.accepts("laptop", 1, 5)
    assert ring.accepts("laptop", 2, 5)
    assert not ring.accepts("desktop", 1, 1)  # unknown to the removal: sent again by it
    assert ring.accepts("old-laptop", 1, 7) and not ring.accepts("old-laptop", 1, 8)
    assert not ring.accepts("old-laptop", 2, 8)
