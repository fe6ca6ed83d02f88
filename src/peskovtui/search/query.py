"""Parsing user queries: Whoosh syntax, date ranges, prefix/fuzzy on exact words, closing marks."""

from __future__ import annotations

import re
from typing import Any

from whoosh import query as wq
from whoosh.qparser import (
    FieldAliasPlugin,
    FuzzyTermPlugin,
    Plugin,
    PrefixPlugin,
    QueryParser,
    WildcardPlugin,
    syntax,
)

from peskovtui.corpus.urls import normalise_url
from peskovtui.display import counted
from peskovtui.search.errors import QueryError
from peskovtui.search.query_check import check_query
from peskovtui.search.schema import FIELD_ALIASES, WORD_TWINS, query_schema

DEFAULT_FIELD = "text"
# A fuzzy term may differ from its word by this many letters at most: at 3 a short word already
# matches much of the vocabulary, and finding the words takes ever longer (54 s for
# ``domestic~9`` at 3.8k articles, which matched every article).
MAX_EDIT_DISTANCE = 2

# ``date:2017-01..2017-03``, ``date:2017``, ``date:..2017-02-15``; rewritten to Whoosh's range
# syntax on the numeric YYYYMMDD field before parsing.
_DATE_TERM = re.compile(r"(?<![\w:])date:(\S*)")
_DATE_BOUND = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DATE_HINT = "write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. date:2017-01..2017-03"
# ``url:https://…`` or ``url:"https://…"`` outside a phrase; a URL holds characters with a
# meaning to Whoosh (``:``, ``?``, ``*``, ``~``), so the value is set aside before parsing and
# put back, normalised, as one term of the url field (see ``_set_urls_aside``).
_URL_TERM = re.compile(r'"[^"]*"?|(?<![\w:])url:(?:"(?P<quoted>[^"]*)"?|(?P<bare>[^\s()"]+))')
# Characters with a syntactic meaning; removed when a query must be read as plain words.
_SYNTAX = re.compile(r"[\"()\[\]{}^~*?:]|\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE|TO)\b")


# Terms that stand for a set of exact words of the index: a range of words too, since the index
# holds no stems to range over.
_PARTIAL_WORD_NODES = (
    WildcardPlugin.WildcardNode,
    PrefixPlugin.PrefixNode,
    FuzzyTermPlugin.FuzzyTermNode,
    syntax.RangeNode,
)


def _number(digits: str | None, default: int) -> int:
    # Any number of ten digits or more is beyond every bound; int() of thousands of digits
    # would raise.
    if not digits:
        return default
    return int(digits) if len(digits) < 10 else 10**9


class _FuzzyPlugin(FuzzyTermPlugin):  # type: ignore[misc]
    """Whoosh's ``word~2/3`` syntax, reading every digit of the numbers.

    Whoosh reads one digit of the distance: ``word~10`` would be ``word~1`` and a word ``0``,
    and ``word~99`` a distance of 9 and a word ``9``. Read whole, a distance beyond the bound
    is named instead (see ``_bounded``).
    """

    expr = re.compile(r"(?<=\S)~(?P<maxdist>[0-9]+)?(/(?P<prefix>[0-9]+))?")

    def create(self, parser: Any, match: re.Match[str]) -> Any:
        return self.FuzzinessNode(
            _number(match.group("maxdist"), 1), _number(match.group("prefix"), 0), match.group(0)
        )


class _WordTwinPlugin(Plugin):  # type: ignore[misc]
    """Points prefix, wildcard, fuzzy and range terms at the unstemmed twin of their field.

    Whoosh would otherwise stem the partial word (``relations*`` becomes ``relat*``,
    ``rela*ons`` becomes ``rela*on``), which is not what a user typing a prefix means.
    """

    def filters(self, parser: Any) -> list[tuple[Any, int]]:
        # After FieldsPlugin (100) has attached field names to nodes.
        return [(self._retarget, 105)]

    def _retarget(self, parser: Any, group: Any) -> Any:
        for node in group:
            if isinstance(node, syntax.GroupNode):
                self._retarget(parser, node)
            elif isinstance(node, _PARTIAL_WORD_NODES):
                field = node.fieldname or parser.fieldname
                if field in WORD_TWINS:
                    node.set_fieldname(WORD_TWINS[field], override=True)
        return group


def make_parser(schema: Any) -> Any:
    """A Whoosh query parser: all words must match, plus fuzzy terms and field aliases; a word
    of a text field is read as its stem (see ``schema.query_schema``)."""
    parser = QueryParser(DEFAULT_FIELD, query_schema(schema))
    parser.add_plugin(_FuzzyPlugin())
    parser.add_plugin(FieldAliasPlugin(FIELD_ALIASES))
    parser.add_plugin(_WordTwinPlugin())
    return parser


def _date_bound(value: str, *, upper: bool) -> int:
    m = _DATE_BOUND.match(value)
    if not m:
        raise QueryError(f"“{value}” is not a date; {_DATE_HINT}.")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is not None and not 1 <= int(month) <= 12:
        raise QueryError(f"“{value}” has no month {month}; {_DATE_HINT}.")
    if day is not None and not 1 <= int(day) <= 31:
        raise QueryError(f"“{value}” has no day {day}; {_DATE_HINT}.")
    # The upper bound of a month is day 31 whatever the month: numbers, not calendar dates.
    mm = int(month) if month is not None else (12 if upper else 1)
    dd = int(day) if day is not None else (31 if upper else 1)
    return int(year) * 10000 + mm * 100 + dd


def _rewrite_date(match: re.Match[str]) -> str:
    value = match.group(1)
    if not value:
        raise QueryError(f"“date:” needs a date or a range; {_DATE_HINT}.")
    if value.startswith("[") or value.startswith("{"):
        return match.group(0)  # Whoosh's own range syntax, left to the parser
    lo_text, sep, hi_text = value.partition("..")
    if not sep:
        hi_text = lo_text
    lo = _date_bound(lo_text, upper=False) if lo_text else None
    hi = _date_bound(hi_text, upper=True) if hi_text else None
    if lo is None and hi is None:
        raise QueryError(f"“date:..” needs at least one date; {_DATE_HINT}.")
    if lo is not None and hi is not None and lo > hi:
        raise QueryError(f"The date range “{value}” ends before it starts.")
    lo_part = f"{lo} " if lo is not None else ""
    hi_part = f" {hi}" if hi is not None else ""
    return f"date:[{lo_part}TO{hi_part}]"


def parse_query(text: str, schema: Any) -> Any:
    """Parse ``text`` into a Whoosh query (see ``read_query``)."""
    return read_query(text, schema)[0]


def read_query(text: str, schema: Any) -> tuple[Any, tuple[str, ...]]:
    """Parse ``text`` into a Whoosh query, with notices of what was supplied to read it.

    A malformed query raises ``QueryError`` naming the problem (see ``query_check``); an
    unclosed quotation mark or parenthesis is closed at the end, and a notice says so.
    """
    text = text.strip()
    if not text:
        raise QueryError("The query is empty.")
    checked = check_query(text)
    without_urls, urls = _set_urls_aside(checked.text)
    rewritten = _DATE_TERM.sub(_rewrite_date, without_urls)
    parser = make_parser(schema)
    try:
        parsed = _put_urls_back(parser.parse(rewritten), urls)
    except Exception:
        # Whoosh is lenient already; this is the last resort for anything it chokes on.
        plain = _SYNTAX.sub(" ", text)
        try:
            parsed = parser.parse(plain) if plain.strip() else wq.NullQuery
        except Exception as exc:
            raise QueryError(f"The query “{text}” cannot be understood.") from exc
    if parsed is wq.NullQuery or isinstance(parsed, type(wq.NullQuery)):
        raise QueryError(f"The query “{text}” has no words to search for.")
    bounded, notices = _bounded(parsed)
    return bounded, checked.notices + notices


def _set_urls_aside(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with each ``url:`` value replaced by a placeholder word, and the normalised
    URL of each placeholder."""
    urls: dict[str, str] = {}

    def aside(match: re.Match[str]) -> str:
        written = match.group("quoted")
        if written is None:
            written = match.group("bare")
        if written is None:
            return match.group(0)  # a phrase: its words are text, even "url:…"
        url = normalise_url(written)
        if not url:
            raise QueryError(f"“url:{written}” names no web address; e.g. url:https://tass.com/x")
        placeholder = f"urlterm{len(urls)}"
        urls[placeholder] = url
        return f"url:{placeholder}"

    return _URL_TERM.sub(aside, text), urls


def _put_urls_back(parsed: Any, urls: dict[str, str]) -> Any:
    """``parsed`` with each placeholder term of the url field holding its URL again."""
    if not urls:
        return parsed

    def back(q: Any) -> Any:
        if isinstance(q, wq.Term) and q.fieldname == "url" and q.text in urls:
            return wq.Term("url", urls[q.text], boost=q.boost)
        return q

    return parsed.accept(back)


def _letterless(written: str) -> QueryError:
    return QueryError(
        f"“{written}” has no letters to search for; a wildcard needs letters or digits beside "
        "it, e.g. peskov* or p?skov"
    )


def _bounded(parsed: Any) -> tuple[Any, tuple[str, ...]]:
    """``parsed`` within the bounds a query may ask for, with a notice for each term cut.

    A wildcard with no letters stands for any word and would make the search read every
    posting of the index; it is refused. A fuzzy term is searched with at most
    ``MAX_EDIT_DISTANCE``.
    """
    notices: list[str] = []

    def bound(q: Any) -> Any:
        if isinstance(q, wq.Every) or (isinstance(q, wq.Prefix) and not q.text):
            raise _letterless("*")
        if isinstance(q, wq.Wildcard) and not q.text.strip("*?"):
            raise _letterless(q.text)
        if not isinstance(q, wq.FuzzyTerm):
            return q
        if q.prefixlength > len(q.text):
            raise QueryError(
                f"“{q.text}” has {counted(len(q.text), 'letter')}, fewer than the number after "
                f"the slash asks to keep unchanged; write at most /{len(q.text)}"
            )
        if q.maxdist <= MAX_EDIT_DISTANCE:
            return q
        notices.append(
            f"A fuzzy word may differ by {MAX_EDIT_DISTANCE} letters at most; searched for "
            f"words within {MAX_EDIT_DISTANCE} of “{q.text}”."
        )
        return wq.FuzzyTerm(
            q.fieldname, q.text, q.boost, MAX_EDIT_DISTANCE, q.prefixlength, q.constantscore
        )

    return parsed.accept(bound), tuple(notices)
