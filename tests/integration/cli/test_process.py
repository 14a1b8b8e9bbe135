"""The command line's process hygiene: no core dumps, and a warning for an open password file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.crashed import ROOT, keyring_env

pytestmark = pytest.mark.skipif(os.name != "posix", reason="core limits and modes are POSIX")

_LIMIT = """
import resource, sys
from ketajournal.cli import main
main(sys.argv[1:])
print(resource.getrlimit(resource.RLIMIT_CORE))
"""


def test_a_command_runs_without_core_dumps(tmp_path: Path) -> None:
    result = subprocess.run(
        # As permissive as this process may make it: the soft limit up to the hard one
        # (an in-process CLI run of another test may already have lowered the hard one).
        [sys.executable, "-c", "import resource; _, hard = resource.getrlimit("
         f"resource.RLIMIT_CORE); resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))\n"
         f"{_LIMIT}",
         "log", "mood", "5", "--home", str(tmp_path / "home")],
        capture_output=True, text=True, cwd=ROOT, env=keyring_env(tmp_path / "k.json"),
        timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "(0, 0)"


@pytest.mark.parametrize(("mode", "warned"), [(0o644, True), (0o640, True), (0o600, False)])
def test_a_password_file_others_can_read_is_warned_about(
    tmp_path: Path, mode: int, warned: bool
) -> None:
    env = keyring_env(tmp_path / "k.json")
    home = tmp_path / "home"
    made = subprocess.run([sys.executable, "-m", "ketajournal", "log", "mood", "5", "--home",
                           str(home)], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=60, check=False)
    code = next(line.strip() for line in made.stderr.splitlines()
                if line.strip().count("-") == 7)
    secret = tmp_path / "code.txt"
    secret.write_text(code)
    secret.chmod(mode)
    result = subprocess.run(
        [sys.executable, "-m", "ketajournal", "check", "--home", str(home),
         "--password-file", str(secret)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert ("can be read by other users" in result.stderr) is warned
    assert code not in result.stderr
