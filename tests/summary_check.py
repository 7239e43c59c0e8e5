"""Recompute every summary sentence's figures from the event's JSON, as a reader with the JSON could.

Shared by the summary tests, the assembled events' tests and the gauntlet over
real news: the summary is checkable only if this recomputation agrees with it.
"""

from __future__ import annotations

import re

from generator.analysis.number_words import quantity_words
from generator.compare.summary import ANCHORS, LEAD_SENTENCES, MIN_COUNT, MIN_LABELS, MIN_SHARED_WORDS, MIN_TERM_USES, Z_THRESHOLD


def _profile(key: str, data: dict) -> list[float]:
    index = [c for c, _ in data["categories"]].index(key)
    rates = [o["rates"][index] for o in data["profile"]]
    assert max(r["total_count"] for r in rates) >= MIN_COUNT, "a rate sentence needs enough highlights"
    values: list[float] = []
    for rate in rates:
        own = rate["headline_count"] + rate["narration_count"]
        if rate["total_count"] == 0:
            continue
        values.append(round(rate["total"], 1))
        if rate["quotation_count"] and own:
            values.append(round(rate["quotation"], 1))
    return values


def _numbers(key: str, data: dict) -> list[float]:
    (row,) = [r for r in data["numbers"] if r["quantity"] == key]
    assert row["differs"] and len(row["compared"]) >= 2
    values: list[float] = []
    for outlet in row["compared"]:
        seen = []
        for claim in row["claims"]:
            if (claim["outlet"] == outlet and claim["confident"]
                    and (row["incident"] is None or claim["incident"] == row["incident"])
                    and all(claim["value"] != value for value, _ in seen)):
                seen.append((claim["value"], claim["qualifier"]))
        assert seen, (outlet, row)
        values.extend(v for v, _ in seen)
    assert len(set(values)) > 1, "a differ sentence states different figures"
    return values


def _quoted(key: str, data: dict) -> list[float]:
    (sources,) = [q["sources"] for q in data["quoted"] if q["outlet"] == key]
    if sources["quoted_words"] == 0 or not sources["speakers"]:
        return []
    if not sources["named_speakers"] and not sources["anonymous_quotations"]:
        return [sum(s["quotations"] for s in sources["speakers"])]
    stated = [n for n in (sources["named_speakers"], sources["anonymous_quotations"]) if n]
    named = [s for s in sources["speakers"] if not s["anonymous"] and s["speaker"] != "unattributed"]
    if not named:
        return stated
    words, total = named[0]["words"], sources["quoted_words"]
    return [*stated, words, total, (200 * words + total) // (2 * total)]


def _distinctive(key: str, data: dict) -> list[float]:
    (terms,) = [d["terms"] for d in data["distinctive"] if d["outlet"] == key]
    strong = [t for t in terms if t["z"] >= Z_THRESHOLD and t["count"] >= MIN_TERM_USES][:3]
    return [round(t["z"], 1) for t in strong]


def _shared(key: str, data: dict) -> list[float]:
    a, b = key.split(" ")
    words = [p["words"] for p in data["shared"] if p["article_a"] == a and p["article_b"] == b]
    assert sum(words) >= MIN_SHARED_WORDS
    return [len(words), sum(words)]


def _actors(key: str, data: dict) -> list[float]:
    actor, _, epithet = key.partition("|")
    (naming,) = [a for a in data["actors"] if a["actor"] == actor]
    if epithet:
        found = [label for o in naming["outlets"] for label in o["labels"] if label["text"] == epithet and label["kind"] == "epithet"]
        assert len(found) == 1, found
        return [found[0]["count"]]
    values: list[float] = []
    assert max(sum(label["count"] for label in e["labels"]) for e in naming["outlets"]) >= MIN_LABELS
    for entry in naming["outlets"]:
        total = sum(label["count"] for label in entry["labels"])
        if entry["mentions"] and total:
            values.extend((total, sum(label["count"] for label in entry["labels"] if label["voice"] == "quotation")))
    return values


def _readability(key: str, data: dict) -> list[float]:
    return [round(o["mean"]["flesch_reading_ease"], 1) for o in data["readability_outlets"]]


RECOMPUTE = {"profile": _profile, "numbers": _numbers, "quoted": _quoted, "distinctive": _distinctive,
             "shared": _shared, "actors": _actors, "readability": _readability}


def written(value: float, anchor: str, key: str, data: dict) -> str:
    """How a sentence of `anchor` writes `value`."""
    if anchor == "numbers":
        (row,) = [r for r in data["numbers"] if r["quantity"] == key]
        return quantity_words(value, row["label"])
    if anchor in ("profile", "distinctive", "readability"):
        return f"{value:.1f}"
    return f"{int(value):,}"


def check_summary(data: dict) -> int:
    """Assert that every summary sentence of an event's JSON states the figures its table gives, in order,
    written as the sentence writes them; returns how many sentences were checked."""
    sentences = data["summary"]
    weights = [s["weight"] for s in sentences]
    assert weights == sorted(weights, reverse=True), "sentences are ranked heaviest first"
    for sentence in sentences:
        assert sentence["anchor"] in ANCHORS, sentence
        expected = RECOMPUTE[sentence["anchor"]](sentence["key"], data)
        assert [float(v) for v in sentence["values"]] == [float(v) for v in expected], sentence
        position = 0
        for value in sentence["values"]:
            text = written(value, sentence["anchor"], sentence["key"], data)
            found = re.search(r"(?<![\d.,])" + re.escape(text) + r"(?![\d]|\.\d|,\d)", sentence["text"][position:])
            assert found, (text, sentence["text"])
            position += found.end()
    assert LEAD_SENTENCES == 7
    return len(sentences)
