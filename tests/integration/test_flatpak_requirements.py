"""packaging/flatpak/generate_requirements.py: pip's installation report to Flatpak modules.

The report is a saved one (tests/fixtures/packaging/, pip 23.2, trimmed to five wheels);
nothing here reaches the network.
"""

from __future__ import annotations

import copy
import json
import re
import runpy
from typing import Any

import pytest

from tests.support.paths import ROOT

GENERATOR = runpy.run_path(str(ROOT / "packaging" / "flatpak" / "generate_requirements.py"))
REPORT: dict[str, Any] = json.loads(
    (ROOT / "tests" / "fixtures" / "packaging" / "pip-report-x86_64.json").read_text()
)


def _as_aarch64(report: dict[str, Any]) -> dict[str, Any]:
    """The same report as pip gives it for aarch64: the platform wheels' names change."""
    other = copy.deepcopy(report)
    for item in other["install"]:
        info = item["download_info"]
        if "x86_64" in info["url"]:
            info["url"] = info["url"].replace("x86_64", "aarch64")
            info["archive_info"]["hashes"]["sha256"] = "0" * 64
    return other


def test_each_wheel_of_the_report_gives_its_url_and_sha256() -> None:
    wheels = GENERATOR["wheels"](REPORT)
    by_name = {w["name"]: w for w in wheels}
    assert set(by_name) == {"cryptography", "reportlab", "rl_accel", "cffi", "pycparser"}
    reportlab = by_name["reportlab"]
    assert reportlab["url"].startswith("https://files.pythonhosted.org/")
    assert reportlab["filename"] == "reportlab-5.1.0-py3-none-any.whl"
    assert reportlab["sha256"] == (
        "59fdbaec5efe437095ad1d7292ec9a271c8ca2d3ec75e889c6e61400929b90df"
    )
    assert reportlab["requested"] and not by_name["cffi"]["requested"]


@pytest.mark.parametrize("change", ["file-url", "sdist", "no-hash"])
def test_a_file_a_flatpak_build_cannot_fetch_and_check_is_refused(change: str) -> None:
    report = copy.deepcopy(REPORT)
    info = report["install"][0]["download_info"]
    if change == "file-url":  # a local mirror's wheel (pip's configuration not ignored)
        info["url"] = "file:///opt/wheels/" + info["url"].rsplit("/", 1)[-1]
    elif change == "sdist":
        info["url"] = info["url"].rsplit("/", 1)[0] + "/cryptography-50.0.2.tar.gz"
    else:
        del info["archive_info"]["hashes"]
    with pytest.raises(ValueError, match="cryptography"):
        GENERATOR["wheels"](report)


def test_modules_pin_every_wheel_and_mark_those_of_one_architecture() -> None:
    per_arch = {
        "x86_64": GENERATOR["wheels"](REPORT),
        "aarch64": GENERATOR["wheels"](_as_aarch64(REPORT)),
    }
    source = [{"name": "sqlcipher3", "version": "0.6.4", "filename": "sqlcipher3-0.6.4.tar.gz",
               "url": "https://files.pythonhosted.org/x/sqlcipher3-0.6.4.tar.gz",
               "sha256": "b" * 64}]
    text = GENERATOR["modules_yaml"](per_arch, source)
    lines = text.splitlines()
    # The pure-Python wheel once, for every architecture.
    at = lines.index("        url: " + GENERATOR["wheels"](REPORT)[1]["url"])
    assert "reportlab" in lines[at] and "only-arches" not in lines[at + 2]
    # The platform wheels once per architecture, each marked.
    assert text.count("only-arches:") == 2 * 3  # cryptography, rl_accel and cffi
    assert text.count("- type: file") == 2 + 2 * 3 + 1
    assert "--no-index" in text and "cryptography reportlab rl-accel" in text
    # sqlcipher3 from its source archive, which carries SQLCipher itself.
    assert "  - name: python3-sqlcipher3" in lines
    assert not any("SQLCIPHER_PATH" in line for line in lines)
    assert f"        sha256: {'b' * 64}" in lines


def test_the_requirements_are_pyprojects_less_what_the_base_app_provides() -> None:
    requirements = GENERATOR["dependencies"]()
    names = {GENERATOR["canonical"](GENERATOR["requirement_name"](r)) for r in requirements}
    assert "pyside6-essentials" not in names
    assert {"sqlcipher3", "reportlab", "numpy", "keyring", "babel"} <= names


def test_the_manifest_includes_the_generated_modules() -> None:
    manifest = (ROOT / "packaging" / "flatpak" / "org.ketajournal.KetaJournal.yml").read_text()
    assert "  - python3-requirements.yaml" in manifest.splitlines()
    assert (ROOT / "packaging" / "flatpak" / "python3-requirements.yaml").is_file()


def test_every_source_is_pinned_by_a_real_checksum() -> None:
    folder = ROOT / "packaging" / "flatpak"
    for name in ("org.ketajournal.KetaJournal.yml", "python3-requirements.yaml"):
        text = (folder / name).read_text()
        sums = re.findall(r"^\s*sha256:\s*(\S+)\s*$", text, flags=re.MULTILINE)
        assert all(re.fullmatch(r"[0-9a-f]{64}", value) for value in sums), name
        # Each downloaded source carries one.
        assert len(sums) == len(re.findall(r"^\s*url:", text, flags=re.MULTILINE)), name
