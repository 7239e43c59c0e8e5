"""Issue #21, 3: a build replaces its whole `--out` folder, so it writes only into a folder that does not
exist, is empty, or is a site an earlier build made (the marker file it leaves, or the shape of a site
built before the marker); it never replaces the content folder, a folder that holds it, the project
checkout or the home folder, and says why and how to choose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.security_support import bundle, digest, user  # noqa: F401 - fixtures

MARKER = ".framing-digest-site"


def build(content: Path, out: Path, *options: object):
    return digest("build", "--content", content, "--out", out, "--no-cache", *options)


def test_a_folder_that_is_not_a_site_is_not_replaced(bundle: Path, tmp_path: Path) -> None:
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "thesis.txt").write_text("Chapter one.\n", encoding="utf-8")
    run = build(bundle, folder)
    assert run.code == 1, run.said
    assert f"refusing to build into {folder}: it is not empty (thesis.txt)" in run.err, run.err
    assert "choose --out a new folder, or pass --force" in run.err
    assert (folder / "thesis.txt").read_text(encoding="utf-8") == "Chapter one.\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("thesis")) == ["thesis"], "no temporary folder left"
    forced = build(bundle, folder, "--force")
    assert forced.code == 0, forced.said
    assert not (folder / "thesis.txt").exists() and (folder / "index.html").is_file() and (folder / MARKER).is_file()


@pytest.mark.parametrize("which", ["the content folder", "a link to it", "the folder that holds it", "the working folder holding it",
                                   "the home folder"])
def test_the_content_folder_and_what_holds_it_are_never_replaced(
    bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "letter.txt").write_text("Dear reader,\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    (tmp_path / "content-link").symlink_to(bundle)
    out = {"the content folder": bundle, "a link to it": tmp_path / "content-link", "the folder that holds it": bundle.parent,
           "the working folder holding it": Path("."), "the home folder": home}[which]
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    for force in ((), ("--force",)):
        run = build(bundle, out, *force)
        assert run.code == 1, run.said
        reason = "your home folder" if which == "the home folder" else "the content folder"
        assert f"refusing to build into {out}: it " in run.err and reason in run.err, run.err
        assert "choose --out a new folder" in run.err
        assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before, "nothing was written or removed"
    assert (bundle / "site.yaml").is_file() and (home / "Documents" / "letter.txt").is_file()


@pytest.mark.parametrize("out", [".", str(ROOT), str(ROOT.parent)])
def test_the_project_checkout_is_never_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str) -> None:
    """`--out .` from the project folder, or its path, or a folder holding it. (The content named here does not
    exist, so a generator without this refusal stops at validation and this test cannot harm the checkout.)"""
    monkeypatch.chdir(ROOT)
    run = digest("build", "--content", tmp_path / "no-content", "--out", out, "--no-cache", "--force")
    assert run.code == 1, run.said
    assert f"refusing to build into {out}: it " in run.err and "the project folder" in run.err, run.err
    assert (ROOT / "pyproject.toml").is_file()


def test_a_file_is_not_an_output_folder(bundle: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("notes\n", encoding="utf-8")
    run = build(bundle, tmp_path / "notes.txt", "--force")
    assert run.code == 1 and "it is a file, not a folder" in run.err, run.said
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "notes\n"


def test_a_new_an_empty_and_a_built_folder_are_written(bundle: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for out in (tmp_path / "new" / "site", tmp_path / "empty", tmp_path / "new" / "site"):
        run = build(bundle, out)
        assert run.code == 0, run.said
        assert (out / "index.html").is_file()
    marker = (tmp_path / "empty" / MARKER).read_bytes()
    assert marker.count(b"\n") == 1 and marker.isascii() and b"<" not in marker and str(tmp_path).encode() not in marker, marker


def test_a_site_built_before_the_marker_is_still_rebuilt(bundle: Path, tmp_path: Path) -> None:
    """What users have: a site/ built by an earlier version, which has no marker file. A folder with index.html
    and .nojekyll and only the names a site has at its top is taken for a site; one more file, and it is not."""
    site = tmp_path / "site"
    assert build(bundle, site).code == 0
    (site / MARKER).unlink()
    (site / "sitemap.xml").write_text("<urlset/>\n", encoding="utf-8")  # written by builds with base_url
    assert build(bundle, site).code == 0
    assert (site / MARKER).is_file() and not (site / "sitemap.xml").exists()
    (site / MARKER).unlink()
    (site / "draft.md").write_text("my draft\n", encoding="utf-8")
    run = build(bundle, site)
    assert run.code == 1 and "it is not empty" in run.err and ".framing-digest-site" in run.err, run.said
    assert (site / "draft.md").is_file()


def test_the_marker_is_part_of_every_site_and_harmless_on_pages(tmp_path: Path) -> None:
    """The Pages workflow uploads site/ with the marker in it: GitHub Pages serves it as one line of plain text."""
    from generator.writer import check_output_path

    out = tmp_path / "site"
    shutil.copytree(ROOT / "content", tmp_path / "content")
    run = digest("build", "--content", tmp_path / "content", "--out", out, "--no-cache", "--quiet")
    assert run.code == 0, run.said
    assert check_output_path(MARKER) == MARKER
    assert (out / MARKER).read_text(encoding="ascii") == "A site built by Framing Digest. A later build into this folder replaces all of it.\n"
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "make site" in workflow and "path: site" in workflow
