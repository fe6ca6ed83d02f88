"""Loading each input format, and every kind of bad input, without a traceback."""

from __future__ import annotations

import json
import os
import stat
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from peskovtui.corpus import load_corpus, read_raw
from peskovtui.corpus.fields import parse_field_overrides
from peskovtui.errors import CorpusError

ARTICLE = "A headline\n\nThe first paragraph, with a “quote,” he said.\n\nThe second paragraph.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_a_single_text_file(tmp_path: Path) -> None:
    corpus = load_corpus([write(tmp_path / "story.txt", ARTICLE)])
    (article,) = corpus.articles
    assert article.id == "story"
    assert article.title == "A headline"
    assert article.text == (
        "A headline\n\nThe first paragraph, with a “quote,” he said.\n\nThe second paragraph."
    )
    assert article.path == str(tmp_path / "story.txt")
    assert article.row is None


def test_a_folder_recursively_in_name_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "sub" / "a.md", "# Markdown title\n\nBody text.\n")
    write(
        tmp_path / "sub" / "c.html",
        "<html><head><title>Page</title></head><body>"
        "<h1>Html title</h1><p>First <b>bold</b> paragraph &amp; more.</p>"
        "<script>var x = 1;</script><p>Second.</p></body></html>",
    )
    write(tmp_path / ".hidden" / "x.txt", ARTICLE)
    write(tmp_path / "notes.docx", b"PK\x03\x04")
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["b", "a", "c"]
    html = corpus.articles[2]
    assert html.text == "Html title\n\nFirst bold paragraph & more.\n\nSecond."
    assert corpus.articles[1].title == "Markdown title"


def test_html_without_h1_takes_its_title_element(tmp_path: Path) -> None:
    page = "<title>The title</title><body><p>Only a paragraph.</p></body>"
    (article,) = load_corpus([write(tmp_path / "p.htm", page)]).articles
    assert article.title == "The title"


CSV = (
    "article_id,publish_date,article_source_link,title,subtitle,text\n"
    '7,2017/2/7,http://www.cnn.com/x,"Title, with comma", a dek,"Body ""quoted"" text.   '
    'Second paragraph."\n'
    "8,2017/3/1,http://tass.com/y,Another,,Plain body.\n"
)


def test_csv_with_the_usual_columns(tmp_path: Path) -> None:
    corpus = load_corpus([write(tmp_path / "news.csv", CSV)])
    first, second = corpus.articles
    assert (first.id, first.title, first.subtitle, first.date) == (
        "7",
        "Title, with comma",
        "a dek",
        "2017-02-07",
    )
    assert first.outlet == "CNN"
    assert first.url == "http://www.cnn.com/x"
    assert first.text == 'Title, with comma\n\na dek\n\nBody "quoted" text.\n\nSecond paragraph.'
    assert [p.role for p in first.paragraphs] == ["title", "subtitle", "body", "body"]
    assert (first.row, second.row) == (1, 2)
    assert second.outlet == "TASS"
    assert read_raw(first) == 'Body "quoted" text.   Second paragraph.'


def test_tsv_and_semicolon_csv(tmp_path: Path) -> None:
    write(tmp_path / "a.tsv", "headline\tbody\nT1\tB1.\n")
    write(tmp_path / "b.csv", "headline;body;author\nT2;B2.;By Ann Lee and Bo Chen\n")
    corpus = load_corpus([tmp_path])
    assert [(a.title, a.text) for a in corpus.articles] == [
        ("T1", "T1\n\nB1."),
        ("T2", "T2\n\nB2."),
    ]
    assert corpus.articles[1].authors == ("Ann Lee", "Bo Chen")


def test_jsonl_and_json(tmp_path: Path) -> None:
    rows = [
        {
            "uuid": "u1",
            "headline": "H1",
            "content": "C1.",
            "published": "2017-01-02",
            "source": {"id": "x", "name": "Reuters"},
            "authors": ["A B", "C D"],
        },
        {"uuid": "u2", "headline": "H2", "content": "C2.", "link": "https://www.bbc.co.uk/n"},
    ]
    write(tmp_path / "a.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    write(tmp_path / "b.json", json.dumps({"articles": [{"id": 9, "text": "T.", "title": "J"}]}))
    write(tmp_path / "c.ndjson", json.dumps({"body": "Only body text here."}) + "\n")
    corpus = load_corpus([tmp_path])
    a1, a2, b, c = corpus.articles
    assert (a1.id, a1.title, a1.outlet, a1.date, a1.authors) == (
        "u1",
        "H1",
        "Reuters",
        "2017-01-02",
        ("A B", "C D"),
    )
    assert a2.outlet == "BBC"
    assert (b.id, b.title) == ("9", "J")
    # With no title column the first line of the text is the title, as for a file.
    assert (c.id, c.title) == ("1", "Only body text here.")


def test_field_overrides(tmp_path: Path) -> None:
    path = write(tmp_path / "odd.csv", "hed,story,text\nThe hed,The story.,not this\n")
    fields = parse_field_overrides("title=hed, text=story")
    (article,) = load_corpus([path], fields).articles
    assert article.text == "The hed\n\nThe story."
    with pytest.raises(CorpusError, match="no column 'missing' for text"):
        load_corpus([path], parse_field_overrides("text=missing"))
    with pytest.raises(CorpusError, match="unknown field 'bodyy'"):
        parse_field_overrides("bodyy=story")
    with pytest.raises(CorpusError, match="FIELD=COLUMN"):
        parse_field_overrides("text")


def test_repeated_ids_are_made_unique(tmp_path: Path) -> None:
    write(tmp_path / "one" / "story.txt", ARTICLE)
    write(tmp_path / "two" / "story.txt", ARTICLE)
    write(tmp_path / "x.csv", "id,text\nstory,Body.\n")
    ids = [a.id for a in load_corpus([tmp_path]).articles]
    assert ids == ["story", "story:story", "x:story"]
    assert len(set(ids)) == 3


def test_rows_without_title_or_text_are_kept_empty(tmp_path: Path) -> None:
    path = write(tmp_path / "d.csv", "id,url,title,text\n5,http://cnn.com/a,,\n6,,T,Body.\n")
    corpus = load_corpus([path])
    assert [(a.id, a.title, a.text) for a in corpus.articles] == [
        ("5", "", ""),
        ("6", "T", "T\n\nBody."),
    ]
    assert corpus.warnings == ()


# Bad input: one clear sentence each, the rest loaded, nothing written.


def test_missing_path_alone_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"nowhere\.txt does not exist\.$"):
        load_corpus([tmp_path / "nowhere.txt"])


def test_missing_path_beside_a_good_one_is_a_warning(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    corpus = load_corpus([tmp_path / "nowhere", good])
    assert [a.id for a in corpus.articles] == ["good"]
    assert corpus.warnings == (f"{tmp_path / 'nowhere'} does not exist.",)


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="holds no articles"):
        load_corpus([tmp_path])


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"empty\.txt is empty\.$"):
        load_corpus([write(tmp_path / "empty.txt", "  \n\n")])


def test_binary_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="is a binary file, not text"):
        load_corpus([write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")])


def test_undecodable_bytes_are_loaded_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", "Caf\xe9 society\n\nIt was na\xefve.".encode("latin-1"))
    corpus = load_corpus([path])
    assert corpus.articles[0].text == "Caf� society\n\nIt was na�ve."
    assert corpus.warnings == (
        f"{path} is not valid UTF-8 (first bad byte at offset 3); "
        "undecodable bytes are shown as �.",
    )


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", "Title\n\nBody “quoted”.".encode("utf-16"))
    assert load_corpus([path]).articles[0].text == "Title\n\nBody “quoted”."


def test_huge_article_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("peskovtui.corpus.readers.MAX_ARTICLE_BYTES", 100)
    write(tmp_path / "huge.txt", "Title\n\n" + "word " * 100)
    write(tmp_path / "small.txt", ARTICLE)
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["small"]
    assert corpus.warnings == (
        f"{tmp_path / 'huge.txt'} is too large for an article (0 MiB); skipped.",
    )


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "secret.txt", ARTICLE)
    real_open = os.open

    def deny(name: str | os.PathLike[str], *args: Any, **kwargs: Any) -> int:
        if Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    # Root reads any file whatever its mode, so the denial is simulated.
    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(CorpusError) as error:
        load_corpus([path])
    assert str(error.value) == f"{path} cannot be read (permission denied)."


def test_csv_without_a_text_column_names_the_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "no_text.csv", "id,headline,when\n1,H,2017\n")
    with pytest.raises(CorpusError) as error:
        load_corpus([path])
    assert str(error.value) == (
        f"{path} has no text column (found: id, headline, when); "
        "name one with --fields text=COLUMN."
    )


def test_malformed_rows_are_skipped_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.csv", "id,title,text\n1,T1,Good.\n2,T2,Bad,extra\n3,T3,Fine.\n")
    corpus = load_corpus([path])
    assert [a.id for a in corpus.articles] == ["1", "3"]
    assert corpus.warnings == (f"{path} row 2 has 4 fields but the header has 3; skipped.",)


def test_malformed_json_lines_are_skipped_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.jsonl", '{"text": "One."}\n{"text": \n[1, 2]\n{"text": "Two."}\n')
    corpus = load_corpus([path])
    assert [a.text for a in corpus.articles] == ["One.", "Two."]
    assert corpus.warnings == (
        f"{path} line 2 is not valid JSON (Expecting value); skipped.",
        f"{path} row 3 is not a JSON object; skipped.",
    )


def test_invalid_json_document(tmp_path: Path) -> None:
    with pytest.raises(
        CorpusError, match=r"is not valid JSON \(Expecting property name .* at line 1\)\.$"
    ):
        load_corpus([write(tmp_path / "bad.json", "{not json")])
    with pytest.raises(CorpusError, match="is JSON but not a list of articles"):
        load_corpus([write(tmp_path / "scalar.json", "42")])


def test_loading_writes_nothing(tmp_path: Path, seeds: Path) -> None:
    folder = tmp_path / "ro"
    for source in seeds.iterdir():
        write(folder / source.name, source.read_bytes())
    write(folder / "data.csv", CSV)
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        corpus = load_corpus([folder])
        assert len(corpus.articles) == 7
        for article in corpus.articles:
            read_raw(article)
    finally:
        folder.chmod(stat.S_IRWXU)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}
    assert after == before


def test_reading_a_data_set_reserves_no_more_memory_than_it_needs(tmp_path: Path) -> None:
    # The cap on a data set's size (1 GiB) is not what a read of a small one reserves.
    path = write(tmp_path / "small.csv", CSV)
    tracemalloc.start()
    try:
        corpus = load_corpus([path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(corpus.articles) == 2
    assert peak < 16 * 2**20
