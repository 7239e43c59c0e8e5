"""How each outlet names the actors of an event: the labels and descriptions attached to them.

Actors come from three places, in this order of precedence when they overlap:
1. the event's `actors:` alias table (always listed when mentioned at all);
2. capitalised names of two or more words ("Mike Pompeo", "Kataib Hezbollah"),
   keyed by their last word so a later "Pompeo" is the same actor (two people
   sharing a surname in one event would be merged: add them to the alias table);
3. affiliation spans of the lexicon followed by a lower-case noun
   ("Iran-backed militias"), keyed by that noun in the singular.
Detected actors (2 and 3) are listed only when at least `min_articles` articles
mention them and some outlet attaches a label to them.

Labels attached to a mention, each with its voice (and speaker in quotations):
- `name`: the surface form, when it is not just a shorter form of the actor's name
  ("the U.S. regime" for the U.S. government);
- `title`: a run of capitalised and role words just before the name
  ("U.S. Secretary of State", "senior Iranian general");
- `apposition`: ", spokesman for Iran's Foreign Ministry," or "– one of the founders ...";
- `description`: words before a bracketed name ("habitual liar [Mike Pompeo]");
- `framing`: a lexicon span inside the mention or its title, apposition or description,
  or directly before the mention (category given).
These are heuristics for English news prose; the alias table is the fix when they fail.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress

from generator.analysis.terms import STOP_WORDS, Words, word_columns
from generator.analysis.results import ArticleAnalysis, Span
from generator.model import Article, Event

ROLE_WORDS = frozenset(
    """president vice secretary minister prime foreign state spokesman spokeswoman
    spokesperson speaker general major commander chief deputy ambassador director
    senator sen rep mr mrs ms dr interim acting former senior top leader head official
    officials envoy diplomat ministry parliament chairman governor mayor king prince
    lieutenant colonel admiral cleric""".split()
)
"""Words of a title or office: they introduce a name, they are not part of it."""

DETERMINERS = frozenset({"the", "a", "an"})
TITLE_CONNECTORS = frozenset({"of", "for"})
FRAMING_LABEL_CATEGORIES = frozenset(
    {"loaded_labels", "affiliation", "legitimacy", "conflict", "intensifiers", "scare_quotes"}
)
"""Lexicon categories that describe whom they touch; attribution verbs and hedges do not."""
_NOT_NAME_WORDS = ROLE_WORDS | STOP_WORDS
"""Capitalised words that still cannot be part of a name."""
_APPOSITION_OPENERS = DETERMINERS | ROLE_WORDS | {"one"}
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whose"})

_APPOSITION_DASH = re.compile(r"\s+[–—]\s+|\s+-\s+")
_APPOSITION_COMMA = re.compile(r",\s+")
_POSSESSIVE_END = re.compile(r"['’]s$")


@dataclass(frozen=True)
class ActorLabel:
    """One way an outlet labels an actor, with how often and where."""

    text: str
    kind: str  # "name" | "title" | "apposition" | "description" | "framing"
    voice: str
    speaker: str | None
    category: str | None
    count: int
    articles: tuple[str, ...]


@dataclass(frozen=True)
class OutletActorLabels:
    outlet: str
    mentions: int
    labels: tuple[ActorLabel, ...]


@dataclass(frozen=True)
class ActorNaming:
    """One actor: the articles that mention it and each outlet's labels for it."""

    actor: str
    source: str  # "alias_table" | "name" | "affiliation"
    articles: tuple[str, ...]
    outlets: tuple[OutletActorLabels, ...]


@dataclass(frozen=True)
class _Mention:
    key: str
    display: str
    source: str
    start: int
    end: int
    priority: int


@dataclass(frozen=True)
class _RawLabel:
    text: str
    kind: str
    voice: str
    speaker: str | None
    category: str | None


def singular(word: str) -> str:
    """A crude English singular, enough to match "militias" with "militia"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _capitalised(text: str, words: Words) -> list[int]:
    """Indices of the words whose first letter is upper case, found in C: only these can be names."""
    return list(compress(range(len(words)), map(str.isupper, map(text.__getitem__, words.starts))))


def _joined(text: str, words: Words, left: int, right: int) -> bool:
    """True when only spaces (or an abbreviation's full stop, as in "U.S.") separate two words."""
    gap = text[words.ends[left] : words.starts[right]].strip()
    return gap == "" or (gap == "." and "." in text[words.starts[left] : words.ends[left]])


def _alias_mentions(event: Event, text: str) -> list[_Mention]:
    mentions = []
    for actor in event.actors:
        for surface in (actor.name, *actor.aliases):
            pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", re.IGNORECASE)
            for match in pattern.finditer(text):
                mentions.append(_Mention(actor.name.casefold(), actor.name, "alias_table",
                                         match.start(), match.end(), 0))
    return mentions


def _sentence_initial(text: str, start: int) -> bool:
    window_start = max(0, start - 12)
    before = text[window_start : start].rstrip(" \t“\"‘'([")
    if before == "":
        return window_start == 0
    return before.endswith(("\n", ".", "!", "?", ":", "—", "–"))


def _name_runs(
    text: str, words: Words, known_mid_sentence: frozenset[str] | None = None, capitals: Sequence[int] | None = None
) -> list[tuple[int, int]]:
    """Word index ranges of capitalised words, split at role words and stop words.

    A run's first word at the start of a sentence ("Despite Iran") is dropped
    unless the event also capitalises it mid-sentence (`known_mid_sentence`).
    `capitals` (from `_capitalised`) saves finding the capitalised words again."""
    norms = words.norms
    name_words = [index for index in (_capitalised(text, words) if capitals is None else capitals)
                  if norms[index] not in _NOT_NAME_WORDS]
    runs: list[tuple[int, int]] = []
    begin = previous = -1
    for index in name_words:
        if begin >= 0 and index == previous + 1 and _joined(text, words, previous, index):
            previous = index
            continue
        if begin >= 0:
            runs.append((begin, previous + 1))
        begin = previous = index
    if begin >= 0:
        runs.append((begin, previous + 1))
    if known_mid_sentence is None:
        return runs
    trimmed = []
    for begin, end in runs:
        if _sentence_initial(text, words.starts[begin]) and norms[begin] not in known_mid_sentence:
            begin += 1
        if begin < end:
            trimmed.append((begin, end))
    return trimmed


def mid_sentence_capitals(text: str, words: Words, capitals: Sequence[int] | None = None) -> frozenset[str]:
    """Case-folded words the text capitalises away from a sentence start: likely names."""
    norms, starts = words.norms, words.starts
    return frozenset(norms[index] for index in (_capitalised(text, words) if capitals is None else capitals)
                     if not _sentence_initial(text, starts[index]))


def _name_mentions(
    text: str, words: Words, runs: Sequence[tuple[int, int]], surnames: frozenset[str]
) -> list[_Mention]:
    """Mentions of the name `runs` (from `_name_runs`) of two words or more, or of one known surname."""
    norms, starts, ends = words.norms, words.starts, words.ends
    mentions = []
    for begin, end in runs:
        if end - begin >= 2 or norms[begin] in surnames:
            start, stop = starts[begin], ends[end - 1]
            display = _POSSESSIVE_END.sub("", text[start:stop])
            mentions.append(_Mention(norms[end - 1], display, "name", start, stop, 1))
    return mentions


def _surnames(words: Words, runs: Sequence[tuple[int, int]]) -> set[str]:
    return {words.norms[end - 1] for begin, end in runs if end - begin >= 2}


def _affiliation_mentions(text: str, words: Words, spans: Sequence[Span]) -> list[_Mention]:
    norms, starts, ends = words.norms, words.starts, words.ends
    mentions = []
    for span in spans:
        if span.category != "affiliation":
            continue
        head = bisect_left(starts, span.end)
        if head >= len(starts) or text[span.end : starts[head]].strip():
            continue
        if text[starts[head]].isupper() or norms[head] in STOP_WORDS:
            continue
        mentions.append(_Mention(singular(norms[head]), text[starts[head] : ends[head]], "affiliation",
                                 span.start, ends[head], 2))
    return mentions


def _non_overlapping(mentions: list[_Mention]) -> list[_Mention]:
    chosen: list[_Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.priority, m.start, -(m.end - m.start))):
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _extend_left(text: str, words: Words, mention: _Mention) -> _Mention:
    """Take in given names before a matched surname ("Mike" before "Pompeo")."""
    norms, starts = words.norms, words.starts
    index = bisect_left(starts, mention.start)  # the first word starting at or after the mention
    start = mention.start
    while index > 0:
        previous = index - 1
        if not (text[starts[previous]].isupper() and norms[previous] not in _NOT_NAME_WORDS
                and _joined(text, words, previous, index)):
            break
        start, index = starts[previous], previous
    return _Mention(mention.key, mention.display, mention.source, start, mention.end, mention.priority)


def _title_range(text: str, words: Words, start: int) -> tuple[int, int] | None:
    norms, starts = words.norms, words.starts
    index = bisect_left(starts, start)
    if index == 0 or norms[index - 1] in TITLE_CONNECTORS:
        return None
    first = index
    while first > 0:
        previous = first - 1
        if not _joined(text, words, previous, first):
            break
        if not (text[starts[previous]].isupper() or norms[previous] in ROLE_WORDS
                or norms[previous] in TITLE_CONNECTORS):
            break
        first -= 1
    while first < index and (norms[first] in TITLE_CONNECTORS or norms[first] in STOP_WORDS):
        first += 1
    if first == index or not any(norm in ROLE_WORDS for norm in norms[first:index]):
        return None
    return starts[first], words.ends[index - 1]


def _apposition_range(text: str, words: Words, end: int) -> tuple[int, int] | None:
    opener = _APPOSITION_COMMA.match(text, end) or _APPOSITION_DASH.match(text, end)
    if opener is None:
        return None
    norms, ends = words.norms, words.ends
    index = bisect_left(words.starts, opener.end())
    if index >= len(norms) or norms[index] not in _APPOSITION_OPENERS:
        return None
    last = index
    while last + 1 < len(norms) and last - index < 12 and _joined(text, words, last, last + 1):
        last += 1
    if any(norm in _RELATIVE_PRONOUNS for norm in norms[index : last + 1]):
        return None  # a relative clause describes something else more often than the name
    closer = text[ends[last] : ends[last] + 1]
    if closer not in {",", ".", ";", ")"} and not _APPOSITION_DASH.match(text, ends[last]):
        return None
    return words.starts[index], ends[last]


def _description_range(text: str, words: Words, start: int) -> tuple[int, int] | None:
    if start == 0 or text[start - 1] != "[":
        return None
    norms, starts, ends = words.norms, words.starts, words.ends
    index = bisect_left(starts, start)
    first = index
    while first > 0 and index - first < 5:
        previous = first - 1
        gap_end = starts[first] if first < index else start - 1
        if text[ends[previous] : gap_end].strip() or norms[previous] in DETERMINERS:
            break
        first -= 1
    if first == index:
        return None
    return starts[first], ends[index - 1]


def _voice_at(analysis: ArticleAnalysis, offset: int) -> tuple[str, str | None]:
    if offset < analysis.text.headline_end:
        return "headline", None
    for quotation in analysis.quotations:
        if quotation.start <= offset < quotation.end:
            return "quotation", quotation.speaker
    return "narration", None


def _labels_of(analysis: ArticleAnalysis, words: Words, mention: _Mention) -> list[_RawLabel]:
    text = analysis.text.text
    voice, speaker = _voice_at(analysis, mention.start)
    labels = []
    surface = text[mention.start : mention.end]
    surface_key = _POSSESSIVE_END.sub("", surface).casefold()
    display_key = mention.display.casefold()
    if surface_key not in display_key and display_key not in surface_key:
        labels.append(_RawLabel(surface, "name", voice, speaker, None))
    ranges = [(mention.start, mention.end)]
    for kind, found in (("title", _title_range(text, words, mention.start)),
                        ("apposition", _apposition_range(text, words, mention.end)),
                        ("description", _description_range(text, words, mention.start))):
        if found is not None:
            labels.append(_RawLabel(text[found[0] : found[1]], kind, voice, speaker, None))
            ranges.append(found)
    for span in analysis.spans:
        if span.category not in FRAMING_LABEL_CATEGORIES:
            continue
        inside = any(span.start < end and span.end > start for start, end in ranges)
        just_before = span.end <= mention.start and not text[span.end : mention.start].strip(" “\"'[")
        if inside or just_before:
            labels.append(_RawLabel(span.text, "framing", span.voice, span.speaker, span.category))
    return labels


def _article_mentions(
    event: Event,
    analysis: ArticleAnalysis,
    words: Words,
    runs: Sequence[tuple[int, int]],
    surnames: frozenset[str],
    alias_keys: Mapping[str, str],
) -> list[_Mention]:
    text = analysis.text.text
    found = (_alias_mentions(event, text) + _name_mentions(text, words, runs, surnames)
             + _affiliation_mentions(text, words, analysis.spans))
    mentions = []
    for mention in _non_overlapping(found):
        table_key = next((k for k in (mention.display.casefold(), mention.key) if k in alias_keys), None)
        if mention.source != "alias_table" and table_key is not None:
            name = alias_keys[table_key]
            mention = _Mention(name.casefold(), name, "alias_table", mention.start, mention.end, 0)
        mentions.append(_extend_left(text, words, mention))
    return mentions


def _alias_keys(event: Event) -> dict[str, str]:
    """Table surfaces and their capitalised last words (surnames), so detected names merge in."""
    keys: dict[str, str] = {}
    for actor in event.actors:
        for surface in (actor.name, *actor.aliases):
            keys.setdefault(surface.casefold(), actor.name)
            words = word_columns(surface)
            if len(words) > 1 and surface[words.starts[-1]].isupper():
                keys.setdefault(words.norms[-1], actor.name)
    return keys


def actor_namings(
    event: Event,
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    outlet_order: Sequence[str],
    min_articles: int = 2,
    words: Mapping[str, Words] | None = None,
) -> tuple[ActorNaming, ...]:
    """Per actor, per outlet, the labels attached to it; see the module docstring.

    `words` (slug -> word_columns of its text) saves tokenising again when the caller has them."""
    texts = {a.slug: analyses[a.slug].text.text for a in articles}
    words_of = {slug: (words[slug] if words is not None and slug in words else word_columns(text))
                for slug, text in texts.items()}
    capitals = {slug: _capitalised(text, words_of[slug]) for slug, text in texts.items()}
    known = frozenset().union(*(mid_sentence_capitals(texts[s], words_of[s], capitals[s]) for s in texts))
    runs = {s: _name_runs(texts[s], words_of[s], known, capitals[s]) for s in texts}
    surnames = frozenset().union(*(_surnames(words_of[s], runs[s]) for s in texts))
    alias_keys = _alias_keys(event)
    displays: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, str] = {}
    mentioned_in: dict[str, set[str]] = defaultdict(set)
    per_outlet: dict[tuple[str, str], int] = Counter()
    raw: dict[tuple[str, str], list[tuple[_RawLabel, str]]] = defaultdict(list)
    for article in articles:
        analysis = analyses[article.slug]
        article_words = words_of[article.slug]
        for mention in _article_mentions(event, analysis, article_words, runs[article.slug], surnames, alias_keys):
            displays[mention.key][mention.display] += 1
            sources.setdefault(mention.key, mention.source)
            mentioned_in[mention.key].add(article.slug)
            per_outlet[(mention.key, article.outlet)] += 1
            for label in _labels_of(analysis, article_words, mention):
                raw[(mention.key, article.outlet)].append((label, article.slug))
    table_order = [actor.name.casefold() for actor in event.actors]
    namings = []
    for key in mentioned_in:
        has_labels = any(raw[(key, outlet)] for outlet in outlet_order)
        if sources[key] != "alias_table" and (len(mentioned_in[key]) < min_articles or not has_labels):
            continue
        display = max(displays[key].items(),
                      key=lambda item: (" " in item[0], item[1], len(item[0]), item[0]))[0]
        namings.append(ActorNaming(
            actor=display,
            source=sources[key],
            articles=tuple(sorted(mentioned_in[key])),
            outlets=tuple(OutletActorLabels(outlet, per_outlet[(key, outlet)],
                                            _merge_labels(raw[(key, outlet)]))
                          for outlet in outlet_order),
        ))

    def order(naming: ActorNaming) -> tuple:
        key = naming.actor.casefold()
        in_table = table_order.index(key) if key in table_order else len(table_order)
        return (in_table, -len(naming.articles), naming.actor)

    return tuple(sorted(namings, key=order))


def _merge_labels(found: list[tuple[_RawLabel, str]]) -> tuple[ActorLabel, ...]:
    counts: Counter[_RawLabel] = Counter()
    articles: dict[_RawLabel, set[str]] = defaultdict(set)
    first_text: dict[_RawLabel, str] = {}
    for label, slug in found:
        key = _RawLabel(label.text.casefold().replace("’", "'"), label.kind, label.voice,
                        label.speaker, label.category)
        counts[key] += 1
        articles[key].add(slug)
        first_text.setdefault(key, label.text)
    merged = [ActorLabel(first_text[key], key.kind, key.voice, key.speaker, key.category,
                         counts[key], tuple(sorted(articles[key])))
              for key in counts]
    return tuple(sorted(merged, key=lambda l: (-l.count, l.kind, l.text.casefold(), l.voice)))
