"""`digest import` of real-world dataset shapes: JSON documents, folders, known field names, and a
research-style folder of JSON files from unknown outlets imported and built end to end."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from generator.importer.cli import add_import_parser
from generator.importer.fields import ColumnMap, parse_column_map, resolve
from generator.importer.outlets import load_outlet_rules
from generator.importer.run import ImportOptions, Outcome, import_files
from generator.yamlsafe import load_yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"
RESEARCH = FIXTURES / "datasets" / "research"
TEXT = (
    "The harbour ferry will run an extra evening crossing on Fridays through the summer, the operator said, "
    "after complaints that the last boat left too early for people working late shifts."
)


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(FIXTURES / "content" / "outlets.yaml", folder / "outlets.yaml")
    return folder


def run(content: Path, *files: Path, mapping: str = "") -> tuple[list[Outcome], object]:
    rules = load_outlet_rules(content / "outlets.yaml")[0]
    options = ImportOptions(content=content, rules=rules, columns=parse_column_map(mapping))
    outcomes: list[Outcome] = []
    summary = import_files([(f, f.name) for f in files], options, outcomes.append)
    return outcomes, summary


def front(path: Path) -> dict:
    return load_yaml(path.read_text(encoding="utf-8").split("---\n")[1])


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="digest")
    add_import_parser(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    return args.func(args)


def record(title: str, text: str = TEXT, **extra: object) -> dict:
    return {"title": title, "date": "2023-06-02", "text": text, "outlet": "harbour-herald", **extra}


@pytest.mark.parametrize(
    ("shape", "expected"),
    [
        ("object", 1),
        ("array", 2),
        ("sequence", 2),
        ("wrapped", 2),
    ],
)
def test_json_document_shapes(shape: str, expected: int, content: Path, tmp_path: Path) -> None:
    first, second = record("Extra ferry on Fridays"), record("Ferry timetable changes", TEXT.replace("Fridays", "Saturdays") + " Tickets cost the same.")
    data = {
        "object": json.dumps(first, indent=2),
        "array": json.dumps([first, second], indent=2),
        "sequence": json.dumps(first, indent=2) + "\n" + json.dumps(second, indent=2),
        "wrapped": json.dumps({"status": "ok", "articles": [first, second]}, indent=2),
    }[shape]
    path = tmp_path / f"{shape}.json"
    path.write_text(data, encoding="utf-8")
    outcomes, summary = run(content, path)
    assert (summary.imported, summary.rejected) == (expected, 0), outcomes
    assert len(list((content / "articles" / "harbour-herald").glob("*.md"))) == expected


def test_array_records_are_named_by_line_and_a_bad_one_is_skipped(content: Path, tmp_path: Path) -> None:
    path = tmp_path / "three.json"
    path.write_text(json.dumps([record("First"), ["not", "an", "object"], record("Third", "Bridge repairs will close the east road for two nights next week, the council said on Friday.")], indent=2))
    outcomes, summary = run(content, path)
    assert (summary.imported, summary.rejected) == (2, 1)
    rejected = [o for o in outcomes if o.status == "rejected"][0]
    assert rejected.where == "three.json:8" and "not a JSON object" in rejected.message


def test_pretty_printed_json_named_jsonl_is_read_as_one_document(content: Path, tmp_path: Path) -> None:
    path = tmp_path / "renamed.jsonl"
    path.write_text(json.dumps(record("Extra ferry on Fridays"), indent=2), encoding="utf-8")
    outcomes, summary = run(content, path)
    assert (summary.imported, summary.rejected) == (1, 0), outcomes  # not one "Extra data" error per line


def test_tsv_and_semicolon_csv(content: Path, tmp_path: Path) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text("headline\tpublished\ttext\toutlet\nFerry on Fridays\t2023-06-02\t" + TEXT + "\tharbour-herald\n")
    semicolon = tmp_path / "b.csv"
    semicolon.write_text("headline;published;text;outlet\nBridge repairs;2023-06-03;The bridge reopens on Monday after repairs to its deck.;valley-times\n")
    _, summary = run(content, tsv, semicolon)
    assert (summary.imported, summary.rejected) == (2, 0)


def test_folder_imports_every_file_in_it_and_its_subfolders(content: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "dump"
    (folder / "2023" / "june").mkdir(parents=True)
    (folder / "2023" / "june" / "a.json").write_text(json.dumps(record("Extra ferry on Fridays")))
    (folder / "b.jsonl").write_text(json.dumps(record("Bridge repairs", "The bridge reopens on Monday after repairs to its deck and railings.")) + "\n")
    (folder / "README.md").write_text("about this dump")
    (folder / ".hidden.json").write_text("{}")
    assert run_cli("import", str(folder), "--content", str(content)) == 0
    out = capsys.readouterr().out
    assert "imported 2," in out and "README.md: left out" in out and ".hidden" not in out


def test_news_please_fields_need_no_map(content: Path, tmp_path: Path) -> None:
    path = tmp_path / "newsplease.jsonl"
    item = {
        "title": "Lowmoor council approves harbour budget",
        "maintext": "The council of Lowmoor approved the harbour budget on Tuesday by nine votes to two, after a debate of four hours.",
        "date_publish": "2023-04-11 14:03:00",
        "date_download": "2023-04-20 08:00:00",
        "url": "https://www.harbourherald.example/news/budget",
        "source_domain": "www.harbourherald.example",
        "authors": ["Lena Ortiz", "Sam Achebe"],
        "language": "en",
        "description": "A short summary that is not the text.",
    }
    path.write_text(json.dumps(item) + "\n")
    outcomes, summary = run(content, path)
    assert summary.imported == 1, outcomes
    meta = front(content / "articles" / "harbour-herald" / "2023-04-11-lowmoor-council-approves-harbour-budget.md")
    assert meta["author"] == "Lena Ortiz, Sam Achebe" and meta["language"] == "en" and str(meta["published"]) == "2023-04-11"
    used = dict(summary.fields_used)
    assert used[("body", "maintext")] == 1 and used[("published", "date_publish")] == 1 and used[("outlet", "source_domain")] == 1


def test_research_format_prefers_the_published_text_and_map_overrides() -> None:
    item = {"content_original": "As published, with “curly” quotes.", "content": "as published with curly quotes", "date": "2023-04-11"}
    assert resolve(item, ColumnMap())["body"] == ("content_original", item["content_original"])
    assert resolve(item, parse_column_map("body=content"))["body"] == ("content", item["content"])
    assert resolve({"headline": "H", "link": "https://x.example/a", "byline": "B", "publisher": "P"}, ColumnMap()).keys() == {"title", "url", "author", "outlet"}


def test_summary_says_which_column_fed_which_field(content: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"headline": "Extra ferry on Fridays", "published": "2023-06-02", "article": TEXT, "publisher": "harbour-herald"}))
    assert run_cli("import", str(path), "--content", str(content)) == 0
    out = capsys.readouterr().out
    assert "dataset fields: title <- 'headline', published <- 'published', body <- 'article', outlet <- 'publisher'" in out


def test_research_folder_imports_with_one_command_and_builds(tmp_path: Path, capsys) -> None:
    """The issue's case: a folder of JSON files from outlets not in outlets.yaml, no --map."""
    from generator.cli import main

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("articles", "events", "corrections"))
    before = (content / "outlets.yaml").read_text(encoding="utf-8")
    assert main(["import", str(RESEARCH), "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert "imported 6, skipped as duplicates 0, not overwritten 0, rejected 0" in out
    after = (content / "outlets.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # the person's file, comments and order included, is untouched
    outlets = load_yaml(after)
    assert {"coastline-courier", "eastbridge-ledger", "valley-post", "lowmoor-gazette"} <= set(outlets)
    assert outlets["coastline-courier"]["detect"]["domains"] == ["coastlinecourier.example"]
    assert outlets["valley-post"]["country"].startswith("TODO:")
    assert main(["check", "--content", str(content)]) == 1
    checked = capsys.readouterr()
    assert "is still a placeholder in outlet 'valley-post'" in checked.err + checked.out
    site = tmp_path / "site"
    assert main(["build", "--content", str(content), "--out", str(site), "--allow-placeholders", "--no-cache", "--quiet"]) == 0
    page = (site / "articles" / "harbour-chief-ada-brennick-retire-port.html").read_text(encoding="utf-8")
    assert "Harbour chief Ada Brennick will retire" in page and "REUTERS/Tomas" not in page and "Related Coverage" not in page
    undated = (site / "articles" / "mayor-vargas-budget-passes.html").read_text(encoding="utf-8")
    assert "placeholder-warning" in undated and "Varga’s" in undated and "Ã" not in undated
