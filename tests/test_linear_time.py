"""Every per-article analyser takes time linear in the article's length, on pathological text too.

Each case builds an article body of n, 2n and 4n characters from one repeated
pattern (runs of punctuation, numbers, names, quotation marks, long paragraphs
with no sentence end) and times each analyser on it in CPU time. Doubling the
length must at most about double the time: the tests assert a ratio (below 3 per
doubling), never a time, and only once a run is long enough to measure.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable
from itertools import product
from pathlib import Path

import pytest
import yaml

from generator.analysis.actors import actor_namings
from generator.analysis.article import analyse_article, count_spans, framing_spans
from generator.analysis.matcher import compile_matcher
from generator.analysis.numbers import find_numbers
from generator.analysis.quotations import TextFacts, find_attributions, find_quotations, find_scare_quotes
from generator.analysis.readability import measure_readability
from generator.analysis.rights import choose_excerpts
from generator.analysis.text import locate_tokens
from generator.analysis.text.sentences import article_sentences
from generator.analysis.text.tokens import count_words
from generator.lexicon import load_lexicon
from generator.markdown import parse
from generator.model import ActorAlias, Article, Event, PublishingPolicy

CONTENT = Path(__file__).resolve().parent.parent / "content"
SIZE = 20_000
"""n, in characters: 2n and 4n are timed too."""
MAX_RATIO = 3.0
"""Per doubling of the length, on average over the two doublings (a quadratic step gives 4)."""
MAX_STEP_RATIO = 4.5
"""For either doubling alone: one noisy measurement may exceed MAX_RATIO, no linear step exceeds this."""
FLOOR = 0.02
"""Seconds: a run shorter than this is measured as this long, so timer noise on quick runs never fails a test."""

SURNAMES = ["".join(letters) + "an" for letters in product("BDGKLMRSTVZ", "aeiou", "dklmnrst")]
CASES: dict[str, Callable[[int], str]] = {
    "exclamation marks": lambda n: "It fell " + "!" * n,
    "full stops and question marks": lambda n: "It fell " + "?!." * (n // 3),
    "numbers": lambda n: "1 " * (n // 2),
    "one name repeated": lambda n: "Donald Trump " * (n // 13),
    "many names": lambda n: " ".join(f"{SURNAMES[i % len(SURNAMES)]} {SURNAMES[i * 7 % len(SURNAMES)]} said." for i in range(n // 22)),
    "hyphenated capitals": lambda n: "Aa-" * (n // 3),
    "a mention inside a hyphenated word": lambda n: "Donald Trump praised the anti-Trump. " * (n // 37),
    "straight scare quotes": lambda n: 'the "regime" ' * (n // 13),
    "curly scare quotes": lambda n: "the “regime” " * (n // 13),
    "opening marks": lambda n: "“" * n,
    "quotations with cues": lambda n: "“Yes,” Ali said " * (n // 16),
    "statements": lambda n: "“Yes,” the statement said " * (n // 26),
    "participles": lambda n: "Ali Baba was calling “x” " * (n // 25),
    "unclosed brackets in a quotation": lambda n: "“" + "[a " * (n // 3) + "”",
    "a paragraph with no sentence end": lambda n: "the word " * (n // 9),
    "a long run of capitals before a cue": lambda n: "Aa " * (n // 3) + "said “x”",
    "paragraphs of quotations": lambda n: "“No” is what Ali said.\n\n" * (n // 24),
    "colons before quotations": lambda n: "Ali: “x” " * (n // 9),
    "nouns of speech before quotations": lambda n: "Ali's pledge of “x” " * (n // 20),
    "pronoun cues after two names": lambda n: "Ali Baba met Omar Khan and “x,” he said " * (n // 40),
}


@pytest.fixture(scope="module")
def matcher():
    files = yaml.safe_load((CONTENT / "site.yaml").read_text(encoding="utf-8"))["lexicon"]
    lexicon, problems = load_lexicon(CONTENT, files)
    assert lexicon is not None, problems
    return compile_matcher(lexicon), lexicon


def _article(slug: str, outlet: str, body: str) -> Article:
    return Article(slug=slug, title="Headline", outlet=outlet, published=dt.date(2020, 1, 1), event="e",
                   body=body, path="", body_line=1)


def _cpu(run: Callable[[], object]) -> float:
    """The lesser CPU time of two runs, with the garbage collector held off."""
    gc.collect()
    gc.disable()
    try:
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
        return best
    finally:
        gc.enable()


def _timings(body: str, matcher_and_lexicon) -> dict[str, float]:
    """CPU seconds each analyser takes on `body`; what an analyser reads is prepared outside its timer."""
    matcher, lexicon = matcher_and_lexicon
    text = locate_tokens("Headline", parse(body))
    facts = TextFacts(text)
    times = {
        "sentences": _cpu(lambda: article_sentences(text)),
        "words": _cpu(lambda: count_words(text.text)),
        "quotations": _cpu(lambda: find_quotations(text, TextFacts(text))),
    }
    quotations = find_quotations(text, facts)
    spans = framing_spans(text, matcher, quotations, facts)
    times["scare quotes"] = _cpu(lambda: find_scare_quotes(text, quotations, facts.sentences))
    times["framing"] = _cpu(lambda: framing_spans(text, matcher, quotations, facts))
    times["attributions"] = _cpu(lambda: find_attributions(text, quotations, TextFacts(text)))
    times["numbers"] = _cpu(lambda: find_numbers(text, quotations, facts.sentences))
    times["readability"] = _cpu(lambda: measure_readability(text.text[text.headline_end :]))
    times["counts"] = _cpu(lambda: count_spans(text, spans, quotations, ("loaded_labels",)))
    categories = tuple(c.id for c in lexicon.categories)
    articles = [_article("a", "one", body), _article("b", "two", body)]
    analysis = analyse_article(articles[0], matcher, lexicon.version, categories, step_budget=None)
    assert not analysis.failures
    analyses = {"a": analysis, "b": analysis}  # the same text: only the slugs differ
    times["excerpts"] = _cpu(lambda: choose_excerpts(analyses["a"], PublishingPolicy()))
    event = Event("e", "Event", "Summary", "Description", actors=(ActorAlias("Donald Trump", ("Trump",)),))
    times["actors"] = _cpu(lambda: actor_namings(event, articles, analyses, ["one", "two"]))
    return times


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_doubling_the_text_at_most_about_doubles_each_analysers_time(case: str, matcher) -> None:
    sizes = (SIZE, 2 * SIZE, 4 * SIZE)
    runs = [_timings(CASES[case](size), matcher) for size in sizes]
    slow = {}
    for name in runs[0]:
        seconds = [max(run[name], FLOOR) for run in runs]
        steps = [later / earlier for earlier, later in zip(seconds, seconds[1:])]
        if (seconds[2] / seconds[0]) ** 0.5 > MAX_RATIO or max(steps) > MAX_STEP_RATIO:
            slow[name] = [round(run[name], 3) for run in runs]
    assert not slow, f"superlinear on {case!r} (CPU seconds at {sizes} characters): {slow}"
