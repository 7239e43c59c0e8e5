"""The one JSON converter (`render.data.json_value`) and the event JSON written with it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from generator.analysis.rights import Rights
from generator.compare.event import compare_event
from generator.render.data import event_json, json_value
from tests.compare_builders import three_outlet_event


@dataclass(frozen=True)
class Inner:
    score: float
    when: dt.date
    flag: bool


class Pair(NamedTuple):
    left: int
    right: float


@dataclass(frozen=True)
class Outer:
    name: str | None
    inner: tuple[Inner, ...]
    table: dict
    pair: Pair
    moment: dt.datetime
    floats: list[float]


def test_every_kind_of_value_becomes_its_json_value() -> None:
    value = Outer(
        None,
        (Inner(1.234567, dt.date(2020, 1, 2), True), Inner(-0.00004, dt.date(1999, 12, 31), False)),
        {"b": (1.99999, Inner(2.0, dt.date(2001, 1, 1), True)), "a": [dt.date(2020, 5, 5)], "3": "three"},
        Pair(1, 2.345678),
        dt.datetime(2020, 1, 2, 3, 4, 5),
        [0.123456, 7.0],
    )
    assert json_value(value) == {
        "name": None,
        "inner": [{"score": 1.2346, "when": "2020-01-02", "flag": True}, {"score": -0.0, "when": "1999-12-31", "flag": False}],
        "table": {"3": "three", "a": ["2020-05-05"], "b": [2.0, {"score": 2.0, "when": "2001-01-01", "flag": True}]},
        "pair": [1, 2.3457],
        "moment": "2020-01-02T03:04:05",
        "floats": [0.1235, 7.0],
    }
    assert list(json_value(value)) == ["name", "inner", "table", "pair", "moment", "floats"]  # the dataclass's field order
    assert list(json_value(value)["table"]) == ["3", "a", "b"]  # mappings by sorted key


def test_event_json_leaves_out_the_sentences_of_restricted_articles() -> None:
    comparison = compare_event(*three_outlet_event())
    assert comparison.numbers and comparison.distinctive and comparison.profile
    full = {slug: Rights("CC-BY-4.0", True) for column in comparison.columns for slug in (a.slug for a in column.articles)}
    data = event_json(comparison, full)
    assert data["schema"] == "framing-digest/event-comparison" and data["event"] == comparison.event
    assert all(claim["sentence"] for row in data["numbers"] for claim in row["claims"])
    restricted = {slug: Rights("All rights reserved", False) for slug in full}
    data = event_json(comparison, restricted)
    claims = [claim for row in data["numbers"] for claim in row["claims"]]
    assert claims and all(claim["sentence"] is None for claim in claims)
