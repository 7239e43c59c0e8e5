"""Score the framing highlighter against BABE's expert annotations of biased words.

BABE (Spinde et al. 2021, Findings of EMNLP) marks, for 3,674 news sentences, the
words annotators judged biased. The data is read in place and never copied into
the project (see ../shared/eval/README.md). Measures:

- word-level precision and recall of highlighted words against `biased_words`;
- the share of Biased and of Non-biased sentences with at least one highlight;
- highlights per 1,000 words.

Usage: python benchmarks/eval_highlighter.py [--csv PATH] [--content content] [--by-category] [--by-entry N]
       [--time-article]

--time-article also times the matcher on a 700-word article made from the seeds.
"""

from __future__ import annotations

import argparse
import ast
import csv
import pathlib
import re
import sys
import time
import timeit
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from generator.analysis.matcher import Matcher, compile_matcher, find_matches  # noqa: E402
from generator.lexicon import load_lexicon  # noqa: E402

DEFAULT_CSV = REPO.parent / "shared" / "eval" / "babe" / "final_labels_SG2.csv"
WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")


@dataclass(frozen=True)
class Sentence:
    text: str
    label: str
    biased_words: frozenset[str]


@dataclass(frozen=True)
class Scores:
    sentences: int
    words: int
    highlights: int
    highlighted_words: int
    gold_words: int
    gold_words_in_text: int
    true_positives: int
    biased_sentences: int
    biased_with_highlight: int
    neutral_sentences: int
    neutral_with_highlight: int
    seconds: float

    @property
    def precision(self) -> float:
        return self.true_positives / self.highlighted_words if self.highlighted_words else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold_words if self.gold_words else 0.0

    @property
    def recall_in_text(self) -> float:
        return self.true_positives / self.gold_words_in_text if self.gold_words_in_text else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalise_word(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def read_babe(path: pathlib.Path) -> tuple[Sentence, ...]:
    """BABE's CSV: `;`-separated, UTF-8 with a byte-order mark, `biased_words` a Python-style list."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return tuple(
        Sentence(row["text"], row["label_bias"], frozenset(normalise_word(w) for w in ast.literal_eval(row["biased_words"] or "[]")))
        for row in rows
    )


def highlighted_words(text: str, spans: Sequence[tuple[int, int]]) -> tuple[list[str], list[str]]:
    """All words of the sentence, and those a highlight touches."""
    words, touched = [], []
    for token in WORD.finditer(text):
        word = normalise_word(token.group())
        words.append(word)
        if any(start < token.end() and end > token.start() for start, end in spans):
            touched.append(word)
    return words, touched


def score(matcher: Matcher, sentences: Iterable[Sentence]) -> tuple[Scores, Counter[str], Counter[str], Counter[str]]:
    """Scores, and per category: highlighted words, words that hit gold, and per entry the same."""
    totals = Counter()
    by_category_words: Counter[str] = Counter()
    by_category_hits: Counter[str] = Counter()
    by_entry: Counter[str] = Counter()
    seconds = 0.0
    for sentence in sentences:
        started = time.perf_counter()
        matches = find_matches(matcher, sentence.text)
        seconds += time.perf_counter() - started
        words, touched = highlighted_words(sentence.text, [(m.start, m.end) for m in matches])
        predicted = set(touched)
        hits = predicted & sentence.biased_words
        totals["sentences"] += 1
        totals["words"] += len(words)
        totals["highlights"] += len(matches)
        totals["highlighted_words"] += len(predicted)
        totals["gold_words"] += len(sentence.biased_words)
        totals["gold_words_in_text"] += len(sentence.biased_words & set(words))
        totals["true_positives"] += len(hits)
        if sentence.label == "Biased":
            totals["biased_sentences"] += 1
            totals["biased_with_highlight"] += bool(matches)
        elif sentence.label == "Non-biased":
            totals["neutral_sentences"] += 1
            totals["neutral_with_highlight"] += bool(matches)
        for match in matches:
            _, inside = highlighted_words(sentence.text, [(match.start, match.end)])
            hit = any(word in sentence.biased_words for word in inside)
            by_category_words[match.category] += 1
            by_category_hits[match.category] += hit
            by_entry[f"{match.entry}\t{'hit' if hit else 'miss'}"] += 1
    scores = Scores(**{name: totals[name] for name in Scores.__dataclass_fields__ if name != "seconds"}, seconds=seconds)
    return scores, by_category_words, by_category_hits, by_entry


def build_matcher(content: pathlib.Path) -> tuple[Matcher, int, str]:
    files = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))["lexicon"]
    lexicon, problems = load_lexicon(content, files)
    if lexicon is None:
        raise SystemExit("\n".join(str(p) for p in problems))
    return compile_matcher(lexicon), len(lexicon.entries), lexicon.version


def time_article(matcher: Matcher, words: int = 700) -> tuple[float, int]:
    """Best-of-5 milliseconds to match one article of `words` words cut from the seed texts."""
    seeds = " ".join(path.read_text(encoding="utf-8") for path in sorted((REPO / "seeds").glob("*.txt")))
    article = " ".join(seeds.split()[:words])
    runs = 500
    best = min(timeit.repeat(lambda: find_matches(matcher, article), number=runs, repeat=5)) / runs
    return 1000 * best, len(find_matches(matcher, article))


def report(scores: Scores, entries: int, version: str) -> str:
    share_biased = scores.biased_with_highlight / scores.biased_sentences if scores.biased_sentences else 0.0
    share_neutral = scores.neutral_with_highlight / scores.neutral_sentences if scores.neutral_sentences else 0.0
    per_1000 = 1000 * scores.highlights / scores.words if scores.words else 0.0
    return "\n".join(
        [
            f"lexicon: {entries} entries, version {version}",
            f"sentences: {scores.sentences}, words: {scores.words}",
            f"word-level precision: {scores.precision:.3f} ({scores.true_positives}/{scores.highlighted_words})",
            f"word-level recall: {scores.recall:.3f} ({scores.true_positives}/{scores.gold_words}); "
            f"of marked words found verbatim in their sentence: {scores.recall_in_text:.3f}",
            f"word-level F1: {scores.f1:.3f}",
            f"Biased sentences with >=1 highlight: {share_biased:.3f} ({scores.biased_with_highlight}/{scores.biased_sentences})",
            f"Non-biased sentences with >=1 highlight: {share_neutral:.3f} ({scores.neutral_with_highlight}/{scores.neutral_sentences})",
            f"highlights per 1,000 words: {per_1000:.2f} ({scores.highlights} highlights)",
            f"matching time: {1000 * scores.seconds / max(scores.sentences, 1):.4f} ms per sentence",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=pathlib.Path, default=DEFAULT_CSV, help="BABE final_labels_SG2.csv (read in place)")
    parser.add_argument("--content", type=pathlib.Path, default=REPO / "content", help="content folder with site.yaml and lexicon/")
    parser.add_argument("--by-category", action="store_true", help="precision of highlights per category")
    parser.add_argument("--time-article", action="store_true", help="time the matcher on a 700-word article from the seeds")
    parser.add_argument("--by-entry", type=int, default=0, metavar="N", help="the N entries that fire most often outside marked words")
    args = parser.parse_args(argv)
    if not args.csv.is_file():
        parser.error(f"{args.csv}: not found (see ../shared/eval/README.md)")
    matcher, entries, version = build_matcher(args.content)
    scores, category_words, category_hits, by_entry = score(matcher, read_babe(args.csv))
    print(report(scores, entries, version))
    if args.time_article:
        milliseconds, found = time_article(matcher)
        print(f"700-word article: {milliseconds:.3f} ms per article ({found} highlights)")
    if args.by_category:
        print("\nhighlights touching a marked word, by category:")
        for category, count in category_words.most_common():
            print(f"  {category:14} {category_hits[category] / count:.3f} ({category_hits[category]}/{count})")
    if args.by_entry:
        print(f"\nentries most often highlighting no marked word (top {args.by_entry}):")
        misses = Counter({key.split("\t")[0]: n for key, n in by_entry.items() if key.endswith("\tmiss")})
        for entry_id, n in misses.most_common(args.by_entry):
            print(f"  {entry_id:30} miss {n:4}  hit {by_entry.get(entry_id + chr(9) + 'hit', 0):4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
