"""The Library's contract: what it answers at once, what needs the corpus's quotes read first,
what the reader gets in one call, and what the app copies."""

from __future__ import annotations

import pytest

from peskovtui.citation import as_plain, cite
from peskovtui.errors import CorpusError, QuotesNotRead
from peskovtui.library import Library

ARTICLE = "004_67415639bfef48f7"


def test_corpus_wide_questions_need_the_quotes_read_first() -> None:
    library = Library.open()
    assert not library.quotes_known
    for question in (
        library.quotes,
        library.speakers,
        library.quote_clusters,
        library.quote_counts,
    ):
        with pytest.raises(QuotesNotRead, match="have not been read yet"):
            question()
    # One article's quotes are answered at once, without reading the corpus.
    assert library.article_quotes(ARTICLE)
    assert not library.quotes_known
    read = library.read_quotes()
    assert library.quotes_known
    assert library.read_quotes() is read  # read once
    assert library.quotes()
    assert sum(library.quote_counts().values()) == len(library.quotes())


def test_the_reader_view_holds_quotes_and_matches() -> None:
    library = Library.open()
    try:
        view = library.reader_view(ARTICLE, "kremlin")
        article = view.article
        assert view.quotes == tuple(library.article_quotes(ARTICLE))
        assert view.matches
        assert all(article.text[s:e].lower() == "kremlin" for s, e in view.matches)
        assert view.quote_ranges == [(q.start, q.end) for q in view.quotes]
        assert all(
            article.text[s:e] in {q.speaker_mention for q in view.quotes if q.speaker_mention}
            for s, e in view.mention_ranges
        )
        speaking = view.speakers_in(article.paragraph_index(article.text.index("much more")))
        assert speaking == ["Dmitry Peskov"]
        assert library.reader_view(ARTICLE).matches == ()
    finally:
        library.close()


def test_cite_gives_what_the_app_copies() -> None:
    library = Library.open()
    quote = next(q for q in library.article_quotes(ARTICLE) if q.attributed)
    article = library.article(ARTICLE)
    cited = library.cite(ARTICLE, quote.start, quote.end)
    assert cited == cite(article, quote.start, quote.end, speaker=quote.speaker, quote=True)
    assert as_plain(cited).startswith(f"“{quote.text}”")
    passage = library.cite(ARTICLE, 0, 10)
    assert passage.speaker is None
    assert passage.passage == article.text[:10]
    with pytest.raises(CorpusError, match="outside article"):
        library.cite(ARTICLE, 5, len(article.text) + 1)


def test_words_within_a_quote_are_cited_with_its_speaker() -> None:
    library = Library.open()
    try:
        quote = next(q for q in library.article_quotes(ARTICLE) if len(q.text.split()) > 6)
        words = quote.text.split()
        start = quote.start + quote.text.index(words[1])
        end = start + len(" ".join(words[1:4]))
        cited = library.cite(ARTICLE, start, end)
        assert cited.is_quote
        assert cited.speaker == quote.speaker
        assert cited.passage == " ".join(words[1:4])
        # A range reaching out of the quote is a passage of the article, with no speaker.
        around = library.cite(ARTICLE, quote.start - 5, quote.end)
        assert not around.is_quote
        assert around.speaker is None
    finally:
        library.close()
