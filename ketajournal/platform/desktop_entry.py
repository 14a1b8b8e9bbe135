"""The applications-menu entry of a pip install: desktop file, metainfo and icons.

A patient who installed with pip has a ``ketajournal`` command but nothing in the menu.
``ketajournal --install-desktop-entry`` writes, under ``$XDG_DATA_HOME`` (``~/.local/share``
when unset or relative), the app's desktop file with ``Exec`` set to the installed
command, its AppStream metainfo and the hicolor icons shipped in ``ketajournal.assets``;
``--uninstall-desktop-entry`` removes exactly those files again. A file at one of those
paths that is not what this module writes (the Linux archive's entry, say) is left alone.
The Linux archive's ``install.sh`` does the same for the frozen app.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ketajournal import APP_ID
from ketajournal.platform.autostart import exec_argument
from ketajournal.platform.files import atomic_path

#: The command the menu starts; on Windows the windowed GUI script (pyproject.toml).
COMMAND = "ketajournal"


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or relative."""
    base = os.environ.get("XDG_DATA_HOME", "")
    return Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "share"


def installed_command() -> list[str]:
    """The installed ``ketajournal`` as an argument list, as the menu should start it.

    The script beside this Python (a virtual environment), then pip's scripts folders
    (system and ``--user``), then the PATH; when none exists, this Python with
    ``-m ketajournal``.
    """
    folders = [Path(sys.executable).parent]
    for scheme in (None, f"{os.name}_user"):
        with contextlib.suppress(KeyError):
            path = sysconfig.get_path("scripts", scheme) if scheme else sysconfig.get_path(
                "scripts")
            folders.append(Path(path))
    for folder in folders:
        candidate = folder / COMMAND
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate.absolute())]
    found = shutil.which(COMMAND)
    if found:
        return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "ketajournal"]


def _assets() -> Traversable:
    return resources.files("ketajournal.assets")


def desktop_file(command: Sequence[str]) -> str:
    """The shipped desktop file with its ``Exec`` line starting ``command``."""
    if not command:
        raise ValueError("the menu entry's command is empty")
    template = (_assets() / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    exec_line = "Exec=" + " ".join(exec_argument(a) for a in command)
    lines = [exec_line if line.startswith("Exec=") else line for line in template.splitlines()]
    return "\n".join(lines) + "\n"


def planned_files(command: Sequence[str], data: Path) -> dict[Path, bytes]:
    """Every file the entry consists of, under ``data``, with its content."""
    assets = _assets()
    files = {
        data / "applications" / f"{APP_ID}.desktop": desktop_file(command).encode("utf-8"),
        data / "metainfo" / f"{APP_ID}.metainfo.xml":
            (assets / f"{APP_ID}.metainfo.xml").read_bytes(),
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg":
            (assets / f"{APP_ID}.svg").read_bytes(),
    }
    for size in sorted((assets / "hicolor").iterdir(), key=lambda p: p.name):
        png = size / "apps" / f"{APP_ID}.png"
        if png.is_file():
            files[data / "icons" / "hicolor" / size.name / "apps" / f"{APP_ID}.png"] = (
                png.read_bytes())
    return files


def _refresh(data: Path) -> None:
    """Let the menus and the icon theme see the change, with the tools that are present."""
    tools = (
        ("update-desktop-database", "-q", str(data / "applications")),
        ("gtk-update-icon-cache", "-q", "-t", "-f", str(data / "icons" / "hicolor")),
    )
    for name, *arguments in tools:
        tool = shutil.which(name)
        if tool and Path(arguments[-1]).is_dir():
            subprocess.run([tool, *arguments], check=False, capture_output=True, timeout=60)


def install(command: Sequence[str], data: Path | None = None) -> list[Path]:
    """Write the entry's files (replacing older ones); return the paths written."""
    data = data if data is not None else data_home()
    written = []
    for path, content in planned_files(command, data).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp:
            tmp.write_bytes(content)
            tmp.chmod(0o644)  # a menu entry and icons are not private; the menu reads them
        written.append(path)
    _refresh(data)
    return written


def uninstall(command: Sequence[str], data: Path | None = None) -> tuple[list[Path], list[Path]]:
    """Remove the entry's files that are as :func:`install` wrote them.

    Returns the paths removed and the paths left because another installer wrote them.
    When the desktop file is another installer's (the Linux archive's), its icons and
    metainfo are the same bytes as ours and are left too.
    """
    data = data if data is not None else data_home()
    planned = planned_files(command, data)
    entry = data / "applications" / f"{APP_ID}.desktop"
    foreign = entry.is_file() and entry.read_bytes() != planned[entry]
    removed, kept = [], []
    for path, content in planned.items():
        if not path.is_file():
            continue
        if foreign or path.read_bytes() != content:
            kept.append(path)
            continue
        path.unlink()
        removed.append(path)
    _refresh(data)
    return removed, kept
