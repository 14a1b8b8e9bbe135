"""Generate the man page and the bash, zsh and fish completions from the CLI's parser.

Every file is derived from :func:`ketajournal.cli.build_parser`, never written by hand, so
a new command or option reaches the man page and the shells by running this again:

* ``resources/man/ketajournal.1``: the man page (troff, ``man -l`` reads it);
* ``resources/completions/ketajournal.bash``, ``_ketajournal`` (zsh) and
  ``ketajournal.fish``: completions for ``ketajournal`` and ``ketajournal-cli``.

This is a build step, like :mod:`resources.build`: nothing in the app runs it, so it lives
outside the package (the wheel does not carry it) and above every floor of the layers
contract (it imports :mod:`ketajournal.cli`, the top floor below ``__main__``).

    python -m resources.manpage            # regenerate, from the repository root
    python -m resources.manpage --check    # exit 1 if a committed file is stale
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ketajournal import __version__
from ketajournal.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
PROG = "ketajournal"
#: The console twin of the windowed ``ketajournal`` (pyproject.toml); same grammar.
NAMES = (PROG, f"{PROG}-cli")
OUTPUTS = (
    Path("resources/man/ketajournal.1"),
    Path("resources/completions/ketajournal.bash"),
    Path("resources/completions/_ketajournal"),
    Path("resources/completions/ketajournal.fish"),
)
EXIT_STATUS = (
    ("0", "done (a log command only after its write committed)"),
    ("1", "the journal or the keyring cannot be used"),
    ("2", "bad input: the message names the field and the allowed range; nothing is written"),
)
ENVIRONMENT = (
    ("KETAJOURNAL_HOME", "the journal folder, when --home is not given"),
    ("KETAJOURNAL_PASSWORD_FILE", "a file holding the passphrase or recovery key, "
                                  "when --password-file is not given"),
)


@dataclass
class Option:
    """One option or positional argument of one command."""

    flags: tuple[str, ...]  # empty for a positional
    metavar: str
    help: str
    takes_value: bool
    optional: bool = False  # a positional with nargs="?"
    choices: tuple[str, ...] = ()


@dataclass
class Command:
    """One node of the command tree: ``()`` is ``ketajournal`` itself."""

    path: tuple[str, ...]
    help: str
    options: list[Option] = field(default_factory=list)
    children: list[Command] = field(default_factory=list)

    def walk(self) -> list[Command]:
        """This command and every command below it, depth first."""
        return [self, *(c for child in self.children for c in child.walk())]


def _choices(action: argparse.Action, metavar: str) -> tuple[str, ...]:
    """The values an argument accepts: its ``choices``, or a metavar like ``iv|im``."""
    if action.choices is not None:
        return tuple(str(c) for c in action.choices)
    for text in (metavar, action.help or ""):
        parts = text.split("|")
        if len(parts) > 1 and all(re.fullmatch(r"[a-z][a-z0-9-]*", p) for p in parts):
            return tuple(parts)
    return ()


def _tree(parser: argparse.ArgumentParser, path: tuple[str, ...], help_: str) -> Command:
    command = Command(path, help_)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                command.children.append(_tree(sub, (*path, name), helps.get(name, "")))
        elif isinstance(action, argparse._HelpAction):
            continue
        else:
            metavar = str(action.metavar or action.dest.upper())
            command.options.append(Option(
                flags=tuple(action.option_strings),
                metavar=metavar,
                help=" ".join((action.help or "").split()),
                takes_value=action.nargs != 0,
                optional=action.nargs == "?",
                choices=_choices(action, metavar),
            ))
    return command


def command_tree() -> Command:
    """The CLI's grammar as a tree, read from :func:`ketajournal.cli.build_parser`."""
    parser = build_parser()
    return _tree(parser, (), parser.description or "")


# --- the man page -------------------------------------------------------------------


def _roff(text: str) -> str:
    """Text safe in a troff line: backslashes escaped, hyphens literal, no leading dot."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def _synopsis(command: Command) -> str:
    words = [f"\\fB{_roff(' '.join((PROG, *command.path)))}\\fR"]
    for option in command.options:
        if option.flags:
            continue
        name = f"\\fI{_roff(option.metavar)}\\fR"
        words.append(f"[{name}]" if option.optional else name)
    if command.children:
        words.append("\\fICOMMAND\\fR")
    return " ".join(words)


def _option_lines(option: Option) -> list[str]:
    if option.flags:
        head = ", ".join(f"\\fB{_roff(flag)}\\fR" for flag in option.flags)
        if option.takes_value:
            head += f" \\fI{_roff(option.metavar)}\\fR"
    else:
        head = f"\\fI{_roff(option.metavar)}\\fR"
    return [".TP", head, _roff(option.help) if option.help else ""]


def man_page(tree: Command) -> str:
    """The man page ``ketajournal(1)``, in troff with the ``man`` macros."""
    common = {flag for option in tree.options for flag in option.flags}
    lines = [
        f'.\\" {GENERATED}',
        f'.TH KETAJOURNAL 1 "" "ketajournal {__version__}" "User Commands"',
        ".ad l",  # left-aligned: the long synopses cannot be justified
        ".SH NAME",
        f"ketajournal, ketajournal\\-cli \\- {_roff(tree.help.split('.')[0].strip().lower())}",
        ".SH SYNOPSIS",
        f"\\fB{PROG}\\fR [\\fIOPTIONS\\fR]",
        ".br",
        f"\\fB{PROG}\\fR \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]",
        ".SH DESCRIPTION",
        _roff(tree.help),
        ".PP",
        _roff("ketajournal-cli is the same program as a console command: on Windows "
              "ketajournal is a windowed program without a console, so the commands "
              "are run as ketajournal-cli there. Elsewhere the two are the same."),
        ".SH OPTIONS",
    ]
    for option in tree.options:
        lines += _option_lines(option)
    lines += [".SH COMMANDS", _roff(
        "Every command also takes " + " and ".join(
            f"{o.flags[0]} {o.metavar}" for o in tree.options
            if o.flags and o.takes_value and o.flags[0] in common) + ".")]
    for command in tree.walk()[1:]:
        lines += [".SS " + f'"{_roff(" ".join(command.path))}"', _synopsis(command)]
        if command.help:
            lines += [".PP", _roff(command.help)]
        for option in command.options:
            if not set(option.flags) & common:
                lines += _option_lines(option)
    lines.append(".SH EXIT STATUS")
    for code, meaning in EXIT_STATUS:
        lines += [".TP", f"\\fB{code}\\fR", _roff(meaning)]
    lines.append(".SH ENVIRONMENT")
    for name, meaning in ENVIRONMENT:
        lines += [".TP", f"\\fB{name}\\fR", _roff(meaning)]
    return "\n".join(line for line in lines if line) + "\n"


# --- the completions ----------------------------------------------------------------


def _takes_value(tree: Command) -> list[str]:
    """Every flag, anywhere in the tree, that consumes the next word."""
    return sorted({flag for c in tree.walk() for o in c.options if o.flags and o.takes_value
                   for flag in o.flags})


def _steps(tree: Command) -> list[str]:
    """``parent:child`` for every edge of the tree (the empty parent is ``ketajournal``)."""
    return [f"{' '.join(c.path[:-1])}:{c.path[-1]}" for c in tree.walk()[1:]]


def _kind(option: Option) -> str:
    """What a value is: ``dir``, ``file``, ``choice`` or free ``text``."""
    if option.choices:
        return "choice"
    parts = set(option.metavar.split("|"))
    if parts == {"DIR"}:
        return "dir"
    return "file" if parts & {"FILE", "DIR"} else "text"


GENERATED = "Generated by \"python -m resources.manpage\" from ketajournal.cli.build_parser(); " \
            "do not edit."


def bash_completion(tree: Command) -> str:
    """A bash completion script for both commands (``complete -F``)."""
    out = [
        f"# {GENERATED}",
        "_ketajournal() {",
        "    local cur prev path word i",
        '    cur="${COMP_WORDS[COMP_CWORD]}"',
        '    prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    path=""',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        word="${COMP_WORDS[i]}"',
        '        case "$word" in',
        f"            {'|'.join(_takes_value(tree))}) ((i++)); continue ;;",
        "        esac",
        '        case "$path:$word" in',
        f"            {'|'.join(shlex.quote(s) for s in _steps(tree))})",
        '                path="${path:+$path }$word" ;;',
        "        esac",
        "    done",
        '    case "$path:$prev" in',
    ]
    for command in tree.walk():
        for option in command.options:
            if not (option.flags and option.takes_value):
                continue
            key = "|".join(shlex.quote(f"{' '.join(command.path)}:{f}") for f in option.flags)
            reply = {
                "dir": 'compgen -d -- "$cur"',
                "file": 'compgen -f -- "$cur"',
                "choice": f"compgen -W {shlex.quote(' '.join(option.choices))} -- \"$cur\"",
                "text": "",
            }[_kind(option)]
            action = f"COMPREPLY=($({reply})); return" if reply else "return"
            out.append(f"        {key}) {action} ;;")
    out += ["    esac", '    local words=""', '    case "$path" in']
    for command in tree.walk():
        words = [f for o in command.options for f in o.flags]
        words += [c.path[-1] for c in command.children]
        words += [ch for o in command.options if not o.flags for ch in o.choices]
        out.append(f"        {shlex.quote(' '.join(command.path))}) "
                   f"words={shlex.quote(' '.join(words))} ;;")
    out += [
        "    esac",
        '    COMPREPLY=($(compgen -W "$words" -- "$cur"))',
        "    if [[ ${#COMPREPLY[@]} -eq 0 && $cur != -* ]]; then",
        '        COMPREPLY=($(compgen -f -- "$cur"))',
        "    fi",
        "}",
        f"complete -F _ketajournal {' '.join(NAMES)}",
    ]
    return "\n".join(out) + "\n"


def _zsh_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "'\\''").replace("[", "\\[") \
        .replace("]", "\\]").replace(":", "\\:")


def _zsh_function(command: Command) -> str:
    return "_" + "__".join((PROG, *command.path)).replace("-", "_")


def _zsh_action(option: Option) -> str:
    return {
        "dir": "_files -/",
        "file": "_files",
        "choice": f"({' '.join(option.choices)})",
        "text": " ",
    }[_kind(option)]


def zsh_completion(tree: Command) -> str:
    """A zsh completion function (``#compdef``), one function per command."""
    out = [f"#compdef {' '.join(NAMES)}", f"# {GENERATED}", ""]
    for command in reversed(tree.walk()):
        specs = []
        for option in command.options:
            help_ = _zsh_text(option.help)
            metavar = _zsh_text(option.metavar)
            if option.flags:
                for flag in option.flags:
                    value = f":{metavar}:{_zsh_action(option)}" if option.takes_value else ""
                    specs.append(f"'{flag}[{help_}]{value}'")
            else:
                colon = "::" if option.optional else ":"
                specs.append(f"'{colon}{metavar}:{_zsh_action(option)}'")
        if command.children:
            specs += ["'1: :->command'", "'*:: :->args'"]
        out.append(f"{_zsh_function(command)}() {{")
        out.append('    local curcontext="$curcontext" state line')
        out.append("    _arguments -C \\")
        out += [f"        {spec} \\" for spec in specs]
        out.append("        && return")
        if command.children:
            out.append("    local -a commands=(")
            out += [f"        '{_zsh_text(c.path[-1])}:{_zsh_text(c.help)}'"
                    for c in command.children]
            out.append("    )")
            out.append("    case $state in")
            out.append("        (command) _describe -t commands command commands ;;")
            out.append("        (args)")
            out.append("            case $line[1] in")
            out += [f"                ({c.path[-1]}) {_zsh_function(c)} ;;"
                    for c in command.children]
            out.append("            esac ;;")
            out.append("    esac")
        out += ["}", ""]
    out.append(f'{_zsh_function(tree)} "$@"')
    return "\n".join(out) + "\n"


def _fish_text(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def fish_completion(tree: Command) -> str:
    """A fish completion script; ``ketajournal-cli`` wraps ``ketajournal``'s."""
    out = [
        f"# {GENERATED}",
        "function __ketajournal_path",
        '    set -l path ""',
        "    set -l skip 0",
        "    for word in (commandline -opc)[2..-1]",
        "        if test $skip = 1",
        "            set skip 0",
        "            continue",
        "        end",
        f"        if contains -- $word {' '.join(_takes_value(tree))}",
        "            set skip 1",
        "            continue",
        "        end",
        '        switch "$path:$word"',
        f"            case {' '.join(_fish_text(s) for s in _steps(tree))}",
        '                set path (string trim -- "$path $word")',
        "        end",
        "    end",
        "    echo $path",
        "end",
        "",
        f"complete -c {PROG} -f",
    ]
    for command in tree.walk():
        where = f"-n {_fish_text('test (__ketajournal_path) = ' + repr(' '.join(command.path)))}"
        for child in command.children:
            out.append(f"complete -c {PROG} {where} -a {_fish_text(child.path[-1])} "
                       f"-d {_fish_text(child.help)}")
        for option in command.options:
            if not option.flags:
                if option.choices:
                    out.append(f"complete -c {PROG} {where} "
                               f"-a {_fish_text(' '.join(option.choices))}")
                elif _kind(option) != "text":
                    out.append(f"complete -c {PROG} {where} -F")
                continue
            flags = " ".join(f"-s {f[1:]}" if not f.startswith("--") else f"-l {f[2:]}"
                             for f in option.flags)
            value = {
                "dir": " -x -a '(__fish_complete_directories)'",
                "file": " -r -F",
                "choice": f" -x -a {_fish_text(' '.join(option.choices))}",
                "text": " -x",
            }[_kind(option)] if option.takes_value else ""
            described = f" -d {_fish_text(option.help)}" if option.help else ""
            out.append(f"complete -c {PROG} {where} {flags}{value}{described}")
    out.append(f"complete -c {NAMES[1]} -w {PROG}")
    return "\n".join(out) + "\n"


def generate() -> dict[Path, str]:
    """Every output's path (relative to the repository root) and its text."""
    tree = command_tree()
    texts = (man_page(tree), bash_completion(tree), zsh_completion(tree),
             fish_completion(tree))
    return dict(zip(OUTPUTS, texts, strict=True))


def write(root: Path) -> list[Path]:
    """Write every output under ``root``; return the paths written."""
    written = []
    for relative, text in generate().items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def stale(root: Path) -> list[Path]:
    """The outputs under ``root`` that are missing or differ from what would be generated."""
    return [relative for relative, text in generate().items()
            if not (root / relative).is_file()
            or (root / relative).read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    """``python -m resources.manpage [--check]``."""
    parser = argparse.ArgumentParser(prog="python -m resources.manpage",
                                     description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    args = parser.parse_args(argv)
    if args.check:
        outdated = stale(ROOT)
        for path in outdated:
            print(f"stale: {path} (run python -m resources.manpage)", file=sys.stderr)
        return 1 if outdated else 0
    for path in write(ROOT):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
