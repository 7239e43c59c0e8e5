"""The offline search index: our tokeniser, postings, shards and chunks; searchable, deterministic, within the rights rules.

tests/browser/test_offline.py runs the same word cases (TOKEN_CASES) through search.js in Chromium, so the
page and the index cut words alike.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.analysis.rights import Excerpt, Rights
from generator.build import BuildOptions, load_corpus
from generator.render.search_documents import EXCERPT_JOIN, FIELDS, SearchDocument, markdown_text, search_documents, shown_body
from generator.render.search_index import (
    CHUNK_BYTES,
    SHARD_BYTES,
    STOP_WORDS,
    chunk_starts,
    encoded,
    index_terms,
    postings,
    search_pages,
    shard_file,
    split_shards,
    stem,
    words,
)
from generator.writer import check_output_path
from tests.conftest import ROOT, analysed

AFP = "articles/rockets-hit-us-embassy-in-baghdad.html"
MEHR_REJECTS = "articles/iran-rejects-us-accusation-over-green-zone-attack.html"
MEHR_TRUMP = "articles/trump-warns-iran-after-embassy-rocket-attack.html"
EVENT = "events/baghdad-embassy-rocket-attacks.html"
HEADER = "/* Framing Digest search index: generated, do not edit. */\n"

TOKEN_CASES = {
    "Rockets hit the U.S. embassy in Baghdad": ["rocket", "hit", "u", "embassy", "baghdad"],
    "Iran's “rejects” — accusations, 8,500 drones": ["iran", "reject", "accusation", "8", "500", "drone"],
    "embassies ties aloes bees toes bus glass news is gas his": ["embassy", "ty", "aloes", "bees", "toes", "bus", "glass", "new", "gas"],
    "Khatibzadeh; Pompeo: Zarif's": ["khatibzadeh", "pompeo", "zarif"],
    "ﬁres Ｆｕｌｌ ½ ＡＢＣ": ["fire", "full", "1", "2", "abc"],
    "Café cafe\u0301 CAFÉS naïve Ærø": ["café", "café", "café", "naïve", "ærø"],
    # "İ" lower-cases to "i" and a combining dot, which is no letter: "i" (a stop word) and "stanbul", on both sides
    "İstanbul STRASSE Straße ΟΔΟΣ Σίσυφος": ["stanbul", "strasse", "straße", "οδος", "σίσυφος"],
    "Тегеран Багдад «ракеты»": ["тегеран", "багдад", "ракеты"],
    "خطیب‌زاده تهران": ["خطیب", "زاده", "تهران"],
    "snake_case x-ray e-mail 2020-01-26": ["snake", "case", "x", "ray", "e", "mail", "2020", "01", "26"],
    "THE and OF, a an": [],
    "日本語のテキスト 北京": ["日本語のテキスト", "北京"],
}


def parse_script(path: Path, call: str) -> list:
    """The arguments of `call(...)` in one of the generated scripts."""
    return parse_script_text(path.read_text(encoding="utf-8"), call)


def parse_script_text(text: str, call: str) -> list:
    assert text.startswith(HEADER + call + "(") and text.endswith(");\n"), text[:200]
    return json.loads("[" + text[len(HEADER) + len(call) + 1 : -3] + "]")


def decode(posting: list[int]) -> dict[int, int]:
    """doc -> code, from a posting list as written (document numbers as differences)."""
    out, doc = {}, 0
    for i in range(0, len(posting), 2):
        doc += posting[i]
        out[doc] = posting[i + 1]
    return out


class Loaded:
    """The search files of a built site, read back: manifest, every shard, every row."""

    def __init__(self, folder: Path) -> None:
        index = (folder / "index.js").read_text(encoding="utf-8")
        match = re.fullmatch(re.escape(HEADER) + r"window\.SEARCH_INDEX = (\{.*\});\n", index, re.S)
        assert match, index[:200]
        self.manifest = json.loads(match.group(1))
        self.shards: dict[str, dict[str, list[int]]] = {}
        for key in self.manifest["shards"]:
            got_key, table = parse_script(folder / shard_file(key), "window.SEARCH_SHARD")
            assert got_key == key
            self.shards[key] = table
        self.rows: list[dict] = []
        for n, start in enumerate(self.manifest["chunks"]):
            got_n, rows = parse_script(folder / f"docs-{n}.js", "window.SEARCH_DOCS")
            assert got_n == n and start == len(self.rows)
            self.rows.extend(rows)
        assert len(self.rows) == self.manifest["count"]
        self.terms = {term: decode(p) for table in self.shards.values() for term, p in table.items()}

    def doc(self, ref: str) -> int:
        return next(i for i, row in enumerate(self.rows) if row["ref"] == ref)

    def search(self, query: str) -> list[str]:
        """The refs search.js finds, best first: every word required, the last as a prefix (2+ characters)."""
        found = list(dict.fromkeys(index_terms(query)))
        if not found:
            return []
        scored: dict[int, float] | None = None
        for i, word in enumerate(found):
            prefix = i == len(found) - 1 and len(word) >= self.manifest["minPrefix"]
            best: dict[int, float] = {}
            for term, docs in self.terms.items():
                if term == word or (prefix and term.startswith(word)):
                    idf = math.log(1 + (len(self.rows) - len(docs) + 0.5) / (len(docs) + 0.5))
                    for doc, code in docs.items():
                        best[doc] = max(best.get(doc, 0.0), (code >> 5) * idf)
            scored = best if scored is None else {d: s + best[d] for d, s in scored.items() if d in best}
        return [self.rows[d]["ref"] for d, _ in sorted(scored.items(), key=lambda item: (-item[1], item[0]))]

    def terms_for(self, ref: str) -> set[str]:
        doc = self.doc(ref)
        return {term for term, docs in self.terms.items() if doc in docs}


@pytest.fixture(scope="module")
def seed() -> tuple:
    corpus, _ = load_corpus(BuildOptions(content=ROOT / "content"))
    analyses, rights = analysed(corpus)
    return corpus, analyses, rights


@pytest.fixture(scope="module")
def seed_documents(seed: tuple) -> tuple[SearchDocument, ...]:
    corpus, analyses, rights = seed
    return search_documents(corpus, analyses.summaries, rights)


@pytest.fixture(scope="module")
def loaded(seed_site: Path) -> Loaded:
    return Loaded(seed_site / "assets" / "search")


# -- words ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", list(TOKEN_CASES))
def test_words_are_cut_normalised_stopped_and_stemmed(text: str) -> None:
    assert index_terms(text) == TOKEN_CASES[text]


def test_the_s_stemmer_follows_harman() -> None:
    cases = {
        "rockets": "rocket", "embassies": "embassy", "attacks": "attack", "cookies": "cooky",
        "aies": "aies", "eies": "eies", "boxes": "boxe", "aloes": "aloes", "bees": "bees", "toes": "toes",
        "virus": "virus", "glass": "glass", "its": "its", "gas": "gas", "news": "new", "rocket": "rocket", "1990s": "1990",
    }
    assert {word: stem(word) for word in cases} == cases


def test_the_fast_ascii_path_and_the_unicode_path_agree() -> None:
    """word_keys takes a bytes shortcut when a text's words are all ASCII; it must give what the general rule gives."""
    import unicodedata

    from generator.render.search_index import WORD, normal_words

    rng = random.Random(7)
    pieces = ["Rocket", "rockets", "U.S.", "“quoted”", "—", "8,500", "İ", "é", "e\u0301", "ﬁ", "½", "_", "\u2028", "Ωmega", "x-ray", "\u00a0", "  ", "’s", "…", "\ud800"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "\n"]) for _ in range(rng.randrange(1, 12)))
        general = [w for token in WORD.findall(unicodedata.normalize("NFC", text)) for w in normal_words(token)]
        assert words(text) == general, text


def test_stop_words_are_function_words_only() -> None:
    assert 100 <= len(STOP_WORDS) <= 150
    assert {"the", "and", "of", "s", "t"} <= STOP_WORDS
    assert not {"us", "may", "will", "can", "said", "iran", "rocket"} & STOP_WORDS


# -- postings, shards, chunks ----------------------------------------------------------------------------


def reference_postings(documents: tuple[SearchDocument, ...]) -> dict[str, dict[int, int]]:
    """The module docstring's formula, the slow and obvious way."""
    table: dict[str, dict[int, int]] = {}
    for number, document in enumerate(documents):
        found: dict[str, list[int]] = {}
        for bit, (name, boost) in enumerate(FIELDS):
            for term, count in Counter(index_terms(getattr(document, name))).items():
                entry = found.setdefault(term, [0, 0])
                entry[0] += boost * min(4, count.bit_length())
                entry[1] |= 1 << bit
        for term, (weight, fields) in found.items():
            table.setdefault(term, {})[number] = weight * 32 + fields
    return table


def synthetic_documents(count: int, seed: int = 1) -> tuple[SearchDocument, ...]:
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(2, 9))) for _ in range(3000)]
    vocabulary += ["rockets", "Rocket", "embassies", "Café", "ΟΔΟΣ", "“quoted”", "8,500", "the", "and"]

    def text(n: int) -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(n))

    return tuple(
        SearchDocument(f"articles/a{i:05d}.html", "article", text(8), text(1), text(4), text(3), text(rng.randrange(0, 400)), "meta", i % 3 == 0)
        for i in range(count)
    )


def test_postings_follow_the_documented_formula(seed_documents: tuple[SearchDocument, ...]) -> None:
    for documents in (seed_documents, synthetic_documents(300)):
        table = postings(documents)
        assert {term: decode(encoded(p)) for term, p in table.items()} == reference_postings(documents)


def test_postings_weights_and_fields(loaded: Loaded) -> None:
    afp, rejects = loaded.doc(AFP), loaded.doc(MEHR_REJECTS)
    title, speakers, body = 1, 2, 16
    assert loaded.terms["rocket"][afp] & 31 == title | 8  # headline and event title; the excerpts do not say "rocket"
    assert loaded.terms["khatibzadeh"][rejects] & speakers
    assert loaded.terms["khatibzadeh"][rejects] >> 5 >= 5
    code = loaded.terms["baghdad"][rejects]
    assert code & title and code & body and code >> 5 >= 10 + 1


def test_shards_hold_each_term_once_at_its_longest_prefix_key() -> None:
    documents = synthetic_documents(600)
    table = postings(documents)
    sizes = {term: len(term) + 4 + 4 * len(p) for term, p in table.items()}
    limit = 3000
    shards = split_shards(sizes, limit)
    keys = list(shards)
    assert keys == sorted(keys) and len(keys) > 20
    seen: list[str] = []
    for key, terms in shards.items():
        assert terms and terms == sorted(terms)
        total = sum(sizes[t] for t in terms)
        assert total <= limit or terms == [key] or len(key) >= max(map(len, terms)), (key, total)
        for term in terms:
            assert max((k for k in keys if term.startswith(k)), key=len) == key  # its home is the longest prefix key
        seen += terms
    assert sorted(seen) == sorted(table)
    # search.js's rule for a prefix: every shard under it, and the longest key it starts with
    for prefix in {term[:n] for term in table for n in (1, 2, 3)}:
        wanted = {k for k in keys if k.startswith(prefix)} | {max((k for k in keys if prefix.startswith(k)), key=len, default="")}
        assert {t for k in wanted if k in shards for t in shards[k] if t.startswith(prefix)} == {t for t in table if t.startswith(prefix)}


def test_shard_file_names_are_safe_and_distinct() -> None:
    keys = ["", "a", "ab", "a0", "é", "éa", "e_9", "οδ", "خط", "日本", "\U00020000x"]
    names = [shard_file(key) for key in keys]
    assert len(set(names)) == len(names)
    assert names[:3] == ["terms.js", "terms-a.js", "terms-ab.js"] and shard_file("éa") == "terms-_e9_a.js"
    for name in names:
        check_output_path(f"assets/search/{name}")
        assert name == name.lower()


def test_chunks_are_consecutive_runs_of_about_chunk_bytes() -> None:
    documents = synthetic_documents(500)
    starts = chunk_starts(documents, 4000)
    assert starts[0] == 0 and starts == sorted(set(starts)) and len(starts) > 10
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(documents)
        size = sum(len(d.body) + len(d.title) + len(d.speakers) + len(d.event) + 200 for d in documents[start:end])
        assert size <= 4000 or end - start == 1
    assert chunk_starts((), 4000) == []


def test_sizes_stay_small_up_front_and_bounded_per_file() -> None:
    documents = synthetic_documents(3000, seed=2)
    pages = dict(search_pages(documents))
    assert len(pages["assets/search/index.js"]) < 6000
    shards = [data for path, data in pages.items() if "/terms" in path]
    chunks = [data for path, data in pages.items() if "/docs-" in path]
    assert len(shards) > 5 and len(chunks) > 50
    assert max(map(len, shards)) < 2 * SHARD_BYTES
    assert max(map(len, chunks)) < 2 * CHUNK_BYTES
    text = sum(len(d.body) + len(d.title) for d in documents)
    assert sum(map(len, pages.values())) < 2.5 * text


# -- the built site --------------------------------------------------------------------------------------


def test_the_built_site_carries_our_search_files_and_no_lunr(seed_site: Path, loaded: Loaded) -> None:
    folder = seed_site / "assets" / "search"
    expected = {"index.js", *(shard_file(k) for k in loaded.manifest["shards"]), *(f"docs-{n}.js" for n in range(len(loaded.manifest["chunks"])))}
    assert {p.name for p in folder.iterdir()} == expected
    assert not (seed_site / "assets" / "vendor").exists() and not (seed_site / "assets" / "search-index.js").exists()
    assert loaded.manifest["fields"] == [name for name, _ in FIELDS] and loaded.manifest["stopWords"] == sorted(STOP_WORDS)
    page = (seed_site / "search.html").read_text(encoding="utf-8")
    assert '<input type="search"' in page and "script-src 'self'" in page
    assert re.findall(r'<script src="([^"]+)"', page) == ["assets/site.js", "assets/search/index.js", "assets/search.js"]
    assert "<script>" not in page and "lunr" not in page  # no inline script: the CSP would refuse it
    search_js = (seed_site / "assets" / "search.js").read_text(encoding="utf-8")
    assert not re.search(r"\.(?:inner|outer)HTML|insertAdjacentHTML|document\.write|eval\(", search_js)
    assert "lunr" not in search_js.lower()


def test_index_finds_speakers_keywords_outlets_and_events(loaded: Loaded) -> None:
    assert set(loaded.search("Khatibzadeh")) == {MEHR_REJECTS, MEHR_TRUMP}
    assert {AFP, EVENT, MEHR_REJECTS, MEHR_TRUMP} <= set(loaded.search("rockets"))
    assert loaded.search("rockets")[:1] != ["outlets/afp.html"]
    assert "outlets/afp.html" in loaded.search("Agence")
    assert MEHR_REJECTS in loaded.search("Pompeo")
    assert set(loaded.search("rock")) == set(loaded.search("rockets"))  # the last word is a prefix ("rocket" is the seeds' only rock- word)
    assert loaded.search("rock embassy") == [] != loaded.search("rocket embassy")  # only the last one
    assert loaded.search("embassy rock") and set(loaded.search("embassy rock")) <= set(loaded.search("embassy"))  # AND
    assert loaded.search("rockets cafeteria") == []
    rejects = loaded.rows[loaded.doc(MEHR_REJECTS)]
    assert "Khatibzadeh" in rejects["speakers"] and rejects["kind"] == "article" and rejects["meta"].startswith("Mehr")


def test_an_article_without_republication_rights_is_indexed_only_as_its_page_shows_it(seed: tuple, seed_site: Path, loaded: Loaded) -> None:
    corpus, analyses, rights = seed
    analysis, right = analyses["rockets-hit-us-embassy-in-baghdad"], rights["rockets-hit-us-embassy-in-baghdad"]
    assert not right.full_text and right.excerpts
    row = loaded.rows[loaded.doc(AFP)]
    text = analysis.text.text
    excerpts = [text[e.start : e.end].strip() for e in right.excerpts]
    assert row["body"] == EXCERPT_JOIN.join(excerpts) and row["excerpts_only"] is True
    shown = " ".join([row["title"], row["outlet"], row["event"], row["speakers"], *excerpts])
    assert loaded.terms_for(AFP) == set(index_terms(shown))
    hidden = set(index_terms(text)) - set(index_terms(shown))
    assert {"cafeteria", "dinner"} <= hidden  # from sentences the page does not show
    assert not hidden & loaded.terms_for(AFP)
    everything = "".join(p.read_text(encoding="utf-8") for p in (seed_site / "assets" / "search").iterdir())
    assert "cafeteria" not in everything.lower() and "dinner" not in everything.lower()
    assert loaded.search("cafeteria") == []


def test_a_full_text_article_is_indexed_in_full(seed: tuple, loaded: Loaded) -> None:
    corpus, analyses, rights = seed
    slug = "iran-rejects-us-accusation-over-green-zone-attack"
    assert rights[slug].full_text
    body = shown_body(analyses.summaries[slug], rights[slug])
    assert body == analyses[slug].text.text[analyses[slug].text.headline_end :].strip()
    assert set(index_terms(body)) <= loaded.terms_for(MEHR_REJECTS)
    assert loaded.rows[loaded.doc(MEHR_REJECTS)]["body"] == body
    private = shown_body(analyses.summaries["rockets-hit-us-embassy-in-baghdad"], Rights("All rights reserved", True))
    assert "cafeteria" in private  # a --full-text build indexes everything, as its pages show everything


def test_excerpts_only_body_is_exactly_the_excerpts(seed: tuple) -> None:
    _, analyses, _ = seed
    analysis = analyses["rockets-hit-us-embassy-in-baghdad"]
    rights = Rights("All rights reserved", False, (Excerpt(analysis.text.headline_end + 2, analysis.text.headline_end + 40, 1),))
    summary = analyses.summaries["rockets-hit-us-embassy-in-baghdad"]
    assert shown_body(summary, rights) == analysis.text.text[analysis.text.headline_end + 2 : analysis.text.headline_end + 40].strip()
    assert shown_body(summary, Rights("All rights reserved", False, ())) == ""


def test_files_are_deterministic_and_plain_javascript(seed: tuple, seed_documents: tuple[SearchDocument, ...]) -> None:
    first = list(search_pages(seed_documents, shard_bytes=400, chunk_bytes=2000))
    corpus, analyses, rights = seed
    second = list(search_pages(search_documents(corpus, analyses.summaries, rights), shard_bytes=400, chunk_bytes=2000))
    assert first == second
    assert len([p for p, _ in first if "/terms" in p]) > 5 and len([p for p, _ in first if "/docs-" in p]) > 2
    for path, data in first:
        text = data.decode("utf-8")
        assert path.startswith("assets/search/") and text.startswith(HEADER) and text.endswith(");\n" if "/index.js" not in path else "};\n")
        assert "\u2028" not in text and "\u2029" not in text
        check_output_path(path)
    kinds = [d.kind for d in seed_documents]
    assert kinds == sorted(kinds, key=["article", "event", "outlet"].index)
    synthetic = synthetic_documents(200)
    assert list(search_pages(synthetic)) == list(search_pages(synthetic))


def test_hostile_text_stays_json_data() -> None:
    payload = '</script><script>alert(1)</script>\u2028"; alert(2); "'
    document = SearchDocument("articles/x.html", "article", payload, payload, "", "", payload, payload)
    for path, data in search_pages((document,)):
        text = data.decode("utf-8")
        assert "\u2028" not in text
        if "/docs-" in path:
            assert parse_script_text(text, "window.SEARCH_DOCS")[1][0]["title"] == payload


def test_event_descriptions_are_indexed_as_text_not_markdown() -> None:
    assert markdown_text("- **26 January 2020**: rockets `hit`\n  the [embassy](https://example.org).") == "26 January 2020: rockets hit the embassy."
