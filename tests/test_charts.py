"""Chart geometry: bar lengths proportional to values, values equal to the data tables'."""

from __future__ import annotations

import pytest

from generator.compare.event import compare_event
from generator.render.charts import (
    BarSeries,
    DivergingRow,
    diverging_bar_chart,
    distinctive_chart,
    framing_profile_chart,
    grouped_bar_chart,
    nice_step,
)
from tests.compare_builders import three_outlet_event
from tests.compare_seed_event import seed_event


def _assert_proportional(chart):
    for bar in chart.bars:
        assert bar.width == pytest.approx(abs(bar.value) * chart.scale)
        assert bar.width >= 0 and bar.height > 0
        assert chart.plot_left - 1e-9 <= bar.x and bar.x + bar.width <= chart.plot_right + 1e-9
        if bar.value >= 0:
            assert bar.x == pytest.approx(chart.zero_x)
        else:
            assert bar.x + bar.width == pytest.approx(chart.zero_x)
    assert 0 < chart.plot_top < chart.plot_bottom < chart.height


def test_grouped_bars_are_proportional_and_laid_out_in_bands():
    chart = grouped_bar_chart(["Loaded labels", "Hedges"],
                              [BarSeries("A", "a", (6.0, 0.0)), BarSeries("B", "b", (1.5, 3.0))])
    _assert_proportional(chart)
    assert [(b.label, b.series, b.value) for b in chart.bars] == [
        ("Loaded labels", "A", 6.0), ("Loaded labels", "B", 1.5), ("Hedges", "A", 0.0), ("Hedges", "B", 3.0)]
    assert chart.bars[0].width == pytest.approx(4 * chart.bars[1].width)
    ys = [b.y for b in chart.bars]
    assert ys == sorted(ys) and len(set(ys)) == 4  # no two bars overlap
    assert chart.ticks[0].value == 0 and chart.ticks[-1].value >= 6.0
    assert chart.ticks[-1].x == pytest.approx(chart.plot_right)
    assert [item.label for item in chart.legend] == ["A", "B"]
    assert [label.text for label in chart.row_labels] == ["Loaded labels", "Hedges"]


def test_grouped_chart_rejects_negative_values_and_ragged_series():
    with pytest.raises(ValueError):
        grouped_bar_chart(["x"], [BarSeries("A", "a", (-1.0,))])
    with pytest.raises(ValueError):
        grouped_bar_chart(["x", "y"], [BarSeries("A", "a", (1.0,))])


def test_all_zero_chart_still_has_an_axis():
    chart = grouped_bar_chart(["x"], [BarSeries("A", "a", (0.0,))])
    assert chart.bars[0].width == 0 and chart.scale > 0 and len(chart.ticks) >= 2


def test_diverging_bars_point_both_ways_from_zero():
    chart = diverging_bar_chart([DivergingRow("pompeo", 3.2, "Mehr", "m"),
                                 DivergingRow("kataib", -2.4, "AFP", "a")])
    _assert_proportional(chart)
    positive, negative = chart.bars
    assert positive.x == pytest.approx(chart.zero_x) and negative.x < chart.zero_x
    assert chart.zero_x == pytest.approx((chart.plot_left + chart.plot_right) / 2)  # symmetric axis
    assert [t.value for t in chart.ticks][0] == -[t.value for t in chart.ticks][-1]
    assert {item.label for item in chart.legend} == {"Mehr", "AFP"}


def test_profile_chart_values_equal_the_profile_table():
    seed = seed_event()
    comparison = compare_event(seed.event, seed.articles, seed.analyses, seed.outlets, seed.lexicon, seed.prior)
    chart = framing_profile_chart(comparison)
    _assert_proportional(chart)
    table = {}
    for entry in comparison.profile:
        name = comparison.outlet_name(entry.outlet)
        for (_, label), rate in zip(comparison.categories, entry.rates):
            table[(label, f"{name} · own words")] = round(rate.own_words, 1)
            table[(label, f"{name} · quotations")] = round(rate.quotation, 1)
    assert {(b.label, b.series): b.value for b in chart.bars} == table
    assert len(chart.bars) == len(comparison.categories) * 2 * len(comparison.outlets)


def test_distinctive_chart_values_equal_the_distinctive_table_two_and_three_outlets():
    seed = seed_event()
    two = compare_event(seed.event, seed.articles, seed.analyses, seed.outlets, seed.lexicon, seed.prior)
    chart = distinctive_chart(two, per_outlet=10)
    _assert_proportional(chart)
    first, second = two.distinctive
    expected = ([(t.term, round(t.z, 1)) for t in first.terms[:10]]
                + [(t.term, -round(t.z, 1)) for t in second.terms[:10]])
    assert [(b.label, b.value) for b in chart.bars] == expected

    three = compare_event(*three_outlet_event())
    chart = distinctive_chart(three)
    _assert_proportional(chart)
    assert all(b.value > 0 for b in chart.bars)
    assert [(b.label, b.value) for b in chart.bars] == [
        (t.term, round(t.z, 1)) for d in three.distinctive for t in d.terms[:10]]
    assert {b.css_class for b in chart.bars} == {f"outlet-{o}" for o in three.outlets}


@pytest.mark.parametrize("span, ticks, step", [(6.0, 5, 2.0), (1.0, 5, 0.2), (37.0, 5, 10.0), (0.0, 5, 1.0)])
def test_nice_step(span, ticks, step):
    assert nice_step(span, ticks) == pytest.approx(step)
