"""Plain sentences from the comparison's numbers, by fixed, neutral templates.

Each sentence names the table it comes from (its anchor id) and carries the
numbers it prints, in order, so tests and readers can check it. Sentences only
restate counts and rates; they never say which outlet is right.
"""

from __future__ import annotations

from collections import defaultdict

from generator.compare.types import EventComparison, QuantityRow, SummarySentence

ANCHORS = ("profile", "numbers", "quoted", "distinctive", "shared", "actors", "readability")
QUALIFIER_WORDS = {"exact": "", "more_than": "more than ", "at_least": "at least ",
                   "about": "about ", "fewer_than": "fewer than ", "at_most": "at most "}
Z_THRESHOLD = 1.96
"""|z| above 1.96: the conventional 95% level the paper also uses to call a word distinctive."""


def one_decimal(value: float) -> float:
    return round(value + 0.0, 1)


def format_number(value: float) -> str:
    """8 -> "8", 5000 -> "5,000", 2.5 -> "2.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _profile(c: EventComparison) -> list[SummarySentence]:
    sentences = []
    by_category = []
    for index, (category, label) in enumerate(c.categories):
        rates = [(o.outlet, o.rates[index]) for o in c.profile]
        totals = [one_decimal(r.total) for _, r in rates]
        if max(totals) > 0:
            by_category.append((max(totals) - min(totals), index, label, rates))
    for _, _, label, rates in sorted(by_category, key=lambda item: (-item[0], item[1]))[:3]:
        clauses, values = [], []
        for outlet, rate in rates:
            total, quoted = one_decimal(rate.total), one_decimal(rate.quotation)
            name = c.outlet_name(outlet)
            if rate.total_count == 0:
                clauses.append(f"{name} none")
            elif rate.quotation_count == 0:
                clauses.append(f"{name} {total:.1f}, all in its own words")
                values.append(total)
            elif rate.own_words_count == 0:
                clauses.append(f"{name} {total:.1f}, all in quotations")
                values.append(total)
            else:
                clauses.append(f"{name} {total:.1f}, {quoted:.1f} of them in quotations")
                values.extend((total, quoted))
        sentences.append(SummarySentence(f"{label} per 1,000 words: " + "; ".join(clauses) + ".",
                                         "profile", tuple(values)))
    return sentences


def _numbers(c: EventComparison) -> list[SummarySentence]:
    sentences = []
    for row in c.numbers:
        if not row.differs:
            continue
        clauses, values = [], []
        for outlet in row.outlets:
            seen: list[tuple[float, str]] = []
            for claim in row.claims:
                if claim.outlet == outlet and (claim.value, claim.qualifier) not in seen:
                    seen.append((claim.value, claim.qualifier))
            phrases = [QUALIFIER_WORDS.get(q, "") + format_number(v) for v, q in seen]
            values.extend(v for v, _ in seen)
            clauses.append(f"{c.outlet_name(outlet)} reports {_join(phrases)}")
        sentences.append(SummarySentence(_numbers_sentence(row, clauses), "numbers", tuple(values)))
    return sentences


def _numbers_sentence(row: QuantityRow, clauses: list[str]) -> str:
    return f"Numbers of {row.label} differ: " + "; ".join(clauses) + "."


def _quoted(c: EventComparison) -> list[SummarySentence]:
    sentences = []
    for entry in c.quoted:
        name, sources = c.outlet_name(entry.outlet), entry.sources
        if sources.quoted_words == 0:
            sentences.append(SummarySentence(f"{name} quotes no one directly.", "quoted", ()))
            continue
        top = sources.speakers[0]
        percent = round(100 * top.share)
        text = (f"{name} quotes {_plural(sources.named_speakers, 'named speaker', 'named speakers')} "
                f"and {_plural(sources.anonymous_quotations, 'anonymous quotation', 'anonymous quotations')}; "
                f"the most quoted, {top.speaker}, has {top.words} of its {sources.quoted_words} "
                f"quoted words ({percent}%).")
        sentences.append(SummarySentence(
            text, "quoted", (sources.named_speakers, sources.anonymous_quotations, top.words,
                             sources.quoted_words, percent)))
    return sentences


def _distinctive(c: EventComparison) -> list[SummarySentence]:
    if len(c.outlets) < 2:
        return []
    sentences = []
    for entry in c.distinctive:
        strong = [t for t in entry.terms if t.z >= Z_THRESHOLD][:3]
        if not strong:
            continue
        parts = [f"“{t.term}” (z = {one_decimal(t.z):.1f})" for t in strong]
        sentences.append(SummarySentence(
            f"Compared with the other outlets here, the terms most distinctive of "
            f"{c.outlet_name(entry.outlet)} are {_join(parts)}.",
            "distinctive", tuple(one_decimal(t.z) for t in strong)))
    return sentences


def _shared(c: EventComparison) -> list[SummarySentence]:
    titles = {a.slug: a.title for column in c.columns for a in column.articles}
    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for passage in c.shared:
        pairs[(passage.article_a, passage.article_b)].append(passage.words)
    return [
        SummarySentence(
            f"“{titles[a]}” and “{titles[b]}” share "
            f"{_plural(len(words), 'passage', 'passages')}, {sum(words)} matching words in all.",
            "shared", (len(words), sum(words)))
        for (a, b), words in sorted(pairs.items())
    ]


def _actors(c: EventComparison) -> list[SummarySentence]:
    sentences = []
    for naming in c.actors:
        labelled = [o for o in naming.outlets if o.labels]
        if len(labelled) < 1 or sum(1 for o in naming.outlets if o.mentions) < 2:
            continue
        clauses, values = [], []
        for entry in naming.outlets:
            name = c.outlet_name(entry.outlet)
            total = sum(label.count for label in entry.labels)
            quoted = sum(label.count for label in entry.labels if label.voice == "quotation")
            if entry.mentions == 0:
                clauses.append(f"{name} does not mention it")
                continue
            if total == 0:
                clauses.append(f"{name} none")
                continue
            clauses.append(f"{name} {total} ({quoted} inside quotations)")
            values.extend((total, quoted))
        sentences.append(SummarySentence(
            f"Labels attached to {naming.actor}: " + "; ".join(clauses) + ".", "actors", tuple(values)))
        if len(sentences) == 3:
            break
    return sentences


def _readability(c: EventComparison) -> list[SummarySentence]:
    parts, values = [], []
    for entry in c.readability_outlets:
        ease = one_decimal(entry.mean.flesch_reading_ease)
        parts.append(f"{c.outlet_name(entry.outlet)} {ease:.1f}")
        values.append(ease)
    if not parts:
        return []
    return [SummarySentence("Flesch reading ease (higher is easier to read): " + ", ".join(parts) + ".",
                            "readability", tuple(values))]


def summarise(comparison: EventComparison) -> tuple[SummarySentence, ...]:
    """Sentences in the page's order: profile, numbers, quoted, distinctive, shared, actors, readability."""
    return tuple(
        _profile(comparison) + _numbers(comparison) + _quoted(comparison) + _distinctive(comparison)
        + _shared(comparison) + _actors(comparison) + _readability(comparison)
    )
