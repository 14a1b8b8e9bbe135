"""Keys: recovery codes, wrapped keys in the header, passphrase mode, life without a keyring.

Every path runs on real encrypted journals in ``tmp_path``. Argon2id is lowered to
its cheapest setting here (the parameters are stored per wrap, so that is safe);
one test runs the shipped parameters.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform import crypto
from ketajournal.platform.crypto import (
    Argon2Params,
    RecoveryCode,
    new_recovery_code,
)
from ketajournal.platform.keystore import (
    SERVICE,
    KeyringKeyStore,
    KeyringUnavailableError,
    keyring_entry,
)
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import keys as keys_module
from ketajournal.services.journal import Journal
from ketajournal.services.keys import (
    ENV_PASSWORD_FILE,
    MIN_PASSPHRASE_LENGTH,
    KeyChangeFailedError,
    KeyLostError,
    KeyMissingError,
    KeyringLockedOutError,
    KeySource,
    NeedsSecretError,
    NoWrappedKeyError,
    PassphraseError,
    PassphraseRequiredError,
    SecretFileError,
    WrongSecretError,
    add_recovery_key_if_missing,
    change_passphrase,
    confirm_matches,
    confirmation_groups,
    disable_passphrase,
    enable_passphrase,
    key_status,
    read_secret_file,
    recovery_notice,
    recovery_sheet,
    remember_in_keyring,
    rotate_recovery_key,
    secret_from_options,
    unlock_delay_seconds,
    unlock_key,
)
from ketajournal.services.opening import NothingToUnlockError, open_journal, open_or_create
from ketajournal.storage.header import read_header
from tests.support.keyrings import LockedKeyring, MemoryKeyring

#: The shipped Argon2id setting, captured before the fixture below lowers it.
SHIPPED_ARGON2 = crypto.ARGON2_DEFAULT
FAST_ARGON2 = Argon2Params(memory_kib=8, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"
OTHER_PASSPHRASE = "a different long passphrase"
CODE_SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$")
WRONG_SECRET_MESSAGE = (
    "That passphrase or recovery key does not open this journal. Nothing was changed."
)


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", FAST_ARGON2)


@pytest.fixture
def created(paths: JournalPaths, clock, memory_keyring: MemoryKeyring) -> Iterator[Created]:
    """A journal with one entry, closed; its recovery code and key."""
    opened = open_or_create(paths, KeyringKeyStore(), clock=clock)
    opened.journal.log(MoodEntry(at=clock() - timedelta(hours=1), mood=4))
    opened.journal.close()
    assert opened.new_recovery_code is not None
    yield Created(opened.new_recovery_code, keyring_key(memory_keyring))


class Created:
    def __init__(self, code: RecoveryCode, key: bytes) -> None:
        self.code = code
        self.key = key


def keyring_key(memory_keyring: MemoryKeyring) -> bytes:
    (value,) = memory_keyring.passwords.values()
    return bytes.fromhex(value)


def snapshot(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def reopen(paths: JournalPaths, clock, secret: str | None = None) -> Journal:
    return open_journal(paths, KeyringKeyStore(), secret, create=False, clock=clock)


def moods_with(paths: JournalPaths, clock, secret: str | None = None) -> int:
    journal = reopen(paths, clock, secret)
    try:
        return len(journal.moods())
    finally:
        journal.close()


# -- first run and opening with the recovery key -----------------------------------------


def test_first_run_hands_back_the_recovery_code_once(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring
) -> None:
    opened = open_or_create(paths, KeyringKeyStore(), clock=clock)
    opened.journal.close()
    assert opened.created and opened.unlocked_with is KeySource.KEYRING
    code = opened.new_recovery_code
    assert code is not None and CODE_SHAPE.match(str(code))
    assert str(code) not in repr(opened)
    status = key_status(paths)
    assert status.has_recovery_key and not status.passphrase_mode
    assert status.recovery_created == clock().date().isoformat()

    again = open_or_create(paths, KeyringKeyStore(), clock=clock)
    again.journal.close()
    assert not again.created and again.new_recovery_code is None


def test_recovery_key_opens_the_journal_on_a_clean_machine(
    paths: JournalPaths, clock, created: Created, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.passwords.clear()  # another computer: an empty keyring
    with pytest.raises(KeyMissingError) as missing:
        reopen(paths, clock)
    assert isinstance(missing.value, NeedsSecretError)
    assert "recovery key or passphrase" in str(missing.value)

    opened = open_or_create(paths, KeyringKeyStore(), str(created.code), create=False, clock=clock)
    try:
        assert opened.unlocked_with is KeySource.RECOVERY_KEY
        assert len(opened.journal.moods()) == 1
    finally:
        opened.journal.close()
    assert memory_keyring.passwords == {}  # opening with the code writes no keyring entry


def test_a_sloppily_typed_recovery_key_still_opens(
    paths: JournalPaths, clock, created: Created
) -> None:
    typed = " ".join(created.code.groups).lower().replace("0", "o").replace("1", "l")
    assert moods_with(paths, clock, typed) == 1


@pytest.mark.parametrize(
    "backend", [LockedKeyring, keyring.backends.fail.Keyring], ids=["locked", "no-backend"]
)
def test_without_a_usable_keyring_the_recovery_key_opens_the_journal(
    paths: JournalPaths, clock, created: Created, backend
) -> None:
    before = snapshot(paths.home)
    keyring.set_keyring(backend())
    with pytest.raises(KeyringLockedOutError) as info:
        reopen(paths, clock)
    # Callers that knew only the keyring error still catch it; the unlock prompt catches
    # NeedsSecretError.
    assert isinstance(info.value, KeyringUnavailableError)
    assert isinstance(info.value, NeedsSecretError)
    assert "system keyring" in str(info.value)
    assert "recovery key or passphrase" in str(info.value)
    assert snapshot(paths.home) == before
    assert moods_with(paths, clock, str(created.code)) == 1


def test_the_keyring_still_opens_the_journal_without_a_secret(
    paths: JournalPaths, clock, created: Created
) -> None:
    assert unlock_key(paths, KeyringKeyStore()) == created.key
    assert unlock_key(paths, KeyringKeyStore(), str(created.code)) == created.key
    assert moods_with(paths, clock) == 1


@pytest.mark.parametrize(
    "secret",
    [
        "not the passphrase at all",
        "",
        "0000-0000-0000-0000-0000-0000-0000-0000",
        "correct horse battery staple",
    ],
)
def test_a_wrong_secret_is_refused_and_changes_nothing(
    paths: JournalPaths, clock, created: Created, memory_keyring: MemoryKeyring, secret: str
) -> None:
    before, keys_before = snapshot(paths.home), dict(memory_keyring.passwords)
    with pytest.raises(WrongSecretError) as info:
        reopen(paths, clock, secret)
    assert str(info.value) == WRONG_SECRET_MESSAGE
    assert snapshot(paths.home) == before
    assert memory_keyring.passwords == keys_before


def test_a_secret_never_creates_a_journal(paths: JournalPaths, clock, tmp_path: Path) -> None:
    with pytest.raises(NothingToUnlockError):
        open_or_create(paths, KeyringKeyStore(), PASSPHRASE, clock=clock)
    assert snapshot(tmp_path) == {}


# -- passphrase mode ---------------------------------------------------------------------


def enable(paths: JournalPaths, clock, passphrase: str = PASSPHRASE) -> None:
    journal = reopen(paths, clock)
    try:
        enable_passphrase(journal, KeyringKeyStore(), passphrase)
    finally:
        journal.close()


def test_passphrase_mode_removes_the_keyring_copy_and_opens_only_with_a_secret(
    paths: JournalPaths, clock, created: Created, memory_keyring: MemoryKeyring
) -> None:
    enable(paths, clock)
    assert memory_keyring.passwords == {}
    status = key_status(paths)
    assert status.passphrase_mode and status.argon2 == FAST_ARGON2

    # The keyring is not even asked: a locked one makes no difference.
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(PassphraseRequiredError) as info:
        reopen(paths, clock)
    assert isinstance(info.value, NeedsSecretError) and "passphrase" in str(info.value)

    opened = open_or_create(paths, KeyringKeyStore(), PASSPHRASE, create=False, clock=clock)
    opened.journal.close()
    assert opened.unlocked_with is KeySource.PASSPHRASE
    assert moods_with(paths, clock, str(created.code)) == 1  # the recovery key still works
    with pytest.raises(WrongSecretError):
        reopen(paths, clock, OTHER_PASSPHRASE)


@pytest.mark.parametrize("passphrase", ["short", " " * 12, "x" * (MIN_PASSPHRASE_LENGTH - 1)])
def test_a_short_passphrase_is_refused_with_its_minimum(
    paths: JournalPaths, clock, created: Created, memory_keyring: MemoryKeyring, passphrase: str
) -> None:
    before, keys_before = snapshot(paths.home), dict(memory_keyring.passwords)
    with pytest.raises(PassphraseError, match=f"at least {MIN_PASSPHRASE_LENGTH} characters"):
        enable(paths, clock, passphrase)
    assert memory_keyring.passwords == keys_before
    assert read_header(paths.header).passphrase is None
    assert snapshot(paths.home)["journal.header"] == before["journal.header"]


def test_enabling_twice_is_refused(paths: JournalPaths, clock, created: Created) -> None:
    enable(paths, clock)
    journal = reopen(paths, clock, PASSPHRASE)
    try:
        with pytest.raises(PassphraseError, match="Change it"):
            enable_passphrase(journal, KeyringKeyStore(), OTHER_PASSPHRASE)
    finally:
        journal.close()


def test_when_the_keyring_cannot_drop_the_key_the_journal_stays_in_keyring_mode(
    paths: JournalPaths, clock, created: Created, memory_keyring: MemoryKeyring
) -> None:
    header_before = paths.header.read_bytes()
    journal = reopen(paths, clock)
    try:
        keyring.set_keyring(LockedKeyring())
        with pytest.raises(KeyringUnavailableError):
            enable_passphrase(journal, KeyringKeyStore(), PASSPHRASE)
    finally:
        journal.close()
    assert paths.header.read_bytes() == header_before
    keyring.set_keyring(memory_keyring)
    assert keyring_key(memory_keyring) == created.key
    assert moods_with(paths, clock) == 1


def test_passphrase_mode_works_on_a_machine_without_any_keyring(
    paths: JournalPaths, clock, created: Created
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    journal = reopen(paths, clock, str(created.code))
    try:
        enable_passphrase(journal, KeyringKeyStore(), PASSPHRASE)
    finally:
        journal.close()
    assert moods_with(paths, clock, PASSPHRASE) == 1


def test_changing_the_passphrase_refuses_the_old_one(
    paths: JournalPaths, clock, created: Created
) -> None:
    enable(paths, clock)
    journal = reopen(paths, clock, PASSPHRASE)
    try:
        before = snapshot(paths.home)["journal.header"]
        with pytest.raises(WrongSecretError):
            change_passphrase(journal, OTHER_PASSPHRASE, current="not the passphrase")
        assert snapshot(paths.home)["journal.header"] == before
        change_passphrase(journal, OTHER_PASSPHRASE, current=PASSPHRASE)
    finally:
        journal.close()
    with pytest.raises(WrongSecretError):
        reopen(paths, clock, PASSPHRASE)
    assert moods_with(paths, clock, OTHER_PASSPHRASE) == 1
    assert moods_with(paths, clock, str(created.code)) == 1


def test_the_recovery_key_can_stand_in_for_a_forgotten_passphrase_when_changing_it(
    paths: JournalPaths, clock, created: Created
) -> None:
    enable(paths, clock)
    journal = reopen(paths, clock, str(created.code))
    try:
        change_passphrase(journal, OTHER_PASSPHRASE, current=str(created.code))
    finally:
        journal.close()
    assert moods_with(paths, clock, OTHER_PASSPHRASE) == 1


def test_changing_needs_passphrase_mode(paths: JournalPaths, clock, created: Created) -> None:
    journal = reopen(paths, clock)
    try:
        with pytest.raises(PassphraseError, match="no passphrase"):
            change_passphrase(journal, OTHER_PASSPHRASE)
        with pytest.raises(PassphraseError, match="no passphrase"):
            disable_passphrase(journal, KeyringKeyStore())
    finally:
        journal.close()


def test_disabling_puts_the_key_back_in_the_keyring_and_drops_the_passphrase(
    paths: JournalPaths, clock, created: Created, memory_keyring: MemoryKeyring
) -> None:
    enable(paths, clock)
    journal = reopen(paths, clock, PASSPHRASE)
    try:
        disable_passphrase(journal, KeyringKeyStore())
    finally:
        journal.close()
    assert keyring_key(memory_keyring) == created.key
    entry = keyring_entry(paths.home, key_status(paths).journal_id)
    assert memory_keyring.passwords.keys() == {(SERVICE, f"journal-{entry}")}
    assert not key_status(paths).passphrase_mode
    assert moods_with(paths, clock) == 1
    with pytest.raises(WrongSecretError):
        reopen(paths, clock, PASSPHRASE)


def test_disabling_with_a_locked_keyring_keeps_the_passphrase(
    paths: JournalPaths, clock, created: Created
) -> None:
    enable(paths, clock)
    header_before = paths.header.read_bytes()
    journal = reopen(paths, clock, PASSPHRASE)
    try:
        keyring.set_keyring(LockedKeyring())
        with pytest.raises(KeyringUnavailableError):
            disable_passphrase(journal, KeyringKeyStore())
    finally:
        journal.close()
    assert paths.header.read_bytes() == header_before
    assert moods_with(paths, clock, PASSPHRASE) == 1


def test_a_wrap_that_does_not_verify_puts_the_previous_header_back(
    paths: JournalPaths, clock, created: Created, memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    header_before = paths.header.read_bytes()
    journal = reopen(paths, clock)

    def corrupting_unwrap(*args: object) -> bytes:
        return b"\x00" * 32

    monkeypatch.setattr(keys_module, "unwrap_key", corrupting_unwrap)
    try:
        with pytest.raises(KeyChangeFailedError):
            enable_passphrase(journal, KeyringKeyStore(), PASSPHRASE)
        with pytest.raises(KeyChangeFailedError):
            rotate_recovery_key(journal)
    finally:
        journal.close()
    assert paths.header.read_bytes() == header_before
    assert keyring_key(memory_keyring) == created.key  # the keyring copy was never touched


def test_remembering_the_key_in_a_new_keyring_after_a_recovery(
    paths: JournalPaths, clock, created: Created, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.passwords.clear()
    journal = reopen(paths, clock, str(created.code))
    try:
        remember_in_keyring(journal, KeyringKeyStore())
    finally:
        journal.close()
    assert keyring_key(memory_keyring) == created.key
    assert moods_with(paths, clock) == 1


# -- the recovery key: rotation and old journals -----------------------------------------


def test_rotating_the_recovery_key_retires_the_old_code(
    paths: JournalPaths, clock, created: Created
) -> None:
    clock.advance(timedelta(days=3))
    journal = reopen(paths, clock)
    try:
        new = rotate_recovery_key(journal)
    finally:
        journal.close()
    assert new != created.code
    assert key_status(paths).recovery_created == clock().date().isoformat()
    with pytest.raises(WrongSecretError):
        reopen(paths, clock, str(created.code))
    assert moods_with(paths, clock, str(new)) == 1


def make_version_1(paths: JournalPaths) -> None:
    journal_id = read_header(paths.header).journal_id
    paths.header.write_text(
        json.dumps({"format": "ketajournal-header", "version": 1, "journal_id": journal_id})
    )


def test_a_version_1_journal_opens_through_the_keyring_and_gets_a_recovery_key(
    paths: JournalPaths, clock, created: Created, memory_keyring: MemoryKeyring
) -> None:
    make_version_1(paths)
    v1 = paths.header.read_bytes()
    assert moods_with(paths, clock) == 1
    assert paths.header.read_bytes() == v1  # open_journal shows no code, so adds none

    opened = open_or_create(paths, KeyringKeyStore(), create=False, clock=clock)
    opened.journal.close()
    code = opened.new_recovery_code
    assert code is not None and not opened.created
    assert json.loads(paths.header.read_text())["version"] == 2
    assert key_status(paths).has_recovery_key
    assert add_recovery_key_if_missing(paths, created.key, date(2026, 1, 1)) is None

    memory_keyring.passwords.clear()
    assert moods_with(paths, clock, str(code)) == 1


def test_a_version_1_journal_without_its_keyring_key_says_what_is_lost(
    paths: JournalPaths, clock, created: Created, memory_keyring: MemoryKeyring
) -> None:
    make_version_1(paths)
    with pytest.raises(NoWrappedKeyError):
        reopen(paths, clock, str(created.code))
    memory_keyring.passwords.clear()
    with pytest.raises(KeyLostError) as info:
        reopen(paths, clock)
    assert not isinstance(info.value, NeedsSecretError)  # no secret can help here
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(KeyringUnavailableError) as locked:
        reopen(paths, clock)
    assert not isinstance(locked.value, NeedsSecretError)


# -- never a key in clear ----------------------------------------------------------------


def test_no_key_code_or_passphrase_appears_in_any_file(
    paths: JournalPaths, clock, created: Created, tmp_path: Path
) -> None:
    journal = reopen(paths, clock)
    try:
        codes = [created.code, rotate_recovery_key(journal)]
        enable_passphrase(journal, KeyringKeyStore(), PASSPHRASE)
        change_passphrase(journal, OTHER_PASSPHRASE)
        journal.log(MoodEntry(at=clock(), mood=6))
        journal.backup_to(tmp_path / "backup.db")
        disable_passphrase(journal, KeyringKeyStore())
    finally:
        journal.close()
    key = created.key
    needles = [key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key)]
    for code in codes:
        needles += [code.raw, str(code).encode(), code.compact.encode(), code.raw.hex().encode()]
    for passphrase in (PASSPHRASE, OTHER_PASSPHRASE):
        needles += [passphrase.encode("utf-8"), passphrase.encode("utf-16-le")]
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"journal.db", "journal.header", "backup.db"}
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, path.name
    assert paths.header.stat().st_mode & 0o777 == 0o600


# -- confirming and printing the recovery key --------------------------------------------


def test_confirming_typed_groups() -> None:
    code = RecoveryCode(bytes(range(20)))
    groups = code.groups
    assert confirm_matches(code, {3: groups[2], 6: groups[5]})
    sloppy = groups[2].lower().replace("0", "o").replace("1", "i")
    assert confirm_matches(code, {3: f" {sloppy} ", 6: groups[5]})
    assert not confirm_matches(code, {3: groups[2], 6: groups[4]})
    assert not confirm_matches(code, {3: groups[2], 6: ""})
    assert not confirm_matches(code, {})
    assert not confirm_matches(code, {0: groups[0]})
    assert not confirm_matches(code, {9: groups[0]})


def test_confirmation_asks_for_two_different_groups() -> None:
    for _ in range(50):
        chosen = confirmation_groups()
        assert len(chosen) == 2 and chosen == tuple(sorted(set(chosen)))
        assert all(1 <= n <= 8 for n in chosen)


def test_the_print_page_and_the_cli_notice_show_the_code() -> None:
    code = new_recovery_code()
    sheet = recovery_sheet(code, created=date(2026, 11, 27))
    assert str(code) in sheet and "2026-11-27" in sheet
    for number, group in enumerate(code.groups, start=1):
        assert f"{number}  {group}" in sheet
    assert "ketamine" not in sheet.lower()
    assert max(len(line) for line in sheet.splitlines()) <= 80
    notice = recovery_notice(code)
    words = " ".join(notice.split())
    assert str(code) in notice
    assert "the only way to open your journal if the system keyring is lost" in words
    assert max(len(line) for line in notice.splitlines()) <= 80


def test_the_unlock_delay_grows_and_stays_bounded() -> None:
    delays = [unlock_delay_seconds(n) for n in range(0, 200)]
    assert delays[:5] == [0, 1, 2, 4, 8]
    assert delays == sorted(delays) and delays[-1] == 30


# -- password files (the CLI's --password-file and $KETAJOURNAL_PASSWORD_FILE) -----------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"secret words here\n", "secret words here"),
        (b"secret words here\r\n", "secret words here"),
        (b"secret words here", "secret words here"),
        (b"\xef\xbb\xbfsecret words here\n\n", "secret words here"),
        (b"  spaces kept  \n", "  spaces kept  "),
    ],
)
def test_password_file_loses_only_its_trailing_newlines(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    (tmp_path / "pw").write_bytes(content)
    assert read_secret_file(tmp_path / "pw") == expected


@pytest.mark.parametrize(
    ("content", "problem"),
    [(None, "does not exist"), (b"\n", "empty"), (b"\xff\xfe\x00", "not UTF-8"),
     (b"x" * 5000, "too large")],
)
def test_unusable_password_file_is_named_but_never_echoed(
    tmp_path: Path, content: bytes | None, problem: str
) -> None:
    if content is not None:
        (tmp_path / "pw").write_bytes(content)
    with pytest.raises(SecretFileError, match=problem) as info:
        read_secret_file(tmp_path / "pw")
    assert str(tmp_path / "pw") in str(info.value) and "xxxx" not in str(info.value)


def test_password_file_option_wins_over_the_environment(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("from the option\n")
    (tmp_path / "b").write_text("from the environment\n")
    env = {ENV_PASSWORD_FILE: str(tmp_path / "b")}
    assert secret_from_options(str(tmp_path / "a"), env) == "from the option"
    assert secret_from_options(None, env) == "from the environment"
    assert secret_from_options(None, {}) is None


def test_a_password_file_with_the_recovery_key_opens_without_a_keyring(
    paths: JournalPaths, clock, created: Created, tmp_path: Path
) -> None:
    (tmp_path / "recovery.txt").write_text(f"{created.code}\n")
    keyring.set_keyring(keyring.backends.fail.Keyring())
    secret = secret_from_options(None, {ENV_PASSWORD_FILE: str(tmp_path / "recovery.txt")})
    assert moods_with(paths, clock, secret) == 1


# -- the shipped Argon2id parameters -----------------------------------------------------


def test_shipped_argon2id_parameters_are_above_the_owasp_minimum_and_work(
    paths: JournalPaths, clock, created: Created, monkeypatch: pytest.MonkeyPatch
) -> None:
    # OWASP: at least 46 MiB with 1 pass, or 19 MiB with 2 passes, 1 lane.
    assert SHIPPED_ARGON2.memory_kib >= 46 * 1024 and SHIPPED_ARGON2.iterations >= 2
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", SHIPPED_ARGON2)
    enable(paths, clock)
    stored = json.loads(paths.header.read_text())["keys"]["passphrase"]
    assert (stored["memory_kib"], stored["iterations"], stored["lanes"]) == (65536, 3, 1)
    start = time.perf_counter()
    assert unlock_key(paths, KeyringKeyStore(), PASSPHRASE) == created.key
    assert time.perf_counter() - start < 5  # slow for a guesser, quick for the patient
