"""Do the highlighter's errors fall harder on one side of politics? Measures per side and per outlet on BABE.

BABE's annotators judged far more sentences biased in some outlets than in others
(about 1 in 7 for the center outlets, 3 in 5 for the left and the right ones). Raw
word-level precision follows that base rate: where few words are marked, any
highlight is more often outside them, whatever the lexicon does. So besides the
raw figures this module gives two measures that do not depend on it:

- precision among sentences labelled Biased only;
- precision (and recall) at equal base rates: each group's sentences are put in
  strata by their label and by how many words the annotators marked in them (0, 1,
  2, 3 or more), and the strata are reweighted to the mix of the whole data set
  (direct standardisation). Every group is then scored as if the annotators had
  judged the same share of its sentences biased and marked as many words in
  them. The label alone is not enough: the center outlets' Biased sentences carry
  one marked word each on average, the left's and the right's two, and that too
  lowers raw precision without saying anything about the lexicon. This measure
  uses every highlight, so it is the fair headline figure;
- false alarms: highlighted words per 100 words in sentences labelled Non-biased.

An outlet's side comes from BABE's `type` column (left, center, right): the one
value its rows carry (a fifth of the rows leave it empty; three small outlets never
give it and are left out of the side table).
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

SIDES = ("left", "center", "right")
BOOTSTRAP_RUNS = 400
"""Resamples of sentences behind each interval; enough for the second decimal."""


@dataclass(frozen=True)
class Record:
    """One sentence's outcome: who published it, how it is labelled, and what the highlighter did in it."""

    outlet: str
    label: str
    highlighted: int  # distinct words a highlight touches
    hits: int  # of those, words the annotators marked
    gold: int  # words the annotators marked
    words: int = 0

    @property
    def stratum(self) -> tuple[str, int]:
        """The label and the number of marked words (3 standing for 3 or more): what the measures hold equal."""
        return self.label, min(self.gold, 3)


@dataclass(frozen=True)
class GroupScore:
    """The measures of one group of sentences (a side or an outlet)."""

    name: str
    sentences: int
    biased_share: float
    highlighted: int
    precision: float
    recall: float
    precision_biased_only: float
    precision_equal_base: float
    recall_equal_base: float
    interval: tuple[float, float]  # 95% bootstrap interval of precision_equal_base
    false_alarms: float  # highlighted words per 100 words of sentences labelled Non-biased


def outlet_sides(rows: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Each outlet's side: the single `type` value its rows carry; outlets with none or several are left out."""
    seen: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.get("type"):
            seen[row.get("outlet") or ""].add(row["type"])
    return {outlet: next(iter(types)) for outlet, types in seen.items() if len(types) == 1}


def _ratio(top: float, bottom: float) -> float:
    return top / bottom if bottom else 0.0


def label_mix(records: Sequence[Record]) -> dict[tuple[str, int], float]:
    """The share of each stratum over all sentences: the weights of the standardisation."""
    counts = Counter(record.stratum for record in records)
    return {stratum: n / len(records) for stratum, n in counts.items()} if records else {}


def equal_base(records: Sequence[Record], mix: Mapping[tuple[str, int], float]) -> tuple[float, float]:
    """(precision, recall) with each stratum's sentences weighted to the overall mix: per-sentence means of
    hits, highlighted and marked words within each stratum, combined with the overall shares."""
    by_label: dict[tuple[str, int], list[Record]] = defaultdict(list)
    for record in records:
        by_label[record.stratum].append(record)
    hits = highlighted = gold = 0.0
    for label, members in by_label.items():
        weight = mix.get(label, 0.0) / len(members)
        hits += weight * sum(r.hits for r in members)
        highlighted += weight * sum(r.highlighted for r in members)
        gold += weight * sum(r.gold for r in members)
    return _ratio(hits, highlighted), _ratio(hits, gold)


def score_group(name: str, records: Sequence[Record], mix: Mapping[tuple[str, int], float], seed: int = 0) -> GroupScore:
    biased = [r for r in records if r.label == "Biased"]
    neutral = [r for r in records if r.label == "Non-biased"]
    precision_equal, recall_equal = equal_base(records, mix)
    rng = random.Random(f"{seed}:{name}")
    draws = sorted(equal_base([rng.choice(records) for _ in records], mix)[0] for _ in range(BOOTSTRAP_RUNS)) if records else [0.0]
    low, high = draws[int(0.025 * (len(draws) - 1))], draws[int(0.975 * (len(draws) - 1))]
    return GroupScore(
        name=name,
        sentences=len(records),
        biased_share=_ratio(len(biased), len(records)),
        highlighted=sum(r.highlighted for r in records),
        precision=_ratio(sum(r.hits for r in records), sum(r.highlighted for r in records)),
        recall=_ratio(sum(r.hits for r in records), sum(r.gold for r in records)),
        precision_biased_only=_ratio(sum(r.hits for r in biased), sum(r.highlighted for r in biased)),
        precision_equal_base=precision_equal,
        recall_equal_base=recall_equal,
        interval=(low, high),
        false_alarms=100 * _ratio(sum(r.highlighted for r in neutral), sum(r.words for r in neutral)),
    )


def by_side(records: Sequence[Record], sides: Mapping[str, str]) -> tuple[GroupScore, ...]:
    """One score per side, in the order left, center, right, weighted to the whole data set's label mix."""
    mix = label_mix(records)
    return tuple(score_group(side, [r for r in records if sides.get(r.outlet) == side], mix) for side in SIDES)


def by_outlet(records: Sequence[Record]) -> tuple[GroupScore, ...]:
    """One score per outlet, most sentences first."""
    mix = label_mix(records)
    outlets = Counter(r.outlet for r in records)
    return tuple(score_group(o, [r for r in records if r.outlet == o], mix) for o, _ in sorted(outlets.items(), key=lambda i: (-i[1], i[0])))


def table(title: str, scores: Sequence[GroupScore], overall: GroupScore, sides: Mapping[str, str] | None = None) -> str:
    """A plain-text table with each group's gap to the overall figure on the fair measure."""
    lines = [
        title,
        f"  {'group':16} {'sent.':>5} {'Biased':>6} {'words':>5}  {'prec.':>5} {'recall':>6}  {'P|Biased':>8}"
        f"  {'P equal base (95% interval)':>27} {'gap':>6}  {'R equal base':>12}  {'false alarms':>12}",
    ]
    for score in (*scores, overall):
        name = score.name + (f" ({sides[score.name]})" if sides and score.name in sides else "")
        gap = score.precision_equal_base - overall.precision_equal_base
        lines.append(
            f"  {name[:16]:16} {score.sentences:5} {score.biased_share:6.2f} {score.highlighted:5}  {score.precision:5.3f} "
            f"{score.recall:6.3f}  {score.precision_biased_only:8.3f}  {score.precision_equal_base:9.3f} "
            f"({score.interval[0]:.3f}-{score.interval[1]:.3f})   {gap:+6.3f}  {score.recall_equal_base:12.3f}  {score.false_alarms:12.2f}"
        )
    return "\n".join(lines)
