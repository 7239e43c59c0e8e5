"""HTML that the renderer writes in Python instead of a template: every text field escaped exactly once.

Each test feeds hostile text into every field the function prints and checks it comes out as
text (escaped once, not twice), while the markup the function writes itself stays markup."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html.parser import HTMLParser

from markupsafe import Markup, escape

from generator.compare.event import compare_event
from generator.render.charts import Row, StackedSeries, chart_svg, sectioned_bar_chart, stacked_bar_chart
from generator.render.tables import counts_table, distinctive_tables, event_cards, profile_table
from generator.render.views import CountRow, date_html
from tests.compare_builders import three_outlet_event

HOSTILE = '<script>alert("x")</script> & \'quoted\''
ESCAPED = str(escape(HOSTILE))


class Elements(HTMLParser):
    """Tags and decoded text of a fragment, to check what a browser would build from it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(value or "" for _, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def test_chart_svg_escapes_titles_labels_series_and_classes() -> None:
    chart = stacked_bar_chart([HOSTILE], [StackedSeries(HOSTILE, (HOSTILE,), ("part",), ((2.0,),))], title=HOSTILE)
    svg = chart_svg(chart, HOSTILE)
    assert isinstance(svg, Markup)
    assert HOSTILE not in svg and "<script" not in svg and "&amp;amp;" not in svg
    scan = parsed(svg)
    assert "script" not in scan.tags
    assert scan.tags.count("rect") == 2  # one legend swatch, one bar
    assert "".join(scan.text).count(HOSTILE) == 5  # chart title, legend, group heading, and series and group in the bar title
    assert f"bar {HOSTILE}" in scan.attributes and HOSTILE in scan.attributes  # class and id, as attribute values
    assert f'class="bar {ESCAPED}"' in svg


def test_chart_svg_draws_every_bar_tick_and_label_at_its_position() -> None:
    chart = sectioned_bar_chart([("Mehr", [Row("pompeo", 3.2, "Mehr", "m")]), ("AFP", [Row("regime", 1.5, "AFP", "a")])])
    svg = chart_svg(chart, "d")
    scan = parsed(svg)
    assert scan.tags.count("rect") == len(chart.bars) + len(chart.legend)
    assert scan.tags.count("line") == len(chart.ticks) + 1  # grid lines and the zero axis
    for bar in chart.bars:
        assert f'x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}" data-value="{bar.value}"' in svg
    for tick in chart.ticks:
        assert f'<text class="tick" x="{tick.x}" y="{chart.plot_bottom + 16}" text-anchor="middle">{tick.label}</text>' in svg
    for label in chart.row_labels:
        assert f'x="{label.x}" y="{label.y}" text-anchor="{label.anchor}" dominant-baseline="middle">{label.text}</text>' in svg
    assert svg.startswith('<svg class="chart" id="d" role="img" aria-labelledby="d-title"') and svg.endswith("</svg>")


def _hostile_comparison():
    """A real three-outlet comparison whose outlet names, category labels and terms are all hostile text."""
    comparison = compare_event(*three_outlet_event())
    first = comparison.distinctive[0]
    return replace(
        comparison,
        outlet_names=tuple((outlet, f"{HOSTILE} {outlet}") for outlet, _ in comparison.outlet_names),
        categories=tuple((category, f"{HOSTILE} {category}") for category, _ in comparison.categories),
        distinctive=(replace(first, terms=tuple(replace(t, term=f"{HOSTILE} {t.term}") for t in first.terms)),
                     *(replace(d, terms=()) for d in comparison.distinctive[1:])),
    )


def test_profile_table_escapes_outlet_names_and_category_labels() -> None:
    comparison = _hostile_comparison()
    html = profile_table(comparison, dict(comparison.outlet_names))
    assert isinstance(html, Markup)
    assert "<script" not in html and "&amp;amp;" not in html
    scan = parsed(html)
    text = "".join(scan.text)
    for rates in comparison.profile:
        name = dict(comparison.outlet_names)[rates.outlet]
        assert f"{name} ({rates.words:,} words)" in text  # each outlet heads its two columns with its word count
    assert text.count("own words") == text.count("quotations") == len(comparison.profile)
    for _, label in comparison.categories:
        assert label in text
    assert scan.tags.count("tr") == len(comparison.categories) + 2  # two header rows, one per category
    assert scan.tags.count("td") == 2 * len(comparison.profile) * len(comparison.categories)  # every cell under its own column
    rate = comparison.profile[0].rates[0]
    assert f'<td class="num" data-value="{rate.own_words}">{rate.own_words:.1f} <span class="rate">({rate.own_words_count})</span></td>' in html


def test_distinctive_tables_escape_names_and_terms_and_say_when_an_outlet_has_none() -> None:
    comparison = _hostile_comparison()
    html = distinctive_tables(comparison, dict(comparison.outlet_names))
    assert "<script" not in html and "&amp;amp;" not in html
    scan = parsed(html)
    text = "".join(scan.text)
    assert scan.tags.count("table") == len(comparison.distinctive) == 3 and comparison.distinctive[0].terms
    for term in comparison.distinctive[0].terms:
        assert f"{term.term}{term.z:.2f}{term.count}{term.other_count}" in text
    for outlet, name in comparison.outlet_names:
        assert f"{name} against the others" in text
    assert text.count("No distinctive terms.") == len(comparison.distinctive) - 1
    assert html.startswith('<div class="table-row">\n  <table class="data">') and html.endswith("  </table>\n  </div>")


def test_counts_table_escapes_labels_caption_and_id() -> None:
    rows = (CountRow("c1", HOSTILE, 3, 1.25, 0, 0.0, 1), CountRow("c2", "Hedges", 0, 0.0, 12, 10.05, 0))
    html = counts_table(rows, HOSTILE, HOSTILE)
    assert isinstance(html, Markup)
    assert "<script" not in html and "&amp;amp;" not in html
    scan = parsed(html)
    assert HOSTILE in scan.attributes  # the id
    assert "".join(scan.text).count(HOSTILE) == 2  # caption and row label
    assert scan.tags.count("tr") == 3
    assert '<td>3 <span class="rate">(1.2)</span></td><td>0 <span class="rate">(0.0)</span></td><td>1</td>' in html
    assert counts_table(rows, "c").startswith('<table class="data">\n  <caption>c</caption>')  # no id attribute without an id


def test_event_cards_escape_every_field_and_show_what_is_missing() -> None:
    from types import SimpleNamespace

    from generator.render.views import CardOutlet, EventCard

    event = SimpleNamespace(id=HOSTILE, title=HOSTILE, summary=HOSTILE)
    outlet = SimpleNamespace(id=HOSTILE, name=HOSTILE)
    hostile_card = EventCard(event, (dt.date(2020, 1, 2), dt.date(2020, 3, 4)), True,
                             (CardOutlet(outlet, 2, 12.34, 5.0, (HOSTILE, "regime")), CardOutlet(outlet, 1, None, 0.0, ())))
    bare_card = EventCard(SimpleNamespace(id="quiet", title="Quiet", summary=""), (), False, ())
    html = event_cards([hostile_card, bare_card], "../")
    assert isinstance(html, Markup)
    assert "<script" not in html and "&amp;amp;" not in html
    scan = parsed(html)
    text = "".join(scan.text)
    assert text.count(HOSTILE) == 5  # title, summary, two outlet names, a distinctive word (and the id only in attributes)
    assert f"{HOSTILE}, regime" in text
    assert HOSTILE in scan.attributes and f"../events/{HOSTILE}.html" in scan.attributes and f"../outlets/{HOSTILE}.html" in scan.attributes
    assert "2 articles, 12.3 framing highlights per 1,000 words (5.0 in its own narration)" in text
    assert ": 1 article</li>" in html  # no rate without words, no distinctive words
    assert '2020-01-02">2 January 2020</time>; <time' in html and "different incidents" in text
    assert "Incidents: not stated</p>" in html and "</h3>\n    <p class=\"muted\">Incidents: not stated" in html
    assert scan.tags.count("li") == 4 and event_cards([], "") == '<ul class="cards">\n</ul>'


def test_the_date_filter_prints_a_time_element_or_unknown() -> None:
    assert date_html(dt.date(2020, 1, 5)) == '<time datetime="2020-01-05">5 January 2020</time>'
    assert isinstance(date_html(dt.date(2020, 1, 5)), Markup)
    assert date_html(None) == "unknown"


def test_an_article_body_splits_into_its_lead_and_the_rest_without_losing_a_byte() -> None:
    from generator.render.body import make_renderer, render_body, render_body_parts

    renderer = make_renderer()
    short = "A short first paragraph."
    long = " ".join(["word"] * 40) + "."
    body = f"{short}\n\n{long}\n\n- a list item\n- another\n\nLast paragraph with *emphasis*."
    lead, rest, blocks = render_body_parts(renderer, "Title", body, (), lambda *a: "")
    assert lead + rest == render_body(renderer, "Title", body, (), lambda *a: "")
    assert lead.count("<p>") == 2 and blocks == 2  # a short first paragraph takes the second with it
    lead, rest, blocks = render_body_parts(renderer, "Title", f"{long}\n\n{short}", (), lambda *a: "")
    assert lead.count("<p>") == 1 and rest.count("<p>") == 1 and blocks == 1
    assert render_body_parts(renderer, "Title", short, (), lambda *a: "")[1:] == ("", 0)
