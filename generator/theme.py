"""Which templates render the site: the project's own, unless a folder is named.

Templates are code. Jinja renders them in its sandbox whatever their origin
(`render/environment.py`), but a folder of templates is still used only when
someone names it: `--templates DIR` on the command line, or `theme: DIR` in
`site.yaml`, a folder inside the content folder. A `templates/` folder that
merely lies beside the content folder is never picked up. Every file of the
chosen folder is read as content files are (`contained.py`): never through a
link out of the folder, never a pipe or a device, never past a size limit.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.contained import ReadRefused, is_inside, read_inside
from generator.errors import ContentError, Problem
from generator.fingerprint import file_names, input_fingerprint
from generator.keys import PACKAGE
from generator.load import display_path, load_yaml_file
from generator.validate.config import is_relative_inside
from generator.yamlsafe import line_of

PROJECT_TEMPLATES = PACKAGE.parent / "templates"
MAX_TEMPLATE_BYTES = 2_000_000
MAX_ASSET_BYTES = 50_000_000
"""A stylesheet, a script, a font or an image of a theme; the project's own assets are under 20 kB."""


class TemplatesRefused(Exception):
    """The templates cannot be used as named; the message says why and what to do."""


@dataclass(frozen=True)
class Templates:
    folder: Path
    origin: str
    """"project" (this checkout's templates/), "option" (--templates DIR) or "theme" (theme: in site.yaml)."""

    def describe(self) -> str:
        shown = display_path(self.folder).rstrip("/") + "/"
        return {
            "project": f"Templates: {shown} (the project's own)",
            "option": f"Templates: {shown} (named with --templates; rendered in Jinja's sandbox)",
            "theme": f"Templates: {shown} (the theme named in site.yaml; rendered in Jinja's sandbox)",
        }[self.origin]


def choose_templates(content: Path, given: Path | None) -> Templates:
    """`given` (the command line's choice), else the theme `site.yaml` names, else the project's own.

    Raises ContentError for a `theme:` that is not a folder of templates inside the content folder,
    TemplatesRefused for a `given` folder without a base.html."""
    if given is not None:
        if not (given / "base.html").is_file():
            raise TemplatesRefused(f"--templates {given} has no base.html; name a folder of templates "
                                   f"(a copy of {display_path(PROJECT_TEMPLATES)}/ is a good start)")
        return Templates(given, "option")
    theme = theme_folder(content)
    return theme if theme is not None else Templates(PROJECT_TEMPLATES, "project")


def theme_folder(content: Path) -> Templates | None:
    """The folder `theme:` in `site.yaml` names, checked; None when there is no such key (or site.yaml cannot be
    read: validation reports that)."""
    site, _ = load_yaml_file(content, "site.yaml", required=False)
    if not isinstance(site.data, dict) or not isinstance(site.data.get("theme"), str) or not site.data["theme"].strip():
        return None
    name = site.data["theme"].strip()

    def refuse(message: str) -> ContentError:
        return ContentError((Problem(site.path, line_of(site.data, "theme"), "theme", message),))

    if not is_relative_inside(name):
        raise refuse(f"{name!r} must be a folder inside the content folder, e.g. theme/; templates elsewhere are named "
                     "on the command line with --templates DIR")
    folder = content / name
    if not is_inside(os.path.realpath(content), os.path.realpath(folder)):
        raise refuse(f"{name!r} is a symbolic link to a folder outside the content folder; copy the theme into it")
    if not (folder / "base.html").is_file():
        raise refuse(f"{name!r} is not a folder of templates (it has no base.html); start from a copy of templates/")
    return Templates(folder, "theme")


def templates_version(folder: Path) -> str:
    """A hash of the templates and their assets, streamed and without following links (as `fingerprint.py`),
    so a changed template never reuses old pages."""
    return input_fingerprint((folder.absolute(),), "templates")[:16]


def template_assets(folder: Path) -> Iterator[tuple[str, bytes]]:
    """The files of `folder` (the templates' assets/), by path relative to it, each read as a content file is."""
    for name in sorted(file_names(str(folder), links=True)):
        try:
            yield name, read_inside(folder, folder / name, MAX_ASSET_BYTES, "the templates folder")
        except ReadRefused as error:
            raise TemplatesRefused(f"{display_path(folder / name)} {error}") from None
        except OSError as error:
            raise TemplatesRefused(f"{display_path(folder / name)} cannot be read: {error.strerror or error}") from None


def inline_stylesheet(templates: Path) -> str:
    """The templates' assets/style.css as the text of a <style> element (for the one page that can load
    nothing: 404.html); `</` is written `<\\/`, the same in CSS, so the text cannot close the element."""
    path = templates / "assets" / "style.css"
    try:
        css = read_inside(templates, path, MAX_ASSET_BYTES, "the templates folder").decode("utf-8")
    except FileNotFoundError:
        return ""
    except (ReadRefused, OSError, UnicodeDecodeError) as error:
        raise TemplatesRefused(f"{display_path(path)} cannot be inlined into 404.html: {error}") from None
    return css.replace("</", "<\\/")
