"""A bug in one analyser for one event never takes the build down: the build finishes, names the file and
the step once, marks that part of the page unavailable and exits 3; --strict makes it fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import tree_digest


def broken_actors(*args: object) -> tuple:
    raise ZeroDivisionError("injected for the test")


def test_a_failing_event_analyser_is_reported_and_its_part_marked_unavailable(
    minimal_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.compare.event as event

    monkeypatch.setattr(event, "actor_namings", broken_actors)
    assert main(["build", "--content", str(minimal_content), "--out", str(tmp_path / "site"), "--no-cache", "--quiet"]) == 3
    errors = capsys.readouterr().err.splitlines()
    reported = [line for line in errors if "internal error" in line and "please report this" in line]
    assert reported == ["content/events/harbour-fire.md: internal error in actors (ZeroDivisionError: injected for the test): please report this"]
    page = (tmp_path / "site" / "events" / "harbour-fire.html").read_text(encoding="utf-8")
    actors = page[page.index('id="actors"') : page.index('id="numbers"')]
    assert "This part of the comparison is unavailable" in actors
    assert page.count("This part of the comparison is unavailable") == 1, "only the failed part is marked"
    assert 'id="numbers"' in page and "Flesch reading ease" in page, "the rest of the page is there"


def test_under_strict_a_failing_analyser_stops_the_build_and_leaves_the_previous_site(
    minimal_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.compare.event as event

    out = tmp_path / "site"
    assert main(["build", "--content", str(minimal_content), "--out", str(out), "--no-cache", "--quiet"]) == 0
    before = tree_digest(out)
    monkeypatch.setattr(event, "actor_namings", broken_actors)
    assert main(["build", "--content", str(minimal_content), "--out", str(out), "--no-cache", "--quiet", "--strict"]) == 1
    assert "internal error in actors" in capsys.readouterr().err
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("site")) == ["site"]


def test_a_failed_comparison_is_not_kept_so_the_next_build_tries_again(
    minimal_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.compare.event as event

    arguments = ["build", "--content", str(minimal_content), "--out", str(tmp_path / "site"), "--cache-dir", str(tmp_path / "cache"), "--quiet"]
    with monkeypatch.context() as patch:
        patch.setattr(event, "actor_namings", broken_actors)
        assert main(arguments) == 3
        assert main(arguments) == 3, "a build with internal errors is never taken as up to date"
    assert main(arguments) == 0
    page = (tmp_path / "site" / "events" / "harbour-fire.html").read_text(encoding="utf-8")
    assert "is unavailable" not in page


def test_a_failing_article_step_is_reported_and_shown_as_unavailable_not_as_none_found(
    minimal_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.analysis.article as article

    def broken_numbers(*args: object) -> tuple:
        raise KeyError("injected for the test")

    monkeypatch.setattr(article, "find_numbers", broken_numbers)
    assert main(["build", "--content", str(minimal_content), "--out", str(tmp_path / "site"), "--no-cache", "--quiet"]) == 3
    reported = [line for line in capsys.readouterr().err.splitlines() if "internal error in numbers" in line]
    assert len(reported) == 2 and all(line.endswith("please report this") for line in reported), "once per article"
    page = (tmp_path / "site" / "articles" / "harbour-fire.html").read_text(encoding="utf-8")
    numbers = page[page.index('id="numbers"') : page.index('id="readability"')]
    assert "The numeric claims are unavailable for this article" in numbers
    assert "No numeric claims found" not in numbers, "a failure is never shown as an empty result"
    assert "Direct quotations and who is quoted" in page or "No direct quotations found" in page, "the other steps are there"
