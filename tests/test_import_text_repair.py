"""`digest import` and the text itself: encodings, mojibake, written dates, and scraped page furniture."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from generator.importer.cli import add_import_parser
from generator.importer.dates import read_date
from generator.importer.furniture import classify, remove_furniture
from generator.importer.textfix import repair_mojibake
from generator.yamlsafe import load_yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
LINES = load_yaml((FIXTURES / "furniture" / "lines.yaml").read_text(encoding="utf-8"))


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(FIXTURES / "content" / "outlets.yaml", folder / "outlets.yaml")
    return folder


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="digest")
    add_import_parser(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    return args.func(args)


def only_article(content: Path) -> tuple[dict, str]:
    [path] = (content / "articles").glob("*/*.md")
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return load_yaml(front), body


WINDOWS_ROWS = [
    ("Mayor’s plan for the quay", "2023-04-11", "The mayor’s plan – a new quay – was approved, said the council’s clerk, “after a long night”.", "valley-times"),
    ("Café on the pier reopens", "2023-04-12", "The café on the pier reopened on Wednesday with a new terrace and a menu of local fish.", "valley-times"),
]


def windows_csv(path: Path) -> Path:
    lines = ["headline,published,text,outlet"] + [",".join(f'"{cell}"' for cell in row) for row in WINDOWS_ROWS]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def test_windows_1252_csv_is_refused_with_the_encoding_it_looks_like(content: Path, tmp_path: Path, capsys) -> None:
    data = windows_csv(tmp_path / "legacy.csv")
    assert run_cli("import", str(data), "--content", str(content)) == 1
    err = capsys.readouterr().err
    assert "is not UTF-8 text" in err and "line 2" in err
    assert "cp125" in err and "a guess" in err and "--encoding" in err
    assert "cells but the header" not in err  # the old, misleading message
    assert not (content / "articles").exists()  # nothing half-imported


def test_encoding_option_reads_the_file(content: Path, tmp_path: Path, capsys) -> None:
    data = windows_csv(tmp_path / "legacy.csv")
    assert run_cli("import", str(data), "--content", str(content), "--encoding", "cp1252") == 0
    path = content / "articles" / "valley-times" / "2023-04-11-mayors-plan-quay.md"
    text = path.read_text(encoding="utf-8")
    assert "The mayor’s plan – a new quay – was approved" in text and "“after a long night”" in text


def test_unknown_encoding_name_is_a_usage_error(content: Path, tmp_path: Path, capsys) -> None:
    data = windows_csv(tmp_path / "legacy.csv")
    assert run_cli("import", str(data), "--content", str(content), "--encoding", "klingon-8") == 2


def test_non_utf8_text_file_gets_the_same_message(content: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("The café’s owner said the terrace would reopen in May.".encode("cp1252"))
    assert run_cli("import", str(path), "--content", str(content)) == 1
    assert "is not UTF-8 text" in capsys.readouterr().err


def test_mojibake_is_repaired_and_curly_quotes_are_kept() -> None:
    repaired = repair_mojibake("The mayorÃ¢â‚¬â„¢s “plan” and the cafÃ©")
    assert repaired.text == "The mayor’s “plan” and the café"
    assert "became 'mayor’s'" in repaired.example
    assert repair_mojibake("A “quoted” word — and a café").text == "A “quoted” word — and a café"  # nothing to repair


def test_mojibake_repair_is_noted_in_the_imported_line(content: Path, tmp_path: Path) -> None:
    path = tmp_path / "garbled.jsonl"
    path.write_text(json.dumps({"title": "Mayor VargaÃ¢â‚¬â„¢s budget passes", "date": "2023-04-05", "outlet": "valley-times",
                                "text": "The council approved Mayor VargaÃ¢â‚¬â„¢s budget, and the clerk said: “It is done.”"}) + "\n")
    assert run_cli("import", str(path), "--content", str(tmp_path / "content")) == 0
    meta, body = only_article(tmp_path / "content")
    assert meta["title"] == "Mayor Varga’s budget passes" and "Varga’s budget" in body and "“It is done.”" in body
    assert "repaired: mojibake in title" in meta["imported"] and "mojibake in body" in meta["imported"]


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("April 11, 2018", dt.date(2018, 4, 11)),
        ("11 April 2018", dt.date(2018, 4, 11)),
        ("Apr. 11, 2018", dt.date(2018, 4, 11)),
        ("2018/04/11", dt.date(2018, 4, 11)),
        ("2018-04-11T14:03:00Z", dt.date(2018, 4, 11)),
        ("2018-04-11T23:30:00-05:00", dt.date(2018, 4, 11)),  # the day as the source wrote it, not UTC
        ("Wednesday, April 11, 2018 2:03 PM EDT", dt.date(2018, 4, 11)),
        ("13/04/2018", dt.date(2018, 4, 13)),
        ("04/13/2018", dt.date(2018, 4, 13)),
    ],
)
def test_written_dates_are_read(written: str, date: dt.date) -> None:
    reading = read_date(written)
    assert reading is not None and reading.date == date


@pytest.mark.parametrize(("written", "why"), [("04/11/2018", "11 April 2018 or 4 November 2018"), ("11/04/18", "two-digit year"), ("April 2018", "no day")])
def test_unclear_dates_are_not_guessed(written: str, why: str) -> None:
    reading = read_date(written)
    assert reading is not None and reading.date is None and all(part in reading.unclear for part in why.split(" or "))


def test_ambiguous_date_becomes_a_placeholder_with_a_note(content: Path, tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"title": "Schools close early", "date": "04/11/2023", "outlet": "valley-times",
                                "text": "Schools in the valley will close an hour early on Thursday."}) + "\n")
    assert run_cli("import", str(path), "--content", str(content)) == 0
    meta, _ = only_article(content)
    assert meta["published"].startswith("TODO:") and "'04/11/2023'" in meta["published"] and "4 November 2023" in meta["published"]


@pytest.mark.parametrize(("kind", "line"), [(kind, line) for kind, lines in LINES["remove"].items() for line in lines])
def test_furniture_line_is_recognised(kind: str, line: str) -> None:
    assert classify(line) == kind


@pytest.mark.parametrize("line", LINES["keep"])
def test_near_miss_stays(line: str) -> None:
    assert classify(line) is None


def test_headline_list_after_a_label_and_bulleted_runs_are_removed() -> None:
    text = "\n".join([
        "The quay vote was delayed again on Monday.",
        "Related Coverage",
        "Council delays quay vote again",
        "Fishermen march against dredging plan",
        "The council will meet again on Friday.",
        "• Ferry fares to rise in June",
        "• New lighthouse keeper named",
        "• Harbour car park to close for repairs",
        "Nobody was hurt.",
    ])
    result = remove_furniture(text)
    assert result.text.split("\n") == ["The quay vote was delayed again on Monday.", "The council will meet again on Friday.", "Nobody was hurt."]
    assert [kind for kind, _ in result.removed] == ["related headlines"] * 6


def test_two_bulleted_facts_are_not_a_headline_list() -> None:
    text = "The storm caused:\n• Two bridges closed\n• Power cuts in four towns\nRepairs began on Tuesday."
    assert remove_furniture(text).removed == ()


def test_inline_slideshow_counter_and_leading_dateline_line() -> None:
    result = remove_furniture("LOWMOOR (Ledger Wire) -\nThe commissioner will retire. Slideshow (3 Images) She said so on Tuesday.")
    assert result.text == "The commissioner will retire. She said so on Tuesday."
    assert result.dateline == "LOWMOOR (Ledger Wire)"


def test_furniture_leaves_the_body_and_is_listed_for_the_editor(content: Path, tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("\n".join([
        "By Rosa Delgado, VALLEY TIMES",
        "The valley’s reservoir reached its lowest level in ten years on Monday, the water board said.",
        "FILE PHOTO: The dry bed of the reservoir near Merrow. REUTERS/Tomas Okafor",
        "The board asked households to use less water until the autumn rains.",
        "Read the rest here.",
    ]), encoding="utf-8")
    assert run_cli("import", str(path), "--content", str(content), "--outlet", "valley-times") == 0
    meta, body = only_article(content)
    assert "REUTERS" not in body and "Read the rest" not in body and "By Rosa" not in body
    assert body.count("\n\n") == 1  # two paragraphs of text remain
    assert 'photo caption "FILE PHOTO: The dry bed' in meta["imported"] and 'read-more link "Read the rest here."' in meta["imported"]
    assert "REUTERS" not in meta.get("notes", "")  # the public notes do not carry the outlet's removed text
    assert meta["author"] == "Rosa Delgado, VALLEY TIMES"


@pytest.mark.parametrize("text, encoding", [
    ("The café’s owner – not the mayor – said so.", "cp1252"),
    ("Café on the pier", "cp1252"),
    ("Zażółć gęślą jaźń, powiedział burmistrz miasta.", "cp1250"),
    ("Сегодня в городе открыли новый мост через реку.", "cp1251"),
    ("Ελληνικά κείμενα για τον καιρό σήμερα.", "cp1253"),
    ("日本語のテキストです。天気について。", "shift_jis"),
])
def test_the_encoding_named_first_is_the_common_one_the_bytes_fit(text: str, encoding: str) -> None:
    """Short texts fit many encodings; the guess names the widely used one, not a rare neighbour."""
    from generator.importer.decoding import guess_encoding

    assert guess_encoding(text.encode(encoding)) == encoding
