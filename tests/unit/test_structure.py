"""The shape of the package, checked: every subpackage on a floor, no import cycles, no
private names imported across modules."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "ketajournal"
#: Past this many lines a module must say in its docstring why it is one piece.
MAX_LINES = 600
ONE_PIECE = "one piece"


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layers() -> list[set[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c for c in contracts if c["type"] == "layers"]
    return [{part.strip() for part in layer.split("|")} for layer in layers["layers"]]


def test_every_subpackage_and_top_level_module_is_on_a_floor() -> None:
    on_a_floor = set().union(*_layers())
    children = {
        f"ketajournal.{p.stem if p.is_file() else p.name}"
        for p in PACKAGE.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists())
        or (p.suffix == ".py" and p.name != "__init__.py")
    }
    assert children - on_a_floor == set(), "put these on a floor of the layers contract"


def test_no_module_imports_itself_back_through_any_chain() -> None:
    graph = grimp.build_graph("ketajournal", cache_dir=None)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain is not None:
                cycles.append(" -> ".join((module, *chain)))
    assert cycles == []


def test_no_private_name_is_imported_from_another_module() -> None:
    found = []
    everywhere = [*_modules(), *(ROOT / "tests").rglob("*.py"),
                  *(ROOT / "benchmarks").rglob("*.py")]
    for path in everywhere:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ketajournal"):
                private = [a.name for a in node.names
                           if a.name.startswith("_") and not a.name.endswith("__")]
                if private:
                    found.append(f"{path.relative_to(ROOT)}: from {node.module} import {private}")
    assert found == []


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_a_long_module_says_why_it_is_one_piece(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if lines <= MAX_LINES:
        return
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert ONE_PIECE in docstring.lower(), (
        f"{lines} lines: split it by responsibility, or say in its docstring why it is "
        f"{ONE_PIECE}"
    )


KINDS = ("unit", "integration", "gui")


def _needs_tests(path: Path) -> bool:
    """Empty ``__init__`` files, ``__main__`` and the shipped assets need no test file."""
    if path.name == "__main__.py" or "assets" in path.relative_to(PACKAGE).parts:
        return False
    if path.name == "__init__.py":
        body = ast.parse(path.read_text(encoding="utf-8")).body
        return any(not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))
                   for n in body)
    return True


def expected_test_files(path: Path) -> list[Path]:
    """Where the tests of ``ketajournal/<a>/<b>.py`` live: ``tests/<kind>/<a>/test_<b>.py``.

    A package's ``__init__.py`` is tested as the package: ``tests/<kind>/test_<package>.py``
    one folder up (``ketajournal/__init__.py`` itself: ``tests/<kind>/test_ketajournal.py``).
    """
    relative = path.relative_to(PACKAGE)
    if relative.name == "__init__.py":
        relative = relative.parent
        folder, stem = relative.parent, relative.name or PACKAGE.name
    else:
        folder, stem = relative.parent, relative.stem
    return [ROOT / "tests" / kind / folder / f"test_{stem}.py" for kind in KINDS]


@pytest.mark.parametrize("path", [p for p in _modules() if _needs_tests(p)], ids=_name)
def test_every_module_has_a_test_file_where_its_path_says(path: Path) -> None:
    candidates = expected_test_files(path)
    assert any(c.is_file() for c in candidates), (
        "no test file; expected one of: "
        + ", ".join(str(c.relative_to(ROOT)) for c in candidates)
    )
