"""Words in quotation marks that nobody is quoted as saying: titles, names and terms.

A newspaper puts marks around the title of a work ("Meet the Press", "Beauty and the Beast"),
the name of a programme or product ('Greyball'), and a term it holds at a distance (the
so-called "Implementation Initiative"). They are no quotation: their kind is ``term``, they are
hidden like fragments, and no speaker is ever given to them by proximity.
"""

from __future__ import annotations

import re

from peskovtui.quotes.lexicon import words

# Small words a title leaves in lower case ("Beauty and the Beast", "Meet the Press").
_SMALL = words(
    """
a an the of and or in on at to for with from by as but nor vs via de la le del du des von van
is it its my your our his her their me we you
"""
)
_WORD = re.compile(r"[^\W_][\w'’\-&.]*")
# Just before the opening mark: a word that introduces a term or a name.
_INTRODUCED = re.compile(
    r"(?:\bso[- ]called|\b(?:the|a|an)\s+(?:term|word|phrase|slogan|hashtag|label|motto|"
    r"nickname|moniker|headline|caption|title)|\bknown\s+as|\b(?:en)?titled|\bnicknamed|"
    r"\bcode[- ]?named)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# "a program called "Greyball"" names a thing; "what he called "a disgrace"" quotes a person.
_THING_CALLED = re.compile(
    r"\b(?!(?:he|she|they|it|who|which|that|what|and|but|we|you|also|then|once|repeatedly|"
    r"publicly|later|often|previously|once)\b)[a-z]+\s+(?:called|named)\s*$"
)
# Works, programmes and products: the noun before a title ("the TV show "The View"").
_WORK_NOUN = (
    r"(?:show|series|programme|program|film|movie|documentary|book|memoir|novel|song|album|"
    r"play|musical|podcast|column|newsletter|magazine|blog|channel|app|game|ad|advert|"
    r"advertisement|video|campaign|initiative|tour|event|rally|sign|banner|shirt|T-shirt|hat|"
    r"cap|sticker|poster|hashtag|slogan|website|site|page|report|study|op-ed|essay|speech)"
)
_WORK_BEFORE = re.compile(rf"\b{_WORK_NOUN}s?\s*[,:]?\s*$", re.IGNORECASE)
# A title follows a preposition or a possessive: on "Meet the Press", CNN's "State of the Union".
_TITLE_LEAD = re.compile(r"(?:\b(?:on|in|at|of|from|for|with|to|into|onto)|\w['’]s)\s*$")


def title_cased(words: str) -> bool:
    """Whether quoted words read as a title: every word but the small ones capitalised."""
    found = _WORD.findall(words)
    content = [w for w in found if w.lower() not in _SMALL]
    if not content or words.rstrip().endswith(("!", "?")):
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in content)


def is_term(text: str, open_mark: int, start: int, end: int, attributed_by_verb: bool) -> bool:
    """Whether the quoted ``text[start:end]`` (its opening mark at ``open_mark``) is a term.

    Introduced as one ("the so-called", "known as", "a program called"), it is a term whatever
    its case. Title-cased words are a title after a work's noun, a preposition or a possessive,
    or when nothing but proximity would give them a speaker; a verb of saying that introduces
    them keeps them a quotation ("Trump dubbed her “Crooked Hillary”").
    """
    before = text[max(0, open_mark - 40) : open_mark]
    if _INTRODUCED.search(before) or _THING_CALLED.search(before):
        return True
    quoted = text[start:end]
    if not title_cased(quoted):
        return False
    if _WORK_BEFORE.search(before) or _TITLE_LEAD.search(before):
        return True
    return not attributed_by_verb
