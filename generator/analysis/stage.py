"""The analyse and rights stages over a whole corpus: every article's analysis, then what the public
site may show of it, each taken from the store where its key is there and computed otherwise.

An analysis in which a step failed is used for this build but never stored, so
the next build tries that step again. Beside each analysis the store keeps its
summary (`ArticleSummary`), what the pages about many articles read; a kept
analysis is unsealed only when something reads it, so a rebuild after one edit
unseals the few that the pages and comparisons it makes again need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace

from generator.analysis.article import analyse_article
from generator.analysis.matcher import compile_matcher
from generator.analysis.readability import forget_word_data, read_pronunciations
from generator.analysis.results import ArticleAnalysis, ArticleSummary
from generator.analysis.rights import Rights, article_license, decide_rights
from generator.executor import Executor
from generator.keys import analysis_key, rights_key
from generator.model import Article, Corpus
from generator.store import Store


STORED_AT_ONCE = 64
"""Analyses sealed by the workers are stored this many at a time, as they arrive."""


def analysis_keys(corpus: Corpus, code: str) -> dict[str, str]:
    """slug -> the key of its analysis."""
    return {a.slug: analysis_key(a, corpus.lexicon.version, code) for a in corpus.articles}


class Analyses(Mapping[str, ArticleAnalysis]):
    """slug -> analysis, in the corpus's article order; an analysis kept in the store is unsealed when first
    read. `summaries` holds every article's summary, for what reads them all."""

    def __init__(self, order: Sequence[str], summaries: Mapping[str, ArticleSummary], opened: Mapping[str, ArticleAnalysis],
                 kept: Mapping[str, Callable[[], ArticleAnalysis]]) -> None:
        self._order = tuple(order)
        self.summaries = summaries
        self._opened = dict(opened)
        self._kept = kept

    def __getitem__(self, slug: str) -> ArticleAnalysis:
        found = self._opened.get(slug)
        if found is None:
            found = self._opened[slug] = self._kept[slug]()
        return found

    def __contains__(self, slug: object) -> bool:
        return slug in self._opened or slug in self._kept

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def replaced(self, changed: Mapping[str, ArticleAnalysis]) -> Analyses:
        """These analyses with some replaced (as the editors corrected them), and their summaries with them."""
        summaries = {**self.summaries, **{slug: ArticleSummary.of(analysis) for slug, analysis in changed.items()}}
        return Analyses(self._order, summaries, {**self._opened, **changed}, self._kept)


def analyse_articles(
    corpus: Corpus,
    keys: Mapping[str, str],
    store: Store[ArticleAnalysis],
    executor: Executor,
    progress: Callable[[int], None] = lambda count: None,
    summaries: Store[ArticleSummary] | None = None,
) -> Analyses:
    """slug -> analysis, in the corpus's article order. An article is taken from the store when both its
    analysis and its summary are kept there. The stores keep replaced analyses until the caller prunes them:
    the compare stage reads them to bring the corpus prior up to date."""
    summary_store = summaries if summaries is not None else Store("summaries", ArticleSummary)
    sealed = store.get_sealed(keys.values())
    kept_summaries = summary_store.get_many(key for key in keys.values() if key in sealed)
    progress(sum(1 for a in corpus.articles if keys[a.slug] in kept_summaries))
    todo = [a for a in corpus.articles if keys[a.slug] not in kept_summaries]
    matcher = compile_matcher(corpus.lexicon) if todo else None  # here, before the workers fork
    categories = tuple(c.id for c in corpus.lexicon.categories)
    syllables: dict[str, int] = {}  # a memo per process; it changes no result

    def analyse(article: Article) -> ArticleAnalysis:
        nonlocal matcher
        if matcher is None:
            matcher = compile_matcher(corpus.lexicon)
        return analyse_article(article, matcher, corpus.lexicon.version, categories, syllables)

    inherited = executor.parallel(len(todo))
    seal_in_workers = inherited and store.keeps

    def analyse_and_summarise(article: Article) -> tuple[ArticleAnalysis | bytes, ArticleSummary]:
        """Summarised where it is made (in a worker, beside the others' analyses); sealed there too when the
        store keeps it, so this process stores the worker's bytes instead of pickling the analysis again.
        The summary's text is the analysis's: it travels once, inside the analysis (`TextPickled` texts are
        not shared in a pickle)."""
        analysis = analyse(article)
        summary = replace(ArticleSummary.of(analysis), text="")
        if seal_in_workers and not analysis.failures:
            return store.sealed(keys[article.slug], analysis), summary
        return analysis, summary

    fresh: dict[str, ArticleAnalysis] = {}
    fresh_summaries: dict[str, ArticleSummary] = {}
    arrived: dict[str, bytes] = {}  # sealed by the workers, not yet stored
    if inherited:
        read_pronunciations()  # once, for the workers forked next, instead of once in each
    results = executor.map(analyse_and_summarise, todo)
    if inherited:
        forget_word_data()  # the workers have it now
    for article, (made, summary) in zip(todo, results):
        if isinstance(made, bytes):
            arrived[keys[article.slug]] = made
            analysis = store.unseal(keys[article.slug], made) or analyse(article)  # as a kept analysis is opened
        else:
            analysis = made
        summary = replace(summary, text=analysis.text.text)
        fresh[article.slug], fresh_summaries[article.slug] = analysis, summary
        progress(1)
        if len(arrived) == STORED_AT_ONCE:  # stored while the workers analyse the rest, never all held at once
            store.put_sealed(arrived)
            arrived.clear()
    forget_word_data()  # where this process analysed articles itself: the later stages need none of it
    store.put_sealed(arrived)
    if not seal_in_workers:
        store.put_many({keys[slug]: analysis for slug, analysis in fresh.items() if not analysis.failures})
    summary_store.put_many({keys[slug]: summary for slug, summary in fresh_summaries.items() if not summary.failures})

    def opener(article: Article) -> Callable[[], ArticleAnalysis]:
        key = keys[article.slug]
        return lambda: store.unseal(key, sealed[key]) or analyse(article)  # a damaged value is made again, the same

    kept = {a.slug: opener(a) for a in corpus.articles if a.slug not in fresh}
    in_order = {a.slug: fresh_summaries.get(a.slug) or kept_summaries[keys[a.slug]] for a in corpus.articles}
    return Analyses([a.slug for a in corpus.articles], in_order, fresh, kept)


def decide_all_rights(
    corpus: Corpus,
    analyses: Mapping[str, ArticleAnalysis],
    keys: Mapping[str, str],
    full_text: bool,
    store: Store[Rights],
    executor: Executor,
) -> dict[str, Rights]:
    """slug -> what the site may show of the article: all of it, or excerpts within the site's policy."""
    policy = corpus.site.publishing
    rights_keys = {a.slug: rights_key(keys[a.slug], article_license(a, corpus.outlet(a.outlet)), policy, full_text)
                   for a in corpus.articles}
    found = store.get_many(rights_keys.values())
    todo = [a for a in corpus.articles if rights_keys[a.slug] not in found]

    def decide(article: Article) -> Rights:
        return decide_rights(article, corpus.outlet(article.outlet), analyses[article.slug], policy, full_text)

    decided = list(zip(todo, executor.map(decide, todo)))
    fresh = {rights_keys[a.slug]: rights for a, rights in decided}
    store.put_many({rights_keys[a.slug]: rights for a, rights in decided if not analyses[a.slug].failures})
    store.keep_only(rights_keys.values())
    return {a.slug: fresh.get(rights_keys[a.slug]) or found[rights_keys[a.slug]] for a in corpus.articles}
