"""The numbers table of an event: each outlet's claims, grouped by what they count, and where outlets differ.

Claims are grouped by the head noun of what they count (`quantity_key`). A row
says outlets *differ* only where they are sure to count the same thing:
- the same counted noun, and one that names a thing a story counts (not a share,
  a duration or a score: "percent", "years", "points" count different things in
  every sentence);
- about the same incident: articles with the same incident date, or any of the
  event's articles when its articles do not report different incidents;
- each of those outlets gives one figure for it, however qualified ("30" and
  "some 30" are one; an outlet that reports 8, 22 and 3 rockets is counting
  several things, and which one another outlet's 5 answers is not known);
- from confident claims only (`numbers.confident`);
- of what the event is about: the counted noun is a word of the event's title or
  summary, or of the headlines of two outlets ("rockets" in "Rocket attacks on
  the U.S. embassy"); a crowd of "230 people" at one rally and "1,000 people" at
  another, in a story about neither, are not one count;
- in sentences that say something alike about them: besides the counted words,
  the two sentences share at least `SHARED_CONTEXT` content words ("rockets ...
  fired at the base" and "rockets struck the base").
Otherwise the claims are listed side by side and nothing is said to differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from generator.analysis.actors import singular
from generator.analysis.number_words import counted_as_written
from generator.analysis.numbers import confident
from generator.analysis.results import ArticleAnalysis
from generator.analysis.terms import term_occurrences, word_columns
from generator.analysis.text.wordlists import SPEECH_VERBS
from generator.compare.types import ClaimCell, QuantityRow
from generator.model import Article

_CLAUSE_WORDS = frozenset({"that", "which", "who", "to", "in", "on", "at", "near", "from", "of"})
NOT_COMPARED = frozenset("percent year month week day hour minute second decade time point cent".split())
"""Heads whose figures measure something different in nearly every sentence: shares, durations, scores."""
SHARED_CONTEXT = 1
"""Content words two claims' sentences must share, besides what is counted and reporting words."""
_NOT_CONTEXT = frozenset(SPEECH_VERBS) | frozenset(
    "according officials official people more than about some nearly least also one two three four five six seven "
    "eight nine ten said says".split()
)


def quantity_key(counted: str) -> str:
    """The head noun of what a number counts, singular: "rockets fired" and "rockets" -> "rocket".

    Words from a relative clause or preposition on are dropped ("rockets that
    hit the embassy"), then trailing participles ("fired", "injured"); the
    last word left is the head ("American casualties" -> "casualty")."""
    words = list(word_columns(counted).norms)
    for index, word in enumerate(words):
        if index > 0 and word in _CLAUSE_WORDS:
            words = words[:index]
            break
    while len(words) > 1 and words[-1].endswith(("ed", "ing")):
        words.pop()
    return singular(words[-1]) if words else ""


def central_nouns(title: str, summary: str, headlines: Mapping[str, Sequence[str]]) -> frozenset[str]:
    """What an event is about, as singular words: those of its title and summary, and those of the headlines
    of at least two outlets (`headlines`: outlet -> its articles' headlines)."""
    own = set(map(singular, term_occurrences(f"{title}\n\n{summary}")[0]))
    seen: dict[str, set[str]] = {}
    for outlet, titles in headlines.items():
        for headline in titles:
            for word in term_occurrences(headline)[0]:
                seen.setdefault(singular(word), set()).add(outlet)
    return frozenset(own | {word for word, outlets in seen.items() if len(outlets) > 1})


def quantity_rows(
    outlet_ids: Sequence[str],
    by_outlet: Mapping[str, Sequence[Article]],
    analyses: Mapping[str, ArticleAnalysis],
    different_incidents: bool,
    central: frozenset[str] | None = None,
) -> tuple[QuantityRow, ...]:
    """One row per counted head noun, by how many outlets report it, then by the noun. `central`
    (`central_nouns`) are the nouns whose counts may differ; None lets any noun's."""
    cells: dict[str, list[ClaimCell]] = {}
    keys: dict[str, str] = {}  # counted text -> quantity_key: an event's articles count the same things
    for outlet_id in outlet_ids:
        for article in by_outlet[outlet_id]:
            for claim in sorted(analyses[article.slug].numbers, key=lambda c: c.start):
                key = keys.get(claim.counted)
                if key is None:
                    key = keys[claim.counted] = quantity_key(claim.counted)
                if key:
                    cells.setdefault(key, []).append(ClaimCell(
                        outlet_id, article.slug, claim.value, claim.qualifier, claim.surface,
                        claim.counted, claim.sentence, claim.voice, article.incident_date, confident(claim)))
    rows = []
    for key, claims in cells.items():
        reporting = tuple(o for o in outlet_ids if any(c.outlet == o for c in claims))
        counted = min((c.counted for c in claims), key=lambda text: (len(text), text))
        label = counted_as_written(counted, (c.surface for c in claims if c.counted == counted))
        compared, incident = ((), None) if central is not None and key not in central else \
            _compared(key, claims, outlet_ids, different_incidents)
        rows.append(QuantityRow(key, label, tuple(claims), reporting, bool(compared), compared, incident))
    return tuple(sorted(rows, key=lambda r: (-len(r.outlets), r.quantity)))


def _compared(key: str, claims: Sequence[ClaimCell], outlet_ids: Sequence[str],
              different_incidents: bool) -> tuple[tuple[str, ...], dt.date | None]:
    """The outlets whose one figure each differs from another's, about one incident, and that incident's date."""
    if key in NOT_COMPARED:
        return (), None
    incidents: dict[dt.date | None, list[ClaimCell]] = {}
    for claim in claims:
        if claim.confident and not (different_incidents and claim.incident is None):
            incidents.setdefault(claim.incident if different_incidents else None, []).append(claim)
    for incident in sorted(incidents, key=lambda d: (d is not None, d or dt.date.min)):
        group = incidents[incident]
        figures = {o: {c.value for c in group if c.outlet == o} for o in outlet_ids}  # "30" and "some 30" are one figure
        single = [o for o in outlet_ids if len(figures[o]) == 1]
        context = {o: set().union(*(_context(c) for c in group if c.outlet == o)) for o in single}
        compared = [o for o in single if any(
            p != o and figures[p] != figures[o] and len(context[o] & context[p]) >= SHARED_CONTEXT for p in single)]
        if compared:
            return tuple(compared), incident
    return (), None


def _context(claim: ClaimCell) -> set[str]:
    """The content words of a claim's sentence, less what it counts, its figures and reporting words."""
    counted = set(term_occurrences(claim.counted)[0])
    return {word for word in term_occurrences(claim.sentence)[0]
            if word not in counted and word not in _NOT_CONTEXT and not word[0].isdigit()}
