"""The records a read of the sync folder returns, and the rule for retiring old files."""

from __future__ import annotations

from ketajournal.storage.sync_reads import Ignored, is_partial_name, plan_retirement


def test_ignored_names_add_up() -> None:
    total = Ignored(duplicates=1) + Ignored(conflict_copies=2)
    assert (total.duplicates, total.conflict_copies) == (1, 2)


def test_names_still_being_written_are_partial() -> None:
    for name in (".syncthing.00000001.kjc.tmp", "~00000001.kjc", "00000001.kjc.part"):
        assert is_partial_name(name), name
    assert not is_partial_name("00000001.kjc")


def test_a_computer_that_never_acknowledged_holds_retirement_back() -> None:
    plan = plan_retirement("a", 9, {"a", "b"}, {})
    assert plan.through == 0 and plan.unseen == ("b",)
    plan = plan_retirement("a", 9, {"a", "b"}, {"b": {"a": 7}})
    assert plan.through == 7 and plan.unseen == ()
