"""The noun phrase around a verb of saying: the subject before it, the object after it.

Both end in ``classify``; these functions find where the phrase starts and ends: past
fillers ("also", "later"), clause boundaries, appositions between commas ("A UN spokeswoman,
Maria Lopez, said") and relative clauses ("Peskov, who ..., said").
"""

from __future__ import annotations

import re
from dataclasses import replace

from peskovtui.quotes.lexicon import ROLE_NOUNS
from peskovtui.quotes.mentions import DETERMINERS, NAME_RUN, Mention, classify

_TRAILING_FILLER = re.compile(
    r"(?:\s+(?:also|later|then|has|have|had|was|were|is|are|would|will|could|should|may|might|"
    r"did|does|do|further|again|previously|once|only|simply|still|even|however|himself|herself|often|"
    r"always|sometimes|"
    r"themselves|itself|not|never|just|first|last|[a-z]+ly))+\s*$"
)
_CLAUSE_CUT = re.compile(
    r"(?:[.;:!?]\s+|[—–]\s*|\s-\s|\b(?:and|but|that|as|while|when|because|after|before|if|"
    r"whether|so|or|since|although|though|where|than|what|how|why|said|says|told)\s+|[”\"»])",
)
_INITIAL = re.compile(r"\b[A-Z]\.[A-Z]$")
_LISTED_ADJECTIVE = re.compile(r"\b(?:the|a|an|The|A|An)\s+[a-z][\w\-]*$")


def subject_before(text: str, lo: int, verb: int) -> Mention | None:
    """The mention that is the subject of a speech verb at ``verb``, looking back to ``lo``."""
    seg = text[lo:verb]
    if re.search(r"\w-$", seg):
        seg = seg[:-1]  # "Nicola Sturgeon-said": a hyphen standing for a lost space
    m = _TRAILING_FILLER.search(seg)
    if m:
        seg = seg[: m.start()]
    stripped = seg.rstrip()
    if not stripped:
        return None
    if stripped.endswith(","):
        return _apposition(text, lo, lo + len(stripped) - 1)
    rel = re.search(r",?\s+(?:who|which)$", stripped)
    if rel is not None:
        # "... Rex Tillerson who claimed": the relative pronoun's antecedent speaks.
        return _antecedent(text, lo, lo + rel.start())
    cut = 0
    before_and = None
    for m in _CLAUSE_CUT.finditer(stripped):
        if m.group()[0] == "." and _INITIAL.search(stripped, 0, m.start()):
            continue  # "U.S. senator": an initialism, not the end of a clause
        if m.group().startswith("and"):
            before_and = max(cut, stripped.rfind(",", 0, m.start()) + 1)
        else:
            before_and = None
        cut = m.end()
    comma = stripped.rfind(",")
    if comma + 1 > cut:
        cut, before_and = comma + 1, None
    mention = classify(text, lo + cut, lo + len(stripped), shares=True)
    bare_role = mention is not None and mention.kind == "role" and not mention.definite
    listed = _LISTED_ADJECTIVE.search(stripped, 0, comma) if cut == comma + 1 else None
    after_comma = stripped[cut:].split()[:1]
    if (
        listed is not None
        and (mention is None or bare_role)
        and after_comma
        and after_comma[0].lower() not in DETERMINERS  # "the city, an official at ..."
    ):
        # "the bespectacled, 71-year-old diplomat said": the comma parts two adjectives.
        whole = classify(text, lo + listed.start(), lo + len(stripped))
        if whole is not None and whole.kind == "role":
            return whole
    if before_and is not None and (mention is None or bare_role):
        # "the former first lady and U.S. senator said": two roles of one subject.
        whole = classify(text, lo + before_and, lo + len(stripped))
        if (
            whole is not None
            and whole.kind == "role"
            and whole.text.split()[0].lower() in DETERMINERS
        ):
            mention = whole
    if mention is not None and mention.kind == "relative":
        return _antecedent(text, lo, mention.start) or None
    if mention is None:
        # "In a Bloomberg interview Trump declared": the name that ends the phrase.
        tail = re.search(r"(?:\b(?:he|she|they|He|She|They)|" + NAME_RUN.pattern + r")$", stripped)
        gerund = tail is not None and tail.group().endswith(("'s", "’s"))
        if gerund and re.match(r"\s*\w+ing\b", text[verb:]):
            return None  # "Asked about Trump's calling her a bigot": no one says "calling"
        if tail is not None and tail.start() > cut:
            mention = classify(text, lo + tail.start(), lo + tail.end())
            if mention is not None and mention.kind not in ("name", "pronoun"):
                return None
    return mention


_APPOSITIVE = re.compile(r"(?:a|an|the|now|then|one|who|which)\s")


def _apposition(text: str, lo: int, comma: int) -> Mention | None:
    """Subject wrapped in commas: "A UN spokeswoman, Maria Lopez," or "Peskov, who ...,"."""
    seg = text[lo:comma]
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r",", seg):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(seg)))
    relative = next(
        (
            k
            for k, (a, b) in enumerate(pieces)
            if k and re.match(r"\s*(?:who|which|whose)\s", seg[a:b])
        ),
        None,
    )
    if relative is not None:
        # "Michael Seaman, who lives outside the state capital, Sacramento, said": the pieces
        # from the relative clause on belong to it; the subject comes before.
        pieces = pieces[:relative]
    found: list[tuple[int, Mention]] = []
    for k in range(len(pieces) - 1, -1, -1):
        a, b = pieces[k]
        cut = 0
        for m in _CLAUSE_CUT.finditer(seg, a, b):
            cut = m.end() - a
        piece = seg[a:b].strip()
        role_led = piece.split(" ", 1)[0] in ROLE_NOUNS  # "chairman of the Ways and Means ..."
        if k > 0 and (role_led or (not cut and (_APPOSITIVE.match(piece) or piece[:1].islower()))):
            # An appositive ("a division of Immigration and Customs Enforcement", "director
            # of research at Widmeyer Communications") describes the piece before it.
            appositive = classify(text, lo + a, lo + b)
            if appositive is not None and appositive.kind in ("role", "group"):
                found.append((k, appositive))
            continue
        mention = classify(text, lo + a + cut, lo + b)
        if mention is None or mention.kind == "relative":
            if found:
                break
            continue
        found.append((k, mention))
        if mention.kind == "name" or len(found) == 2 or cut:
            break
    if not found:
        return None
    names = [m for _, m in found if m.kind == "name"]
    if not names:
        return found[0][1]
    name = names[0]
    others = [m for _, m in found if m.kind != "name"]
    if not others or name.role is not None:
        return name
    role = others[0].text
    gender = name.gender if others[0].gender == "u" else others[0].gender
    return Mention("name", name.start, name.end, name.text, name.name, role, "", gender)


def _antecedent(text: str, lo: int, pos: int) -> Mention | None:
    """The name a relative pronoun at ``pos`` refers to ("... Rex Tillerson who claimed")."""
    seg = text[lo:pos].rstrip().rstrip(",")
    runs = list(NAME_RUN.finditer(seg))
    if not runs or runs[-1].end() != len(seg):
        return None
    return classify(text, lo + runs[-1].start(), lo + runs[-1].end())


_APPOSED_RUN = re.compile(rf",[ \u00a0]+({NAME_RUN.pattern})[ \u00a0]*(?:[,.;:()]|[-–—]|$)")


def object_after(text: str, start: int, limit: int) -> Mention | None:
    """The mention after a speech verb ("said Olena Kovalenko, who ...", "according to X")."""
    seg = text[start:limit]
    # (a blanked party tag, "Rep. Mark Walker, R-N.C., leader of ...", ends the name as its
    # commas did)
    m = re.match(r"\s*((?:[^,;:()—–\s]|\s(?!\s\s))*)", seg)
    if m is None:
        return None
    phrase_end = start + m.end(1)
    cut = re.search(
        r"\s(?:who|which|in|on|at|during|after|before|last|this|when|filed|released|published|"
        r"issued|obtained|seen|cited)\s",
        m.group(1),
    )
    if cut is not None:
        phrase_end = start + m.start(1) + cut.start()
    while phrase_end > start and text[phrase_end - 1].isspace():
        phrase_end -= 1
    while (
        phrase_end > start
        and text[phrase_end - 1] == "."
        and not re.search(r"\b[A-Z][a-z]?\.$", text[start:phrase_end])
    ):
        phrase_end -= 1  # "said Obama." ends a sentence; "Jr." does not
    mention = classify(text, start, phrase_end)
    rest = text[phrase_end:limit]
    if mention is not None and mention.kind == "role":
        # "according to the UN envoy for the peace process, Nickolay Mladenov, the law ...":
        # the name in apposition is the one who holds the role.
        named = _APPOSED_RUN.match(rest)
        if named is not None:
            found = classify(text, phrase_end + named.start(1), phrase_end + named.end(1))
            if found is not None and found.kind == "name" and " " in found.name:
                return replace(found, role=found.role or mention.text)
    if mention is None or mention.kind != "name":
        return mention
    appos = re.match(r",\s+((?:a|an|the)\s[^,;]*)", rest)
    if appos and mention.role is None:
        return Mention(
            "name",
            mention.start,
            mention.end,
            mention.text,
            mention.name,
            appos.group(1).strip().rstrip("."),
            "",
            mention.gender,
        )
    return mention
