"""Subject phrases: find the words before a speech verb, and tell a named person, an
institution and an anonymous source apart in them.

"Foreign Ministry spokesman Saeed Khatibzadeh" is a person (Saeed Khatibzadeh) with
an affiliation (Foreign Ministry spokesman); "a security source" is anonymous; "a
spokesman for the Presidency of Iraq" speaks for the Presidency; "he" and "the U.S.
president" refer back to the last person named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.analysis.quotations.described import PARTY_MEMBERS, describes_a_person, described_subject_start
from generator.analysis.quotations.open_description import name_before_open_description
from generator.analysis.text.wordlists import HONORIFICS, MONTHS, ROLE_WORDS, WEEKDAYS

SOURCE_WORDS = frozenset(
    """official officials source sources statement military military's embassy government police army forces
    administration office council media agency parliament security senior intelligence western local top
    former news state presidential u.s. us iraqi iranian american diplomatic adviser advisor aide aides
    analyst analysts witness witnesses resident residents person people familiar officer officers lawmaker
    lawmakers legislator spokespeople representative""".split()
)
"""Words that describe a source without naming it ("a senior U.S. intelligence official"):
part of a subject phrase, never of a person's name."""
INSTITUTION_WORDS = frozenset(
    "embassy ministry presidency government military army police forces times agency news media "
    "office council house department corps guards administration parliament zone republic "
    "university committee court coalition nations union statement military's press post "
    "journal network television tv radio company group militia militias campaign campaigns authority "
    "authorities party board commission foundation institute center centre newspaper magazine website "
    "organization organisation association federation bureau service caucus poll survey report".split()
)
"""The last word of an organisation's name: a subject ending in one is an institution, not a person."""
ANONYMOUS_HEADS = frozenset(
    "source sources official officials diplomat diplomats aide aides analyst analysts witness "
    "witnesses resident residents insider insiders people person officer officers spokesman "
    "spokeswoman spokesperson lawmaker lawmakers adviser advisers advisor advisors strategist strategists employee worker "
    "consultant consultants supporter supporters critic critics delegate delegates voter voters member "
    "members friend friends expert experts observer observers operative operatives staffer staffers "
    "donor donors ally allies veteran veterans organizer organizers activist activists fans students protesters "
    "demonstrators crowd audience parents workers employees participants attendees".split()
)
"""Nouns that make an unnamed subject an anonymous source ("a source", "Iraqi officials")."""
PRONOUNS = frozenset("he she they him her it".split())
FIRST_PERSON = frozenset(("i", "we"))
"""The writer speaking ("“…,” I said"): someone's words, but no one the text names."""
NAME_PARTICLES = frozenset(("bin", "ibn", "al", "el", "de", "van", "von", "der", "da", "di", "la", "le"))
"""Lower-case words inside a person's name ("Osama bin Laden", "Ursula von der Leyen")."""
ADVERBS_BEFORE_VERB = frozenset(
    "again also later then separately famously earlier had has have was previously further once however".split()
)
"""Words that may stand between a subject and its speech verb ("Zarif also said")."""
CONNECTORS = frozenset(("of", "for", "&", "and"))
DETERMINERS = frozenset(("the", "a", "an"))
NOT_SUBJECT = frozenset(WEEKDAYS + MONTHS)
"""Words that end a subject phrase walked back from its verb ("On Monday Zarif said")."""
FUNCTION_WORDS = frozenset(
    "the a an in on at if but and or so as to of for by with from this that these those it its "
    "he she they we i you our his her their after before when while despite however therefore "
    "then now once last next one two three".split()
)
"""Capitalised, these still start no name ("After", "However"). Not `STOP_WORDS`, which holds
words that are also names ("George Will", "Theresa May")."""
TITLE_WORDS = ROLE_WORDS | HONORIFICS | frozenset(f"{h}." for h in HONORIFICS) | {"of", "the", "for", "and"}
"""A person's titles and offices (honorifics with or without their full stop), and the words that
join a title's parts ("Secretary of State"): "the U.S. president and" still refers back to a person."""
_NOT_IN_DESCRIBED_PHRASE = FUNCTION_WORDS - DETERMINERS | PRONOUNS | FIRST_PERSON
"""Words a described subject ("the Gawker employee") never holds (`described_subject_start`); made once, not per walk."""
_NOT_OPENING_A_NAME = FUNCTION_WORDS | NOT_SUBJECT | ADVERBS_BEFORE_VERB
"""Words that open no name before a description left open (`name_before_open_description`); made once, not per walk."""
IN_SUBJECT = TITLE_WORDS | SOURCE_WORDS | CONNECTORS | INSTITUTION_WORDS | ANONYMOUS_HEADS
"""Lower-case words a subject phrase may hold besides capitalised ones."""
NOT_IN_NAME = TITLE_WORDS | SOURCE_WORDS | INSTITUTION_WORDS | FUNCTION_WORDS
"""Capitalised words that still are not part of a person's name."""

_TOKEN = re.compile(r"[^\s,;:“”\"]+|[,;:“”\"]")
_POSSESSIVE = re.compile(r"\w[’']s?$")
_POSSESSIVE_END = re.compile(r"[’']s?$")
_INITIAL_DOT = re.compile(r"[A-Z]\.$")
_CONTRACTED_PRONOUN = re.compile(r"(?:[Hh]e|[Ss]he|[Tt]hey)[’'](?:d|s|ve|ll)")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
"""Initials in a name: "J.J. Goldberg", "Ian H. Solomon"."""
_SUBJECT_WINDOW = 200
"""How far back from a verb its subject is looked for."""


def is_capitalised(token: str) -> bool:
    return token[:1].isupper() or (token.startswith("(") and token[1:2].isupper())


def strip_possessive(token: str) -> str:
    """The token without a trailing 's or ' (either apostrophe)."""
    return _POSSESSIVE_END.sub("", token) if "'" in token or "’" in token else token


def walk_subject(text: str, begin: int, verb_start: int) -> tuple[int, str]:
    """The subject noun phrase that ends just before `verb_start` (not before `begin`); returns (start, phrase).

    The walk goes back from the verb a token at a time and usually stops within
    a few tokens, so only the offsets of the tokens it keeps are worked out."""
    # a subject never reaches back over a line break: a caption, credit, subhead or paragraph ends there
    window_start = max(begin, verb_start - _SUBJECT_WINDOW, text.rfind("\n", begin, verb_start) + 1)
    segment = text[window_start:verb_start]
    tokens = _TOKEN.findall(segment)
    count = len(tokens)  # tokens[:count] are left once adverbs between subject and verb are dropped
    while count and (tokens[count - 1].lower() in ADVERBS_BEFORE_VERB or _LY_ADVERB.fullmatch(tokens[count - 1])):
        count -= 1
    if count >= 2 and tokens[count - 1] == "," and _PARTY_TAG.fullmatch(tokens[count - 2]):
        count -= 1  # "Gov. Ann Lee (R-OH), said": a stray comma after the tag
    if count and _PARTY_TAG.fullmatch(tokens[count - 1]):
        count -= 1  # "Sen. Ron Johnson (R-Wis.) said": the party-state tag is no part of the subject
    count = _before_circumstance(tokens, count)
    count = _before_appositive(tokens, count)
    if count and _PARTY_TAG.fullmatch(tokens[count - 1]):
        count -= 1  # "Rep. Ann Lee (D-Md.), chair of the committee, said"
    if count and _CONTRACTED_PRONOUN.fullmatch(tokens[count - 1]):
        pronoun = re.split(r"[’']", tokens[count - 1])[0]  # "he’d asked", "she’s said": the pronoun before the auxiliary
        return window_start + _token_starts(segment, tokens, count - 1)[0], pronoun
    if count and (tokens[count - 1].lower() in PRONOUNS or tokens[count - 1].lower() in FIRST_PERSON):
        return window_start + _token_starts(segment, tokens, count - 1)[0], tokens[count - 1]
    first = count  # the subject is tokens[first:count], taken from the end
    for index in range(count - 1, -1, -1):
        token = tokens[index]
        taken = first < count
        lower = token.lower().rstrip(".") if not token.endswith("S.") else token.lower()
        plain = lower.strip("()[]")
        if plain in NOT_SUBJECT or token in (",", ";", ":", "“", "”", '"') or "—" in token or "–" in token:
            break  # a dash joins no name to the words before it ("… Sea— Ann Lee Says")
        if taken and _INITIAL_DOT.fullmatch(token) and index >= 1 and is_capitalised(tokens[index - 1]):
            first = index  # "James A. Baker": an initial after a given name, not the article "A"
            continue
        if plain in DETERMINERS:
            previous_in_text = tokens[index - 1].lower() if index >= 1 else ""
            if taken and previous_in_text in ("of", "for") and plain == "the":
                first = index
                continue
            if taken:
                first = index
            break
        if plain in CONNECTORS and taken:
            first = index
            continue
        if plain in HONORIFICS and taken:
            first = index  # "Mr. Brady", "Sen. Cruz": the courtesy title belongs to the subject
            continue
        if token[:1].isupper() and plain in FUNCTION_WORDS and plain not in CONNECTORS:
            break  # "As reported by", "In a tweet Lee said": a capitalised function word opens no name
        if (is_capitalised(token) or plain in IN_SUBJECT or plain in NAME_PARTICLES
                or plain.startswith("al-") or (taken and _POSSESSIVE.search(token))):
            if token.endswith(".") and not _INITIAL_DOT.search(token) and taken:
                break
            first = index
            continue
        break
    while first < count and tokens[first].lower() in CONNECTORS:
        first += 1
    first = described_subject_start(tokens, count, first, _NOT_IN_DESCRIBED_PHRASE)
    if first == count:
        return verb_start, ""
    starts = _token_starts(segment, tokens, first)
    start, end = window_start + starts[0], window_start + starts[count - 1 - first] + len(tokens[count - 1])
    phrase = text[start:end].strip().rstrip(",")
    return name_before_open_description(text, window_start, start, phrase, _NOT_OPENING_A_NAME) or (start, phrase)


_LY_ADVERB = re.compile(r"[a-z]{3,}ly")
"""An adverb between subject and verb ("Trump recently said"); "Sally" and "Italy" are capitalised."""
_PARTY_TAG = re.compile(r"\((?:[RDI]|[RDI]-[A-Z][\w.\- ]{0,12}|[A-Z][a-z]+\.?)\)")
"""A party or party-state tag after a name: "(D)", "(R-Wis.)", "(D-N.Y.)", "(Maine)"."""
_PARTY_TAG_BARE = re.compile(r"[RDI]-[A-Z][\w.]{0,12}")
"""A party-state tag set off by commas: "Sen. Ron Johnson, R-Wis., said"."""
APPOSITIVE_OPENERS = frozenset(
    "a an the who whose which now then former also his her their its one another herself himself "
    "both longtime veteran onetime fellow editor author founder co-founder professor executive ceo partner "
    "owner manager host correspondent columnist analyst strategist pollster adviser advisor aide lawyer "
    "attorney economist historian expert member candidate nominee chair publisher reporter writer co-author "
    "lawmaker economist organizer activist in on at during after while speaking meanwhile however though too".split()
) | ROLE_WORDS
"""Words that open a description set off by commas between a name and its verb ("Name, a strategist at X,
said"; "Name, who leads the group, said"; "Name, 45, said"); a possessive name ("Name, Lee's campaign manager,
said") and a party-state tag ("Name, R-Wis., said") open one too."""
_APPOSITIVE_TOKENS = 32
"""How many tokens a description between a name and its verb may hold."""


_CIRCUMSTANCE_OPENERS = frozenset("at on in during last this earlier later late".split())
"""Words that open a short phrase of time, place or medium between a name and its verb ("Lee on Friday said",
"Lee at the time said", "Lee in his speech called")."""
_CIRCUMSTANCE_TOKENS = 4
_CLAUSE_WORDS = PRONOUNS | FIRST_PERSON | frozenset("which who whom whose that you".split())


def _before_circumstance(tokens: list[str], count: int) -> int:
    """If tokens[:count] end with a short phrase of time, place or medium right after a capitalised name, where the
    name ends; otherwise `count`. The phrase holds no comma and no capitalised word but its first few ("on
    Friday", "in New Hampshire" are kept out only when short)."""
    floor = max(1, count - _CIRCUMSTANCE_TOKENS)
    for index in range(count - 1, floor - 1, -1):
        token = tokens[index]
        if token in (",", ";", ":", "“", "”", '"'):
            return count
        if token.lower() in _CLAUSE_WORDS:
            return count  # "…, in which he said": a clause with its own subject, no circumstance
        if token.lower() in _CIRCUMSTANCE_OPENERS and token.islower():
            before = tokens[index - 1]
            if before == "," or is_capitalised(before) and before.lower() not in FUNCTION_WORDS and not before.endswith("."):
                return index  # "Lee on Friday said", "Lee, the chair, on Friday said"
            return count
    return count


def _before_appositive(tokens: list[str], count: int) -> int:
    """If tokens[:count] end with ", <description>," (the verb follows), where the subject ends: before the
    first comma of the chain. Otherwise `count` unchanged. A description opens as one does (APPOSITIVE_OPENERS,
    an age, a possessive name, a party-state tag) after a name that no preposition governs; descriptions may
    follow one another ("Name, the editor of the paper, The Courier, said"). With no such name, a name set off
    by the last commas is the subject ("a delegate on the slate, Jim Poole, said")."""
    if not count or tokens[count - 1] != ",":
        return count
    floor = max(0, count - 1 - _APPOSITIVE_TOKENS)
    head: int | None = None
    for index in range(count - 2, floor - 1, -1):
        token = tokens[index]
        if token in (";", ":", "“", "”", '"'):
            break
        if token == "," and _opens_description(tokens, index, count) and _free_name_before(tokens, index):
            head = index
    last = max((i for i in range(floor, count - 1) if tokens[i] == ","), default=None)
    set_off = False
    if last is not None and last >= 1:
        between = tokens[last + 1 : count - 1]
        set_off = bool(between) and all(is_capitalised(t) or t.lower() in NAME_PARTICLES for t in between)
        set_off = set_off and (not is_capitalised(tokens[last - 1]) or _role_of_body_before(tokens, last))
    if set_off and (head is None or tokens[last - 1].lower() in _PERSON_NOUNS):
        return count - 1  # "a delegate on the slate, Jim Poole, said", "the nominee, Ann Lee, said": the name set off
    return head if head is not None else count


def _opens_description(tokens: list[str], comma: int, count: int) -> bool:
    """Whether the words after the comma at `comma` open a description of the name before it."""
    if comma + 1 >= count - 1:
        return False
    following = tokens[comma + 1]
    opener = following.lower()
    after = tokens[comma + 2] if comma + 2 < count - 1 else ""
    if opener.rstrip(".") in HONORIFICS and after:
        following, opener = after, after.lower()  # "Lee, Mrs. Obama's chief of staff, said": the courtesy title's name
    return (opener in APPOSITIVE_OPENERS or opener.isdigit() or _PARTY_TAG_BARE.fullmatch(following) is not None
            or (opener in _PARTY_MEMBERS and after == "of")  # "Peter King, Republican of New York, said"
            or (is_capitalised(following) and _POSSESSIVE.search(following) is not None)
            or (following.islower() and following.endswith(("ing", "ed")) and len(following) > 4)  # "Lee, hoping to …,"
            or (following.islower() and _role_within(tokens, comma + 1, min(count - 1, comma + 5))))


def _role_of_body_before(tokens: list[str], comma: int) -> bool:
    """Whether the words before `comma` are a role of a named body ("the director of the Federal Bureau of
    Investigation,"): then a name set off by the next commas is who holds it."""
    for index in range(comma - 1, max(-1, comma - 10), -1):
        token = tokens[index]
        if token.islower() and token in _PERSON_NOUNS:
            return index + 1 < comma and tokens[index + 1] in ("of", "at", "for")
        if not (is_capitalised(token) or token in ("of", "the", "for", "at", "and", "&")):
            return False
    return False


def _role_within(tokens: list[str], start: int, end: int) -> bool:
    """A role without an article ("Lee, communications director for the campaign,", "Lee, pastor of …,")."""
    return any(t.lower() in _PERSON_NOUNS for t in tokens[start:end])


_PARTY_MEMBERS = frozenset(("republican", "democrat", "independent"))
"""A party member of a state, as some papers describe a lawmaker: "Democrat of Tennessee"."""
_PERSON_NOUNS = ROLE_WORDS | ANONYMOUS_HEADS | frozenset(
    "nominee candidate host founder author editor manager chair executive partner wife husband son daughter "
    "pastor supporter volunteer activist organizer professor".split()
)
"""Words for a person before a name set off by commas ("the nominee, Ann Lee,"): the name is who they are."""
_GOVERNING = frozenset("in on at of for from with by to about against into over under after before during since than".split())
"""Prepositions that govern a name before a comma ("In Iowa,"); not "as", which before "Name, description, put it"
is a conjunction."""


def _free_name_before(tokens: list[str], comma: int) -> bool:
    """Whether a capitalised name ends just before the comma at `comma` and no preposition governs it ("In Iowa,")."""
    index = comma - 1
    if index < 0 or not is_capitalised(tokens[index].strip("()")):
        return False
    while index >= 0:
        token = tokens[index]
        if token.lower() not in FUNCTION_WORDS and (is_capitalised(token) or token.lower() in NAME_PARTICLES):
            index -= 1
        elif token == "of" and index >= 1 and is_capitalised(tokens[index - 1]):
            index -= 1  # "Ann Lee of Acme Bank, its chief economist,": the name before "of" heads it
        else:
            break
    return index < 0 or tokens[index].lower() not in _GOVERNING


def _token_starts(segment: str, tokens: list[str], first: int) -> list[int]:
    """Where tokens[first:] (the _TOKEN matches of `segment`) start in it, found from the end.

    Between a token's end and the next token's start there is only white space,
    so the last occurrence of a token before where the next one starts is the token itself."""
    starts: list[int] = []
    position = len(segment)
    for token in reversed(tokens[first:]):
        position = segment.rfind(token, 0, position)
        starts.append(position)
    starts.reverse()
    return starts


@dataclass(frozen=True)
class Subject:
    """A subject phrase split into what it tells us."""

    phrase: str
    name: str | None  # a person's name as written
    institution: str | None
    affiliation: str | None
    anonymous: bool
    refers_back: bool  # pronoun or "the <title>": resolve to the last person named


def split_name(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split tokens into (affiliation, person name): the name is the trailing run of non-title capitalised words."""
    name: list[str] = []
    for token in reversed(tokens):
        plain = token.lower()
        if name and _POSSESSIVE.search(token):
            break  # "Action Forum’s Ann Lee": the name is after the possessive, whose owner describes it
        if (is_capitalised(token) and plain not in NOT_IN_NAME and not token.startswith("(")
                and not token.endswith(".")) or (name and (plain in NAME_PARTICLES or _INITIALS.fullmatch(token))):
            name.insert(0, token)
            continue
        if plain.startswith("al-") and plain != "al-":
            name.insert(0, token)
            continue
        break
    return tokens[: len(tokens) - len(name)], name


_SPOKES = frozenset(("spokesman", "spokeswoman", "spokesperson"))


def _spoken_for(body: list[str]) -> tuple[str, str, bool] | None:
    """ "spokesman for the Presidency of X" -> (role, body, anonymous): a spokesperson speaks for the body."""
    lower = [t.lower() for t in body]
    for cut, token in enumerate(lower):
        if token in ("for", "of", "at", "in") and cut > 0 and lower[cut - 1] in ANONYMOUS_HEADS:
            rest = body[cut + 1 :]
            if rest and rest[0].lower() == "the":
                rest = rest[1:]
            if rest and is_capitalised(rest[0]):
                return " ".join(body[:cut]), " ".join(rest), lower[cut - 1] not in _SPOKES
            return None
    return None


def analyse_subject(phrase: str) -> Subject:
    """Tell a named person, an institution and an anonymous source apart in a subject phrase."""
    tokens = phrase.split()
    if not tokens:
        return Subject(phrase, None, None, None, False, False)
    lower = [t.lower() for t in tokens]
    if len(tokens) == 1 and lower[0] in PRONOUNS:
        return Subject(phrase, None, None, None, False, True)
    body = tokens[1:] if lower[0] in DETERMINERS else tokens
    determiner = lower[0] if lower[0] in DETERMINERS else ""
    spokesperson = _spoken_for(body)
    if spokesperson is not None:
        return Subject(phrase, None, spokesperson[1], spokesperson[0], spokesperson[2], False)
    affiliation_tokens, name_tokens = split_name(body)
    if affiliation_tokens and affiliation_tokens[-1].lower() in ("of", "for", "the", "and", "&"):
        name_tokens = []
    if (determiner in ("a", "an") or lower[0] in ("one", "another")) and name_tokens and name_tokens[-1].lower() in PARTY_MEMBERS:
        return Subject(phrase, None, None, None, True, False)  # "a New Hampshire Republican": someone unnamed
    if name_tokens and not (determiner == "the" and len(name_tokens) == len(body)) and name_tokens[-1].lower() not in INSTITUTION_WORDS:
        if not any(t.lower() in INSTITUTION_WORDS for t in name_tokens):
            affiliation = " ".join(affiliation_tokens).strip() or None
            return Subject(phrase, " ".join(strip_possessive(t) for t in name_tokens), None, affiliation, False, False)
    body_lower = [t.lower() for t in body]
    if body_lower and body_lower[-1] in ANONYMOUS_HEADS:
        return Subject(phrase, None, None, None, True, False)
    if determiner == "the" and body_lower and body_lower[-1] in TITLE_WORDS and body_lower[-1] not in INSTITUTION_WORDS:
        return Subject(phrase, None, None, None, False, True)
    if determiner in ("a", "an"):
        return Subject(phrase, None, None, None, True, False)
    if determiner == "the" and describes_a_person(body, INSTITUTION_WORDS):
        return Subject(phrase, None, None, None, False, True)  # "the Gawker employee": a person described (`described`)
    if body and (body_lower[-1].rstrip("’'s") in INSTITUTION_WORDS or body[-1][:1].isupper()  # not "Republican presidential"
                 or any(t[:1].isupper() and _POSSESSIVE.search(t) for t in body)):  # "Lee's memoir"
        return Subject(phrase, None, " ".join(body), None, False, False)
    return Subject(phrase, None, None, None, False, False)  # "their instinctive preference", "46-year-old": no source

