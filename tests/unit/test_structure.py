"""The shape of the package, checked: every subpackage on a floor, no import cycles, no
private names imported across modules."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import grimp

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
