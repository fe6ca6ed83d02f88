"""Speaker names across articles, the speaker index, and clusters of quote versions."""

from __future__ import annotations

from pathlib import Path

from peskovtui.quotes import Quote, extract_quotes
from peskovtui.quotes.clusters import cluster_quotes, quote_words, relation, word_diff
from peskovtui.quotes.speakers import normalise_speakers, speaker_aliases, speaker_index

REPO = Path(__file__).resolve().parents[2]


def quote(text: str, speaker: str, article: str, kind: str = "full") -> Quote:
    return Quote(0, len(text), text, kind, 1, speaker, article_id=article)  # type: ignore[arg-type]


def test_spelling_variants_merge_to_the_most_frequent() -> None:
    aliases = speaker_aliases(
        ["Dmitry Peskov", "Dmitry Peskov", "Dmitri Peskov", "Peskov", "Anna Berg", "Anna Bergman"]
    )
    assert aliases["Dmitri Peskov"] == "Dmitry Peskov"
    assert aliases["Peskov"] == "Dmitry Peskov"
    assert aliases["Anna Bergman"] == "Anna Bergman"


def test_lone_surname_with_several_owners_stays_as_is() -> None:
    aliases = speaker_aliases(["Donald Trump", "Melania Trump", "Trump"])
    assert aliases["Trump"] == "Trump"


def test_speaker_index_counts_quotes_articles_and_variants() -> None:
    quotes = [
        quote("one two three four", "Dmitri Peskov", "a"),
        quote("five six seven eight", "Dmitry Peskov", "b"),
        quote("nine ten eleven twelve", "Dmitry Peskov", "b"),
        quote("x y z w", "unattributed", "b"),
    ]
    aliases = speaker_aliases(q.speaker for q in quotes)
    index = speaker_index(normalise_speakers(quotes, aliases), aliases)
    assert [(s.speaker, s.quotes, s.articles, s.variants) for s in index] == [
        ("Dmitry Peskov", 3, 2, ("Dmitri Peskov",))
    ]


def test_relations_and_word_diffs() -> None:
    a = quote_words("With very, very stable political traditions, and you say")
    b = quote_words("with a very, very stable political tradition and you say")
    assert relation(a, b) == "near"
    assert word_diff(a, b) == ("+a", "traditions → tradition")
    assert relation(a, quote_words("stable political traditions")) == "contained"
    assert (
        relation(a, quote_words("WITH very very stable political “traditions” and you say"))
        == "equal"
    )
    assert relation(a, quote_words("nothing in common with this one at all today")) is None


def test_clusters_on_the_seeds() -> None:
    quotes = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        quotes += extract_quotes(path.read_text(encoding="utf-8"), article_id=path.stem[:3])
    clusters = cluster_quotes(quotes)
    by_text = {c.reference[:30]: c for c in clusters}
    lousy = by_text["Because what we have currently"]
    assert [v.relation for v in lousy.versions] == ["reference", "equal"]
    assert {v.article_id for v in lousy.versions} == {"000"}
    stable = next(c for c in clusters if "stable political tradition" in c.reference)
    assert {v.article_id for v in stable.versions} == {"002", "003"}
    assert any("traditions" in edit for v in stable.versions for edit in v.diff)
    assert [c.id for c in clusters] == [f"q{i:04d}" for i in range(1, len(clusters) + 1)]
    # Fragments such as "lousy" never make a cluster of their own.
    assert all(len(c.reference.split()) >= 4 for c in clusters)


def test_a_quote_reported_by_many_articles_is_one_cluster() -> None:
    # Sixty equal reports used to exceed the boilerplate limit of every shared 4-gram.
    text = "We will never accept the annexation of Crimea."
    clusters = cluster_quotes([quote(text, "Anna Berg", str(i)) for i in range(60)])
    assert len(clusters) == 1
    assert len(clusters[0].versions) == 60
    assert {v.relation for v in clusters[0].versions} == {"reference", "equal"}
