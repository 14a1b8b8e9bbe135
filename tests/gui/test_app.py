"""The window's composition root: it refuses a journal another window has open."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ketajournal import app as app_module
from ketajournal.storage.instance import (
    acquire_instance_lock,
)


@pytest.mark.skipif(not hasattr(app_module, "acquire_instance_lock"),
                    reason="app.py does not take the instance lock yet")
def test_the_window_refuses_to_open_a_journal_another_window_has_open(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    home = tmp_path / "home"
    first = acquire_instance_lock(home)
    try:
        assert app_module.run_gui(str(home)) == 1
    finally:
        first.release()
    assert len(shown) == 1 and "already open" in shown[0]
    assert not (home / "journal.db").exists()  # refused before anything was opened
