"""Every per-article analyser takes time linear in the article's length, on pathological text too.

Each case builds an article body of n, 2n and 4n characters from one repeated
pattern (runs of punctuation, numbers, names, quotation marks, long paragraphs
with no sentence end) and times each analyser on it in CPU time. Doubling the
length must at most about double the time: the tests assert a ratio (below 3 per
doubling), never a time, and only once a run is long enough to measure. Least
times over interleaved rounds, with more rounds before a failure, keep a burst of
load on a shared machine from failing the test.
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
ROUNDS = 2
"""Each analyser runs this often at every size; its least time at each size counts."""
CONFIRMING_ROUNDS = 4
"""More rounds for an analyser that looked superlinear: a burst of load on a shared machine slows some runs, never all."""

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
    """The CPU time of one run."""
    start = time.process_time()
    run()
    return time.process_time() - start


def _runs(body: str, matcher_and_lexicon) -> dict[str, Callable[[], object]]:
    """Each analyser as a call on `body`; what an analyser reads is prepared here, outside its timer."""
    matcher, lexicon = matcher_and_lexicon
    text = locate_tokens("Headline", parse(body))
    facts = TextFacts(text)
    quotations = find_quotations(text, facts)
    spans = framing_spans(text, matcher, quotations, facts)
    categories = tuple(c.id for c in lexicon.categories)
    articles = [_article("a", "one", body), _article("b", "two", body)]
    analysis = analyse_article(articles[0], matcher, lexicon.version, categories, step_budget=None)
    assert not analysis.failures
    analyses = {"a": analysis, "b": analysis}  # the same text: only the slugs differ
    event = Event("e", "Event", "Summary", "Description", actors=(ActorAlias("Donald Trump", ("Trump",)),))
    return {
        "sentences": lambda: article_sentences(text),
        "words": lambda: count_words(text.text),
        "quotations": lambda: find_quotations(text, TextFacts(text)),
        "scare quotes": lambda: find_scare_quotes(text, quotations, facts.sentences),
        "framing": lambda: framing_spans(text, matcher, quotations, facts),
        "attributions": lambda: find_attributions(text, quotations, TextFacts(text)),
        "numbers": lambda: find_numbers(text, quotations, facts.sentences),
        "readability": lambda: measure_readability(text.text[text.headline_end :]),
        "counts": lambda: count_spans(text, spans, quotations, ("loaded_labels",)),
        "excerpts": lambda: choose_excerpts(analyses["a"], PublishingPolicy()),
        "actors": lambda: actor_namings(event, articles, analyses, ["one", "two"]),
    }


def _time_least(runs_by_size: list[dict[str, Callable[[], object]]], names: list[str], rounds: int,
                least: dict[str, list[float]]) -> None:
    """Lower `least[name][size]` to each run's CPU time; one analyser's sizes run back to back, round after round.

    The garbage collector is held off throughout, so no run pays for another's garbage.
    """
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            for name in names:
                for size, runs in enumerate(runs_by_size):
                    least[name][size] = min(least[name][size], _cpu(runs[name]))
    finally:
        gc.enable()


def _superlinear(seconds: list[float]) -> bool:
    """Whether times at n, 2n and 4n characters grow faster than about linearly."""
    floored = [max(s, FLOOR) for s in seconds]
    steps = [later / earlier for earlier, later in zip(floored, floored[1:])]
    return (floored[2] / floored[0]) ** 0.5 > MAX_RATIO or max(steps) > MAX_STEP_RATIO


def _slow_analysers(runs_by_size: list[dict[str, Callable[[], object]]]) -> dict[str, list[float]]:
    """The analysers still superlinear after the confirming rounds, with their least CPU seconds per size."""
    least = {name: [float("inf")] * len(runs_by_size) for name in runs_by_size[0]}
    _time_least(runs_by_size, list(least), ROUNDS, least)
    suspects = [name for name, seconds in least.items() if _superlinear(seconds)]
    _time_least(runs_by_size, suspects, CONFIRMING_ROUNDS, least)
    return {name: [round(s, 3) for s in least[name]] for name in suspects if _superlinear(least[name])}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_doubling_the_text_at_most_about_doubles_each_analysers_time(case: str, matcher) -> None:
    sizes = (SIZE, 2 * SIZE, 4 * SIZE)
    slow = _slow_analysers([_runs(CASES[case](size), matcher) for size in sizes])
    assert not slow, f"superlinear on {case!r} (CPU seconds at {sizes} characters): {slow}"


def test_the_timing_finds_an_analyser_that_takes_quadratic_time() -> None:
    """The check can fail: a scan from every fifth character to the end is quadratic, and it is reported."""
    def runs(text: str) -> dict[str, Callable[[], object]]:
        return {"quadratic": lambda: sum(text.count("ab", start) for start in range(0, len(text), 5)),
                "linear": lambda: text.count("a")}

    slow = _slow_analysers([runs("ab" * (size // 2)) for size in (SIZE, 2 * SIZE, 4 * SIZE)])
    assert list(slow) == ["quadratic"], slow
