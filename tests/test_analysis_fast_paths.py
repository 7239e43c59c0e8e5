"""Fast paths in the per-article analysis, held to the plain versions they replace.

Each test draws odd texts (Unicode, apostrophes of both kinds, hyphens, digits,
newlines, empty strings) and compares the quick answer with the obvious one, so
a shortcut that diverges on some input fails here.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis import quotations, readability

PIECES = [
    "a", "Iran", "said", "U.S.", "don't", "Iran's", "Iran’s", "boys'", "'s", "’s", "'", "’", "-", "co-op", "7", "1,200",
    "é", "İ", "ǅ", "😀", "_", ".", ",", "!", "?", "“", "”", '"', " ", "  ", "\n", "\t", "\u00a0", "\u0301",
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=40)
SETTINGS = settings(max_examples=400, deadline=None)


@SETTINGS
@given(texts)
def test_strip_possessive_equals_the_pattern(token: str) -> None:
    assert quotations._strip_possessive(token) == quotations._POSSESSIVE_END.sub("", token)


@SETTINGS
@given(texts)
def test_more_than_two_words_equals_removing_punctuation(sentence: str) -> None:
    assert readability._more_than_two_words(sentence) == (len(readability._remove_punctuation(sentence).split()) > 2)


def _walk_subject_plainly(text: str, begin: int, verb_start: int) -> tuple[int, str]:
    """_walk_subject as it was: every token of the window with its offset, walked back from the verb."""
    q = quotations
    window_start = max(begin, verb_start - 200)
    tokens = [(m.start() + window_start, m.group()) for m in q._TOKEN.finditer(text[window_start:verb_start])]
    while tokens and tokens[-1][1].lower() in q._SKIPPED_BEFORE_VERB:
        tokens.pop()
    if tokens and tokens[-1][1].lower() in q.PRONOUNS:
        return tokens[-1][0], tokens[-1][1]
    taken: list[tuple[int, str]] = []
    for position, (offset, token) in enumerate(reversed(tokens)):
        lower = token.lower().rstrip(".") if not token.endswith("S.") else token.lower()
        plain = lower.strip("()[]")
        if plain in q._NOT_SUBJECT or token in (",", ";", ":", "“", "”", '"'):
            break
        if plain in q._DETERMINERS:
            previous_in_text = tokens[len(tokens) - position - 2][1].lower() if len(tokens) - position - 2 >= 0 else ""
            if taken and previous_in_text in ("of", "for") and plain == "the":
                taken.append((offset, token))
                continue
            if taken:
                taken.append((offset, token))
            break
        if plain in q._CONNECTORS and taken:
            taken.append((offset, token))
            continue
        if (q._is_capitalised(token) or plain in q.ROLE_WORDS or plain in q.TITLE_WORDS or plain in q._NAME_PARTICLES
                or plain.startswith("al-") or (taken and q._POSSESSIVE.search(token))):
            if token.endswith(".") and not q._INITIAL_DOT.search(token) and taken:
                break
            taken.append((offset, token))
            continue
        break
    while taken and taken[-1][1].lower() in q._CONNECTORS:
        taken.pop()
    if not taken:
        return verb_start, ""
    start = taken[-1][0]
    end = taken[0][0] + len(taken[0][1])
    return start, text[start:end].strip().rstrip(",")


SUBJECT_PIECES = [
    "the", "The", "a", "an", "of", "for", "and", "&", "U.S.", "Mr.", "A.", "Foreign", "Ministry", "spokesman", "Saeed",
    "Khatibzadeh", "Iran's", "Iran’s", "al-Sadr", "bin", "(AP)", "[Reuters]", "he", "she", "they", "also", "then",
    "once", "however", "Monday", "officials", "said", "x", ",", ";", ":", "“", "”", '"', "é", "İ", "😀", "-", "'",
]
subject_texts = st.lists(st.sampled_from(SUBJECT_PIECES) | st.text(max_size=3), max_size=40).flatmap(
    lambda words: st.sampled_from([" ", "  ", "\n", "\u00a0", ""]).map(lambda gap: gap.join(words))
)


@settings(max_examples=600, deadline=None)
@given(subject_texts, st.integers(0, 300), st.integers(0, 300))
def test_walk_subject_equals_the_plain_walk(text: str, begin: int, verb_start: int) -> None:
    verb_start = min(verb_start, len(text))
    begin = min(begin, verb_start)
    assert quotations._walk_subject(text, begin, verb_start) == _walk_subject_plainly(text, begin, verb_start)
