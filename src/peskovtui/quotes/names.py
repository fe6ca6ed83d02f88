"""The full names an article gives, to expand a surname or a titled name to the full name."""

from __future__ import annotations

import re
from collections import Counter
from difflib import get_close_matches

from peskovtui.quotes.lexicon import first_name_gender
from peskovtui.quotes.mentions import NAME_RUN, person_name

_GAELIC_PREFIX = re.compile(r"(?:Mc|Mac|O['’])(?=[A-Z])")


def _plain_name(token: str) -> bool:
    """A capitalised word as names are spelled, "McClenney" and "O'Brien" included."""
    prefix = _GAELIC_PREFIX.match(token)
    if prefix is not None:
        token = token[prefix.end() :]
    return token[0].isupper() and token[1:].islower()


class NameTable:
    """Full names seen in an article, to expand "Peskov" or "Mr. Trump" to "Dmitry Peskov"."""

    def __init__(self, text: str) -> None:
        counts: Counter[str] = Counter()
        for m in NAME_RUN.finditer(text):
            name, _, _ = person_name(m.group())
            tokens = name.split()
            if 2 <= len(tokens) <= 4 and first_name_gender(tokens[0]) != "u":
                counts[name] += 1
            elif 2 <= len(tokens) <= 3 and all(_plain_name(t) for t in tokens):
                counts[name] += 0
        self.by_last: dict[str, str] = {}
        self._all_by_last: dict[str, list[str]] = {}
        for name, _ in counts.most_common():
            self.by_last.setdefault(name.split()[-1], name)
            self._all_by_last.setdefault(name.split()[-1], []).append(name)
        self._lowered = {last.lower(): last for last in self.by_last}
        self._expanded: dict[str, str] = {}

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
        others = self._all_by_last.get(full.split()[-1], [])
        fitting = [o for o in others if first_name_gender(o.split()[0]) in ("u", gender)]
        return fitting[0] if fitting and fitting[0].endswith(name) else name

    def _expand(self, name: str) -> str:
        tokens = name.split()
        if not tokens:
            return name
        full = self.by_last.get(tokens[-1])
        if full is None and len(tokens) == 1 and len(name) >= 5:
            # The article's own spelling slip ("McLenney" for "Tyresha McClenney").
            # Compared without case: "McLenney" and "McClenney" differ by one letter.
            close = get_close_matches(name.lower(), list(self._lowered), n=2, cutoff=0.85)
            if len(close) == 1 and close[0][0] == name[0].lower():
                full = self.by_last[self._lowered[close[0]]]
        if full is None:
            return name
        if len(tokens) == 1 or full.split()[0] == tokens[0] or len(full) > len(name):
            return (
                full
                if len(tokens) == 1 or full.endswith(name) or full.split()[0] == tokens[0]
                else name
            )
        return name
