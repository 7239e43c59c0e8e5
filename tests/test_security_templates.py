"""Issue #21, 1: templates are code. A `templates/` folder that lies beside a content folder is never used;
a folder of templates is used only when named (`--templates DIR`, or `theme:` in site.yaml naming a folder
inside the content folder), and whatever their origin, templates render in Jinja's sandbox, so a template
line that would run a shell command stops the build instead, with nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.security_support import bundle, digest, user, write_site_yaml  # noqa: F401 - fixtures

ESCAPES = {
    "globals of a helper": '{{{{ cycler.__init__.__globals__.os.system("touch {marker}") }}}}',
    "subclasses of object": '{{{{ "".__class__.__mro__[1].__subclasses__() }}}}',
    "a function's globals": '{{{{ lipsum.__globals__["os"].system("touch {marker}") }}}}',
    "str.format reaching attributes": '{{{{ "{{0.__class__.__init__.__globals__}}".format(cycler) }}}}',
}
"""Classic ways out of a Jinja template; the first is the line the review used."""


def hostile_templates(folder: Path, marker: Path, escape: str = "globals of a helper") -> Path:
    """A copy of the project's templates whose base.html starts with a line that, run, creates `marker`."""
    shutil.copytree(ROOT / "templates", folder)
    base = folder / "base.html"
    base.write_text(ESCAPES[escape].format(marker=marker) + "\n" + base.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_templates_beside_the_content_folder_are_never_used(bundle: Path, tmp_path: Path) -> None:
    """An unzipped bundle holds content/ and templates/; building its content runs none of the bundle's templates."""
    marker = tmp_path / "command-ran"
    hostile_templates(bundle.parent / "templates", marker)
    run = digest("build", "--content", bundle, "--out", tmp_path / "site", "--no-cache")
    assert not marker.exists(), "a template beside the content folder ran a shell command"
    assert run.code == 0, run.said
    first = run.out.splitlines()[0]
    assert first.startswith("Templates: ") and "the project's own" in first, run.out
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Test Digest" in html


@pytest.mark.parametrize("escape", sorted(ESCAPES))
def test_templates_named_on_the_command_line_render_in_the_sandbox(bundle: Path, tmp_path: Path, escape: str) -> None:
    marker = tmp_path / "command-ran"
    folder = hostile_templates(tmp_path / "downloaded-theme", marker, escape)
    run = digest("build", "--content", bundle, "--out", tmp_path / "site", "--no-cache", "--templates", folder)
    assert not marker.exists()
    assert run.code == 1, run.said
    assert "unsafe" in run.err and "templates" in run.err, run.err
    assert "nothing was written" in run.err
    assert not (tmp_path / "site").exists()


def test_a_theme_in_the_content_folder_renders_in_the_sandbox(bundle: Path, tmp_path: Path) -> None:
    """Naming a theme that came with the content is the user's choice; its templates still cannot run code."""
    marker = tmp_path / "command-ran"
    hostile_templates(bundle / "theme", marker)
    write_site_yaml(bundle, "theme: theme\n")
    run = digest("build", "--content", bundle, "--out", tmp_path / "site", "--no-cache")
    assert not marker.exists()
    assert run.code == 1 and "unsafe" in run.err, run.said
    assert run.out.splitlines()[0].startswith("Templates: bundle/content/theme/ (the theme named in site.yaml"), run.out


def test_a_named_theme_is_used_and_said_in_the_first_line(bundle: Path, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "templates", bundle / "theme")
    base = bundle / "theme" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("<footer", "<p>Printed by the harbour theme.</p>\n<footer"), encoding="utf-8")
    write_site_yaml(bundle, "theme: theme\n")
    run = digest("build", "--content", bundle, "--out", tmp_path / "site", "--no-cache")
    assert run.code == 0, run.said
    assert run.out.splitlines()[0] == "Templates: bundle/content/theme/ (the theme named in site.yaml; rendered in Jinja's sandbox)"
    assert "Printed by the harbour theme." in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    own = digest("build", "--content", bundle, "--out", tmp_path / "own", "--no-cache", "--templates", ROOT / "templates")
    assert own.code == 0 and "named with --templates" in own.out.splitlines()[0], own.said
    assert "Printed by the harbour theme." not in (tmp_path / "own" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("theme", ["../templates", "/tmp", "theme/../../templates", "linked-theme"])
def test_a_theme_outside_the_content_folder_is_refused(bundle: Path, tmp_path: Path, theme: str) -> None:
    shutil.copytree(ROOT / "templates", bundle.parent / "templates")
    (bundle / "linked-theme").symlink_to(bundle.parent / "templates")
    write_site_yaml(bundle, f"theme: {theme}\n")
    run = digest("build", "--content", bundle, "--out", tmp_path / "site", "--no-cache")
    assert run.code == 1, run.said
    assert "bundle/content/site.yaml:5: theme: " in run.err, run.err
    assert "must be a folder inside the content folder" in run.err or "a folder outside the content folder" in run.err, run.err
    assert not (tmp_path / "site").exists()
    checked = digest("check", "--content", bundle)
    assert checked.code == 1 and "site.yaml:5: theme: " in checked.err, checked.said


def test_a_theme_file_linked_to_a_file_outside_is_not_published(bundle: Path, tmp_path: Path) -> None:
    """A theme's asset (or template) that is a link to a private file elsewhere is refused, never copied into the site."""
    secret = tmp_path / "private-notes.txt"
    secret.write_text("PRIVATE-NOTES-7781\n", encoding="utf-8")
    shutil.copytree(ROOT / "templates", bundle / "theme")
    (bundle / "theme" / "assets" / "notes.css").symlink_to(secret)
    write_site_yaml(bundle, "theme: theme\n")
    run = digest("build", "--content", bundle, "--out", tmp_path / "site", "--no-cache")
    assert run.code != 0, run.said
    assert "notes.css is a symbolic link to a file outside the templates folder" in run.err, run.err
    assert not (tmp_path / "site").exists()
    (bundle / "theme" / "assets" / "notes.css").unlink()
    (bundle / "theme" / "_macros.html").unlink()
    (bundle / "theme" / "_macros.html").symlink_to(secret)
    run = digest("build", "--content", bundle, "--out", tmp_path / "site", "--no-cache")
    assert run.code == 1 and "_macros.html is a symbolic link to a file outside the templates folder" in run.err, run.said
    assert not (tmp_path / "site").exists()


def test_the_sandbox_shortcut_for_data_attributes_never_skips_its_checks(tmp_path: Path) -> None:
    """The sandbox returns a data attribute it has decided safe for a type without Jinja's checks; a method
    of the same object, a private attribute of the same type and `str.format` still take them."""
    from dataclasses import dataclass

    from jinja2.exceptions import SecurityError

    from generator.render.environment import make_environment

    @dataclass(frozen=True)
    class View:
        name: str
        _secret: str = "hidden"

    (tmp_path / "data.html").write_text("{{ v.name }}{{ v.name }}", encoding="utf-8")
    (tmp_path / "private.html").write_text("{{ v.name }}{{ v._secret }}", encoding="utf-8")
    (tmp_path / "format.html").write_text('{{ v.name }}{{ v.name.format }}{{ "{0.__class__}".format(v) }}', encoding="utf-8")
    env = make_environment(tmp_path)
    view = View("Lee")
    assert env.get_template("data.html").render(v=view) == "LeeLee"
    with pytest.raises(SecurityError):
        env.get_template("private.html").render(v=view)
    with pytest.raises(SecurityError):
        env.get_template("format.html").render(v=view)
