"""The seed site read straight from disk in headless Chromium, with the network blocked."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.render.search_documents import FIELDS, SearchDocument
from generator.render.search_index import index_terms, search_pages, shard_file
from tests.browser.support import html_pages
from tests.conftest import ROOT
from tests.test_search_index import TOKEN_CASES, Loaded

EVENT = "events/baghdad-embassy-rocket-attacks.html"
AFP = "articles/rockets-hit-us-embassy-in-baghdad.html"
MEHR_REJECTS = "articles/iran-rejects-us-accusation-over-green-zone-attack.html"
MEHR_TRUMP = "articles/trump-warns-iran-after-embassy-rocket-attack.html"

STYLES_JS = """els => els.map(e => {
  const s = getComputedStyle(e), after = getComputedStyle(e, '::after');
  return {bg: s.backgroundColor, outline: s.outlineStyle, deco: s.textDecorationLine, marker: after.content,
          voice: [...e.classList].find(c => c.startsWith('v-'))};
})"""
TRANSPARENT = ("rgba(0, 0, 0, 0)", "transparent")


def test_every_page_opens_from_disk_with_nothing_from_the_network(site: Path, open_offline) -> None:
    pages = html_pages(site)
    assert len(pages) >= 10, pages
    problems: dict[str, list[str]] = {}
    for path in pages:
        page, log = open_offline(path.as_uri())
        # the local stylesheets really applied (a blocked or missing style.css leaves the default white/black)
        styled = page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomStyle")
        if styled != "solid":
            log.failed.append(f"{path.name}: style.css did not apply")
        if log.problems():
            problems[path.relative_to(site).as_posix()] = log.problems()
        page.close()
    assert problems == {}, problems


def _styles(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(selector, STYLES_JS)


def _shown(style: dict) -> bool:
    fill_or_outline = style["outline"] != "none" if style["voice"] == "v-quotation" else style["bg"] not in TRANSPARENT
    return fill_or_outline and "underline" in style["deco"] and style["marker"] not in ("none", "normal")


def _hidden(style: dict) -> bool:
    return style["bg"] in TRANSPARENT and style["outline"] == "none" and style["deco"] == "none" and style["marker"] in ("none", "normal")


def test_legend_toggles_hide_and_show_their_highlights(site: Path, open_offline) -> None:
    total = 0
    for target in (EVENT, MEHR_REJECTS, AFP):
        page, log = open_offline((site / target).as_uri())
        toggles = page.locator("input.toggle")
        assert toggles.count() >= 5, target
        exercised = 0
        for i in range(toggles.count()):
            box = toggles.nth(i)
            category = box.get_attribute("data-category")
            mine, others = f"main .hl.c-{category}:not(.swatch)", f"main .hl:not(.c-{category}):not(.swatch)"
            before = _styles(page, mine)
            if not before:
                continue
            assert all(_shown(s) for s in before), (target, category, before)
            others_before = _styles(page, others)
            box.uncheck()
            assert all(_hidden(s) for s in _styles(page, mine)), (target, category)
            assert _styles(page, others) == others_before, f"{category} toggle changed other categories"
            box.check()
            assert _styles(page, mine) == before, (target, category)
            exercised += len(before)
        assert exercised >= 1, f"{target}: no highlight toggled"
        assert log.problems() == [], log.problems()
        total += exercised
    assert total >= 50, total


def _result_paths(page, site: Path) -> list[str]:
    page.wait_for_selector("#search-results > li")
    hrefs = page.eval_on_selector_all("#search-results > li h2 a", "links => links.map(a => a.href)")
    return [href.removeprefix(site.as_uri() + "/") for href in hrefs]


def test_search_finds_a_speaker_and_a_keyword_and_opens_the_first_result(site: Path, open_offline) -> None:
    page, log = open_offline((site / "search.html").as_uri())
    box = page.locator("input[type=search]")

    box.fill("Khatibzadeh")
    found = _result_paths(page, site)
    assert set(found) == {MEHR_REJECTS, MEHR_TRUMP}, found
    speaker_line = page.locator("#search-results > li", has=page.locator(f"a[href='{MEHR_REJECTS}']")).locator(".search-where li", has_text="people quoted")
    assert speaker_line.locator("mark").first.inner_text() == "Khatibzadeh"
    assert "2 pages" in page.inner_text("#search-status")

    box.fill("rockets")
    found = _result_paths(page, site)
    assert {AFP, EVENT, MEHR_REJECTS, MEHR_TRUMP} <= set(found), found
    assert not any(p.startswith("outlets/") for p in found), found
    afp = page.locator("#search-results > li", has=page.locator(f"a[href='{AFP}']"))
    marks = [m.lower() for m in afp.locator("mark").all_inner_texts()]
    assert marks and all(m.startswith("rocket") for m in marks), marks
    mehr = page.locator("#search-results > li", has=page.locator(f"a[href='{MEHR_REJECTS}']"))
    assert mehr.locator(".search-field", has_text="text").count() == 1  # a body match shows its context
    assert "rockets" in [m.lower() for m in mehr.locator(".search-where li", has_text="In the text").locator("mark").all_inner_texts()]

    first = page.locator("#search-results > li h2 a").first
    target = first.get_attribute("href")
    first.click()
    page.wait_for_load_state("load")
    assert page.url == (site / target).as_uri()
    assert page.locator("h1").first.is_visible()
    assert log.problems() == [], log.problems()


def test_search_reads_the_query_from_the_address_and_hides_unlicensed_text(site: Path, open_offline) -> None:
    page, log = open_offline((site / "search.html").as_uri() + "?q=Pompeo")
    assert page.input_value("input[type=search]") == "Pompeo"
    assert MEHR_REJECTS in _result_paths(page, site)
    # "cafeteria" is in the AFP text, but not in the excerpts its public page shows
    assert "cafeteria" in (ROOT / "content" / "articles" / "afp" / "2020-01-26-rockets-hit-us-embassy-in-baghdad.md").read_text(encoding="utf-8")
    # a word from the AFP excerpts is found there, and the result says it is in the excerpts
    index = Loaded(site / "assets" / "search")
    excerpts = index.rows[index.doc(AFP)]["body"]
    word = next(w for w in re.findall(r"[A-Za-z]{7,}", excerpts))
    page.fill("input[type=search]", word)
    assert AFP in _result_paths(page, site)
    afp = page.locator("#search-results > li", has=page.locator(f"a[href='{AFP}']"))
    assert afp.locator(".search-field", has_text="excerpts").count() == 1
    assert word.lower() in [m.lower() for m in afp.locator(".search-where mark").all_inner_texts()]
    page.fill("input[type=search]", "cafeteria")
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('No page')")
    assert page.locator("#search-results > li").count() == 0
    page.fill("input[type=search]", "the of and")
    page.wait_for_function("s => document.getElementById('search-status').textContent.startsWith(s)", arg="Those words are too common")
    assert log.problems() == [], log.problems()


def test_search_js_cuts_words_exactly_as_the_index_does(site: Path, open_offline) -> None:
    """search.js's tokeniser, normaliser, stop words and stemmer against index_terms, on hard cases and every seed text."""
    page, log = open_offline((site / "search.html").as_uri())
    index = Loaded(site / "assets" / "search")
    texts = list(TOKEN_CASES)
    texts += [row[name] for row in index.rows for name, _ in FIELDS if row[name]]
    texts += ["rockets embassies boxes aloes virus glass gas news 1990s", "e\u0301tude \u00c5ngstro\u0308m \u212bngstrom", "𝐁𝐨𝐥𝐝 𝒔𝒄𝒓𝒊𝒑𝒕𝒔 ①②", "ǅemal ǈ ǋ"]
    got = page.evaluate("texts => texts.map(t => window.SEARCH_TERMS(t))", texts)
    assert len(texts) > 30
    for text, terms in zip(texts, got, strict=True):
        assert terms == index_terms(text), text
    assert log.problems() == [], log.problems()


def test_search_loads_only_the_shards_and_chunks_a_query_needs(site: Path, open_offline, tmp_path: Path) -> None:
    """A copy of the seed site whose index is cut small (many shards, one document per chunk) finds what the
    Python reading of the same files finds, in the same order, and loads only the files it needs."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    documents = tuple(SearchDocument(**row) for row in Loaded(site / "assets" / "search").rows)
    unicode = SearchDocument("articles/unicode.html", "article", "Naïve café in Tehrān: ΟΔΟΣ rockets", "Outlet", "", "Σίσυφος Ærø",
                             "ﬁre at the cafe\u0301 — “Σίσυφος” said naïve Ærø in İstanbul. Rockets.", "meta", False)
    documents += (unicode,)
    shutil.rmtree(copy / "assets" / "search")
    for path, data in search_pages(documents, shard_bytes=300, chunk_bytes=1):
        (copy / path).parent.mkdir(parents=True, exist_ok=True)
        (copy / path).write_bytes(data)
    index = Loaded(copy / "assets" / "search")
    assert len(index.manifest["shards"]) > 20 and len(index.manifest["chunks"]) == len(documents)

    loaded: list[str] = []
    page, log = open_offline((copy / "search.html").as_uri())
    page.on("request", lambda request: loaded.append(request.url.rsplit("/assets/search/", 1)[-1]) if "/assets/search/" in request.url else None)
    page.reload()
    page.wait_for_load_state("load")
    assert loaded == ["index.js"]  # up front, only the manifest
    seen: set[str] = set()
    for query in ("rockets", "Khatibzadeh", "Agence", "embassy rock", "baghdad EMBASSY", "ir", "Zarif’s", "rocket cafeteria", "q",
                  "constructor rockets", "hasOwnProperty", "ΣΊΣΥΦΟΣ", "CAFÉ fi"):
        loaded.clear()
        page.fill("input[type=search]", query)
        page.wait_for_function("q => document.getElementById('search-status').textContent.includes('“' + q + '”')", arg=query)
        expected = index.search(query)
        got = page.eval_on_selector_all("#search-results > li h2 a", "links => links.map(a => a.getAttribute('href'))")
        assert got == expected[:50], query
        words = list(dict.fromkeys(index_terms(query)))
        keys = index.manifest["shards"]
        wanted = set()
        for i, word in enumerate(words):
            wanted.add(max((k for k in keys if word.startswith(k)), key=len))
            if i == len(words) - 1 and len(word) >= 2:
                wanted |= {k for k in keys if k.startswith(word)}
        wanted = {shard_file(k) for k in wanted} | {f"docs-{index.doc(ref)}.js" for ref in expected[:50]}
        assert sorted(loaded) == sorted(wanted - seen), (query, loaded)  # each file it needs, once, and no other
        seen |= wanted
    assert len(seen) > 10
    # the words found are marked in every field, whatever their script or normal form
    result = page.locator("#search-results > li", has=page.locator("a[href='articles/unicode.html']"))
    assert result.locator(".search-where mark").all_inner_texts() == ["café", "ﬁre", "caf\u00e9"]  # the rows are in NFC
    page.fill("input[type=search]", "σίσυφος")
    page.wait_for_function("s => document.getElementById('search-status').textContent.includes(s)", arg="“σίσυφος”")
    assert result.locator(".search-where mark").all_inner_texts() == ["Σίσυφος", "Σίσυφος"]
    assert log.problems() == [], log.problems()
    # a shard missing from a copy of the site: search says so
    missing = shard_file(max((k for k in index.manifest["shards"] if "pompeo".startswith(k)), key=len))
    assert missing not in seen
    (copy / "assets" / "search" / missing).unlink()
    page.fill("input[type=search]", "Pompeo")
    page.wait_for_function("s => document.getElementById('search-status').textContent.startsWith(s)", arg="Part of the search index did not load")
    assert page.locator("#search-results > li").count() == 0
