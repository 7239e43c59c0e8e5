"""Helpers for the importer's tests: what a reader sees of an imported body."""

from __future__ import annotations

from html.parser import HTMLParser

from generator.markdown import make_parser


class _Text(HTMLParser):
    """The text of rendered HTML, one entry per paragraph; notes every tag other than <p>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.tags: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "p":
            self.paragraphs.append("")
            self.inside = True
        else:
            self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.paragraphs[-1] += data
        elif data.strip():
            self.paragraphs.append(data)  # text outside any paragraph: the comparison will show it


def rendered(markdown: str) -> tuple[list[str], list[str]]:
    """(the paragraphs' text, the tags other than <p>) of `markdown` rendered by the site's parser."""
    parser = _Text()
    parser.feed(make_parser().render(markdown))
    parser.close()
    return parser.paragraphs, parser.tags
