"""Keep the core's gettext catalogues in step with the code, and compile them for the package.

The core (everything without Qt: the PDF, the CLI, the sentences of ``domain`` and
``services``) speaks through :mod:`ketajournal.language`. :func:`extract` reads every
``_("…")`` / ``gettext``, ``ngettext``, ``pgettext``, ``npgettext`` and ``N_`` call of
``ketajournal`` with Babel's Python extractor into the template
``resources/translations/ketajournal-core.pot``; :func:`update` merges it into each
``ketajournal-core_<lang>.po`` (new texts untranslated, translations kept, texts the code
no longer says dropped), and :func:`compile_all` writes
``ketajournal/assets/translations/ketajournal-core_<lang>.mo`` with Babel's ``mofile``
(no ``msgfmt`` needed). No file records line numbers or dates, so moving a text within
a module changes nothing; ``stale`` fails when a file is behind the code.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SOURCES = Path("resources/translations")
COMPILED = Path("ketajournal/assets/translations")
DOMAIN = "ketajournal-core"
#: The languages with a catalogue (English is the code's own text).
LANGUAGES = ("de", "es")
#: gettext's keywords (Babel's defaults, without the ones we do not use).
KEYWORDS: dict[str, tuple[int | tuple[int, str], ...] | None] = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
    "NP_": ((1, "c"), 2),
}
#: Fixed dates in the headers, so a file changes only when its texts do.
FIXED = datetime(2026, 1, 1, tzinfo=UTC)
PLURALS = "nplurals=2; plural=(n != 1);"


def pot_path() -> Path:
    """The template, relative to the repository root."""
    return SOURCES / f"{DOMAIN}.pot"


def po_path(language: str) -> Path:
    """The source catalogue of ``language``, relative to the repository root."""
    return SOURCES / f"{DOMAIN}_{language}.po"


def mo_path(language: str) -> Path:
    """The compiled catalogue of ``language``, relative to the repository root."""
    return COMPILED / f"{DOMAIN}_{language}.mo"


def _new(locale: str | None) -> Catalog:
    return Catalog(locale=locale, domain=DOMAIN, project="ketajournal",
                   creation_date=FIXED, revision_date=FIXED, fuzzy=False,
                   msgid_bugs_address="", copyright_holder="ketajournal",
                   language_team=locale or "", last_translator="ketajournal")


def extract(root: Path = ROOT) -> Catalog:
    """Every translatable text of the package, as a template."""
    template = _new(None)
    found = extract_from_dir(
        str(root / "ketajournal"), method_map=[("**.py", "python")], keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",), strip_comment_tags=True,
    )
    for _file, _line, message, comments, context in found:
        template.add(message, None, auto_comments=comments, context=context)
    return template


def _text(catalog: Catalog) -> str:
    out = io.BytesIO()
    write_po(out, catalog, width=96, no_location=True, omit_header=False, sort_output=True)
    return out.getvalue().decode("utf-8")


def _read(path: Path, locale: str | None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def merged(language: str, template: Catalog, root: Path = ROOT) -> Catalog:
    """The catalogue of ``language`` holding exactly ``template``'s texts, with its
    translations kept (a text the code no longer says is dropped, never kept as
    obsolete)."""
    path = root / po_path(language)
    known = _read(path, language) if path.exists() else _new(language)
    catalog = _new(language)
    for message in template:
        if not message.id:
            continue
        old = known.get(message.id, message.context)
        string = old.string if old is not None else ("", "") if message.pluralizable else ""
        catalog.add(message.id, string, auto_comments=message.auto_comments,
                    user_comments=old.user_comments if old is not None else (),
                    context=message.context)
    return catalog


def _rendered(root: Path = ROOT) -> dict[Path, str]:
    template = extract(root)
    files = {pot_path(): _text(template)}
    for language in LANGUAGES:
        files[po_path(language)] = _text(merged(language, template, root))
    return files


def update(root: Path = ROOT) -> list[Path]:
    """Write the template and merge it into every ``.po``; returns the files written."""
    written = []
    for relative, text in _rendered(root).items():
        path = root / relative
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def compiled(language: str, root: Path = ROOT,
             transform: Callable[[str], str] | None = None) -> bytes:
    """The ``.mo`` bytes of ``language``'s ``.po`` (``transform``: every text replaced by
    ``transform(source)``, the pseudo-locale's way)."""
    catalog = _read(root / po_path(language), language)
    if transform is not None:
        for message in catalog:
            if not message.id:
                continue
            if message.pluralizable:
                message.string = tuple(transform(form) for form in message.id)
            else:
                message.string = transform(str(message.id))
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def compile_all(root: Path = ROOT) -> list[Path]:
    """Compile every ``.po`` into the package; returns the ``.mo`` paths."""
    targets = []
    for language in LANGUAGES:
        target = root / mo_path(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(compiled(language, root))
        targets.append(mo_path(language))
    return targets


def build(root: Path = ROOT) -> list[Path]:
    """Extract, merge and compile: the template, the ``.po`` and ``.mo`` files written."""
    update(root)
    return [pot_path(), *(po_path(lang) for lang in LANGUAGES), *compile_all(root)]


def stale(root: Path = ROOT) -> list[str]:
    """What is out of date: a ``.pot``/``.po`` behind the code, a ``.mo`` behind its ``.po``."""
    problems = []
    for relative, text in _rendered(root).items():
        path = root / relative
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            problems.append(f"{relative.as_posix()} is not in step with the code")
    for language in LANGUAGES:
        target = root / mo_path(language)
        if not target.exists():
            problems.append(f"{mo_path(language).as_posix()} is missing")
        elif (root / po_path(language)).exists() and \
                target.read_bytes() != compiled(language, root):
            problems.append(f"{mo_path(language).as_posix()} differs from its .po")
    return problems


def untranslated(language: str, root: Path = ROOT) -> list[str]:
    """The texts ``language``'s ``.po`` leaves untranslated (empty when complete)."""
    missing = []
    for message in _read(root / po_path(language), language):
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(forms):
            missing.append(str(message.id if isinstance(message.id, str) else message.id[0]))
    return missing


#: Pseudo-localisation lengthens every text by this much: German runs about 30 % longer.
PSEUDO_GROWTH = 0.3


def pseudo(text: str) -> str:
    """``text`` in guillemets, lengthened by :data:`PSEUDO_GROWTH`, placeholders kept:
    ``Summary: {period}`` → ``«Summary: {period}·····»``. (Not the window's ``⟦…⟧``:
    the PDF's fonts have guillemets and the middle dot, so a text read back keeps them.)"""
    return f"«{text}{'·' * max(1, round(len(text) * PSEUDO_GROWTH))}»"


def install_pseudo(root: Path = ROOT) -> None:
    """Speak the pseudo-locale (every text of the German catalogue's sources through
    :func:`pseudo`) until the next ``ketajournal.language.use``."""
    import gettext

    from ketajournal import language

    mo = compiled("de", root, transform=pseudo)
    language.install("de", gettext.GNUTranslations(io.BytesIO(mo)))
