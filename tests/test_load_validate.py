"""Loading and validation: broken input gets a clear message, and the previous site is never lost.

Each case under tests/fixtures/bad/<case>/ holds
- `files/`: laid over the minimal corpus (tests/fixtures/minimal plus the real lexicon);
- `remove.txt` (optional): paths to delete from the corpus, one a line;
- `options.txt` (optional): extra `digest build` flags, e.g. `--strict`;
- `expected.txt`: one line per problem that must be reported,
  `path:line: field: ~ message fragment`. A first line `OK` means the input is
  legitimate: the build must succeed, and the other lines are warnings it prints.

Every case runs three ways: through the API (`check`, which must raise
`ContentError` with the expected problems), and through the command line in
process over a previously built site (exit code 1, or 0 for `OK`; every line
`path:line: field: message`; no traceback; the previous site byte-identical;
no temporary folder left). A representative set also runs the CLI as a
subprocess. Inputs too big to commit (a 20 MB article, Markdown and YAML nested
hundreds of thousands of levels deep) are generated here.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.build import BuildOptions, build, check
from generator.cli import main
from generator.errors import ContentError
from tests.conftest import FIXTURES, ROOT, copy_minimal_content

CASES = sorted(p for p in (FIXTURES / "bad").iterdir() if p.is_dir())
CASE_IDS = [c.name for c in CASES]

PROBLEM_LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>[1-9][0-9]*): (?P<field>[^\n]+?): (?P<message>\S[^\n]*)$")
SUMMARY_LINE = re.compile(r"^digest: \d+ problem\(s\) in \S+; nothing was written, the previous site is unchanged$")
JARGON = ("Traceback", "Error:", "Exception", "NoneType", "object has no attribute", "<class", "errno", "sys.", "set_int_max_str_digits", "<unicode string>")
"""What a message for a person editing content must not contain: Python internals, escapes, stack traces."""

SUBPROCESS_CASES = (
    "yaml-tab", "yaml-unclosed-double-quote", "no-closing-fence", "not-utf8", "empty-file", "outlets-list",
    "site-missing", "lexicon-unknown-category", "outlet-id-dotdot", "many-files-at-once", "bom-crlf-everywhere",
    "date-mismatch-strict",
)


@dataclass(frozen=True)
class Case:
    succeeds: bool
    expected: tuple[tuple[str, str], ...]
    options: tuple[str, ...]


def read_case(case: Path) -> Case:
    lines = [line for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    succeeds = bool(lines) and lines[0].strip() == "OK"
    if succeeds:
        lines = lines[1:]
    expected = []
    for line in lines:
        location, separator, fragment = line.partition(" ~ ")
        assert separator, f"{case}/expected.txt: {line!r} lacks ' ~ '"
        expected.append((location, fragment))
    options_file = case / "options.txt"
    options = tuple(options_file.read_text().split()) if options_file.exists() else ()
    return Case(succeeds, tuple(expected), options)


def apply_case(case: Path, content: Path) -> None:
    files = case / "files"
    if files.is_dir():
        for source in files.rglob("*"):
            if source.is_file():
                target = content / source.relative_to(files)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    removals = case / "remove.txt"
    if removals.exists():
        for line in removals.read_text().split():
            path = content / line
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(parent: Path, name: str = "site") -> list[Path]:
    return [*parent.glob(f"{name}.tmp-*"), *parent.glob(f"{name}.old-*")]


def assert_reported(expected: tuple[tuple[str, str], ...], reported: list[str]) -> None:
    for location, fragment in expected:
        assert any(r.startswith(location) and fragment in r for r in reported), (
            f"expected '{location} ~ {fragment}' in:\n" + "\n".join(reported)
        )


def assert_plain_problem_lines(lines: list[str]) -> None:
    """Every line is `path:line: field: message`, one problem a line, in words meant for a person."""
    for line in lines:
        assert PROBLEM_LINE.match(line) or SUMMARY_LINE.match(line), f"not 'path:line: field: message': {line!r}"
        for word in JARGON:
            assert word not in line, f"{word!r} in a message: {line!r}"
        assert line.isprintable(), f"a control or format character reaches the terminal: {line!r}"


@pytest.fixture(scope="session")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from the minimal corpus: the 'previous site' every failing build must leave alone."""
    base = tmp_path_factory.mktemp("previous")
    content = copy_minimal_content(base / "content")
    out = base / "site"
    build(BuildOptions(content=content, out=out))
    return out


def test_minimal_content_is_valid(minimal_content: Path) -> None:
    assert check(BuildOptions(content=minimal_content)) == ()


def test_there_are_at_least_40_broken_inputs() -> None:
    broken = [c for c in CASES if not read_case(c).succeeds]
    assert len(broken) >= 40, len(broken)
    for case in CASES:
        assert read_case(case).expected or read_case(case).succeeds, f"{case.name} expects nothing"


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_case_through_the_api(case: Path, minimal_content: Path) -> None:
    """`check` reports every expected problem (content given relative to where the user stands)."""
    spec = read_case(case)
    apply_case(case, minimal_content)
    options = BuildOptions(content=Path("content"), strict="--strict" in spec.options, allow_placeholders="--allow-placeholders" in spec.options)
    if spec.succeeds:
        warnings = check(options)
        assert_reported(spec.expected, [str(p) for p in warnings])
        return
    with pytest.raises(ContentError) as caught:
        check(options)
    reported = [str(p) for p in caught.value.problems]
    assert reported, "ContentError without a single problem: the user is told nothing"
    assert_reported(spec.expected, reported)
    assert_plain_problem_lines(reported)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_case_through_the_cli(case: Path, minimal_content: Path, previous_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`digest build` in process: exit code, one problem a line, no traceback, the previous site untouched."""
    spec = read_case(case)
    apply_case(case, minimal_content)
    out = tmp_path / "site"
    shutil.copytree(previous_site, out)
    before = tree_digest(out)
    code = main(["build", "--content", "content", "--out", "site", "--quiet", *spec.options])
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert "Traceback" not in captured.err + captured.out
    assert_plain_problem_lines(lines)
    assert_reported(spec.expected, lines)
    if spec.succeeds:
        assert code == 0, captured.err
        assert (out / "index.html").is_file()
    else:
        assert code == 1, captured.err
        assert lines and SUMMARY_LINE.match(lines[-1]), lines
        assert tree_digest(out) == before, "a failed build changed the previous site"
    assert not leftovers(tmp_path), leftovers(tmp_path)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_case_as_a_subprocess(name: str, minimal_content: Path, previous_site: Path, tmp_path: Path) -> None:
    case = FIXTURES / "bad" / name
    spec = read_case(case)
    apply_case(case, minimal_content)
    out = tmp_path / "site"
    shutil.copytree(previous_site, out)
    before = tree_digest(out)
    result = run_cli("build", "--content", "content", "--out", "site", "--quiet", *spec.options, cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == (0 if spec.succeeds else 1), result.stderr
    lines = result.stderr.splitlines()
    assert_plain_problem_lines(lines)
    assert_reported(spec.expected, lines)
    if not spec.succeeds:
        assert tree_digest(out) == before
    assert not leftovers(tmp_path)


def test_strict_turns_warnings_into_errors(minimal_content: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    article = minimal_content / "articles" / "alpha" / "2021-03-02-harbour-fire.md"
    article.write_text(article.read_text(encoding="utf-8").replace("published: 2021-03-02", "published: 2021-03-04"), encoding="utf-8")
    assert main(["build", "--content", "content", "--out", "site", "--quiet"]) == 0
    relaxed = capsys.readouterr().err
    assert "published: warning: 2021-03-04 differs from the date in the file name" in relaxed
    before = tree_digest(tmp_path / "site")
    assert main(["build", "--content", "content", "--out", "site", "--quiet", "--strict"]) == 1
    strict = capsys.readouterr().err
    assert "content/articles/alpha/2021-03-02-harbour-fire.md:4: published: warning: 2021-03-04 differs" in strict
    assert tree_digest(tmp_path / "site") == before
    assert main(["check", "--content", "content", "--strict"]) == 1


# -- inputs generated here rather than committed --------------------------------------------------


def _write_article(content: Path, body: str, name: str = "2021-03-02-harbour-fire.md", title: str = "Regime blamed for harbour fire") -> Path:
    path = content / "articles" / "alpha" / name
    path.write_text(f"---\ntitle: {title}\noutlet: alpha\npublished: 2021-03-02\nevent: harbour-fire\n---\n\n{body}", encoding="utf-8")
    return path


def _build_in_process(tmp_path: Path, previous_site: Path, capsys: pytest.CaptureFixture) -> tuple[int, list[str], dict[str, str]]:
    out = tmp_path / "site"
    shutil.copytree(previous_site, out)
    before = tree_digest(out)
    code = main(["build", "--content", "content", "--out", "site", "--quiet"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert_plain_problem_lines(lines)
    if code != 0:
        assert tree_digest(out) == before
    assert not leftovers(tmp_path)
    return code, lines, before


def test_a_20_mb_article_is_refused_with_a_clear_message(minimal_content: Path, previous_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    paragraph = "The regime said the fire at the harbour was an accident, and officials disputed it. " * 12 + "\n\n"
    path = _write_article(minimal_content, paragraph * (20_000_000 // len(paragraph)))
    assert path.stat().st_size > 19_000_000
    code, lines, _ = _build_in_process(tmp_path, previous_site, capsys)
    assert code == 1
    assert any(line.startswith("content/articles/alpha/2021-03-02-harbour-fire.md:1: file: is 20.0 MB") for line in lines), lines


DEEP = 10_000
DEEP_MARKDOWN = {
    # kind: (Markdown, whether it must be refused: markdown-it drops block content nested past maxNesting)
    "blockquotes": (">" * DEEP + " deep\n", True),
    "spaced-blockquotes": ("> " * DEEP + "deep\n", True),
    "list-items": ("- " * DEEP + "deep\n", True),
    "indented-lists": ("".join("  " * i + "- deep\n" for i in range(600)), True),
    "ordered-lists": ("1. " * DEEP + "deep\n", True),
    "emphasis": ("*" * DEEP + "deep" + "*" * DEEP + "\n", False),
    "mixed-emphasis": ("*_" * DEEP + "deep" + "_*" * DEEP + "\n", False),
    "links": ("[" * DEEP + "deep" + "](https://example.org)" * DEEP + "\n", False),
    "unclosed-brackets": ("[" * DEEP + "deep\n", False),
    "images": ("![" * DEEP + "deep" + "](x.png)" * DEEP + "\n", False),
    "backticks": ("`" * DEEP + "deep\n", False),
    "html-like": ("<div>" * DEEP + "deep\n", False),
    "entities": ("&amp;" * DEEP + "deep\n", False),
    "headings": ("#" * DEEP + " deep\n", False),
}


@pytest.mark.parametrize("kind", sorted(DEEP_MARKDOWN))
def test_markdown_nested_thousands_of_levels_deep(kind: str, minimal_content: Path, previous_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Either the page shows every word, or the build stops with the line to fix; never a RecursionError or lost text."""
    markdown, refused = DEEP_MARKDOWN[kind]
    _write_article(minimal_content, "The regime said so.\n\n" + markdown + "\nThe last paragraph.\n")
    code, lines, _ = _build_in_process(tmp_path, previous_site, capsys)
    if refused:
        assert code == 1
        found = [re.match(r"content/articles/alpha/2021-03-02-harbour-fire\.md:(\d+): body: Markdown is nested more than 20 levels deep", line) for line in lines]
        numbers = [int(m.group(1)) for m in found if m]
        assert numbers and 10 <= numbers[0] <= 40, lines  # the Markdown starts on line 10; lists overflow a few lines in
        return
    assert code == 0, lines
    html = (tmp_path / "site" / "articles" / "harbour-fire.html").read_text(encoding="utf-8")
    assert "deep" in html and "The last paragraph." in html
    assert "<div><div>" not in html


def test_yaml_nested_hundreds_of_thousands_of_levels_deep_in_a_subprocess(minimal_content: Path, tmp_path: Path) -> None:
    """PyYAML's C composer overflowed the C stack here (a segfault); run in a subprocess so a regression cannot take pytest down."""
    article = minimal_content / "articles" / "alpha" / "2021-03-02-harbour-fire.md"
    article.write_text("---\ntitle: A\noutlet: alpha\npublished: 2021-03-02\nnotes: " + "[" * 300_000 + "]" * 300_000 + "\n---\n\nBody.\n", encoding="utf-8")
    event = minimal_content / "events" / "harbour-fire.md"
    event.write_text("---\ntitle: Fire\ntags:\n" + "".join("  " * i + "- \n" for i in range(1, 400)) + "---\n\nA fire.\n", encoding="utf-8")
    (minimal_content / "outlets.yaml").write_text("alpha:\n  name:\n    " + "- " * 300_000 + "x\n", encoding="utf-8")
    result = run_cli("check", "--content", "content", cwd=tmp_path)
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert_plain_problem_lines([line for line in lines if not line.startswith("digest: ")])
    assert any(line.startswith("content/articles/alpha/2021-03-02-harbour-fire.md:5: front matter: lists and mappings are nested more than") for line in lines), lines
    assert any(line.startswith("content/events/harbour-fire.md:") and "nested more than" in line for line in lines), lines
    assert any(line.startswith("content/outlets.yaml:3: yaml: lists and mappings are nested more than") for line in lines), lines


def test_a_300_kb_article_builds(minimal_content: Path, previous_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Big but legitimate input (about 50,000 words) with quotations, numbers and framing words builds.

    Kept at 300 kB because parts of the analysis are quadratic in the number of
    spans and quotations (docs/robustness.md, "Known limits"): 1 MB takes minutes.
    """
    paragraph = (
        "Firefighters worked through the night at the harbour on the eastern side of the city, where boats were moored "
        "close together and the wind carried sparks from one deck to the next. Officials said 12 boats were destroyed. "
        '"We lost everything," said Ahmed Karimi, a fisherman. The regime said it would pay for repairs.\n\n'
    )
    copies = 300_000 // len(paragraph)
    _write_article(minimal_content, paragraph * copies)
    code, lines, _ = _build_in_process(tmp_path, previous_site, capsys)
    assert code == 0, lines
    html = (tmp_path / "site" / "articles" / "harbour-fire.html").read_text(encoding="utf-8")
    assert html.count("Firefighters worked through the night") == copies


def test_every_problem_is_reported_in_one_run(minimal_content: Path, capsys: pytest.CaptureFixture) -> None:
    """Break every file of the corpus at once: each one is named, none hides another."""
    for case in ("many-files-at-once",):
        apply_case(FIXTURES / "bad" / case, minimal_content)
    (minimal_content / "site.yaml").write_text("title: Test Digest\nlexicon: [lexicon/categories.yaml, lexicon/labels.yaml]\ncolour: red\n", encoding="utf-8")
    assert main(["check", "--content", "content"]) == 1
    paths = {line.split(":")[0] for line in capsys.readouterr().err.splitlines() if not line.startswith("digest:")}
    assert paths >= {
        "content/site.yaml", "content/outlets.yaml", "content/events/harbour-fire.md",
        "content/articles/alpha/2021-03-02-harbour-fire.md", "content/articles/beta/2021-03-02-fire-at-harbour.md",
    }, paths


def test_the_real_content_is_not_a_fixture_case() -> None:
    """The cases overlay the minimal corpus; make sure none of them writes into the project's content/."""
    for case in CASES:
        assert not (case / "files" / "content").exists(), case
    assert (ROOT / "content" / "site.yaml").is_file()


def test_duplicate_event_ids_are_reported() -> None:
    """An event's id is its file name, so the loader cannot produce two; the validator still refuses them."""
    from generator.load import Document, RawContent, YamlFile
    from generator.validate import validate_content
    from generator.yamlsafe import load_yaml

    def event(path: str) -> Document:
        return Document(f"content/{path}", path, load_yaml("title: Fire", first_line=2), "A fire.", 2, 5)

    raw = RawContent("content", YamlFile("content/site.yaml", None), YamlFile("content/outlets.yaml", None),
                     (event("events/harbour-fire.md"), event("events/old/harbour-fire.md")), (), ())
    _, problems = validate_content(raw)
    assert [str(p) for p in problems if p.field == "id"] == [
        "content/events/old/harbour-fire.md:1: id: event id 'harbour-fire' is also used by content/events/harbour-fire.md; rename one of the files"
    ]
