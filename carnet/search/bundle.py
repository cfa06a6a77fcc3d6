"""Write the site's search under ``search/``: Pagefind's chunked index, each page's entries
as the worker shows them, and the names' buckets.

Pagefind (the ``pagefind`` package from PyPI, with its binary) indexes a folder of HTML
files: it is given the documents of carnet.search.documents in a temporary folder and writes
its bundle to ``search/pagefind/``.  Read back from its fragments: which page each is and
where its sections start; then its page list gets short ids (what a search returns) and its
index smaller chunks, and the fragments go (carnet.search.page_list).  ``search/pages/<id>.json`` holds what the worker
shows of a page, and ``search/names/`` the names (carnet.search.names).  Nothing of it
is read when a page is viewed: the worker fetches what a query needs.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Callable

from .documents import INDEX_LANGUAGE, search_pages, unmark
from .names import name_buckets
from .page_list import rewrite

PAGEFIND_DIR = "search/pagefind"
PAGES_DIR = "search/pages"
NAMES_DIR = "search/names"
FOLDERS = (PAGEFIND_DIR, PAGES_DIR, NAMES_DIR)
# Pagefind's own search interfaces: the worker answers Material's search box instead.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchBundleError(RuntimeError):
    """Pagefind is missing or failed; the message says what to do."""


def search_bundle(entries: list[dict], names_by_url: dict[str, list[str]],
                  own_quotes: frozenset[str] = frozenset(), memo: dict | None = None) -> Callable[[Path], None]:
    """Each page's search document made now, and the marks taken out of ``entries`` (the
    engine writes its own index from them next); returned, what writes the bundle into a
    site folder, which can wait (under serve, it runs once the page is served)."""
    pages = search_pages(entries, own_quotes, memo)
    unmark(entries)
    names_by_url = dict(names_by_url)

    def write(site_dir: Path, cancelled: threading.Event | None = None) -> None:
        # Under serve a newer edit may come at any step: each step looks before it starts, so
        # that the next build never waits for more than one step of this one.
        with tempfile.TemporaryDirectory(prefix="carnet-pagefind-") as tmp:
            for number, page in enumerate(pages):  # one flat folder: ten times faster than the site's tree
                with open(os.path.join(tmp, f"{number}.html"), "w", encoding="utf-8") as file:
                    file.write(page.html)
            _stop_if(cancelled)
            _run_pagefind(Path(tmp), site_dir / PAGEFIND_DIR, cancelled)
        for name in UNUSED:
            (site_dir / PAGEFIND_DIR / name).unlink(missing_ok=True)
        indexed = read_fragments(site_dir / PAGEFIND_DIR)
        _stop_if(cancelled)
        short = rewrite(site_dir / PAGEFIND_DIR)
        _stop_if(cancelled)
        ids, shown = {}, {}
        for number, page in enumerate(pages):
            fragment, starts = indexed[f"/{number}.html"]
            ids[page.location] = page_id = short[fragment]
            found = [[anchor, title, text, starts.get(anchor) if anchor else 0] for anchor, title, text in page.shown]
            shown[f"{page_id}.json"] = json.dumps({"l": page.location, "e": found}, ensure_ascii=False,
                                                  separators=(",", ":"))
        _stop_if(cancelled)
        _write_folder(site_dir / PAGES_DIR, shown)
        _stop_if(cancelled)
        _write_folder(site_dir / NAMES_DIR, name_buckets({ids[url]: forms for url, forms in names_by_url.items()
                                                          if url in ids}))
    return write


def _write_folder(folder: Path, files: dict[str, str]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def read_fragments(bundle: Path) -> dict[str, tuple[str, dict[str, int]]]:
    """Pagefind's id of each page (the name of its fragment file) and the word at which each
    of its anchors starts, by the URL Pagefind gave its document ("/12.html"): read back from the fragments, so that
    the worker ranks a fiche first for its names, and shows a page, from files of its own."""
    found = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        data = json.loads(data[data.index(b"{"):])  # after Pagefind's signature
        found[data["url"]] = (fragment.stem, {a["id"]: a["location"] for a in data.get("anchors", []) if a.get("id")})
    return found


class SearchCancelled(Exception):
    """A newer edit came while the index was being written under serve: its index is written instead."""


def _stop_if(cancelled: threading.Event | None) -> None:
    if cancelled is not None and cancelled.is_set():
        raise SearchCancelled()


def _run_pagefind(source: Path, output: Path, cancelled: threading.Event | None = None) -> None:
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
               "--force-language", INDEX_LANGUAGE, "--silent"]
    try:   # a session of its own: cancelled, Pagefind's binary goes with its Python launcher
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=cancelled is not None)
    except OSError as error:
        raise SearchBundleError(f"Carnet: could not run Pagefind ({error}). Fix: `make install` "
                                "(installs the pagefind[bin] package from pyproject.toml).") from error
    while True:
        try:
            stdout, stderr = process.communicate(timeout=None if cancelled is None else 0.05)
            break
        except subprocess.TimeoutExpired:
            if cancelled.is_set():
                os.killpg(process.pid, signal.SIGKILL) if hasattr(os, "killpg") else process.kill()
                process.communicate()
                raise SearchCancelled() from None
    if process.returncode != 0 or not (output / "pagefind.js").is_file():
        detail = (stderr or stdout).strip().splitlines()[-5:]
        raise SearchBundleError("Carnet: Pagefind could not index the site's search:\n  " + "\n  ".join(detail)
                                + "\nFix: `make install` (pagefind[bin] from pyproject.toml), then build again.")
