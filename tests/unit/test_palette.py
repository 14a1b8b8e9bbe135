"""Colours are written once, in ketajournal/palette.py, by what they mean."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import ketajournal
from ketajournal import palette

PACKAGE = Path(ketajournal.__file__).parent
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def test_no_module_but_the_palette_writes_a_colour() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "palette.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HEX_COLOUR.search(line)
    ]
    assert found == []


def test_every_colour_of_the_palette_is_a_hex_colour() -> None:
    values = [v for v in vars(palette.LIGHT).values() if isinstance(v, str)]
    values += list(palette.LIGHT.band_fills)
    values += [v for k, v in vars(palette).items() if k.startswith("PDF_")]
    assert values and all(re.fullmatch(r"#[0-9a-f]{6}", v) for v in values)


def test_the_palette_imports_nothing_of_ketajournal() -> None:
    source = (PACKAGE / "palette.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+ketajournal", source, re.MULTILINE)


@pytest.mark.parametrize("count", [0, 1, 2, 5, 24, 133])
def test_older_cycles_fade_linearly_from_oldest_to_newest(count: int) -> None:
    ramp = palette.age_opacities(count)
    assert len(ramp) == count
    if count > 1:
        expected = np.linspace(palette.ALPHA_OLDEST, palette.ALPHA_NEWEST, count)
        assert ramp == tuple(expected.tolist())
    elif count == 1:
        assert ramp == (palette.ALPHA_NEWEST,)


def test_with_alpha_appends_the_opacity_as_pyqtgraph_reads_it() -> None:
    assert palette.with_alpha("#ffffff", 150) == "#ffffff96"
