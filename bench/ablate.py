"""Where Carnet's extra instructions go: the same build counted with one part switched off.

    python bench/ablate.py                       # reference shape, 150 x 150, ~6 min on 2 cores
    python bench/ablate.py --shape issue-16 --articles 300 --notes 300
    python bench/ablate.py --shape long --twice      # each stage's own cost, counted in place

Each part's figure is what the whole build saves without it, under valgrind's cachegrind
(instructions, not seconds).  A part switched off also spares what follows from it (no
mention links: lighter pages to write, nothing to quote on notes), so the figures overlap
and do not add up; they say where to look, the profile (python -m cProfile
bench/build_once.py <mkdocs.yml>) says what to change.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SHAPES, compile_bytecode, write_corpus  # noqa: E402

# part -> (what it is, the patch that switches it off, run in the build's process)
PARTS = {
    "link": ("mention linking (articles and pages)", "L.MentionLinker.run = lambda self, root: None"),
    "sentences": ("sentences naming entities (and their quotes)", "L.MentionLinker._sentences = lambda self, block: []"),
    "notes": ("note pages' sections", "A.fiche_parts = lambda *args: None"),
    "check": ("citation check", "from carnet.citations.resolve import Citations; "
              "K.check_citations = lambda notes, index, naming, *rest: (Citations([], index), [])"),
    "index": ("index pages and the graph page", "A.listing_parts = lambda *args: None"),
    "heads": ("Open Graph and JSON-LD", "A.head_parts = lambda *args: None"),
    "content": ("reading time and source box", "S.Site.frame_article = lambda self, src, content: content; "
                "A.article_parts = lambda *args: None"),
    "late": ("sections filled in once search has read the page", "A.Assembly.page_view = lambda self, src, content: content; "
             "A.Assembly.final_page = lambda self, src, content: content"),
    "feeds": ("feeds and search aliases", "P.CarnetPlugin.on_post_build = lambda self, config: None"),
    "collector": ("Python's cyclic garbage collector", "import gc; gc.disable()"),
}
# --twice: a stage run twice, its first result dropped: what the build gains is what the stage
# costs in place, on this corpus, with nothing downstream changed (stages whose second run
# finds caches warm read a little low).  (module alias, function) as the caller looks it up.
TWICE = {
    "load": ("load the project (notes, articles, address record)", "P", "load_for_build"),
    "check": ("citations checked", "P", "check_rendered"),
    "mentions": ("mentions indexed", "P", "index_mentions"),
    "rendered": ("each rendered page read", "P", "rendered_page"),
    "assemble": ("every page's parts (all below)", "P", "assemble"),
    "fiches": ("  fiches' leads and sections", "A", "fiche_parts"),
    "listings": ("  index pages and the dossier graph", "A", "listing_parts"),
    "heads": ("  Open Graph and JSON-LD", "A", "head_parts"),
    "articles": ("  articles' dateline, source box, fiches", "A", "article_parts"),
    "documents": ("search's documents", "B", "search_pages"),
    "names": ("the names' buckets", "B", "name_buckets"),
}
# The modules the patches name, imported in the build's process before it starts.
IMPORTS = ("import carnet.pages.assembly as A, carnet.pages.checked as K, carnet.pages.site as S, "
           "carnet.markdown.mention_links as L, carnet.engine.plugin as P, carnet.search.bundle as B")


def twice(alias: str, name: str) -> str:
    return f"_once = {alias}.{name}; {alias}.{name} = lambda *a, **k: (_once(*a, **k), _once(*a, **k))[1]"
DRIVER = """
import sys, os, logging, tempfile
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1"); logging.disable(logging.WARNING)
{patch}
from mkdocs.commands.build import build
from mkdocs.config import load_config
with tempfile.TemporaryDirectory() as site:
    build(load_config(sys.argv[1], site_dir=site))
"""


def count(config: Path, patch: str) -> int:
    # Carnet's modules are imported only to patch them: the plain build never loads them.
    setup = f"{IMPORTS}\n{patch}" if patch else ""
    # Set iteration orders fixed: the same build counts the same to a few thousand instructions.
    proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           sys.executable, "-c", DRIVER.format(patch=setup), str(config)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env={**os.environ, "PYTHONHASHSEED": "0"})
    if proc.returncode != 0:
        raise SystemExit(f"build failed with {patch!r}:\n{proc.stderr[-2000:]}")
    return int(re.search(r"I\s+refs\s*:\s*([\d,]+)", proc.stderr).group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="reference")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--notes", type=int, default=150)
    parser.add_argument("--twice", action="store_true",
                        help="count each stage in place (run twice) rather than each part switched off")
    args = parser.parse_args()
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        carnet, plain = write_corpus(Path(tmp) / "corpus", args.articles, args.notes, shape=SHAPES[args.shape])
        jobs = {"(all)": (carnet / "mkdocs.yml", ""), "(plain)": (plain / "mkdocs.yml", "")}
        parts = ({stage: (what, twice(alias, name)) for stage, (what, alias, name) in TWICE.items()}
                 if args.twice else PARTS)
        jobs.update({part: (carnet / "mkdocs.yml", patch) for part, (_, patch) in parts.items()})
        with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
            counts = dict(zip(jobs, pool.map(lambda job: count(*job), jobs.values())))
    full, plain_count = counts["(all)"], counts["(plain)"]
    print(f"{args.shape}, {args.articles} x {args.notes}: Carnet {full / 1e9:.2f} billion instructions, plain Material "
          f"{plain_count / 1e9:.2f} (ratio {full / plain_count:.3f}); Carnet's extra: {(full - plain_count) / 1e9:.2f}")
    for part, (what, _) in parts.items():
        if args.twice:
            cost = counts[part] - full
            print(f"  {what:48s} {cost / 1e9:6.3f} billion ({100 * cost / (full - plain_count):4.0f} % of the extra)")
            continue
        saved = full - counts[part]
        print(f"  without {what:46s} {saved / 1e9:6.3f} billion less ({100 * saved / (full - plain_count):4.0f} % of the extra)")


if __name__ == "__main__":
    main()
