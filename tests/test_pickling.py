"""Values stored in the cache pickle their long texts without leaving a UTF-8 copy inside the live str."""

from __future__ import annotations

import pickle
import sys

from hypothesis import given
from hypothesis import strategies as st

from generator.analysis.results import ArticleSummary, ArticleText, Block
from generator.load import Document
from generator.store import Seal

texts = st.text(min_size=1, max_size=300)  # any code point, lone surrogates included


def _summary(text: str, terms: str) -> ArticleSummary:
    return ArticleSummary(words=3, quotation_words=0, counts=(("labels", "outlet", 1),), highlights=1,
                          entry_hits=(("regime", 1),), speakers="Ann Lee", text=text, headline_end=1,
                          terms=terms, phrases=terms)


@given(text=texts, terms=texts)
def test_stored_values_come_back_equal_and_leave_their_texts_as_they_were(text: str, terms: str) -> None:
    values = [
        Document(path="content/articles/a.md", relative="articles/a.md", meta={"title": "A title"}, body=text, meta_line=1,
                 body_line=4),
        ArticleText(text=text, headline_end=1, blocks=(Block("headline", 0, 1),), excluded=((0, 1),)),
        _summary(text, terms),
    ]
    seal = Seal(b"k" * 32)
    for value in values:
        sizes = (sys.getsizeof(text), sys.getsizeof(terms))
        back = seal.open("table", "key", seal.close("table", "key", value), type(value))
        assert back == value
        assert (sys.getsizeof(text), sys.getsizeof(terms)) == sizes  # no UTF-8 copy was left inside the strs


def test_a_plain_pickle_would_leave_the_copy_that_these_values_avoid() -> None:
    """The reason for `TextPickled`: if CPython stops keeping the copy, the mixin can go."""
    text = "“Quoted” words, café"
    before = sys.getsizeof(text)
    pickle.dumps(text)
    assert sys.getsizeof(text) > before


def test_an_analysis_made_in_a_worker_shares_its_text_with_its_summary() -> None:
    """Pickled as bytes, the text of an analysis and of its summary arrive from a worker as two strs; the
    analyse stage keeps one, or every article's text would be held twice for the whole build."""
    from generator.analysis.results import ArticleAnalysis
    from generator.analysis.stage import analyse_articles, analysis_keys
    from generator.build import BuildOptions, load_corpus
    from generator.executor import Executor
    from generator.store import Store
    from tests.conftest import ROOT

    corpus, _ = load_corpus(BuildOptions(content=ROOT / "content"))
    executor = Executor(2, threshold=1)
    assert executor.parallel(len(corpus.articles))  # the articles really go through worker processes
    analyses = analyse_articles(corpus, analysis_keys(corpus, "test"), Store("analyses", ArticleAnalysis), executor)
    for slug, analysis in analyses.items():
        assert analyses.summaries[slug].text is analysis.text.text
