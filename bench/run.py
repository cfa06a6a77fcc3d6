"""Carnet's build against plain Material in seconds, on every corpus shape; the largest
size; the rebuild under `mkdocs serve`.

    python bench/run.py                                    # every shape at 1,000 x 1,000, 2-3 min per shape
    python bench/run.py --shapes reference issue-16 --runs 5
    python bench/run.py --shapes reference --large 5000    # and one build at 5,000 x 5,000
    python bench/run.py --shapes reference --serve         # and rebuilds under `mkdocs serve`
    python bench/run.py --articles 200 --notes 200 --runs 3 --shapes reference   # a quick look

For each shape (bench/corpus.py), three builds of the same pages are interleaved, run
after run, in alternating order (Carnet, plain Material with the project's theme
settings, plain Material as it ships), so that machine noise falls on all alike; each
result is the median of --runs builds, and the ratio is also given run by run (each
Carnet build against the plain build next to it).  Wall time on a shared machine varies
by 20-30 % from run to run: bench/instructions.py counts instructions, which it does not.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SHAPES, VARIANTS, compile_bytecode, write_corpus  # noqa: E402

BUILD_ONCE = Path(__file__).resolve().parent / "build_once.py"


def build(project: Path) -> dict:
    out = subprocess.run([sys.executable, str(BUILD_ONCE), str(project / "mkdocs.yml")],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def summarize(shape: str, results: dict) -> dict:
    med = {k: statistics.median(r["wall"] for r in v) for k, v in results.items()}
    pairs = sorted(c["wall"] / p["wall"] for c, p in zip(results["carnet"], results["plain"]))
    phases = {name: statistics.median(r["phases"][name] for r in results["carnet"])
              for name in results["carnet"][0]["phases"]}
    summary = {
        "shape": shape, "runs": len(results["carnet"]),
        "pages": {k: v[0]["pages"] for k, v in results.items()},
        "seconds": med, "ratio_plain": med["carnet"] / med["plain"],
        "ratio_shipped": med["carnet"] / med["shipped"] if "shipped" in med else None,
        "pair_ratios": pairs, "pair_ratio_median": statistics.median(pairs),
        "peak_mib": {k: max(r["peak_mib"] for r in v) for k, v in results.items()},
        "carnet_phases_s": phases,
        "index_bytes": {k: v[0]["index_bytes"] for k, v in results.items()},
    }
    shipped = f", shipped {med['shipped']:.2f} s (ratio {summary['ratio_shipped']:.2f})" if "shipped" in med else ""
    print(f"  {shape:10s} Carnet {med['carnet']:.2f} s, plain {med['plain']:.2f} s (ratio {summary['ratio_plain']:.2f}; "
          f"run by run {summary['pair_ratio_median']:.2f}, {pairs[0]:.2f}-{pairs[-1]:.2f}){shipped}; "
          f"Carnet peak {summary['peak_mib']['carnet']:.0f} MiB; own work "
          f"{sum(phases.values()):.2f} s ({', '.join(f'{k} {v:.2f}' for k, v in phases.items())})", flush=True)
    return summary


def measure(projects: dict, runs: int) -> dict:
    """Interleaved builds of each shape's projects; alternating which variant goes first."""
    raw = {shape: {variant: [] for variant in variants} for shape, variants in projects.items()}
    for run in range(runs):
        for shape, variants in projects.items():
            order = list(variants.items())
            for variant, project in order if run % 2 == 0 else order[::-1]:
                raw[shape][variant].append(build(project))
    return raw


def raw_pages(raw: dict, reference: dict) -> int:
    runs = raw.get("reference", {}).get("carnet")
    return runs[0]["pages"] if runs else build(reference["carnet"])["pages"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_rebuilds(project: Path, edits: int) -> list[float]:
    """Seconds from saving an edited note to the served page showing the edit, under a real
    `mkdocs serve` (the same note each time; bench/serve_edit.py varies the edits and times
    plain Material beside it)."""
    port = free_port()
    note = sorted((project / "notes").rglob("*.yml"))[0]
    url = f"http://127.0.0.1:{port}/{note.parent.name}/{note.stem}/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                               "-a", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def shows(marker: str, seconds: float) -> float:
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if marker in response.read().decode("utf-8"):
                        return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit(f"mkdocs serve never showed {marker!r} on {url}")

    original = note.read_text(encoding="utf-8")
    times = []
    try:
        shows("<html", 600)  # the first build
        for i in range(edits):
            marker = f"Repèreédition{i}"
            note.write_text(original.replace("summary: ", f"summary: {marker} ", 1), encoding="utf-8")
            times.append(shows(marker, 600))
            time.sleep(2)  # the server settles before the next edit
    finally:
        note.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--large", type=int, metavar="N", help="also build N articles x N notes once (reference shape)")
    parser.add_argument("--serve", action="store_true", help="also time rebuilds under `mkdocs serve` (reference shape)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()
    started = time.perf_counter()
    compile_bytecode()
    results: dict = {"articles": args.articles, "notes": args.notes}
    with tempfile.TemporaryDirectory() as tmp:
        projects = {shape: dict(zip(VARIANTS, write_corpus(Path(tmp) / shape, args.articles, args.notes,
                                                           shape=SHAPES[shape], variants=VARIANTS)))
                    for shape in args.shapes}
        print(f"{args.articles} articles x {args.notes} notes, median of {args.runs} runs per variant:", flush=True)
        raw = measure(projects, args.runs)
        results["shapes"] = [summarize(shape, raw[shape]) for shape in args.shapes]
        worst = max(results["shapes"], key=lambda s: s["ratio_plain"])
        print(f"  worst shape: {worst['shape']} (wall-time ratio {worst['ratio_plain']:.2f})")
        if args.large:
            reference = projects.get("reference") or dict(zip(VARIANTS, write_corpus(
                Path(tmp) / "reference", args.articles, args.notes, variants=VARIANTS)))
            base = [r["wall"] for r in raw.get("reference", {}).get("carnet", [])] or \
                   [build(reference["carnet"])["wall"] for _ in range(args.runs)]
            (large,) = write_corpus(Path(tmp) / "large", args.large, args.large, variants=("carnet",))
            big = build(large)
            growth = big["wall"] / statistics.median(base)
            results["large"] = {"articles": args.large, "notes": args.large, "seconds": big["wall"],
                                "peak_mib": big["peak_mib"], "pages": big["pages"], "growth": growth,
                                "base_seconds": statistics.median(base)}
            print(f"  {args.large} x {args.large}: {big['wall']:.1f} s for {big['pages']} pages, peak "
                  f"{big['peak_mib']:.0f} MiB; {growth:.2f}x the {args.articles} x {args.notes} median "
                  f"({statistics.median(base):.1f} s), for {big['pages'] / raw_pages(raw, reference):.1f}x the pages", flush=True)
        if args.serve:
            project = projects.get("reference", {}).get("carnet") or write_corpus(
                Path(tmp) / "serve", args.articles, args.notes, variants=("carnet",))[0]
            times = serve_rebuilds(project, max(3, args.runs))
            results["serve_rebuild_s"] = times
            print(f"  under `mkdocs serve`, {args.articles} x {args.notes}: an edited note shows in the page after "
                  f"{statistics.median(times):.1f} s (median of {len(times)}: "
                  f"{', '.join(f'{t:.1f}' for t in times)})", flush=True)
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
