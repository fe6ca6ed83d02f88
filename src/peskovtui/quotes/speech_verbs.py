"""Verbs of saying: every form spelled out, and found in a text in one pass."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peskovtui.quotes.lexicon import words

# Speech and attribution verbs, every inflection spelled out so one compiled regex finds them.
_VERB_FORMS = """
reports sing sings sang singing say says said saying tell tells told telling add adds added
adding ask asks asked asking stated
stating respond responds responded responding reply replies replied replying continue continues
continued continuing explain explains explained explaining noted noting write writes wrote
describe describes described describing calls called calling urge urges urged urging warn warns
warned insist insists insisted insisting argue argues argued arguing declare declares declared
declaring announce announces announced announcing claimed claiming acknowledge acknowledges
acknowledged acknowledging admit admits admitted admitting recall recalls recalled recalling
tweet tweets tweeted tweeting posted quip quips quipped joke jokes joked predict predicts
predicted promised vowed suggest suggests suggested suggesting complain complains complained
complaining assert asserts asserted contend contends contended stress stresses stressed
emphasize emphasizes emphasized emphasise emphasised observe observes observed remarked concede
concedes conceded conclude concludes concluded charged accuse accuses accused accusing boast
boasts boasted demanded pledged confirm confirms confirmed deny denies denied denying reiterate
reiterates reiterated repeat repeats repeated shout shouts shouted yell yelled exclaim
exclaimed praise praised slam slams slammed blast blasts blasted criticize criticized criticise
criticised countered retort retorts retorted lament laments lamented testify testified
testifies mention mentions mentioned reported presses pressed reject rejects rejected dismisses
dismissed welcomed thanked maintain maintains maintained recount recounted wonder wonders
wondered muse mused chant chanted scream screamed whisper whispered tout touted brag bragged
concur concurred caution cautions cautioned advise advised condemn condemns condemned
condemning branded labeled labelled dub dubs dubbed termed reads commented agree agrees agreed
denounce denounces denounced decry decried hail hailed blame blames blamed characterize
characterized characterise characterised ruled lash lashed attacked mock mocked ridicule
ridiculed call calls proclaim proclaims proclaimed liken likens likened laud lauds lauded
shouting promising stressing questioning announcing rate rates rated cite cites cited
writing answer answers answered answering claim claims read sniped snapped griped grumbled
fumed vented gushed marveled marvelled opined hinted pleaded begged demand demands demanding
warning vows vowing pledges pledging promises boasting joking chanting echoed echoing
repeating counters wondering acknowledges explaining noting
"""
SPEECH_VERBS: frozenset[str] = frozenset(_VERB_FORMS.split())

# "according to X" and "pointed out" are the multi-word cues; "asked by X" marks the asker of a
# reported question.
SPEECH_VERB_RE = re.compile(
    r"\b(?:according\s+to|(?:found|finds|show|shows|showed|states)(?=\s+that\b)|"
    r"(?:point|points|pointed|pointing)(?=\s+out\b)|"
    + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def _trie_pattern(forms: frozenset[str]) -> str:
    """A regex alternation of ``forms`` arranged as a trie, so each position costs one branch."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return build(trie)


# The same matches, found faster: the flat alternation of some 300 words is tried word by word
# at every position of the text and costs milliseconds per article; a trie over lowercased text
# costs a fraction of that.
_CUE_OR_VERB_PATTERN = (
    r"\b(?:(?P<cue>according\s+to\b|(?:found|finds|show|shows|showed|states)(?=\s+that\b)"
    r"|(?:point|points|pointed|pointing)(?=\s+out\b))"
    r"|(?P<word>" + _trie_pattern(SPEECH_VERBS) + r")\b)"
)
_CUE_OR_VERB = re.compile(_CUE_OR_VERB_PATTERN)
_CUE_OR_VERB_ANY_CASE = re.compile(_CUE_OR_VERB_PATTERN, re.IGNORECASE)


# Forms that are also nouns: after an article or a possessive they name a thing, not an act
# of saying ("a Donald Trump tweet", "Trump's tweet", "his call", "the report").
NOUN_LIKE_VERBS: frozenset[str] = words(
    """
add adds ask asks blast blasts boast boasts call calls caution chant cite joke jokes lament
laments mention mentions muse praise quip quips rate rates reads reply replies report reports
retort retorts say slam slams stress tout tweet tweets whisper wonder yell
"""
)
_NOUN_LEAD = re.compile(
    r"(?:\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Tt]his|[Tt]hat|[Ww]hose)"
    r"|\w['’]s|\b(?:[Aa]n?|[Ee]ach|[Ee]very)(?:\s+[A-Z][\w.'’\-]*){0,4})(?:\s+\w+-[\w-]+)?\s+$"
)


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """A verb of saying found in a text, read like a regex match of ``SPEECH_VERB_RE``."""

    text: str
    pos: int
    lastgroup: str | None

    def group(self) -> str:
        """The words matched, as spelled in the text."""
        return self.text

    def start(self) -> int:
        """Where the match starts."""
        return self.pos

    def end(self) -> int:
        """Where the match ends."""
        return self.pos + len(self.text)


def find_speech_verbs(text: str) -> list[VerbMatch]:
    """Every match of ``SPEECH_VERB_RE`` in ``text``, in order, found in one fast pass; forms
    used as nouns ("a Donald Trump tweet") are left out."""
    low = text.lower()
    # Lowercasing may change the length (a rare character such as "İ"); offsets must hold.
    matches = (
        _CUE_OR_VERB.finditer(low)
        if len(low) == len(text)
        else _CUE_OR_VERB_ANY_CASE.finditer(text)
    )
    found = []
    for m in matches:
        start, end = m.span()
        if m.group().lower() in NOUN_LIKE_VERBS and _NOUN_LEAD.search(
            text, max(0, start - 80), start
        ):
            continue
        found.append(VerbMatch(text[start:end], start, m.lastgroup))
    return found
