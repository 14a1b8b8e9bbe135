"""Icons and other files shipped in ``ketajournal/assets``, loaded through one helper."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon, QPixmap

from ketajournal import APP_ID


def icon(name: str = APP_ID) -> QIcon:
    """The icon ``name``: each PNG of ``assets/hicolor`` at its size, the SVG at any other.

    The PNGs are drawn for their size (``python -m resources.build``); the window
    system picks the one it needs (16 px in a title bar, 256 px in a task switcher) and
    Qt draws the SVG for sizes in between or above.
    """
    assets = resources.files("ketajournal.assets")
    svg = assets.joinpath(f"{name}.svg")
    # Qt reads an SVG icon's file each time it draws a new size, so it needs a path that
    # lasts: the package's own file (an installed package and the frozen app have one).
    result = QIcon(str(svg)) if isinstance(svg, Path) and svg.is_file() else QIcon()
    hicolor = assets.joinpath("hicolor")
    if hicolor.is_dir():
        for size_dir in hicolor.iterdir():
            png = size_dir.joinpath("apps", f"{name}.png")
            if png.is_file():
                pixmap = QPixmap()
                pixmap.loadFromData(png.read_bytes(), "PNG")
                result.addPixmap(pixmap)
    return result
