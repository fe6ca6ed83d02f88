"""The clip list: kept per corpus in the user data dir, in order, never silently altered."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from peskovtui.library import Library
from peskovtui.library import clips as clips_module
from peskovtui.library.clips import ClipsError, clips_home

from .conftest import SEEDS

CNN = "000_8b6f72e4f8395ed9"
MEDIAITE = "002_3d0a4687557009c2"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seeds (so that an article can change), clips stamped at a fixed time."""
    monkeypatch.setattr(clips_module, "_now", lambda: "2026-12-04T12:00:00Z")
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def clip_two(library: Library) -> None:
    """A quote of Peskov from CNN, then the third paragraph of the Mediaite article."""
    library.clip_quote(library.article_quotes(CNN)[1])
    paragraph = library.article(MEDIAITE).paragraphs[2]
    library.clip_range(MEDIAITE, paragraph.start, paragraph.end, note="ask Mediaite")


def passages(library: Library) -> list[str]:
    return [clip.citation.passage for clip in library.clips()]


def test_a_clip_is_the_citation_of_its_range(corpus: Path) -> None:
    library = Library.open([corpus])
    clip_two(library)
    quote, paragraph = library.clips()
    assert quote.citation == library.cite(CNN, 250, 295)
    assert quote.citation.speaker == "Dmitry Peskov" and quote.citation.is_quote
    assert paragraph.citation.passage == library.article(MEDIAITE).text[297:476]
    assert paragraph.citation.paragraphs == (3, 3)
    assert paragraph.note == "ask Mediaite"
    assert paragraph.authors == ("Josh Feldman",)
    assert quote.added == "2026-12-04T12:00:00Z"


def test_clips_survive_a_new_library_on_the_same_corpus(corpus: Path) -> None:
    clip_two(Library.open([corpus]))
    again = Library.open([corpus])
    assert [c.citation.article_id for c in again.clips()] == [CNN, MEDIAITE]
    assert Library.open([SEEDS]).clips() == []  # another corpus, another list


def test_move_delete_and_note(corpus: Path) -> None:
    library = Library.open([corpus])
    clip_two(library)
    library.clip_range(CNN, 0, 10)
    first, second, third = passages(library)
    assert passages(Library.open([corpus])) == [first, second, third]
    library.move_clip(2, -1)
    assert passages(library) == [first, third, second]
    library.move_clip(0, -1)  # the first stays first
    assert passages(library) == [first, third, second]
    library.move_clip(0, 5)
    assert passages(library) == [third, second, first]
    library.note_clip(0, "  a note  ")
    library.note_clip(1, "")
    assert [c.note for c in Library.open([corpus]).clips()] == ["a note", "", ""]
    library.delete_clip(1)
    assert passages(Library.open([corpus])) == [third, first]


def test_a_clip_number_not_in_the_list_is_one_sentence(corpus: Path) -> None:
    library = Library.open([corpus])
    clip_two(library)
    with pytest.raises(ClipsError, match=r"^There is no clip 3: the list has 2 clips\.$"):
        library.delete_clip(2)


def test_a_changed_or_vanished_article_marks_its_clips_stale(corpus: Path) -> None:
    library = Library.open([corpus])
    clip_two(library)
    kept = library.clips()
    cnn = corpus / f"{CNN}.txt"
    cnn.write_text(cnn.read_text(encoding="utf-8").replace("pragmatic", "practical"), "utf-8")
    (corpus / f"{MEDIAITE}.txt").unlink()
    reopened = Library.open([corpus])
    assert reopened.clips() == kept  # nothing altered, nothing dropped
    assert reopened.clip_statuses(kept) == ["changed", "missing"]
    assert library.clip_statuses(kept) == ["current", "current"]
    assert "The article has changed since this was clipped" in reopened.export_clips("md")


def test_the_file_is_replaced_whole(corpus: Path) -> None:
    library = Library.open([corpus])
    clip_two(library)
    store = library.clip_store
    assert store.path.parent == clips_home()
    assert [p.name for p in store.path.parent.iterdir()] == [store.path.name]
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["sources"] == [str(corpus)]
    assert [c["passage"] for c in data["clips"]] == passages(library)


@pytest.mark.parametrize("damage", [b"{not json", b'{"format": "other"}', b"\xff\xfe"])
def test_a_damaged_file_is_kept_aside_and_never_overwritten(corpus: Path, damage: bytes) -> None:
    library = Library.open([corpus])
    path = library.clip_store.path
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    assert library.clips() == []
    (notice,) = library.clip_store.notices
    (aside,) = [p for p in path.parent.iterdir() if p != path]
    assert notice == (
        f"The clips file {path} is damaged; it was kept as {aside.name} and a new clip list "
        "was begun."
    )
    assert aside.read_bytes() == damage
    library.clip_range(CNN, 0, 10)
    assert aside.read_bytes() == damage
    assert len(Library.open([corpus]).clips()) == 1


def test_a_file_that_cannot_be_set_aside_stops_saving(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library.open([corpus])
    path = library.clip_store.path
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{not json")

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    with pytest.raises(ClipsError, match="could not be set aside"):
        library.clip_range(CNN, 0, 10)
    assert path.read_bytes() == b"{not json"


def test_an_unwritable_data_dir_is_one_sentence(corpus: Path) -> None:
    library = Library.open([corpus])
    clips_home().parent.mkdir(parents=True, exist_ok=True)
    clips_home().write_text("a file where the folder should be")
    with pytest.raises(ClipsError, match=r"^The clips could not be saved in .*\.$"):
        library.clip_range(CNN, 0, 10)
