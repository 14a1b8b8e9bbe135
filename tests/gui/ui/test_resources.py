"""Icons shipped in the package, loaded through one helper."""

from __future__ import annotations

from pytestqt.qtbot import QtBot


def test_the_app_icon_loads_from_the_package(qtbot: QtBot) -> None:
    from ketajournal.ui.resources import icon

    assert not icon().isNull()
    assert not icon().pixmap(32, 32).isNull()
