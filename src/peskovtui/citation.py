"""Citations: a passage of an article, verbatim, with where it comes from.

A citation is built from a character range of an article's display text, so the passage is
always ``article.text[start:end]`` exactly; it is then formatted as plain text or Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peskovtui.corpus import Article
from peskovtui.display import strip_controls


@dataclass(frozen=True, slots=True)
class Citation:
    """A verbatim passage and its source: article, outlet, date, url and exact location."""

    passage: str
    article_id: str
    title: str
    start: int
    end: int
    paragraphs: tuple[int, int]
    location: str
    speaker: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    is_quote: bool = False

    def to_json(self) -> dict[str, Any]:
        """The citation as plain JSON data (what ``cite --format json`` prints)."""
        first, last = self.paragraphs
        return {
            "passage": self.passage,
            "quote": self.is_quote,
            "speaker": self.speaker,
            "article_id": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "url": self.url,
            "paragraph": first,
            "last_paragraph": last,
            "start": self.start,
            "end": self.end,
            "location": self.location,
        }

    @property
    def paragraph_label(self) -> str:
        """``paragraph 3`` or ``paragraphs 3–4``, counting the article's paragraphs from 1."""
        first, last = self.paragraphs
        return f"paragraph {first}" if first == last else f"paragraphs {first}–{last}"

    @property
    def source_line(self) -> str:
        """Title, outlet and date in one line."""
        details = ", ".join(part for part in (self.outlet, self.date) if part)
        title = f"“{self.title}”" if self.title else self.article_id
        return f"{title} ({details})" if details else title

    @property
    def location_line(self) -> str:
        """Where exactly: paragraph, characters and the file or id."""
        return (
            f"{self.paragraph_label.capitalize()}, characters {self.start}–{self.end}, "
            f"of {self.article_id} ({self.location})"
        )


def paragraph_number(article: Article, offset: int) -> int:
    """The number of the paragraph holding ``offset`` as the reader shows it: from 1, the title
    being paragraph 1. Every location peskovtui prints uses this numbering."""
    return article.paragraph_index(offset) + 1


def cite(
    article: Article, start: int, end: int, *, speaker: str | None = None, quote: bool = False
) -> Citation:
    """Cite ``article.text[start:end]``; ``quote`` marks a direct quotation of ``speaker``."""
    if not 0 <= start <= end <= article.text_length:
        raise ValueError(f"range {start}–{end} is outside article {article.id}")
    first = paragraph_number(article, start)
    last = paragraph_number(article, max(start, end - 1))
    return Citation(
        passage=article.text[start:end],
        article_id=article.id,
        title=article.title,
        start=start,
        end=end,
        paragraphs=(first, last),
        location=article.location,
        speaker=speaker,
        outlet=article.outlet,
        date=article.date,
        url=article.url,
        is_quote=quote,
    )


def cite_paragraph(article: Article, index: int) -> Citation:
    """Cite paragraph ``index`` (counting from 0) of ``article``."""
    paragraph = article.paragraphs[index]
    return cite(article, paragraph.start, paragraph.end)


def as_plain(citation: Citation) -> str:
    """The citation as plain text: the passage, then who, where and when; control characters
    from the article are left out, so that pasting it can never drive a terminal."""
    passage = f"“{citation.passage}”" if citation.is_quote else citation.passage
    lines = [passage, ""]
    if citation.speaker:
        lines.append(f"— {citation.speaker}")
    lines.append(citation.source_line)
    if citation.url:
        lines.append(citation.url)
    lines.append(citation.location_line)
    return strip_controls("\n".join(lines) + "\n")


def as_markdown(citation: Citation) -> str:
    """The citation as Markdown: a block quote of the passage, then the source; control
    characters from the article are left out."""
    passage = f"“{citation.passage}”" if citation.is_quote else citation.passage
    quoted = "\n".join(f"> {line}".rstrip() for line in passage.split("\n"))
    title = _md_escape(citation.title) if citation.title else citation.article_id
    source = f"[{title}]({citation.url})" if citation.url else f"*{title}*"
    details = ", ".join(part for part in (citation.outlet, citation.date) if part)
    who = f"— {_md_escape(citation.speaker)}, " if citation.speaker else "— "
    tail = f", {details}" if details else ""
    location = (
        f"{citation.paragraph_label}, characters {citation.start}–{citation.end}, "
        f"`{citation.location}`"
    )
    return strip_controls(f"{quoted}\n>\n> {who}{source}{tail} ({location})\n")


def _md_escape(text: str) -> str:
    return "".join(f"\\{c}" if c in "\\`*_[]<>" else c for c in text)
