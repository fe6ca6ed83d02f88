"""Reading places: the last place read and the bookmarks, per corpus, in the user state dir."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from peskovtui.library import Library
from peskovtui.library.places import (
    LABEL_LENGTH,
    Place,
    Places,
    PlaceStore,
    bookmark_label,
    new_bookmark,
    places_from_json,
    places_to_json,
    with_bookmark,
    with_last,
    without,
)
from tests.search.faults import read_only

REPO = Path(__file__).resolve().parents[1]
MEDIAITE = "002_3d0a4687557009c2"


def store_in(folder: Path) -> PlaceStore:
    return PlaceStore(folder / "places" / "corpus.json", ["/news"])


def test_a_round_trip_keeps_every_field(tmp_path: Path) -> None:
    library = Library.open()
    article = library.article(MEDIAITE)
    mark = new_bookmark(article, article.paragraphs[2].start + 5)
    places = Places(Place(MEDIAITE, 120), (mark,))
    assert places_from_json(json.loads(json.dumps(places_to_json(places)))) == places
    store = store_in(tmp_path)
    store.change(with_last(Place(MEDIAITE, 120)))
    store.change(with_bookmark(mark))
    assert PlaceStore(store.path).load() == places
    assert store.warnings == []
    assert json.loads(store.path.read_text(encoding="utf-8"))["sources"] == ["/news"]


def test_nothing_kept_is_an_empty_start(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    assert store.load() == Places()
    assert store.warnings == []


def test_bookmarks_keep_their_order_once_each_and_delete_by_value(tmp_path: Path) -> None:
    article = Library.open().article(MEDIAITE)
    store = store_in(tmp_path)
    first, second = (new_bookmark(article, p.start) for p in article.paragraphs[3:5])
    store.change(with_bookmark(second))
    store.change(with_bookmark(first))
    store.change(with_bookmark(dataclasses.replace(second, added="later")))
    assert store.load().bookmarks == (second, first)
    store.change(without(second))
    assert store.load().bookmarks == (first,)


def test_the_label_is_the_start_of_the_paragraph_on_one_line() -> None:
    article = Library.open().article(MEDIAITE)
    paragraph = article.paragraphs[3]
    label = bookmark_label(article, paragraph.start + 40)
    words = " ".join(article.text[paragraph.start : paragraph.end].split())
    assert len(words) > LABEL_LENGTH
    assert label.endswith("…") and len(label) <= LABEL_LENGTH
    assert words.startswith(label[:-1])
    assert "\n" not in label


@pytest.mark.parametrize(
    "content",
    [b"{", b'{"format": "other"}', b"\xff\xfe", b'{"format": "peskovtui places 1", "last": 3}'],
)
def test_a_broken_file_is_a_warning_and_an_empty_start_and_is_kept(
    tmp_path: Path, content: bytes
) -> None:
    store = store_in(tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    assert store.load() == Places()
    (warning,) = store.warnings
    assert warning.startswith(f"The reading places file {store.path} is damaged; it was kept as")
    (aside,) = store.path.parent.glob("corpus.unreadable-*.json")
    assert aside.read_bytes() == content
    store.change(with_last(Place("a", 1)))
    assert store.load() == Places(Place("a", 1))


def test_a_read_only_state_dir_is_skipped_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store_in(tmp_path)
    read_only(monkeypatch, tmp_path)
    assert store.change(with_last(Place("a", 1))) == Places(Place("a", 1))
    # What this reader set is still there for it, in memory.
    assert store.change(with_bookmark(new_bookmark(Library.open().article(MEDIAITE), 3)))
    assert store.load().last == Place("a", 1) and len(store.load().bookmarks) == 1
    assert store.warnings == []
    assert not store.path.parent.exists()


def test_a_broken_file_that_cannot_be_moved_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store_in(tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{", encoding="utf-8")
    read_only(monkeypatch, tmp_path)
    assert store.load() == Places()
    assert store.change(with_last(Place("a", 1))) == Places(Place("a", 1))
    (warning,) = store.warnings
    assert warning == (
        f"The reading places file {store.path} is damaged; it is left as it is, and the place "
        "read and the bookmarks are not kept this time."
    )
    assert store.path.read_text(encoding="utf-8") == "{"


def test_the_library_keeps_places_per_corpus_in_the_state_dir(
    private_xdg: Path, tmp_path: Path
) -> None:
    library = Library.open()
    library.remember_place(MEDIAITE, 300)
    library.add_bookmark(MEDIAITE, 40)
    kept = list((private_xdg / "XDG_STATE_HOME" / "peskovtui" / "places").glob("*.json"))
    assert len(kept) == 1
    assert Library.open().last_place() == Place(MEDIAITE, 300)
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("A title\n\nSome text here.\n", encoding="utf-8")
    assert Library.open([other]).last_place() is None
    assert Library.open([other]).bookmarks() == ()


def test_a_vanished_article_starts_as_today_and_its_bookmark_stays(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("A title\n\nFirst paragraph.\n", encoding="utf-8")
    (folder / "b.txt").write_text("B title\n\nAnother paragraph, longer.\n", encoding="utf-8")
    library = Library.open([folder])
    library.add_bookmark("b", 12)
    library.remember_place("b", 20)
    (folder / "b.txt").unlink()
    (folder / "a.txt").write_text("A\n", encoding="utf-8")
    again = Library.open([folder])
    assert again.last_place() is None
    (mark,) = again.bookmarks()
    assert (mark.title, again.bookmark_place(mark)) == ("B title", None)
    again.remember_place("a", 500)
    # An article that became shorter: the place stays inside its text.
    assert again.last_place() == Place("a", len(again.article("a").text))
