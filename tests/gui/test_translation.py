"""The window speaks the installed catalogue: a pseudo-locale reaches every text of every
translated screen, nothing is cut off, and German keeps the keyboard map free of clashes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ketajournal import language as core_language
from ketajournal import translation
from ketajournal.domain import factors, locales, year_pixels
from ketajournal.domain.dates import format_date
from ketajournal.domain.models import Event, EventKind, MoodEntry, Route
from ketajournal.domain.series import SEVEN_DAY_MEAN_DEFINITION
from ketajournal.services.journal import Journal
from ketajournal.services.settings import Settings
from ketajournal.ui import window_texts as texts_module
from ketajournal.ui.keyboard import mnemonic_clashes
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.screens import SCREENS
from ketajournal.ui.sync import SyncSection
from ketajournal.ui.sync_computers import RemoveComputerDialog
from resources import catalogue
from tests.support.fixtures import open_window

#: The screens whose strings are translated: every one.
TRANSLATED = ("today", "timeline", "trends", "boosters", "appointment", "plan", "medications",
              "year", "factors")


@pytest.fixture
def window_journal(journal: Journal) -> Journal:
    now = journal.now()
    journal.log(MoodEntry(at=now, mood=6))
    journal.log(Event(at=now, event_kind=EventKind.APPOINTMENT))
    return journal


@pytest.fixture
def pseudo_locale(tmp_path: Path) -> Iterator[None]:
    """Every text of the catalogue bracketed and 30 % longer, for this test only."""
    source = tmp_path / "pseudo.ts"
    source.write_text(catalogue.render_pseudo(catalogue.extract()), encoding="utf-8")
    compiled = tmp_path / "pseudo.qm"
    catalogue.compile_file(source, compiled)
    translation.install_files([compiled])
    yield
    translation.install("en")


@pytest.fixture(params=["de", "es"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    translation.install(request.param)
    yield request.param
    translation.install("en")
    QLocale.setDefault(QLocale.c())


def _shown_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """Every text a reader sees in ``root``: labels, buttons, group titles, tab titles."""
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield widget, widget.text()
        elif isinstance(widget, QGroupBox):
            yield widget, widget.title()
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield widget, widget.tabText(index)
        elif isinstance(widget, QTableView) and widget.model() is not None:
            for column in range(widget.horizontalHeader().count()):
                header = widget.model().headerData(column, Qt.Orientation.Horizontal)
                if isinstance(header, str):
                    yield widget, header


DATE = re.compile(r"\w+\.?,? \d{1,2}\.? \w+\.? \d{4}")
#: Texts the core writes (domain and services, Qt-free): their catalogue is part 2 of
#: issue 17 (gettext for the CLI and the PDF), so the window shows them in English.
CORE_TEXTS = (year_pixels.DEFINITION, factors.definition(),
              "Booster durability cannot be measured until there is a threshold.")


def _needs_words(text: str) -> bool:
    """A text with words in it (not a number, a date or a mood digit alone), of the window."""
    if text in CORE_TEXTS or text.endswith(": not filled yet.") \
            or text.startswith("Not enough days yet"):
        return False
    if DATE.fullmatch(text):
        return False  # a day written by the locale: "Fri 27 Nov 2026", "Fr. 27. Nov. 2026"
    return sum(c.isalpha() for c in text) >= 2


def _menu_texts(window: MainWindow) -> Iterator[str]:
    """Every menu's title and every item in it (separators aside), and the tray's."""
    for action in window.menuBar().actions():
        yield action.text()
        menu = action.menu()
        assert menu is not None
        yield from (a.text() for a in menu.actions() if not a.isSeparator())
    yield from (a.text() for a in window.tray.menu.actions() if not a.isSeparator())


def _screens(window: MainWindow, qtbot: QtBot) -> Iterator[str]:
    for index, screen in enumerate(SCREENS):
        if screen.name not in TRANSLATED:
            continue
        window.show_tab(index)
        if screen.name == "today":
            window.today.details_toggle.setChecked(True)
        qtbot.wait(1)
        yield screen.name


def test_the_pseudo_locale_reaches_every_text_of_every_translated_screen(
        pseudo_locale: None, window_journal: Journal, qtbot: QtBot) -> None:
    window = open_window(qtbot, window_journal)
    window.resize(1400, 1000)
    walked, untranslated = [], []
    for name in _screens(window, qtbot):
        page = window.tabs.currentWidget()
        texts = [t for _, t in _shown_texts(page) if _needs_words(t)]
        assert texts, name
        untranslated += [(name, t) for t in texts if "⟦" not in t]
        walked.append(name)
    menus = list(_menu_texts(window))
    assert len(menus) > 30
    assert [t for t in menus if "⟦" not in t] == []
    assert all(t.startswith("⟦") for t in
               (window.tabs.tabText(i) for i in range(window.tabs.count())))
    assert walked == list(TRANSLATED)
    assert untranslated == [], "\n".join(map(str, untranslated))


def test_no_label_or_button_is_cut_off_in_the_pseudo_locale(
        pseudo_locale: None, window_journal: Journal, qtbot: QtBot) -> None:
    window = open_window(qtbot, window_journal)
    window.resize(1400, 1000)
    cut = []
    for name in _screens(window, qtbot):
        for widget, text in _shown_texts(window.tabs.currentWidget()):
            wraps = isinstance(widget, QLabel) and widget.wordWrap()
            if "⟦" in text and not wraps and isinstance(widget, (QLabel, QAbstractButton)) \
                    and widget.sizeHint().width() > widget.width():
                cut.append((name, text, widget.sizeHint().width(), widget.width()))
    assert cut == []


def test_each_language_keeps_every_screen_free_of_mnemonic_clashes(
        language: str, window_journal: Journal, qtbot: QtBot) -> None:
    window = open_window(qtbot, window_journal)
    assert window.menuBar().actions()[0].text() == {"de": "&Datei", "es": "&Archivo"}[language]
    for name in _screens(window, qtbot):
        assert mnemonic_clashes(window) == {}, name


def test_plural_forms_follow_the_count_in_english_and_german(qapp: object) -> None:
    tr = translation.translator("Today")
    assert tr("Today so far: %n mood entry(s).", n=1) == "Today so far: 1 mood entry."
    assert tr("Today so far: %n mood entry(s).", n=3) == "Today so far: 3 mood entries."
    translation.install("de")
    try:
        assert tr("Today so far: %n mood entry(s).", n=1) == "Heute bisher: 1 Stimmungseintrag."
        assert tr("Today so far: %n mood entry(s).", n=2) == "Heute bisher: 2 Stimmungseinträge."
        # Qt's own buttons speak German too (qtbase_de).
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    finally:
        translation.install("en")


@pytest.mark.parametrize(("choice", "system", "expected"), [
    ("system", "de_AT", "de"), ("system", "fr_FR", "en"), ("system", None, "en"),
    ("es", "de_DE", "es"), ("en", "de_DE", "en"),
])
def test_the_language_follows_the_choice_then_the_system(
        choice: str, system: str | None, expected: str) -> None:
    from ketajournal.language import choose
    assert choose(choice, {}, system) == expected


def test_a_missing_catalogue_leaves_the_source_text(qapp: object, tmp_path: Path) -> None:
    translation.install_files([tmp_path / "absent.qm"])
    try:
        assert translation.translator("Today")("Due") == "Due"
    finally:
        translation.install("en")


def test_the_journal_setting_switches_the_language_and_system_keeps_the_start_one(
        qapp: object) -> None:
    tr = translation.translator("Menus")
    translation.follow_setting("system")
    assert tr("&File") == "&File"
    translation.follow_setting("de")
    try:
        assert tr("&File") == "&Datei"
        assert QLocale().language() == QLocale.Language.German
        # The core's texts the window shows (gettext) follow the same choice.
        from ketajournal.language import current, gettext
        assert current() == "de" and gettext("Side effects") == "Nebenwirkungen"
    finally:
        translation.install("en")
        QLocale.setDefault(QLocale.c())


def test_the_start_language_comes_from_the_variable_before_the_system(qapp: object) -> None:
    assert translation.start_language({"KETAJOURNAL_LANGUAGE": "es"}) == "es"
    assert translation.start_language({}) == "en"  # the tests' C locale


def test_the_pseudo_locale_reaches_the_frame_and_the_sync_section(
        pseudo_locale: None, window_journal: Journal, qtbot: QtBot) -> None:
    window = open_window(qtbot, window_journal)
    assert window.statusBar().currentMessage().startswith("⟦")
    assert window.opening_page.text().startswith("⟦")
    section = SyncSection(window.open_controller)
    qtbot.addWidget(section)
    section.show()
    texts = [t for _, t in _shown_texts(section) if _needs_words(t)]
    assert len(texts) >= 4
    assert [t for t in texts if "⟦" not in t] == []
    assert section.status.accessibleName().startswith("⟦")


def test_the_pseudo_locale_reaches_the_computers_list_and_the_removal_dialog(
        pseudo_locale: None, window_journal: Journal, qtbot: QtBot, tmp_path: Path) -> None:
    from ketajournal.services import sync
    folder = tmp_path / "sync-folder"
    folder.mkdir()
    sync.setup(window_journal, folder)
    sync.sync_now(window_journal)
    window = open_window(qtbot, window_journal)
    section = SyncSection(window.open_controller)
    qtbot.addWidget(section)
    section.show()
    computers = section.computers
    assert computers.isVisibleTo(section) and computers.list.count() == 1
    texts = [t for _, t in _shown_texts(computers) if _needs_words(t)]
    texts.append(computers.list.item(0).text().split(") — ", 1)[1])  # after name and id
    assert len(texts) >= 3 and [t for t in texts if "⟦" not in t] == []
    dialog = RemoveComputerDialog(window.open_controller, computers.devices[0], section)
    dialog.show()
    texts = [t for _, t in _shown_texts(dialog) if _needs_words(t) and t != "Cancel"]  # Qt's
    assert len(texts) == 3, texts
    assert [t for t in texts if "⟦" not in t] == []
    assert dialog.windowTitle().startswith("⟦")
    dialog.close()


def test_the_frame_speaks_the_journal_language_once_it_is_unlocked(
        window: MainWindow, qtbot: QtBot) -> None:
    """The system speaks English and the journal's setting says German: the menus, built
    before unlocking, follow it (a LanguageChange) as the screens do."""
    assert window.menuBar().actions()[0].text() == "&File"
    Settings(window.open_controller.journal).set("ui.language", "de")
    window.lock()
    assert window.statusBar().currentMessage() == "Locked."
    try:
        window.try_unlock("")
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&Datei")
        assert [a.text() for a in window.menuBar().actions()] == [
            "&Datei", "&Bearbeiten", "&Erfassen", "&Ansicht", "&Hilfe"]
        assert window.menus.lock_action.text() == "Sp&erren"
        assert window.menus.crisis_action.text() == "&Krisenhilfe…"
        view = window.menuBar().actions()[3].menu()
        assert view is not None and view.actions()[1].text() == "Verlauf"
        assert window.tray.quit_action.text() == "Beenden"
        assert window.statusBar().currentMessage() == "Entsperrt."
        assert window.tabs is not None and window.tabs.tabText(0) == "He&ute"
    finally:
        translation.install("en")
        QLocale.setDefault(QLocale.c())
    # Back to English (as a setting changed back would): the frame follows again.
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
    assert window.statusBar().currentMessage() == "Unlocked."


def test_the_status_line_writes_its_message_again_in_the_new_language(
        window: MainWindow, qtbot: QtBot) -> None:
    window.status_line.show(texts_module.SAVED_SUMMARY, summary="PHQ-9 4")
    assert window.statusBar().currentMessage() == "Saved: PHQ-9 4."
    translation.install("de")
    try:
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Gespeichert: PHQ-9 4.")
        window.statusBar().showMessage("from elsewhere")
        translation.install("es")
        qtbot.wait(10)
        assert window.statusBar().currentMessage() == "from elsewhere"  # not ours: left alone
    finally:
        translation.install("en")


def test_each_language_keeps_the_forms_free_of_mnemonic_clashes(
        language: str, window_journal: Journal, qtbot: QtBot) -> None:
    from ketajournal.ui.import_dialog import AppImportDialog
    from ketajournal.ui.plan import PlannedSessionDialog, TemplateDialog

    window = open_window(qtbot, window_journal)
    controller = window.open_controller
    forms: list[QWidget] = [
        *(window.dialog_for(kind) for kind in ("mood", "session", "side_effect", "event")),
        TemplateDialog(controller, window), PlannedSessionDialog(controller, window),
        AppImportDialog(controller, window), SyncSection(controller),
    ]
    clashes = {}
    for form in forms:
        qtbot.addWidget(form)
        form.show()
        qtbot.wait(1)
        if found := mnemonic_clashes(form):
            clashes[type(form).__name__] = found
        form.close()
    assert clashes == {}


@pytest.fixture(params=["de", "es"])
def spoken(request: pytest.FixtureRequest) -> Iterator[str]:
    """The window and the core in German or Spanish (as Settings' choice applies it)."""
    translation.use(request.param)
    yield request.param
    translation.use("en")
    QLocale.setDefault(QLocale.c())
    locales.use(None)


def test_the_core_labels_bands_definitions_and_dates_show_in_the_window_language(
        spoken: str, journal: Journal, qtbot: QtBot) -> None:
    from ketajournal.domain.instruments import INSTRUMENTS
    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.trends import TrendsView
    from ketajournal.ui.year import month_letters
    words = {"de": ("Intravenöse Infusion", "5–9 leicht", "3. Dez.", "J"),
             "es": ("Infusión intravenosa", "5–9 leve", "3 dic", "E")}[spoken]
    assert translation.core(Route.IV.label) == words[0]
    assert Route.IV.label == "IV infusion"  # the data stay English
    mild = INSTRUMENTS["phq9"].bands[1]
    assert translation.band_text(mild) == words[1]
    assert words[2] in format_date(date(2026, 12, 3))
    assert month_letters()[0] == words[3]
    view = TrendsView(JournalController(journal))
    qtbot.addWidget(view)
    assert words[1] in view.definition.text()
    assert core_language.gettext(SEVEN_DAY_MEAN_DEFINITION) in view.definition.text()
