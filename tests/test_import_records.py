"""`digest import` of datasets (JSON Lines, CSV) and duplicate detection."""

from __future__ import annotations

import argparse
import io
import json
import shutil
from pathlib import Path

import pytest

from generator.importer.cli import ProgressLine, add_import_parser
from generator.importer.duplicates import DuplicateIndex, estimate_jaccard, normalise_url, sketch_of, words_of
from generator.importer.outlets import load_outlet_rules
from generator.importer.datasets import read_records
from generator.importer.dates import parse_date
from generator.importer.fields import ColumnMap, MapError, parse_column_map
from generator.importer.records import RecordSource
from generator.importer.run import ImportOptions, Outcome, import_files
from generator.yamlsafe import load_yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"
RECORDS = FIXTURES / "records"
MAPPING = "title=headline,published=date,body=text,url=link,outlet=source,author=byline"


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(FIXTURES / "content" / "outlets.yaml", folder / "outlets.yaml")
    return folder


def run_import(content: Path, *files: Path, mapping: str = MAPPING) -> tuple[list[Outcome], object]:
    rules = load_outlet_rules(content / "outlets.yaml")[0]
    options = ImportOptions(content=content, rules=rules, columns=parse_column_map(mapping))
    outcomes: list[Outcome] = []
    summary = import_files([(f, f.name) for f in files], options, outcomes.append)
    return outcomes, summary


@pytest.mark.parametrize("name", ["articles.jsonl", "articles.csv"])
def test_dataset_import_matches_expected_outcomes(name: str, content: Path) -> None:
    expected = load_yaml((RECORDS / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    outcomes, summary = run_import(content, RECORDS / name)
    assert {k: getattr(summary, k) for k in expected["summary"]} == expected["summary"]
    by_line = {int(o.where.rsplit(":", 1)[1]): o for o in outcomes}
    for line, path in expected["imported"].items():
        assert by_line[line].status == "imported"
        assert Path(by_line[line].path).relative_to(content / "articles").as_posix() == path
    for line, how in expected["duplicates"].items():
        assert by_line[line].status == "duplicate" and how in by_line[line].message
    for line, reason in expected["rejected"].items():
        assert by_line[line].status == "rejected" and reason in by_line[line].message, by_line[line]
    written = sorted(p.relative_to(content / "articles").as_posix() for p in (content / "articles").glob("*/*.md"))
    assert written == sorted(expected["imported"].values())


def test_dataset_fields_reach_front_matter(content: Path) -> None:
    run_import(content, RECORDS / "articles.jsonl")
    article = content / "articles" / "harbour-herald" / "2023-05-13-cyclists-ride-protected-lane.md"
    meta = load_yaml(article.read_text(encoding="utf-8").split("---\n")[1])
    assert meta["title"] == "Cyclists ride for a protected lane"
    assert str(meta["published"]) == "2023-05-13"  # the date part of 2023-05-13T18:20:00Z
    assert meta["url"] == "https://www.harbourherald.example/news/cyclists"
    assert "line 2" in meta["imported"]
    undated = load_yaml((content / "articles" / "mehr" / "undated-officials-opened-new-railway-station-east.md").read_text().split("---\n")[1])
    assert undated["title"].startswith("TODO:") and undated["published"].startswith("TODO:")
    assert undated["license"] == "CC BY 4.0" and undated["dateline"] == "TEHRAN, Mar. 3 (MNA)"


def test_default_mapping_uses_field_names(content: Path, tmp_path: Path) -> None:
    data = tmp_path / "plain.jsonl"
    data.write_text(json.dumps({"title": "Pier reopens", "published": "2024-01-02", "outlet": "harbour-herald",
                                "body": "The pier reopened on Tuesday after repairs that took three weeks to finish."}) + "\n")
    outcomes, summary = run_import(content, data, mapping="")
    assert summary.imported == 1
    assert (content / "articles" / "harbour-herald" / "2024-01-02-pier-reopens.md").is_file()


def test_second_run_skips_everything_as_duplicates(content: Path) -> None:
    run_import(content, RECORDS / "articles.jsonl")
    outcomes, summary = run_import(content, RECORDS / "articles.csv")
    assert summary.imported == 0 and summary.duplicates == 9


def test_imported_seed_is_a_duplicate_of_its_reviewed_version(content: Path, tmp_path: Path) -> None:
    seed = ROOT / "seeds" / "003_3d7b85059a35045b.txt"
    reviewed = content / "articles" / "afp" / "2020-01-26-rockets-hit-embassy.md"
    reviewed.parent.mkdir(parents=True)
    body = seed.read_text(encoding="utf-8").replace("Source » thedefensepost", "").replace("dinner time", "dinnertime")
    reviewed.write_text("---\ntitle: Rockets hit embassy\noutlet: afp\npublished: 2020-01-26\n---\n" + body, encoding="utf-8")
    outcomes, summary = run_import(content, seed)
    assert summary.duplicates == 1 and str(reviewed) in outcomes[0].message


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("", ()), ("title=headline, body=text", (("title", "headline"), ("body", "text")))],
)
def test_parse_column_map(spec: str, expected: tuple) -> None:
    assert parse_column_map(spec) == ColumnMap(expected)


@pytest.mark.parametrize("spec", ["headline", "colour=x", "title=", "title=a,title=b"])
def test_bad_column_map_is_a_usage_error(spec: str) -> None:
    with pytest.raises(MapError):
        parse_column_map(spec)


def test_parse_date() -> None:
    assert str(parse_date("2020-12-21")) == "2020-12-21"
    assert str(parse_date("2020-12-21T23:10:00Z")) == "2020-12-21"
    assert parse_date("") is None and parse_date(None) is None
    assert str(parse_date("21 December 2020")) == "2020-12-21"
    with pytest.raises(ValueError):
        parse_date("soon")


def test_url_normalisation() -> None:
    same = {
        normalise_url("https://www.example.com/a/b/"),
        normalise_url("http://example.com/a/b?utm_source=x&fbclid=1#top"),
        normalise_url("example.com/a/b"),
    }
    assert same == {"example.com/a/b"}
    assert normalise_url("https://example.com/a?id=2") != normalise_url("https://example.com/a?id=3")


def _article(seed: int, words: int = 300) -> str:
    vocabulary = [f"w{(seed * 7919 + i * 104729) % 5003}" for i in range(words)]
    return " ".join(vocabulary)


def test_near_duplicates_found_and_different_texts_not() -> None:
    index = DuplicateIndex()
    for number in range(300):
        index.add(f"doc{number}", None, _article(number))
    original = _article(42).split()
    edited = " ".join(original[:150] + ["changed"] + original[151:])  # one word of 300: Jaccard about 0.97
    match = index.find(None, edited)
    assert match is not None and match.of == "doc42" and match.how == "near-identical text"
    halved = " ".join(original[:150] + _article(999).split()[:150])  # half the text: Jaccard about 0.33
    assert index.find(None, halved) is None
    assert index.find(None, _article(7)).how == "same text"


def test_jaccard_estimate_is_close_to_the_truth() -> None:
    first = _article(1, 2000).split()
    second = first[:1800] + _article(2, 200).split()
    shingles = [set(zip(*(w[i:] for i in range(5)))) for w in (first, second)]
    truth = len(shingles[0] & shingles[1]) / len(shingles[0] | shingles[1])
    vocabulary: dict[str, int] = {}  # sketches compare only when made with one vocabulary
    estimate = estimate_jaccard(sketch_of(words_of(" ".join(first)), vocabulary), sketch_of(words_of(" ".join(second)), vocabulary))
    assert abs(estimate - truth) < 0.12


def test_cli_prints_summary_and_rejections_with_line_numbers(content: Path, capsys) -> None:
    parser = argparse.ArgumentParser()
    add_import_parser(parser.add_subparsers())
    args = parser.parse_args(["import", str(RECORDS / "articles.jsonl"), "--content", str(content), "--map", MAPPING])
    assert args.func(args) == 1
    captured = capsys.readouterr()
    assert "imported 7, skipped as duplicates 2, not overwritten 0, rejected 4" in captured.out
    assert "articles.jsonl:13: rejected: published (column 'date'): 'next week' is not a date" in captured.err
    assert "articles.jsonl:10: drafted outlet 'coastline-courier' (Coastline Courier (Online))" in captured.out
    assert "articles.jsonl:6: duplicate: skipped: near-identical text" in captured.out
    assert "\r" not in captured.err  # no progress line when stderr is not a terminal


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_only_on_a_terminal() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        progress = ProgressLine(stream)
        for number in range(1, 101):
            progress.update("data.jsonl", number / 100)
        progress.clear()
    assert "\rdata.jsonl: 100 item(s), 100%" in terminal.getvalue() and "50 item(s), 50%" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_records_are_read_lazily(tmp_path: Path) -> None:
    data = tmp_path / "big.jsonl"
    data.write_text("".join(json.dumps({"body": f"Text number {i} about the harbour and the ferry."}) + "\n" for i in range(20000)))
    reader = read_records(data, RecordSource("big.jsonl", ()))
    first, done = next(reader)
    assert first.record == "1" and 0 < done < 0.1  # one chunk read, not the whole file
