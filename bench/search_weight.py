"""What search costs a reader, in bytes and in time, as the archive grows: measured in Chromium
on sites built from bench/corpus.py, served by a plain file server (no HTTP compression).

    python bench/search_weight.py                         # 200, 1,000 and 5,000 articles x notes
    python bench/search_weight.py --sizes 200 1000 --runs 5 --shape reference

For each size, one Carnet build of the corpus, then, in a fresh browser context each time
(a cold cache, as a reader arriving from elsewhere):
- page view: every byte an article page downloads until the network is idle, and how much
  of it is search (``search/``, the search worker, Pagefind);
- first search: the search box is opened and a query typed, as a reader does; every byte
  downloaded from the click until the results are shown, and the time from the click to
  the first results of the query once its last letter is typed (and from the click, typing
  included, 60 ms a letter by default, `--delay`).  Queries vary: a fiche's name, a word of the articles, a
  name with a typo, two words, a word being typed.
Medians over queries and runs; the ratio of each size to the smallest.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SHAPES, write_corpus  # noqa: E402

CHROMIUM = os.environ.get("CARNET_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


# The query the search worker last answered (its RESULT names it), seen from the page.
ANSWERED = """(() => {
  const Native = window.Worker
  window.Worker = function (url, options) {
    const worker = new Native(url, options)
    worker.addEventListener("message", ev => {
      if (ev.data && ev.data.type === 3) window.__answered = ev.data.data.query
    })
    return worker
  }
  window.Worker.prototype = Native.prototype
})()"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(project: Path, site: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                   check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - started


def queries(project: Path, rng: random.Random) -> list[str]:
    """Queries a reader might type, drawn from the corpus: names (the longest of three), words,
    a typo, two words."""
    import yaml
    notes = sorted((project / "notes").rglob("*.yml"))
    names = [yaml.safe_load(p.read_text(encoding="utf-8"))["name"] for p in rng.sample(notes, 5)]
    longest = max(names[3:], key=lambda name: len(name.split()))
    typo = names[1][:3] + names[1][4:] if len(names[1]) >= 6 else names[1] + "e"   # one letter missing
    return [names[0], "coopération", typo, f"{names[2].split()[0]} accord", "gisem", longest]


def measure(site: Path, project: Path, runs: int, seed: int, delay: int = 40) -> dict:
    from playwright.sync_api import sync_playwright
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}/"
    article = sorted(p.parent.name for p in (site / "articles").glob("*/index.html"))[0]
    rng = random.Random(seed)
    views, searches = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for run in range(runs):
            for query in queries(project, rng):
                context = browser.new_context(locale="fr-FR", viewport={"width": 1366, "height": 900})
                context.add_init_script(ANSWERED)
                page = context.new_page()
                got: dict[str, int] = {}  # path -> bytes: a file is downloaded once (then cached)
                page.on("requestfinished", lambda r: _record(got, site, r.url, base))
                page.goto(f"{base}articles/{article}/", wait_until="networkidle")
                viewed = dict(got)
                got.clear()
                started = time.perf_counter()
                page.locator("input.md-search__input").click()
                page.keyboard.type(query, delay=delay)
                page.keyboard.press("End")  # Playwright types "é" without a key event: Material reads the box on keyup
                typed = time.perf_counter()
                page.wait_for_function("q => window.__answered === q", arg=query, timeout=60000)
                page.wait_for_timeout(0)  # Material renders on the same message
                done = time.perf_counter()
                page.wait_for_load_state("networkidle")
                shown = page.locator(".md-search-result__list > li").count()
                views.append({"bytes": sum(viewed.values()),
                              "search_bytes": sum(n for u, n in viewed.items() if _is_search(u))})
                new = {u: n for u, n in got.items() if u not in viewed}
                by_kind: dict[str, int] = {}
                for u, n in new.items():
                    by_kind[_kind(u)] = by_kind.get(_kind(u), 0) + n
                searches.append({"query": query, "bytes": sum(new.values()), "by_kind": by_kind,
                                 "seconds": done - typed,
                                 "seconds_from_click": done - started,
                                 "requests": len(got), "results": shown})
                context.close()
        browser.close()
    httpd.shutdown()
    return {"views": views, "searches": searches}


def _record(got: dict[str, int], site: Path, url: str, base: str) -> None:
    """A request's bytes as the plain server sends them: the file's size (Chromium reports
    no body size for a worker's own script)."""
    if not url.startswith(base):
        return
    path = url[len(base):].split("?")[0].split("#")[0]
    file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
    got[path] = file.stat().st_size if file.is_file() else 0


KINDS = (("engine", "carnet-search-engine.js"), ("pagefind", "search/pagefind/pagefind"), ("pagefind", "wasm."),
         ("chunks", "search/pagefind/index/"), ("pages", "search/pages/"), ("names", "search/names/"))


def _kind(path: str) -> str:
    """What a downloaded file is: the engine, Pagefind's script/WebAssembly/page list, index chunks,
    the pages shown, the names' buckets, or other."""
    return next((kind for kind, part in KINDS if part in path), "other")


def _is_search(url: str) -> bool:
    return url.startswith("search/") or "workers/" in url or "pagefind" in url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", default="reference", choices=sorted(SHAPES))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--delay", type=int, default=60, help="milliseconds between two letters typed")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="carnet-search-bench-") as tmp:
        for size in args.sizes:
            (project,) = write_corpus(Path(tmp, f"c{size}"), size, size, shape=SHAPES[args.shape], variants=("carnet",))
            site = Path(tmp, f"site{size}")
            seconds = build(project, site)
            measured = measure(site, project, args.runs, args.seed, args.delay)
            files = [f for f in (site / "search").rglob("*") if f.is_file()]
            row = {
                "size": size, "pages": sum(1 for _ in site.rglob("index.html")), "build_s": seconds,
                "search_files_mb": sum(f.stat().st_size for f in files if "search_index" not in f.name) / 1e6,
                "page_view_kb": statistics.median(v["bytes"] for v in measured["views"]) / 1e3,
                "page_view_search_kb": max(v["search_bytes"] for v in measured["views"]) / 1e3,
                "first_search_kb": statistics.median(s["bytes"] for s in measured["searches"]) / 1e3,
                "first_search_max_kb": max(s["bytes"] for s in measured["searches"]) / 1e3,
                "first_search_by_kind_kb": {kind: statistics.median(s["by_kind"].get(kind, 0) for s in measured["searches"]) / 1e3
                                            for kind in ("engine", "pagefind", "chunks", "pages", "names", "other")},
                "first_results_ms": statistics.median(s["seconds"] for s in measured["searches"]) * 1e3,
                "from_click_ms": statistics.median(s["seconds_from_click"] for s in measured["searches"]) * 1e3,
                "searches": measured["searches"],
            }
            results.append(row)
            print(f"{size:>5} x {size}: {row['pages']} pages; page view {row['page_view_kb']:.0f} kB "
                  f"(search {row['page_view_search_kb']:.1f} kB); first search median {row['first_search_kb']:.0f} kB "
                  f"(max {row['first_search_max_kb']:.0f} kB), first results {row['first_results_ms']:.0f} ms after the last "
                  f"letter ({row['from_click_ms']:.0f} ms from the click)", flush=True)
            print("        first search by kind (medians, kB): " + ", ".join(
                f"{kind} {kb:.1f}" for kind, kb in row["first_search_by_kind_kb"].items()), flush=True)
    smallest = results[0]
    for row in results[1:]:
        print(f"{row['size']} / {smallest['size']}: first search x{row['first_search_kb'] / smallest['first_search_kb']:.2f} "
              f"(max x{row['first_search_max_kb'] / smallest['first_search_max_kb']:.2f}), "
              f"time x{row['first_results_ms'] / smallest['first_results_ms']:.2f}")
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
