"""The menu entry of a pip install, written into a temporary XDG_DATA_HOME and removed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ketajournal import APP_ID
from ketajournal.platform import desktop_entry

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the XDG entry is Linux's")
COMMAND = ["/home/pat/keta journal/.venv/bin/ketajournal"]
SIZES = ["16x16", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512"]


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data


def files_under(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file()}


def test_data_home_respects_xdg_data_home_and_falls_back_to_local_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "x"))
    assert desktop_entry.data_home() == tmp_path / "x"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")
    assert desktop_entry.data_home() == Path.home() / ".local" / "share"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert desktop_entry.data_home() == Path.home() / ".local" / "share"


@linux_only
def test_install_writes_the_entry_metainfo_and_every_icon_and_uninstall_removes_them(
    data_home: Path,
) -> None:
    written = desktop_entry.install(COMMAND)
    ours = {
        Path("applications") / f"{APP_ID}.desktop",
        Path("metainfo") / f"{APP_ID}.metainfo.xml",
        Path("icons/hicolor/scalable/apps") / f"{APP_ID}.svg",
        *(Path("icons/hicolor") / size / "apps" / f"{APP_ID}.png" for size in SIZES),
    }
    assert {p.relative_to(data_home) for p in written} == ours
    # Besides ours, only the caches of update-desktop-database and gtk-update-icon-cache.
    assert files_under(data_home) - ours <= {Path("applications/mimeinfo.cache"),
                                             Path("icons/hicolor/icon-theme.cache")}
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    text = entry.read_text(encoding="utf-8")
    assert 'Exec="/home/pat/keta journal/.venv/bin/ketajournal"\n' in text
    assert f"Icon={APP_ID}\n" in text and "StartupWMClass=ketajournal\n" in text
    assert entry.stat().st_mode & 0o777 == 0o644
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        done = subprocess.run([validator, str(entry)], capture_output=True, text=True,
                              check=False)
        assert (done.returncode, done.stdout) == (0, "")
    removed, kept = desktop_entry.uninstall(COMMAND)
    assert (set(removed), kept) == (set(written), [])
    assert files_under(data_home) & ours == set()


@linux_only
def test_uninstall_leaves_an_entry_another_installer_wrote(data_home: Path) -> None:
    desktop_entry.install(COMMAND)
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    archive_entry = entry.read_text(encoding="utf-8").replace(
        '"/home/pat/keta journal/.venv/bin/ketajournal"',
        "/home/pat/.local/lib/ketajournal/ketajournal")
    assert "Exec=/home/pat/.local/lib/ketajournal/ketajournal\n" in archive_entry
    entry.write_text(archive_entry, encoding="utf-8")
    before = files_under(data_home)
    removed, kept = desktop_entry.uninstall(COMMAND)
    assert removed == []
    assert entry in kept and len(kept) == len(SIZES) + 3
    assert files_under(data_home) == before
    assert entry.read_text(encoding="utf-8") == archive_entry


def test_the_installed_command_is_the_script_beside_this_python_when_there_is_one() -> None:
    command = desktop_entry.installed_command()
    beside = Path(sys.executable).parent / "ketajournal"
    if beside.is_file():
        assert command == [str(beside.absolute())]
    else:
        assert command[-2:] == ["-m", "ketajournal"] or Path(command[0]).name == "ketajournal"


def test_an_empty_command_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        desktop_entry.desktop_file([])
