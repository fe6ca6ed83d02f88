"""Word lists that attribution relies on: pronouns, role nouns, bodies and first names."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


# Abbreviations written with a full stop before a name, which never ends a sentence.
NAME_ABBREVIATIONS: tuple[str, ...] = tuple(
    sorted(
        words(
            """
Mr Mrs Ms Dr Jr Sr St Sen Sens Rep Reps Gov Gen Gens Lt Col Sgt Capt Maj Adm Cmdr Prof Rev Ft
Mt Pres Supt Insp Messrs Mme Mlle
"""
        )
    )
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
    **dict.fromkeys(
        words(
            """
activist actor adviser advisor aide ambassador analyst anchor announcer artist athlete attorney
author billionaire bishop blogger candidate candidate's captain cardinal ceo chair chancellor
chief cleric coach colleague colonel columnist comedian commander commentator commissioner
constable consultant correspondent councillor councilor critic delegate detective developer
diplomat director doctor donor economist editor engineer entrepreneur envoy executive expert
farmer filmmaker founder friend front-runner frontrunner fundraiser general governor head
historian host icon imam inspector interviewer investigator investor journalist judge lawmaker
lawyer leader lecturer legislator lieutenant manager mayor member minister moderator mogul
musician narrator negotiator neighbor neighbour nominee novelist nurse officer official
operative organiser organizer owner pastor photographer physician pilot player poet pollster
premier presenter president president-elect priest principal producer professor prosecutor
questioner rabbi reporter representative republican democrat researcher resident scientist
secretary senator sergeant sheriff singer soldier source spokesperson spox staffer strategist
student superintendent supporter surgeon taoiseach teacher tycoon veteran volunteer voter
witness worker writer insider designer employee attendee lobbyist observer demonstrator protester
participant parent onlooker respondent
"""
        ),
        "u",
    ),
    **dict.fromkeys(words("businessman chairman congressman father man spokesman widower"), "m"),
    **dict.fromkeys(
        words("actress businesswoman chairwoman congresswoman mother spokeswoman widow woman"), "f"
    ),
    "press secretary": "u",
}
PLURAL_ROLE_NOUNS: frozenset[str] = words(
    """
activists advisers advisors aides analysts attendees authorities citizens commentators critics
delegates demonstrators democrats diplomats doctors donors economists employees experts farmers
fans investigators journalists lawmakers lawyers leaders lobbyists members observers officials
onlookers organizers organisers participants parents people police pollsters prosecutors
protesters reporters republicans researchers residents respondents scientists senators sources
strategists students supporters teachers users veterans viewers voters witnesses workers
"""
)
ORG_NOUNS: frozenset[str] = words(
    """
ad administration agency alliance ankara article assembly association audience authority bank
beijing bill board book bureau bylaws cable campaign center centre clip coalition column
commission committee company complaint congress corporation council court crowd department
document documentary editorial email embassy federation filing film foundation government group
house indictment institute journal kiev kremlin kyiv law lawsuit letter memo message ministry
moscow network news newspaper note notice office order organisation organization parliament
party pentagon petition piece police poll post release report resolution rules ruling senate
service society statement study suit summary survey team times transcript tweet union university
washington website
"""
)

# Things written that a sentence may give as speaking: their issuer is the speaker.
DOCUMENTS: frozenset[str] = words(
    """
ad affidavit article bill book cable clip column complaint document editorial email filing
indictment lawsuit letter memo message note notice order petition piece poll post release
report resolution ruling statement study suit summary survey transcript tweet video
"""
)

# Words that precede a name as a title or qualifier and are not part of the name itself.
TITLE_WORDS: frozenset[str] = words(
    """
abc acting adm adm. admiral ambassador american attorney bbc british candidate capt capt. cbs
chairman chairwoman chancellor chief chinese cmdr cmdr. cnn col col. commissioner congressman
congresswoman dame defence defense democrat democratic deputy director dr dr. economy european
finance first foreign former fox french gen gen. general gens gens. german gop gov gov. governor
house independent insp insp. interfax interior judge justice king kremlin lady leader lord lt
lt. madam maj maj. majority mayor messrs messrs. minister minority mlle mlle. mme mme. mr mr.
mrs mrs. ms ms. nato nbc new nominee pope post premier pres pres. president president-elect
press prime prince princess prof prof. professor prosecutor queen rep rep. representative reps
reps. republican reuters rev rev. russian secretary sen sen. senate senator senior sens sens.
sgt sgt. sheriff sir speaker spokesman spokesperson spokeswoman spox state supt supt. taoiseach
tass then- times trade turkish u.s. uk ukrainian un us vice whip white york
"""
)

MALE_NAMES: frozenset[str] = words(
    """
aaron abdel adam ahmad ahmed ahmet alan albert alexander alexei alexey ali andrei andrew andrey
angus anthony antonio arthur austin barack bashar ben benjamin bernie bill billy bob bobby
boris brad brandon brian bruce bryan carl carlos charles chris christian christopher chuck
colin corey cory dan daniel david dennis derek dermot dmitri dmitriy dmitry donald douglas
dylan eddie edward elijah emmanuel eric ethan eugene fareed francois frank gabriel gary george
gerald glenn gordon greg gregory hakan hans harold harry hassan hector henry howard hussein ian
igor ivan jack jacob jacques jair jake jamal james jared jason jean jeb jeff jeffrey jens
jeremy jerry jesse jim joe john johnny jonathan jordan jorge jose joseph josh juan justin karl
keith ken kenneth kevin khalid kim klaus kurt kyle lamar larry lawrence li liam lindsey logan
louis luis luke marc marco marcus mark matt matthew mehmet michael miguel mike mikhail mitch
mohamed mohammad mohammed moon mustafa narendra nate nathan neil newt nicholas nigel nikolai
noah omar patrick paul pedro peter petro phil philip pierre ralph rand randy raymond recep
reince rex richard rick robert rod rodrigo roger ronald roy rudy russell ryan sam samuel scott
seamus sean sergei sergej sergey shane shinzo stephen steve steven stuart ted thomas tim
timothy todd tom tony troy tyler viktor vincent vladimir volodymyr walter wayne william willie
xi yuri zachary
"""
    + """
abdullah adrian ahmed al alain alastair alberto aleksandr alex alfred ali alistair allan alvin
amir andre andreas andres angel angelo anton antonio armando arnold arturo ash benard benedict
bernard bert bo boyd brendan brent brett bret calvin cameron carlo cecil cesar chad charlie
chet chris christophe clarence claude clayton cliff clifford clint cody cornel craig curtis
dale damian damon dana danny darrell darren dave davey denis devin dick diego dinesh dirk
dmitrii don donnie duane duncan dwight earl ed eddy edgar eduardo edwin elliot elliott emil
emilio enrique erik ernest ernesto ernie evan everett fabio federico felipe felix fernando
florent floyd francis franco frankie fred freddie freddy frederick fritz gavin geoff geoffrey
gerard gerhard gilbert glen gordon graham guillermo gus hal hank harvey herbert herman hugh
hugo isaac jaime jan javier jay jean-claude jean-marc jean-pierre jeff jerome jimmy joaquin
joel joey johan johannes jon jorge josef juan julian julio keir kelvin kenny kieran kirk lars
lenny leo leon leonard leroy lester lionel lloyd lorenzo lou lucas luciano ludwig lyndon
malcolm manny manuel marcel mario marvin mateo mathew matteo maurice max mel melvin mick
micheal mikhail milton mitt mohammad mohammed morris moshe muhammad nasser neal ned nick
nicolas nikolay noel norbert norman olaf oliver orrin oscar otto owen pablo pat pete phillip
rafael rahm ralf ramon randall raul ray reggie reginald rene reuben ricardo richie rob robbie
roberto rocco rodney rolf roman ron ronnie ruben rupert russ salvador sammy sandy santiago saul
scot sebastian sergio seth sheldon sherrod sidney silvio simon stan stanley stefan steven
stewart ted teddy terrence theo theodore tobias toby tomas tommy trent trey ulrich uri vernon
vic victor vito vladislav walt wes wesley whit wilbur willard winston wolfgang xavier yaakov
yitzhak yosef zach zeke
"""
)
FEMALE_NAMES: frozenset[str] = words(
    """
abigail alexis alice alicia allison amanda amber amy andrea angela ann anna ashley ava ayaan
barbara beth betsy betty beverly brenda brittany carol caroline carolyn carrie catherine
charlotte chelsea cheryl chloe christiane christina christine claire condoleezza courtney
cynthia danielle debbie deborah debra denise diana dianne donna doris dorothy ekaterina elena
elizabeth ellen emily emma erica erin evelyn federica frances gina gloria grace hannah heather
helen hillary hope huma irina isabella ivanka jacqueline janet janice jean jenna jennifer jenny
jessica jill joan joanne joyce judith judy julia julie kamala karen kate katherine kathleen
kathryn kathy katie kayla kelly kellyanne kimberly kirsten kristen kristin kristina laura
lauren leslie linda lisa loretta lucy madeleine madison marcia margaret maria marie marilyn
marine martha mary megan melania melanie melezia melissa mia michelle molly monica nadia nancy
natalia natalie nicole nikki nora oksana olena olga olivia pamela patricia paula peggy rachel
rebecca rose ruth sally samantha sandra sara sarah sharon sheila shirley sonia sophia stephanie
susan svetlana tammy tatiana teresa theresa tiffany tina tracy tulsi ursula valentina valerie
vanessa victoria virginia wendy yulia zoe
"""
    + """
abby adele adriana agnes aileen aisha alana alexandra alina alison alyssa amelia ana andrea
angelina angelique anita anne annette annie antonia arianna ariel audrey barbra belinda
bernadette bernice bettina bianca blanche bonnie brianna bridget brigid brooke camila camille
candace cara carla carly carmen caroline cassandra cathy cecilia celeste celia charlene christa
cindy clara claudia colleen connie constance cora corinne daphne darlene dawn deanna debora
delia della desiree dolores dominique dora doreen edith eileen elaine eleanor elisa elise eliza
ella eloise elsa elsie emilia erika esther estelle eugenia eva evangeline fatima felicia fiona
florence francesca francine gabriela gabrielle gail geraldine gillian giselle gwen gwendolyn
hailey harriet hayley heidi helena henrietta hilda ida ilana ilhan ilyse imelda ines ingrid
irene isabel isabelle jackie jade jana jane janelle janice jasmine jeanette jeanne jeannie jess
jill joanna jodi jody josephine juanita judi julianne juliet justine kara karin karla katelyn
katharine kathrine katrina kay kayleigh keisha kendra kristi kristy lana lara latoya laurie
leah leila lena leona liliana lillian lily lina lindsay lindsey liz liza lois loretta lori
lorraine louise luann luisa lydia lynn mabel madeline mae maggie mallory mandy marcy margarita
margo mariana marianne marisa marissa marjorie marla marlene marsha maureen maxine melinda
mercedes meredith michele michaela mildred millie mindy minnie miranda miriam misty mona muriel
myra nadine nancy nanette naomi natasha nell nellie nina noelle norma paige pam patti patty
pauline penelope penny phyllis polly priscilla rachael ramona raquel regina renee rhonda rita
roberta robin rochelle rosa rosalind rosemary roxanne sabrina sadie samantha sasha selena
serena shannon shari sharon shauna shelby shelley sherry sheryl shonda sienna simone sofia
sophie stacey stacy stella sue susanne suzanne sybil sylvia tabitha tamara tammy tanya tara
teri terri tess thelma tonya tracey trisha trudy valeria vera veronica vicki vickie vivian
wanda whitney wilma yasmin yolanda yvette yvonne
"""
)


# First names given to men and women alike: a first name, of no known gender.
UNISEX_NAMES: frozenset[str] = words(
    """
alex ashley avery bobbie carmen casey chris dana jackie jamie jan jean jess jordan kelly kerry
kim lee leslie lindsay lindsey morgan pat riley robin sam sandy shannon taylor terry tracy
"""
)


def is_first_name(token: str) -> bool:
    """Whether ``token`` is a known first name."""
    low = token.lower().strip(".")
    return low in MALE_NAMES or low in FEMALE_NAMES or low in UNISEX_NAMES


def first_name_gender(token: str) -> str:
    """Return "m", "f" or "u" (unknown, or a name both sexes bear) for a first name."""
    low = token.lower().strip(".")
    if low in UNISEX_NAMES:
        return "u"
    if low in MALE_NAMES:
        return "m"
    if low in FEMALE_NAMES:
        return "f"
    return "u"


# Countries, US states and large cities, lowercased: a capitalised word that names a place is
# never the referent of "he" or "she" ("Florida is a swing state. ... she said").
PLACES: frozenset[str] = words(
    """
afghanistan africa alabama alaska albania algeria america amsterdam ankara arizona arkansas
armenia asia athens atlanta austin australia austria azerbaijan baghdad bahrain baltimore
bangladesh beijing beirut belarus belgium berlin bolivia bosnia boston brazil britain brussels
budapest bulgaria california cambodia cameroon canada caracas chicago chile china cleveland
colombia colorado connecticut croatia cuba cyprus czechia damascus dallas delaware denmark
denver detroit dublin ecuador egypt england estonia ethiopia europe finland florida france
georgia germany ghana greece guatemala haiti havana hawaii honduras houston hungary iceland
idaho illinois india indiana indonesia iowa iran iraq ireland israel istanbul italy jamaica
japan jerusalem jordan kabul kansas kazakhstan kentucky kenya kiev korea kosovo kuwait kyiv
latvia lebanon libya lithuania london louisiana luxembourg madrid maine malaysia manila
maryland massachusetts mexico miami michigan minnesota minsk mississippi missouri moldova
montana morocco moscow mumbai myanmar nebraska nepal netherlands nevada nicaragua nigeria
norway ohio oklahoma oman oregon pakistan palestine panama paris pennsylvania peru
philadelphia philippines phoenix poland portugal qatar riyadh romania rome russia rwanda
scotland seattle senegal serbia seoul singapore slovakia slovenia somalia spain sudan sweden
switzerland syria taiwan tehran tennessee texas thailand tokyo toronto tripoli tunisia turkey
uganda ukraine utah venezuela vermont vienna vietnam virginia wales warsaw washington wisconsin
wyoming yemen zimbabwe belgrade bratislava bucharest cairo copenhagen doha dubai helsinki
johannesburg lagos lisbon nairobi oslo prague riga stockholm tallinn vilnius zagreb carolina
dakota delhi hampshire jersey york zealand
"""
)

# Family names that come first in Chinese and Korean names ("Xi Jinping", "Moon Jae-in"): the
# name an article uses alone ("Xi said") is the first word, not the last.
_SURNAMES_FIRST = words(
    """
bai cai cao chen cheng choi chung cui dai deng ding dong du duan fang feng fu gao geng
gong gu guo hao hou hu hua huang hwang jang jeon jia jiang jin jung kang kim ko kong kwon lai lee
lei li liang liao lim lin liu lu luo ma mao meng moon pan park peng qian qiao qin qiu ren shao
shen shi shin su sun tan tang tao tian wan wang wei wen wu xi xia xiang xiao xie xiong xu xue
yan yang yao yin yoon yu yuan zeng zhai zhang zhao zheng zhong zhou zhu zou
"""
)
# Also English first names: "Kim Darroch" and "Lee Smith" are given name first.
_ALSO_GIVEN = words("kim lee moon")
_SUFFIXES = words("jr sr ii iii iv")


def given_name_only(token: str) -> bool:
    """Whether a word alone is more likely someone's first name than one person's surname:
    "Kelly", "May"; "Xi" and "Wang", family names that come first, are not."""
    return is_first_name(token) and token.lower() not in _SURNAMES_FIRST - _ALSO_GIVEN


def family_name(name: str) -> str:
    """The word of a full name that stands for the person alone: the last ("Dmitry Peskov" →
    "Peskov"), or the first for a Chinese or Korean name ("Wang Yi" → "Wang", "Kim Jong-un" →
    "Kim"). A family name that is also an English first name ("Kim", "Lee") comes first only
    before a given name of two parts ("Kim Jong-un", "Kim Jong Un", "Lee Hsien Loong")."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[-1].strip(".,").lower() in _SUFFIXES:
        tokens.pop()  # "Donald Trump Jr." is a Trump
    if len(tokens) < 2 or len(tokens) > 3:
        return tokens[-1] if tokens else ""
    first = tokens[0]
    if first.lower() in _SURNAMES_FIRST and all(t[:1].isupper() for t in tokens):
        two_parts = len(tokens) == 3 or "-" in tokens[1]
        if two_parts or first.lower() not in _ALSO_GIVEN:
            return first
    return tokens[-1]
