"""The `import` and `suggest-events` subcommands: argument parsing and terminal output only.

The lead's `generator/cli.py` calls `add_import_parser` and `add_suggest_parser` with its
subparsers; each sets `func`, a callable taking the parsed arguments and returning an exit code
(0 success, 1 problems with the content or the inputs, 2 usage errors).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from generator.importer.decoding import known_encoding
from generator.importer.fields import FIELDS, MapError, describe_usage, parse_column_map

if TYPE_CHECKING:
    from generator.importer.run import Outcome, Summary

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

IMPORT_HELP = """\
Turn raw articles into content/articles/<outlet>/<date>-<slug>.md drafts for a person to review.
Reads plain text (.txt), saved web pages (.html, .htm), and datasets with one article per
record (.json, .jsonl, .ndjson, .csv, .tsv). A folder stands for every such file in it and
in its subfolders. Dataset columns are found by their usual names (title/headline,
body/text/maintext/content_original, date/published/date_publish, url/link, source/outlet,
author/authors/byline) unless --map names them. An outlet not in outlets.yaml is drafted
there with 'TODO: ...' placeholders; unknown fields (title, date) are placeholders too, which
`digest check` reports until a person fills them. Articles already in the content folder
(same URL, or near-identical text) are reported and skipped. See docs/import.md."""


def add_import_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import", help="import raw articles as drafts for review", description=IMPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="files (or folders) to import")
    parser.add_argument("--content", default="content", metavar="DIR", help="the content folder (default: content)")
    parser.add_argument("--force", action="store_true", help="overwrite a draft file that already exists")
    parser.add_argument(
        "--map", dest="columns", metavar="FIELD=COLUMN,...",
        help="dataset columns for each field, e.g. title=headline,published=date,body=text,url=link,"
        f"outlet=source,author=byline (unmapped fields use the column of the same name; fields: {', '.join(FIELDS)})",
    )
    parser.add_argument("--outlet", metavar="ID", help="the outlet id (from outlets.yaml) of every file, instead of detecting it")
    parser.add_argument("--encoding", metavar="NAME", help="the encoding of files that are not UTF-8, e.g. cp1252 (default: UTF-8, and refuse anything else)")
    parser.add_argument("--dry-run", action="store_true", help="report what would be written, write nothing")
    parser.set_defaults(func=run_import)


def add_suggest_parser(subparsers: Any) -> None:
    from generator.suggest import add_arguments, run_suggest

    parser = subparsers.add_parser(
        "suggest-events", help="propose groups of articles that cover the same event",
        description="Group articles that report the same event, from the similarity of their words, "
        "the names they share and their dates; print the groups, and with --write create event drafts "
        "and set `event:` in articles that have none. See docs/import.md.",
    )
    parser.add_argument("--content", default="content", metavar="DIR", help="the content folder (default: content)")
    add_arguments(parser)
    parser.set_defaults(func=run_suggest)


def expand_inputs(names: list[str]) -> tuple[list[tuple[Path, str]], list[str]]:
    """Files as given; a folder becomes its importable files, sorted, in it and its subfolders
    (hidden ones left out). Also returns the files in folders that are of no kind we read."""
    from generator.importer.run import HTML_SUFFIXES, RECORD_SUFFIXES, TEXT_SUFFIXES

    suffixes = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES
    inputs: list[tuple[Path, str]] = []
    ignored: list[str] = []
    for name in names:
        path = Path(name)
        if not path.is_dir():
            inputs.append((path, name))
            continue
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path).parts
            if not child.is_file() or any(part.startswith(".") for part in relative):
                continue
            if child.suffix.lower() in suffixes:
                inputs.append((child, str(child)))
            else:
                ignored.append(str(child))
    return inputs, ignored


class ProgressLine:
    """A one-line progress indicator on a terminal; silent when stderr is not a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.shown = ""
        self.count = 0

    def update(self, name: str, done: float) -> None:
        self.count += 1
        if not self.enabled:
            return
        text = f"{name}: {self.count:,} item(s), {min(done, 1.0):.0%}"
        if text != self.shown and (self.count % 50 == 0 or done >= 1.0):
            self.stream.write("\r" + text.ljust(len(self.shown)))
            self.stream.flush()
            self.shown = text

    def clear(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\r" + " " * len(self.shown) + "\r")
            self.stream.flush()
            self.shown = ""


def print_outcome(outcome: Outcome, progress: ProgressLine) -> None:
    """One line per item; imported dataset records are only counted, to keep the terminal readable."""
    if outcome.record and outcome.status == "imported":
        if outcome.drafted:
            progress.clear()
            print(f"{outcome.where}: {outcome.drafted}")
        return
    progress.clear()
    stream = sys.stderr if outcome.status in ("rejected", "exists") else sys.stdout
    label = {"imported": "", "duplicate": "duplicate: ", "exists": "exists: ", "rejected": "rejected: "}[outcome.status]
    print(f"{outcome.where}: {label}{outcome.message}", file=stream)


def print_summary(summary: Summary, dry_run: bool) -> None:
    verb = "would import" if dry_run else "imported"
    print(
        f"{verb} {summary.imported}, skipped as duplicates {summary.duplicates}, "
        f"not overwritten {summary.existing}, rejected {summary.rejected}"
    )
    if summary.fields_used:
        print(f"dataset fields: {describe_usage(dict(summary.fields_used), summary.records)}")
    if summary.drafted_outlets:
        verb = "would draft" if dry_run else "drafted"
        print(f"outlets {verb} in outlets.yaml (fill in their TODO placeholders): {', '.join(summary.drafted_outlets)}")
    for reason, count in summary.rejection_reasons[:20]:
        print(f"  rejected {count}: {reason}")
    if len(summary.rejection_reasons) > 20:
        print(f"  ... and {len(summary.rejection_reasons) - 20} other reason(s), each printed above")
    if summary.placeholders:
        fields = ", ".join(f"{name} in {count}" for name, count in summary.placeholders)
        print(f"placeholders a person must fill before `digest check` passes: {fields}")


def run_import(args: argparse.Namespace) -> int:
    # imported here, not at the top: every `digest build` loads this module to list the subcommands
    from generator.importer.outlets import load_outlet_rules
    from generator.importer.run import HTML_SUFFIXES, RECORD_SUFFIXES, TEXT_SUFFIXES, ImportOptions, import_files

    content = Path(args.content)
    if not content.is_dir():
        print(f"{content}: the content folder does not exist; pass --content DIR", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        columns = parse_column_map(args.columns)
    except MapError as error:
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    rules, problems = load_outlet_rules(content / "outlets.yaml")
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.outlet and args.outlet not in {rule.id for rule in rules}:
        known = ", ".join(rule.id for rule in rules) or "none"
        print(f"--outlet: {args.outlet!r} is not an outlet id in {content / 'outlets.yaml'} (known: {known})", file=sys.stderr)
        return EXIT_USAGE
    encoding = known_encoding(args.encoding) if args.encoding else None
    if args.encoding and encoding is None:
        print(f"--encoding: {args.encoding!r} is not an encoding Python knows (e.g. cp1252, latin-1, utf-16)", file=sys.stderr)
        return EXIT_USAGE
    options = ImportOptions(content=content, rules=rules, force=args.force, dry_run=args.dry_run, outlet=args.outlet,
                            columns=columns, encoding=encoding)
    inputs, ignored = expand_inputs(args.files)
    for name in ignored:
        print(f"{name}: left out, not a kind digest import reads ({', '.join(TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES)})")
    progress = ProgressLine(sys.stderr)
    summary = import_files(inputs, options, lambda o: print_outcome(o, progress), progress.update)
    progress.clear()
    print_summary(summary, args.dry_run)
    return EXIT_OK if summary.ok else EXIT_PROBLEMS
