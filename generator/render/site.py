"""The render stage: which pages the site has, each keyed by what it shows, in a fixed order.

Article, event and JSON pages come as `Deferred` (rendered only if their key
changed, possibly in another process); the site-wide pages as a few
`DeferredSet`s; static files as `Page`s. The writer decides what to render
where (see `writer/plan.py`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path

from generator.analysis.stage import Analyses
from generator.analysis.rights import Rights
from generator.compare.comparisons import Comparisons
from generator.compare.types import OutletProfile
from generator.keys import digest
from generator.model import Article, Corpus, Event
from generator.render.data import data_pages
from generator.render.pages import BuildInfo, Deferred, DeferredSet, Page, PageKeys, PagePlan
from generator.render.publishing import publishing_pages
from generator.render.renderer import SiteRenderer
from generator.render.stylesheet import category_css, outlet_css
from generator.render.views import EventCard, digest_months
from generator.theme import template_assets


def plan_site(
    corpus: Corpus,
    analyses: Analyses,
    rights: Mapping[str, Rights],
    comparisons: Comparisons,
    profiles: Mapping[str, OutletProfile],
    templates: Path,
    build: BuildInfo,
    keys: PageKeys,
    compiled: dict[str, bytes] | None = None,
) -> Iterator[PagePlan]:
    """Every page, JSON file and asset of the site but `publishing_set`'s.

    An event's article pages, its event page (which shows them again) and its
    JSON form one group, rendered together; then the articles in no event, the
    articles' JSON, the site-wide sets and the static files."""
    renderer = SiteRenderer(corpus, analyses, analyses.summaries, rights, comparisons, profiles, templates, build, compiled)
    site_key = digest(keys.render, repr(build), repr(corpus.site), corpus.lexicon.version)
    outlet_text = {outlet.id: repr(outlet) for outlet in corpus.outlets}

    def article_page(article: Article) -> Deferred:
        event = corpus.events_by_id.get(article.event) if article.event else None
        compared = article.event in comparisons  # its shared-passage markers follow from the comparison and the rights
        key = digest(site_key, "article", keys.articles[article.slug], keys.rights[article.slug], outlet_text[article.outlet],
                     repr((event.id, event.title) if event else None),
                     keys.events[article.event] if compared else "", keys.event_rights[article.event] if compared else "")
        return Deferred(f"articles/{article.slug}.html", key, lambda: renderer.article_page(article), article.event or f"article:{article.slug}")

    def event_page(event: Event) -> Deferred:
        def make() -> Page:
            try:
                return renderer.event_page(event)
            finally:
                renderer.forget_views()  # the group is done: its article views are not needed again

        parts = [site_key, "event", keys.events[event.id]]
        for article in sorted(corpus.by_event[event.id], key=lambda a: a.slug):
            parts += [keys.articles[article.slug], keys.rights[article.slug]]
        return Deferred(f"events/{event.id}.html", digest(*parts), make, event.id)

    for event in corpus.events:
        if event.id in corpus.by_event:
            for article in sorted(corpus.by_event[event.id], key=lambda a: a.slug):
                yield article_page(article)
            yield event_page(event)
    for article in sorted(corpus.unassigned, key=lambda a: a.slug):
        yield article_page(article)
    yield from data_pages(corpus, analyses, rights, comparisons, keys)

    months = digest_months(corpus)
    made: dict[str, tuple[EventCard, ...]] = {}  # the cards, made once by the process that renders this group

    def cards() -> tuple[EventCard, ...]:
        if "cards" not in made:
            made["cards"] = renderer.event_cards()
        return made["cards"]

    yield Deferred("index.html", "", lambda: renderer.index_page(cards(), months), "site:index")  # shows every event: never kept
    for number, month in enumerate(months):  # an issue shows its month's events and links to the issues beside it
        around = (months[number - 1] if number else None, months[number + 1] if number + 1 < len(months) else None)
        key = digest(site_key, "digest", repr(month), repr(around), *(keys.events.get(e, "") for e in month.events))
        yield Deferred(f"digests/{month.key}.html", key, partial(lambda m: renderer.digest_page(m, cards(), months), month), "site:index")
    for outlet in corpus.outlets:  # each shows its own articles only: an edit changes one outlet's page
        own = sorted(corpus.by_outlet.get(outlet.id, ()), key=lambda a: a.slug)
        key = digest(site_key, "outlet", outlet_text[outlet.id], *(keys.articles[a.slug] for a in own))
        yield Deferred(f"outlets/{outlet.id}.html", key, partial(renderer.outlet_page, outlet), "site:outlets")
    yield DeferredSet("site:other", lambda: [renderer.method_page(), renderer.not_found_page()])
    yield from static_assets(templates / "assets")
    generated = category_css(corpus.lexicon.categories) + outlet_css([o.id for o in corpus.outlets])
    yield Page("assets/generated.css", generated.encode("utf-8"))
    yield Page(".nojekyll", b"")
    yield Page("robots.txt", robots_txt(build.base_url).encode("utf-8"))


def publishing_set(
    corpus: Corpus, analyses: Analyses, rights: Mapping[str, Rights], templates: Path, build: BuildInfo,
    compiled: dict[str, bytes] | None = None,
) -> DeferredSet:
    """The search page and index, the feed and the sitemap: the longest site-wide set, and one that needs
    only the articles' summaries and rights, so it can be rendered while events are still being compared."""
    renderer = SiteRenderer(corpus, analyses, analyses.summaries, rights, Comparisons((), {}, {}, {}), {}, templates, build, compiled)
    return DeferredSet("site:publishing", lambda: list(publishing_pages(corpus, analyses.summaries, rights, build, renderer)))


def static_assets(folder: Path) -> Iterator[Page]:
    """The templates' assets, read as content files are (a theme's folder may come with the content)."""
    for name, data in template_assets(folder):
        yield Page("assets/" + name, data)


def robots_txt(base_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if base_url:
        lines.append(f"Sitemap: {base_url}sitemap.xml")
    return "\n".join(lines) + "\n"
