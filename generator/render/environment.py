"""The Jinja environment the site's templates are rendered in: Jinja's sandbox, whatever the templates' origin.

Templates are code, and a theme may come with a content folder someone else
wrote; outside the sandbox a template line such as
`{{ cycler.__init__.__globals__.os.system(...) }}` runs a shell command. In the
immutable sandbox a template reaches no private attribute, no function's
globals, and cannot change the values it is given. Template files are read like
content files (`contained.py`): never through a link out of the folder, never a
pipe or a device, never past a size limit.
"""

from __future__ import annotations

import os
import types
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, BytecodeCache, Environment, StrictUndefined, TemplateError, TemplateNotFound, select_autoescape
from jinja2.bccache import Bucket
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from generator.contained import ReadRefused, read_inside
from generator.render import views
from generator.render.tables import counts_table, event_cards

MAX_TEMPLATE_BYTES = 2_000_000
_METHOD_TYPES = frozenset({types.MethodType, types.BuiltinMethodType})
"""What Jinja's `wrap_str_format` looks at (a bound `str.format` is one); neither type can be subclassed."""


class TemplateRefused(TemplateNotFound):
    """A template file that is a link out of its folder, a pipe or a device, or too large."""


class FolderLoader(BaseLoader):
    """Templates from one folder, each read at most once per build (the environment never reloads)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, None]:
        path = os.path.join(self.folder, *split_template_path(template))  # refuses `..` in the name
        try:
            source = read_inside(self.folder, path, MAX_TEMPLATE_BYTES, "the templates folder").decode("utf-8")
        except FileNotFoundError:
            raise TemplateNotFound(template) from None
        except ReadRefused as error:
            raise TemplateRefused(template, f"template {template} {error}") from None
        return source, path, None


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, deciding each (type, attribute name) once. Its checks (a private name, a
    function's or frame's internals, a method that changes a list or dict) depend on nothing else, and a
    build reads the same few attributes of the same few view types hundreds of thousands of times."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.decided: dict[tuple[type, str], bool] = {}
        self.safe_names: dict[type, set[str]] = {}
        """type -> the attribute names decided safe for it: what `getattr` asks first, with no key to build."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self.decided.get(key)
        if safe is None:
            safe = self.decided[key] = super().is_safe_attribute(obj, attr, value)
            if safe:
                self.safe_names.setdefault(type(obj), set()).add(attr)
        return safe

    def getattr(self, obj: Any, attribute: str) -> Any:
        """An attribute decided safe for its type, whose value is no method (so no `str.format` to wrap), is
        returned at once; anything else takes Jinja's own path. Most reads are a view's data fields.
        (The method types cannot be subclassed, so testing the value's exact type is Jinja's isinstance test.)"""
        names = self.safe_names.get(type(obj))
        if names is not None and attribute in names:
            try:
                value = getattr(obj, attribute)
            except AttributeError:
                pass
            else:
                if type(value) not in _METHOD_TYPES:
                    return value
        return super().getattr(obj, attribute)


class CompiledTemplates(BytecodeCache):
    """Templates compiled by earlier builds, by Jinja's key, in a dict the build keeps in its store (sealed, like
    every value there) under the templates' and the code's version. Jinja checks each one against its
    template's source before using it, and compiles the template again when it differs."""

    def __init__(self, compiled: dict[str, bytes]) -> None:
        self.compiled = compiled

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def make_environment(templates: Path, compiled: dict[str, bytes] | None = None) -> Environment:
    """One environment per build: templates cannot change during it, so a loaded template is never
    checked against its file again (each page and each `{% from %}` would otherwise stat it). With
    `compiled`, the folder's templates are loaded at once, from it where they are there and into it
    where they are not, so the worker processes forked later inherit them instead of compiling their own."""
    env = Sandbox(
        loader=FolderLoader(templates),
        auto_reload=False,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = views.date_html
    env.globals["unavailable_step"] = views.unavailable_step
    env.globals["unavailable_part"] = views.unavailable_part
    env.globals["counts_table"] = counts_table  # written in Python: the templates call these like macros
    env.globals["event_cards"] = event_cards
    if compiled is not None:
        env.bytecode_cache = CompiledTemplates(compiled)
        for name in sorted(os.listdir(templates)):
            if name.endswith(".html"):
                try:
                    env.get_template(name)
                except (TemplateError, OSError):  # a template that cannot be loaded fails the page that uses it, as without this
                    pass
    return env


def compile_templates(templates: Path) -> dict[str, bytes]:
    """Every template of the folder, compiled, by Jinja's key: what `make_environment` loads without
    compiling. Made apart from the environment so a build can compile beside its loading."""
    compiled: dict[str, bytes] = {}
    make_environment(templates, compiled)
    return compiled
