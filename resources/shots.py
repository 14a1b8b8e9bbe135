"""Screenshots of every screen and the main dialogs of the demo journal, to look at.

Issue 17 is done when every screen reads well in light and dark, at 100 % and 200 %, in
English and German: this takes those pictures. It opens the demo journal in Qt's
offscreen platform (no display needed), shows each tab of the window and each main
dialog in turn and saves what ``QWidget.grab`` draws as a PNG, named after the screen
(``03-trends.png``, ``dialog-session.png``). ``--scale 2`` sets ``QT_SCALE_FACTOR``: the
pictures are then twice as large, as on a 200 % screen.

    python -m resources.shots OUTDIR [--lang de] [--scheme dark] [--scale 2] [--only NAME]

Run it from the repository root (the demo journal is made afresh in a temporary folder
and removed afterwards; nothing of the user's is read).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

#: The window's size at 100 %: the one the AppStream screenshots use.
SIZE = (1100, 720)
#: Dialogs shown after the tabs: name → how to make it (given the window).
DIALOG_NAMES = ("mood", "session", "side-effect", "event", "questionnaire", "settings",
                "keyboard", "crisis", "import", "plan-session", "plan-template",
                "medication", "sync", "remove-computer", "lock", "welcome")


def _remove_computer(window: object) -> object:
    """The demo journal synced into a folder beside it: "Remove this computer…" for it."""
    from ketajournal.services import sync
    from ketajournal.ui.main_window import MainWindow
    from ketajournal.ui.sync_computers import RemoveComputerDialog

    assert isinstance(window, MainWindow)
    journal = window.open_controller.journal
    folder = journal.paths.home.parent / "sync-folder"  # removed with the demo's folder
    folder.mkdir(exist_ok=True)
    sync.setup(journal, folder)
    sync.sync_now(journal)
    device = sync.status(journal).devices[0]
    return RemoveComputerDialog(window.open_controller, device, window)


def _dialogs() -> dict[str, Callable[[object], object]]:
    """Each dialog by name, built on the window (imported with Qt, after the set-up)."""
    from ketajournal.domain.instruments import INSTRUMENTS
    from ketajournal.domain.models import Event, Session, SideEffect
    from ketajournal.domain.safety import crisis_text
    from ketajournal.ui.import_dialog import AppImportDialog
    from ketajournal.ui.join import WelcomePage
    from ketajournal.ui.keyboard import KeyboardShortcutsDialog, shortcut_rows
    from ketajournal.ui.lock import LockScreen
    from ketajournal.ui.main_window import MainWindow
    from ketajournal.ui.medications import MedicationDialog
    from ketajournal.ui.plan import PlannedSessionDialog, TemplateDialog
    from ketajournal.ui.questionnaire import CrisisDialog, QuestionnaireDialog
    from ketajournal.ui.settings_dialog import SettingsDialog
    from ketajournal.ui.sync import SyncSection

    def on(make: Callable[[MainWindow], object]) -> Callable[[object], object]:
        def build(window: object) -> object:
            assert isinstance(window, MainWindow)
            return make(window)
        return build

    return {
        "mood": on(lambda w: w.dialog_for("mood")),
        "session": on(lambda w: w.dialog_for(Session.kind)),
        "side-effect": on(lambda w: w.dialog_for(SideEffect.kind)),
        "event": on(lambda w: w.dialog_for(Event.kind)),
        "questionnaire": on(lambda w: QuestionnaireDialog(
            w.open_controller, INSTRUMENTS["phq9"], w)),
        "settings": on(lambda w: SettingsDialog(w.open_controller, w)),
        "keyboard": on(lambda w: KeyboardShortcutsDialog(shortcut_rows(w), w)),
        "crisis": on(lambda w: CrisisDialog(crisis_text(), w)),
        "import": on(lambda w: AppImportDialog(w.open_controller, w)),
        "plan-session": on(lambda w: PlannedSessionDialog(w.open_controller, w)),
        "plan-template": on(lambda w: TemplateDialog(w.open_controller, w)),
        "medication": on(lambda w: MedicationDialog(w.open_controller, "start", parent=w)),
        "sync": on(lambda w: SyncSection(w.open_controller)),
        "remove-computer": on(_remove_computer),
        "lock": on(lambda w: LockScreen()),
        "welcome": on(lambda w: WelcomePage()),
    }


def take(out: Path, language: str = "en", only: Sequence[str] = ()) -> list[Path]:
    """Save a PNG of each screen (and dialog) into ``out``; returns the files written.

    ``only`` limits them to those names (a tab's name, ``today``, or a dialog's). Qt's
    platform, scale and colour scheme come from the environment (:func:`main` sets them);
    an application already made (tests) is used as it is.
    """
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    from ketajournal import app as app_module
    from ketajournal import translation
    from ketajournal.domain import locales
    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.main_window import MainWindow
    from ketajournal.ui.screens import SCREENS

    qapp = QApplication.instance() or QApplication(["ketajournal-shots"])
    translation.use(language)
    locales.use(QLocale().name())
    out.mkdir(parents=True, exist_ok=True)
    journal, folder = app_module.open_demo_journal()
    window = MainWindow(JournalController(journal), demo=True)
    window.resize(*SIZE)
    window.show()
    written: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            QCoreApplication.processEvents()

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)

    try:
        for index, screen in enumerate(SCREENS):
            if only and screen.name not in only:
                continue
            window.show_tab(index)
            if screen.name == "today":
                window.today.details_toggle.setChecked(True)
            save(window, f"{index + 1:02d}-{screen.name}")
        for name, make in _dialogs().items():
            if only and name not in only:
                continue
            widget = make(window)
            assert isinstance(widget, QWidget)
            if name == "sync":
                widget.resize(SIZE[0] * 2 // 3, widget.sizeHint().height())
            elif not isinstance(widget, QDialog):
                widget.resize(*SIZE)  # a page of the window, shown alone
            widget.show()
            save(widget, f"dialog-{name}")
            if isinstance(widget, QDialog):
                widget.reject()
            widget.close()
            widget.deleteLater()
    finally:
        window.quit_app()
        window.deleteLater()
        settle()
        journal.close()
        shutil.rmtree(folder, ignore_errors=True)
        del qapp
    return written


def main(argv: list[str] | None = None) -> int:
    """Take the screenshots into OUTDIR for one language, scheme and scale."""
    parser = argparse.ArgumentParser(prog="python -m resources.shots", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=("en", "de", "es"), default="en")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="QT_SCALE_FACTOR: 2 for a 200 %% screen")
    parser.add_argument("--only", action="append", default=[],
                        help="only this screen or dialog (repeatable): "
                             "today, trends, …, " + ", ".join(DIALOG_NAMES))
    args = parser.parse_args(argv)
    if not 0.5 <= args.scale <= 4:
        parser.error("--scale must be between 0.5 and 4")
    # Before Qt is imported: the platform, the scale and the colour scheme are read once.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    os.environ["KETAJOURNAL_COLOR_SCHEME"] = args.scheme
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def quieter(_kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen platform, for every window
            print(message, file=sys.stderr)

    qInstallMessageHandler(quieter)
    for path in take(args.outdir, args.lang, args.only):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
