"""The `digest` command: parse arguments, call the pipeline, print problems. Nothing else lives here."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator import __version__
from generator.corrections.cli import add_review_parser
from generator.errors import ContentError, Problem
from generator.export import add_export_parser
from generator.importer.cli import add_import_parser, add_suggest_parser
from generator.writer import UnsafeOutput

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
"""Success; problems in the content (or a refused build); a usage error; built, but with internal errors."""


def _print_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="DIR", help="the content folder (default: content/)")


def _build_options(args: argparse.Namespace):
    from generator.build import BuildOptions
    from generator.executor import default_jobs
    from generator.store import default_cache_dir

    cache_dir = None
    if not getattr(args, "no_cache", True):
        cache_dir = args.cache_dir or default_cache_dir(args.content)
    return BuildOptions(
        content=args.content,
        out=getattr(args, "out", Path("site")),
        strict=args.strict,
        full_text=getattr(args, "full_text", False),
        force=getattr(args, "force", False),
        allow_placeholders=args.allow_placeholders,
        templates=getattr(args, "templates", None),
        jobs=getattr(args, "jobs", None) or default_jobs(),
        cache_dir=cache_dir,
    )


class TerminalProgress:
    """A one-line progress display on a terminal: stage, done/total, elapsed and remaining time."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.clock = time.monotonic
        self.started = self.clock()
        self.name, self.total, self.done, self.stage_started, self.drawn = "", 0, 0, self.started, 0.0

    def stage(self, name: str, total: int = 0) -> None:
        self.name, self.total, self.done, self.stage_started = name, total, 0, self.clock()
        self._draw(force=True)

    def advance(self, count: int = 1) -> None:
        self.done += count
        self._draw(force=self.done == self.total)

    def _draw(self, force: bool = False) -> None:
        now = self.clock()
        if not force and now - self.drawn < 0.1:
            return
        self.drawn = now
        elapsed = now - self.started
        line = f"{self.name}"
        if self.total:
            rate = self.done / max(now - self.stage_started, 1e-6)
            left = (self.total - self.done) / rate if rate and self.done else 0
            line += f" {self.done}/{self.total} ({100 * self.done // self.total}%), {elapsed:.0f}s elapsed, about {left:.0f}s left in this stage"
        else:
            line += f", {elapsed:.0f}s elapsed"
        self.stream.write("\r\x1b[2K" + line)
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\r\x1b[2K")
        self.stream.flush()


def run_build(args: argparse.Namespace) -> int:
    from jinja2 import TemplateError

    from generator.build import BuildRefused, InternalErrors, TemplatesRefused, build
    from generator.theme import choose_templates

    quiet = args.quiet
    progress = TerminalProgress(sys.stderr) if not quiet and sys.stderr.isatty() else None
    try:
        templates = choose_templates(args.content, args.templates)
        if not quiet:
            print(templates.describe(), flush=True)
        report = build(_build_options(args), progress)
    except TemplatesRefused as error:
        print(f"digest: {error}", file=sys.stderr)
        return EXIT_USAGE
    except TemplateError as error:
        print(f"digest: the templates in {templates.folder} failed: {error}; nothing was written, the previous site is unchanged",
              file=sys.stderr)
        return EXIT_CONTENT
    except ContentError as error:
        _print_problems(error.problems)
        errors = sum(1 for p in error.problems if p.severity == "error" or args.strict)
        print(f"digest: {errors} problem(s) in {args.content}; nothing was written, the previous site is unchanged", file=sys.stderr)
        return EXIT_CONTENT
    except (BuildRefused, UnsafeOutput) as error:
        print(f"digest: {error}", file=sys.stderr)
        return EXIT_CONTENT
    except InternalErrors as error:
        for internal in error.errors:
            print(internal, file=sys.stderr)
        print(f"digest: {len(error.errors)} internal error(s) under --strict; nothing was written, the previous site is unchanged",
              file=sys.stderr)
        return EXIT_CONTENT
    if progress is not None:
        progress.finish()
    for note in report.notes:
        print(f"digest: {note}", file=sys.stderr)
    _print_problems(report.warnings)
    for internal in report.internal_errors:
        print(internal, file=sys.stderr)
    if args.profile:
        for stage, seconds in report.stages.items():
            print(f"profile: {stage} {seconds:.3f}s", file=sys.stderr)
    if not quiet and report.up_to_date:
        print(f"{args.out}/ is up to date: nothing in the content, templates or generator changed since it was built "
              f"({report.pages} files, {report.articles} articles, {report.events} events)")
    elif not quiet:
        index = (args.out / "index.html").absolute()
        print(
            f"Built {report.pages} files ({report.articles} articles, {report.events} events; "
            f"{report.changed} written, {report.reused} unchanged) in {args.out}/\n"
            f"Open {index.as_uri()}"
        )
    if report.internal_errors:
        print(f"digest: built with {len(report.internal_errors)} internal error(s); the parts they concern are marked unavailable",
              file=sys.stderr)
        return EXIT_INTERNAL
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from generator.build import check

    try:
        warnings = check(_build_options(args))
    except ContentError as error:
        _print_problems(error.problems)
        print(f"digest: {len(error.problems)} problem(s) in {args.content}", file=sys.stderr)
        return EXIT_CONTENT
    _print_problems(warnings)
    print(f"{args.content}: no problems" + (f" ({len(warnings)} warning(s))" if warnings else ""))
    return EXIT_OK


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digest",
        description="Framing Digest: build a static site that shows how news outlets frame the same events.",
    )
    parser.add_argument("--version", action="version", version=f"Framing Digest {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    build = commands.add_parser("build", help="build the site from the content folder", description="Build the static site. A failed build leaves the previous site untouched.")
    _content_option(build)
    build.add_argument("--out", type=Path, default=Path("site"), metavar="DIR", help="the output folder (default: site/)")
    build.add_argument("--strict", action="store_true", help="treat warnings, and internal errors in an analysis, as errors")
    build.add_argument("--full-text", action="store_true", help="private build: include the full text of every article, whatever its licence")
    build.add_argument("--templates", type=Path, metavar="DIR", help="render with the templates in DIR (default: the theme site.yaml names, else the project's templates/)")
    build.add_argument("--force", action="store_true", help="replace an --out folder that holds no site built by Framing Digest; with --full-text, also allow writing into the folder the Pages workflow publishes")
    build.add_argument("--allow-placeholders", action="store_true", help="build even if imported articles still hold TODO placeholders (their pages say so)")
    build.add_argument("--profile", action="store_true", help="print how long each stage took (load, analyse, rights, compare, render+write; only check when the site is up to date)")
    build.add_argument("--jobs", type=int, metavar="N", help="worker processes for the analysis (default: the machine's cores)")
    build.add_argument("--cache-dir", type=Path, metavar="DIR", help="where results are kept between builds (default: a folder of your own under $XDG_CACHE_HOME/framing-digest/)")
    build.add_argument("--no-cache", action="store_true", help="a cold full build: neither read nor write the cache")
    build.add_argument("--quiet", action="store_true", help="print nothing but problems")
    build.set_defaults(func=run_build)

    check = commands.add_parser("check", help="validate the content folder without building", description="Validate every file in the content folder and print all problems.")
    _content_option(check)
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--allow-placeholders", action="store_true", help="report TODO placeholders as warnings, not errors")
    check.set_defaults(func=run_check)

    add_import_parser(commands)
    add_suggest_parser(commands)
    add_export_parser(commands)
    add_review_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("digest: interrupted; the previous site is unchanged", file=sys.stderr)
        return 130
