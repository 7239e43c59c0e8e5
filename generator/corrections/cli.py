"""`digest review [--content DIR] [--limit N] [--article SLUG]`: print the extractions most likely to be
wrong as correction items to paste (see `review.py`). Arguments and printing only."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from generator.errors import ContentError

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def add_review_parser(commands: argparse._SubParsersAction) -> None:
    review = commands.add_parser(
        "review", help="list the extractions most likely to be wrong, as corrections to paste",
        description="Print the speakers, highlights and numbers the analysis is least sure of, most doubtful first, "
                    "each as a correction item with its action commented out (docs/corrections.md).")
    review.add_argument("--content", type=Path, default=Path("content"), metavar="DIR", help="the content folder (default: content/)")
    review.add_argument("--limit", type=int, default=20, metavar="N", help="print at most N items (default: 20; 0 for all)")
    review.add_argument("--article", metavar="SLUG", help="review only this article")
    review.add_argument("--no-cache", action="store_true", help="analyse without reading or writing the build's cache")
    review.set_defaults(func=run_review)


def run_review(args: argparse.Namespace) -> int:
    from generator.analysis.stage import analyse_articles, analysis_keys
    from generator.build import BuildOptions, load_corpus
    from generator.corrections.review import doubts, report
    from generator.corrections.stage import correct_analyses
    from generator.executor import Executor, default_jobs
    from generator.keys import code_version
    from generator.store import default_cache_dir
    from generator.stores import open_stores

    if args.limit < 0:
        print("digest review: --limit must be 0 (all) or more", file=sys.stderr)
        return EXIT_USAGE
    try:
        corpus, _ = load_corpus(BuildOptions(content=args.content, allow_placeholders=True))
        if args.article:
            chosen = tuple(a for a in corpus.articles if a.slug == args.article)
            if not chosen:
                print(f"digest review: no article {args.article!r} in {args.content}", file=sys.stderr)
                return EXIT_USAGE
            corpus = replace(corpus, articles=chosen)
        keys = analysis_keys(corpus, code_version())
        with open_stores(None if args.no_cache else default_cache_dir(args.content)) as stores:  # the build's analyses, where kept
            analyses = analyse_articles(corpus, keys, stores.analyses, Executor(default_jobs()), summaries=stores.summaries)
        corrected, _ = correct_analyses(corpus, analyses, keys)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"digest review: {len(error.problems)} problem(s) in {args.content}; fix them first (digest check)", file=sys.stderr)
        return EXIT_CONTENT
    found = doubts(corpus.lexicon, corrected)
    sys.stdout.write(report(found[: args.limit] if args.limit else found))
    return EXIT_OK
