"""Cache entries: read back only under their own key, whole, ours, and holding nothing but the
classes their reader allows."""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from pathlib import Path

import pytest

from peskovtui.corpus import Paragraph
from peskovtui.usercache import CacheUnwritable, read_entry, write_entry

ALLOWED = frozenset({Paragraph})


def test_an_entry_is_read_back_under_its_key_only(tmp_path: Path) -> None:
    entry = tmp_path / "cache" / "one.entry"
    payload = (Paragraph(0, 5, "title"), {"x": [1, 2]})
    write_entry(entry, "k1", payload)
    assert read_entry(entry, "k1", ALLOWED) == payload
    assert read_entry(entry, "k2", ALLOWED) is None
    assert read_entry(tmp_path / "cache" / "none.entry", "k1", ALLOWED) is None
    assert entry.stat().st_mode & 0o777 == 0o600
    assert entry.parent.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in entry.parent.iterdir()] == ["one.entry"]  # no temporary file left


def test_a_planted_pickle_runs_nothing(tmp_path: Path) -> None:
    entry = tmp_path / "cache" / "one.entry"
    write_entry(entry, "k1", ())
    flag = tmp_path / "ran"
    # A well-formed entry, digest and all, whose pickle would call a function when loaded.
    head = b"peskovtui cache 1\nk1\n"
    planted = head + pickle.dumps(_Call(flag), protocol=5)
    entry.write_bytes(planted + hashlib.sha256(planted).digest())
    assert read_entry(entry, "k1", ALLOWED) is None
    assert not flag.exists()


class _Call:
    def __init__(self, flag: Path) -> None:
        self.flag = flag

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.flag,))


def test_an_entry_others_can_write_is_not_read(tmp_path: Path) -> None:
    entry = tmp_path / "cache" / "one.entry"
    write_entry(entry, "k1", (1,))
    entry.chmod(0o666)
    assert read_entry(entry, "k1", ALLOWED) is None
    entry.chmod(0o600)
    entry.parent.chmod(0o777)
    assert read_entry(entry, "k1", ALLOWED) is None
    with pytest.raises(CacheUnwritable):
        write_entry(entry, "k1", (1,))
    entry.parent.chmod(0o700)
    assert read_entry(entry, "k1", ALLOWED) == (1,)


def test_an_entry_that_cannot_be_pickled_leaves_nothing_behind(tmp_path: Path) -> None:
    entry = tmp_path / "cache" / "one.entry"
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        write_entry(entry, "k1", lambda: None)
    assert list(entry.parent.iterdir()) == []


def test_what_a_killed_writer_left_is_removed_by_the_next(tmp_path: Path) -> None:
    entry = tmp_path / "cache" / "one.entry"
    write_entry(entry, "k1", (1,))
    old = entry.with_name(".one.entry.123.abcd.tmp")
    recent = entry.with_name(".one.entry.456.ef01.tmp")
    other = entry.with_name(".two.entry.123.abcd.tmp")
    for leftover in (old, recent, other):
        leftover.write_bytes(b"partial")
    day_ago = time.time() - 86400
    os.utime(old, (day_ago, day_ago))
    os.utime(other, (day_ago, day_ago))
    write_entry(entry, "k2", (2,))
    assert sorted(p.name for p in entry.parent.iterdir()) == sorted(
        [entry.name, recent.name, other.name]
    )
    assert read_entry(entry, "k2", ALLOWED) == (2,)
