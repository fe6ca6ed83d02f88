"""The records of the quotes subsystem: quotes, speakers and clusters of versions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["full", "partial", "fragment", "headline", "term"]
# Kinds left out of the quotes panel, the quote counts and exports unless asked for: words of
# three or fewer, and titles, names and terms in marks that nobody said.
HIDDEN_KINDS: frozenset[str] = frozenset({"fragment", "term"})
Relation = Literal["reference", "equal", "contained", "contains", "near"]

UNATTRIBUTED = "unattributed"


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation as the range ``text[start:end]`` of the quoted words, without marks.

    A quote that runs over several paragraphs keeps one range from the first quoted word to the
    last; ``segments`` lists the quoted words of each paragraph, so the paragraph breaks and the
    re-opening marks in between are never mistaken for quoted words.

    ``cue`` says how the speaker was found: ``after`` / ``before`` the quote (a verb of saying),
    ``label`` (a transcript line), ``asked-by``, ``according-to``, ``continuation`` (words
    continuing an attributed quote), ``subject`` (the subject of a sentence with no verb of
    saying, the weakest), ``headline`` (a headline echoing an attributed quote), or None.

    ``speaker_kind`` is ``person`` (named), ``organisation`` (a named body), or ``role`` (a
    person, group or document the article does not name: "a senior official", "the report").

    ``kind`` is ``full`` (a sentence of its own), ``partial``, ``fragment`` (three words or
    fewer), ``headline``, or ``term``: a title, a name or a term in marks, which nobody says.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    paragraph: int
    speaker: str = UNATTRIBUTED
    speaker_mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    role: str | None = None
    segments: tuple[tuple[int, int], ...] = ()
    article_id: str | None = None
    cue: str | None = None
    speaker_kind: str | None = None

    @property
    def attributed(self) -> bool:
        """Whether a speaker was found for this quote."""
        return self.speaker != UNATTRIBUTED

    @property
    def hidden_by_default(self) -> bool:
        """Whether the quote is a fragment or a term, shown only when asked for."""
        return self.kind in HIDDEN_KINDS

    @property
    def words(self) -> int:
        """Number of words quoted."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A pair of quotation marks found by the scanner: marks at ``open``/``close`` (inclusive)."""

    open: int
    close: int
    start: int
    end: int
    paragraph: int
    last_paragraph: int
    segments: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """A speaker and the number of quotes given to them, for the speaker index."""

    speaker: str
    quotes: int
    articles: int
    variants: tuple[str, ...] = ()
    kind: str = "person"


@dataclass(frozen=True, slots=True)
class QuoteVersion:
    """One quote within a cluster, with its word-level differences from the cluster's reference."""

    article_id: str | None
    start: int
    end: int
    text: str
    speaker: str
    relation: Relation
    diff: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteCluster:
    """The versions of one quote repeated within an article or across articles."""

    id: str
    reference: str
    versions: tuple[QuoteVersion, ...] = field(default=())

    @property
    def articles(self) -> int:
        """Number of distinct articles the versions come from."""
        return len({v.article_id for v in self.versions})
