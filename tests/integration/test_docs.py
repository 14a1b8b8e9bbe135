"""Docs that tests keep honest: the README's commands are the ones CI and the CLI have."""

from __future__ import annotations

import argparse
import re

from ketajournal.cli import build_parser
from tests.support.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_is_exactly_two_commands_demo_then_tests() -> None:
    demo, tests = quick_start_commands()
    assert demo.endswith("ketajournal --demo")
    assert tests.endswith("pytest")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    _, tests = quick_start_commands()
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci_lines


def _commands(parser: argparse.ArgumentParser, prefix: str = "ketajournal") -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append(f"{prefix} {name}")
                found.extend(_commands(sub, f"{prefix} {name}"))
    return found


def test_every_cli_command_and_option_is_in_the_readme() -> None:
    parser = build_parser()
    leaves = [c for c in _commands(parser) if c not in ("ketajournal log", "ketajournal export")]
    for command in leaves:
        assert f"`{command}" in README, command
    options = {
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }
    for sub in _subparsers(parser):
        options |= {o for a in sub._actions for o in a.option_strings if o.startswith("--")}
    options.discard("--help")
    for option in options:
        assert option in README, option


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    subs = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                subs.append(sub)
                subs.extend(_subparsers(sub))
    return subs


def test_architecture_doc_names_every_package() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = [p.name for p in (ROOT / "ketajournal").iterdir()
                if p.is_dir() and (p / "__init__.py").exists()]
    for package in packages:
        assert f"{package}/" in text, package


def test_one_app_id_names_the_desktop_file_metainfo_and_icon() -> None:
    from ketajournal import APP_ID

    desktop = ROOT / "ketajournal" / "assets" / f"{APP_ID}.desktop"
    metainfo = ROOT / "ketajournal" / "assets" / f"{APP_ID}.metainfo.xml"
    assert f"Icon={APP_ID}" in desktop.read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in metainfo.read_text(encoding="utf-8")
    assert (ROOT / "ketajournal" / "assets" / f"{APP_ID}.svg").exists()
