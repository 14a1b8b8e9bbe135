"""Icons and other files shipped in ``ketajournal/assets``, loaded through one helper."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QPixmap

from ketajournal import APP_ID


def icon(name: str = APP_ID) -> QIcon:
    """The SVG icon ``assets/<name>.svg`` (the app icon by default)."""
    data = resources.files("ketajournal.assets").joinpath(f"{name}.svg").read_bytes()
    pixmap = QPixmap()
    pixmap.loadFromData(data, "SVG")
    return QIcon(pixmap)
