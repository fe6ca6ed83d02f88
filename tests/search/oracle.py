"""A brute-force search oracle written independently of the engine, for agreement tests.

It scans every article's words with a plain regex, folds them with unicodedata and stems
them with Porter2; queries are spelled as small predicate trees, not parsed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from whoosh.lang.porter2 import stem

from peskovtui.corpus.model import Article

Range = tuple[int, int]
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@dataclass(frozen=True)
class Word:
    folded: str
    stemmed: str
    start: int
    end: int


def words(article: Article, region: str | None = None) -> list[Word]:
    out = []
    spans = [(p.start, p.end) for p in article.paragraphs if region is None or p.role == region]
    for m in _WORD.finditer(article.text):
        if any(lo <= m.start() and m.end() <= hi for lo, hi in spans):
            f = fold(m.group())
            out.append(Word(f, stem(f), m.start(), m.end()))
    return out


class Node:
    def spans(self, article: Article) -> set[Range]:
        """Every text range this node matches (empty for metadata and negations)."""
        return set()

    def matches(self, article: Article) -> bool:
        return bool(self.spans(article))


@dataclass
class WordTest(Node):
    test: Callable[[Word], bool]
    region: str | None = None

    def spans(self, article: Article) -> set[Range]:
        return {(w.start, w.end) for w in words(article, self.region) if self.test(w)}


def term(text: str, region: str | None = None) -> Node:
    s = stem(fold(text))
    return WordTest(lambda w: w.stemmed == s, region)


def prefix(text: str) -> Node:
    return WordTest(lambda w: w.folded.startswith(text))


def fuzzy(text: str, k: int) -> Node:
    return WordTest(lambda w: levenshtein(w.folded, text) <= k)


@dataclass
class Phrase(Node):
    text: str

    def spans(self, article: Article) -> set[Range]:
        want = [stem(fold(w)) for w in _WORD.findall(self.text)]
        ws = words(article)
        return {
            (ws[i].start, ws[i + len(want) - 1].end)
            for i in range(len(ws) - len(want) + 1)
            if [w.stemmed for w in ws[i : i + len(want)]] == want
        }


@dataclass
class Meta(Node):
    test: Callable[[Article], bool]

    def matches(self, article: Article) -> bool:
        return self.test(article)


@dataclass
class All(Node):
    parts: tuple[Node, ...]

    def spans(self, article: Article) -> set[Range]:
        return set().union(*(p.spans(article) for p in self.parts))

    def matches(self, article: Article) -> bool:
        return all(p.matches(article) for p in self.parts)


@dataclass
class Any_(Node):
    parts: tuple[Node, ...]

    def spans(self, article: Article) -> set[Range]:
        return set().union(*(p.spans(article) for p in self.parts))

    def matches(self, article: Article) -> bool:
        return any(p.matches(article) for p in self.parts)


@dataclass
class Not(Node):
    part: Node

    def matches(self, article: Article) -> bool:
        return not self.part.matches(article)


def merged(spans: set[Range]) -> tuple[Range, ...]:
    out: list[Range] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


def name_words(names: tuple[str, ...] | str | None) -> set[str]:
    if not names:
        return set()
    joined = " ".join(names) if isinstance(names, tuple) else names
    return {fold(w) for w in _WORD.findall(joined)}
