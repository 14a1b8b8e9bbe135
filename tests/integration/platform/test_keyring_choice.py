"""The remembered keyring backend: real files, real keyring backends, a real Secret Service.

The Secret Service tests run GNOME Keyring in a private D-Bus session (as
packaging/smoke.sh does) and skip, saying so, where it is not installed. Each start is
a child process: keyring's choice is made once per process.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from keyring.backends import chainer, fail, null

from ketajournal.platform import keyring_choice
from ketajournal.platform.paths import JournalPaths
from tests.support.crashed import ROOT
from tests.support.keyrings import MemoryKeyring

SECRET_SERVICE = "keyring.backends.SecretService:Keyring"


def write_choice(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text)
    path.chmod(mode)
    return path


@pytest.mark.parametrize("text", [
    "keyrings.alt.file:PlaintextKeyring",  # keeps keys in clear (and is viable here)
    "keyrings.alt.file.PlaintextKeyring",
    "keyring.backends.chainer:ChainerBackend",  # needs keyring's search anyway
    "keyring.backends.fail:Keyring",  # no keyring
    "keyring.backends.null:Keyring",
    "keyring.backends.gone:Keyring",
    "keyring.backends.SecretService:Nothing",
    "keyring.backend:KeyringBackend",
    "os:system",
    "",
    "keyring.backends.SecretService:Keyring\nkeyring.backends.kwallet:DBusKeyring",
])
def test_a_remembered_name_that_is_not_a_usable_keyring_backend_is_never_used(
    tmp_path: Path, text: str
) -> None:
    assert keyring_choice.remembered(write_choice(tmp_path / "keyring-backend", text)) is None


def test_a_remembered_backend_that_is_not_viable_here_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")  # no Secret Service reachable
    choice = write_choice(tmp_path / "keyring-backend", SECRET_SERVICE + "\n")
    assert keyring_choice.remembered(choice) is None


def test_a_backend_that_may_not_be_remembered_removes_the_file(tmp_path: Path) -> None:
    from keyrings.alt.file import PlaintextKeyring

    choice = tmp_path / "keyring-backend"
    for backend in (PlaintextKeyring(), fail.Keyring(), null.Keyring(),
                    chainer.ChainerBackend(), MemoryKeyring()):
        write_choice(choice, SECRET_SERVICE)
        keyring_choice.remember(choice, backend)
        assert not choice.exists(), backend
    keyring_choice.remember(tmp_path / "no such home" / "keyring-backend", fail.Keyring())
    assert not (tmp_path / "no such home").exists()  # the home is never made for it


def test_the_choice_file_is_named_for_the_desktop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = JournalPaths(tmp_path)
    monkeypatch.delenv("XDG_CURRENT_DESKTOP", raising=False)
    assert keyring_choice.choice_file(paths) == tmp_path / "keyring-backend"
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    assert keyring_choice.choice_file(paths) == tmp_path / "keyring-backend.KDE"


def test_the_folders_watched_for_new_packages_and_keyring_daemons(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_DIRS", f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}")
    watched = keyring_choice.watched_folders()
    assert tmp_path / "data" / "dbus-1" / "services" in watched
    assert tmp_path / "b" / "dbus-1" / "services" in watched
    assert Path(shutil.__file__).parent in watched  # where the standard library is
    assert any(Path(p) in watched for p in sys.path if p.endswith("site-packages"))


# -- A patient's start, with GNOME Keyring --------------------------------------------

NEEDS = ("dbus-run-session", "gnome-keyring-daemon")

#: One start's key read: ``python -c START <action> <home>``; prints what happened.
START = textwrap.dedent(
    """
    import json, logging, os, sys
    from pathlib import Path
    METADATA = "importlib.metadata" if sys.version_info >= (3, 12) else "importlib_metadata"
    if os.environ.get("PATIENT_INSTALL"):  # no keyrings.alt, as in the app's packages
        sys.modules["keyrings.alt"] = None
        logging.getLogger("keyring.backend").disabled = True  # "Error initializing plugin"
    from ketajournal.platform.keystore import KeyringKeyStore, backend_name, keyring_entry
    import keyring  # after the key store, which imports it lightly, as the window does
    from ketajournal.platform.paths import JournalPaths
    action, home = sys.argv[1], Path(sys.argv[2])
    entry = keyring_entry(home, "a" * 32)
    if action == "alone":  # keyring's own choice, without ketajournal's store
        print(json.dumps({"backend": backend_name(keyring.get_keyring())}))
        raise SystemExit
    store = KeyringKeyStore(JournalPaths(home))
    if action == "put":
        store.put(entry, bytes(range(32)))
    found = store.get(entry)
    print(json.dumps({
        "found": found.hex() if found is not None else None,
        "backend": backend_name(keyring.get_keyring()),
        "searched": sys.modules.get(METADATA + "._meta") is not None,
    }))
    """
)


def patient(tmp_path: Path, steps: list[list[str]], **extra: str) -> list[dict[str, object]]:
    """Run ``steps`` (each a START action and its env as ``NAME=value`` words) in one
    private D-Bus session with an unlocked GNOME Keyring; one JSON result per step."""
    if missing := [tool for tool in NEEDS if shutil.which(tool) is None]:
        pytest.skip(f"needs GNOME Keyring in a D-Bus session: {', '.join(missing)} not installed")
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("PYTHON_KEYRING_BACKEND", "KETAJOURNAL_TEST_KEYRING",
                                "DBUS_SESSION_BUS_ADDRESS", "XDG_CURRENT_DESKTOP")}
    run_dir = tmp_path / "run"
    run_dir.mkdir(mode=0o700, exist_ok=True)
    environment.update(
        PYTHONPATH=os.pathsep.join([str(tmp_path / "site"), str(ROOT)]),
        HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(run_dir),
        START=START, PY=sys.executable, **extra,
    )
    (tmp_path / "site").mkdir(exist_ok=True)
    lines = ['eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)" '
             '>/dev/null']
    for words in steps:
        lines.append(" ".join(["env", *words[2:], '"$PY"', '-c "$START"', words[0], words[1]]))
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", "\n".join(lines)],
        capture_output=True, text=True, env=environment, cwd=tmp_path, timeout=240,
        check=False,
    )
    found = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(found) == len(steps), result.stderr[-2000:]
    return found


def test_a_start_uses_the_backend_keyring_chose_before_without_its_search(
    tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    choice = home / "keyring-backend"
    first, alone, second, third = patient(tmp_path, [
        ["put", str(home)], ["alone", str(home)], ["get", str(home)], ["get", str(home)],
    ], PATIENT_INSTALL="1")
    key = bytes(range(32)).hex()
    # The first start searched, as keyring does, and remembered keyring's choice.
    assert first == {"found": key, "backend": alone["backend"], "searched": True}
    assert alone["backend"] == "keyring.backends.SecretService.Keyring"
    assert choice.read_text() == SECRET_SERVICE + "\n"  # module:class, nothing else
    assert stat.S_IMODE(choice.stat().st_mode) == 0o600
    # Later starts use it: the same backend, the same key, keyring's search never run.
    assert second == third == {"found": key, "backend": alone["backend"], "searched": False}


def test_a_new_package_another_desktop_or_a_named_backend_makes_keyring_choose(
    tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    choice = home / "keyring-backend"
    patient(tmp_path, [["put", str(home)]], PATIENT_INSTALL="1")
    written = choice.stat().st_mtime_ns
    time.sleep(0.05)
    (tmp_path / "site" / "new_keyring_backend").mkdir()  # a package installed since
    after_install, again = patient(tmp_path, [["get", str(home)], ["get", str(home)]],
                                   PATIENT_INSTALL="1")
    assert after_install["searched"] and not again["searched"]
    assert choice.stat().st_mtime_ns > written  # remembered anew, after the install
    # Another desktop has a choice of its own; the first one's file is left as it was.
    kde, kde_again = patient(tmp_path, [["get", str(home)], ["get", str(home)]],
                             PATIENT_INSTALL="1", XDG_CURRENT_DESKTOP="KDE")
    assert kde["searched"] and not kde_again["searched"]
    assert (home / "keyring-backend.KDE").read_text() == SECRET_SERVICE + "\n"
    # PYTHON_KEYRING_BACKEND wins exactly as keyring says; the file is not used or changed.
    before = choice.stat().st_mtime_ns
    (named,) = patient(tmp_path, [["get", str(home)]], PATIENT_INSTALL="1",
                       PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    assert named["backend"] == "keyring.backends.null.Keyring" and named["found"] is None
    # So does keyring's config file.
    config = tmp_path / "config" / "python_keyring"
    config.mkdir(parents=True)
    (config / "keyringrc.cfg").write_text(
        "[backend]\ndefault-keyring=keyring.backends.null.Keyring\n")
    (configured,) = patient(tmp_path, [["get", str(home)]], PATIENT_INSTALL="1")
    assert configured["backend"] == "keyring.backends.null.Keyring"
    assert choice.stat().st_mtime_ns == before


def test_a_key_the_remembered_backend_lacks_is_read_where_keyring_now_chooses(
    tmp_path: Path
) -> None:
    """Another backend became usable without an install (here keyrings.alt's, so keyring
    now chains both): the remembered one does not hold the key, keyring's choice does."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    choice = home / "keyring-backend"
    # The key went into the plaintext backend once, chosen explicitly.
    patient(tmp_path, [["put", str(home)]],
            PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    write_choice(choice, SECRET_SERVICE + "\n")  # remembered while it was keyring's choice
    alone, start = patient(tmp_path, [["alone", str(home)], ["get", str(home)]])
    assert alone["backend"] == "keyring.backends.chainer.ChainerBackend"
    assert start == {"found": bytes(range(32)).hex(), "backend": alone["backend"],
                     "searched": True}
    assert not choice.exists()  # a chain is never remembered: each start lets keyring choose


def test_a_remembered_file_that_is_not_private_is_ignored_and_replaced(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    choice = home / "keyring-backend"
    patient(tmp_path, [["put", str(home)]], PATIENT_INSTALL="1")
    choice.chmod(0o644)  # someone else could have written it
    ignored, replaced = patient(tmp_path, [["get", str(home)], ["get", str(home)]],
                                PATIENT_INSTALL="1")
    assert ignored["searched"] and not replaced["searched"]
    assert ignored["found"] == replaced["found"] == bytes(range(32)).hex()
    assert stat.S_IMODE(choice.stat().st_mode) == 0o600
    assert choice.read_text() == SECRET_SERVICE + "\n"
