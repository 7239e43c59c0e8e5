"""Chart geometry for inline SVG: every number and position is computed here, and `chart_svg` draws it.

Charts are drawn for a narrow column (`WIDTH` user units) and scaled to the
column by CSS, so they take the column's full width on a phone and their text
stays readable: labels are `FONT` units, so at a phone's 358 px column they are
drawn at 13 px and never under 12 px from 320 px up. Every label sits above its
bars or beside them, never in a margin that narrows the plot.

Bars are horizontal. A bar's length is |value| * `scale` (pixels per unit),
measured from the zero line (a stacked segment from the end of the one before
it), so lengths stay proportional to values and can be checked against the
data table printed after the chart.

The SVG is written here rather than by a template macro: a chart is a few
hundred attributes, and a Jinja expression costs a call to `escape` each, where
here only text is escaped (numbers are printed as `str` prints them).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.compare.types import EventComparison

WIDTH = 400
FONT = 15
"""Label size in user units (style.css draws `.chart text` at 15px of the viewBox)."""
TICK_FONT = 14
LEGEND_ROW = 22
HEADING_ROW = 24
BAR_HEIGHT = 14
BAR_GAP = 6
GROUP_GAP = 10
AXIS_HEIGHT = 24
MARGIN = 8
VALUE_ROOM = 44
"""Room right of the plot for the value printed after each bar."""
CHAR_WIDTH = 8.3
"""About how wide a character of a 15-unit label is, to give row labels room."""


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # the row or group it belongs to
    value: float
    series: str
    css_class: str
    title: str  # accessible text, e.g. "AFP · own words, Loaded labels: 1.2"


@dataclass(frozen=True)
class Tick:
    x: float
    value: float
    label: str


@dataclass(frozen=True)
class LegendItem:
    x: float
    y: float
    label: str
    css_class: str


@dataclass(frozen=True)
class RowLabel:
    x: float  # where the text is anchored: its right edge with anchor "end", its left with "start"
    y: float  # baseline-centred: draw with dominant-baseline="middle"
    text: str
    anchor: str = "end"  # "end" | "start"
    css_class: str = ""  # "heading" | "value" | ""


@dataclass(frozen=True)
class BarChart:
    width: float
    height: float
    title: str
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    zero_x: float
    scale: float  # pixels per unit of value
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    legend: tuple[LegendItem, ...]
    row_labels: tuple[RowLabel, ...]  # group headings, row labels and the values after bars


@dataclass(frozen=True)
class StackedSeries:
    """One outlet's bars in a stacked chart: per group, the parts of its bar (own words, then quotations)."""

    name: str
    css_classes: tuple[str, ...]  # one per part
    parts: tuple[str, ...]  # the parts' names, for the bars' titles
    values: tuple[tuple[float, ...], ...]  # per group, one value per part
    totals: tuple[float, ...] = ()  # per group, the figure printed after the bar (default: the parts' sum)


@dataclass(frozen=True)
class Row:
    label: str
    value: float
    series: str
    css_class: str


def nice_step(span: float, tick_count: int) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about `tick_count` ticks."""
    if span <= 0:
        return 1.0
    raw = span / tick_count
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _axis(high: float, plot_left: float, plot_right: float, tick_count: int = 4) -> tuple[float, tuple[Tick, ...]]:
    """The scale of an axis from 0 to a round number above `high`, and its ticks."""
    step = nice_step(high, tick_count)
    axis_max = max(step, math.ceil(high / step) * step) if high > 0 else step
    scale = (plot_right - plot_left) / axis_max
    count = round(axis_max / step)
    values = [round(i * step, 10) for i in range(count + 1)]
    return scale, tuple(Tick(plot_left + v * scale, v, f"{v:g}") for v in values)


def _legend(items: Sequence[tuple[str, str]]) -> tuple[LegendItem, ...]:
    return tuple(LegendItem(MARGIN, MARGIN + index * LEGEND_ROW, name, css) for index, (name, css) in enumerate(items))


def _fit(text: str, room: float) -> str:
    """`text`, cut with an ellipsis where it would not fit in `room` units (the full text is in the bar's title)."""
    most = max(1, int(room / CHAR_WIDTH))
    return text if len(text) <= most else text[: most - 1] + "…"


def _shown(value: float) -> str:
    return f"{value:.1f}"


def stacked_bar_chart(groups: Sequence[str], series: Sequence[StackedSeries], *, title: str = "",
                      legend: Sequence[tuple[str, str]] = ()) -> BarChart:
    """Per group a heading, then one bar per series made of its parts laid end to end, its total after it."""
    if any(len(s.values) != len(groups) for s in series):
        raise ValueError("every series needs one value per group")
    if any(v < 0 for s in series for parts in s.values for v in parts):
        raise ValueError("bars take values of zero or more")
    plot_left, plot_right = MARGIN, WIDTH - MARGIN - VALUE_ROOM
    high = max((sum(parts) for s in series for parts in s.values), default=0.0)
    scale, ticks = _axis(high, plot_left, plot_right)
    items = _legend(legend or [(s.name, s.css_classes[0]) for s in series])
    plot_top = MARGIN + len(items) * LEGEND_ROW + MARGIN
    bars, labels = [], []
    y = plot_top
    for index, group in enumerate(groups):
        labels.append(RowLabel(plot_left, y + HEADING_ROW / 2, group, "start", "heading"))
        y += HEADING_ROW
        for s in series:
            x = plot_left
            for part, css, value in zip(s.parts, s.css_classes, s.values[index]):
                width = value * scale
                bars.append(Bar(x, y, width, BAR_HEIGHT, group, value, f"{s.name} · {part}", css,
                                f"{s.name} · {part}, {group}: {value:g}"))
                x += width
            total = s.totals[index] if s.totals else sum(s.values[index])
            labels.append(RowLabel(x + 4, y + BAR_HEIGHT / 2, _shown(total), "start", "value"))
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    plot_bottom = y - GROUP_GAP - BAR_GAP + MARGIN
    return BarChart(WIDTH, plot_bottom + AXIS_HEIGHT, title, plot_left, plot_right, plot_top, plot_bottom, plot_left,
                    scale, tuple(bars), ticks, items, tuple(labels))


def sectioned_bar_chart(sections: Sequence[tuple[str, Sequence[Row]]], *, title: str = "") -> BarChart:
    """Per section a heading, then one labelled bar per row (label on the left, value after the bar)."""
    longest = max((len(row.label) for _, rows in sections for row in rows), default=0)
    label_width = min(WIDTH * 0.45, longest * CHAR_WIDTH + 10)
    plot_left, plot_right = MARGIN + label_width, WIDTH - MARGIN - VALUE_ROOM
    high = max((row.value for _, rows in sections for row in rows), default=0.0)
    if any(row.value < 0 for _, rows in sections for row in rows):
        raise ValueError("bars take values of zero or more")
    scale, ticks = _axis(high, plot_left, plot_right)
    bars, labels = [], []
    y = plot_top = MARGIN
    for heading, rows in sections:
        labels.append(RowLabel(MARGIN, y + HEADING_ROW / 2, heading, "start", "heading"))
        y += HEADING_ROW
        for row in rows:
            width = row.value * scale
            bars.append(Bar(plot_left, y, width, BAR_HEIGHT, row.label, row.value, row.series, row.css_class,
                            f"{row.series}, {row.label}: {row.value:g}"))
            labels.append(RowLabel(plot_left - 6, y + BAR_HEIGHT / 2, _fit(row.label, label_width - 6)))
            labels.append(RowLabel(plot_left + width + 4, y + BAR_HEIGHT / 2, _shown(row.value), "start", "value"))
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    plot_bottom = y - GROUP_GAP - BAR_GAP + MARGIN
    return BarChart(WIDTH, plot_bottom + AXIS_HEIGHT, title, plot_left, plot_right, plot_top, plot_bottom, plot_left,
                    scale, tuple(bars), ticks, (), tuple(labels))


def framing_profile_chart(comparison: EventComparison) -> BarChart:
    """Categories x outlets: per outlet one bar, its own words (headline + narration) then its quotations.

    Values are the rates of `comparison.profile` rounded to one decimal, the
    same figures the data table prints; the value after each bar is the total rate, as the summary prints it."""
    series = []
    for entry in comparison.profile:
        name = comparison.outlet_name(entry.outlet)
        series.append(StackedSeries(
            name, (f"outlet-{entry.outlet} voice-own", f"outlet-{entry.outlet} voice-quotation"), ("own words", "quotations"),
            tuple((round(r.own_words, 1), round(r.quotation, 1)) for r in entry.rates),
            tuple(round(r.total, 1) for r in entry.rates)))
    legend = [(s.name, s.css_classes[0]) for s in series]
    if series:
        first = comparison.profile[0].outlet
        legend += [("solid: the outlet's own words", f"outlet-{first} voice-own"),
                   ("pale, dashed: words it quotes", f"outlet-{first} voice-quotation")]
    groups = [label for _, label in comparison.categories]
    return stacked_bar_chart(groups, series, title="Framing terms per 1,000 words", legend=legend)


def distinctive_chart(comparison: EventComparison, per_outlet: int = 8) -> BarChart:
    """Per outlet, its most distinctive terms' z-scores (one decimal), each outlet in its colour."""
    sections = []
    for entry in comparison.distinctive:
        name = comparison.outlet_name(entry.outlet)
        rows = [Row(term.term, round(term.z, 1), name, f"outlet-{entry.outlet}") for term in entry.terms[:per_outlet]]
        if rows:
            sections.append((name, rows))
    return sectioned_bar_chart(sections, title="Distinctive words and phrases (z-score)")


def chart_svg(chart: BarChart, id: str) -> Markup:
    """The chart as inline SVG, every label and class escaped once; a bar's `<title>` is its accessible text.
    A chart has a few classes for hundreds of bars and labels: each class is escaped once per chart."""
    id = escape(id)
    top, bottom = chart.plot_top, chart.plot_bottom
    classes = {css: escape(css) for css in {*(bar.css_class for bar in chart.bars), *(label.css_class for label in chart.row_labels)}}
    out = [
        f'<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title" viewBox="0 0 {chart.width} {chart.height}" '
        f'width="{chart.width}" height="{chart.height}" xmlns="http://www.w3.org/2000/svg">\n'
        f'  <title id="{id}-title">{escape(chart.title)} (the same figures are in the table that follows)</title>\n'
    ]
    for item in chart.legend:
        out.append(
            f'  <rect class="bar {escape(item.css_class)}" x="{item.x}" y="{item.y}" width="14" height="14"></rect>\n'
            f'  <text x="{item.x + 20}" y="{item.y + 7}" dominant-baseline="middle">{escape(item.label)}</text>\n'
        )
    for tick in chart.ticks:
        out.append(
            f'  <line class="grid" x1="{tick.x}" x2="{tick.x}" y1="{top}" y2="{bottom}"></line>\n'
            f'  <text class="tick" x="{tick.x}" y="{bottom + 16}" text-anchor="middle">{escape(tick.label)}</text>\n'
        )
    out.append(f'  <line class="axis" x1="{chart.zero_x}" x2="{chart.zero_x}" y1="{top}" y2="{bottom}"></line>\n')
    for label in chart.row_labels:
        css = f' class="{classes[label.css_class]}"' if label.css_class else ""
        out.append(f'  <text{css} x="{label.x}" y="{label.y}" text-anchor="{label.anchor}" dominant-baseline="middle">'
                   f'{escape(label.text)}</text>\n')
    for bar in chart.bars:
        out.append(
            f'  <rect class="bar {classes[bar.css_class]}" x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}" '
            f'data-value="{bar.value}"><title>{escape(bar.title)}</title></rect>\n'
        )
    out.append("</svg>")
    return Markup("".join(out))
