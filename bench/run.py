"""Carnet's build against plain Material on a synthetic corpus; prints medians and ratios.

    python bench/run.py                      # 1,000 articles x 1,000 notes, and 500 x 1,000
    python bench/run.py --articles 200 --notes 200 --runs 3 --no-scaling   # a quick look

Builds are interleaved (Carnet and plain, in alternating order, for each size, run
after run) so that machine noise falls on every variant alike; each result is the
median of --runs builds, and the ratio is also given run by run (each Carnet build
against the plain build next to it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ROOT, compile_bytecode, write_corpus  # noqa: E402

BUILD_ONCE = Path(__file__).resolve().parent / "build_once.py"


def build(project: Path) -> dict:
    out = subprocess.run([sys.executable, str(BUILD_ONCE), str(project / "mkdocs.yml")],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def summarize(n_articles: int, m_notes: int, results: dict) -> dict:
    med = {k: statistics.median(r["wall"] for r in v) for k, v in results.items()}
    cpu = {k: statistics.median(r["cpu"] for r in v) for k, v in results.items()}
    # Each Carnet build and the plain build next to it (before or after) ran seconds
    # apart: their ratio cancels the machine's slower drifts.
    pairs = sorted(c["wall"] / p["wall"] for c, p in zip(results["carnet"], results["plain"]))
    phases = {name: statistics.median(r["phases"][name] for r in results["carnet"])
              for name in results["carnet"][0]["phases"]}
    summary = {
        "articles": n_articles, "notes": m_notes, "runs": len(results["carnet"]),
        "pages": {k: v[0]["pages"] for k, v in results.items()},
        "carnet_s": med["carnet"], "plain_s": med["plain"], "ratio": med["carnet"] / med["plain"],
        "pair_ratios": pairs, "pair_ratio_median": statistics.median(pairs),
        "carnet_cpu_s": cpu["carnet"], "plain_cpu_s": cpu["plain"], "cpu_ratio": cpu["carnet"] / cpu["plain"],
        "carnet_peak_mib": max(r["peak_mib"] for r in results["carnet"]),
        "plain_peak_mib": max(r["peak_mib"] for r in results["plain"]),
        "carnet_phases_s": phases,
        "index_bytes": {k: v[0]["index_bytes"] for k, v in results.items()},
    }
    print(f"{n_articles} articles x {m_notes} notes ({summary['pages']['carnet']} / {summary['pages']['plain']} pages), "
          f"median of {summary['runs']} runs:")
    print(f"  Carnet build   median {med['carnet']:.2f} s wall, {cpu['carnet']:.2f} s CPU, "
          f"peak {summary['carnet_peak_mib']:.0f} MiB")
    print(f"  plain Material median {med['plain']:.2f} s wall, {cpu['plain']:.2f} s CPU, "
          f"peak {summary['plain_peak_mib']:.0f} MiB")
    print(f"  ratio Carnet / plain: {summary['ratio']:.2f} (wall), {summary['cpu_ratio']:.2f} (CPU); "
          f"run by run: median {summary['pair_ratio_median']:.2f}, from {pairs[0]:.2f} to {pairs[-1]:.2f}")
    sizes = summary["index_bytes"]
    print(f"  search index: Carnet {sizes['carnet'] / 1e6:.2f} MB, plain Material {sizes['plain'] / 1e6:.2f} MB, "
          f"ratio {sizes['carnet'] / sizes['plain']:.2f}")
    print("  Carnet's own work (median s): " + ", ".join(f"{k} {v:.3f}" for k, v in phases.items())
          + f"; total {sum(phases.values()):.2f} s = {100 * sum(phases.values()) / med['carnet']:.1f}% of the build")
    return summary


def real_site_rebuild(runs: int) -> float:
    """Median time to rebuild the real site after editing one note (what `mkdocs serve` does)."""
    note = ROOT / "notes" / "lieux" / "maghreb.yml"
    original = note.read_text(encoding="utf-8")
    times = []
    try:
        for i in range(runs):
            note.write_text(original + f"# edit {i}\n", encoding="utf-8")
            times.append(build(ROOT)["wall"])
    finally:
        note.write_text(original, encoding="utf-8")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-scaling", action="store_true", help="skip the half-size run")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()
    started = time.perf_counter()
    sizes = [(args.articles, args.notes)] + ([] if args.no_scaling else [(args.articles // 2, args.notes)])
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        projects = {size: write_corpus(Path(tmp) / f"{size[0]}x{size[1]}", *size) for size in sizes}
        raw = {size: {"carnet": [], "plain": []} for size in sizes}
        # Interleave every build of every size: machine noise then falls on all alike.
        for run in range(args.runs):
            for size, (carnet, plain) in projects.items():
                # Alternate which goes first, so neither always inherits the other's warm caches.
                order = [("carnet", carnet), ("plain", plain)]
                for variant, project in order if run % 2 == 0 else order[::-1]:
                    raw[size][variant].append(build(project))
    results["full"] = summarize(*sizes[0], raw[sizes[0]])
    if len(sizes) > 1:
        results["half"] = half = summarize(*sizes[1], raw[sizes[1]])
        results["growth"] = growth = results["full"]["carnet_s"] / half["carnet_s"]
        print(f"Growth of the Carnet build from {sizes[1][0]} to {sizes[0][0]} articles (notes fixed): {growth:.2f}x")
    rebuild = real_site_rebuild(args.runs)
    results["real_site_rebuild_s"] = rebuild
    print(f"Rebuild of the real site after editing one note (median of {args.runs}): {rebuild:.2f} s")
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
