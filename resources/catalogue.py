"""Keep the translation sources in step with the code, and compile them for the package.

The sources are Qt Linguist files, ``resources/translations/ketajournal_<lang>.ts``.
:func:`extract` reads every ``tr("…")`` call of ``ketajournal`` (the ``tr`` made by
``ketajournal.translation.translator("Context")``; ``n=`` marks a plural), and every
``noop("Context", "…")`` that marks a constant translated where it is shown, with
Python's own parser; :func:`update` merges them into each ``.ts`` — new texts
unfinished, translations kept, texts the code no longer says dropped. We do this
rather than ``pyside6-lupdate`` because lupdate's Python reader drops the plural mark,
and a plural without it cannot be translated. ``pyside6-lrelease`` then compiles each
``.ts`` into ``ketajournal/assets/translations/ketajournal_<lang>.qm``
(:func:`compile_all`), driven by ``python -m resources.build``.
"""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = Path("resources/translations")
COMPILED = Path("ketajournal/assets/translations")
#: The languages with a catalogue; English holds only the plural forms.
LANGUAGES = ("en", "de", "es")


@dataclass(frozen=True, order=True)
class Message:
    """One translatable text: its context, source text and whether it has plural forms."""

    context: str
    source: str
    numerus: bool


def ts_path(language: str) -> Path:
    """The source catalogue of ``language``, relative to the repository root."""
    return SOURCES / f"ketajournal_{language}.ts"


def qm_path(language: str) -> Path:
    """The compiled catalogue of ``language``, relative to the repository root."""
    return COMPILED / f"ketajournal_{language}.qm"


def _contexts(tree: ast.Module) -> dict[str, str]:
    """Module-level ``name = translator("Context")`` assignments: name → context."""
    found: dict[str, str] = {}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name)
                and node.value.func.id == "translator"
                and node.value.args and isinstance(node.value.args[0], ast.Constant)):
            found[node.targets[0].id] = str(node.value.args[0].value)
    return found


def extract_file(path: Path) -> list[Message]:
    """Every ``tr("literal")`` of one module, in order of appearance."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    contexts = _contexts(tree)
    messages = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "noop" and len(node.args) == 2
                and all(isinstance(a, ast.Constant) for a in node.args)):
            context, text = (str(a.value) for a in node.args)  # type: ignore[attr-defined]
            messages.append(Message(context, text, False))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in contexts):
            if not node.args or not isinstance(node.args[0], ast.Constant) \
                    or not isinstance(node.args[0].value, str):
                raise ValueError(f"{path}:{node.lineno}: tr() needs a literal text")
            numerus = len(node.args) > 1 or any(k.arg == "n" for k in node.keywords)
            messages.append(Message(contexts[node.func.id], node.args[0].value, numerus))
    return messages


def extract(root: Path = ROOT) -> list[Message]:
    """Every translatable text of the package, once each, sorted."""
    found: set[Message] = set()
    for path in sorted((root / "ketajournal").rglob("*.py")):
        found.update(extract_file(path))
    return sorted(found)


def read(path: Path) -> dict[tuple[str, str], list[str]]:
    """The translations of a ``.ts``: (context, source) → forms (one, or one per plural)."""
    if not path.exists():
        return {}
    result: dict[tuple[str, str], list[str]] = {}
    # our own sources, in the repository: not untrusted input
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                  "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            result[(name, message.findtext("source", ""))] = forms or [translation.text or ""]
    return result


def render(language: str, messages: list[Message],
           translations: dict[tuple[str, str], list[str]]) -> str:
    """The ``.ts`` text of ``language`` for ``messages``, with the known translations."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    contexts: dict[str, ET.Element] = {}
    for message in messages:
        if language == "en" and not message.numerus:
            continue  # the source is the English text; only plurals need forms
        if message.context not in contexts:
            contexts[message.context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[message.context], "name").text = message.context
        node = ET.SubElement(contexts[message.context], "message")
        if message.numerus:
            node.set("numerus", "yes")
        ET.SubElement(node, "source").text = message.source
        forms = translations.get((message.context, message.source), [])
        translation = ET.SubElement(node, "translation")
        if not forms:
            translation.set("type", "unfinished")
        if message.numerus:
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        elif forms:
            translation.text = forms[0]
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n'


def update(root: Path = ROOT) -> list[Path]:
    """Merge the code's texts into every ``.ts``; returns the files written."""
    messages = extract(root)
    written = []
    for language in LANGUAGES:
        path = root / ts_path(language)
        text = render(language, messages, read(path))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def out_of_step(root: Path = ROOT) -> list[str]:
    """The ``.ts`` files that do not hold exactly the code's texts; empty when in step."""
    messages = extract(root)
    problems = []
    for language in LANGUAGES:
        path = root / ts_path(language)
        if not path.exists() or path.read_text(encoding="utf-8") != render(
                language, messages, read(path)):
            problems.append(f"{ts_path(language)} is not in step with the code")
    return problems


def lrelease() -> str:
    """The path of ``pyside6-lrelease`` (beside this Python, or on PATH)."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if found is None:
        raise FileNotFoundError("pyside6-lrelease is not installed (pip install PySide6)")
    return found


def compile_file(source: Path, target: Path) -> None:
    """Compile one ``.ts`` into ``target`` with ``pyside6-lrelease``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([lrelease(), "-silent", "-nounfinished", str(source), "-qm", str(target)],
                   check=True)


def compile_all(root: Path = ROOT) -> list[Path]:
    """Compile every language's ``.ts`` into the package; returns the ``.qm`` paths."""
    targets = []
    for language in LANGUAGES:
        compile_file(ROOT / ts_path(language), root / qm_path(language))
        targets.append(qm_path(language))
    return targets


MANIFEST = SOURCES / "manifest.json"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(root: Path = ROOT) -> list[Path]:
    """Update the ``.ts`` from the code, compile them, record both in the manifest."""
    update(root)
    compiled = compile_all(root)
    manifest = {
        "sources": {ts_path(lang).as_posix(): _sha256(root / ts_path(lang))
                    for lang in LANGUAGES},
        "compiled": {path.as_posix(): _sha256(root / path) for path in compiled},
    }
    (root / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return compiled


def stale(root: Path = ROOT) -> list[str]:
    """What is out of date: a ``.ts`` behind the code, or a ``.qm`` behind its ``.ts``."""
    problems = out_of_step(root)
    manifest_file = root / MANIFEST
    if not manifest_file.exists():
        return [*problems, f"{MANIFEST} is missing"]
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    for language in LANGUAGES:
        source, target = ts_path(language).as_posix(), qm_path(language).as_posix()
        if manifest["sources"].get(source) != _sha256(root / source):
            problems.append(f"{source} changed since it was compiled")
        if not (root / target).exists():
            problems.append(f"{target} is missing")
        elif manifest["compiled"].get(target) != _sha256(root / target):
            problems.append(f"{target} differs from the one its source compiled to")
    return problems


#: Pseudo-localisation lengthens every text by this much: German runs about 30 % longer.
PSEUDO_GROWTH = 0.3


def pseudo(text: str) -> str:
    """``text`` bracketed and lengthened by :data:`PSEUDO_GROWTH`, placeholders kept.

    ``Save at {time}.`` → ``⟦Save at {time}.···⟧``: a screen showing a text without the
    brackets did not translate it; a text cut off shows no closing bracket.
    """
    return f"⟦{text}{'·' * max(1, round(len(text) * PSEUDO_GROWTH))}⟧"


def render_pseudo(messages: list[Message]) -> str:
    """A ``.ts`` translating every message by :func:`pseudo` (two plural forms)."""
    translations = {(m.context, m.source): [pseudo(m.source)] * (2 if m.numerus else 1)
                    for m in messages}
    return render("de", messages, translations)
