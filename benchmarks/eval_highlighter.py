"""Score the framing highlighter against BABE's expert annotations of biased words.

BABE (Spinde et al. 2021, Findings of EMNLP) marks, for 3,674 news sentences, the
words annotators judged biased. The data is read in place and never copied into
the project (see ../shared/eval/README.md). Measures:

- word-level precision and recall of highlighted words against `biased_words`;
- the share of Biased and of Non-biased sentences with at least one highlight;
- highlights per 1,000 words;

on the whole data set and on its two halves (split by a hash of each sentence:
the lexicon is tuned looking at the tuning half only, and the held-out half shows
whether the gains are the lexicon learning BABE).

Usage: python benchmarks/eval_highlighter.py [--csv PATH] [--content content] [--by-category] [--by-entry N]
       [--half all|tuning|held-out] [--per-outlet] [--audit [--contexts N]] [--polnear PATH] [--write-results]
       [--time-article]

--per-outlet   precision per outlet (BABE names each sentence's outlet), and per side and per outlet at equal
               base rates (benchmarks/highlighter_sides.py): do errors fall harder on one side?
--audit        the 30 most frequent highlights on the PolNeAR texts, each with a few contexts, for a
               person to judge (printed only: the texts are never copied into the project)
--write-results  writes generator/measured/highlighter.json, which the method page shows
--time-article also times the matcher on a 700-word article made from the seeds.
"""

from __future__ import annotations

import argparse
import ast
import csv
import datetime as dt
import hashlib
import json
import pathlib
import re
import sys
import time
import timeit
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import yaml  # noqa: E402

from generator.analysis.matcher import Matcher, compile_matcher, find_matches  # noqa: E402
from generator.lexicon import load_lexicon  # noqa: E402
from generator.measured import measurement_json  # noqa: E402
from highlighter_sides import SIDES, Record, by_outlet, by_side, label_mix, outlet_sides, score_group, table  # noqa: E402

DEFAULT_CSV = REPO.parent / "shared" / "eval" / "babe" / "final_labels_SG2.csv"
DEFAULT_POLNEAR = REPO.parent / "shared" / "eval" / "polnear" / "train.jsonl"
RESULTS = REPO / "generator" / "measured" / "highlighter.json"
WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")
STABLE_WORDS = 100
"""An outlet needs this many highlighted words for its precision to be stable: the standard error of a
share near one half is then at most 0.05."""
BABE_CITATION = (
    "Spinde, T., Plank, M., Krieger, J.-D., Ruas, T., Gipp, B. and Aizawa, A. (2021). Neural Media Bias "
    "Detection Using Distant Supervision With BABE - Bias Annotations By Experts. Findings of EMNLP 2021."
)


@dataclass(frozen=True)
class Sentence:
    text: str
    label: str
    biased_words: frozenset[str]
    outlet: str = ""

    @property
    def half(self) -> str:
        """'tuning' or 'held-out', fixed by the sentence's text alone."""
        return "tuning" if hashlib.sha256(self.text.encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


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

    @property
    def share_biased(self) -> float:
        return self.biased_with_highlight / self.biased_sentences if self.biased_sentences else 0.0

    @property
    def share_neutral(self) -> float:
        return self.neutral_with_highlight / self.neutral_sentences if self.neutral_sentences else 0.0

    @property
    def per_1000(self) -> float:
        return 1000 * self.highlights / self.words if self.words else 0.0


def normalise_word(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def read_babe(path: pathlib.Path) -> tuple[Sentence, ...]:
    """BABE's CSV: `;`-separated, UTF-8 with a byte-order mark, `biased_words` a Python-style list."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return tuple(
        Sentence(
            row["text"],
            row["label_bias"],
            frozenset(normalise_word(w) for w in ast.literal_eval(row["biased_words"] or "[]")),
            row.get("outlet") or "",
        )
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
    totals: Counter[str] = Counter()
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
    return "\n".join(
        [
            f"lexicon: {entries} entries, version {version}",
            f"sentences: {scores.sentences}, words: {scores.words}",
            f"word-level precision: {scores.precision:.3f} ({scores.true_positives}/{scores.highlighted_words})",
            f"word-level recall: {scores.recall:.3f} ({scores.true_positives}/{scores.gold_words}); "
            f"of marked words found verbatim in their sentence: {scores.recall_in_text:.3f}",
            f"word-level F1: {scores.f1:.3f}",
            f"Biased sentences with >=1 highlight: {scores.share_biased:.3f} ({scores.biased_with_highlight}/{scores.biased_sentences})",
            f"Non-biased sentences with >=1 highlight: {scores.share_neutral:.3f} ({scores.neutral_with_highlight}/{scores.neutral_sentences})",
            f"highlights per 1,000 words: {scores.per_1000:.2f} ({scores.highlights} highlights)",
            f"matching time: {1000 * scores.seconds / max(scores.sentences, 1):.4f} ms per sentence",
        ]
    )


def halves_table(matcher: Matcher, sentences: Sequence[Sentence]) -> str:
    """One line per half: the figures side by side, to see whether tuning on one half carried over."""
    lines = ["half       sentences  precision  recall  F1     Biased>=1  Non-biased>=1  per 1,000 words"]
    for half in ("tuning", "held-out"):
        scores = score(matcher, [s for s in sentences if s.half == half])[0]
        lines.append(
            f"{half:10} {scores.sentences:9}  {scores.precision:9.3f}  {scores.recall:6.3f}  {scores.f1:.3f}  "
            f"{scores.share_biased:9.3f}  {scores.share_neutral:13.3f}  {scores.per_1000:15.2f}"
        )
    return "\n".join(lines)


def records(matcher: Matcher, sentences: Iterable[Sentence]) -> list[Record]:
    """Each sentence's outcome, for the measures per side and per outlet (benchmarks/highlighter_sides.py)."""
    found = []
    for sentence in sentences:
        matches = find_matches(matcher, sentence.text)
        words, touched = highlighted_words(sentence.text, [(m.start, m.end) for m in matches])
        predicted = set(touched)
        found.append(Record(sentence.outlet or "(none)", sentence.label, len(predicted), len(predicted & sentence.biased_words), len(sentence.biased_words), len(words)))
    return found


def read_sides(path: pathlib.Path) -> dict[str, str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return outlet_sides(csv.DictReader(handle, delimiter=";"))


def fairness_report(found: Sequence[Record], sides: dict[str, str]) -> str:
    """Raw precision per outlet, then per side and per outlet at equal base rates (the fair comparison)."""
    overall = score_group("all", found, label_mix(found))
    outlets = by_outlet(found)
    lines = [f"precision per outlet, raw (overall {overall.precision:.3f}; stable from {STABLE_WORDS} highlighted words):"]
    for row in outlets:
        note = "" if row.highlighted >= STABLE_WORDS else "  too few highlights for a stable figure"
        flag = "  MORE THAN 0.05 FROM OVERALL" if row.highlighted >= STABLE_WORDS and abs(row.precision - overall.precision) > 0.05 else ""
        lines.append(f"  {row.name:16} {row.sentences:5} sentences {row.highlighted:5} words  {row.precision:.3f}  ({row.precision - overall.precision:+.3f}){flag}{note}")
    lines.append("\n" + table("per side (BABE's type column); the fair measure is precision at equal base rates (label and marked words held equal):", by_side(found, sides), overall))
    lines.append("\n" + table("per outlet at equal base rates:", outlets, overall, sides))
    return "\n".join(lines)


def audit(matcher: Matcher, path: pathlib.Path, top: int = 30, contexts: int = 6, width: int = 70) -> str:
    """The `top` most frequent highlights (by entry) on PolNeAR's texts, with contexts spread over the corpus."""
    occurrences: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    articles: dict[str, set[str]] = defaultdict(set)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    categories: dict[str, str] = {}
    words = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = record["text"]
            words += len(WORD.findall(text))
            for match in find_matches(matcher, text):
                occurrences[match.entry].append((text, match.start, match.end))
                articles[match.entry].add(record["id"])
                surfaces[match.entry][text[match.start : match.end].lower()] += 1
                categories[match.entry] = match.category
    total = sum(len(found) for found in occurrences.values())
    ranked = sorted(occurrences, key=lambda entry: (-len(occurrences[entry]), entry))[:top]
    lines = [f"PolNeAR texts: {words} words, {total} highlights ({1000 * total / max(words, 1):.2f} per 1,000 words)"]
    for rank, entry in enumerate(ranked, 1):
        found = occurrences[entry]
        forms = ", ".join(f"{form} {n}" for form, n in surfaces[entry].most_common(5))
        lines.append(f"\n{rank:2}. {entry} [{categories[entry]}]: {len(found)} in {len(articles[entry])} articles ({forms})")
        step = max(len(found) // contexts, 1)
        for text, start, end in found[::step][:contexts]:
            before = " ".join(text[max(0, start - width) : start].split())
            after = " ".join(text[end : end + width].split())
            lines.append(f"    ...{before} [{text[start:end]}] {after}...")
    return "\n".join(lines)


def results_json(scores: Scores, held_out: Scores, found: Sequence[Record], sides: dict[str, str], date: dt.date) -> str:
    """The results file the method page reads (shape: generator/measured/__init__.py)."""
    figures = {
        "Precision": (
            round(scores.precision, 3),
            "Of the words the highlighter marks, the share that the expert annotators also marked as biased.",
        ),
        "Recall": (
            round(scores.recall, 3),
            "Of the words the annotators marked as biased, the share the highlighter marks too.",
        ),
        "F1": (round(scores.f1, 3), "Precision and recall combined in one number (their harmonic mean)."),
        "F1 on the held-out half": (
            round(held_out.f1, 3),
            "The same F1 on the half of the sentences that was never looked at while the lexicon was tuned.",
        ),
        "Biased sentences with a highlight": (
            round(scores.share_biased, 3),
            "The share of sentences the annotators judged biased that get at least one highlight.",
        ),
        "Non-biased sentences with a highlight": (
            round(scores.share_neutral, 3),
            "The share of sentences the annotators judged not biased that still get at least one highlight.",
        ),
        "Highlights per 1,000 words": (round(scores.per_1000, 2), "How densely the highlighter marks text."),
    }
    side_scores = by_side(found, sides)
    members = {side: ", ".join(sorted(o for o, s in sides.items() if s == side)) for side in SIDES}
    named = [(f"{score.name.capitalize()} ({members[score.name]})", score) for score in side_scores]
    named += [(score.name, score) for score in by_outlet(found)]
    groups = {
        name: {
            "precision": round(score.precision, 3),
            "precision at equal base rates": round(score.precision_equal_base, 3),
            "false alarms per 100 words": round(score.false_alarms, 2),
            "recall at equal base rates": round(score.recall_equal_base, 3),
            "share labelled biased": round(score.biased_share, 2),
            "highlighted words": score.highlighted,
            "sentences": score.sentences,
        }
        for name, score in named
    }
    overall = score_group("all", found, label_mix(found)).precision_equal_base
    figures["Widest gap between sides"] = (
        round(max(abs(score.precision_equal_base - overall) for score in side_scores), 3),
        "How far the precision of the outlets of one side (left, center or right, as BABE classes them) lies from "
        "the overall figure at most, each side scored as if the annotators had judged the same share of its "
        "sentences biased and marked as many words in them (the raw figure follows how much they marked in each outlet).",
    )
    return measurement_json(
        benchmark="Framing highlighter (the lexicon)",
        dataset=f"BABE, {scores.sentences:,} English news sentences from US outlets, labelled by experts",
        dataset_citation=BABE_CITATION,
        date=date,
        command="python benchmarks/eval_highlighter.py --write-results",
        figures=figures,
        per_group=groups,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=pathlib.Path, default=DEFAULT_CSV, help="BABE final_labels_SG2.csv (read in place)")
    parser.add_argument("--content", type=pathlib.Path, default=REPO / "content", help="content folder with site.yaml and lexicon/")
    parser.add_argument("--half", choices=("all", "tuning", "held-out"), default="all", help="score one half of BABE only")
    parser.add_argument("--by-category", action="store_true", help="precision of highlights per category")
    parser.add_argument("--time-article", action="store_true", help="time the matcher on a 700-word article from the seeds")
    parser.add_argument("--by-entry", type=int, default=0, metavar="N", help="the N entries that fire most often outside marked words")
    parser.add_argument("--per-outlet", action="store_true", help="precision per outlet and its spread")
    parser.add_argument("--audit", action="store_true", help="the 30 most frequent highlights on PolNeAR, with contexts")
    parser.add_argument("--polnear", type=pathlib.Path, default=DEFAULT_POLNEAR, help="PolNeAR train.jsonl (read in place)")
    parser.add_argument("--contexts", type=int, default=6, metavar="N", help="contexts shown per highlight in the audit")
    parser.add_argument("--top", type=int, default=30, metavar="N", help="how many of the most frequent highlights the audit shows")
    parser.add_argument("--write-results", action="store_true", help=f"write {RESULTS.relative_to(REPO)} for the method page")
    args = parser.parse_args(argv)
    if not args.csv.is_file():
        parser.error(f"{args.csv}: not found (see ../shared/eval/README.md)")
    if args.audit and not args.polnear.is_file():
        parser.error(f"{args.polnear}: not found (see ../shared/eval/README.md)")
    if args.write_results and args.half != "all":
        parser.error("--write-results scores the whole data set; leave out --half")
    matcher, entries, version = build_matcher(args.content)
    everything = read_babe(args.csv)
    sentences = everything if args.half == "all" else tuple(s for s in everything if s.half == args.half)
    scores, category_words, category_hits, by_entry = score(matcher, sentences)
    print(report(scores, entries, version))
    if args.half == "all":
        print("\n" + halves_table(matcher, everything))
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
    if args.per_outlet:
        print("\n" + fairness_report(records(matcher, sentences), read_sides(args.csv)))
    if args.audit:
        print("\n" + audit(matcher, args.polnear, top=args.top, contexts=args.contexts))
    if args.write_results:
        held_out = score(matcher, [s for s in everything if s.half == "held-out"])[0]
        found = records(matcher, everything)
        RESULTS.write_text(results_json(scores, held_out, found, read_sides(args.csv), dt.date.today()), encoding="utf-8")
        print(f"\nwrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
