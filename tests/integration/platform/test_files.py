"""Atomic writes: the new content appears whole or not at all, and no temporary file stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketajournal.platform.files import atomic_path, fsync_dir, write_text_atomic


def test_text_replaces_the_target_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_text("old")
    write_text_atomic(target, "new ünïcode\n")
    assert target.read_bytes() == "new ünïcode\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_failing_block_leaves_the_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "journal.header"
    target.write_text("kept")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp.stat().st_mode & 0o777 == 0o600
        tmp.write_text("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "kept"
    assert [p.name for p in tmp_path.iterdir()] == ["journal.header"]


def test_fsync_dir_accepts_a_directory(tmp_path: Path) -> None:
    fsync_dir(tmp_path)
    with pytest.raises(FileNotFoundError):
        fsync_dir(tmp_path / "missing")
