"""Numeric claims: numbers with what they count, so outlets can be compared.

Why: "eight rockets" in one outlet and "more than 22 rockets" in another is a
disagreement a reader should see; to compare them, both are normalised to a value,
a qualifier and a lower-case plural noun phrase ("rockets").

Rules
- Digits ("5,000", "7.5", "$7 TRILLION", "19 million") and number words
  ("eight", "twenty-five", "a dozen") alike; a scale word multiplies.
- Qualifiers before the number: more than/over -> more_than; at least/no fewer
  than -> at_least; some/about/around/nearly/almost/roughly -> about; fewer/less
  than/under -> fewer_than; at most/no more than/up to -> at_most.
- "Three out of five rockets" gives two claims, 3 and 5, both counting rockets.
- What is counted: the words after the number, up to the first plural noun (for
  numbers above one), a function word, a verb-like -ed/-ing word or punctuation;
  at most four words. Currency signs count "us dollars", "euros", "pounds".
  A number with nothing counted is not a claim ("one of the founders").
- "two dozen" is 24 and "half a dozen" 6; "dozens", "a handful" and "hundreds of" are not numbers.
- Not claims: years (a four-digit number from 1800 to 2100 without a comma is a year, as news
  style writes counts of that size with one: "2020 candidates" are the 2020 election's), dates
  ("January 20", "20 January", "April 2019"), times ("7:30 p.m.", "1630 GMT"), ages ("70 years
  old", "aged 70"), ranks ("No. 2 House Republican", "number two"), fractions and slashed dates
  ("9/11"), ordinals ("2nd", "second"), numbers glued to a word or an apostrophe ("Covid-19",
  "#1", "F-35", "'16"), number words capitalised inside a sentence ("Air Force One"), relative
  times ("one year later"), idioms with "one" ("at one point", "one day"), and page furniture:
  a short paragraph without a sentence end ("9 Images") or a counted noun written with a capital
  outside the headline ("12 Photos").
- What is counted must be a noun: for numbers above one the words after it up to the first plural
  noun ("three laid" and "20 conference" count nothing, so they are no claims).
- Voice: "quotation" inside a quotation from `find_quotations`, "headline" before
  `headline_end`, otherwise "narration".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import ahocorasick

from generator.analysis.number_words import (
    CURRENCY,
    SCALES,
    TENS,
    UNITS,
    is_plural,
    pluralise,
    value_of,
)
from generator.analysis.results import ArticleText, NumericClaim, Quotation
from generator.analysis.text.sentences import Sentences, article_sentences
from generator.analysis.text.wordlists import MONTH_ABBREVIATIONS, MONTHS, STOP_WORDS

_QUALIFIERS = (
    ("more_than", r"more\s+than|over|upwards\s+of|in\s+excess\s+of"),
    ("at_least", r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of"),
    ("fewer_than", r"fewer\s+than|less\s+than|under"),
    ("at_most", r"at\s+most|no\s+more\s+than|up\s+to|a\s+maximum\s+of"),
    ("about", r"some|about|around|roughly|approximately|nearly|almost|an\s+estimated|close\s+to|estimated"),
)
_WORD_NUMBER = (
    r"(?:" + "|".join(TENS) + r")(?:-(?:" + "|".join(list(UNITS)[:9]) + r"))?"
    r"|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r"|a\s+dozen|dozen"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DIGIT_NUMBER = re.compile(r"(?P<num>\d\d*(?:,\d{3})*(?:\.\d+)?)(?![\w/:%-]|[.,]\d)")
"""Starts with one digit (\\d\\d*, not \\d+) so `re` can skip ahead to the next digit quickly; a
currency sign is read from the character before."""
_WORD_NUMBER_RE = re.compile(r"\b(?P<num>" + _WORD_NUMBER + r")\b")
"""Run over the lower-cased text: a case-insensitive alternation is slow in `re`."""
_WORD_NUMBER_ANY_CASE = re.compile(r"\b(?P<num>" + _WORD_NUMBER + r")\b", re.IGNORECASE)


def _word_finder(words: list[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


_NUMBER_WORD_FINDER = _word_finder([*TENS, *UNITS, "dozen"])
"""Finds every place a number word starts in one pass (see _word_numbers); built once, never changed."""
_A_DOZEN = re.compile(r"a\s+dozen")
_DOZEN_AFTER = re.compile(r"\s+(?i:dozen)\b")
_HALF_BEFORE = re.compile(r"(?i:\bhalf\s+)$")
_GLUED_BEFORE = frozenset("/#@:.,-_'’")
_QUALIFIER_BEFORE = re.compile(
    r"(?i:\b(?:" + "|".join(f"(?P<q_{name}>{alts})" for name, alts in _QUALIFIERS) + r"))\s+$"
)
_QUALIFIER_ENDINGS = tuple(sorted({re.split(r"\\s\+", alt)[-1] for _, alts in _QUALIFIERS for alt in alts.split("|")}))
"""The last word of every qualifier ("than", "least", "about"): before a number, a qualifier ends in one."""
_SCALE_AFTER = re.compile(r"\s+(?P<scale>(?i:hundred|thousand|million|billion|trillion))\b")
_PERCENT_AFTER = re.compile(r"\s*%|\s+(?i:per\s*cent|percent)\b")


@dataclass(frozen=True)
class _Number:
    """A number found in the text, before deciding whether it is a claim."""

    start: int  # where the claim's surface begins (qualifier or currency sign)
    num_start: int
    end: int  # after any scale word or percent sign
    num: str
    currency: str
    scale: str
    percent: bool
    qualifier: str
    multiplier: float = 1.0  # 12 for "two dozen", 0.5 for "half a dozen"


def _numbers_in(text: str) -> list[_Number]:
    """Digit and word numbers with their qualifier, scale and percent, in text order."""
    lowered = text.lower()
    if len(lowered) == len(text):
        word_matches = _word_numbers(lowered)
    else:
        word_matches = list(_WORD_NUMBER_ANY_CASE.finditer(text))
    found: list[_Number] = []
    taken = 0  # the end of the last number: "dozen" of "two dozen" is not another
    for m in sorted([*_DIGIT_NUMBER.finditer(text), *word_matches], key=lambda m: m.start()):
        first = m.start()
        if first < taken:
            continue
        currency = ""
        if m.re is _DIGIT_NUMBER and first > 0 and text[first - 1] in "$€£":
            currency = text[first - 1]
            first -= 1
        if first > 0 and (text[first - 1].isalnum() or text[first - 1] in _GLUED_BEFORE):
            continue
        num = text[m.start("num") : m.end("num")]
        end = m.end()
        multiplier = 1.0
        dozen = None if num.lower().endswith("dozen") else _DOZEN_AFTER.match(text, end)
        if dozen:
            multiplier, end = 12.0, dozen.end()
        elif num.lower().startswith("a") and (half := _HALF_BEFORE.search(text, max(0, first - 8), first)):
            multiplier, first = 0.5, half.start()
        scale = _SCALE_AFTER.match(text, end)
        if scale:
            end = scale.end()
        percent = _PERCENT_AFTER.match(text, end)
        if percent:
            end = percent.end()
        qualifier = _qualifier_before(text, first)
        found.append(
            _Number(
                start=qualifier.start() if qualifier else first,
                num_start=m.start("num"),
                end=end,
                num=num,
                currency=currency,
                scale=scale.group("scale").lower() if scale else "",
                percent=bool(percent),
                qualifier=next((name for name, _ in _QUALIFIERS if qualifier.group(f"q_{name}")), "exact") if qualifier else "exact",
                multiplier=multiplier,
            )
        )
        taken = end
    return found


def _qualifier_before(text: str, first: int) -> re.Match[str] | None:
    """_QUALIFIER_BEFORE.search before `first`, searched only where the words before end in a qualifier's last
    word: most numbers have no qualifier, and the case-insensitive alternation is tried at every position. The
    test lower-cases only ASCII text, where it agrees with the pattern's case-insensitive matching."""
    window = text[max(0, first - 30) : first]
    if window.isascii() and not window.rstrip().lower().endswith(_QUALIFIER_ENDINGS):
        return None
    return _QUALIFIER_BEFORE.search(text, max(0, first - 30), first)


def _word_numbers(lowered: str) -> list[re.Match[str]]:
    """What _WORD_NUMBER_RE.finditer(lowered) finds, faster.

    The pattern starts with \\b, so `re` tries it at every character. A match can
    only start where a number word or "a … dozen" does, so it is tried at just
    those places, in order, resuming after each match as finditer does."""
    starts = {end - length + 1 for end, length in _NUMBER_WORD_FINDER.iter(lowered)}
    if "dozen" in lowered:
        starts.update(m.start() for m in _A_DOZEN.finditer(lowered))
    found: list[re.Match[str]] = []
    resume = 0
    for start in sorted(starts):
        if start >= resume and (m := _WORD_NUMBER_RE.match(lowered, start)):
            found.append(m)
            resume = m.end()
    return found


_OUT_OF = re.compile(r"\s+(?:out\s+of|of\s+the)\s+(?P<num>" + _DIGITS + r"|(?i:" + _WORD_NUMBER + r"))\b", re.IGNORECASE)
_MONTHS = "|".join(MONTHS + MONTH_ABBREVIATIONS)
_MONTH_BEFORE = re.compile(r"(?i:\b(?:" + _MONTHS + r")\.?)\s+$")
_MONTH_AFTER = re.compile(r"\s+(?i:(?:" + _MONTHS + r")\b)")
_TIME_AFTER = re.compile(r"\s*(?i:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|hrs\b|hours\s+gmt|o'clock|o’clock)")
_RELATIVE_TIME = re.compile(r"\s+(?i:(?:days?|weeks?|months?|years?|decades?)\s+(?:later|ago|earlier|before|after|on))\b")
_ONE_BEFORE = re.compile(r"(?i:\b(?:no|any|every|each|the|this|that|which|another|someone|one|at)\s+)$")
_ONE_IDIOMS = frozenset("point points time times day days way ways thing things side sides hand hands another moment stage".split())
"""Nouns after "one" that make an idiom ("at one point", "one day", "one way or another"), not a count."""
_RANK_BEFORE = re.compile(r"(?i:\b(?:no|nos|number|rank|ranked)\.?\s+)$")
_AGE_BEFORE = re.compile(r"(?i:\b(?:aged|age|ages)\s+)$")
_AGE_AFTER = re.compile(r"(?i:[\s-]+years?[\s-]+old\b)")
_FURNITURE_WORDS = 5
"""A paragraph of at most this many words and no sentence end is page furniture ("9 Images", "Photo 3 of 12")."""
_SENTENCE_END = ".!?:;”\"’)"
_FURNITURE_NOUNS = frozenset("images photos photographs pictures videos slides comments shares likes views items pages".split())
"""Counted nouns that, written with a capital ("9 Images"), are a web page's counters, not the story's."""
_UNIT_WORDS = frozenset("km kg mph kph lb lbs ft mi cm mm".split())
"""Abbreviated units, counted though they are not plural nouns."""
_LABEL_BEFORE = re.compile(r"(?<=[\w,;] )(?P<word>[A-Z][A-Za-z-]*) $")
_COUNTED_TOKEN = re.compile(r"[^\S\n]+(?P<word>[A-Za-z][\w’'-]*)")
"""A word after spaces on the same line: what a number counts never continues past a line break."""
_STOP_WORDS = frozenset(
    "of in on at to from for with by that which who whom whose were was is are be been being have has had "
    "will would could should can may might must did do does and or but nor as than into onto per including "
    "near during after before since about against across over under within without the a an their his her "
    "its our your my this these those out up down off more less most least other another such so if when "
    "while where there here then also only just even still again single not never because though although "
    "unless whether until whereas fewer greater larger smaller".split()
) | STOP_WORDS
_MAX_COUNTED_WORDS = 4
_POSSESSIVE_S = re.compile(r"[’']s$")


def _counted(text: str, position: int, singular: bool, qualified: bool = False) -> tuple[str, int]:
    """The noun phrase counted after `position`, normalised, and where it ends. An unqualified "one"
    before two lower-case words ("one case officer") counts nothing sure."""
    words: list[str] = []
    end = position
    while m := _COUNTED_TOKEN.match(text, end):  # match, not finditer: nothing beyond the phrase is read
        word = m.group("word")
        lowered = word.lower().replace("’", "'")
        if lowered in _STOP_WORDS:
            break
        if words and (lowered.endswith("ed") or lowered.endswith("ing") or lowered.endswith("ly")):
            break
        if not words and (lowered.endswith("ing") or lowered.endswith("ly") or (singular and lowered.endswith("ed"))):
            break
        if singular and words and words[-1][0].islower():
            if not qualified and word[0].islower() and not lowered.endswith(("s", "ed")):
                return "", position  # "one case officer": the noun goes on past the word taken
            break
        words.append(word)
        end = m.end()
        if (not singular and is_plural(word)) or len(words) == _MAX_COUNTED_WORDS:
            break
    if not words:
        return "", position
    if not singular and not is_plural(words[-1]) and words[-1].lower() not in _UNIT_WORDS:
        return "", position  # no plural noun: "three laid", "20 conference" count nothing
    if singular and (words[-1][0].isupper() or is_plural(words[-1])):
        return "", position  # "One Club", "one Graham", "one adds": a name or a verb, not one thing
    lowered_words = [_POSSESSIVE_S.sub("", w).lower() for w in words]
    lowered_words[-1] = pluralise(lowered_words[-1])
    return " ".join(lowered_words), end


def _skip(text: str, n: _Number) -> bool:
    """Dates, times, years, ages, ranks, labels and relative times are not claims."""
    number, start, end = n.num, n.num_start, n.end
    if _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end):
        return True
    if _TIME_AFTER.match(text, end) or _RELATIVE_TIME.match(text, end) or _AGE_AFTER.match(text, end):
        return True
    if number.isdigit() and len(number) == 4 and 1800 <= int(number) <= 2100 and not n.currency:
        return True
    if _RANK_BEFORE.search(text, max(0, start - 10), start) or _AGE_BEFORE.search(text, max(0, start - 8), start):
        return True
    label = _LABEL_BEFORE.search(text, max(0, start - 40), start)
    if label and n.qualifier == "exact" and not n.currency and label.group("word").lower() not in _STOP_WORDS:
        return True  # "Attribution 4.0", "Boeing 737": a label's number, not a count
    if number.lower() == "one" and n.qualifier == "exact" and _ONE_BEFORE.search(text, max(0, start - 12), start):
        return True
    return False


def _not_a_count(written: str, counted: str, value: float, n: _Number, headline: bool) -> bool:
    """An idiom with "one" ("at one point"), a page's counter ("9 Images", "12 Photos"), or "One" before a
    capitalised word in a title-case headline ("One Debate Answer"): not a count."""
    head = counted.split()[-1]
    if value == 1 and n.qualifier == "exact" and n.multiplier == 1 and head in _ONE_IDIOMS:
        return True
    words = written.split()
    if not words or not words[-1][0].isupper():
        return False
    return head in _FURNITURE_NOUNS or (headline and value == 1)


def _voice(position: int, text: ArticleText, quote_starts: list[int], quotations: tuple[Quotation, ...]) -> str:
    if position < text.headline_end:
        return "headline"
    k = bisect.bisect_right(quote_starts, position) - 1
    if k >= 0 and quotations[k].start <= position < quotations[k].end:
        return "quotation"
    return "narration"


def find_numbers(text: ArticleText, quotations: tuple[Quotation, ...], sentences: Sentences | None = None) -> tuple[NumericClaim, ...]:
    """Every numeric claim in the article, in text order.

    `sentences`, if given, are the article's (`article_sentences(text)`), shared with the other steps."""
    body = text.text
    ordered = tuple(sorted(quotations, key=lambda q: q.start))
    quote_starts = [q.start for q in ordered]
    if sentences is None:
        sentences = article_sentences(text)

    def sentence_of(position: int) -> str:
        if not sentences.starts or position < sentences.starts[0]:
            return ""
        start, end = sentences[sentences.index(position)]
        return body[start:end].strip()

    block_starts = [block.start for block in text.blocks]
    furniture_blocks: dict[int, bool] = {}  # each block is read once, however many numbers it holds

    def furniture(position: int) -> bool:
        """In a short paragraph with no sentence end: a caption, a counter, a button."""
        k = bisect.bisect_right(block_starts, position) - 1
        if k < 0 or text.blocks[k].kind != "paragraph":
            return False
        if k not in furniture_blocks:
            start, end = text.blocks[k].start, text.blocks[k].end
            short = end - start <= 80 and len(body[start:end].split()) <= _FURNITURE_WORDS
            furniture_blocks[k] = short and not body[start:end].rstrip().endswith(tuple(_SENTENCE_END))
        return furniture_blocks[k]

    def opens_sentence(position: int) -> bool:
        """At a sentence's start, or after a dateline's dash or a colon ("PORT ALDER (CW) — Six workers")."""
        if not sentences.starts:
            return True
        start = max(sentences[sentences.index(position)][0], position - 12)  # only the marks right before are read
        before = body[start:position].rstrip(" \t“\"‘'([")
        return (not before and start == sentences[sentences.index(position)][0]) or before.endswith(("—", "–", "--", ":"))

    claims: list[NumericClaim] = []
    consumed = 0  # end of an "N out of M" pair, whose M is already a claim
    for n in _numbers_in(body):
        if n.start < consumed or _skip(body, n):
            continue
        headline = n.num_start < text.headline_end
        if not headline and (furniture(n.num_start) or (n.num[0].isupper() and not opens_sentence(n.start))):
            continue  # page furniture, or a number word inside a name ("Air Force One")
        value = value_of(n.num) * n.multiplier
        if n.scale:
            value *= SCALES[n.scale]
        claim_end = n.end
        out_of = _OUT_OF.match(body, claim_end)
        total: tuple[float, int] | None = None
        if out_of:
            total = (value_of(out_of.group("num")), out_of.start("num"))
            claim_end = out_of.end()
        if n.percent:
            counted, counted_end = "percent", claim_end
        else:
            counted, counted_end = _counted(body, claim_end, value == 1 and total is None, n.qualifier != "exact")
            if n.currency:
                currency_name = CURRENCY[n.currency]
                if counted in ("", "dollars"):
                    counted, counted_end = currency_name, (n.end if not counted else counted_end)
        if not counted or _not_a_count(body[claim_end:counted_end], counted, value, n, headline):
            continue
        voice = _voice(n.num_start, text, quote_starts, ordered)
        sentence = sentence_of(n.num_start)
        claims.append(NumericClaim(n.start, counted_end, body[n.start : counted_end], value, n.qualifier, counted, sentence, voice))
        if total is not None:
            consumed = counted_end
            claims.append(
                NumericClaim(total[1], counted_end, body[total[1] : counted_end], total[0], "exact", counted, sentence, voice)
            )
    return tuple(claims)
def confident(claim: NumericClaim) -> bool:
    """Whether a claim is sure enough to compare across outlets: a figure above one or a qualified one,
    counting a lower-case plural noun phrase (or a currency or a share). "One" is as often a pronoun or
    an idiom as a count, so an unqualified one is never compared."""
    if claim.value == 1 and claim.qualifier == "exact":
        return False
    return claim.counted in ("percent", *CURRENCY.values()) or bool(claim.counted.split())

