"""`make bundle`: dist/<site-title-slug>-<date>.zip holding the whole built site in one folder."""

from __future__ import annotations

import datetime as dt
import importlib.util
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


def load_bundle_module():
    spec = importlib.util.spec_from_file_location("bundle", ROOT / "scripts" / "bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = load_bundle_module()


@pytest.mark.parametrize(
    "title,slug",
    [("Framing Digest", "framing-digest"), ("  Médias & Cadrage: 2021!  ", "medias-cadrage-2021"), ("???", "site")],
)
def test_slugify(title: str, slug: str) -> None:
    assert bundle.slugify(title) == slug


def test_bundle_zips_the_site_under_one_folder(seed_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    code = bundle.main(["--site", str(seed_site), "--content", str(ROOT / "content"), "--out", str(out), "--date", "2024-05-06"])
    assert code == 0
    target = out / "framing-digest-2024-05-06.zip"
    assert [p.name for p in out.iterdir()] == [target.name]  # no partial file left behind
    files = [p.relative_to(seed_site).as_posix() for p in sorted(seed_site.rglob("*")) if p.is_file()]  # in path order, folder by folder
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names == [f"framing-digest-2024-05-06/{f}" for f in files]
        assert archive.read("framing-digest-2024-05-06/index.html") == (seed_site / "index.html").read_bytes()
        assert "framing-digest-2024-05-06/assets/search/index.js" in names
        assert {info.date_time for info in archive.infolist()} == {(2024, 5, 6, 0, 0, 0)}
    first = target.read_bytes()
    assert bundle.main(["--site", str(seed_site), "--content", str(ROOT / "content"), "--out", str(out), "--date", "2024-05-06"]) == 0
    assert target.read_bytes() == first  # same site, same day: same bytes


def test_bundle_names_by_today_by_default(seed_site: Path, tmp_path: Path) -> None:
    assert bundle.main(["--site", str(seed_site), "--content", str(ROOT / "content"), "--out", str(tmp_path)]) == 0
    assert (tmp_path / f"framing-digest-{dt.date.today().isoformat()}.zip").is_file()


def test_bundle_without_a_built_site_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bundle.main(["--site", str(tmp_path / "site"), "--content", str(ROOT / "content"), "--out", str(tmp_path / "dist")]) == 1
    assert "make site" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()
