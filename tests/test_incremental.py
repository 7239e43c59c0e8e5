"""Incremental builds: the cache skips work without ever changing the result."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from generator.build import BuildOptions, build
from tests.conftest import tree_digest


def record_calls(monkeypatch, module: object, name: str, label) -> list[str]:
    """Replace `module.name` with a wrapper that notes `label(*args)` of every call, then calls the original."""
    calls: list[str] = []
    real = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *args: calls.append(label(*args)) or real(*args))
    return calls


def assert_as_a_clean_build(content: Path, site: Path, tmp_path: Path) -> None:
    """The incrementally built `site` has the bytes a build without a cache writes."""
    clean = tmp_path / "clean"
    build(BuildOptions(content=content, out=clean))
    assert tree_digest(clean) == tree_digest(site)


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_rebuild_after_one_edit_matches_a_clean_build_and_rewrites_only_changed_files(minimal_content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    out = tmp_path / "site"
    options = BuildOptions(content=minimal_content, out=out, cache_dir=cache)
    first = build(options)
    assert first.reused == 0
    before = mtimes(out)
    before_bytes = tree_digest(out)

    unchanged = build(options)
    assert unchanged.changed == 0 and unchanged.reused == unchanged.pages
    assert mtimes(out) == before

    article = minimal_content / "articles" / "beta" / "2021-03-02-fire-at-harbour.md"
    article.write_text(article.read_text().replace("A fire destroyed", "A large fire destroyed"))
    edited = build(options)
    after = mtimes(out)
    changed = {path for path, digest in tree_digest(out).items() if before_bytes.get(path) != digest}
    rewritten = {path for path in after if after[path] != before.get(path)}
    assert "articles/fire-at-harbour.html" in changed
    assert rewritten == changed, "files whose bytes did not change must keep their modification time"
    assert "articles/harbour-fire.html" not in rewritten
    assert edited.reused >= 1

    assert_as_a_clean_build(minimal_content, out, tmp_path)


def test_a_corrupt_cache_is_ignored_not_trusted(minimal_content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    out = tmp_path / "site"
    build(BuildOptions(content=minimal_content, out=out, cache_dir=cache))
    (cache / "cache.sqlite").write_bytes(b"this is not a database" * 100)
    build(BuildOptions(content=minimal_content, out=out, cache_dir=cache))
    assert_as_a_clean_build(minimal_content, out, tmp_path)


def test_a_damaged_cache_entry_is_recomputed(minimal_content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    out = tmp_path / "site"
    build(BuildOptions(content=minimal_content, out=out, cache_dir=cache))
    with sqlite3.connect(cache / "cache.sqlite") as connection:
        assert connection.execute("UPDATE analyses SET value = ?", (b"\x80\x04garbage",)).rowcount == 2
    os.utime(out / "articles" / "harbour-fire.html", ns=(0, 0))  # a hand-touched page is not trusted either
    build(BuildOptions(content=minimal_content, out=out, cache_dir=cache))
    assert_as_a_clean_build(minimal_content, out, tmp_path)


def add_second_event(content: Path) -> None:
    """A second event: copies of the first one's files, under new names and with another URL."""
    (content / "events" / "quay-fire.md").write_text((content / "events" / "harbour-fire.md").read_text())
    for source in (content / "articles").rglob("*.md"):
        copy = source.with_name(source.name.replace("2021-03-02-", "2021-03-02-quay-"))
        copy.write_text(source.read_text().replace("event: harbour-fire", "event: quay-fire").replace("/fire", "/quay-fire"))


def test_an_edit_recomputes_only_its_own_event_and_reuses_the_other_comparisons(minimal_content: Path, tmp_path: Path, monkeypatch) -> None:
    import generator.compare.stage as stage

    add_second_event(minimal_content)
    computed = record_calls(monkeypatch, stage, "event_facts", lambda event, *rest: event.id)
    options = BuildOptions(content=minimal_content, out=tmp_path / "site", cache_dir=tmp_path / "cache")
    build(options)
    assert sorted(computed) == ["harbour-fire", "quay-fire"]

    computed.clear()
    build(options)
    assert computed == [], "with nothing changed, every comparison's facts come from the cache"

    article = minimal_content / "articles" / "beta" / "2021-03-02-quay-fire-at-harbour.md"
    article.write_text(article.read_text().replace("A fire destroyed", "A large fire destroyed"))
    build(options)
    assert computed == ["quay-fire"]

    assert_as_a_clean_build(minimal_content, tmp_path / "site", tmp_path)


def test_an_edit_unseals_only_the_analyses_its_pages_and_comparisons_read(minimal_content: Path, tmp_path: Path, monkeypatch) -> None:
    """The site-wide pages, the search index and the prior read the articles' summaries: an edit opens the
    analyses of its own event (compared again) and of its outlet (profiled again), and renders again only the
    outlet page and digest issue that show the edited article."""
    from generator.render.renderer import SiteRenderer
    from generator.store import Store

    add_second_event(minimal_content)
    for number in range(10):  # enough articles that the prior is brought up to date, not counted again
        (minimal_content / "events" / f"fire-{number}.md").write_text((minimal_content / "events" / "harbour-fire.md").read_text())
        for source in (minimal_content / "articles").rglob("2021-03-02-[hf]*.md"):
            copy = source.with_name(source.name.replace("2021-03-02-", f"2021-03-02-n{number}-"))
            copy.write_text(source.read_text().replace("event: harbour-fire", f"event: fire-{number}").replace("/fire", f"/fire-{number}"))
    options = BuildOptions(content=minimal_content, out=tmp_path / "site", cache_dir=tmp_path / "cache")
    build(options)
    unsealed: list[str] = []
    real_unseal = Store.unseal

    def unseal(self, key, blob):
        value = real_unseal(self, key, blob)
        if self.table == "analyses" and value is not None:
            unsealed.append(value.slug)
        return value

    monkeypatch.setattr(Store, "unseal", unseal)
    outlets = record_calls(monkeypatch, SiteRenderer, "outlet_page", lambda renderer, outlet: outlet.id)
    article = minimal_content / "articles" / "beta" / "2021-03-02-quay-fire-at-harbour.md"
    article.write_text(article.read_text().replace("A fire destroyed", "A large fire destroyed"))
    build(options)
    alpha = {path.stem[len("2021-03-02-"):] for path in (minimal_content / "articles" / "alpha").glob("*.md")}
    assert len(alpha) == 12 and "harbour-fire" in alpha
    assert alpha & set(unsealed) == {"quay-harbour-fire"}, "the other outlet's articles of other events are never opened"
    assert "quay-harbour-fire" in unsealed, "the edited event is compared again, with its other article"
    assert outlets == ["beta"], "the other outlet's page is kept"
    assert_as_a_clean_build(minimal_content, tmp_path / "site", tmp_path)


def test_a_rebuild_loads_the_templates_compiled_by_the_last_build(minimal_content: Path, tmp_path: Path, monkeypatch) -> None:
    from jinja2 import Environment

    compiled = record_calls(monkeypatch, Environment, "compile", lambda env, source, name=None, *rest: name)
    options = BuildOptions(content=minimal_content, out=tmp_path / "site", cache_dir=tmp_path / "cache")
    build(options)
    assert {"article.html", "event.html", "base.html"} <= set(compiled)
    assert len(compiled) == len(set(compiled)), "each template is compiled once a build, however many renderers use it"
    compiled.clear()
    article = minimal_content / "articles" / "beta" / "2021-03-02-fire-at-harbour.md"
    article.write_text(article.read_text().replace("A fire destroyed", "A large fire destroyed"))
    build(options)
    assert compiled == [], "every template comes compiled from the cache"
    assert_as_a_clean_build(minimal_content, tmp_path / "site", tmp_path)


def test_reviewing_one_article_reads_the_build_cache_and_keeps_it_for_the_others(minimal_content: Path, tmp_path: Path, monkeypatch) -> None:
    import generator.analysis.stage as stage
    from generator.cli import main
    from generator.store import default_cache_dir

    options = BuildOptions(content=minimal_content, out=tmp_path / "site", cache_dir=default_cache_dir(minimal_content))
    build(options)
    analysed = record_calls(monkeypatch, stage, "analyse_article", lambda article, *rest: article.slug)
    assert main(["review", "--content", str(minimal_content), "--article", "harbour-fire"]) == 0
    assert analysed == [], "the review reads the analysis and summary the build kept"
    article = minimal_content / "articles" / "beta" / "2021-03-02-fire-at-harbour.md"
    article.write_text(article.read_text().replace("A fire destroyed", "A large fire destroyed"))
    build(options)
    assert analysed == ["fire-at-harbour"], "the review of one article left the others' summaries in the cache"


def test_rights_follow_a_licence_change_even_when_every_analysis_comes_from_the_cache(minimal_content: Path, tmp_path: Path) -> None:
    options = BuildOptions(content=minimal_content, out=tmp_path / "site", cache_dir=tmp_path / "cache")
    build(options)
    restricted = (tmp_path / "site" / "articles" / "fire-at-harbour.html").read_text()
    assert "Excerpt" in restricted or "excerpt" in restricted

    outlets = minimal_content / "outlets.yaml"
    outlets.write_text(outlets.read_text().replace("license: All rights reserved", "license: CC BY 4.0"))
    rebuilt = build(options)
    assert rebuilt.changed > 0
    assert_as_a_clean_build(minimal_content, tmp_path / "site", tmp_path)
    assert (tmp_path / "site" / "articles" / "fire-at-harbour.html").read_text() != restricted


def test_an_unchanged_rebuild_stops_after_checking_and_says_so(minimal_content: Path, tmp_path: Path) -> None:
    import shutil

    from tests.conftest import ROOT

    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    article = minimal_content / "articles" / "beta" / "2021-03-02-fire-at-harbour.md"
    article.rename(article.with_name("2021-03-01-fire-at-harbour.md"))  # a date that disagrees: a warning
    options = BuildOptions(content=minimal_content, out=tmp_path / "site", cache_dir=tmp_path / "cache", templates=tmp_path / "templates")
    first = build(options)
    assert not first.up_to_date and first.warnings
    stamps = mtimes(tmp_path / "site")

    again = build(options)
    assert again.up_to_date and again.changed == 0 and again.reused == again.pages == first.pages
    assert [p.message for p in again.warnings] == [p.message for p in first.warnings], "warnings are reported again"
    assert mtimes(tmp_path / "site") == stamps

    # each kind of input, and damage to the output, makes the next build a real one
    changes = [
        lambda: (tmp_path / "templates" / "base.html").write_text((tmp_path / "templates" / "base.html").read_text() + "\n"),
        lambda: (minimal_content / "site.yaml").write_text((minimal_content / "site.yaml").read_text() + "\n"),
        lambda: (tmp_path / "site" / "index.html").write_text("damaged"),
        lambda: (tmp_path / "site" / "stray.html").write_text("left here by hand"),
    ]
    for change in changes:
        change()
        rebuilt = build(options)
        assert not rebuilt.up_to_date
        assert build(options).up_to_date
    assert "damaged" not in (tmp_path / "site" / "index.html").read_text()
    assert not (tmp_path / "site" / "stray.html").exists()
    assert not build(BuildOptions(content=minimal_content, out=tmp_path / "site", cache_dir=tmp_path / "cache", templates=tmp_path / "templates",
                                  full_text=True, force=True)).up_to_date


def test_distinctive_words_are_reused_while_the_prior_weights_of_their_terms_hold(minimal_content: Path, tmp_path: Path, monkeypatch) -> None:
    """A template or URL edit keeps every event's distinctive words; a text edit recomputes those of the
    events that use a term whose prior weight it changed, and only theirs."""
    import shutil

    import generator.compare.stage as stage
    from tests.conftest import ROOT

    add_second_event(minimal_content)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    calls: list[str] = []
    real_facts, real_complete = stage.event_facts, stage.complete
    monkeypatch.setattr(stage, "event_facts", lambda event, *rest: calls.append("facts:" + event.id) or real_facts(event, *rest))
    monkeypatch.setattr(stage, "complete", lambda facts, *rest: calls.append("words:" + facts.event) or real_complete(facts, *rest))
    options = BuildOptions(content=minimal_content, out=tmp_path / "site", cache_dir=tmp_path / "cache", templates=tmp_path / "templates")
    build(options)

    def rebuilt_after(change) -> list[str]:
        change()
        calls.clear()
        build(options)
        made = sorted(calls)
        clean = tmp_path / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        build(BuildOptions(content=minimal_content, out=clean, templates=tmp_path / "templates"))
        assert tree_digest(clean) == tree_digest(tmp_path / "site")
        return made

    base = tmp_path / "templates" / "base.html"
    assert rebuilt_after(lambda: base.write_text(base.read_text() + "\n")) == []
    article = minimal_content / "articles" / "beta" / "2021-03-02-quay-fire-at-harbour.md"
    assert "url: https://example.org/quay-fire\n" in article.read_text()
    moved = lambda: article.write_text(article.read_text().replace("org/quay-fire\n", "org/quay-fire-2\n", 1))
    assert rebuilt_after(moved) == ["facts:quay-fire", "words:quay-fire"], "a new URL changes that event's comparison only"
    # one word for another keeps the corpus totals; a word used once has the weight of any missing word
    added = lambda: article.write_text(article.read_text() + "\nZebra.\n")
    assert "facts:quay-fire" in rebuilt_after(added)
    renamed = lambda: article.write_text(article.read_text().replace("Zebra.", "Yak."))
    assert rebuilt_after(renamed) == ["facts:quay-fire", "words:quay-fire"], "no weight the other event reads has changed"
    moved_weight = lambda: article.write_text(article.read_text().replace("A fire destroyed", "A boat destroyed"))
    assert rebuilt_after(moved_weight) == ["facts:quay-fire", "words:harbour-fire", "words:quay-fire"], \
        "the other event uses 'fire', whose weight changed"


def test_an_edit_profiles_again_only_the_outlet_of_the_edited_article(minimal_content: Path, tmp_path: Path, monkeypatch) -> None:
    import generator.compare.stage as stage

    profiled = record_calls(monkeypatch, stage, "profile_outlet", lambda outlet, *rest: outlet.id)
    options = BuildOptions(content=minimal_content, out=tmp_path / "site", cache_dir=tmp_path / "cache")
    build(options)
    assert sorted(profiled) == ["alpha", "beta"]

    profiled.clear()
    article = minimal_content / "articles" / "beta" / "2021-03-02-fire-at-harbour.md"
    article.write_text(article.read_text().replace("A fire destroyed", "A large fire destroyed"))
    build(options)
    assert profiled == ["beta"]
    assert_as_a_clean_build(minimal_content, tmp_path / "site", tmp_path)


def test_a_rebuild_parses_only_the_files_whose_bytes_changed(minimal_content: Path, tmp_path: Path, monkeypatch) -> None:
    import pytest

    import generator.load as load
    from generator.errors import ContentError

    parsed = record_calls(monkeypatch, load, "document_of", lambda text, shown, relative: relative)
    options = BuildOptions(content=minimal_content, out=tmp_path / "site", cache_dir=tmp_path / "cache")
    build(options)
    assert sorted(parsed) == ["articles/alpha/2021-03-02-harbour-fire.md", "articles/beta/2021-03-02-fire-at-harbour.md", "events/harbour-fire.md"]

    parsed.clear()
    article = minimal_content / "articles" / "beta" / "2021-03-02-fire-at-harbour.md"
    article.write_text(article.read_text().replace("title: Fire destroys boats", "title: Fire destroys many boats"))
    build(options)
    assert parsed == ["articles/beta/2021-03-02-fire-at-harbour.md"]
    assert_as_a_clean_build(minimal_content, tmp_path / "site", tmp_path)

    # a file with a problem is never kept: each build reads it again and reports it again
    article.write_text(article.read_text().replace("outlet: beta", "outlet: [beta"))
    for _ in range(2):
        parsed.clear()
        with pytest.raises(ContentError) as caught:
            build(options)
        assert parsed == ["articles/beta/2021-03-02-fire-at-harbour.md"]
        assert any("2021-03-02-fire-at-harbour.md:" in str(problem) and "YAML syntax error" in str(problem) for problem in caught.value.problems)


def test_a_damaged_comparison_is_computed_again_where_a_page_reads_it(minimal_content: Path, tmp_path: Path) -> None:
    """Comparisons stay as stored bytes until a page reads them; damaged bytes found then are not trusted."""
    cache = tmp_path / "cache"
    out = tmp_path / "site"
    build(BuildOptions(content=minimal_content, out=out, cache_dir=cache))
    with sqlite3.connect(cache / "cache.sqlite") as connection:
        assert connection.execute("UPDATE facts SET value = ?", (b"\x80\x04garbage",)).rowcount == 1
    os.utime(out / "events" / "harbour-fire.html", ns=(0, 0))  # so the event page is made again, from the damaged bytes
    build(BuildOptions(content=minimal_content, out=out, cache_dir=cache))
    assert_as_a_clean_build(minimal_content, out, tmp_path)


def test_a_build_without_a_cache_neither_hashes_its_inputs_nor_lists_its_output(minimal_content: Path, tmp_path: Path, monkeypatch) -> None:
    """The inputs' fingerprint and the list of files written are read only from a kept build record: a build
    without a cache makes neither; one with a cache makes both."""
    import generator.build as pipeline

    hashed = record_calls(monkeypatch, pipeline, "input_fingerprint", lambda folders, settings: folders)
    listed = record_calls(monkeypatch, pipeline, "files_of", lambda folder: folder)
    build(BuildOptions(content=minimal_content, out=tmp_path / "site"))
    assert hashed == [] and listed == []
    build(BuildOptions(content=minimal_content, out=tmp_path / "kept", cache_dir=tmp_path / "cache"))
    assert len(hashed) == 1 and listed == [tmp_path / "kept"]
    assert build(BuildOptions(content=minimal_content, out=tmp_path / "kept", cache_dir=tmp_path / "cache")).up_to_date
