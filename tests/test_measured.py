"""Measured accuracy: the results files the benchmarks write and the method page reads."""

from __future__ import annotations

import datetime as dt
import json
import sys

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


def sides_module():
    """benchmarks/highlighter_sides.py, loaded by path (benchmarks/ is not a package)."""
    import importlib.util
    import pathlib

    path = pathlib.Path(__file__).resolve().parent.parent / "benchmarks" / "highlighter_sides.py"
    spec = importlib.util.spec_from_file_location("highlighter_sides", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up while the class is built
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


def test_precision_at_equal_base_rates_removes_what_the_annotators_marked() -> None:
    """Two outlets whose highlights behave alike in sentences of each kind, one with few sentences judged biased:
    raw precision differs widely, precision at equal base rates does not."""
    sides = sides_module()
    Record = sides.Record

    def outlet(name: str, biased: int, neutral: int) -> list:
        # In a Biased sentence with two marked words: 2 highlighted, 1 right. In a Non-biased one: 1 highlighted, 0 right.
        return [Record(name, "Biased", 2, 1, 2, 20)] * biased + [Record(name, "Non-biased", 1, 0, 0, 20)] * neutral

    wire, partisan = outlet("Wire", 10, 90), outlet("Partisan", 90, 10)
    everything = wire + partisan
    mix = sides.label_mix(everything)
    raw_wire, raw_partisan = sides.score_group("Wire", wire, mix), sides.score_group("Partisan", partisan, mix)
    assert raw_wire.precision == pytest.approx(10 / 110) and raw_partisan.precision == pytest.approx(90 / 190)
    assert raw_wire.precision_equal_base == pytest.approx(raw_partisan.precision_equal_base)
    assert raw_wire.precision_equal_base == pytest.approx(sides.score_group("all", everything, mix).precision)
    assert raw_wire.false_alarms == pytest.approx(5.0)
    # A group that really errs more (a wrong word in every Biased sentence) scores lower at equal base rates.
    worse = [Record("Worse", "Biased", 3, 1, 2, 20)] * 90 + [Record("Worse", "Non-biased", 1, 0, 0, 20)] * 10
    assert sides.score_group("Worse", worse, mix).precision_equal_base < raw_partisan.precision_equal_base


def test_outlet_sides_come_from_the_one_type_each_outlet_carries() -> None:
    sides = sides_module()
    rows = [
        {"outlet": "A", "type": "left"}, {"outlet": "A", "type": ""}, {"outlet": "B", "type": "right"},
        {"outlet": "C", "type": ""}, {"outlet": "D", "type": "left"}, {"outlet": "D", "type": "center"},
    ]
    assert sides.outlet_sides(rows) == {"A": "left", "B": "right"}


def test_the_highlighter_results_compare_the_sides() -> None:
    """The results file has a row per side at equal base rates, and its widest gap is what those rows show."""
    measurement = load_measurement("highlighter")
    assert measurement is not None
    rows = [group for group in measurement.per_group if group.name.split(" ")[0] in ("Left", "Center", "Right")]
    assert [row.name.split(" ")[0] for row in rows] == ["Left", "Center", "Right"]
    overall = measurement.figure("Precision").value
    widest = max(abs(row.figure("precision at equal base rates") - overall) for row in rows)
    assert measurement.figure("Widest gap between sides").value == pytest.approx(widest, abs=0.002)
