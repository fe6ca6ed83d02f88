"""A query's structure read before Whoosh reads it, so that a malformed query says so.

Whoosh reads anything, and guesses: an unknown field becomes words (``site:bbc`` searches for
"site bbc"), an ``OR`` with nothing after it becomes the word "or", an unclosed quotation mark
is dropped. Each guess searches for something the user did not ask for, often with no result
and no word of why. This pass finds those first and says what is wrong in one sentence.

Closing marks missing at the end (a quotation mark, parentheses) are the one leniency: their
meaning is evident, and a query typed while the results update passes through them, so they
are supplied and a notice says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peskovtui.search.errors import QueryError
from peskovtui.search.schema import FIELD_ALIASES, QUERY_FIELDS

# A field is a name that starts with a letter, then a colon: ``10:30`` and ``https://`` are text.
_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<phrase>"[^"]*"?)
    | (?P<open>\()
    | (?P<close>\))
    | (?P<field>[^\W\d]\w*):(?!/)
    | (?P<word>[^\s"()]+)
    """,
    re.VERBOSE,
)
_BINARY = frozenset({"AND", "OR", "ANDNOT", "ANDMAYBE", "REQUIRE"})
_KNOWN = frozenset(QUERY_FIELDS) | frozenset(FIELD_ALIASES)
# What may follow an operator, and what may come before a binary one.
_STARTS_OPERAND = frozenset({"word", "phrase", "open", "field", "not"})
_ENDS_OPERAND = frozenset({"word", "phrase", "close"})


def _field_list() -> str:
    names = [f"{name}:" for name in QUERY_FIELDS]
    return ", ".join(names[:-1]) + f" and {names[-1]}"


@dataclass(frozen=True, slots=True)
class CheckedQuery:
    """A query ready for Whoosh, and what was supplied to make it so (one sentence each)."""

    text: str
    notices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "word"
        value = match.group(0)
        if kind == "word" and value == "NOT":
            kind = "not"
        elif kind == "word" and value in _BINARY:
            kind = "operator"
        tokens.append(_Token(kind, value))
    return tokens


def _check_field(token: _Token, after: list[_Token]) -> _Token:
    """A field token as Whoosh should read it, or an error; ``after`` is what follows it."""
    name = token.text[:-1]
    nxt = after[0] if after else None
    if name.lower() not in _KNOWN:
        if nxt is None or nxt.kind == "space":
            return _Token("word", token.text)  # "Update: Peskov said": a colon in text
        written = token.text + (nxt.text if nxt.kind == "word" else "")
        raise QueryError(
            f"There is no field “{name}:”; the fields are {_field_list()} "
            f"(to search for “{written}” as text, put it in quotation marks)"
        )
    if nxt is None or nxt.kind in ("space", "close") or _empty_value(after):
        raise QueryError(
            f"“{name}:” has nothing to search for; write the words right after the colon, "
            f"e.g. {name.lower()}:peskov"
        )
    return _Token("field", token.text.lower())


def _empty_value(after: list[_Token]) -> bool:
    """Whether the value after a field is an empty phrase or a group without words."""
    first = after[0]
    if first.kind == "phrase":
        return not first.text.strip('"').strip()
    if first.kind != "open":
        return False
    depth = 0
    for token in after:
        depth += {"open": 1, "close": -1}.get(token.kind, 0)
        if token.kind in ("word", "phrase") and token.text.strip('"').strip():
            return False
        if depth == 0:
            break
    return True


def _check_operators(tokens: list[_Token]) -> None:
    meaningful = [t for t in tokens if t.kind != "space"]
    for i, token in enumerate(meaningful):
        if token.kind not in ("operator", "not"):
            continue
        before = meaningful[i - 1].kind if i > 0 else None
        after = meaningful[i + 1].kind if i + 1 < len(meaningful) else None
        hint = f"to search for the word, write it in lower case (“{token.text.lower()}”)"
        if token.kind == "operator" and before not in _ENDS_OPERAND:
            raise QueryError(f"“{token.text}” has nothing before it to join; {hint}")
        if after not in _STARTS_OPERAND:
            what = "to exclude" if token.kind == "not" else "to join"
            raise QueryError(f"“{token.text}” has nothing after it {what}; {hint}")


def check_query(text: str) -> CheckedQuery:
    """Check ``text``'s fields, operators, parentheses and quotation marks.

    Raises ``QueryError`` naming the first problem; an unclosed quotation mark or parenthesis
    is closed at the end instead, with a notice.
    """
    tokens = _tokens(text)
    for i, token in enumerate(tokens):
        if token.kind == "field":
            tokens[i] = _check_field(token, tokens[i + 1 :])
    _check_operators(tokens)
    notices: list[str] = []
    depth = 0
    previous = ""
    for token in tokens:
        if token.kind == "open":
            depth += 1
        elif token.kind == "close":
            if depth == 0:
                after = f" after “{previous}”" if previous else ""
                raise QueryError(f"The “)”{after} closes no “(”")
            depth -= 1
        if token.kind != "space":
            previous = token.text
    # Whoosh takes AND, OR and NOT for operators only between spaces: "NOT(a OR b)" would search
    # for the word "not".
    rewritten = "".join(f" {t.text} " if t.kind in ("operator", "not") else t.text for t in tokens)
    last = tokens[-1] if tokens else None
    if last is not None and last.kind == "phrase" and (len(last.text) == 1 or last.text[-1] != '"'):
        rewritten += '"'
        words = last.text[1:].strip()
        if words:
            notices.append(
                f"The quotation mark before “{words}” is never closed; "
                "searched for the rest of the query as a phrase."
            )
    if depth:
        rewritten += ")" * depth
        marks = "A “(” is" if depth == 1 else f"{depth} “(” are"
        notices.append(f"{marks} never closed; searched as if closed at the end of the query.")
    return CheckedQuery(rewritten, tuple(notices))
