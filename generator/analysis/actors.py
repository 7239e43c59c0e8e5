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
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.analysis.fightin_words import STOP_WORDS, Token, word_tokens
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

_APPOSITION_DASH = re.compile(r"\s+[–—]\s+|\s+-\s+")


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


def _is_capitalised(text: str, token: Token) -> bool:
    return text[token.start].isupper()


def _joined(text: str, left: Token, right: Token) -> bool:
    """True when only spaces (or an abbreviation's full stop, as in "U.S.") separate two words."""
    gap = text[left.end : right.start].strip()
    return gap == "" or (gap == "." and "." in text[left.start : left.end])


def _alias_mentions(event: Event, text: str) -> list[_Mention]:
    mentions = []
    for actor in event.actors:
        for surface in (actor.name, *actor.aliases):
            pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", re.IGNORECASE)
            for match in pattern.finditer(text):
                mentions.append(_Mention(actor.name.casefold(), actor.name, "alias_table",
                                         match.start(), match.end(), 0))
    return mentions


def _sentence_initial(text: str, token: Token) -> bool:
    window_start = max(0, token.start - 12)
    before = text[window_start : token.start].rstrip(" \t“\"‘'([")
    if before == "":
        return window_start == 0
    return before.endswith(("\n", ".", "!", "?", ":", "—", "–"))


def _name_runs(
    text: str, tokens: tuple[Token, ...], known_mid_sentence: frozenset[str] | None = None
) -> list[tuple[int, int]]:
    """Token index ranges of capitalised words, split at role words and stop words.

    A run's first word at the start of a sentence ("Despite Iran") is dropped
    unless the event also capitalises it mid-sentence (`known_mid_sentence`)."""
    # only capitalised words can be names: find them in one pass, then walk those alone
    name_words = [index for index, token in enumerate(tokens)
                  if text[token.start].isupper() and token.norm not in ROLE_WORDS and token.norm not in STOP_WORDS]
    runs: list[tuple[int, int]] = []
    begin = previous = -1
    for index in name_words:
        if begin >= 0 and index == previous + 1 and _joined(text, tokens[previous], tokens[index]):
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
        first = tokens[begin]
        if _sentence_initial(text, first) and first.norm not in known_mid_sentence:
            begin += 1
        if begin < end:
            trimmed.append((begin, end))
    return trimmed


def mid_sentence_capitals(text: str, tokens: tuple[Token, ...]) -> frozenset[str]:
    """Case-folded words the text capitalises away from a sentence start: likely names."""
    return frozenset(t.norm for t in tokens if text[t.start].isupper() and not _sentence_initial(text, t))


def _name_mentions(
    text: str, tokens: tuple[Token, ...], surnames: frozenset[str], known: frozenset[str]
) -> list[_Mention]:
    mentions = []
    for begin, end in _name_runs(text, tokens, known):
        if end - begin >= 2 or tokens[begin].norm in surnames:
            first, last = tokens[begin], tokens[end - 1]
            display = text[first.start : last.end]
            display = re.sub(r"['’]s$", "", display)
            mentions.append(_Mention(last.norm, display, "name", first.start, last.end, 1))
    return mentions


def _surnames(text: str, tokens: tuple[Token, ...], known: frozenset[str]) -> set[str]:
    return {tokens[end - 1].norm for begin, end in _name_runs(text, tokens, known) if end - begin >= 2}


def _affiliation_mentions(text: str, tokens: tuple[Token, ...], spans: Sequence[Span]) -> list[_Mention]:
    mentions = []
    for span in spans:
        if span.category != "affiliation":
            continue
        following = _token_index_at(tokens, span.end)
        if following >= len(tokens) or text[span.end : tokens[following].start].strip():
            continue
        head = tokens[following]
        if _is_capitalised(text, head) or head.norm in STOP_WORDS:
            continue
        mentions.append(_Mention(singular(head.norm), text[head.start : head.end], "affiliation",
                                 span.start, head.end, 2))
    return mentions


def _non_overlapping(mentions: list[_Mention]) -> list[_Mention]:
    chosen: list[_Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.priority, m.start, -(m.end - m.start))):
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _token_index_at(tokens: tuple[Token, ...], offset: int) -> int:
    """Index of the first token starting at or after `offset`."""
    low, high = 0, len(tokens)
    while low < high:
        middle = (low + high) // 2
        if tokens[middle].start < offset:
            low = middle + 1
        else:
            high = middle
    return low


def _extend_left(text: str, tokens: tuple[Token, ...], mention: _Mention) -> _Mention:
    """Take in given names before a matched surname ("Mike" before "Pompeo")."""
    index = _token_index_at(tokens, mention.start)
    start = mention.start
    while index > 0:
        previous = tokens[index - 1]
        if not (_is_capitalised(text, previous) and previous.norm not in ROLE_WORDS
                and previous.norm not in STOP_WORDS and _joined(text, previous, tokens[index])):
            break
        start, index = previous.start, index - 1
    return _Mention(mention.key, mention.display, mention.source, start, mention.end, mention.priority)


def _title_range(text: str, tokens: tuple[Token, ...], start: int) -> tuple[int, int] | None:
    index = _token_index_at(tokens, start)
    if index == 0 or tokens[index - 1].norm in TITLE_CONNECTORS:
        return None
    first = index
    while first > 0:
        previous = tokens[first - 1]
        if not _joined(text, previous, tokens[first]):
            break
        if not (_is_capitalised(text, previous) or previous.norm in ROLE_WORDS
                or previous.norm in TITLE_CONNECTORS):
            break
        first -= 1
    while first < index and (tokens[first].norm in TITLE_CONNECTORS or tokens[first].norm in STOP_WORDS):
        first += 1
    if first == index or not any(t.norm in ROLE_WORDS for t in tokens[first:index]):
        return None
    return tokens[first].start, tokens[index - 1].end


def _apposition_range(text: str, tokens: tuple[Token, ...], end: int) -> tuple[int, int] | None:
    after = text[end:]
    opener = re.match(r",\s+", after) or _APPOSITION_DASH.match(after)
    if opener is None:
        return None
    index = _token_index_at(tokens, end + opener.end())
    if index >= len(tokens) or tokens[index].norm not in DETERMINERS | ROLE_WORDS | {"one"}:
        return None
    last = index
    while last + 1 < len(tokens) and last - index < 12 and _joined(text, tokens[last], tokens[last + 1]):
        last += 1
    if any(t.norm in {"that", "which", "who", "whose"} for t in tokens[index : last + 1]):
        return None  # a relative clause describes something else more often than the name
    closer = text[tokens[last].end : tokens[last].end + 1]
    if closer not in {",", ".", ";", ")"} and not _APPOSITION_DASH.match(text[tokens[last].end :]):
        return None
    return tokens[index].start, tokens[last].end


def _description_range(text: str, tokens: tuple[Token, ...], start: int) -> tuple[int, int] | None:
    if start == 0 or text[start - 1] != "[":
        return None
    index = _token_index_at(tokens, start)
    first = index
    while first > 0 and index - first < 5:
        previous = tokens[first - 1]
        gap_end = tokens[first].start if first < index else start - 1
        if text[previous.end : gap_end].strip() or previous.norm in DETERMINERS:
            break
        first -= 1
    if first == index:
        return None
    return tokens[first].start, tokens[index - 1].end


def _voice_at(analysis: ArticleAnalysis, offset: int) -> tuple[str, str | None]:
    if offset < analysis.text.headline_end:
        return "headline", None
    for quotation in analysis.quotations:
        if quotation.start <= offset < quotation.end:
            return "quotation", quotation.speaker
    return "narration", None


def _labels_of(analysis: ArticleAnalysis, tokens: tuple[Token, ...], mention: _Mention) -> list[_RawLabel]:
    text = analysis.text.text
    voice, speaker = _voice_at(analysis, mention.start)
    labels = []
    surface = text[mention.start : mention.end]
    surface_key = re.sub(r"['’]s$", "", surface).casefold()
    display_key = mention.display.casefold()
    if surface_key not in display_key and display_key not in surface_key:
        labels.append(_RawLabel(surface, "name", voice, speaker, None))
    ranges = [(mention.start, mention.end)]
    for kind, found in (("title", _title_range(text, tokens, mention.start)),
                        ("apposition", _apposition_range(text, tokens, mention.end)),
                        ("description", _description_range(text, tokens, mention.start))):
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
    tokens: tuple[Token, ...],
    surnames: frozenset[str],
    known: frozenset[str],
    alias_keys: Mapping[str, str],
) -> list[_Mention]:
    text = analysis.text.text
    found = (_alias_mentions(event, text) + _name_mentions(text, tokens, surnames, known)
             + _affiliation_mentions(text, tokens, analysis.spans))
    mentions = []
    for mention in _non_overlapping(found):
        table_key = next((k for k in (mention.display.casefold(), mention.key) if k in alias_keys), None)
        if mention.source != "alias_table" and table_key is not None:
            name = alias_keys[table_key]
            mention = _Mention(name.casefold(), name, "alias_table", mention.start, mention.end, 0)
        mentions.append(_extend_left(text, tokens, mention))
    return mentions


def _alias_keys(event: Event) -> dict[str, str]:
    """Table surfaces and their capitalised last words (surnames), so detected names merge in."""
    keys: dict[str, str] = {}
    for actor in event.actors:
        for surface in (actor.name, *actor.aliases):
            keys.setdefault(surface.casefold(), actor.name)
            words = word_tokens(surface)
            if len(words) > 1 and surface[words[-1].start].isupper():
                keys.setdefault(words[-1].norm, actor.name)
    return keys


def actor_namings(
    event: Event,
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    outlet_order: Sequence[str],
    min_articles: int = 2,
    tokens: Mapping[str, tuple[Token, ...]] | None = None,
) -> tuple[ActorNaming, ...]:
    """Per actor, per outlet, the labels attached to it; see the module docstring.

    `tokens` (slug -> word_tokens of its text) saves tokenising again when the caller has them."""
    texts = {a.slug: analyses[a.slug].text.text for a in articles}
    tokens_of = {slug: (tokens[slug] if tokens is not None and slug in tokens else word_tokens(text)) for slug, text in texts.items()}
    known = frozenset().union(*(mid_sentence_capitals(texts[s], tokens_of[s]) for s in texts))
    surnames = frozenset().union(*(_surnames(texts[s], tokens_of[s], known) for s in texts))
    alias_keys = _alias_keys(event)
    displays: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, str] = {}
    mentioned_in: dict[str, set[str]] = defaultdict(set)
    per_outlet: dict[tuple[str, str], int] = Counter()
    raw: dict[tuple[str, str], list[tuple[_RawLabel, str]]] = defaultdict(list)
    for article in articles:
        analysis = analyses[article.slug]
        tokens = tokens_of[article.slug]
        for mention in _article_mentions(event, analysis, tokens, surnames, known, alias_keys):
            displays[mention.key][mention.display] += 1
            sources.setdefault(mention.key, mention.source)
            mentioned_in[mention.key].add(article.slug)
            per_outlet[(mention.key, article.outlet)] += 1
            for label in _labels_of(analysis, tokens, mention):
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
