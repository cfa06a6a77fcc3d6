"""Carnet's build against plain Material in instructions executed, not seconds.

On a shared machine the same build varies by 20-30 % in time from run to run;
the number of instructions it executes does not.  valgrind's callgrind counts
them (install: apt-get install valgrind).  It runs Python some 50 times slower,
so the corpus is smaller than bench/run.py's; both builds run side by side.

    python bench/instructions.py                 # 400 articles x 400 notes, ~6 min on 2 cores
    python bench/instructions.py --articles 100 --notes 100
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

BUILD_ONCE = Path(__file__).resolve().parent / "build_once.py"


def start(project: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                             sys.executable, str(BUILD_ONCE), str(project / "mkdocs.yml")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def instructions(proc: subprocess.Popen) -> int:
    _, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"build under valgrind failed:\n{err}")
    found = re.search(r"(?:I\s+refs|Collected)\s*:\s*([\d,]+)", err)
    if not found:
        raise SystemExit(f"no instruction count in valgrind's output:\n{err}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--notes", type=int, default=400)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind).")
    with tempfile.TemporaryDirectory() as tmp:
        carnet, plain = write_corpus(Path(tmp) / "corpus", args.articles, args.notes)
        procs = {"carnet": start(carnet, Path(tmp) / "carnet.cg"), "plain": start(plain, Path(tmp) / "plain.cg")}
        counts = {name: instructions(proc) for name, proc in procs.items()}
    print(f"{args.articles} articles x {args.notes} notes, instructions executed by the whole build "
          "(Python start-up included):")
    for name, count in counts.items():
        print(f"  {name:7s} {count / 1e9:7.2f} billion")
    print(f"  ratio Carnet / plain: {counts['carnet'] / counts['plain']:.3f}")


if __name__ == "__main__":
    main()
