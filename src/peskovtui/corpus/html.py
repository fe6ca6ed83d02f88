"""The readable text of an HTML page."""

from __future__ import annotations

from html.parser import HTMLParser


class _HTMLText(HTMLParser):
    """Collects an HTML page's readable text, one block element per paragraph."""

    _BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "blockquote",
            "section",
            "article",
            "header",
            "footer",
            "tr",
            "pre",
            "figcaption",
            "title",
            "dd",
            "dt",
        ]
    )
    _SKIPPED = frozenset(["script", "style", "noscript", "template", "svg", "head", "nav"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.has_h1 = False
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIPPED:
            self._skip += 1
        if tag == "h1":
            self.has_h1 = True
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIPPED and self._skip:
            self._skip -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page with tags stripped, one paragraph per block."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    body = "".join(parser.parts)
    title = " ".join("".join(parser.title).split())
    if title and not parser.has_h1:
        body = title + "\n\n" + body
    return "\n\n".join(" ".join(block.split()) for block in body.split("\n\n") if block.strip())
