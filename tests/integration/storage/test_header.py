"""The journal header on disk: both wraps round-trip, version 1 still reads, damage is refused."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from ketajournal.platform import crypto
from ketajournal.platform.crypto import (
    Argon2Params,
    new_recovery_code,
    wrap_key,
)
from ketajournal.storage.header import HeaderError, JournalHeader, read_header, write_header

FAST_ARGON2 = Argon2Params(memory_kib=8, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", FAST_ARGON2)


def test_header_round_trips_both_wraps(tmp_path: Path) -> None:
    header = JournalHeader(
        journal_id="abc",
        recovery=wrap_key(bytes(32), new_recovery_code(), "abc"),
        passphrase=wrap_key(bytes(32), PASSPHRASE, "abc"),
        recovery_created="2026-11-27",
    )
    write_header(tmp_path / "h", header)
    assert read_header(tmp_path / "h") == header
    data = json.loads((tmp_path / "h").read_text())
    assert data["version"] == 2
    assert data["keys"]["passphrase"]["memory_kib"] == FAST_ARGON2.memory_kib
    assert (tmp_path / "h").stat().st_mode & 0o777 == 0o600


def test_version_1_header_reads_without_wraps(tmp_path: Path) -> None:
    (tmp_path / "h").write_text(
        json.dumps({"format": "ketajournal-header", "version": 1, "journal_id": "abc"})
    )
    assert read_header(tmp_path / "h") == JournalHeader("abc")


@pytest.mark.parametrize(
    "change",
    [
        {"salt": "not base64!"},
        {"nonce": base64.b64encode(b"short").decode()},
        {"wrapped_key": base64.b64encode(b"x" * 10).decode()},
        {"cipher": "rot13"},
        {"kdf": "md5"},
        {"memory_kib": 2**40},
        {"iterations": "3"},
        {"lanes": 0},
    ],
    ids=["salt", "nonce", "length", "cipher", "kdf", "memory", "iterations-type", "lanes"],
)
def test_damaged_wraps_are_a_header_error(tmp_path: Path, change: dict[str, object]) -> None:
    header = JournalHeader("abc", passphrase=wrap_key(bytes(32), PASSPHRASE, "abc"))
    write_header(tmp_path / "h", header)
    data = json.loads((tmp_path / "h").read_text())
    data["keys"]["passphrase"].update(change)
    (tmp_path / "h").write_text(json.dumps(data))
    with pytest.raises(HeaderError, match="damaged"):
        read_header(tmp_path / "h")
