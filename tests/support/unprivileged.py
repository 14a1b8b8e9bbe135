"""Run Python as a user that file modes apply to, even when the tests run as root.

Root may read and write a 0400 file, so tests of permission errors re-run Python as
``nobody`` (uid 65534) through ``setpriv``. That user must be able to read the
interpreter, ketajournal, the tests and the third-party packages they import. In a
checkout inside a private folder (mode 0700: CI may clone anywhere) it cannot read
the virtual environment, so :func:`unprivileged_python` first tries the interpreter
as it is, then a readable copy of what the child imports (our packages and the
imported third-party top-level packages, copied into a folder of the test's own),
and skips the test with the reason when neither runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534


@dataclass(frozen=True)
class Unprivileged:
    """How to run Python as another user: ``command(args)`` and the environment to use."""

    prefix: tuple[str, ...]
    python: str
    env: dict[str, str]
    folder: Path

    def command(self, *args: str) -> list[str]:
        """The command line that runs ``python args…`` as the unprivileged user."""
        return [*self.prefix, self.python, *args]

    def run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        """Run ``python args…`` as that user, in ``ROOT``, capturing text output."""
        return subprocess.run(
            self.command(*args), capture_output=True, text=True, timeout=timeout,
            cwd=self.folder, env=self.env, check=False,
        )


def _probe(prefix: tuple[str, ...], python: str, env: dict[str, str], folder: Path,
           modules: tuple[str, ...]) -> str | None:
    """None when ``python`` run as the user imports ``modules``; else the last error line."""
    code = "; ".join(f"import {m}" for m in modules) or "pass"
    result = subprocess.run([*prefix, python, "-c", code], capture_output=True, text=True,
                            timeout=60, cwd=folder, env=env, check=False)
    if result.returncode == 0:
        return None
    lines = result.stderr.strip().splitlines()
    return lines[-1] if lines else f"exit code {result.returncode}"


_ROOTS_SCRIPT = """
import json, sys, sysconfig
from pathlib import Path
for name in sys.argv[1:]:
    __import__(name)
site = {Path(sysconfig.get_path(k)).resolve() for k in ("purelib", "platlib")}
roots = set()
for module in list(sys.modules.values()):
    file = getattr(module, "__file__", None)
    if file:
        path = Path(file).resolve()
        for base in site:
            if base in path.parents:
                roots.add(str(base / path.relative_to(base).parts[0]))
print(json.dumps(sorted(roots)))
"""


def _third_party_roots(modules: tuple[str, ...]) -> list[Path]:
    """Files and package folders of the third-party modules that importing ``modules`` loads."""
    result = subprocess.run([sys.executable, "-c", _ROOTS_SCRIPT, *modules],
                            capture_output=True, text=True, timeout=60, cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True)
    return [Path(p) for p in json.loads(result.stdout)]


def _readable_copy(folder: Path, modules: tuple[str, ...]) -> Path:
    """Copy our packages and the third-party packages ``modules`` need into ``folder/lib``."""
    lib = folder / "lib"
    lib.mkdir()
    for package in ("ketajournal", "tests"):
        shutil.copytree(ROOT / package, lib / package,
                        ignore=shutil.ignore_patterns("__pycache__", "fixtures", "*.pyc"))
    for root in _third_party_roots(modules):
        target = lib / root.name
        if target.exists():
            continue
        if root.is_dir():
            shutil.copytree(root, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(root, target)
    for path in (lib, *lib.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return lib


def unprivileged_python(modules: tuple[str, ...] = ("ketajournal",)) -> Unprivileged:
    """Python as a user that file modes apply to, able to import ``modules``.

    When not running as root, that is this user and this interpreter. As root it is
    ``nobody`` through ``setpriv``; the returned ``folder`` is a fresh folder (mode
    0777) that user may write in. The test skips with the reason when no way works.
    """
    folder = Path(tempfile.mkdtemp(prefix="ketajournal-user-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if os.geteuid() != 0:
        return Unprivileged((), sys.executable, env, folder)
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        shutil.rmtree(folder)
        pytest.skip("running as root without setpriv: a 0400 file stays writable for root")
    folder.chmod(0o777)
    prefix = (setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups")
    problem = _probe(prefix, sys.executable, env, folder, modules)
    if problem is None:
        return Unprivileged(prefix, sys.executable, env, folder)
    # The checkout or its virtual environment is not readable by that user (a clone
    # in a private folder): give it a readable copy and the base interpreter.
    lib = _readable_copy(folder, modules)
    base = os.path.realpath(getattr(sys, "_base_executable", sys.executable))
    copy_env = dict(os.environ, PYTHONPATH=str(lib), PYTHONNOUSERSITE="1")
    second = _probe(prefix, base, copy_env, folder, modules)
    if second is None:
        return Unprivileged(prefix, base, copy_env, folder)
    shutil.rmtree(folder, ignore_errors=True)
    pytest.skip(f"the user {NOBODY} cannot run this Python with ketajournal "
                f"({problem}; with a readable copy: {second})")
