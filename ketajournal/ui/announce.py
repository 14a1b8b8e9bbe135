"""Say it to the screen reader: what changed on screen, as the same words a sighted user reads.

A label whose text changes (Saved at 21:04, the attention box, what is due, the status
bar) is not read out by itself: :func:`announce` sends Qt's announcement event with
the new text (politely: after what is being read), and records the last one on the
widget (:func:`last_announcement`) so that tests can see what was said.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QWidget

#: The dynamic property that holds the last text announced for a widget.
ANNOUNCED_PROPERTY = "ketajournalAnnounced"


def announce(source: QObject, text: str, *, assertive: bool = False) -> None:
    """Have assistive technology read ``text`` out, on behalf of ``source``.

    ``assertive`` interrupts what is being read (errors and safety messages); else it
    waits its turn. An empty text is not announced.
    """
    text = text.strip()
    if not text:
        return
    source.setProperty(ANNOUNCED_PROPERTY, text)
    event = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def last_announcement(source: QObject) -> str | None:
    """The last text announced for ``source`` (None: nothing yet)."""
    value = source.property(ANNOUNCED_PROPERTY)
    return value if isinstance(value, str) else None


class LiveLabel(QLabel):
    """A label whose every new text is announced (a status line, an error message).

    ``assertive`` for errors: read at once, interrupting.
    """

    def __init__(
        self, text: str = "", parent: QWidget | None = None, *, assertive: bool = False
    ) -> None:
        super().__init__(text, parent)
        self.assertive = assertive

    def setText(self, text: str) -> None:
        """Show ``text`` and, when it is new, announce it."""
        changed = text != self.text()
        super().setText(text)
        if changed:
            plain = QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text
            announce(self, plain, assertive=self.assertive)


__all__ = ["ANNOUNCED_PROPERTY", "LiveLabel", "announce", "last_announcement"]
