"""The screenshot tool: a PNG of each screen of the demo journal, at the scale asked for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PIL import Image

from ketajournal.domain import locales
from resources import shots


def test_one_tab_and_one_dialog_are_written_as_pictures_of_the_window(
        qapp: object, tmp_path: Path) -> None:
    before = locales.current()
    try:
        written = shots.take(tmp_path, "en", only=["today", "sync"])
    finally:
        locales.use(before)
    assert [p.name for p in written] == ["01-today.png", "dialog-sync.png"]
    with Image.open(written[0]) as today:
        assert today.width == shots.SIZE[0] and today.height >= shots.SIZE[1]
        colours = today.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 50  # drawn, not one flat colour
    assert written[1].stat().st_size > 1000


def test_the_command_takes_german_dark_pictures_at_200_percent(tmp_path: Path) -> None:
    out = tmp_path / "de-dark-2"
    result = subprocess.run(
        [sys.executable, "-m", "resources.shots", str(out), "--lang", "de", "--scheme",
         "dark", "--scale", "2", "--only", "appointment"],
        capture_output=True, text=True, cwd=Path(shots.__file__).parents[1], timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with Image.open(out / "05-appointment.png") as picture:
        assert picture.width == 2 * shots.SIZE[0]
        dark = picture.convert("L").resize((1, 1)).getpixel((0, 0)) < 128
    assert dark
    assert "wrote" in result.stdout


def test_a_scale_out_of_range_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "resources.shots", str(tmp_path), "--scale", "9"],
        capture_output=True, text=True, cwd=Path(shots.__file__).parents[1], timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "--scale must be between 0.5 and 4" in result.stderr
