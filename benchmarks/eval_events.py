"""Measure `digest suggest-events`: pairwise precision and recall of its grouping against a known one.

Two corpora:
  handmade   tests/fixtures/suggest/handmade: the three seeds (the two Mehr articles report one
             attack; the AFP report is an attack eleven months earlier) plus short articles on
             unrelated events, two of which report one earthquake.
  synthetic  N articles from benchmarks/corpus.py, whose ground_truth.json maps each article to
             its event. Events a person set in the files are ignored while grouping.

Pairwise: every pair of articles put in one group is a predicted pair; every pair in one true
event is a true pair. Precision = shared / predicted, recall = shared / true.

Usage:
  python benchmarks/eval_events.py handmade [--threshold F ...] [--window-days N]
  python benchmarks/eval_events.py synthetic --articles 2000 [--outlets 12] [--seed 1] [--out /dev/shm/events-eval]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.importer.grouping import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, group_articles, pairs_of  # noqa: E402
from generator.suggest import read_corpus  # noqa: E402

HANDMADE = ROOT / "tests" / "fixtures" / "suggest" / "handmade"


@dataclass(frozen=True)
class Score:
    threshold: float
    predicted: int
    true: int
    shared: int
    groups: int
    seconds: float

    @property
    def precision(self) -> float:
        return self.shared / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.shared / self.true if self.true else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (f"threshold {self.threshold:.2f}: precision {self.precision:.3f}, recall {self.recall:.3f}, F1 {self.f1:.3f} "
                f"({self.shared} of {self.predicted} predicted pairs true, {self.true} true pairs; {self.groups} groups; {self.seconds:.2f} s)")


def true_pairs(ground_truth: dict[str, str | None]) -> set[tuple[str, str]]:
    events: dict[str, list[str]] = {}
    for path, event in ground_truth.items():
        if event:
            events.setdefault(event, []).append(path)
    return pairs_of(events.values())


def evaluate(content: Path, ground_truth: dict[str, str | None], thresholds: list[float], window_days: int) -> list[Score]:
    """Group the corpus at each threshold (events in the files ignored) and score the pairs."""
    corpus = read_corpus(content, ignore_events=True)
    truth = true_pairs(ground_truth)
    scores = []
    for threshold in thresholds:
        started = time.perf_counter()
        groups = group_articles(corpus.texts, threshold, window_days)
        seconds = time.perf_counter() - started
        predicted = pairs_of([Path(k).relative_to(content).as_posix() for k in g.keys] for g in groups)
        scores.append(Score(threshold, len(predicted), len(truth), len(predicted & truth), len(groups), seconds))
    return scores


def _load_generator():
    path = ROOT / "benchmarks" / "corpus.py"
    if not path.is_file():
        raise SystemExit("benchmarks/corpus.py is missing; only the handmade corpus can be measured")
    spec = importlib.util.spec_from_file_location("bench_corpus", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", choices=("handmade", "synthetic"))
    parser.add_argument("--threshold", type=float, nargs="+", default=[DEFAULT_THRESHOLD])
    parser.add_argument("--window-days", type=int, default=DEFAULT_WINDOW_DAYS)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--outlets", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("/dev/shm/framing-digest-events-eval"))
    args = parser.parse_args(argv)
    if args.corpus == "handmade":
        content, truth_file = HANDMADE / "content", HANDMADE / "ground_truth.json"
    else:
        generator = _load_generator()
        started = time.perf_counter()
        generator.generate_corpus(args.out, args.articles, args.outlets, args.seed)
        print(f"generated {args.articles} articles in {time.perf_counter() - started:.1f} s under {args.out}")
        content, truth_file = args.out / "content", args.out / "ground_truth.json"
    ground_truth = json.loads(truth_file.read_text(encoding="utf-8"))
    events = len({e for e in ground_truth.values() if e})
    print(f"{args.corpus}: {len(ground_truth)} articles, {events} true events, window {args.window_days} days")
    for score in evaluate(content, ground_truth, args.threshold, args.window_days):
        print(score.line())
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
