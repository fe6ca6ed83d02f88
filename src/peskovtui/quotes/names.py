"""The full names an article gives, to expand a surname or a titled name to the full name."""

from __future__ import annotations

import re
from collections import Counter
from difflib import get_close_matches
from functools import cached_property

from peskovtui.quotes.lexicon import PLACES, family_name, first_name_gender, is_first_name
from peskovtui.quotes.mentions import NAME_RUN, object_dropped, person_name

_GAELIC_PREFIX = re.compile(r"(?:Mc|Mac|O['’])(?=[A-Z])")
_INITIAL = re.compile(r"(?:[A-Z]\.)+$")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n\"“”'‘’(—–-]\s*|^\s*)$")
_PLACED = re.compile(
    r"\b(?:in|across|throughout)\s+(?:the\s+)?([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)\b(?!['’]s)"
)
# A title's words and a preposition just before a capitalised run: "Chief of", "Minister for".
_TITLE_OF_ENDS = (" of ", " for ", " and ", " the ")
_TITLE_OF = re.compile(r"[A-Z][a-z]+\s+(?:of|for|and)\s+(?:the\s+)?$")
_PLACE_QUALIFIERS = frozenset(["north", "south", "east", "west", "northern", "southern", "new"])
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’\-]*\b")
# A capitalised word as a token of the text, after an opening mark or bracket if any.
_CAPITAL_WORD = re.compile(r"[\"“‘'(\[]?([A-Z][\w'’\-]*\w|[A-Z])")
_SENTENCE_ENDS = (
    *(".", "!", "?", ":", ";", '"', "”", "“", "’", "‘", "(", "—", "–", "-"),
    *(".)", "!)", "?)", ".]"),  # a sentence closed inside brackets: "(So ... watch.) Tweets"
)


def _plain_name(token: str) -> bool:
    """A capitalised word as names are spelled, "McClenney" and "O'Brien" included."""
    prefix = _GAELIC_PREFIX.match(token)
    if prefix is not None:
        token = token[prefix.end() :]
    return token[0].isupper() and token[1:].islower()


class NameTable:
    """Full names seen in an article, to expand "Peskov" or "Mr. Trump" to "Dmitry Peskov"."""

    def __init__(self, text: str) -> None:
        self._text = text
        counts: Counter[str] = Counter()
        # Every titled name and every body's name, in text order, for descriptions that name
        # them later ("the senator", "the ministry") though they were never a subject.
        self.mentioned: list[tuple[int, str, str]] = []  # (start, name, titles or "")
        for m in NAME_RUN.finditer(text):
            name, titles, _ = person_name(m.group())
            if (
                not titles
                and text.endswith(_TITLE_OF_ENDS, 0, m.start())
                and _TITLE_OF.search(text, max(0, m.start() - 40), m.start())
            ):
                # "Minister for Transport Shane Ross", "Expenditure and Reform Paschal Donohoe"
                name, titles, _ = person_name(object_dropped(m.group()))
            if not name:
                body = m.group()
                self.mentioned.append(
                    (m.start(), body[4:] if body.startswith("The ") else body, "")
                )
            elif titles:
                self.mentioned.append((m.start(), name, titles))
            tokens = name.split()
            if 2 <= len(tokens) <= 4 and is_first_name(tokens[0]):
                counts[name] += 1
            elif 2 <= len(tokens) <= 3 + any(_INITIAL.match(t) for t in tokens) and all(
                _plain_name(t) or _INITIAL.match(t) for t in tokens
            ):
                counts[name] += 0
        self.by_last: dict[str, str] = {}
        self._all_by_last: dict[str, list[str]] = {}
        for name, _ in counts.most_common():
            self.by_last.setdefault(family_name(name), name)
            self._all_by_last.setdefault(family_name(name), []).append(name)
        self._lowered = {last.lower(): last for last in self.by_last}
        self._names = set(counts)
        self._expanded: dict[str, str] = {}

    # Word facts looked up for the capitalised words met, each found in one pass when first
    # needed.
    @cached_property
    def _lower(self) -> set[str]:
        return set(_LOWER_WORD.findall(self._text))

    @cached_property
    def _placed(self) -> set[str]:
        return {m.group(1) for m in _PLACED.finditer(self._text)}

    @cached_property
    def _capitals(self) -> tuple[set[str], dict[str, set[str]]]:
        """The capitalised words met away from a sentence start, and the words before each."""
        mid_capitals: set[str] = set()
        words_before: dict[str, set[str]] = {}
        previous = ""
        for line in self._text.splitlines():
            # A line opens a sentence whatever ends the line before ("... pic.twitter.com/x"
            # then "Appreciated joining ...").
            previous = ""
            for token in line.split():
                first = token[0]
                word = _CAPITAL_WORD.match(token) if first.isupper() or first in "\"“‘'([" else None
                if word is not None:
                    name = word.group(1)
                    if previous and not previous.endswith(_SENTENCE_ENDS) and first.isalpha():
                        mid_capitals.add(name)
                    words_before.setdefault(name, set()).add(previous.rstrip(".,"))
                previous = token
        return mid_capitals, words_before

    def is_person(self, name: str, title_gender: str, has_role: bool) -> bool:
        """Whether ``name`` (as expanded) is a person's: a title or role says so, or a known
        first name, a middle initial, or a surname the article goes on to use alone ("Roberta
        A. Kaplan ... Kaplan said"); a lone word only if it is a first name the article never
        uses as a place ("in Virginia")."""
        if title_gender in ("m", "f") or has_role:
            return True
        tokens = name.split()
        if not tokens:
            return False
        if len(tokens) > 1:
            return (
                is_first_name(tokens[0])
                or any(_INITIAL.match(t) for t in tokens[1:-1])
                or self._used_alone(tokens[-1], tokens[-2])
            )
        return is_first_name(name) and not self.is_place(name)

    def _used_alone(self, surname: str, before: str) -> bool:
        """Whether the article names ``surname`` without the word before it in the full name."""
        return bool(self._capitals[1].get(surname, set()) - {before.rstrip(".,")})

    def plural(self, word: str) -> bool:
        """Whether a capitalised word is the plural of one the article also writes: "Muslims"
        and "Muslim", "Democrats" and "Democrat" are a group, no person."""
        return (
            len(word) > 4 and word.endswith("s") and word[:-1] in self._capitals[1]
        ) and not is_first_name(word)

    def is_place(self, name: str) -> bool:
        """Whether ``name`` is a place: a known one, or one the article writes "in Tucson"."""
        low = name.lower()
        if low.split()[0] in _PLACE_QUALIFIERS and " " in low:
            low = low.split(maxsplit=1)[1]  # "North Korea", "South Carolina", "New Mexico"
        return low in PLACES or name in self._placed

    def common(self, word: str) -> bool:
        """Whether the article also writes ``word`` in lower case: a common noun ("Delegates",
        "Moments later") capitalised at a sentence start, not a name."""
        low = word.lower()
        return low != word and low in self._lower

    def proper(self, word: str) -> bool:
        """Whether the article capitalises ``word`` away from a sentence start: a proper noun,
        not a sentence's first word ("Rather, he said ...")."""
        return word in self._capitals[0]

    def expand(self, name: str) -> str:
        """The article's full name for ``name`` (unchanged when none is known)."""
        full = self._expanded.get(name)
        if full is None:
            full = self._expanded[name] = self._expand(name)
        return full

    def expand_for(self, name: str, gender: str) -> str:
        """The full name for ``name`` whose first name does not contradict ``gender`` ("Mrs
        Ettedgui" is Isabel Ettedgui, not her husband Joseph); ``name`` itself when none fits."""
        full = self.expand(name)
        if gender not in ("m", "f") or first_name_gender(full.split()[0]) in ("u", gender):
            return full
        others = self._all_by_last.get(family_name(full), [])
        fitting = [o for o in others if first_name_gender(o.split()[0]) in ("u", gender)]
        return fitting[0] if fitting and family_name(fitting[0]) == family_name(name) else name

    def _expand(self, name: str) -> str:
        tokens = name.split()
        if not tokens:
            return name
        full = self.by_last.get(family_name(name))
        if full is None and len(tokens) == 1 and len(name) >= 5:
            # The article's own spelling slip ("McLenney" for "Tyresha McClenney").
            # Compared without case: "McLenney" and "McClenney" differ by one letter.
            close = get_close_matches(name.lower(), list(self._lowered), n=2, cutoff=0.85)
            if len(close) == 1 and close[0][0] == name[0].lower():
                full = self.by_last[self._lowered[close[0]]]
        if full is None:
            return name
        # "Reform Paschal Donohoe" for "Paschal Donohoe": a title's last word before the name.
        if name.endswith(" " + full) and not any(map(is_first_name, name[: -len(full)].split())):
            return full
        if len(tokens) == 1 or full.split()[0] == tokens[0] or len(full) > len(name):
            return (
                full
                if len(tokens) == 1 or full.endswith(name) or full.split()[0] == tokens[0]
                else name
            )
        return name
