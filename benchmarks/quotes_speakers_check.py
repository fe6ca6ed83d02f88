"""Check the speakers and quote clusters of a corpus as `peskovtui speakers` and `quotes` give them.

Usage: python benchmarks/quotes_speakers_check.py PATH [PATH ...] [--list N]

For every speaker of the `speakers` output and every article it is quoted in, the speaker must
be a name the article's text contains within one sentence: the speaker (or one of the aliases
listed with it) occurs in the text word for word, separated by nothing but spaces (so neither
a sentence end nor a comma nor a hyphen falls inside it), and it reads as a name: a single word
must be a known pronoun-free proper noun (an acronym, or a word the article also capitalises
away from a sentence start, never after a title's full stop as in "Gen. Kelly"), and a role or
description ("a White House official") must occur with its words as the article spells them;
a one-word role or group (a speaker of kind `role`: "Report", "Muslims") must occur as a word. Each
speaker failing that in one of its articles is listed once, with the article and the quote.

Also counted: lone surnames or first names given where the same article names the person in
full ("Wang" where "Wang Yi" is named), and the clusters spanning two or more articles whose
versions carry different known speakers (a person or a body by name, not a role; a surname alone
and the full name are one), as a share of those clusters.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from peskovtui.library import Library
from peskovtui.quotes import UNATTRIBUTED, Quote

_SENTENCE_START = re.compile(r"(?:^|\n|[.!?…][\"”’')\]]*\s)(?:[\"“(])?\s*$")
_TITLE_STOP = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Prof|Rev|St|Pres|Supt|Insp)"
    r"|\b[A-Z])\.\s+$"
)
_NEXT_NAME = re.compile(r"[ \u00a0]+[A-Z][a-z]")
_VERBS = (
    r"(?:said|says|say|told|tells|added|adds|wrote|writes|reported|reports|stated|states|asked)\b"
)
_PARTICLES = frozenset(["de", "van", "von", "bin", "al", "da", "di", "del", "la", "le", "der"])
_NOT_NAMES = frozenset(
    [
        *("i", "we", "you", "he", "she", "they", "it", "me", "us", "him", "her", "them", "one"),
        *("that's", "this", "that", "there", "it's"),
    ]
)


def occurrences(name: str, text: str) -> list[re.Match[str]]:
    """Where ``name`` occurs in ``text`` word for word, spaces only between its words."""
    words = name.split()
    if not words:
        return []
    # A hyphen after the name, or after a lower-case word before it, may stand for a lost space
    # ("Devin Nunes-(R-Calif.)", "said-Brad Taylor").
    pattern = r"(?<![\w.’'])(?<![A-Z0-9]-)" + r"[ \u00a0]+".join(map(re.escape, words)) + r"(?!\w)"
    return list(re.finditer(pattern, text))


def is_name_like(name: str) -> bool:
    """Capitalised words (particles aside), as a person's or an organisation's name is."""
    words = name.split()
    return bool(words) and all(w[:1].isupper() or w in _PARTICLES for w in words)


def check_speaker(name: str, text: str, kind: str = "person") -> str | None:
    """Why ``name`` is not a name or role the article's text gives within one sentence."""
    if (name.lower() in _NOT_NAMES and not name[1:].isupper()) or len(name.strip(".")) < 2:
        return "not a name"
    if (
        kind == "role"
        and " " not in name
        and (occurrences(name.lower(), text) or occurrences(name, text))
    ):
        return None  # a role or group the article names: "the report", "officials", "Muslims"
    if re.fullmatch(r"(?:One|Another) (?:unnamed source|[a-z]+(?: [a-z]+)?)", name):
        # An unnamed member of a group: "one said" after "two officials" is "One official".
        head = name.split()[-1]
        return None if head == "source" or head[:4] in text.lower() else "no such group"
    found = occurrences(name, text)
    if not found and name[:1].isupper():
        # A role label is capitalised ("Kremlin spokesman", "A White House official").
        found = occurrences(name[:1].lower() + name[1:], text)
    if not found:
        return "not in the text as one phrase"
    # A lone capitalised word is a name if the article capitalises it mid-sentence or as part
    # of a longer name ("Wang" of "Wang Yi"), and a role if it speaks in the text.
    if (
        " " not in name
        and not name.isupper()
        and not any(
            not sentence_start(text, m.start()) or _NEXT_NAME.match(text, m.end()) for m in found
        )
        and not _as_source(name, text)
    ):
        return "a capitalised word only at sentence starts"
    return None


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence: after a full stop that ends no title or initial."""
    before = text[max(0, pos - 12) : pos]
    return _SENTENCE_START.search(before[-4:]) is not None and not _TITLE_STOP.search(before)


def _as_source(word: str, text: str) -> bool:
    """Whether a common noun stands in the text as a source: the subject of a verb of saying
    ("the report said", "Analysts say") or after "according to"."""
    low = re.escape(word.lower())
    pattern = rf"(?i:\b{low}\s+(?:\w+\s+){{0,2}}{_VERBS}|according\s+to\s+(?:the\s+|a\s+)?{low}\b)"
    return re.search(pattern, text) is not None


def is_generic(name: str, text: str) -> bool:
    """A one-word role or body the article gives only as a common noun ("Report")."""
    return " " not in name and not name.isupper() and _as_source(name, text)


def partial_of(name: str, text: str) -> str | None:
    """The full name the article gives for a lone surname or first name, if exactly one."""
    if " " in name or not is_name_like(name) or name.isupper():
        return None
    full = {
        m.group()
        for m in re.finditer(
            rf"\b(?:[A-Z][\w'’\-]+\s+){{0,2}}{re.escape(name)}(?:\s+[A-Z][\w'’\-]+){{0,2}}\b",
            text,
        )
        if m.group() != name and is_name_like(m.group())
    }
    return next(iter(full)) if len(full) == 1 else None


def one_person(a: str, b: str) -> bool:
    """Whether two known speakers may be one person: equal, or one a word of the other ("Trump"
    and "Donald Trump", "Xi" and "Xi Jinping")."""
    return a == b or (" " not in a and a in b.split()) or (" " not in b and b in a.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--list", type=int, default=50, help="list this many of each finding")
    args = parser.parse_args(argv)
    library = Library.open(args.paths)
    library.read_quotes()
    quotes = library.quotes(include_fragments=True)
    speakers = library.speakers()
    names = {s.speaker: (s.speaker, *s.variants) for s in speakers}
    kinds = {s.speaker: s.kind for s in speakers}
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        if q.speaker != UNATTRIBUTED:
            by_speaker[q.speaker].append(q)
    junk: list[str] = []
    partial: list[str] = []
    generic: list[str] = []
    for s in speakers:
        seen: set[str | None] = set()
        bad = None
        for q in by_speaker[s.speaker]:
            if q.article_id in seen:
                continue
            seen.add(q.article_id)
            text = library.article(q.article_id or "").text
            reasons = [check_speaker(n, text, s.kind) for n in names[s.speaker]]
            if all(reasons):
                bad = (q, reasons[0])
                break
        if bad is not None:
            q, reason = bad
            junk.append(f"{s.speaker!r} ({s.quotes}): {reason}; {q.article_id} {q.text[:50]!r}")
            continue
        for q in by_speaker[s.speaker]:
            text = library.article(q.article_id or "").text
            if is_generic(s.speaker, text) and not any(
                not sentence_start(text, m.start()) for m in occurrences(s.speaker, text)
            ):
                generic.append(f"{s.speaker!r} ({s.quotes})")
                break
        for q in by_speaker[s.speaker]:
            full = partial_of(s.speaker, library.article(q.article_id or "").text)
            if full is not None:
                partial.append(f"{s.speaker!r} ({s.quotes}): {full!r} in {q.article_id}")
                break
    clusters = [c for c in library.quote_clusters() if c.articles > 1]
    labels = conflicts = 0
    for c in clusters:
        known = {v.speaker for v in c.versions if v.speaker != UNATTRIBUTED}
        labels += len(known) > 1
        people = [k for k in known if is_name_like(k) and kinds.get(k) != "role"]
        conflicts += any(not one_person(a, b) for a in people for b in people)
    share = conflicts / max(len(clusters), 1)
    attributed = sum(q.speaker != UNATTRIBUTED for q in quotes)
    print(f"articles {len(library.articles)}  quotes {len(quotes)}  attributed {attributed}")
    print(f"speakers {len(speakers)}  not a name in the article's text: {len(junk)}")
    print(f"lone names where the article gives the full name: {len(partial)}")
    generic_quotes = sum(int(g.rsplit("(", 1)[1].rstrip(")")) for g in generic)
    print(f'one-word roles or bodies ("Report"): {len(generic)} with {generic_quotes} quotes')
    print(
        f"clusters across articles {len(clusters)}  with different speaker labels {labels}  "
        f"with different known speakers {conflicts} ({share:.1%})"
    )
    for title, lines in (("not a name", junk), ("partial", partial), ("generic", generic)):
        for line in lines[: args.list]:
            print(f"{title}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
