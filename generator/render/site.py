"""Render every page of the site from the corpus and its analysis, as (path, bytes) pairs.

Pages come out one at a time, so the writer can stream them to disk and memory
does not grow with the size of the corpus.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.analysis.compare import EventComparison
from generator.analysis.profile import OutletProfile
from generator.analysis.results import ArticleAnalysis
from generator.analysis.rights import Rights
from generator.comparisons import Comparisons
from generator.lexicon_rules import describe_entry_rules
from generator.measured import load_all
from generator.model import Article, Corpus, Event, Outlet
from generator.render import views
from generator.render.charts import chart_svg, distinctive_chart, framing_profile_chart
from generator.render.publishing import publishing_pages
from generator.render.body import highlight_range, make_renderer, render_body, render_plain
from generator.render.stylesheet import category_css, outlet_css
from generator.render.tables import counts_table, distinctive_tables, event_cards, profile_table


@dataclass(frozen=True)
class BuildInfo:
    generator_version: str
    lexicon_version: str
    base_url: str | None
    private: bool


@dataclass(frozen=True)
class Page:
    path: str
    content: bytes


@dataclass(frozen=True)
class Deferred:
    """A page rendered only when asked: not at all when its `key` equals the key of the file already
    in the site, and possibly in another process. Pages of one `group` (an event's article pages
    and its event page) are rendered together, so the event page reuses its articles' views."""

    path: str
    key: str
    make: Callable[[], Page]
    group: str = ""


@dataclass(frozen=True)
class DeferredSet:
    """Site-wide pages made together, whose paths are known only once made (the search index's
    shards), rendered possibly in another process; never carried over, since they show the whole corpus."""

    group: str
    make: Callable[[], list[Page]]


@dataclass(frozen=True)
class PageKeys:
    """What page keys are made of: the rendering code's version, each article's and event's cache key,
    and the rights as text of each article and of each event's articles (several pages show them;
    written out once)."""

    render: str
    articles: Mapping[str, str]
    events: Mapping[str, str]
    rights: Mapping[str, str]
    event_rights: Mapping[str, str]

    @classmethod
    def of(cls, render: str, articles: Mapping[str, str], events: Mapping[str, str], rights: Mapping[str, Rights],
           corpus: Corpus) -> PageKeys:
        texts = {slug: repr(r) for slug, r in rights.items()}
        members: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for article in corpus.articles:
            if article.event:
                members[article.event].append((article.slug, texts[article.slug]))
        return cls(render, articles, events, texts, {event_id: repr(sorted(pairs)) for event_id, pairs in members.items()})


def digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def make_environment(templates: Path) -> Environment:
    """One environment per build: templates cannot change during it, so a loaded template is never
    checked against its file again (each page and each `{% from %}` would otherwise stat it)."""
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        auto_reload=False,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = views.date_html
    env.globals["counts_table"] = counts_table  # written in Python: the templates call these like macros
    env.globals["event_cards"] = event_cards
    return env


class SiteRenderer:
    """Holds what every page shares (templates, parser, lexicon); its methods render one page each."""

    def __init__(
        self,
        corpus: Corpus,
        analyses: Mapping[str, ArticleAnalysis],
        rights: Mapping[str, Rights],
        comparisons: Comparisons,
        profiles: Mapping[str, OutletProfile],
        templates: Path,
        build: BuildInfo,
    ) -> None:
        self.corpus = corpus
        self.analyses = analyses
        self.rights = rights
        self.comparisons = comparisons
        self.profiles = profiles
        self.build = build
        self.env = make_environment(templates)
        self.markdown = make_renderer()
        self.markups: dict[str, views.SpanMarkup] = {}
        self.legends: dict[str, Markup] = {}
        self.views: dict[str, views.ArticleView] = {}
        self.event_markers: dict[str, dict[str, tuple[tuple[int, str], ...]]] = {}
        self.outlets = {o.id: o for o in corpus.outlets}
        self.events = {e.id: e for e in corpus.events}
        self.top_words = {
            (event_id, item.outlet): tuple(term.term for term in item.terms[:5])
            for event_id in comparisons
            for item in comparisons.distinctive(event_id)
        }

    def legend(self, root: str) -> Markup:
        """The category legend (`legend` in _macros.html) is the same on every page at one depth: rendered once per `root`."""
        if root not in self.legends:
            self.legends[root] = self.env.get_template("_macros.html").module.legend(self.corpus.lexicon.categories, root)  # type: ignore[attr-defined]
        return self.legends[root]

    def _page(self, path: str, template: str, **context: object) -> Page:
        root = context.pop("root", "../" * path.count("/"))
        canonical = f"{self.build.base_url}{path}" if self.build.base_url else None
        html = self.env.get_template(template).render(
            site=self.corpus.site,
            build=self.build,
            categories=self.corpus.lexicon.categories,
            root=root,
            canonical=canonical,
            page_description=context.pop("page_description", self.corpus.site.description),
            **context,
        )
        return Page(path, html.encode("utf-8"))

    # -- articles ---------------------------------------------------------
    def markers_for(self, article: Article) -> tuple[tuple[int, str], ...]:
        """Shared-passage markers in this article, linking to the other article's copy on the event page."""
        if not article.event or article.event not in self.comparisons:
            return ()
        if article.event not in self.event_markers:
            self.event_markers[article.event] = shared_markers(self.comparisons[article.event], self.rights, f"../events/{article.event}.html")
        return self.event_markers[article.event].get(article.slug, ())

    def article_view(self, article: Article, root: str = "../") -> views.ArticleView:
        """One article's view; kept until `forget_views`, since its event page shows it again."""
        if article.slug not in self.views:
            self.views[article.slug] = self._article_view(article, root, self.markers_for(article))
        return self.views[article.slug]

    def forget_views(self) -> None:
        self.views.clear()
        self.event_markers.clear()

    def _article_view(self, article: Article, root: str, markers: tuple[tuple[int, str], ...]) -> views.ArticleView:
        analysis = self.analyses[article.slug]
        rights = self.rights[article.slug]
        outlet = self.outlets[article.outlet]
        if root not in self.markups:
            self.markups[root] = views.make_span_markup(self.corpus.lexicon, root)
        markup = self.markups[root]
        text = analysis.text.text
        headline = Markup(highlight_range(text, 0, analysis.text.headline_end, analysis.spans, markup))
        body = Markup(render_body(self.markdown, article.title, article.body, analysis.spans, markup, markers)) if rights.full_text else Markup("")
        excerpts = tuple(
            views.ExcerptView(e.paragraph, Markup(highlight_range(text, e.start, e.end, analysis.spans, markup))) for e in rights.excerpts
        )
        excerpt_words = sum(len(text[e.start : e.end].split()) for e in rights.excerpts)
        counter = views.span_counts([analysis])
        return views.ArticleView(
            article=article,
            outlet=outlet,
            event=self.events.get(article.event) if article.event else None,
            analysis=analysis,
            rights=rights,
            license_url=outlet.license_url if rights.license == outlet.license else None,
            attribution=views.attribution_text(article, outlet, rights),
            headline_html=headline,
            body_html=body,
            excerpts=excerpts,
            excerpt_words=excerpt_words,
            count_rows=views.count_rows(self.corpus.lexicon, counter, analysis.stats.words),
            quotation_rows=tuple(
                views.QuotationRow(q.speaker, q.anonymous, q.affiliation, q.words, self._quotation_text(analysis, rights, q.start, q.end))
                for q in analysis.quotations
            ),
            source_rows=tuple(
                views.SourceRow(src.speaker, src.anonymous, src.affiliation, src.cue if rights.full_text else "")
                for src in analysis.sources
            ),
            number_rows=tuple(views.NumberRow(n.surface, views.format_number(n), n.counted, n.voice) for n in analysis.numbers),
        )

    @staticmethod
    def _quotation_text(analysis: ArticleAnalysis, rights: Rights, start: int, end: int) -> str:
        """Quotations are shown in full only where the article's text may be; otherwise as their extent."""
        if rights.full_text or any(e.start <= start and end <= e.end for e in rights.excerpts):
            return analysis.text.text[start:end]
        return f"(not shown: {len(analysis.text.text[start:end].split())} words, see the original)"

    def article_page(self, article: Article) -> Page:
        path = f"articles/{article.slug}.html"
        return self._page(path, "article.html", view=self.article_view(article, "../"), legend_html=self.legend("../"), page_description=article.title)

    # -- events -------------------------------------------------------------
    def event_page(self, event: Event, articles: list[Article]) -> Page:
        comparison = self.comparisons[event.id]
        by_outlet: dict[str, list[Article]] = defaultdict(list)
        for article in sorted(articles, key=lambda a: (a.published, a.slug)):
            by_outlet[article.outlet].append(article)
        columns = []
        for outlet_id in comparison.outlets:
            items = [self.article_view(a) for a in by_outlet[outlet_id]]
            columns.append(
                EventColumn(
                    outlet=self.outlets[outlet_id],
                    articles=tuple(items),
                    published=tuple(sorted({a.published for a in by_outlet[outlet_id]})),
                    incidents=tuple(sorted({a.incident_date for a in by_outlet[outlet_id] if a.incident_date})),
                )
            )
        incident_rows = tuple(IncidentRow(c.outlet.name, c.incidents) for c in columns if c.incidents)
        notice = ""
        if comparison.incident.differs:
            notice = (
                "The articles compared here report incidents on different dates: "
                + "; ".join(f"{row.outlet} reports {', '.join(views.date_text(d) for d in row.dates)}" for row in incident_rows)
                + ". Read them as accounts of separate incidents, not as accounts of one."
            )
        titles = {a.slug: a.title for a in articles}
        names = dict(comparison.outlet_names)
        distinctive = distinctive_chart(comparison)
        view = EventView(
            event=event,
            description_html=Markup(render_plain(self.markdown, event.description)),
            columns=tuple(columns),
            incident_notice=notice,
            incident_rows=incident_rows,
            comparison=comparison,
            names=names,
            titles=titles,
            profile_chart=chart_svg(framing_profile_chart(comparison), "profile-chart"),
            distinctive_chart=chart_svg(distinctive, "distinctive-chart") if distinctive.bars else Markup(""),
            profile_table=profile_table(comparison, names),
            distinctive_tables=distinctive_tables(comparison, names),
            restricted=frozenset(slug for slug in titles if not self.rights[slug].full_text),
        )
        return self._page(
            f"events/{event.id}.html", "event.html", view=view, legend_html=self.legend("../"), page_description=event.summary or event.title
        )

    # -- outlets ------------------------------------------------------------
    def outlet_page(self, outlet: Outlet, articles: list[Article]) -> Page:
        analyses = [self.analyses[a.slug] for a in articles]
        words = sum(a.stats.words for a in analyses)
        view = OutletView(
            outlet=outlet,
            articles=tuple(sorted(articles, key=lambda a: (a.published, a.slug), reverse=True)),
            words=words,
            quotation_words=sum(a.stats.quotation_words for a in analyses),
            count_rows=views.count_rows(self.corpus.lexicon, views.span_counts(analyses), words) if analyses else (),
            profile=self.profiles[outlet.id],
            category_labels={c.id: c.label for c in self.corpus.lexicon.categories},
        )
        return self._page(f"outlets/{outlet.id}.html", "outlet.html", view=view, page_description=f"{outlet.name}: framing profile")

    # -- site-wide pages ----------------------------------------------------
    def event_cards(self, articles_by_event: Mapping[str, list[Article]]) -> tuple[EventCard, ...]:
        """Front-page cards, most recent first (by the latest incident or publication date). Made once a build:
        the index shows them all and each digest the ones of its month, in the same order."""
        cards = []
        for event in self.corpus.events:
            articles = articles_by_event.get(event.id, [])
            if not articles:
                continue
            incidents = tuple(sorted({a.incident_date for a in articles if a.incident_date}))
            rows = []
            for outlet_id, group in sorted(_group(articles, lambda a: a.outlet).items(), key=lambda kv: self.outlets[kv[0]].name.lower()):
                analyses = [self.analyses[a.slug] for a in group]
                words = sum(a.stats.words for a in analyses)
                rows_counted = [row for a in analyses for row in a.stats.counts]
                total = sum(row.count for row in rows_counted)  # the sum of span_counts, without the Counter
                narration = sum(row.count for row in rows_counted if row.voice == "narration")
                rows.append(
                    CardOutlet(
                        self.outlets[outlet_id],
                        len(group),
                        round(1000 * total / words, 1) if words else None,
                        round(1000 * narration / words, 1) if words else 0.0,
                        self.top_words.get((event.id, outlet_id), ()),
                    )
                )
            latest = max(a.incident_date or a.published for a in articles)
            cards.append((latest, EventCard(event, incidents, len(incidents) > 1, tuple(rows))))
        cards.sort(key=lambda item: (item[0], item[1].event.id), reverse=True)
        return tuple(card for _, card in cards)

    def index_page(self, cards: tuple[EventCard, ...], unassigned: list[Article], months: tuple[DigestMonth, ...]) -> Page:
        outlet_counts = Counter(a.outlet for a in self.corpus.articles)
        view = IndexView(
            events=cards,
            outlets=tuple(OutletRow(o, outlet_counts[o.id]) for o in sorted(self.corpus.outlets, key=lambda o: o.name.lower())),
            unassigned=tuple(sorted(unassigned, key=lambda a: (a.published, a.slug), reverse=True)),
            article_count=len(self.corpus.articles),
            digests=months,
        )
        return self._page("index.html", "index.html", view=view)

    def digest_page(self, month: DigestMonth, cards: tuple[EventCard, ...], months: tuple[DigestMonth, ...]) -> Page:
        """One issue of the digest: the events with an article published in that month (`cards` are all events')."""
        index = months.index(month)
        events = set(month.events)
        view = DigestView(
            month=month,
            cards=tuple(card for card in cards if card.event.id in events),
            newer=months[index - 1] if index > 0 else None,
            older=months[index + 1] if index + 1 < len(months) else None,
        )
        return self._page(f"digests/{month.key}.html", "digest.html", view=view, page_description=f"{self.corpus.site.title}: {month.label}")

    def method_page(self) -> Page:
        hits = Counter(span.entry for analysis in self.analyses.values() for span in analysis.spans)
        lexicon = self.corpus.lexicon
        categories = tuple(
            MethodCategory(c, tuple(
                MethodEntry(e, hits[e.id], describe_entry_rules(e, lexicon.group(e.group)))
                for e in lexicon.entries if e.category == c.id
            ))
            for c in lexicon.categories
        )
        view = MethodView(lexicon, categories, load_all())
        return self._page("method.html", "method.html", view=view, page_description="How Framing Digest finds and counts framing")

    def not_found_page(self) -> Page:
        return self._page("404.html", "404.html", root=self.build.base_url or "")


@dataclass(frozen=True)
class EventColumn:
    outlet: Outlet
    articles: tuple[views.ArticleView, ...]
    published: tuple
    incidents: tuple


@dataclass(frozen=True)
class IncidentRow:
    outlet: str
    dates: tuple


@dataclass(frozen=True)
class EventView:
    event: Event
    description_html: Markup
    columns: tuple[EventColumn, ...]
    incident_notice: str
    incident_rows: tuple[IncidentRow, ...]
    comparison: EventComparison
    names: dict[str, str]
    titles: dict[str, str]
    profile_chart: Markup  # SVG
    distinctive_chart: Markup  # SVG, empty when no term is distinctive
    profile_table: Markup
    distinctive_tables: Markup
    restricted: frozenset[str]


def shared_markers(comparison: EventComparison, rights: Mapping[str, Rights], event_page: str) -> dict[str, tuple[tuple[int, str], ...]]:
    """Linked markers at the start of each shared passage, in both articles (full-text articles only).

    Each links to the other copy on the event page, so the same body HTML serves
    the article page and the event page."""
    markers: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for number, passage in enumerate(comparison.shared, start=1):
        ends = ((passage.article_a, passage.start_a, passage.article_b), (passage.article_b, passage.start_b, passage.article_a))
        for index, (slug, start, other) in enumerate(ends):
            if not rights[slug].full_text:
                continue
            side, other_side = ("a", "b") if index == 0 else ("b", "a")
            target = f"shared-{number}-{other_side}" if rights[other].full_text else "shared"
            html = (
                f'<a class="shared-marker" id="shared-{number}-{side}" href="{event_page}#{target}" '
                f'title="Passage {number}, also in another article ({passage.words} words)">&#8644;&#8239;{number}</a>'
            )
            markers[slug].append((start, html))
    return {slug: tuple(items) for slug, items in markers.items()}


@dataclass(frozen=True)
class OutletView:
    outlet: Outlet
    articles: tuple[Article, ...]
    words: int
    quotation_words: int
    count_rows: tuple[views.CountRow, ...]
    profile: OutletProfile
    category_labels: dict[str, str]


@dataclass(frozen=True)
class CardOutlet:
    outlet: Outlet
    articles: int
    rate: float | None
    narration_rate: float
    top_words: tuple[str, ...]


@dataclass(frozen=True)
class EventCard:
    event: Event
    incidents: tuple
    different_incidents: bool
    outlets: tuple[CardOutlet, ...]


@dataclass(frozen=True)
class OutletRow:
    outlet: Outlet
    articles: int


@dataclass(frozen=True)
class IndexView:
    events: tuple[EventCard, ...]
    outlets: tuple[OutletRow, ...]
    unassigned: tuple[Article, ...]
    article_count: int
    digests: tuple


@dataclass(frozen=True)
class DigestMonth:
    key: str  # yyyy-mm
    label: str  # "December 2020"
    events: tuple[str, ...]


@dataclass(frozen=True)
class DigestView:
    month: DigestMonth
    cards: tuple[EventCard, ...]
    newer: DigestMonth | None
    older: DigestMonth | None


def digest_months(by_event: Mapping[str, list[Article]]) -> tuple[DigestMonth, ...]:
    """Months in which some event had an article published, newest first."""
    months: dict[str, set[str]] = defaultdict(set)
    for event_id, articles in by_event.items():
        for article in articles:
            months[article.published.strftime("%Y-%m")].add(event_id)
    return tuple(
        DigestMonth(key, dt.date.fromisoformat(key + "-01").strftime("%B %Y"), tuple(sorted(months[key])))
        for key in sorted(months, reverse=True)
    )


@dataclass(frozen=True)
class MethodEntry:
    entry: object
    hits: int
    exceptions: tuple[str, ...] = ()  # the entry's sense rules in plain words


@dataclass(frozen=True)
class MethodCategory:
    category: object
    entries: tuple[MethodEntry, ...]


@dataclass(frozen=True)
class MethodView:
    lexicon: object
    categories: tuple[MethodCategory, ...]
    accuracy: tuple = ()  # generator.measured.Slot per analyser, from the benchmarks' results files


def _group(items, key) -> dict:
    groups: dict = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return groups


def render_site(
    corpus: Corpus,
    analyses: Mapping[str, ArticleAnalysis],
    rights: Mapping[str, Rights],
    comparisons: Comparisons,
    profiles: Mapping[str, OutletProfile],
    templates: Path,
    build: BuildInfo,
    keys: PageKeys | None = None,
) -> Iterator[Page | Deferred]:
    """Every page and asset of the site but `publishing_set`'s, in a fixed order.

    Article and event pages come as `Deferred`, so the caller can render them in
    parallel. With `keys`, each is keyed by everything it shows, so an
    unchanged page can be carried over instead of rendered."""
    renderer = SiteRenderer(corpus, analyses, rights, comparisons, profiles, templates, build)
    global_key = digest(keys.render, repr(build), repr(corpus.site), corpus.lexicon.version) if keys else ""

    def article_page(article: Article) -> Deferred:
        path, group = f"articles/{article.slug}.html", article.event or f"article:{article.slug}"
        if keys is None:
            return Deferred(path, "", lambda: renderer.article_page(article), group)
        event = renderer.events.get(article.event) if article.event else None
        # its shared-passage markers follow from the event's comparison (its key) and its articles' rights
        compared = article.event in comparisons
        key = digest(global_key, "article", keys.articles[article.slug], keys.rights[article.slug],
                     outlet_text[article.outlet], repr((event.id, event.title) if event else None),
                     keys.events[article.event] if compared else "", keys.event_rights[article.event] if compared else "")
        return Deferred(path, key, lambda: renderer.article_page(article), group)

    def event_page(event: Event, articles: list[Article]) -> Deferred:
        def make() -> Page:
            try:
                return renderer.event_page(event, articles)
            finally:
                renderer.forget_views()  # the group is done: its article views are not needed again

        path = f"events/{event.id}.html"
        if keys is None:
            return Deferred(path, "", make, event.id)
        # the comparison is its cache key (event, articles, outlets) plus the origin of its distinctive words and summary
        parts = [global_key, "event", keys.events[event.id], comparisons.origin(event.id)]
        for article in sorted(articles, key=lambda a: a.slug):
            parts += [keys.articles[article.slug], keys.rights[article.slug]]
        return Deferred(path, digest(*parts), make, event.id)

    by_event = _group([a for a in corpus.articles if a.event], lambda a: a.event)
    by_outlet = _group(corpus.articles, lambda a: a.outlet)
    outlet_text = {outlet_id: repr(outlet) for outlet_id, outlet in renderer.outlets.items()}
    for event in corpus.events:  # an event's article pages, then the event page that shows them again
        if by_event.get(event.id):
            for article in sorted(by_event[event.id], key=lambda a: a.slug):
                yield article_page(article)
            yield event_page(event, by_event[event.id])
    for article in sorted((a for a in corpus.articles if not a.event), key=lambda a: a.slug):
        yield article_page(article)
    # the site-wide pages, as a few sets a worker can render while others render the events
    # (the search index, feed and sitemap need no comparison: see `publishing_set`)

    def index_and_digests() -> list[Page]:
        months = digest_months(by_event)
        cards = renderer.event_cards(by_event)
        pages = [renderer.index_page(cards, [a for a in corpus.articles if not a.event], months)]
        return pages + [renderer.digest_page(month, cards, months) for month in months]

    yield DeferredSet("site:index", index_and_digests)
    yield DeferredSet("site:outlets", lambda: [renderer.outlet_page(o, by_outlet.get(o.id, [])) for o in corpus.outlets])
    yield DeferredSet("site:other", lambda: [renderer.method_page(), renderer.not_found_page()])
    yield from static_assets(templates / "assets")
    generated = category_css(corpus.lexicon.categories) + outlet_css([o.id for o in corpus.outlets])
    yield Page("assets/generated.css", generated.encode("utf-8"))
    yield Page(".nojekyll", b"")
    yield Page("robots.txt", robots_txt(build.base_url).encode("utf-8"))


def publishing_set(
    corpus: Corpus, analyses: Mapping[str, ArticleAnalysis], rights: Mapping[str, Rights], templates: Path, build: BuildInfo
) -> DeferredSet:
    """The search page and index, the feed and the sitemap: the longest site-wide set, and one that needs
    only the articles' analyses and rights, so it can be rendered while events are still being compared."""
    renderer = SiteRenderer(corpus, analyses, rights, Comparisons((), {}), {}, templates, build)
    return DeferredSet("site:publishing", lambda: list(publishing_pages(corpus, analyses, rights, build, renderer)))


def static_assets(folder: Path) -> Iterator[Page]:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield Page("assets/" + path.relative_to(folder).as_posix(), path.read_bytes())


def robots_txt(base_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if base_url:
        lines.append(f"Sitemap: {base_url}sitemap.xml")
    return "\n".join(lines) + "\n"


def json_bytes(data: object) -> bytes:
    """Compact JSON on one line: Python's C encoder writes it several times faster than indented JSON.
    (`python -m json.tool FILE` shows it indented.)"""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
