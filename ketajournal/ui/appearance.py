"""The window's colour scheme: light or dark, as the system or the Settings say, switched live.

:class:`Appearance` picks :data:`~ketajournal.palette.LIGHT` or
:data:`~ketajournal.palette.DARK` — the Settings' ``appearance.color_scheme``
("system", "light", "dark"), where "system" follows ``QStyleHints.colorScheme`` and
its ``colorSchemeChanged`` — and applies it to the whole application at once:
:func:`ketajournal.palette.use`, the application's ``QPalette``, every stylesheet set
through :func:`set_style` (rewritten with the new colours), and a ``PaletteChange``
that the charts answer by restyling their items. ``KETAJOURNAL_COLOR_SCHEME``
(``light`` or ``dark``) stands in for the system's scheme: for screenshots and tests
on platforms that have none (offscreen).
"""

from __future__ import annotations

import os
import weakref
from dataclasses import fields
from string import Template

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ketajournal.palette import SCHEMES, Palette, for_scheme, screen, use

#: The environment variable that stands in for the system's colour scheme.
SCHEME_VARIABLE = "KETAJOURNAL_COLOR_SCHEME"
#: The dynamic property that holds a widget's stylesheet template.
STYLE_PROPERTY = "ketajournalStyle"


def colour_names(palette: Palette) -> dict[str, str]:
    """The palette's colours by field name, for ``$name`` in a :func:`set_style` template."""
    return {
        f.name: value
        for f in fields(palette)
        if isinstance(value := getattr(palette, f.name), str)
    }


def fill(template: str, palette: Palette | None = None) -> str:
    """``template`` with each ``$name`` replaced by that colour of ``palette`` (default: now)."""
    return Template(template).substitute(colour_names(palette or screen()))


def set_style(widget: QWidget, template: str) -> None:
    """Give ``widget`` a stylesheet whose colours are ``$danger``, ``$hint_text``, …

    The stylesheet is written again from the template whenever the colour scheme
    changes, so the widget follows it.
    """
    widget.setProperty(STYLE_PROPERTY, template)
    widget.setStyleSheet(fill(template))


def qpalette(palette: Palette) -> QPalette:
    """The Qt palette of a :class:`~ketajournal.palette.Palette`."""
    result = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, qt_role in (
        ("window", role.Window), ("window_text", role.WindowText), ("base", role.Base),
        ("alternate_base", role.AlternateBase), ("text", role.Text), ("button", role.Button),
        ("button_text", role.ButtonText), ("highlight", role.Highlight),
        ("highlighted_text", role.HighlightedText), ("link", role.Link),
        ("link", role.LinkVisited), ("placeholder_text", role.PlaceholderText),
        ("tooltip_base", role.ToolTipBase), ("tooltip_text", role.ToolTipText),
        ("mid", role.Mid), ("dark", role.Dark), ("light", role.Light),
        ("midlight", role.Midlight), ("shadow", role.Shadow),
        ("window_text", role.BrightText),
    ):
        result.setColor(qt_role, QColor(getattr(palette, name)))
    for disabled in (role.WindowText, role.Text, role.ButtonText):
        result.setColor(group.Disabled, disabled, QColor(palette.disabled_text))
    return result


def system_is_dark() -> bool:
    """Whether the system asks for a dark scheme (or ``KETAJOURNAL_COLOR_SCHEME=dark``)."""
    forced = os.environ.get(SCHEME_VARIABLE, "").strip().lower()
    if forced in ("light", "dark"):
        return forced == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


#: The Appearance made last (one per window; the application has one window).
_newest: list[weakref.ref[Appearance] | None] = [None]


class Appearance(QObject):
    """Applies the chosen colour scheme to the application and follows the system's."""

    #: The palette now in use, after the switch (every widget already repainted).
    changed = Signal(object)  # Palette

    def __init__(self, parent: QObject | None = None, *, choice: str = "system") -> None:
        super().__init__(parent)
        self._choice = choice if choice in SCHEMES else "system"
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        self._following = True
        # The newest one decides: an older window's, not yet deleted, never switches back.
        _newest[0] = weakref.ref(self)
        self.apply(force=True)

    @property
    def choice(self) -> str:
        """The Settings' choice: "system", "light" or "dark"."""
        return self._choice

    def set_choice(self, choice: str) -> None:
        """Follow the system ("system") or always use "light" or "dark"; applied at once."""
        self._choice = choice if choice in SCHEMES else "system"
        self.apply()

    def is_dark(self) -> bool:
        """Whether the dark palette is the one to use now."""
        if self._choice == "system":
            return system_is_dark()
        return self._choice == "dark"

    def stop(self) -> None:
        """Stop following the system's scheme (the window closed for good); once is enough."""
        if self._following:
            self._following = False
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._system_changed)

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        newest = _newest[0]
        if newest is not None and newest() is self and self._choice == "system":
            self.apply()

    def apply(self, *, force: bool = False) -> None:
        """Switch the application to the palette of the current choice (if it changed)."""
        palette = for_scheme(self.is_dark())
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if palette is screen() and not force:
            return
        use(palette)
        # Widgets with a stylesheet first, so that the palette change repaints them once
        # with their new colours; the charts restyle on the PaletteChange that follows.
        for widget in app.allWidgets():
            template = widget.property(STYLE_PROPERTY)
            if isinstance(template, str):
                widget.setStyleSheet(fill(template, palette))
        app.setPalette(qpalette(palette))
        # Qt posts the palette change to the widgets inside each window; deliver it now,
        # so that when this returns every widget and chart has its new colours.
        for kind in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            app.sendPostedEvents(None, int(kind.value))
        self.changed.emit(palette)


__all__ = [
    "SCHEME_VARIABLE",
    "STYLE_PROPERTY",
    "Appearance",
    "colour_names",
    "fill",
    "qpalette",
    "set_style",
    "system_is_dark",
]
