"""Start at login: the XDG autostart entry, the macOS LaunchAgent, the Windows Run key.

Off by default; the patient turns it on in Settings. The caller passes the command to
start (the app in the background, e.g. ``ketajournal --background``), as an argument
list. Only the Linux entry is tested here (in a temporary ``XDG_CONFIG_HOME``, checked
with ``desktop-file-validate``); the LaunchAgent and the Run key are written as they
would ship, following Apple's and Microsoft's documentation, and are not verified on
those systems.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from ketajournal import APP_ID
from ketajournal.platform.files import atomic_path, write_text_atomic

DISPLAY_NAME = "KetaJournal"
#: The value's name under HKCU\Software\Microsoft\Windows\CurrentVersion\Run.
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = DISPLAY_NAME

# Characters that make a desktop-entry Exec argument need quotes, and those that must
# be escaped inside the quotes (Desktop Entry Specification, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = set('"`$\\')


def app_command() -> list[str]:
    """What start at login runs: this app in the background (``--background``).

    The installed ``ketajournal`` script when it is on the PATH, else this Python with
    ``-m ketajournal``.
    """
    script = shutil.which("ketajournal")
    if script:
        return [script, "--background"]
    return [sys.executable, "-m", "ketajournal", "--background"]


def xdg_autostart_path() -> Path:
    """``$XDG_CONFIG_HOME/autostart/<app id>.desktop`` (``~/.config`` when unset or relative)."""
    base = os.environ.get("XDG_CONFIG_HOME", "")
    config = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return config / "autostart" / f"{APP_ID}.desktop"


def launch_agent_path() -> Path:
    """``~/Library/LaunchAgents/<app id>.plist``."""
    return Path.home() / "Library" / "LaunchAgents" / f"{APP_ID}.plist"


def exec_argument(argument: str) -> str:
    """One argument of a desktop entry's ``Exec`` line, quoted and escaped as the spec says."""
    if argument == "" or any(c in _RESERVED for c in argument):
        quoted = "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in argument)
        argument = f'"{quoted}"'
    # Field codes start with %; a literal one is %%. Then the string-value escape,
    # which doubles every backslash once more.
    return argument.replace("%", "%%").replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    """The text of the XDG autostart entry that runs ``command`` at login."""
    if not command:
        raise ValueError("the autostart command is empty")
    exec_line = " ".join(exec_argument(a) for a in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={DISPLAY_NAME}\n"
        "Comment=Keeps ketajournal's reminders running after login\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent(command: Sequence[str]) -> bytes:
    """The LaunchAgent property list that runs ``command`` at login (macOS; unverified)."""
    if not command:
        raise ValueError("the autostart command is empty")
    return plistlib.dumps({
        "Label": APP_ID,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    })


def run_key_command(command: Sequence[str]) -> str:
    """The command line stored in the Run key (Windows quoting rules; unverified)."""
    if not command:
        raise ValueError("the autostart command is empty")
    return subprocess.list2cmdline(list(command))


def enable(command: Sequence[str]) -> None:
    """Start ``command`` at login, replacing any earlier entry of ours."""
    if sys.platform == "win32":
        import winreg

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, run_key_command(command))
    elif sys.platform == "darwin":
        target = launch_agent_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as tmp:
            tmp.write_bytes(launch_agent(command))
    else:
        target = xdg_autostart_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, desktop_entry(command))


def disable() -> None:
    """Stop starting at login. Nothing to do when it was off."""
    if sys.platform == "win32":
        import winreg

        with (
            winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key,
            contextlib.suppress(FileNotFoundError),  # off already
        ):
            winreg.DeleteValue(key, RUN_VALUE)
    elif sys.platform == "darwin":
        launch_agent_path().unlink(missing_ok=True)
    else:
        xdg_autostart_path().unlink(missing_ok=True)


def is_enabled() -> bool:
    """Whether our start-at-login entry exists."""
    if sys.platform == "win32":
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.QueryValueEx(key, RUN_VALUE)
        except FileNotFoundError:
            return False
        return True
    if sys.platform == "darwin":
        return launch_agent_path().exists()
    return xdg_autostart_path().exists()
