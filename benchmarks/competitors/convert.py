"""Rewrite a Framing Digest `content/` folder in the forms Pelican and Hugo read.

The comparison is only fair if every generator builds the same articles into
the same set of pages: one per article, one per event, one per outlet and an
index. Pelican calls events "categories" and outlets "authors"; Hugo calls both
taxonomies. Bodies are copied unchanged.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PELICAN_SETTINGS = HERE / "pelican" / "pelicanconf.py"
PELICAN_THEME = HERE / "pelican" / "theme"
HUGO_SITE = HERE / "hugo"

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SourceArticle:
    slug: str
    title: str
    published: str
    event: str
    outlet_name: str
    body: str


def read_articles(content: Path) -> Iterator[SourceArticle]:
    """Articles in path order, with the outlet's display name looked up once."""
    outlets = yaml.load((content / "outlets.yaml").read_text(encoding="utf-8"), Loader=_LOADER) or {}
    for path in sorted((content / "articles").glob("*/*.md")):
        _, front_text, body = path.read_text(encoding="utf-8").split("---\n", 2)
        front = yaml.load(front_text, Loader=_LOADER)
        outlet = outlets.get(front["outlet"], {}) or {}
        yield SourceArticle(
            slug=path.stem[len("yyyy-mm-dd-") :],
            title=str(front["title"]),
            published=str(front["published"]),
            event=str(front["event"]),
            outlet_name=str(outlet.get("name", front["outlet"])),
            body=body.lstrip("\n"),
        )


def _fresh(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def to_pelican(content: Path, out: Path) -> int:
    """Markdown files with Pelican's `Key: value` metadata lines; returns the article count."""
    _fresh(out)
    count = 0
    for article in read_articles(content):
        header = (
            f"Title: {article.title}\nDate: {article.published}\nCategory: {article.event}\n"
            f"Author: {article.outlet_name}\nSlug: {article.slug}\n\n"
        )
        (out / f"{article.slug}.md").write_text(header + article.body, encoding="utf-8")
        count += 1
    return count


def to_hugo(content: Path, site: Path) -> int:
    """A Hugo site: our settings and layouts plus content/articles/*.md with YAML front matter."""
    _fresh(site)
    shutil.copy2(HUGO_SITE / "hugo.toml", site / "hugo.toml")
    shutil.copytree(HUGO_SITE / "layouts", site / "layouts")
    shutil.copytree(HUGO_SITE / "static", site / "static")
    articles = site / "content" / "articles"
    articles.mkdir(parents=True)
    count = 0
    for article in read_articles(content):
        front = (
            f"---\ntitle: {json.dumps(article.title)}\ndate: {article.published}\nslug: {article.slug}\n"
            f"events: [{json.dumps(article.event)}]\noutlets: [{json.dumps(article.outlet_name)}]\n"
            f"outlet_name: {json.dumps(article.outlet_name)}\n---\n\n"
        )
        (articles / f"{article.slug}.md").write_text(front + article.body, encoding="utf-8")
        count += 1
    return count
