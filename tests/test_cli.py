"""The `digest` command line: exit codes, messages, and that bad content never shows a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.cli import main


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_build_succeeds_and_says_where_the_site_is(minimal_content: Path, tmp_path: Path) -> None:
    result = run("build", "--content", "content", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Open file://" in result.stdout and (tmp_path / "out" / "index.html").is_file()


def test_content_problems_exit_1_with_every_problem_and_no_traceback(minimal_content: Path, tmp_path: Path) -> None:
    article = minimal_content / "articles" / "alpha" / "2021-03-02-harbour-fire.md"
    article.write_text(article.read_text().replace("outlet: alpha", "outlet: alpha\nsubtitle: x").replace("2021-03-02\nevent", "2021-13-02\nevent"))
    (minimal_content / "events" / "harbour-fire.md").write_text("---\ntitle: [unclosed\n---\nText\n")
    result = run("build", "--content", "content", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith("content/articles/alpha/2021-03-02-harbour-fire.md:4: subtitle: unknown key") for line in lines), lines
    assert any("published:" in line and "not a real date" in line for line in lines), lines
    assert any(line.startswith("content/events/harbour-fire.md:2: front matter: YAML syntax error") for line in lines), lines
    assert not (tmp_path / "out").exists()


def test_check_reports_without_building(minimal_content: Path, tmp_path: Path) -> None:
    result = run("check", "--content", "content", cwd=tmp_path)
    assert result.returncode == 0 and "no problems" in result.stdout
    assert not (tmp_path / "site").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("build", "--no-such-flag", cwd=tmp_path).returncode == 2
    assert run(cwd=tmp_path).returncode == 2


def test_help_documents_every_subcommand(capsys) -> None:
    for command in ("build", "check", "import", "suggest-events"):
        try:
            main([command, "--help"])
        except SystemExit as stop:
            assert stop.code == 0
        assert "--content" in capsys.readouterr().out


def test_private_build_refuses_the_published_folder(minimal_content: Path, tmp_path: Path) -> None:
    result = run("build", "--content", "content", "--out", "site", "--full-text", cwd=tmp_path)
    assert result.returncode == 1 and "Pages workflow publishes" in result.stderr
    assert not (tmp_path / "site").exists()
    assert run("build", "--content", "content", "--out", "private-site", "--full-text", cwd=tmp_path).returncode == 0
