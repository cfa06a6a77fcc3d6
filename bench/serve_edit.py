"""The editor's loop: seconds from saving an edit to `mkdocs serve` serving the page with the
new words, for Carnet (a note edited, an article edited) and, in the same run, plain Material
with the project's theme settings (a page edited), on several corpus shapes.

    python bench/serve_edit.py                                   # 1,000 x 1,000, four shapes
    python bench/serve_edit.py --size 200 --edits 3 --shapes reference

For each shape, both servers run at once (two real `mkdocs serve` processes on loopback,
each built once before timing); edits go to the two in turn, each to a file picked at random
(seeded), and each is timed by polling the edited page's URL as a browser reloading it
would: from the moment the file is written to the first response holding the new words.
Each edit is undone once timed, and the servers settle after each build (Carnet writes its
search index in the background, which the served page does not wait for: the next edit waits
for the server to say the index is up to date, so a timed edit never overlaps another build).  Medians, and the ratio of Carnet's note edit to
plain Material's page edit.  Targets (#32): a note edit <= 2 s and <= 0.35 x plain
Material's; an article edit <= 3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SHAPES, compile_bytecode, write_corpus  # noqa: E402
from run import free_port  # noqa: E402

DEFAULT_SHAPES = ["reference", "dense", "long-names", "outside"]
SETTLE = 1   # seconds after each build and its search index: the polling watcher's next round done


class Server:
    """A real `mkdocs serve` of one project."""

    def __init__(self, project: Path):
        self.project, self.port = project, free_port()
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def shows(self, path: str, marker: str, seconds: float, started: float | None = None) -> float:
        """Seconds from ``started`` until the page at ``path`` holds ``marker``."""
        started = time.monotonic() if started is None else started
        while time.monotonic() - started < seconds:
            try:
                with urllib.request.urlopen(self.url(path), timeout=30) as response:
                    if marker in response.read().decode("utf-8"):
                        return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.02)
        self.log.seek(0)
        raise SystemExit(f"mkdocs serve never showed {marker!r} on {self.url(path)}:\n"
                         + self.log.read().decode("utf-8", "replace")[-3000:])

    def lacks(self, path: str, marker: str, seconds: float) -> None:
        """Until the page at ``path`` no longer holds ``marker``."""
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            try:
                with urllib.request.urlopen(self.url(path), timeout=30) as response:
                    if marker not in response.read().decode("utf-8"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit(f"mkdocs serve kept showing {marker!r} on {self.url(path)}")

    def searches(self) -> int:
        """How many times Carnet has said its search index is up to date (0 for plain Material)."""
        self.log.seek(0)
        return self.log.read().count(b"search is up to date")

    def settle(self, searches: int) -> None:
        """Until Carnet's search index, written in the background after each build, is up to
        date ``searches`` times (at most 120 s); plain Material, whose build writes its index
        before it serves, a second."""
        started = time.monotonic()
        while searches and self.searches() < searches and time.monotonic() - started < 120:
            time.sleep(0.1)
        time.sleep(SETTLE)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


def timed_edit(server: Server, file: Path, page: str, edit, marker: str) -> float:
    original = file.read_text(encoding="utf-8")
    searches = server.searches()
    try:
        started = time.monotonic()
        file.write_text(edit(original, marker), encoding="utf-8")
        return server.shows(page, marker, 600, started)
    finally:
        server.settle(searches and searches + 1)   # Carnet's search index, written in the background
        file.write_text(original, encoding="utf-8")
        server.lacks(page, marker, 600)   # the edit undone: that build too is over
        server.settle(searches and searches + 2)


def note_edit(text: str, marker: str) -> str:
    return text.replace("summary: ", f"summary: {marker} ", 1)


def page_edit(text: str, marker: str) -> str:
    return text.rstrip("\n") + f"\n\nUn paragraphe ajouté, {marker}.\n"


def measure_shape(shape: str, size: int, edits: int, seed: int, tmp: Path) -> dict:
    carnet, plain = write_corpus(tmp / shape, size, size, shape=SHAPES[shape], variants=("carnet", "plain"))
    rng = random.Random(seed)
    notes = sorted((carnet / "notes").rglob("*.yml"))
    articles = sorted(p for p in (carnet / "docs").rglob("*.md") if p.name != "index.md" and p.parent != carnet / "docs")
    plain_pages = sorted(p for p in (plain / "docs").rglob("*.md")   # its articles, wherever the shape puts them
                         if p.name != "index.md" and p.parent != plain / "docs" and "fiches" not in p.parts)
    servers = {"carnet": Server(carnet), "plain": Server(plain)}
    times: dict[str, list[float]] = {"note": [], "article": [], "plain": []}
    try:
        servers["carnet"].shows("", "<html", 1800)
        servers["plain"].shows("", "<html", 1800)
        for i in range(edits):
            note = rng.choice(notes)
            rel = note.relative_to(carnet / "notes").with_suffix("")
            times["note"].append(timed_edit(servers["carnet"], note, f"{rel.as_posix()}/", note_edit, f"Repèrenote{i}x"))
            page = rng.choice(plain_pages)
            rel = page.relative_to(plain / "docs").with_suffix("")
            times["plain"].append(timed_edit(servers["plain"], page, f"{rel.as_posix()}/", page_edit, f"Repèreplain{i}x"))
            article = rng.choice(articles)
            rel = article.relative_to(carnet / "docs").with_suffix("")
            times["article"].append(timed_edit(servers["carnet"], article, f"{rel.as_posix()}/", page_edit,
                                               f"Repèrearticle{i}x"))
    finally:
        for server in servers.values():
            server.stop()
    med = {kind: statistics.median(values) for kind, values in times.items()}
    result = {"shape": shape, "size": size, "times": times, "median": med, "ratio": med["note"] / med["plain"]}
    print(f"  {shape:10s} note {med['note']:.2f} s, article {med['article']:.2f} s, plain Material's page "
          f"{med['plain']:.2f} s; note / plain {result['ratio']:.2f}  (runs: "
          + "; ".join(f"{k} {', '.join(f'{t:.2f}' for t in v)}" for k, v in times.items()) + ")", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1000, help="articles and notes (each)")
    parser.add_argument("--edits", type=int, default=5, help="edits of each kind per shape")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=DEFAULT_SHAPES)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    compile_bytecode()
    print(f"{args.size} articles x {args.size} notes, {args.edits} edits of each kind, medians:", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure_shape(shape, args.size, args.edits, args.seed, Path(tmp)) for shape in args.shapes]
    worst = max(results, key=lambda r: r["median"]["note"])
    print(f"  worst note edit: {worst['shape']} {worst['median']['note']:.2f} s (ratio {worst['ratio']:.2f}); "
          f"worst article edit: {max(r['median']['article'] for r in results):.2f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
