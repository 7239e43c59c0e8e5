"""The benchmark corpus generator writes valid, deterministic, realistic content.

Benchmarks are only comparable across runs and machines if the same seed gives
the same bytes, and only meaningful if the corpus has the shape real content
has (event sizes, article length, quotations, numbers, framing terms).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import statistics
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ARTICLES, OUTLETS, SEED = 60, 5, 7
REQUIRED_KEYS = {"title", "outlet", "published", "event"}
ARTICLE_KEYS = REQUIRED_KEYS | {"url", "author", "dateline", "incident_date", "language", "license", "source_file", "notes"}
EVENT_KEYS = {"title", "summary", "start", "end", "location", "tags"}


def _load_corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus_module()


def _split(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    corpus.generate_corpus(out, ARTICLES, OUTLETS, SEED)
    return out


@pytest.fixture(scope="module")
def articles(generated: Path) -> dict[Path, tuple[dict, str]]:
    return {p: _split(p) for p in sorted((generated / "content" / "articles").rglob("*.md"))}


def test_same_seed_gives_identical_bytes(generated: Path, tmp_path: Path) -> None:
    corpus.generate_corpus(tmp_path / "again", ARTICLES, OUTLETS, SEED)
    assert _tree(tmp_path / "again") == _tree(generated)


def test_another_seed_gives_another_corpus(generated: Path, tmp_path: Path) -> None:
    corpus.generate_corpus(tmp_path / "other", ARTICLES, OUTLETS, SEED + 1)
    assert _tree(tmp_path / "other") != _tree(generated)


def test_writes_the_requested_number_of_articles(articles: dict) -> None:
    assert len(articles) == ARTICLES


def test_events_hold_two_to_four_articles_about_a_third_of_the_count(generated: Path, articles: dict) -> None:
    sizes: dict[str, int] = {}
    for front, _body in articles.values():
        sizes[front["event"]] = sizes.get(front["event"], 0) + 1
    event_files = {p.stem for p in (generated / "content" / "events").glob("*.md")}
    assert set(sizes) == event_files
    assert all(2 <= size <= 4 for size in sizes.values()), sizes
    assert abs(len(sizes) - ARTICLES / 3) <= ARTICLES / 12


def test_ground_truth_maps_every_article_to_its_event(generated: Path, articles: dict) -> None:
    truth = json.loads((generated / "ground_truth.json").read_text(encoding="utf-8"))
    content = generated / "content"
    assert truth == {str(p.relative_to(content)): front["event"] for p, (front, _) in articles.items()}


def test_average_length_is_near_700_words_with_spread(articles: dict) -> None:
    lengths = [len(body.split()) for _front, body in articles.values()]
    assert 630 <= statistics.mean(lengths) <= 770
    assert statistics.pstdev(lengths) > 100


def test_front_matter_parses_and_keeps_to_the_contract(generated: Path, articles: dict) -> None:
    outlets = yaml.safe_load((generated / "content" / "outlets.yaml").read_text(encoding="utf-8"))
    for path, (front, _body) in articles.items():
        assert REQUIRED_KEYS <= set(front) <= ARTICLE_KEYS, path
        assert front["outlet"] in outlets and path.parent.name == front["outlet"]
        assert isinstance(front["published"], dt.date)
        assert path.name.startswith(front["published"].isoformat() + "-")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.md", path.name), path.name
        assert front["incident_date"] <= front["published"]


def test_slugs_are_unique_across_outlets(articles: dict) -> None:
    slugs = [p.name[11:] for p in articles]
    assert len(set(slugs)) == len(slugs)


def test_event_files_have_the_event_keys(generated: Path) -> None:
    for path in (generated / "content" / "events").glob("*.md"):
        front, body = _split(path)
        assert set(front) == EVENT_KEYS, path
        assert front["start"] <= front["end"]
        assert body.strip()


def test_outlets_have_the_same_keys_as_the_real_outlets_file(generated: Path) -> None:
    outlets = yaml.safe_load((generated / "content" / "outlets.yaml").read_text(encoding="utf-8"))
    assert len(outlets) == OUTLETS
    for record in outlets.values():
        assert list(record) == ["name", "country", "ownership", "homepage", "license", "notes"]


def test_site_yaml_keeps_the_project_lexicon_list_and_copies_the_lexicon(generated: Path) -> None:
    project = yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))
    site = yaml.safe_load((generated / "content" / "site.yaml").read_text(encoding="utf-8"))
    assert site["lexicon"] == project["lexicon"]
    project_lexicon = {p.name: p.read_bytes() for p in (ROOT / "content" / "lexicon").glob("*.yaml")}
    copied = {p.name: p.read_bytes() for p in (generated / "content" / "lexicon").glob("*.yaml")}
    assert copied == project_lexicon


def test_bodies_carry_quotations_with_speakers_and_numbers(articles: dict) -> None:
    bodies = [body for _front, body in articles.values()]
    attributed = re.compile(r"“[^”]+,” (?:said )?[A-Z]?[a-z]+ [A-Za-z]+")
    numbers = re.compile(r"\b(?:\d{1,3}(?:,\d{3})+|more than \d+|at least \d+|eight|five|three) [a-z]+")
    assert sum(bool(attributed.search(b)) for b in bodies) >= 0.8 * len(bodies)
    assert sum(bool(numbers.search(b)) for b in bodies) >= 0.9 * len(bodies)
    assert any("said, “" in b for b in bodies)


def test_framing_terms_appear_a_few_times_per_thousand_words(generated: Path, articles: dict) -> None:
    terms = corpus.lexicon_terms(generated / "content" / "lexicon")
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    words = sum(len(body.split()) for _front, body in articles.values())
    found = sum(len(pattern.findall(body)) for _front, body in articles.values())
    assert 1.5 <= found / words * 1000 <= 12


def test_lexicon_terms_fill_patterns_and_fall_back_without_a_lexicon(tmp_path: Path) -> None:
    assert corpus.lexicon_terms(tmp_path) == corpus.FALLBACK_TERMS
    (tmp_path / "labels.yaml").write_text(
        "placeholders:\n  actor: [Iran, U.S.]\n"
        "entries:\n  - term: regime\n    category: loaded_labels\n    note: n\n"
        "  - pattern: '{actor}-backed'\n    category: affiliation\n    note: n\n",
        encoding="utf-8",
    )
    assert corpus.lexicon_terms(tmp_path) == ("regime", "Iran-backed", "U.S.-backed")


def test_refuses_to_overwrite_a_folder_that_is_not_a_corpus(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        corpus.generate_corpus(tmp_path, ARTICLES, OUTLETS, SEED)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_replaces_a_previous_corpus_in_place(tmp_path: Path) -> None:
    corpus.generate_corpus(tmp_path, 30, OUTLETS, SEED)
    corpus.generate_corpus(tmp_path, 12, OUTLETS, SEED)
    assert len(list((tmp_path / "content" / "articles").rglob("*.md"))) == 12


def test_outlets_keep_their_licences_and_framing_rates_whatever_the_lexicon_holds() -> None:
    """Benchmarks compare commits whose lexicons differ: the share of articles published in full (a licence
    drawn per outlet) must not move with the number of lexicon terms, or one commit gets a heavier corpus."""
    vocab = corpus.build_vocabulary(SEED, ("regime", "militia", "terrorist"))
    more_terms = corpus.dataclasses.replace(vocab, terms=vocab.terms + tuple(f"term{i}" for i in range(500)))
    traits = [[(o.license, o.framing_rate, o.datelines_in_body) for o in corpus.plan_outlets(SEED, 12, v)] for v in (vocab, more_terms)]
    assert traits[0] == traits[1]
    assert len({license for license, _, _ in traits[0]}) > 1  # the licences are drawn, not all the same
