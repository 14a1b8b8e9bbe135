"""Recovery codes and key wrapping: formats, round trips, and a wrong secret never yields a key."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketajournal.platform import crypto
from ketajournal.platform.crypto import (
    ALPHABET,
    Argon2Params,
    Kdf,
    RecoveryCode,
    UnwrapError,
    new_recovery_code,
    parse_recovery_code,
    unwrap_key,
    wrap_key,
)

FAST_ARGON2 = Argon2Params(memory_kib=8, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"
CODE_SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$")


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", FAST_ARGON2)


@given(st.binary(min_size=20, max_size=20))
def test_recovery_code_formats_as_eight_groups_and_parses_back(raw: bytes) -> None:
    code = RecoveryCode(raw)
    text = str(code)
    assert CODE_SHAPE.match(text), text
    assert len(code.groups) == 8 and all(len(g) == 4 for g in code.groups)
    assert parse_recovery_code(text) == code
    assert parse_recovery_code(code.compact) == code
    assert parse_recovery_code(text.lower()) == code
    assert parse_recovery_code(" ".join(code.groups)) == code
    assert parse_recovery_code(f"  {text.lower().replace('-', ' - ')}\n") == code


@given(st.binary(min_size=20, max_size=20), st.data())
def test_recovery_code_parsing_forgives_o_for_zero_and_i_or_l_for_one(
    raw: bytes, data: st.DataObject
) -> None:
    code = RecoveryCode(raw)
    typed = "".join(
        data.draw(st.sampled_from("Oo0")) if ch == "0"
        else data.draw(st.sampled_from("IiLl1")) if ch == "1"
        else ch
        for ch in str(code)
    )
    assert parse_recovery_code(typed) == code


@pytest.mark.parametrize(
    "text",
    ["", "correct horse battery staple", "K7QF-2MZD", "U" * 32, "0" * 31, "0" * 33, "Ä" * 32],
)
def test_text_not_shaped_like_a_code_is_not_a_code(text: str) -> None:
    assert parse_recovery_code(text) is None


def test_codes_are_random_and_never_shown_by_repr() -> None:
    codes = {new_recovery_code() for _ in range(50)}
    assert len(codes) == 50
    code = codes.pop()
    assert set(code.compact) <= set(ALPHABET)
    for hidden in (str(code), code.compact, code.raw.hex()):
        assert hidden not in repr(code)


def test_a_key_wrapped_under_a_code_unwraps_with_it_only() -> None:
    key, code = bytes(range(32)), new_recovery_code()
    wrapped = wrap_key(key, code, "journal-a")
    assert wrapped.kdf is Kdf.HKDF_SHA256 and wrapped.argon2 is None
    assert len(wrapped.nonce) == 12 and len(wrapped.ciphertext) == 48
    assert key not in wrapped.ciphertext
    assert unwrap_key(wrapped, code, "journal-a") == key
    for secret, journal_id in [(new_recovery_code(), "journal-a"), (code, "journal-b")]:
        with pytest.raises(UnwrapError):
            unwrap_key(wrapped, secret, journal_id)
    with pytest.raises(UnwrapError):
        unwrap_key(wrapped, str(code), "journal-a")  # a code is not a passphrase


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=40), st.binary(min_size=32, max_size=32))
def test_a_key_wrapped_under_a_passphrase_round_trips(passphrase: str, key: bytes) -> None:
    wrapped = wrap_key(key, passphrase, "j")
    assert wrapped.kdf is Kdf.ARGON2ID and wrapped.argon2 == FAST_ARGON2
    assert unwrap_key(wrapped, passphrase, "j") == key
    with pytest.raises(UnwrapError):
        unwrap_key(wrapped, passphrase + "x", "j")


def test_every_wrap_has_its_own_salt_and_nonce() -> None:
    key, code = bytes(32), new_recovery_code()
    first, second = wrap_key(key, code, "j"), wrap_key(key, code, "j")
    assert first.salt != second.salt and first.nonce != second.nonce
    assert first.ciphertext != second.ciphertext


def test_a_changed_byte_in_the_wrap_never_yields_a_key() -> None:
    key, code = bytes(32), new_recovery_code()
    wrapped = wrap_key(key, code, "j")
    for index in (0, 31, 47):
        broken = bytearray(wrapped.ciphertext)
        broken[index] ^= 1
        with pytest.raises(UnwrapError):
            unwrap_key(
                type(wrapped)(wrapped.kdf, wrapped.salt, wrapped.nonce, bytes(broken)), code, "j"
            )


def test_passphrases_are_compared_after_unicode_normalisation() -> None:
    composed = unicodedata.normalize("NFC", "café au lait, s'il vous plaît")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    wrapped = wrap_key(bytes(32), composed, "j")
    assert unwrap_key(wrapped, decomposed, "j") == bytes(32)


@pytest.mark.parametrize(
    "params",
    [
        Argon2Params(memory_kib=4 * 1024 * 1024, iterations=3, lanes=1),  # 4 GiB
        Argon2Params(memory_kib=64 * 1024, iterations=1000, lanes=1),  # 1000 passes
        Argon2Params(memory_kib=64 * 1024, iterations=3, lanes=64),  # 64 threads
        Argon2Params(memory_kib=1024 * 1024 + 1, iterations=1, lanes=1),
        Argon2Params(memory_kib=64 * 1024, iterations=11, lanes=1),
        Argon2Params(memory_kib=64 * 1024, iterations=3, lanes=9),
    ],
)
def test_a_header_demanding_more_argon2_than_the_caps_is_refused_before_deriving(
    params: Argon2Params, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrapped = wrap_key(bytes(32), PASSPHRASE, "j")
    crafted = crypto.WrappedKey(
        kdf=Kdf.ARGON2ID, salt=wrapped.salt, nonce=wrapped.nonce,
        ciphertext=wrapped.ciphertext, argon2=params,
    )
    derived: list[object] = []
    monkeypatch.setattr(crypto, "_kek", lambda *args: derived.append(args) or bytes(32))
    with pytest.raises(ValueError, match="out of range"):
        unwrap_key(crafted, PASSPHRASE, "j")
    assert derived == []  # refused before any derivation


def test_the_caps_admit_the_default_and_their_own_limits() -> None:
    crypto.ARGON2_CAPS.check()
    Argon2Params(memory_kib=64 * 1024, iterations=3, lanes=1).check()
    caps = crypto.ARGON2_CAPS
    assert caps.memory_kib == 1024 * 1024 and caps.iterations == 10 and caps.lanes == 8


# -- HKDF-SHA256 from the standard library -------------------------------------------------


@pytest.mark.parametrize(
    ("ikm", "salt", "info", "length", "okm"),
    [
        # RFC 5869, A.1 (basic), A.2 (longer inputs) and A.3 (no salt, no info).
        ("0b" * 22, "000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9", 42,
         "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
         "34007208d5b887185865"),
        (bytes(range(0x00, 0x50)).hex(), bytes(range(0x60, 0xb0)).hex(),
         bytes(range(0xb0, 0x100)).hex(), 82,
         "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
         "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
         "cc30c58179ec3e87c14c01d5c1f3434f1d87"),
        ("0b" * 22, None, "", 42,
         "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
         "9d201395faa4b61a96c8"),
    ],
)
def test_hkdf_gives_rfc_5869s_vectors(
    ikm: str, salt: str | None, info: str, length: int, okm: str
) -> None:
    got = crypto.hkdf_sha256(bytes.fromhex(ikm), info=bytes.fromhex(info),
                             salt=None if salt is None else bytes.fromhex(salt), length=length)
    assert got.hex() == okm


@settings(max_examples=60, deadline=None)
@given(key=st.binary(min_size=1, max_size=64), info=st.binary(max_size=40),
       salt=st.one_of(st.none(), st.binary(max_size=40)), length=st.integers(1, 100))
def test_hkdf_agrees_with_cryptography(key: bytes, info: bytes, salt: bytes | None,
                                       length: int) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    expected = HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(key)
    assert crypto.hkdf_sha256(key, info=info, salt=salt, length=length) == expected


def test_hkdf_refuses_lengths_it_cannot_give() -> None:
    for length in (0, 255 * 32 + 1):
        with pytest.raises(ValueError, match="1 to 8160"):
            crypto.hkdf_sha256(b"k", info=b"", length=length)


def test_opening_needs_no_cryptography_until_a_wrap_or_seal() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from ketajournal.platform import crypto\n"
        "crypto.header_mac(bytes(32), b'header')\n"
        "assert 'cryptography' not in sys.modules, 'imported with the MAC'\n"
        "code = crypto.new_recovery_code()\n"
        "wrapped = crypto.wrap_key(bytes(32), code, 'j')\n"
        "assert crypto.unwrap_key(wrapped, code, 'j') == bytes(32)\n"
        "assert 'cryptography' in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr[-1500:]
    assert result.stdout.strip() == "ok"
