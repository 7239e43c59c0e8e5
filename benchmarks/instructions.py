"""Count the instructions a build executes, per stage, with callgrind: the same count whatever else the machine runs.

Usage:
    python benchmarks/instructions.py CONTENT [--checkout DIR] [--jobs N]

Runs `digest build --no-cache` of CONTENT (into a temporary folder) under
`valgrind --tool=callgrind`, using the generator found in DIR (default: this
checkout), and prints the instructions of each stretch between the stages the
build announces to its `Progress`, and the total. Every stage start calls
`os.sched_yield()`, and callgrind is told to write its counts before each call,
so one run gives every stretch. At one job (the default) the count is all the
build's user-mode work; forked workers are not followed. About 40 times slower
than a build: a few minutes per 1,000 articles. Needs valgrind (Debian package).
"""

from __future__ import annotations

import argparse
import os
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
        command = ["valgrind", "--tool=callgrind", "--dump-before=sched_yield", f"--callgrind-out-file={counts}",
                   sys.executable, "-c", RUNNER, str(args.content.resolve()), str(Path(scratch) / "site"), str(args.jobs), str(listing)]
        subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        names = listing.read_text(encoding="utf-8").split()
        parts = sorted(Path(scratch).glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:]))
        # part k holds the stretch that ends where stage k starts; the last file, after the last call, is process exit
        labels = ["start-up", *(f"{name}" for name in names[:-1])]
        total = 0
        for label, part in zip(labels, parts):
            count = _summary(part)
            total += count
            print(f"{label:<16} {count / 1e9:8.2f} G")
        exit_count = _summary(counts)
        print(f"{'exit':<16} {exit_count / 1e9:8.2f} G")
        print(f"{'total':<16} {(total + exit_count) / 1e9:8.2f} G")
    return 0


def _summary(part: Path) -> int:
    for line in part.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise ValueError(f"{part}: no summary line")


if __name__ == "__main__":
    sys.exit(main())
