"""Cleanup of plain-text articles: title, byline, dateline, outlet and the lines that are not
the article (credits, promotions, tags), which are set aside rather than dropped.

The rules come from real scraped news text (CNN, Mediaite, TASS, Al Jazeera, China Daily and
others). Outlets are taken only from places where the text states them — a dateline such as
``/TASS/`` or ``(CNN)``, a ``Source: CNN`` credit, an author box — never from a mere mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peskovtui.corpus.model import ParagraphRole, SetAside

# Paragraph breaks lost in scraping survive as runs of spaces: three or more anywhere, or two
# after the end of a sentence (a closing mark or bracket may follow the stop).
_SPACE_RUN = re.compile(r" {2,}")
# A straight double mark that quotes, not one standing for a lost apostrophe (don"t).
_STRAIGHT_MARK = re.compile(r'(?<![^\W_])"|"(?![^\W_])')
_SENTENCE_END = frozenset(".!?\"'’”)")

_IMAGE_FILE = re.compile(r"^\S.{0,160}\.(?:jpe?g|png|gif|webp|tiff?)\s*$", re.IGNORECASE)
_BRACKET_CREDIT = re.compile(
    r"^[\[(](?:image|photo|picture|video|graphic|screenshot|screengrab)\b[^\])]*[\])]$",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"^(?:photo|image|picture|video|graphic)(?: credit)?s?\s*:\s*\S.{0,100}$", re.IGNORECASE
)
_VIDEO_CREDIT = re.compile(
    r"^(?:\d{1,2}:)?\d{1,2}:\d{2}\s*[-–—]\s*Source:\s*(?P<outlet>.{1,60}?)\s*$"
)
_WATCH_LINE = re.compile(r"^Watch (?:above|below|the (?:full )?(?:video|interview))\b.{0,80}$")
_SOURCE_LINE = re.compile(r"^Source\s*:\s*[-–—]?\s*(?P<outlet>[^.]{1,60}?)\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_SEPARATOR = re.compile(r"^[\s—–\-*_=•·~#]+$")
_PROMOTION = re.compile(
    r"^(?:"
    r"Follow\b.{1,80}\b(?:on|at)\b.{0,60}"
    r"|Have a tip we should know\?.*"
    r"|Exit mobile version"
    r"|(?:RELATED|READ MORE|MORE|SEE ALSO|ALSO READ|READ|WATCH|LISTEN|Related|Read more)\s*:.*"
    r"|Filed Under\s*:.*"
    r"|(?:Tags|Topics|Keywords)\s*:.*"
    r"|Share (?:this|on)\b.{0,80}"
    r"|(?:Sign up|Subscribe)\b.{0,80}\b(?:newsletter|updates)\b.{0,40}"
    r"|Advertisement"
    r"|(?:Send|Share)\s+(?:Facebook|Twitter)\b.{0,160}\bPermalink\s+\S+"
    r"|Click here\b.{0,100}"
    r")$",
)
_SHARE_BAR = re.compile(
    r"\s*\b(?:Send|Share)\s+(?:Facebook|Twitter)\b[\w+ ]{0,160}?\bPermalink\s+https?://\S+\s*"
)
_TAG_ITEM = r"[A-Z0-9][\w’'&.-]*(?: [\w’'&.-]+){0,3}"
_TAG_LINE = re.compile(rf"^{_TAG_ITEM}(?:, {_TAG_ITEM}){{2,}}$")
_AUTHOR_BOX = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) is (?:a|an|the) "
    r"(?:[\w-]+ ){0,4}(?:[Ee]ditor|[Ww]riter|[Rr]eporter|[Cc]orrespondent|[Cc]olumnist|"
    r"[Cc]ontributor|[Jj]ournalist|[Pp]roducer|[Aa]nalyst)\b[^.]{0,60}? (?:at|for|with) "
    r"(?P<outlet>(?:[Tt]he )?[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3})\b.*$"
)
_BYLINE = re.compile(
    r"^By (?P<names>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
    r"(?:(?:,| and| &) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})*)"
    r"(?:\s*[|–—-]\s*(?P<outlet>[A-Z][\w&'’ -]{1,40}))?$"
)
# Wire services as bylines name them; a single word after the names is an outlet too.
_WIRES = {"Associated Press": "AP", "The Associated Press": "AP", "Agence France-Presse": "AFP"}
_NAME_SPLIT = re.compile(r",\s*|\s+and\s+|\s*&\s*")

# Datelines at the start of the first paragraph, with the outlet they state if any.
_DATELINE_AGENCY = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .'-]{1,40}(?:[,.] [A-Z][a-z]+\.? \d{1,2})?)\.? "
    r"/(?P<outlet>[A-Z][A-Za-z-]{1,20})/\.?\s*"
)
_DATELINE_PAREN = re.compile(
    r"^(?P<dateline>[A-Z][A-Za-z .'-]{1,40}(?:, [A-Z][a-z]+\.? \d{1,2})?)\s*"
    r"\((?P<outlet>[A-Z]{2,10}|Reuters|Wire|Bloomberg|Xinhua|Interfax|Sputnik)\)\s*(?:[-–—]+\s*)?"
)
_DATELINE_CAPS = re.compile(
    r"^(?P<dateline>[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][a-z]+\.? \d{1,2})?)"
    r"\s*(?:—|–|-|\"\?)\s*(?=[A-Z\"“])"
)
_OUTLET_DATELINE_LINE = re.compile(r"^(?P<outlet>[A-Z][A-Za-z.&]{1,20})\s+[—–-]+\s*$")

# Boilerplate glued to the end of scraped text.
_TRAILERS = (
    (re.compile(r"\s*Source\s*:\s*[-–—]?\s*(?P<outlet>[^.:]{1,60}?)\s*$"), "source credit"),
    (re.compile(r"\s*\((?P<outlet>China Daily)[^()]{0,60}\)\s*$"), "source credit"),
    (
        re.compile(r"\s*Follow [^.]{1,60}?(?: on Twitter| at \S+|@\w+)[^.]{0,30}?\.?\s*$"),
        "promotion",
    ),
)
_TRAILER_REACH = 160
_AGENCIES_SUFFIX = re.compile(
    r"^(?:news )?agenc(?:y|ies)$|\s+(?:and )?news agencies$|\s+news agency$|\s+News$",
    re.IGNORECASE,
)

_HIGHLIGHTS = "Story highlights"
# A promotion is a short line: a longer one is article text that a scrape glued to it.
_MAX_PROMOTION = 160
_MARKDOWN_HEADING = re.compile(r"^#{1,6} ")
_HEADING_END = re.compile(r"[.,;:]['’\"”]?$")
_MAX_HEADING_WORDS = 10


@dataclass(slots=True)
class Cleaned:
    """The result of cleaning one article's text: paragraph blocks with roles and metadata."""

    blocks: list[tuple[str, ParagraphRole]] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None

    @property
    def title(self) -> str:
        """The title block, or an empty string."""
        return next((b for b, role in self.blocks if role == "title"), "")

    @property
    def subtitle(self) -> str:
        """The subtitle blocks joined by newlines."""
        return "\n".join(b for b, role in self.blocks if role == "subtitle")


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraph lines, restoring breaks lost in scraping.

    Lines separated by a blank line, or standing one per line, are paragraphs; a hard-wrapped
    file (no line longer than 100 characters, paragraphs separated by blank lines) has its
    lines joined back.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = [line.strip() for line in text.split("\n")]
    non_empty = [line for line in lines if line]
    if not non_empty:
        return []
    hard_wrapped = (
        "" in lines[1:-1]
        and max(len(line) for line in non_empty) <= 100
        and any(len(line) >= 60 for line in non_empty)
    )
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
        elif hard_wrapped:
            current.append(line)
        else:
            paragraphs.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return [piece for p in paragraphs for piece in _restore_breaks(p)]


def _restore_breaks(paragraph: str) -> list[str]:
    bar = _SHARE_BAR.search(paragraph)
    if bar is not None and not _inside_quotation(paragraph, bar.start()):
        # A share bar scraped into the text ("Send Facebook Twitter ... Permalink http://...")
        # is no part of the sentence around it: a line of its own, set aside as a promotion.
        before, after = paragraph[: bar.start()].strip(), paragraph[bar.end() :].strip()
        return [
            *(_restore_breaks(before) if before else []),
            bar.group().strip(),
            *(_restore_breaks(after) if after else []),
        ]
    if "  " not in paragraph:
        return [paragraph]
    pieces: list[str] = []
    start = 0
    for run in _SPACE_RUN.finditer(paragraph):
        if _inside_quotation(paragraph, run.start()):
            continue  # a break inside a quotation would cut the quotation in two
        if run.end() - run.start() >= 3 or paragraph[run.start() - 1] in _SENTENCE_END:
            pieces.append(paragraph[start : run.start()])
            start = run.end()
    pieces.append(paragraph[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def _inside_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened before it on the same paragraph line:
    more curly opening than closing marks before it, or an odd number of straight ones (a mark
    between two letters is a lost apostrophe and does not count)."""
    before = text[:pos]
    if before.count("“") > before.count("”"):
        return True
    return len(_STRAIGHT_MARK.findall(before)) % 2 == 1


def clean_article(
    text: str,
    *,
    title: str | None = None,
    subtitle: str | None = None,
) -> Cleaned:
    """Clean an article's text into titled paragraph blocks.

    With ``title`` given (a data-set row), every line of ``text`` is body; otherwise the first
    line that is not a credit or promotion is the title.
    """
    result = Cleaned()
    paragraphs = split_paragraphs(text)
    trailers: list[SetAside] = []
    if paragraphs:
        paragraphs[-1:] = _split_trailers(paragraphs[-1], result, trailers)
    if title is not None and title.strip():
        result.blocks.append((" ".join(title.split()), "title"))
    if subtitle is not None and subtitle.strip():
        result.blocks.append((" ".join(subtitle.split()), "subtitle"))
    in_highlights = False
    body_started = False
    for index, line in enumerate(paragraphs):
        reason = _set_aside_reason(line, result)
        if reason is not None:
            result.set_aside.append(SetAside(line, reason))
            in_highlights = in_highlights or line == _HIGHLIGHTS
            continue
        if not result.blocks:
            result.blocks.append((_MARKDOWN_HEADING.sub("", line), "title"))
            continue
        role = _role_of(line, result, body_started=body_started, in_highlights=in_highlights)
        if role == "dateline":
            in_highlights = False
        if role == "heading" and index == len(paragraphs) - 1:
            role = "body"
        if role == "body":
            if not body_started:
                _take_inline_dateline(line, result)
            body_started = True
            in_highlights = False
        result.blocks.append((_MARKDOWN_HEADING.sub("", line), role))
    result.set_aside.extend(reversed(trailers))
    return result


def _split_trailers(last: str, result: Cleaned, trailers: list[SetAside]) -> list[str]:
    """Set aside boilerplate glued to the end of the text (``Source:-Al Jazeera``)."""
    changed = True
    while changed:
        changed = False
        for pattern, reason in _TRAILERS:
            # Trailers are short: searching only the tail keeps long texts cheap.
            match = pattern.search(last, max(0, len(last) - _TRAILER_REACH))
            if match is None or match.start() == 0:
                continue
            trailers.append(SetAside(match.group(0).strip(), reason))
            outlet = match.groupdict().get("outlet")
            if outlet and result.outlet is None:
                result.outlet = _stated_outlet(outlet)
            last = last[: match.start()].rstrip()
            changed = True
    return [last] if last else []


def _stated_outlet(credit: str) -> str | None:
    """The outlet a source credit names, without ``and news agencies``; None for agencies."""
    return _AGENCIES_SUFFIX.sub("", credit.strip(" -–—")).strip() or None


def _set_aside_reason(line: str, result: Cleaned) -> str | None:
    if _IMAGE_FILE.match(line) and not _SENTENCE_BREAK.search(line):
        return "image credit"
    if _BRACKET_CREDIT.match(line) or _PHOTO_CREDIT.match(line):
        return "image credit"
    video = _VIDEO_CREDIT.match(line)
    if video:
        result.outlet = result.outlet or video.group("outlet")
        return "video credit"
    if _WATCH_LINE.match(line):
        return "video credit"
    source = _SOURCE_LINE.match(line)
    if source:
        result.outlet = result.outlet or _stated_outlet(source.group("outlet"))
        return "source credit"
    if _SEPARATOR.match(line):
        return "separator"
    if len(line) <= _MAX_PROMOTION and _PROMOTION.match(line):
        return "promotion"
    if line == _HIGHLIGHTS:
        return "page furniture"
    author = _AUTHOR_BOX.match(line)
    if author:
        result.outlet = result.outlet or author.group("outlet")
        if author.group("name") not in result.authors:
            result.authors.append(author.group("name"))
        return "author box"
    if _TAG_LINE.match(line) and not _HEADING_END.search(line):
        return "keyword tags"
    return None


def _role_of(
    line: str, result: Cleaned, *, body_started: bool, in_highlights: bool
) -> ParagraphRole:
    outlet_line = _OUTLET_DATELINE_LINE.match(line)
    if outlet_line and not body_started:
        result.outlet = result.outlet or outlet_line.group("outlet")
        result.dateline = result.dateline or outlet_line.group("outlet")
        return "dateline"
    byline = _BYLINE.match(line)
    if byline and not body_started:
        names = [n for n in _NAME_SPLIT.split(byline.group("names")) if n]
        outlet = byline.group("outlet")
        if outlet is None and len(names) > 1 and (" " not in names[-1] or names[-1] in _WIRES):
            outlet = names.pop()
        for name in names:
            if name not in result.authors:
                result.authors.append(name)
        if outlet and result.outlet is None:
            outlet = outlet.strip()
            result.outlet = _WIRES.get(outlet, outlet)
        return "byline"
    if in_highlights:
        return "subtitle"
    if _MARKDOWN_HEADING.match(line) or (
        body_started and len(line.split()) <= _MAX_HEADING_WORDS and not _HEADING_END.search(line)
    ):
        return "heading"
    return "body"


def _take_inline_dateline(line: str, result: Cleaned) -> None:
    """Record the dateline that opens the first body paragraph, and the outlet it states."""
    for pattern in (_DATELINE_AGENCY, _DATELINE_PAREN, _DATELINE_CAPS):
        match = pattern.match(line)
        if match:
            result.dateline = match.group("dateline").strip(" ,.")
            outlet = match.groupdict().get("outlet")
            if outlet and result.outlet is None:
                result.outlet = outlet
            return
