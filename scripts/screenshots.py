"""Screenshots of every kind of page, at phone and desktop sizes, in both palettes, for review.

    .venv/bin/python scripts/screenshots.py [--out shots/]

Builds the site for a loopback address, serves it, and writes one PNG per page kind, size
and palette (not committed: look at them, then delete them).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS, StaticServer  # noqa: E402

PAGES = {"accueil": "", "articles": "articles/", "article": "articles/sonarem-vesna/",
         "fiche": "entreprises/vesna/", "fiche-lieu": "lieux/russie/", "index": "entreprises/",
         "a-z": "index-a-z/", "graphe": "graphe/"}
SIZES = {"phone": (390, 844), "desktop": (1366, 900)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--full", action="store_true", help="whole pages, not the first screen")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp, StaticServer(Path(tmp)) as server:
        env = {**os.environ, "CARNET_SITE_URL": server.url, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                        "-d", tmp], check=True, env=env)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for scheme in ("light", "dark"):
                for size, (width, height) in SIZES.items():
                    context = browser.new_context(viewport={"width": width, "height": height},
                                                  color_scheme=scheme, locale="fr-FR")
                    page = context.new_page()
                    for name, path in PAGES.items():
                        page.goto(server.url + path, wait_until="networkidle")
                        shot = args.out / f"{name}-{size}-{scheme}.png"
                        page.screenshot(path=str(shot), full_page=args.full)
                    context.close()
            browser.close()
    print(f"wrote {len(PAGES) * len(SIZES) * 2} screenshots to {args.out}")


if __name__ == "__main__":
    main()
