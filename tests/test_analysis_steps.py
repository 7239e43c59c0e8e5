"""One article's analysis keeps going when a step fails: the step's result is empty and the failure is recorded."""

from __future__ import annotations

import re
import signal
import threading
import time
from pathlib import Path

import pytest

from generator.analysis import article as article_module
from generator.analysis.article import analyse_article
from generator.analysis.matcher import compile_matcher
from generator.analysis.results import AnalysisFailure
from generator.build import BuildOptions, load_corpus

CONTENT = Path(__file__).resolve().parent.parent / "content"


@pytest.fixture(scope="module")
def seed():
    corpus, _ = load_corpus(BuildOptions(content=CONTENT))
    article = next(a for a in corpus.articles if "rockets-hit" in a.slug)
    categories = tuple(c.id for c in corpus.lexicon.categories)
    return article, compile_matcher(corpus.lexicon), corpus.lexicon.version, categories


def _analyse(seed, **keywords):
    article, matcher, version, categories = seed
    return analyse_article(article, matcher, version, categories, **keywords)


def _assert_the_other_steps_ran(analysis) -> None:
    assert analysis.quotations and analysis.spans and analysis.sources
    assert analysis.readability.words > 0 and analysis.stats.words > 0 and analysis.terms


def test_a_clean_analysis_records_no_failure(seed) -> None:
    analysis = _analyse(seed)
    assert analysis.failures == ()
    assert analysis.numbers
    _assert_the_other_steps_ran(analysis)


def test_a_step_that_raises_gives_its_empty_value_and_is_recorded(seed, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise ValueError("no numbers today")

    monkeypatch.setattr(article_module, "find_numbers", broken)
    analysis = _analyse(seed)
    assert analysis.numbers == ()
    assert analysis.failures == (AnalysisFailure("numbers", "ValueError: no numbers today"),)
    _assert_the_other_steps_ran(analysis)


def test_a_runaway_pattern_is_interrupted_at_its_budget(seed, monkeypatch) -> None:
    """CPython's `re` checks for signals while matching, so even a catastrophic backtrack stops."""

    def runaway(*args, **kwargs):
        return re.match(r"(a+)+$", "a" * 40 + "b")

    monkeypatch.setattr(article_module, "find_attributions", runaway)
    started = time.monotonic()
    analysis = _analyse(seed, step_budget=0.2)
    assert time.monotonic() - started < 10
    assert analysis.sources == ()
    assert [f.step for f in analysis.failures] == ["attributions"]
    assert analysis.failures[0].error == "StepTimeout: exceeded its time budget of 0.2 s"
    assert analysis.numbers
    assert analysis.quotations and analysis.spans and analysis.readability.words > 0


def test_a_slow_python_step_is_interrupted_too(seed, monkeypatch) -> None:
    def slow(*args, **kwargs):
        while True:
            pass

    monkeypatch.setattr(article_module, "measure_readability", slow)
    analysis = _analyse(seed, step_budget=0.1)
    assert analysis.readability.words == 0
    assert [f.step for f in analysis.failures] == ["readability"]
    assert "time budget" in analysis.failures[0].error
    assert analysis.quotations and analysis.numbers and analysis.sources and analysis.stats.words > 0


def test_the_previous_alarm_handler_and_timer_are_put_back(seed, monkeypatch) -> None:
    fired: list[int] = []

    def ours(signum, frame):
        fired.append(signum)

    def slow(*args, **kwargs):
        while True:
            pass

    previous = signal.signal(signal.SIGALRM, ours)
    try:
        signal.setitimer(signal.ITIMER_REAL, 60)
        monkeypatch.setattr(article_module, "find_numbers", slow)
        analysis = _analyse(seed, step_budget=0.1)
        assert [f.step for f in analysis.failures] == ["numbers"]
        assert signal.getsignal(signal.SIGALRM) is ours
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 50 < left <= 60
        signal.setitimer(signal.ITIMER_REAL, 0.01)  # the outer timer still reaches its own handler
        deadline = time.monotonic() + 5
        while not fired and time.monotonic() < deadline:
            time.sleep(0.01)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_failures_are_contained_without_a_budget(seed, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("broken here")

    def sleepy(*args, **kwargs):
        time.sleep(0.3)
        return ()

    monkeypatch.setattr(article_module, "find_numbers", broken)
    monkeypatch.setattr(article_module, "find_attributions", sleepy)
    results = []
    thread = threading.Thread(target=lambda: results.append(_analyse(seed, step_budget=0.05)))
    thread.start()
    thread.join()
    (analysis,) = results
    assert analysis.failures == (AnalysisFailure("numbers", "RuntimeError: broken here"),)  # the sleepy step ran to its end
    assert analysis.quotations and analysis.spans


@pytest.mark.parametrize("in_a_block", [True, False])
def test_a_runner_interrupts_each_slow_step_and_leaves_no_alarm_behind(in_a_block: bool) -> None:
    """In a `with` block the handler is installed once and each step only arms the timer; outside one each step
    installs its own. Either way a slow step is stopped, a later quick step is not, and nothing is left armed."""
    from contextlib import nullcontext

    from generator.analysis.steps import StepRunner

    def slow() -> int:
        while True:
            pass

    before = signal.getsignal(signal.SIGALRM)
    runner = StepRunner(0.05)
    with runner if in_a_block else nullcontext(runner) as run:
        assert run("slow", -1, slow) == -1
        assert run("quick", -1, lambda: 7) == 7
        time.sleep(0.1)  # an alarm left armed by a step would go off here, outside any step
        assert run("slow again", -1, slow) == -1
    assert [f.step for f in runner.failures] == ["slow", "slow again"]
    assert all(f.error.startswith("StepTimeout") for f in runner.failures)
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
