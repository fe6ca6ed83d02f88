"""The user's own files: written whole or not at all, and set aside, never overwritten."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

import pytest

from peskovtui.library import userfiles
from peskovtui.library.userfiles import set_aside, write_atomically


def test_a_file_is_written_whole_in_a_folder_made_for_it(tmp_path: Path) -> None:
    target = tmp_path / "new" / "clips.json"
    write_atomically(target, "[1]\n", durable=True)
    write_atomically(target, "[1, 2]\n")
    assert target.read_text(encoding="utf-8") == "[1, 2]\n"
    assert [p.name for p in target.parent.iterdir()] == ["clips.json"]


def test_a_failed_write_leaves_the_old_file_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "places.json"
    target.write_text("old\n", encoding="utf-8")

    def refuse(self: Path, other: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["places.json"]


class _Frozen(datetime):
    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _Frozen:
        return cls(2026, 12, 5, 1, 2, 3, tzinfo=tz)


def test_files_set_aside_in_the_same_second_are_all_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(userfiles, "datetime", _Frozen)
    target = tmp_path / "clips.json"
    asides = []
    for text in ("first", "second", "third"):
        target.write_text(text, encoding="utf-8")
        asides.append(set_aside(target))
    assert not target.exists()
    assert [p.read_text(encoding="utf-8") for p in asides] == ["first", "second", "third"]
    assert [p.name for p in asides] == [
        "clips.unreadable-20261205T010203.json",
        "clips.unreadable-20261205T010203-2.json",
        "clips.unreadable-20261205T010203-3.json",
    ]
