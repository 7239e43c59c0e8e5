"""JSON for researchers: every article's analysis, with no more text than its page shows.

The schema is documented in docs/data.md. For an article the public site may
not carry in full, `text` holds only the headline and the excerpts (separated by
blank lines), and every offset refers to that shortened text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, fields, is_dataclass

from generator.analysis.compare import JSON_SCHEMA_ID, JSON_SCHEMA_VERSION, EventComparison, plain
from generator.analysis.results import ArticleAnalysis
from generator.analysis.rights import Rights
from generator.model import Article, Corpus

SCHEMA_VERSION = 1


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
    for span in analysis.spans:
        moved = remap(span.start, span.end)
        if moved:
            spans.append({"start": moved[0], "end": moved[1], "text": span.text, "category": span.category, "voice": span.voice, "entry": span.entry, "speaker": span.speaker})
    quotations = []
    for q in analysis.quotations:
        moved = remap(q.start, q.end)
        quotations.append({
            "start": moved[0] if moved else None,
            "end": moved[1] if moved else None,
            "speaker": q.speaker,
            "anonymous": q.anonymous,
            "affiliation": q.affiliation,
            "words": q.words,
        })
    sources = [
        {"speaker": src.speaker, "anonymous": src.anonymous, "affiliation": src.affiliation, "cue": src.cue if rights.full_text else None}
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
    }


def index_json(corpus: Corpus, analyses: Mapping[str, ArticleAnalysis]) -> dict:
    return {
        "schema": SCHEMA_VERSION,
        "title": corpus.site.title,
        "lexicon_version": corpus.lexicon.version,
        "articles": [{"slug": a.slug, "outlet": a.outlet, "event": a.event, "published": a.published.isoformat(), "path": f"data/articles/{a.slug}.json"} for a in sorted(corpus.articles, key=lambda a: a.slug)],
        "events": [{"id": e.id, "title": e.title} for e in corpus.events],
        "outlets": [{"id": o.id, "name": o.name} for o in corpus.outlets],
    }


def plain_converter() -> Callable[[object], object]:
    """`compare.plain`, the same JSON values, with each dataclass type's field names looked up once
    (`dataclasses.fields` per object was most of its cost); anything else is left to `plain` itself."""
    names: dict[type, tuple[str, ...]] = {}

    def convert(value: object) -> object:
        kind = type(value)
        if kind is str or kind is int or kind is bool or value is None:
            return value
        if kind is float:
            return round(value, 4)  # type: ignore[call-overload]
        if kind is tuple or kind is list:
            return [convert(item) for item in value]  # type: ignore[attr-defined]
        known = names.get(kind)
        if known is None:
            if not is_dataclass(value) or isinstance(value, type):
                return plain(value)
            known = names[kind] = tuple(f.name for f in fields(value))
        out = {}
        for name in known:  # most fields are strings and numbers: answered here, without a call
            item = getattr(value, name)
            kind = type(item)
            if kind is str or kind is int or kind is bool or item is None:
                out[name] = item
            elif kind is float:
                out[name] = round(item, 4)
            else:
                out[name] = convert(item)
        return out

    return convert


def event_json(comparison: EventComparison, rights: Mapping[str, Rights]) -> dict:
    """The event's comparison; sentences from articles not published in full are left out, as on the page.
    (`compare.event_to_json`, through the faster `plain_converter`.)"""
    body = plain_converter()(comparison)
    assert isinstance(body, dict)
    data = {"schema": JSON_SCHEMA_ID, "version": JSON_SCHEMA_VERSION, **body}
    for row in data.get("numbers", []):
        for claim in row.get("claims", []):
            if not rights[claim["article"]].full_text:
                claim["sentence"] = None
    return data
