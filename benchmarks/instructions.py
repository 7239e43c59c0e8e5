"""Count the instructions a build executes, per stage, with callgrind: the same count whatever else the machine runs.

Usage:
    python benchmarks/instructions.py CONTENT [--checkout DIR] [--jobs N]

Runs `digest build --no-cache` of CONTENT (into a temporary folder, with a fixed
hash seed, its modules compiled beforehand) under
`valgrind --tool=callgrind`, using the generator found in DIR (default: this
checkout), and prints the instructions of each stretch between the stages the
build announces to its `Progress`, and the total. Every stage start calls
`os.sched_yield()`, and callgrind is told to write its counts before each call,
so one run gives every stretch. Forked workers are followed: callgrind also
writes the counts before each fork, so a worker's file holds its own work only
(a forked process otherwise starts from its parent's counts), and each worker is
counted in the stage that started it, beside the building process's own work.
The count is all the build's user-mode work, on any number of jobs. About 40
times slower than a build: a few minutes per 1,000 articles. Needs valgrind
(Debian package).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

RUNNER = """
import os, sys
from pathlib import Path
from generator.build import BuildOptions, Progress, build

class Marks(Progress):
    def __init__(self, names):
        self.names = names

    def stage(self, name, total=0):
        self.names.append(name)
        os.sched_yield()  # callgrind writes the counts so far here

names = []
content, out, jobs, listing = sys.argv[1:5]
build(BuildOptions(content=Path(content), out=Path(out), jobs=int(jobs)), Marks(names))
names.append("(end)")
os.sched_yield()
Path(listing).write_text("\\n".join(names) + "\\n", encoding="utf-8")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--checkout", type=Path, default=HERE.parent, help="the checkout whose generator is run")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        counts, listing = Path(scratch) / "callgrind.out", Path(scratch) / "stages"
        environment = {**os.environ, "PYTHONPATH": str(args.checkout.resolve())}
        environment.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's build reads compiled modules
        environment["PYTHONHASHSEED"] = "0"  # the order of sets and dicts of strings, and so the count, the same each run
        command = ["valgrind", "--tool=callgrind", "--dump-before=sched_yield", "--dump-before=fork",
                   f"--callgrind-out-file={counts}.%p",
                   sys.executable, "-c", RUNNER, str(args.content.resolve()), str(Path(scratch) / "site"), str(args.jobs), str(listing)]
        # compiled once beforehand, so a fresh checkout's first run does not count compiling its modules
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(args.checkout.resolve() / "generator")], check=True, env=environment)
        subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        stages = count_stages(Path(scratch), listing.read_text(encoding="utf-8").split())
    print(f"{'stage':<16} {'own':>9} {'workers':>9} {'in all':>9}")
    for name, (own, workers, each) in stages.items():
        started = f" ({len(each)} started: {' + '.join(f'{count / 1e9:.2f}G' for count in each)})" if each else ""
        print(f"{name:<16} {own / 1e9:8.2f}G {workers / 1e9:8.2f}G {(own + workers) / 1e9:8.2f}G{started}")
    total = sum(own + workers for own, workers, _ in stages.values())
    print(f"{'total':<16} {'':>9} {'':>9} {total / 1e9:8.2f}G")
    return 0


def count_stages(folder: Path, names: list[str]) -> dict[str, tuple[int, int, list[int]]]:
    """stage -> (the building process's own instructions, its workers', each worker's in the order started:
    a stage's wall time follows its busiest worker).

    Each process writes `callgrind.out.PID.N` at each dump and `callgrind.out.PID` at exit. The building
    process is the first one; its dumps, in order, are either a stage's start (the stretch before it
    belongs to the stage before) or a fork (the next worker, by process id, belongs to the current stage)."""
    parts: dict[int, list[tuple[float, Path]]] = {}
    for path in folder.glob("callgrind.out.*"):
        pid, _, number = path.name.removeprefix("callgrind.out.").partition(".")
        parts.setdefault(int(pid), []).append((int(number) if number else float("inf"), path))
    builder, *workers = sorted(parts)
    stages: dict[str, tuple[list[int], list[int]]] = {"start-up": ([0], [])}
    current, upcoming = "start-up", iter([*names[:-1], "exit"])  # the last name marks the build's return
    forked_in: list[str] = []
    for _, path in sorted(parts[builder]):
        count, trigger = _summary(path)
        stages[current][0][0] += count
        if trigger.endswith("sched_yield"):
            current = next(upcoming)
            stages.setdefault(current, ([0], []))
        elif trigger.endswith("fork"):
            forked_in.append(current)
    if len(forked_in) != len(workers):
        raise ValueError(f"{len(forked_in)} forks but {len(workers)} other processes: a worker started its own")
    for stage, pid in zip(forked_in, workers):
        stages[stage][1].append(sum(_summary(path)[0] for _, path in parts[pid]))
    return {name: (own[0], sum(each), each) for name, (own, each) in stages.items()}


def _summary(part: Path) -> tuple[int, str]:
    """A dump's instruction count and what triggered it."""
    text = part.read_text(encoding="utf-8", errors="replace")
    found = re.search(r"^summary: (\d+)", text, re.MULTILINE)
    if found is None:
        raise ValueError(f"{part}: no summary line")
    trigger = re.search(r"^desc: Trigger: (.*)$", text, re.MULTILINE)
    return int(found.group(1)), trigger.group(1).strip() if trigger else ""


if __name__ == "__main__":
    sys.exit(main())
