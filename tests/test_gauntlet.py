"""A gauntlet of real news: every analyser on every PolNeAR article and every BABE sentence, and the comparison
on events made from them, with the claims invariants checked on all of it.

What it covers (read at run time from ../shared/eval, never copied; see its README.md):
- PolNeAR's 840 articles (7 US publishers, 2015-16), each analysed by every per-article step (quotations,
  framing, numbers, attributions, readability, counts, terms), none of which may fail; grouped into events by
  the importer's grouping (`importer.grouping.group_articles`: shared words and names within four days), each
  event compared outlet by outlet;
- BABE's 3,674 sentences (11 US outlets), each analysed as a one-sentence article, and grouped into one event
  per topic (23 events of 100 to 200 sentences from up to 11 outlets), each compared.
On every article and event: every actor label occurs in its outlet's text inside one sentence, no actor is
named by an epithet, no number is a year, a rank or an age, every summary sentence's figures match the event
JSON, and no part of a comparison fails. About 40 s of CPU on one core.

It is skipped, saying so, only where ../shared/eval is absent (CI has it).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.analysis.article import analyse_article
from generator.analysis.matcher import compile_matcher
from generator.analysis.rights import Rights
from generator.compare.bylines import outlet_terms
from generator.compare.distinctive import corpus_word_counts
from generator.compare.event import compare_event
from generator.importer.grouping import ArticleText as GroupingText
from generator.importer.grouping import group_articles
from generator.lexicon import load_lexicon
from generator.model import Article, Event, Outlet
from generator.render.data import event_json
from tests.claims_check import check_actor_labels, check_numbers
from tests.summary_check import check_summary

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
POLNEAR = EVAL / "polnear" / "train.jsonl"
BABE = EVAL / "babe" / "final_labels_SG2.csv"
PUBLISHERS = {"breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "The New York Times", "politico": "Politico",
              "usa-today": "USA Today", "wash-post": "The Washington Post", "west-journal": "Western Journalism"}

pytestmark = pytest.mark.skipif(not (POLNEAR.is_file() and BABE.is_file()),
                                reason=f"the evaluation data is not at {EVAL} (../shared/eval): the gauntlet of real news cannot run")


def _benchmark():
    """benchmarks/eval_attribution.py, for its reading of a PolNeAR record as an Article."""
    spec = importlib.util.spec_from_file_location("eval_attribution", ROOT / "benchmarks" / "eval_attribution.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _outlet(outlet_id: str, name: str) -> Outlet:
    return Outlet(outlet_id, name, "United States", "Not recorded", None, "All rights reserved")


def _polnear() -> tuple[list[Article], dict[str, Outlet]]:
    bench = _benchmark()
    records = [json.loads(line) for line in POLNEAR.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [bench.article_from_record(r) for r in records], {k: _outlet(k, v) for k, v in PUBLISHERS.items()}


def _babe() -> tuple[list[Article], dict[str, Outlet], list[Event]]:
    bench = _benchmark()
    with BABE.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    outlets = {_slug(name): _outlet(_slug(name), name) for name in sorted({r["outlet"] for r in rows})}
    events = [Event(f"babe-{_slug(topic)}", topic.capitalize(), "", "") for topic in sorted({r["topic"] for r in rows})]
    articles = [Article(slug=f"babe-{index}", title=row["outlet"], outlet=_slug(row["outlet"]), published=dt.date(2020, 1, 1),
                        event=f"babe-{_slug(row['topic'])}", body=bench.escape_markdown(row["text"]), path=f"babe/{index}", body_line=1)
                for index, row in enumerate(rows)]
    return articles, outlets, events


@pytest.fixture(scope="module")
def gauntlet() -> dict:
    files = tuple(yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))["lexicon"])
    lexicon, problems = load_lexicon(ROOT / "content", files)
    assert lexicon is not None, problems
    matcher, categories = compile_matcher(lexicon), tuple(c.id for c in lexicon.categories)
    polnear, polnear_outlets = _polnear()
    babe, babe_outlets, babe_events = _babe()
    analyses = {a.slug: analyse_article(a, matcher, lexicon.version, categories, step_budget=None) for a in polnear + babe}
    groups = group_articles([GroupingText(a.slug, a.published, analyses[a.slug].text.text) for a in polnear])
    by_slug = {a.slug: a for a in polnear}
    events, members = [], []
    for number, group in enumerate(groups):
        event = Event(f"polnear-{number}", " ".join(group.label) or f"Group {number}", "", "")
        events.append((event, polnear_outlets))
        members.extend(replace(by_slug[key], event=event.id) for key in group.keys)
    events += [(event, babe_outlets) for event in babe_events]
    members += babe
    prior = corpus_word_counts(analyses)
    comparisons = [compare_event(event, members, analyses, outlets, lexicon, prior) for event, outlets in events]
    return {"analyses": analyses, "polnear": polnear, "babe": babe, "groups": groups, "comparisons": comparisons,
            "members": members, "events": events}


def test_every_analyser_runs_on_every_article_and_sentence(gauntlet: dict) -> None:
    analyses = gauntlet["analyses"]
    assert len(gauntlet["polnear"]) == 840 and len(gauntlet["babe"]) == 3674
    failed = {slug: a.failures for slug, a in analyses.items() if a.failures}
    assert failed == {}, list(failed.items())[:5]
    assert sum(len(a.numbers) for a in analyses.values()) > 3000  # the analysers found things, not nothing


def test_every_comparison_is_whole(gauntlet: dict) -> None:
    comparisons = gauntlet["comparisons"]
    assert len(comparisons) == len(gauntlet["groups"]) + 23 and len(gauntlet["groups"]) > 50
    assert sum(1 for c in comparisons if len(c.outlets) >= 3) >= 30  # events with several outlets, as the page shows them
    failed = {c.event: c.failures for c in comparisons if c.failures}
    assert failed == {}, list(failed.items())[:5]


def test_every_actor_label_is_in_its_outlets_text(gauntlet: dict) -> None:
    outlet_of = {a.slug: a.outlet for a in gauntlet["members"]}
    checked = 0
    for comparison in gauntlet["comparisons"]:
        data = event_json(comparison, {slug: Rights("test", True) for slug in outlet_of})
        checked += check_actor_labels(data["actors"], gauntlet["analyses"], outlet_of)
        for actor in data["actors"]:
            naming = sum(1 for cell in actor["outlets"] if cell["mentions"])
            assert actor["source"] == "alias_table" or naming >= min(2, len(data["outlets"])), actor["actor"]
    assert checked > 100


def test_no_number_is_a_year_a_rank_or_an_age(gauntlet: dict) -> None:
    assert check_numbers(gauntlet["analyses"]) > 3000


def test_every_summary_sentence_matches_the_json(gauntlet: dict) -> None:
    rights = {a.slug: Rights("test", True) for a in gauntlet["members"]}
    sentences = Counter()
    for comparison in gauntlet["comparisons"]:
        data = event_json(comparison, rights)
        sentences["all"] += check_summary(data)
        sentences["lead"] += min(7, len(data["summary"]))
    assert sentences["all"] > 500 and sentences["lead"] <= 7 * len(gauntlet["comparisons"])


def test_distinctive_words_are_no_names_of_the_events_outlets(gauntlet: dict) -> None:
    """No event's distinctive terms hold a word of its own outlets' names, ids or house style (a third outlet
    cited as a source, "told Politico", is the story's)."""
    found = Counter()
    for comparison, (_, outlets) in zip(gauntlet["comparisons"], gauntlet["events"]):
        own = outlet_terms(outlets[o] for o in comparison.outlets)
        found.update(word for d in comparison.distinctive for t in d.terms for word in t.term.split(" ") if word in own)
    assert not found, found
    words = Counter(t.term for c in gauntlet["comparisons"] for d in c.distinctive for t in d.terms)
    assert not {"mr", "mrs", "u.s", "ap", "said", "says"} & set(words), [w for w in words if w in {"mr", "mrs", "u.s", "ap", "said", "says"}]
