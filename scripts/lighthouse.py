"""Run Lighthouse 12 on the article page, mobile and desktop, served gzipped on loopback.

    python scripts/lighthouse.py            # builds the site; 5 runs each of mobile and desktop
    python scripts/lighthouse.py --page entreprises/vesna/ --runs 3

Scores are the median of the runs (Lighthouse's own advice: mobile performance
varies from run to run with the machine's load); every run is printed too.

Needs Node 20, npm and Debian's chromium; installs lighthouse@12.2.3 (Lighthouse 13
needs Node 22) under .cache/lighthouse on first use.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CARNET_CHROMIUM", "/usr/bin/chromium")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it, with long cache lifetimes for assets."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix in COMPRESSIBLE and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "public, max-age=31536000" if "/assets/" in self.path else "no-cache")
            self.end_headers()
            return _Body(body)
        return super().send_head()

    def log_message(self, *args):
        pass


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund",
                        "--no-package-lock", "--loglevel=error", "-E", "lighthouse@12.2.3"], check=True)


def run(url: str, desktop: bool, out: Path) -> dict:
    cmd = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
           "--only-categories=" + ",".join(CATEGORIES), "--locale=fr",
           "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
           "--disable-component-update --disable-sync --no-first-run"]
    if desktop:
        cmd.append("--preset=desktop")
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = {c: [a["id"] for a in report["categories"][c]["auditRefs"]
                   if a["weight"] and (report["audits"][a["id"]].get("score") or 0) < 1
                   and report["audits"][a["id"]].get("scoreDisplayMode") not in ("notApplicable", "informative", "manual")]
               for c in CATEGORIES}
    metrics = {m: report["audits"][m]["displayValue"] for m in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index") if m in report["audits"]}
    return {"scores": scores, "failing": failing, "metrics": metrics}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", default="articles/sonarem-vesna/")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_lighthouse()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
        base = f"http://127.0.0.1:{server.server_port}/"
        env = {**os.environ, "CARNET_SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                        "-d", str(site)], check=True, env=env)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        results = {"mobile": [], "desktop": []}
        for i in range(args.runs):  # alternate form factors so that load hits both alike
            for name, desktop in (("mobile", False), ("desktop", True)):
                results[name].append(run(base + args.page, desktop, Path(tmp) / f"{name}-{i}.json"))
        server.shutdown()
    print(f"Lighthouse 12.2.3 on /{args.page} (served gzipped on loopback), median of {args.runs} runs")
    print(f"{'':10}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, runs in results.items():
        medians = {c: statistics.median(r["scores"][c] for r in runs) for c in CATEGORIES}
        print(f"{name:10}" + "".join(f"{medians[c]:>16g}" for c in CATEGORIES))
        for i, result in enumerate(runs, 1):
            print(f"  run {i}: " + " ".join(f"{result['scores'][c]}" for c in CATEGORIES) + " | "
                  + ", ".join(f"{k} {v}" for k, v in result["metrics"].items()))
            for category, audits in result["failing"].items():
                if audits and category != "performance":  # metrics are shown above
                    print(f"    {category}: below 1 in {', '.join(audits)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
