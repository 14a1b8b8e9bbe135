"""Where the journal's key is kept: the OS keyring (checked by reading back) or memory."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from ketajournal.platform.keystore import (
    SERVICE,
    KeyringKeyStore,
    KeyringUnavailableError,
    MemoryKeyStore,
    keyring_entry,
)
from tests.support.crashed import ROOT
from tests.support.keyrings import LockedKeyring, MemoryKeyring

KEY = bytes(range(32))


def test_the_keyring_store_keeps_a_key_per_journal_and_forgets_it(
    memory_keyring: MemoryKeyring,
) -> None:
    store = KeyringKeyStore()
    assert store.get("abc") is None
    store.put("abc", KEY)
    assert store.get("abc") == KEY and store.get("other") is None
    assert memory_keyring.passwords == {(SERVICE, "journal-abc"): KEY.hex()}
    store.delete("abc")
    store.delete("abc")  # already gone: fine
    assert store.get("abc") is None and memory_keyring.passwords == {}


def test_keyring_entries_are_bound_to_the_journal_folder_and_old_ones_still_read(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    real, copy = tmp_path / "real", tmp_path / "elsewhere"
    real.mkdir()
    entry = keyring_entry(real, "abc")
    assert entry == keyring_entry(tmp_path / "x" / ".." / "real", "abc")  # resolved
    assert entry != keyring_entry(copy, "abc") and str(real) not in entry
    store = KeyringKeyStore()
    store.put(keyring_entry(copy, "abc"), bytes(32))  # another journal claiming the id
    store.put(entry, KEY)  # never taken: each folder has its own entry
    assert store.get(entry) == KEY and store.get(keyring_entry(copy, "abc")) == bytes(32)
    # An entry an older ketajournal made under the id alone is read, never written.
    memory_keyring.passwords.clear()
    memory_keyring.passwords[(SERVICE, "journal-abc")] = KEY.hex()
    assert store.get(entry) == KEY and store.get(keyring_entry(copy, "abc")) == KEY
    store.delete(keyring_entry(copy, "abc"), bytes(32))  # not its key: the old entry stays
    assert (SERVICE, "journal-abc") in memory_keyring.passwords
    store.delete(entry, KEY)  # the journal's own key: the old entry goes with it
    assert memory_keyring.passwords == {}


def test_a_value_that_is_not_ours_reads_as_a_wrong_key(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[(SERVICE, "journal-abc")] = "not hex"
    assert KeyringKeyStore().get("abc") == b""


def test_a_locked_keyring_is_a_known_error_naming_no_key() -> None:
    keyring.set_keyring(LockedKeyring())
    store = KeyringKeyStore()
    for call in (lambda: store.get("abc"), lambda: store.put("abc", KEY)):
        with pytest.raises(KeyringUnavailableError) as caught:
            call()
        assert KEY.hex() not in str(caught.value)


def test_the_memory_store_lives_only_in_this_object() -> None:
    store = MemoryKeyStore()
    store.put("abc", KEY)
    assert store.get("abc") == KEY and MemoryKeyStore().get("abc") is None
    store.delete("abc")
    store.delete("abc")
    assert store.get("abc") is None


pytest.importorskip("keyrings.alt")  # a test dependency (pyproject.toml)


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("PYTHON_KEYRING_BACKEND", "KETAJOURNAL_TEST_KEYRING")}
    base.update(
        PYTHONPATH=str(ROOT), HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"), DBUS_SESSION_BUS_ADDRESS="disabled:",
    )
    base.update(extra)
    return base


def cli(environment: dict[str, str], home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ketajournal", *args, "--home", str(home)],
        capture_output=True, text=True, cwd=ROOT, env=environment, timeout=120, check=False,
    )


def clear_text_files(tmp_path: Path) -> list[Path]:
    return [p for p in (tmp_path / "data").rglob("*") if p.is_file()]


def test_the_plaintext_backend_keyring_picks_by_itself_is_no_keyring(tmp_path: Path) -> None:
    automatic = env(tmp_path)
    probe = subprocess.run([sys.executable, "-c", "import keyring; print(keyring.get_keyring())"],
                           capture_output=True, text=True, env=automatic, check=True)
    assert "PlaintextKeyring" in probe.stdout  # what keyring chose by itself
    result = cli(automatic, tmp_path / "home", "log", "mood", "5")
    assert result.returncode != 0
    assert "keeps keys in a plain file" in result.stderr
    assert not clear_text_files(tmp_path)  # no key written in clear
    assert not (tmp_path / "home" / "journal.db").exists()


LIGHT_PROBE = """
import json, sys
import PySide6.QtCore  # the window's import hook reads the source of every module after it
import ketajournal.platform.keystore as keystore
import keyring
metadata = "importlib.metadata" if sys.version_info >= (3, 12) else "importlib_metadata"
put_off = {metadata: metadata + "._meta", "more_itertools": "more_itertools.more"}
at_import = sorted(m for m, inner in put_off.items() if inner in sys.modules)
chosen = keystore.backend_name(keyring.get_keyring())
loaded = sorted(m for m in ("urllib.request", "http.client", "ssl", "email.parser",
                            "keyring.backends.macOS.api", "ctypes.util") if sys.modules.get(m))
after_choice = sorted(m for m, inner in put_off.items() if inner in sys.modules)
import jaraco.context, jaraco.functools, keyring.backend, urllib.request
# First real use, through the names keyring and jaraco hold: the real modules load.
found = sorted({ep.name for ep in keyring.backend.metadata.entry_points(group="keyring.backends")})
consumed = jaraco.functools.more_itertools.first([7])
import importlib
real = {m: getattr(importlib.import_module(m), "__file__", None) is not None for m in put_off}
print(json.dumps({"loaded": loaded, "chosen": chosen, "at_import": at_import,
                  "after_choice": after_choice, "entry_points": found, "first": consumed,
                  "real": real, "urlopen": jaraco.context.urllib.request.urlopen
                  is urllib.request.urlopen}))
"""
PLAIN_ENTRY_POINTS = (
    "import json, sys; from importlib import metadata; "
    "print(json.dumps(sorted({ep.name for ep in metadata.entry_points("
    "group='keyring.backends')})))"
)


@pytest.mark.parametrize("backend", ["", "keyrings.alt.file.PlaintextKeyring"])
def test_keyring_is_imported_without_urllib_and_picks_the_backend_it_would_pick(
    tmp_path: Path, backend: str
) -> None:
    """The light import (docs/performance.md) leaves nothing behind and changes no choice;
    the modules it puts off are not loaded by the import and are real on first use."""
    environment = env(tmp_path, **({"PYTHON_KEYRING_BACKEND": backend} if backend else {}))
    plain = subprocess.run(
        [sys.executable, "-c",
         "import keyring; from ketajournal.platform.keystore import backend_name; "
         "print(backend_name(keyring.get_keyring()))"],
        capture_output=True, text=True, env=environment, check=True, cwd=ROOT)
    light = subprocess.run([sys.executable, "-c", LIGHT_PROBE], capture_output=True, text=True,
                           env=environment, check=True, cwd=ROOT)
    found = json.loads(light.stdout)
    assert found["chosen"] == plain.stdout.strip()  # the same backend as keyring alone picks
    assert found["urlopen"]  # a later import gets the real urllib.request, for jaraco too
    heavy = ["http.client", "ssl", "urllib.request", "email.parser"]
    if sys.platform != "darwin":
        heavy += ["keyring.backends.macOS.api", "ctypes.util"]
    assert not set(heavy) & set(found["loaded"]), found["loaded"]
    assert found["at_import"] == []  # neither put-off module ran when keyring was imported
    metadata = "importlib.metadata" if sys.version_info >= (3, 12) else "importlib_metadata"
    # keyring's own discovery (no backend named) is a real use of the entry points.
    assert found["after_choice"] == ([] if backend else [metadata])
    everything = subprocess.run([sys.executable, "-c", PLAIN_ENTRY_POINTS], capture_output=True,
                                text=True, env=environment, check=True, cwd=ROOT)
    assert found["entry_points"] == json.loads(everything.stdout)
    assert "SecretService" in found["entry_points"] and found["first"] == 7
    assert found["real"] == {metadata: True, "more_itertools": True}


def test_a_plaintext_backend_chosen_explicitly_is_used_with_a_warning(tmp_path: Path) -> None:
    chosen = env(tmp_path, PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    home = tmp_path / "home"
    made = cli(chosen, home, "log", "mood", "5")
    assert made.returncode == 0, made.stderr
    assert ("ketajournal: WARNING: the keyring backend keyrings.alt.file.PlaintextKeyring keeps"
            in made.stderr)
    assert clear_text_files(tmp_path)
    code = next(line.strip() for line in made.stderr.splitlines()
                if line.strip().count("-") == 7)
    # Later, without the explicit choice, it is not used: the recovery key opens it.
    refused = cli(env(tmp_path), home, "check")
    assert refused.returncode != 0 and "plain file" in refused.stderr
    secret = tmp_path / "code.txt"
    secret.write_text(code)
    secret.chmod(0o600)
    opened = cli(env(tmp_path), home, "check", "--password-file", str(secret))
    assert opened.returncode == 0, opened.stderr
    # Opened with the recovery key, the copy left in the plain file nobody chose goes.
    assert "removed the journal's key" in opened.stderr
    assert not any(stored_key(p) for p in clear_text_files(tmp_path))
    again = cli(env(tmp_path), home, "check", "--password-file", str(secret))
    assert again.returncode == 0 and "removed" not in again.stderr


def stored_key(path: Path) -> bool:
    """True if the keyring file ``path`` holds a journal's entry (keyrings.alt writes
    ``journal_2d<id> = <base64 of the key>``)."""
    return re.search(r"^journal_", path.read_text(errors="replace"), re.MULTILINE) is not None


def test_turning_the_keyring_off_clears_a_key_a_plaintext_backend_still_holds(
    tmp_path: Path
) -> None:
    home = tmp_path / "home"
    made = cli(env(tmp_path, PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring"),
               home, "log", "mood", "5")
    assert made.returncode == 0, made.stderr
    assert any(stored_key(p) for p in clear_text_files(tmp_path))
    code = next(line.strip() for line in made.stderr.splitlines()
                if line.strip().count("-") == 7)
    # Turning the keyring off (passphrase mode) deletes the entry: also from a plain-file
    # backend that keyring now picks by itself and that ketajournal no longer uses.
    delete = subprocess.run(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; "
         "from ketajournal.platform.keystore import KeyringKeyStore, keyring_entry; "
         "KeyringKeyStore().delete(keyring_entry(Path(sys.argv[1]), sys.argv[2]))",
         str(home), journal_id(home)],
        capture_output=True, text=True, cwd=ROOT, env=env(tmp_path), timeout=60, check=False,
    )
    assert delete.returncode == 0, delete.stderr
    assert not any(stored_key(p) for p in clear_text_files(tmp_path))
    assert code  # the recovery key still opens the journal
    secret = tmp_path / "code.txt"
    secret.write_text(code)
    secret.chmod(0o600)
    assert cli(env(tmp_path), home, "check", "--password-file", str(secret)).returncode == 0


def journal_id(home: Path) -> str:
    return str(json.loads((home / "journal.header").read_text())["journal_id"])
