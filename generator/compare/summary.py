"""Plain sentences from the comparison's tables, by fixed, neutral templates, ranked by how much outlets differ.

Each sentence names the table it restates (its anchor id), the row of that
table (`key`), and carries the figures it states (`values`, in order), so a
test or a reader can recompute it from the event's JSON. Sentences only restate
counts and rates; they never say which outlet is right.

Each sentence gets a `weight` in [0, 1]: how much the outlets differ in what it
states, scaled by how sure the figures under it are. The page shows the
`LEAD_SENTENCES` heaviest under "At a glance" and the rest under "More
differences". No sentence is built from an extraction that is unsure: rates
need `MIN_COUNT` highlights, numbers only confident claims of one thing
(`compare.quantities`), distinctive terms `MIN_TERM_USES` uses and a z-score of
at least 1.96, actors' labels `MIN_LABELS` labels, and quotations name only a
speaker who is named.
"""

from __future__ import annotations

from collections import defaultdict

from generator.analysis.number_words import is_currency, quantity_words
from generator.compare.types import EventComparison, QuantityRow, SummarySentence

ANCHORS = ("profile", "numbers", "quoted", "distinctive", "shared", "actors", "readability")
LEAD_SENTENCES = 7
"""At most this many sentences lead the page ("At a glance"); the rest wait behind "More differences"."""
QUALIFIER_WORDS = {"exact": "", "more_than": "more than ", "at_least": "at least ",
                   "about": "about ", "fewer_than": "fewer than ", "at_most": "at most "}
Z_THRESHOLD = 1.96
"""|z| above 1.96: the conventional 95% level the paper also uses to call a word distinctive."""
MIN_COUNT = 3
"""A category's rates are stated only when some outlet has at least this many highlights of it."""
MIN_TERM_USES = 3
"""A distinctive term is stated only when its outlet uses it at least this often."""
MIN_SHARED_WORDS = 12
"""Shared passages are stated only when two articles share at least this many words."""
MIN_LABELS = 2
"""An actor's labels are stated only when some outlet attaches at least this many to it."""
QUOTED_WORDS = 60
"""Below this many quoted words, who dominates an outlet's quotations weighs less: a few words say little."""
MAX_PER_KIND = 3
"""At most this many sentences restate one table's rows (categories, actors)."""


def one_decimal(value: float) -> float:
    """To one decimal, from the four the event's JSON keeps, so a reader rounding the JSON gets the same figure."""
    return round(round(value + 0.0, 4), 1)


def format_number(value: float) -> str:
    """8 -> "8", 5000 -> "5,000", 2.5 -> "2.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _spread(values: list[float]) -> float:
    """How far apart some figures are, from 0 (all equal) to 1 (one is zero, or nothing to compare)."""
    high = max(values, default=0.0)
    return (high - min(values)) / high if high > 0 and len(values) > 1 else 0.0


def _profile(c: EventComparison) -> list[SummarySentence]:
    candidates = []
    for index, (category, label) in enumerate(c.categories):
        rates = [(o.outlet, o.rates[index]) for o in c.profile]
        most = max((rate.total_count for _, rate in rates), default=0)
        if most < MIN_COUNT:
            continue
        totals = [one_decimal(rate.total) for _, rate in rates]
        weight = 0.3 + 0.5 * _spread(totals) * min(1.0, most / 10)
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
        candidates.append(SummarySentence(f"{label} per 1,000 words: " + "; ".join(clauses) + ".",
                                          "profile", tuple(values), category, round(weight, 3)))
    return sorted(candidates, key=lambda s: -s.weight)[:MAX_PER_KIND]


def compared_figures(row: QuantityRow) -> list[tuple[str, list[tuple[float, str]]]]:
    """Per compared outlet (in column order), its figure for the row, as its first confident claim about the
    row's incident qualifies it ("some 30" after "30" is the same figure): what a "differ" sentence states."""
    figures = []
    for outlet in row.compared:
        seen: list[tuple[float, str]] = []
        for claim in row.claims:
            if (claim.outlet == outlet and claim.confident and (row.incident is None or claim.incident == row.incident)
                    and all(claim.value != value for value, _ in seen)):
                seen.append((claim.value, claim.qualifier))
        figures.append((outlet, seen))
    return figures


def _numbers(c: EventComparison) -> list[SummarySentence]:
    sentences = []
    for row in c.numbers:
        if not row.differs:
            continue
        clauses, values = [], []
        for outlet, seen in compared_figures(row):
            phrases = [QUALIFIER_WORDS.get(q, "") + quantity_words(v, row.label) for v, q in seen]
            values.extend(v for v, _ in seen)
            clauses.append(f"{c.outlet_name(outlet)} reports {_join(phrases)}")
        incident = f" about the incident of {row.incident.strftime('%-d %B %Y')}" if row.incident else ""
        weight = 0.7 + 0.3 * _spread(values)
        sentences.append(SummarySentence(_numbers_sentence(row, incident, clauses), "numbers", tuple(values),
                                         row.quantity, round(weight, 3)))
    return sentences


def _numbers_sentence(row: QuantityRow, incident: str, clauses: list[str]) -> str:
    subject = f"Amounts in {row.label}" if is_currency(row.label) else f"Numbers of {row.label}"
    return f"{subject} differ{incident}: " + "; ".join(clauses) + "."


def _quoted(c: EventComparison) -> list[SummarySentence]:
    """Who each outlet quotes: counts of named speakers and anonymous quotations (only the non-zero ones),
    and the most quoted named speaker; an outlet whose quotations have no speaker the analysis is sure of
    is said to have them, never to quote no one."""
    sentences = []
    quoting = sum(1 for entry in c.quoted if entry.sources.quoted_words)
    for entry in c.quoted:
        name, sources = c.outlet_name(entry.outlet), entry.sources
        if sources.quoted_words == 0 or not sources.speakers:
            weight = 0.35 if quoting else 0.1  # a difference only when others quote
            sentences.append(SummarySentence(f"{name} quotes no one directly.", "quoted", (), entry.outlet, weight))
            continue
        if not sources.named_speakers and not sources.anonymous_quotations:
            passages = sum(s.quotations for s in sources.speakers)
            sentences.append(SummarySentence(
                f"None of {name}'s {_plural(passages, 'quotation', 'quotations')} has a speaker the analysis is sure of.",
                "quoted", (passages,), entry.outlet, 0.15))
            continue
        parts = [(n, _plural(n, singular, plural)) for n, singular, plural in (
            (sources.named_speakers, "named speaker", "named speakers"),
            (sources.anonymous_quotations, "anonymous quotation", "anonymous quotations")) if n]
        counts = f"{name} quotes " + " and ".join(text for _, text in parts)
        stated = tuple(n for n, _ in parts)
        top = top_named(sources)
        if top is None:  # only anonymous quotations: nobody to name
            sentences.append(SummarySentence(counts + ".", "quoted", stated, entry.outlet, 0.2))
            continue
        percent = (200 * top.words + sources.quoted_words) // (2 * sources.quoted_words)  # half up, from the JSON's whole numbers
        text = counts + f"; the most quoted, {top.speaker}, has {top.words:,} of its {sources.quoted_words:,} quoted words ({percent}%)."
        sentences.append(SummarySentence(
            text, "quoted", (*stated, top.words, sources.quoted_words, percent),
            entry.outlet, round(0.2 + 0.35 * top.share * min(1.0, sources.quoted_words / QUOTED_WORDS), 3)))
    return sentences


def top_named(sources):
    """The most quoted speaker who is named (not anonymous, not unattributed), or None."""
    return next((s for s in sources.speakers if not s.anonymous and s.speaker != "unattributed"), None)


def strong_terms(terms) -> list:
    """The terms a summary sentence may state: distinctive at the 95% level and used often enough."""
    return [t for t in terms if t.z >= Z_THRESHOLD and t.count >= MIN_TERM_USES][:3]


def _distinctive(c: EventComparison) -> list[SummarySentence]:
    if len(c.outlets) < 2:
        return []
    sentences = []
    for entry in c.distinctive:
        strong = strong_terms(entry.terms)
        if not strong:
            continue
        parts = [f"“{t.term}” (z = {one_decimal(t.z):.1f})" for t in strong]
        weight = 0.3 + 0.4 * min(1.0, (strong[0].z - Z_THRESHOLD) / 3)
        sentences.append(SummarySentence(
            f"Compared with the other outlets here, the terms most distinctive of "
            f"{c.outlet_name(entry.outlet)} are {_join(parts)}.",
            "distinctive", tuple(one_decimal(t.z) for t in strong), entry.outlet, round(weight, 3)))
    return sentences


def _shared(c: EventComparison) -> list[SummarySentence]:
    titles = {a.slug: a.title for column in c.columns for a in column.articles}
    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for passage in c.shared:
        pairs[(passage.article_a, passage.article_b)].append(passage.words)
    return [
        SummarySentence(
            f"“{titles[a]}” and “{titles[b]}” share "
            f"{_plural(len(words), 'passage', 'passages')}, {sum(words):,} matching words in all.",
            "shared", (len(words), sum(words)), f"{a} {b}", round(0.3 + 0.4 * min(1.0, sum(words) / 150), 3))
        for (a, b), words in sorted(pairs.items()) if sum(words) >= MIN_SHARED_WORDS
    ]


def _actors(c: EventComparison) -> list[SummarySentence]:
    sentences, epithets = [], []
    for naming in c.actors:
        mentioning = [o for o in naming.outlets if o.mentions]
        if not any(o.labels for o in naming.outlets) or len(mentioning) < 2:
            continue
        clauses, values, totals = [], [], []
        for entry in naming.outlets:
            name = c.outlet_name(entry.outlet)
            total = sum(label.count for label in entry.labels)
            quoted = sum(label.count for label in entry.labels if label.voice == "quotation")
            if entry.mentions == 0:
                clauses.append(f"{name} does not mention it")
                continue
            totals.append(total)
            if total == 0:
                clauses.append(f"{name} none")
                continue
            clauses.append(f"{name} {total} ({quoted} inside quotations)")
            values.extend((total, quoted))
        if max(totals, default=0) >= MIN_LABELS:
            sentences.append(SummarySentence(
                f"Labels attached to {naming.actor}: " + "; ".join(clauses) + ".", "actors", tuple(values), naming.actor,
                round(0.3 + 0.4 * _spread([float(t) for t in totals]) * min(1.0, max(totals) / 4), 3)))
        for entry in mentioning:
            for label in (l for l in entry.labels if l.kind == "epithet"):
                if all(label.text not in {l.text for l in other.labels} for other in mentioning if other is not entry):
                    epithets.append(_epithet(c, naming.actor, entry.outlet, label))
    return epithets + sorted(sentences, key=lambda s: -s.weight)[:MAX_PER_KIND]


def _epithet(c: EventComparison, actor: str, outlet: str, label) -> SummarySentence:
    voice = f"quoting {label.speaker}" if label.voice == "quotation" and label.speaker else (
        "inside a quotation" if label.voice == "quotation" else f"in its own {label.voice}")
    return SummarySentence(
        f"{c.outlet_name(outlet)} calls {actor} “{label.text}” ({_plural(label.count, 'time', 'times')}, {voice}); "
        f"no other outlet here does.", "actors", (label.count,), f"{actor}|{label.text}", 0.85)


def _readability(c: EventComparison) -> list[SummarySentence]:
    if len(c.readability_outlets) < 2:
        return []  # nothing to compare
    parts, values = [], []
    for entry in c.readability_outlets:
        ease = one_decimal(entry.mean.flesch_reading_ease)
        parts.append(f"{c.outlet_name(entry.outlet)} {ease:.1f}")
        values.append(ease)
    if not parts:
        return []
    weight = 0.1 + 0.3 * min(1.0, (max(values) - min(values)) / 30)
    return [SummarySentence("Flesch reading ease (higher is easier to read): " + ", ".join(parts) + ".",
                            "readability", tuple(values), "", round(weight, 3))]


def summarise(comparison: EventComparison) -> tuple[SummarySentence, ...]:
    """Every sentence, heaviest first (ties in the page's order: profile, numbers, quoted, distinctive,
    shared, actors, readability); the first `LEAD_SENTENCES` lead the page."""
    made = (_profile(comparison) + _numbers(comparison) + _quoted(comparison) + _distinctive(comparison)
            + _shared(comparison) + _actors(comparison) + _readability(comparison))
    order = {id(sentence): index for index, sentence in enumerate(made)}
    return tuple(sorted(made, key=lambda s: (-s.weight, order[id(s)])))
