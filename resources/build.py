"""Regenerate every file derived from the icon's SVG master, or check they are current.

The master is ``resources/icons/org.ketajournal.KetaJournal.svg``; at 16 px its lines fall
between pixels and blur, so ``org.ketajournal.KetaJournal-16.svg`` draws the same picture on
the 16 px grid and is used for that size alone (edit both together). From them:

* ``ketajournal/assets/org.ketajournal.KetaJournal.svg``: a byte copy, shipped in the
  package (the window scales it to any size);
* ``ketajournal/assets/hicolor/<n>x<n>/apps/org.ketajournal.KetaJournal.png`` for the
  hicolor sizes: shipped in the package, because the window loads them and the
  installers copy the tree into ``share/icons/hicolor`` as it is;
* ``resources/icons/org.ketajournal.KetaJournal.ico`` (Windows, 16–256 px) and
  ``.icns`` (macOS, 32–1024 px): used only by PyInstaller, so they stay out of the
  package.

The SVG is drawn by Qt (``QSvgRenderer``, offscreen) at every size, never scaled from a
bigger bitmap, and encoded by Pillow with fixed settings so the bytes repeat.
``resources/icons/manifest.json`` records the SHA-256 of the master and of every
derived file; ``--check`` (and ``tests/gui/ui/test_resources.py``) fails when either differs.

The same command keeps the translations current (:mod:`resources.catalogue`): it merges
the window's texts into ``resources/translations/*.ts`` and compiles them with
``pyside6-lrelease`` into ``ketajournal/assets/translations/*.qm``; ``--check`` fails
when a ``.ts`` is behind the code or a ``.qm`` behind its ``.ts`` (docs/translation.md).
The core's gettext catalogues likewise (:mod:`resources.core_catalogue`): the ``.pot``
and ``ketajournal-core_<lang>.po`` from the code, the ``.mo`` compiled by Babel.

    python -m resources.build            # regenerate, from the repository root
    python -m resources.build --check    # exit 1 if anything is stale
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from PIL import Image

from resources import catalogue, core_catalogue

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.ketajournal.KetaJournal"
MASTER = Path("resources/icons") / f"{APP_ID}.svg"
#: The same picture drawn on the 16 px grid, used at 16 px only.
SMALL_MASTER = Path("resources/icons") / f"{APP_ID}-16.svg"
MANIFEST = Path("resources/icons/manifest.json")
ASSETS = Path("ketajournal/assets")
#: The hicolor sizes desktops look for; the window loads every one.
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Windows shows at most 256 px from an .ico.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Pillow's .icns writer stores 32 (16@2x) to 1024 (512@2x) px.
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)


def png_path(size: int) -> Path:
    """Where the PNG of one hicolor size lives, relative to the repository root."""
    return ASSETS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def derived_paths() -> list[Path]:
    """Every file this module writes, relative to the repository root."""
    return [
        ASSETS / f"{APP_ID}.svg",
        *(png_path(size) for size in SIZES),
        Path("resources/icons") / f"{APP_ID}.ico",
        Path("resources/icons") / f"{APP_ID}.icns",
    ]


def sha256(path: Path) -> str:
    """The SHA-256 of a file, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render(svg: bytes, sizes: Iterable[int]) -> dict[int, Image.Image]:
    """The SVG drawn by Qt at each size, as Pillow RGBA images keyed by size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - keeps Qt alive
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError(f"{MASTER} is not an SVG Qt can draw")
    images: dict[int, Image.Image] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(0, 0, 0, 0))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
        data = bytes(rgba.constBits())[: rgba.bytesPerLine() * size]
        images[size] = Image.frombuffer("RGBA", (size, size), data, "raw", "RGBA",
                                        rgba.bytesPerLine(), 1).copy()
    return images


def build(root: Path = ROOT) -> dict[str, str]:
    """Write every derived file under ``root`` from the masters; returns their hashes."""
    svg = (ROOT / MASTER).read_bytes()
    small = (ROOT / SMALL_MASTER).read_bytes()
    images = render(svg, sorted({*SIZES, *ICO_SIZES, *ICNS_SIZES} - {16}))
    images |= render(small, [16])

    def out(relative: Path) -> Path:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    shutil.copyfile(ROOT / MASTER, out(ASSETS / f"{APP_ID}.svg"))
    for size in SIZES:
        images[size].save(out(png_path(size)), "PNG", optimize=True)
    images[max(ICO_SIZES)].save(
        out(Path("resources/icons") / f"{APP_ID}.ico"),
        "ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    images[max(ICNS_SIZES)].save(
        out(Path("resources/icons") / f"{APP_ID}.icns"),
        "ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    manifest = {
        "master": {m.as_posix(): sha256(ROOT / m) for m in (MASTER, SMALL_MASTER)},
        "derived": {p.as_posix(): sha256(root / p) for p in derived_paths()},
    }
    out(MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest["derived"]


def stale(root: Path = ROOT) -> list[str]:
    """What differs from the manifest: a master or a derived file; empty when current."""
    manifest_file = root / MANIFEST
    if not manifest_file.exists():
        return [f"{MANIFEST} is missing"]
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    problems = []
    for relative, digest in manifest["master"].items():
        if sha256(root / relative) != digest:
            problems.append(f"{relative} changed since the derived files were made")
    if set(manifest["master"]) != {MASTER.as_posix(), SMALL_MASTER.as_posix()}:
        problems.append("the manifest names other masters than this module uses")
    recorded = manifest["derived"]
    for path in derived_paths():
        name = path.as_posix()
        if name not in recorded:
            problems.append(f"{name} is not in the manifest")
        elif not (root / path).exists():
            problems.append(f"{name} is missing")
        elif sha256(root / path) != recorded[name]:
            problems.append(f"{name} differs from the one the master produced")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Regenerate the derived files, or with ``--check`` only report what is stale."""
    parser = argparse.ArgumentParser(prog="python -m resources.build", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale() + catalogue.stale() + core_catalogue.stale()
        for problem in problems:
            print(f"stale: {problem}", file=sys.stderr)
        if problems:
            print("run: python -m resources.build", file=sys.stderr)
            return 1
        print("resources: every derived file matches its master")
        return 0
    for name in build():
        print(f"wrote {name}")
    for path in catalogue.build():
        print(f"wrote {path.as_posix()}")
    for path in core_catalogue.build():
        print(f"wrote {path.as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
