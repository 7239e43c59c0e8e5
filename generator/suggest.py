"""`digest suggest-events`: propose which articles report the same event, and optionally record it.

The grouping itself (text similarity, shared names, date window; no all-pairs comparison) is in
`generator/importer/grouping.py`; this module reads the content folder, prints the proposals,
and with `--write` creates event drafts and fills `event:` where no person has set one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.importer.eventfiles import event_id_for, render_event_draft, set_event
from generator.importer.existing import StoredArticle, iter_articles
from generator.importer.grouping import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, ArticleText, Group, group_articles

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Corpus:
    """The articles that can be grouped, their current events, and those left out for want of a date."""

    texts: tuple[ArticleText, ...]
    events: dict[str, str | None]
    undated: tuple[str, ...]


def article_date(article: StoredArticle) -> dt.date | None:
    """The incident date when known (what happened when), else the publication date."""
    return article.date("incident_date") or article.date("published")


def read_corpus(content: Path, ignore_events: bool = False) -> Corpus:
    texts: list[ArticleText] = []
    events: dict[str, str | None] = {}
    undated: list[str] = []
    for article in iter_articles(content):
        key = str(article.path)
        date = article_date(article)
        if date is None:
            undated.append(key)
            continue
        title = article.text("title") or ""
        texts.append(ArticleText(key, date, f"{title}\n\n{article.body}"))
        events[key] = None if ignore_events else article.text("event")
    return Corpus(tuple(texts), events, tuple(undated))


def suggest(
    content: Path, threshold: float = DEFAULT_THRESHOLD, window_days: int = DEFAULT_WINDOW_DAYS, ignore_events: bool = False
) -> tuple[Corpus, tuple[Group, ...]]:
    """Read the content folder and group its articles; `ignore_events` is for measuring."""
    corpus = read_corpus(content, ignore_events)
    return corpus, group_articles(corpus.texts, threshold, window_days)


def _relative(path: str, content: Path) -> str:
    try:
        return Path(path).relative_to(content).as_posix()
    except ValueError:
        return path


def print_groups(corpus: Corpus, groups: tuple[Group, ...], content: Path) -> None:
    dates = {t.key: t.date for t in corpus.texts}
    for number, group in enumerate(groups, start=1):
        span = group.start.isoformat() + ("" if group.end == group.start else f" to {group.end.isoformat()}")
        print(f"group {number}: {len(group.keys)} articles, {span}, confidence {group.confidence:.2f}")
        print(f"  shared names: {', '.join(group.shared_names) or '-'}")
        print(f"  shared terms: {', '.join(group.shared_terms) or '-'}")
        for key in group.keys:
            event = corpus.events.get(key)
            print(f"  - {_relative(key, content)} ({dates[key]}){f'  [event: {event}]' if event else ''}")
    grouped = sum(len(g.keys) for g in groups)
    print(f"{len(groups)} group(s) of {grouped} article(s); {len(corpus.texts) - grouped} article(s) in no group")
    if corpus.undated:
        print(f"{len(corpus.undated)} article(s) left out, having neither incident_date nor published: "
              + ", ".join(_relative(k, content) for k in corpus.undated[:5]) + (" ..." if len(corpus.undated) > 5 else ""))


def write_groups(corpus: Corpus, groups: tuple[Group, ...], content: Path) -> int:
    """Create event drafts and set `event:`; a group whose articles name different events is left alone."""
    events_dir = content / "events"
    taken = {p.stem for p in events_dir.glob("*.md")} if events_dir.is_dir() else set()
    problems = 0
    for group in groups:
        chosen = sorted({e for k in group.keys if (e := corpus.events.get(k))})
        if len(chosen) > 1:
            print(f"not written: the articles of the group from {group.start} already name different events ({', '.join(chosen)}); a person decides")
            problems += 1
            continue
        if chosen:
            event_id = chosen[0]
        else:
            event_id = event_id_for(group, taken)
            taken.add(event_id)
            events_dir.mkdir(parents=True, exist_ok=True)
            draft = events_dir / f"{event_id}.md"
            draft.write_text(render_event_draft(group, [_relative(k, content) for k in group.keys]), encoding="utf-8", newline="\n")
            print(f"wrote {draft} (a draft: fill in its TODO placeholders)")
        for key in group.keys:
            if corpus.events.get(key) is None and set_event(Path(key), event_id):
                print(f"set event: {event_id} in {_relative(key, content)}")
    return problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--write", action="store_true", help="create event drafts in events/ and set `event:` in articles that have none")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="F",
                        help=f"similarity (0-1) two articles need to share a group (default {DEFAULT_THRESHOLD})")
    parser.add_argument("--window-days", type=int, default=DEFAULT_WINDOW_DAYS, metavar="N",
                        help=f"articles whose dates are more than N days apart are different events (default {DEFAULT_WINDOW_DAYS})")


def run_suggest(args: argparse.Namespace) -> int:
    content = Path(args.content)
    if not 0.0 < args.threshold <= 1.0:
        print("--threshold must be above 0 and at most 1", file=sys.stderr)
        return EXIT_USAGE
    if args.window_days < 0:
        print("--window-days must be 0 or more", file=sys.stderr)
        return EXIT_USAGE
    if not (content / "articles").is_dir():
        print(f"{content}: no articles/ folder here; pass --content DIR", file=sys.stderr)
        return EXIT_PROBLEMS
    corpus, groups = suggest(content, args.threshold, args.window_days)
    print_groups(corpus, groups, content)
    if args.write:
        return EXIT_PROBLEMS if write_groups(corpus, groups, content) else EXIT_OK
    return EXIT_OK
