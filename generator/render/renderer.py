"""The site's renderer: the templates and what every page shares, with one method per kind of page.

It only presents: every number it shows was computed by the analysis and compare
stages, and every view it hands a template is a frozen dataclass of `views.py`.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from markupsafe import Markup

from generator.analysis.results import ArticleAnalysis, ArticleSummary, count_triples
from generator.analysis.rights import Rights
from generator.compare.comparisons import Comparisons
from generator.compare.types import OutletProfile
from generator.lexicon_rules import describe_entry_rules
from generator.measured import load_all
from generator.model import Article, Corpus, Event, Outlet
from generator.render import views
from generator.render.body import highlight_range, make_renderer, render_body_parts, render_plain, shared_markers
from generator.render.corrections import correction_markers, correction_rows, event_corrections, item_marker
from generator.render.charts import chart_svg, distinctive_chart, framing_profile_chart
from generator.render.environment import make_environment
from generator.render.pages import BuildInfo, Page
from generator.render.tables import distinctive_tables, profile_table
from generator.theme import inline_stylesheet


class SiteRenderer:
    """Holds what every page shares (templates, parser, lexicon); its methods render one page each."""

    def __init__(
        self,
        corpus: Corpus,
        analyses: Mapping[str, ArticleAnalysis],
        summaries: Mapping[str, ArticleSummary],
        rights: Mapping[str, Rights],
        comparisons: Comparisons,
        profiles: Mapping[str, OutletProfile],
        templates: Path,
        build: BuildInfo,
        compiled: dict[str, bytes] | None = None,
    ) -> None:
        self.corpus = corpus
        self.analyses = analyses
        self.summaries = summaries  # what the pages about many articles read (not the analyses: reading one may unseal it)
        self.rights = rights
        self.comparisons = comparisons
        self.profiles = profiles
        self.build = build
        self.templates = templates
        self.env = make_environment(templates, compiled)
        self.markdown = make_renderer()
        self.markups: dict[str, views.SpanMarkup] = {}
        self.legends: dict[str, Markup] = {}
        self.views: dict[str, views.ArticleView] = {}
        self.event_markers: dict[str, dict[str, tuple[tuple[int, str], ...]]] = {}
        self.outlets = corpus.outlets_by_id
        self.categories = {c.id: c for c in corpus.lexicon.categories}
        self.events = corpus.events_by_id
        self.top_words = {
            (event_id, item.outlet): tuple(term.term for term in item.terms[:5])
            for event_id in comparisons
            for item in comparisons.completion(event_id).distinctive
        }

    def legend(self, root: str) -> Markup:
        """The category legend (`legend` in _macros.html) is the same on every page at one depth: rendered once per `root`."""
        if root not in self.legends:
            self.legends[root] = self.env.get_template("_macros.html").module.legend(self.corpus.lexicon.categories, root)  # type: ignore[attr-defined]
        return self.legends[root]

    def page(self, path: str, template: str, **context: object) -> Page:
        """Render `template` as the page at `path`, with what every page shows (site, build, categories, root)."""
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
        corrected = correction_markers(article.slug, root, analysis, rights, self.categories)
        markers = (*markers, *corrected)
        headline = Markup(highlight_range(text, 0, analysis.text.headline_end, analysis.spans, markup, corrected))
        lead, rest, rest_blocks = (render_body_parts(self.markdown, article.title, article.body, analysis.spans, markup, markers)
                                   if rights.full_text else ("", "", 0))
        excerpts = tuple(
            views.ExcerptView(e.paragraph, Markup(highlight_range(text, e.start, e.end, analysis.spans, markup, corrected)))
            for e in rights.excerpts
        )
        excerpt_words = sum(len(text[e.start : e.end].split()) for e in rights.excerpts)
        counter = views.span_counts([count_triples(analysis.stats.counts)])
        return views.ArticleView(
            article=article,
            outlet=outlet,
            event=self.events.get(article.event) if article.event else None,
            analysis=analysis,
            rights=rights,
            license_url=outlet.license_url if rights.license == outlet.license else None,
            attribution=views.attribution_text(article, outlet, rights),
            headline_html=headline,
            body_html=Markup(lead + rest),
            excerpts=excerpts,
            excerpt_words=excerpt_words,
            count_rows=views.count_rows(self.corpus.lexicon, counter, analysis.stats.words),
            quotation_rows=tuple(
                views.QuotationRow(q.speaker, q.anonymous, q.affiliation, q.words, self._quotation_text(analysis, rights, q.start, q.end),
                                   item_marker(q, self.categories), kind=q.speaker_kind, confident=q.confident, use=q.use)
                for q in analysis.quotations
            ),
            source_rows=tuple(
                views.SourceRow(src.speaker, src.anonymous, src.affiliation, src.cue if rights.full_text else "")
                for src in analysis.sources
            ),
            number_rows=tuple(views.NumberRow(n.surface, views.format_number(n), n.counted, n.voice, item_marker(n, self.categories))
                              for n in analysis.numbers),
            correction_rows=correction_rows(analysis, rights, self.categories),
            body_lead_length=len(lead),
            body_rest_blocks=rest_blocks,
        )

    @staticmethod
    def _quotation_text(analysis: ArticleAnalysis, rights: Rights, start: int, end: int) -> str:
        """Quotations are shown in full only where the article's text may be; otherwise as their extent."""
        if rights.full_text or any(e.start <= start and end <= e.end for e in rights.excerpts):
            return analysis.text.text[start:end]
        return views.withheld_quotation(len(analysis.text.text[start:end].split()))

    def article_page(self, article: Article) -> Page:
        path = f"articles/{article.slug}.html"
        return self.page(path, "article.html", view=self.article_view(article, "../"), legend_html=self.legend("../"), page_description=article.title)

    # -- events -------------------------------------------------------------
    def event_page(self, event: Event) -> Page:
        comparison = self.comparisons[event.id]
        articles = self.corpus.by_event[event.id]
        by_outlet = _by_outlet(sorted(articles, key=lambda a: (a.published, a.slug)))
        columns = []
        for outlet_id in comparison.outlets:
            items = [self.article_view(a) for a in by_outlet[outlet_id]]
            columns.append(
                views.EventColumn(
                    outlet=self.outlets[outlet_id],
                    articles=tuple(items),
                    published=tuple(sorted({a.published for a in by_outlet[outlet_id]})),
                    incidents=tuple(sorted({a.incident_date for a in by_outlet[outlet_id] if a.incident_date})),
                )
            )
        incident_rows = tuple(views.IncidentRow(c.outlet.name, c.incidents) for c in columns if c.incidents)
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
        corrections, actor_markers = event_corrections(comparison.corrections)
        view = views.EventView(
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
            corrections=corrections,
            actor_markers=actor_markers,
        )
        return self.page(
            f"events/{event.id}.html", "event.html", view=view, legend_html=self.legend("../"), page_description=event.summary or event.title
        )

    # -- outlets ------------------------------------------------------------
    def outlet_page(self, outlet: Outlet) -> Page:
        articles = self.corpus.by_outlet.get(outlet.id, ())
        summaries = [self.summaries[a.slug] for a in articles]
        words = sum(s.words for s in summaries)
        view = views.OutletView(
            outlet=outlet,
            articles=tuple(sorted(articles, key=lambda a: (a.published, a.slug), reverse=True)),
            words=words,
            quotation_words=sum(s.quotation_words for s in summaries),
            count_rows=views.count_rows(self.corpus.lexicon, views.span_counts(s.counts for s in summaries), words) if summaries else (),
            profile=self.profiles[outlet.id],
            category_labels={c.id: c.label for c in self.corpus.lexicon.categories},
        )
        return self.page(f"outlets/{outlet.id}.html", "outlet.html", view=view, page_description=f"{outlet.name}: framing profile")

    # -- site-wide pages ----------------------------------------------------
    def event_cards(self) -> tuple[views.EventCard, ...]:
        """Front-page cards, most recent first (by the latest incident or publication date). Made once a build:
        the index shows them all and each digest the ones of its month, in the same order."""
        cards = []
        for event in self.corpus.events:
            articles = self.corpus.by_event.get(event.id, ())
            if not articles:
                continue
            incidents = tuple(sorted({a.incident_date for a in articles if a.incident_date}))
            rows = []
            for outlet_id, group in sorted(_by_outlet(articles).items(), key=lambda kv: self.outlets[kv[0]].name.lower()):
                summaries = [self.summaries[a.slug] for a in group]
                words = sum(s.words for s in summaries)
                rows_counted = [row for s in summaries for row in s.counts]  # (category, voice, count)
                total = sum(count for _, _, count in rows_counted)  # the sum of span_counts, without the Counter
                narration = sum(count for _, voice, count in rows_counted if voice == "narration")
                rows.append(
                    views.CardOutlet(
                        self.outlets[outlet_id],
                        len(group),
                        round(1000 * total / words, 1) if words else None,
                        round(1000 * narration / words, 1) if words else 0.0,
                        self.top_words.get((event.id, outlet_id), ()),
                    )
                )
            latest = max(a.incident_date or a.published for a in articles)
            cards.append((latest, views.EventCard(event, incidents, len(incidents) > 1, tuple(rows))))
        cards.sort(key=lambda item: (item[0], item[1].event.id), reverse=True)
        return tuple(card for _, card in cards)

    def index_page(self, cards: tuple[views.EventCard, ...], months: tuple[views.DigestMonth, ...]) -> Page:
        view = views.IndexView(
            events=cards,
            outlets=tuple(views.OutletRow(o, len(self.corpus.by_outlet.get(o.id, ())))
                          for o in sorted(self.corpus.outlets, key=lambda o: o.name.lower())),
            unassigned=tuple(sorted(self.corpus.unassigned, key=lambda a: (a.published, a.slug), reverse=True)),
            article_count=len(self.corpus.articles),
            digests=months,
        )
        return self.page("index.html", "index.html", view=view)

    def digest_page(self, month: views.DigestMonth, cards: tuple[views.EventCard, ...], months: tuple[views.DigestMonth, ...]) -> Page:
        """One issue of the digest: the events with an article published in that month (`cards` are all events')."""
        index = months.index(month)
        events = set(month.events)
        view = views.DigestView(
            month=month,
            cards=tuple(card for card in cards if card.event.id in events),
            newer=months[index - 1] if index > 0 else None,
            older=months[index + 1] if index + 1 < len(months) else None,
        )
        return self.page(f"digests/{month.key}.html", "digest.html", view=view, page_description=f"{self.corpus.site.title}: {month.label}")

    def method_page(self) -> Page:
        hits: Counter[str] = Counter()
        for summary in self.summaries.values():
            hits.update(dict(summary.entry_hits))
        lexicon = self.corpus.lexicon
        categories = tuple(
            views.MethodCategory(c, tuple(
                views.MethodEntry(e, hits[e.id], describe_entry_rules(e, lexicon.group(e.group)))
                for e in lexicon.entries if e.category == c.id
            ))
            for c in lexicon.categories
        )
        view = views.MethodView(lexicon, categories, load_all())
        return self.page("method.html", "method.html", view=view, page_description="How Framing Digest finds and counts framing")

    def not_found_page(self) -> Page:
        """GitHub Pages serves 404.html at any missing address, at any depth, so it can rely on no relative
        path: its stylesheet is inlined and allowed by its hash, and its links go to base_url when set."""
        css = inline_stylesheet(self.templates)
        source = "sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
        return self.page("404.html", "404.html", root=self.build.base_url or "", inline_style=Markup(css), style_hash=source)


def _by_outlet(articles: Sequence[Article]) -> dict[str, list[Article]]:
    """An event's articles by outlet, each outlet's in the order given."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(article.outlet, []).append(article)
    return groups
