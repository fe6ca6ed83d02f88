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

from peskovtui.display import counted
from peskovtui.search.errors import QueryError
from peskovtui.search.query_check import check_query
from peskovtui.search.schema import FIELD_ALIASES, WORD_TWINS

DEFAULT_FIELD = "text"

# ``date:2017-01..2017-03``, ``date:2017``, ``date:..2017-02-15``; rewritten to Whoosh's range
# syntax on the numeric YYYYMMDD field before parsing.
_DATE_TERM = re.compile(r"(?<![\w:])date:(\S*)")
_DATE_BOUND = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DATE_HINT = "write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. date:2017-01..2017-03"
# Characters with a syntactic meaning; removed when a query must be read as plain words.
_SYNTAX = re.compile(r"[\"()\[\]{}^~*?:]|\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE|TO)\b")


_PARTIAL_WORD_NODES = (
    WildcardPlugin.WildcardNode,
    PrefixPlugin.PrefixNode,
    FuzzyTermPlugin.FuzzyTermNode,
)


class _WordTwinPlugin(Plugin):  # type: ignore[misc]
    """Points prefix, wildcard and fuzzy terms at the unstemmed twin of their field.

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
    """A Whoosh query parser: all words must match, plus fuzzy terms and field aliases."""
    parser = QueryParser(DEFAULT_FIELD, schema)
    parser.add_plugin(FuzzyTermPlugin())
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
    rewritten = _DATE_TERM.sub(_rewrite_date, checked.text)
    parser = make_parser(schema)
    try:
        parsed = parser.parse(rewritten)
    except Exception:
        # Whoosh is lenient already; this is the last resort for anything it chokes on.
        plain = _SYNTAX.sub(" ", text)
        try:
            parsed = parser.parse(plain) if plain.strip() else wq.NullQuery
        except Exception as exc:
            raise QueryError(f"The query “{text}” cannot be understood.") from exc
    if parsed is wq.NullQuery or isinstance(parsed, type(wq.NullQuery)):
        raise QueryError(f"The query “{text}” has no words to search for.")
    return _bounded(parsed), checked.notices


def _bounded(parsed: Any) -> Any:
    """``parsed``, checked for what Whoosh would only fail on while searching."""

    def bound(q: Any) -> Any:
        if isinstance(q, wq.FuzzyTerm) and q.prefixlength > len(q.text):
            raise QueryError(
                f"“{q.text}” has {counted(len(q.text), 'letter')}, fewer than the number after "
                f"the slash asks to keep unchanged; write at most /{len(q.text)}"
            )
        return q

    return parsed.accept(bound)


# Above this many words a prefix/wildcard/fuzzy term is left to Whoosh to expand as it searches.
MAX_EXPANSION = 1024


def _partial_words(q: Any, reader: Any) -> set[str]:
    if isinstance(q, wq.FuzzyTerm):
        words: set[str] = set()
        # Per segment: a segment reader walks its terms with a Levenshtein automaton, while a
        # multi-segment reader would compute the distance to every term (measured 0.3 s at 3.8k).
        for leaf, _ in reader.leaf_readers():
            if q.fieldname in leaf.indexed_field_names():
                words.update(leaf.terms_within(q.fieldname, q.text, q.maxdist, q.prefixlength))
        return words
    return {
        b.decode("utf-8") if isinstance(b, bytes) else str(b) for _, b in q.expanded_terms(reader)
    }


def expand_partial_terms(query: Any, reader: Any) -> Any:
    """Replace prefix, wildcard and fuzzy terms by the exact words they match in the index.

    The search, the hit count and the match offsets then share one expansion instead of
    expanding the same term three times.
    """

    def expand(q: Any) -> Any:
        if not isinstance(q, wq.FuzzyTerm | wq.Prefix | wq.Wildcard):
            return q
        words = _partial_words(q, reader)
        if len(words) > MAX_EXPANSION:
            return q
        if not words:
            # A term that is never indexed: And([]) / NullQuery would be dropped by Whoosh's
            # normalisation and turn "nosuchword~1 trump" into "trump".
            return wq.Term(q.fieldname, "", boost=q.boost)
        terms = [wq.Term(q.fieldname, w) for w in sorted(words)]
        return terms[0] if len(terms) == 1 else wq.Or(terms, boost=q.boost)

    return query.accept(expand)
