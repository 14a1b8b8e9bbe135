"""The desktop entry and AppStream metainfo pass the desktops' own validators.

Runs ``desktop-file-validate``, ``appstreamcli validate --pedantic`` and
``appstreamcli compose`` on an install tree, as a software store would. Each test skips,
naming the Debian package, only when its tool is not installed; ``.ci/run`` installs them.
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ketajournal import APP_ID, __version__
from tests.support.paths import ROOT

DESKTOP = ROOT / "ketajournal" / "assets" / f"{APP_ID}.desktop"
METAINFO = ROOT / "ketajournal" / "assets" / f"{APP_ID}.metainfo.xml"

#: Notes the validator may print, and why each is accepted.
ACCEPTED_NOTES = {
    # The id is also the keyring service name every journal's key is stored under:
    # lowercasing it would orphan existing keys.
    "cid-contains-uppercase-letter",
    # <developer id=…> is AppStream 1.0's tag (Flathub asks for it); AppStream 0.16
    # (Debian 12) does not know it yet and says so as an info.
    "unknown-tag",
}


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian package {package})")
    return found


def notes(output: str) -> list[tuple[str, str]]:
    """(severity, tag) of each issue appstreamcli reports, e.g. ("W", "url-not-reachable")."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", output)  # compose colours its report even in a pipe
    found = re.findall(r"^\s*([EWIP]): (?:\S+: )?(\S+?)(?:\s|$)", plain, re.MULTILINE)
    return [(severity, tag.removeprefix("asv-")) for severity, tag in found]


def test_desktop_entry_validates_without_a_remark() -> None:
    result = subprocess.run([tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout + result.stderr == ""


def test_desktop_entry_has_one_main_category() -> None:
    main = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
            "Network", "Office", "Science", "Settings", "System", "Utility"}
    line = next(x for x in DESKTOP.read_text(encoding="utf-8").splitlines()
                if x.startswith("Categories="))
    categories = [c for c in line.removeprefix("Categories=").split(";") if c]
    assert len(main.intersection(categories)) == 1, categories


def test_metainfo_validates_pedantically() -> None:
    result = subprocess.run(
        [tool("appstreamcli", "appstream"), "validate", "--pedantic", "--no-net", str(METAINFO)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    unexpected = [n for n in notes(result.stdout) if n[1] not in ACCEPTED_NOTES]
    assert unexpected == [], result.stdout


def install_tree(prefix: Path) -> None:
    """The files a Linux package installs under ``prefix`` (as packaging/linux does)."""
    share = prefix / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications")
    shutil.copy(METAINFO, share / "metainfo")
    shutil.copytree(ROOT / "ketajournal" / "assets" / "hicolor", share / "icons" / "hicolor")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(ROOT / "ketajournal" / "assets" / f"{APP_ID}.svg", scalable)


def test_compose_on_an_install_tree_finds_the_icons(tmp_path: Path) -> None:
    appstreamcli = tool("appstreamcli", "appstream")
    if not Path("/usr/libexec/appstreamcli-compose").exists():
        pytest.skip("appstreamcli compose is not installed (Debian package appstream-compose)")
    install_tree(tmp_path / "tree" / "usr")
    out = tmp_path / "out"
    result = subprocess.run(
        [appstreamcli, "compose", "--no-net", "--print-report=full",
         "--origin=ketajournal", f"--result-root={out}", str(tmp_path / "tree")],
        capture_output=True, text=True,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert not [n for n in notes(report) if n[0] in "EW"], report
    for size in (48, 64, 128):
        assert (out / "usr/share/swcatalog/icons/ketajournal" / f"{size}x{size}"
                / f"{APP_ID}.png").is_file(), report
    catalog = gzip.decompress(
        (out / "usr/share/swcatalog/xml/ketajournal.xml.gz").read_bytes()
    ).decode()
    assert f"<id>{APP_ID}</id>" in catalog
    assert 'type="cached"' in catalog
    assert catalog.count("<screenshot") >= 1


def test_every_changelog_release_is_in_the_metainfo_with_its_date() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = dict(re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d\d-\d\d)$", changelog, re.M))
    assert released, "no release in CHANGELOG.md"
    metainfo = ET.parse(METAINFO).getroot()
    in_metainfo = {r.get("version"): r.get("date") for r in metainfo.iter("release")}
    assert in_metainfo == released
    assert "## [Unreleased]" in changelog or __version__ in released


def test_the_licence_file_is_the_gpl_3_the_metadata_declares() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    assert 'license = "GPL-3.0-or-later"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "<project_license>GPL-3.0-or-later</project_license>" in METAINFO.read_text(
        encoding="utf-8"
    )
