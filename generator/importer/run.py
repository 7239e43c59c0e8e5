"""One import run: read each input, place each draft, skip duplicates, write files, tally.

Inputs are streamed: a reader yields one draft (or one rejection) at a time, and the run keeps
only the duplicate index and counts, so a dataset of any length imports in flat memory.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.importer.draft import ArticleDraft, Rejection, file_name, outlet_dir, render_article, slug_seed, slugify
from generator.importer.duplicates import DuplicateIndex
from generator.importer.existing import iter_articles, slug_of
from generator.importer.outlets import OutletRule
from generator.importer.plaintext import parse_plain_text
from generator.importer.records import ColumnMap, RecordSource, read_records

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv")


@dataclass(frozen=True)
class ImportOptions:
    content: Path
    rules: tuple[OutletRule, ...]
    force: bool = False
    dry_run: bool = False
    outlet: str | None = None
    columns: ColumnMap = field(default_factory=ColumnMap)


@dataclass(frozen=True)
class Outcome:
    """What happened to one input item: imported, duplicate, exists (not overwritten), rejected."""

    status: str
    where: str
    message: str
    path: str | None = None
    missing: tuple[str, ...] = ()
    record: bool = False


@dataclass(frozen=True)
class Summary:
    imported: int
    duplicates: int
    existing: int
    rejected: int
    rejection_reasons: tuple[tuple[str, int], ...]
    placeholders: tuple[tuple[str, int], ...]

    @property
    def ok(self) -> bool:
        return self.rejected == 0 and self.existing == 0


Progress = Callable[[str, float], None]
Reader = Iterator[tuple[ArticleDraft | Rejection, float]]


def read_input(path: Path, shown: str, options: ImportOptions) -> Reader:
    """Dispatch on the file's suffix; a file that cannot be read becomes a rejection."""
    try:
        yield from _read_by_kind(path, shown, options)
    except OSError as error:
        yield Rejection(shown, f"cannot be read ({error.strerror or error})"), 1.0


def _read_by_kind(path: Path, shown: str, options: ImportOptions) -> Reader:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            yield Rejection(shown, f"is not UTF-8 text (byte offset {error.start}); re-save it as UTF-8"), 1.0
            return
        yield parse_plain_text(text, shown, options.rules, options.outlet), 1.0
    elif suffix in HTML_SUFFIXES:
        from generator.importer.webpage import parse_web_page  # trafilatura takes ~1 s to import

        yield parse_web_page(path.read_bytes(), shown, options.rules, options.outlet), 1.0
    elif suffix in RECORD_SUFFIXES:
        yield from read_records(path, RecordSource(shown, options.rules, options.columns, options.outlet))
    else:
        known = ", ".join(TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES)
        yield Rejection(shown, f"has an unknown kind ({suffix or 'no suffix'}); digest import reads {known}"), 1.0


def build_index(content: Path) -> tuple[DuplicateIndex, dict[str, str]]:
    """Index every article already in the content folder once; also note which slugs are taken."""
    index = DuplicateIndex()
    slugs: dict[str, str] = {}
    for article in iter_articles(content):
        name = str(article.path)
        index.add(name, article.text("url"), article.body)
        slugs.setdefault(article.slug, name)
    return index, slugs


def choose_path(draft: ArticleDraft, content: Path, slugs: dict[str, str]) -> Path:
    """`articles/<outlet>/<date>-<slug>.md`; a slug another file uses gets a -2, -3, ... suffix."""
    base = slugify(slug_seed(draft))
    folder = content / "articles" / outlet_dir(draft)
    number = 1
    while True:
        slug = base if number == 1 else f"{base}-{number}"
        target = folder / file_name(draft, slug)
        owner = slugs.get(slug)
        if owner is None or owner == str(target):
            return target
        number += 1


def import_files(
    inputs: list[tuple[Path, str]],
    options: ImportOptions,
    report: Callable[[Outcome], None],
    progress: Progress | None = None,
) -> Summary:
    """Import every input; call `report` once per item as it is decided; return the tally."""
    index, slugs = build_index(options.content)
    counts: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    placeholders: collections.Counter[str] = collections.Counter()
    for path, shown in inputs:
        is_dataset = path.suffix.lower() in RECORD_SUFFIXES
        missing_file: Reader = iter([(Rejection(shown, "does not exist or is not a file"), 1.0)])
        for item, done in read_input(path, shown, options) if path.is_file() else missing_file:
            outcome = _decide(item, options, index, slugs, is_dataset)
            counts[outcome.status] += 1
            if outcome.status == "rejected":
                reasons[outcome.message] += 1
            placeholders.update(outcome.missing)
            report(outcome)
            if progress is not None:
                progress(shown, done)
    return Summary(
        imported=counts["imported"],
        duplicates=counts["duplicate"],
        existing=counts["exists"],
        rejected=counts["rejected"],
        rejection_reasons=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        placeholders=tuple(sorted(placeholders.items())),
    )


def _decide(item: ArticleDraft | Rejection, options: ImportOptions, index: DuplicateIndex, slugs: dict[str, str], record: bool) -> Outcome:
    if isinstance(item, Rejection):
        return Outcome("rejected", item.where, item.reason, record=record)
    draft = item
    if not draft.body.strip():
        return Outcome("rejected", draft.where, "has no article text", record=record)
    target = choose_path(draft, options.content, slugs)
    shown_target = str(target)
    fingerprinted = index.fingerprint(draft.body)
    match = index.find(draft.url, fingerprinted, ignore=shown_target if options.force else None)
    if match is not None:
        return Outcome("duplicate", draft.where, f"skipped: {match}", record=record)
    if target.exists() and not options.force:
        message = f"{shown_target} exists with other text; not overwritten (pass --force to replace it)"
        return Outcome("exists", draft.where, message, shown_target, record=record)
    if not options.dry_run:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_article(draft), encoding="utf-8", newline="\n")
    index.add(shown_target, draft.url, fingerprinted)
    slugs[slug_of(target.name)] = shown_target
    verb = "would write" if options.dry_run else "wrote"
    missing = draft.missing()
    todo = f"; a person must fill in: {', '.join(missing)}" if missing else ""
    return Outcome("imported", draft.where, f"{verb} {shown_target}{todo}", shown_target, missing, record)
