"""The man page and shell completions: generated from the parser, current, and usable."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ketajournal.cli import build_parser
from resources import manpage
from tests.support.paths import ROOT

BASH = ROOT / "resources" / "completions" / "ketajournal.bash"
MAN = ROOT / "resources" / "man" / "ketajournal.1"


def test_committed_files_are_what_the_parser_generates_now(tmp_path: Path) -> None:
    written = manpage.write(tmp_path)
    assert [p.relative_to(tmp_path) for p in written] == list(manpage.OUTPUTS)
    for path in written:
        committed = ROOT / path.relative_to(tmp_path)
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{committed.relative_to(ROOT)} is stale: run python -m resources.manpage"
        )
    assert manpage.stale(ROOT) == []


def test_a_changed_file_is_reported_stale(tmp_path: Path) -> None:
    manpage.write(tmp_path)
    (tmp_path / manpage.OUTPUTS[1]).write_text("# edited by hand\n", encoding="utf-8")
    assert manpage.stale(tmp_path) == [manpage.OUTPUTS[1]]


def test_every_command_and_option_of_the_parser_is_in_every_file() -> None:
    tree = manpage.command_tree()
    commands = {c.path[-1] for c in tree.walk()[1:]}
    assert {"log", "mood", "side-effect", "pdf", "restore", "settings"} <= commands
    flags = {f for c in tree.walk() for o in c.options for f in o.flags}
    assert {"--since-last-appointment", "--accept-damaged-log", "--dose-mg"} <= flags
    texts = manpage.generate()
    for path, text in texts.items():
        plain = text.replace("\\-", "-").replace(" -l ", " --")  # troff; fish's long flags
        missing = [word for word in commands | flags if word not in plain]
        assert missing == [], f"{path}: {missing}"
    assert build_parser().prog == manpage.PROG


def _complete(*words: str) -> list[str]:
    script = (
        f"source {BASH}; COMP_WORDS=({' '.join(repr(w) for w in words)}); "
        "COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _ketajournal; printf '%s\\n' \"${COMPREPLY[@]}\""
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                          timeout=30, check=True, cwd=ROOT)
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_both_commands_down_the_tree() -> None:
    done = subprocess.run(["bash", "-c", f"source {BASH}; complete -p ketajournal ketajournal-cli"],
                          capture_output=True, text=True, timeout=30, check=True)
    assert done.stdout.splitlines() == ["complete -F _ketajournal ketajournal",
                                        "complete -F _ketajournal ketajournal-cli"]
    assert _complete("ketajournal", "lo") == ["log"]
    assert "side-effect" in _complete("ketajournal", "log", "")
    assert _complete("ketajournal", "log", "session", "--route", "") == [
        "iv", "im", "nasal", "oral", "other"]
    assert _complete("ketajournal-cli", "--home", "log", "export", "pdf", "--inc") == [
        "--include-notes"]


@pytest.mark.skipif(shutil.which("groff") is None, reason="needs groff")
def test_the_man_page_renders_without_a_warning() -> None:
    done = subprocess.run(["groff", "-man", "-Tutf8", "-ww", str(MAN)], capture_output=True,
                          text=True, timeout=30, check=True)
    assert done.stderr == ""
    rendered = subprocess.run(["groff", "-man", "-Tascii", "-P-cbou", str(MAN)],
                              capture_output=True, text=True, timeout=30, check=True).stdout
    assert "ketajournal, ketajournal-cli - a private, encrypted journal" in " ".join(
        rendered.split())
    assert "log side-effect" in rendered
    assert "--accept-damaged-log" in rendered
