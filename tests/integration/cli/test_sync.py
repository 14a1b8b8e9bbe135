"""``ketajournal sync``: setup, join with the recovery key, sync now, status, history."""

from __future__ import annotations

import json
import os
import time
from datetime import datetime
from pathlib import Path

import pytest

from ketajournal.cli import main


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


@pytest.fixture
def linked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, Path]:
    """Computer a with one mood, linked to a folder; its recovery key in a file."""
    a, folder, key = tmp_path / "a", tmp_path / "folder", tmp_path / "recovery.txt"
    folder.mkdir()
    assert run(a, "--recovery-key-file", str(key), "log", "mood", "5", "--note", "on a") == 0
    assert run(a, "sync", "setup", str(folder)) == 0
    assert "1 entry will go out" in capsys.readouterr().out
    return a, folder, key


def test_a_second_computer_joins_and_both_see_each_others_moods(
    linked: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, folder, key = linked
    assert run(a, "sync") == 0
    assert "Sent 1 change" in capsys.readouterr().out
    b = tmp_path / "b"
    assert run(b, "--password-file", str(key), "sync", "join", str(folder)) == 0
    assert "with 1 entry from the sync folder" in capsys.readouterr().out
    assert run(b, "log", "mood", "3", "--note", "on b") == 0
    assert run(b, "sync") == 0
    capsys.readouterr()
    assert run(a, "sync", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["received"] == 1 and report["updated"] == 1 and report["rejected"] == []
    assert run(a, "export", "json", "-o", str(tmp_path / "a.json")) == 0
    assert run(b, "export", "json", "-o", str(tmp_path / "b.json")) == 0
    exported_a = json.loads((tmp_path / "a.json").read_text("utf-8"))["entries"]["mood"]
    exported_b = json.loads((tmp_path / "b.json").read_text("utf-8"))["entries"]["mood"]
    assert sorted(m["global_id"] for m in exported_a) == sorted(m["global_id"] for m in exported_b)
    assert sorted(m["note"] for m in exported_a) == ["on a", "on b"]
    capsys.readouterr()
    assert run(a, "sync", "status") == 0
    out = capsys.readouterr().out
    assert "Synced with 1 computer" in out and "(this computer)" in out
    assert run(a, "sync", "status", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)["computers"]) == 2
    assert run(a, "sync", "history") == 0
    assert "No entry has versions kept" in capsys.readouterr().out
    # Re-importing b's export on a recognises every entry by its global id.
    assert run(a, "import", str(tmp_path / "b.json")) == 0
    assert "skipped" in capsys.readouterr().out


def test_bad_input_exits_2_naming_the_field(
    linked: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, folder, _ = linked
    assert run(a, "sync", "setup", str(tmp_path / "missing")) == 2
    assert "DIR: must be an existing folder" in capsys.readouterr().err
    assert run(tmp_path / "b", "sync", "join", str(folder)) == 2
    assert "password-file: is needed" in capsys.readouterr().err
    assert run(a, "sync", "restore", "01a23b7c-8f74-7c25-bbcc-0747ee62a6dc", "x") == 2
    assert "stamp: must be the stamp of a kept version" in capsys.readouterr().err


def test_syncing_an_unlinked_journal_says_how_to_link_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path / "c", "log", "mood", "5") == 0
    assert run(tmp_path / "c", "sync") == 1
    assert "ketajournal sync setup DIR" in capsys.readouterr().err


def test_joining_with_a_wrong_key_creates_nothing(
    linked: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, folder, _ = linked
    assert run(a, "sync") == 0
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the key\n", "utf-8")
    wrong.chmod(0o600)
    b = tmp_path / "b"
    assert run(b, "--password-file", str(wrong), "sync", "join", str(folder)) == 1
    assert "does not open" in capsys.readouterr().err
    assert not (b / "journal.db").exists()


def test_status_shows_a_computer_not_seen_for_long_with_its_last_date(
    linked: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, folder, key = linked
    assert run(a, "sync") == 0
    b = tmp_path / "b"
    assert run(b, "--password-file", str(key), "sync", "join", str(folder)) == 0
    assert run(b, "log", "mood", "3") == 0
    assert run(b, "sync") == 0
    capsys.readouterr()
    assert run(a, "sync", "status", "--json") == 0
    computers = json.loads(capsys.readouterr().out)["computers"]
    assert not any(c["not_seen_for_long"] for c in computers)
    (other,) = [c["device"] for c in computers if not c["this_computer"]]
    # b was last used 40 days ago, and its acknowledgements never arrived.
    (folder / other / "acks.kja").unlink()
    old = time.time() - 40 * 86_400
    for path in (folder / other).iterdir():
        os.utime(path, (old, old))
    assert run(a, "sync", "status") == 0
    out = capsys.readouterr().out
    day = datetime.fromtimestamp(old).date().isoformat()
    assert f"Computer {other} last wrote on {day} (40 days ago)" in out
    assert "never confirmed reading" in out
    assert run(a, "sync", "status", "--json") == 0
    (shown,) = [c for c in json.loads(capsys.readouterr().out)["computers"]
                if c["device"] == other]
    assert shown["not_seen_for_long"] and not shown["acknowledged"]


def _devices(home: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert run(home, "sync", "status", "--json") == 0
    status = json.loads(capsys.readouterr().out)
    return {str(c["device"]): c for c in status["computers"]}


def test_removing_a_computer_stops_its_sync_and_keeps_the_others_going(
    linked: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, folder, key = linked
    assert run(a, "sync") == 0
    b, c = tmp_path / "b", tmp_path / "c"
    for home in (b, c):
        assert run(home, "--password-file", str(key), "sync", "join", str(folder)) == 0
    assert run(a, "sync") == 0
    computers = _devices(a, capsys)
    own = next(d for d, info in computers.items() if info["this_computer"])
    removed = next(d for d, info in _devices(c, capsys).items() if info["this_computer"])
    assert all(info["name"] for info in computers.values())
    # Bad input: exit 2 with a sentence naming the field; nothing written.
    assert run(a, "--password-file", str(key), "sync", "remove", "no-such-computer") == 2
    assert "device: must be one of the computers listed" in capsys.readouterr().err
    assert run(a, "--password-file", str(key), "sync", "remove", own) == 2
    assert "device: must be another computer" in capsys.readouterr().err
    assert run(a, "sync", "remove", removed) == 2
    assert "password-file: is needed" in capsys.readouterr().err
    assert not list(folder.glob("*/epoch-*.kje"))
    assert run(a, "--password-file", str(key), "sync", "remove", removed, "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["removed"] == removed and report["epoch"] == 2
    assert removed not in report["given_new_key"] and own in report["given_new_key"]
    assert run(a, "sync", "status") == 0
    assert "removed " in capsys.readouterr().out
    assert run(c, "log", "mood", "1", "--note", "on c") == 0
    assert run(c, "sync") == 1
    assert "This computer was removed from sync on" in capsys.readouterr().err
    assert run(b, "log", "mood", "2", "--note", "on b") == 0
    assert run(b, "sync") == 0
    assert run(a, "sync") == 0
    assert run(a, "export", "json", "-o", str(tmp_path / "a.json")) == 0
    moods = json.loads((tmp_path / "a.json").read_text("utf-8"))["entries"]["mood"]
    assert sorted(m["note"] for m in moods) == ["on a", "on b"]
