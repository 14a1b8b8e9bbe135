"""Hostile or odd input ends in a sentence and exit 1 or 2, never in a traceback.

Every case is a real file or folder: a date at the end of the calendar, an output that is a
folder or in a folder nobody may write to, JSON nested 100,000 levels deep in the header,
a backup's manifest or a setting, a ``backups`` that is a file or a broken link, and a
home that belongs to another user.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import backups
from ketajournal.services.opening import open_journal
from tests.support.unprivileged import Unprivileged, unprivileged_python

NESTED = "[" * 100_000 + "]" * 100_000
#: Deep enough for the JSON parser's recursion limit, small enough for a manifest's size cap.
NESTED_SMALL = "[" * 5_000 + "]" * 5_000


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(["--home", str(home), "log", "mood", "6"]) == 0
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    backups.take_backup(journal, "daily-20260101")
    journal.close()
    return home


def said(home: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run a command; a traceback fails the test by itself (it is raised here)."""
    capsys.readouterr()
    code = main(["--home", str(home), *args])
    err = capsys.readouterr().err
    return code, err


@pytest.mark.parametrize("option", [("--from", "0001-01-01"), ("--to", "9999-12-31")])
def test_dates_at_the_ends_of_the_calendar(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: tuple[str, str]
) -> None:
    code, err = said(home, capsys, "export", "pdf", "-o", str(tmp_path / "r.pdf"), *option)
    assert code == 2 and "must be a date from 1900-01-01 to 2999-12-31" in err


@pytest.mark.parametrize("kind", ["json", "fhir", "pdf"])
def test_an_output_that_is_a_folder(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code, err = said(home, capsys, "export", kind, "-o", str(folder))
    assert code in (1, 2) and err.startswith("ketajournal: ") and str(folder) in err


def test_json_nested_beyond_reason_in_the_header_is_damage_and_repair_still_runs(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = home / "journal.header"
    data = header.read_text()
    header.write_text(data.rstrip()[:-1] + f', "x": {NESTED}}}\n')
    code, err = said(home, capsys, "check")
    assert code == 1 and "header" in err
    code, err = said(home, capsys, "restore", "--from-backups")
    assert code == 0, err
    assert said(home, capsys, "check")[0] == 0


def test_json_nested_beyond_reason_in_a_backup_manifest(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, crafted = tmp_path / "b.zip", tmp_path / "crafted.zip"
    assert said(home, capsys, "backup", "-o", str(source))[0] == 0
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(crafted, "w") as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename.endswith(".json"):
                manifest = json.loads(data)
                data = (json.dumps(manifest)[:-1] + f', "x": {NESTED_SMALL}}}').encode()
            out.writestr(info, data)
    code, err = said(tmp_path / "new", capsys, "restore", str(crafted))
    assert code == 1 and "is not a ketajournal backup file" in err


def test_a_setting_nested_beyond_reason(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = said(home, capsys, "settings", "booster_threshold", NESTED)
    assert code == 2 and "nested too deeply" in err


@pytest.mark.parametrize("what", ["a file", "a broken link"])
def test_backups_that_is_not_a_folder(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    folder = home / "backups"
    folder.rename(tmp_path / "kept-backups")
    if what == "a file":
        folder.write_text("not a folder")
    else:
        folder.symlink_to(tmp_path / "nowhere")
    for command in (("check",), ("log", "mood", "5"), ("restore", "--from-backups")):
        code, err = said(home, capsys, *command)
        assert code == 1 and "should be the journal's backups folder" in err, (command, err)


@pytest.fixture
def as_user() -> Unprivileged:
    return unprivileged_python(("ketajournal",))


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to own a home the user cannot use")
def test_a_home_owned_by_another_user_and_an_unwritable_output(
    home: Path, tmp_path: Path, as_user: Unprivileged
) -> None:
    tmp_path.chmod(0o755)
    for command in (("check",), ("log", "mood", "5")):
        result = subprocess.run(
            as_user.command("-m", "ketajournal", *command, "--home", str(home)),
            capture_output=True, text=True, cwd=as_user.folder, env=as_user.env, timeout=60,
            check=False,
        )
        assert result.returncode == 1, result.stdout
        assert "permission problem" in result.stderr and "Traceback" not in result.stderr
    closed = tmp_path / "closed"
    closed.mkdir(mode=0o755)  # root's: the user may not write in it
    own = as_user.folder / "home"
    made = subprocess.run(
        as_user.command("-m", "ketajournal", "log", "mood", "5", "--home", str(own)),
        capture_output=True, text=True, cwd=as_user.folder,
        env=dict(as_user.env, PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
                 KETAJOURNAL_TEST_KEYRING=str(as_user.folder / "k.json")),
        timeout=60, check=False,
    )
    assert made.returncode == 0, made.stderr
    for kind in ("json", "fhir"):
        result = subprocess.run(
            as_user.command("-m", "ketajournal", "export", kind, "-o", str(closed / "x"),
                            "--home", str(own)),
            capture_output=True, text=True, cwd=as_user.folder,
            env=dict(as_user.env, PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
                     KETAJOURNAL_TEST_KEYRING=str(as_user.folder / "k.json")),
            timeout=60, check=False,
        )
        assert result.returncode == 1, result.stdout
        assert "Traceback" not in result.stderr and "Permission denied" in result.stderr
