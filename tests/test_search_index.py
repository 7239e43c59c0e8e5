"""The offline search index: loadable by lunr 2.3.9, searchable, deterministic, and within the rights rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lunr.index import Index
from lunr.tokenizer import Tokenizer

from generator.analysis.rights import Excerpt, Rights
from generator.build import BuildOptions, analyse_corpus, build, decide_all_rights, load_corpus
from generator.render.search_index import (
    EXCERPT_JOIN,
    FIELDS,
    make_builder,
    markdown_text,
    search_documents,
    search_index_script,
    shown_body,
)
from tests.conftest import ROOT

AFP = "articles/rockets-hit-us-embassy-in-baghdad.html"


def load_script(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.fullmatch(r"/\*[^*]*\*/\nwindow\.SEARCH_INDEX = (\{.*\});\n", text, re.S)
    assert match, text[:200]
    return json.loads(match.group(1))


def terms_for(index_data: dict, ref: str) -> set[str]:
    """Every index term with a posting for `ref`, in any field."""
    return {term for term, posting in index_data["invertedIndex"] if any(ref in posting.get(f, {}) for f, _ in FIELDS)}


def stems(text: str) -> set[str]:
    return {str(token) for token in make_builder().pipeline.run(Tokenizer(text))}


@pytest.fixture(scope="module")
def seed() -> tuple:
    corpus, _ = load_corpus(BuildOptions(content=ROOT / "content"))
    analyses = analyse_corpus(corpus)
    return corpus, analyses, decide_all_rights(corpus, analyses, False)


def test_the_built_site_carries_the_index_lunr_and_its_licence(seed_site: Path) -> None:
    data = load_script(seed_site / "assets" / "search-index.js")
    assert data["index"]["version"] == "2.3.9"
    lunr_js = (seed_site / "assets" / "vendor" / "lunr.js").read_text(encoding="utf-8")
    assert "lunr - http://lunrjs.com" in lunr_js and "- 2.3.9" in lunr_js.splitlines()[1]
    assert "Permission is hereby granted" in (seed_site / "assets" / "vendor" / "lunr.LICENSE").read_text(encoding="utf-8")
    page = (seed_site / "search.html").read_text(encoding="utf-8")
    assert '<input type="search"' in page and "script-src 'self'" in page
    for script in ("assets/vendor/lunr.js", "assets/search-index.js", "assets/search.js"):
        assert f'<script src="{script}" defer></script>' in page
        assert (seed_site / script).is_file()
    assert "<script>" not in page  # no inline script: the CSP would refuse it


def test_index_finds_speakers_keywords_outlets_and_events(seed_site: Path) -> None:
    data = load_script(seed_site / "assets" / "search-index.js")
    index = Index.load(data["index"])

    def refs(query: str) -> set[str]:
        return {hit["ref"] for hit in index.search(query)}

    assert {"articles/iran-rejects-us-accusation-over-green-zone-attack.html", "articles/trump-warns-iran-after-embassy-rocket-attack.html"} == refs("Khatibzadeh")
    assert {AFP, "events/baghdad-embassy-rocket-attacks.html"} <= refs("rockets")
    assert "outlets/afp.html" in refs("Agence")
    hit = next(h for h in index.search("speakers:Khatibzadeh"))
    positions = hit["match_data"].metadata["khatibzadeh"]["speakers"]["position"]
    speakers = data["documents"][hit["ref"]]["speakers"]
    start, length = positions[0]
    assert speakers[start : start + length].startswith("Khatibzadeh")
    assert set(data["documents"]) == {field_ref.split("/", 1)[1] for field_ref, _ in data["index"]["fieldVectors"]}


def test_an_article_without_republication_rights_is_indexed_only_as_its_page_shows_it(seed: tuple, seed_site: Path) -> None:
    corpus, analyses, rights = seed
    analysis, right = analyses["rockets-hit-us-embassy-in-baghdad"], rights["rockets-hit-us-embassy-in-baghdad"]
    assert not right.full_text and right.excerpts
    data = load_script(seed_site / "assets" / "search-index.js")
    document = data["documents"][AFP]
    text = analysis.text.text
    excerpts = [text[e.start : e.end].strip() for e in right.excerpts]
    assert document["body"] == EXCERPT_JOIN.join(excerpts)
    shown = " ".join([document["title"], document["outlet"], document["event"], document["speakers"], *excerpts])
    assert terms_for(data["index"], AFP) <= stems(shown)
    hidden = stems(text) - stems(shown)
    assert {"cafeteria", "dinner"} <= hidden  # from sentences the page does not show
    assert not hidden & terms_for(data["index"], AFP)
    assert "cafeteria" not in json.dumps(document)


def test_a_full_text_article_is_indexed_in_full(seed: tuple) -> None:
    corpus, analyses, rights = seed
    slug = "iran-rejects-us-accusation-over-green-zone-attack"
    assert rights[slug].full_text
    body = shown_body(analyses[slug], rights[slug])
    assert body == analyses[slug].text.text[analyses[slug].text.headline_end :].strip()
    private = shown_body(analyses["rockets-hit-us-embassy-in-baghdad"], Rights("All rights reserved", True))
    assert "cafeteria" in private  # a --full-text build indexes everything, as its pages show everything


def test_excerpts_only_body_is_exactly_the_excerpts(seed: tuple) -> None:
    _, analyses, _ = seed
    analysis = analyses["rockets-hit-us-embassy-in-baghdad"]
    rights = Rights("All rights reserved", False, (Excerpt(analysis.text.headline_end + 2, analysis.text.headline_end + 40, 1),))
    assert shown_body(analysis, rights) == analysis.text.text[analysis.text.headline_end + 2 : analysis.text.headline_end + 40].strip()
    assert shown_body(analysis, Rights("All rights reserved", False, ())) == ""


def test_script_is_deterministic_and_plain_javascript(seed: tuple) -> None:
    corpus, analyses, rights = seed
    documents = search_documents(corpus, analyses, rights)
    first, second = search_index_script(documents), search_index_script(search_documents(corpus, analyses, rights))
    assert first == second
    assert first.startswith("/*") and first.endswith("};\n")
    assert "\u2028" not in first and "\u2029" not in first
    kinds = [d.kind for d in documents]
    assert kinds == sorted(kinds, key=["article", "event", "outlet"].index)


def test_event_descriptions_are_indexed_as_text_not_markdown() -> None:
    assert markdown_text("- **26 January 2020**: rockets `hit`\n  the [embassy](https://example.org).") == "26 January 2020: rockets hit the embassy."
