"""The dialogs speak the installed catalogue: with a pseudo-locale every text of Settings,
Security, the secret prompt, the recovery key, the lock screen, the welcome page, Join,
the crisis window and the questionnaire's own words is transformed and none is cut off;
in English, German and Spanish no two of a dialog's mnemonics share a key. (The screens:
tests/gui/test_translation.py.)"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ketajournal import translation
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import KIND_LABELS, Assessment
from ketajournal.platform.crypto import new_recovery_code
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.services.journal import Journal
from ketajournal.ui import controller as controller_module
from ketajournal.ui.controller import JournalController
from ketajournal.ui.join import JoinDialog, WelcomePage
from ketajournal.ui.keyboard import mnemonic_clashes
from ketajournal.ui.lock import LockScreen
from ketajournal.ui.questionnaire import CrisisDialog, QuestionnaireDialog, answers_box
from ketajournal.ui.recovery import RecoveryKeyDialog
from ketajournal.ui.security import SecretDialog, SecurityDialog
from ketajournal.ui.settings_dialog import LANGUAGE_NAMES, SettingsDialog
from resources import catalogue

PHQ9 = INSTRUMENTS["phq9"]
#: What stays in the instrument's validated English (and the code shown as it is).
ENGLISH = frozenset(
    {PHQ9.title, PHQ9.recall, PHQ9.licence}
    | {f"{item.number}. {item.text}" for item in PHQ9.items}
    | {f"{option.value}  {option.label}" for option in PHQ9.options}
    | {f"{option.value}  {option.label}" for option in (PHQ9.extra.options if PHQ9.extra else ())}
)
#: A recovery key as it is shown: groups of four letters and digits.
CODE = re.compile(r"[0-9A-Z]{4}(-[0-9A-Z]{4})+")
#: The languages are named each in itself, whatever the window speaks.
LANGUAGE_SELF_NAMES = frozenset(name for _, name in LANGUAGE_NAMES if name)


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


@pytest.fixture(params=["en", "de", "es"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    translation.install(request.param)
    yield request.param
    translation.install("en")
    QLocale.setDefault(QLocale.c())


def _no_join(folder: Path, secret: str) -> Journal:
    raise AssertionError("not joined in these tests")


def _settings(journal: Journal) -> QWidget:
    dialog = SettingsDialog(JournalController(journal), keys=KeyringKeyStore())
    dialog.language.setCurrentIndex(dialog.language.findData("de"))  # shows when it applies
    return dialog


def _security(journal: Journal) -> QWidget:
    dialog = SecurityDialog(JournalController(journal), KeyringKeyStore())
    dialog.new_passphrase.setText("short")  # "At least … characters"
    return dialog


def _recovery(journal: Journal) -> QWidget:
    dialog = RecoveryKeyDialog(new_recovery_code())
    for edit in dialog.typed.values():
        edit.setText("ZZZZ-0000")  # "That does not match the key above."
    return dialog


def _locked(journal: Journal) -> QWidget:
    screen = LockScreen()
    screen.ask_for_secret(True)
    screen.failed("x")  # "… You can try again in 1 second."
    return screen


def _join(journal: Journal) -> QWidget:
    dialog = JoinDialog(_no_join, choose_folder=lambda parent: "")
    dialog.start_join()  # "Choose the sync folder first."
    return dialog


def _questionnaire(journal: Journal) -> QWidget:
    dialog = QuestionnaireDialog(JournalController(journal), PHQ9)
    dialog.accept()  # "Please answer questions 1, 2, …"
    return dialog


#: Each dialog (or page) as the test opens it, showing its messages too.
DIALOGS: dict[str, Callable[[Journal], QWidget]] = {
    "settings": _settings,
    "security": _security,
    "secret": lambda journal: SecretDialog("x"),
    "recovery": _recovery,
    "unlock": lambda journal: LockScreen(),
    "locked": _locked,
    "welcome": lambda journal: WelcomePage(),
    "join": _join,
    "questionnaire": _questionnaire,
    "crisis": lambda journal: CrisisDialog("x"),  # the resources are the core's text
}


def _qt_own(widget: QWidget) -> bool:
    """A standard button (Save, Cancel, Close): Qt's own catalogue translates it."""
    box = widget.parent()
    return (isinstance(box, QDialogButtonBox) and isinstance(widget, QAbstractButton)
            and box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton)


def _shown_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """Every text a reader sees in ``root``: labels, buttons, group titles (ours, not
    Qt's standard buttons)."""
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or _qt_own(widget):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield widget, widget.text()
        elif isinstance(widget, QGroupBox):
            yield widget, widget.title()


def _needs_words(text: str) -> bool:
    """A text with words of the window in it (not the instrument's, a code or a name)."""
    return (text not in ENGLISH and text not in LANGUAGE_SELF_NAMES and text != "x"
            and not CODE.fullmatch(text) and sum(c.isalpha() for c in text) >= 2)


def _open(name: str, journal: Journal, qtbot: QtBot) -> QWidget:
    widget = DIALOGS[name](journal)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_pseudo_locale_reaches_every_text_of_every_dialog(
        name: str, pseudo_locale: None, journal: Journal, qtbot: QtBot) -> None:
    widget = _open(name, journal, qtbot)
    texts = [text for _, text in _shown_texts(widget) if _needs_words(text)]
    if name not in ("unlock", "locked", "welcome") and _needs_words(widget.windowTitle()):
        texts.append(widget.windowTitle())
    assert texts, name
    untranslated = [text for text in texts if "⟦" not in text]
    assert untranslated == [], "\n".join(untranslated)


@pytest.mark.parametrize("name", list(DIALOGS))
def test_no_label_or_button_of_a_dialog_is_cut_off_in_the_pseudo_locale(
        name: str, pseudo_locale: None, journal: Journal, qtbot: QtBot) -> None:
    widget = _open(name, journal, qtbot)
    cut = [
        (text, shown.sizeHint().width(), shown.width())
        for shown, text in _shown_texts(widget)
        if "⟦" in text and isinstance(shown, (QLabel, QAbstractButton))
        and not (isinstance(shown, QLabel) and shown.wordWrap())
        and shown.sizeHint().width() > shown.width()
    ]
    assert cut == []
    squeezed = [
        (text, shown.heightForWidth(shown.width()), shown.height())
        for shown, text in _shown_texts(widget)
        if "⟦" in text and isinstance(shown, QLabel) and shown.wordWrap()
        and shown.heightForWidth(shown.width()) > shown.height()
    ]
    assert squeezed == []  # a wrapped text given fewer lines than it needs


@pytest.mark.parametrize("name", list(DIALOGS))
def test_each_language_keeps_every_dialog_free_of_mnemonic_clashes(
        name: str, language: str, journal: Journal, qtbot: QtBot) -> None:
    widget = _open(name, journal, qtbot)
    assert mnemonic_clashes(widget) == {}


def test_the_questionnaire_says_it_stays_in_english_only_in_another_language(
        journal: Journal, qtbot: QtBot) -> None:
    english = QuestionnaireDialog(JournalController(journal), PHQ9)
    qtbot.addWidget(english)
    assert not english.english.isVisibleTo(english)
    translation.install("de")
    try:
        german = QuestionnaireDialog(JournalController(journal), PHQ9)
        qtbot.addWidget(german)
        assert german.english.isVisibleTo(german)
        assert german.english.text() == ("Der Fragebogen wird auf Englisch gezeigt, in seiner "
                                         "validierten Fassung.")
        # The validated items and answers stay as they are.
        assert german.questions[0].buttons[0].text() == f"0  {PHQ9.options[0].label}"
        assert german.error.text() == ""
        german.accept()
        assert german.error.text().startswith("Bitte beantworten Sie die Fragen 1, 2")
    finally:
        translation.install("en")


def test_the_answers_box_speaks_the_window_language(journal: Journal, qtbot: QtBot) -> None:
    saved, _ = journal.log(Assessment(at=journal.now() - timedelta(hours=1),
                                      instrument_id="phq9", answers=(1,) * 9))
    assert isinstance(saved, Assessment)
    translation.install("es")
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        box = answers_box(saved, parent)
        assert isinstance(box, QMessageBox)
        assert box.informativeText().startswith("Para corregirlo, elimínelo en la Cronología")
        box.close()
    finally:
        translation.install("en")


def test_plurals_of_the_dialogs_follow_the_count(journal: Journal, qtbot: QtBot) -> None:
    screen = LockScreen()
    qtbot.addWidget(screen)
    screen.failed("Wrong passphrase.")
    assert screen.error.text().endswith("You can try again in 1 second.")
    screen.failed("Wrong passphrase.")
    assert screen.error.text().endswith("You can try again in 2 seconds.")
    translation.install("de")
    try:
        screen.failed("Falsch.")
        assert screen.error.text() == "Falsch.\nSie können es in 4 Sekunden erneut versuchen."
    finally:
        translation.install("en")


def test_every_kind_of_entry_has_its_undo_names_in_every_language(qapp: object) -> None:
    for verb, names in controller_module.UNDO_TEXTS.items():
        assert set(names) == set(KIND_LABELS), verb
    translation.install("de")
    try:
        assert translation.translate("Controller", "Log side effect") == "Nebenwirkung erfassen"
    finally:
        translation.install("en")
