"""Chart geometry: bar lengths proportional to values, values equal to the data tables', labels readable."""

from __future__ import annotations

import pytest

from generator.compare.event import compare_event
from generator.render.charts import (
    FONT,
    WIDTH,
    Row,
    StackedSeries,
    distinctive_chart,
    framing_profile_chart,
    nice_step,
    sectioned_bar_chart,
    stacked_bar_chart,
)
from tests.compare_builders import three_outlet_event
from tests.compare_seed_event import seed_event

PHONE_COLUMN = 358
"""The page's column on a 390 px phone: charts fill it."""


def _assert_proportional(chart):
    """Each bar is |value| x scale long, from the zero line or from the end of the part before it."""
    previous_end = {}
    for bar in chart.bars:
        assert bar.width == pytest.approx(abs(bar.value) * chart.scale)
        assert bar.width >= 0 and bar.height > 0
        assert chart.plot_left - 1e-9 <= bar.x and bar.x + bar.width <= chart.plot_right + 1e-9
        start = previous_end.get(bar.y, chart.zero_x)
        assert bar.x == pytest.approx(start)
        previous_end[bar.y] = bar.x + bar.width
    assert 0 <= chart.plot_top < chart.plot_bottom < chart.height
    assert chart.width == WIDTH


def test_stacked_bars_lay_parts_end_to_end_under_their_group_heading():
    chart = stacked_bar_chart(["Loaded labels", "Hedges"], [
        StackedSeries("A", ("a own", "a quoted"), ("own", "quoted"), ((6.0, 2.0), (0.0, 0.0))),
        StackedSeries("B", ("b own", "b quoted"), ("own", "quoted"), ((1.5, 0.0), (3.0, 1.0)))])
    _assert_proportional(chart)
    assert [(b.label, b.series, b.value) for b in chart.bars] == [
        ("Loaded labels", "A · own", 6.0), ("Loaded labels", "A · quoted", 2.0), ("Loaded labels", "B · own", 1.5),
        ("Loaded labels", "B · quoted", 0.0), ("Hedges", "A · own", 0.0), ("Hedges", "A · quoted", 0.0),
        ("Hedges", "B · own", 3.0), ("Hedges", "B · quoted", 1.0)]
    headings = [l for l in chart.row_labels if l.css_class == "heading"]
    values = [l.text for l in chart.row_labels if l.css_class == "value"]
    assert [h.text for h in headings] == ["Loaded labels", "Hedges"] and all(h.anchor == "start" for h in headings)
    assert values == ["8.0", "1.5", "0.0", "4.0"]
    assert headings[0].y < chart.bars[0].y < headings[1].y < chart.bars[4].y  # a heading above its bars
    assert chart.ticks[0].value == 0 and chart.ticks[-1].value >= 8.0
    with pytest.raises(ValueError):
        stacked_bar_chart(["x"], [StackedSeries("A", ("a",), ("p",), ((-1.0,),))])
    with pytest.raises(ValueError):
        stacked_bar_chart(["x", "y"], [StackedSeries("A", ("a",), ("p",), ((1.0,),))])


def test_all_zero_chart_still_has_an_axis():
    chart = stacked_bar_chart(["x"], [StackedSeries("A", ("a",), ("p",), ((0.0,),))])
    assert chart.bars[0].width == 0 and chart.scale > 0 and len(chart.ticks) >= 2


def test_sectioned_rows_fit_their_labels_inside_the_chart():
    chart = sectioned_bar_chart([("Mehr", [Row("pompeo", 3.2, "Mehr", "m"), Row("a very long phrase of many words", 1.0, "Mehr", "m")])])
    _assert_proportional(chart)
    labels = [l for l in chart.row_labels if not l.css_class]
    assert labels[0].text == "pompeo" and labels[1].text.endswith("…")
    assert all(len(l.text) * 8.3 <= l.x for l in labels)  # right-anchored text that starts inside the chart


def test_labels_stay_readable_on_a_phone():
    """Charts are scaled to the column; drawn at FONT units in a WIDTH-wide chart, labels are 12 px or more."""
    assert FONT * PHONE_COLUMN / WIDTH >= 12
    assert FONT * 320 / WIDTH >= 12  # the narrowest phones too


def test_profile_chart_values_equal_the_profile_table():
    seed = seed_event()
    comparison = compare_event(seed.event, seed.articles, seed.analyses, seed.outlets, seed.lexicon, seed.prior)
    chart = framing_profile_chart(comparison)
    _assert_proportional(chart)
    table, totals = {}, []
    for (index, (_, label)) in enumerate(comparison.categories):
        for entry in comparison.profile:
            name = comparison.outlet_name(entry.outlet)
            rate = entry.rates[index]
            table[(label, f"{name} · own words")] = round(rate.own_words, 1)
            table[(label, f"{name} · quotations")] = round(rate.quotation, 1)
            totals.append(f"{round(rate.total, 1):.1f}")
    assert {(b.label, b.series): b.value for b in chart.bars} == table
    assert len(chart.bars) == len(comparison.categories) * 2 * len(comparison.outlets)
    assert [l.text for l in chart.row_labels if l.css_class == "value"] == totals  # as the summary prints them
    assert [item.label for item in chart.legend][:2] == ["Mehr News Agency", "AFP"]


def test_distinctive_chart_values_equal_the_distinctive_table_two_and_three_outlets():
    seed = seed_event()
    two = compare_event(seed.event, seed.articles, seed.analyses, seed.outlets, seed.lexicon, seed.prior)
    chart = distinctive_chart(two, per_outlet=10)
    _assert_proportional(chart)
    assert [(b.label, b.value) for b in chart.bars] == [(t.term, round(t.z, 1)) for d in two.distinctive for t in d.terms[:10]]

    three = compare_event(*three_outlet_event())
    chart = distinctive_chart(three)
    _assert_proportional(chart)
    assert all(b.value > 0 for b in chart.bars)
    assert [(b.label, b.value) for b in chart.bars] == [(t.term, round(t.z, 1)) for d in three.distinctive for t in d.terms[:8]]
    assert {b.css_class for b in chart.bars} == {f"outlet-{o}" for o in three.outlets}
    assert [l.text for l in chart.row_labels if l.css_class == "heading"] == [three.outlet_name(o) for o in three.outlets]


@pytest.mark.parametrize("span, ticks, step", [(6.0, 5, 2.0), (1.0, 5, 0.2), (37.0, 5, 10.0), (0.0, 5, 1.0)])
def test_nice_step(span, ticks, step):
    assert nice_step(span, ticks) == pytest.approx(step)
