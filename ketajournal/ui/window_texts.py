"""The main window's own words: its title, status messages and message boxes, translated.

Kept beside :mod:`ketajournal.ui.main_window` (routing and lifecycle) so that the window
stays one readable piece. A status message is marked here with :func:`noop` and shown by
:class:`StatusLine`, which remembers it: when the journal's language is applied after
unlocking (the window was built in the start language), :meth:`StatusLine.retranslate`
writes the message shown again in the new language.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from ketajournal import APP_TITLE, __version__
from ketajournal.translation import core, noop, translate, translator

CONTEXT = "MainWindow"
tr = translator("MainWindow")

#: The status bar's message while nothing else is said.
ENCRYPTED = noop("MainWindow", "Your journal is encrypted and stays on this computer.")
LOCKED = noop("MainWindow", "Locked.")
UNLOCKED = noop("MainWindow", "Unlocked.")
LOCKING_LATER = noop("MainWindow", "Locking when the current task is done.")
SAVED = noop("MainWindow", "Saved.")
CHANGES_SAVED = noop("MainWindow", "Changes saved.")
#: ``{summary}``: the questionnaire's result ("PHQ-9 7, mild").
SAVED_SUMMARY = noop("MainWindow", "Saved: {summary}.")
DRAFT_GONE = noop("MainWindow", "That entry no longer exists; its draft was discarded.")
CHECKED = noop("MainWindow", "Journal checked; today's backup is made.")


def window_title(demo: bool) -> str:
    """The window's title: the app's name (never journal content)."""
    if demo:
        return tr("{app} — demo journal").format(app=APP_TITLE)
    return APP_TITLE


def opening_text() -> str:
    """What the window shows from its first paint until the journal is open."""
    return tr("Opening your journal…")


class StatusLine:
    """The window's status messages, kept so that they can be translated again."""

    def __init__(self, bar: QStatusBar) -> None:
        self._bar = bar
        self._source = ""
        self._values: dict[str, str] = {}
        self._timeout = 0
        self._shown = ""

    def show(self, text: str, timeout: int = 0, **values: str) -> None:
        """Show ``text`` (marked with :func:`noop` here) in the installed language."""
        self._source, self._values, self._timeout = text, values, timeout
        self._shown = translate(CONTEXT, text).format(**values)
        self._bar.showMessage(self._shown, timeout)

    def retranslate(self) -> None:
        """The language changed: write the message still shown again, in the new one."""
        if self._source and self._bar.currentMessage() == self._shown:
            self.show(self._source, self._timeout, **self._values)


def about(parent: QWidget) -> None:
    """Help → About: the version and the privacy promise."""
    QMessageBox.about(
        parent,
        tr("About {app}").format(app=APP_TITLE),
        tr("{app} {version}\n\nA private journal for ketamine and esketamine therapy. Your "
           "journal is encrypted and stays on this computer; nothing is sent anywhere. No "
           "clinician is monitoring it.").format(app=APP_TITLE, version=__version__),
    )


def needs_repair(parent: QWidget) -> None:
    """The check after opening found damage: say what happens next."""
    QMessageBox.critical(
        parent,
        tr("Your journal needs repair"),
        tr("The check that runs after opening found damage in the journal file. "
           "ketajournal will close it and check it again; if the damage is confirmed, it "
           "offers the newest backup that verifies. Nothing is deleted: the damaged file is "
           "kept beside it."),
    )


def backup_failed(parent: QWidget, reason: str) -> None:
    """Today's automatic backup could not be made: ``reason`` says why."""
    QMessageBox.warning(parent, tr("{app}: backup").format(app=APP_TITLE), reason)


def red_flag(parent: QWidget, label: str, advice: str) -> None:
    """A side effect at a red-flag severity: what to do now."""
    QMessageBox.warning(parent, tr("Red flag"),
                        tr("{label}: {advice}").format(label=core(label), advice=core(advice)))
