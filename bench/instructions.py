"""Carnet's build against plain Material in instructions executed, not seconds, on every corpus shape.

On a shared machine the same build varies by 20-30 % in time from run to run; the
number of instructions it executes does not.  valgrind's cachegrind counts them
(no cache simulation; install: apt-get install valgrind).  Python runs some 20
times slower under it, so the corpus is smaller than bench/run.py's.

For each shape of bench/corpus.py, three builds of the same pages: Carnet, plain
Material with the project's theme settings, plain Material as it ships.  The
ratios against both, the worst shape, and (--json) every count are printed.

    python bench/instructions.py                          # every shape, 300 x 300, ~25 min on 2 cores
    python bench/instructions.py --shapes issue-16 long --articles 100 --notes 100
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SHAPES, VARIANTS, compile_bytecode, write_corpus  # noqa: E402

BUILD_ONCE = Path(__file__).resolve().parent / "build_once.py"
SERVE_ONCE = Path(__file__).resolve().parent / "serve_once.py"
TARGET = 1.20   # #32: Carnet within 1.20 x plain Material with the project's settings, every shape


def instructions(project: Path) -> int:
    """Instructions executed by one build of ``project`` (Python's start-up included)."""
    count = _count(project)
    print(f"  ... {project.parent.name} {project.name}: {count / 1e9:.3f} billion", file=sys.stderr, flush=True)
    return count


def rebuild_instructions(project: Path, edit: str) -> tuple[int, int]:
    """Under serve: the instructions of the first build, and those of a rebuild after an edit
    of a note or an article (``edit``), counted as two runs' difference (bench/serve_once.py).
    The project is edited: give a copy."""
    first = _count(project, SERVE_ONCE)
    both = _count(project, SERVE_ONCE, "--edit", edit)
    return first, both - first


def pagefind_cost(project: Path) -> tuple[int, float]:
    """Pagefind's own process, counted apart from the build (which ``instructions`` counts
    without it): its instructions (valgrind following the build's children) and its wall
    time in a build outside valgrind (bench/build_once.py times it)."""
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
                               f"--cachegrind-out-file={out}/cg.%p", sys.executable, str(BUILD_ONCE),
                               str(project / "mkdocs.yml")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"build of {project} under valgrind failed:\n{proc.stderr[-3000:]}")
        counted = 0
        for file in Path(out).iterdir():
            text = file.read_text(encoding="utf-8", errors="replace")
            command = re.search(r"^cmd:(.*)$", text, re.M)
            summary = re.search(r"^summary:\s*(\d+)", text, re.M)
            if command and summary and "pagefind" in command.group(1).split()[0]:
                counted += int(summary.group(1))
    built = subprocess.run([sys.executable, str(BUILD_ONCE), str(project / "mkdocs.yml")], capture_output=True,
                           text=True, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return counted, json.loads(built.stdout.strip().splitlines()[-1])["pagefind_s"]


def _count(project: Path, script: Path = BUILD_ONCE, *args: str) -> int:
    proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           sys.executable, str(script), str(project / "mkdocs.yml"), *args],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"build of {project} under valgrind failed:\n{proc.stderr[-3000:]}")
    found = re.search(r"I\s+refs\s*:\s*([\d,]+)", proc.stderr)
    if not found:
        raise SystemExit(f"no instruction count in valgrind's output:\n{proc.stderr[-3000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--notes", type=int, default=300)
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, help="also write the counts to this file")
    parser.add_argument("--pagefind", action="store_true",
                        help="also count Pagefind's own process for each shape's Carnet build, apart, with its wall time")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind).")
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        projects = {(shape, variant): project
                    for shape in args.shapes
                    for variant, project in zip(VARIANTS, write_corpus(Path(tmp) / shape, args.articles, args.notes,
                                                                        shape=SHAPES[shape], variants=VARIANTS))}
        with ThreadPoolExecutor(args.jobs) as pool:
            counts = dict(zip(projects, pool.map(instructions, projects.values())))
            pagefind = dict(zip(args.shapes, pool.map(pagefind_cost, [projects[(shape, "carnet")] for shape in args.shapes]))) \
                if args.pagefind else {}
    print(f"{args.articles} articles x {args.notes} notes: billions of instructions executed by the whole build "
          "(Python start-up included), and Carnet's ratio to each baseline")
    print(f"  {'shape':10s} {'Carnet':>7s} {'plain':>7s} {'shipped':>7s}  {'/plain':>6s} {'/shipped':>8s}")
    rows = []
    for shape in args.shapes:
        c, p, s = (counts[(shape, v)] for v in VARIANTS)
        rows.append({"shape": shape, "description": SHAPES[shape].description, "carnet": c, "plain": p,
                     "shipped": s, "ratio_plain": c / p, "ratio_shipped": c / s})
        print(f"  {shape:10s} {c / 1e9:7.2f} {p / 1e9:7.2f} {s / 1e9:7.2f}  {c / p:6.3f} {c / s:8.3f}")
        if shape in pagefind:
            rows[-1]["pagefind"], rows[-1]["pagefind_s"] = pagefind[shape]
            print(f"  {'':10s} and Pagefind's own process, apart: {pagefind[shape][0] / 1e9:.2f} billion "
                  f"instructions, {pagefind[shape][1]:.2f} s")
    worst = max(rows, key=lambda r: r["ratio_plain"])
    verdict = "within" if worst["ratio_plain"] <= TARGET else "OVER"
    print(f"  worst shape against plain Material with the project's settings: {worst['shape']} "
          f"{worst['ratio_plain']:.3f} ({verdict} the {TARGET} target)")
    if args.json:
        args.json.write_text(json.dumps({"articles": args.articles, "notes": args.notes, "rows": rows}, indent=2),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
