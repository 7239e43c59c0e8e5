"""The analyse and rights stages over a whole corpus: every article's analysis, then what the public
site may show of it, each taken from the store where its key is there and computed otherwise.

An analysis in which a step failed is used for this build but never stored, so
the next build tries that step again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator.analysis.article import analyse_article
from generator.analysis.matcher import compile_matcher
from generator.analysis.results import ArticleAnalysis
from generator.analysis.rights import Rights, article_license, decide_rights
from generator.executor import Executor
from generator.keys import analysis_key, rights_key
from generator.model import Article, Corpus
from generator.store import Store


def analysis_keys(corpus: Corpus, code: str) -> dict[str, str]:
    """slug -> the key of its analysis."""
    return {a.slug: analysis_key(a, corpus.lexicon.version, code) for a in corpus.articles}


def analyse_articles(
    corpus: Corpus,
    keys: Mapping[str, str],
    store: Store[ArticleAnalysis],
    executor: Executor,
    progress: Callable[[int], None] = lambda count: None,
) -> dict[str, ArticleAnalysis]:
    """slug -> analysis, in the corpus's article order. The store keeps replaced analyses until the
    caller prunes it: the compare stage reads them to bring the corpus prior up to date."""
    found = store.get_many(keys.values())
    progress(sum(1 for a in corpus.articles if keys[a.slug] in found))
    todo = [a for a in corpus.articles if keys[a.slug] not in found]
    fresh: dict[str, ArticleAnalysis] = {}
    if todo:
        matcher = compile_matcher(corpus.lexicon)
        categories = tuple(c.id for c in corpus.lexicon.categories)
        syllables: dict[str, int] = {}  # a memo per process; it changes no result

        def analyse(article: Article) -> ArticleAnalysis:
            return analyse_article(article, matcher, corpus.lexicon.version, categories, syllables)

        for article, analysis in zip(todo, executor.map(analyse, todo)):
            fresh[keys[article.slug]] = analysis
            progress(1)
    store.put_many({key: analysis for key, analysis in fresh.items() if not analysis.failures})
    return {a.slug: fresh.get(keys[a.slug]) or found[keys[a.slug]] for a in corpus.articles}


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
