"""JSON for researchers: every article's analysis, with no more text than its page shows.

The schema is documented in docs/data.md. For an article the public site may
not carry in full, `text` holds only the headline and the excerpts (separated by
blank lines), and every offset refers to that shortened text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import asdict, fields, is_dataclass
from functools import partial
from typing import Any

from generator.analysis.results import ArticleAnalysis, Correction
from generator.analysis.rights import Rights
from generator.compare.comparisons import Comparisons
from generator.compare.types import EventComparison
from generator.model import Article, Corpus
from generator.render.pages import Deferred, Page, PageKeys, json_bytes

SCHEMA_VERSION = 2
"""Of the article and index JSON (docs/data.md). 2: the editors' corrections (`corrected`, `removed`, `corrections`)."""
EVENT_SCHEMA_ID = "framing-digest/event-comparison"
EVENT_SCHEMA_VERSION = 1
"""Of the event JSON (docs/comparison.md)."""


def _visible_ranges(analysis: ArticleAnalysis, rights: Rights) -> list[tuple[int, int]]:
    if rights.full_text:
        return [(0, len(analysis.text.text))]
    return [(0, analysis.text.headline_end)] + [(e.start, e.end) for e in rights.excerpts]


def _remap(ranges: list[tuple[int, int]]):
    """Map an offset range of the full text to the shortened text, or None if not wholly visible."""
    starts = []
    position = 0
    for index, (start, end) in enumerate(ranges):
        if index:
            position += 2  # the blank line between pieces
        starts.append(position)
        position += end - start

    def remap(start: int, end: int) -> tuple[int, int] | None:
        for (piece_start, piece_end), new_start in zip(ranges, starts):
            if piece_start <= start and end <= piece_end:
                return new_start + start - piece_start, new_start + end - piece_start
        return None

    return remap


def article_json(article: Article, analysis: ArticleAnalysis, rights: Rights) -> dict:
    ranges = _visible_ranges(analysis, rights)
    text = "\n\n".join(analysis.text.text[s:e] for s, e in ranges)
    remap = _remap(ranges)
    spans = []
    for span, removed in _in_order(analysis.spans, analysis.removed):
        moved = remap(span.start, span.end)
        if moved:
            spans.append({"start": moved[0], "end": moved[1], "text": span.text, "category": span.category, "voice": span.voice, "entry": span.entry, "speaker": span.speaker,
                          "corrected": _corrected(span.corrected), "removed": removed})
    quotations = []
    for q, removed in _in_order(analysis.quotations, analysis.removed_quotations):
        moved = remap(q.start, q.end)
        quotations.append({
            "start": moved[0] if moved else None,
            "end": moved[1] if moved else None,
            "speaker": q.speaker,
            "anonymous": q.anonymous,
            "affiliation": q.affiliation,
            "words": q.words,
            "corrected": _corrected(q.corrected),
            "removed": removed,
            "speaker_kind": q.speaker_kind,
            "confident": q.confident,
            "confidence": q.confidence,
            "rule": q.rule,
            "use": q.use,
        })
    sources = [
        {"speaker": src.speaker, "anonymous": src.anonymous, "affiliation": src.affiliation, "cue": src.cue if rights.full_text else None,
         "speaker_kind": src.speaker_kind}
        for src in analysis.sources
    ]
    numbers = []
    for n in analysis.numbers:
        moved = remap(n.start, n.end)
        numbers.append({
            "value": n.value,
            "qualifier": n.qualifier,
            "counted": n.counted,
            "voice": n.voice,
            "surface": n.surface,
            "start": moved[0] if moved else None,
            "end": moved[1] if moved else None,
            "corrected": _corrected(n.corrected),
        })
    corrections = []
    for c in analysis.corrections:
        moved = remap(c.start, c.end)
        corrections.append({
            "number": c.number, "action": c.action, "value": c.value, "was": c.was, "reason": c.reason, "by": c.by,
            "match": analysis.text.text[c.start : c.end] if moved else None,
            "start": moved[0] if moved else None,
            "end": moved[1] if moved else None,
        })
    return {
        "schema": SCHEMA_VERSION,
        "slug": article.slug,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat(),
        "event": article.event,
        "incident_date": article.incident_date.isoformat() if article.incident_date else None,
        "license": rights.license,
        "full_text": rights.full_text,
        "text": text,
        "spans": spans,
        "quotations": quotations,
        "sources": sources,
        "numbers": numbers,
        "readability": asdict(analysis.readability),
        "stats": {
            "words": analysis.stats.words,
            "narration_words": analysis.stats.narration_words,
            "quotation_words": analysis.stats.quotation_words,
            "counts": [asdict(c) for c in analysis.stats.counts if c.count],
        },
        "lexicon_version": analysis.lexicon_version,
        "corrections": corrections,
    }


def _in_order(kept: tuple, removed: tuple) -> list[tuple[Any, bool]]:
    """Items the analysis keeps and items the editors removed, together in text order, each with whether it was removed."""
    return sorted([(item, False) for item in kept] + [(item, True) for item in removed], key=lambda pair: pair[0].start)


def _corrected(mark: Correction | None) -> dict | None:
    """An item's editors' correction as JSON: what they decided and why, and what the machine had said."""
    if mark is None:
        return None
    return {"number": mark.number, "action": mark.action, "reason": mark.reason, "by": mark.by, "was": mark.was}


def index_json(corpus: Corpus, analyses: Mapping[str, ArticleAnalysis]) -> dict:
    return {
        "schema": SCHEMA_VERSION,
        "title": corpus.site.title,
        "lexicon_version": corpus.lexicon.version,
        "articles": [{"slug": a.slug, "outlet": a.outlet, "event": a.event, "published": a.published.isoformat(), "path": f"data/articles/{a.slug}.json"} for a in sorted(corpus.articles, key=lambda a: a.slug)],
        "events": [{"id": e.id, "title": e.title} for e in corpus.events],
        "outlets": [{"id": o.id, "name": o.name} for o in corpus.outlets],
    }


_LEAVES = frozenset({str, int, bool, type(None)})
"""Types a JSON value is as it stands: containers pass them through without a call per item."""


def json_value(value: object, names: dict[type, tuple[str, ...]] | None = None) -> object:
    """Frozen results as JSON values: dataclass fields in order, tuples as lists, dates in ISO form,
    floats to 4 places, mappings by sorted key. `names` caches each dataclass type's field names
    (looking them up per object was most of the cost); pass one dict for many values. Inside a container
    a float or a date is converted where it stands, as the call for it would convert it: they are
    most of the items that are no JSON value as they stand."""
    names = {} if names is None else names
    kind = type(value)
    if kind in _LEAVES:  # most values: answered first
        return value
    if kind is float:
        return round(value, 4)  # type: ignore[call-overload]
    if kind is tuple or kind is list:
        return [item if (of := type(item)) in _LEAVES else round(item, 4) if of is float else item.isoformat() if of is dt.date
                else json_value(item, names) for item in value]  # type: ignore[attr-defined]
    known = names.get(kind)
    if known is None and is_dataclass(value) and not isinstance(value, type):
        known = names[kind] = tuple(f.name for f in fields(value))
    if known is not None:
        out = {}
        for name in known:
            item = getattr(value, name)
            of = type(item)
            out[name] = (item if of in _LEAVES else round(item, 4) if of is float else item.isoformat() if of is dt.date
                         else json_value(item, names))
        return out
    if isinstance(value, (tuple, list)):  # a named tuple
        return [json_value(item, names) for item in value]
    if isinstance(value, Mapping):
        return {str(key): json_value(value[key], names) for key in sorted(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


def event_json(comparison: EventComparison, rights: Mapping[str, Rights]) -> dict:
    """The event's comparison (schema in docs/comparison.md); sentences from articles not published
    in full are left out, as on the page."""
    body = json_value(comparison)
    assert isinstance(body, dict)
    data = {"schema": EVENT_SCHEMA_ID, "version": EVENT_SCHEMA_VERSION, **body}
    for row in data.get("numbers", []):
        for claim in row.get("claims", []):
            if not rights[claim["article"]].full_text:
                claim["sentence"] = None
    return data


def data_pages(
    corpus: Corpus,
    analyses: Mapping[str, ArticleAnalysis],
    rights: Mapping[str, Rights],
    comparisons: Comparisons,
    keys: PageKeys,
) -> Iterator[Page | Deferred]:
    """The JSON files: each article's (in groups of `DATA_GROUP`), each event's (with its event's pages,
    which open the same comparison) and the index."""
    for number, article in enumerate(sorted(corpus.articles, key=lambda a: a.slug)):
        make = partial(_article_data, article, analyses, rights[article.slug])  # the analysis is read only if the file is made
        yield Deferred(f"data/articles/{article.slug}.json", keys.article_data(article.slug), make, f"data:articles:{number // DATA_GROUP}")
    for event_id in comparisons:
        yield Deferred(f"data/events/{event_id}.json", keys.event_data(event_id), partial(_event_data, event_id, comparisons, rights), event_id)
    yield Page("data/index.json", json_bytes(index_json(corpus, analyses)))


DATA_GROUP = 50
"""JSON files per parallel task: enough to outweigh sending the task, few enough to spread the work."""


def _article_data(article: Article, analyses: Mapping[str, ArticleAnalysis], rights: Rights) -> Page:
    return Page(f"data/articles/{article.slug}.json", json_bytes(article_json(article, analyses[article.slug], rights)))


def _event_data(event_id: str, comparisons: Comparisons, rights: Mapping[str, Rights]) -> Page:
    return Page(f"data/events/{event_id}.json", json_bytes(event_json(comparisons[event_id], rights)))
