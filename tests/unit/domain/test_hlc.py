"""Hybrid logical clock: monotonic, causal, total order, a text form that sorts alike."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketajournal.domain.hlc import (
    COUNTER_MAX,
    ClockDriftError,
    HybridClock,
    Stamp,
    is_device_id,
)

devices = st.sampled_from(["a", "b", "c", "laptop-1", "0193a7f0-7c3e-7000-8000-000000000001"])
stamps = st.builds(
    Stamp,
    wall_ms=st.integers(min_value=0, max_value=2**52 - 1),
    counter=st.integers(min_value=0, max_value=COUNTER_MAX),
    device=devices,
)


def test_tick_follows_the_physical_clock_when_it_moves_forward() -> None:
    clock = HybridClock("a")
    assert clock.tick(1_000) == Stamp(1_000, 0, "a")
    assert clock.tick(1_000) == Stamp(1_000, 1, "a")
    assert clock.tick(2_000) == Stamp(2_000, 0, "a")


def test_a_clock_that_jumps_backwards_still_gives_later_stamps() -> None:
    clock = HybridClock("a")
    first = clock.tick(10_000)
    second = clock.tick(5_000)  # the computer's clock was set back
    third = clock.tick(9_999)
    assert first < second < third
    assert third == Stamp(10_000, 2, "a")


def test_receive_moves_past_a_remote_stamp_from_a_faster_clock() -> None:
    mine = HybridClock("a")
    mine.tick(1_000)
    remote = Stamp(50_000, 7, "b")
    after = mine.receive(remote, now_ms=1_001)
    assert after > remote
    assert after == Stamp(50_000, 8, "a")
    assert mine.tick(1_002) > after  # an edit after seeing b's change stamps later


def test_receive_when_all_three_times_are_equal_takes_the_larger_counter() -> None:
    mine = HybridClock("a", last=Stamp(7_000, 3, "a"))
    assert mine.receive(Stamp(7_000, 9, "b"), now_ms=7_000) == Stamp(7_000, 10, "a")


def test_receive_when_local_time_is_newest_restarts_the_counter() -> None:
    mine = HybridClock("a", last=Stamp(7_000, 3, "a"))
    assert mine.receive(Stamp(6_000, 9, "b"), now_ms=8_000) == Stamp(8_000, 0, "a")


def test_the_clock_resumes_from_its_last_stamp() -> None:
    before = HybridClock("a")
    last = before.tick(3_000)
    after = HybridClock("a", last=last)
    assert after.tick(1_000) > last


def test_a_stamp_too_far_in_the_future_is_refused_when_drift_is_limited() -> None:
    clock = HybridClock("a", max_drift_ms=60_000)
    clock.tick(1_000)
    with pytest.raises(ClockDriftError):
        clock.receive(Stamp(1_000 + 60_001, 0, "b"), now_ms=1_000)
    assert clock.last == Stamp(1_000, 0, "a")  # unchanged
    assert clock.receive(Stamp(61_000, 0, "b"), now_ms=1_000) == Stamp(61_000, 1, "a")


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    clock = HybridClock("a", last=Stamp(5, COUNTER_MAX, "a"))
    assert clock.tick(5) == Stamp(6, 0, "a")


def test_stamps_of_different_devices_never_tie() -> None:
    assert Stamp(1, 0, "a") < Stamp(1, 0, "b")
    assert Stamp(1, 0, "a") != Stamp(1, 0, "b")


@pytest.mark.parametrize("bad", ["", "A", "-a", "a/b", "a b", "..", "x" * 65, "é"])
def test_device_ids_are_safe_folder_names(bad: str) -> None:
    assert not is_device_id(bad)
    with pytest.raises(ValueError):
        Stamp(1, 0, bad)
    with pytest.raises(ValueError):
        HybridClock(bad)


@pytest.mark.parametrize(
    "text", ["", "1-0-a", "00000000003e8-0000-A", "00000000003e8-0000-", "00000000003e8-00000-a"]
)
def test_malformed_stamp_text_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Stamp.parse(text)


def test_out_of_range_stamps_are_refused() -> None:
    with pytest.raises(ValueError):
        Stamp(-1, 0, "a")
    with pytest.raises(ValueError):
        Stamp(0, COUNTER_MAX + 1, "a")


@given(stamps)
def test_text_form_round_trips(stamp: Stamp) -> None:
    assert Stamp.parse(str(stamp)) == stamp


@given(stamps, stamps)
def test_text_form_sorts_like_the_stamps(a: Stamp, b: Stamp) -> None:
    assert (a < b) == (str(a) < str(b))
    assert (a == b) == (str(a) == str(b))


@given(
    st.lists(
        st.tuples(st.booleans(), st.integers(min_value=0, max_value=10**6), stamps),
        max_size=60,
    )
)
def test_every_stamp_a_clock_issues_is_greater_than_all_it_issued_or_received(
    events: list[tuple[bool, int, Stamp]],
) -> None:
    clock = HybridClock("a")
    seen: list[Stamp] = []
    issued: list[Stamp] = []
    for is_receive, now, remote in events:
        if is_receive:
            stamp = clock.receive(remote, now)
            assert stamp > remote  # causality: later than what was received
            seen.append(remote)
        else:
            stamp = clock.tick(now)
            assert stamp.wall_ms >= now  # never behind the physical clock
        assert all(stamp > earlier for earlier in itertools.chain(issued, seen))
        issued.append(stamp)
        assert clock.last == stamp


@given(st.lists(st.integers(min_value=0, max_value=10**6), max_size=40), st.integers(0, 10**6))
def test_the_logical_part_stays_bounded_by_events_at_one_time(times: list[int], start: int) -> None:
    clock = HybridClock("a")
    clock.tick(start)
    for i, now in enumerate(times):
        stamp = clock.tick(now)
        assert stamp.wall_ms == max(start, *times[: i + 1])
        assert stamp.counter <= i + 2  # the first tick, then one per event since
