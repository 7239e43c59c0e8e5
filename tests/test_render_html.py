"""HTML that the renderer writes in Python instead of a template: every text field escaped exactly once.

Each test feeds hostile text into every field the function prints and checks it comes out as
text (escaped once, not twice), while the markup the function writes itself stays markup."""

from __future__ import annotations

from html.parser import HTMLParser

from markupsafe import Markup, escape

from generator.render.charts import BarSeries, DivergingRow, chart_svg, diverging_bar_chart, grouped_bar_chart

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
    chart = grouped_bar_chart([HOSTILE], [BarSeries(HOSTILE, HOSTILE, (2.0,))], title=HOSTILE)
    svg = chart_svg(chart, HOSTILE)
    assert isinstance(svg, Markup)
    assert HOSTILE not in svg and "<script" not in svg and "&amp;amp;" not in svg
    scan = parsed(svg)
    assert "script" not in scan.tags
    assert scan.tags.count("rect") == 2  # one legend swatch, one bar
    assert HOSTILE in "".join(scan.text)  # row label, legend label, bar title, chart title: shown as text
    assert "".join(scan.text).count(HOSTILE) == 5  # chart title, legend, row label, and series and group in the bar title
    assert f"bar {HOSTILE}" in scan.attributes and HOSTILE in scan.attributes  # class and id, as attribute values
    assert f'class="bar {ESCAPED}"' in svg


def test_chart_svg_draws_every_bar_tick_and_label_at_its_position() -> None:
    chart = diverging_bar_chart([DivergingRow("pompeo", 3.2, "Mehr", "m"), DivergingRow("regime", -1.5, "AFP", "a")])
    svg = chart_svg(chart, "d")
    scan = parsed(svg)
    assert scan.tags.count("rect") == len(chart.bars) + len(chart.legend)
    assert scan.tags.count("line") == len(chart.ticks) + 1  # grid lines and the zero axis
    for bar in chart.bars:
        assert f'x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}" data-value="{bar.value}"' in svg
    for tick in chart.ticks:
        assert f'<text class="tick" x="{tick.x}" y="{chart.plot_bottom + 14}" text-anchor="middle">{tick.label}</text>' in svg
    assert svg.startswith('<svg class="chart" id="d" role="img" aria-labelledby="d-title"') and svg.endswith("</svg>")
