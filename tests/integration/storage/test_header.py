"""The journal header on disk: both wraps round-trip, version 1 still reads, damage is refused."""



from __future__ import annotations

import base64
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import keyring
import pytest

from ketajournal.cli import main
from ketajournal.platform import crypto
from ketajournal.platform.crypto import Argon2Params, new_recovery_code, wrap_key
from ketajournal.platform.keystore import KeyringKeyStore, keyring_entry
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import backups
from ketajournal.services.opening import open_journal, open_or_create
from ketajournal.storage.header import (
    HeaderError,
    HeaderNotAuthenticError,
    JournalHeader,
    read_header,
    write_header,
)
from tests.support.keyrings import MemoryKeyring

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
    write_header(tmp_path / "h", header, bytes(32))
    assert read_header(tmp_path / "h") == header
    assert read_header(tmp_path / "h").verifies(bytes(32))
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
    write_header(tmp_path / "h", header, bytes(32))
    data = json.loads((tmp_path / "h").read_text())
    data["keys"]["passphrase"].update(change)
    (tmp_path / "h").write_text(json.dumps(data))
    with pytest.raises(HeaderError, match="damaged"):
        read_header(tmp_path / "h")


def flip_in(paths: JournalPaths, *where: str) -> None:
    """Flip one bit of a base64 field of the header (``keys``/``recovery``/``wrapped_key``)."""
    data: dict[str, Any] = json.loads(paths.header.read_text())
    node = data
    for name in where[:-1]:
        node = node[name]
    raw = bytearray(base64.b64decode(node[where[-1]]))
    raw[len(raw) // 2] ^= 0x04
    node[where[-1]] = base64.b64encode(bytes(raw)).decode()
    paths.header.write_text(json.dumps(data, indent=2) + "\n")


@pytest.fixture
def made(tmp_path: Path) -> tuple[JournalPaths, str]:
    """A journal with one entry and one automatic backup; returns it and its recovery code."""
    paths = JournalPaths(tmp_path / "home")
    opened = open_or_create(paths, KeyringKeyStore())
    assert opened.new_recovery_code is not None
    backups.take_backup(opened.journal, "daily-20260101")
    opened.journal.close()
    assert main(["--home", str(paths.home), "log", "mood", "6"]) == 0
    return paths, str(opened.new_recovery_code)


def todays_backup_named(message: str) -> bool:
    """True if ``message`` names the daily or weekly backup the command line took after its
    first write today (the newest backups: made after the fixture's own)."""
    now = datetime.now().astimezone()
    year, week, _ = now.isocalendar()
    return f"daily-{now:%Y%m%d}" in message or f"weekly-{year}W{week:02d}" in message


def run(paths: JournalPaths, *args: str) -> int:
    return main(["--home", str(paths.home), *args])


def test_a_flipped_bit_in_the_wrapped_recovery_key_is_found_and_never_copied(
    made: tuple[JournalPaths, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths, _code = made
    journal = open_journal(paths, KeyringKeyStore(), create=False)  # the window, still open
    flip_in(paths, "keys", "recovery", "wrapped_key")
    try:
        with pytest.raises(HeaderNotAuthenticError):
            backups.take_backup(journal, "daily-20260102")
    finally:
        journal.close()
    assert not paths.backup("daily-20260102").exists()
    assert run(paths, "check") == 1
    assert "header" in capsys.readouterr().err
    assert run(paths, "backup", "-o", str(tmp_path / "b.zip")) == 1
    assert not (tmp_path / "b.zip").exists()


def test_repair_puts_back_an_authentic_header_copy_and_the_recovery_key_works_again(
    made: tuple[JournalPaths, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths, code = made
    flip_in(paths, "keys", "recovery", "wrapped_key")
    assert run(paths, "restore", "--from-backups") == 0
    out = capsys.readouterr().out
    assert "header" in out
    assert run(paths, "check") == 0
    assert "mood         1" in capsys.readouterr().out  # the entry after the backup is kept
    secret = tmp_path / "code.txt"
    secret.write_text(code)
    secret.chmod(0o600)
    keyring.set_keyring(MemoryKeyring())  # a new computer: only the recovery key
    assert run(paths, "check", "--password-file", str(secret)) == 0


def test_on_a_new_computer_the_right_recovery_key_finds_the_damage_not_a_wrong_key(
    made: tuple[JournalPaths, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths, code = made
    flip_in(paths, "keys", "recovery", "wrapped_key")
    secret = tmp_path / "code.txt"
    secret.write_text(code)
    secret.chmod(0o600)
    keyring.set_keyring(MemoryKeyring())
    assert run(paths, "check", "--password-file", str(secret)) == 1
    err = capsys.readouterr().err
    # The newest backup: today's, which the command line took after logging the mood.
    assert "header" in err and "damaged" in err and todays_backup_named(err)
    assert run(paths, "restore", "--from-backups", "--password-file", str(secret)) == 0
    assert run(paths, "check", "--password-file", str(secret)) == 0
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(code[:-1] + ("0" if code[-1] != "0" else "1"))
    wrong.chmod(0o600)
    capsys.readouterr()
    assert run(paths, "check", "--password-file", str(wrong)) != 0
    assert "damaged" not in capsys.readouterr().err  # a wrong key stays a wrong key


@pytest.mark.parametrize(
    "where",
    [
        ("keys", "recovery", "salt"),
        ("keys", "recovery", "nonce"),
        ("keys", "recovery", "wrapped_key"),
    ],
)
def test_every_field_is_covered(made: tuple[JournalPaths, str], where: tuple[str, ...]) -> None:
    paths, _code = made
    key = KeyringKeyStore().get(keyring_entry(paths.home, read_header(paths.header).journal_id))
    assert key is not None and read_header(paths.header).verifies(key)
    flip_in(paths, *where)
    assert not read_header(paths.header).verifies(key)


@pytest.mark.parametrize("field", ["journal_id", "created"])
def test_plain_fields_are_covered_too(made: tuple[JournalPaths, str], field: str) -> None:
    paths, _code = made
    key = KeyringKeyStore().get(keyring_entry(paths.home, read_header(paths.header).journal_id))
    assert key is not None
    data = json.loads(paths.header.read_text())
    if field == "journal_id":
        last = data["journal_id"][-1]
        data["journal_id"] = data["journal_id"][:-1] + ("1" if last == "0" else "0")
    else:
        data["keys"]["recovery"]["created"] = "2001-01-01"
    paths.header.write_text(json.dumps(data))
    assert not read_header(paths.header).verifies(key)


def test_the_header_of_another_journal_is_named_as_such_not_as_damage(
    made: tuple[JournalPaths, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths, code = made
    other = JournalPaths(tmp_path / "other")
    open_or_create(other, KeyringKeyStore()).journal.close()
    paths.header.write_bytes(other.header.read_bytes())  # copied over this journal's own
    secret = tmp_path / "code.txt"
    secret.write_text(code)
    secret.chmod(0o600)
    assert run(paths, "check", "--password-file", str(secret)) == 1
    err = capsys.readouterr().err
    assert "header of another journal" in err and todays_backup_named(err)
    assert run(paths, "restore", "--from-backups", "--password-file", str(secret)) == 0
    assert run(paths, "check", "--password-file", str(secret)) == 0
    flip_in(paths, "keys", "recovery", "wrapped_key")  # this journal's own, damaged
    capsys.readouterr()
    assert run(paths, "check", "--password-file", str(secret)) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "another journal" not in err
