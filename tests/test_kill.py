"""A build that is killed leaves the previous site whole, and the next build cleans up after it.

The test writes a large corpus with a small generator, builds it once (the
"previous site"), changes the site's title (so that a build which got as far as
swapping its output in would change every page), then starts builds of it as
subprocesses and kills each with SIGKILL at a different point while it is
writing into its temporary folder (`site.tmp-*`): as soon as the folder appears,
halfway through, and near the end. After every kill `site/` must be
byte-identical to before. A last build must leave no temporary folder behind
produce the same bytes as a clean build (`--no-cache`) of the same content; where
a kill came only after the atomic swap, the site then was exactly that build.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.writer import SiteWriter, remove_leftovers
from tests.conftest import ROOT, copy_minimal_content

ARTICLES = int(os.environ.get("DIGEST_KILL_ARTICLES", "500"))
OUTLETS = ("alpha", "beta", "gamma", "delta")
WORDS = (
    "harbour city officials said fire boats night government port workers minister statement police report "
    "families people water street building morning residents council investigation damage week river bridge "
    "market school hospital election vote budget plan support talks agreement border trade security"
).split()
FRAMING = ("regime", "thugs", "claimed", "so-called", "reportedly", "massive", "Iran-backed", "terrorist", "without evidence")


def write_corpus(content: Path, articles: int, seed: int = 11) -> None:
    """`articles` articles over four outlets, three to an event, each a few hundred words with quotations and numbers."""
    copy_minimal_content(content)
    shutil.rmtree(content / "articles")
    shutil.rmtree(content / "events")
    rng = random.Random(seed)
    outlets = "".join(
        f"{o}:\n  name: {o.title()} News\n  country: Land {i}\n  ownership: Private\n  license: {'CC BY 4.0' if i % 2 == 0 else 'All rights reserved'}\n"
        for i, o in enumerate(OUTLETS)
    )
    (content / "outlets.yaml").write_text(outlets, encoding="utf-8")
    (content / "events").mkdir()
    for number in range(articles // 3 + 1):
        (content / "events" / f"event-{number:04d}.md").write_text(
            f"---\ntitle: Event {number}\nstart: 2021-03-01\n---\n\nSomething happened at place {number}.\n", encoding="utf-8"
        )
    for number in range(articles):
        outlet = OUTLETS[number % len(OUTLETS)]
        folder = content / "articles" / outlet
        folder.mkdir(parents=True, exist_ok=True)
        paragraphs = []
        for _ in range(6):
            words = [rng.choice(WORDS) for _ in range(45)]
            words.insert(rng.randrange(len(words)), rng.choice(FRAMING))
            sentence = " ".join(words).capitalize()
            paragraphs.append(f'{sentence}. "We will rebuild {rng.randint(2, 90)} homes," Mayor Jane Roe said.')
        day = 1 + number % 28
        (folder / f"2021-03-{day:02d}-story-{number:05d}.md").write_text(
            f"---\ntitle: Story {number} about the {rng.choice(WORDS)}\noutlet: {outlet}\npublished: 2021-03-{day:02d}\n"
            f"event: event-{number // 3:04d}\n---\n\n" + "\n\n".join(paragraphs) + "\n",
            encoding="utf-8",
        )


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def build_command(out: str = "site") -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--content", "content", "--out", out, "--quiet"]


def files_in(folder: Path) -> int:
    try:
        return sum(1 for p in folder.rglob("*") if p.is_file())
    except FileNotFoundError:
        return 0


def start_and_kill(cwd: Path, kill_after_files: int) -> int:
    """Start a build, wait until its temporary folder holds `kill_after_files` files, SIGKILL it; return how many it held."""
    earlier = set(cwd.glob("site.tmp-*"))  # a previous kill's folder, which this build removes before making its own
    process = subprocess.Popen(build_command(), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"the build finished (exit {process.returncode}) before it could be killed with {kill_after_files} files written; "
                    f"raise DIGEST_KILL_ARTICLES. stderr: {process.stderr.read().decode()[-2000:] if process.stderr else ''}"
                )
            temporaries = [p for p in cwd.glob("site.tmp-*") if p not in earlier]
            if temporaries and files_in(temporaries[0]) >= kill_after_files:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                assert process.returncode == -signal.SIGKILL, f"the build ended on its own (exit {process.returncode}) before the kill"
                return files_in(temporaries[0])
            time.sleep(0.005)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if process.stderr:
            process.stderr.close()


def test_a_killed_build_leaves_the_site_whole(tmp_path: Path) -> None:
    """`site/` after a SIGKILL is the previous site or (if the kill came after the swap) the new one: never a mix."""
    write_corpus(tmp_path / "content", ARTICLES)
    first = subprocess.run(build_command(), cwd=tmp_path, capture_output=True, text=True, timeout=1800)
    assert first.returncode == 0, first.stderr
    site = tmp_path / "site"
    before = tree_digest(site)
    total = len(before)
    assert total > ARTICLES  # an article page and a JSON file per article, event pages, assets

    site_yaml = tmp_path / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace("title: Test Digest", "title: Test Digest, second edition"), encoding="utf-8")

    pages = sum(1 for name in before if name.endswith(".html"))  # written first; the JSON data after them goes fast
    observed = []
    for threshold in (1, pages // 2, pages * 9 // 10):
        current = tree_digest(site)
        written = start_and_kill(tmp_path, threshold)
        assert written >= threshold
        observed.append((written, current, tree_digest(site)))
        assert list(tmp_path.glob("site.tmp-*")), "the killed build's temporary folder should still be there for the next build to remove"

    last = subprocess.run(build_command(), cwd=tmp_path, capture_output=True, text=True, timeout=1800)
    assert last.returncode == 0, last.stderr
    assert not list(tmp_path.glob("site.tmp-*")) and not list(tmp_path.glob("site.old-*")), sorted(p.name for p in tmp_path.iterdir())
    after = tree_digest(site)
    assert after != before and "second edition" in (site / "index.html").read_text(encoding="utf-8")
    # Killed before the swap: the previous site, untouched. Killed after the atomic swap (while the old
    # copy was being deleted): the new site, complete, the same bytes the last build made. Never a mix.
    for written, current, now in observed:
        assert now in (current, after), f"site/ is neither the previous nor the new site after a kill with {written} of {total} files written"
    assert observed[0][2] == before, "killed as soon as the temporary folder appeared, yet site/ changed"
    fresh = subprocess.run([*build_command("fresh"), "--no-cache"], cwd=tmp_path, capture_output=True, text=True, timeout=1800)
    assert fresh.returncode == 0, fresh.stderr
    assert tree_digest(tmp_path / "fresh") == after, "after the kills, the site differs from a clean build of the same content"


# -- the writer's recovery, case by case (no subprocess needed) -------------------------------------


def test_leftover_temporary_folders_are_removed_by_the_next_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with SiteWriter(site) as writer:
        writer.write("index.html", b"one")
        writer.commit()
    (tmp_path / "site.tmp-deadbeef0000").mkdir()
    (tmp_path / "site.tmp-deadbeef0000" / "index.html").write_bytes(b"half")
    (tmp_path / "site.old-deadbeef0001").mkdir()
    with SiteWriter(site) as writer:
        writer.write("index.html", b"two")
        writer.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (site / "index.html").read_bytes() == b"two"


def test_a_swap_cut_short_is_undone(tmp_path: Path) -> None:
    """Without renameat2 the writer renames site -> site.old-*, then tmp -> site: killed between the two, site/ is missing."""
    old = tmp_path / "site.old-0123456789ab"
    old.mkdir()
    (old / "index.html").write_bytes(b"previous")
    (tmp_path / "site.tmp-0123456789ac").mkdir()
    remove_leftovers(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_failing_build_removes_its_own_temporary_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with SiteWriter(site) as writer:
        writer.write("index.html", b"one")
        writer.commit()
    with pytest.raises(RuntimeError):
        with SiteWriter(site) as writer:
            writer.write("index.html", b"two")
            raise RuntimeError("render failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (site / "index.html").read_bytes() == b"one"


def test_the_project_root_is_importable_from_the_subprocess() -> None:
    """The subprocess runs `python -m generator` from a temporary folder; the package must be installed, not just on sys.path."""
    result = subprocess.run([sys.executable, "-c", "import generator, sys; print(generator.__file__)"], cwd="/", capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and Path(result.stdout.strip()).is_relative_to(ROOT), result
