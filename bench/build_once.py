"""Build one MkDocs project in this process; print wall time, peak memory and Carnet's phases as JSON."""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import tempfile
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
logging.disable(logging.WARNING)

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402


def time_pagefind() -> list[float]:
    """Pagefind's process, timed apart (#32: counted apart from the build's own work): the
    seconds of each run of carnet.search.bundle's ``_run_pagefind``, when Carnet is built."""
    seconds: list[float] = []
    try:
        from carnet.search import bundle
    except ImportError:   # plain Material's projects
        return seconds
    run = bundle._run_pagefind

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return run(*args, **kwargs)
        finally:
            seconds.append(time.perf_counter() - started)
    bundle._run_pagefind = timed
    return seconds


def main(config_file: str) -> None:
    pagefind = time_pagefind()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as site:
        config = load_config(config_file, site_dir=site)
        build(config)
        pages = sum(1 for _, _, files in os.walk(site) for f in files if f == "index.html")
        index = os.path.join(site, "search", "search_index.json")
        index_bytes = os.path.getsize(index) if os.path.exists(index) else 0
    wall = time.perf_counter() - started
    carnet = config.plugins.get("carnet")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "phases": dict(carnet.timings) if carnet else {},
        "pages": pages,
        "index_bytes": index_bytes,
        "pagefind_s": sum(pagefind),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
