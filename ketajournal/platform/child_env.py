"""The environment of the programs the app starts: the system's, not the frozen bundle's.

A frozen app (PyInstaller, one folder) runs with variables that point into its bundle:
``QT_PLUGIN_PATH`` and ``QML2_IMPORT_PATH`` (set by PyInstaller's PySide6 hook, which
overwrites any value the user had), the bundle prepended to ``PATH`` (Windows) or
``DYLD_LIBRARY_PATH`` (macOS), and the bootloader's own ``_PYI_*`` markers. Every
program the app starts inherits them: ``xdg-open``, the PDF viewer or the browser it
starts would load our Qt plugins into a different Qt (and may crash), and another
PyInstaller program would take itself for a child of ours. ``LD_LIBRARY_PATH`` is put
back earlier, before any library is loaded (``packaging/rthook_child_env.py``); it is
cleaned here too in case it still names the bundle.

Qt reads ``QT_PLUGIN_PATH`` when the ``QApplication`` is made (and caches the plugin
folders then), so the window cleans the environment right after that; the commands
clean it before they run. Outside a frozen app nothing changes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path

#: Lists of folders that may hold the bundle's own folders.
PATH_LISTS = ("QT_PLUGIN_PATH", "QML2_IMPORT_PATH", "PATH", "DYLD_LIBRARY_PATH",
              "LD_LIBRARY_PATH")
#: Tells a PyInstaller program started by this one that it is a new program, not our child.
RESET = "PYINSTALLER_RESET_ENVIRONMENT"


def bundle_folder() -> Path | None:
    """The frozen app's bundle (``sys._MEIPASS``), or None when not frozen."""
    folder = getattr(sys, "_MEIPASS", None)
    return Path(folder) if getattr(sys, "frozen", False) and folder else None


def _inside(entry: str, bundle: Path) -> bool:
    try:
        return Path(entry).resolve().is_relative_to(bundle.resolve())
    except (OSError, ValueError):
        return False


def for_children(env: Mapping[str, str], bundle: Path | None) -> dict[str, str]:
    """``env`` as the programs the app starts should get it.

    Without a bundle, ``env`` unchanged. Otherwise every folder inside the bundle is
    dropped from the folder lists (a list left empty goes), the bootloader's
    ``_PYI_*`` markers go, and :data:`RESET` is set.
    """
    cleaned = dict(env)
    if bundle is None:
        return cleaned
    for name in PATH_LISTS:
        if name not in cleaned:
            continue
        kept = [entry for entry in cleaned[name].split(os.pathsep)
                if entry and not _inside(entry, bundle)]
        if kept:
            cleaned[name] = os.pathsep.join(kept)
        else:
            del cleaned[name]
    for name in [name for name in cleaned if name.startswith("_PYI_")]:
        del cleaned[name]
    cleaned[RESET] = "1"
    return cleaned


def clean_for_children(
    env: MutableMapping[str, str] = os.environ, bundle: Path | None = None
) -> list[str]:
    """Make this process's environment :func:`for_children`; return the names changed.

    ``bundle`` defaults to :func:`bundle_folder`. Qt starts ``xdg-open`` and the
    browser with the process's environment, so it is changed in place.
    """
    folder = bundle if bundle is not None else bundle_folder()
    wanted = for_children(env, folder)
    changed = sorted({name for name in env if env.get(name) != wanted.get(name)}
                     | {name for name in wanted if name not in env})
    for name in changed:
        if name in wanted:
            env[name] = wanted[name]
        else:
            del env[name]
    return changed
