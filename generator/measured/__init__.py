"""Measured accuracy of the analysers, as the benchmarks wrote it: read here, shown on the method page.

Each benchmark that measures an analyser on public annotated data writes one JSON
file into this folder (it is package data, installed with the generator), and the
repository keeps it, so the figures a reader sees are never typed by hand:

- `highlighter.json`, by `benchmarks/eval_highlighter.py --write-results` (BABE);
- `attribution.json`, by `benchmarks/eval_attribution.py` (PolNeAR).

Every file has one shape:

    {"benchmark": "...", "dataset": "...", "dataset_citation": "...", "date": "YYYY-MM-DD",
     "command": "...", "figures": {name: number}, "explanations": {name: plain words},
     "per_group": {group: {name: number}}, "counts": {...} (optional)}

`figures` keeps its order (the page shows it as written); every figure needs an
explanation. A file that is missing is not an error: the page then says the
analyser is not measured yet. A file that is present but malformed raises
`MeasurementError`, since showing half a result would be a wrong claim.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

KNOWN = (("highlighter", "The framing highlighter"), ("attribution", "Quotation attribution"))
"""The results files the method page shows, in its order, with what each measures."""

_KEYS = ("benchmark", "dataset", "dataset_citation", "date", "command", "figures", "explanations", "per_group")
_OPTIONAL = ("counts",)
"""The raw counts behind the figures, for anyone checking them; not shown on the page."""


class MeasurementError(ValueError):
    """A results file exists but does not have the shape above."""


@dataclass(frozen=True)
class Figure:
    """One measured number and what it means in plain words."""

    name: str
    value: float | int
    explanation: str


@dataclass(frozen=True)
class Group:
    """The figures of one part of the data (an outlet, a publisher, a half of the data set)."""

    name: str
    figures: tuple[tuple[str, float | int], ...]

    def figure(self, name: str) -> float | int | None:
        return dict(self.figures).get(name)


@dataclass(frozen=True)
class Measurement:
    """One benchmark's results: what was measured, on which data, when, with which command."""

    key: str
    benchmark: str
    dataset: str
    dataset_citation: str
    date: dt.date
    command: str
    figures: tuple[Figure, ...]
    per_group: tuple[Group, ...] = ()

    def figure(self, name: str) -> Figure | None:
        return next((f for f in self.figures if f.name == name), None)


def load_measurement(key: str) -> Measurement | None:
    """The results file `<key>.json` of this package, or None when it has not been written yet."""
    try:
        text = resources.files(__name__).joinpath(f"{key}.json").read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return None
    return parse_measurement(key, text)


@dataclass(frozen=True)
class Slot:
    """One analyser the method page reports on, and its results if they have been measured."""

    key: str
    title: str
    measurement: Measurement | None


def load_all() -> tuple[Slot, ...]:
    """Every known results file, in the page's order; a slot without a measurement says "not measured yet"."""
    return tuple(Slot(key, title, load_measurement(key)) for key, title in KNOWN)


def parse_measurement(key: str, text: str) -> Measurement:
    """Check a results file's shape and turn it into a frozen `Measurement`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise MeasurementError(f"{key}.json: not JSON: {error}") from None
    if not isinstance(data, dict):
        raise MeasurementError(f"{key}.json: must be an object with {', '.join(_KEYS)}")
    missing = [name for name in _KEYS if name not in data]
    unknown = [name for name in data if name not in _KEYS and name not in _OPTIONAL]
    if missing or unknown:
        raise MeasurementError(f"{key}.json: missing {missing or 'nothing'}, unknown {unknown or 'nothing'}")
    texts = {name: data[name] for name in ("benchmark", "dataset", "dataset_citation", "command", "date")}
    for name, value in texts.items():
        if not isinstance(value, str) or not value.strip():
            raise MeasurementError(f"{key}.json: {name} must be non-empty text")
    try:
        date = dt.date.fromisoformat(texts["date"])
    except ValueError:
        raise MeasurementError(f"{key}.json: date must be YYYY-MM-DD, not {texts['date']!r}") from None
    figures = _numbers(key, "figures", data["figures"])
    explanations = data["explanations"]
    if not isinstance(explanations, dict) or set(explanations) != {name for name, _ in figures}:
        raise MeasurementError(f"{key}.json: explanations must explain every figure, and only those")
    if not all(isinstance(v, str) and v.strip() for v in explanations.values()):
        raise MeasurementError(f"{key}.json: every explanation must be non-empty text")
    groups = data["per_group"]
    if not isinstance(groups, dict):
        raise MeasurementError(f"{key}.json: per_group must map a group's name to its figures")
    return Measurement(
        key=key,
        benchmark=texts["benchmark"],
        dataset=texts["dataset"],
        dataset_citation=texts["dataset_citation"],
        date=date,
        command=texts["command"],
        figures=tuple(Figure(name, value, explanations[name]) for name, value in figures),
        per_group=tuple(Group(str(name), _numbers(key, f"per_group.{name}", value)) for name, value in groups.items()),
    )


def _numbers(key: str, where: str, value: Any) -> tuple[tuple[str, float | int], ...]:
    if not isinstance(value, dict):
        raise MeasurementError(f"{key}.json: {where} must map names to numbers")
    for name, number in value.items():
        if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number):
            raise MeasurementError(f"{key}.json: {where}.{name} must be a finite number, not {number!r}")
    return tuple((str(name), number) for name, number in value.items())


def measurement_json(
    benchmark: str,
    dataset: str,
    dataset_citation: str,
    date: dt.date,
    command: str,
    figures: Mapping[str, tuple[float | int, str]],
    per_group: Mapping[str, Mapping[str, float | int]],
) -> str:
    """The text of a results file, for a benchmark to write: figures as name -> (value, explanation)."""
    data = {
        "benchmark": benchmark,
        "dataset": dataset,
        "dataset_citation": dataset_citation,
        "date": date.isoformat(),
        "command": command,
        "figures": {name: value for name, (value, _) in figures.items()},
        "explanations": {name: words for name, (_, words) in figures.items()},
        "per_group": {name: dict(values) for name, values in per_group.items()},
    }
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    parse_measurement("new", text)  # never write a file the page could not read
    return text
