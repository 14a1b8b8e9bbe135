"""The command line, in process (fast) and as real subprocesses (entry points, keyring env)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ketajournal import __version__
from ketajournal.cli import main
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.opening import open_journal
from tests.support.paths import ROOT


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def counts(home: Path) -> dict[str, int]:
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        return journal.counts()
    finally:
        journal.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"ketajournal {__version__}"


def test_missing_required_option_exits_2(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(home, "log", "side-effect", "nausea")
    assert exit_info.value.code == 2
    assert "--severity" in capsys.readouterr().err


def test_check_and_export_refuse_to_create_a_journal(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "check") == 1
    assert run(home, "export", "json", "-o", str(tmp_path / "x.json")) == 1
    assert not home.exists() or not any(home.iterdir())
    assert not (tmp_path / "x.json").exists()


def files_of(home: Path) -> dict[str, str]:
    """Every file under ``home`` (the backups folder's too) with its digest."""
    return {
        str(p.relative_to(home)): digest(p)
        for p in home.rglob("*")
        if p.is_file() and p.name != "journal.db-shm"
    }


def test_wrong_key_is_a_clear_error_and_changes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], memory_keyring: object
) -> None:
    assert run(home, "log", "mood", "5") == 0
    before = files_of(home)  # with the backups the first write of the day took
    passwords = memory_keyring.passwords  # type: ignore[attr-defined]
    for key in passwords:
        passwords[key] = "00" * 32
    capsys.readouterr()
    assert run(home, "log", "mood", "6") == 1
    err = capsys.readouterr().err
    assert "could not be opened" in err and "Nothing was changed" in err
    after = files_of(home)
    assert after == before


# -- real subprocesses: the installed entry points and keyring's own backend variable -----


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KETAJOURNAL")}
    env.update(
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
        KETAJOURNAL_TEST_KEYRING=str(tmp_path / "keyring.json"),
        KETAJOURNAL_HOME=str(tmp_path / "envhome"),
    )
    env.update(extra)
    return env


def test_python_m_entry_point_uses_keyring_backend_from_environment(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    saved = subprocess.run([sys.executable, "-m", "ketajournal", "log", "mood", "7"],
                           env=env, capture_output=True, text=True, timeout=60)
    assert saved.returncode == 0, saved.stderr
    assert (tmp_path / "envhome" / "journal.db").exists()  # KETAJOURNAL_HOME honoured
    assert "org.ketajournal.KetaJournal" in (tmp_path / "keyring.json").read_text()
    checked = subprocess.run([sys.executable, "-m", "ketajournal", "check"],
                             env=env, capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0 and "mood         1" in checked.stdout


def test_no_keyring_backend_is_a_clear_error_and_creates_nothing(tmp_path: Path) -> None:
    env = cli_env(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = subprocess.run([sys.executable, "-m", "ketajournal", "log", "mood", "7"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "system keyring" in result.stderr and "Nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    home = tmp_path / "envhome"
    assert not home.exists() or not any(home.iterdir())


def test_window_without_display_explains_instead_of_aborting(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "-m", "ketajournal", "--demo"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "no display" in result.stderr and "libxcb" not in result.stderr


# -- the window's start: no command's module before its first paint -----------------------


@pytest.mark.parametrize("argv", [
    [], ["--home", "/tmp/h"], ["--home=/tmp/h", "--demo"], ["--background"],
    ["--demo", "--background", "--home", "h"],
])
def test_a_plain_start_of_the_window_is_read_without_the_full_grammar(argv: list[str]) -> None:
    from ketajournal.cli import build_parser, window_options

    fast = window_options(argv)
    full = build_parser().parse_args(argv)
    assert fast is not None and full.command is None
    assert vars(fast) == {k: v for k, v in vars(full).items()
                          if k in {"home", "demo", "background"}}


@pytest.mark.parametrize("argv", [
    ["-h"], ["--version"], ["log", "mood", "7"], ["--home"], ["--dem"],
    ["--password-file", "f"], ["--install-desktop-entry"], ["--demo", "check"],
])
def test_anything_else_goes_through_the_full_grammar(argv: list[str]) -> None:
    from ketajournal.cli import window_options

    assert window_options(argv) is None
