"""Shortcuts of the render stage give what the plain computation gives (speed round 4)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import StrictUndefined, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from generator.render.charts import Bar, BarChart, LegendItem, RowLabel, Tick, chart_svg
from generator.render.data import json_value
from generator.render.environment import make_environment

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class _View:
    """Its fields `pop` and `mro` are safe to read, unlike a dict's `pop` and a class's `mro`."""

    name: object
    pop: object = 3
    mro: object = 4
    _secret: str = "hidden"

    def method(self) -> str:
        return "called"


def _function() -> None:
    """A plain function: its globals and code are internals the sandbox refuses."""


_VALUES = [1, 2.5, "Lee", "{0}", None, (1, 2), [1, 2], {"name": 1, "append": 2}, "{0}".format, "{0}".format_map,
           "x".upper, [].append, _function, _View, str]
_OBJECTS = st.one_of(
    st.builds(_View, st.sampled_from(_VALUES), st.sampled_from(_VALUES), st.sampled_from(_VALUES)),
    st.sampled_from(_VALUES),
)
_NAMES = st.sampled_from(["name", "_secret", "method", "missing", "format", "format_map", "upper", "append",
                          "get", "items", "pop", "mro", "__class__", "__globals__", "__code__", "real", "__self__"])


def _outcome(value: object) -> tuple[str, object]:
    """What a template could do with a read: its value itself, or what an Undefined says and refuses,
    or what a callable Jinja wrapped (`str.format`) answers."""
    if isinstance(value, Undefined):
        return ("undefined", type(value).__name__, value._undefined_hint, value._undefined_name)  # type: ignore[return-value]
    if getattr(value, "__wrapped__", None) is not None:
        try:
            return ("wrapped", value("{0.__class__}"))
        except Exception as error:  # noqa: BLE001 - the refusal is the outcome
            return ("wrapped", type(error).__name__)
    return ("value", value)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_OBJECTS, _NAMES), min_size=1, max_size=30))
def test_the_sandbox_reads_attributes_as_jinjas_own_sandbox(reads: list[tuple[object, str]]) -> None:
    """Attribute reads in any order (so decided and undecided types, fields holding methods, missing names
    answered by `obj[name]`) give what Jinja's immutable sandbox gives, with its decisions made afresh each time."""
    ours = make_environment(ROOT / "templates")
    plain = ImmutableSandboxedEnvironment(undefined=StrictUndefined)
    for obj, name in reads:
        assert _outcome(ours.getattr(obj, name)) == _outcome(plain.getattr(obj, name)), (obj, name)


@dataclass(frozen=True)
class _Row:
    first: object
    second: object


class _Moment(dt.date):
    """A date of another type: converted by the general path, not the shortcut for `date` itself."""

    def isoformat(self) -> str:
        return "moment " + super().isoformat()


def _plain_json_value(value: object) -> object:
    """json_value written plainly: one call per value, whatever it is."""
    if type(value) in (str, int, bool, type(None)):
        return value
    if type(value) is float:
        return round(value, 4)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain_json_value(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain_json_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain_json_value(value[key]) for key in sorted(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


_JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=4), st.floats(allow_nan=False), st.dates(),
    st.datetimes(), st.dates().map(lambda d: _Moment(d.year, d.month, d.day)),
)
_JSON_VALUES = st.recursive(
    _JSON_LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.lists(inner, max_size=4).map(tuple), st.builds(_Row, inner, inner),
        st.dictionaries(st.text(max_size=3), inner, max_size=3),
    ),
    max_leaves=20,
)


@settings(max_examples=500, deadline=None)
@given(_JSON_VALUES)
def test_json_value_converts_as_one_call_per_value(value: object) -> None:
    """Floats and dates converted where they stand inside lists and dataclasses give what a call for each
    gives: the same values, keys and key order (a datetime and a subclass of date keep their own isoformat)."""
    expected = _plain_json_value(value)
    assert json.dumps(json_value(value)) == json.dumps(expected)


_CHART_TEXTS = st.text(st.sampled_from(["a", "-", " ", "&", "<", ">", '"', "'", "·", "é"]), max_size=6)
_CHART_NUMBERS = st.floats(allow_nan=False, allow_infinity=False, width=32)
_CHARTS = st.builds(
    BarChart, _CHART_NUMBERS, _CHART_NUMBERS, _CHART_TEXTS, _CHART_NUMBERS, _CHART_NUMBERS, _CHART_NUMBERS, _CHART_NUMBERS,
    _CHART_NUMBERS, _CHART_NUMBERS,
    st.lists(st.builds(Bar, _CHART_NUMBERS, _CHART_NUMBERS, _CHART_NUMBERS, _CHART_NUMBERS, _CHART_TEXTS, _CHART_NUMBERS,
                       _CHART_TEXTS, _CHART_TEXTS, _CHART_TEXTS), max_size=8).map(tuple),
    st.lists(st.builds(Tick, _CHART_NUMBERS, _CHART_NUMBERS, _CHART_TEXTS), max_size=3).map(tuple),
    st.lists(st.builds(LegendItem, _CHART_NUMBERS, _CHART_NUMBERS, _CHART_TEXTS, _CHART_TEXTS), max_size=3).map(tuple),
    st.lists(st.builds(RowLabel, _CHART_NUMBERS, _CHART_NUMBERS, _CHART_TEXTS, st.sampled_from(["start", "end"]),
                       st.one_of(st.just(""), _CHART_TEXTS)), max_size=8).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(_CHARTS, _CHART_TEXTS)
def test_chart_svg_prints_each_bar_and_row_label_with_its_own_class_escaped(chart: BarChart, id: str) -> None:
    """Classes are escaped once per chart and shared by the bars and labels that use them: each bar and
    each labelled row still gets its own class, escaped, in order."""
    drawn = chart_svg(chart, id)
    assert isinstance(drawn, Markup)
    bars = re.findall(r'<rect class="bar ([^"]*)" x="[^"]*" y="[^"]*" width="[^"]*" height="[^"]*" data-value=', drawn)
    assert bars == [str(escape(bar.css_class)) for bar in chart.bars]
    labels = re.findall(r'<text class="([^"]*)" x="[^"]*" y="[^"]*" text-anchor="[^"]*" dominant-baseline=', drawn)
    assert labels == [str(escape(label.css_class)) for label in chart.row_labels if label.css_class]
