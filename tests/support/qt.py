"""Qt stand-ins at the edge: a tooltip that records instead of raising a window."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget


class RecordingToolTip:
    """Stands in for QToolTip: the offscreen platform warns when a tooltip is raised."""

    shown: ClassVar[list[str]] = []

    @classmethod
    def showText(cls, _pos: QPoint, text: str, _widget: QWidget | None = None) -> None:
        cls.shown.append(text)

    @classmethod
    def hideText(cls) -> None:
        cls.shown.append("")
