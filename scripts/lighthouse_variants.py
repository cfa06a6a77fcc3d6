"""Why mobile performance is 99 and not 100: Lighthouse on variants of how Material's bundle loads.

    python scripts/lighthouse_variants.py                      # article and VESNA fiche, 5 runs
    python scripts/lighthouse_variants.py --page entreprises/vesna/ --runs 3

Builds the site once, then copies it with one change to every page's script tags:

- ``as-built``: what `make build` publishes (Material's bundle, a plain script at the end of <body>);
- ``defer``: Carnet's and Material's scripts deferred;
- ``after-paint``: Material's bundle inserted after the first frame, and Material's start signal
  (DOMContentLoaded, which has passed by then) sent again once it has run;
- ``no-bundle``: Material's bundle left out: the floor, what the page costs without Material's
  JavaScript (search, palette toggle and previews do not work in it).

Prints, per variant, the median of the mobile performance score and each run's simulated first
contentful paint, largest contentful paint and total blocking time with their metric scores
(Lighthouse weighs them 10 %, 25 % and 30 %), and the long tasks it saw. Diagnosis only: no
variant but as-built is published.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lighthouse import ROOT, GzipHandler, ensure_lighthouse, run  # noqa: E402

BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
SCRIPT_SRC = '<script src="'  # Carnet's script and Material's bundle alike
METRICS = (("first-contentful-paint", "FCP"), ("largest-contentful-paint", "LCP"),
           ("total-blocking-time", "TBT"))
AFTER_PAINT = ('<script>addEventListener("DOMContentLoaded", function () {{'
               ' requestAnimationFrame(function () {{ setTimeout(function () {{'
               ' var s = document.createElement("script"); s.src = "{src}";'
               ' s.onload = function () {{ setTimeout(function () {{'
               ' document.dispatchEvent(new Event("DOMContentLoaded")) }}) }};'
               ' document.body.appendChild(s) }}) }}) }}, {{ once: true }})</script>')


def variant(html: str, name: str) -> str:
    match = BUNDLE.search(html)
    if name == "as-built" or not match:
        return html
    if name == "defer":
        return html.replace(SCRIPT_SRC, '<script defer src="')
    if name == "after-paint":
        return html.replace(match.group(0), AFTER_PAINT.format(src=match.group(1)))
    return html.replace(match.group(0), "")  # no-bundle


def copy_site(site: Path, out: Path, name: str) -> None:
    shutil.copytree(site, out)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(variant(html, name), encoding="utf-8")


def detail(report: Path) -> dict:
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return {
        "score": round(data["categories"]["performance"]["score"] * 100),
        "metrics": {label: (round(audits[m]["numericValue"]), audits[m]["score"]) for m, label in METRICS},
        "long_tasks": [(t["url"].rsplit("/", 1)[-1] or t["url"], round(t["duration"]))
                       for t in audits["long-tasks"]["details"]["items"]],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", action="append", help="default: the article and the VESNA fiche")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--variant", action="append",
                        choices=("as-built", "defer", "after-paint", "no-bundle"))
    args = parser.parse_args()
    pages = args.page or ["articles/sonarem-vesna/", "entreprises/vesna/"]
    names = args.variant or ["as-built", "defer", "after-paint", "no-bundle"]
    ensure_lighthouse()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        built = root / "built"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                        "-d", str(built)], check=True, env=env)
        for name in names:
            site = root / name
            copy_site(built, site, name)
            server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            base = f"http://127.0.0.1:{server.server_port}/"
            for page in pages:
                results = []
                for i in range(args.runs):
                    out = root / f"{name}-{i}.json"
                    run(base + page, False, out)
                    results.append(detail(out))
                median = statistics.median(r["score"] for r in results)
                print(f"{name:12} /{page}  mobile performance median {median:g}"
                      f" (runs {', '.join(str(r['score']) for r in results)})", flush=True)
                for r in results:
                    print("    " + ", ".join(f"{k} {v} ms (score {s})" for k, (v, s) in r["metrics"].items())
                          + " | long tasks: " + ", ".join(f"{u} {d} ms" for u, d in r["long_tasks"]), flush=True)
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
