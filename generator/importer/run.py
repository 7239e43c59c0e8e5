"""One import run: read each input, place each draft, skip duplicates, write files, tally.

Inputs are streamed: a reader yields one draft (or one rejection) at a time, and the run keeps
only the duplicate index and counts, so a dataset of any length imports in flat memory.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.importer.datasets import MAX_WHOLE_FILE_BYTES, read_records
from generator.importer.decoding import check_decodable, decode
from generator.importer.draft import ArticleDraft, Rejection, file_name, outlet_dir, render_article, slug_seed, slugify
from generator.importer.duplicates import DuplicateIndex
from generator.importer.existing import iter_articles, slug_of
from generator.importer.fields import ColumnMap
from generator.importer.newoutlets import OutletDrafts, OutletProposal
from generator.importer.outlets import OutletRule
from generator.importer.plaintext import parse_plain_text
from generator.importer.records import RecordSource
from generator.importer.textfix import control_character, describe_character, normalise_newlines, repair_mojibake
from generator.load import MAX_FILE_BYTES

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".tab")


@dataclass(frozen=True)
class ImportOptions:
    content: Path
    rules: tuple[OutletRule, ...]
    force: bool = False
    dry_run: bool = False
    outlet: str | None = None
    columns: ColumnMap = field(default_factory=ColumnMap)
    encoding: str | None = None
    """The encoding a person named with --encoding; None reads UTF-8 and refuses anything else."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one input item: imported, duplicate, exists (not overwritten), rejected."""

    status: str
    where: str
    message: str
    path: str | None = None
    missing: tuple[str, ...] = ()
    record: bool = False
    fields_used: tuple[tuple[str, str], ...] = ()
    drafted: str = ""
    """A message when this item drafted a new outlet in outlets.yaml."""


@dataclass(frozen=True)
class Summary:
    imported: int
    duplicates: int
    existing: int
    rejected: int
    rejection_reasons: tuple[tuple[str, int], ...]
    placeholders: tuple[tuple[str, int], ...]
    fields_used: tuple[tuple[tuple[str, str], int], ...] = ()
    """((field, column), records) over all dataset records imported."""
    records: int = 0
    drafted_outlets: tuple[str, ...] = ()

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


def _whole_text(path: Path, shown: str, options: ImportOptions) -> str | Rejection:
    if path.stat().st_size > MAX_WHOLE_FILE_BYTES:
        return Rejection(shown, f"is over {MAX_WHOLE_FILE_BYTES // 2**20} MB, too large to read whole; split it, or use JSON Lines")
    decoded = decode(path.read_bytes(), options.encoding)
    if not isinstance(decoded, str):
        return Rejection(shown, decoded.message(options.encoding or "utf-8"))
    return decoded


def _read_by_kind(path: Path, shown: str, options: ImportOptions) -> Reader:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        text = _whole_text(path, shown, options)
        if isinstance(text, Rejection):
            yield text, 1.0
            return
        yield _plain_text_draft(text, shown, options), 1.0
    elif suffix in HTML_SUFFIXES:
        from generator.importer.webpage import parse_web_page  # trafilatura is slow to import: only when a web page is given

        page: bytes | str = path.read_bytes()
        if options.encoding:
            page = _whole_text(path, shown, options)  # type: ignore[assignment]
            if isinstance(page, Rejection):
                yield page, 1.0
                return
        yield parse_web_page(page, shown, options.rules, options.outlet), 1.0
    elif suffix in RECORD_SUFFIXES:
        problem = check_decodable(path, options.encoding)
        if problem is not None:
            yield Rejection(shown, problem.message(options.encoding or "utf-8")), 1.0
            return
        yield from read_records(path, RecordSource(shown, options.rules, options.columns, options.outlet), options.encoding)
    else:
        known = ", ".join(TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES)
        yield Rejection(shown, f"has an unknown kind ({suffix or 'no suffix'}); digest import reads {known}"), 1.0


def _plain_text_draft(text: str, shown: str, options: ImportOptions) -> ArticleDraft | Rejection:
    """A text file's draft; the file is rejected when it holds a character that is not text."""
    text = normalise_newlines(text)
    bad = control_character(text)
    if bad is not None:
        line = text.count("\n", 0, bad[0]) + 1
        return Rejection(f"{shown}:{line}", f"holds {describe_character(bad[1])}, which is not text; remove it and import again")
    repaired = repair_mojibake(text)
    draft = parse_plain_text(repaired.text, shown, options.rules, options.outlet)
    if repaired.text == text:
        return draft
    return replace(draft, repairs=("mojibake" + (f" ({repaired.example})" if repaired.example else ""),))


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


@dataclass
class _Run:
    """What one run remembers while it goes: existing articles, slugs taken, outlets drafted, tallies."""

    options: ImportOptions
    index: DuplicateIndex
    slugs: dict[str, str]
    outlets: OutletDrafts
    counts: collections.Counter[str] = field(default_factory=collections.Counter)
    reasons: collections.Counter[str] = field(default_factory=collections.Counter)
    placeholders: collections.Counter[str] = field(default_factory=collections.Counter)
    fields_used: collections.Counter[tuple[str, str]] = field(default_factory=collections.Counter)
    records: int = 0

    def tally(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        if outcome.status == "rejected":
            self.reasons[outcome.message] += 1
        self.placeholders.update(outcome.missing)
        if outcome.status == "imported" and outcome.fields_used:
            self.records += 1
            self.fields_used.update(outcome.fields_used)

    def summary(self) -> Summary:
        return Summary(
            imported=self.counts["imported"],
            duplicates=self.counts["duplicate"],
            existing=self.counts["exists"],
            rejected=self.counts["rejected"],
            rejection_reasons=tuple(sorted(self.reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
            placeholders=tuple(sorted(self.placeholders.items())),
            fields_used=tuple(sorted(self.fields_used.items())),
            records=self.records,
            drafted_outlets=tuple(entry.id for entry in self.outlets.drafted),
        )


def import_files(
    inputs: list[tuple[Path, str]],
    options: ImportOptions,
    report: Callable[[Outcome], None],
    progress: Progress | None = None,
) -> Summary:
    """Import every input; call `report` once per item as it is decided; return the tally."""
    index, slugs = build_index(options.content)
    run = _Run(options, index, slugs, OutletDrafts(options.content / "outlets.yaml", options.rules, options.dry_run))
    for path, shown in inputs:
        is_dataset = path.suffix.lower() in RECORD_SUFFIXES
        missing_file: Reader = iter([(Rejection(shown, "does not exist or is not a file"), 1.0)])
        for item, done in read_input(path, shown, options) if path.is_file() else missing_file:
            outcome = _decide(item, run, is_dataset)
            run.tally(outcome)
            report(outcome)
            if progress is not None:
                progress(shown, done)
    return run.summary()


def _text_problem(draft: ArticleDraft) -> str | None:
    """A last check of every text the file will hold: nothing that is not text reaches a page."""
    values = {"title": draft.title, "body": draft.body, "url": draft.url, "author": draft.author, "dateline": draft.dateline,
              "language": draft.language, "license": draft.license, "notes": " ".join(draft.notes)}
    for name, value in values.items():
        bad = control_character(normalise_newlines(value)) if value else None
        if bad is not None:
            return f"{name} holds {describe_character(bad[1])}, which is not text; remove it from the source and import again"
    return None


def _with_drafted_outlet(draft: ArticleDraft, run: _Run) -> ArticleDraft | str:
    """The draft with its outlet drafted in outlets.yaml (or matched to one drafted earlier)."""
    proposal = draft.outlet_proposal
    assert isinstance(proposal, OutletProposal)
    outlet_id, message = run.outlets.resolve(proposal, draft.where)
    if outlet_id is None:
        return message
    said = " and ".join(x for x in (f"the source's outlet {proposal.name!r}" if proposal.name else "",
                                    f"the URL's domain {proposal.domain}" if proposal.domain else "") if x)
    note = f"outlet {outlet_id!r} was not in outlets.yaml: its entry there was drafted from {said}"
    return replace(draft, outlet=outlet_id, outlet_proposal=None, outlet_hint="", import_notes=(note,) + draft.import_notes)


def _decide(item: ArticleDraft | Rejection, run: _Run, record: bool) -> Outcome:
    options, index = run.options, run.index
    if isinstance(item, Rejection):
        return Outcome("rejected", item.where, item.reason, record=record)
    draft = item
    if not draft.body.strip():
        return Outcome("rejected", draft.where, "has no article text", record=record)
    problem = _text_problem(draft)
    if problem is not None:
        return Outcome("rejected", draft.where, problem, record=record)
    fingerprinted = index.fingerprint(draft.body)
    drafted_message = ""
    if draft.outlet is None and draft.outlet_proposal is not None:
        match = index.find(draft.url, fingerprinted)
        if match is not None:
            return Outcome("duplicate", draft.where, f"skipped: {match}", record=record)
        known_before = len(run.outlets.drafted)
        resolved = _with_drafted_outlet(draft, run)
        if isinstance(resolved, str):
            return Outcome("rejected", draft.where, resolved, record=record)
        draft = resolved
        if len(run.outlets.drafted) > known_before:
            drafted_message = run.outlets.describe(run.outlets.drafted[-1])
    target = choose_path(draft, options.content, run.slugs)
    shown_target = str(target)
    match = index.find(draft.url, fingerprinted, ignore=shown_target if options.force else None)
    if match is not None:
        return Outcome("duplicate", draft.where, f"skipped: {match}", record=record)
    if target.exists() and not options.force:
        message = f"{shown_target} exists with other text; not overwritten (pass --force to replace it)"
        return Outcome("exists", draft.where, message, shown_target, record=record)
    rendered = render_article(draft).encode("utf-8", errors="replace")
    if len(rendered) > MAX_FILE_BYTES:
        return Outcome("rejected", draft.where, f"would be a {len(rendered) / 1e6:.1f} MB article file; the build refuses files over "
                       f"{MAX_FILE_BYTES / 1e6:g} MB, so it is not imported (check that it is one article, not several)", record=record)
    if not options.dry_run:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(rendered)
    index.add(shown_target, draft.url, fingerprinted)
    run.slugs[slug_of(target.name)] = shown_target
    verb = "would write" if options.dry_run else "wrote"
    missing = draft.missing()
    todo = f"; a person must fill in: {', '.join(missing)}" if missing else ""
    drafted = f"; {drafted_message}" if drafted_message else ""
    return Outcome("imported", draft.where, f"{verb} {shown_target}{todo}{drafted}", shown_target, missing, record,
                   draft.fields_used, drafted_message)
