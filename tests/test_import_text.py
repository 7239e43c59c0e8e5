"""`digest import` of plain-text files: fixture inputs beside the expected article files."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.cli import add_import_parser
from generator.importer.draft import escape_block_start, slugify
from generator.importer.outlets import detect_outlet, load_outlet_rules
from generator.importer.paragraphs import LONG_PARAGRAPH, paragraphs_of, split_sentences
from generator.importer.plaintext import split_dateline, strip_footers
from generator.importer.run import ImportOptions, import_files
from generator.yamlsafe import load_yaml
from tests.import_helpers import rendered

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TEXTS = sorted((FIXTURES / "text").glob("*.txt"))
ARTICLE_KEYS = {"title", "outlet", "published", "event", "url", "author", "dateline", "incident_date",
                "language", "license", "source_file", "notes", "imported"}


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(FIXTURES / "content" / "outlets.yaml", folder / "outlets.yaml")
    return folder


@pytest.fixture()
def rules():
    return load_outlet_rules(FIXTURES / "content" / "outlets.yaml")[0]


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="digest")
    add_import_parser(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    return args.func(args)


def written(content: Path) -> list[Path]:
    return sorted((content / "articles").glob("*/*.md"))


@pytest.mark.parametrize("source", SEEDS + TEXTS, ids=lambda p: p.name)
def test_import_matches_expected_file(source: Path, content: Path, rules) -> None:
    shown = f"seeds/{source.name}" if source.parent.name == "seeds" else source.name
    expected_dir = FIXTURES / ("seeds" if source.parent.name == "seeds" else "text")
    summary = import_files([(source, shown)], ImportOptions(content=content, rules=rules), lambda outcome: None)
    assert summary.imported == 1
    [article] = written(content)
    expected_path = (expected_dir / f"{source.stem}.expected-path").read_text().strip()
    assert article.relative_to(content / "articles").as_posix() == expected_path
    assert article.read_text(encoding="utf-8") == (expected_dir / f"{source.stem}.expected.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("source", SEEDS, ids=lambda p: p.name)
def test_seed_import_keeps_every_word(source: Path, content: Path, rules) -> None:
    import_files([(source, source.name)], ImportOptions(content=content, rules=rules), lambda outcome: None)
    [article] = written(content)
    _, front, body = article.read_text(encoding="utf-8").split("---\n", 2)
    meta = load_yaml(front)
    assert set(meta) <= ARTICLE_KEYS
    original = source.read_text(encoding="utf-8")
    paragraphs, tags = rendered(body)
    assert tags == []  # paragraphs only: nothing in the text became a link, emphasis or a heading
    rebuilt = " ".join(paragraphs).strip()
    removed = [meta.get("dateline"), meta.get("author")]
    assert original.split() == [w for w in original.split() if w] and rebuilt  # sanity
    # Every word of the body is in the original, in order; only dateline, signature and footers left it.
    assert " ".join(rebuilt.split()) in " ".join(original.split())
    assert len(body.split("\n\n")) >= (5 if len(original) > 3000 else 3)
    for value in removed:
        if value:
            assert value in original and not body.startswith(value)


def test_real_outlets_table_detects_the_seeds() -> None:
    rules, problems = load_outlet_rules(ROOT / "content" / "outlets.yaml")
    assert problems == ()
    found = {path.name: detect_outlet(rules, path.read_text(encoding="utf-8")) for path in SEEDS}
    assert [d.outlet for d in found.values()] == ["mehr", "mehr", "afp"]
    assert found["003_3d7b85059a35045b.txt"].republished_by == "defensepost"


def test_wire_signature_alone_and_publisher_alone(rules) -> None:
    assert detect_outlet(rules, "A source told AFP on Monday.").outlet == "afp"
    only_source = detect_outlet(rules, "Text.\n\nSource » thedefensepost")
    assert (only_source.outlet, only_source.republished_by) == ("defensepost", None)
    nothing = detect_outlet(rules, "Plain words.")
    assert nothing.outlet is None and "no domain or signature" in nothing.reason


def test_domain_wins_over_a_signature_of_another_outlet(rules) -> None:
    detection = detect_outlet(rules, "© The Harbour Herald. All rights reserved.", "https://www.valleytimes.example/a/b")
    assert detection.outlet == "valley-times"


@pytest.mark.parametrize(
    ("text", "dateline", "rest"),
    [
        ("TEHRAN — Iran said", "TEHRAN", "Iran said"),
        ("TEHRAN – Iran said", "TEHRAN", "Iran said"),
        ("NEW YORK -- The city", "NEW YORK", "The city"),
        ("BAGHDAD, Jan 26 (AFP) — Rockets", "BAGHDAD, Jan 26 (AFP)", "Rockets"),
        ("U.S. — no", None, "U.S. — no"),
        ("Iran — said", None, "Iran — said"),
        ("The NATO summit — opened", None, "The NATO summit — opened"),
    ],
)
def test_dateline(text: str, dateline: str | None, rest: str) -> None:
    assert split_dateline(text) == (dateline, rest)


def test_signature_inside_a_sentence_stays_in_the_body() -> None:
    body, removed = strip_footers("A source told AFP that.\n\nSource » thedefensepost", ("told AFP", "Source » thedefensepost"))
    assert body == "A source told AFP that." and removed == ["Source » thedefensepost"]


def test_sentences_respect_abbreviations_quotes_and_attribution() -> None:
    text = ("U.S. Secretary of State Mike Pompeo spoke. “We lied. We cheated,” he said. "
            "“I will NEVER FORGET!” Trump tweeted on Friday. Gen. Salami replied at 7 p.m. Monday.")
    assert split_sentences(text) == [
        "U.S. Secretary of State Mike Pompeo spoke.",
        "“We lied. We cheated,” he said.",
        "“I will NEVER FORGET!” Trump tweeted on Friday.",
        "Gen. Salami replied at 7 p.m. Monday.",
    ]


def test_long_line_gets_paragraphs_short_blocks_stay() -> None:
    sentence = "The council met on Monday and talked about the harbour for a long time."
    text = " ".join([sentence] * 30)
    paragraphs = paragraphs_of(text)
    assert len(paragraphs) >= 10 and all(len(p) <= 3 * len(sentence) + 2 for p in paragraphs)
    assert paragraphs_of("One.\nTwo.") == ["One.", "Two."]
    assert paragraphs_of("One\nline.\n\nTwo.") == ["One line.", "Two."]


_WORDS = st.text(alphabet="abcdefgh UVW.“”!?,'\"-", min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=400))
def test_paragraph_split_never_changes_a_word(words: list[str]) -> None:
    text = " ".join(words)
    flat = " ".join(text.split())
    paragraphs = paragraphs_of(text)
    assert " ".join(paragraphs) == flat
    if len(flat) > LONG_PARAGRAPH and flat.count(". ") > 10:
        assert all(p.strip() for p in paragraphs)


def test_markdown_block_markers_are_escaped() -> None:
    assert escape_block_start("# 1 priority") == "\\# 1 priority"
    assert escape_block_start("1. The first") == "1\\. The first"
    assert escape_block_start("#hashtag") == "#hashtag"


def test_slugify() -> None:
    assert slugify("U.S. President Donald Trump, who still can’t get over") == "us-president-donald-trump-still-cant"
    assert slugify("¿?") == "article"


def test_cli_writes_then_skips_then_refuses_then_forces(content: Path, capsys) -> None:
    seed = str(SEEDS[0])
    assert run_cli("import", seed, "--content", str(content)) == 0
    assert "a person must fill in: title, published" in capsys.readouterr().out
    [article] = written(content)
    article.write_text(article.read_text() + "Edited by a person.\n")
    assert run_cli("import", seed, "--content", str(content)) == 0
    assert "duplicate: skipped: near-identical text" in capsys.readouterr().out
    assert article.read_text().endswith("Edited by a person.\n")
    head, body = article.read_text().rsplit("---\n", 1)
    article.write_text(head + "---\nA person replaced the whole text with something else entirely.\n")
    assert run_cli("import", seed, "--content", str(content)) == 1
    assert "exists with other text; not overwritten (pass --force" in capsys.readouterr().err
    assert run_cli("import", seed, "--content", str(content), "--force") == 0
    assert "something else entirely" not in article.read_text()
    assert len(written(content)) == 1


def test_cli_dry_run_writes_nothing(content: Path, capsys) -> None:
    assert run_cli("import", *map(str, SEEDS), "--content", str(content), "--dry-run") == 0
    assert not (content / "articles").exists()
    assert "would import 3" in capsys.readouterr().out


def test_cli_outlet_option_and_usage_errors(content: Path, capsys) -> None:
    text = FIXTURES / "text" / "unknown-outlet.txt"
    assert run_cli("import", str(text), "--content", str(content), "--outlet", "nowhere") == 2
    assert run_cli("import", str(text), "--content", str(content), "--map", "headline") == 2
    assert run_cli("import", str(text), "--content", str(content / "missing")) == 1
    assert run_cli("import", str(text), "--content", str(content), "--outlet", "harbour-herald") == 0
    assert [p.parent.name for p in written(content)] == ["harbour-herald"]
    capsys.readouterr()


def test_cli_missing_and_unknown_files_are_rejected(content: Path, tmp_path: Path, capsys) -> None:
    odd = tmp_path / "notes.docx"
    odd.write_text("x")
    assert run_cli("import", str(tmp_path / "nope.txt"), str(odd), "--content", str(content)) == 1
    err = capsys.readouterr().err
    assert "nope.txt: rejected: does not exist" in err and "unknown kind (.docx)" in err


def test_same_slug_in_another_outlet_gets_a_suffix(content: Path, rules) -> None:
    first = FIXTURES / "text" / "unknown-outlet.txt"
    options = ImportOptions(content=content, rules=rules, outlet="harbour-herald")
    import_files([(first, "a.txt")], options, lambda o: None)
    changed = content.parent / "b.txt"
    changed.write_text(first.read_text().replace("six", "seven, and another sailed at eight; the rest of the day was quiet"))
    other = ImportOptions(content=content, rules=rules, outlet="valley-times")
    summary = import_files([(changed, "b.txt")], other, lambda o: None)
    names = [p.name for p in written(content)]
    assert summary.imported == 1
    assert names == ["undated-harbour-authority-reopened-northern-pier-tuesday.md", "undated-harbour-authority-reopened-northern-pier-tuesday-2.md"]
