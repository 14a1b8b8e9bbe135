"""Where the journal's key is kept: the OS keyring (checked by reading back) or memory."""

from __future__ import annotations

import keyring
import pytest

from ketajournal.platform.keystore import (
    SERVICE,
    KeyringKeyStore,
    KeyringUnavailableError,
    MemoryKeyStore,
)
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
