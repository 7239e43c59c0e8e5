"""The event JSON is written through data.plain_converter, a faster compare.plain: the values must be the same."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import NamedTuple

from generator.analysis.compare import compare_event, event_to_json, plain
from generator.analysis.rights import Rights
from generator.render.data import event_json, plain_converter
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


def test_the_converter_gives_what_plain_gives_for_every_kind_of_value() -> None:
    value = Outer(
        None,
        (Inner(1.234567, dt.date(2020, 1, 2), True), Inner(-0.00004, dt.date(1999, 12, 31), False)),
        {"b": (1.99999, Inner(2.0, dt.date(2001, 1, 1), True)), "a": [dt.date(2020, 5, 5)], "3": "three"},
        Pair(1, 2.345678),
        dt.datetime(2020, 1, 2, 3, 4, 5),
        [0.123456, 7.0],
    )
    expected = plain(value)
    assert plain_converter()(value) == expected
    assert json.dumps(plain_converter()(value)) == json.dumps(expected)  # same key order, same types
    assert expected["inner"][0]["score"] == 1.2346 and list(expected["table"]) == ["3", "a", "b"]


def test_event_json_is_event_to_json_with_restricted_sentences_left_out() -> None:
    comparison = compare_event(*three_outlet_event())
    assert comparison.numbers and comparison.distinctive and comparison.profile
    full = {slug: Rights("CC-BY-4.0", True) for column in comparison.columns for slug in (a.slug for a in column.articles)}
    assert json.dumps(event_json(comparison, full)) == json.dumps(event_to_json(comparison))
    restricted = {slug: Rights("All rights reserved", False) for slug in full}
    data = event_json(comparison, restricted)
    claims = [claim for row in data["numbers"] for claim in row["claims"]]
    assert claims and all(claim["sentence"] is None for claim in claims)
