"""Editors' corrections through the whole build, on a copy of the seed content: what the pages and the JSON
show, what a wrong or stale correction does to the build, `digest check`, `digest review`, and that every
key downstream changes with a correction while the machine's analysis stays cached."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

import generator.analysis.stage
from generator.build import BuildOptions, build
from generator.errors import ContentError
from tests.conftest import tree_digest
from tests.test_build import parse
from tests.corrections_seed import AFP, EVENT, MEHR, seed_with_corrections


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(content, site): the seed with corrections, built once for this module (public build)."""
    folder = tmp_path_factory.mktemp("corrected")
    content = seed_with_corrections(folder / "content")
    site = folder / "site"
    build(BuildOptions(content=content, out=site))
    return content, site


def page_text(path: Path) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def article_json(site: Path, slug: str) -> dict:
    return json.loads((site / "data" / "articles" / f"{slug}.json").read_text(encoding="utf-8"))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_json_keeps_what_the_machine_found_beside_what_the_editors_decided(corrected, seed_site: Path) -> None:
    _, site = corrected
    data, machine = article_json(site, MEHR), article_json(seed_site, MEHR)
    assert data["schema"] == 2
    assert [(c["number"], c["action"], c["match"]) for c in data["corrections"]] == [
        (1, "not_framing", "through his irresponsible"), (2, "speaker", "We strongly refute"), (3, "category", "a heavily fortified area")]
    removed = [s for s in data["spans"] if s["removed"]]
    assert [(s["text"], s["voice"], s["corrected"]["was"], s["corrected"]["by"]) for s in removed] == [
        ("irresponsible", "narration", "intensifiers", "Test desk")]
    added = next(s for s in data["spans"] if s["text"] == "a heavily fortified area")
    assert (added["category"], added["entry"], added["removed"], added["corrected"]["was"]) == ("conflict", "editors", False, None)
    assert added["corrected"]["reason"].startswith("Describes the district")
    quotation = next(q for q in data["quotations"] if q["corrected"])
    assert (quotation["speaker"], quotation["corrected"]["was"]) == ("Iran's Foreign Ministry", "Saeed Khatibzadeh")
    assert data["text"][quotation["start"]:quotation["end"]].startswith("We strongly refute")
    # the counts are the corrected ones: one intensifier fewer in narration, one conflict word more
    counts = {(c["category"], c["voice"]): c["count"] for c in data["stats"]["counts"]}
    before = {(c["category"], c["voice"]): c["count"] for c in machine["stats"]["counts"]}
    assert counts.get(("intensifiers", "narration"), 0) == before[("intensifiers", "narration")] - 1
    assert counts[("conflict", "narration")] == before.get(("conflict", "narration"), 0) + 1
    assert all(s["corrected"] is None and not s["removed"] for s in machine["spans"]) and machine["corrections"] == []


def test_the_article_page_marks_each_correction_with_its_reason_and_lists_them_all(corrected) -> None:
    _, site = corrected
    html = (site / "articles" / f"{MEHR}.html").read_text(encoding="utf-8")
    markers = re.findall(r'<a class="corr-marker" id="corrected-[^"]+-(\d)" href="[^"]+#correction-\1" data-tip="([^"]+)"', html)
    assert [number for number, _ in markers] == ["1", "2", "3"]
    assert "The agency paraphrases the spokesman's tweet" in unescape(markers[0][1]) and "highlight removed" in unescape(markers[0][1])
    assert "The speaker is Iran's Foreign Ministry (the analysis said Saeed Khatibzadeh)" in unescape(markers[1][1])
    assert 'class="hl c-conflict v-narration corrected"' in html
    section = page_text(site / "articles" / f"{MEHR}.html").split("Corrections by the editors", 1)[1]
    for words in ("“through his irresponsible”", "Not framing: highlight removed (the analysis had Intensifiers",
                  "The spokesman posted the denial", "Highlighted as Conflict", "— Test desk"):
        assert words in " ".join(section.split()), words
    assert re.search(r'<td>Iran&#39;s Foreign Ministry<a class="corr-marker" href="#correction-2"', html)


def test_the_event_page_and_json_show_the_events_corrections(corrected) -> None:
    _, site = corrected
    data = json.loads((site / "data" / "events" / f"{EVENT}.json").read_text(encoding="utf-8"))
    assert not any("Flesch" in s["text"] for s in data["summary"])
    hidden, renamed = data["corrections"]
    assert (hidden["action"], hidden["was"].startswith("Flesch reading ease")) == ("hide", True)
    assert (renamed["action"], renamed["was"], renamed["value"]) == ("rename", "Green Zone", "International Zone (Green Zone)")
    assert "International Zone (Green Zone)" in [a["actor"] for a in data["actors"]]
    assert not any("Labels attached to Green Zone" in s["text"] for s in data["summary"])  # written again from the corrected table
    text = " ".join(page_text(site / "events" / f"{EVENT}.html").split())
    assert "A generated sentence is hidden from the summary: “Flesch reading ease" in text
    assert "Readability says nothing about framing" in text
    glance = text.split("At a glance", 1)[1].split("Corrections by the editors", 1)[0]
    assert "Flesch" not in glance


def test_a_correction_outside_the_excerpts_is_described_without_quoting_it(corrected, seed_site: Path) -> None:
    _, site = corrected
    data = article_json(site, AFP)
    assert data["full_text"] is False
    assert [(c["action"], c["value"], c["match"], c["start"]) for c in data["corrections"]] == [("category", "affiliation", None, None)]
    assert "ties to Iran" not in data["text"] and not any(s["corrected"] for s in data["spans"])
    html = (site / "articles" / f"{AFP}.html").read_text(encoding="utf-8")
    assert "ties to Iran" not in html
    assert re.search(r"Words in paragraph \d+, not shown on this page", html)
    counts = {(c["category"], c["voice"]): c["count"] for c in data["stats"]["counts"]}
    machine = {(c["category"], c["voice"]): c["count"] for c in article_json(seed_site, AFP)["stats"]["counts"]}
    assert counts[("affiliation", "narration")] == machine[("affiliation", "narration")] + 1  # counted, though not shown


@pytest.mark.parametrize(("text", "expected"), [
    ("- match: Iran has firmly rejected\n  not_framing: true\n  reason: r\n", f"corrections/{MEHR}.yaml:1: match: 'Iran has firmly rejected' does not occur"),
    ("- match: irresponsible\n  not_framing: true\n  reason: r\n", f"corrections/{MEHR}.yaml:1: match: 'irresponsible' occurs 2 times (paragraph 1, paragraph 2)"),
    ("- match: through his irresponsible\n  category: framing\n  reason: r\n", f"corrections/{MEHR}.yaml:2: category: 'framing' is not a lexicon category"),
    ("- match: through his irresponsible\n  not_framing: true\n  speaker: x\n  reason: r\n", f"corrections/{MEHR}.yaml:3: speaker: is a second action"),
    ("- match: through his irresponsible\n  not_framing: true\n", f"corrections/{MEHR}.yaml:1: reason: is required"),
    ("- match: Iran has strongly rejected\n  not_framing: true\n  reason: r\n", f"corrections/{MEHR}.yaml:2: not_framing: no highlight lies in"),
])
def test_a_wrong_correction_fails_the_build_at_its_line_and_keeps_the_previous_site(tmp_path: Path, text: str, expected: str) -> None:
    content = seed_with_corrections(tmp_path / "content")
    site = tmp_path / "site"
    build(BuildOptions(content=content, out=site))
    before = tree_digest(site)
    (content / "corrections" / f"{MEHR}.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as failure:
        build(BuildOptions(content=content, out=site))
    assert any(expected in str(p) for p in failure.value.problems), [str(p) for p in failure.value.problems]
    assert tree_digest(site) == before


def test_an_edited_article_makes_its_correction_stale_and_the_cli_says_where(tmp_path: Path) -> None:
    content = seed_with_corrections(tmp_path / "content")
    article = next((content / "articles" / "mehr").glob(f"*{MEHR}.md"))
    article.write_text(article.read_text(encoding="utf-8").replace("through his irresponsible", "through his"), encoding="utf-8")
    for command in (["check"], ["build", "--out", "out"]):
        result = run(*command, "--content", "content", cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert f"content/corrections/{MEHR}.yaml:2: match: 'through his irresponsible' does not occur" in result.stderr
        assert "stale" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_wrong_event_correction_fails_the_build_at_its_line(tmp_path: Path) -> None:
    content = seed_with_corrections(tmp_path / "content")
    (content / "corrections" / "events" / f"{EVENT}.yaml").write_text(
        "- summary: Words no sentence has\n  reason: r\n- actor: Nobody\n  rename: Someone\n  reason: r\n", encoding="utf-8")
    with pytest.raises(ContentError) as failure:
        build(BuildOptions(content=content, out=tmp_path / "site"))
    messages = [str(p) for p in failure.value.problems]
    assert any(f"events/{EVENT}.yaml:1: summary: no sentence of the event's generated summary" in m for m in messages), messages
    assert any(f"events/{EVENT}.yaml:3: actor: 'Nobody' is not an actor of this comparison" in m for m in messages), messages


def test_check_passes_with_valid_corrections(corrected) -> None:
    content, _ = corrected
    result = run("check", "--content", str(content), cwd=content.parent)
    assert result.returncode == 0 and "no problems" in result.stdout, result.stderr


def test_a_changed_correction_changes_every_page_that_shows_it_but_analyses_nothing_again(tmp_path: Path, monkeypatch) -> None:
    content = seed_with_corrections(tmp_path / "content")
    site = tmp_path / "site"
    options = BuildOptions(content=content, out=site, cache_dir=tmp_path / "cache")
    build(options)
    before = tree_digest(site)
    analysed: list[str] = []
    real = generator.analysis.stage.analyse_article
    monkeypatch.setattr(generator.analysis.stage, "analyse_article", lambda article, *rest: analysed.append(article.slug) or real(article, *rest))
    path = content / "corrections" / f"{MEHR}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("on the ministry's behalf", "for the ministry"), encoding="utf-8")
    build(options)
    assert analysed == [], "a correction changes no machine analysis"
    changed = {p for p, digest in tree_digest(site).items() if before.get(p) != digest}
    assert {f"articles/{MEHR}.html", f"data/articles/{MEHR}.json", f"events/{EVENT}.html"} <= changed
    assert "for the ministry" in (site / "articles" / f"{MEHR}.html").read_text(encoding="utf-8")
    clean = tmp_path / "clean"
    build(BuildOptions(content=content, out=clean))
    assert tree_digest(clean) == tree_digest(site), "the cached rebuild equals a clean one"
    events = content / "corrections" / "events" / f"{EVENT}.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("with the common one", "and the usual one"), encoding="utf-8")
    build(options)
    assert "and the usual one" in (site / "events" / f"{EVENT}.html").read_text(encoding="utf-8")
    assert "and the usual one" in (site / "data" / "events" / f"{EVENT}.json").read_text(encoding="utf-8")


def test_review_prints_a_stub_for_each_seed_article_that_pastes_into_a_valid_correction(tmp_path: Path) -> None:
    content = seed_with_corrections(tmp_path / "content")
    for name in (f"{MEHR}.yaml", f"{AFP}.yaml"):
        (content / "corrections" / name).unlink()
    result = run("review", "--content", "content", "--limit", "0", "--no-cache", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    items = result.stdout.split("\n\n")[1:]
    files = {re.match(r"# content/corrections/(.+)\.yaml", item).group(1) for item in items}
    assert files == {MEHR, AFP, "trump-warns-iran-after-embassy-rocket-attack"}
    doubts = [float(re.search(r"# doubt (\d\.\d\d)", item).group(1)) for item in items]
    assert doubts == sorted(doubts, reverse=True)
    assert all("  # " in item and 'reason: "TODO:' in item for item in items)
    # an editor's review: uncomment the first action, write what was decided and why, and check
    for item in items:
        slug = re.match(r"# content/corrections/(.+)\.yaml", item).group(1)
        lines = [line for line in item.splitlines() if not line.startswith("# ")]
        action = next(i for i, line in enumerate(lines) if line.startswith("  # ") and ":" in line)
        lines[action] = re.sub(r'"TODO: [^"]*"', "Test value", "  " + lines[action][4:])
        pasted = "\n".join(line.replace('"TODO: the reason readers will see"', "Checked against the text.") for line in lines) + "\n"
        with (content / "corrections" / f"{slug}.yaml").open("a", encoding="utf-8") as file:
            file.write(pasted)
    checked = run("check", "--content", "content", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert run("build", "--content", "content", "--out", "out", cwd=tmp_path).returncode == 0


def test_a_stub_pasted_unedited_fails_the_check(tmp_path: Path) -> None:
    content = seed_with_corrections(tmp_path / "content")
    stub = run("review", "--content", "content", "--article", AFP, "--limit", "1", "--no-cache", cwd=tmp_path).stdout.split("\n\n")[1]
    (content / "corrections" / f"{AFP}.yaml").write_text(stub + "\n", encoding="utf-8")
    checked = run("check", "--content", "content", cwd=tmp_path)
    assert checked.returncode == 1 and "has no action" in checked.stderr and "reason: is still a placeholder" in checked.stderr


def test_review_leaves_out_what_the_editors_corrected_and_keeps_to_one_article(tmp_path: Path) -> None:
    content = seed_with_corrections(tmp_path / "content")
    before = run("review", "--content", "content", "--limit", "0", "--no-cache", cwd=tmp_path).stdout
    assert f"# content/corrections/{AFP}.yaml\n# doubt 0.45: scare quote" in before
    with (content / "corrections" / f"{AFP}.yaml").open("a", encoding="utf-8") as file:
        file.write('- match: "“maximum pressure”"\n  not_framing: true\n  reason: The administration\'s own name for its policy.\n')
    after = run("review", "--content", "content", "--limit", "0", "--no-cache", cwd=tmp_path).stdout
    assert f"# content/corrections/{AFP}.yaml\n# doubt 0.45: scare quote" not in after
    assert after.count("“maximum pressure”") == before.count("“maximum pressure”") - 1
    assert after.count("- match:") == before.count("- match:") - 1  # the other articles' doubts are still listed
    one = run("review", "--content", "content", "--article", AFP, "--limit", "1", "--no-cache", cwd=tmp_path)
    assert one.returncode == 0 and one.stdout.count("- match:") == 1 and f"corrections/{AFP}.yaml" in one.stdout
    unknown = run("review", "--content", "content", "--article", "no-such-article", cwd=tmp_path)
    assert unknown.returncode == 2 and "no article 'no-such-article'" in unknown.stderr


def test_every_link_of_the_corrected_pages_resolves(corrected) -> None:
    """Markers, back links and the editors' highlights (whose lexicon entry does not exist) all lead somewhere."""
    _, site = corrected
    pages = [site / "articles" / f"{MEHR}.html", site / "articles" / f"{AFP}.html", site / "events" / f"{EVENT}.html",
             site / "outlets" / "mehr.html", site / "outlets" / "afp.html"]
    checked = 0
    for page in pages:
        for link in parse(page).links:
            if link.startswith(("http://", "https://")) or link.endswith((".css", ".js")):
                continue
            target, _, fragment = link.partition("#")
            path = (page.parent / target).resolve() if target else page
            assert path.is_file(), (page.name, link)
            if fragment:
                assert fragment in parse(path).ids, (page.name, link)
                checked += 1
    assert checked > 20
