"""The translation sources hold exactly the code's texts, and their compiled catalogues
are current; the extraction sees plurals, and a change anywhere is reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from resources import catalogue
from tests.support.paths import ROOT


def test_the_catalogues_are_in_step_with_the_code_and_compiled() -> None:
    assert catalogue.stale() == [], "run: .venv/bin/python -m resources.build"


def test_every_german_text_is_translated_and_keeps_its_placeholders() -> None:
    german = catalogue.read(ROOT / catalogue.ts_path("de"))
    for message in catalogue.extract():
        forms = german.get((message.context, message.source))
        assert forms, message
        for form in forms:
            for placeholder in ("{", "}", "%n"):
                assert form.count(placeholder) == message.source.count(placeholder), message


def test_english_gives_every_plural_its_two_forms() -> None:
    english = catalogue.read(ROOT / catalogue.ts_path("en"))
    plurals = [m for m in catalogue.extract() if m.numerus]
    assert plurals
    assert all(len(english[(m.context, m.source)]) == 2 for m in plurals)


def test_the_extraction_reads_tr_calls_plurals_and_marked_constants(tmp_path: Path) -> None:
    module = tmp_path / "ketajournal" / "view.py"
    module.parent.mkdir()
    module.write_text(
        'tr = translator("View")\n'
        'A = noop("View", "Marked")\n'
        'def f(n): return tr("Plain"), tr("%n day(s)", n=n)\n',
        encoding="utf-8",
    )
    assert catalogue.extract(tmp_path) == [
        catalogue.Message("View", "%n day(s)", True),
        catalogue.Message("View", "Marked", False),
        catalogue.Message("View", "Plain", False),
    ]


def test_a_tr_of_a_computed_text_is_refused(tmp_path: Path) -> None:
    module = tmp_path / "view.py"
    module.write_text('tr = translator("View")\nx = tr(f"{1} day")\n', encoding="utf-8")
    with pytest.raises(ValueError, match="literal"):
        catalogue.extract_file(module)


def test_a_new_text_in_the_code_or_an_edited_source_is_reported(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "ketajournal", tmp_path / "ketajournal",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / catalogue.SOURCES, tmp_path / catalogue.SOURCES)
    assert catalogue.stale(tmp_path) == []
    view = tmp_path / "ketajournal/ui/year.py"
    view.write_text(view.read_text(encoding="utf-8") + '\nNEW = tr("A new text")\n',
                    encoding="utf-8")
    assert catalogue.stale(tmp_path) == [
        f"{catalogue.ts_path(lang)} is not in step with the code" for lang in ("de", "es")
    ]
    catalogue.update(tmp_path)
    assert any("changed since it was compiled" in p for p in catalogue.stale(tmp_path))


def test_the_pseudo_translation_brackets_lengthens_and_keeps_placeholders() -> None:
    text = catalogue.pseudo("Saved at {time}.")
    assert text.startswith("⟦Saved at {time}.") and text.endswith("⟧")
    assert len(text) >= len("Saved at {time}.") * 1.3
