"""Roles and bodies named by a description: "the senator", "the Kremlin spokesman", "the paper".

A description resolves to the one person or body of the article it can refer to: a person the
article introduces with that role ("Texas Sen. Ted Cruz" is "the senator", and "the Texas
senator"), a body whose name holds its noun ("the ministry" is the Russian Defense Ministry), or
whose kind it names ("the newspaper" is The Washington Post).
"""

from __future__ import annotations

import re

from peskovtui.quotes.lexicon import ROLE_NOUNS, words

# Titles as written before a name, and the role they give.
_TITLE_ROLE = {
    "sen": "senator",
    "sens": "senator",
    "senator": "senator",
    "gov": "governor",
    "governor": "governor",
    "rep": "representative",
    "reps": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "pres": "president",
    "gen": "general",
    "adm": "admiral",
    "dr": "doctor",
    "prof": "professor",
    "amb": "ambassador",
    "atty": "attorney",
    "sec": "secretary",
    "spox": "spokesman",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "chairwoman": "chairman",
    "chair": "chairman",
    "frontrunner": "front-runner",
    "ceo": "chief executive",
}
# Roles a description may name by another word: "the diplomat" for an ambassador, "the
# candidate" for a nominee, "the lawmaker" for a senator.
_KINDS = {
    "diplomat": words("ambassador envoy diplomat minister"),
    "envoy": words("ambassador envoy diplomat"),
    "candidate": words("candidate nominee front-runner hopeful"),
    "nominee": words("candidate nominee front-runner"),
    "front-runner": words("candidate nominee front-runner"),
    "lawmaker": words("senator representative lawmaker legislator"),
    "legislator": words("senator representative lawmaker legislator"),
    "leader": words("leader president premier chairman"),
    "executive": words("executive chief ceo"),
    "businessman": words("businessman businesswoman billionaire mogul developer"),
    "billionaire": words("billionaire businessman mogul developer"),
    "mogul": words("mogul businessman billionaire developer"),
}
# Bodies a description names by their kind: "the newspaper" is a paper's name.
_BODY_KINDS = {
    "newspaper": r"Post|Times|Journal|News|Herald|Tribune|Gazette|Guardian|Telegraph|Observer|"
    r"Independent|Daily|Mail|Express|Sun|Chronicle|Star|Globe|Examiner|Inquirer|Review",
    "paper": r"Post|Times|Journal|Herald|Tribune|Gazette|Guardian|Telegraph|Observer|Daily|Mail",
    "network": r"CNN|NBC|ABC|CBS|Fox|MSNBC|BBC|CNBC|PBS|NPR|RT|Al Jazeera|Sky|DW|ITV|Channel",
    "broadcaster": r"BBC|CNN|NBC|ABC|CBS|Fox|RTÉ|RTE|DW|RT|Al Jazeera|PBS|NPR|ITV|Channel",
    "channel": r"CNN|NBC|ABC|CBS|Fox|MSNBC|BBC|CNBC|RT|Al Jazeera|Sky|Channel",
    "agency": r"TASS|Reuters|AP|AFP|Xinhua|Interfax|RIA|Agency|FBI|CIA|NSA|EPA|ICE|DHS|NASA",
    "outlet": r"Post|Times|Journal|News|CNN|NBC|ABC|CBS|Fox|BBC|TASS|Reuters|Breitbart|Politico",
}


def role_words(description: str) -> set[str]:
    """The roles a description or title gives: "Texas Sen." gives a senator."""
    found = set()
    previous = ""
    for token in description.lower().replace("’s", "").replace("'s", "").split():
        word = token.strip(".,()")
        role = _TITLE_ROLE.get(word, word)
        if previous in ("vice", "deputy", "assistant", "under"):
            found.add(f"{previous} {role}")  # a vice president is no president
        elif role in ROLE_NOUNS or word in _TITLE_ROLE:
            found.add(role)
        previous = word
    return found


def fits(role: str, held: set[str]) -> bool:
    """Whether a description's role noun ("diplomat") fits roles someone holds."""
    role = _TITLE_ROLE.get(role, role)
    return role in held or bool(_KINDS.get(role, frozenset()) & held)


def qualifiers(description: str, head: str) -> list[str]:
    """The capitalised words that narrow a description: "the Texas senator" → Texas."""
    tokens = description.replace("’s", "").replace("'s", "").split()
    return [
        t.strip(".,")
        for t in tokens
        if t[:1].isupper() and t.lower().strip(".,") not in (head, "the", "a", "an", "this")
    ]


def names_body(description: str, head: str, name: str, name_head: str) -> bool:
    """Whether a body's ``name`` (whose noun is ``name_head``) fits a description: "the
    ministry" and "Defense Ministry" (every word of the description in the name), "the
    newspaper" and "The Washington Post" (a paper's name)."""
    if name_head == head:
        said = description.lower().replace("’s", "").replace("'s", "").split()
        have = name.lower().replace("’s", "").replace("'s", "").split()
        return all(w in have for w in said if w not in ("the", "a", "an", "this", "its"))
    kinds = _BODY_KINDS.get(head)
    return kinds is not None and re.search(rf"\b(?:{kinds})\b", name) is not None
