"""`digest import` and hostile or broken input: one bad record is rejected and the rest imported;
characters that are not text never reach a page; imported text is never read as Markdown; an
article the build would refuse is refused at import."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.draft import markdown_body
from generator.importer.outlets import load_outlet_rules
from generator.importer.run import ImportOptions, Outcome, import_files
from generator.load import MAX_FILE_BYTES
from tests.import_helpers import rendered

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
GOOD = {"title": "Extra ferry on Fridays", "date": "2023-06-02", "outlet": "harbour-herald",
        "text": "The harbour ferry will run an extra evening crossing on Fridays through the summer, the operator said."}
OTHER = {"title": "Bridge repairs", "date": "2023-06-03", "outlet": "harbour-herald",
         "text": "Bridge repairs will close the east road for two nights next week, the council said on Friday."}


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(FIXTURES / "content" / "outlets.yaml", folder / "outlets.yaml")
    return folder


def run(content: Path, *files: Path) -> tuple[list[Outcome], object]:
    rules = load_outlet_rules(content / "outlets.yaml")[0]
    outcomes: list[Outcome] = []
    summary = import_files([(f, f.name) for f in files], ImportOptions(content=content, rules=rules), outcomes.append)
    return outcomes, summary


def rejected(outcomes: list[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if o.status == "rejected"]


def test_lone_surrogate_rejects_one_record_and_the_rest_imports(content: Path, tmp_path: Path) -> None:
    path = tmp_path / "surrogate.jsonl"
    bad = json.dumps({**GOOD, "title": "Broken \\ud800 title"}).replace("\\\\ud800", "\\ud800")
    path.write_text("\n".join([bad, json.dumps(OTHER)]) + "\n")
    outcomes, summary = run(content, path)
    assert (summary.imported, summary.rejected) == (1, 1)
    [bad_outcome] = rejected(outcomes)
    assert bad_outcome.where == "surrogate.jsonl:1" and "lone surrogate (U+D800)" in bad_outcome.message and "title" in bad_outcome.message


def test_deeply_nested_value_rejects_one_record_and_the_rest_imports(content: Path, tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    deep = '{"title": "x", "extra": ' + "[" * 200_000 + "]" * 200_000 + "}"
    path.write_text("\n".join([deep, json.dumps(GOOD), json.dumps(OTHER)]) + "\n")
    outcomes, summary = run(content, path)
    assert (summary.imported, summary.rejected) == (2, 1)
    assert rejected(outcomes)[0].where == "deep.jsonl:1" and "nested too deeply" in rejected(outcomes)[0].message


def test_deeply_nested_element_of_a_json_array_is_stepped_over(content: Path, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    deep = "[" * 200_000 + "]" * 200_000
    path.write_text("[\n" + json.dumps(GOOD) + ",\n" + deep + ",\n" + json.dumps(OTHER) + "\n]\n")
    outcomes, summary = run(content, path)
    assert (summary.imported, summary.rejected) == (2, 1)
    assert rejected(outcomes)[0].where == "deep.json:3"


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\ufffe", "\uffff"])
def test_control_character_in_a_record_rejects_it(char: str, content: Path, tmp_path: Path) -> None:
    path = tmp_path / "control.jsonl"
    path.write_text("\n".join([json.dumps({**GOOD, "text": GOOD["text"] + char + " More."}), json.dumps(OTHER)]) + "\n")
    outcomes, summary = run(content, path)
    assert (summary.imported, summary.rejected) == (1, 1)
    assert f"U+{ord(char):04X}" in rejected(outcomes)[0].message and "body (column 'text')" in rejected(outcomes)[0].message
    for article in (content / "articles").glob("*/*.md"):
        assert char not in article.read_text(encoding="utf-8")


def test_nul_in_csv_and_in_a_text_file_is_rejected(content: Path, tmp_path: Path) -> None:
    csv_path = tmp_path / "nul.csv"
    csv_path.write_text("title,published,text,outlet\nA,2023-06-02,Before\x00after the quay.,harbour-herald\nB,2023-06-03,\"" + OTHER["text"] + "\",harbour-herald\n")
    text_path = tmp_path / "nul.txt"
    text_path.write_text("The first line.\nA second line with a \x00 in it.\n")
    outcomes, summary = run(content, csv_path, text_path)
    assert (summary.imported, summary.rejected) == (1, 2)
    assert {o.where for o in rejected(outcomes)} == {"nul.csv:2", "nul.txt:2"}


def test_tab_and_newlines_are_text(content: Path, tmp_path: Path) -> None:
    path = tmp_path / "fine.jsonl"
    path.write_text(json.dumps({**GOOD, "text": GOOD["text"] + "\r\nA second\tparagraph."}) + "\n")
    _, summary = run(content, path)
    assert summary.imported == 1


HOSTILE = [
    "[phish](https://evil.example/login)",
    "![tracker](https://evil.example/pixel.png)",
    "<https://evil.example/auto>",
    "Some *emphasis*, __strong__ and `code` and a\\backslash.",
    "An entity &amp; and a number &#38; stay as written.",
    "[ref]: https://evil.example/definition",
    "# not a heading",
    "> not a quote",
    "- not a list",
    "1. not a numbered list",
    "***",
    "Trailing backslash \\",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_imported_text_renders_as_the_same_text(text: str) -> None:
    paragraphs, tags = rendered(markdown_body([text]))
    assert tags == [] and paragraphs == [text]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab 1.-*_`[]()<>!&#;:/\\|~=+>\"'“”")), min_size=1, max_size=40), min_size=1, max_size=3))
def test_any_punctuation_renders_literally(texts: list[str]) -> None:
    paragraphs = [" ".join(t.split()) for t in texts if t.strip()]
    if not paragraphs:
        return
    shown, tags = rendered(markdown_body(paragraphs))
    assert tags == [] and shown == paragraphs


def test_saved_page_link_text_stays_text(content: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    words = "The harbour authority said the ferry would run late on Fridays through the summer months. " * 4
    page.write_text(f"<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1><p>{words}</p>"
                    "<p>Log in at [phish](https://evil.example/login) to see the *new* timetable.</p></article></body></html>")
    _, summary = run(content, page)
    assert summary.imported == 1
    [article] = (content / "articles").glob("*/*.md")
    body = article.read_text(encoding="utf-8").split("---\n", 2)[2]
    paragraphs, tags = rendered(body)
    assert tags == [] and any("[phish](https://evil.example/login)" in p and "*new*" in p for p in paragraphs)


def test_article_over_the_build_limit_is_refused_at_import(content: Path, tmp_path: Path) -> None:
    sentence = "The harbour ferry will run an extra evening crossing on Fridays, the operator said. "
    huge = {**GOOD, "text": sentence * (MAX_FILE_BYTES // len(sentence) + 10)}
    path = tmp_path / "huge.jsonl"
    path.write_text("\n".join([json.dumps(huge), json.dumps(OTHER)]) + "\n")
    outcomes, summary = run(content, path)
    assert (summary.imported, summary.rejected) == (1, 1)
    assert "the build refuses files over" in rejected(outcomes)[0].message
    assert all(p.stat().st_size <= MAX_FILE_BYTES for p in (content / "articles").glob("*/*.md"))
