"""The build, top to bottom: load -> validate -> analyse -> render -> write.

This is the one module that knows every stage. Each stage is a call into its
own module; problems are collected as values and reported once.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain
from pathlib import Path

from generator import __version__
from generator.analysis.compare import EventComparison, compare_event_facts
from generator.analysis.fightin_words import PriorWeights, changed_weights, prior_weights
from generator.analysis.prior_tally import PriorTally, tally, updated
from generator.analysis.profile import OutletProfile, profile_outlet
from generator.analysis.matcher import compile_matcher
from generator.analysis.results import ArticleAnalysis
from generator.analysis.rights import Rights, article_license
from generator.cache import AnalysisCache, analysis_key, code_version, comparison_key, library_versions, render_version, rights_key, stored_comparison
from generator.comparisons import Comparisons
from generator.errors import ContentError, Problem, errors_only
from generator.lexicon import load_lexicon
from generator.load import load_content
from generator.model import Article, Corpus, Event, Outlet
from generator.parallel import MIN_PARALLEL, Background, RightsPolicy, analyse_many, compare_many, render_many
from generator.render.data import article_json, event_json, index_json
from generator.render.site import BuildInfo, Deferred, DeferredSet, Page, PageKeys, digest, json_bytes, publishing_set, render_site
from generator.validate import Options, validate_content
from generator.writer import SiteWriter, UnsafeOutput


@dataclass(frozen=True)
class BuildOptions:
    content: Path = Path("content")
    out: Path = Path("site")
    strict: bool = False
    full_text: bool = False
    force: bool = False
    allow_placeholders: bool = False
    templates: Path | None = None
    jobs: int = 1
    cache_dir: Path | None = None
    """Where analyses are kept between builds; None builds cold without reading or writing a cache."""


@dataclass
class BuildReport:
    """What a build did, for the terminal: counts, warnings, and how long each stage took."""

    pages: int = 0
    articles: int = 0
    events: int = 0
    changed: int = 0
    reused: int = 0
    warnings: tuple[Problem, ...] = ()
    stages: dict[str, float] = field(default_factory=dict)
    up_to_date: bool = False
    """Nothing was built: the inputs and the output folder are exactly as the last build left them."""


class BuildRefused(Exception):
    """The build will not run as asked (e.g. a private build into the deployed folder)."""


def find_templates(content: Path, given: Path | None) -> Path:
    """`templates/` beside the content folder, else the one shipped with this checkout."""
    if given is not None:
        return given
    beside = content.absolute().parent / "templates"
    if (beside / "base.html").is_file():
        return beside
    return Path(__file__).resolve().parent.parent / "templates"


def deployed_folders(project_root: Path) -> set[Path]:
    """Folders the GitHub Pages workflow uploads (the `path:` of upload-pages-artifact)."""
    folders = {(project_root / "site").resolve()}
    for workflow in (project_root / ".github" / "workflows").glob("*.y*ml"):
        text = workflow.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"upload-pages-artifact@[^\n]*\n(?:[ \t]+[^\n]*\n)*?[ \t]+path:\s*['\"]?([^'\"\n#]+)", text):
            folders.add((project_root / match.group(1).strip()).resolve())
    return folders


def load_corpus(
    options: BuildOptions, timings: dict[str, float] | None = None, cache: AnalysisCache | None = None
) -> tuple[Corpus, tuple[Problem, ...]]:
    """Load and validate everything; raise ContentError with every problem if any stops the build.
    With a cache, files whose bytes are unchanged are not parsed again."""
    clock = time.perf_counter()
    raw = load_content(options.content, options.jobs, cache)
    if cache is not None:
        cache.prune_documents(raw.document_keys)
    loaded = time.perf_counter()
    valid, problems = validate_content(raw, Options(allow_placeholders=options.allow_placeholders))
    lexicon = None
    if valid.site is not None:
        lexicon, lexicon_problems = load_lexicon(options.content, valid.site.lexicon_files)
        problems = problems + lexicon_problems
    if timings is not None:
        timings["load"] = loaded - clock
        timings["validate"] = time.perf_counter() - loaded
    stopping = errors_only(problems, options.strict)
    if stopping or valid.site is None or lexicon is None:
        raise ContentError(stopping or problems)
    corpus = Corpus(valid.site, valid.outlets, valid.events, valid.articles, lexicon)
    return corpus, tuple(p for p in problems if p.severity == "warning")


def article_keys(corpus: Corpus) -> dict[str, str]:
    """slug -> the key of its analysis: a hash of the article, the lexicon version and the analysis code."""
    code = code_version()
    return {a.slug: analysis_key(a, corpus.lexicon.version, code) for a in corpus.articles}


def analyse_corpus(
    corpus: Corpus,
    jobs: int = 1,
    cache: AnalysisCache | None = None,
    progress: Callable[[int], None] | None = None,
    keys: Mapping[str, str] | None = None,
) -> dict[str, ArticleAnalysis]:
    """Every article's analysis: from the cache where its key is there, else computed (in parallel)."""
    return analyse_with_rights(corpus, False, jobs, cache, progress, keys)[0]


def analyse_with_rights(
    corpus: Corpus,
    full_text: bool,
    jobs: int = 1,
    cache: AnalysisCache | None = None,
    progress: Callable[[int], None] | None = None,
    keys: Mapping[str, str] | None = None,
    prune: bool = True,
) -> tuple[dict[str, ArticleAnalysis], dict[str, Rights]]:
    """Every article's analysis and what the site may show of it.

    Both come from the cache where their keys are there; the rest are computed
    together, on `jobs` processes, so a cold build decides rights in parallel too.
    Without `prune`, the analyses no article uses any more stay in the cache (the
    build reads the ones edits replaced to update the prior, then prunes them)."""
    keys = keys or article_keys(corpus)
    policy = rights_policy(corpus, full_text)
    rights_keys = {a.slug: rights_key(keys[a.slug], article_license(a, policy.outlets[a.outlet]), policy.publishing, full_text)
                   for a in corpus.articles}
    cached = cache.get_many(keys.values()) if cache is not None else {}
    cached_rights = cache.get_rights(rights_keys.values()) if cache is not None else {}
    todo = [a for a in corpus.articles if keys[a.slug] not in cached]
    fresh: dict[str, ArticleAnalysis] = {}
    fresh_rights: dict[str, Rights] = {}
    if todo:
        matcher = compile_matcher(corpus.lexicon)
        categories = tuple(c.id for c in corpus.lexicon.categories)
        analysed = analyse_many(todo, matcher, corpus.lexicon.version, categories, policy, jobs, progress)
        for article, (analysis, rights) in zip(todo, analysed):
            fresh[keys[article.slug]] = analysis
            fresh_rights[rights_keys[article.slug]] = rights
    found = {**cached, **fresh}
    analyses = {a.slug: found[keys[a.slug]] for a in corpus.articles}
    for article in corpus.articles:  # an analysis from the cache whose licence or policy has changed since
        if rights_keys[article.slug] not in cached_rights and rights_keys[article.slug] not in fresh_rights:
            fresh_rights[rights_keys[article.slug]] = policy.decide(article, analyses[article.slug])
    if cache is not None:
        cache.put_many(fresh)
        if prune:
            cache.prune(keys.values())
        cache.put_rights(fresh_rights)
        cache.prune_rights(rights_keys.values())
    known = {**cached_rights, **fresh_rights}
    return analyses, {a.slug: known[rights_keys[a.slug]] for a in corpus.articles}


def rights_policy(corpus: Corpus, full_text: bool) -> RightsPolicy:
    return RightsPolicy({o.id: o for o in corpus.outlets}, corpus.site.publishing, full_text)


def compare_events(
    corpus: Corpus,
    analyses: Mapping[str, ArticleAnalysis],
    jobs: int = 1,
    cache: AnalysisCache | None = None,
    keys: Mapping[str, str] | None = None,
) -> tuple[Comparisons, dict[str, str]]:
    """One comparison per event that has articles, and each one's key for the cache and the page keys.

    A comparison comes from the cache in two parts: its facts, kept while the
    event, its articles and their outlets are unchanged, and its distinctive words
    (with the summary that quotes them), kept while the prior weights of the terms
    its articles use are unchanged too. An edit to one article changes few weights
    (`coarse`), so the other events keep their words unless they use a changed term."""
    outlets = {o.id: o for o in corpus.outlets}
    by_event: dict[str, list[Article]] = {}
    for article in corpus.articles:
        if article.event:
            by_event.setdefault(article.event, []).append(article)
    events = [(event, by_event[event.id]) for event in corpus.events if by_event.get(event.id)]
    code = code_version()
    keys = keys or article_keys(corpus)
    event_keys = {
        event.id: comparison_key(event, (keys[a.slug] for a in members), (outlets[o] for o in sorted({a.outlet for a in members})), code)
        for event, members in events
    }
    order = tuple(event.id for event, _ in events)
    if cache is None:
        prior = tally(analyses.values()).prior()
        compared = compare_many(events, analyses, outlets, corpus.lexicon, prior, jobs, {}, event_keys)
        return Comparisons(order, {
            event.id: (completion, _facts_from(event_keys[event.id], blob, event, members, analyses, outlets, corpus))  # type: ignore[arg-type]
            for (event, members), (completion, blob) in zip(events, compared)
        }), event_keys

    stored = cache.get_comparison_bytes(event_keys.values())
    facts = {
        event.id: _facts_from(event_keys[event.id], stored[event_keys[event.id]], event, members, analyses, outlets, corpus)
        for event, members in events if event_keys[event.id] in stored
    }
    counted = frozenset(keys[a.slug] for a in corpus.articles)
    last = cache.get_prior()
    if last is not None and last[0] == counted:
        prior_tally, weights = last[1], last[2]
    else:
        prior_tally = _updated_tally(last, counted, corpus, analyses, keys, cache) or tally(analyses.values())
        weights = prior_weights(prior_tally.prior())
    weights_print = weights.fingerprint()
    completion_keys = {event_id: digest(key, weights_print) for event_id, key in event_keys.items()}
    completions = cache.get_completions(completion_keys.values())
    # event id -> (distinctive words, summary, origin): kept under this prior, carried over from the last, made now
    kept = {event_id: completions[key] for event_id, key in completion_keys.items() if event_id in facts and key in completions}
    carried = _carried_completions(last[2] if last else None, weights, {e: m for e, m in by_event.items() if e in facts and e not in kept},
                                   event_keys, analyses, cache)
    kept.update(carried)

    todo = [(event, members) for event, members in events if event.id not in kept]
    made: dict[str, tuple] = {}
    fresh: dict[str, bytes] = {}
    if todo:
        known = {event.id: facts[event.id]() for event, _ in todo if event.id in facts}
        for (event, members), (completion, blob) in zip(todo, compare_many(todo, analyses, outlets, corpus.lexicon, prior_tally.prior(),
                                                                          jobs, known, event_keys)):
            made[event.id] = (*completion, completion_keys[event.id])
            if blob is not None:
                fresh[event_keys[event.id]] = blob
                facts[event.id] = _facts_from(event_keys[event.id], blob, event, members, analyses, outlets, corpus)
    kept.update(made)
    cache.put_comparison_bytes(fresh)
    cache.prune_comparisons(event_keys.values())
    cache.put_completions({completion_keys[event_id]: completion for event_id, completion in {**carried, **made}.items()})
    cache.prune_completions(completion_keys.values())
    cache.save_prior(counted, prior_tally, weights)
    origins = {event_id: completion[2] for event_id, completion in kept.items()}
    return Comparisons(order, {event_id: (kept[event_id][:2], facts[event_id]) for event_id in order}, origins), event_keys


def _updated_tally(
    last: tuple[frozenset[str], PriorTally, PriorWeights] | None,
    counted: frozenset[str],
    corpus: Corpus,
    analyses: Mapping[str, ArticleAnalysis],
    keys: Mapping[str, str],
    cache: AnalysisCache,
) -> PriorTally | None:
    """The last build's prior tally brought up to date, when few articles changed since and the cache
    still holds the analyses they replaced; None when the prior must be counted again."""
    if last is None:
        return None
    removed_keys = last[0] - counted
    added = [analyses[a.slug] for a in corpus.articles if keys[a.slug] not in last[0]]
    if len(removed_keys) + len(added) > max(1, len(counted) // 10):  # counting everything is as quick
        return None
    removed = cache.get_many(removed_keys)
    if len(removed) != len(removed_keys):
        return None
    return updated(last[1], removed.values(), added)


def _carried_completions(
    earlier: PriorWeights | None,
    weights: PriorWeights,
    candidates: Mapping[str, list[Article]],
    event_keys: Mapping[str, str],
    analyses: Mapping[str, ArticleAnalysis],
    cache: AnalysisCache,
) -> dict[str, tuple]:
    """Completions (with their origin) made under the `earlier` prior that still hold under `weights`: those of the
    `candidates` (events with known facts but no completion for this prior) whose articles use
    none of the terms whose weight changed."""
    if earlier is None or not candidates:
        return {}
    changed = changed_weights(earlier, weights)
    if changed is None:
        return {}
    earlier_print = earlier.fingerprint()
    earlier_keys = {event_id: digest(event_keys[event_id], earlier_print) for event_id in candidates}
    found = cache.get_completions(earlier_keys.values())
    return {
        event_id: found[key] for event_id, key in earlier_keys.items()
        if key in found and not changed.used_by(analyses[a.slug] for a in candidates[event_id])
    }


def _facts_from(
    key: str, blob: bytes, event: Event, members: list[Article], analyses: Mapping[str, ArticleAnalysis],
    outlets: Mapping[str, Outlet], corpus: Corpus,
) -> Callable[[], EventComparison]:
    """A function returning a comparison's facts from their stored bytes, or recomputed if those prove damaged."""
    return partial(_kept_facts, key, blob, partial(compare_event_facts, event, members, analyses, outlets, corpus.lexicon))


def _kept_facts(key: str, blob: bytes, recompute: Callable[[], EventComparison]) -> EventComparison:
    return stored_comparison(key, blob) or recompute()


def profile_outlets(
    corpus: Corpus,
    analyses: Mapping[str, ArticleAnalysis],
    cache: AnalysisCache | None = None,
    keys: Mapping[str, str] | None = None,
) -> dict[str, OutletProfile]:
    """Each outlet's profile over the corpus; with a cache, kept while the outlet and its articles'
    analysis keys (which cover the articles, the lexicon and the code) are unchanged."""
    own: dict[str, list[Article]] = {outlet.id: [] for outlet in corpus.outlets}
    for article in corpus.articles:
        if article.outlet in own:
            own[article.outlet].append(article)
    if cache is None:
        return {outlet.id: profile_outlet(outlet, own[outlet.id], analyses) for outlet in corpus.outlets}
    keys = keys or article_keys(corpus)
    profile_keys = {outlet.id: digest("outlet-profile", repr(outlet), *sorted(keys[a.slug] for a in own[outlet.id]))
                    for outlet in corpus.outlets}
    found = cache.get_profiles(profile_keys.values())
    made = {outlet.id: profile_outlet(outlet, own[outlet.id], analyses) for outlet in corpus.outlets if profile_keys[outlet.id] not in found}
    cache.put_profiles({profile_keys[outlet_id]: profile for outlet_id, profile in made.items()})
    cache.prune_profiles(profile_keys.values())
    return {outlet.id: made.get(outlet.id) or found[profile_keys[outlet.id]] for outlet in corpus.outlets}


def data_pages(
    corpus: Corpus,
    analyses: Mapping[str, ArticleAnalysis],
    rights: Mapping[str, Rights],
    comparisons: Comparisons,
    keys: PageKeys | None = None,
) -> Iterator[Page | Deferred]:
    """The JSON files; per-article and per-event ones deferred (and keyed, given `keys`), in groups,
    so they are carried over when unchanged and encoded in parallel otherwise."""
    for number, article in enumerate(sorted(corpus.articles, key=lambda a: a.slug)):
        make = partial(_article_data, article, analyses[article.slug], rights[article.slug])
        key = digest(keys.render, "article-data", keys.articles[article.slug], keys.rights[article.slug]) if keys else ""
        yield Deferred(f"data/articles/{article.slug}.json", key, make, f"data:articles:{number // DATA_GROUP}")
    for event_id in sorted(comparisons):
        make = partial(_event_data, event_id, comparisons, rights)
        key = ""
        if keys:  # what the file shows: the comparison (its key, and where its distinctive words come from) and its articles' rights
            key = digest(keys.render, "event-data", keys.events[event_id], comparisons.origin(event_id), keys.event_rights[event_id])
        yield Deferred(f"data/events/{event_id}.json", key, make, event_id)  # with the event's pages, which read its comparison too
    yield Page("data/index.json", json_bytes(index_json(corpus, analyses)))


DATA_GROUP = 50
"""JSON files per parallel task: enough to outweigh sending the task, few enough to spread the work."""


def _article_data(article: Article, analysis: ArticleAnalysis, rights: Rights) -> Page:
    return Page(f"data/articles/{article.slug}.json", json_bytes(article_json(article, analysis, rights)))


def _event_data(event_id: str, comparisons: Comparisons, rights: Mapping[str, Rights]) -> Page:
    return Page(f"data/events/{event_id}.json", json_bytes(event_json(comparisons[event_id], rights)))


class Progress:
    """What a long build reports as it goes; the CLI draws it, tests and library callers can ignore it."""

    def stage(self, name: str, total: int = 0) -> None: ...

    def advance(self, count: int = 1) -> None: ...


def build(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Build the site into `options.out`; on any failure the previous site is left as it was.

    With a cache, a build whose inputs are all as they were for the last complete
    build into the same folder, and whose output files are untouched since, stops
    after checking that: it would write the same bytes."""
    if options.full_text and not options.force:
        project_root = options.content.absolute().parent
        if options.out.resolve() in deployed_folders(project_root):
            raise BuildRefused(
                f"refusing to write a private full-text build into {options.out}, the folder the Pages workflow publishes; "
                "choose another --out (make site FULL_TEXT=1 uses private-site/) or pass --force"
            )
    templates = find_templates(options.content, options.templates)
    cache = AnalysisCache(options.cache_dir) if options.cache_dir is not None else None
    try:
        if cache is None:
            return _build(options, templates, None, progress or Progress())
        clock = time.perf_counter()
        fingerprint = input_fingerprint(options, templates)
        last = cache.last_build(options.out)
        if last is not None and last[0] == fingerprint and isinstance(last[2], BuildReport) and files_of(options.out) == last[1]:
            report = last[2]
            report.changed, report.reused, report.up_to_date = 0, report.pages, True
            report.stages = {"check": time.perf_counter() - clock}
            return report
        report = _build(options, templates, cache, progress or Progress())
        cache.save_last_build(options.out, fingerprint, files_of(options.out), replace(report, stages={}))
        return report
    finally:
        gc.unfreeze()  # what the stages froze (see paused_gc) can be collected once the build is over
        if cache is not None:
            cache.close()


def input_fingerprint(options: BuildOptions, templates: Path) -> str:
    """A hash of everything the output depends on: every file of the content folder and of the
    templates, the generator's own code, the libraries that shape results, Python, and the options
    that change what is written (not `jobs`: one process or many write the same bytes)."""
    digest = hashlib.sha256()
    for part in (__version__, library_versions(), sys.version, repr((options.strict, options.full_text, options.allow_placeholders))):
        digest.update(f"{len(part)}:{part}".encode())
    for root in (options.content.absolute(), templates.absolute(), Path(__file__).resolve().parent):
        for name in sorted(_file_names(str(root))):
            if "__pycache__" in name.split("/"):
                continue
            with open(os.path.join(root, name), "rb") as file:
                data = file.read()
            digest.update(f"{len(name)}:{name}{len(data)}:".encode())
            digest.update(data)
    return digest.hexdigest()


def _file_names(root: str, prefix: str = "", links: bool = False) -> Iterator[str]:
    """Relative names of the files under `root`, not descending into links to folders (as `load` does
    not), and with `links` the links themselves too. os.scandir: pathlib's walk costs several times
    more over the 10,000s of files of a large site."""
    try:
        entries = list(os.scandir(os.path.join(root, prefix) if prefix else root))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        name = f"{prefix}{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            yield from _file_names(root, name + "/", links)
        elif entry.is_file(follow_symlinks=True) or (links and entry.is_symlink()):
            yield name


def files_of(folder: Path) -> dict[str, tuple[int, int]]:
    """path -> (size, mtime_ns) of every file under `folder`; empty when there is no such folder."""
    root = str(folder)
    found: dict[str, tuple[int, int]] = {}
    for name in _file_names(root, links=True):
        stat = os.lstat(os.path.join(root, name))
        found[name] = (stat.st_size, stat.st_mtime_ns)
    return found


def _build(options: BuildOptions, templates: Path, cache: AnalysisCache | None, show: Progress) -> BuildReport:
    """The pipeline itself, stage by stage; `build` first decides whether it needs to run."""
    report = BuildReport()
    show.stage("load")
    with paused_gc():
        corpus, warnings = load_corpus(options, report.stages, cache)
    report.warnings = warnings

    clock = time.perf_counter()
    show.stage("analyse", len(corpus.articles))
    keys = article_keys(corpus)
    with paused_gc():
        analyses, rights = analyse_with_rights(corpus, options.full_text, options.jobs, cache, show.advance, keys, prune=False)
    report.stages["analyse"] = time.perf_counter() - clock

    build_info = BuildInfo(__version__, corpus.lexicon.version, corpus.site.base_url, options.full_text)
    written: dict[str, tuple[str, int, int]] = {}
    writing = 0.0
    with SiteWriter(options.out) as writer:

        def store(page: Page) -> tuple[str, bool, int, int]:
            """Runs in the process that rendered the page: the bytes never travel between processes."""
            reused = writer.store(page.path, page.content)
            stat = (writer.temp_dir / page.path).stat()
            return page.path, reused, stat.st_size, stat.st_mtime_ns

        # The search index, feed and sitemap need no comparison: on a large corpus they are rendered
        # in a process of their own from here on, while events are compared and their pages rendered.
        publishing = publishing_set(corpus, analyses, rights, templates, build_info)
        early: Background[list[tuple[str, bool, int, int]]] | None = None
        if options.jobs > 1 and len(corpus.articles) >= MIN_PARALLEL and "fork" in multiprocessing.get_all_start_methods():
            early = Background(partial(_stored_set, publishing, store))
        try:
            clock = time.perf_counter()
            comparisons, event_keys = compare_events(corpus, analyses, options.jobs, cache, keys)
            if cache is not None:
                cache.prune(keys.values())
            profiles = profile_outlets(corpus, analyses, cache, keys)
            report.stages["compare"] = time.perf_counter() - clock

            clock = time.perf_counter()
            previous = cache.page_keys(options.out) if cache is not None else {}
            page_keys = PageKeys.of(render_version(templates), keys, event_keys, rights, corpus) if cache is not None else None
            pages = render_site(corpus, analyses, rights, comparisons, profiles, templates, build_info, page_keys)
            show.stage("write", len(corpus.articles) + len(comparisons))

            def counted(path: str) -> None:
                report.pages += 1
                if path.endswith(".html") and path.startswith(("articles/", "events/")):
                    show.advance()

            def put(page: Page, key: str) -> None:
                nonlocal writing
                started = time.perf_counter()
                writer.write(page.path, page.content)
                writing += time.perf_counter() - started
                if key:
                    stat = (writer.temp_dir / page.path).stat()
                    written[page.path] = (key, stat.st_size, stat.st_mtime_ns)
                counted(page.path)

            def collect(stored: list[tuple[str, bool, int, int]]) -> None:
                for path, reused, size, mtime in stored:
                    if path not in keys_of:
                        writer.claim(path)  # a site-wide page: its path became known where it was made
                    writer.count(reused)
                    if keys_of.get(path):
                        written[path] = (keys_of[path], size, mtime)
                    counted(path)

            # Article, event and data pages are each carried over when unchanged; the rest, and the sets of
            # site-wide pages, are rendered group by group on `jobs` processes, site-wide sets first, each
            # on its own, since each is long. What is left (static files) is written here meanwhile.
            scheduled: list[Deferred | DeferredSet] = [] if early else [publishing]
            left: list[Iterator[Page | Deferred | DeferredSet]] = []
            for items in (pages, data_pages(corpus, analyses, rights, comparisons, page_keys)):
                deferred, rest = _leading_deferred(items)
                scheduled += deferred
                left.append(rest)
            site_wide = [[item] for item in scheduled if isinstance(item, DeferredSet)]
            groups: dict[str, list[Deferred | DeferredSet]] = {}
            for item in scheduled:
                if isinstance(item, DeferredSet):
                    continue
                if item.key and _unchanged(previous.get(item.path), item.key, options.out / item.path) and writer.reuse(item.path):
                    written[item.path] = previous[item.path]
                    counted(item.path)
                else:
                    writer.claim(item.path)
                    groups.setdefault(item.group, []).append(item)
            keys_of = {item.path: item.key for group in groups.values() for item in group if isinstance(item, Deferred)}

            def render_left() -> None:
                for item in chain(*left):
                    if isinstance(item, DeferredSet):
                        for page in item.make():
                            put(page, "")
                    elif isinstance(item, Deferred):
                        put(item.make(), item.key)
                    else:
                        put(item, "")

            for stored in render_many([*site_wide, *groups.values()], options.jobs, store, render_left, alone=len(site_wide),
                                      large=len(corpus.articles) >= MIN_PARALLEL):
                collect(stored)
            if early is not None:
                collect(early.result())
                early = None
        finally:
            if early is not None:
                early.cancel()
        started = time.perf_counter()
        writer.commit()
        writing += time.perf_counter() - started
    if cache is not None:
        cache.save_page_keys(options.out, written)
    report.stages["render"] = time.perf_counter() - clock - writing
    report.stages["write"] = writing
    report.changed, report.reused = writer.changed, writer.reused
    report.articles, report.events = len(corpus.articles), len(corpus.events)
    return report


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a stage fills memory with results that stay alive.

    Tens of thousands of analyses arrive from workers or the cache, and each
    collection would walk all of them again (at 10,000 articles, about 3 s of
    the parent's time for nothing: the results hold no cycles). Reference
    counting still frees everything else at once. Collection resumes after,
    with what the stage left frozen out of it (`gc.freeze`), since later stages
    would otherwise walk it again (0.8 s at 10,000 articles); `build` thaws it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _stored_set(pages: DeferredSet, store: Callable[[Page], tuple[str, bool, int, int]]) -> list[tuple[str, bool, int, int]]:
    return [store(page) for page in pages.make()]


def _leading_deferred(
    items: Iterable[Page | Deferred | DeferredSet],
) -> tuple[list[Deferred | DeferredSet], Iterator[Page | Deferred | DeferredSet]]:
    """The deferred items at the head of `items`, and an iterator over the rest.

    Plain pages are made as they are drawn from the iterator, so drawing them can
    wait until the workers are busy with the deferred ones."""
    iterator = iter(items)
    deferred: list[Deferred | DeferredSet] = []
    for item in iterator:
        if not isinstance(item, (Deferred, DeferredSet)):
            return deferred, chain([item], iterator)
        deferred.append(item)
    return deferred, iterator


def _unchanged(previous: tuple[str, int, int] | None, key: str, old_file: Path) -> bool:
    """The page's inputs are unchanged and the file written from them is still there, untouched."""
    if previous is None or previous[0] != key:
        return False
    try:
        stat = old_file.stat()
    except OSError:
        return False
    return (stat.st_size, stat.st_mtime_ns) == previous[1:]


def check(options: BuildOptions) -> tuple[Problem, ...]:
    """Validation alone (`digest check`): returns warnings; raises ContentError on errors."""
    _, warnings = load_corpus(options)
    return warnings


__all__ = ["BuildOptions", "BuildRefused", "BuildReport", "ContentError", "UnsafeOutput", "build", "check"]