"""The main window: routing and lifecycle around the screens, menus and undo.

It attaches an open journal (building Today and the tabs of :mod:`ketajournal.ui.screens`),
locks and unlocks it, and routes what a screen or a menu asks for: a form (its base,
:mod:`ketajournal.ui.entry_routes`), the settings, a file (:mod:`ketajournal.ui.operations`).
Screens are wired to the controller's ``changed`` signal and never reach into each
other. The window title never shows journal content.

It is one piece: every method is a route from a menu, a screen, the tray or a
notification to one dialog or service, and all of them depend on the same
locked/unlocked state, which only this class changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QWidget

from ketajournal.errors import KnownError
from ketajournal.translation import follow_setting
from ketajournal.ui import window_texts as texts
from ketajournal.ui.appearance import Appearance
from ketajournal.ui.entry_routes import EntryRoutes
from ketajournal.ui.first_paint import PaintWatch
from ketajournal.ui.menus import MenuBar, Menus, ShortcutWatch, menu_bar

if TYPE_CHECKING:
    # Imported when built, after the first paint (docs/performance.md, "fifth look").
    from PySide6.QtCore import QThread
    from PySide6.QtGui import QCloseEvent

    from ketajournal.platform.clock import Clock
    from ketajournal.platform.keystore import KeyStore
    from ketajournal.services.journal import Change, Journal
    from ketajournal.services.maintenance import AfterOpen
    from ketajournal.ui.appointment import AppointmentView
    from ketajournal.ui.background import Tray
    from ketajournal.ui.boosters import BoostersView
    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.join import JoinDialog, JoinWork
    from ketajournal.ui.keyboard import KeyboardShortcutsDialog
    from ketajournal.ui.lock import IdleWatcher, LockScreen
    from ketajournal.ui.medications import MedicationsView
    from ketajournal.ui.operations import FileOperations
    from ketajournal.ui.questionnaire import CrisisDialog
    from ketajournal.ui.reminders import ReminderScheduler, SenderFactory
    from ketajournal.ui.screens import ScreenTabs
    from ketajournal.ui.sync import SyncScheduler
    from ketajournal.ui.timeline import TimelineView
    from ketajournal.ui.trends import TrendsView
    from ketajournal.ui.view import JournalView

Unlock = Callable[[str], "Journal"]


class MainWindow(EntryRoutes):
    """Today and the other screens, with menus, undo and locking.

    ``unlock(secret)`` reopens the journal after a lock (``""``: use the keyring);
    without it, Lock is unavailable. ``keys`` is where the key is kept; without it
    (the demo journal) backup files, restore and the Security dialog are off.
    With ``check_after_open``, each time a journal is attached the full integrity
    check and today's automatic backup run in the background once the window is
    shown (:mod:`ketajournal.services.maintenance`). ``notifier`` makes the
    notification sender for reminders (none: no notifications); ``clock`` and ``zone``
    are the wall clock the reminders and the day follow (default: the system's);
    ``schedule_file`` keeps the daily reminder's time outside the journal, so that a
    window that starts locked still sends it (generic) at its time.

    With ``opening`` and no controller it shows "Opening your journal…" (journal actions
    off) until :meth:`attach` or :meth:`ask_to_unlock`: the app paints it first, and
    builds the rest after Today's first paint (:meth:`_complete`).
    """

    #: The window closed and the app should end (closing only hid it when in the background).
    closed_for_good = Signal()

    def __init__(
        self,
        controller: JournalController | None,
        *,
        demo: bool = False,
        unlock: Unlock | None = None,
        keys: KeyStore | None = None,
        check_after_open: bool = False,
        notifier: SenderFactory | None = None,
        clock: Clock | None = None,
        zone: tzinfo | None = None,
        opening: bool = False,
        schedule_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock, self._zone, self._schedule_file = clock, zone, schedule_file
        #: The notifier made with the reminder scheduler (at start: after Today's paint).
        self._sender = None if opening else notifier
        self._notifier_later = notifier if opening else None  # made after the first paint
        self._opening = opening  # the first attach leaves what Today does not show for later
        self._after_paint: JournalController | None = None
        #: The form a reminder asked for while locked: opened after unlocking.
        self.pending_form: str | None = None
        #: Keep running in the background when the window is closed (a setting).
        self.background = False
        self._quitting = False
        self._check_after_open = check_after_open
        self._maintenance: QThread | None = None
        #: What the last check and backup after opening found (tests, status).
        self.after_open_result: AfterOpen | None = None
        self.setWindowTitle(texts.window_title(demo))
        self.resize(1100, 720)
        self._demo = demo
        self._unlock = unlock
        self.keys = keys
        self.controller: JournalController | None = None
        self.tabs: ScreenTabs | None = None
        self.crisis: CrisisDialog | None = None
        #: Whether the parts the first frame does not show are built (:meth:`_complete`).
        self.completed = False
        self._after_start: list[Callable[[], None]] = []
        self._lock_screen: LockScreen | None = None
        self._menus: Menus | None = None
        self._shortcut_watch: ShortcutWatch | None = None
        # A start builds only what its first frame shows; the rest after the first
        # paint (:meth:`_complete`). A window made with a journal builds everything now.
        in_two_steps = opening and controller is None
        self.stack = QStackedWidget()
        if not in_two_steps:
            self._make_lock_screen()
        #: Shown from the first paint until the journal is open (or needs a secret).
        self.opening_page = QLabel(texts.opening_text())
        self.opening_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening_page)
        if in_two_steps:
            self.stack.setCurrentWidget(self.opening_page)
            self._shortcut_watch = ShortcutWatch(self._fill_menus, self)
        self.setCentralWidget(self.stack)
        #: Light or dark, following the system or the Settings, switched live.
        self.appearance = Appearance(self)
        #: The menus' titles, in the first frame; their actions come with :attr:`menus`.
        self.bar: MenuBar = menu_bar(self.menuBar())
        for menu in (self.bar.file, self.bar.edit, self.bar.log, self.bar.view, self.bar.help):
            menu.aboutToShow.connect(self._fill_menus)  # a click before they are filled
        #: Background sync through the folder the patient chose (docs/sync.md); made
        #: when a journal is attached (it imports the journal side, after the first paint).
        self.sync: SyncScheduler | None = None
        #: The window's own status messages, said again when the language changes.
        self.status_line = texts.StatusLine(self.statusBar())
        self.status_line.show(texts.ENCRYPTED)
        # Status messages are read out as they appear (a save, a lock, an export).
        self.statusBar().messageChanged.connect(self._announce)
        if not in_two_steps:
            self._complete()
        if controller is not None:
            self.attach(controller)
        else:
            self._set_journal_actions(False)

    # -- what the first frame does not show ----------------------------------------------
    def _complete(self) -> None:
        """Build what the first frame does not show: the reminder scheduler, the idle
        watcher, the menus' actions, the tray; then what waited for them (:meth:`after_start`).

        At a start this runs after Today's first paint, or at once when the window
        starts locked, on the welcome page or hidden (the reminders run from here on);
        a window made with a journal runs it while it is made.
        """
        if self.completed:
            return
        self.completed = True
        from ketajournal.platform.clock import local_zone, system_now
        from ketajournal.ui.background import Tray
        from ketajournal.ui.lock import IdleWatcher
        from ketajournal.ui.reminders import ReminderScheduler

        #: Reminders and the day: runs while locked and while the window is hidden.
        self.reminders: ReminderScheduler = ReminderScheduler(
            self._clock or system_now, local_zone() if self._zone is None else self._zone,
            self._sender, self, schedule_file=self._schedule_file,
        )
        self.reminders.open_requested.connect(self.open_form)
        self.reminders.day_changed.connect(self._new_day)
        self.idle: IdleWatcher = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self._fill_menus()
        self.tray: Tray = Tray(self, self)
        if self.controller is not None:
            self._follow_journal(self.controller)
        if self.statusBar().currentMessage():  # the first one came before the announcer
            self._announce(self.statusBar().currentMessage())
        waiting, self._after_start = self._after_start, []
        for work in waiting:
            work()

    def after_start(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the window's start is done (:meth:`_complete`): now if it is.

        The app makes its single-instance server so: after Today's first paint."""
        if self.completed:
            work()
        else:
            self._after_start.append(work)

    def _follow_journal(self, controller: JournalController) -> None:
        """The parts built by :meth:`_complete` take up the open journal."""
        self.idle.start(self._auto_lock_minutes)
        self.tray.set_shown(self.background)
        self.reminders.attach(controller.journal)

    @property
    def menus(self) -> Menus:
        """The menus' actions, filled on first use (the first click on a menu is safe)."""
        return self._fill_menus()

    def _fill_menus(self) -> Menus:
        if self._menus is None:
            from ketajournal.ui.menus import fill_menus
            from ketajournal.ui.operations import FileOperations

            if self._shortcut_watch is not None:
                self._shortcut_watch.stop()

            #: File → Export / Import / Back up / Restore.
            self.files: FileOperations = FileOperations(self, self)
            self._menus = fill_menus(self, self, self.bar)
            if self.controller is not None:
                self._follow_undo(self.controller)
            self._set_journal_actions(self.controller is not None)
        return self._menus

    def _follow_undo(self, controller: JournalController) -> None:
        menus, stack = self.menus, controller.undo_stack
        stack.canUndoChanged.connect(menus.undo_action.setEnabled)
        stack.canRedoChanged.connect(menus.redo_action.setEnabled)
        menus.undo_action.setEnabled(stack.canUndo())
        menus.redo_action.setEnabled(stack.canRedo())

    @property
    def lock_screen(self) -> LockScreen:
        """The page that asks for the passphrase, made when first needed."""
        return self._make_lock_screen()

    def _make_lock_screen(self) -> LockScreen:
        if self._lock_screen is None:
            from ketajournal.ui.lock import LockScreen

            self._lock_screen = LockScreen()
            self._lock_screen.unlock_requested.connect(self.try_unlock)
            self.stack.insertWidget(0, self._lock_screen)
        return self._lock_screen

    def _announce(self, text: str) -> None:
        from ketajournal.ui.announce import announce
        announce(self.statusBar(), text)

    # -- open / lock ----------------------------------------------------------------------
    def ask_to_unlock(self, hint: str) -> None:
        """No key in the keyring: the lock screen asks for a passphrase or recovery key."""
        self._complete()
        self._start_notifier()
        self.reminders.start_locked()  # the daily reminder, generic, until the first unlock
        self.lock_screen.ask_for_secret(True, hint)
        self.stack.setCurrentWidget(self.lock_screen)

    def welcome(self, start: Callable[[], None], join: JoinWork) -> None:
        """A first run: offer a new journal (``start``) or joining one from another
        computer (``join`` makes it from the sync folder; the window then opens on it)."""
        from ketajournal.ui.join import WelcomePage
        self._complete()
        self._start_notifier()
        self.welcome_page = WelcomePage()
        self.welcome_page.start_requested.connect(start)
        self.welcome_page.join_requested.connect(lambda: self.ask_to_join(join))
        self.stack.addWidget(self.welcome_page)
        self.stack.setCurrentWidget(self.welcome_page)

    def ask_to_join(self, join: JoinWork) -> JoinDialog:
        """The join dialog (window-modal); the window opens on the journal it makes."""
        from ketajournal.ui.controller import JournalController
        from ketajournal.ui.join import JoinDialog

        dialog = JoinDialog(join, self)
        dialog.joined.connect(lambda journal: self.attach(JournalController(journal)))
        dialog.open()
        return dialog

    def _start_notifier(self) -> None:
        if self._notifier_later is not None:
            self.reminders.start_sending(self._notifier_later)
            self._notifier_later = None
            self.reminders.check()

    def _after_today_paint(self) -> None:
        """What Today does not show: the parts the first frame left out (:meth:`_complete`),
        the notifier, the sync link, the check after opening."""
        self._complete()
        controller, self._after_paint = self._after_paint, None
        if controller is None or controller is not self.controller:
            return  # done already (the paint, then the fallback timer), or locked since
        self._start_notifier()
        sync = self._sync_scheduler()
        if sync is not None:
            sync.attach(controller)
        if self._check_after_open:  # the full check reads every page: in a thread
            QTimer.singleShot(0, self._start_check_after_open)
        QTimer.singleShot(0, controller, controller.journal.prepare_to_write)  # the first save

    def _sync_scheduler(self) -> SyncScheduler | None:
        """The sync scheduler, made on first use (none for the demo journal)."""
        if not self._demo and self.sync is None:
            from ketajournal.ui import sync as sync_ui

            self.sync = sync_ui.SyncScheduler(self)
            self.sync.status_changed.connect(self.statusBar().showMessage)
        return self.sync

    def attach(self, controller: JournalController) -> None:
        """Build the screens around an open journal."""
        from ketajournal.domain.models import Event, Session, SideEffect
        from ketajournal.ui.screens import ScreenTabs
        from ketajournal.ui.today import TodayView

        self.controller = controller
        controller.setParent(self)  # the window owns the controller and its undo stack
        follow_setting(self._setting("ui.language"))  # before any screen is built
        # Only Today is built now; the other screens read the whole journal, so each is
        # built when it is first shown (or first asked for), not before the first paint.
        self.today = TodayView(controller)
        self.tabs = ScreenTabs(controller, self.today)
        self.tabs.built.connect(self._route_view)
        self.stack.addWidget(self.tabs)
        self.stack.setCurrentWidget(self.tabs)

        self.today.session_button.clicked.connect(lambda: self.new_entry(Session.kind))
        self.today.side_effect_button.clicked.connect(lambda: self.new_entry(SideEffect.kind))
        self.today.event_button.clicked.connect(lambda: self.new_entry(Event.kind))
        self.today.questionnaire_requested.connect(self.fill_questionnaire)
        self.today.crisis_requested.connect(self.show_crisis_resources)
        self.today.draft_requested.connect(self.continue_draft)
        self.today.plan_done_requested.connect(self.log_from_plan)
        controller.changed.connect(self._settings_may_have_changed)
        controller.changed.connect(self._tell_reminders)
        controller.undo_stack.indexChanged.connect(self._show_undo_state)
        if self._menus is not None:
            self._follow_undo(controller)
        self._set_journal_actions(True)
        self._auto_lock_minutes: float = self._setting("security.auto_lock_minutes")
        self._apply_background()
        self.appearance.set_choice(self._setting("appearance.color_scheme"))
        if self.completed:  # else the parts take it up when they are built
            self._follow_journal(controller)
        self._after_paint = controller
        if self._opening and self.isVisible():
            # At start the notifier, the sync link and the check wait for Today's paint.
            PaintWatch(self.tabs).done = self._after_today_paint
            QTimer.singleShot(1000, self._after_today_paint)  # a paint that never comes
        else:  # a window in the background, an unlock: at once
            self._after_today_paint()
        self._opening = False
        if self._demo:
            self.tabs.setCurrentWidget(self.trends)  # a newcomer sees the chart at once
        else:
            self.today.mood_row.setFocus()
        if self.pending_form is not None:
            form, self.pending_form = self.pending_form, None
            self.open_form(form)

    def _start_check_after_open(self) -> None:
        if self.controller is None or self._maintenance is not None:
            return
        from ketajournal.services import maintenance
        from ketajournal.ui.tasks import run_quietly

        path, key, now = maintenance.after_open_work(self.controller.journal)
        self._maintenance = run_quietly(
            self, lambda: maintenance.after_open(path, key, now), self._checked_after_open
        )

    def _checked_after_open(self, result: AfterOpen | None, error: BaseException | None) -> None:
        self._maintenance = None
        if error is not None:
            raise error  # a bug: the crash handler reports it without its message
        assert result is not None
        self.after_open_result = result
        if not result.healthy:
            texts.needs_repair(self)
            if self._unlock is not None and self.controller is not None:
                self.lock()
                self.try_unlock("")
        elif result.backup_error is not None:
            texts.backup_failed(self, result.backup_error)
        elif result.backups is not None and result.backups.made:
            self.status_line.show(texts.CHECKED, 6000)

    def view(self, name: str) -> JournalView:
        """The screen ``name`` (timeline, trends, boosters, appointment, medications), built
        on first use."""
        return self.open_tabs.view(name)

    def _route_view(self, view: JournalView) -> None:
        view.edit_requested.connect(self.edit_entry)
        view.log_from_plan_requested.connect(self.log_from_plan)

    @property
    def timeline(self) -> TimelineView:
        """The Timeline screen."""
        from ketajournal.ui.timeline import TimelineView

        view = self.view("timeline")
        assert isinstance(view, TimelineView)
        return view

    @property
    def trends(self) -> TrendsView:
        """The Trends screen."""
        from ketajournal.ui.trends import TrendsView

        view = self.view("trends")
        assert isinstance(view, TrendsView)
        return view

    @property
    def boosters(self) -> BoostersView:
        """The Boosters screen."""
        from ketajournal.ui.boosters import BoostersView

        view = self.view("boosters")
        assert isinstance(view, BoostersView)
        return view

    @property
    def appointment(self) -> AppointmentView:
        """The Appointment screen."""
        from ketajournal.ui.appointment import AppointmentView

        view = self.view("appointment")
        assert isinstance(view, AppointmentView)
        return view

    @property
    def medications(self) -> MedicationsView:
        """The Medications screen."""
        from ketajournal.ui.medications import MedicationsView

        view = self.view("medications")
        assert isinstance(view, MedicationsView)
        return view

    def lock(self) -> None:
        """Close the journal and destroy every view; show the unlock screen."""
        if self.controller is None or self._unlock is None:
            return
        self._complete()
        self._start_notifier()  # locked before Today's paint: reminders go on, generic
        if self.controller.jobs.running:  # an export or import is using the connection
            self.controller.jobs.when_idle(self.lock)
            self.status_line.show(texts.LOCKING_LATER)
            return
        from PySide6.QtWidgets import QDialog

        from ketajournal.ui.dialogs import EntryDialog
        from ketajournal.ui.tasks import finish_quietly

        self.idle.stop()
        # The check and backup after opening use the journal's files: let them finish
        # before anything (a restore, the repair path) can move those files.
        finish_quietly(self._maintenance)
        if self.sync is not None:
            self.sync.detach()
        # What the forms hold is written as drafts before the journal closes: unlocking
        # brings it back (Today's note in place, open dialogs under "Not saved yet").
        self.today.draft.stop()
        for dialog in self.findChildren(QDialog):
            if isinstance(dialog, EntryDialog):
                dialog.keep_draft_and_close()
            else:
                dialog.reject()
            dialog.deleteLater()
        self.crisis = None
        self.reminders.detach()  # from here on, reminders use what they hold in memory
        tabs, controller = self.tabs, self.controller
        self.tabs = None
        self.controller = None
        assert tabs is not None
        self.stack.removeWidget(tabs)
        tabs.setParent(None)
        tabs.deleteLater()
        controller.journal.close()
        controller.undo_stack.clear()
        controller.setParent(None)
        controller.deleteLater()
        self.__dict__.pop("today", None)
        self.menus.undo_action.setEnabled(False)
        self.menus.redo_action.setEnabled(False)
        self._set_journal_actions(False)
        self.lock_screen.reset()
        self.lock_screen.ask_for_secret(False)
        self.stack.setCurrentWidget(self.lock_screen)
        self.status_line.show(texts.LOCKED)

    def try_unlock(self, secret: str) -> None:
        """Reopen the journal; on failure say why and make the next try wait longer."""
        if self._unlock is None:
            return
        from ketajournal.services.keys import NeedsSecretError
        from ketajournal.ui.controller import JournalController
        try:
            journal = self._unlock(secret)
        except NeedsSecretError as error:
            self.lock_screen.ask_for_secret(True, str(error))
            if secret:
                self.lock_screen.failed(str(error))
            return
        except KnownError as error:
            self.lock_screen.failed(str(error))
            return
        self.lock_screen.reset()
        self.attach(JournalController(journal))
        self.status_line.show(texts.UNLOCKED, 4000)

    @property
    def open_tabs(self) -> ScreenTabs:
        """The screens of the open journal."""
        if self.tabs is None:
            raise RuntimeError("the journal is locked")
        return self.tabs

    def show_tab(self, index: int) -> None:
        """Switch to a screen (nothing while locked)."""
        if self.tabs is not None:
            self.tabs.setCurrentIndex(index)

    def _set_journal_actions(self, enabled: bool) -> None:
        for action in self.bar.journal_menus:
            action.setEnabled(enabled)
        if self._menus is None:
            return  # filled later, in the state of that moment
        for action in self.menus.journal_actions:
            action.setEnabled(enabled)
        self.menus.lock_action.setEnabled(enabled and self._unlock is not None)
        self.menus.backup_file_action.setEnabled(enabled and self.keys is not None)
        self.menus.restore_file_action.setEnabled(enabled and self.can_restore)

    @property
    def can_restore(self) -> bool:
        """Restoring a backup file needs the open journal, its key store and unlocking."""
        return self.controller is not None and self.keys is not None and self._unlock is not None

    def _settings_may_have_changed(self, change: Change) -> None:
        """A new auto-lock time (Security dialog) or colour scheme takes effect at once."""
        if "settings" in change.kinds and self.controller is not None:
            self._auto_lock_minutes = self._setting("security.auto_lock_minutes")
            if self.completed:
                self.idle.start(self._auto_lock_minutes)
            self._apply_background()
            self.appearance.set_choice(self._setting("appearance.color_scheme"))

    def _setting(self, key: str) -> Any:
        from ketajournal.services.settings import Settings
        return Settings(self.open_controller.journal).get(key)

    # -- reminders and the background -----------------------------------------------------
    def _apply_background(self) -> None:
        """Read "keep running in the background": closing then hides the window."""
        if self.controller is None:
            return
        self.background = bool(self._setting("reminders.background"))
        if self.completed:
            self.tray.set_shown(self.background)

    def _tell_reminders(self, _change: Change) -> None:
        if self.completed:
            self.reminders.journal_changed()

    def _new_day(self) -> None:
        """Midnight, or a wake on a later day: Today shows the new day."""
        # The time field is left alone: it may hold a time the patient typed.
        if self.controller is not None and "today" in self.__dict__:
            self.today.refresh()

    def bring_forward(self) -> None:
        """Show the window in front (from a notification, the tray or a second start)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def open_form(self, form: str) -> None:
        """Bring the window forward on the form a reminder asks for.

        ``"mood"``: the mood row on Today; ``"questionnaire:<id>"``: that questionnaire.
        While locked, the lock screen comes forward and the form opens after unlocking.
        """
        self.bring_forward()
        if self.controller is None:
            self.pending_form = form
            return
        from ketajournal.domain.instruments import INSTRUMENTS
        kind, _, instrument_id = form.partition(":")
        if kind == "questionnaire" and instrument_id in INSTRUMENTS:
            self.open_tabs.setCurrentWidget(self.today)
            self.open_questionnaire(instrument_id)
        elif kind == "mood":
            self.open_tabs.setCurrentWidget(self.today)
            self.today.mood_row.setFocus()
        elif kind == "planned":
            self.open_tabs.setCurrentWidget(self.view("plan"))

    def quit_app(self) -> None:
        """Quit for good, also when closing would only hide the window."""
        self._quitting = True
        self.close()

    def _show_undo_state(self, _index: int) -> None:
        if self.controller is None:
            return  # locking clears the undo stack after the views are gone
        stack = self.open_controller.undo_stack
        if stack.canRedo() and not stack.canUndo():
            self.today.undo_button.hide()

    def edit_settings(self) -> None:
        """Open the settings."""
        from ketajournal.ui.settings_dialog import SettingsDialog
        sync = self._sync_scheduler()
        SettingsDialog(self.open_controller, self, keys=self.keys, sync=sync).exec()

    def export_pdf(self) -> None:
        """Show the Appointment screen and export its period as the clinician PDF."""
        if self.tabs is not None:
            self.tabs.setCurrentWidget(self.appointment)
            self.appointment.export_pdf()

    def show_keyboard_shortcuts(self) -> KeyboardShortcutsDialog:
        """Help → Keyboard shortcuts: every shortcut, read from the actions (every screen
        built first, so that its own shortcuts are listed too)."""
        from ketajournal.ui.keyboard import KeyboardShortcutsDialog, shortcut_rows
        from ketajournal.ui.screens import SCREENS

        self._complete()
        if self.tabs is not None:
            for screen in SCREENS:
                if screen.view is not None:
                    self.tabs.view(screen.name)
        dialog = KeyboardShortcutsDialog(shortcut_rows(self), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def about(self) -> None:
        """Version and the privacy promise."""
        texts.about(self)

    def changeEvent(self, event: QEvent) -> None:
        """The journal's language, applied after unlocking: the frame speaks it too."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            if self._menus is not None:
                self._menus.retranslate()
            else:
                self.bar.retranslate()
            if self.completed:
                self.tray.retranslate()
            self.setWindowTitle(texts.window_title(self._demo))
            self.opening_page.setText(texts.opening_text())
            self.status_line.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing to save: every entry is committed when it is logged.

        With "keep running in the background" on, closing only hides the window and
        reminders go on (File → Quit or the tray's Quit ends the app). A backup
        running in the background is waited for, never cut off.
        """
        if self.background and not self._quitting:
            event.ignore()
            self.hide()
            return
        from ketajournal.ui.tasks import finish_quietly
        if self.completed:
            self.reminders.close()
            self.tray.set_shown(False)
        if self.controller is not None:
            self.controller.jobs.finish()  # an export or backup is finished, never cut off
            self.today.draft.stop()  # what the note holds is there at the next start
        finish_quietly(self._maintenance)
        if self.sync is not None:
            self.sync.detach()
        self.appearance.stop()  # a closed window no longer repaints the application
        event.accept()
        self.closed_for_good.emit()


