"""UUIDv7 global ids: layout (RFC 9562 §5.7), strict order, clocks that stand still or go back."""

from __future__ import annotations

import itertools
import threading
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketajournal.domain.ids import Uuid7Generator, id_time_ms, is_global_id, natural_id, new_id


def test_new_id_is_a_canonical_uuid7_with_the_rfc_variant() -> None:
    text = new_id()
    value = uuid.UUID(text)
    assert value.version == 7
    assert value.variant == uuid.RFC_4122  # bits 10: the variant RFC 9562 keeps
    assert text == str(value) and len(text) == 36
    assert is_global_id(text)


def test_the_timestamp_is_the_first_48_bits_in_milliseconds() -> None:
    gen = Uuid7Generator(clock=lambda: 1_767_225_600_123)
    value = gen.new()
    assert value.int >> 80 == 1_767_225_600_123
    assert id_time_ms(str(value)) == 1_767_225_600_123
    assert str(value).startswith(f"{1_767_225_600_123:012x}"[:8])


def test_ids_made_in_one_millisecond_strictly_increase() -> None:
    gen = Uuid7Generator(clock=lambda: 1_000)
    ids = [gen.new() for _ in range(5_000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert [str(i) for i in ids] == sorted(str(i) for i in ids)  # the text sorts alike
    assert {i.int >> 80 for i in ids} == {1_000}


def test_a_clock_that_jumps_back_does_not_break_the_order() -> None:
    times = iter([5_000, 5_001, 4_000, 3_000, 5_001, 6_000])
    gen = Uuid7Generator(clock=lambda: next(times))
    ids = [gen.new() for _ in range(6)]
    assert ids == sorted(ids) and len(set(ids)) == 6
    assert [i.int >> 80 for i in ids] == [5_000, 5_001, 5_001, 5_001, 5_001, 6_000]


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    # A random source of all ones seeds the counter at its ceiling.
    gen = Uuid7Generator(clock=lambda: 10, random_bytes=lambda n: b"\xff" * n)
    first = gen.new()
    gen._counter = (1 << 42) - 1  # the edge, without 2**41 calls
    second = gen.new()
    assert first < second
    assert second.int >> 80 == 11


def test_ids_from_many_threads_are_unique() -> None:
    gen = Uuid7Generator(clock=lambda: 42)
    out: list[uuid.UUID] = []
    lock = threading.Lock()

    def work() -> None:
        made = [gen.new() for _ in range(500)]
        with lock:
            out.extend(made)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(out)) == 2_000


@given(st.lists(st.integers(min_value=0, max_value=2**48 - 1), min_size=1, max_size=50))
def test_any_clock_sequence_gives_strictly_increasing_valid_ids(times: list[int]) -> None:
    it = iter(times)
    gen = Uuid7Generator(clock=lambda: next(it))
    ids = [gen.new() for _ in times]
    assert all(a < b for a, b in itertools.pairwise(ids))
    for value in ids:
        assert value.version == 7 and value.variant == uuid.RFC_4122
        assert is_global_id(str(value))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not-an-id",
        str(uuid.uuid4()),  # version 4
        str(uuid.UUID(int=(1 << 76) * 7 | (0b11 << 62))),  # wrong variant
        new_id().upper(),  # not canonical
    ],
)
def test_other_text_is_not_a_global_id(text: str) -> None:
    assert not is_global_id(text)
    with pytest.raises(ValueError):
        id_time_ms(text)


def test_a_clock_outside_the_48_bit_range_is_refused() -> None:
    with pytest.raises(ValueError):
        Uuid7Generator(clock=lambda: -1).new()
    with pytest.raises(ValueError):
        Uuid7Generator(clock=lambda: 2**48).new()


def test_a_natural_id_is_the_same_for_the_same_kind_and_key_and_differs_otherwise() -> None:
    tag = natural_id("tags", "walk")
    assert tag == natural_id("tags", "walk") == "e0c0c5f7-e719-7537-9faa-566a6d8f81b4"
    assert is_global_id(tag)
    assert len({tag, natural_id("factors", "walk"), natural_id("tags", "walks"),
                natural_id("tags", "walk\0")}) == 4
