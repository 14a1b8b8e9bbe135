"""``ketajournal --install-desktop-entry`` / ``--uninstall-desktop-entry`` for a pip install."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ketajournal import APP_ID
from ketajournal.cli import main
from ketajournal.platform.desktop_entry import installed_command


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG entry is Linux's")
def test_install_then_uninstall_leaves_no_file_of_ours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--install-desktop-entry"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"installed the menu entry (11 files under {tmp_path})")
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={installed_command()[0]}\n" in entry.read_text(encoding="utf-8")
    assert main(["--uninstall-desktop-entry"]) == 0
    assert capsys.readouterr().out == f"removed the menu entry (11 files under {tmp_path})\n"
    assert not entry.exists()
    assert not any(p.name.startswith(APP_ID) for p in tmp_path.rglob("*"))


def test_the_options_exclude_each_other_and_take_no_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    for argv in (["--install-desktop-entry", "--uninstall-desktop-entry"],
                 ["--install-desktop-entry", "status"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
    assert "take no command" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
