"""The icon's derived files match their masters, and the window gets every size."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketajournal import APP_ID
from ketajournal.ui.resources import icon
from resources import build
from tests.support.paths import ROOT


def test_every_derived_file_matches_the_manifest_of_its_master() -> None:
    assert build.stale() == [], "run: .venv/bin/python -m resources.build"


def test_a_changed_master_or_derived_file_is_reported(tmp_path: Path) -> None:
    for relative in [build.MANIFEST, build.MASTER, build.SMALL_MASTER, *build.derived_paths()]:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / relative, tmp_path / relative)
    assert build.stale(tmp_path) == []

    master = tmp_path / build.MASTER
    master.write_text(master.read_text(encoding="utf-8").replace("#1f4e79", "#000000"))
    png = tmp_path / build.png_path(48)
    png.write_bytes(png.read_bytes() + b"\0")
    problems = build.stale(tmp_path)
    assert any(build.MASTER.as_posix() in p for p in problems)
    assert any(build.png_path(48).as_posix() in p for p in problems)


def test_regenerating_writes_every_file_at_its_sizes(tmp_path: Path, qapp: QApplication) -> None:
    hashes = build.build(tmp_path)
    assert sorted(hashes) == sorted(p.as_posix() for p in build.derived_paths())
    for size in build.SIZES:
        with Image.open(tmp_path / build.png_path(size)) as png:
            assert png.size == (size, size)
            assert png.mode == "RGBA"
    with Image.open(tmp_path / "resources/icons" / f"{APP_ID}.ico") as ico:
        assert sorted(ico.info["sizes"]) == [(s, s) for s in build.ICO_SIZES]
    with Image.open(tmp_path / "resources/icons" / f"{APP_ID}.icns") as icns:
        assert {s[0] * s[2] for s in icns.info["sizes"]} == set(build.ICNS_SIZES)
    shipped = tmp_path / build.ASSETS / f"{APP_ID}.svg"
    assert shipped.read_bytes() == (ROOT / build.MASTER).read_bytes()
    recorded = json.loads((tmp_path / build.MANIFEST).read_text(encoding="utf-8"))
    assert set(recorded["master"]) == {build.MASTER.as_posix(), build.SMALL_MASTER.as_posix()}


def test_the_window_icon_has_each_png_at_its_size_and_scales_beyond(qapp: QApplication) -> None:
    app_icon = icon()
    for size in build.SIZES:
        expected = QImage(str(ROOT / build.png_path(size))).convertToFormat(
            QImage.Format.Format_ARGB32
        )
        drawn = app_icon.pixmap(size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        assert drawn == expected, size
    assert app_icon.pixmap(1024).size().width() == 1024  # drawn from the SVG, not capped


def test_the_app_icon_loads_from_the_package(qtbot: QtBot) -> None:
    from ketajournal.ui.resources import icon

    assert not icon().isNull()
    assert not icon().pixmap(32, 32).isNull()


def test_at_200_percent_the_icon_takes_the_png_drawn_for_twice_the_size(
    qapp: QApplication,
) -> None:
    # A 16 px title-bar icon on a 200 % screen is the 32 px PNG, pixel for pixel, not the
    # 16 px one blown up (blurred); likewise 24 → 48 and 32 → 64.
    app_icon = icon()
    for logical in (16, 24, 32):
        drawn = app_icon.pixmap(QSize(logical, logical), 2.0)
        assert drawn.devicePixelRatio() == 2.0
        assert drawn.deviceIndependentSize().width() == logical
        expected = QImage(str(ROOT / build.png_path(2 * logical))).convertToFormat(
            QImage.Format.Format_ARGB32
        )
        assert drawn.toImage().convertToFormat(QImage.Format.Format_ARGB32) == expected
