"""The build recipes' own logic: the Windows version resource, the smoke test's wiring.

Building the frozen app takes a minute, so it is not done here: ``.ci/run`` builds it
and runs ``packaging/smoke.sh`` in a step of its own.
"""

from __future__ import annotations

import os
import platform
import runpy
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path
from typing import Any

import pytest

from ketajournal import APP_ID, __version__
from tests.support.paths import ROOT

VERSION_INFO = runpy.run_path(str(ROOT / "packaging" / "windows" / "version_info.py"))


class Recorded:
    """Stands in for each of PyInstaller's version-resource classes (they need pefile)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs


def evaluate(text: str) -> Any:
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
             "StringStruct", "VarFileInfo", "VarStruct"]
    return eval(text, {"__builtins__": {}}, {name: Recorded for name in names})


def test_version_numbers_come_from_the_version_string() -> None:
    version_tuple = VERSION_INFO["version_tuple"]
    assert version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_tuple("1.12.3.4") == (1, 12, 3, 4)
    assert version_tuple("0.2.0rc1") == (0, 2, 0, 0)


def test_windows_version_resource_states_the_apps_version() -> None:
    info = evaluate(VERSION_INFO["version_file_text"](__version__))
    fixed = info.kwargs["ffi"].kwargs
    assert fixed["filevers"] == fixed["prodvers"] == VERSION_INFO["version_tuple"](__version__)
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "ketajournal.exe"


def test_the_ci_builds_the_spec_and_runs_the_smoke_test_after_the_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    tests = ci.index(".venv/bin/pytest")
    build = ci.index("-m PyInstaller --noconfirm")
    assert build > tests
    assert "packaging/ketajournal.spec" in ci[build:].splitlines()[0]
    assert ci.index("packaging/smoke.sh") > tests


def test_the_walkthrough_as_a_patient_is_a_script_that_starts_from_the_menu_entry() -> None:
    # packaging/linux/try-as-patient.sh needs the built archive, Xvfb and GNOME Keyring
    # (minutes); here: it parses, runs, and launches through the installed desktop entry.
    script = ROOT / "packaging" / "linux" / "try-as-patient.sh"
    assert os.access(script, os.X_OK)
    subprocess.run(["bash", "-n", str(script)], check=True)
    text = script.read_text(encoding="utf-8")
    assert 'gio launch "$entry"' in text and "./install.sh" in text
    assert "log mood 7" in text and "export pdf" in text


def test_the_spec_collects_what_is_loaded_by_name() -> None:
    spec = (ROOT / "packaging" / "ketajournal.spec").read_text(encoding="utf-8")
    assert 'collect_data_files("ketajournal.assets")' in spec
    assert "fonts/Vera*.ttf" in spec
    assert '"_rl_accel"' in spec  # ReportLab imports its C accelerators inside exec()
    # ReportLab needs PIL, pyqtgraph QtOpenGL, the second start's hand-over QtNetwork.
    for needed in ("PIL", "PySide6.QtOpenGL", "PySide6.QtNetwork"):
        assert f'"{needed}",' not in spec.split("excludes = [", 1)[1].split("]", 1)[0]


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.fixture
def unpacked_archive(tmp_path: Path) -> Path:
    """The Linux archive, made by the real script around a stand-in for the frozen app."""
    frozen = tmp_path / "frozen"
    frozen.mkdir()
    stand_in = frozen / "ketajournal"
    stand_in.write_text('#!/bin/sh\necho "ketajournal 9.9.9"\n', encoding="utf-8")
    stand_in.chmod(0o755)
    made = run(ROOT / "packaging/linux/make-archive.sh", frozen, tmp_path / "out")
    assert made.returncode == 0, made.stderr
    archive = tmp_path / "out" / f"ketajournal-9.9.9-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    return tmp_path / "unpacked" / archive.name.removesuffix(".tar.gz")


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux installer")
def test_install_puts_the_menu_entry_icons_and_command_under_home_and_uninstall_removes_them(
    unpacked_archive: Path, tmp_path: Path
) -> None:
    home = tmp_path / "a home with spaces"
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    journal = home / ".local/share/ketajournal"
    journal.mkdir(parents=True)
    (journal / "journal.db").write_bytes(b"not touched")

    installed = run(unpacked_archive / "install.sh", env=env)
    assert installed.returncode == 0, installed.stderr
    appdir = home / ".local/lib/ketajournal"
    entry = home / f".local/share/applications/{APP_ID}.desktop"
    exec_line = next(x for x in entry.read_text(encoding="utf-8").splitlines()
                     if x.startswith("Exec="))
    assert exec_line == f'Exec="{appdir}/ketajournal"'  # quoted: the path has spaces
    assert f"Icon={APP_ID}" in entry.read_text(encoding="utf-8")
    for size in (16, 48, 256, 512):
        assert (home / f".local/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (home / f".local/share/icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    assert (home / f".local/share/metainfo/{APP_ID}.metainfo.xml").is_file()
    assert (home / ".local/bin/ketajournal").resolve() == appdir / "ketajournal"
    assert run(appdir / "ketajournal").stdout == "ketajournal 9.9.9\n"
    share = home / ".local/share"
    for source, target in (
        ("man/ketajournal.1", "man/man1/ketajournal.1"),
        ("completions/ketajournal.bash", "bash-completion/completions/ketajournal"),
        ("completions/_ketajournal", "zsh/site-functions/_ketajournal"),
        ("completions/ketajournal.fish", "fish/vendor_completions.d/ketajournal.fish"),
    ):
        assert (share / target).read_bytes() == (ROOT / "resources" / source).read_bytes()
    if shutil.which("man"):  # man finds the page beside ~/.local/bin on the PATH
        env_with_bin = {**env, "PATH": f"{home}/.local/bin:{env['PATH']}"}
        found = run("man", "-w", "ketajournal", env=env_with_bin)
        assert found.stdout.strip() == str(share / "man/man1/ketajournal.1"), found.stderr
    if shutil.which("desktop-file-validate"):
        assert run("desktop-file-validate", entry).stdout == ""

    removed = run(appdir / "uninstall.sh", env=env)
    assert removed.returncode == 0, removed.stderr
    left = sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file())
    assert left == [".local/share/ketajournal/journal.db"]
    assert (journal / "journal.db").read_bytes() == b"not touched"


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux installer")
def test_install_leaves_a_command_it_did_not_make_alone(
    unpacked_archive: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    (home / ".local/bin").mkdir(parents=True)
    pip_script = home / ".local/bin/ketajournal"
    pip_script.write_text("#!/bin/sh\n# installed by pip\n", encoding="utf-8")
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    installed = run(unpacked_archive / "install.sh", env=env)
    assert installed.returncode == 0, installed.stderr
    assert "not ours" in installed.stderr
    assert pip_script.read_text(encoding="utf-8") == "#!/bin/sh\n# installed by pip\n"
    assert run(home / ".local/lib/ketajournal/uninstall.sh", env=env).returncode == 0
    assert pip_script.exists()


def test_pip_gives_a_windowed_ketajournal_and_a_console_ketajournal_cli() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"] == {"ketajournal": "ketajournal.cli:main"}
    assert project["scripts"] == {"ketajournal-cli": "ketajournal.cli:main"}


@pytest.mark.parametrize("command", ["ketajournal", "ketajournal-cli"])
def test_both_installed_commands_print_the_version(command: str) -> None:
    script = Path(sys.executable).parent / command
    if not script.exists():
        pytest.skip(f"{command} is not installed next to this Python (pip install -e .)")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, f"ketajournal {__version__}")
