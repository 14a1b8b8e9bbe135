"""The core's gettext catalogues hold exactly the code's texts, every German and Spanish
text is translated with its placeholders, and the compiled .mo files are current."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from resources import core_catalogue
from tests.support.paths import ROOT

PLACEHOLDER = re.compile(r"\{\w*\}")


def test_the_catalogues_are_in_step_with_the_code_and_compiled() -> None:
    assert core_catalogue.stale() == [], "run: .venv/bin/python -m resources.build"


@pytest.mark.parametrize("lang", core_catalogue.LANGUAGES)
def test_every_text_is_translated_and_keeps_its_placeholders(lang: str) -> None:
    assert core_catalogue.untranslated(lang) == []
    with (ROOT / core_catalogue.po_path(lang)).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    checked = 0
    for message in catalog:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        allowed = {p for source in sources for p in PLACEHOLDER.findall(source)}
        for form in forms:
            # No placeholder the code does not fill (a KeyError), none of the plural's lost.
            assert set(PLACEHOLDER.findall(form)) <= allowed, message.id
        assert set(PLACEHOLDER.findall(forms[-1])) == set(PLACEHOLDER.findall(sources[-1])), \
            message.id
        checked += 1
    assert checked > 300


def test_a_new_text_in_the_code_or_an_edited_po_is_reported(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "ketajournal", tmp_path / "ketajournal",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / core_catalogue.SOURCES, tmp_path / core_catalogue.SOURCES)
    assert core_catalogue.stale(tmp_path) == []
    module = tmp_path / "ketajournal/reports/definitions.py"
    module.write_text(module.read_text(encoding="utf-8")
                      + '\nNEW = _("A new sentence")\n', encoding="utf-8")
    assert core_catalogue.stale(tmp_path) == [
        f"{path.as_posix()} is not in step with the code"
        for path in (core_catalogue.pot_path(),
                     *(core_catalogue.po_path(lang) for lang in core_catalogue.LANGUAGES))
    ]
    core_catalogue.update(tmp_path)
    assert core_catalogue.untranslated("de", tmp_path) == ["A new sentence"]
    assert core_catalogue.stale(tmp_path) == []  # untranslated: the .mo leaves it out
    german = tmp_path / core_catalogue.po_path("de")
    untranslated = 'msgid "A new sentence"\nmsgstr ""'
    assert untranslated in german.read_text(encoding="utf-8")
    german.write_text(german.read_text(encoding="utf-8").replace(
        untranslated, 'msgid "A new sentence"\nmsgstr "Ein neuer Satz"'), encoding="utf-8")
    assert core_catalogue.stale(tmp_path) == [
        f"{core_catalogue.mo_path('de').as_posix()} differs from its .po"]
    core_catalogue.compile_all(tmp_path)
    assert core_catalogue.stale(tmp_path) == []


def test_the_extraction_sees_plurals_contexts_and_marks(tmp_path: Path) -> None:
    module = tmp_path / "ketajournal" / "words.py"
    module.parent.mkdir()
    module.write_text(
        'A = N_("Marked")\nB = NP_("severity", "mild")\n'
        'def f(n): return _("Plain"), ngettext("{n} day", "{n} days", n), '
        'pgettext("verdict", "no"), tr("The window\'s, not ours")\n',
        encoding="utf-8",
    )
    found = {(m.context, m.id) for m in core_catalogue.extract(tmp_path) if m.id}
    assert found == {(None, "Marked"), ("severity", "mild"), (None, "Plain"),
                     (None, ("{n} day", "{n} days")), ("verdict", "no")}


def test_the_pseudo_translation_marks_lengthens_and_keeps_placeholders() -> None:
    text = core_catalogue.pseudo("Summary: {period}")
    assert text.startswith("«Summary: {period}") and text.endswith("»")
    assert len(text) >= len("Summary: {period}") * 1.3
