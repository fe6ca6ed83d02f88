"""Word lists that attribution relies on: speech verbs, pronouns, role nouns and first names."""

from __future__ import annotations

import re

# Speech and attribution verbs, every inflection spelled out so one compiled regex finds them.
_VERB_FORMS = """
reports sing sings sang singing say says said saying tell tells told telling add adds added adding ask asks asked asking stated
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
ridiculed
"""
SPEECH_VERBS: frozenset[str] = frozenset(_VERB_FORMS.split())

# "according to X" is the one multi-word cue; "asked by X" marks the asker of a reported question.
SPEECH_VERB_RE = re.compile(
    r"\b(?:according\s+to|" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)

PRONOUN_GENDER: dict[str, str] = {
    "he": "m",
    "she": "f",
    "it": "n",
    "they": "p",
    "him": "m",
    "her": "f",
    "them": "p",
}
UNRESOLVABLE_PRONOUNS: frozenset[str] = frozenset({"i", "we", "you", "me", "us", "one"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "whom"})

# Heads of noun phrases that name a person by role; "the <role>" resolves to the person
# introduced with that role. Gender comes along where the word carries it.
ROLE_NOUNS: dict[str, str] = {
    "spokesman": "m",
    "spokeswoman": "f",
    "spokesperson": "u",
    "spox": "u",
    "secretary": "u",
    "minister": "u",
    "president": "u",
    "president-elect": "u",
    "senator": "u",
    "governor": "u",
    "official": "u",
    "analyst": "u",
    "aide": "u",
    "adviser": "u",
    "advisor": "u",
    "chief": "u",
    "director": "u",
    "head": "u",
    "leader": "u",
    "chairman": "m",
    "chairwoman": "f",
    "chair": "u",
    "candidate": "u",
    "nominee": "u",
    "ambassador": "u",
    "diplomat": "u",
    "source": "u",
    "lawmaker": "u",
    "congressman": "m",
    "congresswoman": "f",
    "representative": "u",
    "mayor": "u",
    "judge": "u",
    "attorney": "u",
    "lawyer": "u",
    "professor": "u",
    "economist": "u",
    "expert": "u",
    "strategist": "u",
    "manager": "u",
    "commander": "u",
    "general": "u",
    "officer": "u",
    "prosecutor": "u",
    "narrator": "u",
    "host": "u",
    "anchor": "u",
    "reporter": "u",
    "correspondent": "u",
    "author": "u",
    "founder": "u",
    "executive": "u",
    "ceo": "u",
    "chancellor": "u",
    "premier": "u",
    "envoy": "u",
    "negotiator": "u",
    "activist": "u",
    "critic": "u",
    "mother": "f",
    "father": "m",
    "woman": "f",
    "man": "m",
    "businessman": "m",
    "businesswoman": "f",
    "pastor": "u",
    "sheriff": "u",
    "coach": "u",
    "candidate's": "u",
    "questioner": "u",
    "moderator": "u",
    "interviewer": "u",
    "columnist": "u",
    "editor": "u",
    "scientist": "u",
    "researcher": "u",
    "investigator": "u",
    "witness": "u",
    "resident": "u",
    "voter": "u",
    "supporter": "u",
    "member": "u",
    "staffer": "u",
    "press secretary": "u",
}
PLURAL_ROLE_NOUNS: frozenset[str] = frozenset(
    {
        "officials",
        "sources",
        "analysts",
        "diplomats",
        "experts",
        "people",
        "lawmakers",
        "critics",
        "activists",
        "residents",
        "supporters",
        "members",
        "aides",
        "leaders",
        "farmers",
        "protesters",
        "democrats",
        "republicans",
        "voters",
        "investigators",
        "prosecutors",
        "authorities",
        "police",
    }
)
ORG_NOUNS: frozenset[str] = frozenset(
    {
        "kremlin",
        "ministry",
        "government",
        "department",
        "agency",
        "office",
        "campaign",
        "committee",
        "party",
        "commission",
        "council",
        "administration",
        "embassy",
        "court",
        "newspaper",
        "statement",
        "report",
        "company",
        "website",
        "group",
        "organisation",
        "organization",
        "union",
        "house",
        "moscow",
        "washington",
        "beijing",
        "kiev",
        "kyiv",
        "ankara",
        "pentagon",
        "letter",
        "ad",
        "post",
        "times",
        "journal",
        "news",
        "network",
        "service",
        "bank",
        "bureau",
        "foundation",
        "institute",
        "center",
        "centre",
        "team",
    }
)

# Words that precede a name as a title or qualifier and are not part of the name itself.
TITLE_WORDS: frozenset[str] = frozenset(
    ["sens", "sens.", "reps", "reps.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen", "sen.", "rep", "rep.", "gov", "gov.", "gen", "gen.", "lt", "lt.", "col", "col.", "sgt", "sgt.", "prof", "prof.", "rev", "rev.", "st.", "sir", "madam", "dame", "lord", "lady", "president", "vice", "prime", "minister", "foreign", "defense", "defence", "interior", "finance", "economy", "trade", "secretary", "press", "state", "senator", "representative", "governor", "mayor", "judge", "justice", "speaker", "leader", "chief", "general", "former", "kremlin", "white", "house", "russian", "american", "u.s.", "us", "uk", "british", "turkish", "ukrainian", "chinese", "german", "french", "european", "un", "nato", "democratic", "republican", "democrat", "gop", "independent", "congressman", "congresswoman", "chairman", "chairwoman", "ambassador", "attorney", "deputy", "acting", "first", "lady", "pope", "king", "queen", "prince", "princess", "premier", "chancellor", "senior", "spokesman", "spokeswoman", "spokesperson", "spox", "then-president", "president-elect", "candidate", "nominee", "commissioner", "director", "minority", "majority", "whip", "house", "senate", "new", "york", "times", "post", "cnn", "fox", "abc", "nbc", "cbs", "tass", "reuters", "interfax", "bbc"]
)

MALE_NAMES: frozenset[str] = frozenset(
    ["dmitry", "dmitri", "dmitriy", "vladimir", "donald", "barack", "bill", "joe", "mike", "michael", "john", "james", "robert", "david", "richard", "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark", "paul", "steven", "steve", "andrew", "kenneth", "kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "frank", "gregory", "raymond", "alexander", "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl", "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis", "bobby", "philip", "johnny", "hakan", "sergey", "sergei", "sergej", "igor", "ivan", "alexei", "alexey", "nikolai", "yuri", "boris", "mikhail", "viktor", "andrei", "andrey", "fareed", "rex", "ted", "bernie", "marco", "rand", "chris", "newt", "rudy", "reince", "sean", "mitch", "harry", "jeb", "lindsey", "tim", "mike", "jim", "ben", "josh", "nate", "chuck", "rick", "rod", "recep", "ahmet", "mehmet", "mustafa", "emmanuel", "francois", "xi", "li", "shinzo", "narendra", "benjamin", "bashar", "petro", "volodymyr", "rodrigo", "jair", "justin", "nigel", "boris", "jeremy", "gordon", "tony", "jean", "pierre", "jacques", "abdel", "mohammed", "mohamed", "ali", "omar", "hassan", "hussein", "ahmed", "recep", "jens", "antonio", "jens", "kim", "moon"]
)
FEMALE_NAMES: frozenset[str] = frozenset(
    ["maria", "hillary", "christiane", "hope", "anna", "olena", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "heather", "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa", "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia", "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "kellyanne", "ivanka", "melania", "chelsea", "huma", "loretta", "elena", "sonia", "theresa", "angela", "marine", "ursula", "federica", "natalia", "svetlana", "irina", "olga", "tatiana", "yulia", "valentina", "elena", "ekaterina", "nadia", "oksana", "kristina", "nikki", "sheila", "condoleezza", "madeleine", "samantha", "nancy", "dianne", "kamala", "elizabeth", "tulsi", "jill", "amy", "kirsten", "claire", "debbie", "stephanie", "ruth", "sonia", "melezia", "ayaan", "ava", "mia", "chloe", "zoe"]
)


def first_name_gender(token: str) -> str:
    """Return "m", "f" or "u" for a first name."""
    low = token.lower().strip(".")
    if low in MALE_NAMES:
        return "m"
    if low in FEMALE_NAMES:
        return "f"
    return "u"
