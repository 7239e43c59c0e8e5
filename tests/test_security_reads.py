"""Issue #21, 5 and 6: nothing outside the content folder is read, and no file in it stalls the build.

A content file that is a link to `/dev/zero` (whose `stat` size is 0), a FIFO as outlets.yaml or as a
lexicon file (whose `open` waits for a writer), a lexicon path outside the content folder (refused by
validation, then opened anyway), a link under articles/ to a private file elsewhere (published), a video
beside the articles (read whole into memory by the fingerprint). Each build here runs in its own process
with a time limit and a memory cap, so a generator that hangs or reads without end fails the test
instead of stalling the suite or the machine.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.security_support import article_path, bundle, digest, digest_process, peak_kilobytes, user, write_site_yaml  # noqa: F401

TIMEOUT = 60
MEMORY = 1_500_000_000


def build(content: Path, out: Path, cwd: Path, *options: object):
    return digest_process(["build", "--content", content, "--out", out, "--no-cache", "--jobs", "1", *options], cwd, TIMEOUT, MEMORY)


def check(content: Path, cwd: Path):
    return digest_process(["check", "--content", content], cwd, TIMEOUT, MEMORY)


@pytest.mark.parametrize("name", ["outlets.yaml", "site.yaml", "events/harbour-fire.md", "articles/alpha/2021-03-02-harbour-fire.md"])
def test_a_link_to_a_device_is_refused_not_read_without_end(bundle: Path, tmp_path: Path, name: str) -> None:
    (bundle / name).unlink()
    (bundle / name).symlink_to("/dev/zero")
    run = build(bundle, tmp_path / "site", tmp_path)
    assert run.code == 1, run.said
    assert f"bundle/content/{name}:1: file: is a symbolic link to a file outside the content folder" in run.err, run.err
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("name", ["outlets.yaml", "site.yaml", "events/harbour-fire.md", "articles/alpha/2021-03-02-harbour-fire.md",
                                  "lexicon/labels.yaml"])
def test_a_named_pipe_is_refused_without_waiting(bundle: Path, tmp_path: Path, name: str) -> None:
    (bundle / name).unlink()
    os.mkfifo(bundle / name)
    run = build(bundle, tmp_path / "site", tmp_path)
    assert run.code == 1, run.said
    assert f"{name}:1: " in run.err and "is not a regular file but a named pipe (FIFO)" in run.err, run.err
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("kind", ["a file", "a named pipe"])
def test_a_lexicon_path_outside_the_content_folder_is_never_opened(bundle: Path, tmp_path: Path, kind: str) -> None:
    """The path is refused by validation and then not opened: its keys are never printed, and a pipe there
    (which an open would wait on for ever) does not stall the check."""
    private = bundle.parent / "private.yaml"
    if kind == "a file":
        private.write_text("api_token: hunter2-secret\nentries: []\n", encoding="utf-8")
    else:
        os.mkfifo(private)
    site = bundle / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("lexicon/labels.yaml]", "lexicon/labels.yaml, ../private.yaml]"), encoding="utf-8")
    run = check(bundle, tmp_path)
    assert run.code == 1, run.said
    assert "bundle/content/site.yaml:4: lexicon: '../private.yaml' must be a path inside the content folder" in run.err, run.err
    assert "api_token" not in run.said and "hunter2" not in run.said and "private.yaml:" not in run.err, run.err


def test_a_lexicon_file_linked_out_of_the_content_folder_is_refused(bundle: Path, tmp_path: Path) -> None:
    (bundle.parent / "private.yaml").write_text("api_token: hunter2-secret\nentries: []\n", encoding="utf-8")
    (bundle / "lexicon" / "extra.yaml").symlink_to(bundle.parent / "private.yaml")
    site = bundle / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("lexicon/labels.yaml]", "lexicon/labels.yaml, lexicon/extra.yaml]"), encoding="utf-8")
    run = check(bundle, tmp_path)
    assert run.code == 1, run.said
    assert "lexicon/extra.yaml:1: lexicon: the file is a symbolic link to a file outside the content folder" in run.err, run.err
    assert "api_token" not in run.said and "hunter2" not in run.said


LEAKS = {
    "articles/alpha/2021-03-03-harbour-memo.md": "---\ntitle: Harbour memo\noutlet: alpha\npublished: 2021-03-03\n---\n\n"
                                                  "PRIVATE-MEMO-5521: the minutes of a meeting nobody meant to publish.\n",
    "events/harbour-memo.md": "---\ntitle: Harbour memo\n---\n\nPRIVATE-MEMO-5521: the minutes of a meeting nobody meant to publish.\n",
}


@pytest.mark.parametrize("name", sorted(LEAKS))
def test_a_link_out_of_the_content_folder_is_not_published(bundle: Path, tmp_path: Path, name: str) -> None:
    """A link under articles/ (or events/) to a private file elsewhere: the build stops and says so; no page,
    search index, feed or JSON file carries a word of it."""
    private = tmp_path / "private" / "memo.md"
    private.parent.mkdir()
    private.write_text(LEAKS[name], encoding="utf-8")
    (bundle / name).symlink_to(private)
    run = build(bundle, tmp_path / "site", tmp_path)
    assert run.code == 1, run.said
    assert f"bundle/content/{name}:1: file: is a symbolic link to a file outside the content folder; copy the file into the folder instead" in run.err
    assert "PRIVATE-MEMO" not in run.said
    assert not (tmp_path / "site").exists()


def test_a_folder_linked_out_of_the_content_folder_is_not_published(bundle: Path, tmp_path: Path) -> None:
    """The events/ folder as a link to a private folder elsewhere: each file in it is refused as a link
    out, though the file itself is no link."""
    private = tmp_path / "private"
    (bundle / "events").rename(private)
    (private / "harbour-memo.md").write_text(LEAKS["events/harbour-memo.md"], encoding="utf-8")
    (bundle / "events").symlink_to(private, target_is_directory=True)
    run = build(bundle, tmp_path / "site", tmp_path)
    assert run.code == 1, run.said
    assert "bundle/content/events/harbour-memo.md:1: file: is a symbolic link to a file outside the content folder" in run.err
    assert "PRIVATE-MEMO" not in run.said
    assert not (tmp_path / "site").exists()


def test_a_link_that_stays_inside_the_content_folder_is_read(bundle: Path, tmp_path: Path) -> None:
    """Links are not forbidden: one whose file is inside the content folder is read like any file."""
    article = article_path(bundle)
    (bundle / "drafts").mkdir()
    article.rename(bundle / "drafts" / "harbour.md")
    article.symlink_to(Path("../../drafts/harbour.md"))
    run = build(bundle, tmp_path / "site", tmp_path)
    assert run.code == 0, run.said
    assert "claimed the fire was an accident" in (tmp_path / "site" / "articles" / "harbour-fire.html").read_text(encoding="utf-8")


def test_a_large_file_in_the_content_folder_is_hashed_in_a_stream(bundle: Path, tmp_path: Path) -> None:
    """With the cache on, the build hashes every file of the content folder to know whether the site is up to
    date; a 900 MB video beside the articles must not be held in memory whole (it is sparse: it costs no disk)."""
    video = bundle / "media" / "interview.mp4"
    video.parent.mkdir()
    with open(video, "wb") as file:
        file.truncate(900_000_000)
    run = digest_process(["build", "--content", bundle, "--out", tmp_path / "site", "--jobs", "1"], tmp_path, TIMEOUT * 3, 4_000_000_000)
    assert run.code == 0, run.said
    assert peak_kilobytes(run) < 500_000, f"the build held {peak_kilobytes(run) // 1000} MB at its peak"
