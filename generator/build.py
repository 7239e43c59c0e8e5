"""The build, top to bottom: load -> validate -> analyse -> correct -> decide rights -> compare -> render -> write.

This is the one module that knows every stage. Each stage is one call with its
inputs and outputs named; what a stage keeps between builds is in its store,
and what runs in parallel runs on the executor, so neither shows here.
Problems in the content are collected as values and reported once; a bug in one
analyser for one article or event is contained and reported as an internal error.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from generator import __version__
from generator.analysis.results import ArticleSummary
from generator.analysis.stage import analyse_articles, analysis_keys, decide_all_rights
from generator.compare.stage import compare_events, correct_events, profile_outlets
from generator.corrections.files import read_corrections
from generator.corrections.stage import correct_analyses, correction_problems
from generator.errors import ContentError, InternalError, Problem, errors_only
from generator.executor import Executor, paused_collector
from generator.fingerprint import BuildRecord, files_of, input_fingerprint
from generator.keys import code_version, library_versions
from generator.lexicon import load_lexicon
from generator.load import load_content, load_yaml_file
from generator.model import Corpus
from generator.render.environment import compile_templates
from generator.render.pages import BuildInfo, PageKeys
from generator.render.site import plan_site, publishing_set
from generator.store import Store
from generator.stores import open_stores, store_notes
from generator.validate import Options, validate_content
from generator.validate.config import validate_site
from generator.theme import TemplatesRefused, choose_templates, templates_version
from generator.writer.guard import BuildRefused, refuse_private_into_deployed, refuse_unsafe_output
from generator.writer.plan import EarlyPages, write_site
from generator.writer.site_writer import UnsafeOutput
from generator.load import Document


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
    """Where results are kept between builds; None builds cold without reading or writing a cache."""


@dataclass
class BuildReport:
    """What a build did, for the terminal: counts, warnings, internal errors, and each stage's seconds."""

    pages: int = 0
    articles: int = 0
    events: int = 0
    changed: int = 0
    reused: int = 0
    warnings: tuple[Problem, ...] = ()
    internal_errors: tuple[InternalError, ...] = ()
    notes: tuple[str, ...] = ()
    stages: dict[str, float] = field(default_factory=dict)
    up_to_date: bool = False
    """Nothing was built: the inputs and the output folder are exactly as the last build left them."""


class InternalErrors(Exception):
    """Under --strict, an internal error stops the build before anything is written."""

    def __init__(self, errors: tuple[InternalError, ...]) -> None:
        super().__init__(f"{len(errors)} internal error(s)")
        self.errors = errors


def build(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Build the site into `options.out`; on any failure the previous site is left as it was.

    The cyclic garbage collector is paused for the whole build: what a build makes is mostly acyclic
    frozen values that reference counting frees, and each full collection would walk every value
    loaded so far again (the executor pauses it in each map for the same reason)."""
    with paused_collector(freeze=False):
        return _build(options, progress or Progress())


def _build(options: BuildOptions, show: Progress) -> BuildReport:
    templates = choose_templates(options.content, options.templates).folder
    refuse_unsafe_output(options.out, options.content, templates, options.force)
    if options.full_text and not options.force:
        refuse_private_into_deployed(options.out, options.content.absolute().parent)
    executor = Executor(options.jobs)
    code = code_version()
    render_key = templates_version(templates) + code
    report = BuildReport()
    with open_stores(options.cache_dir) as stores, ExitStack() as beside:
        # hashed before anything is read (an input edited during the build leaves a stale record), and only for a store that keeps it
        fingerprint = (input_fingerprint((options.content.absolute(), templates.absolute()), settings(options, code))
                       if stores.builds.keeps else "")
        if is_up_to_date(stores.builds, options.out, fingerprint, report):
            return report
        stored_templates = stores.templates.get_many([render_key]).get(render_key)
        compiling = None if stored_templates is not None else executor.start(partial(compile_templates, templates), idle_only=True)
        if compiling is not None:  # on a core that would otherwise wait for the loading
            beside.callback(compiling.cancel)

        with stage(report, "load", show):
            corpus, report.warnings = load_corpus(options, stores.documents, executor, code)
        machine_keys = analysis_keys(corpus, code)
        with stage(report, "analyse", show, len(corpus.articles)):
            analyses = analyse_articles(corpus, machine_keys, stores.analyses, executor, show.advance, stores.summaries)
        with stage(report, "correct", show):
            analyses, keys = correct_analyses(corpus, analyses, machine_keys)  # the editors' corrections; keys change with them
        with stage(report, "rights", show):
            rights = decide_all_rights(corpus, analyses, keys, options.full_text, stores.rights, executor)
        info = BuildInfo(__version__, corpus.lexicon.version, corpus.site.base_url, options.full_text)
        compiled = stored_templates if compiling is None else compiling.result()
        known = len(stored_templates or {})
        early = EarlyPages(executor, publishing_set(corpus, analyses, rights, templates, info, compiled).make, options.out) if large(corpus) else None
        if early is not None:
            beside.callback(early.discard)
        with stage(report, "compare", show):
            comparisons = compare_events(corpus, analyses, keys, stores.compare, executor, code, counted=machine_keys,
                                         summaries=analyses.summaries)
            stores.analyses.keep_only(machine_keys.values())  # only now: the compare stage read the analyses edits replaced
            stores.summaries.keep_only(machine_keys.values())
            comparisons = correct_events(corpus, comparisons)
            profiles = profile_outlets(corpus, analyses, keys, stores.profiles)
        report.internal_errors = internal_errors(corpus, analyses.summaries, comparisons.failures)
        if options.strict and report.internal_errors:
            raise InternalErrors(report.internal_errors)

        with stage(report, "render+write", show, len(corpus.articles) + len(comparisons)):
            page_keys = PageKeys.of(render_key, analyses.summaries, keys, {e: comparisons.key(e) for e in comparisons},
                                    rights, corpus)
            plan = plan_site(corpus, analyses, rights, comparisons, profiles, templates, info, page_keys, compiled)
            if early is None:
                plan = [*plan, publishing_set(corpus, analyses, rights, templates, info, compiled)]
            written = write_site(plan, options.out, executor, stores.pages, early, show.advance, large(corpus))
        if len(compiled) != known:
            stores.templates.put_many({render_key: compiled})
            stores.templates.keep_only([render_key])
        report.pages, report.changed, report.reused = written.pages, written.changed, written.reused
        report.articles, report.events = len(corpus.articles), len(corpus.events)
        if stores.builds.keeps and not report.internal_errors:  # one with internal errors is done again, to show them again
            stores.builds.put_many({str(options.out.absolute()): BuildRecord(
                fingerprint, files_of(options.out), report.pages, report.articles, report.events, report.warnings)})
        report.notes = store_notes(stores)
    return report


def load_corpus(
    options: BuildOptions, store: Store[Document] | None = None, executor: Executor | None = None, code: str = ""
) -> tuple[Corpus, tuple[Problem, ...]]:
    """Load and validate everything; raise ContentError with every problem if any stops the build.
    With several jobs, the lexicon site.yaml lists is read by a process of its own while this one reads the rest."""
    listed = listed_lexicon_files(options.content)
    reading = (executor or Executor()).start(partial(load_lexicon, options.content, listed), idle_only=True) if listed else None
    try:
        raw = load_content(options.content, executor, store, code)
        valid, problems = validate_content(raw, Options(allow_placeholders=options.allow_placeholders))
        lexicon = None
        if valid.site is not None:
            same = reading is not None and valid.site.lexicon_files == listed  # site.yaml was not edited meanwhile
            lexicon, lexicon_problems = reading.result() if same else load_lexicon(options.content, valid.site.lexicon_files)
            problems = problems + lexicon_problems
    finally:
        if reading is not None:
            reading.cancel()
    categories = [c.id for c in lexicon.categories] if lexicon is not None else None
    corrections, found = read_corrections(options.content, [a.slug for a in valid.articles], [e.id for e in valid.events], categories)
    problems = problems + found
    stopping = errors_only(problems, options.strict)
    if stopping or valid.site is None or lexicon is None:
        raise ContentError(stopping or problems)
    corpus = Corpus(valid.site, valid.outlets, valid.events, valid.articles, lexicon, corrections)
    return corpus, tuple(p for p in problems if p.severity == "warning")


def listed_lexicon_files(content: Path) -> tuple[str, ...]:
    """The lexicon files site.yaml lists, read ahead of everything else (none when it cannot be read)."""
    site, _ = validate_site(load_yaml_file(content, "site.yaml")[0])
    return site.lexicon_files if site is not None else ()


def check(options: BuildOptions) -> tuple[Problem, ...]:
    """Validation alone (`digest check`), the articles' corrections included: returns warnings; raises
    ContentError on errors."""
    choose_templates(options.content, options.templates)  # a theme that cannot be used is a problem in site.yaml
    corpus, warnings = load_corpus(options)
    stale = correction_problems(corpus)
    if stale:
        raise ContentError(stale)
    return warnings


def settings(options: BuildOptions, code: str) -> str:
    """What the output depends on besides the content and templates (not `jobs`: one process or many
    write the same bytes)."""
    return repr((code, library_versions(), options.strict, options.full_text, options.allow_placeholders))


def is_up_to_date(records: Store[BuildRecord], out: Path, fingerprint: str, report: BuildReport) -> bool:
    """Whether the last complete build into `out` had these inputs and its files are untouched; if so,
    `report` says so."""
    clock = time.perf_counter()
    last = records.get_many([str(out.absolute())]).get(str(out.absolute()))
    if last is None or last.fingerprint != fingerprint or files_of(out) != last.files:
        return False
    report.pages, report.articles, report.events, report.warnings = last.pages, last.articles, last.events, last.warnings
    report.reused, report.up_to_date = report.pages, True
    report.stages["check"] = time.perf_counter() - clock
    return True


def large(corpus: Corpus) -> bool:
    """A corpus whose site-wide pages are long enough to render beside other work."""
    return len(corpus.articles) >= Executor().threshold


def internal_errors(corpus: Corpus, summaries: Mapping[str, ArticleSummary], event_failures) -> tuple[InternalError, ...]:
    """Every step that failed, once, with the file it failed for."""
    found = [InternalError(a.path, f.step, f.error) for a in corpus.articles for f in summaries[a.slug].failures]
    found += [InternalError(corpus.events_by_id[event_id].path, f.step, f.error)
              for event_id, failures in event_failures.items() for f in failures]
    return tuple(found)


class Progress:
    """What a long build reports as it goes; the CLI draws it, tests and library callers can ignore it."""

    def stage(self, name: str, total: int = 0) -> None: ...

    def advance(self, count: int = 1) -> None: ...


@contextmanager
def stage(report: BuildReport, name: str, show: Progress, total: int = 0) -> Iterator[None]:
    """Time one stage for `--profile` and tell the progress display it started."""
    show.stage(name, total)
    clock = time.perf_counter()
    yield
    report.stages[name] = time.perf_counter() - clock


__all__ = ["BuildOptions", "BuildRefused", "BuildReport", "ContentError", "InternalErrors", "TemplatesRefused", "UnsafeOutput", "build", "check"]
