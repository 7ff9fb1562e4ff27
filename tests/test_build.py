"""Issue 11, case 6: `build` replaces dist/ as a set. A failure injected half-way
through the writes leaves the previous build exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

import aigraph.build as build_module
from aigraph import load
from aigraph.build import build
from aigraph.errors import ExportError


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_a_failure_mid_way_leaves_the_previous_build_untouched(mini_root: Path, monkeypatch):
    dist = mini_root / "dist"
    first = build(load(mini_root, store="memory"))
    before = snapshot(dist)
    assert sorted(before) == sorted(p.name for p in first.files) and len(before) >= 8
    # The data changes, so every file of the next build would differ ...
    data = mini_root / "data" / "mini-source.trig"
    data.write_text(data.read_text(encoding="utf-8").replace("Mini Summit", "Mini Summit 2"), encoding="utf-8")
    # ... and the disk fills up after the third file.
    written = []
    real_write = build_module.write_atomic

    def failing_write(path, data):
        if len(written) == 3:
            raise ExportError(f"cannot write {path}: No space left on device")
        written.append(path)
        return real_write(path, data)

    monkeypatch.setattr(build_module, "write_atomic", failing_write)
    with pytest.raises(ExportError, match="No space left"):
        build(load(mini_root, store="memory"))
    assert len(written) == 3
    assert snapshot(dist) == before
    assert sorted(p.name for p in mini_root.iterdir() if p.name.startswith(".")) == []

    monkeypatch.setattr(build_module, "write_atomic", real_write)
    build(load(mini_root, store="memory"))
    after = snapshot(dist)
    assert after.keys() == before.keys() and b"Mini Summit 2" in after["aigraph.ttl"]


def test_build_refuses_to_replace_a_directory_with_other_files(mini_root: Path):
    mine = mini_root / "notes"
    mine.mkdir()
    (mine / "todo.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="did not write"):
        build(load(mini_root, store="memory"), out_dir=mine)
    assert [p.name for p in mine.iterdir()] == ["todo.txt"]
