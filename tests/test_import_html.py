"""`digest import` of saved web pages: invented news pages beside what must come out of them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.importer.outlets import load_outlet_rules
from generator.importer.run import ImportOptions, import_files
from generator.yamlsafe import load_yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
PAGES = sorted((FIXTURES / "html").glob("*.html"))


def import_page(page: Path, tmp_path: Path) -> tuple[Path, dict, str]:
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(FIXTURES / "content" / "outlets.yaml", content / "outlets.yaml")
    rules = load_outlet_rules(content / "outlets.yaml")[0]
    summary = import_files([(page, page.name)], ImportOptions(content=content, rules=rules), lambda outcome: None)
    assert summary.imported == 1
    [article] = (content / "articles").glob("*/*.md")
    _, front, body = article.read_text(encoding="utf-8").split("---\n", 2)
    return article.relative_to(content / "articles"), load_yaml(front), body


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_web_page_import(page: Path, tmp_path: Path) -> None:
    expected = load_yaml((page.parent / f"{page.stem}.expect.yaml").read_text(encoding="utf-8"))
    path, meta, body = import_page(page, tmp_path)
    assert path.as_posix() == expected["path"]
    for key, value in expected["fields"].items():
        assert meta[key] == value, key
    for phrase in expected.get("notes_contain", []):
        assert phrase in meta["notes"]
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    assert len(paragraphs) == len(expected["paragraphs"])
    for paragraph, start in zip(paragraphs, expected["paragraphs"]):
        assert paragraph.startswith(start)
    for boilerplate in expected["absent"]:
        assert boilerplate.lower() not in body.lower(), boilerplate
    assert meta["source_file"] == page.name and "saved web page" in meta["imported"]


def test_page_without_article_text_is_rejected(tmp_path: Path) -> None:
    page = tmp_path / "menu-only.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    content = tmp_path / "content"
    content.mkdir()
    outcomes = []
    summary = import_files([(page, "menu-only.html")], ImportOptions(content=content, rules=()), outcomes.append)
    assert summary.rejected == 1 and outcomes[0].message == "has no article text"
    assert not (content / "articles").exists()
