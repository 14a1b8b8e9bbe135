"""Write python3-requirements.yaml, the Flatpak modules of ketajournal's Python dependencies.

flatpak-pip-generator asks pypi.org's JSON API for every file's URL and checksum; that
API is not reachable from this project's machines. pip's own installation report has
both, so this script asks pip instead:

    pip install --dry-run --ignore-installed --target <tmp> --report report.json \\
        --only-binary=:all: --platform manylinux_2_28_<arch> ... --python-version 3.12 \\
        <pyproject.toml's dependencies less PySide6>

once per architecture (pip resolves wheels for another platform only with
``--only-binary=:all:``), and turns each report into flatpak-builder ``file`` sources:
the wheel's URL and sha256, ``only-arches`` where the wheel is built for one
architecture. One module installs them all with ``pip3 install --no-index``, offline,
as Flathub's build runs. sqlcipher3 is the exception: it is built from its source
archive (sdist), which carries SQLCipher's amalgamation and links the runtime's
libcrypto, so the archive is taken from the package index's simple API (PEP 691 JSON,
the API pip itself uses) and built in a module of its own.

    .venv/bin/python packaging/flatpak/generate_requirements.py            # writes the file
    .venv/bin/python packaging/flatpak/generate_requirements.py --report-only x86_64 r.json

Run it with network access to pypi.org. ``--python-version`` must be the runtime's
Python (the KDE 6.10 runtime's is 3.12). The environment markers of dependencies
are evaluated by the pip that runs this script, so run it with a Python of that
version when one is at hand; with another, a dependency only older Pythons need (e.g.
``backports.tarfile``) is included needlessly, which is harmless.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
import urllib.request
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUTPUT = HERE / "python3-requirements.yaml"
INDEX = "https://pypi.org/simple"
ARCHES = ("x86_64", "aarch64")
PYTHON_VERSION = "3.12"  # the KDE 6.10 runtime's Python
#: Provided by the base app (io.qt.PySide.BaseApp): not bundled again.
PROVIDED = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}
#: Built from source against the manifest's own modules.
FROM_SOURCE = {"sqlcipher3"}


def canonical(name: str) -> str:
    """A distribution name as the package index compares it (PEP 503)."""
    out = name.lower()
    for char in "_.":
        out = out.replace(char, "-")
    while "--" in out:
        out = out.replace("--", "-")
    return out


def requirement_name(requirement: str) -> str:
    """The distribution name at the start of a PEP 508 requirement."""
    name = ""
    for char in requirement.strip():
        if char.isalnum() or char in "-_.":
            name += char
        else:
            break
    return name


def dependencies(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """pyproject.toml's dependencies less what the base app provides, less markers'
    duplicates (the PySide6 lines differ only by their marker)."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    found: list[str] = []
    for requirement in data["project"]["dependencies"]:
        name = canonical(requirement_name(requirement))
        if name not in PROVIDED and requirement not in found:
            found.append(requirement)
    return found


def pip_report(requirements: Sequence[str], arch: str, report: Path,
               python_version: str = PYTHON_VERSION) -> None:
    """Resolve ``requirements`` to wheels for ``arch`` and write pip's report (no download
    of the wheels, nothing installed). pip's configuration is ignored: a local mirror or
    constraints file would give file URLs or other pins."""
    platforms = [f"manylinux_2_{minor}_{arch}" for minor in (28, 27, 17)]
    platforms += [f"manylinux2014_{arch}", f"linux_{arch}"]
    with tempfile.TemporaryDirectory() as target:
        command = [
            sys.executable, "-m", "pip", "install", "--isolated", "--quiet", "--dry-run",
            "--ignore-installed", "--target", target, "--report", str(report),
            "--only-binary=:all:", "--python-version", python_version,
            "--implementation", "cp", "--index-url", INDEX,
        ]
        for platform in platforms:
            command += ["--platform", platform]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
        env["PIP_CONFIG_FILE"] = os.devnull
        subprocess.run([*command, *requirements], check=True, env=env)


def wheels(report: dict[str, Any]) -> list[dict[str, str]]:
    """The files of one pip report: name, version, filename, url, sha256.

    Raises ValueError for anything a Flatpak build could not fetch and check: a file
    that is not a wheel from an https URL, or one without a sha256.
    """
    if report.get("version") != "1":
        raise ValueError(f"unknown pip report version {report.get('version')!r}")
    files = []
    for item in report["install"]:
        info = item["download_info"]
        url = info["url"]
        name = item["metadata"]["name"]
        sha256 = info.get("archive_info", {}).get("hashes", {}).get("sha256")
        if not url.startswith("https://") or not url.endswith(".whl"):
            raise ValueError(f"{name}: not a wheel from an https URL: {url}")
        if not sha256:
            raise ValueError(f"{name}: pip's report has no sha256 for {url}")
        files.append({
            "name": name, "version": item["metadata"]["version"],
            "filename": url.rsplit("/", 1)[-1], "url": url, "sha256": sha256,
            "requested": "yes" if item.get("requested") else "",
        })
    return files


def sdist(name: str, version: str, index: str = INDEX) -> dict[str, str]:
    """The source archive of ``name`` ``version``: its URL and sha256 from the simple API."""
    if not index.startswith("https://"):
        raise ValueError(f"not an https index: {index}")
    request = urllib.request.Request(  # noqa: S310 - https only (above)
        f"{index}/{canonical(name)}/",
        headers={"Accept": "application/vnd.pypi.simple.v1+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310 - https only
        data = json.load(answer)
    for entry in data["files"]:
        filename = entry["filename"]
        if filename.endswith(".tar.gz") and canonical(filename[:-7]) == canonical(
            f"{name}-{version}"
        ):
            return {"name": name, "version": version, "filename": filename,
                    "url": entry["url"], "sha256": entry["hashes"]["sha256"]}
    raise ValueError(f"no source archive of {name} {version} in {index}")


def _yaml_list(items: Iterable[str], indent: int) -> list[str]:
    return [f"{' ' * indent}- {item}" for item in items]


def modules_yaml(per_arch: dict[str, list[dict[str, str]]],
                 source: Sequence[dict[str, str]]) -> str:
    """The YAML of the modules: the wheels (one ``file`` source each, ``only-arches``
    unless every architecture uses the same file) and each source-built package."""
    arches = list(per_arch)
    seen: dict[str, dict[str, Any]] = {}
    for arch, files in per_arch.items():
        for wheel in files:
            if canonical(wheel["name"]) in FROM_SOURCE:
                continue
            entry = seen.setdefault(wheel["url"], {**wheel, "arches": []})
            entry["arches"].append(arch)
    requested = sorted({canonical(w["name"]) for w in seen.values() if w["requested"]})
    lines = [
        "# Generated by packaging/flatpak/generate_requirements.py from pip's installation",
        "# report; do not edit by hand, run the script again.",
        "name: python3-requirements",
        "buildsystem: simple",
        "build-commands: []",
        "modules:",
        "  - name: python3-wheels",
        "    buildsystem: simple",
        "    build-commands:",
        "      - pip3 install --verbose --exists-action=i --no-index --find-links=\"file://${PWD}\""
        " --prefix=${FLATPAK_DEST} --no-build-isolation " + " ".join(requested),
        "    sources:",
    ]
    for wheel in sorted(seen.values(), key=lambda w: (canonical(w["name"]), w["url"])):
        lines += [
            "      - type: file",
            f"        url: {wheel['url']}",
            f"        sha256: {wheel['sha256']}",
        ]
        if sorted(wheel["arches"]) != sorted(arches):
            lines += ["        only-arches:", *_yaml_list(wheel["arches"], 10)]
    for package in source:
        lines += [
            f"  - name: python3-{canonical(package['name'])}",
            "    buildsystem: simple",
            "    build-commands:",
            "      - pip3 install --verbose --exists-action=i --no-index --find-links=\"file://"
            "${PWD}\" --prefix=${FLATPAK_DEST} --no-build-isolation --no-deps "
            f"{canonical(package['name'])}",
            "    sources:",
            "      - type: file",
            f"        url: {package['url']}",
            f"        sha256: {package['sha256']}",
        ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Resolve, then write python3-requirements.yaml (or one report, ``--report-only``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--python-version", default=PYTHON_VERSION)
    parser.add_argument("--arch", action="append", choices=ARCHES,
                        help="the architectures (default: x86_64 and aarch64)")
    parser.add_argument("--report-only", nargs=2, metavar=("ARCH", "FILE"),
                        help="only write pip's report for ARCH to FILE")
    args = parser.parse_args(argv)
    requirements = dependencies()
    if args.report_only:
        pip_report(requirements, args.report_only[0], Path(args.report_only[1]),
                   args.python_version)
        return 0
    per_arch: dict[str, list[dict[str, str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for arch in args.arch or ARCHES:
            report = Path(tmp) / f"{arch}.json"
            pip_report(requirements, arch, report, args.python_version)
            per_arch[arch] = wheels(json.loads(report.read_text(encoding="utf-8")))
    source = []
    for name in sorted(FROM_SOURCE):
        pinned = {canonical(w["name"]): w["version"] for f in per_arch.values() for w in f}
        if name in pinned:
            source.append(sdist(name, pinned[name]))
    args.output.write_text(modules_yaml(per_arch, source), encoding="utf-8")
    count = len({w["url"] for files in per_arch.values() for w in files})
    print(f"wrote {args.output} ({count} wheels, {len(source)} built from source)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
