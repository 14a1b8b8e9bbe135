"""One sealed sync file: the key, the header, sealing bound to journal and device, the cursor."""

from __future__ import annotations

import struct

import pytest

from ketajournal.storage import sealed_files
from ketajournal.storage.sealed_files import (
    HEADER,
    NO_DIGEST,
    PAD_BYTES,
    TAG_BYTES,
    Cursor,
    FileType,
    RejectedFileError,
    Sealer,
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

