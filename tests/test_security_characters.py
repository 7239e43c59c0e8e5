"""Issue #21, 7: characters that are not text (C0 controls but tab and newline, U+FFFE, U+FFFF, lone
surrogates) are refused in every field of every content file, as `path:line: field: message`. A vertical
tab in a title made feed.xml malformed XML; a NUL reached an HTML page. And every XML file a build writes
is well-formed, whatever text (that is text) the content holds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.security_support import article_path, bundle, digest, user, write_site_yaml  # noqa: F401 - fixtures

NOT_TEXT = {  # as written in a YAML double-quoted string, and the code point it makes
    "vertical tab": ("\\v", "U+000B"), "start of heading": ("\\x01", "U+0001"), "NUL": ("\\0", "U+0000"),
    "escape": ("\\e", "U+001B"), "carriage return": ("\\r", "U+000D"), "noncharacter FFFE": ("\\uFFFE", "U+FFFE"),
    "noncharacter FFFF": ("\\uFFFF", "U+FFFF"),
}


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the line starting with `old` by `new`; its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(old))
    lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def build(content: Path, out: Path):
    return digest("build", "--content", content, "--out", out, "--no-cache")


@pytest.mark.parametrize("name", sorted(NOT_TEXT))
def test_a_title_with_a_character_that_is_not_text_is_refused(bundle: Path, tmp_path: Path, name: str) -> None:
    escape, code = NOT_TEXT[name]
    line = replace_line(article_path(bundle), "title:", f'title: "Regime blamed{escape} for harbour fire"')
    run = build(bundle, tmp_path / "site")
    assert run.code == 1, run.said
    assert f"bundle/content/articles/alpha/2021-03-02-harbour-fire.md:{line}: title: contains {code} " in run.err, run.err
    assert "which is not text" in run.err
    assert not (tmp_path / "site").exists()


FIELDS = {  # file, the line to replace, the new line, the field named in the message
    "article author": ("articles/alpha/2021-03-02-harbour-fire.md", "incident_date:", 'incident_date: 2021-03-01\nauthor: "Jane\\x1fDoe"', "author"),
    "article notes": ("articles/alpha/2021-03-02-harbour-fire.md", "incident_date:", 'incident_date: 2021-03-01\nnotes: "Checked.\\fSee above."', "notes"),
    "outlet name": ("outlets.yaml", "  name: Alpha Agency", '  name: "Alpha\\x07Agency"', "name"),
    "site title": ("site.yaml", "title:", 'title: "Test\\x0bDigest"', "title"),
    "event title": ("events/harbour-fire.md", "title:", 'title: "Fire at the harbour\\0"', "title"),
    "event actor alias": ("events/harbour-fire.md", "tags:", 'tags: [fire]\nactors:\n  - {name: Jane Roe, aliases: ["Mayor\\x1bRoe"]}', "aliases"),
    "a key": ("outlets.yaml", "  country: Testland", '  "coun\\x0etry": Testland', "coun\\x0etry"),
}


@pytest.mark.parametrize("which", sorted(FIELDS))
def test_every_field_of_every_file_is_checked(bundle: Path, tmp_path: Path, which: str) -> None:
    name, old, new, field = FIELDS[which]
    line = replace_line(bundle / name, old, new) + new.count("\n")
    run = build(bundle, tmp_path / "site")
    assert run.code == 1, run.said
    assert re.search(rf"bundle/content/{re.escape(name)}:{line}: {re.escape(field)}: (the key )?contains U\+00[01][0-9A-F] ", run.err), run.err
    assert not (tmp_path / "site").exists()


def test_a_lone_surrogate_is_refused(bundle: Path, tmp_path: Path) -> None:
    """YAML refuses to make one (its escape is a syntax error there); the check refuses it in any parsed value."""
    from generator.validate.characters import value_problems

    line = replace_line(article_path(bundle), "title:", 'title: "Regime blamed\\uD800 for harbour fire"')
    run = build(bundle, tmp_path / "site")
    assert run.code == 1 and f"2021-03-02-harbour-fire.md:{line}: front matter: " in run.err, run.said
    [problem] = value_problems("a.md", {"title": "Regime\ud800"})
    assert (problem.field, problem.message[:24]) == ("title", "contains U+D800 (a lone ")


def test_a_lexicon_value_with_a_control_character_is_refused(bundle: Path, tmp_path: Path) -> None:
    labels = bundle / "lexicon" / "labels.yaml"
    labels.write_text(labels.read_text(encoding="utf-8").replace('note: "Casts a government', 'note: "\\x02Casts a government', 1), encoding="utf-8")
    run = build(bundle, tmp_path / "site")
    assert run.code == 1, run.said
    assert re.search(r"lexicon/labels\.yaml:5: note: contains U\+0002 ", run.err), run.err


@pytest.mark.parametrize(("raw", "code"), [("\x0b", "U+000B"), ("\x01", "U+0001"), ("\x1b", "U+001B"), ("\ufffe", "U+FFFE")])
def test_a_body_with_a_character_that_is_not_text_is_refused_at_its_line(bundle: Path, tmp_path: Path, raw: str, code: str) -> None:
    article = article_path(bundle)
    article.write_text(article.read_text(encoding="utf-8").replace("Firefighters said", f"Firefighters{raw} said"), encoding="utf-8")
    line = article.read_text(encoding="utf-8").split("\n").index(f"Firefighters{raw} said eight boats were destroyed.") + 1
    run = build(bundle, tmp_path / "site")
    assert run.code == 1, run.said
    assert f"bundle/content/articles/alpha/2021-03-02-harbour-fire.md:{line}: body: contains {code} " in run.err, run.err


UNUSUAL_TEXT = "Tab\there, DEL\x7f, NEL\x85, line\u2028separator, \u202eright-to-left\u202c, noncharacter \ufdd0, emoji \U0001f525, e\u0301"
"""All of it text (XML 1.0 allows it), if unusual: accepted, and written into well-formed XML."""


def test_every_xml_file_is_well_formed_whatever_text_the_content_holds(bundle: Path, tmp_path: Path) -> None:
    quoted = UNUSUAL_TEXT.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    replace_line(article_path(bundle), "title:", f'title: "Harbour fire: {quoted}"')
    replace_line(bundle / "events" / "harbour-fire.md", "summary:", f'summary: "{quoted}"')
    replace_line(bundle / "outlets.yaml", "  name: Alpha Agency", f'  name: "Alpha {quoted}"')
    article = article_path(bundle)
    article.write_text(article.read_text(encoding="utf-8") + "\n" + UNUSUAL_TEXT + "\n", encoding="utf-8")
    write_site_yaml(bundle, "base_url: https://example.org/digest/\n")  # so that sitemap.xml is written too
    run = build(bundle, tmp_path / "site")
    assert run.code == 0, run.said
    site = tmp_path / "site"
    files = sorted(site.rglob("*.xml")) + sorted(site.rglob("*.svg"))
    assert {p.name for p in files} >= {"feed.xml", "sitemap.xml"}
    for path in files:
        ET.fromstring(path.read_bytes())  # expat: refuses any character XML 1.0 does not allow
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    titles = [element.text or "" for element in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(UNUSUAL_TEXT in title for title in titles), titles
    charts = [chart for page in site.rglob("*.html") for chart in re.findall(r"<svg\b.*?</svg>", page.read_text(encoding="utf-8"), re.DOTALL)]
    assert charts, "the pages show charts"
    for chart in charts:
        ET.fromstring(chart)
