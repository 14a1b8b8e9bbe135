"""Start at login: the XDG autostart entry (Linux, tested for real) and the other two texts."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ketajournal import APP_ID
from ketajournal.platform import autostart

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the XDG entry is Linux's")


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


@linux_only
def test_enable_writes_a_valid_entry_and_disable_removes_it(config_home: Path) -> None:
    entry = config_home / "autostart" / f"{APP_ID}.desktop"
    assert autostart.xdg_autostart_path() == entry
    assert not autostart.is_enabled()
    autostart.enable(["/opt/keta journal/bin/ketajournal", "--background"])
    assert autostart.is_enabled()
    text = entry.read_text(encoding="utf-8")
    assert 'Exec="/opt/keta journal/bin/ketajournal" --background\n' in text
    assert f"Icon={APP_ID}\n" in text
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert [p.name for p in entry.parent.iterdir()] == [entry.name]  # no temporary left
    assert entry.stat().st_mode & 0o077 == 0
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        result = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert result.returncode == 0 and result.stdout == "", result.stdout
    autostart.enable(["ketajournal", "--background"])  # replaces, does not add
    assert "Exec=ketajournal --background\n" in entry.read_text(encoding="utf-8")
    autostart.disable()
    assert not entry.exists() and not autostart.is_enabled()
    autostart.disable()  # off already: nothing to do


@linux_only
def test_without_xdg_config_home_the_entry_goes_to_dot_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for value in (None, "", "relative/dir"):
        if value is None:
            monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CONFIG_HOME", value)
        assert autostart.xdg_autostart_path() == (
            tmp_path / ".config" / "autostart" / f"{APP_ID}.desktop"
        )


@pytest.mark.parametrize(
    ("argument", "written"),
    [
        ("ketajournal", "ketajournal"),
        ("/a b/c", '"/a b/c"'),
        ('say "hi"', r'"say \\"hi\\""'),
        ("$HOME", r'"\\$HOME"'),
        ("C:\\dir", r'"C:\\\\dir"'),  # a literal backslash in quotes is four in the file
        ("50%", "50%%"),
        ("", '""'),
    ],
)
def test_exec_arguments_follow_the_desktop_entry_quoting(argument: str, written: str) -> None:
    text = autostart.desktop_entry(["ketajournal", argument])
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line == f"Exec=ketajournal {written}"


@linux_only
def test_quoted_entry_passes_desktop_file_validate(config_home: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    autostart.enable(["/home/pat/my apps/ketajournal", "--home", "/tmp/$x", "50%"])
    result = subprocess.run([validator, str(autostart.xdg_autostart_path())],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_launch_agent_and_run_key_texts() -> None:
    command = ["/Applications/KetaJournal.app/Contents/MacOS/ketajournal", "--background"]
    agent = plistlib.loads(autostart.launch_agent(command))
    assert agent == {
        "Label": APP_ID,
        "ProgramArguments": command,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    line = autostart.run_key_command([r"C:\Program Files\KetaJournal\ketajournal.exe",
                                      "--background"])
    assert line == r'"C:\Program Files\KetaJournal\ketajournal.exe" --background'
    for build in (autostart.desktop_entry, autostart.launch_agent, autostart.run_key_command):
        with pytest.raises(ValueError, match="empty"):
            build([])


def test_the_app_command_starts_ketajournal_in_the_background() -> None:
    command = autostart.app_command()
    assert command[-1] == "--background"
    assert Path(command[0]).is_file()
    assert command[1:] in (["--background"], ["-m", "ketajournal", "--background"])
