"""Build one MkDocs project as `mkdocs serve` builds it, then, with ``--edit``, edit one note
(or one article) and build again as the server does after a change; for counting the
instructions a rebuild costs (bench/instructions.py ``rebuild_instructions``: the count with
the edit less the count without).  The search index a rebuild writes in the background is
waited for (not given up), so that the count is the same from run to run.

    python bench/serve_once.py path/to/mkdocs.yml [--edit note|article]
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
logging.disable(logging.WARNING)

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

URL = "http://127.0.0.1:8000/"


def edit(project: Path, what: str) -> None:
    if what == "note":
        path = sorted((project / "notes").rglob("*.yml"))[len(list((project / "notes").rglob("*.yml"))) // 2]
        path.write_text(path.read_text(encoding="utf-8").replace("summary: ", "summary: Modifiée. ", 1), encoding="utf-8")
    else:
        path = sorted(p for p in (project / "docs").rglob("*.md") if p.name != "index.md" and p.parent != project / "docs")[0]
        path.write_text(path.read_text(encoding="utf-8") + "\n\nUn paragraphe ajouté.\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("config")
    parser.add_argument("--edit", choices=("note", "article"))
    args = parser.parse_args()
    project = Path(args.config).resolve().parent
    with tempfile.TemporaryDirectory(prefix="mkdocs_") as site:
        def config():
            loaded = load_config(args.config, site_dir=site)
            loaded.site_url = URL
            return loaded
        first = config()
        first.plugins.on_startup(command="serve", dirty=False)
        build(first, serve_url=URL)
        carnet = first.plugins.get("carnet")
        if args.edit:
            edit(project, args.edit)
            build(config(), serve_url=URL)
            if carnet is not None and carnet.rebuilds and carnet.rebuilds.search:
                carnet.rebuilds.search.join()   # waited for, not given up: the same count each run
        first.plugins.on_shutdown()


if __name__ == "__main__":
    main()
