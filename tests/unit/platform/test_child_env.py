"""What the programs the frozen app starts inherit: the system's environment, not the bundle's."""

from __future__ import annotations

import os
from pathlib import Path

from ketajournal.platform.child_env import RESET, clean_for_children, for_children

BUNDLE = Path("/opt/ketajournal/_internal")
SEP = os.pathsep


def test_outside_a_frozen_app_nothing_changes() -> None:
    env = {"QT_PLUGIN_PATH": "/usr/lib/qt6/plugins", "PATH": "/usr/bin"}
    assert for_children(env, None) == env
    assert clean_for_children(dict(env), None) == []


def test_the_bundles_qt_folders_and_markers_go_and_the_system_ones_stay() -> None:
    env = {
        "QT_PLUGIN_PATH": f"{BUNDLE}/PySide6/Qt/plugins",
        "QML2_IMPORT_PATH": f"{BUNDLE}/PySide6/Qt/qml",
        "PATH": f"{BUNDLE}{SEP}/usr/local/bin{SEP}/usr/bin",
        "DYLD_LIBRARY_PATH": f"{BUNDLE}{SEP}/opt/homebrew/lib",
        "LD_LIBRARY_PATH": f"{BUNDLE}/lib",
        "_PYI_APPLICATION_HOME_DIR": str(BUNDLE),
        "_PYI_PARENT_PROCESS_LEVEL": "1",
        "HOME": "/home/patient",
        "LANG": "en_GB.UTF-8",
    }
    assert for_children(env, BUNDLE) == {
        "PATH": f"/usr/local/bin{SEP}/usr/bin",
        "DYLD_LIBRARY_PATH": "/opt/homebrew/lib",
        "HOME": "/home/patient",
        "LANG": "en_GB.UTF-8",
        RESET: "1",
    }


def test_a_folder_beside_the_bundle_is_not_taken_for_it() -> None:
    env = {"QT_PLUGIN_PATH": f"{BUNDLE}-plugins{SEP}{BUNDLE}/plugins"}
    assert for_children(env, BUNDLE)["QT_PLUGIN_PATH"] == f"{BUNDLE}-plugins"


def test_the_environment_is_changed_in_place_and_says_what_changed() -> None:
    env = {"QT_PLUGIN_PATH": f"{BUNDLE}/plugins", "PATH": f"{BUNDLE}{SEP}/usr/bin", "A": "b"}
    changed = clean_for_children(env, BUNDLE)
    assert changed == ["PATH", RESET, "QT_PLUGIN_PATH"]
    assert env == {"PATH": "/usr/bin", "A": "b", RESET: "1"}
    assert clean_for_children(env, BUNDLE) == []  # once is enough
