"""Direct quotations, their speakers, scare quotes and attributed (indirect) sources.

Why: a loaded word inside a quotation is the speaker's framing, not the outlet's,
so voice assignment needs every quotation's exact span and its speaker.

Quotation marks
- Double quotes: curly “…” and straight "…". A straight " opens after a space,
  an opening bracket or the start of a block, and closes otherwise.
- Single curly quotes ‘…’ are quotations too; a ’ followed by a letter (Iran’s,
  aren’t) is always an apostrophe, and a ’ only closes when a ‘ is open.
  Straight single quotes are treated as apostrophes (too ambiguous).
- Nested quotes (‘…’ inside “…”) belong to the outer quotation, which is the one
  listed, so no word is counted twice.
- A paragraph that opens a double quote without closing it continues the
  quotation into the next paragraph when that paragraph reopens with “ (or ");
  otherwise the quotation ends with its paragraph.
- A block of kind "blockquote" or "quote" (an embedded tweet) is one quotation;
  its speaker comes from a "— Name (@handle) …" signature line.
- `Quotation.start`/`end` cover the words between the outer marks, marks
  excluded, so `text[start:end] == quotation.text`. `words` leaves out editorial
  insertions in [square brackets].

Speakers, in order of precedence
1. After the closing mark, in the same sentence: "…,” Khatibzadeh said",
   "…,” said Pompeo in a tweet", "…,” he added", "…,” the statement said".
2. Before the opening mark, in the same sentence: the last speech verb and its
   subject ("Khatibzadeh said, “…", "Zarif tweeted, “…", "what he described as
   “…"); a participle ("calling the attack “…”") takes the sentence's subject.
3. A quotation with no cue that directly follows another quotation (same or
   next sentence) continues the previous speaker.
4. Otherwise the last person named in the previous sentence, outside quotes.
Pronouns ("he added") and definite titles ("the U.S. president") resolve to the
most recent person named outside quotations. "The statement said" resolves to
the issuer in the previous sentences ("X issued a statement", "a statement by X").
Person names are normalised to the longest full name in the article that ends
with the same words (Khatibzadeh -> Saeed Khatibzadeh); the words before the name
in the subject are its affiliation ("Foreign Ministry spokesman").
Unnamed sources ("a security source", "officials", "a spokesman") are
`anonymous=True`; a spokesman *for* a named body speaks for that body.

Scare quotes (`is_scare_quote`): a quotation of 1–4 words that is not a
sentence of its own and sits inside the outlet's own sentence as a label: there
are words of the sentence before it or after it, and it is not speech introduced
by a cue that runs to the end of the sentence ("he said, “No.”") nor followed by
an attribution ("“Unacceptable,” he said"). Its `Match` spans the marks too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from generator.analysis.results import Attribution, ArticleText, Match, Quotation

# --------------------------------------------------------------------------- marks

_MARK = re.compile(r"[“”\"‘’]")
_OPEN_CONTEXT = re.compile(r"[\s(\[{—–\-/:“‘]")
QUOTE_BLOCK_KINDS = ("blockquote", "quote")


@dataclass(frozen=True)
class _RawQuote:
    start: int  # first character after the opening mark
    end: int  # the closing mark's offset (or block end)
    block_quote: bool = False


def _is_opening_straight(text: str, i: int, block_start: int) -> bool:
    return i == block_start or bool(_OPEN_CONTEXT.match(text, i - 1))


def _scan_block(text: str, bstart: int, bend: int, carried: int | None) -> tuple[list[_RawQuote], int | None]:
    """Pair the marks of one block; `carried` is the start of a quote continued from the previous block."""
    found: list[_RawQuote] = []
    stack: list[tuple[str, int]] = []  # (kind, content start); kind in {"curly", "straight", "single"}
    if carried is not None:
        stack.append(("curly", carried))
    first_mark = True
    for m in _MARK.finditer(text, bstart, bend):
        i, ch = m.start(), m.group()
        reopening = first_mark and carried is not None and i == bstart and ch in "“\""
        first_mark = False
        if reopening:
            continue
        if ch == "“":
            stack.append(("curly", i + 1))
        elif ch == "”":
            while stack and stack[-1][0] == "single":
                stack.pop()  # an unclosed ‘ inside was an apostrophe-like mark
            if stack:
                _, start = stack.pop()
                if not stack:
                    found.append(_RawQuote(start, i))
        elif ch == '"':
            if _is_opening_straight(text, i, bstart) and not (stack and stack[-1][0] == "straight" and i > bstart and not text[i - 1].isspace()):
                if stack and stack[-1][0] == "straight" and text[i - 1] not in " \t\n(":
                    _, start = stack.pop()
                    if not stack:
                        found.append(_RawQuote(start, i))
                else:
                    stack.append(("straight", i + 1))
            elif stack:
                while stack and stack[-1][0] == "single":
                    stack.pop()
                if stack:
                    _, start = stack.pop()
                    if not stack:
                        found.append(_RawQuote(start, i))
        elif ch == "‘":
            nxt = text[i + 1 : i + 2]
            if (i == bstart or not text[i - 1].isalnum()) and nxt and not nxt.isdigit() and not nxt.isspace():
                stack.append(("single", i + 1))
        else:  # ’
            nxt = text[i + 1 : i + 2]
            if stack and stack[-1][0] == "single" and not nxt.isalpha() and i > bstart and not text[i - 1].isspace():
                _, start = stack.pop()
                if not stack:
                    found.append(_RawQuote(start, i))
    # End of block: a still-open double quote either continues or ends here.
    stack = [s for s in stack if s[0] != "single"]
    if not stack:
        return found, None
    return found, stack[0][1]


def _raw_quotations(at: ArticleText) -> list[_RawQuote]:
    """Every top-level quotation, as content spans, across all blocks."""
    text = at.text
    blocks = at.blocks or ()
    quotes: list[_RawQuote] = []
    carried: int | None = None
    for index, block in enumerate(blocks):
        if block.kind in QUOTE_BLOCK_KINDS:
            if carried is not None:
                quotes.append(_RawQuote(carried, blocks[index - 1].end))
                carried = None
            quotes.append(_RawQuote(block.start, block.end, block_quote=True))
            continue
        found, open_start = _scan_block(text, block.start, block.end, carried)
        quotes.extend(found)
        carried = None
        if open_start is not None:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is not None and following.kind not in QUOTE_BLOCK_KINDS and text[following.start : following.start + 1] in ("“", '"'):
                carried = open_start
            else:
                quotes.append(_RawQuote(open_start, block.end))
    return quotes


# ----------------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"[.!?][.!?]*[”\"’)\]]*(?=\s+[“\"‘(\[]?[A-Z0-9@#])")
"""[.!?][.!?]* rather than [.!?]+: a leading character set lets `re` skip to the next candidate, twice as fast."""
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\bMr|\bMrs|\bMs|\bDr|\bGen|\bLt|\bCol|\bSt|\bSen|\bRep|\bGov|\bNo|\bvs|\bInc|\bJr|\bSr|\bp\.m|\ba\.m)\.$"
)


def sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end]; a period after U.S., Mr. or a.m. does not end a sentence."""
    bounds: list[tuple[int, int]] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.start()
        if m.end() == stop + 1 and text[stop] == "." and _ABBREVIATION.search(text[max(start, stop - 5) : stop + 1]):
            continue
        bounds.append((begin, m.end()))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        bounds.append((begin, end))
    return bounds


def _all_sentences(at: ArticleText) -> list[tuple[int, int]]:
    blocks = at.blocks or ()
    if not blocks:
        return sentence_bounds(at.text, 0, len(at.text))
    out: list[tuple[int, int]] = []
    for block in blocks:
        out.extend(sentence_bounds(at.text, block.start, block.end))
    return out


# ---------------------------------------------------------------- subject phrases

SPEECH_VERBS = (
    "said", "says", "added", "adds", "tweeted", "wrote", "told", "stated", "declared",
    "cautioned", "warned", "claimed", "insisted", "stressed", "emphasized", "emphasised",
    "noted", "explained", "asserted", "argued", "maintained", "replied", "responded",
    "continued", "described", "called", "threatened", "announced", "reported", "posted",
    "urged", "vowed", "alleged", "accused", "remarked", "commented", "asked", "saying",
    "adding", "calling", "describing", "accusing", "tweeting", "warning", "writing",
)
_PARTICIPLES = frozenset(v for v in SPEECH_VERBS if v.endswith("ing"))
_VERB_ALT = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_ADVERBS = r"(?:once\s+again|also|later|then|separately|famously|earlier|again|had|has|have|was|previously|further)"
_MEDIUM = r"(?:\s+(?:in|on|via)\s+(?:a|an|his|her|its|their|the)\s+(?:written\s+|televised\s+|separate\s+)?(?:tweet|statement|Twitter\s+post|post|interview|speech|message|press\s+conference|video))?"
_VERB_AFTER = re.compile(rf"\s*(?P<subj>[^“”\"\n]{{1,160}}?)\s+(?:{_ADVERBS}\s+)*(?P<verb>{_VERB_ALT})\b{_MEDIUM}")
_VERB_FIRST = re.compile(
    rf"\s*(?P<verb>said|added|says|adds|tweeted|wrote|warned|cautioned)\s+(?P<subj>(?:the|an?)\s+[\w.’'\- ]+?|[A-Z][\w.’'&\-]*(?:\s+[A-Z][\w.’'&\-]*)*){_MEDIUM}(?=\s*[,.;:!?]|\s+(?:in|on|at|after|before|during|when)\b|\s*$)"
)
_VERB_ANYWHERE = re.compile(rf"\b(?P<verb>{_VERB_ALT})\b")
# A pattern that starts with a literal lets `re` jump from one occurrence of it to
# the next; one that starts with \b or a lookbehind is tried at every character,
# ten times slower on a whole article. So the "no word character before" test is
# written after the literal: statement(?<!\wstatement) is \bstatement.
_ACCORDING = re.compile(r"according(?<![\w-]according)\s+to\s+(?P<subj>(?:the|an?)\s+)?(?P<rest>[^,.;:“”\"]{1,80})")
_TOLD = re.compile(r"\b(?P<verb>told)\s+(?P<outlet>AFP|Reuters|AP|the\s+Associated\s+Press|reporters|journalists|[A-Z][A-Za-z]+)\b")
_STATEMENT_ISSUED = re.compile(r"\b(?:issued|released|put\s+out|published)\s+(?:a|an)\s+(?:\w+\s+)?statement\b")
_STATEMENT_BY = re.compile(r"statement(?<!\wstatement)\s+(?:by|from)\s+(?P<subj>(?:the\s+)?[A-Z][^,.;:“”\"]{1,80}?)(?=\s+(?:earlier|on|said|says|late|this|last|yesterday|today)\b|[,.;:])")

_TOKEN = re.compile(r"[^\s,;:“”\"]+|[,;:“”\"]")
ROLE_WORDS = frozenset(
    "spokesman spokeswoman spokesperson minister ministry secretary president presidency prime "
    "general major commander chief director ambassador envoy diplomat official officials source "
    "sources statement military embassy government police army forces administration office "
    "council media agency senator governor leader speaker parliament deputy interim foreign "
    "security senior intelligence western local top former news state defense defence interior "
    "presidential u.s. us iraqi iranian american diplomatic vice adviser advisor aide aides "
    "analyst analysts witness witnesses resident residents person people familiar officer "
    "officers lawmaker lawmakers legislator spokespeople representative military's".split()
)
TITLE_WORDS = frozenset(
    "president secretary minister ministry spokesman spokeswoman spokesperson prime general major "
    "commander chief director ambassador envoy senator governor leader speaker deputy interim "
    "foreign state vice admiral colonel lieutenant captain sergeant mr. mrs. ms. dr. gen. lt. "
    "col. sen. rep. gov. adm. king prince queen judge justice sheikh ayatollah imam pope "
    "chairman chairwoman representative parliament defense defence interior supreme "
    "of the for and".split()
)
INSTITUTION_WORDS = frozenset(
    "embassy ministry presidency government military army police forces times agency news media "
    "office council house department corps guards administration parliament zone republic "
    "university committee court coalition nations union statement military's press post "
    "journal network television tv radio company group militia militias".split()
)
ANONYMOUS_HEADS = frozenset(
    "source sources official officials diplomat diplomats aide aides analyst analysts witness "
    "witnesses resident residents insider insiders people person officer officers spokesman "
    "spokeswoman spokesperson lawmaker lawmakers".split()
)
PRONOUNS = frozenset("he she they him her it".split())
_CONNECTORS = frozenset(("of", "for", "&", "and"))
_DETERMINERS = frozenset(("the", "a", "an"))
_NOT_SUBJECT = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)
_NAME_PARTICLES = frozenset(("bin", "ibn", "al", "el", "de", "van", "von", "der", "da", "di", "la", "le"))
_CAPITAL_RUN = re.compile(r"[A-Z][\w’'&\-]*(?:\s+(?:(?:bin|ibn|al|el|de|van|von|der|da|di)\s+)?[A-Z][\w’'&\-]*)*")
PERSON_TITLES = frozenset(
    "spokesman spokeswoman spokesperson minister secretary president general commander ambassador envoy "
    "senator governor leader speaker chief director adviser advisor aide mr. mrs. ms. dr. gen.".split()
)
"""A name right after one of these ("spokesman Omar Haddad") is a person's, so pronouns may refer to them."""

_FUNCTION_WORDS = frozenset(
    "the a an in on at if but and or so as to of for by with from this that these those it its "
    "he she they we i you our his her their after before when while despite however therefore "
    "then now last next one two three".split()
)


_POSSESSIVE = re.compile(r"\w[’']s?$")
_POSSESSIVE_END = re.compile(r"[’']s?$")
_INITIAL_DOT = re.compile(r"[A-Z]\.$")


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() or (token.startswith("(") and token[1:2].isupper())


_SKIPPED_BEFORE_VERB = frozenset(("again", "also", "later", "then", "separately", "famously", "earlier", "had", "has", "have", "was", "previously", "further", "once", "however"))


def _walk_subject(text: str, begin: int, verb_start: int) -> tuple[int, str]:
    """The subject noun phrase that ends just before `verb_start`; returns (start, phrase).

    The walk goes back from the verb a token at a time and usually stops within
    a few tokens, so the window's tokens are found in C (findall) and only the
    offsets of the tokens it keeps are worked out, by _token_starts."""
    window_start = max(begin, verb_start - 200)
    segment = text[window_start:verb_start]
    tokens = _TOKEN.findall(segment)
    count = len(tokens)  # tokens[:count] are left once adverbs between subject and verb are dropped
    while count and tokens[count - 1].lower() in _SKIPPED_BEFORE_VERB:
        count -= 1
    if count and tokens[count - 1].lower() in PRONOUNS:
        return window_start + _token_starts(segment, tokens, count - 1)[0], tokens[count - 1]
    first = count  # the subject is tokens[first:count], taken from the end
    for index in range(count - 1, -1, -1):
        token = tokens[index]
        taken = first < count
        lower = token.lower().rstrip(".") if not token.endswith("S.") else token.lower()
        plain = lower.strip("()[]")
        if plain in _NOT_SUBJECT or token in (",", ";", ":", "“", "”", '"'):
            break
        if plain in _DETERMINERS:
            previous_in_text = tokens[index - 1].lower() if index >= 1 else ""
            if taken and previous_in_text in ("of", "for") and plain == "the":
                first = index
                continue
            if taken:
                first = index
            break
        if plain in _CONNECTORS and taken:
            first = index
            continue
        if (_is_capitalised(token) or plain in ROLE_WORDS or plain in TITLE_WORDS or plain in _NAME_PARTICLES
                or plain.startswith("al-") or (taken and _POSSESSIVE.search(token))):
            if token.endswith(".") and not _INITIAL_DOT.search(token) and taken:
                break
            first = index
            continue
        break
    while first < count and tokens[first].lower() in _CONNECTORS:
        first += 1
    if first == count:
        return verb_start, ""
    starts = _token_starts(segment, tokens, first)
    start = window_start + starts[0]
    end = window_start + starts[count - 1 - first] + len(tokens[count - 1])
    return start, text[start:end].strip().rstrip(",")


def _token_starts(segment: str, tokens: list[str], first: int) -> list[int]:
    """Where tokens[first:] (the _TOKEN matches of `segment`) start in it, found from the end.

    Every character that is not whitespace belongs to a token and no token holds
    whitespace, so between a token's end and the next token's start there is only
    whitespace; hence the last occurrence of a token before where the next one
    starts is the token itself."""
    starts: list[int] = []
    position = len(segment)
    for token in reversed(tokens[first:]):
        position = segment.rfind(token, 0, position)
        starts.append(position)
    starts.reverse()
    return starts


@dataclass(frozen=True)
class _Subject:
    """A subject phrase split into what it tells us."""

    phrase: str
    name: str | None  # a person's name as written
    institution: str | None
    affiliation: str | None
    anonymous: bool
    refers_back: bool  # pronoun or "the <title>": resolve to the last person named


def _strip_possessive(token: str) -> str:
    """The token without a trailing 's or ' (either apostrophe); a token without one is returned as it is, unsearched."""
    return _POSSESSIVE_END.sub("", token) if "'" in token or "’" in token else token


def _split_name(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split tokens into (affiliation, person name): the name is the trailing run of non-title capitalised words."""
    name: list[str] = []
    for token in reversed(tokens):
        plain = token.lower()
        if (_is_capitalised(token) and plain not in TITLE_WORDS and plain not in INSTITUTION_WORDS
                and not token.startswith("(") and not token.endswith(".")
                and plain not in _FUNCTION_WORDS and plain not in ROLE_WORDS) or (name and (plain in _NAME_PARTICLES)):
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
            if rest and _is_capitalised(rest[0]):
                return " ".join(body[:cut]), " ".join(rest), lower[cut - 1] not in _SPOKES
            return None
    return None


def analyse_subject(phrase: str) -> _Subject:
    """Tell a named person, an institution and an anonymous source apart in a subject phrase."""
    tokens = phrase.split()
    if not tokens:
        return _Subject(phrase, None, None, None, False, False)
    lower = [t.lower() for t in tokens]
    if len(tokens) == 1 and lower[0] in PRONOUNS:
        return _Subject(phrase, None, None, None, False, True)
    body = tokens[1:] if lower[0] in _DETERMINERS else tokens
    determiner = lower[0] if lower[0] in _DETERMINERS else ""
    spokesperson = _spoken_for(body)
    if spokesperson is not None:
        return _Subject(phrase, None, spokesperson[1], spokesperson[0], spokesperson[2], False)
    affiliation_tokens, name_tokens = _split_name(body)
    if affiliation_tokens and affiliation_tokens[-1].lower() in ("of", "for", "the", "and", "&"):
        name_tokens = []
    if name_tokens and not (determiner == "the" and len(name_tokens) == len(body)) and name_tokens[-1].lower() not in INSTITUTION_WORDS:
        if not any(t.lower() in INSTITUTION_WORDS for t in name_tokens):
            affiliation = " ".join(affiliation_tokens).strip() or None
            return _Subject(phrase, " ".join(_strip_possessive(t) for t in name_tokens), None, affiliation, False, False)
    body_lower = [t.lower() for t in body]
    if body_lower and body_lower[-1] in ANONYMOUS_HEADS:
        return _Subject(phrase, None, None, None, True, False)
    if determiner == "the" and body_lower and body_lower[-1] in TITLE_WORDS and body_lower[-1] not in INSTITUTION_WORDS:
        return _Subject(phrase, None, None, None, False, True)
    if determiner in ("a", "an"):
        return _Subject(phrase, None, None, None, True, False)
    return _Subject(phrase, None, " ".join(body), None, False, False)


# -------------------------------------------------------------- person names

# Names differ in every article, so a regex built per name would be compiled
# afresh each time (slower than the search itself); these helpers find a name
# with str.find and test the boundaries `re` would.


def _is_word_char(ch: str) -> bool:
    """`re`'s \\w for one character of a str pattern."""
    return ch.isalnum() or ch == "_"


def _at_word_boundary(text: str, i: int) -> bool:
    """`re`'s \\b at offset i: a word character on exactly one side."""
    before = i > 0 and _is_word_char(text[i - 1])
    after = i < len(text) and _is_word_char(text[i])
    return before != after


def _occurrences(text: str, literal: str) -> Iterator[int]:
    """Every offset where `literal` starts, overlapping ones included, in order."""
    start = text.find(literal)
    while start != -1:
        yield start
        start = text.find(literal, start + 1)


_RUN_WORD = r"[A-Z][\w’'&\-]*\s+(?:(?:bin|ibn|al|el|de|van|von|der|da|di)\s+)?"
_RUN_BEFORE = re.compile(rf"{_RUN_WORD}(?:{_RUN_WORD}){{0,3}}$")
"""One to four capitalised words ending where the search ends; X(?:X){0,3} rather than (?:X){1,4},
so that `re` can skip to the next capital letter (see _ACCORDING)."""


class _NamePool:
    """Full names in the article ending with a given word, found on first request and remembered.

    Why lazy: an article names a handful of speakers, so scanning for each one's
    surname is cheaper than collecting every capitalised run of the text.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: dict[str, tuple[tuple[str, ...], ...]] = {}

    def get(self, last: str, default: tuple = ()) -> tuple[tuple[str, ...], ...]:
        if last not in self._found:
            self._found[last] = self._scan(last)
        return self._found[last] or default

    def _scan(self, last: str) -> tuple[tuple[str, ...], ...]:
        text = self._text
        names: list[tuple[str, ...]] = []
        for start in self._standalone(last):
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "’'-_"):
                continue
            run = _RUN_BEFORE.search(text, max(0, start - 80), start)
            tokens = [_strip_possessive(t) for t in (run.group().split() if run else [])] + [last]
            _, name = _split_name(tokens)
            while name and (name[0].lower() in _FUNCTION_WORDS or name[0].lower().endswith("ing")):
                name = name[1:]
            if name and name[-1] == last:
                names.append(tuple(name))
        return tuple(names)

    def _standalone(self, word: str) -> Iterator[int]:
        """Where `word` occurs not followed by a word character or hyphen, as re.finditer(word + r"(?![\\w-])") finds them."""
        text = self._text
        resume = 0
        for start in _occurrences(text, word):
            if start < resume:
                continue  # finditer resumes after a match, so matches never overlap
            end = start + len(word)
            if end < len(text) and (_is_word_char(text[end]) or text[end] == "-"):
                continue
            resume = end
            yield start


def canonical_name(name: str, pool: "_NamePool | dict[str, list[tuple[str, ...]]]") -> str:
    """The longest full name in the article that ends with the words of `name`."""
    tokens = tuple(name.split())
    if not tokens:
        return name
    best = tokens
    for candidate in pool.get(tokens[-1], ()):
        if len(candidate) > len(best) and candidate[-len(tokens):] == tokens:
            best = candidate
    return " ".join(best)


_APPOSITIVE = re.compile(r"\s+(?:the\s+|a\s+)?(?P<aff>[^,.;“”\"]{2,80}?),")
"""After "Name,": ", the foreign minister," — a title set off by commas."""
_TITLES_NOT_LINKS = TITLE_WORDS - {"of", "the", "for", "and"}


def _affiliation_before(text: str, name: str) -> str | None:
    """The title written before the first occurrence of a full name ("U.S. Secretary of State")."""
    first = next((start for start in _occurrences(text, name) if _at_word_boundary(text, start + len(name))), None)
    if first is None:
        return None
    _, phrase = _walk_subject(text, max(0, first - 200), first + len(name))
    affiliation, _ = _split_name(phrase.split())
    if affiliation and affiliation[0].lower() in _DETERMINERS:
        affiliation = affiliation[1:]
    joined = " ".join(affiliation).strip()
    if joined:
        return joined
    appositive = next(filter(None, (_APPOSITIVE.match(text, start + len(name) + 1) for start in _occurrences(text, name + ","))), None)
    if appositive and any(w.lower() in _TITLES_NOT_LINKS for w in appositive.group("aff").split()):
        return appositive.group("aff")
    return None


# ----------------------------------------------------------- attribution finding

@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    subject: _Subject
    cue: str
    participle: bool = False


def _cue_after(text: str, close: int, sentence_end: int) -> _Cue | None:
    """ "…,” Khatibzadeh said" or "…,” said Pompeo": a cue right after the closing mark."""
    after = close + 1
    if text[after : after + 1] in (".", "!", "?") or after >= sentence_end:
        return None
    lead = len(text[after:sentence_end]) - len(text[after:sentence_end].lstrip())
    according = _ACCORDING.match(text, after + lead, sentence_end) if lead else None
    if according:
        phrase = ((according.group("subj") or "") + according.group("rest")).strip()
        return _Cue(according.start(), according.end(), analyse_subject(phrase), text[according.start() : according.end()].strip())
    for pattern in (_VERB_FIRST, _VERB_AFTER):
        m = pattern.match(text, after, sentence_end)
        if not m:
            continue
        phrase = m.group("subj").strip().strip(",")
        if pattern is _VERB_AFTER:
            walked_start, walked = _walk_subject(text, after, m.start("verb"))
            first = after + len(text[after:sentence_end]) - len(text[after:sentence_end].lstrip())
            if not walked or walked_start != first:
                continue  # the cue must follow the closing mark directly
            phrase = walked
        subject = analyse_subject(phrase)
        cue_start = m.start("verb") if pattern is _VERB_FIRST else text.index(phrase, after)
        return _Cue(cue_start, m.end(), subject, text[cue_start : m.end()].strip())
    return None


def _cue_before(text: str, sentence_start: int, open_mark: int) -> _Cue | None:
    """The last speech verb before the opening mark in the same sentence, with its subject."""
    last = None
    for m in _VERB_ANYWHERE.finditer(text, sentence_start, open_mark):
        if _inside_any_quote_mark(text, sentence_start, m.start()):
            continue
        last = m
    if last is None:
        return None
    verb = last.group("verb")
    if verb in _PARTICIPLES:
        lead = _CAPITAL_RUN.match(text, sentence_start)
        if lead and lead.end() <= last.start():
            phrase = lead.group()
            return _Cue(sentence_start, last.end(), analyse_subject(phrase), text[sentence_start : lead.end()] + " … " + verb, True)
        return None
    start, phrase = _walk_subject(text, sentence_start, last.start())
    if not phrase:
        return None
    return _Cue(start, last.end(), analyse_subject(phrase), text[start : last.end()])


def _inside_any_quote_mark(text: str, start: int, position: int) -> bool:
    """Whether an odd number of double quote marks precede `position` in the sentence (so it is quoted)."""
    segment = text[start:position]
    return (segment.count("“") - segment.count("”")) > 0


# ------------------------------------------------------------------ resolution

@dataclass(frozen=True)
class _Context:
    text: str
    pool: _NamePool
    mention_positions: tuple[int, ...]
    mention_names: tuple[str, ...]
    affiliations: dict[str, str | None]  # memo for this article only (TextFacts.affiliations)

    def affiliation_of(self, name: str) -> str | None:
        if name not in self.affiliations:
            self.affiliations[name] = _affiliation_before(self.text, name)
        return self.affiliations[name]


def _person_mentions(text: str, names: dict[str, str], quoted: list[tuple[int, int]]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Where each known person is named outside quotations, in text order.

    `names` maps each way a person was written ("Abdel Mahdi") to the canonical key,
    so "Abu Mahdi" is not mistaken for "Adil Abdel Mahdi".
    """
    if not names:
        return (), ()
    # What re.finditer(r"\b(longest|…|shortest)\b") finds: at each offset the longest
    # name with word boundaries on both sides; the search resumes after a match.
    candidates = sorted(
        (start, -len(name), name)
        for name in names
        for start in _occurrences(text, name)
        if _at_word_boundary(text, start) and _at_word_boundary(text, start + len(name))
    )
    starts = [q[0] for q in quoted]
    positions: list[int] = []
    found: list[str] = []
    resume = 0
    for start, negative_length, name in candidates:
        if start < resume:
            continue
        resume = start - negative_length
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and quoted[k][0] <= start < quoted[k][1]:
            continue
        positions.append(start)
        found.append(names[name])
    return tuple(positions), tuple(found)


def _last_person_before(ctx: _Context, position: int, not_before: int = 0) -> str | None:
    k = bisect.bisect_left(ctx.mention_positions, position) - 1
    if k >= 0 and ctx.mention_positions[k] >= not_before:
        return ctx.mention_names[k]
    return None


def _statement_issuer(text: str, before: int, sentences: list[tuple[int, int]], sentence_index: int) -> _Subject | None:
    """Who issued "the statement": "X issued a statement" or "a statement by X" in the previous sentences."""
    for index in range(sentence_index, max(-1, sentence_index - 3), -1):
        s, e = sentences[index]
        e = min(e, before)
        for m in _STATEMENT_ISSUED.finditer(text, s, e):
            _, phrase = _walk_subject(text, s, m.start())
            if phrase:
                return analyse_subject(phrase)
        m = _STATEMENT_BY.search(text, s, e)
        if m:
            return analyse_subject(m.group("subj"))
    return None


def _resolve(subject: _Subject, cue_position: int, ctx: _Context, sentences: list[tuple[int, int]], sentence_index: int) -> tuple[str | None, bool, str | None]:
    """(speaker key, anonymous, affiliation) for a subject phrase."""
    if subject.name:
        key = canonical_name(subject.name, ctx.pool)
        return key, False, subject.affiliation or ctx.affiliation_of(key)
    if subject.refers_back:
        key = _last_person_before(ctx, cue_position)
        return key, False, (ctx.affiliation_of(key) if key else None)
    lowered = subject.phrase.lower()
    if lowered.endswith("statement") and not subject.institution or lowered in ("the statement", "a statement", "statement"):
        issuer = _statement_issuer(ctx.text, cue_position, sentences, sentence_index)
        if issuer is not None:
            if issuer.name:
                key = canonical_name(issuer.name, ctx.pool)
                return key, False, issuer.affiliation
            if issuer.institution:
                return issuer.institution, issuer.anonymous, issuer.affiliation
            return _strip_article(issuer.phrase), issuer.anonymous, None
        return None, False, None
    if subject.institution:
        return subject.institution if not subject.anonymous else _strip_article(subject.phrase), subject.anonymous, subject.affiliation
    return _strip_article(subject.phrase) if subject.phrase else None, subject.anonymous, None


def _strip_article(phrase: str) -> str:
    """ "the U.S. embassy" -> "U.S. embassy"; "A U.S. source" -> "a U.S. source"."""
    tokens = phrase.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    elif tokens and tokens[0].lower() in ("a", "an"):
        tokens[0] = tokens[0].lower()
    return " ".join(tokens)


_SIGNATURE = re.compile(r"[—–-]\s*(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s*\((?P<handle>@\w+)\)")
_BRACKETED = re.compile(r"\[[^\]]*\]")
_QUOTED_WORD = re.compile(r"[A-Za-z0-9@#]+(?:['’.\-][A-Za-z0-9]+)*")


def count_words(fragment: str) -> int:
    """Words the speaker said: editorial [insertions] left out."""
    return len(_QUOTED_WORD.findall(_BRACKETED.sub(" ", fragment) if "[" in fragment else fragment))


def _sentence_index(sentences: list[tuple[int, int]], starts: list[int], position: int) -> int:
    return max(0, bisect.bisect_right(starts, position) - 1)


_NAMED_SPEAKER = re.compile(rf"(?P<name>[A-Z](?<!\w[A-Z])[a-z][\w’'\-]*)\s+(?:{_ADVERBS}\s+)*(?:said|says|told|added|tweeted|wrote|warned|cautioned|claimed|insisted|stressed|emphasized|emphasised|noted|argued|declared|stated|urged|vowed)\b")
_NOT_A_NAME = TITLE_WORDS | INSTITUTION_WORDS | _FUNCTION_WORDS | ROLE_WORDS | _NOT_SUBJECT | frozenset(("iran", "iraq", "washington", "tehran", "baghdad"))


def _people_named(text: str) -> Iterator[str]:
    """People named outside quotation cues: "Haddad said", and titled names ("spokesman Omar Haddad", "Minister Ali Khan")."""
    for m in _NAMED_SPEAKER.finditer(text):
        word = _strip_possessive(m.group("name"))
        if word.lower() not in _NOT_A_NAME:
            yield word
    for m in _CAPITAL_RUN.finditer(text):
        start, run = m.start(), m.group()
        before = text[max(0, start - 16) : start].split()
        title_before = bool(before) and before[-1].lower() in PERSON_TITLES
        if not title_before and " " not in run:
            continue  # a lone capitalised word with no title before it names no one we can tell
        affiliation, name = _split_name([_strip_possessive(t) for t in run.split()])
        if name and (title_before or (bool(affiliation) and affiliation[-1].lower() in PERSON_TITLES)):
            yield " ".join(name)


class TextFacts:
    """What the quotation, attribution and number steps each work out from one article's text.

    Each fact is worked out on first use and kept, so steps given the same
    TextFacts share them: analyse_article passes one to find_quotations,
    find_attributions and find_numbers, which otherwise each split the text
    into sentences, look for the people it names and find the quotations' cues
    again. Every fact follows from `text` alone, so sharing changes no result;
    without one, each step makes its own.
    """

    def __init__(self, text: ArticleText) -> None:
        self.text = text
        self.affiliations: dict[str, str | None] = {}  # full name -> title before it, found on request
        self._cues: dict[_RawQuote, _Cue | None] = {}
        self._contexts: dict[tuple[_RawQuote, ...], tuple[_Context, list[_Cue | None]]] = {}

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return _all_sentences(self.text)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    @cached_property
    def pool(self) -> _NamePool:
        return _NamePool(self.text.text)

    @cached_property
    def people(self) -> dict[str, str]:
        """Each way a person is written outside quotation cues, to their full name."""
        names: dict[str, str] = {}
        for written in _people_named(self.text.text):
            if written not in names:
                key = canonical_name(written, self.pool)
                names[written] = key
                names.setdefault(key, key)
        return names

    def context(self, raws: list[_RawQuote]) -> tuple[_Context, list[_Cue | None]]:
        """_build_context for these quotations, built once: find_quotations and find_attributions
        usually ask for the same ones, and the person mentions it finds are a third of their cost."""
        key = tuple(raws)
        if key not in self._contexts:
            self._contexts[key] = _build_context(self, raws)
        return self._contexts[key]

    def cue(self, raw: _RawQuote) -> _Cue | None:
        """The cue that introduces a quotation, if any."""
        if raw not in self._cues:
            self._cues[raw] = _find_cue(self.text.text, raw, self.sentences, self.sentence_starts)
        return self._cues[raw]

    @classmethod
    def of(cls, text: ArticleText, facts: TextFacts | None) -> TextFacts:
        """The facts a step was given, checked to be of `text`; new ones if it was given none."""
        if facts is None:
            return cls(text)
        if facts.text != text:
            raise ValueError("these TextFacts are of another text")
        return facts


def _build_context(facts: TextFacts, raws: list[_RawQuote]) -> tuple[_Context, list[_Cue | None]]:
    """First pass: every quote's cue; the named people give the mention index for pronouns.

    A name maps to canonical_name(name) wherever it was found, so the people
    named in cues and elsewhere can be merged in any order."""
    cues = [facts.cue(raw) for raw in raws]
    names = dict(facts.people)
    for cue in cues:
        if cue and cue.subject.name:
            key = canonical_name(cue.subject.name, facts.pool)
            names[cue.subject.name] = names[key] = key
    text = facts.text.text
    positions, found = _person_mentions(text, names, [(r.start, r.end) for r in raws])
    return _Context(text, facts.pool, positions, found, facts.affiliations), cues


def _find_cue(text: str, raw: _RawQuote, sentences: list[tuple[int, int]], starts: list[int]) -> _Cue | None:
    if raw.block_quote:
        m = _SIGNATURE.search(text, raw.start, raw.end)
        if m:
            return _Cue(m.start(), m.end(), analyse_subject(m.group("name")), m.group().strip())
        return None
    end_index = _sentence_index(sentences, starts, raw.end)
    limit = sentences[end_index][1]
    if limit <= raw.end + 1 and text[raw.end - 1 : raw.end] in (",", "!", "?", "—") and end_index + 1 < len(sentences):
        limit = sentences[end_index + 1][1]
    cue = _cue_after(text, raw.end, limit)
    if cue is not None:
        return cue
    start_index = _sentence_index(sentences, starts, raw.start - 1)
    return _cue_before(text, sentences[start_index][0], raw.start - 1)


def find_quotations(text: ArticleText, facts: TextFacts | None = None) -> tuple[Quotation, ...]:
    """Every top-level direct quotation with its speaker, in text order.

    `facts`, if given, must be of this text; it is shared with later steps."""
    raws = _raw_quotations(text)
    if not raws:
        return ()
    body = text.text
    facts = TextFacts.of(text, facts)
    sentences, starts = facts.sentences, facts.sentence_starts
    ctx, cues = facts.context(raws)
    out: list[Quotation] = []
    previous: tuple[Quotation, int] | None = None  # the last quotation and its sentence index
    for raw, cue in zip(raws, cues):
        sentence_index = _sentence_index(sentences, starts, raw.start - 1)
        speaker, anonymous, affiliation, cue_text = None, False, None, ""
        if cue is not None:
            speaker, anonymous, affiliation = _resolve(cue.subject, cue.start, ctx, sentences, sentence_index)
            cue_text = cue.cue
        elif previous is not None and previous[1] >= sentence_index - 1 and previous[0].speaker and not is_scare_quote(previous[0], text):
            speaker, anonymous, affiliation = previous[0].speaker, previous[0].anonymous, previous[0].affiliation
            cue_text = "(continues the previous quotation)"
        elif sentence_index > 0 and not _QUOTED_WORD.search(body, sentences[sentence_index][0], max(sentences[sentence_index][0], raw.start - 1)):
            s, e = sentences[sentence_index - 1]
            speaker = _last_person_before(ctx, e, not_before=s)
            if speaker:
                affiliation = ctx.affiliation_of(speaker)
                cue_text = "(named in the previous sentence)"
        quotation = Quotation(
            start=raw.start,
            end=raw.end,
            text=body[raw.start : raw.end],
            speaker=speaker,
            anonymous=anonymous,
            cue=cue_text,
            words=count_words(body[raw.start : raw.end]),
            affiliation=affiliation,
        )
        out.append(quotation)
        previous = (quotation, _sentence_index(sentences, starts, raw.end))
    return tuple(out)


# ------------------------------------------------------------------ scare quotes

MAX_SCARE_QUOTE_WORDS = 4
_SENTENCE_PUNCT = re.compile(r"[.!?]$")
_CLAUSE_PUNCT = re.compile(r"[,.!?]$")
_INTRO_BEFORE = re.compile(rf"\b(?:{_VERB_ALT})(?:\s+(?:that|this))?\s*[,:]?\s*$")


def is_scare_quote(q: Quotation, text: ArticleText) -> bool:
    """A 1–4 word quotation used as a label inside the outlet's own sentence (rules in the module docstring)."""
    if not 1 <= q.words <= MAX_SCARE_QUOTE_WORDS:
        return False
    body = text.text
    inner = q.text.strip()
    if "\n" in inner:
        return False
    if inner[:1].isupper() and _CLAUSE_PUNCT.search(inner) and q.words > 1:
        return False
    if inner[:1].isupper() and _SENTENCE_PUNCT.search(inner) and q.words > 1 and not body[q.end + 1 : q.end + 2].isalnum():
        before = body[max(0, q.start - 3) : q.start - 1].strip()
        if before in ("", ".", ":", ",") or before.endswith((".", ":", ",")):
            return False
    sentence_start, sentence_end = _sentence_around(body, _block_of(text, q.start), q.start - 1, q.end + 1)
    before_text = body[sentence_start : q.start - 1]
    after_text = body[q.end + 1 : sentence_end]
    words_before = bool(_QUOTED_WORD.search(before_text))
    words_after = bool(_QUOTED_WORD.search(after_text))
    if not words_before and not words_after:
        return False
    if inner.endswith(",") and words_after and _cue_after(body, q.end, sentence_end) is not None:
        return False
    if _INTRO_BEFORE.search(before_text) and not words_after and (before_text.rstrip().endswith((",", ":")) or inner[:1].isupper()):
        return False
    if not words_before and _cue_after(body, q.end, sentence_end) is not None:
        return False
    return True


SENTENCE_WINDOW = 600
"""How far is_scare_quote looks for the ends of a quotation's sentence; keeps it linear on long paragraphs."""


def _sentence_around(body: str, block: tuple[int, int], open_mark: int, after_close: int) -> tuple[int, int]:
    """Start of the sentence holding the opening mark, end of the one holding the closing mark."""
    lo = max(block[0], open_mark - SENTENCE_WINDOW)
    before = sentence_bounds(body, lo, open_mark + 1)
    start = before[-1][0] if before else open_mark
    hi = min(block[1], after_close + SENTENCE_WINDOW)
    after = sentence_bounds(body, after_close - 1, hi)
    end = after[0][1] if after else after_close
    return start, end


def _block_of(text: ArticleText, position: int) -> tuple[int, int]:
    starts = [b.start for b in text.blocks]
    k = bisect.bisect_right(starts, position) - 1
    if k >= 0 and text.blocks[k].start <= position <= text.blocks[k].end:
        return text.blocks[k].start, text.blocks[k].end
    return 0, len(text.text)


def find_scare_quotes(text: ArticleText, quotations: tuple[Quotation, ...]) -> tuple[Match, ...]:
    """Scare quotes as lexicon-style matches; the span includes the quote marks.

    Only quotations closed by a mark count: an unclosed quote at the end of a text has no closing mark to include."""
    marks = "\"“”‘’«»"
    return tuple(
        Match(start=q.start - 1, end=q.end + 1, entry="scare-quote", category="scare_quotes")
        for q in quotations
        if q.start >= 1 and q.end < len(text.text) and text.text[q.start - 1] in marks and text.text[q.end] in marks and is_scare_quote(q, text)
    )


# ------------------------------------------------------------- indirect sources

_SAID_SAYS_TOLD = re.compile(r"(?:said|says|told)\b")
"""Without a leading \\b, which find_attributions tests itself: see _ACCORDING."""


def find_attributions(text: ArticleText, quotations: tuple[Quotation, ...] = (), facts: TextFacts | None = None) -> tuple[Attribution, ...]:
    """Sources outside direct quotations: "X told AFP", "according to X", "X said (that)".

    Why: much reporting is indirect speech, and named versus anonymous sourcing
    is about those attributions as much as about direct quotations.
    `facts`, if given, must be of this text (see TextFacts).
    """
    body = text.text
    facts = TextFacts.of(text, facts)
    sentences, starts = facts.sentences, facts.sentence_starts
    if quotations:
        quoted = sorted((q.start, q.end) for q in quotations)
    else:
        quoted = [(r.start, r.end) for r in _raw_quotations(text)]
    qstarts = [s for s, _ in quoted]
    ctx, _ = facts.context([_RawQuote(s, e) for s, e in quoted])

    def inside_quote(position: int) -> bool:
        k = bisect.bisect_right(qstarts, position) - 1
        return k >= 0 and quoted[k][0] <= position < quoted[k][1]

    def sentence_has_quote(k: int) -> bool:
        s, e = sentences[k]
        j = bisect.bisect_left(qstarts, e) - 1
        return j >= 0 and quoted[j][1] >= s

    found: list[Attribution] = []
    for m in _SAID_SAYS_TOLD.finditer(body):
        if not _at_word_boundary(body, m.start()):
            continue  # the tail of a longer word, which no match can start inside
        k = _sentence_index(sentences, starts, m.start())
        if inside_quote(m.start()) or sentence_has_quote(k):
            continue
        start, phrase = _walk_subject(body, sentences[k][0], m.start())
        if not phrase:
            continue
        subject = analyse_subject(phrase)
        speaker, anonymous, affiliation = _resolve(subject, start, ctx, sentences, k)
        end = m.end()
        told = _TOLD.match(body, m.start())
        if told:
            end = told.end()
        found.append(Attribution(start, end, speaker, anonymous, body[start:end], affiliation))
    for m in _STATEMENT_BY.finditer(body):
        if inside_quote(m.start()):
            continue
        subject = analyse_subject(m.group("subj"))
        k = _sentence_index(sentences, starts, m.start())
        speaker, anonymous, affiliation = _resolve(subject, m.start(), ctx, sentences, k)
        found.append(Attribution(m.start(), m.end(), speaker, anonymous, body[m.start() : m.end()], affiliation))
    for m in _ACCORDING.finditer(body):
        if inside_quote(m.start()):
            continue
        rest = m.group("rest").strip()
        phrase = ((m.group("subj") or "") + rest).strip()
        subject = analyse_subject(phrase)
        k = _sentence_index(sentences, starts, m.start())
        speaker, anonymous, affiliation = _resolve(subject, m.start(), ctx, sentences, k)
        found.append(Attribution(m.start(), m.end(), speaker, anonymous, body[m.start() : m.end()].strip(), affiliation))
    return tuple(sorted(found, key=lambda a: a.start))
