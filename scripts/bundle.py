"""`make bundle`: zip the built site into dist/<site-title-slug>-<YYYY-MM-DD>.zip for reading offline.

The archive holds one folder of the same name, so unzipping never scatters files;
entries are sorted and stamped with the bundle date, so one site bundled on one
day always gives the same bytes.

Usage: python scripts/bundle.py [--site site] [--content content] [--out dist] [--date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

import yaml


def slugify(title: str) -> str:
    """'Framing Digest: Iraq' -> 'framing-digest-iraq'; ASCII only, so the name is safe on every disk."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "site"


def site_title(content: Path) -> str:
    data = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8")) or {}
    title = data.get("title") if isinstance(data, dict) else None
    if not isinstance(title, str) or not title.strip():
        raise ValueError(f"{content / 'site.yaml'}: no title")
    return title.strip()


def bundle_name(title: str, day: dt.date) -> str:
    return f"{slugify(title)}-{day.isoformat()}"


def write_bundle(site: Path, target: Path, folder: str, day: dt.date) -> int:
    """Zip every file under `site` into `target` below `folder/`; returns the number of files."""
    files = sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink())
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    partial.replace(target)
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Zip the built site for reading offline.")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site/)")
    parser.add_argument("--content", type=Path, default=Path("content"), help="the content folder, for the site title")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="where the zip goes (default: dist/)")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=None, help="date in the name (default: today)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"bundle: {args.site}/index.html not found; build the site first (make site)", file=sys.stderr)
        return 1
    try:
        title = site_title(args.content)
    except (OSError, ValueError, yaml.YAMLError) as error:
        print(f"bundle: {error}", file=sys.stderr)
        return 1
    day = args.date or dt.date.today()
    name = bundle_name(title, day)
    target = args.out / f"{name}.zip"
    count = write_bundle(args.site, target, name, day)
    print(f"Wrote {target} ({count} files). Unzip it and open {name}/index.html in a browser.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
