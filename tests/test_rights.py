"""Rights-aware publishing on the seeds: Mehr (CC BY 4.0) in full with attribution, AFP only as excerpts.

The public site, its JSON and its search index must not carry more of the AFP
report than the excerpt limits allow (12% of its words, one sentence each).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path


import bisect
from dataclasses import replace

from generator.analysis.results import AnalysisFailure, Readability
from generator.analysis.rights import Excerpt, allows_full_text, body_words, choose_excerpts, sentences
from generator.analysis.text.tokens import count_words
from generator.build import BuildOptions, build, load_corpus
from generator.model import PublishingPolicy
from generator.render.views import withheld_quotation
from tests.conftest import ROOT, analysed

AFP_SLUG = "rockets-hit-us-embassy-in-baghdad"
MEHR_SLUG = "iran-rejects-us-accusation-over-green-zone-attack"
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
SHINGLE = 6


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def afp_body_words() -> list[str]:
    text = (ROOT / "content/articles/afp/2020-01-26-rockets-hit-us-embassy-in-baghdad.md").read_text(encoding="utf-8")
    return words(text.split("---", 2)[2])


def our_own_words() -> tuple[str, ...]:
    """Titles and descriptions the editors wrote, which may share a phrase with AFP by coincidence."""
    event = (ROOT / "content/events/baghdad-embassy-rocket-attacks.md").read_text(encoding="utf-8")
    return ("Rocket attacks on the U.S. embassy in Baghdad", *[line for line in event.split("\n") if line.strip()])


def visible_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r'<a class="shared-marker"[^>]*>.*?</a>', "", raw)
    if path.suffix == ".html":
        raw = re.sub(r"</?(a|mark|span|em|strong|code|time|small)\b[^>]*>", "", raw)
        raw = re.sub(r"<[^>]+>", " ", raw)
    return html.unescape(raw).replace("\\n", " ")


def afp_words_present(text: str, afp: list[str]) -> int:
    """How many AFP words appear in runs of at least SHINGLE consecutive words of `text`."""
    found = words(text)
    shingles = {tuple(found[i : i + SHINGLE]) for i in range(len(found) - SHINGLE + 1)}
    own = words(" \n ".join(our_own_words()))
    ours = {tuple(own[i : i + SHINGLE]) for i in range(len(own) - SHINGLE + 1)}
    covered = [False] * len(afp)
    for i in range(len(afp) - SHINGLE + 1):
        if tuple(afp[i : i + SHINGLE]) in shingles and tuple(afp[i : i + SHINGLE]) not in ours:
            for j in range(i, i + SHINGLE):
                covered[j] = True
    return sum(covered)


def test_licence_names_are_matched_by_family() -> None:
    policy = PublishingPolicy()
    assert allows_full_text("CC BY 4.0", policy) and allows_full_text("CC BY-SA 3.0 Unported", policy)
    assert not allows_full_text("CC BY-NC 4.0", policy) and not allows_full_text("All rights reserved", policy)


def test_every_public_file_carries_at_most_the_excerpt_share_of_afp(seed_site: Path) -> None:
    afp = afp_body_words()
    limit = int(0.12 * len(afp)) + 1
    checked = 0
    for path in sorted(seed_site.rglob("*")):
        if path.suffix in (".html", ".json", ".js", ".xml") and "vendor" not in path.parts:
            present = afp_words_present(visible_text(path), afp)
            assert present <= limit, f"{path.relative_to(seed_site)} carries {present} AFP words (limit {limit})"
            checked += 1
    assert checked >= 10
    paragraphs = (ROOT / "content/articles/afp/2020-01-26-rockets-hit-us-embassy-in-baghdad.md").read_text(encoding="utf-8").split("---", 2)[2].split("\n\n")
    site_text = " ".join(visible_text(p) for p in seed_site.rglob("*.html"))
    longest = max(paragraphs, key=len).strip()
    assert longest not in site_text


def test_afp_page_and_column_show_excerpts_marked_for_commentary_and_a_link(seed_site: Path) -> None:
    page = (seed_site / "articles" / f"{AFP_SLUG}.html").read_text(encoding="utf-8")
    assert "Excerpts for commentary" in page and "paragraph " in page and 'class="original-link"' in page
    event = (seed_site / "events" / "baghdad-embassy-rocket-attacks.html").read_text(encoding="utf-8")
    column = event[event.index('data-outlet="afp"') :]
    column = column[: column.index("</section>")]
    assert 'class="excerpt"' in column and 'class="original-link"' in column
    data = json.loads((seed_site / "data" / "articles" / f"{AFP_SLUG}.json").read_text(encoding="utf-8"))
    assert data["full_text"] is False
    for span in data["spans"]:
        assert data["text"][span["start"] : span["end"]] == span["text"]


def test_mehr_appears_in_full_with_cc_by_attribution(seed_site: Path) -> None:
    page = visible_text(seed_site / "articles" / f"{MEHR_SLUG}.html")
    flat_page = " ".join(page.split())
    source = (ROOT / "content/articles/mehr/2020-12-22-iran-rejects-us-accusation-over-green-zone-attack.md").read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in source.split("---", 2)[2].split("\n\n") if p.strip()]
    assert len(paragraphs) == 12
    for paragraph in paragraphs:
        assert paragraph in flat_page, paragraph[:60]
    assert "licensed under CC BY 4.0" in page and "Mehr News Agency" in page and "unchanged apart from highlighting" in page
    raw = (seed_site / "articles" / f"{MEHR_SLUG}.html").read_text(encoding="utf-8")
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in raw


def test_private_build_has_afp_text_and_the_banner(tmp_path: Path) -> None:
    out = tmp_path / "private"
    build(BuildOptions(content=ROOT / "content", out=out, full_text=True))
    page = (out / "articles" / f"{AFP_SLUG}.html").read_text(encoding="utf-8")
    assert "Private copy." in page and "operates with significant autonomy" in page
    for path in out.rglob("*.html"):
        assert "private-banner" in path.read_text(encoding="utf-8"), path


def test_excerpts_stay_within_the_policy() -> None:
    corpus, _ = load_corpus(BuildOptions(content=ROOT / "content"))
    analysis = analysed(corpus)[0][AFP_SLUG]
    for share in (0.05, 0.12, 0.3):
        policy = PublishingPolicy(excerpt_max_share=share)
        excerpts = choose_excerpts(analysis, policy)
        body_words = len(words(analysis.text.text[analysis.text.headline_end :]))
        assert sum(len(words(analysis.text.text[e.start : e.end])) for e in excerpts) <= share * body_words
        assert all(not re.search(r"[.!?][”’\"]?\s+[A-Z“]", analysis.text.text[e.start : e.end].rstrip()) for e in excerpts)
    assert choose_excerpts(analysis, PublishingPolicy(excerpt_max_share=0.12))


def test_a_withheld_quotation_is_shown_as_its_extent_in_words() -> None:
    assert withheld_quotation(1) == "(not shown: 1 word, see the original)"
    assert withheld_quotation(2) == "(not shown: 2 words, see the original)"


def test_the_afp_page_gives_withheld_quotations_only_as_their_extent(seed_site: Path) -> None:
    page = (seed_site / "articles" / f"{AFP_SLUG}.html").read_text(encoding="utf-8")
    withheld = re.findall(r"\(not shown: (\d+) (words?), see the original\)", page)
    assert withheld and all((count == "1") == (noun == "word") for count, noun in withheld)


def plain_excerpts(analysis, policy: PublishingPolicy) -> tuple[Excerpt, ...]:
    """choose_excerpts without its shortcuts: every block split, the body's words counted again."""
    text = analysis.text.text
    budget = int(count_words(text[analysis.text.headline_end :]) * policy.excerpt_max_share)
    if policy.excerpt_max_sentences < 1 or budget < 1:
        return ()
    narration = [s for s in analysis.spans if s.voice == "narration"]
    quoted = [(q.start, q.end) for q in analysis.quotations if q.use == "quotation"]
    candidates = []
    for number, block in enumerate(analysis.text.blocks[1:], start=1):
        bounds = sentences(text, block.start, block.end)
        for index in range(0, len(bounds), policy.excerpt_max_sentences):
            start, end = bounds[index][0], bounds[min(index + policy.excerpt_max_sentences, len(bounds)) - 1][1]
            framing = sum(1 for s in narration if start <= s.start and s.end <= end)
            inside = sum(max(0, min(e, end) - max(s, start)) for s, e in quoted)
            if framing > 0 and 2 * inside < end - start:
                candidates.append((-framing, start, end, number, count_words(text[start:end])))
    chosen, used = [], 0
    for _, start, end, number, words_in in sorted(candidates):
        if used + words_in <= budget:
            chosen.append(Excerpt(start, end, number))
            used += words_in
    return tuple(sorted(chosen, key=lambda e: e.start))


def test_excerpts_are_those_of_every_block_split_and_counted() -> None:
    """Blocks without a narration span are not split, and the body's words come from readability: neither may
    change the excerpts. Some seed blocks hold no narration span, so the skip is exercised."""
    corpus, _ = load_corpus(BuildOptions(content=ROOT / "content"))
    analyses = analysed(corpus)[0]
    skipped = 0
    for analysis in analyses.values():
        ends = sorted(s.end for s in analysis.spans if s.voice == "narration")
        starts = sorted(s.start for s in analysis.spans if s.voice == "narration")
        skipped += sum(bisect.bisect_right(ends, b.end) <= bisect.bisect_left(starts, b.start) for b in analysis.text.blocks[1:])
        for share, most in ((0.05, 1), (0.12, 1), (0.3, 2), (1.0, 3)):
            policy = PublishingPolicy(excerpt_max_share=share, excerpt_max_sentences=most)
            assert choose_excerpts(analysis, policy) == plain_excerpts(analysis, policy)
    assert skipped > 0


def test_body_words_are_counted_again_when_readability_failed() -> None:
    corpus, _ = load_corpus(BuildOptions(content=ROOT / "content"))
    analysis = analysed(corpus)[0][AFP_SLUG]
    after_headline = count_words(analysis.text.text[analysis.text.headline_end :])
    assert body_words(analysis) == analysis.readability.words == after_headline > 0
    failed = replace(analysis, readability=Readability(0.0, 0.0, 0.0, 0.0, 0, 0, 0.0),
                     failures=(AnalysisFailure("readability", "StepTimeout: exceeded its time budget of 20 s"),))
    assert body_words(failed) == after_headline
