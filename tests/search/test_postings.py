"""A word's postings read a block at a time are those Whoosh's matcher steps through."""

from __future__ import annotations

from typing import Any

from whoosh import fields
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.filestore import RamStorage
from whoosh.matching import ListMatcher
from whoosh.matching.wrappers import FilterMatcher

from peskovtui.search.postings import KeptPostings, blocks, decoder


def _index() -> Any:
    """Two segments, one with deleted articles; common words span several blocks of postings,
    rare ones one."""
    ix = RamStorage().create_index(fields.Schema(n=fields.ID(unique=True), text=fields.TEXT))
    for segment in range(2):
        writer = ix.writer()
        for i in range(400):
            words = ["common"] * (1 + i % 3) + (["half"] if i % 2 else []) + [f"rare{i}"]
            writer.add_document(n=f"{segment}-{i}", text=" ".join(words))
        writer.commit(merge=False)
    writer = ix.writer()
    for i in range(0, 400, 7):
        writer.delete_by_term("n", f"0-{i}")
    writer.commit(merge=False)
    return ix


def _stepped(postings: Any) -> list[tuple[int, float, list[int]]]:
    found = []
    while postings.is_active():
        found.append((postings.id(), postings.weight(), postings.value_as("positions")))
        postings.next()
    return found


def test_blocks_hold_what_stepping_finds_deleted_articles_left_out() -> None:
    ix = _index()
    kinds: set[type] = set()
    filtered = 0
    with ix.searcher() as searcher:
        for reader in searcher.reader().leaf_readers():
            reader = reader[0] if isinstance(reader, tuple) else reader
            for word in ["common", "half", "rare3", "rare398"]:
                if ("text", word) not in reader:
                    continue
                postings = reader.postings("text", word)
                filtered += type(postings) is FilterMatcher
                inner = postings.child if type(postings) is FilterMatcher else postings
                kinds.add(type(inner))
                decode = decoder(postings)
                read = [
                    (docnum, weight, decode(value))
                    for block in blocks(postings, values=True)
                    for docnum, weight, value in zip(
                        block.ids, block.weights, block.values or (), strict=True
                    )
                ]
                assert read == _stepped(reader.postings("text", word))
                assert read
    assert kinds == {W3LeafMatcher}
    assert filtered


def test_blocks_start_where_the_matcher_stands() -> None:
    ix = _index()
    with ix.searcher() as searcher:
        reader = searcher.reader().leaf_readers()[1][0]
        postings = reader.postings("text", "common")
        postings.skip_to(200)
        ids = [docnum for block in blocks(postings) for docnum in block.ids]
        assert ids == list(range(200, 400))


def test_any_other_matcher_is_stepped_through_from_where_it_stands() -> None:
    postings = ListMatcher([2, 5, 9, 14], [1.0, 3.0, 2.0, 1.0], values=[b"a", b"b", b"c", b"d"])
    postings.next()
    assert list(blocks(postings, values=True)) == [
        ([5, 9, 14], [3.0, 2.0, 1.0], [b"b", b"c", b"d"])
    ]
    filtered = FilterMatcher(ListMatcher([2, 5, 9], [1.0, 1.0, 2.0]), {5}, exclude=True)
    assert [tuple(block.ids) for block in blocks(filtered)] == [(2, 9)]


def test_kept_postings_are_read_once_and_the_least_recent_dropped_past_the_budget(
    monkeypatch: Any,
) -> None:
    ix = _index()
    opened: list[str] = []
    with ix.searcher() as searcher:
        segment = searcher.reader().leaf_readers()[1][0]
        real = segment.postings

        def postings(field: str, word: str) -> Any:
            opened.append(word)
            return real(field, word)

        monkeypatch.setattr(segment, "postings", postings)
        kept = KeptPostings(budget=600)
        common = kept.read(segment, "text", "common")
        assert list(common.ids) == list(range(400)) and common.live()[0] == list(range(400))
        assert kept.read(segment, "text", "common") is common
        kept.read(segment, "text", "half")  # 200 more: 600 in all, still within the budget
        kept.read(segment, "text", "common")  # the most recent now
        kept.read(segment, "text", "rare5")  # 601: "half", the least recent, is dropped
        kept.read(segment, "text", "common")
        kept.read(segment, "text", "half")
        assert opened == ["common", "half", "rare5", "half"]
        assert KeptPostings(budget=10).read(segment, "text", "half") is not None
        assert opened[-1] == "half"


def test_kept_postings_leave_deleted_articles_out_of_the_live_ones() -> None:
    ix = _index()
    with ix.searcher() as searcher:
        segment = searcher.reader().leaf_readers()[0][0]
        read = KeptPostings().read(segment, "text", "common")
        ids, weights = read.live()
        assert len(read.ids) == 400 and ids == [d for d in range(400) if d % 7]
        assert weights == [float(1 + d % 3) for d in ids]


def test_an_answer_is_worked_out_once_per_segment_while_kept() -> None:
    kept = KeptPostings()
    made: list[str] = []

    def work_out(name: str) -> Any:
        made.append(name)
        return [name]

    one, two = object(), object()
    assert kept.answer(one, "q", lambda: work_out("one")) == ["one"]
    assert kept.answer(one, "q", lambda: work_out("again")) == ["one"]
    assert kept.answer(two, "q", lambda: work_out("two")) == ["two"]
    assert made == ["one", "two"]
    unkept = KeptPostings(budget=0)
    unkept.answer(one, "q", lambda: work_out("a"))
    unkept.answer(one, "q", lambda: work_out("b"))
    assert made[-2:] == ["a", "b"]
