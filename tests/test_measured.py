"""Measured accuracy: the results files the benchmarks write and the method page reads."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator.measured import MeasurementError, load_all, load_measurement, measurement_json, parse_measurement


def sample(**changes) -> str:
    text = measurement_json(
        benchmark="Highlighter",
        dataset="BABE",
        dataset_citation="Spinde et al. 2021",
        date=dt.date(2026, 12, 6),
        command="python benchmarks/eval_highlighter.py --write-results",
        figures={"Precision": (0.5, "Share of marks that experts also marked."), "Highlights per 1,000 words": (24.3, "Density.")},
        per_group={"Reuters": {"precision": 0.2, "highlighted words": 80}},
    )
    data = json.loads(text)
    data.update(changes)
    return json.dumps(data)


def test_a_results_file_reads_back_as_frozen_figures_in_order() -> None:
    measurement = parse_measurement("highlighter", sample())
    assert [f.name for f in measurement.figures] == ["Precision", "Highlights per 1,000 words"]
    assert measurement.figure("Precision").value == 0.5
    assert measurement.figure("Precision").explanation.startswith("Share of marks")
    assert measurement.date == dt.date(2026, 12, 6)
    assert measurement.per_group[0].name == "Reuters" and measurement.per_group[0].figure("highlighted words") == 80
    with pytest.raises(AttributeError):
        measurement.benchmark = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": "6 December"}, "date must be YYYY-MM-DD"),
        ({"figures": {"Precision": "high"}}, "must be a finite number"),
        ({"explanations": {}}, "explanations must explain every figure"),
        ({"benchmark": ""}, "benchmark must be non-empty text"),
        ({"colour": "red"}, "unknown ['colour']"),
    ],
)
def test_a_malformed_results_file_is_refused_with_a_reason(changes: dict, message: str) -> None:
    with pytest.raises(MeasurementError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_measurement("highlighter", sample(**changes))


def test_a_missing_results_file_means_not_measured_yet() -> None:
    assert load_measurement("not-a-benchmark") is None
    slots = load_all()
    assert [slot.key for slot in slots] == ["highlighter", "attribution"]
    assert slots[0].measurement is not None and slots[0].title == "The framing highlighter"


def test_the_highlighter_results_are_kept_in_the_package() -> None:
    """The benchmark wrote them (never typed by hand): the figures agree with each other."""
    measurement = load_measurement("highlighter")
    assert measurement is not None
    precision, recall, f1 = (measurement.figure(name).value for name in ("Precision", "Recall", "F1"))
    assert f1 == pytest.approx(2 * precision * recall / (precision + recall), abs=0.002)
    assert measurement.command == "python benchmarks/eval_highlighter.py --write-results"
