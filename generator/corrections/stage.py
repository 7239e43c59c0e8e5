"""The correct stage: every article's analysis as its editors corrected it, and the keys later stages use.

The store keeps the machine's analyses; corrections are applied to them on every
build (a few microseconds an article), so editing a corrections file never makes
an article be analysed again. A correction that cannot apply stops the build
with every such problem, before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.analysis.article import analyse_article
from generator.analysis.matcher import compile_matcher
from generator.analysis.results import ArticleAnalysis
from generator.analysis.stage import Analyses
from generator.corrections.apply import apply_corrections
from generator.errors import ContentError, Problem
from generator.keys import corrected_key
from generator.model import Corpus


def correct_analyses(corpus: Corpus, analyses: Analyses, keys: Mapping[str, str]) -> tuple[Analyses, dict[str, str]]:
    """slug -> corrected analysis, and slug -> its key (the analysis key where there is no correction).
    Only the articles that have corrections are read. Raises ContentError with every correction that is
    stale or wrong."""
    categories = tuple(c.id for c in corpus.lexicon.categories)
    corrected: dict[str, ArticleAnalysis] = {}
    problems: list[Problem] = []
    for slug in analyses:
        corrections = corpus.corrections.of_article(slug)
        if corrections:
            corrected[slug], found = apply_corrections(analyses[slug], corrections, categories)
            problems.extend(found)
    if problems:
        raise ContentError(tuple(sorted(problems)))
    return analyses.replaced(corrected), {slug: corrected_key(key, (c.decision() for c in corpus.corrections.of_article(slug)))
                                          for slug, key in keys.items()}


def correction_problems(corpus: Corpus) -> tuple[Problem, ...]:
    """For `digest check`: the problems of the articles' corrections, found by analysing only the
    articles that have any. (Event corrections need the comparison: `digest build` checks them.)"""
    corrected = [a for a in corpus.articles if corpus.corrections.of_article(a.slug)]
    if not corrected:
        return ()
    matcher = compile_matcher(corpus.lexicon)
    categories = tuple(c.id for c in corpus.lexicon.categories)
    problems: list[Problem] = []
    for article in corrected:
        analysis = analyse_article(article, matcher, corpus.lexicon.version, categories)
        problems.extend(apply_corrections(analysis, corpus.corrections.of_article(article.slug), categories)[1])
    return tuple(sorted(problems))
