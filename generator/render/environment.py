"""The Jinja environment the site's templates are rendered in."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.render import views
from generator.render.tables import counts_table, event_cards


def make_environment(templates: Path) -> Environment:
    """One environment per build: templates cannot change during it, so a loaded template is never
    checked against its file again (each page and each `{% from %}` would otherwise stat it)."""
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        auto_reload=False,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = views.date_html
    env.globals["counts_table"] = counts_table  # written in Python: the templates call these like macros
    env.globals["event_cards"] = event_cards
    return env
