"""Chart geometry for inline SVG: every number and position is computed here, and `chart_svg` draws it.

Bars are horizontal, so long category names and words fit as row labels.
A bar's length is |value| * `scale` (pixels per unit), measured from the zero
line, so lengths stay proportional to values and can be checked against the
data table printed beside the chart.

The SVG is written here rather than by a template macro: a chart is a few
hundred attributes, and a Jinja expression costs a call to `escape` each, where
here only text is escaped (numbers are printed as `str` prints them, as Jinja did).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.compare.types import EventComparison

LEGEND_ROW = 18
AXIS_HEIGHT = 24
MARGIN = 8


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
    x: float  # right edge: draw with text-anchor="end"
    y: float  # baseline-centred: draw with dominant-baseline="middle"
    text: str


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
    row_labels: tuple[RowLabel, ...]


@dataclass(frozen=True)
class BarSeries:
    name: str
    css_class: str
    values: tuple[float, ...]  # one per group


@dataclass(frozen=True)
class DivergingRow:
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


def _format_tick(value: float) -> str:
    return f"{value:g}"


def _legend(names: Sequence[tuple[str, str]]) -> tuple[LegendItem, ...]:
    return tuple(LegendItem(MARGIN, MARGIN + index * LEGEND_ROW, name, css)
                 for index, (name, css) in enumerate(names))


def _ticks(low: float, high: float, step: float, zero_x: float, scale: float) -> tuple[Tick, ...]:
    count = round((high - low) / step)
    values = [round(low + i * step, 10) for i in range(count + 1)]
    return tuple(Tick(zero_x + v * scale, v, _format_tick(v)) for v in values)


def label_width_for(labels: Sequence[str], char_width: float = 6.2, padding: float = 14) -> float:
    """Room for the longest row label at the charts' 11px font (about 6.2px a character)."""
    return max(60.0, min(320.0, max((len(label) for label in labels), default=0) * char_width + padding))


def grouped_bar_chart(
    groups: Sequence[str],
    series: Sequence[BarSeries],
    *,
    title: str = "",
    width: float = 640,
    label_width: float = 170,
    bar_height: float = 10,
    bar_gap: float = 2,
    group_gap: float = 12,
    tick_count: int = 5,
) -> BarChart:
    """One band per group, one bar per series inside it (e.g. categories x outlet-and-voice)."""
    values = [v for s in series for v in s.values]
    if any(len(s.values) != len(groups) for s in series):
        raise ValueError("every series needs one value per group")
    if any(v < 0 for v in values):
        raise ValueError("grouped bars take values of zero or more; use diverging_bar_chart")
    step = nice_step(max(values, default=0.0), tick_count)
    axis_max = max(step, math.ceil(max(values, default=0.0) / step) * step)
    plot_left, plot_right = label_width, width - MARGIN
    scale = (plot_right - plot_left) / axis_max
    plot_top = MARGIN + len(series) * LEGEND_ROW + MARGIN
    band = len(series) * (bar_height + bar_gap) - bar_gap
    bars, row_labels = [], []
    y = plot_top
    for group_index, group in enumerate(groups):
        row_labels.append(RowLabel(plot_left - 6, y + band / 2, group))
        for series_index, s in enumerate(series):
            value = s.values[group_index]
            bar_y = y + series_index * (bar_height + bar_gap)
            bars.append(Bar(plot_left, bar_y, value * scale, bar_height, group, value, s.name,
                            s.css_class, f"{s.name}, {group}: {value:g}"))
        y += band + group_gap
    plot_bottom = y - group_gap + MARGIN
    return BarChart(
        width=width, height=plot_bottom + AXIS_HEIGHT, title=title, plot_left=plot_left,
        plot_right=plot_right, plot_top=plot_top, plot_bottom=plot_bottom, zero_x=plot_left,
        scale=scale, bars=tuple(bars), ticks=_ticks(0.0, axis_max, step, plot_left, scale),
        legend=_legend([(s.name, s.css_class) for s in series]), row_labels=tuple(row_labels),
    )


def diverging_bar_chart(
    rows: Sequence[DivergingRow],
    *,
    title: str = "",
    width: float = 640,
    label_width: float = 170,
    bar_height: float = 12,
    bar_gap: float = 4,
    tick_count: int = 4,
) -> BarChart:
    """One bar per row from a zero line: negative values to the left, positive to the right."""
    low = min((r.value for r in rows), default=0.0)
    high = max((r.value for r in rows), default=0.0)
    low, high = min(low, 0.0), max(high, 0.0)
    step = nice_step(max(high, -low), tick_count)
    axis_low = math.floor(low / step) * step
    axis_high = max(math.ceil(high / step) * step, axis_low + step)
    if axis_low < 0 < axis_high:  # symmetric, so left and right read alike
        axis_high = max(axis_high, -axis_low)
        axis_low = -axis_high
    plot_left, plot_right = label_width, width - MARGIN
    scale = (plot_right - plot_left) / (axis_high - axis_low)
    zero_x = plot_left - axis_low * scale
    legend_names = list(dict.fromkeys((r.series, r.css_class) for r in rows))
    plot_top = MARGIN + len(legend_names) * LEGEND_ROW + MARGIN
    bars, row_labels = [], []
    for index, row in enumerate(rows):
        y = plot_top + index * (bar_height + bar_gap)
        length = abs(row.value) * scale
        x = zero_x if row.value >= 0 else zero_x - length
        bars.append(Bar(x, y, length, bar_height, row.label, row.value, row.series, row.css_class,
                        f"{row.series}, {row.label}: {row.value:g}"))
        row_labels.append(RowLabel(plot_left - 6, y + bar_height / 2, row.label))
    plot_bottom = plot_top + len(rows) * (bar_height + bar_gap) - bar_gap + MARGIN
    return BarChart(
        width=width, height=plot_bottom + AXIS_HEIGHT, title=title, plot_left=plot_left,
        plot_right=plot_right, plot_top=plot_top, plot_bottom=plot_bottom, zero_x=zero_x,
        scale=scale, bars=tuple(bars), ticks=_ticks(axis_low, axis_high, step, zero_x, scale),
        legend=_legend(legend_names), row_labels=tuple(row_labels),
    )


def framing_profile_chart(comparison: EventComparison) -> BarChart:
    """Categories x outlets x voice: per outlet, its own words (headline + narration) and quotations.

    Values are the rates of `comparison.profile` rounded to one decimal, the
    same figures the data table prints."""
    series = []
    for entry in comparison.profile:
        name = comparison.outlet_name(entry.outlet)
        series.append(BarSeries(f"{name} · own words", f"outlet-{entry.outlet} voice-own",
                                tuple(round(r.own_words, 1) for r in entry.rates)))
        series.append(BarSeries(f"{name} · quotations", f"outlet-{entry.outlet} voice-quotation",
                                tuple(round(r.quotation, 1) for r in entry.rates)))
    groups = [label for _, label in comparison.categories]
    return grouped_bar_chart(groups, series, title="Framing terms per 1,000 words", label_width=label_width_for(groups))


def distinctive_chart(comparison: EventComparison, per_outlet: int = 10) -> BarChart:
    """Distinctive terms' z-scores (one decimal). With two outlets the second's terms point left.

    With two outlets, a term's z for the second outlet equals minus its z for
    the first (same variance, opposite log-odds), so one axis shows both.
    With three or more, every outlet's terms point right, one colour each."""
    two = len(comparison.distinctive) == 2
    rows = []
    for index, entry in enumerate(comparison.distinctive):
        sign = -1 if two and index == 1 else 1
        name = comparison.outlet_name(entry.outlet)
        for term in entry.terms[:per_outlet]:
            rows.append(DivergingRow(term.term, sign * round(term.z, 1), name, f"outlet-{entry.outlet}"))
    return diverging_bar_chart(rows, title="Distinctive words and phrases (z-score)")


def chart_svg(chart: BarChart, id: str) -> Markup:
    """The chart as inline SVG, every label and class escaped once; a bar's `<title>` is its accessible text."""
    id = escape(id)
    top, bottom = chart.plot_top, chart.plot_bottom
    out = [
        f'<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title" viewBox="0 0 {chart.width} {chart.height}" '
        f'width="{chart.width}" height="{chart.height}" xmlns="http://www.w3.org/2000/svg">\n'
        f'  <title id="{id}-title">{escape(chart.title)} (the same figures are in the table that follows)</title>\n'
    ]
    for item in chart.legend:
        out.append(
            f'  <rect class="bar {escape(item.css_class)}" x="{item.x}" y="{item.y}" width="12" height="12"></rect>\n'
            f'  <text x="{item.x + 18}" y="{item.y + 10}">{escape(item.label)}</text>\n'
        )
    for tick in chart.ticks:
        out.append(
            f'  <line class="grid" x1="{tick.x}" x2="{tick.x}" y1="{top}" y2="{bottom}"></line>\n'
            f'  <text class="tick" x="{tick.x}" y="{bottom + 14}" text-anchor="middle">{escape(tick.label)}</text>\n'
        )
    out.append(f'  <line class="axis" x1="{chart.zero_x}" x2="{chart.zero_x}" y1="{top}" y2="{bottom}"></line>\n')
    for label in chart.row_labels:
        out.append(f'  <text x="{label.x}" y="{label.y}" text-anchor="end" dominant-baseline="middle">{escape(label.text)}</text>\n')
    for bar in chart.bars:
        out.append(
            f'  <rect class="bar {escape(bar.css_class)}" x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}" '
            f'data-value="{bar.value}"><title>{escape(bar.title)}</title></rect>\n'
        )
    out.append("</svg>")
    return Markup("".join(out))
